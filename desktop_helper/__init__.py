"""desktop_helper: a desktop screen assistant for the GLM-4.6V vision-language models."""

__version__ = "0.1.0"
APP_NAME = "desktop-helper"
APP_DISPLAY_NAME = "Desktop Helper"
