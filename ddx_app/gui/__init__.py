"""The PySide6 desktop front end: thin Qt adapters over the core.

Nothing here computes a probability: the views read the one
:class:`~ddx_app.engine.Analysis` that :class:`.document.CaseDocument` recomputes
after every edit. The core (``ddx_app`` outside this package) never imports Qt.
"""
