"""qcdesk.domain package."""
