"""Core: base models and mixins, regions, roles and permissions, audit log, test personas."""
