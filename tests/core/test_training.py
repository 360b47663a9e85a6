"""Trainees: practice sessions (core), generated practice cases, progress, the comparison
table and study sheet, the seed series."""

from __future__ import annotations

import collections
import hashlib
import math
import random
from pathlib import Path

import pytest
from testdata import EXAMPLES

from ddx_app.case import Case, load_case
from ddx_app.cli import main
from ddx_app.engine import analyse

SEED_TEXT = Path("/work/shared/reference/000_7f1b0237434f4086.txt")


# -- practice sessions ------------------------------------------------------------------
@pytest.fixture
def imt_case(kb) -> Case:
    case = load_case(EXAMPLES / "imt.ddx.yaml", kb)
    case.teaching = {**case.teaching, "history": "A 38-year-old woman with a cheek mass."}
    return case


def test_session_gives_history_and_picture_but_no_stains(kb, imt_case):
    """The starting picture is the case's clinical and H&E findings; the stains are not in
    it; the working copy is blank, with the history as its notes and nothing else."""
    from ddx_app.training import PracticeSession

    s = PracticeSession(kb, imt_case)
    picture = dict(s.picture())
    assert picture["spindle_cell_proliferation"] == "present"
    assert picture["age_years"] == 38
    assert not any(kb.groups[kb.findings[f].group].orderable for f in picture)
    working = s.working_case()
    assert working.findings == {} and working.notes == "A 38-year-old woman with a cheek mass."
    assert (working.case_id, working.title, working.teaching) == (None, None, None)


def test_ordering_reveals_and_counts(kb, imt_case):
    from ddx_app.training import PracticeSession

    s = PracticeSession(kb, imt_case)
    sma = s.order("ihc_sma")
    assert sma.done and sma.value == "positive"
    stat6 = s.order("ihc_stat6")
    assert not stat6.done  # not done in this case
    assert [o.finding for o in s.orders] == ["ihc_sma", "ihc_stat6"]
    assert "ihc_sma" not in s.orderable() and "ihc_s100" in s.orderable()
    with pytest.raises(ValueError):
        s.order("ihc_sma")  # once only
    with pytest.raises(ValueError):
        s.order("plasma_cells_abundant")  # H&E is not ordered


def test_feedback_verdict_differences_and_efficiency(kb, imt_case):
    """Wrong guess: compared with the guess; the trainee's checklist against the case's:
    missed (seen, not recorded), disagreeing, extra; separating rows all at least a
    factor of two; the efficient panel from the starting picture."""
    from ddx_app.training import MIN_SEPARATING_LLR, PracticeSession

    ticks = iter([100.0, 160.0])
    s = PracticeSession(kb, imt_case, clock=lambda: next(ticks))
    s.order("ihc_sma")
    s.order("ihc_cytokeratin")
    trainee = {"age_years": 38, "sex": "female", "spindle_cell_proliferation": "present",
               "plasma_cells_abundant": "absent",  # disagrees
               "eosinophils_prominent": "present",  # extra
               "ihc_sma": "positive", "ihc_cytokeratin": "negative"}
    fb = s.finish("igg4_rd", trainee)
    assert not fb.correct and fb.compared_with == "igg4_rd" and fb.seconds == 60.0
    missed = {d.finding for d in fb.missed}
    assert "fascicular_growth" in missed and "bone_destruction_on_imaging" in missed
    assert "ihc_s100" not in missed  # never ordered: not something the trainee saw
    assert [d.finding for d in fb.disagreeing] == ["plasma_cells_abundant"]
    assert [d.finding for d in fb.extra] == ["eosinophils_prominent"]
    assert fb.separating and all(abs(r.llr) >= MIN_SEPARATING_LLR for r in fb.separating)
    at_commit = analyse(kb, trainee)
    assert [r.entity for r in fb.ranking] == [r.entity for r in at_commit.ranking]
    small = [r for r in at_commit.compare("imt", "igg4_rd") if abs(r.llr) < MIN_SEPARATING_LLR]
    assert small and not set(r.finding for r in small) & {r.finding for r in fb.separating}
    eff = fb.efficiency
    assert eff.ordered == ("ihc_sma", "ihc_cytokeratin") and len(eff.engine_panel) == 3
    assert eff.engine_gain > 0 and eff.verdict in ("efficient", "less_informative")
    assert fb.note and "inflammatory myofibroblastic tumour" in fb.note
    assert s.finish("imt", trainee) is fb  # committed once


def test_right_guess_is_compared_with_the_closest_rival(kb, imt_case):
    from ddx_app.training import PracticeSession

    s = PracticeSession(kb, imt_case)
    fb = s.finish("imt", dict(imt_case.findings))
    assert fb.correct and fb.answer_rank == 1
    assert fb.compared_with == fb.ranking[1].entity
    assert not (fb.missed or fb.disagreeing or fb.extra)
    assert fb.efficiency.verdict == "none"


def test_efficiency_verdicts(kb, imt_case):
    """The engine's own panel is efficient; many stains as informative are more than
    needed; an uninformative stain is less informative."""
    from ddx_app.training import OrderResult, efficiency

    picture = dict(practice_picture(kb, imt_case))
    start = analyse(kb, picture).panel(3)
    panel = [OrderResult(f, None) for f, _ in start]
    assert efficiency(kb, picture, panel, imt_case.findings, "prevalence").verdict == "efficient"
    more = panel + [OrderResult(f, None) for f in ("ihc_vimentin", "ihc_cd34", "ihc_msa")]
    assert efficiency(kb, picture, more, imt_case.findings,
                      "prevalence").verdict == "more_than_needed"
    weak = [OrderResult("ihc_vimentin", None)]
    assert efficiency(kb, picture, weak, imt_case.findings,
                      "prevalence").verdict == "less_informative"


def practice_picture(kb, case):
    from ddx_app.training import PracticeSession

    return PracticeSession(kb, case).picture()


def test_joint_gain_matches_best_panel(kb):
    from ddx_app.engine.suggest import joint_gain

    a = analyse(kb, {"spindle_cell_proliferation": "present"})
    panel = a.panel(3)
    gain, counted = joint_gain(kb, a.probabilities, [f for f, _ in panel])
    assert counted == 3 and gain == pytest.approx(panel[-1][1], abs=1e-9)


# -- generated practice cases ----------------------------------------------------------------
@pytest.mark.slow
def test_practice_60_cases_seed_7(kb, tmp_path):
    """`ddx practice --count 60 --seed 7`: every file loads with the case loader, carries a
    teaching answer and a history, the same seed gives the same bytes, every entity is
    covered, and the engine ranks the answer first in at least 80% of them."""
    out1, out2 = tmp_path / "a", tmp_path / "b"
    for out in (out1, out2):
        assert main(["practice", "--count", "60", "--seed", "7", "--out", str(out)]) == 0
    files = sorted(out1.glob("*.ddx.yaml"))
    assert len(files) == 60

    def digest(folder):
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(folder.glob("*.ddx.yaml"))}

    assert digest(out1) == digest(out2)
    answers, right, sizes = collections.Counter(), 0, []
    for path in files:
        case = load_case(path, kb)
        assert case.answer in kb.entities and case.teaching["history"]
        assert not case.warnings
        answers[case.answer] += 1
        sizes.append(len(case.findings))
        right += analyse(kb, case.findings).leader.entity == case.answer
    assert set(answers) == set(kb.entity_ids)
    assert right / 60 >= 0.8, f"only {right}/60 ranked right first"
    assert min(sizes) >= 10 and max(sizes) <= 25  # a realistic number of findings


def test_practice_other_seed_differs_and_entity_filter(kb, tmp_path):
    from ddx_app.practice import generate

    a = [c.findings for _n, c in generate(kb, 5, 7)]
    b = [c.findings for _n, c in generate(kb, 5, 8)]
    assert a != b
    only = list(generate(kb, 4, 3, entity="schwannoma"))
    assert {c.answer for _n, c in only} == {"schwannoma"}
    first = [c.findings for _n, c in generate(kb, 3, 7)]
    assert first == a[:3]  # case i does not depend on --count
    assert main(["practice", "--count", "2", "--out", str(tmp_path), "--entity", "nope"]) == 2


def test_generated_history_and_names_do_not_give_the_answer_away(kb):
    from ddx_app.knowledge.model import text
    from ddx_app.practice import generate

    for name, case in generate(kb, 32, 11):
        e = kb.entities[case.answer]
        shown = " ".join([name, str(case.case_id), str(case.title), case.teaching["history"]])
        for word in (text(e.name), text(e.short_name), case.answer):
            assert word.lower() not in shown.lower(), (word, shown)


def test_sampler_keeps_marginals_and_couples_dependent_findings(kb):
    """Within a dependence group the sampler keeps each finding's P(state | entity) and
    makes members agree more often than independent draws would."""
    from ddx_app.practice import _Sampler, distribution

    rng = random.Random(1)
    n = 4000
    pairs = []
    for _ in range(n):
        s = _Sampler(kb, "spindle_cell_melanoma", rng)
        pairs.append((s.value("ihc_hmb45"), s.value("ihc_melan_a")))
    p_hmb = dict(distribution(kb, "spindle_cell_melanoma", "ihc_hmb45"))["positive"]
    p_mel = dict(distribution(kb, "spindle_cell_melanoma", "ihc_melan_a"))["positive"]
    freq_hmb = sum(h == "positive" for h, _ in pairs) / n
    freq_mel = sum(m == "positive" for _, m in pairs) / n
    assert freq_hmb == pytest.approx(p_hmb, abs=0.03)
    assert freq_mel == pytest.approx(p_mel, abs=0.03)
    both = sum(h == m == "positive" for h, m in pairs) / n
    assert both > p_hmb * p_mel + 0.03  # concordant beyond independence
    group = kb.group_of["ihc_hmb45"]
    # the phi coefficient reaches at most rho times its maximum for these marginals
    cov = both - freq_hmb * freq_mel
    phi = cov / math.sqrt(freq_hmb * (1 - freq_hmb) * freq_mel * (1 - freq_mel))
    assert 0.05 < phi < group.correlation + 0.05


# -- progress ------------------------------------------------------------------------------
def test_progress_store_records_summarises_exports_and_resets(tmp_path):
    from ddx_app.progress import Attempt, ProgressStore

    store = ProgressStore(tmp_path / "data" / "progress.sqlite3")
    assert store.attempts() == [] and store.summary() == []
    store.record(Attempt("k1", "imt", "imt", True, 3, 2, 40.0, "v"))
    store.record(Attempt("k2", "imt", "igg4_rd", False, 5, 5, 80.0, "v"))
    store.record(Attempt("k3", "gpa", None, False, 0, 0, 10.0, "v"))
    rows = {r.entity: r for r in store.summary()}
    assert rows["imt"].attempts == 2 and rows["imt"].accuracy == 0.5
    assert rows["imt"].mean_stains == 4 and rows["imt"].mean_seconds == 60
    assert rows["gpa"].correct == 0
    assert store.totals().attempts == 3
    out = tmp_path / "progress.csv"
    assert store.export_csv(out) == 3
    lines = out.read_text().splitlines()
    assert lines[0].startswith("at,case_key,answer,guess,correct") and len(lines) == 4
    store.reset()
    assert store.summary() == []


def test_progress_store_refuses_a_newer_database(tmp_path):
    import sqlite3

    from ddx_app.progress import Attempt, ProgressError, ProgressStore

    path = tmp_path / "p.sqlite3"
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version = 99")
    con.close()
    with pytest.raises(ProgressError, match="newer"):
        ProgressStore(path).record(Attempt("k", "imt", "imt", True, 0, 0, 1.0, "v"))


# -- comparison table and study sheet -------------------------------------------------------
@pytest.mark.slow
def test_kb_table_writes_html_and_pdf_with_every_entity(kb, tmp_path):
    from pypdf import PdfReader

    from ddx_app.knowledge.model import text

    html, pdf = tmp_path / "t.html", tmp_path / "t.pdf"
    assert main(["kb", "table", "-o", str(html)]) == 0
    assert main(["kb", "table", "-o", str(pdf)]) == 0
    page = html.read_text("utf-8")
    pdf_text = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    for e in kb.entities.values():
        assert text(e.name) in page
        assert " ".join(text(e.name).split()) in " ".join(pdf_text.split())
    assert 'title="IMT: 72% (18/25) — zhao2025_seed' in page  # source on hover
    assert "◆" in page


def test_kb_table_filters_sorts_and_marks_decisive(kb):
    from ddx_app.kbtable import build_table, separation

    t = build_table(kb, ["imt", "igg4_rd"], "ihc", ("imt", "igg4_rd"))
    assert [e["id"] for e in t["entities"]] == ["imt", "igg4_rd"]
    assert {r["group"] for r in t["rows"]} == {"ihc"}
    seps = [r["separation"] for r in t["rows"] if r["first_of_finding"]]
    assert seps == sorted(seps, reverse=True)
    assert seps[0] == pytest.approx(separation(kb, "imt", "igg4_rd", t["rows"][0]["finding"]))
    alk = next(r for r in t["rows"] if r["finding"] == "ihc_alk")
    assert "igg4_rd" in alk["decisive_for"]  # ACR/EULAR exclusion
    dep = build_table(kb, group="melanocytic")
    assert {r["finding"] for r in dep["rows"]} == set(kb.group_of["ihc_sox10"].findings)
    assert main(["kb", "table", "-o", "x.html", "--group", "nope"]) == 2


def test_study_sheet_is_one_page_with_both_entities(kb, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "sheet.pdf"
    assert main(["kb", "table", "--pair", "imt", "igg4_rd", "-o", str(out)]) == 0
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    content = " ".join(reader.pages[0].extract_text().split())
    assert "Inflammatory myofibroblastic tumour" in content and "Pitfalls" in content
    assert "IgG4/IgG plasma cell ratio" in content


# -- the seed series ----------------------------------------------------------------------
def test_seed_series_is_table_1_verbatim(kb):
    """Every row's text matches Table 1 of the seed paper; the tallies match the knowledge
    base's counts (sex 15/10, orbit 6, epistaxis 5, ALK IHC 2, RT-PCR 1)."""
    from ddx_app.seed_series import load_seed_series

    series = load_seed_series(kb)
    assert len(series.rows) == 25 and series.source == "zhao2025_seed"
    if SEED_TEXT.exists():
        source = SEED_TEXT.read_text("utf-8")
        for r in series.rows:
            line = "\t".join([str(r.no), r.sex.capitalize(), r.age, r.symptoms, r.imaging,
                              r.alk_ihc.capitalize(), r.alk_fish.capitalize(),
                              r.alk_rt_pcr.capitalize(), r.treatment, r.follow_up])
            assert line in source, r.no
    f = [r.findings for r in series.rows]
    assert collections.Counter(x["sex"] for x in f) == {"male": 15, "female": 10}
    assert sum(x.get("orbital_or_skull_base_extension") == "present" for x in f) == 6
    assert sum(x.get("epistaxis") == "present" for x in f) == 5
    assert sum(x["ihc_alk"] == "positive" for x in f) == 2
    assert sum(x["alk_rt_pcr"] == "positive" for x in f) == 1
    assert sum(x["alk_fish"] == "positive" for x in f) == 0
    assert collections.Counter(r.outcome for r in series.rows) == {
        "lost_to_follow_up": 8, "no_recurrence": 10, "died": 5, "recurrence": 2}
    ages = {r.no: r.age_years for r in series.rows}
    assert ages[15] == 1.17 and ages[21] == 1.08 and ages[24] == 1.75


def test_each_seed_row_opens_as_a_practice_case(kb):
    from ddx_app.seed_series import load_seed_series, row_case
    from ddx_app.training import PracticeSession

    series = load_seed_series(kb)
    for row in series.rows:
        case = row_case(kb, series, row)
        assert case.answer == "imt" and case.findings == row.findings
        history = case.teaching["history"]
        assert row.symptoms in history and "IMT" not in history
        assert "myofibroblastic" not in history.lower()
        assert PracticeSession(kb, case).picture()
