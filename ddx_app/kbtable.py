"""The knowledge base as a comparison table, and a one-page study sheet for two entities.

``ddx kb table -o FILE.html|FILE.pdf [--entities a,b,...] [--group G]
[--sort-by-separation A B]`` and ``ddx kb table --pair A B -o sheet.pdf``; the window's
View ▸ Comparison Table shows the same :func:`build_table`.

* Entities are columns, findings rows. A two-state finding has one row, its positive
  state (present, positive; for sex, male); a finding with more states (graded keratin,
  numeric bins) has a row per state. Each cell is P(state | entity) as the knowledge base
  gives it (not clipped), printed as a percentage and coloured on a white-to-blue heat
  scale; its source (id, counts, citation) is the cell's hover text in HTML and a
  reference number in the PDF.
* ``group`` keeps the findings of one finding group (findings.yaml ``groups``:
  clinical, morphology, ihc...) or of one dependence group (kb.yaml ``dependence``).
* ``sort_by=(A, B)`` orders the rows by how well the *finding* separates A from B: the
  Jeffreys divergence J = sum_s (P(s|A) - P(s|B)) (log P(s|A) - log P(s|B)), on the
  likelihoods as the engine uses them (clipped). J is symmetric, zero when the two
  entities agree, and large when a state is common in one and rare in the other; it is
  the expected log likelihood ratio of the finding, in nats, averaged over both entities.
  Rows of one finding stay together.
* A finding used by an entity's criteria sets or exclusion criteria (entity files
  ``criteria`` and ``exclusions``) is *decisive* for it: the cell is marked ◆.

The study sheet lists the findings that separate A and B best (by J), each with the
state that separates them most, both frequencies and their sources, then each entity's
key features and pitfalls, on one page.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .knowledge.conditions import findings_in
from .knowledge.model import KnowledgeBase, Provenance, text

DECISIVE_MARK = "◆"
SHEET_ROWS = 12  # separating findings on a study sheet
SHEET_FEATURES = 3  # key features per entity on a study sheet
SHEET_PITFALLS = 2


class TableError(ValueError):
    """A bad entity, group or pair for the comparison table (one line)."""


# -- measures --------------------------------------------------------------------------
def row_states(kb: KnowledgeBase, finding: str) -> tuple[str, ...]:
    """The states a finding gets a row for: a two-state finding its positive state (the
    one that is not a pertinent negative; the first for sex), else every state."""
    f = kb.findings[finding]
    if len(f.states) == 2:
        positive = [s for s in f.states if s not in kb.pertinent_negative_states]
        return (positive[0] if positive else f.states[0],)
    return tuple(f.states)


def raw_probability(kb: KnowledgeBase, entity: str, finding: str, state: str) -> float:
    """P(state | entity) as the knowledge base gives it (not clipped)."""
    return kb.cell(entity, finding).probs[state]


def separation(kb: KnowledgeBase, a: str, b: str, finding: str) -> float:
    """Jeffreys divergence between P(. | a) and P(. | b) for one finding (nats)."""
    total = 0.0
    for s in kb.findings[finding].states:
        pa, pb = kb.likelihood(a, finding, s), kb.likelihood(b, finding, s)
        total += (pa - pb) * (math.log(pa) - math.log(pb))
    return total


def best_state(kb: KnowledgeBase, a: str, b: str, finding: str) -> str:
    """The state whose likelihood ratio between a and b is largest (either way)."""
    return max(kb.findings[finding].states,
               key=lambda s: (abs(math.log(kb.likelihood(a, finding, s))
                                  - math.log(kb.likelihood(b, finding, s))), s))


def decisive_findings(kb: KnowledgeBase, entity: str) -> set[str]:
    """Findings an entity's criteria sets and exclusion criteria refer to."""
    e = kb.entities[entity]
    out: set[str] = set()
    for rule in [c.rule for c in e.criteria] + [x.rule for x in e.exclusions]:
        out.update(findings_in(rule))
    return out


def heat(p: float) -> tuple[str, str]:
    """(background, text colour) for a frequency: white at 0 to deep blue at 1."""
    p = min(1.0, max(0.0, p))
    low, high = (255, 255, 255), (29, 78, 137)
    rgb = tuple(round(lo + (hi - lo) * p) for lo, hi in zip(low, high))
    background = "#{:02x}{:02x}{:02x}".format(*rgb)
    return background, "#ffffff" if p >= 0.55 else "#1a1a1a"


def header_lines(name: str, width: int = 10) -> list[str]:
    """A column heading in lines of about ``width`` characters: words kept whole where
    they fit, a longer word cut with a hyphen (the PDF renderer neither wraps nor
    hyphenates inside a word, so 'Glomangiopericytoma' would run into its neighbour)."""
    lines: list[str] = []
    for word in name.split():
        while len(word) > width + 2:
            cut = (len(word) + 1) // 2 if len(word) <= 2 * width else width
            lines.append(word[:cut] + "-")
            word = word[cut:]
        if lines and not lines[-1].endswith("-") and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def percent_text(p: float) -> str:
    """A knowledge-base frequency as printed in the table: whole percent, '<1%' above 0."""
    if p <= 0:
        return "0%"
    if p < 0.005:
        return "<1%"
    return f"{round(100 * p)}%"


class _Citations:
    """Source ids numbered in order of first use (the PDF's reference numbers)."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.numbers: dict[str, int] = {}

    def cite(self, provenance: Provenance) -> dict[str, Any]:
        source = provenance.source
        ref = self.numbers.setdefault(source, len(self.numbers) + 1) if source else None
        citation = self.kb.sources[source].citation if source in self.kb.sources else ""
        return {"source": source, "ref": ref, "expert_estimate": provenance.source is None,
                "label": provenance.label, "citation": citation}

    def references(self) -> list[dict[str, Any]]:
        out = []
        for sid, n in sorted(self.numbers.items(), key=lambda t: t[1]):
            s = self.kb.sources.get(sid)
            out.append({"n": n, "id": sid, "citation": s.citation if s else sid,
                        "link": s.link if s else None})
        return out


# -- the table -------------------------------------------------------------------------
def _resolve_entities(kb: KnowledgeBase, entities: Sequence[str] | None,
                      sort_by: tuple[str, str] | None) -> list[str]:
    chosen = list(entities) if entities else list(kb.entity_ids)
    for e in [*chosen, *(sort_by or ())]:
        if e not in kb.entities:
            raise TableError(f"unknown entity {e!r} (expected one of "
                             f"{', '.join(kb.entity_ids)})")
    if sort_by:
        if sort_by[0] == sort_by[1]:
            raise TableError("--sort-by-separation needs two different entities")
        chosen = [*sort_by, *(e for e in chosen if e not in sort_by)]  # the pair first
    return list(dict.fromkeys(chosen))


def _group_findings(kb: KnowledgeBase, group: str | None) -> list[str]:
    if group is None:
        return list(kb.findings)
    if group in kb.groups:
        return [f for f, x in kb.findings.items() if x.group == group]
    for g in kb.dependence_groups:
        if g.id == group:
            return [f for f in kb.findings if f in g.findings]
    names = list(kb.groups) + [g.id for g in kb.dependence_groups]
    raise TableError(f"unknown group {group!r} (expected one of {', '.join(names)})")


def build_table(kb: KnowledgeBase, entities: Sequence[str] | None = None,
                group: str | None = None, sort_by: tuple[str, str] | None = None,
                lang: str = "en") -> dict[str, Any]:
    """The comparison table as plain data (what the template, the CLI and the window
    show): ``entities``, ``rows`` (each with ``cells``), ``references``."""
    kb = kb.whole
    ids = _resolve_entities(kb, entities, sort_by)
    cites = _Citations(kb)
    decisive = {e: decisive_findings(kb, e) for e in ids}
    findings = _group_findings(kb, group)
    if sort_by:
        order = {f: i for i, f in enumerate(kb.findings)}
        scores = {f: separation(kb, sort_by[0], sort_by[1], f) for f in findings}
        findings.sort(key=lambda f: (-scores[f], order[f]))
    rows = []
    for fid in findings:
        f = kb.findings[fid]
        states = row_states(kb, fid)
        for state in states:
            cells = []
            for e in ids:
                cell = kb.cell(e, fid)
                p = raw_probability(kb, e, fid, state)
                background, colour = heat(p)
                cite = cites.cite(cell.provenance)
                counts = cell.counts_text(state)
                hover = f"{text(kb.entities[e].short_name, lang)}: {percent_text(p)}"
                hover += f" ({counts})" if counts else ""
                hover += " — " + (f"{cite['source']}: {cite['citation']}" if cite["source"]
                                  else "expert estimate")
                note = text(cell.provenance.note, lang)
                if note:
                    hover += f" — {note}"
                cells.append({"entity": e, "p": p, "percent": percent_text(p),
                              "background": background, "colour": colour, "counts": counts,
                              "decisive": fid in decisive[e], "hover": hover, **cite})
            label = text(f.label, lang)
            state_label = f.state_label(state, kb, lang)
            rows.append({
                "finding": fid, "state": state, "label": label,
                "state_label": state_label,
                "title": label if len(states) == 1 and len(f.states) == 2
                and state in ("present", "positive") else f"{label}: {state_label}",
                "group": f.group, "group_label": text(kb.groups[f.group].label, lang),
                "first_of_finding": state == states[0],
                "separation": scores[fid] if sort_by else None,
                "decisive_for": [e for e in ids if fid in decisive[e]],
                "cells": cells,
            })
    return {
        "knowledge_base": {"id": kb.id, "version": kb.version, "sha256": kb.sha256,
                           "title": text(kb.title, lang)},
        "entities": [{"id": e, "name": text(kb.entities[e].name, lang),
                      "short_name": text(kb.entities[e].short_name, lang),
                      "header": header_lines(text(kb.entities[e].short_name, lang))}
                     for e in ids],
        "group": group,
        "group_label": _group_label(kb, group, lang),
        "sort_by": list(sort_by) if sort_by else None,
        "sort_names": [text(kb.entities[e].short_name, lang) for e in sort_by]
        if sort_by else None,
        "rows": rows,
        "references": cites.references(),
        "decisive_mark": DECISIVE_MARK,
    }


def _group_label(kb: KnowledgeBase, group: str | None, lang: str) -> str | None:
    if group is None:
        return None
    if group in kb.groups:
        return text(kb.groups[group].label, lang)
    return next(text(g.label, lang) for g in kb.dependence_groups if g.id == group)


# -- the study sheet -------------------------------------------------------------------
def study_sheet(kb: KnowledgeBase, a: str, b: str, top: int = SHEET_ROWS,
                lang: str = "en") -> dict[str, Any]:
    """The findings that separate a from b best, and each entity's key features and
    pitfalls, as plain data for the study-sheet template."""
    kb = kb.whole
    for e in (a, b):
        if e not in kb.entities:
            raise TableError(f"unknown entity {e!r} (expected one of "
                             f"{', '.join(kb.entity_ids)})")
    if a == b:
        raise TableError("--pair needs two different entities")
    cites = _Citations(kb)
    decisive = decisive_findings(kb, a) | decisive_findings(kb, b)
    order = {f: i for i, f in enumerate(kb.findings)}
    scored = sorted(kb.findings, key=lambda f: (-separation(kb, a, b, f), order[f]))
    rows = []
    for fid in scored[:top]:
        f = kb.findings[fid]
        state = best_state(kb, a, b, fid)
        pa, pb = raw_probability(kb, a, fid, state), raw_probability(kb, b, fid, state)
        ratio = kb.likelihood(a, fid, state) / kb.likelihood(b, fid, state)
        rows.append({
            "finding": fid, "label": text(f.label, lang),
            "state_label": f.state_label(state, kb, lang),
            "separation": separation(kb, a, b, fid),
            "favours": a if ratio > 1 else b, "ratio": max(ratio, 1 / ratio),
            "a": {"percent": percent_text(pa), "counts": kb.cell(a, fid).counts_text(state),
                  **cites.cite(kb.cell(a, fid).provenance)},
            "b": {"percent": percent_text(pb), "counts": kb.cell(b, fid).counts_text(state),
                  **cites.cite(kb.cell(b, fid).provenance)},
            "decisive": fid in decisive,
        })

    def entity(eid: str) -> dict[str, Any]:
        e = kb.entities[eid]
        return {"id": eid, "name": text(e.name, lang), "short_name": text(e.short_name, lang),
                "key_features": [text(k, lang) for k in e.key_features[:SHEET_FEATURES]],
                "pitfalls": [text(p, lang) for p in e.pitfalls[:SHEET_PITFALLS]]}

    return {
        "knowledge_base": {"id": kb.id, "version": kb.version, "sha256": kb.sha256,
                           "title": text(kb.title, lang)},
        "a": entity(a), "b": entity(b), "rows": rows,
        "entities_by_id": {a: text(kb.entities[a].short_name, lang),
                           b: text(kb.entities[b].short_name, lang)},
        "references": cites.references(), "decisive_mark": DECISIVE_MARK,
    }


# -- output ----------------------------------------------------------------------------
TABLE_TEMPLATE = "kb_table.html.j2"


def render(data: dict[str, Any], target: str, mode: str) -> str:
    """HTML of a table (``mode`` "table") or study sheet ("pair") for ``target`` "html" or
    "pdf", through the report machinery's autoescaping Jinja2 environment."""
    from . import __version__
    from .report.templating import render_bundled

    fonts: dict[str, str] = {}
    if target == "pdf":
        from .report.pdf import FONT_FILES

        fonts = dict(FONT_FILES)
    context = {"data": data, "target": target, "mode": mode, "fonts": fonts,
               "app": {"name": "DDx Assistant", "version": __version__}}
    return render_bundled(TABLE_TEMPLATE, context)


def write(path: str | Path, data: dict[str, Any], mode: str) -> None:
    """Write ``data`` as HTML or PDF, chosen by the extension of ``path``."""
    from .atomic import write_atomic

    suffix = Path(path).suffix.lower()
    if suffix in (".html", ".htm"):
        write_atomic(path, render(data, "html", mode))
    elif suffix == ".pdf":
        from .report.pdf import html_to_pdf

        write_atomic(path, html_to_pdf(render(data, "pdf", mode)))
    else:
        raise TableError(f"{path}: the output must end in .html or .pdf")
