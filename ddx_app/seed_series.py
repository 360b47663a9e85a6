"""The seed series (Zhao et al. 2025, Table 1) as data, and each row as a practice case.

``examples/seed_series.yaml`` holds the 25 rows verbatim with, per row, the findings the
row states (mapped to finding ids; see the file's header for every rule). This module
reads it through the bounded YAML reader, checks every row's findings against the
knowledge base like a case file, and makes a row into a :class:`~ddx_app.case.Case`
with ``teaching.answer`` (the series' entity), a history built from the row's symptoms
and imaging (naming no diagnosis) and a teaching explanation with the row's ALK
results, treatment and follow-up.
"""

# NamedTuple fields: annotations evaluated, not postponed (see knowledge/model.py).

import os
from pathlib import Path
from typing import Any, NamedTuple

from .case import Case, parse_case
from .errors import CaseFileError, Problem
from .knowledge.model import KnowledgeBase, text

FILE_NAME = "seed_series.yaml"
MAX_BYTES = 500_000
COLUMNS = ("case", "sex", "age", "symptoms", "imaging", "alk_ihc", "alk_fish", "alk_rt_pcr",
           "treatment", "follow_up")


class SeedRow(NamedTuple):
    no: int
    sex: str
    age: str  # as printed ("19", "14 months")
    symptoms: str
    imaging: str
    alk_ihc: str
    alk_fish: str
    alk_rt_pcr: str
    treatment: str
    follow_up: str
    follow_up_months: int | None
    outcome: str
    findings: dict[str, Any]
    mapping_note: str | None
    age_value: float = 0.0  # the row's age finding (kb.yaml practice.history.age), years

    @property
    def age_years(self) -> float:
        return self.age_value


class SeedSeries(NamedTuple):
    id: str
    source: str
    entity: str
    table: str
    title: str
    rows: tuple[SeedRow, ...]


def default_path() -> Path:
    from .paths import examples_dir

    return examples_dir() / FILE_NAME


def load_seed_series(kb: KnowledgeBase, path: str | os.PathLike | None = None) -> SeedSeries:
    """Read and check the series; CaseFileError (file:line: message) when it is bad."""
    from .errors import YamlError
    from .yamlio import parse_yaml, read_text

    filename = str(path or default_path())
    try:
        data, lines = parse_yaml(read_text(filename, max_bytes=MAX_BYTES, label=filename),
                                 filename)
    except YamlError as exc:
        raise CaseFileError(exc.problems) from None
    problems: list[Problem] = []

    def fail(where: tuple, message: str) -> None:
        problems.append(Problem(filename, lines.line_of(where), message))

    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        raise CaseFileError([Problem(filename, 1, "a seed series is a mapping with 'cases:'")])
    entity = data.get("entity")
    if entity not in kb.entities:
        fail(("entity",), f"unknown entity {entity!r}")
    if data.get("source") not in kb.sources:
        fail(("source",), f"unknown source {data.get('source')!r}")
    rows = []
    for i, raw in enumerate(data["cases"]):
        if not isinstance(raw, dict):
            fail(("cases", i), "each case is a mapping")
            continue
        missing = [k for k in (*COLUMNS, "outcome", "findings") if k not in raw]
        if missing:
            fail(("cases", i), f"missing {', '.join(missing)}")
            continue
        findings = raw["findings"] if isinstance(raw["findings"], dict) else {}
        for fid, value in findings.items():
            finding = kb.findings.get(fid)
            if finding is None:
                fail(("cases", i, "findings", fid), f"unknown finding {fid!r}")
                continue
            try:
                finding.state_of(value)
            except ValueError as exc:
                fail(("cases", i, "findings", fid), str(exc))
        rows.append(SeedRow(
            no=raw["case"], sex=str(raw["sex"]), age=str(raw["age"]),
            symptoms=str(raw["symptoms"]), imaging=str(raw["imaging"]),
            alk_ihc=str(raw["alk_ihc"]), alk_fish=str(raw["alk_fish"]),
            alk_rt_pcr=str(raw["alk_rt_pcr"]), treatment=str(raw["treatment"]),
            follow_up=str(raw["follow_up"]), follow_up_months=raw.get("follow_up_months"),
            outcome=str(raw["outcome"]), findings=dict(findings),
            mapping_note=raw.get("mapping_note"),
            age_value=float(findings.get(kb.practice.history.age_finding or "", 0.0))))
    if problems:
        raise CaseFileError(problems)
    return SeedSeries(id=str(data.get("id")), source=data["source"], entity=str(entity),
                      table=str(data.get("table", "")), title=str(data.get("title", "")),
                      rows=tuple(rows))


def _age_words(row: SeedRow) -> str:
    return row.age if "month" in row.age else f"{row.age} years"


def row_case(kb: KnowledgeBase, series: SeedSeries, row: SeedRow) -> Case:
    """One row as a practice case: its findings, ``teaching.answer`` the series' entity, a
    history from the row (no diagnosis) and an explanation with what the paper reports.

    The case goes through the case-file validator, as a file would."""
    history = (f"{row.sex.capitalize()}, {_age_words(row)}. Clinical manifestations: "
               f"{row.symptoms}. Imaging: {row.imaging}.")
    source = kb.sources.get(series.source)
    citation = source.citation if source else series.source
    explanation = (
        f"Case {row.no} of the seed series ({citation} {series.table}): "
        f"{text(kb.entities[series.entity].name)}. ALK (D5F3) IHC {row.alk_ihc}, ALK FISH "
        f"{row.alk_fish}, ALK RT-PCR {row.alk_rt_pcr}. Treatment: {row.treatment}. "
        f"Follow-up: {row.follow_up}.")
    if row.alk_ihc == "negative":
        negative = sum(r.alk_ihc == "negative" for r in series.rows)
        explanation += (f" Like {negative} of the {len(series.rows)}, ALK-negative: a negative "
                        f"ALK does not exclude sinonasal "
                        f"{text(kb.entities[series.entity].short_name)}.")
    case = Case(findings=dict(row.findings), case_id=f"SEED-{row.no:02d}",
                title=f"Seed series case {row.no}",
                teaching={"answer": series.entity, "kind": "seed_series",
                          "history": history, "explanation": explanation,
                          "note": row.mapping_note or "", "source": series.source})
    if not row.mapping_note and case.teaching is not None:
        case.teaching.pop("note", None)
    from .case import case_to_yaml

    return parse_case(case_to_yaml(case, kb), f"{series.id} case {row.no}", kb)
