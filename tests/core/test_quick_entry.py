"""Quick entry (ddx_app/quick_entry.py): text -> findings through the knowledge base's words."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ddx_app.knowledge import bundled_kb_dir, load_knowledge_base
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


def assert_reads(kb, line: str, expected: dict, lang: str = "en") -> None:
    """``line`` records exactly ``expected``, every word of it understood."""
    r = parse(kb, line, lang)
    assert r.findings == expected, preview(kb, r, lang)
    assert r.complete, preview(kb, r, lang)


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
    r = parse(kb, "SMA; desmin positive")  # "SMA, desmin positive" shares it: see the end
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


# -- lists sharing one result, rearrangement words, fillers between name and result,
#    the shorthand synonyms ------------------------------------------------------------

@pytest.mark.parametrize(("line", "expected"), [
    ("S100 and SOX10 negative", {"ihc_s100": "negative", "ihc_sox10": "negative"}),
    ("S100, SOX10 and HMB45 negative",
     {"ihc_s100": "negative", "ihc_sox10": "negative", "ihc_hmb45": "negative"}),
    ("SMA/desmin positive", {"ihc_sma": "positive", "ihc_desmin": "positive"}),
    ("SMA/desmin+", {"ihc_sma": "positive", "ihc_desmin": "positive"}),
    ("desmin and myogenin +", {"ihc_desmin": "positive", "ihc_myogenin_myod1": "positive"}),
    ("SMA, desmin positive", {"ihc_sma": "positive", "ihc_desmin": "positive"}),
    ("S100 or SOX10 negative", {"ihc_s100": "negative", "ihc_sox10": "negative"}),
    ("SMA & desmin focal", {"ihc_sma": "focal", "ihc_desmin": "focal"}),
    ("AE1/AE3 and S100 negative", {"ihc_cytokeratin": "negative", "ihc_s100": "negative"}),
    ("SMA and desmin: both negative", {"ihc_sma": "negative", "ihc_desmin": "negative"}),
    ("S100, SOX10, HMB45 and Melan-A all negative",
     {"ihc_s100": "negative", "ihc_sox10": "negative", "ihc_hmb45": "negative",
      "ihc_melan_a": "negative"}),
    ("CK and S100 positive diffuse", {"ihc_cytokeratin": "diffuse", "ihc_s100": "diffuse"}),
    ("SMA and desmin positive, S100 and SOX10 negative, Ki67 10%",
     {"ihc_sma": "positive", "ihc_desmin": "positive", "ihc_s100": "negative",
      "ihc_sox10": "negative", "ihc_ki67_percent": 10}),
    ("necrosis and atypical mitoses absent", {"necrosis": "absent",
                                              "atypical_mitoses": "absent"}),
    ("necrosis, atypical mitoses: both absent", {"necrosis": "absent",
                                                 "atypical_mitoses": "absent"}),
    ("necrosis and ulceration: no", {"necrosis": "absent", "ulceration": "absent"}),
    ("no necrosis or atypical mitoses", {"necrosis": "absent", "atypical_mitoses": "absent"}),
    ("no necrosis, ulceration or vasculitis",
     {"necrosis": "absent", "ulceration": "absent", "vasculitis": "absent"}),
])
def test_a_list_of_names_shares_the_result_after_it(kb, line, expected):
    assert_reads(kb, line, expected)


def test_a_shared_result_keeps_each_names_own_span_and_says_where_it_came_from(kb):
    line = "S100, SOX10 and HMB45 negative"
    items = {i.finding: i for i in parse(kb, line).items}
    assert items["ihc_s100"].text == "S100" and items["ihc_s100"].note == "from 'negative'"
    assert items["ihc_hmb45"].text == "HMB45 negative" and not items["ihc_hmb45"].note


def test_text_not_understood_inside_a_list_is_listed_and_the_rest_shares_the_result(kb):
    r = parse(kb, "CK, EMA, S100 all negative")
    assert r.findings == {"ihc_cytokeratin": "negative", "ihc_s100": "negative"}
    assert [t.text for t in r.unrecognised] == ["EMA"] and not r.questions
    r = parse(kb, "CK, EMA negative")  # the unknown word last: its result is listed with it
    assert r.findings == {"ihc_cytokeratin": "negative"}
    assert [t.text for t in r.unrecognised] == ["EMA negative"]


@pytest.mark.parametrize("line", ["SMA and desmin", "SMA, desmin", "SMA/desmin",
                                  "SMA and desmin; CK+", "SMA and desmin with CK+"])
def test_a_list_with_no_shared_result_stays_questions(kb, line):
    r = parse(kb, line)
    asked = {q.finding for q in r.questions}
    assert {"ihc_sma", "ihc_desmin"} <= asked
    assert not {"ihc_sma", "ihc_desmin"} & set(r.findings)


def test_a_shared_result_a_name_cannot_take_is_asked_for_that_name_only(kb):
    r = parse(kb, "SMA and Ki67 positive")
    assert r.findings == {"ihc_sma": "positive"}
    assert [q.finding for q in r.questions] == ["ihc_ki67_percent"]
    r = parse(kb, "SMA, desmin and sex negative")  # sex is male or female
    assert r.findings == {"ihc_sma": "negative", "ihc_desmin": "negative"}
    assert [q.finding for q in r.questions] == ["sex"]


@pytest.mark.parametrize(("line", "expected"), [
    # a finding complete named alone is not pulled into a list over a comma...
    ("spindle cells, necrosis absent", {"spindle_cell_proliferation": "present",
                                        "necrosis": "absent"}),
    ("spindle cells, SMA and desmin positive", {"spindle_cell_proliferation": "present",
                                                "ihc_sma": "positive",
                                                "ihc_desmin": "positive"}),
    # ... nor given another state than the list's ("-" is negative for desmin, absent
    # for spindle cells) or one it cannot take
    ("spindle cells and desmin-", {"spindle_cell_proliferation": "present",
                                   "ihc_desmin": "negative"}),
    ("spindle cells and SMA positive", {"spindle_cell_proliferation": "present",
                                        "ihc_sma": "positive"}),
    ("no necrosis, spindle cells", {"necrosis": "absent",
                                    "spindle_cell_proliferation": "present"}),
    ("no necrosis, spindle cells and SMA+", {"necrosis": "absent", "ihc_sma": "positive",
                                             "spindle_cell_proliferation": "present"}),
    # names with their own results are untouched
    ("ALK- no necrosis", {"ihc_alk": "negative", "necrosis": "absent"}),
    ("SMA+ desmin-", {"ihc_sma": "positive", "ihc_desmin": "negative"}),
    ("SMA+ and desmin-", {"ihc_sma": "positive", "ihc_desmin": "negative"}),
    ("CK weak and S100 strong", {"ihc_cytokeratin": "positive", "ihc_s100": "positive"}),
    ("SMA diffuse and strong", {"ihc_sma": "diffuse"}),
    ("IgG4/IgG 40%", {"ihc_igg4_igg_ratio_percent": 40}),  # a name with a slash
])
def test_what_a_list_does_not_take(kb, line, expected):
    assert parse(kb, line).findings == expected, preview(kb, parse(kb, line))


def test_a_name_with_a_slash_is_not_a_list(kb):
    r = parse(kb, "CK5/6 and p40 positive")  # CK5/6 is not in the knowledge base
    assert r.findings == {"ihc_p40": "positive"}
    assert [t.text for t in r.unrecognised] == ["CK5/6"]


def test_a_chinese_list_shares_its_result(kb):
    assert parse(kb, "SMA、desmin均阳性", "zh_CN").findings == {
        "ihc_sma": "positive", "ihc_desmin": "positive"}
    assert parse(kb, "S100和SOX10阴性", "zh_CN").findings == {
        "ihc_s100": "negative", "ihc_sox10": "negative"}


LIST_STAINS = ["SMA", "desmin", "S100", "SOX10", "HMB45", "CD34", "STAT6", "ALK", "ROS1",
               "CK", "p40", "myogenin"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names=st.lists(st.sampled_from(LIST_STAINS), min_size=2, max_size=5, unique=True),
       joiners=st.lists(st.sampled_from([", ", " and ", "/", " & ", " or "]), min_size=4,
                        max_size=4),
       result=st.sampled_from(["positive", "negative", "+", "-", "neg", "focal", "diffuse"]),
       shared=st.sampled_from(["", " all", " both"]),
       order=st.randoms(use_true_random=False))
def test_a_list_shares_its_result_as_each_name_alone_in_any_order(kb, names, joiners, result,
                                                                  shared, order):
    """A list of names then one result records what each name followed by that result
    records, whatever the order of the names."""
    expected: dict = {}
    for name in names:
        expected.update(parse(kb, f"{name} {result}").findings)
    shuffled = list(names)
    order.shuffle(shuffled)
    for listed in (names, shuffled):
        line = listed[0] + "".join(j + n for j, n in zip(joiners, listed[1:]))
        r = parse(kb, f"{line}{shared} {result}")
        assert r.findings == expected, (line, preview(kb, r))
        assert not r.questions and not r.unrecognised, (line, preview(kb, r))


@pytest.mark.parametrize(("line", "finding", "value"), [
    ("ALK FISH rearranged", "alk_fish", "positive"),
    ("ALK FISH: rearrangement detected", "alk_fish", "positive"),
    ("ALK FISH not rearranged", "alk_fish", "negative"),
    ("ALK FISH: no rearrangement", "alk_fish", "negative"),
    ("ALK FISH: locus intact", "alk_fish", "negative"),
    ("PAX3 rearranged", "pax3_rearrangement", "positive"),
    ("PAX3 FISH translocated", "pax3_rearrangement", "positive"),
    ("PAX3-MAML3 fusion detected", "pax3_rearrangement", "positive"),
    ("fusion panel: no fusion detected", "kinase_fusion_ngs", "negative"),
    ("fusion NGS: fusion not detected", "kinase_fusion_ngs", "negative"),
    ("EBER ISH: not detected", "eber_ish", "negative"),
    ("EBER undetected", "eber_ish", "negative"),
    ("EBER detected", "eber_ish", "positive"),
    ("bacilli not identified", "special_stain_bacilli", "negative"),
    ("necrosis not detected", "necrosis", "absent"),
    ("GMS negative", "fungal_hyphae", "absent"),
    ("SMA moderately positive", "ihc_sma", "positive"),
])
def test_result_words_of_tests_and_fish(kb, line, finding, value):
    assert_reads(kb, line, {finding: value})


def test_intact_alone_is_asked_not_guessed(kb):
    """'INI1 intact' means the protein is retained (positive): bare 'intact' is no word of
    any result, so it is never read as negative."""
    r = parse(kb, "ALK FISH intact")
    assert not r.findings and [t.text for t in r.unrecognised] == ["intact"]


@pytest.mark.parametrize(("line", "finding", "value"), [
    ("STAT6 nuclear positive", "ihc_stat6", "positive"),
    ("beta-catenin nuclear +", "ihc_beta_catenin_nuclear", "positive"),
    ("CD3 cytoplasmic +", "ihc_cd3", "positive"),
    ("S100 IHC negative", "ihc_s100", "negative"),
    ("SMA immunostain positive", "ihc_sma", "positive"),
    ("desmin staining negative", "ihc_desmin", "negative"),
    ("CD56 membranous staining positive", "ihc_cd56", "positive"),
    ("SMA positive in tumour cells", "ihc_sma", "positive"),  # not "tumour" = a mass
])
def test_words_between_a_name_and_its_result_are_skipped(kb, line, finding, value):
    assert_reads(kb, line, {finding: value})


@pytest.mark.parametrize(("line", "expected"), [
    ("boy", {"sex": "male"}),
    ("8 year old girl", {"age_years": 8, "sex": "female"}),
    ("diabetic", {"immunocompromised_or_diabetic": "present"}),
    ("immunosuppressed", {"immunocompromised_or_diabetic": "present"}),
    ("immunocompromised", {"immunocompromised_or_diabetic": "present"}),
    ("marked pleomorphism", {"marked_nuclear_pleomorphism": "present"}),
    ("marked atypia", {"marked_nuclear_pleomorphism": "present"}),
    ("pleomorphic", {"marked_nuclear_pleomorphism": "present"}),
    # mild atypia is not marked pleomorphism: recorded absent, not present
    ("spindle cells with mild atypia", {"spindle_cell_proliferation": "present",
                                        "marked_nuclear_pleomorphism": "absent"}),
    ("mildly pleomorphic", {"marked_nuclear_pleomorphism": "absent"}),
    ("pan-CK negative", {"ihc_cytokeratin": "negative"}),
    ("MIB-1 20%", {"ihc_ki67_percent": 20}),
    ("Ki-67 LI 20%", {"ihc_ki67_percent": 20}),
    ("EBER-ISH negative", {"eber_ish": "negative"}),
    ("PR3-ANCA positive", {"anca_serology": "positive"}),
    ("c-ANCA negative", {"anca_serology": "negative"}),
    ("Warthin-Starry negative", {"special_stain_bacilli": "negative"}),
    ("Mikulicz cells and Russell bodies present", {"mikulicz_cells": "present",
                                                   "russell_bodies": "present"}),
    ("fungal hyphae with angioinvasion", {"fungal_hyphae": "present"}),
    ("IgG4 positive plasma cells 60/HPF", {"ihc_igg4_per_hpf": 60}),
    ("staghorn vessels", {"staghorn_vessels": "present"}),
])
def test_pathologists_shorthand_names(kb, line, expected):
    assert_reads(kb, line, expected)


def test_a_name_glued_to_letters_by_a_dash_is_one_word_not_a_negative(kb):
    """'PAS-D positive' once recorded the bacilli stain NEGATIVE ('PAS' then '-')."""
    r = parse(kb, "PAS-D positive")
    assert not r.findings and [t.text for t in r.unrecognised] == ["PAS-D positive"]
    assert parse(kb, "SOX10-ve").findings == {"ihc_sox10": "negative"}
    assert parse(kb, "CD34-positive").findings == {"ihc_cd34": "positive"}


def test_list_words_come_from_the_knowledge_base(kb, mini_kb):
    assert "and" in kb.entry.joiners["en"] and "all" in kb.entry.shared["en"]
    # the mini KB has "and" as a filler and no joiners: no list, the first name is asked
    r = parse(mini_kb, "cytokeratin and SOX10 negative")
    assert r.findings == {"stain_s": "negative"} and r.questions


@pytest.mark.parametrize(("line", "expected"), [
    ("45 y/o M, nasal mass", {"age_years": 45, "sex": "male", "mass_lesion": "present"}),
    ("F 62 years, SMA+", {"sex": "female", "age_years": 62, "ihc_sma": "positive"}),
])
def test_the_clinical_shorthand_of_a_history_line(kb, line, expected):
    assert parse(kb, line).findings == expected


# -- a result before its list: "negative for S100, SOX10 and HMB45" --------------------------

@pytest.mark.parametrize(("line", "expected", "unknown"), [
    ("negative for S100, SOX10 and HMB45", {"ihc_s100": "negative", "ihc_sox10": "negative",
                                            "ihc_hmb45": "negative"}, []),
    ("positive for SMA and desmin, negative for ALK", {
        "ihc_sma": "positive", "ihc_desmin": "positive", "ihc_alk": "negative"}, []),
    ("immunoreactive for CD34 and STAT6", {"ihc_cd34": "positive", "ihc_stat6": "positive"},
     []),
    ("tumour cells are positive for SMA, negative for desmin and h-caldesmon", {
        "ihc_sma": "positive", "ihc_desmin": "negative"}, ["h-caldesmon"]),
    ("ALK negative. Positive for SMA and desmin.", {
        "ihc_alk": "negative", "ihc_sma": "positive", "ihc_desmin": "positive"}, []),
    # text not understood inside the list: listed, the names after it still take the result
    ("negative for desmin, h-caldesmon and ALK", {"ihc_desmin": "negative",
                                                  "ihc_alk": "negative"}, ["h-caldesmon"]),
    ("negative for CK7 and S100", {"ihc_s100": "negative"}, ["CK7"]),
    ("focally positive for SMA and desmin", {"ihc_sma": "focal", "ihc_desmin": "focal"}, []),
    ("Positive for SMA, desmin; negative for ALK, S100", {
        "ihc_sma": "positive", "ihc_desmin": "positive", "ihc_alk": "negative",
        "ihc_s100": "negative"}, []),
    # "for" right after a result given to the name before it: the result reaches on
    ("S100 negative for SOX10 and HMB45", {"ihc_s100": "negative", "ihc_sox10": "negative",
                                           "ihc_hmb45": "negative"}, []),
    ("S100 negative for melanoma", {"ihc_s100": "negative"}, ["melanoma"]),
])
def test_a_result_before_a_list_goes_to_every_name_of_it(kb, line, expected, unknown):
    r = parse(kb, line)
    assert r.findings == expected, preview(kb, r)
    assert [t.text for t in r.unrecognised] == unknown, preview(kb, r)
    assert not r.questions, preview(kb, r)


@pytest.mark.parametrize(("line", "expected"), [
    # the list ends at the next result, at a name with its own result, at a separator
    ("positive for SMA, desmin negative", {"ihc_sma": "positive", "ihc_desmin": "negative"}),
    ("positive for SMA and desmin-, ALK", {"ihc_sma": "positive", "ihc_desmin": "negative"}),
    ("negative for S100 and SOX10 positive", {"ihc_s100": "negative",
                                              "ihc_sox10": "positive"}),
    ("negative for S100; SOX10", {"ihc_s100": "negative"}),
    ("negative for S100. SOX10", {"ihc_s100": "negative"}),
    ("negative for S100\nSOX10", {"ihc_s100": "negative"}),
    # a finding complete named alone after a comma keeps its own meaning
    ("negative for SMA, spindle cells", {"ihc_sma": "negative",
                                         "spindle_cell_proliferation": "present"}),
    # no "for": as before
    ("ALK- no necrosis", {"ihc_alk": "negative", "necrosis": "absent"}),
    ("SMA+ desmin-", {"ihc_sma": "positive", "ihc_desmin": "negative"}),
    ("S100 negative SOX10", {"ihc_s100": "negative"}),
    ("no necrosis, ulceration or atypical mitoses", {
        "necrosis": "absent", "ulceration": "absent", "atypical_mitoses": "absent"}),
    ("ALK FISH positive for rearrangement", {"alk_fish": "positive"}),
])
def test_where_a_leading_result_stops(kb, line, expected):
    r = parse(kb, line)
    assert r.findings == expected, preview(kb, r)


def test_a_name_of_a_leading_list_that_cannot_take_the_result_is_asked_alone(kb):
    r = parse(kb, "negative for SMA, Ki67 and desmin")
    assert r.findings == {"ihc_sma": "negative", "ihc_desmin": "negative"}
    assert [q.finding for q in r.questions] == ["ihc_ki67_percent"]
    assert not r.unrecognised


def test_a_leading_result_no_name_takes_is_not_dropped(kb):
    r = parse(kb, "negative for h-caldesmon")
    assert not r.findings
    assert [t.text for t in r.unrecognised] == ["negative", "h-caldesmon"]
    assert r.leftover() == "negative h-caldesmon"


def test_the_word_after_a_leading_result_comes_from_the_knowledge_base(kb, mini_kb):
    assert "for" in kb.entry.result_for["en"]
    assert "for" not in kb.entry.fillers["en"]  # one kind per word
    # the mini KB has no result_for: only the first name takes the held result
    r = parse(mini_kb, "negative cytokeratin and SOX10")
    assert r.findings == {"stain_k": "negative"} and r.questions


LEAD_RESULTS = ["positive", "Positive", "negative", "Negative", "immunoreactive",
                "focally positive", "diffusely positive", "non-reactive"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names=st.lists(st.sampled_from(LIST_STAINS), min_size=1, max_size=5, unique=True),
       joiners=st.lists(st.sampled_from([", ", " and ", " or ", ", and "]), min_size=4,
                        max_size=4),
       result=st.sampled_from(LEAD_RESULTS),
       prefix=st.sampled_from(["", "tumour cells are ", "IHC: "]),
       order=st.randoms(use_true_random=False))
def test_a_leading_result_records_as_each_name_followed_by_it(kb, names, joiners, result,
                                                             prefix, order):
    """'RESULT for A, B and C' records what 'A RESULT, B RESULT, C RESULT' records, whatever
    the order of the names."""
    each = parse(kb, ", ".join(f"{n} {result}" for n in names))
    assert each.complete, preview(kb, each)
    shuffled = list(names)
    order.shuffle(shuffled)
    for listed in (names, shuffled):
        line = prefix + f"{result} for " + listed[0] + "".join(
            j + n for j, n in zip(joiners, listed[1:]))
        r = parse(kb, line)
        assert r.findings == each.findings, (line, preview(kb, r))
        assert not r.questions and not r.unrecognised, (line, preview(kb, r))


# -- small vocabulary: approximations, "old", fungal organisms --------------------------------

@pytest.mark.parametrize(("line", "expected"), [
    ("15 mo old girl", {"age_years": 1.25, "sex": "female"}),
    ("Ki67 approx 10%", {"ihc_ki67_percent": 10}),
    ("Ki67 approximately 10%", {"ihc_ki67_percent": 10}),
    ("Ki-67 about 5%", {"ihc_ki67_percent": 5}),
    ("MIB-1 around 20%", {"ihc_ki67_percent": 20}),
    ("fungal organisms present", {"fungal_hyphae": "present"}),
    ("fungal elements identified", {"fungal_hyphae": "present"}),
    ("no fungi", {"fungal_hyphae": "absent"}),
    ("no fungal forms", {"fungal_hyphae": "absent"}),
    # the stains that showed the finding are part of its mention: PAS beside GMS is the
    # fungal work-up, not the bacilli stain
    ("no fungal organisms on GMS and PAS", {"fungal_hyphae": "absent"}),
    ("no fungal elements on GMS", {"fungal_hyphae": "absent"}),
    ("GMS and PAS negative", {"fungal_hyphae": "absent"}),
    ("PAS/GMS negative for fungal organisms", {"fungal_hyphae": "absent"}),
])
def test_approximations_age_words_and_fungal_organisms(kb, line, expected):
    assert_reads(kb, line, expected)


def test_pas_alone_is_still_the_bacilli_stain(kb):
    assert parse(kb, "PAS negative").findings == {"special_stain_bacilli": "negative"}
    # a name of another finding after a finding's result is its own mention
    r = parse(kb, "no fungal organisms on PAS")
    assert r.findings == {"fungal_hyphae": "absent"} and r.questions, preview(kb, r)


def test_an_approximate_number_in_chinese(kb):
    r = parse(kb, "Ki67约10%", "zh_CN")
    assert r.findings == {"ihc_ki67_percent": 10} and r.complete, preview(kb, r, "zh_CN")


# -- a result heading its names: "Positive: SMA, desmin. Negative: ALK" -----------------------

@pytest.mark.parametrize(("line", "lang", "expected"), [
    ("Positive: SMA, desmin. Negative: ALK, S100, SOX10.", "en", {
        "ihc_sma": "positive", "ihc_desmin": "positive", "ihc_alk": "negative",
        "ihc_s100": "negative", "ihc_sox10": "negative"}),
    ("Positive - SMA, desmin; negative - ALK", "en", {
        "ihc_sma": "positive", "ihc_desmin": "positive", "ihc_alk": "negative"}),
    ("Positive: SMA and desmin\nNegative: ALK", "en", {
        "ihc_sma": "positive", "ihc_desmin": "positive", "ihc_alk": "negative"}),
    # a heading ends the list of the heading before it, separator or not
    ("Positive: SMA, desmin Negative: ALK, S100", "en", {
        "ihc_sma": "positive", "ihc_desmin": "positive", "ihc_alk": "negative",
        "ihc_s100": "negative"}),
    ("Focally positive: CK, CD34. Diffusely positive: SMA", "en", {
        "ihc_cytokeratin": "focal", "ihc_cd34": "focal", "ihc_sma": "diffuse"}),
    # after a heading that is a filler, or fillers before the mark
    ("IHC: positive: SMA, desmin; negative: ALK", "en", {
        "ihc_sma": "positive", "ihc_desmin": "positive", "ihc_alk": "negative"}),
    ("Tumour cells are positive: CD34, STAT6", "en", {
        "ihc_cd34": "positive", "ihc_stat6": "positive"}),
    ("Positive staining: SMA, desmin", "en", {"ihc_sma": "positive",
                                              "ihc_desmin": "positive"}),
    # every name takes the heading, a finding complete named alone as well
    ("Absent: necrosis, atypical mitoses", "en", {"necrosis": "absent",
                                                  "atypical_mitoses": "absent"}),
    ("ALK negative. Negative: SMA, spindle cells", "en", {
        "ihc_alk": "negative", "ihc_sma": "negative",
        "spindle_cell_proliferation": "absent"}),
    ("阳性：SMA、desmin；阴性：ALK、S100", "zh_CN", {
        "ihc_sma": "positive", "ihc_desmin": "positive", "ihc_alk": "negative",
        "ihc_s100": "negative"}),
    ("免疫组化：阳性：SMA、desmin；阴性：ALK", "zh_CN", {
        "ihc_sma": "positive", "ihc_desmin": "positive", "ihc_alk": "negative"}),
    ("阳性: SMA、desmin。阴性: ALK", "zh_CN", {
        "ihc_sma": "positive", "ihc_desmin": "positive", "ihc_alk": "negative"}),
])
def test_a_result_heading_goes_to_every_name_after_it(kb, line, lang, expected):
    assert_reads(kb, line, expected, lang)


@pytest.mark.parametrize(("line", "expected"), [
    # never after a name that has its result: the meaning it had
    ("ALK negative: spindle cells", {"ihc_alk": "negative",
                                     "spindle_cell_proliferation": "present"}),
    ("necrosis: no", {"necrosis": "absent"}),
    ("SMA, desmin negative: ALK", {"ihc_sma": "negative", "ihc_desmin": "negative"}),
    # the list ends at a name with its own result, at a separator other than a comma
    ("Positive: SMA, desmin negative", {"ihc_sma": "positive", "ihc_desmin": "negative"}),
    ("Positive: SMA, desmin; ALK negative", {"ihc_sma": "positive",
                                             "ihc_desmin": "positive",
                                             "ihc_alk": "negative"}),
    ("Positive: SMA. Desmin", {"ihc_sma": "positive"}),
    ("Positive: SMA\ndesmin", {"ihc_sma": "positive"}),
    ("Positive: CD34, Ki67 10%, STAT6", {"ihc_cd34": "positive", "ihc_ki67_percent": 10}),
    # no mark: as before
    ("Positive SMA, desmin", {"ihc_sma": "positive"}),
])
def test_where_a_result_heading_does_not_reach(kb, line, expected):
    r = parse(kb, line)
    assert r.findings == expected, preview(kb, r)


def test_a_word_not_understood_before_a_result_keeps_it(kb):
    r = parse(kb, "CK7 negative: ALK")
    assert not r.findings
    assert [t.text for t in r.unrecognised] == ["CK7 negative"]
    assert [q.finding for q in r.questions] == ["ihc_alk"]


def test_a_name_a_heading_cannot_apply_to_is_asked_alone_and_unknown_words_are_listed(kb):
    r = parse(kb, "Negative: SMA, Ki67, h-caldesmon, desmin")
    assert r.findings == {"ihc_sma": "negative", "ihc_desmin": "negative"}, preview(kb, r)
    assert [q.finding for q in r.questions] == ["ihc_ki67_percent"]
    assert [t.text for t in r.unrecognised] == ["h-caldesmon"]
    # a heading no name takes is not understood, its mark too when it is a word ("-")
    assert [t.text for t in parse(kb, "Negative:").unrecognised] == ["Negative"]
    r = parse(kb, "Negative - h-caldesmon")
    assert not r.findings and [t.text for t in r.unrecognised] == ["Negative -",
                                                                    "h-caldesmon"]
    # the others of the list note where their result came from
    r = parse(kb, "Positive: SMA, desmin")
    assert [i.text for i in r.items] == ["Positive: SMA", "desmin"]
    assert r.items[1].note == "from 'Positive'"


def test_the_heading_marks_come_from_the_knowledge_base(kb, tmp_path):
    assert ":" in kb.entry.result_heading["en"] and "：" in kb.entry.result_heading["zh"]
    assert ":" in kb.entry.fillers["en"]  # a mark keeps its meaning elsewhere
    copy = tmp_path / "knowledge"
    shutil.copytree(bundled_kb_dir(), copy)
    findings = copy / "findings.yaml"
    old = 'result_heading: {en: [":", "-"], zh: ["：", ":"]}'
    assert findings.read_text("utf-8").count(old) == 1
    findings.write_text(findings.read_text("utf-8").replace(old, 'result_heading: {en: ["=>"]}'),
                        "utf-8")
    other = load_knowledge_base(copy, use_cache=False)
    r = parse(other, "Positive => SMA, desmin")
    assert r.findings == {"ihc_sma": "positive", "ihc_desmin": "positive"}, preview(other, r)
    assert r.complete  # a mark that is no other word is skipped elsewhere
    r = parse(other, "Positive: SMA, desmin")  # ":" no mark there: the first name only
    assert r.findings == {"ihc_sma": "positive"} and r.questions, preview(other, r)


HEADINGS = {"en": (["positive", "Positive", "negative", "NEGATIVE", "focally positive",
                    "diffusely positive", "immunoreactive"],
                   [":", " :", " -", " –"], [". ", "; ", "\n", " "], [", ", " and ", ", and "],
                   ["", "IHC: ", "Immunostaining: "]),
            "zh_CN": (["阳性", "阴性", "灶状阳性", "弥漫阳性"], ["：", ":"], ["；", "。", "\n"],
                      ["、", "，", "和"], ["", "免疫组化："])}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lang=st.sampled_from(sorted(HEADINGS)),
       names=st.lists(st.sampled_from(LIST_STAINS), min_size=2, max_size=6, unique=True),
       cut=st.integers(1, 5), data=st.data(), order=st.randoms(use_true_random=False))
def test_headed_lists_record_as_each_name_with_its_result(kb, lang, names, cut, data,
                                                          order):
    """'Positive: A, B. Negative: C, D.' records what 'A positive, B positive, C negative,
    D negative' records, whatever the order of the names."""
    results, marks, seps, joiners, prefixes = HEADINGS[lang]
    cut = min(cut, len(names) - 1)
    groups = [names[:cut], names[cut:]]
    heads = [data.draw(st.sampled_from(results)) for _ in groups]
    each = parse(kb, ", ".join(f"{n} {h}" for g, h in zip(groups, heads) for n in g), lang)
    assert each.complete, preview(kb, each, lang)
    for g in groups:
        order.shuffle(g)
    line = data.draw(st.sampled_from(prefixes)) + data.draw(st.sampled_from(seps)).join(
        h + data.draw(st.sampled_from(marks)) + " " + g[0] + "".join(
            data.draw(st.sampled_from(joiners)) + n for n in g[1:])
        for g, h in zip(groups, heads))
    r = parse(kb, line, lang)
    assert r.findings == each.findings, (line, preview(kb, r, lang))
    assert not r.questions and not r.unrecognised, (line, preview(kb, r, lang))


def test_a_report_heading_in_full_words_is_skipped(kb):
    line = "Immunohistochemistry: Positive: SMA, desmin. Negative: ALK, S100, SOX10."
    result = parse(kb, line)
    assert result.findings == {"ihc_sma": "positive", "ihc_desmin": "positive",
                               "ihc_alk": "negative", "ihc_s100": "negative",
                               "ihc_sox10": "negative"}
    assert not result.unrecognised and not result.questions
