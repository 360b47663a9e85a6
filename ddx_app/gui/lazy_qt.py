"""``Qt``, the namespace of Qt's enums, built when first used instead of at import.

PySide6 builds the whole ``Qt`` namespace (93 Python enums; ``Qt.Key`` alone has
~500 members) the first time anything touches it, from Python code or from a C++
call that hands Python a ``Qt::`` enum (a Python model's ``flags`` or
``headerData``, say): ~20 ms on the machines we measure, an eighth of the window's
start-up. Nothing the window needs to show itself uses it: roles and alignments
are plain ints (:mod:`.models.roles`), the item models keep their cells, flags and
headers in C++ (QStandardItemModel). GUI modules import ``Qt`` from here, so the
namespace is built on the first key press or menu command that needs it.
``tests/gui/test_startup.py`` checks that the window starts without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
else:

    class _LazyQt:
        """Forwards attribute access to PySide6.QtCore.Qt, importing it on first use."""

        __slots__ = ()

        def __getattr__(self, name: str):
            from PySide6.QtCore import Qt

            return getattr(Qt, name)

    Qt = _LazyQt()


def set_enum_property(obj: QObject, name: str, key: str) -> None:
    """Set an enum-typed Qt property by its key name, e.g. a QSplitter's
    ``orientation`` to ``"Vertical"``: Qt's property system converts the name, so
    start-up code needs no ``Qt.Orientation`` (nor the namespace behind it)."""
    if not obj.setProperty(name, key):
        raise ValueError(f"{type(obj).__name__} has no property {name!r} taking {key!r}")


__all__ = ["Qt", "set_enum_property"]
