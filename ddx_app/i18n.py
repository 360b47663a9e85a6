"""The program's own words in the user's language.

Texts of the knowledge base carry their own language maps (``{en: ..., zh: ...}``,
read with :func:`ddx_app.knowledge.model.text`). The words the core itself writes
(report headings, the summary, warnings the engine composes) are looked up here: the
catalogues ``resources/translations/<part>.<lang>.yaml`` (engine, summary, report, ...;
all files of a language are merged), mapping the English text to its translation. The
Qt interface uses Qt's own ``.ts``/``.qm`` files (ddx_app/gui); this module is what the
command line and the reports share with it.

A message is written in English in the code and passed through :func:`gettext`
(``_`` in templates); a message without a translation stays English, so a partial
catalogue never loses a word. ``{name}`` fields are filled *after* translation.
A message defined away from where it is shown (a dict of reasons, a constant) is marked
with :func:`N_` and translated at the point of use.

:func:`missing_messages` lists the messages the core and the report templates use that
a language's catalogues do not translate (``file:line: message``), and
:func:`catalogue_problems` the translations whose ``{fields}`` differ from the English
and the messages two files translate differently.
"""

from __future__ import annotations

import os
import re
import string
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from .paths import resources_dir

DEFAULT_LANGUAGE = "en"
# language code -> its own name (View ▸ Language, --lang)
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}


def known_language(lang: str | None) -> str | None:
    """The code of :data:`LANGUAGES` that ``lang`` names ("zh", "zh-CN", "zh_CN.UTF-8"
    -> "zh_CN"), or None (``--lang fr`` is an error, not English)."""
    if not lang:
        return None
    code = lang.split(".")[0].replace("-", "_")
    if code in LANGUAGES:
        return code
    base = code.split("_")[0].lower()
    return next((c for c in LANGUAGES if c.split("_")[0].lower() == base), None)


def normalise(lang: str | None) -> str:
    """A language code of :data:`LANGUAGES` for ``lang`` ("zh", "zh-CN", "zh_CN.UTF-8"
    -> "zh_CN"); English for anything unknown or empty."""
    return known_language(lang) or DEFAULT_LANGUAGE


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
            # an empty translation is a missing one, except for a separator (" " between
            # sentences is "" in Chinese)
            merged.update({str(k): v for k, v in data.items()
                           if isinstance(v, str) and (v.strip() or not str(k).strip())})
    return merged


def catalogue(lang: str) -> dict[str, str]:
    return _catalogue(normalise(lang), os.fspath(resources_dir()))


def gettext(message: str, lang: str | None = DEFAULT_LANGUAGE, **fields: Any) -> str:
    """``message`` in ``lang`` (English when untranslated), with ``fields`` filled in.

    A translation whose fields do not match the English (a typo in a catalogue) falls
    back to the English message rather than failing: a word lost, never a report."""
    translated = catalogue(lang or DEFAULT_LANGUAGE).get(message, message)
    if not fields:
        return translated
    try:
        return translated.format(**fields)
    except (KeyError, IndexError, ValueError):
        return message.format(**fields)


def N_(message: str) -> str:
    """Marks ``message`` for the catalogues where it is defined (a dict value, a
    constant) and returns it unchanged; :func:`gettext` translates it where it is used."""
    return message


def translator(lang: str | None):
    """``_(message, **fields)`` bound to ``lang``: what templates and modules call."""
    def _(message: str, **fields: Any) -> str:
        return gettext(message, lang, **fields)
    return _


# --- which messages are used, and which a catalogue lacks --------------------------

_CALLS = frozenset({"gettext", "_", "N_"})
_TEMPLATE_CALL = re.compile(r"""\b_\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')""")


class Message(NamedTuple):
    """A message the program uses, and where (``ddx_app/summary.py:57``)."""

    text: str
    where: str

    def __str__(self) -> str:
        return f"{self.where}: {self.text!r}"


def _python_messages(root: Path, base: Path) -> list[Message]:
    """Every ``gettext("...")``, ``_("...")`` and ``N_("...")`` in the core's modules
    (``ddx_app`` outside ``gui``, whose words go through Qt); a module-level string
    constant passed by name (``gettext(DISCLAIMER, lang)``) counts as its text."""
    import ast

    trees = []
    for path in sorted(root.rglob("*.py")):
        if "gui" in path.relative_to(root).parts[:1]:
            continue
        try:
            trees.append((path, ast.parse(path.read_text(encoding="utf-8"))))
        except (OSError, SyntaxError, UnicodeDecodeError):
            continue
    constants: dict[str, str] = {}
    for _path, tree in trees:
        for node in tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and \
                    isinstance(node.value.value, str):
                constants.update({t.id: node.value.value for t in node.targets
                                  if isinstance(t, ast.Name)})
    out = []
    for path, tree in trees:
        where = path.relative_to(base).as_posix() if path.is_relative_to(base) else str(path)
        found = []
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call) or not call.args:
                continue
            func = call.func
            name = func.id if isinstance(func, ast.Name) else \
                func.attr if isinstance(func, ast.Attribute) else None
            if name not in _CALLS:
                continue
            arg = call.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.append((call.lineno, call.col_offset, arg.value))
            elif isinstance(arg, ast.Name) and arg.id in constants:
                found.append((call.lineno, call.col_offset, constants[arg.id]))
        out += [Message(text, f"{where}:{line}") for line, _col, text in sorted(found)]
    return out


def _template_messages(folder: Path, base: Path) -> list[Message]:
    """Every ``_("...")`` with a literal message in the Jinja templates."""
    out = []
    for path in sorted(folder.glob("*.j2")):
        try:
            source = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        where = path.relative_to(base).as_posix() if path.is_relative_to(base) else str(path)
        for m in _TEMPLATE_CALL.finditer(source):
            raw = m.group(1) if m.group(1) is not None else m.group(2)
            message = re.sub(r"\\(.)", r"\1", raw)
            out.append(Message(message, f"{where}:{source.count(chr(10), 0, m.start()) + 1}"))
    return out


def used_messages() -> list[Message]:
    """Every message the core (``ddx_app`` outside ``gui``) and the report templates
    (``resources/templates/*.j2``) pass to the catalogues, in file order, each where it
    is used (read from the sources; a frozen build without them has fewer)."""
    package = Path(__file__).resolve().parent
    base = package.parent
    templates = resources_dir() / "templates"
    return _python_messages(package, base) + _template_messages(
        templates, templates.parent.parent)


def missing_messages(lang: str) -> list[Message]:
    """The messages used (:func:`used_messages`) that the catalogues of ``lang`` do not
    translate, each once, at its first use (none for English)."""
    code = normalise(lang)
    if code == DEFAULT_LANGUAGE:
        return []
    known = catalogue(code)
    seen: set[str] = set()
    out = []
    for m in used_messages():
        if m.text not in known and m.text not in seen:
            seen.add(m.text)
            out.append(m)
    return out


def _fields(message: str) -> set[str]:
    try:
        return {f for _, f, _, _ in string.Formatter().parse(message) if f is not None}
    except ValueError:  # an unmatched brace
        return {"<unmatched brace>"}


def catalogue_problems(lang: str) -> list[str]:
    """Translations of ``lang`` whose ``{fields}`` differ from their English message's
    (such a translation is not used: :func:`gettext` falls back to the English), and
    messages two catalogue files translate differently (the later file wins)."""
    import yaml

    code = normalise(lang)
    out = []
    for message, translated in catalogue(code).items():
        if _fields(message) != _fields(translated):
            out.append(f"{message!r}: the translation has fields "
                       f"{sorted(_fields(translated))}, the English {sorted(_fields(message))}")
    first: dict[str, tuple[str, str]] = {}  # message -> (file, translation)
    for path in catalogue_paths(code) if code != DEFAULT_LANGUAGE else ():
        try:
            data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            out.append(f"{path.name}: unreadable ({exc})")
            continue
        for message, translated in (data.items() if isinstance(data, dict) else ()):
            key = str(message)
            if key in first and first[key][1] != translated:
                out.append(f"{key!r}: translated differently in {first[key][0]} "
                           f"({first[key][1]!r}) and {path.name} ({translated!r})")
            first.setdefault(key, (path.name, translated))
    return out
