"""Architecture: the import contracts hold, and the core never loads Qt.

The contracts (layers, and "only ddx_app.gui imports Qt") are written once, in
pyproject.toml's ``[tool.importlinter]``; CI also runs them as ``lint-imports``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_are_kept(capsys):
    """`lint-imports`: every module in its layer, no import upwards, Qt only in the GUI."""
    from importlinter.cli import lint_imports

    status = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True,
                          no_logo=True)
    assert status == 0, capsys.readouterr().out


def test_core_runs_without_loading_qt():
    """Ranking a case in a fresh process leaves PySide6 unimported."""
    code = ("import sys; from ddx_app.cli import main; main(['rank', 'examples/imt.ddx.yaml']);"
            "assert 'PySide6' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT,
                   capture_output=True)


def test_exit_statuses_are_defined_once():
    """Every command returns the statuses of ddx_app/cli_common.py; no module defines
    its own ``EXIT_*``."""
    import ast

    defined = []
    for path in sorted((ROOT / "ddx_app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Assign):
                defined += [f"{path.relative_to(ROOT).as_posix()}: {t.id}" for t in node.targets
                            if isinstance(t, ast.Name) and t.id.startswith("EXIT_")]
    assert defined and all(d.startswith("ddx_app/cli_common.py:") for d in defined), defined
