"""Stopping a running ``llama_decode`` when its request is cancelled, through llama.cpp's abort callback.

ggml calls the abort callback after every graph node, on its first compute thread, while the other
threads wait at a barrier. A Python callback would take the GIL there thousands of times a batch,
and wait up to the interpreter's switch interval (5 ms) each time another Python thread runs. C's
``strlen`` on a two-byte buffer answers "is byte 0 set?" without Python: 0 (go on) or 1 (stop), a
valid ``bool`` return on every ABI. The flag is set through :meth:`CancelToken.on_cancel` only
while a decode runs on behalf of that token.

mtmd's vision encoder has no such hook: an image already inside the encoder finishes.
"""

from __future__ import annotations

import ctypes
import functools
import logging
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any

from desktop_helper.core.cancel import CancelToken

log = logging.getLogger(__name__)

#: llama_decode's return value when the abort callback stopped it
DECODE_ABORTED = 2


class AbortFlag:
    """The flag one llama context's decodes check; made by :func:`install`."""

    def __init__(self) -> None:
        self._buffer = ctypes.create_string_buffer(2)  # referenced by the context: kept until it is freed

    @contextmanager
    def linked(self, cancel: CancelToken) -> Iterator[None]:
        """While inside, cancelling ``cancel`` stops the decode after the graph node it is computing."""
        buffer = self._buffer

        def stop() -> None:
            ctypes.memset(buffer, 1, 1)

        remove = cancel.on_cancel(stop)
        try:
            yield
        finally:
            remove()  # after this no cancel can set the flag, so clearing it is final
            ctypes.memset(buffer, 0, 1)


def install_abort_flag(ctx: Any) -> AbortFlag | None:
    """Let an :class:`AbortFlag` stop ``ctx``'s decodes; None if this C library offers no ``strlen`` to check it."""
    import llama_cpp

    try:
        strlen = ctypes.CDLL(None).strlen
    except (OSError, TypeError, AttributeError):
        try:
            strlen = ctypes.cdll.msvcrt.strlen  # Windows: the C runtime is not the process's default library
        except (OSError, AttributeError):
            strlen = None
    address = ctypes.cast(strlen, ctypes.c_void_p).value if strlen is not None else None
    if not address:
        log.info("no C strlen to check the cancel flag with: a cancel waits for the running llama.cpp batch")
        return None
    flag = AbortFlag()
    llama_cpp.llama_set_abort_callback(ctx, _callback(address), ctypes.cast(flag._buffer, ctypes.c_void_p))
    return flag


def abortable(flag: AbortFlag | None, cancel: CancelToken) -> AbstractContextManager[None]:
    """``flag.linked(cancel)``, or nothing when the context has no flag."""
    return flag.linked(cancel) if flag is not None else nullcontext()


@functools.cache
def _callback(address: int) -> Any:
    import llama_cpp

    # one foreign-function object per address, alive for as long as any context may call it
    return llama_cpp.ggml_abort_callback(address)
