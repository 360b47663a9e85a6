"""Custom item data roles shared by models, proxies, delegates and views."""

from PySide6.QtCore import Qt

_BASE = Qt.ItemDataRole.UserRole.value

FindingIdRole = _BASE + 1  # str finding id (None on group rows)
OptionsRole = _BASE + 2  # [(value or None, label)] choices of a categorical-like finding
KindRole = _BASE + 3  # "feature", "stain", "test", "categorical", "numeric"
ValueRole = _BASE + 4  # the recorded value (None = not assessed)
AssessedRole = _BASE + 5  # bool
EntityIdRole = _BASE + 6  # str entity id
ProbabilityRole = _BASE + 7  # float in [0, 1]
WeightRole = _BASE + 8  # float, signed log-likelihood ratio

# Qt's standard roles as plain ints: models compare the role on every call, and the
# views call data() for a dozen roles per cell, most of which the models do not use.
DISPLAY = Qt.ItemDataRole.DisplayRole.value
EDIT = Qt.ItemDataRole.EditRole.value
TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
FONT = Qt.ItemDataRole.FontRole.value
FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole.value
