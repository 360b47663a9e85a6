"""The PDF report: same content as the HTML, fonts embedded, text extractable (pypdf)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from ddx_app import DISCLAIMER
from ddx_app.report import ReportOptions, build_report, render_pdf


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def fonts(data: bytes) -> dict[str, bool]:
    """Base font name -> embedded, for every font any page uses."""
    out = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            d = descriptor.get_object() if descriptor is not None else {}
            out[str(font["/BaseFont"])] = any(k in d for k in ("/FontFile", "/FontFile2",
                                                                "/FontFile3"))
    return out


def test_content_extractable(kb, seed_pdf, seed_report):
    """Case id, leading entity, probabilities, KB hash and the disclaimer are selectable text."""
    text = flat(pdf_text(seed_pdf))
    assert "SEED-ZHAO2025-15" in text
    assert "Inflammatory myofibroblastic tumour" in text
    for row in seed_report["differential"]:
        assert row["percent"] in text
    assert kb.short_hash in text and kb.sha256 in text
    assert DISCLAIMER in text
    assert "ALK workup" in text and "Pertinent negatives" in text


def test_pages_numbered_and_disclaimer_on_every_page(seed_pdf):
    """Each page has 'Page n of N', the full KB hash and the disclaimer in its footer."""
    reader = PdfReader(io.BytesIO(seed_pdf))
    n = len(reader.pages)
    assert n >= 2
    for i, page in enumerate(reader.pages, 1):
        text = flat(page.extract_text())
        assert f"Page {i} of {n}" in text
        assert DISCLAIMER in text


def test_fonts_embedded(seed_pdf):
    """Every font is embedded (a subset of the bundled DejaVu Sans), none left to the viewer."""
    used = fonts(seed_pdf)
    assert used and all(used.values()), used
    assert any("DejaVuSans" in name for name in used)


def test_chinese_notes_use_the_cjk_font(hostile_pdf):
    """Chinese in the notes is set in the bundled CJK font and extracts as Chinese."""
    used = fonts(hostile_pdf)
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
                                   ReportOptions.omitting(["notes", "references", "evidence"]),
                                   now))
    text = flat(pdf_text(data))
    assert "Pathologist's comment" not in text and "References" not in text
    assert "Evidence for" not in text and "Criteria for" in text
    assert DISCLAIMER in text


def test_chart_is_drawn(seed_pdf):
    """The bar chart is vector graphics with its labels as text, not a bitmap."""
    reader = PdfReader(io.BytesIO(seed_pdf))
    streams = b"".join(p.get_contents().get_data() for p in reader.pages)
    assert len(re.findall(rb" re f", streams)) >= 12  # filled rectangles: tracks and bars
    assert "Spindle cell SCC" in flat(pdf_text(seed_pdf))  # a chart label (short name)
    assert not any("/XObject" in p["/Resources"] for p in reader.pages)


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
