"""qcdesk.db package."""
