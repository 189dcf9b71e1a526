"""Draw a model's boxes and points onto an image (the chat's thumbnail of a capture); Pillow only.

The thumbnail is a uniform resize of the image the model saw, so normalized 0..1000 coordinates
apply to it directly, whatever its size. Items are drawn like the screen overlay draws them: one
palette colour each, numbered when there are several, labels in a filled tag.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop_helper.core.geometry import normalized_to_pixels
from desktop_helper.core.shapes import color_for
from desktop_helper.parsers.boxes import Box, GroundingItem

if TYPE_CHECKING:
    from PIL import Image


def draw_items_on_png(data: bytes, items: Sequence[GroundingItem]) -> bytes:
    """``items`` drawn on the encoded image ``data``, as a PNG (decoding and encoding included: run it off the GUI thread)."""
    import io

    from PIL import Image

    with Image.open(io.BytesIO(data)) as opened:
        drawn = draw_items(opened.convert("RGB"), items)
    buffer = io.BytesIO()
    drawn.save(buffer, format="PNG")
    return buffer.getvalue()


def draw_items(
    image: Image.Image,
    items: Sequence[GroundingItem],
    *,
    line_width: int | None = None,
    font_size: int | None = None,
) -> Image.Image:
    """Return a copy of ``image`` with ``items`` (normalized 0..1000) drawn on it.

    Items with problems (flagged by the parser) are skipped: drawing them would place them
    somewhere plausible but wrong.

    Args:
        image: the thumbnail or the sent image.
        items: boxes and points as the parser returned them.
        line_width: outline width in pixels; default scales with the image (at least 2).
        font_size: label text size; default scales with the image.
    """
    from PIL import ImageDraw, ImageFont

    result = image.convert("RGB") if image.mode not in ("RGB", "RGBA") else image.copy()
    width, height = result.size
    short_side = min(width, height)
    line = line_width if line_width is not None else max(2, round(short_side / 250))
    size = font_size if font_size is not None else max(10, round(short_side / 40))
    font = ImageFont.load_default(size=size)
    draw = ImageDraw.Draw(result)
    drawable = [item for item in items if item.ok]
    numbered = len(drawable) > 1
    for index, item in enumerate(drawable):
        color = color_for(index)
        if isinstance(item, Box):
            x1, y1, x2, y2 = normalized_to_pixels(item.coords, width, height)
            draw.rectangle((x1, y1, max(x1, x2), max(y1, y2)), outline=color, width=line)
        else:
            x1, y1 = normalized_to_pixels(item.coords, width, height)
            radius = max(4, line * 3)
            draw.ellipse((x1 - radius, y1 - radius, x1 + radius, y1 + radius), outline=color, width=line)
            draw.ellipse((x1 - line, y1 - line, x1 + line, y1 + line), fill=color)
        text = " ".join(part for part in (str(index + 1) if numbered else "", item.label) if part)
        if not text:
            continue
        left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
        tag_w, tag_h = right - left + 2 * line + 2, bottom - top + 2 * line
        # above the item when there is room, else inside its top edge
        tag_y = y1 - tag_h if y1 - tag_h >= 0 else y1
        tag_x = min(max(0.0, x1), max(0.0, width - tag_w))
        draw.rectangle((tag_x, tag_y, tag_x + tag_w, tag_y + tag_h), fill=color)
        draw.text((tag_x + line + 1 - left, tag_y + line - top), text, fill="white", font=font)
    return result
