"""The GUI agent through the real remote backend: an action delivered as an OpenAI ``tool_calls`` delta
(vLLM ``--tool-call-parser glm45``, SGLang ``--tool-call-parser glm``) or as GLM's raw markup in the text
is proposed exactly like the same action written in the call syntax."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest

from desktop_helper.agent.loop import AgentConfig, AgentRun
from desktop_helper.agent.plan import plan_action
from desktop_helper.agent.record import MemoryStepRecorder
from desktop_helper.backends.openai_compat import OpenAICompatBackend
from desktop_helper.core.geometry import Rect
from desktop_helper.parsers.gui_actions import parse_agent_reply
from desktop_helper.settings.providers import from_preset
from tests.fixtures.servers import FakeOpenAIServer, Reply, chunk, text_reply
from tests.test_agent_loop import FakeScreen, Listener, RecordingExecutor

THOUGHT = "The Go button is in the middle of the form."


def _tool_call_reply(name: str, arguments: dict[str, Any], content: str) -> Reply:
    """A streamed answer whose action comes as ``tool_calls`` deltas, arguments cut mid-JSON as servers do."""
    text = json.dumps(arguments)
    cut = len(text) // 2
    first = {"index": 0, "id": "call_1", "type": "function", "function": {"name": name, "arguments": ""}}
    return Reply(
        events=[
            chunk(role="assistant"),
            chunk(content),
            chunk(tool_calls=[first]),
            chunk(tool_calls=[{"index": 0, "function": {"arguments": text[:cut]}}]),
            chunk(tool_calls=[{"index": 0, "function": {"arguments": text[cut:]}}]),
            chunk(finish="tool_calls"),
        ]
    )


def _pieces(text: str, size: int = 5) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


CLICK_AS_CALL = f"{THOUGHT}\n<|begin_of_box|>left_click(start_box='[500,500]', element_info='Go')<|end_of_box|>\nMemory:\n[]"
CLICK_AS_MARKUP = (
    f"{THOUGHT}\n<|begin_of_box|><tool_call>left_click\n<arg_key>start_box</arg_key>\n<arg_value>[500, 500]</arg_value>\n"
    "<arg_key>element_info</arg_key>\n<arg_value>Go</arg_value>\n</tool_call><|end_of_box|>\nMemory:\n[]"
)
DONE_AS_CALL = "All filled in.\n<|begin_of_box|>DONE()<|end_of_box|>\nMemory:\n[]"

SCRIPTS: dict[str, Callable[[], list[Reply]]] = {
    "call syntax": lambda: [text_reply(*_pieces(CLICK_AS_CALL)), text_reply(*_pieces(DONE_AS_CALL))],
    "tool_calls delta": lambda: [
        _tool_call_reply("left_click", {"start_box": [500, 500], "element_info": "Go"}, f"{THOUGHT}\nMemory:\n[]"),
        _tool_call_reply("DONE", {}, "All filled in."),
    ],
    "raw markup": lambda: [text_reply(*_pieces(CLICK_AS_MARKUP)), text_reply(*_pieces("All filled in.\nDONE\nMemory:\n[]"))],
}


@pytest.fixture
def remote(fake_openai: FakeOpenAIServer) -> Iterator[OpenAICompatBackend]:
    backend = OpenAICompatBackend(replace(from_preset("custom", "test"), base_url=fake_openai.url, model="test-model"))
    yield backend
    backend.close()


def _run_agent(backend: OpenAICompatBackend) -> tuple[AgentRun, Listener, list[RecordingExecutor]]:
    executors: list[RecordingExecutor] = []

    def make(bounds: Rect, stopped: Callable[[], bool]) -> RecordingExecutor:
        executors.append(RecordingExecutor(bounds, stopped))
        return executors[-1]

    holder: dict[str, AgentRun] = {}
    listener = Listener(lambda proposal: holder["run"].confirm(proposal.number))
    run = AgentRun(
        backend,
        AgentConfig("Press Go", settle_timeout=0.3, settle_interval=0.05, thinking=False),
        FakeScreen,
        make,
        listener=listener,
        recorder=MemoryStepRecorder(),
    )
    holder["run"] = run
    run.start()
    assert run.join(30)
    return run, listener, executors


@pytest.mark.parametrize("form", list(SCRIPTS))
def test_every_delivered_form_gives_the_text_forms_proposal(
    form: str, fake_openai: FakeOpenAIServer, remote: OpenAICompatBackend
) -> None:
    fake_openai.script(*SCRIPTS[form]())
    _run, listener, executors = _run_agent(remote)
    assert listener.outcome is not None
    assert listener.outcome.status == "done", listener.outcome
    [proposal] = listener.proposals
    assert proposal.reply.action is not None
    # the same typed action, the same words and the same point on the screen as the call syntax gives
    assert (proposal.reply.action.name, proposal.reply.action.point, proposal.reply.action.element_info) == (
        "left_click",
        (500, 500),
        "Go",
    )
    assert proposal.reply.thought == THOUGHT
    text_form = parse_agent_reply(CLICK_AS_CALL).action
    assert text_form is not None
    geometry = FakeScreen().capture().geometry
    assert geometry is not None
    expected = plan_action(text_form, geometry)
    assert (proposal.words, proposal.plan.point) == (expected.words, expected.point)
    assert executors[0].calls == [("click", (2420, 250), "left", 1)]
    # the next prompt replays the step in the call syntax whichever form the model used
    second_prompt = json.dumps(fake_openai.chat_requests[1].body["messages"], ensure_ascii=False)
    assert "left_click(start_box='[500,500]'" in second_prompt
