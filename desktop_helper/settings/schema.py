"""Every setting, declared once: key, type, default, bounds, description, restart need.

The settings file stores only values that differ from these defaults, plus
:data:`SCHEMA_VERSION`; :data:`MIGRATIONS` upgrades older files (after a backup).
The Settings dialog builds its pages from :data:`SECTIONS` and :data:`SCHEMA`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    label: str
    description: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] | None = None
    restart: bool = False
    #: shown in the settings dialog; False for values the app manages itself (window sizes, provider lists)
    visible: bool = True
    #: further validation after the type and bounds: returns the value to store (e.g. canonical) or raises ValueError
    check: Callable[[Any], Any] | None = None

    @property
    def section(self) -> str:
        return self.key.split(".", 1)[0]

    def validate(self, value: Any) -> Any:
        """Return ``value`` coerced to the setting's type, or raise ValueError with a readable reason."""
        if self.type is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if (self.type is int and isinstance(value, bool)) or not isinstance(value, self.type):
            raise ValueError(f"{self.label} must be {_TYPE_NAMES.get(self.type, self.type.__name__)}, not {value!r}.")
        number: Any = value  # narrowed to object by isinstance on a runtime type
        if self.minimum is not None and number < self.minimum:
            raise ValueError(f"{self.label} must be at least {self.minimum:g}.")
        if self.maximum is not None and number > self.maximum:
            raise ValueError(f"{self.label} must be at most {self.maximum:g}.")
        if self.choices is not None and value not in self.choices:
            raise ValueError(f"{self.label} must be one of: {', '.join(self.choices)}.")
        if self.check is not None:
            try:
                value = self.check(value)
            except ValueError as exc:
                raise ValueError(f"{self.label}: {exc}") from exc
        return value


def _hotkey(value: str) -> str:
    """A hotkey in canonical pynput syntax; '' disables it (the parser is pure, no pynput import)."""
    from desktop_helper.parsers.hotkeys import validate_hotkey_setting

    return validate_hotkey_setting(value)


_TYPE_NAMES = {bool: "on or off", int: "a whole number", float: "a number", str: "text", list: "a list", dict: "a table"}

#: section id -> title, in dialog order
SECTIONS: dict[str, str] = {
    "general": "General",
    "hotkeys": "Hotkeys",
    "models": "Models and providers",
    "capture": "Capture",
    "overlay": "Overlay",
    "agent": "GUI agent",
    "privacy": "Privacy",
    "language": "Language",
}

SCHEMA: tuple[Setting, ...] = (
    # general
    Setting("general.start_at_login", bool, False, "Start at login", "Start Desktop Helper when you log in."),
    Setting(
        "general.after_capture",
        str,
        "chat",
        "After a capture",
        "Open the capture in the chat window, or ask about it in a small quick-ask prompt.",
        choices=("chat", "quick_ask"),
    ),
    Setting("general.show_chat_on_start", bool, False, "Show chat on start", "Open the chat window when the app starts."),
    # hotkeys: pynput syntax; Ctrl+Alt+Shift avoids PrtSc, Win+Shift+S/A and AltGr (Ctrl+Alt) letters;
    # checked by parsers/hotkeys.py (exact modifiers, one key; empty disables a hotkey).
    Setting("hotkeys.enabled", bool, True, "Global hotkeys", "Listen for global hotkeys (not possible on pure Wayland)."),
    Setting(
        "hotkeys.capture_region",
        str,
        "<ctrl>+<alt>+<shift>+a",
        "Region capture and ask",
        "Select a region, then ask about it.",
        check=_hotkey,
    ),
    Setting(
        "hotkeys.capture_screen",
        str,
        "<ctrl>+<alt>+<shift>+s",
        "Full-screen capture and ask",
        "Capture the monitor under the cursor, then ask.",
        check=_hotkey,
    ),
    Setting(
        "hotkeys.record",
        str,
        "<ctrl>+<alt>+<shift>+r",
        "Start/stop recording",
        "Start or stop a screen recording.",
        check=_hotkey,
    ),
    Setting(
        "hotkeys.toggle_chat", str, "<ctrl>+<alt>+<shift>+c", "Show/hide chat", "Show or hide the chat window.", check=_hotkey
    ),
    Setting(
        "hotkeys.find",
        str,
        "<ctrl>+<alt>+<shift>+f",
        "Find on screen",
        "Ask what to find and draw it on the screen.",
        check=_hotkey,
    ),
    Setting(
        "hotkeys.agent",
        str,
        "<ctrl>+<alt>+<shift>+g",
        "GUI agent",
        "Ask for a task and let the GUI agent work on it, step by step.",
        check=_hotkey,
    ),
    Setting(
        "hotkeys.stop_agent",
        str,
        "<ctrl>+<alt>+<shift>+x",
        "Stop agent",
        "Stop the GUI agent and hide overlays at once.",
        check=_hotkey,
    ),
    # models
    Setting(
        "models.backend",
        str,
        "local_gguf",
        "Backend",
        "Run the model on this computer (local_gguf) or on an API provider (openai_compat).",
        choices=("local_gguf", "openai_compat"),
    ),
    Setting("models.local_model_path", str, "", "Local model (GGUF)", "Path of the GLM-4.6V-Flash text model GGUF file."),
    Setting("models.local_mmproj_path", str, "", "Vision projector (mmproj GGUF)", "Path of the matching mmproj GGUF file."),
    Setting("models.threads", int, 0, "CPU threads", "Threads for text and vision (0: automatic).", minimum=0, maximum=256),
    Setting(
        "models.context_size",
        int,
        16384,
        "Context size",
        "Tokens the local model can keep in mind.",
        minimum=2048,
        maximum=131072,
        restart=True,
    ),
    Setting(
        "models.device",
        str,
        "auto",
        "Run the local model on",
        "Automatic: the graphics card (GPU) when there is a usable one, else the processor (CPU). "
        "CPU: never use the GPU. GPU: use the GPU; without one the model still runs, on the CPU.",
        choices=("auto", "cpu", "gpu"),
        restart=True,
    ),
    Setting(
        "models.gpu_layers",
        int,
        -1,
        "GPU layers",
        "Layers to offload to the GPU (-1: all that fit, 0: CPU only).",
        minimum=-1,
        maximum=1000,
        restart=True,
    ),
    Setting(
        "models.flash_attention", bool, True, "Flash attention", "Faster attention where the hardware supports it.", restart=True
    ),
    Setting(
        "models.image_token_budget",
        int,
        0,
        "Image token budget",
        "Most tokens one image may use (0: chosen from your hardware). Fewer is faster, more sees finer detail.",
        minimum=0,
        maximum=16384,
    ),
    Setting("models.thinking", bool, True, "Thinking", "Let the model reason before it answers (slower, often better)."),
    Setting(
        "models.max_answer_tokens",
        int,
        0,
        "Longest answer",
        "Most tokens one chat answer may use (0: the backend's default).",
        minimum=0,
        maximum=131072,
    ),
    Setting("models.providers", list, [], "API providers", "Configured OpenAI-compatible providers.", visible=False),
    Setting("models.active_provider", str, "", "Active provider", "Name of the API provider in use.", visible=False),
    # capture
    Setting("capture.delay_seconds", int, 0, "Capture delay", "Seconds to wait before capturing.", minimum=0, maximum=30),
    Setting("capture.copy_to_clipboard", bool, False, "Copy captures", "Copy every capture to the clipboard."),
    Setting("capture.save_folder", str, "", "Save captures to", "Folder where captures are saved (empty: do not save)."),
    Setting(
        "capture.record_fps", int, 15, "Recording frame rate", "Frames per second of screen recordings.", minimum=1, maximum=60
    ),
    Setting(
        "capture.confirm_on_release",
        bool,
        True,
        "Capture on release",
        "Capture as soon as you release the mouse after dragging a region "
        "(off: adjust it with the handles and arrow keys, then press Enter).",
    ),
    Setting(
        "capture.recordings_folder",
        str,
        "",
        "Save recordings to",
        "Folder for screen recordings (empty: the Videos folder, else the app's data folder).",
    ),
    Setting(
        "capture.record_max_seconds",
        int,
        600,
        "Longest recording",
        "Recordings stop by themselves after this many seconds.",
        minimum=5,
        maximum=7200,
    ),
    # overlay
    Setting(
        "overlay.fade_seconds",
        float,
        8.0,
        "Overlay time",
        "Seconds boxes stay on the screen (0: until Esc).",
        minimum=0.0,
        maximum=600.0,
    ),
    # agent
    Setting(
        "agent.auto_mode",
        bool,
        False,
        "Act without asking",
        "Perform each proposed action after a countdown instead of waiting for Confirm.",
    ),
    Setting(
        "agent.chat_tools",
        bool,
        True,
        "Screen tools in chat",
        "Let the model take a screenshot, zoom into a region or list the open windows while it answers a chat question.",
    ),
    Setting("agent.max_steps", int, 20, "Step limit", "The agent stops after this many steps.", minimum=1, maximum=200),
    Setting(
        "agent.countdown_seconds",
        float,
        3.0,
        "Auto-mode countdown",
        "Seconds to wait before each action in auto mode.",
        minimum=1.0,
        maximum=30.0,
    ),
    # privacy
    Setting("privacy.save_history", bool, True, "Keep history", "Save conversations on this computer."),
    Setting("privacy.log_prompts", bool, False, "Log prompts", "Write prompts and answers to the log file (for debugging)."),
    # language
    Setting(
        "language.ui", str, "system", "Language", "Language of the interface.", choices=("system", "en", "zh_CN"), restart=True
    ),
)

BY_KEY: dict[str, Setting] = {s.key: s for s in SCHEMA}

#: version -> function upgrading a stored-values dict from that version to the next
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}
