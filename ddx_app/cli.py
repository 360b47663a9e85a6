"""The ``ddx`` command line: the same core as the GUI, for terminals and scripts.

Exit status (defined in :mod:`.cli_common`, shared by every command): 0 on success, 2
when a case file or the knowledge base is bad (one ``FILE:LINE: message`` line per
problem on standard error, never a traceback), 1 when a file cannot be written.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from . import DISCLAIMER, __version__, disclaimer, training_cli
from .case import SIGN_OUT_FIELDS, Case, load_case
from .cli_common import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    LANGUAGE_CHOICES,
    count,
    lang_argument,
    output_language,
)
from .engine import Analysis, analyse
from .engine.alerts import alert_json, alert_lines
from .engine.presentation import (
    band,
    band_label,
    leader_odds_json,
    leader_sentence,
    scope_sentence,
    unscored_reason,
)
from .errors import DdxError
from .formatting import bits, json_terminal_safe, odds, percent, terminal_safe
from .i18n import gettext, translator
from .knowledge import check_knowledge_base, load_knowledge_base
from .knowledge.model import KnowledgeBase, text


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="ddx", description="DDx Assistant: sinonasal spindle cell "
                                "and inflammatory lesions, differential-diagnosis support.")
    p.add_argument("--version", action="version", version=f"ddx {__version__}")
    sub = p.add_subparsers(dest="command")

    def case_command(name: str, help_text: str) -> argparse.ArgumentParser:
        c = sub.add_parser(name, help=help_text)
        c.add_argument("case", help="case file (*.ddx.yaml)")
        c.add_argument("--kb", metavar="DIR", help="knowledge base folder (default: bundled)")
        c.add_argument("--prior", default="prevalence", metavar="NAME",
                       help="prior preset of the knowledge base (see `ddx kb info`); "
                       "default: prevalence, the knowledge base's default population")
        c.add_argument("--scope", default="all", metavar="NAME",
                       help="rank only a named subset of the entities (see `ddx kb info`); "
                       "default: all")
        return c

    rank = case_command("rank", "rank the differential for a case")
    rank.add_argument("--json", action="store_true", help="machine-readable output")
    lang_argument(rank)
    explain = case_command("explain", "evidence, criteria, red flags and ALK workup")
    lang_argument(explain)
    explain.add_argument("entity", nargs="?", help="entity id (default: the leading entity)")
    explain.add_argument("--versus", metavar="OTHER",
                         help="also list what separates the entity from OTHER (entity id)")
    explain.add_argument("--json", action="store_true", help="machine-readable output")
    suggest = case_command("suggest", "next best tests by expected information gain")
    suggest.add_argument("--top", type=count(1), default=5, metavar="N",
                         help="how many tests to list (at least 1; default 5)")
    suggest.add_argument("--stains-only", action="store_true",
                         help="only orderable stains and tests")
    suggest.add_argument("--panel", type=count(0), default=0, metavar="K",
                         help="also propose the best panel of K stains (greedy)")
    suggest.add_argument("--json", action="store_true")
    lang_argument(case_command("summary", "a plain-text summary for the laboratory system "
                                "(at most 12 lines)"))
    _entry_arguments(sub)

    report = sub.add_parser("report", help="export a report (HTML, PDF or JSON)",
                            description="Export a case report; the format follows the "
                            "extension of OUT (.html, .pdf or .json).")
    report.add_argument("case", nargs="?", help="case file (*.ddx.yaml)")
    report.add_argument("-o", "--output", metavar="OUT", help="OUT.html, OUT.pdf or OUT.json")
    report.add_argument("--kb", metavar="DIR", help="knowledge base folder (default: bundled)")
    report.add_argument("--prior", default="prevalence", metavar="NAME",
                        help="prior preset of the knowledge base (default: prevalence)")
    report.add_argument("--scope", default="all", metavar="NAME",
                        help="rank only a named subset of the entities (default: all)")
    report.add_argument("--template", metavar="FILE", help="custom Jinja2 template (sandboxed)")
    report.add_argument("--omit", action="append", default=[], metavar="SECTION",
                        help="leave a section out (repeatable; see --list-sections)")
    report.add_argument("--list-sections", action="store_true",
                        help="list the section ids for --omit and exit")
    report.add_argument("--institution", help="institution name for the header")
    report.add_argument("--page-size", choices=("A4", "Letter"), default=None,
                        help="PDF page size (default: A4)")
    report.add_argument("--appendix", action="store_true",
                        help="after the one-page summary, add the evidence tables, how the "
                        "figures were computed and the references")
    lang_argument(report, "the report", note="")

    kb = sub.add_parser("kb", help="knowledge base tools")
    kb_sub = kb.add_subparsers(dest="kb_command", required=True)
    check = kb_sub.add_parser("check", help="validate a knowledge base; exit 2 on errors")
    check.add_argument("dir", nargs="?", help="folder (default: bundled)")
    check.add_argument("--no-warnings", action="store_true")
    check.add_argument("--lang", metavar="LANG",
                       help="also list every text with no LANG translation (zh, zh_CN), as "
                            "file:line, and count them; a report: it does not fail the check")
    info = kb_sub.add_parser("info", help="version, hash, counts and sources")
    info.add_argument("dir", nargs="?")
    training_cli.add_table_parser(kb_sub)
    training_cli.add_practice_parser(sub)

    _gui_arguments(sub.add_parser("gui", help=GUI_HELP))
    return p


def _cols(s: str) -> int:
    """The terminal columns ``s`` takes: a Chinese character takes two."""
    if s.isascii():
        return len(s)
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int) -> str:
    """``s`` left-aligned in ``width`` terminal columns."""
    return s + " " * max(0, width - _cols(s))


ENTRY_EXAMPLE = "spindle cells, SMA+ desmin- CK focal Ki67 15% serum IgG4 2.1 g/L, 14 months"


def _entry_arguments(sub) -> None:
    """``ddx parse`` and ``ddx case new``: quick-entry text (ddx_app/quick_entry.py)."""
    parse = sub.add_parser(
        "parse", help="read quick-entry text as findings and show what was understood",
        description="Read findings typed as text (e.g. '" + ENTRY_EXAMPLE + "') and show "
        "what was understood, what was not, and what needs an answer. Exit 0 when a "
        "finding was understood (even with text left over, which is listed), 2 when none "
        "was or the input is invalid. TEXT '-' reads standard input.")
    parse.add_argument("text", nargs="+", metavar="TEXT",
                       help="the findings (several words are joined with spaces)")
    parse.add_argument("--json", action="store_true", help="machine-readable output")
    parse.add_argument("--kb", metavar="DIR", help="knowledge base folder (default: bundled)")
    lang_argument(parse)
    case = sub.add_parser("case", help="case files")
    case_sub = case.add_subparsers(dest="case_command", required=True)
    new = case_sub.add_parser(
        "new", help="write a new case file from quick-entry text",
        description="Write a case file (atomically) from findings typed as text. Nothing is "
        "written when part of the text is not understood or needs an answer (unless "
        "--partial), nor over an existing file (unless --force).")
    new.add_argument("-o", "--output", required=True, metavar="FILE", help="*.ddx.yaml")
    new.add_argument("--findings", required=True, metavar="TEXT",
                     help="the findings as text, e.g. '" + ENTRY_EXAMPLE + "'")
    new.add_argument("--case-id", metavar="ID", help="accession or teaching label")
    new.add_argument("--title", metavar="T", help="a title for the case")
    for field in SIGN_OUT_FIELDS:
        new.add_argument("--" + field.replace("_", "-"), metavar="TEXT", dest=field,
                         help=f"the case's {field.replace('_', ' ')} (printed on the report)")
    new.add_argument("--force", action="store_true", help="replace FILE if it exists")
    new.add_argument("--partial", action="store_true",
                     help="write the findings understood even when some text is not")
    new.add_argument("--kb", metavar="DIR", help="knowledge base folder (default: bundled)")
    lang_argument(new)


GUI_HELP = "start the desktop application (default)"


def _gui_arguments(gui: argparse.ArgumentParser) -> argparse.ArgumentParser:
    gui.add_argument("case", nargs="?")
    gui.add_argument("--screenshot", metavar="OUT.png")
    gui.add_argument("--size", default="1400x900", metavar="WxH")
    gui.add_argument("--exit-after-startup", action="store_true")
    gui.add_argument("--trainee", action="store_true", help="start in trainee mode")
    gui.add_argument("--lang", metavar="LANG",
                     help=f"language of the interface for this run: {LANGUAGE_CHOICES} "
                     "(default: View > Language)")
    return gui


def _load(args) -> tuple[KnowledgeBase, Case, Analysis]:
    kb = require_scope(load_knowledge_base(args.kb), args.scope)
    require_prior(kb, args.prior)
    case = load_case(args.case, kb)
    for w in case.warnings:
        print(terminal_safe(w), file=sys.stderr)
    return kb, case, analyse(kb, case.findings, args.prior)


def require_scope(kb: KnowledgeBase, scope: str) -> KnowledgeBase:
    """The knowledge base restricted to ``scope``; exit 2 with one line if it has none."""
    if scope not in kb.scope_names:
        print(f"ddx: error: unknown scope {scope!r} (this knowledge base has "
              f"{', '.join(kb.scope_names)})", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT)
    return kb.scoped(scope)


def require_prior(kb: KnowledgeBase, prior: str) -> None:
    """Exit 2 with a one-line message when ``prior`` is not one of the KB's presets."""
    if prior not in kb.prior_names:
        print(f"ddx: error: unknown prior {prior!r} (this knowledge base has "
              f"{', '.join(kb.prior_names)})", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT)


def _header(kb: KnowledgeBase, case: Case, a: Analysis, lang: str = "en") -> list[str]:
    _ = translator(lang)
    label = case.case_id if case.case_id is not None else _("(no case id)")
    prior = kb.prior_label(a.prior, lang)
    preset = kb.preset(a.prior)
    applied = [kb.prior_label(p, lang) for p in a.terms.presets_applied
               if preset is None or p != preset.id]
    prior += "".join(_(" + {prior} (selected by the findings)", prior=name) for name in applied)
    # case text through terminal_safe: an escape sequence in a case id must not reach the
    # terminal (a cleared screen, a fake ranking line, a new window title)
    return [_("Case {id} - {title}", id=terminal_safe(label), title=terminal_safe(case.title))
            if case.title else _("Case {id}", id=terminal_safe(label)),
            _("Knowledge base {kb} {version} (sha256 {hash}), prior: {prior} [{prior_id}], "
              "scope: {scope} [{scope_id}]", kb=kb.id, version=kb.version,
              hash=kb.short_hash, prior=prior, prior_id=a.prior,
              scope=kb.scope_label(kb.scope, lang), scope_id=kb.scope)]


def rank_json(kb: KnowledgeBase, case: Case, a: Analysis) -> dict:
    """The contract's machine-readable ranking, with extra fields added, none renamed."""
    return {
        "case_id": None if case.case_id is None else str(case.case_id),
        "knowledge_base": {"id": kb.id, "version": kb.version, "sha256": kb.sha256},
        "prior": a.prior,
        "differential": _differential_json(kb, a),
        "relative_to_entities": len(kb.entities),
        "entity_scope": {"id": kb.scope, "label": kb.scope_label(kb.scope),
                         "entities": list(kb.entity_ids)},
        "scope": scope_sentence(kb),
        "leader_odds": leader_odds_json(a),
        "close_call": list(a.close_call) if a.close_call else None,
        "outside_differential": a.outside is not None,
        "disclaimer": DISCLAIMER,
    }


def _differential_json(kb: KnowledgeBase, a: Analysis) -> list[dict]:
    """Every entity, most probable first: the contract's entity, name and (unrounded)
    probability, plus its verbal band and the percentage as displayed."""
    out = []
    for r in a.ranking:
        b = band(kb, r.probability)
        out.append({"entity": r.entity, "name": text(kb.entities[r.entity].name),
                    "probability": r.probability, "percent": percent(r.probability),
                    "band": b.id, "band_label": text(b.label)})
    return out


def cmd_rank(args) -> int:
    kb, case, a = _load(args)
    if args.json:
        print(json_terminal_safe(json.dumps(rank_json(kb, case, a), indent=2,
                                            ensure_ascii=False)))
        return EXIT_OK
    lang = output_language(args)
    lines = _header(kb, case, a, lang) + _warnings(kb, a, critical=True, lang=lang)
    lines += [""] + _ranking_lines(kb, a, lang)
    lines += _warnings(kb, a, critical=False, lang=lang)
    lines += ["", disclaimer(lang)]
    print("\n".join(lines))
    return EXIT_OK


def _warnings(kb: KnowledgeBase, a: Analysis, critical: bool, lang: str = "en") -> list[str]:
    """The alerts (engine/alerts.py) of one kind: the active critical ones (printed above
    the ranking, where they cannot be overlooked) or all the others (below it, resolved
    ones last, one line each)."""
    out: list[str] = []
    for alert in a.alerts_in(lang):
        if (alert.level == "critical" and alert.state == "active") == critical:
            out += [""] + alert_lines(kb, alert, lang)
    return out


def _ranking_lines(kb: KnowledgeBase, a: Analysis, lang: str = "en") -> list[str]:
    """Each entity with its percentage, verbal band and bar; the leader's odds against the
    runner-up; what the probabilities are relative to."""
    width = max(_cols(text(e.name, lang)) for e in kb.entities.values())
    bands = [band_label(kb, r.probability, lang) for r in a.ranking]
    bw = max(_cols(b) for b in bands)
    lines = []
    for i, (r, b) in enumerate(zip(a.ranking, bands), 1):
        bar = "#" * round(30 * r.probability)
        lines.append(f"{i:>2}. {_pad(text(kb.entities[r.entity].name, lang), width)}  "
                     f"{percent(r.probability):>4}  {_pad(b, bw)}  {bar}".rstrip())
    return lines + ["", leader_sentence(a, lang), scope_sentence(kb, lang=lang)]



def cmd_explain(args) -> int:
    kb, case, a = _load(args)
    entity = args.entity or a.leader.entity
    if entity not in kb.entities:
        print(f"ddx: unknown entity {entity!r} (expected one of {', '.join(kb.entity_ids)})",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.versus is not None and (args.versus not in kb.entities or args.versus == entity):
        print(f"ddx: --versus needs another entity id (one of {', '.join(kb.entity_ids)})",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        print(json_terminal_safe(json.dumps(explain_json(kb, case, a, entity, args.versus),
                                            indent=2, ensure_ascii=False)))
        return EXIT_OK
    lang = output_language(args)
    _ = translator(lang)
    e = kb.entities[entity]
    p = a.posterior[entity]
    lines = _header(kb, case, a, lang) + _warnings(kb, a, critical=True, lang=lang)
    lines += ["", _("{entity}: {percent} ({band})", entity=text(e.name, lang),
                    percent=percent(p), band=band_label(kb, p, lang)),
              leader_sentence(a, lang), scope_sentence(kb, lang=lang)]
    lines += _evidence_lines(kb, a, entity, lang)
    lines += _unscored_lines(kb, a, lang)
    if args.versus:
        lines += _versus(kb, a, entity, args.versus, lang)
    crit = a.criteria(entity)
    if crit:
        lines += ["", _("Criteria:")]
        for cr in crit:
            status = {True: _("met"), False: _("not met"), None: _("unknown")}[cr.met]
            status = status.center(9 - (_cols(status) - len(status)))  # wide characters
            lines.append(f"  [{status}] {text(cr.criterion.name, lang)}"
                         + ("  " + _("(not assessed: {findings})",
                                     findings=_(", ").join(cr.missing))
                            if cr.met is None else ""))
    for w in a.workups:
        lines += ["", _("{workup} ({percent} {entity}):", workup=text(w.workup.name, lang),
                        percent=percent(w.probability), entity=text(e.short_name, lang))]
        for step, state in w.path:
            label = kb.findings[step.finding].state_label(state, kb, lang)
            lines.append("  " + _("{finding}: {state}",
                                  finding=kb.finding_label(step.finding, lang), state=label))
        lines.append("  -> " + (text(w.conclusion, lang) if w.next_step is None
                                else text(w.next_step.ask, lang)))
        if w.workup.note:
            lines.append("  " + _("Note: {note}", note=text(w.workup.note, lang)))
    lines += _warnings(kb, a, critical=False, lang=lang)
    if e.pitfalls:
        lines += ["", _("Pitfalls:")] + [f"  - {text(p, lang)}" for p in e.pitfalls]
    lines += ["", disclaimer(lang)]
    print("\n".join(lines))
    return EXIT_OK


def _evidence_lines(kb: KnowledgeBase, a: Analysis, entity: str,
                    lang: str = "en") -> list[str]:
    """Each scored finding's weight for ``entity`` against its strongest rival, with the
    dependence weight where a group discounts it, then each group's total."""
    _ = translator(lang)
    rival = a.rival(entity)
    short = text(kb.entities[entity].short_name, lang)
    if rival is None:
        return ["", _("Evidence: (one entity: nothing to weigh against)")]
    rival_name = text(kb.entities[rival].short_name, lang)
    lines = ["", _("Evidence for {entity} against {rival}, its strongest rival "
                   "(natural-log likelihood ratio; + favours {entity}):",
                   entity=short, rival=rival_name)]
    contribs = a.explain(entity)
    if not contribs:
        lines.append("  " + _("(no findings recorded)"))
    fw = max((_cols(kb.finding_label(c.finding, lang)) for c in contribs), default=10)
    for c in contribs:
        state = kb.findings[c.finding].state_label(c.state, kb, lang)
        value = c.value if kb.findings[c.finding].is_numeric else state
        src = c.provenance.label_in(lang) + (f", {c.counts}" if c.counts else "")
        counted = ("  " + _("counted x{weight} ({group})", weight=f"{c.weight:.2f}",
                            group=c.group) if c.weight < 1 else "")
        lines.append(f"  {c.llr:+6.2f}  {_pad(kb.finding_label(c.finding, lang), fw)}  "
                     f"{_pad(str(value), 14)} "
                     f"P={c.p_entity:.2f} vs {c.p_rival:.2f}  [{src}]{counted}")
    groups = {g.id: g for g in kb.dependence_groups}
    totals = a.group_totals(entity)
    if totals:
        lines += ["", _("Dependent findings, counted together (sum of the weights above):")]
        for gid, total in sorted(totals.items(), key=lambda t: -abs(t[1])):
            lines.append(f"  {total:+6.2f}  {text(groups[gid].label, lang)}")
    return lines


def _unscored_lines(kb: KnowledgeBase, a: Analysis, lang: str = "en") -> list[str]:
    if not a.unscored:
        return []
    _ = translator(lang)
    lines = ["", _("Recorded but not scored:")]
    for u in a.unscored:
        state = kb.findings[u.finding].state_label(u.state, kb, lang)
        lines.append("  " + _("{finding} = {state}: {reason}",
                              finding=kb.finding_label(u.finding, lang), state=state,
                              reason=unscored_reason(u.reason, lang)))
    return lines


def explain_json(kb: KnowledgeBase, case: Case, a: Analysis, entity: str,
                 versus: str | None = None) -> dict:
    """``ddx explain --json``: the ranking, the alerts, every entity's criteria, the
    evidence for one entity (and against ``versus``) and the workups (README.md)."""
    evidence = []
    for c in a.explain(entity):
        finding = kb.findings[c.finding]
        evidence.append({
            "finding": c.finding, "label": text(finding.label), "value": c.value,
            "state": c.state, "state_label": finding.state_label(c.state, kb),
            "weight": c.llr, "direction": c.direction, "p_entity": c.p_entity,
            "p_rival": c.p_rival, "rival": c.rival,
            "dependence_weight": c.weight, "dependence_group": c.group,
            "source": c.provenance.source, "expert_estimate": c.provenance.expert_estimate,
            "provenance": c.provenance.label, "counts": c.counts,
        })
    criteria = {}
    for eid in kb.entity_ids:
        criteria[eid] = [{"id": cr.criterion.id, "name": text(cr.criterion.name),
                          "status": cr.status, "met": cr.met, "missing": list(cr.missing),
                          "source": cr.criterion.provenance.label}
                         for cr in a.criteria(eid)]
    workups = []
    for w in a.workups:
        nxt = w.next_step
        workups.append({
            "id": w.workup.id, "entity": w.workup.entity, "name": text(w.workup.name),
            "probability": w.probability,
            "path": [{"step": step.id, "finding": step.finding, "state": state}
                     for step, state in w.path],
            "finished": w.finished,
            "next_step": None if nxt is None else {"step": nxt.id, "finding": nxt.finding,
                                                   "ask": text(nxt.ask)},
            "conclusion": text(w.conclusion) if w.conclusion else None,
        })
    out = rank_json(kb, case, a)
    out.update({
        "entity": entity,
        "alerts": [alert_json(kb, x) for x in a.alerts],
        "criteria": criteria,
        "evidence": {"entity": entity, "probability": a.posterior[entity],
                     "band": band(kb, a.posterior[entity]).id, "rival": a.rival(entity),
                     "findings": evidence, "group_totals": a.group_totals(entity),
                     "not_scored": [{"finding": u.finding, "state": u.state,
                                     "reason": u.reason} for u in a.unscored]},
        "exclusions": [{"entity": x.entity, "criterion": x.criterion.id,
                        "triggered_by": list(x.triggered_by)} for x in a.exclusions],
        "versus": None,
        "workups": workups,
        "disclaimer": DISCLAIMER,
    })
    if versus is not None:
        out["versus"] = {"entity": entity, "other": versus, "odds": _finite(a.odds(entity, versus)),
                         "findings": [{"finding": r.finding, "state": r.state, "weight": r.llr,
                                       "p_entity": r.p_a, "p_other": r.p_b}
                                      for r in a.compare(entity, versus)]}
    return out


def _finite(x: float) -> float | None:
    return x if x == x and abs(x) != float("inf") else None


def _versus(kb: KnowledgeBase, a: Analysis, entity: str, other: str,
            lang: str = "en") -> list[str]:
    _ = translator(lang)
    name = text(kb.entities[entity].short_name, lang)
    other_name = text(kb.entities[other].short_name, lang)
    lines = ["", _("{entity} versus {other}: posterior odds {odds} (log likelihood ratio per "
                   "finding; + favours {entity}):", entity=name, other=other_name,
                   odds=odds(a.odds(entity, other)))]
    rows = a.compare(entity, other)
    if not rows:
        lines.append("  " + _("(no findings recorded: only the prior separates them)"))
    fw = max((_cols(kb.finding_label(r.finding, lang)) for r in rows), default=10)
    for r in rows:
        finding = kb.findings[r.finding]
        lines.append(f"  {r.llr:+6.2f}  {_pad(kb.finding_label(r.finding, lang), fw)}  "
                     f"{_pad(finding.state_label(r.state, kb, lang), 14)} "
                     f"P={r.p_a:.2f} vs {r.p_b:.2f}  [{r.sources}]")
    return lines


def cmd_suggest(args) -> int:
    kb, case, a = _load(args)
    sugg = a.suggestions(top=args.top, orderable_only=args.stains_only)
    panel = a.panel(args.panel) if args.panel else []
    if args.json:
        print(json.dumps({
            "case_id": None if case.case_id is None else str(case.case_id),
            "knowledge_base": {"version": kb.version, "sha256": kb.sha256},
            "suggestions": [{"finding": s.finding, "expected_gain_bits": s.gain_bits,
                             "separates": list(s.separates) if s.separates else None,
                             "outcome_probabilities": s.outcome_probabilities}
                            for s in sugg],
            "panel": [{"finding": f, "cumulative_gain_bits": g} for f, g in panel],
            "settled": a.settled(args.stains_only),
            "settled_below_bits": kb.settings.settled_below_bits,
        }, indent=2))
        return EXIT_OK
    lines = _header(kb, case, a) + ["", "Next best tests (expected information gain):"]
    fw = max((len(kb.finding_label(s.finding)) for s in sugg), default=10)
    for i, s in enumerate(sugg, 1):
        sep = (" separates " + " vs ".join(text(kb.entities[e].short_name) for e in s.separates)
               if s.separates else "")
        name = kb.finding_label(s.finding)
        lines.append(f"{i:>3}. {name:<{fw}}  {bits(s.gain_bits):>8} bits{sep}")
    if a.settled(args.stains_only):
        lines += ["", f"The findings recorded settle this differential: no single test is "
                  f"expected to gain {bits(kb.settings.settled_below_bits)} bits or more."]
    if panel:
        lines += ["", f"Best panel of {len(panel)} (ordered together):"]
        for f, g in panel:
            lines.append(f"     + {kb.finding_label(f):<{fw}}  cumulative {bits(g)} bits")
    lines += ["", DISCLAIMER]
    print("\n".join(lines))
    return EXIT_OK


def cmd_summary(args) -> int:
    from .summary import summary_text

    _kb, case, a = _load(args)
    sys.stdout.write(terminal_safe(summary_text(case, a, output_language(args)), newlines=True))
    return EXIT_OK


def _entry_text(parts: list[str], lang: str = "en") -> str | None:
    """The quick-entry text of ``ddx parse TEXT...`` ('-': standard input); None, with a
    message, when there is nothing to read."""
    from .quick_entry import MAX_CHARS

    line = " ".join(parts)
    if parts == ["-"]:
        line = sys.stdin.read(MAX_CHARS + 1)
    if not line.strip():
        print("ddx: error: " + gettext("no findings given (e.g. '{example}')", lang,
                                       example=ENTRY_EXAMPLE), file=sys.stderr)
        return None
    return line


def entry_preview_lines(kb: KnowledgeBase, result, lang: str = "en") -> list[str]:
    """``ddx parse``: each finding understood (label, value, the text it came from), the
    text not understood, the questions and the notes."""
    from .quick_entry import value_text

    _ = translator(lang)
    lines = []
    if result.items:
        rows = [(kb.finding_label(i.finding, lang),
                 _("{value} ({note})", value=value_text(kb, i.finding, i.value, lang),
                   note=i.note) if i.note else value_text(kb, i.finding, i.value, lang),
                 i.text) for i in result.items]
        lw = max(_cols(r[0]) for r in rows)
        vw = max(_cols(r[1]) for r in rows)
        lines.append(_("Understood ({n}):", n=len(result.findings)))
        lines += [f"  {_pad(name, lw)}  {_pad(value, vw)}  <- {terminal_safe(repr(typed))}"
                  for name, value, typed in rows]
    else:
        lines.append(_("Understood: nothing"))
    if result.unrecognised:
        lines.append(_("Not understood ({n}): {texts}", n=len(result.unrecognised),
                       texts=_(", ").join(terminal_safe(repr(t.text))
                                          for t in result.unrecognised)))
    if result.questions:
        lines.append(_("Questions ({n}), not recorded:", n=len(result.questions)))
        lines += [f"  ? {terminal_safe(q.message)}" for q in result.questions]
    if result.notes:
        lines.append(_("Notes:"))
        lines += [f"  - {terminal_safe(q.message)}" for q in result.notes]
    return lines


def cmd_parse(args) -> int:
    from .quick_entry import parse

    kb = load_knowledge_base(args.kb)
    lang = output_language(args)
    line = _entry_text(args.text, lang)
    if line is None:
        return EXIT_BAD_INPUT
    result = parse(kb, line, lang)
    if args.json:
        out = result.to_json(kb, lang)
        out["knowledge_base"] = {"id": kb.id, "version": kb.version, "sha256": kb.sha256}
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        print("\n".join(entry_preview_lines(kb, result, lang)))
    return EXIT_OK if result.recognised else EXIT_BAD_INPUT


def cmd_case(args) -> int:
    """``ddx case new``: a case file from quick-entry text, saved atomically."""
    from .case import save_case
    from .quick_entry import parse

    kb = load_knowledge_base(args.kb)
    lang = output_language(args)
    _ = translator(lang)
    line = _entry_text([args.findings], lang)
    if line is None:
        return EXIT_BAD_INPUT
    result = parse(kb, line, lang)
    path = terminal_safe(args.output)
    if not result.recognised or ((result.unrecognised or result.questions)
                                 and not args.partial):
        print("\n".join(entry_preview_lines(kb, result, lang)), file=sys.stderr)
        reason = (_("no finding was understood") if not result.recognised else
                  _("part of the text was not understood or needs an answer (shown "
                    "above); correct it, or give --partial to write what was understood"))
        print("ddx: error: " + _("{path} not written: {reason}", path=path, reason=reason),
              file=sys.stderr)
        return EXIT_BAD_INPUT
    if os.path.lexists(args.output) and not args.force:
        print("ddx: error: " + _("{path} already exists: not replaced (give --force to "
                                 "replace it)", path=path), file=sys.stderr)
        return EXIT_FAILED
    sign_out = {f: getattr(args, f) for f in SIGN_OUT_FIELDS if getattr(args, f, None)}
    case = Case(findings=dict(result.findings), case_id=args.case_id, title=args.title,
                sign_out=sign_out)
    try:
        save_case(case, args.output, kb)
    except OSError as exc:
        print("ddx: error: " + _("cannot write {path}: {reason}", path=path,
                                 reason=exc.strerror or exc), file=sys.stderr)
        return EXIT_FAILED
    if result.unrecognised or result.questions or result.notes:
        print("\n".join(entry_preview_lines(kb, result, lang)), file=sys.stderr)
    print(_("{path}: case with {n} finding(s) (knowledge base {version}, sha256 {hash})",
            path=path, n=len(result.findings), version=kb.version, hash=kb.short_hash))
    return EXIT_OK


def cmd_kb(args) -> int:
    if args.kb_command == "table":
        return training_cli.cmd_kb_table(args)
    if args.kb_command == "check":
        from .knowledge import bundled_kb_dir

        directory = args.dir or bundled_kb_dir()
        problems = check_knowledge_base(directory)
        errors = [p for p in problems if p.severity == "error"]
        for p in problems:
            if p.severity == "error" or not args.no_warnings:
                print(terminal_safe(p), file=sys.stderr)
        if args.lang:
            from .knowledge.translations import translation_report

            for line in translation_report(directory, args.lang).lines():
                print(terminal_safe(line))
        if errors:
            print(f"{len(errors)} error(s) in {directory}", file=sys.stderr)
            return EXIT_BAD_INPUT
        print(f"{directory}: OK ({len(problems)} warning(s))")
        return EXIT_OK
    kb = load_knowledge_base(args.dir)
    cells = [c for e in kb.entities.values() for c in e.cells.values()]
    sourced = sum(1 for c in cells if c.provenance.source)
    print(f"Knowledge base: {kb.id} {kb.version} - {text(kb.title)}")
    print(f"SHA-256:        {kb.sha256}")
    print(f"Folder:         {kb.directory}")
    print(f"Entities:       {len(kb.entities)} ({', '.join(kb.entity_ids)})")
    print(f"Findings:       {len(kb.findings)} in {len(kb.groups)} groups")
    print(f"Likelihoods:    {len(cells)} cells: {sourced} cited, {len(cells) - sourced} expert "
          "estimates")
    print("Priors (--prior NAME):")
    for name, label, _description in kb.prior_choices():
        print(f"  {name:<26} {text(label)}")
    print("Scopes (--scope NAME):")
    for name in kb.scope_names:
        count = len(kb.scopes[name].entities) if name in kb.scopes else len(kb.entities)
        print(f"  {name:<26} {kb.scope_label(name)} ({count} entities)")
    if kb.dependence_groups:
        print(f"Dependent findings ({kb.settings.dependence_method}):")
        for g in kb.dependence_groups:
            print(f"  {g.id:<26} correlation {g.correlation:.1f}: {', '.join(g.findings)}")
    print(f"Sources:        {len(kb.sources)}")
    for s in kb.sources.values():
        ident = (s.doi and f"doi:{s.doi}") or (s.pmid and f"PMID {s.pmid}") or s.url or ""
        print(f"  [{s.id}] {s.citation} {ident}".rstrip())
    return EXIT_OK


def cmd_report(args) -> int:
    from .cli_report import cli_report

    return cli_report(args)


def _no_display() -> bool:
    """True on a Linux machine with no X11/Wayland display and no Qt platform chosen,
    where QApplication would abort the process instead of raising."""
    env = os.environ
    return (sys.platform.startswith("linux") and not env.get("QT_QPA_PLATFORM")
            and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"))


def cmd_gui(args) -> int:
    if _no_display() and (args.screenshot or args.exit_after_startup):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # batch modes need no screen
    if _no_display():
        print("ddx: no display found. Use the command line (ddx rank/explain/suggest/report), "
              "or set QT_QPA_PLATFORM=offscreen for --screenshot.", file=sys.stderr)
        return EXIT_FAILED
    try:
        from .gui.app import run
    except ImportError as exc:  # PySide6 missing
        print(f"ddx: the desktop app needs PySide6 ({exc})", file=sys.stderr)
        return EXIT_FAILED
    return run(args)


def _dispatch(argv: Sequence[str] | None) -> tuple[str, int]:
    """Parse and run one command; (the command that ran, exit status)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:  # plain `ddx` is the GUI with its defaults
        args = parser.parse_args([*argv, "gui"])
    command = args.command
    handler = {"rank": cmd_rank, "explain": cmd_explain, "suggest": cmd_suggest,
               "summary": cmd_summary, "parse": cmd_parse, "case": cmd_case,
               "kb": cmd_kb, "report": cmd_report, "gui": cmd_gui,
               "practice": training_cli.cmd_practice}[command]
    try:
        return command, handler(args)
    except DdxError as exc:
        for p in exc.problems:
            print(terminal_safe(p), file=sys.stderr)
        return command, EXIT_BAD_INPUT
    except BrokenPipeError:
        return command, EXIT_OK
    except KeyboardInterrupt:
        return command, EXIT_INTERRUPTED


def main(argv: Sequence[str] | None = None) -> int:
    return _dispatch(argv)[1]


def entry() -> None:
    """The ``ddx`` program: :func:`main`, then exit with its status."""
    sys.exit(main(sys.argv[1:]))


if __name__ == "__main__":
    entry()
