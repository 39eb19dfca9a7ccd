"""qcdesk.asr package."""
