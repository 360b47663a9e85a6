"""``ddx report``: formats from the extension, options, and exit status 2 for bad input."""

from __future__ import annotations

import json

import pytest

from ddx_app.cli import main
from ddx_app.paths import examples_dir
from ddx_app.report import SECTIONS

SEED_CASE = examples_dir() / "imt_seed_case15.ddx.yaml"


def run(capsys, *args) -> tuple[int, str, str]:
    status = main(["report", *map(str, args)])
    out = capsys.readouterr()
    return status, out.out, out.err


@pytest.mark.parametrize("ext, magic", [(".html", b"<!DOCTYPE html>"), (".pdf", b"%PDF"),
                                        (".json", b"{")])
def test_each_format(tmp_path, capsys, ext, magic):
    """The extension chooses the format; the file starts as that format does."""
    out = tmp_path / f"r{ext}"
    status, stdout, _ = run(capsys, SEED_CASE, "-o", out)
    assert status == 0 and str(out) in stdout
    assert out.read_bytes().lstrip().startswith(magic)


def test_options_reach_the_report(tmp_path, capsys):
    """--omit (repeatable or comma-separated), --institution and --page-size are applied."""
    out = tmp_path / "r.json"
    status, _, _ = run(capsys, SEED_CASE, "-o", out, "--omit", "notes", "--omit",
                       "references,suggestions", "--institution", "Lab <A>",
                       "--page-size", "Letter", "--prior", "uniform")
    assert status == 0
    data = json.loads(out.read_text("utf-8"))
    assert "references" not in data and "suggestions" not in data
    assert "notes" not in data["case"]
    assert data["institution"] == "Lab <A>" and data["options"]["page_size"] == "Letter"
    assert data["prior"] == "uniform"


def test_list_sections(capsys):
    """--list-sections prints every section id and needs no case."""
    status, stdout, _ = run(capsys, "--list-sections")
    assert status == 0
    for sid in SECTIONS:
        assert sid in stdout


def test_unknown_extension_exits_2(tmp_path, capsys):
    status, _, err = run(capsys, SEED_CASE, "-o", tmp_path / "r.docx")
    assert status == 2 and "r.docx" in err and ".pdf" in err
    assert not (tmp_path / "r.docx").exists()


def test_unknown_section_exits_2(tmp_path, capsys):
    status, _, err = run(capsys, SEED_CASE, "-o", tmp_path / "r.html", "--omit", "nonsense")
    assert status == 2 and "nonsense" in err and "findings" in err


def test_missing_arguments_exit_2(capsys):
    status, _, err = run(capsys)
    assert status == 2 and "required" in err


def test_bad_case_exits_2_with_file_and_line(tmp_path, capsys):
    """A bad case file gives FILE:LINE messages and exit 2, no traceback, no output file."""
    case = tmp_path / "bad.ddx.yaml"
    case.write_text("ddx_case: 1\nfindings:\n  ihc_alk: purple\n", encoding="utf-8")
    out = tmp_path / "r.pdf"
    status, _, err = run(capsys, case, "-o", out)
    assert status == 2 and f"{case}:3:" in err and "Traceback" not in err
    assert not out.exists()


def test_sandbox_violation_exits_2(tmp_path, capsys):
    """A template reaching for __class__ fails with FILE:LINE and exit 2."""
    template = tmp_path / "evil.html.j2"
    template.write_text("<p>\n{{ report.__class__.__mro__ }}</p>", encoding="utf-8")
    out = tmp_path / "r.html"
    status, _, err = run(capsys, SEED_CASE, "-o", out, "--template", template)
    assert status == 2 and f"{template}:2:" in err and "not allowed" in err
    assert not out.exists()


def test_unwritable_output_exits_1(tmp_path, capsys):
    status, _, err = run(capsys, SEED_CASE, "-o", tmp_path / "no" / "such" / "dir" / "r.html")
    assert status == 1 and "cannot write" in err


def test_appendix_and_lang(tmp_path, capsys, monkeypatch):
    """The default PDF is one page; --appendix adds pages; --lang zh_CN writes Chinese
    words (and --lang refuses an unknown language, exit 2)."""
    from pypdf import PdfReader

    monkeypatch.delenv("DDX_LANG", raising=False)
    one, more, zh = tmp_path / "one.pdf", tmp_path / "more.pdf", tmp_path / "zh.html"
    assert run(capsys, SEED_CASE, "-o", one)[0] == 0
    assert run(capsys, SEED_CASE, "-o", more, "--appendix")[0] == 0
    assert len(PdfReader(str(one)).pages) == 1 < len(PdfReader(str(more)).pages)
    assert run(capsys, SEED_CASE, "-o", zh, "--lang", "zh_CN")[0] == 0
    html = zh.read_text("utf-8")
    assert "鉴别诊断报告" in html and 'lang="zh_CN"' in html
    with pytest.raises(SystemExit) as info:
        run(capsys, SEED_CASE, "-o", zh, "--lang", "xx")
    assert info.value.code == 2
