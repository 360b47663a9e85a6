"""The condition language used by criteria sets, red flags and mimics.

A condition is three-valued: True (met), False (not met) or None (unknown,
because a finding it needs has not been assessed). Checking (against the
findings catalogue) and evaluating (against a case) live together so the two
can never disagree about what a condition means.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .model import Finding

_COMPARATORS = {
    "gt": lambda v, x: v > x,
    "ge": lambda v, x: v >= x,
    "lt": lambda v, x: v < x,
    "le": lambda v, x: v <= x,
}


def check_condition(
    cond: dict, findings: Mapping[str, Finding], path: tuple = ()
) -> Iterator[tuple[tuple, str]]:
    """Yield (path, message) for every reference a condition gets wrong."""
    if "finding" in cond:
        finding = findings.get(cond["finding"])
        if finding is None:
            yield (*path, "finding"), f"unknown finding {cond['finding']!r}"
            return
        allowed = set(finding.accepted_values) | {b.id for b in finding.bins}
        for key in ("is", "in"):
            if key in cond:
                wanted = [cond[key]] if key == "is" else cond[key]
                for state in wanted:
                    if state not in allowed:
                        yield (*path, key), (
                            f"{state!r} is not a state of {finding.id} "
                            f"(expected one of {', '.join(sorted(allowed))})"
                        )
        for key in _COMPARATORS:
            if key in cond and not finding.is_numeric:
                yield (*path, key), f"{key!r} needs a numeric finding; {finding.id} is not"
        return
    for key in ("all", "any", "of"):
        for i, sub in enumerate(cond.get(key, ())):
            yield from check_condition(sub, findings, (*path, key, i))
    if "not" in cond:
        yield from check_condition(cond["not"], findings, (*path, "not"))
    if "at_least" in cond and cond["at_least"] > len(cond["of"]):
        yield (*path, "at_least"), (
            f"at_least {cond['at_least']} of only {len(cond['of'])} conditions can never be met"
        )


def findings_in(cond: dict) -> list[str]:
    """Finding ids a condition refers to, in order of first mention."""
    seen: list[str] = []
    if "finding" in cond:
        return [cond["finding"]]
    for key in ("all", "any", "of"):
        for sub in cond.get(key, ()):
            seen += [f for f in findings_in(sub) if f not in seen]
    if "not" in cond:
        seen += [f for f in findings_in(cond["not"]) if f not in seen]
    return seen


def evaluate(cond: dict, values: Mapping[str, Any], findings: Mapping[str, Finding]) -> bool | None:
    """Evaluate a condition on a case's recorded values (raw: states or numbers).

    Returns True, False, or None when it depends on something not assessed.
    """
    if "finding" in cond:
        fid = cond["finding"]
        if "assessed" in cond:  # never unknown: whether the finding is recorded at all
            return (fid in values) == cond["assessed"]
        if fid not in values:
            return None
        value = values[fid]
        finding = findings[fid]
        for key, compare in _COMPARATORS.items():
            if key in cond:
                return compare(value, cond[key])
        state = finding.state_of(value)
        wanted = [cond["is"]] if "is" in cond else cond["in"]
        # a condition may name an alias ("diffuse"), the state itself, or a union that
        # covers it ("positive" covers a graded stain's focal and diffuse)
        return value in wanted or any(finding.covers(w, state) for w in wanted)
    if "not" in cond:
        inner = evaluate(cond["not"], values, findings)
        return None if inner is None else not inner
    if "all" in cond:
        results = [evaluate(c, values, findings) for c in cond["all"]]
        if False in results:
            return False
        return None if None in results else True
    if "any" in cond:
        results = [evaluate(c, values, findings) for c in cond["any"]]
        if True in results:
            return True
        return None if None in results else False
    results = [evaluate(c, values, findings) for c in cond["of"]]
    met = results.count(True)
    if met >= cond["at_least"]:
        return True
    if met + results.count(None) < cond["at_least"]:
        return False
    return None
