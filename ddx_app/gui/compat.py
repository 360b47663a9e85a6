"""Work-arounds for defects of particular PySide6 releases, applied only where detected.

PySide6 6.12.0 drops a reference to ``True`` on every ``Signal.emit()`` and to
``None`` on many calls into Python overrides of virtual methods (``data()``
returning None, ``headerData``, ``filterAcceptsRow``...). On CPython 3.12+ those
objects are immortal and nothing happens; on 3.11 the interpreter aborts with
"Fatal Python error: bool_dealloc / none_dealloc" after a few thousand edits or
repaints. PySide6 6.11.3 does not have the defect.

:func:`guard_refcount_defects` probes for the defect and, only if it is present on
an interpreter without immortal objects, raises the reference counts of None,
True and False by 2**40 so that the lost references can never bring them to zero
(what CPython 3.12 does for every such object). It is a no-op everywhere else.
"""

from __future__ import annotations

import sys

import PySide6

_BUMP = 1 << 40
_state: dict[str, bool] = {}


def refcount_defects() -> dict[str, bool]:
    """Which singletons this PySide6 loses references to (measured, not guessed)."""
    from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Signal

    class _Probe(QObject):
        fired = Signal()

    class _ProbeModel(QAbstractListModel):
        def rowCount(self, parent=QModelIndex()) -> int:
            return 0 if parent.isValid() else 1

        def data(self, index, role=0):
            return None

    probe, model = _Probe(), _ProbeModel()
    index = model.index(0, 0)
    before_true, before_none = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(16):
        probe.fired.emit()
        index.data()
    return {"True": sys.getrefcount(True) < before_true,
            "None": sys.getrefcount(None) < before_none}


def guard_refcount_defects() -> bool:
    """Protect None/True/False if this PySide6 leaks their references; True if applied."""
    if "applied" in _state:
        return _state["applied"]
    if sys.version_info >= (3, 12) or PySide6.__version_info__[:3] != (6, 12, 0):
        _state["applied"] = False  # immortal singletons, or a release without the defect
        return False
    defects = refcount_defects()
    needed = (any(defects.values()) and sys.implementation.name == "cpython"
              and sys.version_info < (3, 12) and not hasattr(sys, "_is_gil_enabled"))
    if needed:
        import ctypes

        for obj in (None, True, False):
            # ob_refcnt is the first field of every object on these CPython builds.
            ctypes.c_ssize_t.from_address(id(obj)).value += _BUMP
    _state["applied"] = needed
    return needed
