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
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from desktop_helper.backends.base import CancelToken, ChatRequest, Done, PrimeState, TextDelta, ThinkingDelta, Usage
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
    assert primed.timings["evaluated_prompt_tokens"] == len(backend._tokenize(after_image))
    assert primed.prompt_tokens == cold.prompt_tokens
    # the same greedy answer, token for token
    assert primed.completion_tokens == cold.completion_tokens
    assert primed_answer == cold_answer


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
    assert second.image_seconds_per_token == pytest.approx(0.7 * 0.02 + 0.3 * 0.04)
    assert second.prompt_seconds_per_token == pytest.approx(0.01)
    assert second.overhead_seconds is None  # a new image's request says nothing about the fixed cost
    # a send whose image was pre-encoded: only the question's tokens
    third = book.record("m", {"evaluated_prompt_tokens": 20.0, "prompt_seconds": 0.2, "ttft_seconds": 0.45})
    assert third.prompt_seconds_per_token == pytest.approx(0.01)
    assert third.overhead_seconds == pytest.approx(0.25)
    assert third.samples == 3
    assert SpeedBook(path).rates("m") == third
    assert third.first_token_seconds(100, 10) == pytest.approx(0.25 + 100 * second.image_seconds_per_token + 0.1)  # type: ignore[operator]
