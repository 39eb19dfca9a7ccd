"""Developer tools (screenshots); not imported by the application."""
