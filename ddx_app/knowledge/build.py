"""Build model objects from validated raw knowledge-base data."""

from __future__ import annotations

from .model import (
    NUMERIC,
    Band,
    Bin,
    Cell,
    CellTable,
    Criterion,
    DependenceGroup,
    DisplayBelow,
    DisplaySettings,
    EngineSettings,
    Entity,
    EntryWords,
    Exclusion,
    Finding,
    Group,
    HistoryWords,
    KnowledgeBase,
    Mimic,
    OutsidePattern,
    PracticeSettings,
    PriorPreset,
    Provenance,
    RedFlag,
    ReportSettings,
    Scope,
    Source,
    Urgency,
    Workup,
    WorkupStep,
    with_unions,
)

_NO_DATA_NOTE = {"en": "Not given for this entity: treated as uninformative (equal across states)."}


def provenance(obj: dict) -> Provenance:
    return Provenance(obj.get("source"), bool(obj.get("expert_estimate")), obj.get("note"))


def build_catalogue(findings_data: dict) -> dict[str, Finding]:
    """Finding objects in catalogue order; tolerant of unknown kinds (checked elsewhere)."""
    kinds = findings_data["kinds"]
    catalogue: dict[str, Finding] = {}
    for item in findings_data["findings"]:
        kind = item["kind"]
        bins = tuple(Bin(b["id"], b["label"], b["min"], b["max"]) for b in item.get("bins", ()))
        if kind == NUMERIC:
            states = tuple(b.id for b in bins)
        elif "states" in item:
            states = tuple(item["states"])
        else:
            states = tuple(kinds.get(kind, {}).get("states", ()))
        catalogue.setdefault(item["id"], Finding(
            id=item["id"],
            group=item["group"],
            kind=kind,
            label=item["label"],
            help=item["help"],
            synonyms={k: tuple(v) for k, v in item.get("synonyms", {"en": []}).items()},
            states=states,
            aliases=dict(kinds.get(kind, {}).get("aliases", {})),
            unit=item.get("unit"),
            range=tuple(item["range"]) if "range" in item else None,
            bins=bins,
            unions={k: tuple(v) for k, v in kinds.get(kind, {}).get("unions", {}).items()},
            role=item.get("role", "lesion"),
            applies_if=item.get("applies_if"),
            units={unit: unit_factor(spec) for unit, spec in item.get("units", {}).items()},
            decimals=item.get("decimals", 2),
            query_fraction=bool(item.get("query_fraction", False)),
            display_below=build_display_below(item),
            short_label=item.get("short_label"),
        ))
    return catalogue


def build_display_below(item: dict) -> DisplayBelow | None:
    """``display_below`` with the factor of its unit (checked to be one of ``units``)."""
    spec = item.get("display_below")
    if not spec or spec["unit"] not in item.get("units", {}):
        return None
    unit = spec["unit"]
    return DisplayBelow(value=spec["value"], unit=unit,
                        factor=unit_factor(item["units"][unit]),
                        label=spec.get("label") or {"en": unit},
                        decimals=spec.get("decimals", 0))


def unit_factor(spec) -> float:
    """A ``units`` entry as the factor to the finding's unit: a number, or {divide: N}."""
    if isinstance(spec, dict):
        return 1.0 / spec["divide"]
    return spec


def _words(by_lang: dict | None) -> dict[str, tuple[str, ...]]:
    """lang -> words, as tuples."""
    return {lang: tuple(words) for lang, words in (by_lang or {}).items()}


def build_entry(fdata: dict) -> EntryWords:
    """findings.yaml ``entry``: the quick-entry words (none when the KB gives none)."""
    entry = fdata.get("entry") or {}
    return EntryWords(
        states={state: _words(langs) for state, langs in entry.get("states", {}).items()},
        named_alone=tuple(entry.get("named_alone", ())),
        fillers=_words(entry.get("fillers")),
        before_name=_words(entry.get("before_name")),
        joiners=_words(entry.get("joiners")),
        shared=_words(entry.get("shared")),
        result_for=_words(entry.get("result_for")),
        result_heading=_words(entry.get("result_heading")),
    )


def no_data_cell(finding: Finding) -> Cell:
    """The cell used where an entity gives no figure (allowed if require_complete is off)."""
    p = 1.0 / len(finding.states)
    return Cell(finding.id, with_unions(finding, {s: p for s in finding.states}),
                Provenance(None, True, _NO_DATA_NOTE))


def _entity(raw: dict, catalogue: dict[str, Finding]) -> Entity:
    eid = raw["id"]
    workups = tuple(
        Workup(
            id=w["id"],
            entity=eid,
            name=w["name"],
            start=w["start"],
            steps={s["id"]: WorkupStep(s["id"], s["finding"], s["ask"], s["outcomes"])
                   for s in w["steps"]},
            threshold=w.get("when_probability_at_least", 0.0),
            provenance=provenance(w),
            note=w.get("note"),
            when=w.get("when"),
        )
        for w in raw.get("workups", ())
    )
    return Entity(
        id=eid,
        name=raw["name"],
        short_name=raw.get("short_name", raw["name"]),
        prevalence=raw["prevalence"]["value"],
        prevalence_provenance=provenance(raw["prevalence"]),
        description=raw["description"],
        key_features=tuple(raw.get("key_features", ())),
        pitfalls=tuple(raw.get("pitfalls", ())),
        cells=CellTable(catalogue, raw["likelihoods"], provenance),
        criteria=tuple(Criterion(c["id"], c["name"], c["rule"], provenance(c))
                       for c in raw.get("criteria", ())),
        workups=workups,
        exclusions=tuple(Exclusion(x["id"], eid, x["name"], x["rule"], provenance(x))
                         for x in raw.get("exclusions", ())),
        urgency=_urgency(eid, raw.get("urgency")),
    )


def _urgency(eid: str, raw: dict | None) -> Urgency | None:
    if not raw:
        return None
    return Urgency(eid, raw["title"], raw["message"], raw["when_probability_at_least"],
                   tuple(raw.get("panel", ())), raw.get("resolves"), provenance(raw))


def build_presets(manifest: dict) -> tuple[dict[str, PriorPreset], str]:
    """kb.yaml ``priors``; a KB without them has one preset, its prevalence."""
    priors = manifest.get("priors")
    if not priors:
        return {}, "prevalence"
    presets = {
        p["id"]: PriorPreset(
            id=p["id"], label=p["label"], description=p["description"],
            uniform=bool(p.get("uniform", False)),
            assumes=tuple((a["finding"], a["is"]) for a in p.get("assumes", ())),
            factors=dict(p.get("factors", {})),
            selected_by=p.get("selected_by"),
            ignores=tuple(p.get("ignores", ())),
            provenance=provenance(p))
        for p in priors["presets"]
    }
    return presets, priors["default"]


def build_dependence(manifest: dict) -> tuple[str, tuple[DependenceGroup, ...]]:
    dep = manifest.get("dependence")
    if not dep:
        return "independent", ()
    groups = tuple(DependenceGroup(g["id"], g["label"], tuple(g["findings"]), g["correlation"],
                                   provenance(g)) for g in dep["groups"])
    return dep["method"], groups


def build_red_flag(r: dict) -> RedFlag:
    return RedFlag(r["id"], r["when"], tuple(r.get("panel", ())), r["message"], provenance(r),
                   title=r.get("title"), resolved_when=r.get("resolved_when"),
                   resolves=r.get("resolves"), about=r.get("about"),
                   level=r.get("level", "warning"))


def build_display(display: dict | None) -> DisplaySettings:
    """kb.yaml ``display``; what it leaves out keeps the defaults of DisplaySettings."""
    if not display:
        return DisplaySettings()
    defaults = DisplaySettings()
    bands, gain = (tuple(Band(b["id"], b["label"], b["at_least"]) for b in display.get(key, ()))
                   for key in ("bands", "gain_bands"))
    return DisplaySettings(bands=bands or defaults.bands, gain_bands=gain or defaults.gain_bands,
                           odds_cap=display.get("odds_cap", defaults.odds_cap),
                           mimics_shown=display.get("mimics_shown", defaults.mimics_shown))


def build_practice(practice: dict | None) -> PracticeSettings:
    """kb.yaml ``practice``; what it leaves out keeps the defaults of PracticeSettings."""
    if not practice:
        return PracticeSettings()
    lo, hi = practice.get("default_count", PracticeSettings().default_count)
    history = practice.get("history") or {}
    age, sex = history.get("age") or {}, history.get("sex") or {}
    base = HistoryWords()
    words = HistoryWords(
        group=history.get("group"), age_finding=age.get("finding"),
        adult_from=age.get("adult_from", base.adult_from), sex_finding=sex.get("finding"),
        present_state=history.get("present_state"), absent_state=history.get("absent_state"),
        openings=dict(history.get("openings", {})),
        anyone=history.get("anyone", base.anyone),
        wording={**base.wording, **history.get("wording", {})})
    return PracticeSettings(
        always_shown=tuple(practice.get("always_shown", ())),
        picture_counts={g: (lo, hi) for g, (lo, hi) in practice.get("picture_counts", {}).items()},
        default_count=(int(lo), int(hi)),
        sampled_minimum=dict(practice.get("sampled_minimum", {})),
        history=words)


def build_kb(raw: dict, sha256: str, directory: str, warnings: tuple[str, ...]) -> KnowledgeBase:
    """Assemble a compiled KnowledgeBase from the validated raw file contents.

    ``raw`` has keys ``kb``, ``findings``, ``sources`` and ``entities`` (a list).
    """
    manifest, fdata = raw["kb"], raw["findings"]
    catalogue = build_catalogue(fdata)
    engine = manifest["engine"]
    outside = engine["outside"]
    report = manifest["report"]
    presets, default_preset = build_presets(manifest)
    method, dependence_groups = build_dependence(manifest)
    groups = {
        g["id"]: Group(g["id"], g["label"], bool(g.get("orderable", False)),
                       tuple(f.id for f in catalogue.values() if f.group == g["id"]))
        for g in fdata["groups"]
    }
    sources = {
        s["id"]: Source(s["id"], s["citation"], s["kind"], s.get("doi"), s.get("pmid"),
                        s.get("pmcid"), s.get("url"), s.get("n"), s.get("year"), s.get("note"))
        for s in raw["sources"]["sources"]
    }
    kb = KnowledgeBase(
        id=manifest["id"],
        version=manifest["version"],
        title=manifest["title"],
        sha256=sha256,
        directory=directory,
        settings=EngineSettings(
            likelihood_floor=engine["likelihood_floor"],
            close_call_ratio=engine["close_call_ratio"],
            settled_below_bits=engine["settled_below_bits"],
            evidence_weight=engine.get("evidence_weight", 1.0),
            typicality_z_below=outside["typicality_z_below"],
            min_findings=outside["min_findings"],
            improbable_below=outside["improbable_below"],
            exclusion_factor=engine.get("exclusion_factor", engine["likelihood_floor"]),
            dependence_method=method,
            flag_silent_below=engine.get("flag_silent_below", 0.0),
            left_out_leads_at_least=outside.get("left_out_leads_at_least", 0.5),
            outside_patterns=tuple(
                OutsidePattern(o["id"], o["when"], o["message"], provenance(o),
                               tuple(o.get("explained_by", ())))
                for o in outside.get("patterns", ())),
        ),
        report=ReportSettings(
            discuss_most=report["discuss"]["most"],
            discuss_min_probability=report["discuss"]["min_probability"],
            compare_top=report["stains_not_done"]["compare_top"],
            min_difference=report["stains_not_done"]["min_difference"],
            stains_most=report["stains_not_done"]["most"],
        ),
        state_labels=fdata["state_labels"],
        groups=groups,
        findings=catalogue,
        entities={e["id"]: _entity(e, catalogue) for e in raw["entities"]},
        sources=sources,
        red_flags=tuple(build_red_flag(r) for r in manifest.get("red_flags", ())),
        mimics=tuple(Mimic(m["id"], m["name"], m["hint"], tuple(m.get("suggested_by", ())),
                           provenance(m)) for m in manifest.get("mimics", ())),
        warnings=warnings,
        no_data={fid: no_data_cell(f) for fid, f in catalogue.items()},
        pertinent_negative_states=frozenset(
            fdata.get("state_roles", {}).get("pertinent_negative", ())),
        state_keys={k: tuple(v) for k, v in fdata.get("state_roles", {}).get("keys", {}).items()},
        presets=presets,
        default_preset=default_preset,
        dependence_groups=dependence_groups,
        display=build_display(manifest.get("display")),
        scopes={x["id"]: Scope(x["id"], x["label"], x["description"], tuple(x["entities"]))
                for x in manifest.get("scopes", ())},
        entry=build_entry(fdata),
        practice=build_practice(manifest.get("practice")),
    )
    kb.compile()
    return kb
