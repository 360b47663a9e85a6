"""Start-up: the window comes up in a fresh process, as ``ddx gui`` starts it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from testdata import EXAMPLES, ROOT

from ddx_app.gui.models import roles

CHILD = """
import sys
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
print(window.isVisible(), window.windowTitle() != "")
window.release_session()
"""


@pytest.mark.parametrize("case", [None, "imt.ddx.yaml"])
def test_window_starts_in_a_fresh_process(tmp_path, case):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DDX_DATA_DIR=str(tmp_path / "d"),
               XDG_CONFIG_HOME=str(tmp_path / "c"), PYTHONPATH=str(ROOT))
    args = [sys.executable, "-c", CHILD] + ([str(EXAMPLES / case)] if case else [])
    out = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[0] == "True True"
    assert "Traceback" not in out.stderr


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


def test_bundled_fonts_fill_only_the_families_the_system_lacks(qapp, monkeypatch):
    """A machine with DejaVu Sans, a CJK font and a Hangul font loads none of the
    bundled files; a machine without fonts (a bare container) gets every family from
    resources/fonts. (Scripts count by coverage: any family writing Chinese will do.)"""
    from PySide6.QtGui import QFontDatabase

    from ddx_app.gui import app

    cjk, hangul = (QFontDatabase.WritingSystem.SimplifiedChinese,
                   QFontDatabase.WritingSystem.Korean)
    covers = {"Noto Sans CJK SC": {cjk}, "NanumSquare": {hangul}}

    def system_has(*families):
        monkeypatch.setattr(QFontDatabase, "families", staticmethod(
            lambda ws=None: [f for f in families if ws is None or ws in covers.get(f, ())]))

    system_has("DejaVu Sans", "Noto Sans CJK SC", "NanumSquare")
    assert app.register_fonts() == []
    system_has("DejaVu Sans", "NanumSquare")
    assert app.register_fonts() == ["Droid Sans Fallback"]
    system_has()
    assert set(app.register_fonts()) == {"DejaVu Sans", "Droid Sans Fallback", "NanumSquare"}
