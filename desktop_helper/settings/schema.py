"""Every setting, declared once: key, type, default, bounds, description, restart need.

The settings file stores only values that differ from these defaults, plus
:data:`SCHEMA_VERSION`; :data:`MIGRATIONS` upgrades older files (after a backup).
The Settings dialog builds its pages from :data:`SECTIONS` and :data:`SCHEMA`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop_helper.core.i18n import marked, t, translate
from desktop_helper.core.wording import has_undecodable_text
from desktop_helper.settings.providers import clean_stored_providers

#: the translation context of the settings' sections, labels and descriptions (ui/schema_i18n.py marks them)
SCHEMA_CONTEXT = "SettingsSchema"

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
    #: for a damaged stored value: returns the part worth keeping and why the rest was dropped
    repair: Callable[[Any], tuple[Any, list[str]]] | None = None

    @property
    def section(self) -> str:
        return self.key.split(".", 1)[0]

    def validate(self, value: Any) -> Any:
        """Return ``value`` coerced to the setting's type, or raise ValueError with a readable reason."""
        if self.type is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if (self.type is int and isinstance(value, bool)) or not isinstance(value, self.type):
            kind = t(_TYPE_NAMES[self.type]) if self.type in _TYPE_NAMES else self.type.__name__
            raise ValueError(t("{label} must be {kind}, not {value!r}.", label=self._shown_label(), kind=kind, value=value))
        number: Any = value  # narrowed to object by isinstance on a runtime type
        if isinstance(number, float) and not math.isfinite(number):
            # NaN passes every bounds check below (all comparisons are false), so it must be refused here
            raise ValueError(t("{label} must be a finite number, not {value!r}.", label=self._shown_label(), value=value))
        if isinstance(value, str) and has_undecodable_text(value):
            raise ValueError(t("{label} contains bytes that are not valid text (UTF-8).", label=self._shown_label()))
        if self.minimum is not None and number < self.minimum:
            raise ValueError(t("{label} must be at least {minimum:g}.", label=self._shown_label(), minimum=self.minimum))
        if self.maximum is not None and number > self.maximum:
            raise ValueError(t("{label} must be at most {maximum:g}.", label=self._shown_label(), maximum=self.maximum))
        if self.choices is not None and value not in self.choices:
            raise ValueError(t("{label} must be one of: {choices}.", label=self._shown_label(), choices=", ".join(self.choices)))
        if self.check is not None:
            try:
                value = self.check(value)
            except ValueError as exc:
                raise ValueError(t("{label}: {problem}", label=self._shown_label(), problem=exc)) from exc
        return value

    def _shown_label(self) -> str:
        """The label as the settings dialog shows it (translated there, in the ``SettingsSchema`` context)."""
        return translate(SCHEMA_CONTEXT, self.label)


def _providers(value: list[Any]) -> list[Any]:
    """Every saved API provider must be readable; a damaged one is refused with the reason."""
    kept, problems = _repair_providers(value)
    if problems:
        raise ValueError(problems[0])
    return kept


def _repair_providers(value: Any) -> tuple[list[Any], list[str]]:
    return clean_stored_providers(value)


def _hotkey(value: str) -> str:
    """A hotkey in canonical pynput syntax; '' disables it (the parser is pure, no pynput import)."""
    from desktop_helper.parsers.hotkeys import validate_hotkey_setting

    return validate_hotkey_setting(value)


_TYPE_NAMES = {
    bool: marked("on or off"),
    int: marked("a whole number"),
    float: marked("a number"),
    str: marked("text"),
    list: marked("a list"),
    dict: marked("a table"),
}

#: section id -> title, in dialog order
SECTIONS: dict[str, str] = {
    "general": "General",
    "hotkeys": "Hotkeys",
    "models": "Models and providers",
    "capture": "Capture",
    "overlay": "Overlay",
    "agent": "GUI agent",
    "privacy": "Privacy",
    "mcp": "MCP server",
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
    Setting(
        "general.theme",
        str,
        "system",
        "Appearance",
        "Light or dark look; following the system changes with it.",
        choices=("system", "light", "dark"),
    ),
    Setting(
        "general.chat_geometry",
        str,
        "",
        "Chat window place",
        "Where the chat window was and how large (Qt's saved geometry, base64).",
        visible=False,
    ),
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
        "Stop everything",
        "Stop the agent, a recording and a search at once, and hide what they drew on the screen.",
        check=_hotkey,
    ),
    # models
    Setting(
        "models.backend",
        str,
        "local_gguf",
        "Model runs on",
        "This computer runs a model file you downloaded; an API provider runs the model on its servers, over the internet.",
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
        "Most tokens one chat answer may use (0: the model's or the server's own limit).",
        minimum=0,
        maximum=131072,
    ),
    Setting(
        "models.providers",
        list,
        [],
        "API providers",
        "Configured OpenAI-compatible providers.",
        visible=False,
        check=_providers,
        repair=_repair_providers,
    ),
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
    # mcp: what `desktop-helper mcp` offers MCP clients (Claude Desktop, Cursor, VS Code); a user who added that
    # command to a client chose the read-only tools; acting on the screen is a second, explicit choice
    Setting(
        "mcp.enabled",
        bool,
        True,
        "MCP server",
        "Let MCP clients that run 'desktop-helper mcp' (Claude Desktop, Cursor, VS Code) use the tools below.",
    ),
    Setting("mcp.list_monitors", bool, True, "MCP: list monitors", "MCP clients may list the monitors and their sizes."),
    Setting(
        "mcp.capture",
        bool,
        True,
        "MCP: capture",
        "MCP clients may take screenshots of the screen, a monitor, a region or the active window.",
    ),
    Setting("mcp.ask", bool, True, "MCP: ask", "MCP clients may ask the model about the screen or an image file."),
    Setting(
        "mcp.find_on_screen", bool, True, "MCP: find on screen", "MCP clients may find things on the screen; the boxes are drawn."
    ),
    Setting(
        "mcp.propose_action",
        bool,
        True,
        "MCP: propose actions",
        "MCP clients may ask the GUI agent for a next step (it never acts).",
    ),
    Setting(
        "mcp.perform_action",
        bool,
        False,
        "MCP: perform actions",
        "MCP clients may ask to click or type; each action waits for your Confirm on the screen.",
    ),
    # language
    Setting(
        "language.ui", str, "system", "Language", "Language of the interface.", choices=("system", "en", "zh_CN"), restart=True
    ),
)

BY_KEY: dict[str, Setting] = {s.key: s for s in SCHEMA}

#: version -> function upgrading a stored-values dict from that version to the next
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}
