"""The MCP server: ``desktop-helper mcp`` speaks the Model Context Protocol over stdio.

Each tool call is checked (:func:`~desktop_helper.mcp.tools.check_arguments`), then sent to the
running app as ``mcp-call TOOL ARGUMENTS-JSON`` through its command socket, so the app's loaded
model, overlay, settings and confirm panel serve it. The app answers with one JSON line; a capture's
PNG comes back as the path of a file in the user's private runtime folder (the socket's 0700
folder, checked on both ends), which this process reads and deletes: no image travels through the
socket, whose requests are capped at 1 MB and whose reader is line-based. Without the app the
read-only tools run here, on this process's own capture and model (loaded once, on first use);
perform_action says it needs the app.

Every call is logged (tool, arguments without texts unless prompt logging is on, duration, outcome)
to the log folder's ``mcp.log``; stdout belongs to the protocol, so nothing else is printed there.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import logging
import logging.handlers
import sys
import threading
import time
from concurrent.futures import CancelledError, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import mcp_types as types

from desktop_helper import APP_DISPLAY_NAME, __version__, ipc
from desktop_helper.backends.base import CancelToken
from desktop_helper.core.errors import UserError
from desktop_helper.mcp.handoff import take_handoff_file
from desktop_helper.mcp.tools import BY_NAME, TOOLS, ToolError, ToolSpec, check_arguments, loggable_arguments
from desktop_helper.settings.paths import AppPaths

if TYPE_CHECKING:
    from desktop_helper.settings.store import Settings

log = logging.getLogger("desktop_helper.mcp")

#: the hidden command the app runs MCP calls with
APP_COMMAND = "mcp-call"
#: exit code of mcp-call when the app has the command but the tool failed (the reply says why)
EXIT_TOOL_ERROR = 1
NEEDS_APP = f"perform_action needs the {APP_DISPLAY_NAME} app: it shows the action on the screen and acts only when you confirm."
NEEDS_APP_FIX = f"Start {APP_DISPLAY_NAME}, then try again."
INSTRUCTIONS = (
    f"{APP_DISPLAY_NAME} gives you eyes on this computer's screen with a local vision model (GLM-4.6V): capture it, "
    "ask about it, find things on it in screen pixels, and propose GUI actions. perform_action acts only after the "
    "user confirms on the screen."
)


class Tools:
    """Runs tool calls: through the running app when there is one, else here (read-only tools only)."""

    def __init__(self, paths: AppPaths) -> None:
        self.paths = paths
        self._headless: Any = None
        self._headless_lock = threading.Lock()
        # one thread for headless work: the capture's per-thread handles and the model stay on it
        self.headless_pool = ThreadPoolExecutor(1, thread_name_prefix="mcp-headless")
        # forwarded calls only wait on the socket; perform_action may wait minutes for the user
        self.forward_pool = ThreadPoolExecutor(4, thread_name_prefix="mcp-forward")
        #: the calls under way: cancelled when their client gives up, or all at once when it goes away
        self._live: set[CancelToken] = set()
        self._live_lock = threading.Lock()

    def started(self) -> CancelToken:
        """A new call's cancel token (cancel it when the client cancels the call; :meth:`finished` after)."""
        token = CancelToken()
        with self._live_lock:
            self._live.add(token)
        return token

    def finished(self, token: CancelToken) -> None:
        with self._live_lock:
            self._live.discard(token)

    def settings(self) -> Settings:
        from desktop_helper.settings.store import Settings

        return Settings(self.paths.settings_file)

    def exposed(self) -> list[ToolSpec]:
        """The tools the settings expose (none while the server is turned off)."""
        settings = self.settings()
        if not settings.get_bool("mcp.enabled"):
            return []
        return [spec for spec in TOOLS if settings.get_bool(spec.setting)]

    # ----- one call
    def call(
        self, name: str, arguments: dict[str, Any], cancel: CancelToken | None = None
    ) -> tuple[dict[str, Any], bytes | None]:
        """Run one checked call; returns the result dict and a PNG for captures.

        ``cancel`` (the client cancelled the call or went away) stops the model's answer, the
        app's work, and a perform_action still waiting for the user's Confirm.

        Raises:
            UserError: (ToolError and others) what went wrong, said for the client.
        """
        cancel = cancel or CancelToken()
        forwarded = self._forward(name, arguments, cancel)
        if forwarded is not None:
            return forwarded
        if name == "perform_action":
            raise ToolError(NEEDS_APP, NEEDS_APP_FIX)
        checked = check_arguments(name, arguments)
        return self.headless_pool.submit(self._run_headless, name, checked, cancel).result()

    def _forward(self, name: str, arguments: dict[str, Any], cancel: CancelToken) -> tuple[dict[str, Any], bytes | None] | None:
        """The running app's answer, or None when no app runs (or it cannot take MCP calls)."""
        argv = [APP_COMMAND, name, json.dumps(arguments, ensure_ascii=False)]
        try:
            replies = list(ipc.forward(self.paths, argv, reply_timeout=None, cancelled=lambda: cancel.cancelled))
        except ipc.NotRunningError:
            return None
        except ipc.UnsafeSocketError as exc:
            log.warning("not using the app: %s", exc.message)
            return None
        except (OSError, ValueError) as exc:
            raise UserError(f"{APP_DISPLAY_NAME} did not answer ({exc}).", "Its log has the details.") from exc
        if cancel.cancelled:
            raise ToolError(f"The call to {name} was cancelled.")
        lines = [str(r.get("text", "")) for r in replies if r.get("type") == "output"]
        exit_reply = next((r for r in replies if r.get("type") == "exit"), {})
        answer = _json_line(lines)
        if answer is None:
            text = exit_reply.get("text") or " ".join(lines)
            if "still starting" in text or "not available" in text:
                return None  # an app that is starting (or an older one): answer here meanwhile
            raise UserError(f"{APP_DISPLAY_NAME} could not run {name}: {text or 'no answer'}.", "Its log has the details.")
        if not answer.get("ok"):
            raise ToolError(str(answer.get("error") or "The call failed."), answer.get("fix"))
        png = None
        image = answer.get("image")
        if image:
            png = take_handoff_file(Path(str(image)))
        return dict(answer.get("result") or {}), png

    def _operations(self) -> Any:
        with self._headless_lock:
            if self._headless is None:
                from desktop_helper.mcp.operations import ScreenOperations
                from desktop_helper.platform.capture import capture_backend_for_current_os
                from desktop_helper.platform.window_list import window_lister_for_current_os

                self._headless = ScreenOperations(
                    capture_backend_for_current_os(), window_lister_for_current_os(), self._model, self._setting
                )
            return self._headless

    def _setting(self, key: str) -> Any:
        return self.settings().get(key)

    _model_backend: Any = None

    def _model(self) -> Any:
        """The configured model, opened on first use and kept (a local model takes a while to load)."""
        if self._model_backend is None:
            from desktop_helper.ask import open_backend

            options = argparse.Namespace(backend=None, model=None, mmproj=None, base_url=None, api_model=None, image_budget=None)
            self._model_backend = open_backend(options, self.paths)
        return self._model_backend

    def _run_headless(self, name: str, checked: dict[str, Any], cancel: CancelToken) -> tuple[dict[str, Any], bytes | None]:
        from desktop_helper.mcp.operations import run_operation

        if cancel.cancelled:  # given up while it waited for the call before it
            raise ToolError(f"The call to {name} was cancelled.")
        return run_operation(self._operations(), name, checked, cancel)

    def close(self) -> None:
        with self._live_lock:
            for token in self._live:
                token.cancel()
        self.forward_pool.shutdown(wait=False, cancel_futures=True)
        self.headless_pool.shutdown(wait=True, cancel_futures=True)
        backend, self._model_backend = self._model_backend, None
        if backend is not None:
            backend.close()


def _json_line(lines: list[str]) -> dict[str, Any] | None:
    for line in reversed(lines):
        try:
            value = json.loads(line)
        except ValueError:
            continue
        if isinstance(value, dict) and "ok" in value:
            return value
    return None


# ---------------------------------------------------------------------- the protocol


def tool_definition(spec: ToolSpec) -> types.Tool:
    return types.Tool(
        name=spec.name,
        title=spec.title,
        description=spec.description,
        input_schema=spec.schema,
        annotations=types.ToolAnnotations(
            title=spec.title, read_only_hint=spec.read_only, destructive_hint=not spec.read_only, open_world_hint=False
        ),
    )


def result_content(name: str, result: dict[str, Any], png: bytes | None) -> list[Any]:
    """The MCP content of a successful call: the image first for captures, then what it shows."""
    content: list[Any] = []
    if png is not None:
        content.append(types.ImageContent(data=base64.b64encode(png).decode("ascii"), mime_type="image/png"))
    if name == "capture":
        rect, size = result["screen_rect"], result["image_size"]
        text = (
            f"Capture of {result['target']}: screen pixels x={rect['x']}, y={rect['y']}, {rect['width']}x{rect['height']}, "
            f"sent as {size['width']}x{size['height']} px (screen x = {rect['x']} + image x / {result['scale']:g})."
        )
    elif name == "ask":
        text = result["answer"] or "(the model gave no answer)"
    elif name == "find_on_screen":
        from desktop_helper.grounding import found_lines

        text = "\n".join(found_lines(result))
    elif name == "propose_action":
        text = _proposal_text(result)
    elif name == "perform_action":
        text = str(result.get("message", "Done."))
    else:
        text = json.dumps(result, ensure_ascii=False)
    content.append(types.TextContent(text=text))
    if name in ("ask", "find_on_screen", "propose_action", "capture"):
        content.append(types.TextContent(text=json.dumps(result, ensure_ascii=False)))
    return content


def _proposal_text(result: dict[str, Any]) -> str:
    thought = f" Reason: {result['thought']}" if result.get("thought") else ""
    if result.get("action") is None:
        return f"No action to perform ({result.get('status')}): {result.get('description', '')}.{thought}"
    return f"Proposed on monitor {result.get('monitor')}: {result.get('description', '')}.{thought} Nothing was done."


def error_result(message: str) -> types.CallToolResult:
    return types.CallToolResult(content=[types.TextContent(text=message)], is_error=True)


def build_server(tools: Tools) -> Any:
    from mcp.server.lowlevel import Server

    async def list_tools(_ctx: Any, _params: Any) -> types.ListToolsResult:
        exposed = await asyncio.get_running_loop().run_in_executor(None, tools.exposed)
        return types.ListToolsResult(tools=[tool_definition(spec) for spec in exposed])

    async def call_tool(_ctx: Any, params: types.CallToolRequestParams) -> types.CallToolResult:
        cancel = tools.started()
        try:
            return await asyncio.get_running_loop().run_in_executor(
                tools.forward_pool, handle_call, tools, params.name, dict(params.arguments or {}), cancel
            )
        finally:
            # done, or cancelled by the client (or its going away): its work, if any is left, stops
            cancel.cancel()
            tools.finished(cancel)

    return Server(
        "desktop-helper",
        version=__version__,
        title=APP_DISPLAY_NAME,
        instructions=INSTRUCTIONS,
        on_list_tools=list_tools,
        on_call_tool=call_tool,
    )


def handle_call(tools: Tools, name: str, arguments: dict[str, Any], cancel: CancelToken | None = None) -> types.CallToolResult:
    """One tool call, whatever happens: a result or a tool error, logged either way."""
    started = time.monotonic()
    outcome = "ok"
    try:
        settings = tools.settings()
        log_prompts = settings.get_bool("privacy.log_prompts")
    except Exception:  # an unreadable settings file still gets an answer
        settings, log_prompts = None, False
    try:
        spec = BY_NAME.get(name)
        if settings is not None and not settings.get_bool("mcp.enabled"):
            raise ToolError(
                f"The MCP server of {APP_DISPLAY_NAME} is turned off.", "Turn it on in Settings > MCP server, then try again."
            )
        if spec is not None and settings is not None and not settings.get_bool(spec.setting):
            raise ToolError(
                f"The tool {name} is turned off in {APP_DISPLAY_NAME}.", f"Turn on '{name}' in Settings > MCP server."
            )
        check_arguments(name, arguments)  # a clear message before anything runs
        result, png = tools.call(name, arguments, cancel)
        content = result_content(name, result, png)
        if log_prompts and name in ("ask",):
            log.info("mcp %s answer: %s", name, result.get("answer", ""))
        return types.CallToolResult(content=content, structured_content=None if png else result)
    except UserError as exc:
        outcome = f"error: {exc.message}"
        return error_result(str(exc))
    except CancelledError:  # the server is closing (its client went away) before this call ran
        outcome = "cancelled"
        return error_result(f"The call to {name} was cancelled.")
    except Exception as exc:  # a bug: the client gets a message, the log the traceback, the server keeps serving
        log.exception("mcp %s failed", name)
        outcome = f"internal error: {type(exc).__name__}"
        problem = f"{type(exc).__name__}: {exc}"
        return error_result(f"{APP_DISPLAY_NAME} failed to run {name} ({problem}). Its log mcp.log has the details.")
    finally:
        log.info(
            "mcp call %s %s: %s in %.0f ms",
            name,
            json.dumps(loggable_arguments(arguments, log_prompts), ensure_ascii=False),
            outcome,
            (time.monotonic() - started) * 1000,
        )


def _setup_logging(paths: AppPaths, verbose: bool) -> None:
    """Log to the log folder's mcp.log (and stderr with --verbose); never to stdout, which is the protocol's."""
    from desktop_helper.logging_setup import RedactingFilter

    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        root.removeHandler(handler)
    formatter = logging.Formatter("%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s")
    try:
        paths.logs.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            paths.logs / "mcp.log", maxBytes=2_000_000, backupCount=2, encoding="utf-8"
        )
        file_handler.setFormatter(formatter)
        file_handler.addFilter(RedactingFilter())
        root.addHandler(file_handler)
    except OSError:
        pass
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("desktop-helper mcp: %(levelname)s: %(message)s"))
    root.addHandler(console)


def main(args: argparse.Namespace, paths: AppPaths) -> int:
    """Serve MCP over stdio until the client closes the connection (or over HTTP with ``--http``)."""
    import anyio
    from mcp.server.stdio import stdio_server

    _setup_logging(paths, bool(getattr(args, "verbose", False)))
    tools = Tools(paths)
    server = build_server(tools)
    try:
        if getattr(args, "http", False):
            return serve_http(server, int(getattr(args, "port", 0) or 0))
        log.info("MCP server %s started (stdio)", __version__)

        async def serve() -> None:
            async with stdio_server() as (read_stream, write_stream):
                await server.run(read_stream, write_stream, server.create_initialization_options())

        anyio.run(serve)
    except KeyboardInterrupt:
        pass
    finally:
        tools.close()
        log.info("MCP server stopped")
    return 0


#: the environment variable that fixes the HTTP token (else a new random one each start)
TOKEN_ENV = "DESKTOP_HELPER_MCP_TOKEN"  # noqa: S105 - a variable name, not a secret


class RequireToken:
    """ASGI middleware: every HTTP request must carry ``Authorization: Bearer <token>`` (compared in constant time)."""

    def __init__(self, app: Any, token: str) -> None:
        self.app = app
        self._expected = f"Bearer {token}".encode()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope.get("type") == "http":
            import secrets

            given = dict(scope.get("headers") or []).get(b"authorization", b"")
            if not secrets.compare_digest(given, self._expected):
                await send(
                    {
                        "type": "http.response.start",
                        "status": 401,
                        "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"www-authenticate", b"Bearer")],
                    }
                )
                await send({"type": "http.response.body", "body": b"A valid 'Authorization: Bearer <token>' header is needed.\n"})
                return
        await self.app(scope, receive, send)


def serve_http(server: Any, port: int) -> int:
    """Serve streamable HTTP on 127.0.0.1 only, behind a bearer token; prints the URL and token to stderr."""
    import os
    import secrets
    import socket

    import uvicorn

    token = os.environ.get(TOKEN_ENV) or secrets.token_urlsafe(32)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        listener.bind(("127.0.0.1", port))
    except OSError as exc:
        listener.close()
        print(f"desktop-helper mcp: port {port} on 127.0.0.1 is not free ({exc.strerror}). Pick another with --port.",
              file=sys.stderr)
        return 1
    listener.listen(64)  # clients that connect before the server runs wait in the queue
    actual = listener.getsockname()[1]
    app = RequireToken(server.streamable_http_app(host="127.0.0.1"), token)
    print(
        f"MCP over HTTP: http://127.0.0.1:{actual}/mcp\nSend the header: Authorization: Bearer {token}",
        file=sys.stderr,
        flush=True,
    )
    log.info("MCP server %s started (HTTP on 127.0.0.1:%d)", __version__, actual)
    uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on")).run(sockets=[listener])
    return 0
