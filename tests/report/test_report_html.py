"""The HTML report: self-contained, escaped, and showing what the facts say."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from testdata import EXAMPLE_CASES, LITERATURE_CASES

from ddx_app import DISCLAIMER
from ddx_app.report import SECTIONS, ReportOptions, build_report, render_html


class Page(HTMLParser):
    """Elements with their attributes, and the text outside <style>."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.texts: list[str] = []
        self._skip = 0
        self.feed(html)
        self.close()
        self.text = " ".join(" ".join(self.texts).split())

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in ("style", "script"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.texts.append(data)

    def tags(self, name: str) -> list[dict]:
        return [a for t, a in self.elements if t == name]


@pytest.fixture(scope="module")
def seed_page(seed_report) -> Page:
    return Page(render_html(seed_report))


@pytest.fixture(scope="module")
def appendix_page(kb, seed, now) -> Page:
    case, analysis = seed
    return Page(render_html(build_report(kb, case, analysis, ReportOptions(appendix=True),
                                         now)))


@pytest.fixture(scope="module")
def hostile_html(hostile_report) -> str:
    return render_html(hostile_report)


def test_content(kb, seed_page, seed_report, appendix_page):
    """The summary: case id, conclusion, leader, KB version and hash, app version,
    disclaimer, recommended stains, the workup; the appendix adds the detail tables."""
    text = seed_page.text
    for needle in ("SEED-ZHAO2025-15", "Inflammatory myofibroblastic tumour",
                   seed_report["differential"][0]["percent"], kb.short_hash, kb.sha256,
                   kb.version, "DDx Assistant 0.1.0", DISCLAIMER, "ALK workup",
                   "Recommended stains", "Key evidence", "[1]", "2026-03-14 09:26",
                   seed_report["conclusion"]["text"], "Clinical notes"):
        assert needle in text, needle
    assert text.count(DISCLAIMER) >= 2  # in the body and in the footer
    for needle in ("Pertinent negatives", "Findings recorded", "References", "Appendix",
                   "How this was computed"):
        assert needle not in text and needle in appendix_page.text, needle
    assert text.count(kb.sha256) == 1 and appendix_page.text.count(kb.sha256) == 1


def test_weights_read_as_odds_ratios_never_logarithms(seed_report, appendix_page):
    """Evidence weights show as '×11 for IMT' style odds ratios, not natural logarithms."""
    lead = seed_report["leading"][0]
    for c in lead["evidence_for"] + lead["evidence_against"]:
        assert c["odds_display"] in appendix_page.text
    assert "+2.36" not in appendix_page.text and "natural-log" not in appendix_page.text
    first = seed_report["key_evidence"]["for"][0]
    assert first["odds_display"].startswith("×")


def test_chart_is_inline_svg_with_one_bar_per_entity(kb, appendix_page):
    """In the appendix the differential is drawn as inline SVG: a track and a bar per
    entity."""
    assert len(appendix_page.tags("svg")) == 1
    assert len(appendix_page.tags("rect")) == 2 * len(kb.entities)
    assert not appendix_page.tags("img")


def test_nothing_fetched_from_outside(seed_page, hostile_html):
    """No stylesheet, script, image, font or frame comes from a URL; only <a> links out."""
    for page in (seed_page, Page(hostile_html)):
        for tag, attrs in page.elements:
            for name in ("src", "href", "srcset", "data", "poster"):
                value = (attrs.get(name) or "").strip().lower()
                if tag == "a" and name == "href":
                    continue  # a hyperlink (DOI, PubMed) is followed only if clicked
                assert not value.startswith(("http:", "https:", "//")), (tag, name, value)
        assert not page.tags("link") and not page.tags("script") and not page.tags("iframe")
    assert "@import" not in hostile_html and "url(" not in hostile_html


def test_user_text_is_escaped(hostile_html):
    """<script> and other markup in notes, title, case id or institution stay text."""
    page = Page(hostile_html)
    assert page.tags("script") == []
    assert not [a for _, a in page.elements if "onerror" in a]
    assert not page.tags("i") and not page.tags("img")
    assert "<b>bold?</b>" not in hostile_html and "&lt;b&gt;bold?&lt;/b&gt;" in hostile_html
    text = page.text
    assert "<script>alert('x')</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "S26-<i>&007" in text
    assert 'Tom & "Jerry" <b>bold?</b> &amp; done' in text
    assert "Hôpital <Saint> & Co 医院" in text


def test_template_syntax_in_notes_stays_literal(hostile_html):
    """{{ 7*7 }} and {% %} in a note are printed, never evaluated."""
    text = Page(hostile_html).text
    assert "{{ 7*7 }} {% if true %}T{% endif %}" in text
    assert "49" not in text.split("Clinical notes")[1].split("Decision support")[0]


def test_line_breaks_and_cjk_runs_preserved(hostile_html):
    """Each line of the comment is its own line; CJK runs are marked for the PDF font."""
    notes = hostile_html.split('<div class="notes">')[1].split("</div>")[0]
    assert notes.count("<br>") == 2
    assert '<span class="cjk">病理诊断：炎性肌纤维母细胞瘤，</span>' in notes


@pytest.mark.parametrize("omit, heading", [
    ("findings", "Findings recorded"), ("not_done", "Recommended stains: expected results"),
    ("differential", "Ranked differential"), ("evidence", "Key evidence"),
    ("criteria", "Criteria — IMT"), ("red_flags", "Red flags"), ("workup", "ALK workup"),
    ("suggestions", "Recommended stains"), ("notes", "Clinical notes"),
    ("references", "References"), ("header", "Differential-diagnosis report"),
])
def test_omitted_sections_are_absent(kb, seed, now, omit, heading):
    """Switching a section off removes it (summary and appendix); the disclaimer and KB
    trace always remain."""
    case, analysis = seed
    full = Page(render_html(build_report(kb, case, analysis, ReportOptions(appendix=True),
                                         now=now))).text
    cut = Page(render_html(build_report(kb, case, analysis,
                                        ReportOptions.omitting([omit], appendix=True),
                                        now=now))).text
    assert heading in full
    assert heading not in cut
    assert DISCLAIMER in cut and kb.sha256 in cut


def test_everything_omitted_still_traceable(kb, seed):
    """With every section off, the disclaimer, case id, KB hash and app version remain."""
    case, analysis = seed
    text = Page(render_html(build_report(kb, case, analysis,
                                         ReportOptions.omitting(list(SECTIONS))))).text
    for needle in (DISCLAIMER, kb.sha256, kb.version, "0.1.0", "SEED-ZHAO2025-15"):
        assert needle in text


def test_print_stylesheet(seed_report):
    """The HTML carries a print stylesheet with the chosen page size and page numbers."""
    html = render_html(seed_report)
    assert "@media print" in html and "size: A4" in html and "counter(page)" in html
    letter = dict(seed_report, options=dict(seed_report["options"], page_size="Letter"))
    assert "size: Letter" in render_html(letter)


def test_outside_this_differential_warning(kb, now):
    """The engine's outside-the-differential warning is shown with the mimics to consider."""
    from ddx_app.case import Case
    from ddx_app.engine import analyse
    from ddx_app.engine.rules import OutsideWarning

    values = {"melanin_pigment": "present", "ihc_sox10": "negative"}
    analysis = analyse(kb, values)
    # Set the warning directly, so the test does not depend on the KB's calibration.
    analysis.__dict__["outside"] = OutsideWarning(
        best_fit="spindle_cell_scc", z=-4.2, unexplained=(("melanin_pigment", "present", 0.01),),
        mimics=kb.mimics[:2], matched_mimics=(kb.mimics[0].id,))
    report = build_report(kb, Case(findings=values, case_id="X1"), analysis, now=now)
    outside = report["warnings"]["outside"]
    assert outside["unexplained"][0]["finding"] == "melanin_pigment"
    assert outside["mimics"][0]["matched"] is True
    text = Page(render_html(report)).text
    assert "Outside this differential?" in text
    # the same wording and whole-percent numbers as the CLI and the window (one Alert)
    assert "Melanin pigment = Present (1% in Spindle cell SCC)" in text
    assert analysis.outside.explanation in text
    assert outside["mimics"][0]["name"] in text


@pytest.mark.slow
def test_export_does_not_load_qt(tmp_path):
    """Exporting HTML and PDF from the command line never imports PySide6."""
    import subprocess
    import sys

    from ddx_app.paths import examples_dir

    case = examples_dir() / "imt_seed_case15.ddx.yaml"
    code = ("import sys; from ddx_app.cli import main;"
            f"assert main(['report', {str(case)!r}, '-o', {str(tmp_path / 'r.pdf')!r}]) == 0;"
            f"assert main(['report', {str(case)!r}, '-o', {str(tmp_path / 'r.html')!r}]) == 0;"
            "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, timeout=120)


CASES = EXAMPLE_CASES + LITERATURE_CASES


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_every_bundled_case_exports(kb, path, now):
    """Every example and literature case gives an HTML and a JSON report."""
    import json

    from ddx_app.case import load_case
    from ddx_app.engine import analyse
    from ddx_app.report import render_json

    case = load_case(path, kb)
    report = build_report(kb, case, analyse(kb, case.findings), now=now)
    page = Page(render_html(report))
    assert DISCLAIMER in page.text and report["differential"][0]["name"] in page.text
    assert json.loads(render_json(report)) == report


def test_settled_note_follows_the_analysis(kb, now, seed, seed_report):
    """The report says the findings settle the differential exactly when the engine does,
    with the knowledge base's threshold; an early case gets no such note."""
    from ddx_app.case import Case
    from ddx_app.engine import analyse

    case, analysis = seed
    findings = dict(case.findings)
    for _ in range(30):  # record each best test's likeliest result until nothing is left
        analysis = analyse(kb, findings)
        if analysis.settled():
            break
        best = analysis.suggestions(top=1)[0]
        state = max(best.outcome_probabilities, key=best.outcome_probabilities.get)
        finding = kb.findings[best.finding]
        findings[best.finding] = next(b.lo for b in finding.bins if b.id == state) \
            if finding.is_numeric else state
    assert analysis.settled()
    settled = build_report(kb, Case(findings=findings), analysis, now=now)
    assert settled["suggestions_settled"] == {"below_bits": kb.settings.settled_below_bits}
    assert "settle this differential" in render_html(settled)
    assert (seed_report["suggestions_settled"] is not None) == seed[1].settled()
    early = Case(findings={"spindle_cell_proliferation": "present"})
    report = build_report(kb, early, analyse(kb, early.findings), now=now)
    assert report["suggestions_settled"] is None
    assert "settle this differential" not in render_html(report)
