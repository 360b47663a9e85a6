"""The `ddx` command line contract: JSON shape, exit codes, readable errors, no tracebacks."""

from __future__ import annotations

import json
import math
import subprocess
import sys

from testdata import EXAMPLES, ROOT

from ddx_app.cli import main

IMT = str(EXAMPLES / "imt.ddx.yaml")


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_rank_json_contract(capsys, kb):
    """The JSON has case_id, knowledge_base {version, sha256} and every entity, summing to 1."""
    code, out, _ = run(capsys, "rank", IMT, "--json")
    data = json.loads(out)
    assert code == 0 and data["case_id"] == "EX-IMT-01"
    assert data["knowledge_base"]["sha256"] == kb.sha256
    assert data["knowledge_base"]["version"] == kb.version
    entities = [d["entity"] for d in data["differential"]]
    assert sorted(entities) == sorted(kb.entity_ids)
    probs = [d["probability"] for d in data["differential"]]
    assert probs == sorted(probs, reverse=True) and math.isclose(sum(probs), 1.0)
    assert all(d["name"] for d in data["differential"])


def test_rank_human_output_is_aligned_with_percentages(capsys):
    code, out, _ = run(capsys, "rank", IMT)
    assert code == 0 and "%" in out and "not a diagnosis" in out
    assert "1. Inflammatory myofibroblastic tumour" in out


def test_prior_option(capsys):
    _, a, _ = run(capsys, "rank", IMT, "--json", "--prior", "uniform")
    _, b, _ = run(capsys, "rank", IMT, "--json")
    assert json.loads(a)["differential"] != json.loads(b)["differential"]


def test_explain_and_suggest(capsys):
    code, out, _ = run(capsys, "explain", str(EXAMPLES / "imt_seed_case15.ddx.yaml"))
    assert code == 0 and "ALK" in out and "zhao2025_seed" in out and "Criteria" in out
    code, out, _ = run(capsys, "suggest", IMT, "--top", "3", "--panel", "2")
    assert code == 0 and "bits" in out and "panel" in out
    code, out, _ = run(capsys, "suggest", IMT, "--json", "--stains-only")
    assert code == 0 and json.loads(out)["suggestions"]
    assert json.loads(out)["settled_below_bits"] > 0


def test_suggest_says_when_the_findings_settle_the_differential(capsys, tmp_path):
    """A worked-up case: no test is worth much, and the CLI says so in words and JSON;
    an early case (one finding) is not settled and gets no such line."""
    _, out, _ = run(capsys, "suggest", IMT)
    assert "settle this differential" in out
    _, out, _ = run(capsys, "suggest", IMT, "--json")
    assert json.loads(out)["settled"] is True
    early = tmp_path / "early.ddx.yaml"
    early.write_text("ddx_case: 1\nfindings:\n  spindle_cell_proliferation: present\n", "utf-8")
    _, out, _ = run(capsys, "suggest", str(early))
    assert "settle" not in out
    _, out, _ = run(capsys, "suggest", str(early), "--json")
    assert json.loads(out)["settled"] is False


def test_explain_unknown_entity_exits_2(capsys):
    code, _, err = run(capsys, "explain", IMT, "flu")
    assert code == 2 and "unknown entity" in err


def test_bad_case_exits_2_with_file_line(capsys, tmp_path):
    bad = tmp_path / "bad.ddx.yaml"
    bad.write_text("ddx_case: 1\nfindings:\n  ihc_sma: maybe\n  nonsense: present\n")
    code, out, err = run(capsys, "rank", str(bad))
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f"{bad}:3: 'maybe' is not a state of ihc_sma (expected one of negative, positive, "
        "focal, diffuse)",
        f"{bad}:4: unknown finding 'nonsense'",
    ]


def test_missing_file_and_bad_kb(capsys, tmp_path):
    code, _, err = run(capsys, "rank", str(tmp_path / "nope.ddx.yaml"))
    assert code == 2 and "file not found" in err
    code, _, err = run(capsys, "rank", IMT, "--kb", str(tmp_path))
    assert code == 2 and "required file is missing" in err


def test_kb_info(capsys, kb):
    code, out, _ = run(capsys, "kb", "info")
    assert code == 0 and kb.sha256 in out and "Sources" in out


def test_console_entry_point_has_no_traceback(tmp_path):
    """Running as a real process: a hostile file is a clean exit 2."""
    bad = tmp_path / "x.ddx.yaml"
    bad.write_text("a: !!python/object/apply:os.system ['echo hi']\n")
    proc = subprocess.run([sys.executable, "-m", "ddx_app.cli", "rank", str(bad)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "unsupported YAML tag" in proc.stderr


def test_gui_without_a_display_explains_instead_of_aborting(monkeypatch, capsys):
    """On a headless Linux box `ddx` says what to do instead of Qt aborting the process."""
    monkeypatch.setattr(sys, "platform", "linux")
    for var in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(var, raising=False)
    assert main([]) == 1
    assert "no display" in capsys.readouterr().err


def test_explain_versus_lists_what_separates_two_entities(capsys):
    """`ddx explain CASE A --versus B` adds the pairwise evidence and the posterior odds;
    an unknown or identical entity is refused with exit 2."""
    code, out, _ = run(capsys, "explain", IMT, "imt", "--versus", "igg4_rd")
    assert code == 0 and "IMT versus IgG4-RD: posterior odds" in out
    section = out.split("IMT versus IgG4-RD")[1].split("Criteria:")[0]
    assert "IgG4/IgG plasma cell ratio" in section and "+" in section
    code, _, err = run(capsys, "explain", IMT, "imt", "--versus", "imt")
    assert code == 2 and "--versus" in err
    code, _, err = run(capsys, "explain", IMT, "imt", "--versus", "flu")
    assert code == 2 and "--versus" in err
