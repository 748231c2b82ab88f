"""StdLink (标准联通): a platform for standards internationalisation work."""

__version__ = "0.1.0"
