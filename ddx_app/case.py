"""Case files (``*.ddx.yaml``, contract v1): load, validate, save atomically.

A case is validated against a knowledge base on load: unknown finding ids,
unknown states, wrong types and a missing or newer format version are rejected
with ``file:line: message``. Nothing is dropped: unknown top-level keys are
kept (with a warning) and written back on save, in a stable key order so that
diffs stay readable.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

from .atomic import write_atomic
from .errors import CaseFileError, Problem, YamlError
from .knowledge.model import KnowledgeBase

# PyYAML and the YAML reader are imported on first load/save, not at start-up: the
# desktop app shows its window before any case file is touched.

FORMAT_VERSION = 1
MAX_CASE_BYTES = 2_000_000
MAX_CASE_NODES = 50_000
# Optional sign-out fields: free text a report prints in its header (README, "Case files").
SIGN_OUT_FIELDS = ("specimen", "site", "requesting_clinician", "pathologist")
KNOWN_KEYS = ("ddx_case", "case_id", "title", "notes", "teaching", "findings",
              *SIGN_OUT_FIELDS, "other_findings")
MAX_OTHER_FINDING_CHARS = 200


class Case:
    """One case: metadata, the findings recorded, and any extra keys to keep.

    Compared by content (two cases with the same findings in another order are
    equal); not hashable, since it is edited in place.
    """

    _FIELDS = ("findings", "case_id", "title", "notes", "teaching", "extra", "warnings",
               "sign_out", "other_findings")
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, findings: dict[str, Any] | None = None, case_id: Any = None,
                 title: Any = None, notes: Any = None, teaching: dict | None = None,
                 extra: dict[str, Any] | None = None, warnings: list[Problem] | None = None,
                 sign_out: dict[str, str] | None = None, other_findings: list[str] | None = None):
        self.findings: dict[str, Any] = {} if findings is None else findings
        self.case_id = case_id
        self.title = title
        self.notes = notes
        self.teaching = teaching
        self.extra: dict[str, Any] = {} if extra is None else extra
        self.warnings: list[Problem] = [] if warnings is None else warnings
        # specimen / site / requesting_clinician / pathologist, only those given
        self.sign_out: dict[str, str] = {} if sign_out is None else sign_out
        # terms recorded outside the vocabulary: kept and reported, never scored
        self.other_findings: list[str] = [] if other_findings is None else other_findings

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in self._FIELDS)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __repr__(self) -> str:
        return "Case(" + ", ".join(f"{n}={v!r}" for n, v in zip(self._FIELDS, self._values())) \
            + ")"

    @property
    def answer(self) -> str | None:
        return (self.teaching or {}).get("answer")

    def to_data(self, kb: KnowledgeBase | None = None) -> dict[str, Any]:
        """The case as plain data in the canonical key order."""
        data: dict[str, Any] = {"ddx_case": FORMAT_VERSION}
        for key in ("case_id", "title", "notes", "teaching"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        data.update({k: self.sign_out[k] for k in SIGN_OUT_FIELDS if self.sign_out.get(k)})
        order = list(kb.findings) if kb else []
        known = [f for f in order if f in self.findings]
        others = [f for f in self.findings if f not in known]
        data["findings"] = {f: self.findings[f] for f in known + others}
        if self.other_findings:
            data["other_findings"] = list(self.other_findings)
        data.update(self.extra)
        return data


_YAML_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


def _str_representer(dumper, value: str):
    """Literal blocks for readable multi-line notes; double quotes whenever a literal
    block or plain scalar could not carry the text unchanged (YAML folds \\r, NEL and
    Unicode line separators into line breaks, and strips trailing spaces in blocks)."""
    style = "|" if "\n" in value else None
    if style and any(line != line.rstrip() for line in value.split("\n")):
        style = '"'
    if any(ch in value for ch in _YAML_BREAKS) or (not value.isprintable() and style is None):
        style = '"'
    if style == "|" and not all(ch.isprintable() or ch == "\n" for ch in value):
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


@cache
def _dumper():
    import yaml

    class Dumper(yaml.SafeDumper):
        """Block style; multi-line text as literal blocks; no aliases."""

        def ignore_aliases(self, data):
            return True

    Dumper.add_representer(str, _str_representer)
    return Dumper


def case_to_yaml(case: Case, kb: KnowledgeBase | None = None) -> str:
    import yaml

    return yaml.dump(case.to_data(kb), Dumper=_dumper(), sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=100)


def save_case(case: Case, path: str | os.PathLike, kb: KnowledgeBase | None = None) -> None:
    """Write the case atomically (temporary file + rename)."""
    write_atomic(path, case_to_yaml(case, kb))


def load_case(path: str | os.PathLike, kb: KnowledgeBase) -> Case:
    """Read and validate a case file.

    Raises
    ------
    CaseFileError
        One located problem per defect; nothing is partially loaded.
    """
    from .yamlio import read_text

    filename = str(path)
    try:
        content = read_text(path, max_bytes=MAX_CASE_BYTES, label=filename)
    except YamlError as exc:
        raise CaseFileError(exc.problems) from None
    return parse_case(content, filename, kb)


def parse_case(content: str, filename: str, kb: KnowledgeBase) -> Case:
    """Parse and validate case text; ``filename`` is used in the problems reported."""
    from .yamlio import parse_yaml

    try:
        data, lines = parse_yaml(content, filename, max_nodes=MAX_CASE_NODES)
    except YamlError as exc:
        raise CaseFileError(exc.problems) from None
    problems: list[Problem] = []

    def fail(path: tuple, message: str) -> None:
        problems.append(Problem(filename, lines.line_of(path), message))

    if not isinstance(data, dict):
        raise CaseFileError([Problem(filename, 1, "a case file is a mapping with 'ddx_case: 1' "
                                     "and 'findings:'")])
    version = data.get("ddx_case")
    if "ddx_case" not in data:
        fail((), "missing 'ddx_case: 1' (the case format version)")
    elif isinstance(version, bool) or not isinstance(version, int):
        fail(("ddx_case",), f"ddx_case must be a whole number, not {version!r}")
    elif version > FORMAT_VERSION:
        fail(("ddx_case",), f"case format {version} is newer than this program understands "
             f"({FORMAT_VERSION}); update DDx Assistant")
    elif version < 1:
        fail(("ddx_case",), f"ddx_case must be 1, not {version}")
    for key in ("case_id", "title", "notes", *SIGN_OUT_FIELDS):
        value = data.get(key)
        if (value is not None and not isinstance(value, (str, int, float))) or \
                isinstance(value, bool):
            fail((key,), f"{key} must be text")
    teaching = data.get("teaching")
    if teaching is not None:
        _check_teaching(teaching, kb, fail)
    findings = data.get("findings")
    if "findings" not in data:
        fail((), "missing 'findings:' (the findings recorded; 'findings: {}' for none yet)")
        findings = {}
    elif findings is None:
        findings = {}  # 'findings:' with nothing under it: none recorded yet
    elif not isinstance(findings, dict):
        fail(("findings",), "findings must be a mapping of finding id to value")
        findings = {}
    problems += _check_findings(findings, kb, filename, lines)
    other = data.get("other_findings")
    if other is None:
        other = []
    elif not isinstance(other, list):
        fail(("other_findings",), "other_findings must be a list of terms ('- EMA focal')")
        other = []
    else:
        for i, term in enumerate(other):
            if isinstance(term, bool) or not isinstance(term, (str, int, float)) \
                    or not str(term).strip():
                fail(("other_findings", i), "each other finding must be a term (text)")
            elif len(str(term)) > MAX_OTHER_FINDING_CHARS:
                fail(("other_findings", i), f"an other finding is at most "
                     f"{MAX_OTHER_FINDING_CHARS} characters; put longer text in notes")
    if problems:
        raise CaseFileError(problems)
    extra = {k: v for k, v in data.items() if k not in KNOWN_KEYS}
    warnings = [Problem(filename, lines.line_of((k,)), f"unknown key {k!r} is kept but not used",
                        "warning") for k in extra]
    sign_out = {k: str(data[k]) for k in SIGN_OUT_FIELDS if data.get(k) is not None}
    return Case(findings=dict(findings), case_id=data.get("case_id"), title=data.get("title"),
                notes=data.get("notes"), teaching=teaching, extra=extra, warnings=warnings,
                sign_out=sign_out, other_findings=[str(t).strip() for t in other])


# Teaching fields other code reads, and the type each must have; others are kept as is.
TEACHING_TEXT = ("kind", "explanation", "note", "history")


def _check_teaching(teaching: Any, kb: KnowledgeBase, fail) -> None:
    """``teaching`` is a mapping; ``answer`` an entity id of ``kb``; ``kind``,
    ``explanation``, ``note`` and ``history`` text (the trainee verdict, the reports and
    the literature evaluation read them)."""
    if not isinstance(teaching, dict):
        fail(("teaching",), "teaching must be a mapping (e.g. 'answer: imt')")
        return
    if "answer" in teaching:
        answer = teaching["answer"]
        if not isinstance(answer, str):
            fail(("teaching", "answer"), "teaching answer must be an entity id (text, e.g. "
                 f"'answer: imt'), not {_kind_of(answer)}")
        elif answer not in kb.entities:
            fail(("teaching", "answer"), f"unknown entity {answer!r} (expected one of "
                 f"{', '.join(kb.entity_ids)})" + _did_you_mean(answer, kb.entities))
    for key in TEACHING_TEXT:
        if key in teaching and not isinstance(teaching[key], str):
            fail(("teaching", key), f"teaching {key} must be text, not "
                 f"{_kind_of(teaching[key])}")


def _kind_of(value: Any) -> str:
    return {bool: "true/false", int: "a number", float: "a number", type(None): "empty",
            list: "a list", dict: "a mapping"}.get(type(value), type(value).__name__)


def _check_findings(findings: dict, kb: KnowledgeBase, filename: str,
                    lines) -> list[Problem]:
    problems = []
    for fid, value in findings.items():
        line = lines.line_of(("findings", fid))
        finding = kb.findings.get(fid)
        if finding is None:
            problems.append(Problem(filename, line, f"unknown finding {fid!r}"
                                    + _did_you_mean(fid, kb.findings)))
            continue
        try:
            finding.state_of(value)
        except ValueError as exc:
            problems.append(Problem(filename, line, str(exc)))
    return problems


def _did_you_mean(word: str, choices) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def example_cases(directory: str | os.PathLike) -> list[Path]:
    return sorted(Path(directory).glob("*.ddx.yaml"))
