"""qcdesk.audio package."""
