"""Sign-out fields (specimen, site, requesting clinician, pathologist) and other findings
(terms outside the vocabulary): kept in the case file, validated with a line, never scored."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ddx_app.case import SIGN_OUT_FIELDS, Case, case_to_yaml, parse_case
from ddx_app.engine import analyse
from ddx_app.errors import CaseFileError

CASE = """ddx_case: 1
case_id: S-26-1234
specimen: Left nasal cavity mass, biopsy
site: Left nasal cavity
requesting_clinician: Dr Li (ENT)
pathologist: Dr Wang
findings:
  ihc_sma: positive
other_findings:
  - EMA focal
  - CD99 positive
"""


def test_sign_out_fields_and_other_findings_are_read_and_kept(kb):
    case = parse_case(CASE, "c.ddx.yaml", kb)
    assert case.sign_out == {"specimen": "Left nasal cavity mass, biopsy",
                             "site": "Left nasal cavity",
                             "requesting_clinician": "Dr Li (ENT)", "pathologist": "Dr Wang"}
    assert case.other_findings == ["EMA focal", "CD99 positive"]
    assert not case.warnings  # known keys, not "unknown key ... kept but not used"
    again = parse_case(case_to_yaml(case, kb), "again.ddx.yaml", kb)
    assert again == case


def test_other_findings_never_change_the_ranking(kb):
    case = parse_case(CASE, "c.ddx.yaml", kb)
    bare = Case(findings=dict(case.findings))
    assert analyse(kb, case.findings).posterior == analyse(kb, bare.findings).posterior


@pytest.mark.parametrize(("text", "line", "words"), [
    ("other_findings: EMA focal\n", 3, "list of terms"),
    ("other_findings:\n  - [1, 2]\n", 4, "term"),
    ("other_findings:\n  - ''\n", 4, "term"),
    ("specimen: [a, b]\n", 3, "specimen must be text"),
    ("other_findings:\n  - " + "x" * 300 + "\n", 4, "at most"),
])
def test_bad_sign_out_data_is_rejected_with_its_line(kb, text, line, words):
    with pytest.raises(CaseFileError) as err:
        parse_case("ddx_case: 1\nfindings: {}\n" + text, "bad.ddx.yaml", kb)
    problem = err.value.problems[0]
    assert (problem.file, problem.line) == ("bad.ddx.yaml", line)
    assert words in problem.message


@settings(max_examples=40, deadline=None)
@given(fields=st.dictionaries(st.sampled_from(SIGN_OUT_FIELDS),
                              st.text(min_size=1, max_size=40).filter(str.strip)),
       others=st.lists(st.text(min_size=1, max_size=60).filter(str.strip), max_size=4))
def test_any_sign_out_text_survives_a_round_trip(kb, fields, others):
    case = Case(findings={}, sign_out=fields, other_findings=[o.strip() for o in others])
    again = parse_case(case_to_yaml(case, kb), "x.ddx.yaml", kb)
    assert again.sign_out == fields
    assert again.other_findings == case.other_findings
