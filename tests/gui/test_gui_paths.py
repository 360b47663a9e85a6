"""The data folder of the core (platformdirs) is the one Qt gives the desktop app."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from ddx_app.gui.settings import APPLICATION, ORGANIZATION
from ddx_app.paths import DATA_FOLDER, data_dir


def test_data_folder_is_where_qt_keeps_the_apps_data(qapp, monkeypatch, tmp_path):
    """Progress, autosaves and case locks written where Qt's AppLocalDataLocation points
    (as earlier versions did) are where ``paths.data_dir()`` looks, on every platform."""
    monkeypatch.delenv("DDX_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))  # Linux; elsewhere the user's own
    assert DATA_FOLDER == (ORGANIZATION, APPLICATION)
    before = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    try:
        location = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.AppLocalDataLocation)
    finally:
        QCoreApplication.setOrganizationName(before[0])
        QCoreApplication.setApplicationName(before[1])
    assert Path(location) == data_dir()
