"""How a numeric finding's value reads, with its unit: one function for every front end.

The checklist, the evidence table, quick entry's preview, reports and summaries all call
:func:`value_text` (a recorded number in words: "30 years", "14 months", "210 mg/dL",
"15 %", "60/HPF"), so that they never disagree. Everything it needs is knowledge-base
data (findings.yaml):

* the unit: the finding's ``unit`` in the reader's language when it is short ("years",
  "mg/dL"), else the first of its ``units`` with factor 1 ("%" for "% of lesional cells",
  "/HPF" for "IgG4+ plasma cells per HPF");
* ``display_below``: values under a threshold read in another of the finding's units (an
  age under 2 years in months: 1.17 -> "14 months"). Only the text changes; the case
  keeps the value in the finding's own unit.

:func:`unit_choices` lists the units a number may be typed in (one per conversion factor:
years, months, weeks, days), for the checklist's number editor.

Annotations are evaluated, not postponed (see knowledge/model.py).
"""

from typing import Any, NamedTuple

from .knowledge.model import Finding, text

# A unit longer than this ("% of lesional cells") reads as a sentence after a number; the
# first of the finding's factor-1 ``units`` ("%") is written instead.
SHORT_UNIT = 12


class Shown(NamedTuple):
    """A value as it is shown: the number, its unit's text and its key in ``units``."""

    number: float
    unit: str  # "" when the finding has none
    key: str | None  # the ``units`` key of that unit (None: the finding's own unit)


def number_text(v: float, decimals: int = 6) -> str:
    """A number without exponent or trailing zeros: 210, 1.17, 0.5."""
    if isinstance(v, int) or float(v).is_integer():
        return str(int(v))
    return f"{v:.{decimals}f}".rstrip("0").rstrip(".")


def with_unit(value: float, unit: str | None, decimals: int = 6) -> str:
    """'15 %', '60/HPF', '1.17 years'."""
    n = number_text(value, decimals)
    if not unit:
        return n
    return n + unit if unit.startswith("/") else f"{n} {unit}"


def unit_text(f: Finding, lang: str = "en") -> str:
    """The unit written after a value of ``f`` (see the module's docstring)."""
    full = text(f.unit, lang)
    if full and len(full) <= SHORT_UNIT:
        return full
    return f.display_unit or full


def shown(f: Finding, value: float, lang: str = "en") -> Shown:
    """``value`` (in the finding's unit) as it is shown: in ``display_below``'s unit when
    it is under that rule's threshold, else as recorded."""
    rule = f.display_below
    if rule is not None and isinstance(value, (int, float)) and 0 <= value < rule.value:
        number = round(value / rule.factor, rule.decimals)
        if number == 0 and value > 0:  # never "0 months" for a value recorded above zero
            number = round(value / rule.factor, rule.decimals + 2)
        if float(number).is_integer():
            number = int(number)
        return Shown(number, text(rule.label, lang) or rule.unit, rule.unit)
    return Shown(value, unit_text(f, lang), None)


def value_text(f: Finding, value: Any, lang: str = "en") -> str:
    """A recorded number with its unit: '30 years', '14 months', '210 mg/dL', '15 %'.

    Not a number (a state of a categorical finding, or a broken value): ``str(value)``;
    states read through ``Finding.state_label``.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    s = shown(f, value, lang)
    return with_unit(s.number, s.unit)


def unit_choices(f: Finding, lang: str = "en") -> list[tuple[str, str, float]]:
    """(key in ``units``, text, factor) of each unit a value of ``f`` may be typed in: the
    first key of each factor, the finding's own unit first ([('years', 'years', 1),
    ('months', 'months', 0.083), ...]); one entry (or none) when there is no choice."""
    out: list[tuple[str, str, float]] = []
    factors: set[float] = set()
    rule = f.display_below
    for key, factor in f.units.items():
        if factor in factors:
            continue
        factors.add(factor)
        if factor == 1:
            label = unit_text(f, lang)
        elif rule is not None and key == rule.unit:
            label = text(rule.label, lang) or key
        else:
            label = key
        out.append((key, label, factor))
    out.sort(key=lambda c: c[2] != 1)  # stable: the finding's own unit first
    return out
