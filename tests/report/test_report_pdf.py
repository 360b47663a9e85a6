"""The PDF report: same content as the HTML, fonts embedded, text extractable (pypdf)."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader
from testdata import flat, pdf_fonts, pdf_text

from ddx_app import DISCLAIMER
from ddx_app.report import ReportOptions, build_report, render_pdf


def test_content_extractable(kb, seed_pdf, seed_report):
    """The one-page summary: case id, conclusion line, leader, KB version and short hash,
    the disclaimer, the workup and the recommended stains are selectable text."""
    text = flat(pdf_text(seed_pdf))
    assert "SEED-ZHAO2025-15" in text
    assert "Inflammatory myofibroblastic tumour" in text
    assert flat(seed_report["conclusion"]["text"]) in text
    assert seed_report["differential"][0]["percent"] in text
    assert kb.short_hash in text and kb.version in text
    assert DISCLAIMER in text
    assert "ALK workup" in text and "Recommended stains" in text
    for stain in seed_report["recommended_stains"]:
        assert stain["label"] in text


def test_default_pdf_is_one_page_and_the_appendix_adds_the_rest(kb, now):
    """Both example cases: the default PDF is exactly one page; --appendix adds pages with
    the full ranking, the findings and evidence tables, how computed and the references."""
    from ddx_app.case import load_case
    from ddx_app.engine import analyse
    from ddx_app.paths import examples_dir

    for name in ("imt_seed_case15.ddx.yaml", "imt.ddx.yaml"):
        case = load_case(examples_dir() / name, kb)
        analysis = analyse(kb, case.findings)
        summary = render_pdf(build_report(kb, case, analysis, now=now))
        assert len(PdfReader(io.BytesIO(summary)).pages) == 1, name
        report = build_report(kb, case, analysis, ReportOptions(appendix=True), now)
        full = render_pdf(report)
        assert len(PdfReader(io.BytesIO(full)).pages) > 1, name
        text = flat(pdf_text(full))
        for needle in ("Appendix", "Findings recorded", "Pertinent negatives",
                       "How this was computed", "References", "Traceability",
                       "Odds ratio"):
            assert needle in text, (name, needle)
        lead = report["leading"][0]
        assert f"For {lead['short_name']}, against" in text
        for row in report["differential"]:
            assert row["name"] in text
        for ref in report["references"]:
            assert f"[{ref['number']}]" in text


@pytest.mark.parametrize("appendix", [False, True])
def test_footer_short_hash_every_page_full_hash_once(kb, seed, now, appendix):
    """Every page's footer has the KB version, the short hash and 'Page n of N'; the full
    SHA-256 is printed exactly once (the trace line, or the appendix's traceability)."""
    case, analysis = seed
    data = render_pdf(build_report(kb, case, analysis, ReportOptions(appendix=appendix), now))
    reader = PdfReader(io.BytesIO(data))
    n = len(reader.pages)
    for i, page in enumerate(reader.pages, 1):
        text = flat(page.extract_text())
        assert f"Page {i} of {n}" in text
        assert f"sha256 {kb.short_hash}" in text and kb.version in text
        assert DISCLAIMER in text
    whole = "".join(pdf_text(data).split())  # a long hash may wrap: compare without spaces
    assert whole.count(kb.sha256) == 1


def test_sign_out_fields_and_other_findings_shown(kb, seed, now):
    """Specimen, site, clinician and pathologist from the case file, and the terms
    recorded outside the vocabulary, are on page 1, literally."""
    import copy

    case, analysis = seed
    case = copy.copy(case)
    case.sign_out = {"specimen": "Biopsy <1> & co", "site": "Right nasal cavity",
                     "requesting_clinician": "Dr #Li", "pathologist": "Dr Wang 王"}
    case.other_findings = ["EMA focal", "*stromal* calcification"]
    data = render_pdf(build_report(kb, case, analysis, now=now))
    assert len(PdfReader(io.BytesIO(data)).pages) == 1
    text = flat(pdf_text(data))
    for value in case.sign_out.values():
        assert value in text
    assert "Other findings (recorded, not scored)" in text
    assert "EMA focal; *stromal* calcification" in text


def test_zh_cn_pdf_has_chinese_words(kb, seed, now):
    """A zh_CN report is laid out with the bundled CJK font: its headings extract as
    Chinese, the page is still one."""
    case, analysis = seed
    data = render_pdf(build_report(kb, case, analysis, ReportOptions(lang="zh_CN"), now))
    assert len(PdfReader(io.BytesIO(data)).pages) == 1
    text = pdf_text(data)
    assert "鉴别诊断报告" in text and "建议加做的染色" in text and "第 1 页，共 1 页" in text
    used = pdf_fonts(data)
    assert any("DroidSansFallback" in name for name in used) and all(used.values())


def test_fonts_embedded(seed_pdf):
    """Every font is embedded (a subset of the bundled DejaVu Sans), none left to the viewer."""
    used = pdf_fonts(seed_pdf)
    assert used and all(used.values()), used
    assert any("DejaVuSans" in name for name in used)


def test_chinese_notes_use_the_cjk_font(hostile_pdf):
    """Chinese in the notes is set in the bundled CJK font and extracts as Chinese."""
    used = pdf_fonts(hostile_pdf)
    assert any("DroidSansFallback" in name for name in used), used
    assert all(used.values())
    text = pdf_text(hostile_pdf)
    assert "病理诊断：炎性肌纤维母细胞瘤，ALK 阳性。" in text
    assert "Hôpital <Saint> & Co 医院" in text


def test_user_text_is_text_in_pdf(hostile_pdf):
    """Markup and template syntax in user text print literally."""
    text = flat(pdf_text(hostile_pdf))
    assert "<script>alert('x')</script> {{ 7*7 }} {% if true %}T{% endif %}" in text
    assert "S26-<i>&007" in text
    assert 'Tom & "Jerry" <b>bold?</b> &amp; done' in text


@pytest.mark.parametrize("size, points", [("A4", (595, 842)), ("Letter", (612, 792))])
def test_page_size(kb, seed, now, size, points):
    """A4 and Letter give the right media box."""
    case, analysis = seed
    data = render_pdf(build_report(kb, case, analysis, ReportOptions(page_size=size), now))
    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == points


def test_omitted_sections_absent_from_pdf(kb, seed, now):
    """Sections switched off are not in the PDF either."""
    case, analysis = seed
    data = render_pdf(build_report(kb, case, analysis,
                                   ReportOptions.omitting(["notes", "references", "evidence"],
                                                          appendix=True), now))
    text = flat(pdf_text(data))
    assert "Clinical notes" not in text and "References" not in text
    assert "Key evidence" not in text and "For IMT, against" not in text
    assert "Criteria — IMT" in text
    assert DISCLAIMER in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_first_page_renders(seed_pdf, tmp_path):
    """poppler renders page 1 to a PNG (the page a person would look at)."""
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(seed_pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "p")], check=True, timeout=60)
    (png,) = tmp_path.glob("p*.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000


def test_metadata_traces_kb_and_version(kb, seed_pdf):
    """The PDF's document information names the case, the KB hash and the app version."""
    info = PdfReader(io.BytesIO(seed_pdf)).metadata
    assert "SEED-ZHAO2025-15" in info.title
    assert kb.sha256 in info.subject and "0.1.0" in info.subject
