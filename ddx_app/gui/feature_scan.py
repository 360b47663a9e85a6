"""A cheaper form of the source scan PySide6 runs on every module imported after it.

PySide6 supports ``from __feature__ import snake_case, true_property``. To know which
modules the switch applies to, its import hook asks, for each module seen after
PySide6 was imported, whether the module's source contains "PySide6"
(``shibokensupport/feature.py``, ``_mod_uses_pyside``). It gets the source with
``inspect.getsource``: ``linecache`` reads and tokenises the whole file and keeps
every line in memory. For ``ddx gui`` that is ~75 files (``typing`` alone is 3,500
lines), about 13 M instructions and 1.3 MB of lines, ~1.5 % of start-up.

:func:`use_cheaper_source_scan` answers the same question by searching the file's
bytes (the marker is ASCII, so its bytes are the same in any source encoding that
Python accepts by default). The answer only matters to modules that use
``__feature__``, which this application does not; it stays exact for those that do.
A PySide6 without this scan is left alone.
"""

from __future__ import annotations

import sys
from types import ModuleType

_MARKER = b"PySide6"


def module_uses_pyside(module: ModuleType) -> bool:
    """True if the module's source file mentions PySide6 (what PySide6 asks)."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False  # built-in, extension or source-less: PySide6 says False too
    try:
        with open(path, "rb") as source:
            return _MARKER in source.read()
    except OSError:
        return False


def use_cheaper_source_scan() -> bool:
    """Install :func:`module_uses_pyside` as PySide6's scan; True if it was installed."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = module_uses_pyside
    return True
