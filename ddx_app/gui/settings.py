"""A small typed facade over QSettings: user preferences only.

Every read passes a default and a ``type=`` (QSettings hands back strings for
booleans on some platforms). Case content and case identifiers never go in here;
the recovery file lives in the data directory, not in the settings.
"""

from __future__ import annotations

import os
import re

from PySide6.QtCore import QByteArray, QSettings

from ..i18n import DEFAULT_LANGUAGE, normalise

_PRIOR_NAME = re.compile(r"[a-z0-9][a-z0-9_.-]*")  # an id, as the KB schema allows

ORGANIZATION = "DDx Assistant"
APPLICATION = "DDx Assistant"
SETTINGS_VERSION = 1
MAX_RECENT = 10


class Settings:
    """Preferences of the desktop app, persisted with QSettings (INI format everywhere)."""

    def __init__(self, qsettings: QSettings | None = None):
        self._s = qsettings or QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                         ORGANIZATION, APPLICATION)
        self._language_override: str | None = None
        if self._s.value("settings_version", 0, type=int) != SETTINGS_VERSION:
            # Version 1 is the first layout; later versions migrate old keys here.
            self._s.setValue("settings_version", SETTINGS_VERSION)

    @property
    def qsettings(self) -> QSettings:
        return self._s

    def sync(self) -> None:
        self._s.sync()

    # -- analysis ---------------------------------------------------------------------------
    @property
    def prior(self) -> str:
        """The prior chosen last (a name; the document falls back to "prevalence" when
        the knowledge base in use has no such preset)."""
        value = self._s.value("analysis/prior", "prevalence", type=str)
        return value if _PRIOR_NAME.fullmatch(value) else "prevalence"

    @prior.setter
    def prior(self, value: str) -> None:
        if not _PRIOR_NAME.fullmatch(value):
            raise ValueError(f"not a prior name: {value!r}")
        self._s.setValue("analysis/prior", value)

    @property
    def stains_only(self) -> bool:
        return self._s.value("suggestions/stains_only", True, type=bool)

    @stains_only.setter
    def stains_only(self, value: bool) -> None:
        self._s.setValue("suggestions/stains_only", bool(value))

    @property
    def language(self) -> str:
        """The app language (``ddx_app.i18n.LANGUAGES``: "en", "zh_CN") of the interface
        and of knowledge-base texts; ``ddx gui --lang`` overrides it for one run."""
        if self._language_override:
            return self._language_override
        return normalise(self._s.value("ui/language", DEFAULT_LANGUAGE, type=str))

    @language.setter
    def language(self, value: str) -> None:
        self._language_override = None
        self._s.setValue("ui/language", normalise(value))

    def override_language(self, value: str | None) -> None:
        """Use ``value`` for this run without storing it (``--lang``)."""
        self._language_override = normalise(value) if value else None

    # -- window state -----------------------------------------------------------------------
    def state(self, name: str) -> QByteArray:
        """Opaque Qt state (geometry, splitter sizes); empty when never saved."""
        return self._s.value(f"window/{name}", QByteArray(), type=QByteArray)

    def set_state(self, name: str, data: QByteArray) -> None:
        self._s.setValue(f"window/{name}", data)

    # -- recent files -----------------------------------------------------------------------
    @property
    def recent_files(self) -> list[str]:
        """Most recent first; files that no longer exist are dropped."""
        raw = self._s.value("recent/files", [], type=list) or []
        files = [str(p) for p in raw if isinstance(p, str) and p]
        existing = [p for p in files if os.path.isfile(p)]
        if existing != files:
            self._set_recent(existing)
        return existing

    def add_recent(self, path: str | os.PathLike) -> None:
        path = os.path.abspath(os.fspath(path))
        files = [p for p in self.recent_files if os.path.normcase(p) != os.path.normcase(path)]
        self._set_recent([path, *files][:MAX_RECENT])

    def clear_recent(self) -> None:
        self._set_recent([])

    def _set_recent(self, files: list[str]) -> None:
        if files:
            self._s.setValue("recent/files", files)
        else:
            self._s.remove("recent/files")
