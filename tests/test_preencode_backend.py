"""Reading the image before the question is finished (issue 20), in the backend: real llama.cpp on the tiny model.

A pre-encode (``LocalGGUFBackend.prime``) puts the prompt up to the end of the last image into
the KV cache; the send then evaluates only the question's tokens and answers exactly what an
unprimed send answers. A send during a pre-encode waits for it and continues from it (the image
is encoded once); a cancelled pre-encode stops at the next piece. Measured speeds are kept in a
JSON file in the profile.
"""

from __future__ import annotations

import io
import json
import logging
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from desktop_helper.backends.base import CancelToken, ChatRequest, Done, PrimeState, TextDelta, ThinkingDelta, Usage
from desktop_helper.backends.llama_render import tokenize
from desktop_helper.backends.local_gguf import LocalGGUFBackend
from desktop_helper.backends.openai_compat import OpenAICompatBackend
from desktop_helper.backends.scripted import ScriptedBackend
from desktop_helper.backends.speed import SpeedBook, SpeedRates
from desktop_helper.core.types import ImagePart, Message, TextPart
from tests.fixtures.tiny_model import TinyModel

pytestmark = pytest.mark.model

QUESTION = "What does the window in the middle of this screenshot say?"


def _screenshot(width: int = 896, height: int = 560) -> ImagePart:
    image = Image.new("RGB", (width, height), (236, 239, 244))
    for x in range(0, width, 29):
        for y in range(0, height, 17):
            image.putpixel((x, y), ((x * 7) % 256, (y * 3) % 256, 120))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ImagePart(buffer.getvalue(), "image/png", width, height, name="screen.png")


def _requests(image: ImagePart, budget: int) -> tuple[ChatRequest, ChatRequest]:
    """(the pre-encode's prefix request, the request Send makes): the same turns, the question only in the second."""
    earlier = (
        Message.text("system", "You are a careful assistant."),
        Message("user", (TextPart("Hello"),)),
        Message.text("assistant", "Hello! Show me your screen."),
    )
    common = {"thinking": False, "temperature": 0.0, "max_tokens": 12, "image_token_budget": budget}
    return (
        ChatRequest((*earlier, Message("user", (image,))), **common),  # type: ignore[arg-type]
        ChatRequest((*earlier, Message("user", (image, TextPart(QUESTION)))), **common),  # type: ignore[arg-type]
    )


def _send(backend: LocalGGUFBackend, request: ChatRequest) -> tuple[str, Usage]:
    text: list[str] = []
    usage: Usage | None = None
    for event in backend.stream(request):
        if isinstance(event, (TextDelta, ThinkingDelta)):
            text.append(event.text)
        elif isinstance(event, Usage):
            usage = event
        elif isinstance(event, Done):
            assert event.error is None, event.error
    assert usage is not None
    return "".join(text), usage


@pytest.fixture(scope="module")
def backend(tiny_glm4v: TinyModel, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalGGUFBackend]:
    book = SpeedBook(tmp_path_factory.mktemp("speed") / "speed.json")
    with LocalGGUFBackend(
        tiny_glm4v.model, tiny_glm4v.mmproj, context_size=4096, image_token_budget=1024, threads=2, seed=3, speed_book=book
    ) as loaded:
        loaded.load()
        yield loaded


def test_primed_send_reads_only_the_question_and_answers_the_same(backend: LocalGGUFBackend) -> None:
    image = _screenshot()
    prefix, full = _requests(image, 256)
    backend.reset_cache()
    cold_answer, cold = _send(backend, full)
    assert cold.timings["evaluated_image_tokens"] == cold.image_tokens > 0

    backend.reset_cache()
    encoded_before = backend.images_encoded
    states = list(backend.prime(prefix))
    final = states[-1]
    assert final.finished
    assert final.image_done == final.image_tokens == cold.image_tokens
    assert [s.finished for s in states[:-1]] == [False] * (len(states) - 1)
    assert any(s.current_is_image and s.current_tokens == cold.image_tokens for s in states)
    assert backend.images_encoded == encoded_before + 1

    primed_answer, primed = _send(backend, full)
    assert backend.images_encoded == encoded_before + 1  # the send did not encode the image again
    assert primed.timings["evaluated_image_tokens"] == 0
    assert primed.cached_tokens == final.image_tokens + final.text_tokens
    # what the send evaluated is exactly the text after the image: the question and the assistant's opener
    after_image = backend.last_prompt.rsplit("<__media__>", 1)[1]
    assert primed.timings["evaluated_prompt_tokens"] == len(tokenize(backend._vocab, after_image))
    assert primed.prompt_tokens == cold.prompt_tokens
    # the same greedy answer, token for token
    assert primed.completion_tokens == cold.completion_tokens
    assert primed_answer == cold_answer


def test_a_send_after_the_pre_encode_does_not_prepare_the_image_again(backend: LocalGGUFBackend) -> None:
    # mtmd resamples and normalises every image it is handed (tens of ms for a screenshot): after Send that
    # is only worth doing for an image the KV cache does not hold
    image = _screenshot(1400, 840)
    prefix, full = _requests(image, 1024)
    backend.reset_cache()
    cold_answer, _cold = _send(backend, full)
    backend.reset_cache()
    list(backend.prime(prefix))
    prepared = backend.images_prepared
    primed_answer, primed = _send(backend, full)
    assert backend.images_prepared == prepared
    assert primed.timings["evaluated_image_tokens"] == 0
    assert primed_answer == cold_answer
    # a follow-up about the same image does not prepare it either
    _send(backend, _requests(image, 1024)[1])
    assert backend.images_prepared == prepared


def test_a_prompt_changed_before_the_cached_image_reads_the_image_again(backend: LocalGGUFBackend) -> None:
    image = _screenshot()
    prefix, _full = _requests(image, 256)
    changed = ChatRequest(
        (Message.text("system", "You are a terse assistant."), Message("user", (image, TextPart(QUESTION)))),
        thinking=False,
        temperature=0.0,
        max_tokens=12,
        image_token_budget=256,
    )
    backend.reset_cache()
    cold_answer, cold = _send(backend, changed)
    backend.reset_cache()
    list(backend.prime(prefix))
    prepared, encoded = backend.images_prepared, backend.images_encoded
    answer, usage = _send(backend, changed)  # the system prompt differs: the cached image cannot be kept
    assert backend.images_prepared == prepared + 1
    assert backend.images_encoded == encoded + 1
    assert usage.timings["evaluated_image_tokens"] == cold.image_tokens
    assert answer == cold_answer


def test_send_during_a_prime_joins_it(backend: LocalGGUFBackend) -> None:
    prefix, full = _requests(_screenshot(1400, 840), 1024)
    backend.reset_cache()
    encoded_before = backend.images_encoded
    image_started = threading.Event()
    states: list[PrimeState] = []

    def prime() -> None:
        for state in backend.prime(prefix):
            states.append(state)
            if state.current_is_image:
                image_started.set()

    worker = threading.Thread(target=prime, name="test-prime")
    worker.start()
    try:
        assert image_started.wait(60)
        answer_events = list(backend.stream(full))  # waits for the prime, then continues from it
    finally:
        worker.join(60)
    assert states[-1].finished
    waiting = [e for e in answer_events if not isinstance(e, (TextDelta, ThinkingDelta, Usage, Done))]
    assert any("Finishing reading the image" in getattr(e, "text", "") for e in waiting), waiting
    usage = next(e for e in answer_events if isinstance(e, Usage))
    assert usage.timings["evaluated_image_tokens"] == 0
    assert backend.images_encoded == encoded_before + 1
    # it started on caches the pre-encode had just warmed: not a measure of the fixed cost of a Send after typing
    assert usage.timings["waited_seconds"] > 0
    rates = SpeedRates(prompt_seconds_per_token=0.01, overhead_seconds=0.5)
    assert rates.folded(usage.timings).overhead_seconds == 0.5


def test_cancel_stops_at_the_next_piece_and_keeps_what_was_read(backend: LocalGGUFBackend) -> None:
    prefix, full = _requests(_screenshot(), 256)
    backend.reset_cache()
    encoded_before = backend.images_encoded
    cancel = CancelToken()
    states: list[PrimeState] = []
    for state in backend.prime(prefix, cancel):
        states.append(state)
        if state.current_is_image:
            cancel.cancel()  # the text before the image is read, the image is next
    assert not states[-1].finished
    assert states[-1].current_is_image
    assert backend.images_encoded == encoded_before  # stopped before the image
    assert backend.context_tokens_used == states[-1].text_done > 0  # the earlier turns stay cached
    # a later pre-encode continues from there
    again = list(backend.prime(prefix))
    assert again[0].text_done == states[-1].text_done
    assert again[0].current_is_image
    assert again[-1].finished
    assert backend.images_encoded == encoded_before + 1
    # priming what is cached already touches nothing
    assert [s.finished for s in backend.prime(prefix)] == [True]
    assert backend.images_encoded == encoded_before + 1
    _answer, usage = _send(backend, full)
    assert usage.timings["evaluated_image_tokens"] == 0


def _prime_cancelled_during(backend: LocalGGUFBackend, request: ChatRequest, image: bool) -> list[PrimeState]:
    """Pre-encode ``request``, cancelling from another thread 30 ms into its first image (or text) piece."""
    cancel = CancelToken()
    states: list[PrimeState] = []
    timers: list[threading.Timer] = []
    for state in backend.prime(request, cancel):
        states.append(state)
        if state.current_tokens and state.current_is_image == image and not timers:
            timers.append(threading.Timer(0.03, cancel.cancel))
            timers[0].start()
    assert timers, "the piece to cancel never started"
    timers[0].join()
    return states


def test_a_cancel_stops_the_text_being_read_inside_its_batch(backend: LocalGGUFBackend, caplog: pytest.LogCaptureFixture) -> None:
    # an earlier conversation of ~2,000 tokens is read in one llama_decode call: llama.cpp's abort hook stops it
    image = _screenshot()
    long_turn = " ".join(f"line {i}: the window title reads Settings" for i in range(60))
    earlier = (Message.text("system", long_turn), Message("user", (TextPart("Hello"),)), Message.text("assistant", "Hi."))
    common = {"thinking": False, "temperature": 0.0, "max_tokens": 12, "image_token_budget": 256}
    prefix = ChatRequest((*earlier, Message("user", (image,))), **common)  # type: ignore[arg-type]
    full = ChatRequest((*earlier, Message("user", (image, TextPart(QUESTION)))), **common)  # type: ignore[arg-type]
    backend.reset_cache()
    cold_answer, _cold = _send(backend, full)
    backend.reset_cache()
    with caplog.at_level(logging.DEBUG, logger="desktop_helper.llama_cpp"):
        states = _prime_cancelled_during(backend, prefix, image=False)
    assert any("compute status: 1" in r.message for r in caplog.records)  # llama.cpp did stop the batch
    # a cancel is no error: what llama.cpp logs about the stopped batch stays out of the user's console
    assert [r.message for r in caplog.records if r.name == "desktop_helper.llama_cpp" and r.levelno >= logging.WARNING] == []
    assert states[-1].text_tokens > 1000
    assert not states[-1].finished
    # the batch was stopped, not finished and kept: nothing of it is cached
    assert backend.context_tokens_used == 0
    # the cache is consistent: a new pre-encode reads everything and the answer is the cold one
    assert list(backend.prime(prefix))[-1].finished
    answer, usage = _send(backend, full)
    assert usage.timings["evaluated_image_tokens"] == 0
    assert answer == cold_answer


def test_a_cancel_during_the_image_skips_the_text_model_reading_it(backend: LocalGGUFBackend) -> None:
    # mtmd's vision encoder cannot be interrupted; what follows it (the text model reading its output) is not started
    prefix, full = _requests(_screenshot(1400, 840), 1024)
    backend.reset_cache()
    encoded = backend.images_encoded
    states = _prime_cancelled_during(backend, prefix, image=True)
    assert not states[-1].finished
    assert backend.images_encoded == encoded
    assert backend.context_tokens_used == states[-1].text_done  # the text before the image only
    _answer, usage = _send(backend, full)
    assert usage.timings["evaluated_image_tokens"] == usage.image_tokens > 0


def test_a_request_without_images_primes_nothing_and_remote_backends_do_nothing(backend: LocalGGUFBackend) -> None:
    request = ChatRequest((Message("user", (TextPart("Hello"),)),))
    assert list(backend.prime(request)) == []
    assert not OpenAICompatBackend.can_prime
    other = ScriptedBackend(["answer"])  # the interface's default: nothing to keep
    assert not other.can_prime
    assert list(other.prime(request)) == []
    assert other.speed_rates() is None


def test_measured_speeds_are_kept_in_the_profile(backend: LocalGGUFBackend) -> None:
    assert backend.speed_book is not None
    assert backend.speed_book.path is not None
    prefix, full = _requests(_screenshot(), 256)
    backend.reset_cache()
    list(backend.prime(prefix))
    _send(backend, full)
    rates = backend.speed_rates()
    assert rates is not None
    assert rates.samples >= 2
    assert rates.image_seconds_per_token
    assert rates.overhead_seconds is not None
    stored = json.loads(backend.speed_book.path.read_text(encoding="utf-8"))
    assert SpeedBook(backend.speed_book.path).rates(next(iter(stored))) == rates
    estimate = rates.first_token_seconds(256, 20)
    assert estimate is not None
    assert estimate > (rates.first_token_seconds(0, 20) or 0.0)


def test_the_question_count_is_what_the_send_reads_after_the_pre_encode(backend: LocalGGUFBackend) -> None:
    # the estimate after a pre-encode is the question's tokens: counted wrong, it is wrong by as much
    for thinking in (False, True):
        prefix, full = (replace(r, thinking=thinking) for r in _requests(_screenshot(), 256))
        backend.reset_cache()
        list(backend.prime(prefix))
        counted = backend.question_tokens(QUESTION)
        _answer, usage = _send(backend, full)
        assert counted == usage.timings["evaluated_prompt_tokens"], thinking


def test_the_profile_is_written_after_the_answer_is_out(tiny_glm4v: TinyModel, tmp_path: Path) -> None:
    # writing speed.json is no part of Send -> first token (it was, between the first token and Usage)
    path = tmp_path / "speed.json"
    with LocalGGUFBackend(
        tiny_glm4v.model, tiny_glm4v.mmproj, context_size=2048, image_token_budget=256, threads=2, speed_book=SpeedBook(path)
    ) as fresh:
        seen_at_usage: list[bool] = []
        for event in fresh.stream(_requests(_screenshot(), 256)[1]):
            if isinstance(event, Usage):
                seen_at_usage.append(path.exists())
        assert seen_at_usage == [False]
        assert path.exists()


def test_estimates_come_from_the_measured_speeds_of_the_image_size_asked(tmp_path: Path) -> None:
    path = tmp_path / "speed.json"
    book = SpeedBook(path)
    # what the local backend reports: a cold send of one 1,024-token screenshot, a pre-encode of a 256-token one,
    # and a send after a pre-encode (only the question: 40 text tokens)
    book.record(
        "m",
        {
            "prompt_seconds": 80.0,
            "image_seconds": 74.0,
            "prepare_seconds": 0.6,
            "evaluated_prompt_tokens": 1124.0,
            "evaluated_image_tokens": 1024.0,
            "evaluated_images": 1.0,
            "ttft_seconds": 80.9,
        },
    )
    book.record(
        "m",
        {
            "prompt_seconds": 15.2,
            "image_seconds": 14.0,
            "prepare_seconds": 0.08,
            "evaluated_prompt_tokens": 276.0,
            "evaluated_image_tokens": 256.0,
            "evaluated_images": 1.0,
        },
    )
    book.record("m", {"prompt_seconds": 2.4, "evaluated_prompt_tokens": 40.0, "evaluated_images": 0.0, "ttft_seconds": 2.7})
    rates = SpeedBook(path).rates("m")  # as the app finds them after a restart
    large, small = (74.0 + 0.6) / 1024, (14.0 + 0.08) / 256
    assert rates.image_rates_by_size == ((256, pytest.approx(small)), (1024, pytest.approx(large)))
    text, overhead = rates.prompt_seconds_per_token, rates.overhead_seconds
    assert text is not None
    assert overhead is not None
    assert text == pytest.approx(0.06)
    assert overhead == pytest.approx(2.7 - 40 * 0.06)
    # after a pre-encode: the fixed cost and the question's tokens
    assert rates.first_token_seconds(0, 40) == pytest.approx(overhead + 40 * text)
    # cold, at each detail level: that size's own speed, not an average over sizes
    assert rates.first_token_seconds(1024, 100) == pytest.approx(overhead + 1024 * large + 100 * text)
    assert rates.first_token_seconds(256, 100) == pytest.approx(overhead + 256 * small + 100 * text)
    # two 256-token images are 512 tokens of 256-token images; an unmeasured size lies between its neighbours
    assert rates.first_token_seconds(512, 0, tokens_per_image=256) == pytest.approx(overhead + 512 * small)
    assert rates.image_rate(512) == pytest.approx((small + large) / 2)
    assert rates.image_rate(4096) == pytest.approx(large)  # beyond what was measured: the nearest size
    # a file whose per-size figures are damaged is ignored, not an error
    path.write_text('{"m": {"image_rates_by_size": [[0, -1]]}}', encoding="utf-8")
    assert SpeedBook(path).rates("m") == SpeedRates()


def test_one_preempted_request_moves_the_estimate_little(tmp_path: Path) -> None:
    book = SpeedBook(tmp_path / "speed.json")
    sent = {"prompt_seconds": 0.6, "evaluated_prompt_tokens": 60.0, "ttft_seconds": 0.7}
    for _ in range(5):
        steady = book.record("m", sent)
    assert steady.first_token_seconds(0, 60) == pytest.approx(0.7)
    # the machine was busy for this one: ten times as long
    busy = book.record("m", {"prompt_seconds": 6.0, "evaluated_prompt_tokens": 60.0, "ttft_seconds": 7.0})
    shown = busy.first_token_seconds(0, 60)
    assert shown is not None
    assert shown < 0.7 * 1.35
    # a lasting change (a slower set-up) is followed within a few requests
    for _ in range(8):
        slower = book.record("m", {"prompt_seconds": 2.4, "evaluated_prompt_tokens": 60.0, "ttft_seconds": 2.8})
    assert slower.first_token_seconds(0, 60) == pytest.approx(2.8, rel=0.1)


def test_speed_book_averages_and_survives_a_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "speed.json"
    path.write_text("{not json", encoding="utf-8")
    book = SpeedBook(path)  # damaged: ignored, not an error
    assert book.rates("m") == SpeedRates()
    assert book.rates("m").first_token_seconds(100, 0) is None  # nothing measured: no number
    first = book.record("m", {"image_seconds": 2.0, "evaluated_image_tokens": 100.0, "evaluated_prompt_tokens": 100.0})
    assert first.image_seconds_per_token == pytest.approx(0.02)
    second = book.record(
        "m",
        {
            "image_seconds": 4.0,
            "evaluated_image_tokens": 100.0,
            "evaluated_prompt_tokens": 150.0,
            "prompt_seconds": 4.5,
            "ttft_seconds": 4.7,
        },
    )
    assert second.image_seconds_per_token == pytest.approx(0.02**0.7 * 0.04**0.3)  # geometric: a slow one counts less
    assert second.prompt_seconds_per_token == pytest.approx(0.01)
    assert second.overhead_seconds is None  # a new image's request says nothing about the fixed cost
    # a send whose image was pre-encoded: only the question's tokens
    third = book.record("m", {"evaluated_prompt_tokens": 20.0, "prompt_seconds": 0.2, "ttft_seconds": 0.45})
    assert third.prompt_seconds_per_token == pytest.approx(0.01)
    assert third.overhead_seconds == pytest.approx(0.25)
    assert third.samples == 3
    assert SpeedBook(path).rates("m") == third
    assert third.first_token_seconds(100, 10) == pytest.approx(0.25 + 100 * second.image_seconds_per_token + 0.1)  # type: ignore[operator]


def test_cancel_token_calls_back_once_and_never_after_removal() -> None:
    token = CancelToken()
    calls: list[str] = []
    remove_first = token.on_cancel(lambda: calls.append("first"))
    token.on_cancel(lambda: calls.append("second"))
    remove_first()
    token.cancel()
    token.cancel()
    assert calls == ["second"]
    token.on_cancel(lambda: calls.append("late"))  # already cancelled: at once
    assert calls == ["second", "late"]
