"""qcdesk: a desktop workspace for sales quality-control specialists."""

__version__ = "0.1.0"
