"""qcdesk.qtmodels package."""
