"""Every question the main window asks the user, in one replaceable object.

Tests hand the window a fake Prompter instead of clicking modal dialogs. The
dialog classes are imported on first use: most sessions never show one, and
PySide builds each wrapper class (with its enums) when it is first imported.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
RESTORE, LATER = "restore", "later"  # choose_recovery
READ_ONLY, OPEN_ANYWAY = "read_only", "open_anyway"  # case_in_use
OVERWRITE, SAVE_AS = "overwrite", "save_as"  # changed_on_disk
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

    def confirm(self, title: str, message: str, informative: str = "") -> bool:
        """A yes/no question that defaults to No (e.g. "Reset your progress?")."""
        from PySide6.QtWidgets import QMessageBox

        box = self._box(QMessageBox.Icon.Question, title, message, informative)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def save_export(self, title: str, suggested: str, file_filter: str) -> str | None:
        """Where to write an export (CSV, HTML, PDF); None when cancelled."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self.parent, title, suggested, file_filter)
        return path or None

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

    def choose_recovery(self, autosaves: list[tuple[str, str | None]]
                        ) -> tuple[str, int | None]:
        """Several crashed sessions left autosaves, each ``(saved at, original file or
        None)``, newest first. ``(RESTORE, i)`` restores the i-th now (the others are
        kept and offered at the next start), ``(DISCARD, None)`` deletes them all,
        ``(LATER, None)`` keeps them all."""
        from PySide6.QtWidgets import (
            QDialog,
            QDialogButtonBox,
            QLabel,
            QListWidget,
            QVBoxLayout,
        )

        dialog = QDialog(self.parent)
        dialog.setWindowTitle(_tr("Recover unsaved work?"))
        label = QLabel(_tr("DDx Assistant did not close properly, {n} times. Choose the "
                           "autosaved case to restore now; the others are kept and offered "
                           "again at the next start.").format(n=len(autosaves)))
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        choices = QListWidget()
        for when, original in autosaves:
            choices.addItem(_tr("{when}  {source}").format(
                when=when, source=original or _tr("(an unsaved case)")))
        choices.setCurrentRow(0)
        buttons = QDialogButtonBox()
        restore = buttons.addButton(_tr("Restore Selected"),
                                    QDialogButtonBox.ButtonRole.AcceptRole)
        discard = buttons.addButton(_tr("Discard All"),
                                    QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(_tr("Decide Later"), QDialogButtonBox.ButtonRole.RejectRole)
        chosen: list[str] = []
        restore.clicked.connect(lambda: (chosen.append(RESTORE), dialog.accept()))
        discard.clicked.connect(lambda: (chosen.append(DISCARD), dialog.accept()))
        buttons.rejected.connect(dialog.reject)
        choices.itemDoubleClicked.connect(lambda _item: restore.click())
        layout = QVBoxLayout(dialog)
        layout.addWidget(label)
        layout.addWidget(choices)
        layout.addWidget(buttons)
        dialog.exec()
        if chosen == [RESTORE] and choices.currentRow() >= 0:
            return RESTORE, choices.currentRow()
        if chosen == [DISCARD]:
            return DISCARD, None
        return LATER, None

    def case_in_use(self, name: str, holder: str) -> str:
        """Another session has the case open: READ_ONLY, OPEN_ANYWAY or CANCEL."""
        from PySide6.QtWidgets import QMessageBox

        box = self._box(QMessageBox.Icon.Warning, _tr("Case already open"),
                        _tr("{name} is open in another DDx Assistant ({holder}).")
                        .format(name=name, holder=holder),
                        _tr("If both save, the last save wins and the other's changes are "
                            "lost. Open it read-only to look without saving over it."))
        return _safe_risky_or_cancel(box, (_tr("Open Read-Only"), READ_ONLY),
                                     (_tr("Open Anyway"), OPEN_ANYWAY))

    def changed_on_disk(self, name: str) -> str:
        """The file changed since it was opened or saved: OVERWRITE, SAVE_AS or CANCEL."""
        from PySide6.QtWidgets import QMessageBox

        box = self._box(QMessageBox.Icon.Warning, _tr("File changed on disk"),
                        _tr("{name} was changed by another program or session since you "
                            "opened or last saved it.").format(name=name),
                        _tr("Overwriting replaces those changes with yours."))
        return _safe_risky_or_cancel(box, (_tr("Save As…"), SAVE_AS),
                                     (_tr("Overwrite"), OVERWRITE))

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


def _safe_risky_or_cancel(box, safe: tuple[str, str], risky: tuple[str, str]) -> str:
    """Run a question with a safe default, a destructive choice and Cancel; the answer."""
    from PySide6.QtWidgets import QMessageBox

    safe_button = box.addButton(safe[0], QMessageBox.ButtonRole.AcceptRole)
    risky_button = box.addButton(risky[0], QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(safe_button)
    box.exec()
    clicked = box.clickedButton()
    return safe[1] if clicked is safe_button else risky[1] if clicked is risky_button \
        else CANCEL
