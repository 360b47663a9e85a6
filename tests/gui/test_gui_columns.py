"""Columns on a narrow window: the name column stays readable, nothing scrolls sideways."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView

from ddx_app.gui.widgets.columns import FittedTreeView, fit_widths

COLUMNS = st.dictionaries(st.integers(1, 5), st.tuples(st.integers(0, 300), st.integers(0, 300)),
                          min_size=1, max_size=4)


@given(COLUMNS, st.integers(-100, 1200))
def test_fitted_widths_stay_between_floor_and_wanted_and_fit_when_they_can(columns, room):
    wanted = {c: max(a, b) for c, (a, b) in columns.items()}
    floors = {c: min(a, b) for c, (a, b) in columns.items()}
    widths = fit_widths(wanted, floors, room)
    assert widths.keys() == wanted.keys()
    assert all(floors[c] <= widths[c] <= wanted[c] for c in widths)
    if sum(wanted.values()) <= room:
        assert widths == wanted
    elif sum(floors.values()) <= room:
        assert sum(widths.values()) <= room
    else:
        assert widths == floors


def test_a_column_whose_floor_is_its_width_never_gives_way():
    widths = fit_widths({1: 110, 2: 108, 3: 150}, {1: 70, 2: 108, 3: 70}, room=290)
    assert widths[2] == 108
    assert sum(widths.values()) <= 290
    assert widths[3] < 150 and widths[1] < 110


def _table(qtbot) -> FittedTreeView:
    model = QStandardItemModel(3, 4)
    for row in range(3):
        for col in range(4):
            model.setItem(row, col, QStandardItem(f"cell {row}.{col}"))
    view = FittedTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setRootIsDecorated(False)
    header = view.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for col in (1, 2, 3):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
    view.fit_columns(0, {1: 110, 2: 108, 3: 150}, {1: 70, 2: 108, 3: 70}, stretch_floor=120)
    return view


def _sizes(view: FittedTreeView) -> list[int]:
    header = view.header()
    return [header.sectionSize(c) for c in range(header.count())]


def test_wide_view_keeps_the_wanted_widths(qtbot):
    view = _table(qtbot)
    view.resize(900, 300)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: _sizes(view)[1:] == [110, 108, 150])
    assert _sizes(view)[0] >= 120


def test_narrow_view_keeps_the_name_column_and_scrolls_nothing_sideways(qtbot):
    view = _table(qtbot)
    view.resize(900, 300)
    view.show()
    qtbot.waitExposed(view)
    view.resize(420, 300)
    qtbot.waitUntil(lambda: sum(_sizes(view)) <= view.viewport().width())
    name, recorded, weight, source = _sizes(view)
    assert name >= 115  # the stretch floor, give or take rounding
    assert weight == 108  # its floor is its width
    assert recorded < 110 and source < 150
    assert view.horizontalScrollBar().maximum() == 0
    view.resize(900, 300)  # room again: the wanted widths come back
    qtbot.waitUntil(lambda: _sizes(view)[1:] == [110, 108, 150])


def test_a_column_the_user_widens_keeps_its_width_while_there_is_room(qtbot):
    view = _table(qtbot)
    view.resize(1000, 300)
    view.show()
    qtbot.waitExposed(view)
    view.header().resizeSection(3, 220)  # as a drag on the header does
    view.resize(1001, 300)
    qtbot.waitUntil(lambda: _sizes(view)[3] == 220)
    assert view.columns is not None and view.columns.widths()[3] == 220
