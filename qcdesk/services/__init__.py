"""qcdesk.services package."""
