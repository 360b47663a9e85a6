"""`ddx gui` from the command line: screenshot, start-up smoke test, default command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", DDX_DATA_DIR=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), PYTHONPATH=str(ROOT))
    return env


def _ddx(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ddx_app.cli", "gui", *args], cwd=ROOT,
                          env=_env(tmp_path), capture_output=True, text=True, timeout=120)


def test_screenshot_writes_a_png_of_the_requested_size(tmp_path):
    """`ddx gui CASE --screenshot OUT.png --size WxH` renders the window and exits 0."""
    out = tmp_path / "shot.png"
    result = _ddx(tmp_path, "examples/imt.ddx.yaml", "--screenshot", str(out),
                  "--size", "1000x700")
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1000, 700)
    assert list((tmp_path / "data" / "recovery").iterdir()) == []  # lock given back


def test_screenshot_of_a_bad_case_fails_with_the_problems(tmp_path):
    """A bad case with --screenshot prints file:line problems and exits 2, no traceback."""
    bad = tmp_path / "bad.ddx.yaml"
    bad.write_text("ddx_case: 1\nfindings:\n  ihc_sma: purple\n", encoding="utf-8")
    result = _ddx(tmp_path, str(bad), "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert f"{bad}:3:" in result.stderr
    assert "Traceback" not in result.stderr


def test_exit_after_startup_exits_zero(tmp_path):
    """`ddx gui --exit-after-startup` starts, shows the window and exits 0."""
    result = _ddx(tmp_path, "--exit-after-startup")
    assert result.returncode == 0, result.stderr
    assert list((tmp_path / "data" / "recovery").iterdir()) == []  # lock given back
    assert "Traceback" not in result.stderr
    result = _ddx(tmp_path, "--exit-after-startup", "--trainee", "examples/imt.ddx.yaml")
    assert result.returncode == 0, result.stderr


def test_ddx_without_arguments_starts_the_gui(monkeypatch):
    """Plain `ddx` runs the desktop app."""
    from ddx_app import cli
    from ddx_app.gui import app

    seen = []
    monkeypatch.setattr(app, "run", lambda args: seen.append(args) or 0)
    assert cli.main([]) == 0
    assert seen and seen[0].command == "gui" and seen[0].case is None


def test_the_ddx_program_exits_with_the_commands_status(monkeypatch):
    """`ddx` (the console script) exits through SystemExit with the GUI's status, as it
    does for command-line commands."""
    import pytest

    from ddx_app import cli
    from ddx_app.gui import app

    monkeypatch.setattr(app, "run", lambda args: 3)
    monkeypatch.setattr(cli.sys, "argv", ["ddx", "gui", "--exit-after-startup"])
    with pytest.raises(SystemExit) as exc:
        cli.entry()
    assert exc.value.code == 3

    monkeypatch.setattr(cli.sys, "argv", ["ddx", "kb", "info"])
    with pytest.raises(SystemExit) as exc:
        cli.entry()
    assert exc.value.code == 0


def test_the_ddx_program_starts_and_exits_zero_in_a_fresh_process(tmp_path):
    """`python -m ddx_app gui --exit-after-startup`: the real entry point, start to
    normal interpreter exit."""
    result = subprocess.run([sys.executable, "-m", "ddx_app", "gui", "--exit-after-startup"],
                            cwd=ROOT, env=_env(tmp_path), capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


SESSION = """
import sys
from PySide6.QtWidgets import QApplication
from ddx_app import cli
from ddx_app.gui.main_window import MainWindow

started = MainWindow.finish_startup

def finish_startup(self, offer_recovery=True):
    started(self, offer_recovery=False)
    self.set_prior("uniform")  # a preference changed during the session ...
    QApplication.quit()        # ... just before the app quits (e.g. the session ends)

MainWindow.finish_startup = finish_startup
sys.argv = ["ddx", "gui"]
cli.entry()
"""


def test_a_real_session_saves_its_settings_on_exit(tmp_path):
    """The whole `ddx` path with a real event loop: the prior is changed just before the
    app quits, the program exits with status 0, and the next start finds the prior
    remembered."""
    env = _env(tmp_path)
    first = subprocess.run([sys.executable, "-c", SESSION], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr
    probe = ("from ddx_app.gui.app import make_application\n"
             "from ddx_app.gui.settings import Settings\n"
             "make_application(['x'])\n"
             "print(Settings().prior)\n")
    second = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert second.stdout.strip().splitlines()[-1] == "uniform", second.stderr


def test_gui_options_work_with_or_without_options_before_the_command(monkeypatch):
    """`ddx gui ARGS` and plain `ddx` go through the one parser."""
    from ddx_app import cli
    from ddx_app.gui import app

    seen = []
    monkeypatch.setattr(app, "run", lambda args: seen.append(args) or 0)
    argv = ["case.ddx.yaml", "--screenshot", "out.png", "--size", "800x600", "--trainee"]
    assert cli.main(["gui", *argv]) == 0
    assert (seen[0].case, seen[0].screenshot, seen[0].size, seen[0].trainee) == (
        "case.ddx.yaml", "out.png", "800x600", True)
    assert cli.main([]) == 0
    assert seen[1].command == "gui" and not seen[1].trainee and seen[1].size == "1400x900"


def test_commands_run_with_the_collector_on(monkeypatch):
    """`ddx` leaves the garbage collector alone: commands and the GUI run with it on."""
    import gc

    import pytest

    from ddx_app import __main__ as program
    from ddx_app import cli
    from ddx_app.gui import app

    seen = []
    monkeypatch.setattr(cli, "cmd_kb", lambda args: seen.append(gc.isenabled()) or 0)
    monkeypatch.setattr(app, "run", lambda args: seen.append(gc.isenabled()) or 0)
    for argv in (["ddx", "kb", "info"], ["ddx"]):
        monkeypatch.setattr(cli.sys, "argv", argv)
        with pytest.raises(SystemExit):
            program.main()
    assert seen == [True, True]
