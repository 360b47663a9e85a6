"""Start the desktop app: ``ddx gui [CASE] [--screenshot OUT.png] [--exit-after-startup]``.

``run(args)`` is what ``ddx gui`` calls. With ``--screenshot`` the main window is
rendered with the case loaded (works with ``QT_QPA_PLATFORM=offscreen``) and the
program exits; ``--exit-after-startup`` shows the window, processes events once
and exits (a start-up smoke test and benchmark). ``DDX_GUI_THEME=dark`` forces a
dark Fusion palette, for checking that nothing is hard-coded for light themes.
"""

from __future__ import annotations

import gc
import os
import sys

from PySide6.QtCore import QCoreApplication, QSize, QTimer
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from .. import __version__
from ..errors import DdxError
from ..paths import (
    APP_ICON,
    BUNDLED_FONTS,
    ICON_SIZES,
    fonts_dir,
    icons_dir,
    resources_dir,
    resources_problem,
)
from .settings import APPLICATION, ORGANIZATION


def register_fonts() -> list[str]:
    """Register the fonts shipped in resources/fonts whose family the system lacks (a
    headless machine may have no fonts at all); returns the families registered."""
    families: list[str] = []
    folder = fonts_dir()
    if not folder.is_dir():
        return families
    installed = set(QFontDatabase.families())
    family_of = dict(BUNDLED_FONTS.values())  # a file not listed is always registered
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".ttf", ".otf", ".ttc"):
            continue
        if family_of.get(path.name) in installed:
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def app_icon() -> QIcon:
    """The window icon: resources/icons' PNGs, each read only when a size is drawn."""
    icon, folder = QIcon(), icons_dir()
    for size in ICON_SIZES:
        icon.addFile(str(folder / f"{APP_ICON}-{size}.png"), QSize(size, size))
    return icon


def install_translations(app: QApplication, lang: str) -> bool:
    """Load ``resources/translations/ddx_<lang>.qm`` if a translation has been dropped in
    (texts of the interface; knowledge-base texts use ``text(x, lang)`` instead)."""
    if lang == "en":
        return False
    from PySide6.QtCore import QTranslator

    path = resources_dir() / "translations" / f"ddx_{lang}.qm"
    translator = QTranslator(app)
    if path.is_file() and translator.load(str(path)):
        app.installTranslator(translator)
        return True
    return False


def dark_palette() -> QPalette:
    """A plain dark palette (Fusion), used to check the UI does not assume light colours."""
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for r, c in ((role.Window, "#2b2b2b"), (role.WindowText, "#e6e6e6"),
                 (role.Base, "#1e1e1e"), (role.AlternateBase, "#272727"),
                 (role.ToolTipBase, "#3a3a3a"), (role.ToolTipText, "#f0f0f0"),
                 (role.Text, "#e6e6e6"), (role.Button, "#333333"),
                 (role.ButtonText, "#e6e6e6"), (role.BrightText, "#ff6b6b"),
                 (role.Highlight, "#3d7bd9"), (role.HighlightedText, "#ffffff"),
                 (role.Link, "#79b0ff"), (role.LinkVisited, "#b59cff"),
                 (role.PlaceholderText, "#8c8c8c"), (role.Mid, "#444444"),
                 (role.Dark, "#202020"), (role.Light, "#505050")):
        p.setColor(r, QColor(c))
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(group.Disabled, r, QColor("#777777"))
    return p


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setApplicationDisplayName("DDx Assistant")
    QGuiApplication.setDesktopFileName(APP_ICON)  # packaging/ddx-assistant.desktop
    app.setWindowIcon(app_icon())
    register_fonts()
    if os.environ.get("DDX_GUI_THEME", "").lower() == "dark":
        from PySide6.QtWidgets import QStyleFactory

        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(dark_palette())
    return app


def settle_heap() -> None:
    """Once the window is up: move everything built so far out of the collector's sight
    (it lives as long as the app), so later collections only look at what editing
    allocates."""
    gc.freeze()


def _parse_size(size: str | None) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in (size or "1400x900").lower().split("x"))
        if w > 0 and h > 0:
            return w, h
    except ValueError:
        pass
    print(f"ddx: --size must look like 1400x900, not {size!r}; using 1400x900",
          file=sys.stderr)
    return 1400, 900


def run(args) -> int:
    """Entry point of ``ddx gui``; returns the process exit status."""
    from ..knowledge import load_knowledge_base
    from .main_window import MainWindow
    from .settings import Settings

    app = make_application()
    try:
        kb = load_knowledge_base()
    except DdxError as exc:
        for p in exc.problems:
            print(p, file=sys.stderr)
        return 2
    batch = bool(args.screenshot or args.exit_after_startup)
    settings = Settings()
    install_translations(app, settings.language)
    window = MainWindow(kb, settings)
    for problem in (window.recovery.unavailable and
                    f"autosave and crash recovery are off ({window.recovery.unavailable})",
                    os.environ.get("DDX_RESOURCES_DIR") and resources_problem()):
        if problem:
            print(f"ddx: warning: {problem}", file=sys.stderr)
    if batch:
        window.persist_settings = False
    if args.trainee:
        window.set_trainee_mode(True)
    if args.screenshot:
        window.resize(*_parse_size(args.size))
    if args.case and batch:
        try:
            window.doc.load(args.case)
        except DdxError as exc:
            for p in exc.problems:
                print(p, file=sys.stderr)
            window.close()
            return 2
    window.show()
    if args.screenshot:
        app.processEvents()
        window.finish_startup(offer_recovery=False)
        app.processEvents()
        ok = window.grab().save(args.screenshot)
        window.release_session()
        if not ok:
            print(f"ddx: could not write {args.screenshot}", file=sys.stderr)
            return 1
        return 0
    if args.exit_after_startup:
        app.processEvents()
        settle_heap()
        window.release_session()  # nothing to save or ask: no close event needed
        return 0
    if args.case:
        window.open_path(args.case, ask=False)  # a bad file: message box, empty case
    QTimer.singleShot(0, window.finish_startup)
    QTimer.singleShot(0, settle_heap)
    status = app.exec()
    settings.sync()  # written now, not whenever QSettings happens to be destroyed
    return status
