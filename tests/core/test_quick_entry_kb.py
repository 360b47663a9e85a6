"""The quick-entry data of findings.yaml (``units``, ``decimals``, ``query_fraction``,
``short_label``, ``entry``): validated by `ddx kb check`, loaded into the model."""

from __future__ import annotations

import pytest
from testdata import assert_one_error, edit

from ddx_app.knowledge import check_knowledge_base, load_knowledge_base

AGE = "    unit: {en: years}\n"
ENTRY = """entry:
  states:
    positive: {en: ["+", pos]}
    negative: {en: ["-", neg]}
    present: {en: [seen]}
  named_alone: [present]
  fillers: {en: [and, with]}
groups:"""


def warnings(kb_dir) -> list[str]:
    return [str(p) for p in check_knowledge_base(kb_dir) if p.severity == "warning"]


def test_the_bundled_units_and_words_load(kb):
    age = kb.findings["age_years"]
    assert age.units["years"] == 1 and age.units["months"] == pytest.approx(1 / 12)
    assert age.decimals == 2 and age.display_unit == "years"
    serum = kb.findings["serum_igg4_mg_dl"]
    assert serum.units["g/L"] == 100 and serum.units["mg/L"] == pytest.approx(0.1)
    assert kb.findings["ihc_igg4_igg_ratio_percent"].query_fraction
    assert kb.findings["ihc_cytokeratin"].short_name() == "keratin"
    assert kb.findings["ihc_sma"].short_name() == "SMA"  # the label before its parenthesis
    assert kb.findings["ihc_desmin"].short_name() == "desmin"
    assert "+" in kb.entry.states["positive"]["en"]
    assert kb.entry.named_alone == ("present",)
    for fid in ("ihc_cytokeratin", "ihc_desmin", "ihc_ki67_percent",
                "ihc_igg4_igg_ratio_percent", "spindle_cell_proliferation"):
        assert kb.findings[fid].synonyms["en"], fid
    assert {"CK", "pan-CK"} <= set(kb.findings["ihc_cytokeratin"].synonyms["en"])
    assert {"Ki-67", "Ki67", "MIB-1"} <= set(kb.findings["ihc_ki67_percent"].synonyms["en"])
    assert "IgG4/IgG" in kb.findings["ihc_igg4_igg_ratio_percent"].synonyms["en"]


def test_a_kb_with_entry_words_and_units_loads(mini_kb_dir):
    edit(mini_kb_dir / "findings.yaml", "groups:", ENTRY)
    edit(mini_kb_dir / "findings.yaml", AGE,
         AGE + "    units: {years: 1, months: {divide: 12}}\n    decimals: 1\n")
    assert check_knowledge_base(mini_kb_dir) == []
    kb = load_knowledge_base(mini_kb_dir, use_cache=False)
    assert kb.findings["age"].units == {"years": 1, "months": 1 / 12}
    from ddx_app.quick_entry import parse

    assert parse(kb, "cytokeratin+ 30 months").findings == {"stain_k": "positive", "age": 2.5}


@pytest.mark.parametrize("old, new, message", [
    ("    synonyms: {en: [pleomorphism]}\n",
     "    synonyms: {en: [pleomorphism]}\n    units: {'%': 1}\n",
     "'units' is for numeric findings only"),
    (AGE, AGE + "    units: {years: 1, Years: 1}\n", "listed twice"),
    (AGE, AGE + "    units: {2nd: 1}\n", "starts with a digit"),
    (AGE, AGE + "    units: {years: 0}\n", "units"),
    (AGE, AGE + "    units: {months: {divide: 0}}\n", "units"),
    (AGE, AGE + "    decimals: -1\n", "decimals"),
])
def test_bad_units_are_located(mini_kb_dir, old, new, message):
    line = edit(mini_kb_dir / "findings.yaml", old, new)
    assert_one_error(mini_kb_dir, "findings.yaml", line + old.count("\n"), message)


def test_entry_words_are_checked(mini_kb_dir):
    path = mini_kb_dir / "findings.yaml"
    line = edit(path, "groups:", ENTRY.replace("present: {en: [seen]}",
                                               "present: {en: [seen]}\n    bogus: {en: [x]}"))
    assert_one_error(mini_kb_dir, "findings.yaml", line + 5, "'bogus' has no entry in")


def test_before_name_words_must_record_a_state(mini_kb_dir):
    path = mini_kb_dir / "findings.yaml"
    edit(path, "groups:", ENTRY.replace("  named_alone:", "  before_name: {en: [neg, nope]}\n"
                                        "  named_alone:"))
    found = [str(p) for p in check_knowledge_base(mini_kb_dir) if p.severity == "error"]
    assert len(found) == 1 and "'nope' is not a word of entry.states" in found[0], found


def test_a_word_for_two_states_of_one_finding_is_an_error(mini_kb_dir):
    """'+' may mean positive (stains) and present (features), never two states one
    finding has."""
    path = mini_kb_dir / "findings.yaml"
    edit(path, "groups:", ENTRY.replace('negative: {en: ["-", neg]}',
                                        'negative: {en: ["-", neg, "+"]}'))
    found = [str(p) for p in check_knowledge_base(mini_kb_dir) if p.severity == "error"]
    assert any("'+' would record both 'negative' and 'positive' for stain_k" in e
               for e in found), found
    edit(path, 'negative: {en: ["-", neg, "+"]}', 'negative: {en: ["-", neg]}')
    edit(path, "present: {en: [seen]}", 'present: {en: [seen, "+"]}')
    assert check_knowledge_base(mini_kb_dir) == []  # no finding has both states


def test_a_name_two_findings_share_is_a_warning(mini_kb_dir):
    edit(mini_kb_dir / "findings.yaml", "synonyms: {en: [pleomorphism]}",
         "synonyms: {en: [pleomorphism, AE1/AE3]}")
    assert any("names atypia and stain_k: quick entry asks" in w
               for w in warnings(mini_kb_dir))
