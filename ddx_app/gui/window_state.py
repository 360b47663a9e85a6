"""Window geometry and splitter sizes, restored from settings and clamped on screen.

Without saved sizes the columns and panes are laid out for the window's size
(:meth:`WindowStateMixin.fit_panes`): on a 1024×700 screen the checklist keeps room for
its labels and the differential shows at least :data:`DIFFERENTIAL_ROWS` entities; on a
1920×1080 one the evidence and compare tabs get the widest column and the differential
shows every entity. The case form's fold (case_form.py) is remembered too.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter

DIFFERENTIAL_ROWS = 6  # entities the differential always shows without scrolling
# the columns' share of the window's width (checklist, analysis, evidence) and the
# bounds of the first two in pixels; the evidence takes the rest
COLUMN_SHARE = (0.27, 0.29)
COLUMN_PIXELS = ((340, 560), (300, 560))
COLUMN_STRETCH = (2, 2, 3)  # how a later resize shares out (the evidence most)
# the analysis column's panes: differential, warnings and workup, next best tests
MIDDLE_SHARE = (0.42, 0.34, 0.24)
CASE_FORM_KEY = "window/case_form_collapsed"


class WindowStateMixin:
    """For :class:`.main_window.MainWindow`: expects ``self.settings`` and ``splitters()``."""

    def splitters(self) -> dict[str, QSplitter]:
        raise NotImplementedError

    def restore_window_state(self) -> None:
        geometry = self.settings.state("geometry")
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1400, 900)
        self.clamp_to_screen()
        self.fit_panes()
        self._panes_fitted = True  # sizes follow the window's size until set otherwise
        for name, splitter in self.splitters().items():
            state = self.settings.state(name)
            if not state.isEmpty():
                splitter.restoreState(state)
                self._panes_fitted = False
            splitter.splitterMoved.connect(self._panes_moved)
        form = getattr(self, "case_form", None)
        if form is not None:
            form.set_collapsed(self.settings.qsettings.value(CASE_FORM_KEY, False, type=bool))

    def _panes_moved(self, _pos: int, _index: int) -> None:
        self._panes_fitted = False  # the user's sizes from now on

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if getattr(self, "_panes_fitted", False):
            self.fit_panes()

    def fit_panes(self) -> None:
        """Splitter sizes for the window's current size (see the module docstring), and
        a differential that can never be squeezed below :data:`DIFFERENTIAL_ROWS` rows."""
        width, height = self.width(), self.height()
        main = getattr(self, "main_splitter", None)
        if main is not None and main.count() == 3:
            handles = 2 * main.handleWidth()
            left, middle = (min(max(int(width * share), lo), hi) for share, (lo, hi)
                            in zip(COLUMN_SHARE, COLUMN_PIXELS))
            main.setSizes([left, middle, max(200, width - handles - left - middle)])
            for i, factor in enumerate(COLUMN_STRETCH):
                main.setStretchFactor(i, factor)
        view = getattr(self, "differential_view", None)
        full = 0  # the differential pane's height with every entity shown
        if view is not None:
            rows = view.model().rowCount() if view.model() is not None else 0
            row = view.sizeHintForRow(0) if rows else view.fontMetrics().height() + 6
            frame = view.header().sizeHint().height() + 2 * view.frameWidth() + 2
            view.setMinimumHeight(frame + row * DIFFERENTIAL_ROWS)
            pane = getattr(self, "differential_panel", None)
            if pane is not None and pane.height() > view.height() > 0:
                full = pane.height() - view.height() + frame + row * rows
        middle_split = getattr(self, "middle_splitter", None)
        if middle_split is not None and middle_split.count() == len(MIDDLE_SHARE):
            usable = middle_split.height() if middle_split.height() > 100 \
                else max(300, height - 140)  # not laid out yet: menu, status bar, margins
            first = int(usable * MIDDLE_SHARE[0])
            if full:  # every entity when that takes at most half the column
                first = max(first, min(full, usable // 2))
            rest = usable - first
            second = int(rest * MIDDLE_SHARE[1] / (MIDDLE_SHARE[1] + MIDDLE_SHARE[2]))
            middle_split.setSizes([first, second, rest - second])
            for i, factor in enumerate((3, 2, 1)):
                middle_split.setStretchFactor(i, factor)

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
        form = getattr(self, "case_form", None)
        if form is not None:
            self.settings.qsettings.setValue(CASE_FORM_KEY, form.collapsed)
        for name, splitter in self.splitters().items():
            self.settings.set_state(name, splitter.saveState())
        self.settings.sync()
