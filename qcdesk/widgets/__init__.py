"""qcdesk.widgets package."""
