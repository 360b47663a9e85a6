"""Architecture: the core never imports Qt, so it can be tested and scripted without a display."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "ddx_app"


def test_no_qt_outside_gui_package():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "gui" in path.relative_to(PACKAGE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in
                          ("PySide6", "PyQt5", "PyQt6", "shiboken6")]
    assert offenders == []


def test_core_runs_without_loading_qt():
    """Ranking a case in a fresh process leaves PySide6 unimported."""
    code = ("import sys; from ddx_app.cli import main; main(['rank', 'examples/imt.ddx.yaml']);"
            "assert 'PySide6' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=PACKAGE.parent,
                   capture_output=True)
