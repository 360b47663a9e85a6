"""Start the desktop app: ``ddx gui [CASE] [--lang zh_CN] [--screenshot OUT.png]
[--exit-after-startup]``.

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
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSize, QTimer, QTranslator
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontInfo, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from .. import __version__
from ..errors import DdxError
from ..i18n import DEFAULT_LANGUAGE, normalise
from ..paths import (
    APP_ICON,
    BUNDLED_FONTS,
    ICON_SIZES,
    cache_dir,
    fonts_dir,
    icons_dir,
    resources_dir,
    resources_problem,
)
from .settings import APPLICATION, ORGANIZATION

# translation_files (subprocess, ElementTree: ~9 ms) is imported only for a language
# other than English, never at an English start-up

# Bundled fonts that stand in for a whole script: registered only when no installed
# family covers it (the 4 MB CJK font costs start-up time), then a fallback of the
# application font, so Chinese or Korean text shows on a machine with no such font.
_SCRIPT_FONTS = {"cjk": QFontDatabase.WritingSystem.SimplifiedChinese,
                 "hangul": QFontDatabase.WritingSystem.Korean}


def register_fonts(app: QGuiApplication | None = None) -> list[str]:
    """Register the fonts shipped in resources/fonts (paths.BUNDLED_FONTS) that the
    system lacks (a headless machine may have no fonts at all): a text font whose family
    is not installed, a script's font when no installed family covers that script
    (those become fallbacks of ``app``'s font). Returns the families registered."""
    families: list[str] = []
    folder = fonts_dir()
    installed = set(QFontDatabase.families())
    # the family the application font resolves to now: an alias ("Sans Serif") may
    # resolve to a registered fallback font afterwards, which would then draw all text
    text_family = QFontInfo(app.font()).family() if app is not None else None
    fallbacks: list[str] = []
    for role, (name, family) in BUNDLED_FONTS.items():
        script = _SCRIPT_FONTS.get(role)
        if script is not None and QFontDatabase.families(script):
            continue  # an installed font writes this script
        if script is None and family in installed:
            continue
        path = folder / name
        if not path.is_file():
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            added = QFontDatabase.applicationFontFamilies(font_id)
            families += added
            if script is not None:
                fallbacks += added
    if fallbacks and app is not None:
        if text_family and text_family not in fallbacks:
            font = app.font()
            font.setFamily(text_family)
            app.setFont(font)
        use_fallbacks(fallbacks)
    return families


def use_fallbacks(fallbacks: list[str]) -> None:
    """Make ``fallbacks`` the substitutes of every installed family, so characters those
    lack are drawn from them.

    Substitutions, not extra families on the application font: a family list makes Qt
    size every line for the tallest of its fonts (Droid Sans Fallback adds two pixels a
    row, and the differential loses a row at 1920×1080); a substitute is only asked for
    the glyphs the first font lacks. An alias such as "Sans Serif" is left alone: a
    substitute for it would be chosen before the installed family it stands for."""
    for family in set(QFontDatabase.families()) - set(fallbacks):
        QFont.insertSubstitutions(family, fallbacks)


def app_icon() -> QIcon:
    """The window icon: resources/icons' PNGs, each read only when a size is drawn."""
    icon, folder = QIcon(), icons_dir()
    for size in ICON_SIZES:
        icon.addFile(str(folder / f"{APP_ICON}-{size}.png"), QSize(size, size))
    return icon


class _Translator(QTranslator):
    """A .qm of ours: a text with no translation in its exact context is looked up in
    the empty context, where every translation also sits (translation_files.py; a
    Python ``tr`` does not always tell lupdate the context it runs in)."""

    def __init__(self, parent=None):
        from .translation_files import FALLBACK_CONTEXT

        super().__init__(parent)
        self._fallback = FALLBACK_CONTEXT

    def translate(self, context, source, disambiguation=None, n=-1):
        found = super().translate(context, source, disambiguation, n)
        if not found and context:
            found = super().translate(self._fallback, source, disambiguation, n)
        return found or None  # None: not here, Qt asks the next translator


_warned: set[str] = set()


def _warn_once(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        print(f"ddx: warning: {message}", file=sys.stderr)


def translation_file(lang: str) -> Path | None:
    """The compiled interface translation of ``lang``: the .qm built with the package
    (wheel, desktop bundle) when it is not older than its .ts, else one compiled from
    the .ts into the per-user cache (a source checkout, an editable install); None
    when there is none (a warning says why, once)."""
    from .translation_files import QM_NAME, TS_NAME, cached_qm_name, compile_ts

    folder = resources_dir() / "translations"
    ts, qm = folder / TS_NAME.format(lang=lang), folder / QM_NAME.format(lang=lang)
    if qm.is_file() and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return qm
    if not ts.is_file():
        _warn_once(f"no {lang} translation of the interface ({ts} is missing); "
                   "showing it in English")
        return None
    try:
        cache = cache_dir() / "translations"
        cached = cache / cached_qm_name(ts, lang)
    except (OSError, RuntimeError) as exc:
        _warn_once(f"cannot compile the {lang} translation ({exc}); showing English")
        return None
    if cached.is_file():
        return cached
    problem = compile_ts(ts, cached)
    if problem:
        _warn_once(f"{problem}; the interface is shown in English")
        return None
    for old in cache.glob(f"ddx_{lang}-*.qm"):  # earlier versions of the .ts
        if old != cached:
            old.unlink(missing_ok=True)
    return cached


def install_translations(app: QCoreApplication, lang: str) -> bool:
    """Show the interface in ``lang`` (an app language code, ``ddx_app.i18n``): remove
    the translators installed for another language, install ours and Qt's own (dialog
    buttons, context menus). English needs none. True when ours is in place.
    (Knowledge-base texts use ``text(x, lang)`` instead.)"""
    lang = normalise(lang)
    for old in app.findChildren(QTranslator, _TRANSLATOR):
        app.removeTranslator(old)
        old.deleteLater()
    if lang == DEFAULT_LANGUAGE:
        return False
    path = translation_file(lang)
    if path is None:
        return False
    ours = _Translator(app)
    if not ours.load(str(path)):
        _warn_once(f"{path} is not a Qt translation file; showing English")
        return False
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        qt_own.setObjectName(_TRANSLATOR)
        app.installTranslator(qt_own)
    ours.setObjectName(_TRANSLATOR)
    app.installTranslator(ours)  # installed last: asked first
    return True


_TRANSLATOR = "ddxTranslator"


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
    register_fonts(app)
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
    if getattr(args, "lang", None):
        settings.override_language(args.lang)  # this run only; the setting stays
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
