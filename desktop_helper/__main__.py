"""Command line: start the tray app, or forward a command to the one already running.

``--help`` and ``--version`` work without a display and without importing Qt.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Sequence

from desktop_helper import APP_DISPLAY_NAME
from desktop_helper.cli import EXIT_CANCELLED, EXIT_ERROR, EXIT_NO_DISPLAY, EXIT_NOT_RUNNING, EXIT_OK, build_parser

__all__ = ["build_parser", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--self-test"]:  # hidden: the packaging smoke test's check of a built bundle
        return int(importlib.import_module("desktop_helper.selftest").main(argv))
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
