"""DDx Assistant: differential-diagnosis decision support for surgical pathologists.

The package is layered: a pure-Python core (``knowledge``, ``engine``, ``case``,
``report``) that never imports Qt, a thin PySide6 layer in ``gui``, and a command
line in ``cli``. The GUI and the CLI call the same core. The layers, and which may
import which, are written once as import-linter contracts in pyproject.toml
(``[tool.importlinter]``); ``lint-imports`` checks them.
"""

__version__ = "0.1.0"

DISCLAIMER = (
    "Decision support only, not a diagnosis: the differential is computed from the findings "
    "recorded and a knowledge base of published frequencies and expert estimates. The "
    "diagnosis rests with the pathologist."
)


def disclaimer(lang: str = "en") -> str:
    """:data:`DISCLAIMER` in ``lang`` (catalogue engine.<lang>.yaml; English by default)."""
    from .i18n import gettext

    return gettext(DISCLAIMER, lang)
