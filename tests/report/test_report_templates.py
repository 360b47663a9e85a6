"""User templates: sandboxed, autoescaped, strict; failures are FILE:LINE errors."""

from __future__ import annotations

import base64
import io
import socket

import pytest
from pypdf import PdfReader

from ddx_app.errors import DdxError
from ddx_app.report import ReportTemplateError, render_html, render_pdf
from ddx_app.report.templating import make_environment

PNG_1X1 = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


def write(tmp_path, body: str, name: str = "mine.html.j2"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_bundled_environment_escapes_and_is_strict():
    """The bundled template's environment autoescapes and fails on undefined names."""
    env, _ = make_environment()
    assert env.autoescape is True
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"
    with pytest.raises(Exception, match="undefined"):
        env.from_string("{{ nope }}").render()


def test_user_template_renders_facts(tmp_path, seed_report):
    """A custom template sees the same facts and still escapes them."""
    path = write(tmp_path, "<p>{{ report.case.id }} {{ report.differential[0].name }} "
                           "{{ report.knowledge_base.sha256 }}</p><p>{{ report.case.notes }}</p>")
    html = render_html(seed_report, path)
    assert "SEED-ZHAO2025-15 Inflammatory myofibroblastic tumour" in html
    assert seed_report["knowledge_base"]["sha256"] in html


def test_user_template_escapes_user_text(tmp_path, hostile_report):
    """Even a custom template cannot print notes as markup unless it asks for |safe."""
    path = write(tmp_path, "<div>{{ report.case.notes }}</div>")
    html = render_html(hostile_report, path)
    assert "<script>" not in html and "&lt;script&gt;" in html
    notes = html[html.rindex("<div>"):]  # the template's own div; the trace block (with the
    assert "{{ 7*7 }}" in notes and "49" not in notes  # hash) is added before it


def test_user_template_may_extend_the_bundled_one(tmp_path, seed_report):
    """{% extends "report.html.j2" %} lets a lab override one block."""
    path = write(tmp_path, '{% extends "report.html.j2" %}'
                           "{% block notes %}<h2>Our comment block</h2>{% endblock %}")
    html = render_html(seed_report, path)
    assert "Our comment block" in html and "Ranked differential" in html


@pytest.mark.parametrize("body", [
    "{{ report.__class__ }}",
    "{{ report.__class__.__mro__[1].__subclasses__() }}",
    "{{ ''.__class__.__mro__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ report.items.__self__ }}",
])
def test_sandbox_blocks_python_internals(tmp_path, seed_report, body):
    """Attributes like __class__ raise a SecurityError, reported as a template error."""
    path = write(tmp_path, "line one\n" + body)
    with pytest.raises(ReportTemplateError) as info:
        render_html(seed_report, path)
    (problem,) = info.value.problems
    assert problem.file.endswith("mine.html.j2")
    assert "not allowed" in problem.message or "undefined" in problem.message


def test_security_error_names_file_and_line(tmp_path, seed_report):
    """The message points at the offending line of the user's template."""
    path = write(tmp_path, "ok\nok\n{{ report.__class__ }}\n")
    with pytest.raises(ReportTemplateError) as info:
        render_html(seed_report, path)
    (problem,) = info.value.problems
    assert problem.line == 3 and "unsafe" in problem.message
    assert isinstance(info.value, DdxError)


def test_syntax_and_undefined_errors(tmp_path, seed_report):
    """A syntax error and an undefined name are errors with a line, not silent output."""
    bad = write(tmp_path, "a\n{% if %}\n", "bad.html.j2")
    with pytest.raises(ReportTemplateError) as info:
        render_html(seed_report, bad)
    assert info.value.problems[0].line == 2 and "syntax" in info.value.problems[0].message
    undef = write(tmp_path, "a\nb\n{{ report.no_such_key }}", "undef.html.j2")
    with pytest.raises(ReportTemplateError) as info:
        render_html(seed_report, undef)
    assert info.value.problems[0].line == 3


def test_user_template_cannot_alter_the_facts(tmp_path, seed_report):
    """Mutating methods are refused, so a template cannot rewrite e.g. the KB hash."""
    path = write(tmp_path, "{{ report.knowledge_base.update(sha256='forged') }}")
    with pytest.raises(ReportTemplateError, match="not allowed"):
        render_html(seed_report, path)
    assert seed_report["knowledge_base"]["sha256"] != "forged"


def test_missing_template_file(tmp_path, seed_report):
    with pytest.raises(ReportTemplateError, match="not found"):
        render_html(seed_report, tmp_path / "absent.j2")


def test_pdf_from_user_template_fetches_nothing(tmp_path, seed_report, monkeypatch):
    """A user template's remote or local resources are refused by the PDF renderer."""
    attempts = []

    def no_network(*args, **kwargs):
        attempts.append(args)
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    secret = tmp_path / "secret.png"
    secret.write_bytes(PNG_1X1)
    path = write(tmp_path, '<p>hello</p><img src="https://example.invalid/x.png">'
                           f'<img src="{secret}">'
                           '<link rel="stylesheet" href="http://example.invalid/a.css">')
    data = render_pdf(seed_report, path)
    assert data.startswith(b"%PDF") and b"hello" not in data  # text is in a compressed stream
    assert attempts == []
    assert not any("/XObject" in p["/Resources"] for p in PdfReader(io.BytesIO(data)).pages)
