"""The differential as a horizontal bar chart in SVG.

The same SVG is inlined in the HTML report and drawn in the PDF (as an image
that svglib turns into vector graphics, so its text stays selectable). Entity
names come from the knowledge base, but they are escaped all the same.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence

from markupsafe import Markup, escape

ROW = 22  # px per entity
LABEL_W = 150
BAR_W = 330
VALUE_W = 56
BAR_COLOUR = "#2b5c8a"
LEADER_COLOUR = "#1d3f60"
TRACK_COLOUR = "#e6ebf0"


def size(n_rows: int) -> tuple[int, int]:
    """Width and height in px (= pt in the PDF) of a chart of ``n_rows`` bars."""
    return LABEL_W + BAR_W + VALUE_W, ROW * n_rows + 6


def bar_chart(rows: Sequence[dict], font_family: str = "DejaVu Sans, Arial, sans-serif") -> Markup:
    """SVG for rows with ``name``, ``probability`` and ``percent`` (most probable first)."""
    width, height = size(len(rows))
    font = escape(font_family)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="Ranked differential" '
        f'font-family="{font}" font-size="11">'
    ]
    for i, r in enumerate(rows):
        y = 3 + i * ROW
        w = max(0.0, min(1.0, float(r["probability"]))) * BAR_W
        colour = LEADER_COLOUR if i == 0 else BAR_COLOUR
        parts.append(
            f'<text x="{LABEL_W - 8}" y="{y + 14}" text-anchor="end" fill="#222">'
            f'{escape(r["name"])}</text>'
            f'<rect x="{LABEL_W}" y="{y + 3}" width="{BAR_W}" height="14" fill="{TRACK_COLOUR}"/>'
            f'<rect x="{LABEL_W}" y="{y + 3}" width="{w:.1f}" height="14" fill="{colour}"/>'
            f'<text x="{LABEL_W + BAR_W + 6}" y="{y + 14}" fill="#222">'
            f'{escape(r["percent"])}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def data_uri(svg: str) -> str:
    """A ``data:`` URI for an SVG string (for renderers that take SVG only as an image)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
