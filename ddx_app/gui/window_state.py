"""Window geometry and splitter sizes, restored from settings and clamped on screen."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter


class WindowStateMixin:
    """For :class:`.main_window.MainWindow`: expects ``self.settings`` and ``splitters()``."""

    def splitters(self) -> dict[str, QSplitter]:
        raise NotImplementedError

    def restore_window_state(self) -> None:
        geometry = self.settings.state("geometry")
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1400, 900)
        self.clamp_to_screen()
        for name, splitter in self.splitters().items():
            state = self.settings.state(name)
            if not state.isEmpty():
                splitter.restoreState(state)

    def clamp_to_screen(self) -> None:
        """Pull the window back onto the screen it is (mostly) on, shrinking it if needed
        (a monitor was unplugged, the resolution changed)."""
        geo = self.geometry()
        screen = QGuiApplication.screenAt(geo.center()) or QGuiApplication.primaryScreen()
        if screen is None:
            return
        avail = screen.availableGeometry()
        w, h = min(geo.width(), avail.width()), min(geo.height(), avail.height())
        x = min(max(geo.x(), avail.left()), avail.left() + avail.width() - w)
        y = min(max(geo.y(), avail.top()), avail.top() + avail.height() - h)
        if (x, y, w, h) != (geo.x(), geo.y(), geo.width(), geo.height()):
            self.setGeometry(x, y, w, h)

    def save_window_state(self) -> None:
        self.settings.set_state("geometry", self.saveGeometry())
        for name, splitter in self.splitters().items():
            self.settings.set_state(name, splitter.saveState())
        self.settings.sync()
