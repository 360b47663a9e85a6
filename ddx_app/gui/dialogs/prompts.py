"""Every question the main window asks the user, in one replaceable object.

Tests hand the window a fake Prompter instead of clicking modal dialogs. The
dialog classes are imported on first use: most sessions never show one, and
PySide builds each wrapper class (with its enums) when it is first imported.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ..lazy_qt import Qt

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
CASE_FILTER = "DDx case (*.ddx.yaml *.yaml *.yml);;All files (*)"


def _tr(s: str) -> str:
    return QCoreApplication.translate("Prompter", s)


class Prompter:
    def __init__(self, parent: QWidget):
        self.parent = parent

    def _box(self, icon, title: str, text: str, informative: str = ""):
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, self.parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if informative:
            box.setInformativeText(informative)
        return box

    def unsaved_changes(self, name: str) -> str:
        """SAVE, DISCARD or CANCEL."""
        from PySide6.QtWidgets import QMessageBox

        box = self._box(QMessageBox.Icon.Warning, _tr("Unsaved changes"),
                        _tr("Save the changes to {name}?").format(name=name),
                        _tr("Your changes are lost if you do not save them."))
        box.setStandardButtons(QMessageBox.StandardButton.Save
                               | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return DISCARD
        return CANCEL

    def error(self, title: str, message: str, problems: list[str] | tuple[str, ...] = ()
              ) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = self._box(QMessageBox.Icon.Warning, title, message, "\n".join(problems))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    def information(self, title: str, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = self._box(QMessageBox.Icon.Information, title, message)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    def offer_recovery(self, saved_at: str, original: str | None) -> bool:
        from PySide6.QtWidgets import QMessageBox

        source = original or _tr("an unsaved case")
        box = self._box(QMessageBox.Icon.Question, _tr("Recover unsaved work?"),
                        _tr("DDx Assistant did not close properly. Restore the changes to "
                            "{source} autosaved at {when}?").format(source=source,
                                                                    when=saved_at),
                        _tr("If you do not restore them now, the recovery file is deleted."))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        return box.exec() == QMessageBox.StandardButton.Yes

    def open_file(self, directory: str) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self.parent, _tr("Open case"), directory,
                                              _tr(CASE_FILTER))
        return path or None

    def save_file(self, suggested: str) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self.parent, _tr("Save case"), suggested,
                                              _tr(CASE_FILTER))
        if path and not path.endswith((".yaml", ".yml")):
            path += ".ddx.yaml"
        return path or None
