"""Every agent step kept for review: screenshot, model output, action, result.

The loop talks to a :class:`StepRecorder`; :class:`FolderStepRecorder` keeps runs as plain files
(one folder per run: ``run.json``, ``steps.jsonl``, ``step-NN.png``) until the conversation store
takes them, and :class:`MemoryStepRecorder` serves tests and headless use.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from desktop_helper.core.i18n import t
from desktop_helper.core.types import ImagePart
from desktop_helper.parsers.gui_actions import AgentReply, format_call

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StepRecord:
    """One step of a run.

    Attributes:
        number: 1-based step number.
        screenshot: the screenshot the model saw (as sent).
        raw_output: the model's full answer.
        thinking: the model's separated reasoning.
        reply: the parsed answer.
        words: the proposed action in words (empty when nothing was understood).
        result: ``performed``, ``skipped``, ``not_understood``, ``refused``, ``failed``, ``stopped``,
            ``waited``, ``done``, ``gave_up`` or ``model_error``.
        detail: what happened, for the user.
        started / finished: wall-clock times.
    """

    number: int
    screenshot: ImagePart | None
    raw_output: str
    thinking: str
    reply: AgentReply | None
    words: str
    result: str
    detail: str = ""
    started: float = field(default_factory=time.time)
    finished: float = field(default_factory=time.time)

    def as_json(self) -> dict[str, Any]:
        action = self.reply.action if self.reply is not None else None
        return {
            "step": self.number,
            "result": self.result,
            "detail": self.detail,
            "action": format_call(action) if action is not None else None,
            "words": self.words,
            "thought": self.reply.thought if self.reply is not None else "",
            "memory": self.reply.memory_text if self.reply is not None else "[]",
            "problem": self.reply.problem if self.reply is not None else "",
            "raw_output": self.raw_output,
            "thinking": self.thinking,
            "screenshot_size": [self.screenshot.width, self.screenshot.height] if self.screenshot else None,
            "started": self.started,
            "finished": self.finished,
        }


@dataclass(frozen=True)
class RunOutcome:
    """How a run ended: ``done``, ``failed``, ``stopped``, ``step_limit`` or ``error``, with a sentence for the user."""

    status: str
    message: str
    steps: int


class StepRecorder(Protocol):
    """Where runs are kept for review. Called from the agent's worker thread."""

    def begin(self, task: str) -> str:
        """Start a run; returns its id."""
        ...

    def add_step(self, step: StepRecord) -> None: ...

    def end(self, outcome: RunOutcome) -> None: ...


class MemoryStepRecorder:
    """Keeps runs in memory."""

    def __init__(self) -> None:
        self.task = ""
        self.steps: list[StepRecord] = []
        self.outcome: RunOutcome | None = None
        self._lock = threading.Lock()

    def begin(self, task: str) -> str:
        with self._lock:
            self.task, self.steps, self.outcome = task, [], None
        return uuid.uuid4().hex

    def add_step(self, step: StepRecord) -> None:
        with self._lock:
            self.steps.append(step)

    def end(self, outcome: RunOutcome) -> None:
        with self._lock:
            self.outcome = outcome


class FolderStepRecorder:
    """Keeps each run in its own folder under ``root``; a failing disk is logged, never fatal to the run."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder: Path | None = None

    def begin(self, task: str) -> str:
        run_id = time.strftime("%Y%m%d-%H%M%S") + "-" + uuid.uuid4().hex[:8]
        self.folder = self.root / run_id
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._write_run({"id": run_id, "task": task, "started": time.time(), "outcome": None})
        except OSError:
            log.exception("cannot keep agent run in %s", self.folder)
        return run_id

    def add_step(self, step: StepRecord) -> None:
        if self.folder is None:
            return
        try:
            if step.screenshot is not None:
                (self.folder / f"step-{step.number:02d}.png").write_bytes(step.screenshot.data)
            with (self.folder / "steps.jsonl").open("a", encoding="utf-8") as stream:
                stream.write(json.dumps(step.as_json(), ensure_ascii=False) + "\n")
        except OSError:
            log.exception("cannot save agent step %d", step.number)

    def end(self, outcome: RunOutcome) -> None:
        if self.folder is None:
            return
        try:
            data = json.loads((self.folder / "run.json").read_text(encoding="utf-8"))
            data["outcome"] = {"status": outcome.status, "message": outcome.message, "steps": outcome.steps}
            data["finished"] = time.time()
            self._write_run(data)
        except (OSError, ValueError):
            log.exception("cannot finish agent run record in %s", self.folder)

    def _write_run(self, data: dict[str, Any]) -> None:
        assert self.folder is not None
        temporary = self.folder / "run.json.tmp"
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        temporary.replace(self.folder / "run.json")


class HistoryStepRecorder:
    """Keeps each run as a conversation in the history database, one message per step with its screenshot.

    The database connection belongs to the thread that opens it, so the store is opened on the
    agent's worker thread in :meth:`begin` and closed in :meth:`end` (the database runs in WAL
    mode, so the chat window's own connection keeps working meanwhile).

    Args:
        db_path: the history database file.
        attachments_dir: the history's attachment folder.
    """

    def __init__(self, db_path: Path, attachments_dir: Path) -> None:
        self.db_path = db_path
        self.attachments_dir = attachments_dir
        self.conversation_id: int | None = None
        self._store: Any = None

    def begin(self, task: str) -> str:
        from desktop_helper.history.store import HistoryStore

        try:
            self._store = HistoryStore(self.db_path, self.attachments_dir)
            conversation = self._store.create_conversation(title=t("Agent: {task}", task=task)[:120], backend="gui-agent")
            self.conversation_id = conversation.id
            self._store.add_message(conversation.id, "user", task)
        except Exception:  # the run matters more than its record; the log says why
            log.exception("cannot record the agent run in the history")
            self._close()
        return str(self.conversation_id or "")

    def add_step(self, step: StepRecord) -> None:
        if self._store is None or self.conversation_id is None:
            return
        from desktop_helper.history.records import NewAttachment

        attachments = []
        if step.screenshot is not None:
            shot = step.screenshot
            attachments.append(
                NewAttachment(
                    "image",
                    shot.data,
                    shot.mime,
                    f"step-{step.number:02d}.png",
                    shot.width,
                    shot.height,
                    {"agent_step": step.number},
                )
            )
        try:
            self._store.add_message(
                self.conversation_id, "assistant", step_markdown(step), thinking=step.thinking, attachments=attachments
            )
        except Exception:
            log.exception("cannot record agent step %d", step.number)

    def end(self, outcome: RunOutcome) -> None:
        if self._store is not None and self.conversation_id is not None:
            try:
                self._store.add_message(
                    self.conversation_id, "assistant", f"**Agent finished ({outcome.status}):** {outcome.message}"
                )
            except Exception:
                log.exception("cannot record the end of the agent run")
        self._close()

    def _close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def step_markdown(step: StepRecord) -> str:
    """A step as the conversation shows it: result, action, explanation and the raw answer."""
    data = step.as_json()
    lines = [f"**Step {step.number}: {step.result.replace('_', ' ')}**" + (f" ({step.detail})" if step.detail else "")]
    if data["action"]:
        lines.append(f"Action: {_code(data['action'])}" + (f" ({step.words})" if step.words else ""))
    if data["thought"]:
        lines.append(data["thought"])
    if data["memory"] not in ("", "[]"):
        lines.append(f"Memory: {_code(data['memory'])}")
    # a fence longer than any backtick run in the output keeps it verbatim (the chat renders no HTML)
    longest = max((len(run) for run in re.findall(r"`+", step.raw_output)), default=0)
    fence = "`" * max(3, longest + 1)
    lines.append(f"Model output:\n\n{fence}\n{step.raw_output}\n{fence}")
    return "\n\n".join(lines)


def _code(text: str) -> str:
    """Inline code that survives backticks inside ``text`` (CommonMark: a longer delimiter, padded)."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if longest else ""
    return f"{fence}{pad}{text}{pad}{fence}"
