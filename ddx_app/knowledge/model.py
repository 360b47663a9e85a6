"""The knowledge base as immutable Python objects, built from validated YAML data.

Nothing here validates: :mod:`.loader` checks the data first, so the builders
can assume well-formed input. The compiled tables (clipped log-likelihoods per
finding state and entity, log priors) are what the engine computes with.

Annotations here are evaluated (no ``from __future__ import annotations``):
typing's NamedTuple turns string annotations into ForwardRefs and compiles each
one, ~4 M instructions of every start for these records' fields. The other modules
that define NamedTuples do the same; forward references are quoted.
"""

import math
from collections.abc import Callable, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any, NamedTuple

from ..i18n import gettext

Text = dict[str, str]  # a language map, {"en": ..., "zh": ...}

NUMERIC = "numeric"
CATEGORICAL = "categorical"


def text(value: Mapping[str, str] | None, lang: str = "en") -> str:
    """The ``lang`` text of a language map, falling back to English.

    ``lang`` may name a region ("zh_CN"): its language ("zh") is used when the map has
    no entry for the region itself.
    """
    if not value:
        return ""
    return value.get(lang) or value.get(lang.split("_")[0]) or value.get("en", "")


class Bin(NamedTuple):
    id: str
    label: Text
    lo: float
    hi: float


class DisplayBelow(NamedTuple):
    """findings.yaml ``display_below``: values under ``value`` are shown in another of the
    finding's units (an age under 2 years in months); stored values never change."""

    value: float
    unit: str  # a key of the finding's ``units``
    factor: float  # that unit's factor to the finding's unit (months: 1/12)
    label: Text  # how the unit reads ({en: months, zh: 个月})
    decimals: int = 0


class Finding(NamedTuple):
    """One observable: a feature, stain, test, categorical or numeric finding."""

    id: str
    group: str
    kind: str
    label: Text
    help: Text
    synonyms: dict[str, tuple[str, ...]]
    states: tuple[str, ...]
    aliases: Mapping[str, str] = MappingProxyType({})
    unit: Text | None = None
    range: tuple[float, float] | None = None
    bins: tuple[Bin, ...] = ()
    role: str = "lesion"  # "context": the patient or background mucosa, never scored
    applies_if: dict | None = None  # scored only when this condition is not false
    # coarser results a case may record (graded stains: positive = focal or diffuse); the
    # engine scores them with the summed likelihood of the states they cover
    unions: Mapping[str, tuple[str, ...]] = MappingProxyType({})
    # quick entry (numeric findings): unit as written -> factor to the finding's unit, in the
    # knowledge base's order (the first with factor 1 is the unit summaries write)
    units: Mapping[str, float] = MappingProxyType({})
    decimals: int = 2  # a converted value is rounded to this many decimals
    query_fraction: bool = False  # a bare number below 1 is asked about (a percentage)
    short_label: Text | None = None  # for one-line summaries; default: see short_name()
    display_below: DisplayBelow | None = None  # small values shown in another unit

    @property
    def is_context(self) -> bool:
        return self.role == "context"

    @property
    def is_numeric(self) -> bool:
        return self.kind == NUMERIC

    @property
    def accepted_values(self) -> tuple[str, ...]:
        """States, unions and aliases a case file may give (numeric: none)."""
        return self.states + tuple(self.unions) + tuple(self.aliases)

    @property
    def scored_states(self) -> tuple[str, ...]:
        """Every state the engine has a likelihood row for: the states, then the unions."""
        return self.states + tuple(self.unions)

    def covers(self, wanted: str, state: str) -> bool:
        """True when a recorded ``state`` is ``wanted`` or one of the states it covers."""
        return state == wanted or state in self.unions.get(wanted, ())

    def state_of(self, value: Any) -> str:
        """The state a case value falls in (alias resolved, number binned).

        Raises ValueError with a user-readable message if the value does not fit.
        """
        if self.is_numeric:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueError(f"{self.id} takes a number, not {value!r}")
            lo, hi = self.range  # type: ignore[misc]
            if not (lo <= value <= hi) or math.isnan(value):
                raise ValueError(f"{self.id} must be between {lo:g} and {hi:g}, not {value!r}")
            for b in self.bins:
                if b.lo <= value < b.hi:
                    return b.id
            return self.bins[-1].id  # value == range max
        if not isinstance(value, str):
            raise ValueError(
                f"{self.id} takes one of {', '.join(self.accepted_values)}, not {value!r}"
            )
        if value in self.states or value in self.unions:
            return value
        if value in self.aliases:
            return self.aliases[value]
        raise ValueError(
            f"{value!r} is not a state of {self.id} (expected one of "
            f"{', '.join(self.accepted_values)})"
        )

    def short_name(self, lang: str = "en") -> str:
        """A short name for one-line summaries: ``short_label``, else the label without a
        trailing parenthesis ("SMA (smooth muscle actin)" -> "SMA"), a capitalised
        ordinary word in lower case ("Desmin" -> "desmin")."""
        if self.short_label:
            return text(self.short_label, lang)
        name = text(self.label, lang)
        if name.endswith(")") and " (" in name:
            name = name[:name.rindex(" (")].rstrip()
        first, _, rest = name.partition(" ")
        if len(first) > 1 and first[0].isupper() and first[1:].islower():
            name = first.lower() + (" " + rest if rest else "")
        return name

    @property
    def display_unit(self) -> str | None:
        """The unit summaries write after a value: the first of ``units`` with factor 1."""
        for unit, factor in self.units.items():
            if factor == 1:
                return unit
        return None

    def state_label(self, state: str, kb: "KnowledgeBase", lang: str = "en") -> str:
        for b in self.bins:
            if b.id == state:
                return text(b.label, lang)
        return text(kb.state_labels.get(state), lang) or state

    def search_terms(self, lang: str = "en") -> tuple[str, ...]:
        """Lower-case label, id and synonyms, for filter boxes."""
        terms = [text(self.label, lang), self.id.replace("_", " ")]
        terms += list(self.synonyms.get("en", ()))
        if lang != "en":
            terms += list(self.synonyms.get(lang, ()))
        return tuple(t.lower() for t in terms)


class EntryWords(NamedTuple):
    """findings.yaml ``entry``: the vocabulary of quick entry besides the findings' names."""

    states: Mapping[str, Mapping[str, tuple[str, ...]]]  # state -> lang -> words
    named_alone: tuple[str, ...] = ()  # a finding named alone records the first it has
    fillers: Mapping[str, tuple[str, ...]] = MappingProxyType({})  # lang -> words skipped
    # lang -> state words that only ever precede a name ("no", "without")
    before_name: Mapping[str, tuple[str, ...]] = MappingProxyType({})
    # lang -> words joining names that share the result after them ("S100 and SOX10 neg")
    joiners: Mapping[str, tuple[str, ...]] = MappingProxyType({})
    # lang -> words before a result that give it to every name of the list ("all", "both")
    shared: Mapping[str, tuple[str, ...]] = MappingProxyType({})
    # lang -> words after a result giving it to the names listed next ("negative for S100")
    result_for: Mapping[str, tuple[str, ...]] = MappingProxyType({})
    # lang -> marks after a result heading the names that follow ("Positive: SMA, desmin")
    result_heading: Mapping[str, tuple[str, ...]] = MappingProxyType({})


NO_ENTRY_WORDS = EntryWords(MappingProxyType({}))


class Group(NamedTuple):
    id: str
    label: Text
    orderable: bool
    finding_ids: tuple[str, ...]


class Source(NamedTuple):
    id: str
    citation: str
    kind: str
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    url: str | None = None
    n: int | None = None
    year: int | None = None
    note: Text | None = None

    @property
    def link(self) -> str | None:
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        return self.url


class Provenance(NamedTuple):
    """Where a number comes from: a source id, or the team's expert estimate."""

    source: str | None
    expert_estimate: bool
    note: Text | None = None

    @property
    def label(self) -> str:
        return self.source or "expert estimate"

    def label_in(self, lang: str = "en") -> str:
        """The source id, or "expert estimate" in ``lang``."""
        return self.source or gettext("expert estimate", lang)


class Cell(NamedTuple):
    """P(state | entity) for one finding, with its provenance and raw counts."""

    finding: str
    probs: dict[str, float]
    provenance: Provenance
    counts: dict[str, int] | None = None

    def counts_text(self, state: str) -> str | None:
        if not self.counts or state not in self.counts:
            return None
        return f"{self.counts[state]}/{self.counts['n']}"


def cell_probs(states: tuple[str, ...], raw: dict) -> dict[str, float]:
    """P(state) for every state of a finding; the one state left out takes the remainder."""
    given = 0.0
    probs = {}
    left_out = None
    for s in states:
        p = raw.get(s)
        if p is None:
            left_out = s
        else:
            probs[s] = p
            given += p
    if left_out is not None:
        probs[left_out] = max(0.0, 1.0 - given)
    return probs


def with_unions(finding: "Finding", probs: dict[str, float]) -> dict[str, float]:
    """``probs`` plus each union state's probability: the sum of the states it covers."""
    if not finding.unions:
        return probs
    out = dict(probs)
    for union, covered in finding.unions.items():
        out[union] = math.fsum(probs[s] for s in covered)
    return out


class CellTable(Mapping):
    """An entity's cells, built from the raw data on first access (most are never shown)."""

    def __init__(self, catalogue: dict[str, Finding], raw: dict[str, dict], provenance):
        self._catalogue = catalogue
        self._raw = raw
        self._provenance = provenance
        self._built: dict[str, Cell] = {}

    def probs(self, fid: str) -> dict[str, float]:
        """P(state) for one finding without building the Cell (used to compile); union
        states (graded stains: positive) included."""
        finding = self._catalogue[fid]
        return with_unions(finding, cell_probs(finding.states, self._raw[fid]))

    def __getitem__(self, fid: str) -> Cell:
        cell = self._built.get(fid)
        if cell is None:
            raw = self._raw[fid]
            cell = Cell(fid, self.probs(fid), self._provenance(raw),
                        raw.get("counts"))
            self._built[fid] = cell
        return cell

    def __iter__(self):
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


class Criterion(NamedTuple):
    id: str
    name: Text
    rule: dict
    provenance: Provenance


class Exclusion(NamedTuple):
    """A published exclusion criterion of one entity (e.g. ACR/EULAR: ALK excludes IgG4-RD)."""

    id: str
    entity: str
    name: Text
    rule: dict
    provenance: Provenance


class Urgency(NamedTuple):
    """An entity to telephone about, not to wait for (entity file ``urgency``)."""

    entity: str
    title: Text
    message: Text
    threshold: float  # a critical warning while the entity leads or reaches this
    panel: tuple[str, ...]
    resolves: Text | None
    provenance: Provenance


ALL_ENTITIES = "all"


class Scope(NamedTuple):
    """A named subset of the entities a user may restrict the differential to."""

    id: str
    label: Text
    description: Text
    entities: tuple[str, ...]


class PriorPreset(NamedTuple):
    """A population a case may be drawn from (kb.yaml ``priors``).

    The prior of a preset is the entities' prevalence (the default population),
    times ``factors``, times the likelihood of each ``assumes`` finding that the case
    has not recorded; ``uniform`` ignores prevalence. ``ignores`` lists findings the
    preset makes uninformative (everyone in an endemic region is exposed).
    """

    id: str
    label: Text
    description: Text
    uniform: bool
    assumes: tuple[tuple[str, str], ...]  # (finding, state)
    factors: dict[str, float]
    selected_by: dict | None
    ignores: tuple[str, ...]
    provenance: Provenance


class DependenceGroup(NamedTuple):
    """Findings that are not independent given the entity (kb.yaml ``dependence``)."""

    id: str
    label: Text
    findings: tuple[str, ...]
    correlation: float
    provenance: Provenance


class WorkupStep(NamedTuple):
    id: str
    finding: str
    ask: Text
    outcomes: dict[str, dict]  # state -> {"next": step id} | {"conclude": Text}


class Workup(NamedTuple):
    id: str
    entity: str
    name: Text
    start: str
    steps: dict[str, WorkupStep]
    threshold: float
    provenance: Provenance
    note: Text | None = None
    when: dict | None = None  # offered only when this condition is met


class Entity(NamedTuple):
    id: str
    name: Text
    short_name: Text
    prevalence: float
    prevalence_provenance: Provenance
    description: Text
    key_features: tuple[Text, ...]
    pitfalls: tuple[Text, ...]
    cells: CellTable  # finding id -> Cell, for the findings this entity gives
    criteria: tuple[Criterion, ...]
    workups: tuple[Workup, ...]
    exclusions: tuple[Exclusion, ...] = ()
    urgency: Urgency | None = None


class RedFlag(NamedTuple):
    id: str
    when: dict
    panel: tuple[str, ...]
    message: Text
    provenance: Provenance
    title: Text | None = None  # a short heading (the message says what to do)
    resolved_when: dict | None = None  # a condition: when true the flag shows as resolved
    resolves: Text | None = None  # what resolves it, shown as "Resolved by: ..."
    about: str | None = None  # an entity id: silent while its posterior is below
    #                           engine.flag_silent_below
    level: str = "warning"  # "critical" | "warning" | "info"


class Mimic(NamedTuple):
    id: str
    name: Text
    hint: Text
    suggested_by: tuple[dict, ...]
    provenance: Provenance


class OutsidePattern(NamedTuple):
    """A combination of findings no entity of the KB shows (kb.yaml engine.outside.patterns)."""

    id: str
    when: dict
    message: Text
    provenance: Provenance
    explained_by: tuple[str, ...] = ()  # entities showing it: outside only without them


class EngineSettings(NamedTuple):
    likelihood_floor: float
    close_call_ratio: float
    settled_below_bits: float
    evidence_weight: float
    typicality_z_below: float
    min_findings: int
    improbable_below: float
    exclusion_factor: float = 0.005
    dependence_method: str = "independent"
    outside_patterns: tuple[OutsidePattern, ...] = ()
    left_out_leads_at_least: float = 0.5
    flag_silent_below: float = 0.0  # a red flag about an entity is silent below this posterior


class Band(NamedTuple):
    """A verbal band for a probability (kb.yaml ``display.bands``)."""

    id: str
    label: Text
    at_least: float  # the band's lower bound


DEFAULT_BANDS = (
    Band("strongly_favoured", {"en": "strongly favoured"}, 0.9),
    Band("favoured", {"en": "favoured"}, 0.5),
    Band("possible", {"en": "possible"}, 0.05),
    Band("unlikely", {"en": "unlikely"}, 0.0),
)

DEFAULT_GAIN_BANDS = (
    Band("high", {"en": "high"}, 0.5),
    Band("moderate", {"en": "moderate"}, 0.15),
    Band("low", {"en": "low"}, 0.0),
)


class DisplaySettings(NamedTuple):
    """kb.yaml ``display``: how probabilities are put into words (presentation choices)."""

    bands: tuple[Band, ...] = DEFAULT_BANDS  # highest lower bound first; the last is 0
    odds_cap: float = 100.0  # leader-versus-runner-up odds above this read ">100x"
    mimics_shown: int = 5  # mimics named by the outside-this-differential warning
    gain_bands: tuple[Band, ...] = DEFAULT_GAIN_BANDS  # expected gain (bits) in words

    def band(self, p: float) -> Band:
        """The band a probability falls in: the first whose lower bound it reaches."""
        return _first_reached(self.bands, p)

    def gain_band(self, bits: float) -> Band:
        """'high', 'moderate' or 'low' (the bundled words) for an expected gain in bits."""
        return _first_reached(self.gain_bands, bits)


def _first_reached(bands: tuple[Band, ...], x: float) -> Band:
    for b in bands:
        if x >= b.at_least:
            return b
    return bands[-1]


class ReportSettings(NamedTuple):
    """kb.yaml ``report``: which entities a report discusses, which stains not done it lists."""

    discuss_most: int  # at most this many leading entities ...
    discuss_min_probability: float  # ... beyond the leader, only those this probable
    compare_top: int  # stains not done: compare the expected results of the top N entities
    min_difference: float  # list a stain when two of them differ this much (total variation)
    stains_most: int  # and list at most this many


# The wording of a practice case's history when kb.yaml has no ``practice.history``: plain
# English naming no finding (a knowledge base sets its own, in its languages).
HISTORY_KEYS = ("lesion_only", "with_findings", "not_present", "results", "result", "number",
                "list_separator")
DEFAULT_HISTORY_WORDING: Mapping[str, Text] = MappingProxyType({
    "lesion_only": {"en": "{opening}."},
    "with_findings": {"en": "{opening}: {findings}."},
    "not_present": {"en": " Not present: {findings}."},
    "results": {"en": " {findings}."},
    "result": {"en": "{label} {state}"},
    "number": {"en": "{label} {value} {unit}"},
    "list_separator": {"en": "; "},
})
OPENING_KEYS = ("child", "adult", "no_age")
DEFAULT_OPENING: Mapping[str, Text] = MappingProxyType({
    "child": {"en": "A {age}-year-old patient"}, "adult": {"en": "A {age}-year-old patient"},
    "no_age": {"en": "A patient"}})


class HistoryWords(NamedTuple):
    """kb.yaml ``practice.history``: how a generated practice case's history is written.

    It opens with the patient (``openings`` by the state of ``sex_finding``, ``anyone``
    when that is not recorded; ``child`` below ``adult_from`` of ``age_finding``, ``adult``
    from it, ``no_age`` without an age), then the recorded findings of ``group`` (context
    findings left out): those in ``present_state`` after the opening, those in
    ``absent_state`` under "not present", any other state or number as a result."""

    group: str | None = None
    age_finding: str | None = None
    adult_from: float = 0.0  # kb.yaml names it with the age finding
    sex_finding: str | None = None
    present_state: str | None = None
    absent_state: str | None = None
    openings: Mapping[str, Mapping[str, Text]] = MappingProxyType({})  # sex state -> ...
    anyone: Mapping[str, Text] = DEFAULT_OPENING  # child / adult / no_age
    wording: Mapping[str, Text] = DEFAULT_HISTORY_WORDING  # HISTORY_KEYS -> text

    def opening(self, sex: Any) -> Mapping[str, Text]:
        return self.openings.get(str(sex), self.anyone)


class PracticeSettings(NamedTuple):
    """kb.yaml ``practice``: which findings a generated practice case records (see
    ddx_app/practice.py) and the wording of its history (teaching choices, not figures)."""

    always_shown: tuple[str, ...] = ()  # recorded in every case, where the KB has them
    picture_counts: Mapping[str, tuple[int, int]] = MappingProxyType({})  # group -> lo, hi
    default_count: tuple[int, int] = (2, 4)  # a picture group not in picture_counts
    sampled_minimum: Mapping[str, float] = MappingProxyType({})  # numeric finding -> least
    history: HistoryWords = HistoryWords()


class KnowledgeBase:
    """A loaded, validated knowledge base plus the tables the engine uses.

    A plain class (not a dataclass): it is built once per process, and generating
    dataclass methods costs more start-up time than this whole class is worth.
    """

    def __init__(self, *, id: str, version: str, title: Text, sha256: str, directory: str,
                 settings: EngineSettings, report: ReportSettings,
                 state_labels: dict[str, Text],
                 groups: dict[str, Group], findings: dict[str, Finding],
                 entities: dict[str, Entity], sources: dict[str, Source],
                 red_flags: tuple[RedFlag, ...], mimics: tuple[Mimic, ...],
                 warnings: tuple[str, ...] = (), no_data: dict[str, Cell] | None = None,
                 pertinent_negative_states: frozenset[str] = frozenset(),
                 state_keys: dict[str, tuple[str, ...]] | None = None,
                 presets: dict[str, PriorPreset] | None = None,
                 default_preset: str = "prevalence",
                 dependence_groups: tuple[DependenceGroup, ...] = (),
                 display: DisplaySettings | None = None,
                 scopes: dict[str, "Scope"] | None = None,
                 scope: str = ALL_ENTITIES,
                 entry: EntryWords = NO_ENTRY_WORDS,
                 practice: PracticeSettings | None = None):
        self.id = id
        self.version = version
        self.title = title
        self.sha256 = sha256
        self.directory = directory
        self.settings = settings
        self.report = report
        self.state_labels = state_labels
        self.groups = groups
        self.findings = findings
        self.entities = entities
        self.sources = sources
        self.red_flags = red_flags
        self.mimics = mimics
        self.warnings = warnings
        self.no_data = no_data or {}  # finding id -> the shared no-data cell
        self.pertinent_negative_states = pertinent_negative_states
        self.state_keys = state_keys or {}  # "P" -> states that key sets
        self.presets: dict[str, PriorPreset] = presets or {}
        self.default_preset = default_preset
        self.dependence_groups = dependence_groups
        self.display = display or DisplaySettings()
        self.scopes: dict[str, Scope] = scopes or {}
        self.scope = scope  # the subset of entities this KB ranks ("all" for the whole KB)
        self.entry = entry  # quick-entry words (findings.yaml ``entry``)
        self.practice = practice or PracticeSettings()  # generated practice cases
        self.whole: KnowledgeBase = self  # the unrestricted knowledge base a scope came from
        self.group_of: dict[str, DependenceGroup] = {
            fid: g for g in dependence_groups for fid in g.findings}
        # compiled by compile(): finding id -> state -> log P(state | entity), in
        # entity_ids order; prior mode -> log prior per entity
        self.loglik: dict[str, dict[str, tuple[float, ...]]] = {}
        self.log_priors: dict[str, tuple[float, ...]] = {}
        self._derived: dict[str, Any] = {}

    @property
    def scope_names(self) -> tuple[str, ...]:
        return (ALL_ENTITIES, *(s for s in self.scopes if s != ALL_ENTITIES))

    def finding_label(self, finding: str, lang: str = "en") -> str:
        """A finding's label in ``lang`` (English when it has none)."""
        return text(self.findings[finding].label, lang)

    def scope_label(self, name: str, lang: str = "en") -> str:
        if name in self.scopes:
            return text(self.scopes[name].label, lang)
        return gettext("All entities", lang) if name == ALL_ENTITIES else name

    def scoped(self, name: str | None) -> "KnowledgeBase":
        """This knowledge base restricted to one named subset of its entities (kb.yaml
        ``scopes``): the same findings, sources and hash, fewer entities to rank. Kept
        once built; "all" (or None) is the whole knowledge base."""
        if name in (None, ALL_ENTITIES, self.scope):
            return self
        if name not in self.scopes:
            raise ValueError(f"unknown scope {name!r} (expected one of "
                             f"{', '.join(self.scope_names)})")
        return self.derived(f"scope:{name}", lambda kb: kb._restricted(name))

    def _restricted(self, name: str) -> "KnowledgeBase":
        keep = self.scopes[name].entities
        sub = KnowledgeBase(
            id=self.id, version=self.version, title=self.title, sha256=self.sha256,
            directory=self.directory, settings=self.settings, report=self.report,
            state_labels=self.state_labels, groups=self.groups, findings=self.findings,
            entities={e: x for e, x in self.entities.items() if e in keep},
            sources=self.sources, red_flags=self.red_flags, mimics=self.mimics,
            warnings=self.warnings, no_data=self.no_data,
            pertinent_negative_states=self.pertinent_negative_states,
            state_keys=self.state_keys, presets=self.presets,
            default_preset=self.default_preset, dependence_groups=self.dependence_groups,
            display=self.display, scopes=self.scopes, scope=name, entry=self.entry,
            practice=self.practice)
        sub.compile()
        sub.whole = self
        return sub

    def derived(self, name: str, build: Callable[["KnowledgeBase"], Any]) -> Any:
        """A table computed from this (immutable) KB once, on first use, then kept:
        the engine's NumPy rows, suggestion matrices, typicality moments."""
        table = self._derived.get(name)
        if table is None:
            table = self._derived[name] = build(self)
        return table

    def __repr__(self) -> str:
        return f"<KnowledgeBase {self.id} {self.version} {self.short_hash}>"

    @cached_property
    def entity_ids(self) -> tuple[str, ...]:
        return tuple(self.entities)

    @property
    def short_hash(self) -> str:
        return self.sha256[:12]

    def cell(self, entity: str, finding: str) -> Cell:
        """The figure for (entity, finding), or the shared no-data cell."""
        cell = self.entities[entity].cells.get(finding)
        return cell if cell is not None else self.no_data[finding]

    def likelihood(self, entity: str, finding: str, state: str) -> float:
        """P(state | entity) as the engine uses it: clipped into [floor, 1 - floor]."""
        return self._clip(self.cell(entity, finding).probs[state])

    def _clip(self, p: float) -> float:
        floor = self.settings.likelihood_floor
        return min(max(p, floor), 1.0 - floor)

    def compile(self) -> None:
        """Build the log tables; called once by the loader.

        Tables start from the no-data cells and are overwritten with each
        entity's own figures, so a sparse KB compiles in time proportional to
        the figures it gives, not to entities x findings.
        """
        w = self.settings.evidence_weight
        n = len(self.entities)
        tables: dict[str, dict[str, list[float]]] = {}
        for fid, finding in self.findings.items():
            default = self.no_data[fid].probs
            tables[fid] = {s: [w * math.log(self._clip(default[s]))] * n
                           for s in finding.scored_states}
        for i, entity in enumerate(self.entities.values()):
            for fid in entity.cells:
                rows = tables[fid]
                for s, p in entity.cells.probs(fid).items():
                    rows[s][i] = w * math.log(self._clip(p))
        self.loglik = {f: {s: tuple(v) for s, v in rows.items()} for f, rows in tables.items()}
        self.log_priors = {name: self._base_log_prior(name) for name in self.prior_names}

    @property
    def prior_names(self) -> tuple[str, ...]:
        """Every prior a user can pick: the presets, then the built-in aliases
        ("prevalence" = the default preset; "uniform" when no preset has that id)."""
        return (*self.presets, *(a for a in ("prevalence", "uniform") if a not in self.presets))

    def prior_choices(self) -> tuple[tuple[str, Text, Text], ...]:
        """(name, label, description) of the priors a front end offers: "prevalence" (the
        default preset, under that preset's label) first, then the other presets; a KB
        without presets offers prevalence and uniform."""
        if not self.presets:
            return (("prevalence", {"en": "Prevalence"},
                     {"en": "Start from how often each entity is seen"}),
                    ("uniform", {"en": "Uniform"}, {"en": "Start from equal odds"}))
        default = self.presets[self.default_preset]
        out = [("prevalence", default.label, default.description)]
        out += [(p.id, p.label, p.description) for p in self.presets.values()
                if p.id != self.default_preset]
        if "uniform" not in self.presets:
            out.append(("uniform", {"en": "Uniform"}, {"en": "Start from equal odds"}))
        return tuple(out)

    def prior_label(self, name: str, lang: str = "en") -> str:
        """How a report or window names a prior: the preset's label."""
        for choice, label, _ in self.prior_choices():
            if choice == name:
                return text(label, lang)
        preset = self.preset(name)
        return text(preset.label, lang) if preset is not None else name

    def preset(self, name: str) -> PriorPreset | None:
        """The preset a prior name stands for (None for the built-in uniform)."""
        if name == "prevalence" and name not in self.presets:
            return self.presets.get(self.default_preset)
        return self.presets.get(name)

    def _base_log_prior(self, name: str) -> tuple[float, ...]:
        """Log prior of a preset before its assumed findings: prevalence x factors."""
        ids = self.entity_ids
        preset = self.preset(name)
        if (preset is None and name != "prevalence") or (preset is not None and preset.uniform):
            return tuple(-math.log(len(ids)) for _ in ids)
        factors = preset.factors if preset is not None else {}
        weights = [self.entities[e].prevalence * factors.get(e, 1.0) for e in ids]
        total = math.fsum(weights)
        return tuple(math.log(w / total) for w in weights)
