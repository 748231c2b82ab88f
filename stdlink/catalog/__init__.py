"""Catalogue: bodies, committees, standards, relations, ICS and CCS, and their importers."""
