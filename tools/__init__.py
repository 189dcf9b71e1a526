"""Developer tools (not shipped with the app)."""
