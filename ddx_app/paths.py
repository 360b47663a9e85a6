"""Where bundled data and per-user caches live.

The bundled knowledge base, resources (report templates, fonts, icons) and example
cases have one copy in the repository, the top-level folders ``knowledge/``,
``resources/`` and ``examples/``, which a source checkout (and an editable install)
reads. An installed copy (a wheel, the desktop bundle) carries them inside the
package, in ``ddx_app/_data/`` (setup.py's build hook puts them there).
``DDX_KB_DIR``, ``DDX_RESOURCES_DIR`` and ``DDX_EXAMPLES_DIR`` override either.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_INSTALLED_DATA = _PACKAGE / "_data"  # keep in step with setup.py's TARGET
# The folder holding knowledge/, resources/ and examples/: inside an installed
# package, else the checkout the package sits in.
_ROOT = _INSTALLED_DATA if _INSTALLED_DATA.is_dir() else _PACKAGE.parent


def data_root() -> Path:
    """The folder the bundled knowledge/, resources/ and examples/ are read from."""
    return _ROOT


def bundled_kb_dir() -> Path:
    return Path(os.environ.get("DDX_KB_DIR") or _ROOT / "knowledge")


def resources_dir() -> Path:
    return Path(os.environ.get("DDX_RESOURCES_DIR") or _ROOT / "resources")


# resources/icons: <APP_ICON>.svg and <APP_ICON>-<size>.png for each size (rendered by
# packaging/render_icons.py); APP_ICON is also the desktop entry's Icon and file name.
APP_ICON = "ddx-assistant"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def icons_dir() -> Path:
    return resources_dir() / "icons"


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
                 "cjk": ("DroidSansFallbackFull.ttf", "Droid Sans Fallback"),
                 # Droid Sans Fallback has 3 of the 11,172 Hangul syllables
                 "hangul": ("NanumSquareR.ttf", "NanumSquare")}


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def examples_dir() -> Path:
    return Path(os.environ.get("DDX_EXAMPLES_DIR") or _ROOT / "examples")


# Per-user folders, where each operating system keeps them (platformdirs):
#
#   cache (validated knowledge bases)   data (progress, autosaves, case locks)
#   Linux    $XDG_CACHE_HOME/ddx-assistant       $XDG_DATA_HOME/DDx Assistant/DDx Assistant
#            (~/.cache/ddx-assistant)            (~/.local/share/...)
#   macOS    ~/Library/Caches/ddx-assistant      ~/Library/Application Support/DDx Assistant/...
#   Windows  %LOCALAPPDATA%\ddx-assistant\Cache  %LOCALAPPDATA%\DDx Assistant\DDx Assistant
#
# The data folder is the one Qt's AppLocalDataLocation gives the desktop app (its
# organisation and application names, gui/settings.py), so what earlier versions wrote
# there is found again. DDX_CACHE_DIR and DDX_DATA_DIR override them (tests, CI, a
# portable install). Settings (QSettings) are left to Qt: the platform's own place.
CACHE_FOLDER = "ddx-assistant"
DATA_FOLDER = ("DDx Assistant", "DDx Assistant")  # Qt's organisation, application


def _absolute(folder: str | os.PathLike, what: str) -> Path:
    """``folder`` if absolute; RuntimeError otherwise (no home folder to resolve ``~``
    against: the caller goes without a cache rather than write one in the current
    folder)."""
    path = Path(folder)
    if not path.is_absolute():
        raise RuntimeError(f"no {what} folder: {folder} is not an absolute path")
    return path


def cache_dir() -> Path:
    """The per-user cache folder (``DDX_CACHE_DIR`` overrides it); RuntimeError when
    there is none (no home folder)."""
    if os.environ.get("DDX_CACHE_DIR"):
        return Path(os.environ["DDX_CACHE_DIR"])
    import platformdirs  # only when no override: a few ms of start-up otherwise

    return _absolute(platformdirs.user_cache_dir(CACHE_FOLDER, appauthor=False), "cache")


def data_dir() -> Path:
    """The per-user data folder (``DDX_DATA_DIR`` overrides it); RuntimeError when
    there is none (no home folder)."""
    if os.environ.get("DDX_DATA_DIR"):
        return Path(os.environ["DDX_DATA_DIR"])
    import platformdirs

    return _absolute(platformdirs.user_data_dir(appauthor=False), "data").joinpath(*DATA_FOLDER)
