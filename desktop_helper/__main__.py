"""Command line: start the tray app, or forward a command to the one already running.

``--help`` and ``--version`` work without a display and without importing Qt.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from collections.abc import Sequence
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


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--self-test"]:  # hidden: the packaging smoke test's check of a built bundle
        return importlib.import_module("desktop_helper.selftest").main(argv)
    args = build_parser().parse_args(argv)
    command = args.command or "run"

    from desktop_helper.settings.paths import app_paths

    paths = app_paths(args.profile)
    forwarded_argv = [a for a in argv if a != "--verbose"]
    if args.profile:
        # the profile selects the instance; the running app must not see it as part of the command
        index = forwarded_argv.index("--profile")
        del forwarded_argv[index : index + 2]

    if command == "ask":
        try:
            ask = importlib.import_module("desktop_helper.ask")
            return int(ask.main(args, paths))
        except KeyboardInterrupt:
            # Ctrl+C while the modules load (ask.main handles it once the question runs)
            print("\ndesktop-helper ask: Cancelled.", file=sys.stderr)
            return EXIT_CANCELLED

    if command == "mcp":
        # the SDK is imported only here: --help and the other commands stay fast
        return int(importlib.import_module("desktop_helper.mcp.server").main(args, paths))

    from desktop_helper import ipc

    try:
        code = EXIT_OK
        for reply in ipc.forward(paths, forwarded_argv or ["show-chat"]):
            if reply.get("type") == "output":
                print(reply.get("text", ""), flush=True)
            elif reply.get("type") == "exit":
                code = int(reply.get("code", EXIT_OK))
                if reply.get("text"):
                    print(f"desktop-helper: {reply['text']}", file=sys.stderr)
        return code
    except ipc.NotRunningError:
        pass
    except ipc.UnsafeSocketError as exc:
        # never talk to a socket another user could have made; the app still starts, without taking commands
        print(f"desktop-helper: {exc.message}\n{exc.fix or ''}".rstrip(), file=sys.stderr)
        if command in ("quit", "stop", "status", "hide-chat"):
            return EXIT_ERROR
    except (OSError, ValueError) as exc:
        print(f"desktop-helper: the running instance did not answer ({exc}).", file=sys.stderr)
        return EXIT_ERROR

    if command in ("quit", "stop", "status", "hide-chat", "mcp-call"):
        print(f"{APP_DISPLAY_NAME} is not running.", file=sys.stderr)
        return EXIT_NOT_RUNNING

    from desktop_helper.platform.system import has_display

    if not has_display():
        print(
            f"desktop-helper: no display found (DISPLAY and WAYLAND_DISPLAY are not set).\n"
            f"{APP_DISPLAY_NAME} is a desktop app: start it from your desktop session, "
            "or use 'desktop-helper ask' for questions without the GUI.",
            file=sys.stderr,
        )
        return EXIT_NO_DISPLAY

    from desktop_helper.app import run_app

    return run_app(args, paths, initial_argv=forwarded_argv if command != "run" else [])


if __name__ == "__main__":
    sys.exit(main())
