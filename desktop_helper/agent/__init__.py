"""The GUI agent: the step loop, planning actions on the screen, recording steps, native tools."""
