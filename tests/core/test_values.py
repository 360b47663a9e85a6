"""One formatter for a finding's value with its unit (ddx_app/values.py), the age display
rule (findings.yaml ``display_below``) and the number reading the checklist's editor
shares with quick entry (``quick_entry.read_number``)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from testdata import MINI_KB

from ddx_app import values
from ddx_app.knowledge import check_knowledge_base
from ddx_app.quick_entry import parse, preview, read_number
from ddx_app.summary import result_phrase


def test_ages_under_two_read_in_months_older_ages_in_years(kb):
    age = kb.findings["age_years"]
    assert values.value_text(age, 1.17) == "14 months"  # as quick entry stores 14 months
    assert values.value_text(age, 30) == "30 years"
    assert values.value_text(age, 2) == "2 years"  # the threshold itself: years
    assert values.value_text(age, 1.5) == "18 months"
    assert values.value_text(age, 0.04) != "0 months"  # two weeks never reads as nothing
    assert values.value_text(age, 1.17, "zh_CN") == "14 个月"


@given(st.integers(min_value=1, max_value=23))
def test_every_age_typed_in_months_reads_back_in_the_same_months(kb, months):
    reading = read_number(kb, "age_years", f"{months} months")
    assert values.value_text(kb.findings["age_years"], reading.value) == f"{months} months"


def test_units_read_short_the_full_unit_stays_for_tooltips(kb):
    f = kb.findings
    assert values.value_text(f["ihc_ki67_percent"], 15) == "15 %"
    assert values.value_text(f["ihc_igg4_per_hpf"], 60) == "60/HPF"
    assert values.value_text(f["serum_igg4_mg_dl"], 210) == "210 mg/dL"


def test_every_front_end_shows_the_same_value(kb):
    result = parse(kb, "14 months, serum IgG4 2.1 g/L")
    assert "Age = 14 months" in preview(kb, result)
    assert "Serum IgG4 = 210 mg/dL" in preview(kb, result)
    assert result_phrase(kb, "age_years", 1.17) == "age 14 months"


def test_unit_choices_are_one_per_factor_the_findings_own_first(kb):
    keys = [k for k, _label, _factor in values.unit_choices(kb.findings["age_years"])]
    assert keys == ["years", "months", "weeks", "days"]
    serum = values.unit_choices(kb.findings["serum_igg4_mg_dl"])
    assert [(k, x) for k, _label, x in serum] == [("mg/dL", 1), ("g/L", 100),
                                                  ("mg/L", pytest.approx(0.1))]
    assert len(values.unit_choices(kb.findings["ihc_ki67_percent"])) == 1  # no choice


def test_a_number_in_the_editor_converts_with_the_unit_chosen(kb):
    assert read_number(kb, "serum_igg4_mg_dl", "2.1", "g/L").value == 210
    assert read_number(kb, "serum_igg4_mg_dl", "2,1", "g/L").value == 210  # decimal comma
    assert read_number(kb, "serum_igg4_mg_dl", "2.1 g/L", "mg/dL").value == 210  # typed wins
    assert read_number(kb, "age_years", "14", "months").value == 1.17
    assert read_number(kb, "age_years", "", "months") == read_number(kb, "age_years", " ")
    assert read_number(kb, "age_years", "").value is None  # empty: not assessed


@pytest.mark.parametrize("typed", ["<5", "5-10", "130", "abc", "14 mg/dL"])
def test_what_the_editor_refuses_names_the_finding_by_its_label(kb, typed):
    reading = read_number(kb, "age_years", typed)
    assert reading.refused and reading.value is None
    assert reading.message.startswith("Age") and "age_years" not in reading.message


def test_a_fraction_for_a_percentage_is_asked_about_with_the_value_meant(kb):
    reading = read_number(kb, "ihc_igg4_igg_ratio_percent", "0.4", "%")
    assert reading.refused and reading.suggestion == 40
    assert read_number(kb, "ihc_igg4_igg_ratio_percent", "0.4%").value == 0.4


def test_display_below_must_name_one_of_the_findings_units(mini_kb_dir):
    path = mini_kb_dir / "findings.yaml"
    old = "    unit: {en: years}\n"
    path.write_text(path.read_text("utf-8").replace(old, old + (
        "    units: {years: 1, months: {divide: 12}}\n"
        "    display_below: {value: 2, unit: moons}\n"), 1), "utf-8")
    errors = [str(p) for p in check_knowledge_base(mini_kb_dir) if p.severity == "error"]
    assert any("moons" in e and "display_below" in e for e in errors), errors
    assert not [p for p in check_knowledge_base(MINI_KB) if p.severity == "error"]
