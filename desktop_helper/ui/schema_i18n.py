"""Settings strings (sections, labels, descriptions, choices) marked for Qt's translation files.

The settings schema is plain Python; the dialog translates its strings here, in the context
``SettingsSchema``. ``tests/test_i18n.py`` fails when a setting is added without listing it below.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "SettingsSchema"

# fmt: off
MARKED = (
    QT_TRANSLATE_NOOP("SettingsSchema", 'General'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Hotkeys'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Models and providers'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Capture'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Overlay'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'GUI agent'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Privacy'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Language'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Start at login'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Start Desktop Helper when you log in.'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'After a capture'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Open the capture in the chat window, or ask about it in a small quick-ask prompt.'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Show chat on start'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Open the chat window when the app starts.'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Global hotkeys'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Listen for global hotkeys (not possible on pure Wayland).'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Region capture and ask'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Select a region, then ask about it.'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Full-screen capture and ask'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Capture the monitor under the cursor, then ask.'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Start/stop recording'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Start or stop a screen recording.'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Show/hide chat'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Show or hide the chat window.'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Find on screen'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Ask what to find and draw it on the screen.'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Ask for a task and let the GUI agent work on it, step by step.'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Stop agent'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Stop the GUI agent and hide overlays at once.'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Backend'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Run the model on this computer (local_gguf) or on an API provider (openai_compat).'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Local model (GGUF)'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Path of the GLM-4.6V-Flash text model GGUF file.'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Vision projector (mmproj GGUF)'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Path of the matching mmproj GGUF file.'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'CPU threads'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Threads for text and vision (0: automatic).'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Context size'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Tokens the local model can keep in mind.'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'GPU layers'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Layers to offload to the GPU (-1: all that fit, 0: CPU only).'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Flash attention'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Faster attention where the hardware supports it.'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Image token budget'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Most tokens one image may use (0: chosen from your hardware). Fewer is faster, more sees finer detail.'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Thinking'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Let the model reason before it answers (slower, often better).'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Longest answer'),
    QT_TRANSLATE_NOOP("SettingsSchema", "Most tokens one chat answer may use (0: the backend's default)."),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Capture delay'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Seconds to wait before capturing.'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Copy captures'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Copy every capture to the clipboard.'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Save captures to'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Folder where captures are saved (empty: do not save).'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Recording frame rate'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Frames per second of screen recordings.'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Capture on release'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Capture as soon as you release the mouse after dragging a region (off: adjust it with the handles and arrow keys, then press Enter).'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Save recordings to'),
    QT_TRANSLATE_NOOP("SettingsSchema", "Folder for screen recordings (empty: the Videos folder, else the app's data folder)."),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Longest recording'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Recordings stop by themselves after this many seconds.'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Overlay time'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Seconds boxes stay on the screen (0: until Esc).'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Act without asking'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Perform each proposed action after a countdown instead of waiting for Confirm.'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Screen tools in chat'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Let the model take a screenshot, zoom into a region or list the open windows while it answers a chat question.'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Step limit'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'The agent stops after this many steps.'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Auto-mode countdown'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Seconds to wait before each action in auto mode.'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Keep history'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Save conversations on this computer.'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Log prompts'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Write prompts and answers to the log file (for debugging).'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Language of the interface.'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Follow the system'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'English'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Open in chat'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'Quick-ask prompt'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'This computer (GGUF)'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'API provider'),
    QT_TRANSLATE_NOOP("SettingsSchema", 'API providers'),
    QT_TRANSLATE_NOOP("SettingsSchema", ' (takes effect after a restart)'),
)
# fmt: on


def tr(text: str) -> str:
    """``text`` in the interface language (itself when untranslated)."""
    return QCoreApplication.translate(CONTEXT, text)
