"""The program's own words in the user's language.

Texts of the knowledge base carry their own language maps (``{en: ..., zh: ...}``,
read with :func:`ddx_app.knowledge.model.text`). The words the core itself writes
(report headings, the summary, warnings the engine composes) are looked up here: one
catalogue per language, ``resources/translations/core_<lang>.yaml``, mapping the
English text to its translation. The Qt interface uses Qt's own ``.ts``/``.qm`` files
(ddx_app/gui); this module is what the command line and the reports share with it.

A message is written in English in the code and passed through :func:`gettext`
(``_`` in templates); a message without a translation stays English, so a partial
catalogue never loses a word. ``{name}`` fields are filled *after* translation.
"""

from __future__ import annotations

import os
from functools import cache
from typing import Any

from .paths import resources_dir

DEFAULT_LANGUAGE = "en"
# language code -> its own name (View ▸ Language, --lang)
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}


def normalise(lang: str | None) -> str:
    """A language code of :data:`LANGUAGES` for ``lang`` ("zh", "zh-CN", "zh_CN.UTF-8"
    -> "zh_CN"); English for anything unknown or empty."""
    if not lang:
        return DEFAULT_LANGUAGE
    code = lang.split(".")[0].replace("-", "_")
    if code in LANGUAGES:
        return code
    base = code.split("_")[0].lower()
    return next((c for c in LANGUAGES if c.split("_")[0].lower() == base), DEFAULT_LANGUAGE)


def catalogue_paths(lang: str) -> list:
    """The catalogue files of ``lang``, in name order."""
    return sorted((resources_dir() / "translations").glob(f"*.{lang}.yaml"))


@cache
def _catalogue(lang: str, folder: str) -> dict[str, str]:
    """The catalogue of ``lang`` ({} for English or when there is none)."""
    if lang == DEFAULT_LANGUAGE:
        return {}
    import yaml

    merged: dict[str, str] = {}
    for path in catalogue_paths(lang):
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            merged.update({str(k): v for k, v in data.items()
                           if isinstance(v, str) and v.strip()})
    return merged


def catalogue(lang: str) -> dict[str, str]:
    return _catalogue(normalise(lang), os.fspath(resources_dir()))


def gettext(message: str, lang: str | None = DEFAULT_LANGUAGE, **fields: Any) -> str:
    """``message`` in ``lang`` (English when untranslated), with ``fields`` filled in."""
    translated = catalogue(lang or DEFAULT_LANGUAGE).get(message, message)
    return translated.format(**fields) if fields else translated


def translator(lang: str | None):
    """``_(message, **fields)`` bound to ``lang``: what templates and modules call."""
    def _(message: str, **fields: Any) -> str:
        return gettext(message, lang, **fields)
    return _
