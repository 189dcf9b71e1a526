"""Render the app icon's PNG, ICO and ICNS files from ``resources/icons/desktop-helper.svg``.

The SVG is the source; the generated files are committed (installers and the tray need raster
icons, and the build machines need no renderer). Run again after changing the SVG:

    uv run python packaging/make_icons.py
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn at size x size with Qt's SVG renderer, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    svg = ICONS / "desktop-helper.svg"
    images = {}
    for size in PNG_SIZES:
        data = render_png(svg, size)
        (ICONS / f"desktop-helper-{size}.png").write_bytes(data)
        images[size] = Image.open(io.BytesIO(data)).convert("RGBA")
    # Windows picks the nearest size from the .ico; each is rendered from the SVG, not scaled down
    ico_sizes = [(s, s) for s in ICO_SIZES]
    images[256].save(ICONS / "desktop-helper.ico", sizes=ico_sizes, append_images=[images[s] for s in ICO_SIZES])
    images[512].save(ICONS / "desktop-helper.icns")
    del app
    for path in sorted(ICONS.glob("desktop-helper*")):
        print(f"{path.relative_to(ICONS.parent.parent)}: {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
