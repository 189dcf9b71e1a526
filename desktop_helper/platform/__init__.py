"""Per-OS adapters behind small interfaces (hotkeys, capture, recording, input, autostart)."""
