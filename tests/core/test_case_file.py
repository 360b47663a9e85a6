"""Case files: validation with lines, atomic saves, and nothing lost on a round trip."""

from __future__ import annotations

import contextlib
import os

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ddx_app.case import Case, case_to_yaml, load_case, parse_case, save_case
from ddx_app.errors import CaseFileError

GOOD = """\
ddx_case: 1
case_id: S25-00412
title: Left maxillary sinus mass
notes: |
  Biopsy fragments with bone.
  <script>alert(1)</script> & "quotes" {{ 7*7 }}
teaching:
  answer: imt
  explanation: why
findings:
  age_years: 34
  sex: female
  spindle_cell_proliferation: present
  ihc_sma: focal
  ihc_alk: negative
lab_system_id: X-99
"""


def problems(text: str, kb) -> list[str]:
    with pytest.raises(CaseFileError) as info:
        parse_case(text, "c.ddx.yaml", kb)
    return [str(p) for p in info.value.problems]


def test_round_trip_keeps_every_key(kb, tmp_path):
    """Saving what was loaded keeps unknown keys, teaching extras, notes and values."""
    case = parse_case(GOOD, "c.ddx.yaml", kb)
    assert case.warnings and "lab_system_id" in str(case.warnings[0])
    path = tmp_path / "c.ddx.yaml"
    save_case(case, path, kb)
    again = load_case(path, kb)
    assert again.findings == case.findings
    assert again.notes == case.notes and again.teaching == case.teaching
    assert again.extra == {"lab_system_id": "X-99"}
    assert path.read_text("utf-8").startswith("ddx_case: 1\ncase_id: S25-00412\n")


def test_save_uses_a_stable_key_order(kb):
    """Findings are written in catalogue order whatever order they were recorded in."""
    a = Case(findings={"ihc_sma": "positive", "age_years": 3})
    b = Case(findings={"age_years": 3, "ihc_sma": "positive"})
    assert case_to_yaml(a, kb) == case_to_yaml(b, kb)
    assert case_to_yaml(a, kb).index("age_years") < case_to_yaml(a, kb).index("ihc_sma")


def test_atomic_save_leaves_old_file_on_failure(kb, tmp_path, monkeypatch):
    """If writing fails midway, the previous file is intact and no temp file is left."""
    path = tmp_path / "c.ddx.yaml"
    save_case(Case(findings={"sex": "male"}), path, kb)
    before = path.read_text("utf-8")

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        save_case(Case(findings={"sex": "female"}), path, kb)
    assert path.read_text("utf-8") == before
    assert [p.name for p in tmp_path.iterdir()] == ["c.ddx.yaml"]


def test_unknown_finding_is_rejected_with_line_and_hint(kb):
    found = problems("ddx_case: 1\nfindings:\n  sex: male\n  ihc_smaa: positive\n", kb)
    assert found == ["c.ddx.yaml:4: unknown finding 'ihc_smaa' (did you mean 'ihc_sma'?)"]


def test_unknown_state_and_wrong_type(kb):
    found = problems("ddx_case: 1\nfindings:\n  ihc_sma: maybe\n  age_years: old\n"
                     "  ihc_ki67_percent: 140\n", kb)
    assert found[0].startswith("c.ddx.yaml:3: 'maybe' is not a state of ihc_sma")
    assert found[1].startswith("c.ddx.yaml:4: age_years takes a number")
    assert found[2].startswith("c.ddx.yaml:5: ihc_ki67_percent must be between 0 and 100")


def test_missing_and_newer_versions(kb):
    assert "missing 'ddx_case: 1'" in problems("findings: {}\n", kb)[0]
    assert "newer than this program" in problems("ddx_case: 2\n", kb)[0]
    assert "whole number" in problems("ddx_case: one\n", kb)[0]


def test_wrong_shapes(kb):
    assert "mapping" in problems("- a\n- b\n", kb)[0]
    assert "findings must be a mapping" in problems("ddx_case: 1\nfindings: [a]\n", kb)[0]
    assert "unknown entity" in problems("ddx_case: 1\nteaching: {answer: flu}\nfindings: {}\n",
                                        kb)[0]


def test_empty_findings_is_a_valid_case(kb):
    assert parse_case("ddx_case: 1\nfindings: {}\n", "c", kb).findings == {}
    assert parse_case("ddx_case: 1\nfindings:\n", "c", kb).findings == {}


def test_files_with_dates_and_numbers_as_case_ids(kb, tmp_path):
    case = parse_case("ddx_case: 1\ncase_id: 2024-01-03\nfindings: {}\n", "c", kb)
    assert case.case_id == "2024-01-03"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_loader_never_crashes_on_arbitrary_text(kb, text):
    """Any text either loads or raises CaseFileError: never another exception."""
    try:
        parse_case(text, "fuzz.ddx.yaml", kb)
    except CaseFileError as exc:
        assert all(str(p).startswith("fuzz.ddx.yaml:") for p in exc.problems)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_loader_never_crashes_on_arbitrary_bytes(kb, tmp_path_factory, blob):
    path = tmp_path_factory.mktemp("fuzz") / "b.ddx.yaml"
    path.write_bytes(blob)
    with contextlib.suppress(CaseFileError):
        load_case(path, kb)


@settings(max_examples=100, deadline=None)
@given(notes=st.text(max_size=200), case_id=st.text(max_size=30))
@example(notes="a\x85b\r\nc \n\u2028", case_id="\x85")
@example(notes="  indented\ntrailing  \n\n", case_id="2024-01-03")
def test_any_notes_survive_a_round_trip(kb, notes, case_id):
    """Whatever a pathologist types in notes comes back byte for byte."""
    case = Case(findings={"sex": "male"}, notes=notes, case_id=case_id)
    again = parse_case(case_to_yaml(case, kb), "c", kb)
    assert again.notes == notes and again.case_id == case_id
