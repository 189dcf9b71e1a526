"""The Qt user interface: the only package (besides the composition root) that imports PySide6."""
