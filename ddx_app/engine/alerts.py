"""Every warning a front end shows, as one list of :class:`Alert` records.

The command line (``ddx explain``), the reports (HTML, PDF, JSON) and the window's
warnings panel all render :func:`build_alerts` (``Analysis.alerts``) and nothing else:
the exclusion criteria met, the "outside this differential?" warning, the knowledge
base's red flags (active, then resolved) and the close call, most urgent first.

The knowledge base's texts come in ``lang`` from their language maps; the words
composed here go through :func:`ddx_app.i18n.gettext` (catalogue engine.<lang>.yaml).

No Qt here. Annotations are evaluated, not postponed (see knowledge/model.py).
"""

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from ..formatting import percent, times
from ..i18n import gettext, translator
from ..knowledge.model import KnowledgeBase, Provenance, text
from . import rules

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import Analysis

CRITICAL, WARNING, INFO = "critical", "warning", "info"
LEVELS = (CRITICAL, WARNING, INFO)  # most urgent first
ACTIVE, RESOLVED = "active", "resolved"

# kinds, in the order they are listed within one level
EXCLUSION, URGENT, OUTSIDE, RED_FLAG, CLOSE_CALL = (
    "exclusion", "urgent", "outside", "red_flag", "close_call")


class AlertItem(NamedTuple):
    """One thing an alert names, e.g. a mimic the outside-the-differential warning
    suggests considering."""

    id: str
    name: str
    detail: str
    matched: bool = False  # the findings match it (listed first)
    provenance: Provenance | None = None


class Alert(NamedTuple):
    """One warning, as every front end shows it.

    ``id`` is stable across runs and front ends: ``red_flag:<flag id>``, ``outside``,
    ``exclusion:<entity>:<criterion id>``, ``urgent:<id>``, ``close_call``.
    """

    id: str
    kind: str  # exclusion | urgent | outside | red_flag | close_call
    level: str  # critical | warning | info
    title: str  # a short heading
    message: str  # plain text, in the language asked for
    panel: tuple[str, ...] = ()  # suggested tests still not done (finding ids)
    triggered_by: tuple[str, ...] = ()  # the recorded findings that raised it
    state: str = ACTIVE  # active | resolved
    resolved_by: str = ""  # what resolves it ("Resolved by: ...")
    resolution: str = ""  # when resolved: the results that resolved it, as text
    resolved_with: tuple[str, ...] = ()  # ... and their finding ids
    source: str = ""  # where the rule comes from: a source id, "expert estimate", ...
    provenance: Provenance | None = None
    entity: str | None = None  # the entity it is about, if one
    items: tuple[AlertItem, ...] = ()

    @property
    def active(self) -> bool:
        return self.state == ACTIVE


def build_alerts(a: "Analysis", lang: str = "en") -> list[Alert]:
    """Every alert for an analysis: active before resolved, critical before warning
    before info, then exclusions, urgent warnings, outside, red flags, close call,
    each in knowledge-base order."""
    kb = a.kb
    out: list[Alert] = []
    out += [_exclusion(kb, a, x, lang) for x in getattr(a, "exclusions", None) or ()]
    out += [_urgent(kb, a, u, lang) for u in getattr(a, "urgent", None) or ()]
    if a.outside is not None:
        out.append(_outside(kb, a.outside, lang))
    results = getattr(a, "red_flag_results", None)
    if results is None:
        results = rules.red_flags(kb, a.values, a.posterior)
    out += [_red_flag(kb, a, r, lang) for r in results]
    if a.close_call:
        out.append(_close_call(kb, a, a.close_call, lang))
    rank = {level: i for i, level in enumerate(LEVELS)}
    return sorted(out, key=lambda x: (x.state != ACTIVE, rank.get(x.level, len(LEVELS))))



def results_text(kb: KnowledgeBase, a: "Analysis", findings, lang: str = "en") -> str:
    """'SOX10 = Negative; ALK (D5F3) = Positive' for recorded findings."""
    _ = translator(lang)
    return _("; ").join(
        _("{finding} = {state}", finding=kb.finding_label(f, lang),
          state=kb.findings[f].state_label(a.states[f], kb, lang))
        for f in findings if f in a.states)


def _short(kb: KnowledgeBase, eid: str, lang: str) -> str:
    return text(kb.entities[eid].short_name, lang)


def _exclusion(kb: KnowledgeBase, a: "Analysis", x, lang: str) -> Alert:
    crit = x.criterion
    prov = getattr(crit, "provenance", None)
    source = prov.label_in(lang) if prov is not None else (getattr(crit, "source", None) or "")
    found = results_text(kb, a, x.triggered_by, lang)
    _ = translator(lang)
    criterion = text(crit.name, lang)
    return Alert(
        id=f"exclusion:{x.entity}:{crit.id}", kind=EXCLUSION, level=CRITICAL,
        title=_("{entity} excluded", entity=text(kb.entities[x.entity].name, lang)),
        message=(_("{criterion} ({results}).", criterion=criterion, results=found) if found
                 else _("{criterion}.", criterion=criterion)),
        triggered_by=tuple(x.triggered_by),
        resolved_by=_("Only a change in the findings that meet the criterion: check them "
                      "for a recording or staining error."),
        source=source, provenance=prov, entity=x.entity)


def _urgent(kb: KnowledgeBase, a: "Analysis", u, lang: str) -> Alert:
    """An urgent warning from the engine (records with id, message and optional title,
    level, triggered_by, panel, entity, provenance, resolves)."""
    def words(value: Any) -> str:
        return text(value, lang) if isinstance(value, Mapping) else str(value or "")

    prov = getattr(u, "provenance", None)
    return Alert(
        id=f"urgent:{u.id}", kind=URGENT, level=getattr(u, "level", None) or CRITICAL,
        title=words(getattr(u, "title", None)) or gettext("Urgent", lang),
        message=words(u.message),
        panel=tuple(getattr(u, "panel", ()) or ()),
        triggered_by=tuple(getattr(u, "triggered_by", ()) or ()),
        resolved_by=words(getattr(u, "resolves", None)),
        source=prov.label_in(lang) if prov is not None else "", provenance=prov,
        entity=getattr(u, "entity", None))


def _outside(kb: KnowledgeBase, o: rules.OutsideWarning, lang: str) -> Alert:
    _ = translator(lang)
    best = _short(kb, o.best_fit, lang)
    message = o.explanation_in(lang)
    if o.unexplained:
        message += _(" Least explained by {entity}: {findings}.", entity=best,
                     findings=_("; ").join(
                         _("{finding} = {state} ({percent} in {entity})",
                           finding=kb.finding_label(f, lang),
                           state=kb.findings[f].state_label(s, kb, lang),
                           percent=percent(p), entity=best)
                         for f, s, p in o.unexplained))
    n_all = len(kb.whole.entities)
    items = tuple(
        AlertItem(eid, text(kb.whole.entities[eid].name, lang),
                  _("outside the scope ranked; {percent} when all {n} entities of the "
                    "knowledge base are ranked", percent=percent(p), n=n_all), True, None)
        for eid, p in o.outside_scope)
    items += tuple(AlertItem(m.id, text(m.name, lang), text(m.hint, lang),
                             m.id in o.matched_mimics, m.provenance)
                   for m in o.mimics[:kb.display.mimics_shown])
    n = len(kb.entities)
    return Alert(
        id="outside", kind=OUTSIDE, level=CRITICAL, title=_("Outside this differential?"),
        message=message, triggered_by=tuple(f for f, _s, _p in o.unexplained),
        resolved_by=_("Findings that one of the {n} entities explains: check those listed; "
                      "if they are right, the lesion may be none of them (consider the "
                      "mimics named).", n=n),
        source=_("typicality check (kb.yaml engine.outside)"), items=items)


def _red_flag(kb: KnowledgeBase, a: "Analysis", r: rules.RedFlagResult, lang: str) -> Alert:
    _ = translator(lang)
    flag = r.flag
    resolves = text(flag.resolves, lang)
    if not resolves and flag.panel:
        resolves = _("All of {findings} recorded.", findings=_(", ").join(
            kb.finding_label(f, lang) for f in flag.panel))
    title = text(flag.title, lang)
    return Alert(
        id=f"red_flag:{flag.id}", kind=RED_FLAG, level=flag.level,
        title=_("Red flag: {title}", title=title) if title else _("Red flag"),
        message=text(flag.message, lang),
        panel=() if r.resolved else r.not_done,
        triggered_by=r.triggered_by,
        state=RESOLVED if r.resolved else ACTIVE,
        resolved_by=resolves,
        resolution=results_text(kb, a, r.resolved_by, lang) if r.resolved else "",
        resolved_with=r.resolved_by if r.resolved else (),
        source=flag.provenance.label_in(lang), provenance=flag.provenance, entity=flag.about)


def _close_call(kb: KnowledgeBase, a: "Analysis", pair: tuple[str, str], lang: str) -> Alert:
    _ = translator(lang)
    x, y = pair
    ratio = kb.settings.close_call_ratio
    return Alert(
        id="close_call", kind=CLOSE_CALL, level=INFO, title=_("Close call"),
        message=_("{leader} vs {runner_up}: the leader is only {times} as probable as the "
                  "runner-up (less than {limit}×). See the next best tests.",
                  leader=_short(kb, x, lang), runner_up=_short(kb, y, lang),
                  times=times(a.odds(x, y), kb.display.odds_cap), limit=f"{ratio:g}"),
        resolved_by=_("A finding that separates the two (see the next best tests)."),
        source="kb.yaml engine.close_call_ratio", entity=x)


def alert_json(kb: KnowledgeBase, alert: Alert, lang: str = "en") -> dict[str, Any]:
    """An alert as JSON-compatible data (the report and ``ddx explain --json``)."""
    return {
        "id": alert.id, "kind": alert.kind, "level": alert.level, "state": alert.state,
        "title": alert.title, "message": alert.message,
        "panel": list(alert.panel),
        "panel_labels": [kb.finding_label(f, lang) for f in alert.panel],
        "triggered_by": list(alert.triggered_by),
        "triggered_by_labels": [kb.finding_label(f, lang) for f in alert.triggered_by],
        "resolved_by": alert.resolved_by, "resolution": alert.resolution,
        "resolved_with": list(alert.resolved_with),
        "source": alert.source, "entity": alert.entity,
        "items": [{"id": i.id, "name": i.name, "detail": i.detail, "matched": i.matched}
                  for i in alert.items],
    }


def alert_lines(kb: KnowledgeBase, alert: Alert, lang: str = "en") -> list[str]:
    """An alert as plain-text lines (the command line): heading and message, then what is
    not done and what resolves it, or, once resolved, what resolved it."""
    _ = translator(lang)
    if not alert.active:
        return [_("[resolved] {title} — resolved by {resolution}.", title=alert.title,
                  resolution=alert.resolution or _("the findings"))]
    mark = {CRITICAL: "!!", WARNING: "!", INFO: "i"}.get(alert.level, "!")
    lines = [f"{mark} {alert.title} — {alert.message}"]
    lines += ["   - " + (_("{name} (matches the findings): {detail}", name=i.name,
                            detail=i.detail) if i.matched else
                          _("{name}: {detail}", name=i.name, detail=i.detail))
              for i in alert.items]
    if alert.panel:
        lines.append("   " + _("Not done: {findings}.", findings=_(", ").join(
            kb.finding_label(f, lang) for f in alert.panel)))
    if alert.resolved_by:
        lines.append("   " + _("Resolved by: {what}", what=alert.resolved_by))
    return lines
