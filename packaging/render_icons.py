"""Render resources/icons/ddx-assistant.svg to the PNG sizes desktops ask for.

    QT_QPA_PLATFORM=offscreen python3 packaging/render_icons.py

Writes resources/icons/ddx-assistant-<size>.png for each size in SIZES (Qt's SVG
renderer, antialiased, transparent background). Run it after editing the SVG and
commit the PNGs with it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "ddx-assistant.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(svg: Path = SVG, folder: Path = ICONS, sizes: tuple[int, ...] = SIZES) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        out = folder / f"{svg.stem}-{size}.png"
        if not image.save(str(out), "PNG"):
            raise SystemExit(f"{out}: could not write")
        written.append(out)
    return written


if __name__ == "__main__":
    for path in render():
        print(path)
