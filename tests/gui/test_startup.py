"""Start-up stays lean: the window comes up without PySide building its ``Qt`` namespace
or reading module sources.

PySide6 builds all 93 enums of ``Qt`` (~20 ms, an eighth of start-up) the first time
anything touches it, from Python or from a C++ call into a Python override. The
window is designed not to need it until the first key press (gui/lazy_qt.py); this
checks that in a fresh process, as ``ddx gui`` starts, so a stray ``Qt.X`` on the
start-up path fails here rather than as a slower benchmark nobody reruns.
"""

from __future__ import annotations

import importlib
import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ddx_app.gui.feature_scan import module_uses_pyside
from ddx_app.gui.lazy_qt import set_enum_property
from ddx_app.gui.models import roles

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

CHILD = """
import os, sys
import PySide6.QtCore as QtCore
from ddx_app.gui.app import make_application
from ddx_app.gui.main_window import MainWindow
from ddx_app.gui.settings import Settings
from ddx_app.knowledge import load_knowledge_base
app = make_application()
window = MainWindow(load_knowledge_base(), Settings())
window.persist_settings = False
if len(sys.argv) > 1:
    window.doc.load(sys.argv[1])
window.show()
app.processEvents()
import linecache
import PySide6.QtWidgets as QtWidgets
print("built" if "Qt" in QtCore.__dict__ else "not built")
# Handing PySide a bare QWidget* (view.viewport(), say) makes it load every widget class
# to find the pointer's type: QWizard is one it would not load otherwise.
print("all widget classes" if "QWizard" in QtWidgets.__dict__ else "few widget classes")
print(sorted(os.path.basename(p) for p in linecache.cache if "ddx_app" in p))
sys.stdout.flush()
os._exit(0)
"""


@pytest.mark.parametrize("case", [None, "imt.ddx.yaml"])
def test_window_starts_without_the_qt_namespace(tmp_path, case):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DDX_DATA_DIR=str(tmp_path / "d"),
               XDG_CONFIG_HOME=str(tmp_path / "c"))
    args = [sys.executable, "-c", CHILD] + ([str(EXAMPLES / case)] if case else [])
    out = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    # PySide6 reads the source of each module imported after it, until feature_scan.py
    # gives it a cheaper way: feature_scan.py itself is the only file it reads.
    assert out.stdout.split("\n")[:3] == ["not built", "few widget classes",
                                           "['feature_scan.py']"]


@pytest.mark.parametrize("name", ["ddx_app.gui.main_window", "ddx_app.gui.feature_scan",
                                  "ddx_app.engine", "PySide6", "json", "typing", "sys",
                                  "_json", "shiboken6.Shiboken"])
def test_cheaper_source_scan_answers_as_pyside_does(name):
    """PySide6's own test: does the module's source (inspect.getsource) say PySide6?"""
    module = importlib.import_module(name)
    try:
        expected = "PySide6" in inspect.getsource(module)
    except (OSError, TypeError):
        expected = False
    assert module_uses_pyside(module) is expected


def test_role_and_flag_constants_are_qt_values():
    """The plain ints the models use are Qt's own values."""
    role = Qt.ItemDataRole
    qt_roles = (role.DisplayRole, role.DecorationRole, role.EditRole, role.ToolTipRole,
                role.FontRole, role.TextAlignmentRole, role.AccessibleTextRole, role.UserRole)
    ours = (roles.DISPLAY, roles.DECORATION, roles.EDIT, roles.TOOLTIP, roles.FONT,
            roles.ALIGNMENT, roles.ACCESSIBLE, roles.USER)
    assert ours == tuple(r.value for r in qt_roles)
    align = Qt.AlignmentFlag
    assert (align.AlignRight | align.AlignVCenter).value == roles.RIGHT_ALIGNED
    assert Qt.TextFlag.TextWordWrap.value | align.AlignLeft.value == roles.WRAPPED_LEFT


def test_enum_properties_are_set_by_name_or_refused(qtbot):
    from PySide6.QtWidgets import QSplitter

    splitter = QSplitter()
    qtbot.addWidget(splitter)
    set_enum_property(splitter, "orientation", "Vertical")
    assert splitter.orientation() == Qt.Orientation.Vertical
    with pytest.raises(ValueError, match="orientation"):
        set_enum_property(splitter, "orientation", "Diagonal")


def test_bundled_fonts_fill_only_the_families_the_system_lacks(qapp, monkeypatch):
    """A machine with DejaVu Sans and a CJK fallback loads none of the bundled files; a
    machine without fonts (a bare container) gets both families from resources/fonts."""
    from PySide6.QtGui import QFontDatabase

    from ddx_app.gui import app

    def system_has(*families):
        monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *a: list(families)))

    system_has("DejaVu Sans", "Droid Sans Fallback")
    assert app.register_fonts() == []
    system_has("DejaVu Sans")
    assert app.register_fonts() == ["Droid Sans Fallback"]
    system_has()
    assert set(app.register_fonts()) == {"DejaVu Sans", "Droid Sans Fallback"}
