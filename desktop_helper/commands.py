"""The commands a user can give the running app, from the CLI, the tray, a hotkey or a shortcut.

Every way of asking for something (tray menu, global hotkey, ``desktop-helper capture region``
from a shell) ends in :meth:`CommandRouter.run`, so they all behave the same. Handlers are
registered by the composition root; they run on the GUI thread.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Union

#: a handler gets the parsed arguments and a function to print a line back to the caller; it returns
#: the exit code, or a Future of it when it answers later from a worker (``ask``)
Output = Callable[[str], None]
Result = Union[int, "Future[int]"]
Handler = Callable[[argparse.Namespace, Output], Result]


@dataclass(frozen=True)
class CommandSpec:
    name: str
    help: str
    #: adds the command's arguments to its sub-parser
    arguments: Callable[[argparse.ArgumentParser], None] = field(default=lambda parser: None)


def _capture_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("what", nargs="?", default="region", choices=("region", "screen", "monitor", "window", "last-region"))
    parser.add_argument("monitor", nargs="?", type=int, help="monitor number for 'monitor' (1 = first)")
    parser.add_argument("--delay", type=int, default=None, help="seconds to wait before capturing")


def _record_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", nargs="?", default="toggle", choices=("start", "stop", "toggle"))
    parser.add_argument("--region", action="store_true", help="record a region instead of the monitor")


def _find_args(parser: argparse.ArgumentParser) -> None:
    _text_args("target")(parser)
    parser.add_argument("--json", action="store_true", help="print the boxes found as JSON")


def _text_args(name: str) -> Callable[[argparse.ArgumentParser], None]:
    def add(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(name, nargs="*", help=f"the {name} (asked for when missing)")

    return add


#: commands the running instance understands, in help order
COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec("show-chat", "show the chat window"),
    CommandSpec("hide-chat", "hide the chat window"),
    CommandSpec("toggle-chat", "show or hide the chat window"),
    CommandSpec("capture", "capture the screen, a monitor, a window or a region and ask about it", _capture_args),
    CommandSpec("record", "start or stop a screen recording", _record_args),
    CommandSpec("find", "find something on the screen, draw it and print where it is", _find_args),
    CommandSpec("agent", "let the GUI agent work on a task, step by step", _text_args("task")),
    CommandSpec("stop", "stop the agent, the recording and hide overlays"),
    CommandSpec("settings", "open the settings"),
    CommandSpec("status", "print the running instance's state as JSON"),
    CommandSpec("quit", "quit the running instance"),
)


class CommandRouter:
    """Routes command names to handlers registered by the composition root."""

    def __init__(self) -> None:
        self._handlers: dict[str, Handler] = {}

    def register(self, name: str, handler: Handler) -> None:
        if name not in {spec.name for spec in COMMANDS} and name not in ("ask", "mcp-call"):
            raise ValueError(f"unknown command {name}")
        self._handlers[name] = handler

    def run(self, args: argparse.Namespace, output: Output) -> Result:
        handler = self._handlers.get(args.command)
        if handler is None:
            output(f"The command '{args.command}' is not available yet; the app is still starting. Try again in a moment.")
            return 2
        return handler(args, output)
