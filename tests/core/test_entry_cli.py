"""`ddx parse`, `ddx case new` and `ddx summary`: the sign-out commands."""

from __future__ import annotations

import json

import pytest
from testdata import EXAMPLE_CASES, EXAMPLES, run

from ddx_app import DISCLAIMER
from ddx_app.case import load_case
from ddx_app.cli import main
from ddx_app.engine import analyse
from ddx_app.summary import MAX_LINES, summary_lines

EXAMPLE = ("spindle cells, SMA+ desmin- CK focal ALK- S100 neg SOX10- Ki67 15% IgG4 60/HPF "
           "IgG4/IgG 45% serum IgG4 2.1 g/L, 14 months, female")


def test_parse_json(capsys, kb):
    code, out, _ = run(capsys, "parse", EXAMPLE + " frobnicate Ki67 5-10", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["findings"]["serum_igg4_mg_dl"] == 210
    assert data["findings"]["age_years"] == 1.17
    assert data["findings"]["ihc_cytokeratin"] == "focal"
    assert "ihc_ki67_percent" not in data["findings"]  # given twice, once as a range
    assert [u["text"] for u in data["unrecognised"]] == ["frobnicate"]
    assert any("range" in q["message"] for q in data["questions"])
    assert data["knowledge_base"]["sha256"] == kb.sha256
    assert {"findings", "unrecognised", "questions", "notes", "items"} <= set(data)


def test_parse_words_on_the_command_line_are_joined(capsys):
    code, out, _ = run(capsys, "parse", "SMA+", "desmin-", "--json")
    assert code == 0
    assert json.loads(out)["findings"] == {"ihc_sma": "positive", "ihc_desmin": "negative"}


def test_parse_preview_lists_labels_values_and_what_was_not_understood(capsys):
    code, out, _ = run(capsys, "parse", "SMA+ serum IgG4 2.1 g/L xyzzy IgG4/IgG 0.4")
    assert code == 0
    assert "SMA (smooth muscle actin)" in out and "Positive" in out
    assert "210 mg/dL (from 2.1 g/L)" in out
    assert "Not understood (1): 'xyzzy'" in out
    assert "did you mean 40 %?" in out


def test_parse_exit_2_when_nothing_is_understood_or_no_text(capsys):
    code, out, _ = run(capsys, "parse", "xyzzy plugh")
    assert code == 2 and "Understood: nothing" in out and "'xyzzy'" in out
    code, out, _ = run(capsys, "parse", "xyzzy", "--json")
    assert code == 2 and json.loads(out)["unrecognised"][0]["text"] == "xyzzy"
    code, _, err = run(capsys, "parse", "   ")
    assert code == 2 and "no findings given" in err
    code, _, err = run(capsys, "parse", "Ki67 5-10")
    assert code == 2


def test_parse_never_echoes_terminal_control_characters(capsys):
    code, out, _ = run(capsys, "parse", "SMA+ \x1b]0;pwned\x07 \x1b[2J")
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    assert "\\x1b" in out


def test_parse_reads_standard_input(capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("SMA+ CK-\n"))
    code, out, _ = run(capsys, "parse", "-", "--json")
    assert code == 0
    assert json.loads(out)["findings"] == {"ihc_sma": "positive", "ihc_cytokeratin": "negative"}


def test_case_new_writes_a_case_that_loads_and_ranks(capsys, tmp_path, kb):
    target = tmp_path / "s25.ddx.yaml"
    code, out, _ = run(capsys, "case", "new", "-o", str(target), "--findings", EXAMPLE,
                       "--case-id", "S25-00412", "--title", "Left maxillary sinus mass")
    assert code == 0 and "13 finding(s)" in out
    case = load_case(target, kb)
    assert case.case_id == "S25-00412" and case.title == "Left maxillary sinus mass"
    assert case.findings["serum_igg4_mg_dl"] == 210 and case.findings["age_years"] == 1.17
    assert len(case.findings) == 13
    ranking = analyse(kb, case.findings).ranking
    assert len(ranking) == len(kb.entities)
    code, out, _ = run(capsys, "rank", str(target), "--json")
    assert code == 0 and json.loads(out)["case_id"] == "S25-00412"


def test_case_new_refuses_to_overwrite_unless_forced(capsys, tmp_path, kb):
    target = tmp_path / "c.ddx.yaml"
    target.write_text("keep me", "utf-8")
    code, _, err = run(capsys, "case", "new", "-o", str(target), "--findings", "SMA+")
    assert code == 1 and "already exists" in err and "--force" in err
    assert target.read_text("utf-8") == "keep me"
    code, _, _ = run(capsys, "case", "new", "-o", str(target), "--findings", "SMA+", "--force")
    assert code == 0 and load_case(target, kb).findings == {"ihc_sma": "positive"}


def test_case_new_writes_nothing_when_text_is_left_over_unless_partial(capsys, tmp_path, kb):
    target = tmp_path / "p.ddx.yaml"
    code, _, err = run(capsys, "case", "new", "-o", str(target), "--findings", "SMA+ xyzzy")
    assert code == 2 and not target.exists()
    assert "'xyzzy'" in err and "--partial" in err
    code, _, err = run(capsys, "case", "new", "-o", str(target), "--findings", "SMA+ xyzzy",
                       "--partial")
    assert code == 0 and "'xyzzy'" in err
    assert load_case(target, kb).findings == {"ihc_sma": "positive"}
    code, _, err = run(capsys, "case", "new", "-o", str(tmp_path / "n.ddx.yaml"),
                       "--findings", "xyzzy", "--partial")
    assert code == 2 and "no finding was understood" in err


def test_case_new_reports_a_file_it_cannot_write(capsys, tmp_path):
    code, _, err = run(capsys, "case", "new", "-o", str(tmp_path / "no" / "such" / "x.yaml"),
                       "--findings", "SMA+")
    assert code == 1 and "cannot write" in err


def test_summary_is_short_and_names_the_kb_and_disclaimer(capsys, kb):
    for example in EXAMPLE_CASES:
        code, out, _ = run(capsys, "summary", str(example))
        lines = out.rstrip("\n").split("\n")
        assert code == 0 and 4 <= len(lines) <= MAX_LINES, example
        assert kb.short_hash in out and DISCLAIMER in lines[-1], example
        assert kb.version in out


def test_summary_sentence_bands_and_next_stains(capsys, tmp_path, kb):
    target = tmp_path / "s.ddx.yaml"
    run(capsys, "case", "new", "-o", str(target), "--findings", EXAMPLE, "--case-id", "S1")
    code, out, _ = run(capsys, "summary", str(target))
    assert code == 0
    assert ("Immunohistochemistry: SMA positive, desmin negative, keratin focal positive, "
            "ALK negative, S100 negative, SOX10 negative; Ki-67 15 %, IgG4+ plasma cells "
            "60/HPF, IgG4/IgG ratio 45 %.") in out
    assert "Case S1" in out.split("\n")[0]
    line = next(x for x in out.split("\n") if x.startswith("Differential"))
    assert "%" in line and ("favoured" in line or "possible" in line)
    assert "Recommended next stains and tests:" in out  # not settled: stains would help
    code, uniform, _ = run(capsys, "summary", str(target), "--prior", "uniform")
    assert code == 0 and "prior: Uniform" in uniform and uniform != out
    with pytest.raises(SystemExit) as exit_:  # as for rank, explain and suggest
        main(["summary", str(target), "--scope", "nonesuch"])
    assert exit_.value.code == 2 and "unknown scope" in capsys.readouterr().err


def test_summary_lists_critical_warnings_and_omits_stains_when_settled(kb):
    case = load_case(EXAMPLES / "imt_seed_case15.ddx.yaml", kb)
    lines = summary_lines(case, analyse(kb, case.findings))
    assert any(x.startswith("Critical: ") and "excluded" in x for x in lines)
    settled = analyse(kb, {**case.findings, **dict.fromkeys(
        [f for f, x in kb.findings.items() if kb.groups[x.group].orderable
         and not x.is_numeric and f not in case.findings], "negative")})
    text = "\n".join(summary_lines(None, settled))
    assert settled.settled(orderable_only=True) == ("Recommended next" not in text)


def test_case_new_records_the_sign_out_fields(capsys, kb, tmp_path):
    from ddx_app.case import load_case

    target = tmp_path / "n.ddx.yaml"
    code, _, _ = run(capsys, "case", "new", "-o", str(target), "--findings", "SMA+ desmin-",
                       "--specimen", "Left nasal cavity mass, biopsy", "--site",
                       "Left nasal cavity", "--requesting-clinician", "Dr Li (ENT)",
                       "--pathologist", "Dr Wang")
    assert code == 0
    case = load_case(target, kb)
    assert case.sign_out == {"specimen": "Left nasal cavity mass, biopsy",
                             "site": "Left nasal cavity",
                             "requesting_clinician": "Dr Li (ENT)", "pathologist": "Dr Wang"}


def test_parse_in_chinese_reads_the_chinese_vocabulary_and_labels(capsys):
    code, out, _ = run(capsys, "parse", "--lang", "zh_CN", "SMA阳性，结蛋白阴性")
    assert code == 0
    assert "结蛋白" in out and "阴性" in out
    code, out, _ = run(capsys, "parse", "--json", "SMA阳性")  # English: not a word of it
    assert json.loads(out)["findings"] == {}
