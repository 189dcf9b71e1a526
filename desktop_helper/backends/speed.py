"""How fast the local model reads images and prompts on this computer, measured here and kept in the profile.

The chat shows, before Send, how long the first word of the answer will take. That estimate is
only honest if it comes from this machine: every local request (and every pre-encode) reports
what it evaluated and how long it took, and :class:`SpeedBook` folds that into three figures per
model set-up (files, threads, GPU layers) with an exponential average:

* seconds per image token (the vision encoder plus the text model reading the image's embeddings);
* seconds per prompt (text) token;
* a fixed per-request cost (rendering, tokenizing, sampling the first token), measured on requests
  whose images are already cached.

The figures are written to a small JSON file in the profile (``speed.json`` next to the history),
so the first estimate after a restart is already measured. A damaged file is ignored (and
replaced by the next measurement), never an error.
"""

from __future__ import annotations

import json
import logging
import math
import threading
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from pathlib import Path

log = logging.getLogger(__name__)

#: weight of the newest measurement in the exponential average
SMOOTHING = 0.3
#: fewer text tokens than this say more about per-call costs than about the per-token rate
MIN_TEXT_SAMPLE = 8
#: tokens the template adds around a question (``<|user|>``, the assistant's opener, ``/nothink``...)
TEMPLATE_TOKENS = 8


@dataclass(frozen=True)
class SpeedRates:
    """Measured speeds of one model set-up; ``None`` where nothing was measured yet.

    Attributes:
        image_seconds_per_token: vision encoder + reading the embeddings, per image token.
        prompt_seconds_per_token: reading text tokens of the prompt.
        overhead_seconds: the fixed part of a request (template, tokenizing, first sample).
        samples: measurements folded in so far.
    """

    image_seconds_per_token: float | None = None
    prompt_seconds_per_token: float | None = None
    overhead_seconds: float | None = None
    samples: int = 0

    def first_token_seconds(self, image_tokens: int, text_tokens: int) -> float | None:
        """Seconds from Send to the first token for this much work still to evaluate; None if not measurable yet."""
        # until text is measured, an image token's cost (encoder + text model) bounds a text token's from above
        text_rate = self.prompt_seconds_per_token if self.prompt_seconds_per_token is not None else self.image_seconds_per_token
        if (image_tokens > 0 and self.image_seconds_per_token is None) or (text_tokens > 0 and text_rate is None):
            return None
        return (
            (self.overhead_seconds or 0.0)
            + image_tokens * (self.image_seconds_per_token or 0.0)
            + text_tokens * (text_rate or 0.0)
        )

    def folded(self, timings: Mapping[str, float]) -> SpeedRates:
        """These rates with one request's timings (``Usage.timings`` of the local backend) folded in."""
        image_tokens = timings.get("evaluated_image_tokens", 0.0)
        image_seconds = timings.get("image_seconds", 0.0)
        if image_tokens > 0:
            # decoding and resizing a new image belongs to its cost, not to every request's
            image_seconds += timings.get("prepare_seconds", 0.0)
        text_tokens = timings.get("evaluated_prompt_tokens", 0.0) - image_tokens
        text_seconds = max(0.0, timings.get("prompt_seconds", 0.0) - timings.get("image_seconds", 0.0))
        result = self
        if image_tokens > 0 and image_seconds > 0:
            result = replace(
                result, image_seconds_per_token=_average(result.image_seconds_per_token, image_seconds / image_tokens)
            )
        if text_tokens >= MIN_TEXT_SAMPLE and text_seconds > 0:
            result = replace(
                result, prompt_seconds_per_token=_average(result.prompt_seconds_per_token, text_seconds / text_tokens)
            )
        ttft = timings.get("ttft_seconds")
        if ttft is not None and image_tokens == 0:
            # what the text rate does not explain is the fixed cost of a request whose images are cached (the
            # estimate that matters most: Send after a pre-encode); a new image's preparation counts as image cost
            explained = text_tokens * (result.prompt_seconds_per_token or 0.0)
            result = replace(result, overhead_seconds=_average(result.overhead_seconds, max(0.0, ttft - explained)))
        if result is self:
            return self
        return replace(result, samples=self.samples + 1)


def approx_text_tokens(text: str) -> int:
    """Tokens a question will take, without the tokenizer: GLM's vocabulary averages about 3.5 bytes a token."""
    return math.ceil(len(text.encode("utf-8")) / 3.5) + TEMPLATE_TOKENS


class SpeedBook:
    """Measured speeds per model set-up, persisted as JSON; safe to use from several threads.

    Args:
        path: the JSON file (``None``: kept in memory only).
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._rates: dict[str, SpeedRates] = self._read()

    def rates(self, key: str) -> SpeedRates:
        with self._lock:
            return self._rates.get(key, SpeedRates())

    def record(self, key: str, timings: Mapping[str, float]) -> SpeedRates:
        """Fold one request's timings into ``key``'s rates and save; returns the new rates."""
        with self._lock:
            old = self._rates.get(key, SpeedRates())
            new = old.folded(timings)
            if new is old:
                return old
            self._rates[key] = new
            self._write()
            return new

    def _read(self) -> dict[str, SpeedRates]:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return {str(key): _rates_from(value) for key, value in dict(data).items()}
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, TypeError, AttributeError) as exc:
            log.warning("measured model speeds in %s are unreadable (%s); measuring again", self.path, exc)
            return {}

    def _write(self) -> None:
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            temporary.write_text(json.dumps({k: asdict(v) for k, v in self._rates.items()}, indent=1), encoding="utf-8")
            temporary.replace(self.path)
        except OSError as exc:
            # an estimate is a convenience: a full or read-only disk must not disturb answering
            log.warning("measured model speeds could not be saved to %s: %s", self.path, exc)


def _average(old: float | None, new: float) -> float:
    return new if old is None else (1.0 - SMOOTHING) * old + SMOOTHING * new


def _rates_from(value: object) -> SpeedRates:
    if not isinstance(value, dict):
        raise TypeError(f"not an object: {value!r}")

    def number(name: str) -> float | None:
        item = value.get(name)
        if item is None:
            return None
        result = float(item)
        if not math.isfinite(result) or result < 0:
            raise ValueError(f"{name} = {item!r}")
        return result

    return SpeedRates(
        number("image_seconds_per_token"),
        number("prompt_seconds_per_token"),
        number("overhead_seconds"),
        int(value.get("samples", 0)),
    )
