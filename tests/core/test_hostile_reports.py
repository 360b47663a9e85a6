"""Hostile input, items 6-8: a report template or case text that tries to read files, drop
the disclaimer, hang, exhaust memory, or make the PDF unusable.

6. A user's template sees no file but itself and the bundled ``report.html.j2``; whatever
   it prints, the output shows the disclaimer and the knowledge-base trace.
7. A user's template runs within limits (time, output, sizes, nesting); going over one
   is one ``FILE:LINE: message``, exit 2, within seconds.
8. The PDF (Typst) carries at most ``SUMMARY_TEXT_LIMITS`` of each free text on the
   one-page summary and ``PDF_TEXT_LIMITS`` in the appendix (each cut marked in the text),
   breaks very long words at the margin and draws Hangul.
"""

from __future__ import annotations

import dataclasses
import io
import os
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader
from testdata import EXAMPLES, flat, pdf_fonts, pdf_text

from ddx_app import DISCLAIMER
from ddx_app.cli import main
from ddx_app.report import ReportTemplateError, build_report, render_html, render_pdf, sandbox
from ddx_app.report.pdf import PDF_TEXT_LIMITS, html_for_pdf
from ddx_app.report.required import missing_required

SEED = EXAMPLES / "imt_seed_case15.ddx.yaml"
NOW = datetime(2026, 3, 14, 9, 26, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def seed(kb):
    from ddx_app.case import load_case
    from ddx_app.engine import analyse

    case = load_case(SEED, kb)
    return case, analyse(kb, case.findings)


@pytest.fixture(scope="module")
def report(kb, seed):
    case, analysis = seed
    return build_report(kb, case, analysis, now=NOW)


def report_with(kb, seed, appendix: bool = False, **case_fields):
    import copy

    from ddx_app.report import ReportOptions

    case, analysis = seed
    case = copy.copy(case)
    for key, value in case_fields.items():
        setattr(case, key, value)
    return build_report(kb, case, analysis, ReportOptions(appendix=appendix), now=NOW)


def write(folder: Path, body: str, name: str = "mine.html.j2") -> Path:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def only_problem(info) -> str:
    (problem,) = info.value.problems
    return str(problem)


# -- 6. the template sees only itself and the bundled template ------------------------------


@pytest.mark.parametrize("statement", [
    '{% include "secret.txt" %}',
    '{% include "passwd" %}',  # a link from the template's folder to /etc/passwd
    '{% import "secret.txt" as s %}',
    '{% from "secret.txt" import x %}',
    '{% extends "secret.txt" %}',
    '{% include "../outside/secret.txt" %}',
    '{% include ["nothing", "secret.txt"] %}',
])
def test_6_template_cannot_include_files_beside_it(tmp_path, report, statement):
    (tmp_path / "secret.txt").write_text("SECRET-IN-FOLDER", "utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("SECRET-OUTSIDE", "utf-8")
    (tmp_path / "passwd").symlink_to(outside / "secret.txt")
    path = write(tmp_path, "<p>line one</p>\n" + statement)
    with pytest.raises(ReportTemplateError) as info:
        render_html(report, path)
    message = only_problem(info)
    assert message.startswith(f"{path}:2: template not allowed: it may extend, include or "
                              "import only the bundled 'report.html.j2'"), message
    assert "SECRET" not in message


def test_6_report_html_j2_beside_the_template_is_not_the_bundled_one(tmp_path, report):
    write(tmp_path, "FORGED REPORT", "report.html.j2")
    path = write(tmp_path, '{% extends "report.html.j2" %}'
                           "{% block notes %}<h2>Our comment</h2>{% endblock %}")
    html = render_html(report, path)
    assert "FORGED" not in html and "Our comment" in html and "Ranked differential" in html


def test_6_include_from_the_command_line_exits_2_without_traceback(tmp_path, capsys):
    (tmp_path / "secret.txt").write_text("SECRET", "utf-8")
    path = write(tmp_path, "<p>x</p>\n{% include 'secret.txt' %}\n")
    out = tmp_path / "r.html"
    assert main(["report", str(SEED), "-o", str(out), "--template", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{path}:2: template not allowed") and err.count("\n") == 1
    assert "Traceback" not in err and "SECRET" not in err and not out.exists()


TRACE = ("{{ report.disclaimer }} {{ report.knowledge_base.version }} "
         "{{ report.knowledge_base.sha256 }}")


@pytest.mark.parametrize("body", [
    "<p>Case {{ report.case.id }}</p>",  # left out
    f"<html><body><!-- {TRACE} --><p>x</p></body></html>",  # in a comment
    f"<html><head><title>{TRACE}</title></head><body><p>x</p></body></html>",  # in <head>
    f"<body><div style='display: none'>{TRACE}</div></body>",
    f"<body><div hidden>{TRACE}</div></body>",
    f"<body><p style='font-size: 1px'>{TRACE}</p></body>",
    f"<body><p style='color: #FFFFFF'>{TRACE}</p></body>",
    f"<html><head><style>.x {{ display: none }}</style></head>"
    f"<body><p class=x>{TRACE}</p></body></html>",
    f"<body><details><summary>Details</summary>{TRACE}</details></body>",  # folded
    f"<body><bdo dir='rtl'>{TRACE}</bdo></body>",  # printed backwards
    "<body>\u202e" + TRACE + "</body>",
    f"<body><p>{TRACE}</p>",  # visible, but ...
    # ... a stylesheet the bundled template's blocks let a user's override hide them with
    '{% extends "report.html.j2" %}{% block style %}{{ super() }}'
    " .disclaimer, footer, .trace, #pdf-footer { visibility: hidden }{% endblock %}",
    "<p>x</p><!--",  # an unclosed comment swallowing whatever follows it
])
def test_6_disclaimer_and_trace_are_always_shown(tmp_path, kb, report, body):
    path = write(tmp_path, body)
    html = render_html(report, path)
    if "<p>{{ report.disclaimer }}" in body and "hide" not in body:
        assert "ddx-required" not in html  # shown already: nothing added
        return
    assert html.count('class="ddx-required"') == 1
    block = html[html.index('<div class="ddx-required"'):]
    block = block[:block.index("</div>")]
    assert DISCLAIMER in block and kb.sha256 in block and kb.version in block
    assert "!important" in block
    visible = missing_required(html.replace("<!--", ""), report)
    assert not {"disclaimer", "knowledge base sha256", "knowledge base version"} & set(visible)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("html", ["<a" * 1_000_000, "<p>x</p>" * 250_000, "< " * 1_000_000,
                                  "</" * 1_000_000, "<!--" * 500_000, "<div>" * 400_000,
                                  "<style>" * 300_000, "x" * 30_000_000],
                         ids=["<a", "<p>x</p>", "< ", "</", "<!--", "<div>", "<style>",
                              "30M"])
def test_6_the_check_reads_hostile_output_in_linear_time(report, html):
    """The rendered output is read without Python's HTMLParser, which takes minutes on
    '<a' repeated (a template can write that); beyond 2 M characters it is not read
    at all, and the block is added."""
    from ddx_app.report.required import ensure_required

    started = time.monotonic()
    out = ensure_required(html, report)
    assert time.monotonic() - started < 5
    assert out.count('class="ddx-required"') == 1


def test_6_dropped_disclaimer_is_added_to_the_pdf_too(tmp_path, kb, report):
    path = write(tmp_path, "<html><body><p>Only the case: {{ report.case.id }}</p>"
                           "</body></html>")
    text = flat(pdf_text(render_pdf(report, path)))
    assert "Only the case: SEED-ZHAO2025-15" in text
    assert DISCLAIMER in text and kb.sha256 in text and kb.version in text


@pytest.mark.parametrize("target", ["html", "pdf"])
def test_6_bundled_template_needs_no_addition(tmp_path, report, target):
    """The bundled template shows both itself (and so does a template extending it)."""
    extends = write(tmp_path, '{% extends "report.html.j2" %}')
    for template in (None, extends):
        html = render_html(report, template) if target == "html" \
            else html_for_pdf(report, template)
        assert missing_required(html, report) == [] and "ddx-required" not in html


# -- 7. limits -----------------------------------------------------------------------------------


@pytest.mark.timeout(60)
@pytest.mark.parametrize("body, line, fragment", [
    ("{% for i in range(10**9) %}x{% endfor %}", 2, "range() of 1,000,000,000 items"),
    ("{{ 'a' * 10**10 }}", 2, "repeated string or list would be 10,000,000,000"),
    ("{{ [0] * 10**10 }}", 2, "repeated string or list"),
    ("{{ 9 ** (9 ** 9) }}", 2, "9 ** 387,420,489 would have about"),
    ("{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(0) }}", 2, "nested more than 50 deep"),
    ("{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}", 2, "nested more than"),
    ("{% block b %}{{ self.b() }}{% endblock %}", 2, "nested more than"),
    ("{% set ns = namespace(s='a') %}\n{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}"
     "{% endfor %}", 3, "the ~ operator's result would be"),
    ("{% set ns = namespace(s='a') %}\n{% for i in range(64) %}{% set ns.s = ns.s + ns.s %}"
     "{% endfor %}", 3, "a concatenation would be"),
    ("{{ 'x'.ljust(10**10) }}", 2, "str.ljust() would be"),
    ("{{ '{:>999999999}'.format(1) }}", 2, "a field width or precision of 999999999"),
    ("{{ '%0999999999d' % 1 }}", 2, "a % format"),
    ("{% set s = 'a' * 1000000 %}{{ s.replace('a', s) }}", 2, "str.replace() would be"),
    ("{% set s = 'a' * 1000000 %}{{ ([s] * 100000) | join }}", 2, "the join filter would be"),
    ("{{ 'x' | center(10**10) }}", 2, "the center filter: an argument of"),
    ("{{ lipsum(10**9) }}", 2, "lipsum()"),
    ("{{ 'a'.translate({97: 'bb'}) }}", 2, "str.translate() is not allowed"),
    ("{% set ns = namespace(l=[]) %}{% for i in range(1000) %}"
     "{% set ns.l = ns.l + [[0] * 15000000] %}{% endfor %}", 2,
     "the template built more than 200,000,000 characters or items"),  # kept, one by one
    ("{{ 10.0 ** 400 }}", 2, "template error"),
    ("{{ 1 / 0 }}", 2, "template error: division by zero"),
    ("{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}", 1, "nested too deep"),
])
def test_7_runaway_templates_stop_with_one_located_error(tmp_path, report, body, line,
                                                         fragment):
    path = write(tmp_path, "<p>first line</p>\n" + body)
    started = time.monotonic()
    with pytest.raises(ReportTemplateError) as info:
        render_html(report, path)
    assert time.monotonic() - started < 15
    message = only_problem(info)
    assert message.startswith(f"{path}:{line}: ") and fragment in message, message
    assert "\n" not in message


@pytest.mark.timeout(60)
def test_7_nested_loops_stop_at_the_time_limit(tmp_path, report, monkeypatch):
    monkeypatch.setattr(sandbox, "LIMITS", dataclasses.replace(sandbox.LIMITS, seconds=1.0))
    path = write(tmp_path, "ok\n{% for i in range(100000) %}{% for j in range(100000) %}"
                           "{% endfor %}{% endfor %}")
    started = time.monotonic()
    with pytest.raises(ReportTemplateError) as info:
        render_html(report, path)
    assert time.monotonic() - started < 10
    assert only_problem(info).startswith(f"{path}:2: template stopped: the template ran for "
                                         "more than 1 s")


@pytest.mark.timeout(60)
@pytest.mark.parametrize("body", [
    "{% for i in range(100000) %}{% for j in range(100000) %}0123456789{% endfor %}"
    "{% endfor %}",
    "{% set x %}{% for i in range(100000) %}{% for j in range(1000) %}0123456789"
    "{% endfor %}{% endfor %}{% endset %}",  # collected, never written: counted all the same
    "{% block b %}{% for i in range(100000) %}{% for j in range(1000) %}0123456789"
    "{% endfor %}{% endfor %}{% endblock %}{{ self.b() }}",
])
def test_7_output_is_bounded(tmp_path, report, body):
    path = write(tmp_path, "ok\n" + body)
    with pytest.raises(ReportTemplateError) as info:
        render_html(report, path)
    assert only_problem(info).startswith(f"{path}:2: template stopped: the template wrote more "
                                         f"than {sandbox.LIMITS.output_chars:,} characters")


@pytest.mark.timeout(120)
@pytest.mark.parametrize("body", ["{{ 9 ** (9 ** 9) }}",
                                  "{% for i in range(10**9) %}{% endfor %}",
                                  "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}"])
def test_7_from_the_command_line_exit_2_and_one_line(tmp_path, capsys, body):
    path = write(tmp_path, body)
    for out in (tmp_path / "r.html", tmp_path / "r.pdf"):
        assert main(["report", str(SEED), "-o", str(out), "--template", str(path)]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"{path}:1: template stopped: ") and err.count("\n") == 1, err
        assert not out.exists()


@pytest.mark.timeout(120)
def test_7_the_largest_case_still_renders_through_a_user_template(tmp_path, kb, seed):
    """2 MB of notes (the most a case file holds) through a template extending the
    bundled one: within every limit, in HTML and PDF."""
    report = report_with(kb, seed, notes=notes_of(1_990_000))
    path = write(tmp_path, '{% extends "report.html.j2" %}')
    started = time.monotonic()
    assert len(render_html(report, path)) > 1_990_000
    assert render_pdf(report, path).startswith(b"%PDF")
    assert time.monotonic() - started < 30


def test_7_ordinary_templates_are_unaffected(tmp_path, report):
    """Loops, macros, filters and arithmetic of a normal template still work."""
    path = write(tmp_path, "{% macro row(d) %}<li>{{ d.name | upper }} {{ d.percent }}</li>"
                           "{% endmacro %}<ul>{% for d in report.differential %}{{ row(d) }}"
                           "{% endfor %}</ul>{{ (report.differential | length) * 2 }} "
                           "{{ '%05.1f' % 3.14159 }} {{ '{:>6}'.format('ab') }} "
                           "{{ ['a', 'b'] | join(', ') }} {{ 'x' ~ 'y' }} {{ 2 ** 10 }} "
                           "{{ report.case.notes | striptags | wordcount > 10 }} "
                           "{{ report.disclaimer }} {{ report.knowledge_base.version }} "
                           "{{ report.knowledge_base.sha256 }}")
    html = render_html(report, path)
    n = len(report["differential"])
    assert "<li>INFLAMMATORY MYOFIBROBLASTIC TUMOUR" in html
    assert f"{n * 2} 003.1     ab a, b xy 1024 True" in html
    assert "ddx-required" not in html


# -- 8. the PDF --------------------------------------------------------------------------------


def notes_of(size: int, lines: bool = True) -> str:
    words = ["spindle", "cells", "with", "plasma", "cells", "in", "an", "oedematous",
             "stroma", "ALK", "positive"]
    out, n = [], 0
    while n < size:
        line = " ".join(words[(n + i) % len(words)] for i in range(12))
        out.append(line)
        n += len(line) + 1
    return ("\n" if lines else " ").join(out)[:size]


@pytest.mark.timeout(120)
@pytest.mark.parametrize("size", [200_000, 2_000_000])
def test_8_long_notes_are_cut_in_the_pdf_with_a_marker(kb, seed, size):
    """200 kB of notes took 8 s through xhtml2pdf (33 s on a slower machine), 2 MB never
    finished: the summary carries an excerpt that says where the rest is, the appendix the
    first 20,000 characters and how many it leaves out."""
    from ddx_app.report.typst_pdf import SUMMARY_TEXT_LIMITS

    render_pdf(report_with(kb, seed, notes="warm-up"))
    started = time.perf_counter()
    summary = render_pdf(report_with(kb, seed, notes=notes_of(size)))
    report = report_with(kb, seed, appendix=True, notes=notes_of(size))
    data = render_pdf(report)
    assert time.perf_counter() - started < 5
    assert len(PdfReader(io.BytesIO(summary)).pages) == 1
    text = flat(pdf_text(summary))
    excerpt = SUMMARY_TEXT_LIMITS["notes"]
    assert f"{size - excerpt:,} characters omitted; full text in the case file]" in text or \
        "characters omitted; full text in the case file]" in text
    text = flat(pdf_text(data))
    assert "characters omitted; full text in the appendix]" in text
    limit = PDF_TEXT_LIMITS["notes"]
    shown = text[text.rindex("Clinical notes"):]
    omitted = int(shown.split("[... ")[1].split(" characters omitted")[0].replace(",", ""))
    assert size - limit <= omitted <= size - limit + 200  # cut at a space near the limit
    assert "characters omitted; full text in the case file]" in shown
    assert notes_of(size)[:300].split("\n")[0] in text
    assert report["case"]["notes"] == notes_of(size)  # the report facts keep everything
    assert len(render_html(report)) > size  # and so does the HTML


def test_8_user_template_cannot_feed_the_pdf_layout_without_bound(tmp_path, kb, seed):
    """The notes are cut for the PDF, but a template could print them a hundred times:
    the HTML given to the PDF layout is bounded too (exit 2 with the reason)."""
    from ddx_app.report.pdf import MAX_PDF_HTML_CHARS

    report = report_with(kb, seed, notes=notes_of(50_000))
    path = write(tmp_path, "<div>{% for i in range(100) %}{{ report.case.notes }}"
                           "{% endfor %}</div>")
    started = time.monotonic()
    with pytest.raises(ReportTemplateError) as info:
        render_pdf(report, path)
    assert time.monotonic() - started < 10
    assert only_problem(info).startswith(
        f"{path}:1: template output too large for a PDF: ") and \
        f"(at most {MAX_PDF_HTML_CHARS:,}); export HTML instead" in only_problem(info)
    assert len(render_html(report, path)) > 100 * PDF_TEXT_LIMITS["notes"]  # HTML: all


def test_8_case_id_title_and_institution_are_cut_too(kb, seed):
    from ddx_app.report import ReportOptions

    case, analysis = seed
    import copy

    case = copy.copy(case)
    case.case_id, case.title = "ID" * 5000, "T " * 5000
    report = build_report(kb, case, analysis, ReportOptions(institution="Lab " * 1000), NOW)
    text = flat(pdf_text(render_pdf(report)))
    assert "characters omitted; full text in the case file]" in text
    assert "characters omitted; full text in the report settings]" in text
    assert "ID" * 5000 not in text


@pytest.mark.timeout(120)
def test_8_a_20000_character_word_wraps_at_the_margin(kb, seed):
    """A word wider than the line is broken at the margin, every character kept."""
    import shutil
    import subprocess

    data = render_pdf(report_with(kb, seed, appendix=True, notes="W" * 20_000))
    text = pdf_text(data).replace("\u200b", "")
    notes = text[text.rindex("Clinical notes"):text.index("References")]
    assert notes.count("W") == 20_000 and "omitted" not in notes  # none lost
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    # every glyph is drawn inside the page: poppler's bounding boxes of the words
    import re
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "w.pdf"
        pdf.write_bytes(data)
        bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                              text=True, timeout=60, check=True).stdout
    width = float(re.search(r'<page width="([\d.]+)"', bbox).group(1))
    runs = [(float(x), w) for x, w in re.findall(r'xMax="([\d.]+)"[^>]*>([^<]*)</word>', bbox)
            if w.replace("\u200b", "") and set(w.replace("\u200b", "")) == {"W"}]
    assert len(runs) > 100 and max(x for x, _ in runs) < width


@pytest.mark.timeout(120)
def test_8_hangul_is_drawn(kb, seed):
    """Droid Sans Fallback has 3 of the 11,172 Hangul syllables: Hangul came out blank.
    It is now set in the bundled NanumSquare (decomposed jamo composed first)."""
    import unicodedata

    korean = "병리 진단: 염증성 근섬유모세포종, ALK 양성"
    notes = f"{korean}\n{unicodedata.normalize('NFD', '비강 종괴')}\n中文 病理诊断"
    report = report_with(kb, seed, notes=notes, title="한국어 제목")
    data = render_pdf(report)
    used = pdf_fonts(data)
    assert any("NanumSquare" in name for name in used) and all(used.values()), used
    text = pdf_text(data)
    assert korean in text and "비강 종괴" in text and "한국어 제목" in text
    assert "中文 病理诊断" in text


@pytest.mark.skipif(not os.path.exists("/usr/bin/pdftoppm"), reason="poppler-utils missing")
def test_8_hangul_renders_as_glyphs(kb, seed, tmp_path):
    """Rasterised, a line of 한 and a line of 국 differ: real glyphs, not the same empty box
    the font draws for a character it does not have."""
    import subprocess

    from PySide6.QtGui import QImage

    def page_image(name: str, notes: str) -> QImage:
        pdf = tmp_path / f"{name}.pdf"
        pdf.write_bytes(render_pdf(report_with(kb, seed, notes=notes)))
        page = next(i for i, p in enumerate(PdfReader(str(pdf)).pages, 1)
                    if "Clinical notes" in p.extract_text())
        subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", str(page), "-l", str(page),
                        str(pdf), str(tmp_path / name)], check=True, timeout=60)
        (png,) = tmp_path.glob(f"{name}*.png")
        return QImage(str(png))

    han, guk = page_image("han", "한" * 40), page_image("guk", "국" * 40)
    assert han.size() == guk.size() and han != guk
