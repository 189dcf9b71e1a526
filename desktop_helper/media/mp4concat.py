"""Join MP4 segments that one encoder wrote with the same settings, without re-encoding.

The recorder writes short MP4 segments so a killed app leaves playable files. Joining them by
decoding and re-encoding would cost about as long as the recording and lose quality, so this
copies every segment's media data into one ``mdat`` and builds one index (``moov``) from the
segments' sample tables: time-to-sample, sync samples, sizes, sample-to-chunk and chunk offsets
(rewritten as 64-bit ``co64``). It handles exactly what OpenCV's FFmpeg MP4 muxer writes for one
video track; anything else raises :class:`ConcatError` and the caller falls back to re-encoding.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"dinf", b"edts", b"udta"}


class ConcatError(ValueError):
    """The segments are not something this joiner understands."""


@dataclass
class Box:
    type: bytes
    payload: bytes = b""
    children: list[Box] = field(default_factory=list)

    def find(self, *path: bytes) -> Box:
        box = self
        for name in path:
            matches = [c for c in box.children if c.type == name]
            if len(matches) != 1:
                raise ConcatError(f"expected one {name.decode()} box, found {len(matches)}")
            box = matches[0]
        return box

    def serialize(self) -> bytes:
        body = b"".join(c.serialize() for c in self.children) if self.type in CONTAINERS else self.payload
        return struct.pack(">I4s", 8 + len(body), self.type) + body


def _boxes(data: bytes, start: int, end: int) -> list[tuple[bytes, int, int, int]]:
    """(type, box start, payload start, box end) of the boxes in ``data[start:end]``."""
    result = []
    offset = start
    while offset < end:
        if end - offset < 8:
            raise ConcatError("truncated box header")
        size, kind = struct.unpack_from(">I4s", data, offset)
        header = 8
        if size == 1:
            size = struct.unpack_from(">Q", data, offset + 8)[0]
            header = 16
        elif size == 0:
            size = end - offset
        if size < header or offset + size > end:
            raise ConcatError(f"bad size for box {kind!r}")
        result.append((kind, offset, offset + header, offset + size))
        offset += size
    return result


def _parse(data: bytes, start: int, end: int) -> list[Box]:
    boxes = []
    for kind, _box_start, payload, box_end in _boxes(data, start, end):
        if kind in CONTAINERS:
            boxes.append(Box(kind, children=_parse(data, payload, box_end)))
        else:
            boxes.append(Box(kind, payload=data[payload:box_end]))
    return boxes


@dataclass
class _Segment:
    data: bytes
    ftyp: bytes
    mdat: tuple[int, int]  # payload start, end
    moov: Box


def _read(path: Path) -> _Segment:
    data = path.read_bytes()
    top = _boxes(data, 0, len(data))
    kinds = [k for k, *_ in top]
    if kinds.count(b"mdat") != 1 or kinds.count(b"moov") != 1 or b"ftyp" not in kinds:
        raise ConcatError(f"{path.name}: expected ftyp, one mdat and one moov")
    ftyp = next(data[s:e] for k, s, _p, e in top if k == b"ftyp")
    mdat = next((p, e) for k, _s, p, e in top if k == b"mdat")
    moov_start, moov_end = next((p, e) for k, _s, p, e in top if k == b"moov")
    return _Segment(data, ftyp, mdat, Box(b"moov", children=_parse(data, moov_start, moov_end)))


def readable_segment(path: Path) -> bool:
    """Whether ``path`` is a complete MP4 this module can join (a killed writer leaves no index)."""
    try:
        _read(path)
    except (ConcatError, OSError, struct.error):
        return False
    return True


def _u32s(payload: bytes, offset: int, count: int, width: int = 1) -> list[tuple[int, ...]]:
    return [struct.unpack_from(">" + "I" * width, payload, offset + i * 4 * width) for i in range(count)]


def _table(box: Box, width: int) -> list[tuple[int, ...]]:
    count = struct.unpack_from(">I", box.payload, 4)[0]
    return _u32s(box.payload, 8, count, width)


def _duration(box: Box, timescale_offset: int) -> int:
    """Duration of an mvhd/mdhd (``timescale_offset`` after the version) / tkhd box, by version."""
    version = box.payload[0]
    if box.type == b"tkhd":
        return int(struct.unpack_from(">Q", box.payload, 28)[0] if version == 1 else struct.unpack_from(">I", box.payload, 20)[0])
    at = 4 + (16 if version == 1 else 8) + 4
    return int(struct.unpack_from(">Q" if version == 1 else ">I", box.payload, at)[0])


def _with_duration(box: Box, duration: int) -> Box:
    payload = bytearray(box.payload)
    version = payload[0]
    if box.type == b"tkhd":
        at, fmt = (28, ">Q") if version == 1 else (20, ">I")
    else:
        at, fmt = (4 + (16 if version == 1 else 8) + 4, ">Q" if version == 1 else ">I")
    if fmt == ">I" and duration > 0xFFFFFFFF:
        raise ConcatError("duration too long for a version-0 header")
    struct.pack_into(fmt, payload, at, duration)
    return Box(box.type, bytes(payload))


def _codec_key(stsd: bytes) -> bytes:
    """What must match for segments to share one sample description: the sample entry (codec,
    size) and the decoder configuration; the bitrate fields the muxer fills per file may differ."""
    start = stsd.find(b"\x00\x00\x01\xb0")  # MPEG-4 visual object sequence header
    end = stsd.find(b"\x06\x80\x80\x80", max(start, 0))
    config = stsd[start:end] if start >= 0 and end > start else stsd[94:]
    return stsd[:94] + config


def _timescale(mdhd: Box) -> int:
    at = 4 + (16 if mdhd.payload[0] == 1 else 8)
    return int(struct.unpack_from(">I", mdhd.payload, at)[0])


def join_mp4(segments: list[Path], target: Path) -> Path:
    """Write ``target`` as the segments played one after another.

    Raises:
        ConcatError: the segments differ in format or hold something other than one video track.
        OSError: reading or writing failed.
    """
    if not segments:
        raise ConcatError("no segments")
    parsed = [_read(p) for p in segments]
    first = parsed[0]
    for segment in parsed:
        traks = [c for c in segment.moov.children if c.type == b"trak"]
        if len(traks) != 1:
            raise ConcatError("only one-track videos can be joined")
    stsd = first.moov.find(b"trak", b"mdia", b"minf", b"stbl", b"stsd").payload
    timescale = first.moov.find(b"trak", b"mdia", b"mdhd").payload
    for segment in parsed[1:]:
        if _codec_key(segment.moov.find(b"trak", b"mdia", b"minf", b"stbl", b"stsd").payload) != _codec_key(stsd):
            raise ConcatError("the segments were encoded with different settings")
        if _timescale(segment.moov.find(b"trak", b"mdia", b"mdhd")) != _timescale(Box(b"mdhd", timescale)):
            raise ConcatError("the segments have different time scales")

    stts: list[tuple[int, ...]] = []
    stss: list[int] = []
    sizes: list[int] = []
    stsc: list[tuple[int, ...]] = []
    offsets: list[int] = []
    ctts: list[tuple[int, ...]] = []
    movie_duration = track_duration = media_duration = 0
    samples_before = chunks_before = 0
    header = len(first.ftyp) + 16  # the joined mdat uses a 64-bit size header
    payload_position = header
    for segment in parsed:
        stbl = segment.moov.find(b"trak", b"mdia", b"minf", b"stbl")
        kinds = {c.type for c in stbl.children}
        if b"stco" not in kinds and b"co64" not in kinds:
            raise ConcatError("no chunk offsets")
        for entry in _table(stbl.find(b"stts"), 2):
            if stts and stts[-1][1] == entry[1]:
                stts[-1] = (stts[-1][0] + entry[0], entry[1])
            else:
                stts.append(entry)
        if b"ctts" in kinds:
            ctts.extend(_table(stbl.find(b"ctts"), 2))
        segment_samples = 0
        stsz = stbl.find(b"stsz").payload
        constant, count = struct.unpack_from(">II", stsz, 4)
        sizes.extend([constant] * count if constant else [v[0] for v in _u32s(stsz, 12, count)])
        segment_samples = count
        if b"stss" in kinds:
            stss.extend(samples_before + v[0] for v in _table(stbl.find(b"stss"), 1))
        else:  # every sample is a sync sample: list them, since the joined table must be explicit
            stss.extend(range(samples_before + 1, samples_before + count + 1))
        stsc.extend(
            (first_chunk + chunks_before, per_chunk, description)
            for first_chunk, per_chunk, description in _table(stbl.find(b"stsc"), 3)
        )
        if b"co64" in kinds:
            co64 = stbl.find(b"co64").payload
            chunk_offsets = [struct.unpack_from(">Q", co64, 8 + 8 * i)[0] for i in range(struct.unpack_from(">I", co64, 4)[0])]
        else:
            chunk_offsets = [v[0] for v in _table(stbl.find(b"stco"), 1)]
        mdat_start, mdat_end = segment.mdat
        for offset in chunk_offsets:
            if not mdat_start <= offset < mdat_end:
                raise ConcatError("a chunk lies outside the media data")
            offsets.append(offset - mdat_start + payload_position)
        payload_position += mdat_end - mdat_start
        samples_before += segment_samples
        chunks_before += len(chunk_offsets)
        movie_duration += _duration(segment.moov.find(b"mvhd"), 0)
        track_duration += _duration(segment.moov.find(b"trak", b"tkhd"), 0)
        media_duration += _duration(segment.moov.find(b"trak", b"mdia", b"mdhd"), 0)
    if ctts and ctts and sum(c[0] for c in ctts) != samples_before:
        raise ConcatError("composition offsets do not cover every sample")

    def full(entries: list[tuple[int, ...]], fmt: str) -> bytes:
        return b"\0\0\0\0" + struct.pack(">I", len(entries)) + b"".join(struct.pack(fmt, *e) for e in entries)

    moov = first.moov
    trak = moov.find(b"trak")
    stbl = trak.find(b"mdia", b"minf", b"stbl")
    new_tables = {
        b"stts": full(stts, ">II"),
        b"stss": full([(s,) for s in stss], ">I"),
        b"stsz": b"\0\0\0\0" + struct.pack(">II", 0, len(sizes)) + b"".join(struct.pack(">I", s) for s in sizes),
        b"stsc": full(stsc, ">III"),
        b"co64": full([(o,) for o in offsets], ">Q"),
    }
    if ctts:
        new_tables[b"ctts"] = (
            stbl.find(b"ctts").payload[:4] + struct.pack(">I", len(ctts)) + b"".join(struct.pack(">II", *c) for c in ctts)
        )
    children = []
    for child in stbl.children:
        if child.type in (b"stco", b"co64"):
            continue
        children.append(Box(child.type, new_tables.pop(child.type, child.payload)))
    children.extend(Box(kind, payload) for kind, payload in new_tables.items() if kind in (b"co64", b"stss"))
    stbl.children = children
    moov.children = [_with_duration(c, movie_duration) if c.type == b"mvhd" else c for c in moov.children]
    trak.children = [
        _with_duration(c, track_duration) if c.type == b"tkhd" else c for c in trak.children if c.type != b"edts"
    ]  # the edit list described one segment; without it the whole track plays
    mdia = trak.find(b"mdia")
    mdia.children = [_with_duration(c, media_duration) if c.type == b"mdhd" else c for c in mdia.children]

    partial = target.with_name(target.name + ".joining")
    with partial.open("wb") as out:
        out.write(first.ftyp)
        out.write(struct.pack(">I4sQ", 1, b"mdat", 16 + payload_position - header))
        for segment in parsed:
            start, end = segment.mdat
            out.write(memoryview(segment.data)[start:end])
        out.write(moov.serialize())
    partial.replace(target)
    return target
