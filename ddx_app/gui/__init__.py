"""The PySide6 desktop front end: thin Qt adapters over the core.

Nothing here computes a probability: the views read the one
:class:`~ddx_app.engine.Analysis` that :class:`.document.CaseDocument` recomputes
after every edit. The core (``ddx_app`` outside this package) never imports Qt.
"""

import PySide6  # noqa: F401  (installs PySide6's import hook: see feature_scan.py)

from .feature_scan import use_cheaper_source_scan

use_cheaper_source_scan()  # before the modules it would otherwise read are imported

from .compat import guard_refcount_defects  # noqa: E402

# Before any model or signal is used: PySide6 6.12.0 on CPython 3.11 otherwise aborts
# the interpreter after a few thousand edits (see compat.py). A no-op elsewhere.
guard_refcount_defects()
