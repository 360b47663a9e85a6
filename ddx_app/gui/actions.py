"""One registry of the window's actions, with stable ids and texts set in retranslate().

Ids (``ddx.case.save``, ``ddx.report.export``...) never change, so menus, tests
and a future shortcut editor can refer to them; shortcuts come from
``QKeySequence.StandardKey`` where a standard one exists.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

StandardKey = QKeySequence.StandardKey


def _tr(s: str) -> str:
    return QCoreApplication.translate("Actions", s)


def _texts() -> dict[str, tuple[str, str]]:
    """id -> (menu text, status tip), translated now."""
    return {
        "ddx.case.new": (_tr("&New Case"), _tr("Start an empty case")),
        "ddx.case.open": (_tr("&Open…"), _tr("Open a case file (*.ddx.yaml)")),
        "ddx.case.save": (_tr("&Save"), _tr("Save the case")),
        "ddx.case.save_as": (_tr("Save &As…"), _tr("Save the case under a new name")),
        "ddx.recent.clear": (_tr("&Clear Recent Files"), _tr("Forget the recent files")),
        "ddx.report.export": (_tr("&Export Report…"), _tr("Export an HTML, PDF or JSON report")),
        "ddx.report.print": (_tr("&Print…"), _tr("Print a report of the case")),
        "ddx.app.quit": (_tr("&Quit"), _tr("Quit DDx Assistant")),
        "ddx.edit.undo": (_tr("&Undo"), _tr("Undo the last change")),
        "ddx.edit.redo": (_tr("&Redo"), _tr("Redo the last undone change")),
        "ddx.edit.find": (_tr("&Find Finding"), _tr("Filter the findings by name or synonym")),
        "ddx.edit.quick_entry": (_tr("&Quick Entry"),
                                 _tr("Type findings as text, e.g. SMA+ desmin- Ki67 15%")),
        "ddx.edit.copy_summary": (_tr("Copy &Summary"),
                                  _tr("Copy a plain-text summary for the laboratory system")),
        "ddx.edit.clear_findings": (_tr("C&lear All Findings"),
                                    _tr("Set every finding to not assessed")),
        "ddx.view.trainee": (_tr("&Trainee Mode"),
                             _tr("Hide the differential until you commit a diagnosis")),
        "ddx.view.stains_only": (_tr("&Stains and Tests Only"),
                                 _tr("Suggest only orderable stains and tests")),
        "ddx.view.follow_leader": (_tr("&Follow the Leader"),
                                   _tr("Unpin the entity chosen: the evidence shows the "
                                       "leading entity again")),
        "ddx.view.compare": (_tr("&Compare Leading Entities"),
                             _tr("Switch between the evidence and the leading entities "
                                 "side by side")),
        "ddx.view.kb_table": (_tr("&Comparison Table…"),
                              _tr("Entities against findings: frequencies, sources, "
                                  "what separates two entities")),
        "ddx.practice.random": (_tr("&Random Practice Case"),
                                _tr("Practise a case drawn from the knowledge base")),
        "ddx.practice.seed_series": (_tr("&Seed Series…"),
                                     _tr("The 25 cases of the seed series; open one to "
                                         "practise")),
        "ddx.practice.progress": (_tr("&Progress…"),
                                  _tr("Attempts, accuracy, stains and time per entity")),
        # ddx.prior.<name>: texts come from the knowledge base's prior presets
        "ddx.help.shortcuts": (_tr("&Keyboard Shortcuts"),
                               _tr("Every key the window answers to")),
        "ddx.help.about": (_tr("&About DDx Assistant"),
                           _tr("Version, knowledge base and sources")),
        "ddx.help.about_qt": (_tr("About &Qt"), _tr("About Qt")),
    }


class ActionRegistry(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._actions: dict[str, QAction] = {}

    def add(self, action_id: str, slot: Callable | None = None, *,
            shortcut: StandardKey | str | list | None = None,
            checkable: bool = False) -> QAction:
        if action_id in self._actions:
            raise KeyError(f"duplicate action id {action_id!r}")
        action = QAction(self.parent())
        action.setObjectName(action_id)
        action.setCheckable(checkable)
        if isinstance(shortcut, StandardKey):
            action.setShortcuts(shortcut)
        elif isinstance(shortcut, list):
            action.setShortcuts([QKeySequence(s) for s in shortcut])
        elif shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if slot is not None:
            action.triggered.connect(slot)
        self._actions[action_id] = action
        return action

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def __contains__(self, action_id: str) -> bool:
        return action_id in self._actions

    def ids(self) -> list[str]:
        return list(self._actions)

    def retranslate(self) -> None:
        texts = _texts()
        for action_id, action in self._actions.items():
            menu_text, tip = texts.get(action_id, (action_id, ""))
            action.setText(menu_text)
            action.setStatusTip(tip)
            action.setToolTip(menu_text.replace("&", "").rstrip("…"))
