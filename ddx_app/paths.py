"""Where bundled data and per-user caches live.

The bundled knowledge base and resources sit next to the package in a source
checkout (``<repo>/knowledge``, ``<repo>/resources``); ``DDX_KB_DIR`` and
``DDX_RESOURCES_DIR`` override them (used by frozen builds).
"""

from __future__ import annotations

import os
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent


def bundled_kb_dir() -> Path:
    return Path(os.environ.get("DDX_KB_DIR") or _ROOT / "knowledge")


def resources_dir() -> Path:
    return Path(os.environ.get("DDX_RESOURCES_DIR") or _ROOT / "resources")


def resources_problem(needed: str = "templates/report.html.j2") -> str | None:
    """Why the resources folder cannot provide ``needed`` (a path inside it), as one
    line naming where the folder came from; None when it can."""
    folder = resources_dir()
    origin = f"DDX_RESOURCES_DIR={folder}" if os.environ.get("DDX_RESOURCES_DIR") \
        else f"the resources folder {folder}"
    if not folder.exists():
        return f"{origin} does not exist"
    if not folder.is_dir():
        return f"{origin} is not a folder"
    if not (folder / needed).is_file():
        return f"{origin} has no {needed}: it is not DDx Assistant's resources folder"
    return None


# resources/fonts: each bundled file's role and family. The PDF report embeds them by
# role; the desktop app registers those whose family the system lacks.
BUNDLED_FONTS = {"regular": ("DejaVuSans.ttf", "DejaVu Sans"),
                 "bold": ("DejaVuSans-Bold.ttf", "DejaVu Sans"),
                 "cjk": ("DroidSansFallbackFull.ttf", "Droid Sans Fallback")}


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def examples_dir() -> Path:
    return Path(os.environ.get("DDX_EXAMPLES_DIR") or _ROOT / "examples")


def cache_dir() -> Path:
    if os.environ.get("DDX_CACHE_DIR"):
        return Path(os.environ["DDX_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "ddx-assistant"
