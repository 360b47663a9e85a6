"""Engine behaviour a pathologist relies on, plus hypothesis properties of the posterior."""

from __future__ import annotations

import copy
import functools
import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ddx_app.engine import analyse, posterior


def findings_strategy(kb):
    """Random valid case findings for a KB: any subset, any state or in-range number."""
    def value_for(f):
        if f.is_numeric:
            lo, hi = f.range
            return st.floats(min_value=lo, max_value=hi, allow_nan=False)
        return st.sampled_from(f.accepted_values)
    return st.fixed_dictionaries({}, optional={fid: value_for(f) for fid, f in kb.findings.items()})


def test_mini_posterior_matches_hand_computation(mini_kb):
    """Atypia present: 0.9*0.9 / (0.9*0.05 + ... ) computed by hand."""
    post = posterior(mini_kb, {"atypia": "present"})
    alpha = 0.9 * 0.05
    beta = 0.1 * 0.9
    assert math.isclose(post["beta"], beta / (alpha + beta), rel_tol=1e-12)


def test_not_assessed_differs_from_absent(mini_kb):
    """Absent is evidence; a missing key is not."""
    base = posterior(mini_kb, {})
    absent = posterior(mini_kb, {"atypia": "absent"})
    assert base["beta"] == posterior(mini_kb, {})["beta"]
    assert absent["beta"] < base["beta"]


def test_aliases_count_as_positive(mini_kb):
    """Focal and diffuse keratin score exactly like positive."""
    pos = posterior(mini_kb, {"stain_k": "positive"})
    assert posterior(mini_kb, {"stain_k": "focal"}) == pos
    assert posterior(mini_kb, {"stain_k": "diffuse"}) == pos


def test_numeric_values_fall_in_bins(mini_kb):
    assert posterior(mini_kb, {"age": 39.9}) == posterior(mini_kb, {"age": 0})
    assert posterior(mini_kb, {"age": 40}) == posterior(mini_kb, {"age": 120})


def test_no_single_finding_drives_an_entity_to_zero(kb):
    """A keratin-positive IMT remains possible: likelihoods are floored."""
    a = analyse(kb, {"ihc_cytokeratin": "positive", "ihc_sox10": "positive"}, "uniform")
    assert all(r.probability > 0 for r in a.ranking)


def test_uniform_prior_changes_the_ranking(kb):
    """With no findings the prevalence prior puts polyps first and uniform gives equal odds."""
    assert analyse(kb, {}, "prevalence").leader.entity == "nasal_polyp"
    uniform = analyse(kb, {}, "uniform")
    assert max(r.probability for r in uniform.ranking) - min(
        r.probability for r in uniform.ranking) < 1e-12


def test_explanations_have_sign_source_and_counts(kb):
    """Each observed finding explains itself with a signed LLR and where the number came from."""
    a = analyse(kb, {"ihc_sma": "positive", "ihc_sox10": "positive"})
    contributions = {c.finding: c for c in a.explain("imt")}
    assert contributions["ihc_sox10"].llr < 0 < contributions["ihc_sma"].llr
    sma = contributions["ihc_sma"]
    assert sma.provenance.source and sma.counts == "18/25"
    assert abs(contributions["ihc_sox10"].llr) >= abs(sma.llr)  # strongest first


def test_close_call_flag(mini_kb):
    a = analyse(mini_kb, {}, "uniform")
    assert a.close_call is not None
    assert analyse(mini_kb, {"atypia": "present", "age": 70, "stain_k": "positive"},
                   "uniform").close_call is None


def test_red_flag_shows_until_panel_done(mini_kb):
    """Atypia prompts a keratin stain; once keratin is done the flag goes away."""
    a = analyse(mini_kb, {"atypia": "present"})
    assert [f.flag.id for f in a.red_flags] == ["atypia"]
    assert a.red_flags[0].not_done == ("stain_k",)
    assert analyse(mini_kb, {"atypia": "present", "stain_k": "negative"}).red_flags == []


def test_workup_is_followed_step_by_step(mini_kb):
    """The algorithm asks for the first test, then follows results to a conclusion."""
    first = analyse(mini_kb, {"atypia": "present"}).workups[0]
    assert first.next_step.finding == "stain_k" and not first.finished
    mid = analyse(mini_kb, {"atypia": "present", "stain_k": "negative"}).workups[0]
    assert mid.next_step.finding == "stain_s"
    done = analyse(mini_kb, {"atypia": "present", "stain_k": "negative",
                             "stain_s": "negative"}).workups[0]
    assert done.finished and done.conclusion["en"] == "Beta unlikely."


def test_criteria_three_valued(mini_kb):
    crit = lambda v: analyse(mini_kb, v).criteria("alpha")[0]  # noqa: E731
    assert crit({}).met is None and crit({}).missing == ("atypia", "stain_k")
    assert crit({"atypia": "present"}).met is False
    assert crit({"atypia": "absent", "stain_k": "negative"}).met is True


def test_alk_workup_follows_the_seed_algorithm(kb):
    """IHC- asks for kinase fusion sequencing, which ends it; IHC+ asks FISH; FISH- asks
    RT-PCR/NGS (seed case 15 path)."""
    base = {"spindle_cell_proliferation": "present", "plasma_cells_abundant": "present"}
    alk = lambda extra: next(w for w in analyse(kb, {**base, **extra}).workups  # noqa: E731
                         if w.workup.entity == "imt")
    assert alk({}).next_step.finding == "ihc_alk"
    assert alk({"ihc_alk": "negative"}).next_step.finding == "kinase_fusion_ngs"
    assert alk({"ihc_alk": "negative", "kinase_fusion_ngs": "negative"}).finished
    assert alk({"ihc_alk": "negative", "kinase_fusion_ngs": "positive"}).finished
    assert alk({"ihc_alk": "positive"}).next_step.finding == "alk_fish"
    assert alk({"ihc_alk": "positive", "alk_fish": "negative"}).next_step.finding == "alk_rt_pcr"
    assert alk({"ihc_alk": "positive", "alk_fish": "negative", "alk_rt_pcr": "positive"}).finished


def test_malignant_spindle_red_flag(kb):
    """Marked pleomorphism without keratin/p63/S100/SOX10 prompts the malignant panel."""
    a = analyse(kb, {"marked_nuclear_pleomorphism": "present"})
    assert any("ihc_sox10" in f.not_done and "ihc_cytokeratin" in f.not_done for f in a.red_flags)


def test_outside_differential_warning(kb):
    """Findings that fit no entity raise the warning and name mimics; a typical case does not."""
    typical = analyse(kb, {"spindle_cell_proliferation": "present", "ihc_sma": "positive",
                           "ihc_cytokeratin": "negative", "plasma_cells_abundant": "present"})
    assert typical.outside is None
    odd = analyse(kb, {"mikulicz_cells": "present", "melanin_pigment": "present",
                       "ihc_sox10": "negative", "ihc_cytokeratin": "positive",
                       "obliterative_phlebitis": "present", "ihc_alk": "positive",
                       "necrosis": "present"})
    assert odd.outside is not None
    assert odd.outside.mimics and odd.outside.unexplained


def test_next_best_test_prefers_a_separating_stain(mini_kb):
    """Between alpha and beta, atypia/keratin separate; SOX10 (same in both) does not."""
    suggestions = analyse(mini_kb, {}, "uniform").suggestions(top=None)
    order = [s.finding for s in suggestions]
    assert order.index("stain_s") == len(order) - 1
    assert suggestions[-1].gain_bits < 1e-9
    assert suggestions[0].separates == ("alpha", "beta") or suggestions[0].separates == (
        "beta", "alpha")


def test_suggestions_exclude_assessed_and_respect_orderable_only(kb):
    a = analyse(kb, {"ihc_sma": "positive"})
    findings = [s.finding for s in a.suggestions(top=None, orderable_only=True)]
    assert "ihc_sma" not in findings
    assert all(kb.groups[kb.findings[f].group].orderable for f in findings)


def test_panel_does_not_repeat_redundant_information(mini_kb):
    panel = analyse(mini_kb, {}, "uniform").panel(2)
    assert len(panel) == 2 and panel[0][1] <= panel[1][1]


# ---- properties -------------------------------------------------------------------------


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_probabilities_sum_to_one(kb, data):
    values = data.draw(findings_strategy(kb))
    for prior in ("prevalence", "uniform"):
        probs = analyse(kb, values, prior).probabilities
        assert math.isclose(sum(probs), 1.0, abs_tol=1e-9)
        assert all(0 < p <= 1 for p in probs)


@functools.cache
def _raw_kb(directory: str) -> dict:
    """A knowledge base's files as the loader hands them to ``build_kb`` (read once)."""
    from pathlib import Path

    directory = Path(directory)
    from ddx_app.yamlio import load_yaml_file

    def read(path):
        return load_yaml_file(path, max_bytes=8_000_000)[0]

    return {"kb": read(directory / "kb.yaml"), "findings": read(directory / "findings.yaml"),
            "sources": read(directory / "sources.yaml"),
            "entities": [read(p) for p in sorted((directory / "entities").glob("*.yaml"))]}


def _reordered(raw: dict, rng: random.Random) -> dict:
    """The same knowledge base written in another order: findings, entity files, each
    entity's likelihood cells, the members of each dependence group."""
    raw = copy.deepcopy(raw)
    rng.shuffle(raw["findings"]["findings"])
    rng.shuffle(raw["entities"])
    for entity in raw["entities"]:
        cells = list(entity["likelihoods"].items())
        rng.shuffle(cells)
        entity["likelihoods"] = dict(cells)
    for group in (raw["kb"].get("dependence") or {}).get("groups", []):
        rng.shuffle(group["findings"])
    return raw


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(data=st.data(), seed=st.integers(0, 2**32 - 1))
def test_the_order_a_knowledge_base_is_written_in_does_not_matter(kb, data, seed):
    """Reordering findings.yaml, the entity files, the cells of each entity or the members
    of a dependence group changes no probability beyond float rounding (nor the order the
    findings were recorded in, which the engine reads in the knowledge base's order).

    What could break it: an order-dependent tie-break (which of two equally strong
    dependent stains counts fully), a position used as an id, a sum taken in file order."""
    from ddx_app.knowledge.build import build_kb

    raw = _reordered(_raw_kb(kb.directory), random.Random(seed))
    reordered = build_kb(raw, kb.sha256, kb.directory, ())
    values = data.draw(findings_strategy(kb))
    shuffled = dict(data.draw(st.permutations(list(values.items()))))
    for prior in ("prevalence", "uniform"):
        original = analyse(kb, values, prior).posterior
        moved = analyse(reordered, shuffled, prior).posterior
        assert moved.keys() == original.keys()
        for entity, p in original.items():
            assert math.isclose(moved[entity], p, rel_tol=1e-9, abs_tol=1e-300), entity


@pytest.mark.slow
@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_adding_not_assessed_changes_nothing(kb, data):
    """Leaving a finding out is the same as never having looked."""
    values = data.draw(findings_strategy(kb))
    assert posterior(kb, values) == posterior(kb, dict(values))
    subset = {k: v for k, v in values.items() if data.draw(st.booleans())}
    untouched = [f for f in kb.findings if f not in values]
    assert posterior(kb, subset) == posterior(kb, {k: values[k] for k in subset})
    assert untouched is not None


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_observing_a_state_more_likely_under_a_raises_a(kb, data):
    """If P(s | A) exceeds P(s | B) for every other B, observing s raises P(A).

    This holds for a finding the engine scores on its own: not context, and no other
    member of its dependence group recorded (within a group the discount is shared, and
    what counts is the finding's likelihood given the others, not its marginal)."""
    values = data.draw(findings_strategy(kb))
    recorded_groups = {kb.group_of[f].id for f in values if f in kb.group_of}
    candidates = []
    for fid, f in kb.findings.items():
        if fid in values or f.is_context or f.applies_if is not None:
            continue
        if fid in kb.group_of and kb.group_of[fid].id in recorded_groups:
            continue
        for state in f.states:
            likes = {e: kb.likelihood(e, fid, state) for e in kb.entity_ids}
            for e, p in likes.items():
                if all(p > q for other, q in likes.items() if other != e):
                    candidates.append((fid, state, e))
    if not candidates:
        return
    fid, state, entity = data.draw(st.sampled_from(candidates))
    finding = kb.findings[fid]
    value = next(b.lo for b in finding.bins if b.id == state) if finding.is_numeric else state
    before = posterior(kb, values)[entity]
    after = posterior(kb, {**values, fid: value})[entity]
    assert after > before or (math.isclose(after, before, rel_tol=1e-12) and before > 1 - 1e-9)


def test_deterministic(kb):
    values = {"ihc_sma": "positive", "age_years": 34, "sex": "female"}
    assert analyse(kb, values).probabilities == analyse(kb, values).probabilities


def test_vectorised_sum_matches_plain_python(kb, monkeypatch):
    """Large knowledge bases sum with NumPy; the result is the same posterior."""
    import importlib

    post_module = importlib.import_module("ddx_app.engine.terms")

    values = {"ihc_sma": "positive", "ihc_msa": "positive", "age_years": 34,
              "necrosis": "absent", "sex": "male"}
    plain = analyse(kb, values).probabilities
    monkeypatch.setattr(post_module, "VECTOR_FROM", 1)
    vector = analyse(kb, values).probabilities
    assert all(math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-15) for a, b in zip(plain, vector))


def test_settled_when_no_test_can_change_the_differential(kb):
    """With no findings the prior leaves much to learn; a worked-up IMT case does not, and
    'settled' follows the kb.yaml threshold exactly."""
    from ddx_app.case import load_case
    from ddx_app.paths import examples_dir

    empty = analyse(kb, {})
    assert not empty.settled()
    worked_up = analyse(kb, load_case(examples_dir() / "imt.ddx.yaml", kb).findings)
    best = worked_up.suggestions(top=1)[0].gain_bits
    assert worked_up.settled() == (best < kb.settings.settled_below_bits)
    assert worked_up.settled()


def test_shorter_suggestion_lists_are_prefixes_of_longer_ones(kb):
    """Asking for the top 1, 3 or all gives the same ranking, in whatever order asked."""
    values = {"spindle_cell_proliferation": "present", "ihc_alk": "negative"}
    a = analyse(kb, values)
    three, one, every = a.suggestions(top=3), a.suggestions(top=1), a.suggestions(top=None)
    fresh = analyse(kb, values)
    assert every == fresh.suggestions(top=None)
    assert three == every[:3] and one == every[:1]
    assert a.suggestions(top=3, orderable_only=True) == \
        fresh.suggestions(top=None, orderable_only=True)[:3]


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_pairwise_evidence_explains_the_posterior_odds(kb, data):
    """For any two entities and any recorded findings, prior odds x exp(sum of the pairwise
    log likelihood ratios) are the posterior odds: the comparison a trainee is shown adds up
    to the differential they see."""
    ids = list(kb.entity_ids)
    a = data.draw(st.sampled_from(ids))
    b = data.draw(st.sampled_from([e for e in ids if e != a]))
    fids = data.draw(st.lists(st.sampled_from(list(kb.findings)), unique=True, max_size=8))
    values = {}
    for fid in fids:
        f = kb.findings[fid]
        values[fid] = (data.draw(st.floats(*f.range)) if f.is_numeric
                       else data.draw(st.sampled_from(f.states)))
    result = analyse(kb, values)
    rows = result.compare(a, b)
    scored = {s.finding for s in result.terms.scored}
    assert {r.finding for r in rows} == scored
    assert scored | {u.finding for u in result.unscored} == set(values)
    lp = result.terms.log_prior  # the population's prior, context included
    excluded = {x.entity for x in result.exclusions}
    penalty = {e: math.log(kb.settings.exclusion_factor) if e in excluded else 0.0
               for e in (a, b)}
    log_odds = (lp[ids.index(a)] + penalty[a] - lp[ids.index(b)] - penalty[b]
                + math.fsum(r.llr for r in rows))
    pa, pb = result.posterior[a], result.posterior[b]
    if pa > 1e-300 and pb > 1e-300:
        assert math.isclose(math.log(pa / pb), log_odds, rel_tol=1e-9, abs_tol=1e-9)
    assert [abs(r.llr) for r in rows] == sorted((abs(r.llr) for r in rows), reverse=True)


@given(st.floats(-5, 5, allow_nan=False))
def test_a_weight_counts_for_or_against_only_if_it_shows_at_two_decimals(llr):
    """The window, the reports and `ddx explain` print weights to two decimals; a weight
    that prints as +0.00 or -0.00 is neither for nor against, in every one of them."""
    from ddx_app.engine.explain import NEGLIGIBLE_LLR, Contribution, PairwiseFinding

    c = Contribution("f", "present", "present", llr, 0.5, 0.5, None, None)
    p = PairwiseFinding("f", "present", llr, 0.5, 0.5, None, None)
    shown = f"{llr:+.2f}"
    if shown in ("+0.00", "-0.00"):
        assert c.direction == "neutral" and p.favours is None
    else:
        assert c.direction == ("for" if llr > 0 else "against")
        assert p.favours == ("a" if llr > 0 else "b")
    assert (c.direction == "neutral") == (abs(llr) < NEGLIGIBLE_LLR)
