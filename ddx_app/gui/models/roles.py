"""Item data roles shared by models, proxies, delegates and views, as plain ints.

Qt's own roles and alignment flags are written as their (stable, documented) values;
models compare roles on every call, where ints are simplest and cheapest. A test
checks each value against Qt's.
"""

# Qt::ItemDataRole
DISPLAY = 0
DECORATION = 1
EDIT = 2
TOOLTIP = 3
FONT = 6
ALIGNMENT = 7  # TextAlignmentRole
ACCESSIBLE = 11  # AccessibleTextRole
USER = 256  # UserRole: custom roles start here

# Qt::AlignmentFlag / Qt::TextFlag combinations, for ALIGNMENT and QPainter.drawText
RIGHT_ALIGNED = 0x0002 | 0x0080  # AlignRight | AlignVCenter
WRAPPED_LEFT = 0x1000 | 0x0001  # TextWordWrap | AlignLeft

FindingIdRole = USER + 1  # str finding id (None on group rows)
OptionsRole = USER + 2  # [(value or None, label)] choices of a categorical-like finding
KindRole = USER + 3  # "feature", "stain", "test", "categorical", "numeric"
ValueRole = USER + 4  # the recorded value (None = not assessed)
AssessedRole = USER + 5  # bool
EntityIdRole = USER + 6  # str entity id
ProbabilityRole = USER + 7  # float in [0, 1]
WeightRole = USER + 8  # float, signed log-likelihood ratio
RankRole = USER + 9  # int, a keyed row's place in the current order
SectionRole = USER + 20  # "for" / "against" / "neutral" on the evidence table's headings
