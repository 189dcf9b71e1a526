"""The command line's grammar: the parser and the exit codes (no Qt, no app).

Both the entry point (:mod:`desktop_helper.__main__`) and the running app (which parses commands
forwarded from the tray, hotkeys and other instances) use :func:`build_parser`; it lives here so
that neither imports the other.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from typing import NoReturn

from desktop_helper import APP_DISPLAY_NAME, __version__
from desktop_helper.commands import COMMANDS

#: exit codes
EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_NO_DISPLAY, EXIT_NOT_RUNNING = 0, 1, 2, 3, 4
#: the shell's code for a command stopped by Ctrl+C (128 + SIGINT)
EXIT_CANCELLED = 130


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse's own message, plus where to look, without a traceback
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\nRun '{self.prog} --help' to see the commands.\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="desktop-helper",
        description=f"{APP_DISPLAY_NAME}: a screen assistant for GLM-4.6V. Without a command it starts the tray app; "
        "with one it tells the running app what to do (bind these to desktop shortcuts, e.g. on Wayland).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--profile", metavar="DIR", help="keep settings, history and logs in DIR (a separate instance)")
    parser.add_argument("--verbose", action="store_true", help="log debug messages to stderr")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.add_parser("run", help="start the tray app (the default)")
    for spec in COMMANDS:
        spec.arguments(commands.add_parser(spec.name, help=spec.help, description=spec.help))
    mcp = commands.add_parser(
        "mcp",
        help="serve the screen, the model and the agent to MCP clients over stdio (Claude Desktop, Cursor, VS Code)",
        description="Serve Model Context Protocol tools over stdio; add this command to your MCP client's configuration.",
    )
    mcp.add_argument(
        "--http", action="store_true", help="serve streamable HTTP on 127.0.0.1 instead, behind a token printed at start"
    )
    mcp.add_argument("--port", type=int, default=0, help="the HTTP port (default: a free one, printed at start)")
    # hidden: how 'desktop-helper mcp' hands a tool call to the running app (not listed in --help)
    mcp_call = commands.add_parser("mcp-call", add_help=False)
    mcp_call.add_argument("tool")
    mcp_call.add_argument("arguments", nargs="?", default="{}")
    if importlib.util.find_spec("desktop_helper.ask") is not None:
        ask = importlib.import_module("desktop_helper.ask")
        ask.add_arguments(commands.add_parser("ask", help=ask.HELP, description=ask.HELP))
    return parser
