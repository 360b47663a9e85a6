"""Which texts of a knowledge base have a translation (``ddx kb check --lang zh``).

Every text a user reads is a language map (``{en: ..., zh: ...}``). Which maps count is
decided by the schemas, not by file or key names: a schema node marked
``"x-translate": true`` (common.schema.json ``text``) is a text to translate, one marked
``"x-translate": false`` (``text_original``: the notes on a bibliography entry, which
stay in the language of the reference, like its citation) is not counted. Word lists
(quick-entry synonyms and state words) are vocabularies, not texts, and are not counted.

A map is translated into ``lang`` when :func:`ddx_app.knowledge.model.text` would not
fall back to English for it: for ``zh_CN`` an entry ``zh_CN`` or ``zh``, for ``zh`` an
entry ``zh``. Each untranslated map is located by file and line, like every problem
``kb check`` reports, and named by where it sits ("finding label", "likelihood note",
"red flag message"), a name built from the schema's property names.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DdxError, Problem

__all__ = ["TranslationReport", "Untranslated", "iter_texts", "language_keys",
           "translation_report"]

MAX_SHOWN = 60  # characters of the English text shown beside an untranslated text
# the thing a file describes, named before a text at its top level ("entity name")
_OWNERS = {"entity": "entity", "kb": "knowledge base"}
_IRREGULAR = {"criteria": "criterion", "aliases": "alias", "statuses": "status"}


def language_keys(lang: str) -> tuple[str, ...]:
    """The keys of a language map that serve ``lang`` before English: ``zh_CN`` ->
    (``zh_CN``, ``zh``); ``zh`` -> (``zh``,). ``zh-CN`` is read as ``zh_CN``."""
    code = lang.split(".")[0].replace("-", "_")
    base = code.split("_")[0]
    return (code,) if base == code else (code, base)


def _singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _plural(what: str) -> str:
    head, _, last = what.rpartition(" ")
    last = last[:-1] + "ies" if last.endswith("y") and last[-2:-1] not in "aeiou" \
        else last if last.endswith("s") else last + "s"
    return f"{head} {last}" if head else last


def _branches(schema: Mapping) -> list[Mapping]:
    """The schema and the subschemas of its allOf/anyOf/oneOf, which may hold properties."""
    out = [schema]
    for key in ("allOf", "anyOf", "oneOf"):
        out += [s for s in schema.get(key, ()) if isinstance(s, Mapping)]
    return out


def _child(schema: Mapping, key: str) -> tuple[Mapping | None, bool]:
    """The schema of ``key`` in an object described by ``schema``, and whether it was a
    named property (True) or a free key such as a state id or finding id (False)."""
    for branch in _branches(schema):
        props = branch.get("properties")
        if isinstance(props, Mapping) and key in props:
            return props[key], True
    for branch in _branches(schema):
        extra = branch.get("additionalProperties")
        if isinstance(extra, Mapping):
            return extra, False
    return None, False


def _items(schema: Mapping) -> Mapping | None:
    for branch in _branches(schema):
        items = branch.get("items")
        if isinstance(items, Mapping):
            return items
    return None


def iter_texts(schema: Mapping, data: Any,
               owner: str = "") -> Iterator[tuple[tuple, str, Mapping]]:
    """(path, what, language map) of every text to translate in ``data``, which the
    (dereferenced) ``schema`` describes; "what" names the place ("finding label"), a
    text at the top level of the file after ``owner`` ("entity name")."""
    def walk(node: Any, sch: Mapping, path: tuple, names: tuple[str, ...]):
        mark = sch.get("x-translate")
        if mark is not None:
            if mark and isinstance(node, Mapping) and isinstance(node.get("en"), str):
                words = (owner, *names) if owner and len(names) == 1 else names
                yield path, " ".join(words).replace("_", " ") or "text", node
            return
        if isinstance(node, Mapping):
            for key, value in node.items():
                sub, is_property = _child(sch, str(key))
                if sub is None:
                    continue
                if is_property:
                    yield from walk(value, sub, (*path, key), (*names, str(key)))
                else:  # a free key (an id): the collection is named by its parent
                    yield from walk(value, sub, (*path, key),
                                    (*names[:-1], _singular(names[-1])) if names else names)
        elif isinstance(node, list):
            sub = _items(sch)
            if sub is not None:
                item_names = (*names[:-1], _singular(names[-1])) if names else names
                for i, value in enumerate(node):
                    yield from walk(value, sub, (*path, i), item_names)

    yield from walk(data, schema, (), ())


@dataclass(frozen=True, order=True)
class Untranslated:
    """One language map with no text in the language asked for."""

    file: str
    line: int
    what: str
    english: str

    def __str__(self) -> str:
        shown = " ".join(self.english.split())
        if len(shown) > MAX_SHOWN:
            shown = shown[:MAX_SHOWN - 1].rstrip() + "…"
        return f"{self.file}:{self.line}: untranslated {self.what} ({shown})"


@dataclass
class TranslationReport:
    """How many texts of a knowledge base have a ``lang`` translation, and which do not."""

    lang: str
    total: int = 0
    missing: list[Untranslated] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # files that could not be read

    @property
    def translated(self) -> int:
        return self.total - len(self.missing)

    def by_what(self) -> list[tuple[str, int]]:
        """Untranslated texts per kind, most first (then by name)."""
        counts = Counter(m.what for m in self.missing)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def summary(self) -> str:
        """``zh: 1,234 of 1,800 texts translated; 566 untranslated: 412 likelihood notes,
        ...`` (one line)."""
        head = f"{self.lang}: {self.translated:,} of {self.total:,} texts translated"
        if not self.missing:
            return head + "; none untranslated"
        kinds = ", ".join(f"{n:,} {what if n == 1 else _plural(what)}"
                          for what, n in self.by_what())
        return f"{head}; {len(self.missing):,} untranslated: {kinds}"

    def lines(self) -> list[str]:
        """One ``file:line: untranslated <what> (<English>)`` per text, by file and line,
        then the summary."""
        return [str(m) for m in sorted(self.missing)] + [self.summary()]


def translation_report(directory: str | os.PathLike, lang: str) -> TranslationReport:
    """The texts of the knowledge base in ``directory`` that have no ``lang`` text.

    Never raises for a bad knowledge base: a file that cannot be read or parsed is left
    out (``kb check`` reports why) and named in ``problems``."""
    from ..yamlio import load_yaml_file
    from .loader import MAX_FILE_BYTES, MAX_NODES, _kb_files
    from .schema import load_schema

    report = TranslationReport(lang)
    keys = language_keys(lang)
    try:
        files, _notes = _kb_files(Path(directory))
    except DdxError as exc:
        report.problems = list(exc.problems)
        return report
    for path, _label, schema_name in files:
        shown = str(path)
        try:
            data, lines = load_yaml_file(path, max_bytes=MAX_FILE_BYTES, max_nodes=MAX_NODES,
                                         label=shown)
        except DdxError as exc:
            report.problems += exc.problems
            continue
        if not isinstance(data, dict):
            continue
        owner = _OWNERS.get(schema_name, "")
        for where, what, langmap in iter_texts(load_schema(schema_name), data, owner):
            report.total += 1
            if not any(isinstance(langmap.get(k), str) and langmap[k].strip() for k in keys):
                report.missing.append(Untranslated(shown, lines.line_of(where), what,
                                                   langmap["en"]))
    return report
