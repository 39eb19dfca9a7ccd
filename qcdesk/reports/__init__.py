"""qcdesk.reports package."""
