"""The Chinese interface: View ▸ Language, ``ddx gui --lang``, the .ts -> .qm step, the
bundled CJK font and what a screenshot shows."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QRect
from PySide6.QtGui import QAction, QFont, QFontDatabase, QImage, QTextLayout
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from ddx_app.gui import app as gui_app
from ddx_app.gui import translation_files
from ddx_app.gui.settings import Settings
from ddx_app.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "ddx_zh_CN.ts"
CJK = re.compile(r"[\u3400-\u9fff]")
SAMPLE = "鉴别诊断免疫组化证据"  # differential diagnosis, immunohistochemistry, evidence


@pytest.fixture
def english_after(qapp):
    """Whatever a test installs, the next test starts in English."""
    yield qapp
    gui_app.install_translations(qapp, "en")


def _language_action(window, code: str) -> QAction:
    action = window.findChild(QAction, f"ddx.language.{code}")
    assert action is not None, f"no View ▸ Language ▸ {LANGUAGES[code]}"
    return action


def _menu_titles(window) -> list[str]:
    return [window.file_menu.title(), window.edit_menu.title(), window.view_menu.title(),
            window.help_menu.title(), window.language_menu.title()]


def test_view_language_switches_the_interface_to_chinese_and_back(make_window, english_after):
    window = make_window()
    english = _menu_titles(window)
    assert english[0] == "&File" and not any(CJK.search(t) for t in english)
    assert [a.text() for a in window.language_menu.actions()] == list(LANGUAGES.values())

    _language_action(window, "zh_CN").trigger()
    chinese = _menu_titles(window)
    assert all(CJK.search(t) for t in chinese), chinese
    assert chinese[0] == "文件(&F)"  # the accelerator stays, Chinese style
    assert CJK.search(window.registry["ddx.report.export"].text())
    assert CJK.search(window.disclaimer.text())
    assert _language_action(window, "zh_CN").isChecked()
    assert Settings().language == "zh_CN"  # kept for the next start
    assert "简体中文" in window.statusBar().currentMessage()

    _language_action(window, "en").trigger()
    assert _menu_titles(window) == english
    assert window.registry["ddx.report.export"].text() == "&Export Report…"
    assert Settings().language == "en"


def test_the_switch_reaches_the_knowledge_base_texts_of_an_open_case(make_window, qtbot,
                                                                     english_after):
    window = make_window()
    window.doc.load(ROOT / "examples" / "imt.ddx.yaml")
    qtbot.wait(10)
    leader = window.differential_model.index(0, 0)
    group = window.findings_view.model().index(0, 0)
    assert not CJK.search(leader.data()) and not CJK.search(group.data())

    _language_action(window, "zh_CN").trigger()
    assert window.differential_model.index(0, 0).data() == leader.data()  # IMT: no zh
    band = window.differential_model.index(0, 2).data()
    assert CJK.search(band), band  # "strongly favoured" in Chinese
    assert CJK.search(window.findings_view.model().index(0, 0).data())  # a group label
    assert CJK.search(window.findChild(QLabel, "evidenceTitle").text())  # the entity name
    assert CJK.search(window.case_form._labels[0].text())  # Case ID
    assert window.doc.case.findings  # the case is untouched
    assert not window.doc.undo_stack.canUndo()

    _language_action(window, "en").trigger()
    assert not CJK.search(window.differential_model.index(0, 2).data())
    assert not CJK.search(window.findChild(QLabel, "evidenceTitle").text())


def test_a_window_started_in_chinese_shows_chinese_from_the_first_paint(make_window,
                                                                        english_after):
    Settings().language = "zh-CN"  # any spelling normalise() knows
    assert Settings().language == "zh_CN"
    assert gui_app.install_translations(english_after, Settings().language)
    window = make_window()
    assert window.lang == "zh_CN"  # knowledge-base texts in Chinese too
    assert window.file_menu.title() == "文件(&F)"
    assert _language_action(window, "zh_CN").isChecked()
    assert not _language_action(window, "en").isChecked()
    assert CJK.search(window.windowTitle() + window.kb_label.text())


def test_texts_whose_context_lupdate_cannot_tell_are_translated(kb, english_after):
    """shortcuts_html gets the dialog's tr as an argument, so lupdate files its texts
    under no context: the app's translator finds them there; Qt's own buttons come
    from Qt's translation."""
    from ddx_app.gui.dialogs.shortcuts import ShortcutsDialog

    gui_app.install_translations(english_after, "zh_CN")
    dialog = ShortcutsDialog(kb, [], "zh_CN")
    try:
        text = dialog.browser.toPlainText()
        assert "所见核查表" in text and "空格" in text, text[:200]
        assert dialog.windowTitle() == "键盘快捷键"
        close = dialog.findChild(QDialogButtonBox).button(
            QDialogButtonBox.StandardButton.Close)
        assert CJK.search(close.text().replace("&", "")), close.text()
    finally:
        dialog.deleteLater()
    assert QCoreApplication.translate("NoSuchContext", "no such text") == "no such text"


def test_override_language_is_for_one_run_only():
    settings = Settings()
    settings.language = "en"
    settings.override_language("zh_CN")
    assert settings.language == "zh_CN"
    assert Settings().language == "en"  # not stored
    settings.language = "en"  # choosing in the menu ends the override
    assert settings.language == "en"
    settings.override_language("xx")  # unknown: English
    assert settings.language == "en"


def test_every_message_of_the_chinese_file_is_translated_with_its_placeholders():
    """What lrelease would call unfinished, and translations that would break at run
    time: a {field} or %1 lost or renamed, an accelerator letter changed."""
    root = ET.parse(TS).getroot()
    problems, count = [], 0
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation.get("type") in ("vanished", "obsolete"):
            continue
        count += 1
        source = message.findtext("source")
        text = "".join(translation.itertext())
        if translation.get("type") == "unfinished" or not text.strip():
            problems.append(f"unfinished: {source!r}")
            continue
        if sorted(re.findall(r"\{[^}]*\}|%\d", source)) != sorted(
                re.findall(r"\{[^}]*\}|%\d", text)):
            problems.append(f"placeholders differ: {source!r} -> {text!r}")
        accelerator = re.search(r"&([A-Za-z])", source.replace("&&", ""))
        if accelerator and "H&E" not in source and \
                f"&{accelerator.group(1)}".lower() not in text.lower():
            problems.append(f"accelerator lost: {source!r} -> {text!r}")
    assert count > 300
    assert not problems, "\n".join(problems)


# -- the .qm: compiled on first use in a checkout, never crashing without lrelease --------


@pytest.fixture
def translations_only(tmp_path, monkeypatch):
    """A resources folder holding only the Chinese .ts, and an empty cache."""
    folder = tmp_path / "resources" / "translations"
    folder.mkdir(parents=True)
    shutil.copy(TS, folder / TS.name)
    monkeypatch.setenv("DDX_RESOURCES_DIR", str(tmp_path / "resources"))
    monkeypatch.setenv("DDX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(gui_app, "_warned", set())
    return folder / TS.name


def test_a_checkout_compiles_the_ts_into_the_cache_once(translations_only, tmp_path):
    first = gui_app.translation_file("zh_CN")
    assert first is not None and first.parent == tmp_path / "cache" / "translations"
    stamp = first.stat().st_mtime_ns
    assert gui_app.translation_file("zh_CN") == first
    assert first.stat().st_mtime_ns == stamp  # reused, not compiled again

    translations_only.write_text(translations_only.read_text(encoding="utf-8").replace(
        "<translation>文件(&amp;F)</translation>", "<translation>档案(&amp;F)</translation>"),
        encoding="utf-8")
    second = gui_app.translation_file("zh_CN")
    assert second != first and second.is_file() and not first.exists()


def test_a_qm_built_with_the_package_is_used_when_not_older_than_the_ts(translations_only):
    qm = translations_only.with_suffix(".qm")
    assert translation_files.compile_ts(translations_only, qm) is None
    os.utime(qm, (translations_only.stat().st_mtime + 1,) * 2)
    assert gui_app.translation_file("zh_CN") == qm
    os.utime(qm, (translations_only.stat().st_mtime - 10,) * 2)  # the .ts edited since
    assert gui_app.translation_file("zh_CN") != qm


def test_without_lrelease_the_interface_stays_english_with_one_warning(
        translations_only, monkeypatch, capsys, english_after):
    monkeypatch.setattr(translation_files, "lrelease_command", lambda: None)
    assert gui_app.install_translations(english_after, "zh_CN") is False
    assert gui_app.install_translations(english_after, "zh_CN") is False
    err = capsys.readouterr().err
    assert err.count("warning") == 1 and "lrelease" in err and "English" in err
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_the_compiled_file_finds_a_text_in_any_context(tmp_path, english_after):
    qm = tmp_path / "x.qm"
    assert translation_files.compile_ts(TS, qm) is None
    translator = gui_app._Translator()
    assert translator.load(str(qm))
    assert translator.translate("MainWindow", "&File") == "文件(&F)"
    assert translator.translate("AnyOtherContext", "&File") == "文件(&F)"
    assert translator.translate("MainWindow", "no such text") is None


# -- the CJK font -----------------------------------------------------------------------


def _glyphs_of(text: str, font: QFont) -> list[tuple[str, list[int]]]:
    """(family, glyph indexes) of each run Qt lays ``text`` out in with ``font``."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes()))
            for run in layout.glyphRuns()]


def _render(text: str, font: QFont) -> QImage:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPainter

    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(QRect(0, 0, 64, 64), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def test_chinese_text_is_drawn_with_real_glyphs_not_boxes(qapp):
    gui_app.register_fonts(qapp)
    assert QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    font = qapp.font()
    runs = _glyphs_of(SAMPLE, font)
    assert runs and all(glyphs and 0 not in glyphs for _family, glyphs in runs), runs
    # each character its own picture: missing glyphs would all be the same box
    pictures = [_render(ch, font) for ch in SAMPLE[:6]]
    assert all(p != _render(" ", font) for p in pictures)
    assert len({bytes(p.constBits()) for p in pictures}) == 6


def test_the_cjk_font_is_loaded_only_when_the_system_has_none(monkeypatch):
    """4 MB read at every start for nothing on a machine that writes Chinese already."""
    loaded = []
    monkeypatch.setattr(QFontDatabase, "addApplicationFont",
                        staticmethod(lambda path: loaded.append(Path(path).name) or -1))
    has_cjk = {QFontDatabase.WritingSystem.SimplifiedChinese: ["Noto Sans CJK SC"],
               QFontDatabase.WritingSystem.Korean: ["Noto Sans CJK KR"]}
    monkeypatch.setattr(QFontDatabase, "families", staticmethod(
        lambda ws=None: has_cjk.get(ws, []) if ws is not None else ["DejaVu Sans"]))
    gui_app.register_fonts()
    assert loaded == []
    has_cjk.clear()
    gui_app.register_fonts()
    assert "DroidSansFallbackFull.ttf" in loaded and "NanumSquareR.ttf" in loaded


def test_a_chinese_screenshot_has_chinese_glyphs(make_window, english_after, tmp_path):
    window = make_window()
    bar = window.menuBar()
    english = window.grab().toImage()
    _language_action(window, "zh_CN").trigger()
    QApplication.processEvents()
    shot = tmp_path / "zh_CN.png"
    assert window.grab().save(str(shot))
    chinese = QImage(str(shot))
    assert not chinese.isNull()

    title = window.file_menu.title().replace("&", "")
    assert CJK.search(title)
    runs = _glyphs_of(title, bar.font())
    assert all(0 not in glyphs for _family, glyphs in runs), runs
    # the File menu's title in the picture: ink, and not the English one
    rect = bar.actionGeometry(window.file_menu.menuAction()).translated(bar.pos())
    zh_title, en_title = chinese.copy(rect), english.copy(rect)
    background = zh_title.pixel(0, 0)
    assert any(zh_title.pixel(x, y) != background
               for x in range(zh_title.width()) for y in range(zh_title.height()))
    assert zh_title != en_title


def test_ddx_gui_lang_starts_in_chinese_without_storing_it(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DDX_DATA_DIR=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), PYTHONPATH=str(ROOT),
               DDX_CACHE_DIR=str(tmp_path / "cache"))
    result = subprocess.run([sys.executable, "-m", "ddx_app.cli", "gui", "--lang", "zh_CN",
                             "--exit-after-startup"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr, result.stderr
    assert list((tmp_path / "cache" / "translations").glob("ddx_zh_CN-*.qm"))
    stored = "".join(p.read_text() for p in (tmp_path / "config").rglob("*.conf"))
    assert "zh_CN" not in stored


def test_a_dialog_opened_before_the_switch_comes_back_in_the_new_language(make_window,
                                                                          english_after):
    window = make_window()
    before = window.show_kb_table()
    english_title = before.windowTitle()
    assert not CJK.search(english_title)
    _language_action(window, "zh_CN").trigger()
    after = window.show_kb_table()
    assert after is not before
    assert CJK.search(after.windowTitle()), after.windowTitle()
