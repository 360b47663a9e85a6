"""benchmarks/eval_literature.py: its calibration figures agree with the engine's posteriors.

The script is loaded by path (benchmarks/ is not a package). Figures are recomputed here
straight from ``analyse`` rather than compared with fixed numbers, so the tests keep
holding while the knowledge base changes.
"""

from __future__ import annotations

import importlib.util
import json
import math
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from testdata import LITERATURE_CASES, ROOT

from ddx_app.case import load_case
from ddx_app.engine import analyse

SCRIPT = ROOT / "benchmarks" / "eval_literature.py"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _load_script():
    spec = importlib.util.spec_from_file_location("eval_literature", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ev = _load_script()


def _kind(path: Path) -> str:
    match = re.search(r"^\s+kind:\s*(\w+)", path.read_text("utf-8"), re.M)
    return match.group(1) if match else "tissue"


@pytest.fixture
def cases_dir(tmp_path, kb) -> Path:
    """Three answered cases (a tissue one, a clinical one, and a confident tissue case
    relabelled so its leader is wrong) plus one case without an answer."""
    folder = tmp_path / "cases"
    folder.mkdir()
    literature = LITERATURE_CASES
    tissue = next(p for p in literature if _kind(p) == "tissue")
    clinical = next(p for p in literature if _kind(p) == "clinical")
    for path in (tissue, clinical):
        shutil.copy(path, folder / path.name)

    def leader_p(path: Path) -> float:
        case = load_case(path, kb)
        leader = analyse(kb, case.findings).leader
        return leader.probability if leader.entity == case.answer else -1.0

    confident = max((p for p in literature if _kind(p) == "tissue"), key=leader_p)
    case = load_case(confident, kb)
    last = analyse(kb, case.findings).ranking[-1].entity
    text = re.sub(r"^(\s+answer:\s*)\w+", rf"\g<1>{last}", confident.read_text("utf-8"),
                  count=1, flags=re.M)
    (folder / "relabelled.ddx.yaml").write_text(text, "utf-8")
    unanswered = re.sub(r"^teaching:\n(\s+.*\n)+", "", tissue.read_text("utf-8"), flags=re.M)
    assert "answer:" not in unanswered
    (folder / "unanswered.ddx.yaml").write_text(unanswered, "utf-8")
    return folder


def test_metrics_agree_with_the_engine(cases_dir, kb):
    result = ev.evaluate(cases_dir=cases_dir)
    assert result["kb_sha256"] == kb.short_hash  # nobody edited the KB in between
    assert result["prior"] == ev.DEFAULT_PRIOR
    assert result["skipped"] == ["unanswered.ddx.yaml"]

    # independent figures, straight from analyse
    brier, losses, leaders = [], [], {}
    for path in sorted(cases_dir.glob("*.ddx.yaml")):
        case = load_case(path, kb)
        if case.answer is None:
            continue
        analysis = analyse(kb, case.findings)
        posterior = analysis.posterior
        brier.append(sum((p - (e == case.answer)) ** 2 for e, p in posterior.items()))
        losses.append(-math.log(max(posterior[case.answer], 1e-6)))
        leaders[path.name] = (analysis.leader.entity == case.answer,
                              analysis.leader.probability)
    n = len(losses)
    assert n == 3

    overall = result["overall"]
    assert overall["cases"] == n
    assert overall["log_loss"] == pytest.approx(sum(losses) / n, rel=1e-12)
    assert overall["brier"] == pytest.approx(sum(brier) / n, rel=1e-12)
    assert 0.0 <= overall["brier"] <= 2.0
    assert sum(k["cases"] for k in result["by_kind"].values()) == n
    assert set(result["by_kind"]) == {"tissue", "clinical"}
    for scores in [overall, *result["by_kind"].values()]:
        assert 0 <= scores["top1"] <= scores["top3"] <= scores["cases"]
        assert 0.0 <= scores["brier"] <= 2.0
        assert scores["log_loss"] >= 0.0
    # the relabelled case is a miss whose leader is wrong
    assert overall["top1"] <= n - 1
    assert "relabelled.ddx.yaml" in {m["case"] for m in result["misses"]}
    for miss in result["misses"]:
        assert {"case", "answer", "rank", "leader"} <= set(miss)

    # reliability over every (case, entity) pair
    table = result["reliability"]
    assert len(table["bins"]) == 10
    assert sum(b["count"] for b in table["bins"]) == table["pairs"] == n * len(kb.entity_ids)
    hits = sum(b["count"] * b["observed"] for b in table["bins"] if b["count"])
    assert hits == pytest.approx(n)  # exactly one answer per case
    for b in table["bins"]:
        if b["count"]:
            assert b["lo"] <= b["mean_predicted"] <= b["hi"]
            assert 0.0 <= b["observed"] <= 1.0
        else:
            assert b["mean_predicted"] is None and b["observed"] is None
    ece = sum(b["count"] * abs(b["mean_predicted"] - b["observed"])
              for b in table["bins"] if b["count"]) / table["pairs"]
    assert table["ece"] == pytest.approx(ece)
    assert overall["ece"] == pytest.approx(ece)

    # top label: one leader per case, observed = how often the leader was right
    top = result["top_label"]
    assert sum(b["count"] for b in top["bins"]) == top["pairs"] == n
    right = sum(b["count"] * b["observed"] for b in top["bins"] if b["count"])
    assert right == pytest.approx(sum(ok for ok, _ in leaders.values()))
    assert right == pytest.approx(overall["top1"])

    # confident wrong leaders
    wrong = {name: p for name, (ok, p) in leaders.items() if not ok}
    above = result["wrong_leaders_above"]
    assert above["max_wrong_leader_p"] == pytest.approx(max(wrong.values()))
    assert {c["case"] for c in above["cases"]} == {k for k, p in wrong.items() if p > 0.9}


def test_main_prints_the_old_keys_and_rejects_an_empty_folder(cases_dir, tmp_path, capsys):
    assert ev.main(["--cases", str(cases_dir)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"prior", "kb_sha256", "by_kind", "misses"} <= set(out)
    for scores in out["by_kind"].values():
        assert {"cases", "top1", "top3"} <= set(scores)

    empty = tmp_path / "empty"
    empty.mkdir()
    assert ev.main(["--cases", str(empty)]) == 2
    assert "no case" in capsys.readouterr().err
    assert ev.main(["--cases", str(cases_dir), "--prior", "no-such-prior"]) == 2


def _run(code_or_args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}  # conftest sets it; be explicit
    return subprocess.run([sys.executable, *code_or_args], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=120)


# the first lines of a child's ``-c`` code: the script loaded as the module ``ev``
_LOAD_IN_CHILD = (
    "import importlib.util\n"
    f"spec = importlib.util.spec_from_file_location('ev', {str(SCRIPT)!r})\n"
    "ev = importlib.util.module_from_spec(spec); spec.loader.exec_module(ev)\n")


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_png_is_written(cases_dir, tmp_path):
    """--png PATH draws the diagram (in a child process: a QGuiApplication made here
    would stand in for the QApplication the GUI tests need)."""
    pytest.importorskip("PySide6")
    target = tmp_path / "out" / "reliability.png"
    done = _run([str(SCRIPT), "--cases", str(cases_dir), "--png", str(target)], tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["overall"]["cases"] == 3
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG")
    assert _png_size(data) == (800, 800)
    assert len(data) > 10_000  # something was drawn, not a blank canvas


def test_png_without_a_path_uses_the_default(cases_dir, tmp_path):
    pytest.importorskip("PySide6")
    target = tmp_path / "default.png"
    code = (_LOAD_IN_CHILD + "import pathlib\n"
            f"ev.DEFAULT_PNG = pathlib.Path({str(target)!r})\n"
            f"raise SystemExit(ev.main(['--cases', {str(cases_dir)!r}, '--png']))\n")
    done = _run(["-c", code], tmp_path)
    assert done.returncode == 0, done.stderr
    assert target.read_bytes().startswith(b"\x89PNG")


def test_json_path_never_imports_qt(cases_dir, tmp_path):
    code = (_LOAD_IN_CHILD + "import sys\n"
            f"assert ev.main(['--cases', {str(cases_dir)!r}]) == 0\n"
            f"assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'\n")
    done = _run(["-c", code], tmp_path)
    assert done.returncode == 0, done.stderr
