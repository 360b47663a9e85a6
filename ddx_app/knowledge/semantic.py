"""Semantic checks across knowledge-base files: what a schema cannot say.

Dangling ids, duplicate ids, unknown sources, probabilities that do not sum to
1 over a finding's states, bins that overlap or leave gaps, workup steps that
loop, and (when ``require_complete``) missing likelihood cells. Each problem is
located by file and line through the files' line maps.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import Problem
from ..yamlio import LineMap, YamlPath
from .conditions import check_condition, findings_in
from .model import NUMERIC, Finding

SUM_TOLERANCE = 1e-3


@dataclass
class RawFile:
    """One parsed YAML file: its label (relative path), data and line map."""

    label: str
    data: dict
    lines: LineMap


class Checker:
    """Collects problems; ``at(file, path)`` locates them."""

    def __init__(self):
        self.problems: list[Problem] = []

    def error(self, f: RawFile, path: tuple, message: str) -> None:
        self.problems.append(Problem(f.label, f.lines.line_of(path), message))

    def warn(self, f: RawFile, path: tuple, message: str) -> None:
        self.problems.append(Problem(f.label, f.lines.line_of(path), message, "warning"))


def _duplicates(items: list[dict], f: RawFile, path: tuple, what: str, ck: Checker) -> None:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item["id"] in seen:
            ck.error(f, (*path, i, "id"), f"duplicate {what} id {item['id']!r}")
        seen.add(item["id"])


def check_findings(f: RawFile, catalogue: dict[str, Finding], ck: Checker) -> None:
    data = f.data
    kinds = data["kinds"]
    labels = data["state_labels"]
    _duplicates(data["groups"], f, ("groups",), "group", ck)
    _duplicates(data["findings"], f, ("findings",), "finding", ck)
    group_ids = {g["id"] for g in data["groups"]}
    used_groups = set()
    for kind_id, kind in kinds.items():
        if kind_id in (NUMERIC, "categorical"):
            ck.error(f, ("kinds", kind_id), f"{kind_id!r} is built in and cannot be redefined")
        for state in [*kind["states"], *kind.get("aliases", {})]:
            if state not in labels:
                ck.error(f, ("kinds", kind_id), f"state {state!r} has no entry in state_labels")
        for union, covered in kind.get("unions", {}).items():
            if union in kind["states"] or union in kind.get("aliases", {}):
                ck.error(f, ("kinds", kind_id, "unions", union),
                         f"union {union!r} is also a state or an alias of {kind_id}")
            if union not in labels:
                ck.error(f, ("kinds", kind_id), f"state {union!r} has no entry in state_labels")
            for state in covered:
                if state not in kind["states"]:
                    ck.error(f, ("kinds", kind_id, "unions", union),
                             f"union {union!r} covers {state!r}, not a state of {kind_id}")
        for alias, target in kind.get("aliases", {}).items():
            if target not in kind["states"]:
                ck.error(f, ("kinds", kind_id, "aliases", alias),
                         f"alias {alias!r} points to {target!r}, not a state of {kind_id}")
        if len(set(kind["states"])) != len(kind["states"]):
            ck.error(f, ("kinds", kind_id, "states"), "a state is listed twice")
    for role, states in data.get("state_roles", {}).items():
        listed = states if role == "pertinent_negative" else \
            [s for group in states.values() for s in group]
        for state in listed:
            if state not in labels:
                ck.error(f, ("state_roles", role), f"state {state!r} has no entry in state_labels")
    for i, item in enumerate(data["findings"]):
        path = ("findings", i)
        used_groups.add(item["group"])
        if item["group"] not in group_ids:
            ck.error(f, (*path, "group"), f"unknown group {item['group']!r}")
        kind = item["kind"]
        if kind == NUMERIC:
            for key in ("range", "bins"):
                if key not in item:
                    ck.error(f, path, f"numeric finding {item['id']} needs {key!r}")
            if "states" in item:
                ck.error(f, (*path, "states"), "a numeric finding takes bins, not states")
            if "range" in item and "bins" in item:
                _check_bins(item, f, path, ck)
        elif kind == "categorical":
            if "states" not in item:
                ck.error(f, path, f"categorical finding {item['id']} needs 'states'")
            for state in item.get("states", []):
                if state not in labels:
                    ck.error(f, (*path, "states"), f"state {state!r} has no entry in state_labels")
        elif kind not in kinds:
            ck.error(f, (*path, "kind"), f"unknown kind {kind!r} (expected one of "
                     f"{', '.join([*kinds, 'categorical', NUMERIC])})")
        elif "states" in item or "bins" in item:
            ck.error(f, path, f"kind {kind!r} defines the states; remove 'states'/'bins'")
        if "applies_if" in item:
            _report_condition(item["applies_if"], catalogue, (*path, "applies_if"), f, ck)
            if item["id"] in findings_in(item["applies_if"]):
                ck.error(f, (*path, "applies_if"), f"{item['id']} cannot depend on itself")
    for i, g in enumerate(data["groups"]):
        if g["id"] not in used_groups:
            ck.warn(f, ("groups", i, "id"), f"group {g['id']!r} has no findings")
    check_entry(f, catalogue, ck)


_ENTRY_KEYS = ("units", "decimals", "query_fraction", "display_below")


def check_entry(f: RawFile, catalogue: dict[str, Finding], ck: Checker) -> None:
    """Quick entry: ``units`` (and ``decimals``, ``query_fraction``) only on numeric
    findings, no unit twice (units are read without regard to case) nor starting with a
    digit; ``entry`` names known states; no finding has two states one word stands for;
    a name shared by two findings (label with label, or synonym with synonym) is reported,
    since quick entry then has to ask which is meant."""
    data = f.data
    labels = data["state_labels"]
    for i, item in enumerate(data["findings"]):
        path = ("findings", i)
        if item["kind"] != NUMERIC:
            for key in _ENTRY_KEYS:
                if key in item:
                    ck.error(f, (*path, key), f"{key!r} is for numeric findings only")
            continue
        seen: dict[str, str] = {}
        for unit in item.get("units", {}):
            key = unit.casefold()
            if key in seen:
                ck.error(f, (*path, "units", unit), f"unit {unit!r} is listed twice (as "
                         f"{seen[key]!r}: units are read without regard to case)")
            seen[key] = unit
            if unit[0].isdigit() or unit[0] in ".,":
                ck.error(f, (*path, "units", unit),
                         f"unit {unit!r} starts with a digit: it could not follow a number")
        below = item.get("display_below")
        if below and below["unit"] not in item.get("units", {}):
            ck.error(f, (*path, "display_below", "unit"),
                     f"display_below unit {below['unit']!r} is not one of the finding's units")
    entry = data.get("entry") or {}
    for state in entry.get("states", {}):
        if state not in labels:
            ck.error(f, ("entry", "states", state),
                     f"state {state!r} has no entry in state_labels")
    for state in entry.get("named_alone", ()):
        if state not in labels:
            ck.error(f, ("entry", "named_alone"), f"state {state!r} has no entry in state_labels")
    words: dict[str, set[str]] = {}
    for state, langs in entry.get("states", {}).items():
        for lang_words in langs.values():
            for word in lang_words:
                words.setdefault(" ".join(word.casefold().split()), set()).add(state)
    state_ids = {s for x in catalogue.values() if not x.is_numeric for s in x.accepted_values}
    for lang, lang_words in entry.get("before_name", {}).items():
        for j, word in enumerate(lang_words):
            key = " ".join(word.casefold().split())
            if key not in words and key not in state_ids:
                ck.error(f, ("entry", "before_name", lang, j),
                         f"{word!r} is not a word of entry.states: it records no state")
    accepted = {fid: set(x.accepted_values) for fid, x in catalogue.items() if not x.is_numeric}
    reported: set[tuple[str, str]] = set()
    for word, states in words.items():
        if len(states) < 2:
            continue
        for fid, values in accepted.items():
            both = sorted(states & values)
            if len(both) > 1 and (word, fid) not in reported:
                reported.add((word, fid))
                ck.error(f, ("entry", "states", both[1]),
                         f"the word {word!r} would record both {both[0]!r} and {both[1]!r} "
                         f"for {fid}: list it under one of them")
    _check_shared_names(f, ck)


def _check_shared_names(f: RawFile, ck: Checker) -> None:
    """Warn when two findings share a label, or a synonym (a label outranks a synonym)."""
    for kind, key in (("label", "label"), ("synonym", "synonyms")):
        owners: dict[str, list[tuple[int, str]]] = {}
        for i, item in enumerate(f.data["findings"]):
            value = item.get(key) or {}
            names = {" ".join(str(v).casefold().split())
                     for lang, v in value.items()} if kind == "label" else \
                {" ".join(w.casefold().split()) for ws in value.values() for w in ws}
            for name in names:
                owners.setdefault(name, []).append((i, item["id"]))
        for name, found in owners.items():
            ids = sorted({fid for _, fid in found})
            if len(ids) > 1:
                ck.warn(f, ("findings", found[-1][0], key),
                        f"the {kind} {name!r} names {' and '.join(ids)}: quick entry asks "
                        "which one is meant")


def _check_bins(item: dict, f: RawFile, path: tuple, ck: Checker) -> None:
    lo, hi = item["range"]
    if lo >= hi:
        ck.error(f, (*path, "range"), f"range [{lo}, {hi}] is empty")
        return
    bins = item["bins"]
    _duplicates(bins, f, (*path, "bins"), "bin", ck)
    expected = lo
    for j, b in enumerate(bins):
        bpath = (*path, "bins", j)
        if b["min"] >= b["max"]:
            ck.error(f, bpath, f"bin {b['id']!r}: min {b['min']} is not below max {b['max']}")
        if b["min"] > expected:
            ck.error(f, (*bpath, "min"),
                     f"bins leave a gap: nothing covers [{expected:g}, {b['min']:g})")
        elif b["min"] < expected:
            ck.error(f, (*bpath, "min"),
                     f"bin {b['id']!r} overlaps the previous bin (starts at {b['min']:g}, "
                     f"previous ends at {expected:g})")
        expected = b["max"]
    if expected != hi:
        ck.error(f, (*path, "bins", len(bins) - 1, "max"),
                 f"bins end at {expected:g} but the range ends at {hi:g}")


def check_provenance(obj: dict, f: RawFile, path: tuple, sources: set[str], ck: Checker,
                     required: bool = True) -> None:
    has_source = "source" in obj
    expert = obj.get("expert_estimate") is True
    if has_source and expert:
        ck.error(f, (*path, "source"), "give either a source or expert_estimate: true, not both")
    elif has_source and obj["source"] not in sources:
        ck.error(f, (*path, "source"), f"unknown source id {obj['source']!r} (not in sources.yaml)")
    elif required and not has_source and not expert:
        ck.error(f, path, "a figure needs a source id or expert_estimate: true")


def check_entity(f: RawFile, catalogue: dict[str, Finding], sources: set[str],
                 require_complete: bool, ck: Checker) -> None:
    data = f.data
    stem = f.label.rsplit("/", 1)[-1].removesuffix(".yaml")
    if data["id"] != stem:
        ck.error(f, ("id",), f"entity id {data['id']!r} must match the file name {stem!r}")
    check_provenance(data["prevalence"], f, ("prevalence",), sources, ck)
    for fid, cell in data["likelihoods"].items():
        _check_cell(fid, cell, f, catalogue, sources, ck)
    if require_complete:
        missing = [fid for fid in catalogue if fid not in data["likelihoods"]]
        for fid in missing:
            ck.error(f, ("likelihoods",), f"no likelihood for finding {fid!r} "
                     "(require_complete is on: give a figure or an expert estimate)")
    for kind in ("criteria", "workups"):
        _duplicates(data.get(kind, []), f, (kind,), kind[:-1], ck)
    for i, crit in enumerate(data.get("criteria", [])):
        path = ("criteria", i)
        check_provenance(crit, f, path, sources, ck, required=False)
        _report_condition(crit["rule"], catalogue, (*path, "rule"), f, ck)
    urgency = data.get("urgency")
    if urgency:
        check_provenance(urgency, f, ("urgency",), sources, ck)
        for j, fid in enumerate(urgency.get("panel", [])):
            if fid not in catalogue:
                ck.error(f, ("urgency", "panel", j), f"unknown finding {fid!r}")
    _duplicates(data.get("exclusions", []), f, ("exclusions",), "exclusion", ck)
    for i, excl in enumerate(data.get("exclusions", [])):
        path = ("exclusions", i)
        check_provenance(excl, f, path, sources, ck)
        _report_condition(excl["rule"], catalogue, (*path, "rule"), f, ck)
    for i, workup in enumerate(data.get("workups", [])):
        _check_workup(workup, f, ("workups", i), catalogue, sources, ck)


def _check_cell(fid: str, cell: dict, f: RawFile, catalogue: dict[str, Finding],
                sources: set[str], ck: Checker) -> None:
    path = ("likelihoods", fid)
    finding = catalogue.get(fid)
    if finding is None:
        ck.error(f, path, f"unknown finding {fid!r} (not in findings.yaml)")
        return
    check_provenance(cell, f, path, sources, ck)
    probs = {k: v for k, v in cell.items() if k not in ("source", "expert_estimate", "note",
                                                        "counts")}
    for state in probs:
        if state not in finding.states:
            hint = " (aliases such as focal/diffuse take the 'positive' figure)" \
                if state in finding.aliases else \
                f" (a union: give {' and '.join(finding.unions[state])})" \
                if state in finding.unions else ""
            ck.error(f, (*path, state), f"{state!r} is not a state of {fid} (states: "
                     f"{', '.join(finding.states)}){hint}")
    known = {s: p for s, p in probs.items() if s in finding.states}
    missing = [s for s in finding.states if s not in known]
    total = sum(known.values())
    if not missing and abs(total - 1.0) > SUM_TOLERANCE:
        ck.error(f, path, f"probabilities of {fid} sum to {total:.4g}, not 1")
    elif len(missing) == 1 and total > 1.0 + SUM_TOLERANCE:
        ck.error(f, path, f"probabilities of {fid} already sum to {total:.4g}; "
                 f"nothing is left for {missing[0]!r}")
    elif len(missing) > 1:
        ck.error(f, path, f"give every state of {fid} or leave out exactly one "
                 f"(missing: {', '.join(missing)})")
    counts = cell.get("counts")
    if counts:
        n = counts["n"]
        for state, k in counts.items():
            if state != "n" and state not in finding.scored_states:
                ck.error(f, (*path, "counts", state), f"counts: {state!r} is not a state of {fid}")
            elif state != "n" and k > n:
                ck.error(f, (*path, "counts", state), f"counts: {k} of {n} is more than all")
        if sum(k for s, k in counts.items() if s in finding.states) > n:
            ck.error(f, (*path, "counts"), f"counts add up to more than n = {n}")
        if n == 0:
            ck.error(f, (*path, "counts", "n"), "counts: n must be at least 1")


def _check_workup(workup: dict, f: RawFile, path: tuple, catalogue: dict[str, Finding],
                  sources: set[str], ck: Checker) -> None:
    check_provenance(workup, f, path, sources, ck, required=False)
    if "when" in workup:
        _report_condition(workup["when"], catalogue, (*path, "when"), f, ck)
    steps = {s["id"]: s for s in workup["steps"]}
    _duplicates(workup["steps"], f, (*path, "steps"), "step", ck)
    if workup["start"] not in steps:
        ck.error(f, (*path, "start"), f"start step {workup['start']!r} does not exist")
    for i, step in enumerate(workup["steps"]):
        spath = (*path, "steps", i)
        finding = catalogue.get(step["finding"])
        if finding is None:
            ck.error(f, (*spath, "finding"), f"unknown finding {step['finding']!r}")
            continue
        if finding.unions:
            ck.error(f, (*spath, "finding"), f"{finding.id} is graded "
                     f"({', '.join(finding.accepted_values)}): a workup step needs a finding "
                     "whose results exclude each other")
        for state, outcome in step["outcomes"].items():
            where = (*spath, "outcomes", state)
            if state not in finding.states:
                ck.error(f, where, f"{state!r} is not a state of {finding.id}")
            if "next" in outcome and outcome["next"] not in steps:
                ck.error(f, where, f"next step {outcome['next']!r} does not exist")
        for state in finding.states:
            if state not in step["outcomes"]:
                ck.error(f, (*spath, "outcomes"), f"no outcome for {finding.id} = {state!r}")
    # the algorithm must be a tree: following 'next' from start never returns to a step
    for cycle_start in _cycles(workup["start"], steps):
        ck.error(f, (*path, "steps"), f"workup steps loop back to {cycle_start!r}")


def _cycles(start: str, steps: dict) -> Iterator[str]:
    """The first step a workup loops back to, if any (at most one is reported).

    Depth-first search with white/grey/black colouring: a step is grey while it is on
    the current path and black once everything after it has been searched, so each
    step and each outcome is looked at once (linear time; walking every path instead
    is exponential in a long loop-free workup). A loop exists exactly when an outcome
    leads back to a grey step, which is the step reported."""
    def following(node: str) -> list[str]:
        nexts = (o.get("next") for o in steps.get(node, {}).get("outcomes", {}).values())
        return [n for n in nexts if n is not None and n in steps]

    grey: set[str] = set()
    black: set[str] = set()
    stack: list = []

    def enter(node: str) -> str | None:
        """Make ``node`` grey; the first step it leads back to, if any."""
        grey.add(node)
        after = following(node)
        stack.append((node, iter(reversed(after))))  # last outcome first, as before
        return next((n for n in after if n in grey), None)

    loop = enter(start)
    while stack and loop is None:
        node, children = stack[-1]
        for nxt in children:
            if nxt not in grey and nxt not in black:
                loop = enter(nxt)
                break
        else:
            stack.pop()
            grey.discard(node)
            black.add(node)
    if loop is not None:
        yield loop


def check_manifest(f: RawFile, catalogue: dict[str, Finding], sources: set[str],
                   ck: Checker) -> None:
    for block in ("engine", "report", "display", "practice"):
        settings = f.data.get(block) or {}
        if "source" in settings and settings["source"] not in sources and \
                settings["source"] != "expert_estimate":
            ck.error(f, (block, "source"), f"unknown source id {settings['source']!r}")
    for key in ("red_flags", "mimics"):
        _duplicates(f.data.get(key, []), f, (key,), key[:-1].replace("_", " "), ck)
    path: YamlPath
    for i, flag in enumerate(f.data.get("red_flags", [])):
        path = ("red_flags", i)
        check_provenance(flag, f, path, sources, ck, required=False)
        _report_condition(flag["when"], catalogue, (*path, "when"), f, ck)
        for j, fid in enumerate(flag.get("panel", [])):
            if fid not in catalogue:
                ck.error(f, (*path, "panel", j), f"unknown finding {fid!r}")
        if "resolved_when" in flag:
            _report_condition(flag["resolved_when"], catalogue, (*path, "resolved_when"), f, ck)
    _check_display(f, ck)
    patterns = f.data.get("engine", {}).get("outside", {}).get("patterns", [])
    _duplicates(patterns, f, ("engine", "outside", "patterns"), "outside pattern", ck)
    for i, pattern in enumerate(patterns):
        path = ("engine", "outside", "patterns", i)
        check_provenance(pattern, f, path, sources, ck, required=False)
        _report_condition(pattern["when"], catalogue, (*path, "when"), f, ck)
    _check_priors(f, catalogue, sources, ck)
    _check_dependence(f, catalogue, sources, ck)
    _check_practice(f, catalogue, ck)
    for i, mimic in enumerate(f.data.get("mimics", [])):
        path = ("mimics", i)
        check_provenance(mimic, f, path, sources, ck, required=False)
        for j, cond in enumerate(mimic.get("suggested_by", [])):
            _report_condition(cond, catalogue, (*path, "suggested_by", j), f, ck)


def _report_condition(cond: dict, catalogue: dict[str, Finding], path: tuple, f: RawFile,
                      ck: Checker) -> None:
    """Every wrong reference in a condition (criteria, flags, mimics, presets...)."""
    for sub, message in check_condition(cond, catalogue, path):
        ck.error(f, sub, message)


def _check_priors(f: RawFile, catalogue: dict[str, Finding], sources: set[str],
                  ck: Checker) -> None:
    priors = f.data.get("priors")
    if not priors:
        return
    _duplicates(priors["presets"], f, ("priors", "presets"), "prior preset", ck)
    ids = {p["id"] for p in priors["presets"]}
    if priors["default"] not in ids:
        ck.error(f, ("priors", "default"), f"default preset {priors['default']!r} is not "
                 f"defined (expected one of {', '.join(sorted(ids))})")
    for i, preset in enumerate(priors["presets"]):
        path = ("priors", "presets", i)
        check_provenance(preset, f, path, sources, ck, required=False)
        for j, cond in enumerate(preset.get("assumes", [])):
            _report_condition(cond, catalogue, (*path, "assumes", j), f, ck)
            finding = catalogue.get(cond["finding"])
            if finding is not None and cond["is"] not in finding.states:
                ck.error(f, (*path, "assumes", j, "is"), f"an assumption names a state of "
                         f"{finding.id} ({', '.join(finding.states)}), not {cond['is']!r}")
        if "selected_by" in preset:
            _report_condition(preset["selected_by"], catalogue, (*path, "selected_by"), f, ck)
        for j, fid in enumerate(preset.get("ignores", [])):
            if fid not in catalogue:
                ck.error(f, (*path, "ignores", j), f"unknown finding {fid!r}")


def _check_dependence(f: RawFile, catalogue: dict[str, Finding], sources: set[str],
                      ck: Checker) -> None:
    dep = f.data.get("dependence")
    if not dep:
        return
    _duplicates(dep["groups"], f, ("dependence", "groups"), "dependence group", ck)
    owner: dict[str, str] = {}
    for i, group in enumerate(dep["groups"]):
        path = ("dependence", "groups", i)
        check_provenance(group, f, path, sources, ck)
        for j, fid in enumerate(group["findings"]):
            if fid not in catalogue:
                ck.error(f, (*path, "findings", j), f"unknown finding {fid!r}")
            elif fid in owner:
                ck.error(f, (*path, "findings", j), f"{fid!r} is already in dependence group "
                         f"{owner[fid]!r}: a finding belongs to one group at most")
            else:
                owner[fid] = group["id"]


def _check_display(f: RawFile, ck: Checker) -> None:
    """Verbal bands: highest lower bound first, strictly falling, the last at 0 (every
    probability gets a band)."""
    display = f.data.get("display")
    if not display:
        return
    for key, what in (("bands", "probability"), ("gain_bands", "expected gain")):
        bands = display.get(key, [])
        _duplicates(bands, f, ("display", key), "band", ck)
        for i in range(1, len(bands)):
            if bands[i]["at_least"] >= bands[i - 1]["at_least"]:
                ck.error(f, ("display", key, i, "at_least"), "bands go from the highest lower "
                         f"bound down: {bands[i]['at_least']:g} is not below "
                         f"{bands[i - 1]['at_least']:g}")
        if bands and bands[-1]["at_least"] != 0:
            ck.error(f, ("display", key, len(bands) - 1, "at_least"),
                     f"the last band must start at 0, so that every {what} has a band")


# The {fields} each text of kb.yaml ``practice.history`` may use.
_HISTORY_FIELDS = {"lesion_only": {"opening"}, "with_findings": {"opening", "findings"},
                   "not_present": {"findings"}, "results": {"findings"},
                   "result": {"label", "state"}, "number": {"label", "value", "unit"},
                   "list_separator": set(), "child": {"age"}, "adult": {"age"},
                   "no_age": set()}


def _check_fields(text: dict, allowed: set[str], f: RawFile, path: tuple, ck: Checker) -> None:
    """Every language of a practice wording uses only the {fields} its place fills in."""
    for lang, words in text.items():
        try:
            used = {name for _, name, _, _ in string.Formatter().parse(words) if name is not None}
        except ValueError:
            ck.error(f, (*path, lang), f"unmatched brace in {words!r} (write {{{{ for a brace)")
            continue
        for name in sorted(used - allowed):
            expected = ", ".join(f"{{{a}}}" for a in sorted(allowed)) or "no fields"
            ck.error(f, (*path, lang), f"unknown field {{{name}}} (expected {expected})")


def _check_practice(f: RawFile, catalogue: dict[str, Finding], ck: Checker) -> None:
    """The findings, groups and states kb.yaml ``practice`` names exist and fit their use."""
    practice = f.data.get("practice")
    if not practice:
        return
    groups = {x.group for x in catalogue.values()}
    states = {s for x in catalogue.values() for s in x.states}

    def finding(path: tuple, fid: str, kind: str | None = None) -> Finding | None:
        if fid not in catalogue:
            ck.error(f, path, f"unknown finding {fid!r}")
            return None
        if kind == NUMERIC and not catalogue[fid].is_numeric:
            ck.error(f, path, f"{fid!r} is not a numeric finding")
        elif kind == "categorical" and catalogue[fid].is_numeric:
            ck.error(f, path, f"{fid!r} is numeric: it has no states to choose an opening by")
        return catalogue[fid]

    def group(path: tuple, gid: str) -> None:
        if gid not in groups:
            ck.error(f, path, f"unknown group {gid!r} (expected one of "
                     f"{', '.join(sorted(groups))})")

    def count(path: tuple, pair: list) -> None:
        if pair[0] > pair[1]:
            ck.error(f, path, f"the fewest ({pair[0]}) is more than the most ({pair[1]})")

    for i, fid in enumerate(practice.get("always_shown", [])):
        finding(("practice", "always_shown", i), fid)
    for gid, pair in practice.get("picture_counts", {}).items():
        group(("practice", "picture_counts", gid), gid)
        count(("practice", "picture_counts", gid), pair)
    if "default_count" in practice:
        count(("practice", "default_count"), practice["default_count"])
    for fid, least in practice.get("sampled_minimum", {}).items():
        found = finding(("practice", "sampled_minimum", fid), fid, NUMERIC)
        if found is not None and found.range is not None and \
                not found.range[0] <= least < found.range[1]:
            ck.error(f, ("practice", "sampled_minimum", fid), f"{least:g} is outside the "
                     f"range of {fid} ({found.range[0]:g}-{found.range[1]:g})")
    history = practice.get("history")
    if not history:
        return
    path: YamlPath = ("practice", "history")
    group((*path, "group"), history["group"])
    if "age" in history:
        finding((*path, "age", "finding"), history["age"]["finding"], NUMERIC)
    sex = finding((*path, "sex", "finding"), history["sex"]["finding"], "categorical") \
        if "sex" in history else None
    for key in ("present_state", "absent_state"):
        if key in history and history[key] not in states:
            ck.error(f, (*path, key), f"unknown state {history[key]!r}: no finding has it")
    for state, opening in history.get("openings", {}).items():
        if sex is None:
            ck.error(f, (*path, "openings", state), "openings by sex need history.sex")
        elif not sex.is_numeric and state not in sex.states:
            ck.error(f, (*path, "openings", state), f"unknown state {state!r} of {sex.id} "
                     f"(expected one of {', '.join(sex.states)})")
        for key, text in opening.items():
            _check_fields(text, _HISTORY_FIELDS[key], f, (*path, "openings", state, key), ck)
    for key, text in history.get("anyone", {}).items():
        _check_fields(text, _HISTORY_FIELDS[key], f, (*path, "anyone", key), ck)
    for key, text in history.get("wording", {}).items():
        _check_fields(text, _HISTORY_FIELDS[key], f, (*path, "wording", key), ck)


def check_entity_references(kb_file: RawFile, entity_ids: set[str], ck: Checker) -> None:
    """Entity ids that kb.yaml names (prior factors, red flags' ``about``, scopes) must exist."""
    outside = (kb_file.data.get("engine") or {}).get("outside") or {}
    for i, pattern in enumerate(outside.get("patterns", [])):
        for j, eid in enumerate(pattern.get("explained_by", [])):
            if eid not in entity_ids:
                ck.error(kb_file, ("engine", "outside", "patterns", i, "explained_by", j),
                         f"unknown entity {eid!r}")
    scopes = kb_file.data.get("scopes", [])
    _duplicates(scopes, kb_file, ("scopes",), "scope", ck)
    for i, scope in enumerate(scopes):
        if scope["id"] == "all":
            ck.error(kb_file, ("scopes", i, "id"), "'all' is built in (every entity)")
        for j, eid in enumerate(scope["entities"]):
            if eid not in entity_ids:
                ck.error(kb_file, ("scopes", i, "entities", j), f"unknown entity {eid!r}")
    for i, flag in enumerate(kb_file.data.get("red_flags", [])):
        if "about" in flag and flag["about"] not in entity_ids:
            ck.error(kb_file, ("red_flags", i, "about"), f"unknown entity {flag['about']!r}")
    for i, preset in enumerate((kb_file.data.get("priors") or {}).get("presets", [])):
        for eid in preset.get("factors", {}):
            if eid not in entity_ids:
                ck.error(kb_file, ("priors", "presets", i, "factors", eid),
                         f"unknown entity {eid!r}")


def check_sources(f: RawFile, ck: Checker) -> None:
    _duplicates(f.data["sources"], f, ("sources",), "source", ck)
    for i, src in enumerate(f.data["sources"]):
        if src["id"] == "expert_estimate":
            ck.error(f, ("sources", i, "id"),
                     "'expert_estimate' is reserved: mark figures with expert_estimate: true")
        elif src["kind"] not in ("expert_estimate", "textbook") and not (
            src.get("doi") or src.get("pmid") or src.get("url")
        ):
            ck.warn(f, ("sources", i), f"source {src['id']!r} has no DOI, PMID or URL")
