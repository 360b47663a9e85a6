"""The PySide6 desktop front end: thin Qt adapters over the core.

Nothing here computes a probability: the views read the one
:class:`~ddx_app.engine.Analysis` that :class:`.document.CaseDocument` recomputes
after every edit. The core (``ddx_app`` outside this package) never imports Qt.
"""

from .compat import guard_refcount_defects

# Before any model or signal is used: PySide6 6.12.0 on CPython 3.11 otherwise aborts
# the interpreter after a few thousand edits (see compat.py). A no-op elsewhere.
guard_refcount_defects()
