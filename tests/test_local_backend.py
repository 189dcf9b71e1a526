"""The local llama.cpp backend on the generated tiny GLM-4.6V-Flash pair: real loads, real decoding.

The tiny model's answers are random text, so these tests check what does not depend on answer
quality: the prompt the template produced, token and image accounting, KV-cache reuse (and that
a reused prefix gives exactly the tokens a cold run gives), cancelling, the one-at-a-time lock,
logging, and a clear error for every bad input.
"""

from __future__ import annotations

import io
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from desktop_helper.backends.base import (
    CancelToken,
    ChatRequest,
    Done,
    Event,
    Progress,
    TextDelta,
    ThinkingDelta,
    ToolCallEvent,
    Usage,
    sent_images,
)
from desktop_helper.backends.local_gguf import BUDGET_CPU, LocalGGUFBackend, default_image_token_budget
from desktop_helper.backends.splitter import EventSplitter
from desktop_helper.core.errors import BackendError, CancelledError
from desktop_helper.core.types import FinishReason, ImagePart, Message, TextPart, ToolSpec, VideoPart
from desktop_helper.media.images import fit_to_token_budget, image_tokens
from tests.fixtures.tiny_model import TinyModel
from tests.tools.make_tiny_glm4v import TextShape, write_mmproj, write_text_model


def _png(width: int, height: int, seed: int = 0) -> ImagePart:
    image = Image.new("RGB", (width, height), (seed * 40 % 256, 90, 160))
    for x in range(0, width, 37):
        for y in range(0, height, 23):
            image.putpixel((x, y), (255, (x + seed) % 256, y % 256))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ImagePart(buffer.getvalue(), "image/png", width, height, name=f"test{seed}.png")


def _ask(question: str, *images: ImagePart) -> Message:
    return Message("user", (*images, TextPart(question)))


def _drain(events: Iterator[Event]) -> tuple[list[Event], Usage, Done]:
    collected = list(events)
    usage = [e for e in collected if isinstance(e, Usage)]
    done = [e for e in collected if isinstance(e, Done)]
    assert len(usage) == 1
    assert len(done) == 1
    assert collected[-1] is done[0]
    return collected, usage[0], done[0]


def _text(events: list[Event]) -> str:
    return "".join(e.text for e in events if isinstance(e, (TextDelta, ThinkingDelta)))


@pytest.fixture(scope="module")
def backend(tiny_glm4v: TinyModel) -> Iterator[LocalGGUFBackend]:
    with LocalGGUFBackend(
        tiny_glm4v.model, tiny_glm4v.mmproj, context_size=8192, image_token_budget=256, threads=2, seed=7
    ) as loaded:
        loaded.load()
        yield loaded


def test_load_reports_hardware_budget_and_cpu(tiny_glm4v: TinyModel) -> None:
    progress: list[tuple[float, str]] = []
    with LocalGGUFBackend(tiny_glm4v.model, tiny_glm4v.mmproj, context_size=4096, threads=1) as local:
        info = local.load(lambda f, t: progress.append((f, t)))
        assert local.loaded
        # no GPU in this build/machine: the CPU default budget, and it says so
        assert info.budget_source == "CPU default"
        assert info.image_token_budget == BUDGET_CPU == default_image_token_budget(False)
        assert not info.on_gpu
        assert "CPU only" in info.describe()
        assert info.context_size == 4096
        assert info.memory is not None
        assert info.memory.total > 0
    fractions = [f for f, _ in progress]
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0
    assert progress[-1][1] == "Model ready"


def test_answers_an_image_question_with_accounting(backend: LocalGGUFBackend) -> None:
    events, usage, done = _drain(backend.stream(ChatRequest((_ask("What is shown?", _png(300, 200)),), max_tokens=16)))
    assert done.reason in (FinishReason.STOP, FinishReason.LENGTH)
    assert 0 < usage.completion_tokens <= 16
    # 300x200 -> 308x196 on the 28 px grid: 11 x 7 tokens
    assert usage.image_tokens == 77
    assert usage.prompt_tokens > usage.image_tokens
    assert usage.timings["ttft_seconds"] > 0
    assert any(isinstance(e, (TextDelta, ThinkingDelta)) for e in events)


@pytest.mark.parametrize(("size", "budget"), [((1920, 1080), 64), ((1920, 1080), 200), ((640, 480), 256), ((1000, 90), 100)])
def test_image_tokens_follow_the_budget_exactly(backend: LocalGGUFBackend, size: tuple[int, int], budget: int) -> None:
    request = ChatRequest((_ask("Describe.", _png(*size)),), max_tokens=1, image_token_budget=budget)
    events, usage, _ = _drain(backend.stream(request))
    expected = image_tokens(*fit_to_token_budget(*size, budget))
    # what llama.cpp counted is what our resize promised: nothing was resized a second time
    assert usage.image_tokens == expected
    assert usage.image_tokens <= budget
    sent = sent_images(events)[0]
    assert (sent.width, sent.height) == fit_to_token_budget(*size, budget)


def test_thinking_switch_goes_through_the_template(backend: LocalGGUFBackend) -> None:
    question = (_ask("Is it red?", _png(56, 56)),)
    _drain(backend.stream(ChatRequest(question, thinking=True, max_tokens=1)))
    with_thinking = backend.last_prompt
    _drain(backend.stream(ChatRequest(question, thinking=False, max_tokens=1)))
    without = backend.last_prompt
    assert with_thinking.startswith("[gMASK]<sop><|user|>")
    assert with_thinking.endswith("<|assistant|>\n")
    assert "/nothink" not in with_thinking
    assert without.endswith("<|assistant|>\n<think></think>\n")
    assert "Is it red?/nothink" in without


def test_tools_are_offered_in_the_template(backend: LocalGGUFBackend) -> None:
    tool = ToolSpec("click", "Click at a point", {"type": "object", "properties": {"x": {"type": "integer"}}})
    _drain(backend.stream(ChatRequest((_ask("Click OK"),), tools=(tool,), max_tokens=1)))
    assert "# Tools" in backend.last_prompt
    assert '"name": "click"' in backend.last_prompt


def test_follow_up_reuses_the_image_and_matches_a_cold_run(tiny_glm4v: TinyModel, backend: LocalGGUFBackend) -> None:
    image = _png(640, 360, seed=3)
    first = (_ask("What is on the screen?", image),)
    greedy = {"temperature": 0.0, "max_tokens": 6}
    events1, usage1, _ = _drain(backend.stream(ChatRequest(first, **greedy)))  # type: ignore[arg-type]
    answer = _text(events1)
    conversation = (*first, Message("assistant", (TextPart(answer),)), _ask("And in the corner?"))
    events2, usage2, _ = _drain(backend.stream(ChatRequest(conversation, **greedy)))  # type: ignore[arg-type]
    # the image and the first question came from the KV cache: no image encode, few new tokens
    assert usage2.cached_tokens >= usage1.prompt_tokens - 1
    assert usage2.timings["image_seconds"] == 0.0
    assert usage2.timings["evaluated_prompt_tokens"] < usage2.prompt_tokens - usage2.image_tokens
    assert usage2.image_tokens == usage1.image_tokens
    # and it is exact: a fresh backend reading the whole conversation gives the same greedy tokens
    with LocalGGUFBackend(
        tiny_glm4v.model, tiny_glm4v.mmproj, context_size=8192, image_token_budget=256, threads=2, seed=7
    ) as cold:
        events_cold, usage_cold, _ = _drain(cold.stream(ChatRequest(conversation, **greedy)))  # type: ignore[arg-type]
    assert usage_cold.cached_tokens == 0
    assert usage_cold.prompt_tokens == usage2.prompt_tokens
    assert _text(events_cold) == _text(events2)


def test_context_counts_cells_not_positions(backend: LocalGGUFBackend) -> None:
    _, usage, _ = _drain(backend.stream(ChatRequest((_ask("Wide?", _png(1400, 280)),), max_tokens=1, image_token_budget=250)))
    width, height = fit_to_token_budget(1400, 280, 250)
    # M-RoPE advances positions by the longer side only, but every token takes a KV cell
    assert usage.image_tokens == (width // 28) * (height // 28)
    assert backend.context_tokens_used >= usage.prompt_tokens


def test_cancel_mid_generation_then_keep_working(backend: LocalGGUFBackend) -> None:
    cancel = CancelToken()
    seen = 0
    events: list[Event] = []
    for event in backend.stream(ChatRequest((_ask("Tell a long story.", _png(84, 84)),), max_tokens=400), cancel):
        events.append(event)
        if isinstance(event, (TextDelta, ThinkingDelta)):
            seen += 1
            if seen == 3:
                cancel.cancel()
    done = events[-1]
    assert isinstance(done, Done)
    usage = next(e for e in events if isinstance(e, Usage))
    if done.reason is FinishReason.CANCELLED:
        assert usage.completion_tokens < 400
    else:  # the random model may end by itself before the third piece
        assert seen < 3
    _, _, after = _drain(backend.stream(ChatRequest((_ask("Still there?"),), max_tokens=3)))
    assert after.reason in (FinishReason.STOP, FinishReason.LENGTH)


def test_cancel_before_start_is_clean(backend: LocalGGUFBackend) -> None:
    cancel = CancelToken()
    cancel.cancel()
    events, usage, done = _drain(backend.stream(ChatRequest((_ask("Hello", _png(100, 100)),), max_tokens=50), cancel))
    assert done.reason is FinishReason.CANCELLED
    assert usage.completion_tokens == 0
    assert not any(isinstance(e, TextDelta) for e in events)


def test_one_generation_at_a_time(backend: LocalGGUFBackend) -> None:
    first = backend.stream(ChatRequest((_ask("First"),), max_tokens=40, temperature=0.0))
    # hold the first generation open after its first event
    next(first)
    second_events: list[Event] = []

    def run_second() -> None:
        second_events.extend(backend.stream(ChatRequest((_ask("Second"),), max_tokens=3)))

    thread = threading.Thread(target=run_second)
    thread.start()
    time.sleep(0.5)
    # the second request waits: it may only have said so
    assert all(isinstance(e, Progress) for e in second_events)
    assert any(isinstance(e, Progress) and "Waiting" in e.text for e in second_events)
    rest = list(first)
    assert isinstance(rest[-1], Done)
    thread.join(timeout=60)
    assert not thread.is_alive()
    assert isinstance(second_events[-1], Done)


def test_llama_cpp_logging_goes_to_python_logging(
    tiny_glm4v: TinyModel, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="desktop_helper.llama_cpp")
    with LocalGGUFBackend(tiny_glm4v.model, tiny_glm4v.mmproj, context_size=2048, threads=1, image_token_budget=64) as local:
        _drain(local.stream(ChatRequest((_ask("Hi", _png(64, 64)),), max_tokens=2)))
    captured = capfd.readouterr()
    # llama.cpp, ggml and mtmd wrote nothing to the process's stdout/stderr...
    assert "llama_model_loader" not in captured.err + captured.out
    assert "clip_model_loader" not in captured.err + captured.out
    # ...because it all went to our logger
    messages = [r.getMessage() for r in caplog.records if r.name == "desktop_helper.llama_cpp"]
    assert any("llama_model_loader" in m for m in messages)
    assert any("clip" in m for m in messages)


def test_close_frees_and_refuses_further_use(tiny_glm4v: TinyModel) -> None:
    local = LocalGGUFBackend(tiny_glm4v.model, tiny_glm4v.mmproj, context_size=2048, threads=1)
    local.load()
    local.close()
    local.close()
    assert not local.loaded
    with pytest.raises(BackendError, match="closed"):
        local.stream(ChatRequest((_ask("Hi"),)))


def test_options_validate_and_build(tiny_glm4v: TinyModel) -> None:
    with pytest.raises(ValueError, match="unknown option"):
        LocalGGUFBackend.validate_options({"nonsense": 1})
    with pytest.raises(ValueError, match="context_size"):
        LocalGGUFBackend.validate_options({"context_size": 10})
    built = LocalGGUFBackend.from_options({"model_path": str(tiny_glm4v.model), "mmproj_path": str(tiny_glm4v.mmproj)})
    assert built.requested_budget == 0
    assert built.context_size == 16384
    built.close()


# ---------------------------------------------------------------------- bad input


def _expect_error(model: Path | str, mmproj: Path | str | None, match: str) -> BackendError:
    local = LocalGGUFBackend(model, mmproj, context_size=2048, threads=1)
    try:
        with pytest.raises(BackendError, match=match) as caught:
            local.load()
    finally:
        local.close()
    assert caught.value.fix
    return caught.value


def test_missing_model_file(tmp_path: Path, tiny_glm4v: TinyModel) -> None:
    _expect_error(tmp_path / "nope.gguf", tiny_glm4v.mmproj, "does not exist")


def test_not_a_gguf_file(tmp_path: Path, tiny_glm4v: TinyModel) -> None:
    bogus = tmp_path / "model.gguf"
    bogus.write_bytes(b"PK\x03\x04 this is a zip, not a model" * 10)
    _expect_error(bogus, tiny_glm4v.mmproj, "not a GGUF")


@pytest.mark.parametrize("keep", [0.5, 0.02])
def test_truncated_gguf(tmp_path: Path, tiny_glm4v: TinyModel, keep: float) -> None:
    data = tiny_glm4v.model.read_bytes()
    cut = tmp_path / "cut.gguf"
    cut.write_bytes(data[: int(len(data) * keep)])
    error = _expect_error(cut, tiny_glm4v.mmproj, "incomplete|truncated")
    assert "again" in (error.fix or "")


def test_text_only_setup_without_mmproj(tiny_glm4v: TinyModel) -> None:
    _expect_error(tiny_glm4v.model, None, "No vision projector")


def test_text_only_conversion_without_mrope(tmp_path: Path, tiny_glm4v: TinyModel) -> None:
    # llama.cpp would abort the whole process on the first image with this file
    plain = write_text_model(tmp_path / "no-mrope.gguf", mrope=False)
    _expect_error(plain, tiny_glm4v.mmproj, "text-only GLM-4")


def test_mismatched_mmproj(tmp_path: Path, tiny_glm4v: TinyModel) -> None:
    other = write_mmproj(tmp_path / "other-mmproj.gguf", projection_dim=TextShape().n_embd + 16)
    _expect_error(tiny_glm4v.model, other, "does not match")


def test_swapped_files(tiny_glm4v: TinyModel) -> None:
    _expect_error(tiny_glm4v.mmproj, tiny_glm4v.model, "vision projector")


def test_undecodable_image_is_an_error_before_any_event(backend: LocalGGUFBackend) -> None:
    broken = ImagePart(b"\x89PNG\r\n\x1a\n not really", "image/png", 100, 100, name="broken.png")
    with pytest.raises(BackendError, match="decode") as caught:
        list(backend.stream(ChatRequest((_ask("What?", broken),), max_tokens=2)))
    assert caught.value.fix
    # the backend is still usable
    _, _, done = _drain(backend.stream(ChatRequest((_ask("Fine?"),), max_tokens=2)))
    assert done.reason in (FinishReason.STOP, FinishReason.LENGTH)


def test_conversation_longer_than_context(tiny_glm4v: TinyModel) -> None:
    with LocalGGUFBackend(tiny_glm4v.model, tiny_glm4v.mmproj, context_size=512, threads=1, image_token_budget=1024) as small:
        with pytest.raises(BackendError, match="context") as caught:
            list(small.stream(ChatRequest((_ask("Big", _png(1920, 1080)),), max_tokens=2)))
        assert "context size" in (caught.value.fix or "")


def test_video_goes_in_as_its_frames(backend: LocalGGUFBackend) -> None:
    frames = (_png(280, 168, seed=1), _png(280, 168, seed=2), _png(280, 168, seed=3))
    video = VideoPart(frames, path="clip.mp4", name="clip.mp4")
    _, usage, _ = _drain(backend.stream(ChatRequest((Message("user", (video, TextPart("What happens?"))),), max_tokens=1)))
    # 280x168 = 10 x 6 tokens per frame
    assert usage.image_tokens == 3 * 60
    assert backend.last_prompt.count("<__media__>") == 3
    assert "[video: clip.mp4, 3 frames]" in backend.last_prompt


def test_tool_call_markup_becomes_structured_calls() -> None:
    # the random model cannot be made to call a tool, so feed GLM's raw format through the same
    # splitter the generation loop uses (EventSplitter with parse_calls=True)
    raw = (
        "<think>The user wants OK clicked.</think>\nClicking now."
        "<tool_call>click\n<arg_key>x</arg_key>\n<arg_value>120</arg_value>\n"
        "<arg_key>label</arg_key>\n<arg_value>OK</arg_value>\n</tool_call>"
    )
    tool = ToolSpec("click", "Click", {"type": "object", "properties": {"x": {"type": "integer"}, "label": {"type": "string"}}})
    splitter = EventSplitter((tool,), parse_calls=True)
    events = [e for piece in raw for e in splitter.feed(piece)] + splitter.finish()
    thinking = "".join(e.text for e in events if isinstance(e, ThinkingDelta))
    answer = "".join(e.text for e in events if isinstance(e, TextDelta))
    called = [e.call for e in events if isinstance(e, ToolCallEvent)]
    assert thinking == "The user wants OK clicked."
    assert answer == "Clicking now."
    assert [(c.name, c.arguments) for c in called] == [("click", {"x": 120, "label": "OK"})]
    assert splitter.produced_calls == 1


def test_load_can_be_cancelled(tiny_glm4v: TinyModel) -> None:
    cancel = CancelToken()

    def stop_on_weights(_fraction: float, text: str) -> None:
        if text.startswith("Loading"):
            cancel.cancel()

    local = LocalGGUFBackend(tiny_glm4v.model, tiny_glm4v.mmproj, context_size=2048, threads=1)
    with pytest.raises(CancelledError):
        local.load(stop_on_weights, cancel)
    assert not local.loaded
    # a later load works
    local.load()
    assert local.loaded
    local.close()


def test_close_while_a_stream_of_this_thread_is_suspended(tiny_glm4v: TinyModel) -> None:
    local = LocalGGUFBackend(tiny_glm4v.model, tiny_glm4v.mmproj, context_size=2048, threads=1)
    local.load()
    stream = local.stream(ChatRequest((_ask("Talk"),), max_tokens=50, temperature=0.0))
    next(stream)
    # no deadlock: the suspended generation stops at its next step and frees the model then
    local.close()
    rest = list(stream)
    assert isinstance(rest[-1], Done)
    assert rest[-1].reason is FinishReason.CANCELLED
    assert not local.loaded


def test_close_waits_for_a_generation_on_another_thread(tiny_glm4v: TinyModel) -> None:
    local = LocalGGUFBackend(tiny_glm4v.model, tiny_glm4v.mmproj, context_size=2048, threads=1)
    local.load()
    events: list[Event] = []
    cancel = CancelToken()
    started = threading.Event()

    def run() -> None:
        for event in local.stream(ChatRequest((_ask("Talk"),), max_tokens=200), cancel):
            events.append(event)
            started.set()

    thread = threading.Thread(target=run)
    thread.start()
    assert started.wait(30)
    cancel.cancel()
    local.close()
    thread.join(timeout=30)
    assert isinstance(events[-1], Done)
    assert not local.loaded


def test_several_images_in_one_question(backend: LocalGGUFBackend) -> None:
    first, second = _png(280, 168, seed=4), _png(168, 280, seed=5)
    message = Message("user", (first, TextPart("Compare"), second, TextPart("which is taller?")))
    _, usage, _ = _drain(backend.stream(ChatRequest((message,), max_tokens=1)))
    assert usage.image_tokens == 60 + 60
    prompt = backend.last_prompt
    assert prompt.count("<__media__>") == 2
    assert prompt.index("<__media__>") < prompt.index("Compare") < prompt.rindex("<__media__>") < prompt.index("which is taller?")
