"""Quick entry (ddx_app/quick_entry.py): text -> findings through the knowledge base's words."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ddx_app.quick_entry import MAX_CHARS, parse, preview

EXAMPLE = ("spindle cells, SMA+ desmin- CK focal ALK- S100 neg SOX10- Ki67 15% IgG4 60/HPF "
           "IgG4/IgG 45% serum IgG4 2.1 g/L, 14 months, female")
EXPECTED = {
    "spindle_cell_proliferation": "present", "ihc_sma": "positive", "ihc_desmin": "negative",
    "ihc_cytokeratin": "focal", "ihc_alk": "negative", "ihc_s100": "negative",
    "ihc_sox10": "negative", "ihc_ki67_percent": 15, "ihc_igg4_per_hpf": 60,
    "ihc_igg4_igg_ratio_percent": 45, "serum_igg4_mg_dl": 210, "age_years": 1.17,
    "sex": "female"}
PACKAGE = Path(__file__).resolve().parents[2] / "ddx_app"


def test_the_example_line_parses_completely(kb):
    r = parse(kb, EXAMPLE)
    assert r.findings == EXPECTED
    assert r.complete and not r.unrecognised and not r.questions
    assert r.leftover() == ""
    # every item carries the span it came from, for the preview
    spans = {i.finding: EXAMPLE[i.start:i.end] for i in r.items}
    assert spans["ihc_sma"] == "SMA+"
    assert spans["ihc_cytokeratin"] == "CK focal"
    assert spans["serum_igg4_mg_dl"] == "serum IgG4 2.1 g/L"  # longest name, not "IgG4"
    assert spans["age_years"] == "14 months"
    assert all(i.text == EXAMPLE[i.start:i.end].strip() for i in r.items)


@pytest.mark.parametrize("line, finding, value", [
    ("serum IgG4 2.1 g/L", "serum_igg4_mg_dl", 210),
    ("serum IgG4 300 mg/L", "serum_igg4_mg_dl", 30),
    ("serum IgG4 135 mg/dL", "serum_igg4_mg_dl", 135),
    ("2.1 g/L", "serum_igg4_mg_dl", 210),  # a unit only one finding takes names it
    ("14 months", "age_years", 1.17),
    ("age 14 mo", "age_years", 1.17),
    ("6 weeks", "age_years", 0.11),
    ("45-year-old", "age_years", 45),
    ("Ki-67 12.5 %", "ihc_ki67_percent", 12.5),
    ("MIB-1 20", "ihc_ki67_percent", 20),
    ("IgG4+ plasma cells 60 per HPF", "ihc_igg4_per_hpf", 60),
    ("IgG4/IgG 0.4%", "ihc_igg4_igg_ratio_percent", 0.4),  # explicit unit: taken
])
def test_numbers_and_unit_conversions(kb, line, finding, value):
    r = parse(kb, line)
    assert r.findings == {finding: value} and not r.questions, preview(kb, r)
    assert type(r.findings[finding]) is type(value)


@pytest.mark.parametrize("line, words", [
    ("Ki67 5-10", ("Ki-67 (MIB-1) index", "range", "5-10")),
    ("Ki67 15 to 20%", ("Ki-67 (MIB-1) index", "range")),
    ("Ki67 <5", ("Ki-67 (MIB-1) index", "'<5'")),
    ("IgG4 >50/HPF", ("IgG4-positive plasma cells per HPF", "'>50/HPF'")),
    ("Ki67 150%", ("Ki-67 (MIB-1) index", "between 0 and 100", "150")),
    ("serum IgG4 60 g/L", ("Serum IgG4", "between 0 and 5000", "6000", "60 g/L")),
    ("Ki67 1,5", ("Ki-67 (MIB-1) index", "point", "'1.5'")),
    ("IgG4 2.1 g/L", ("IgG4-positive plasma cells per HPF", "not measured in g/L",
                      "Serum IgG4")),
    ("SMA 50%", ("SMA (smooth muscle actin)", "not a number")),
    ("Sex negative", ("Sex", "'negative'")),
])
def test_what_cannot_be_recorded_is_asked_with_the_label(kb, line, words):
    r = parse(kb, line)
    assert not r.findings and len(r.questions) == 1
    message = r.questions[0].message
    assert all(w in message for w in words), message
    assert r.leftover() == line  # nothing lost


def test_a_fraction_for_a_percentage_is_queried_not_taken(kb):
    r = parse(kb, "IgG4/IgG 0.4")
    assert r.findings == {}
    assert r.questions[0].message.startswith("IgG4/IgG plasma cell ratio 0.4: did you mean 40 %?")
    assert r.questions[0].finding == "ihc_igg4_igg_ratio_percent"


def test_tokens_not_understood_are_listed_with_their_spans(kb):
    line = "SMA+ frobnicated desmin- CK7 neg xyz"
    r = parse(kb, line)
    assert r.findings == {"ihc_sma": "positive", "ihc_desmin": "negative"}
    assert [t.text for t in r.unrecognised] == ["frobnicated", "CK7 neg", "xyz"]
    assert all(line[t.start:t.end] == t.text for t in r.unrecognised)
    assert r.leftover() == "frobnicated CK7 neg xyz"
    assert not r.complete and r.recognised


def test_a_result_after_an_unknown_word_is_never_given_to_the_next_finding(kb):
    """'CK7 neg SMA+' must not record SMA negative."""
    r = parse(kb, "CK7 neg SMA+")
    assert r.findings == {"ihc_sma": "positive"}
    assert [t.text for t in r.unrecognised] == ["CK7 neg"]


@pytest.mark.parametrize("line, expected", [
    ("no necrosis", {"necrosis": "absent"}),
    ("necrosis absent", {"necrosis": "absent"}),
    ("necrosis: not seen", {"necrosis": "absent"}),
    ("spindle cells", {"spindle_cell_proliferation": "present"}),  # named alone
    # "no" only precedes a name: never the result of the finding before it
    ("ALK- no necrosis", {"ihc_alk": "negative", "necrosis": "absent"}),
    ("spindle cells no necrosis", {"spindle_cell_proliferation": "present",
                                   "necrosis": "absent"}),
    ("SMA+ without necrosis", {"ihc_sma": "positive", "necrosis": "absent"}),
    ("necrosis: no", {"necrosis": "absent"}),  # ... unless no name follows
    ("necrosis no, SMA+", {"necrosis": "absent", "ihc_sma": "positive"}),
    ("no spindle cells", {"spindle_cell_proliferation": "absent"}),
    ("positive for SMA", {"ihc_sma": "positive"}),
    ("SMA positive", {"ihc_sma": "positive"}),
    ("SMA pos desmin neg", {"ihc_sma": "positive", "ihc_desmin": "negative"}),
    ("no ALK", {"ihc_alk": "negative"}),  # "no" on a stain: negative
    ("ALK-negative, CD34-", {"ihc_alk": "negative", "ihc_cd34": "negative"}),
    ("SMA focal", {"ihc_sma": "focal"}),  # a plain stain keeps the alias
    ("SMA+ diffuse", {"ihc_sma": "diffuse"}),  # a second result refines the first
    ("CK+ focal", {"ihc_cytokeratin": "focal"}),
    ("CK focal positive", {"ihc_cytokeratin": "focal"}),
    ("focal CK", {"ihc_cytokeratin": "focal"}),
    ("CK diffuse", {"ihc_cytokeratin": "diffuse"}),
    ("pan-CK -", {"ihc_cytokeratin": "negative"}),
    ("CK (AE1/AE3) focal", {"ihc_cytokeratin": "focal"}),  # two names of one finding
    ("ALK (D5F3) negative", {"ihc_alk": "negative"}),
    ("Ki-67 (MIB-1) 15%", {"ihc_ki67_percent": 15}),
    ("45-year-old man", {"age_years": 45, "sex": "male"}),
    ("woman", {"sex": "female"}),
    ("granulomas", {"granulomas": "present"}),  # a label outranks another's synonym
    ("SMA+; CK-. S100 neg", {"ihc_sma": "positive", "ihc_cytokeratin": "negative",
                             "ihc_s100": "negative"}),
    ("sma+ DESMIN−", {"ihc_sma": "positive", "ihc_desmin": "negative"}),  # case, U+2212
])
def test_grammar(kb, line, expected):
    r = parse(kb, line)
    assert r.findings == expected and not r.unrecognised and not r.questions, preview(kb, r)


def test_weak_is_positive_and_says_the_extent_is_not_stated(kb):
    """'weak' is intensity, not extent: positive (on a graded stain: focal or diffuse not
    stated, noted), never focal."""
    r = parse(kb, "CK weak")
    assert r.findings == {"ihc_cytokeratin": "positive"}
    assert "focal or diffuse not stated" in r.notes[0].message
    assert parse(kb, "SMA weak").findings == {"ihc_sma": "positive"}
    assert parse(kb, "CK weak focal").findings == {"ihc_cytokeratin": "focal"}
    assert not parse(kb, "CK weak focal").notes


def test_a_name_without_a_result_is_asked_about(kb):
    r = parse(kb, "SMA, desmin positive")
    assert r.findings == {"ihc_desmin": "positive"}
    assert r.questions[0].message.startswith("SMA (smooth muscle actin): no result given")
    assert parse(kb, "Ki67").questions[0].message == "Ki-67 (MIB-1) index: no value given"


def test_ambiguous_names_and_units_are_asked_about(kb):
    r = parse(kb, "EVG +")  # a synonym of obliterative phlebitis and of vasculitis
    assert not r.findings and "Obliterative phlebitis or Vasculitis" in r.questions[0].message
    r = parse(kb, "15%")  # Ki-67 and the IgG4/IgG ratio are both in %
    assert not r.findings and "which finding" in r.questions[0].message


def test_contradictions_are_asked_about_not_resolved(kb):
    r = parse(kb, "SMA+ desmin- SMA-")
    assert r.findings == {"ihc_desmin": "negative"}
    assert "given 2 times" in r.questions[0].message
    r = parse(kb, "Ki67 15% Ki67 5-10")
    assert r.findings == {}
    assert len(r.questions) == 2 and r.leftover() == "Ki67 15% Ki67 5-10"
    assert parse(kb, "SMA+ SMA positive").findings == {"ihc_sma": "positive"}


def test_json_shape(kb):
    r = parse(kb, "SMA+ foo Ki67 <5 CK weak")
    data = r.to_json(kb)
    assert data["findings"] == {"ihc_sma": "positive", "ihc_cytokeratin": "positive"}
    assert data["unrecognised"] == [{"text": "foo", "start": 5, "end": 8}]
    assert data["questions"][0]["finding"] == "ihc_ki67_percent"
    assert data["items"][0] == {"finding": "ihc_sma", "label": "SMA (smooth muscle actin)",
                                "value": "positive", "display": "Positive", "text": "SMA+",
                                "start": 0, "end": 4}
    assert data["notes"][0]["finding"] == "ihc_cytokeratin"


def test_too_long_and_empty_text(kb):
    r = parse(kb, "SMA+ " * (MAX_CHARS // 4))
    assert not r.findings and "at most" in r.questions[0].message
    assert not parse(kb, "").recognised and not parse(kb, "   ").unrecognised
    assert not parse(kb, None).recognised


def test_long_input_is_read_in_linear_time(kb):
    """A paste of MAX_CHARS characters (one finding repeated) stays well under a second."""
    import time

    for unit in ("SMA+ ", "SMA+ SMA- ", "Ki67 1 ", "xx ", "+", "CK weak focal "):
        line = unit * (MAX_CHARS // len(unit))
        start = time.perf_counter()
        parse(kb, line)
        assert time.perf_counter() - start < 1.0, unit


def test_another_knowledge_base_brings_its_own_words(mini_kb):
    """The mini KB has no `entry` words: its state ids and names still work, '+' does not."""
    r = parse(mini_kb, "cytokeratin positive SOX10 negative age 40")
    assert r.findings == {"stain_k": "positive", "stain_s": "negative", "age": 40}
    r = parse(mini_kb, "cytokeratin+")
    assert not r.findings and r.questions  # "+" is a word of the bundled KB, not of this one
    r = parse(mini_kb, "pleomorphism")  # and no entry.named_alone: a feature needs a result
    assert not r.findings and "no result given" in r.questions[0].message


def test_no_finding_names_or_state_words_in_the_code(kb):
    """Every word comes from the knowledge base: no finding id, synonym, label or
    quick-entry word is written in quick_entry.py or summary.py."""
    words = set()
    for f in kb.findings.values():
        words |= {f.id, *(s.casefold() for s in f.synonyms.get("en", ())),
                  f.label["en"].casefold()}
    for by_lang in kb.entry.states.values():
        words |= {w.casefold() for w in by_lang["en"] if len(w) > 1}
    words |= {w.casefold() for w in kb.entry.fillers["en"] if len(w) > 2}
    for name in ("quick_entry.py", "summary.py"):
        tree = ast.parse((PACKAGE / name).read_text("utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
                      and node.body and isinstance(node.body[0], ast.Expr)}
        literals = {n.value.casefold() for n in ast.walk(tree)
                    if isinstance(n, ast.Constant) and isinstance(n.value, str)
                    and id(n) not in docstrings}
        assert not literals & words, (name, literals & words)


VOCABULARY = ["SMA", "+", "-", "neg", "pos", "CK", "focal", "diffuse", "weak", "no",
              "necrosis", "Ki67", "15%", "0.4", "5-10", "<5", "IgG4", "60/HPF", "g/L", "2.1",
              "14", "months", "serum", "IgG4/IgG", "female", ",", ";", ".", "(", ")",
              "EVG", "absent", "1,5", "~", "to", "spindle cells", "x", "\n", "%", "mo"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.text(max_size=80),
    st.lists(st.one_of(st.sampled_from(VOCABULARY), st.text(max_size=4)), max_size=14)
    .map(" ".join),
    st.lists(st.sampled_from(VOCABULARY), max_size=14).map("".join),
))
def test_parsing_never_raises_and_every_value_fits_its_finding(kb, line):
    r = parse(kb, line)
    for fid, value in r.findings.items():
        kb.findings[fid].state_of(value)  # never raises
    for piece in (*r.items, *r.unrecognised, *r.questions, *r.notes):
        assert 0 <= piece.start <= piece.end <= len(line)
    for t in r.unrecognised:
        assert line[t.start:t.end] == t.text
    assert {i.finding for i in r.items} >= set(r.findings)
    preview(kb, r)
    r.leftover()


def test_a_nul_in_the_text_is_only_not_understood(kb):
    """The trie once marked a phrase's end with a NUL key: a NUL typed (or pasted) after
    a name's first character walked into it and crashed the parser."""
    r = parse(kb, "/\x000")
    assert not r.findings and r.unrecognised


# -- Chinese: no spaces between words, full-width punctuation, the zh vocabulary -----

@pytest.mark.parametrize(("line", "expected"), [
    ("SMA阳性，结蛋白阴性，ALK（D5F3）阴性",
     {"ihc_sma": "positive", "ihc_desmin": "negative", "ihc_alk": "negative"}),
    ("梭形细胞增生、CK灶状阳性；S100阴性。女，38岁",
     {"spindle_cell_proliferation": "present", "ihc_cytokeratin": "focal",
      "ihc_s100": "negative", "sex": "female", "age_years": 38}),
    ("未见坏死 SOX10(-) 14个月", {"necrosis": "absent", "ihc_sox10": "negative",
                                 "age_years": 1.17}),
])
def test_a_chinese_panel_is_read_in_the_chinese_interface(kb, line, expected):
    result = parse(kb, line, "zh_CN")
    assert result.findings == expected
    assert not result.unrecognised


def test_chinese_text_it_does_not_know_is_listed_not_dropped(kb):
    result = parse(kb, "SMA阳性，某某染色阳性", "zh_CN")
    assert result.findings == {"ihc_sma": "positive"}
    assert [t.text for t in result.unrecognised] == ["某某染色阳性"]


def test_the_english_vocabulary_still_works_in_the_chinese_interface(kb):
    assert parse(kb, "SMA+ desmin- Ki67 15%", "zh_CN").findings == {
        "ihc_sma": "positive", "ihc_desmin": "negative", "ihc_ki67_percent": 15}
