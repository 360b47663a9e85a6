"""Fixtures for the GUI tests: offscreen Qt, settings and data in tmp_path, a main window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from ddx_app.gui.dialogs.prompts import CANCEL, DISCARD


@pytest.fixture(autouse=True)
def fresh_settings(tmp_path, monkeypatch):
    """Point QSettings and the data (recovery) folder at this test's tmp_path."""
    settings_dir = tmp_path / "settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    monkeypatch.setenv("DDX_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(settings_dir))
    yield settings_dir


class FakePrompter:
    """Answers the window's questions without modal dialogs, and records them."""

    def __init__(self):
        self.unsaved_answer = CANCEL
        self.recovery_answer = True
        self.open_answer: str | None = None
        self.save_answer: str | None = None
        self.unsaved_calls: list[str] = []
        self.recovery_calls: list[tuple] = []
        self.errors: list[tuple[str, str, list[str]]] = []
        self.infos: list[tuple[str, str]] = []
        self.confirm_answer = False
        self.confirm_calls: list[tuple[str, str]] = []
        self.export_answer: str | None = None
        self.export_calls: list[tuple[str, str, str]] = []

    def unsaved_changes(self, name):
        self.unsaved_calls.append(name)
        return self.unsaved_answer

    def error(self, title, message, problems=()):
        self.errors.append((title, message, list(problems)))

    def information(self, title, message):
        self.infos.append((title, message))

    def confirm(self, title, message, informative=""):
        self.confirm_calls.append((title, message))
        return self.confirm_answer

    def save_export(self, title, suggested, file_filter):
        self.export_calls.append((title, suggested, file_filter))
        return self.export_answer

    def offer_recovery(self, saved_at, original):
        self.recovery_calls.append((saved_at, original))
        return self.recovery_answer

    # several autosaves (hostile input, item 9): ("restore", i), ("discard", None) or
    # ("later", None)
    choose_answer: tuple = ("later", None)

    def choose_recovery(self, autosaves):
        self.choose_calls = [*getattr(self, "choose_calls", []), list(autosaves)]
        return self.choose_answer

    # a case open elsewhere / changed on disk (item 10): "read_only", "open_anyway",
    # "cancel" / "overwrite", "save_as", "cancel"
    in_use_answer = "read_only"
    changed_answer = "cancel"

    def case_in_use(self, name, holder):
        self.in_use_calls = [*getattr(self, "in_use_calls", []), (name, holder)]
        return self.in_use_answer

    def changed_on_disk(self, name):
        self.changed_calls = [*getattr(self, "changed_calls", []), name]
        return self.changed_answer

    def open_file(self, directory):
        return self.open_answer

    def save_file(self, suggested):
        return self.save_answer


@pytest.fixture
def prompter():
    return FakePrompter()


@pytest.fixture
def make_window(qtbot, kb, prompter):
    """Build main windows (shown, offscreen); each is closed strictly at teardown."""
    from ddx_app.gui.main_window import MainWindow
    from ddx_app.gui.settings import Settings

    windows = []

    def make(prompter_=None, *, suggestions: bool = True):
        w = MainWindow(kb, Settings(), prompter=prompter_ or prompter)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        if suggestions:
            w.finish_startup(offer_recovery=False)
        windows.append(w)
        return w

    yield make
    for w in windows:
        fake = FakePrompter()
        fake.unsaved_answer = DISCARD
        w.prompter = fake
        w.close()
        assert not w.isVisible(), "the window refused to close"


@pytest.fixture
def window(make_window):
    return make_window()


def write_case(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
