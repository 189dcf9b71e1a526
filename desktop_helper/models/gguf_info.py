"""Read a GGUF file's header (metadata and tensor table) without loading the model.

llama.cpp reacts to some bad inputs by aborting the whole process (a GLM-4 text model without
M-RoPE sections that is fed image embeddings, for one), and to others with a bare "failed to
load". Reading the header first lets the app refuse such files with a message and a fix, and
gives the memory estimate the sizes it needs. Only the standard library is used: the ``gguf``
package is a development dependency.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from desktop_helper.core.errors import BackendError
from desktop_helper.core.i18n import t

MAGIC = b"GGUF"
#: arrays longer than this (token lists, merges) are skipped, only their length is kept
MAX_KEPT_ARRAY = 64

# value type -> struct format for scalars
_SCALARS = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?", 10: "Q", 11: "q", 12: "d"}
_STRING, _ARRAY = 8, 9

# ggml tensor type -> (elements per block, bytes per block); used to check for truncation
_TYPE_SIZES: dict[int, tuple[int, int]] = {
    0: (1, 4), 1: (1, 2), 2: (32, 18), 3: (32, 20), 6: (32, 22), 7: (32, 24), 8: (32, 34), 9: (32, 36),
    10: (256, 84), 11: (256, 110), 12: (256, 144), 13: (256, 176), 14: (256, 210), 15: (256, 292),
    16: (256, 66), 17: (256, 74), 18: (256, 98), 19: (256, 50), 20: (32, 18), 21: (256, 110),
    22: (256, 82), 23: (256, 136), 24: (1, 1), 25: (1, 2), 26: (1, 4), 27: (1, 8), 28: (1, 8),
    29: (256, 56), 30: (1, 2), 34: (256, 54), 35: (256, 66), 39: (32, 17),
}  # fmt: skip


@dataclass(frozen=True)
class TensorInfo:
    name: str
    shape: tuple[int, ...]
    ggml_type: int
    offset: int

    @property
    def nbytes(self) -> int | None:
        sizes = _TYPE_SIZES.get(self.ggml_type)
        if sizes is None:
            return None
        count = 1
        for dim in self.shape:
            count *= dim
        block, size = sizes
        return (count + block - 1) // block * size


@dataclass(frozen=True)
class GGUFInfo:
    """What the header of a GGUF file says.

    Attributes:
        path: the file.
        version: GGUF format version.
        metadata: key -> value; long arrays are replaced by their length (see ``array_lengths``).
        array_lengths: key -> length for every array value.
        tensors: the tensor table.
        data_offset: where tensor data starts.
        file_size: size of the file on disk.
    """

    path: Path
    version: int
    metadata: dict[str, Any]
    array_lengths: dict[str, int]
    tensors: tuple[TensorInfo, ...]
    data_offset: int
    file_size: int
    tensor_names: frozenset[str] = field(default_factory=frozenset)

    @property
    def architecture(self) -> str:
        return str(self.metadata.get("general.architecture", ""))

    def get(self, key: str, default: Any = None) -> Any:
        return self.metadata.get(key, default)

    def arch_value(self, suffix: str, default: Any = None) -> Any:
        """``{architecture}.{suffix}``, e.g. ``arch_value("embedding_length")``."""
        return self.metadata.get(f"{self.architecture}.{suffix}", default)

    @property
    def expected_size(self) -> int | None:
        """The file size the tensor table implies, if every tensor type is known."""
        end = self.data_offset
        for tensor in self.tensors:
            nbytes = tensor.nbytes
            if nbytes is None:
                return None
            end = max(end, self.data_offset + tensor.offset + nbytes)
        return end

    @property
    def is_truncated(self) -> bool:
        expected = self.expected_size
        if expected is not None:
            return self.file_size < expected
        last = max((t.offset for t in self.tensors), default=0)
        return self.file_size <= self.data_offset + last

    @property
    def is_projector(self) -> bool:
        return self.architecture == "clip"

    @property
    def projector_type(self) -> str:
        return str(self.metadata.get("clip.projector_type") or self.metadata.get("clip.vision.projector_type") or "")


def read_gguf_info(path: str | os.PathLike[str]) -> GGUFInfo:
    """Parse the header of a GGUF file.

    Raises:
        BackendError: if the file is missing, unreadable, not GGUF, or cut short.
    """
    file = Path(path)
    if not file.exists():
        raise BackendError(
            t("The model file {file} does not exist.", file=file), t("Choose an existing GGUF file, or download the model again.")
        )
    if not file.is_file():
        raise BackendError(t("{file} is not a file.", file=file), t("Choose a GGUF model file, not a folder."))
    try:
        file_size = file.stat().st_size
        with file.open("rb") as stream:
            return _parse(stream, file, file_size)
    except OSError as exc:
        raise BackendError(
            t("Cannot read {file}: {value}.", file=file, value=exc.strerror or exc), t("Check the file's permissions.")
        ) from exc
    except (struct.error, EOFError, UnicodeDecodeError, OverflowError, MemoryError) as exc:
        raise BackendError(
            t("{name} is truncated or damaged (its GGUF header cannot be read).", name=file.name),
            t("Download the file again; the download may have been cut short."),
        ) from exc


def _parse(stream: BinaryIO, file: Path, file_size: int) -> GGUFInfo:
    magic = stream.read(4)
    if magic != MAGIC:
        raise BackendError(
            t("{name} is not a GGUF model file.", name=file.name),
            t("Choose a .gguf file made for llama.cpp (safetensors or PyTorch checkpoints must be converted first)."),
        )
    (version,) = struct.unpack("<I", _read(stream, 4))
    if version not in (2, 3):
        raise BackendError(
            t("{name} uses GGUF version {version}, which is not supported.", name=file.name, version=version),
            t("Download a current GGUF conversion of the model."),
        )
    n_tensors, n_kv = struct.unpack("<QQ", _read(stream, 16))
    # sanity bounds: a damaged header would otherwise make us loop for ages
    if n_tensors > 1_000_000 or n_kv > 1_000_000:
        raise EOFError("implausible header counts")
    metadata: dict[str, Any] = {}
    array_lengths: dict[str, int] = {}
    for _ in range(n_kv):
        key = _read_string(stream)
        (value_type,) = struct.unpack("<I", _read(stream, 4))
        if value_type == _ARRAY:
            (item_type,) = struct.unpack("<I", _read(stream, 4))
            (count,) = struct.unpack("<Q", _read(stream, 8))
            array_lengths[key] = count
            items = _read_array(stream, item_type, count)
            metadata[key] = items if items is not None else count
        else:
            metadata[key] = _read_value(stream, value_type)
    tensors: list[TensorInfo] = []
    for _ in range(n_tensors):
        name = _read_string(stream)
        (n_dims,) = struct.unpack("<I", _read(stream, 4))
        if n_dims > 8:
            raise EOFError("implausible tensor rank")
        shape = struct.unpack(f"<{n_dims}Q", _read(stream, 8 * n_dims))
        ggml_type, offset = struct.unpack("<IQ", _read(stream, 12))
        tensors.append(TensorInfo(name, tuple(shape), ggml_type, offset))
    alignment = int(metadata.get("general.alignment", 32) or 32)
    position = stream.tell()
    data_offset = (position + alignment - 1) // alignment * alignment
    return GGUFInfo(
        file,
        version,
        metadata,
        array_lengths,
        tuple(tensors),
        data_offset,
        file_size,
        frozenset(t.name for t in tensors),
    )


def _read(stream: BinaryIO, size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise EOFError("unexpected end of file")
    return data


def _string_length(stream: BinaryIO) -> int:
    (length,) = struct.unpack("<Q", _read(stream, 8))
    if length > 64 * 1024 * 1024:
        raise EOFError("implausible string length")
    return int(length)


def _read_string(stream: BinaryIO) -> str:
    return _read(stream, _string_length(stream)).decode("utf-8")


def _read_value(stream: BinaryIO, value_type: int) -> Any:
    if value_type == _STRING:
        return _read_string(stream)
    fmt = _SCALARS.get(value_type)
    if fmt is None:
        raise EOFError(f"unknown GGUF value type {value_type}")
    (value,) = struct.unpack("<" + fmt, _read(stream, struct.calcsize(fmt)))
    return value


def _read_array(stream: BinaryIO, item_type: int, count: int) -> list[Any] | None:
    """Read an array; return it if short, else skip it and return None."""
    keep = count <= MAX_KEPT_ARRAY
    if item_type == _STRING:
        if keep:
            return [_read_string(stream) for _ in range(count)]
        # A real vocabulary is 150k tokens and as many merges: seek past each string undecoded
        # (117 ms instead of 290 ms for GLM's, read on the GUI thread when the user picks files).
        for _ in range(count):
            stream.seek(_string_length(stream), os.SEEK_CUR)
        return None
    fmt = _SCALARS.get(item_type)
    if fmt is None:
        raise EOFError(f"unsupported GGUF array type {item_type}")
    size = struct.calcsize(fmt)
    if keep:
        return list(struct.unpack(f"<{count}{fmt}", _read(stream, size * count)))
    stream.seek(size * count, os.SEEK_CUR)
    return None
