"""Trustworthy reasoning: dependent findings, exclusions, one population, context.

Each test is a situation a pathologist would check the engine against; the figures
asserted are the medical expectation (who leads, what counts for or against), not
numbers copied from a run.
"""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ddx_app.engine import analyse
from ddx_app.engine.terms import build_terms, dependence_weights

ALK_POSITIVE_IGG4_RICH = {
    "ihc_alk": "positive", "ihc_igg4_per_hpf": 120, "ihc_igg4_igg_ratio_percent": 45,
    "serum_igg4_mg_dl": 150, "ihc_sma": "positive", "ihc_desmin": "negative",
}
BLAND_SMA_SPINDLE = {
    "spindle_cell_proliferation": "present", "marked_nuclear_pleomorphism": "absent",
    "ihc_cytokeratin": "negative", "ihc_sma": "positive",
}


def test_alk_positivity_excludes_igg4_rd_and_never_counts_for_it(kb):
    """Scenario 1: ALK IHC positive with an IgG4-rich infiltrate. ACR/EULAR excludes
    IgG4-RD; the exclusion is reported, IMT ranks above IgG4-RD, and the evidence table
    never lists 'ALK positive' as evidence for IgG4-RD."""
    a = analyse(kb, ALK_POSITIVE_IGG4_RICH)
    assert [x.entity for x in a.exclusions] == ["igg4_rd"]
    assert "ihc_alk" in a.exclusions[0].triggered_by
    assert a.posterior["imt"] > a.posterior["igg4_rd"]
    alk = next(c for c in a.explain("igg4_rd") if c.finding == "ihc_alk")
    assert alk.direction == "against"
    without_exclusion = analyse(kb, {k: v for k, v in ALK_POSITIVE_IGG4_RICH.items()
                                     if k != "ihc_alk"})
    assert not without_exclusion.exclusions
    assert without_exclusion.leader.entity == "igg4_rd"


def test_exclusion_demotes_by_the_documented_factor(kb):
    """The exclusion multiplies the excluded entity's odds by engine.exclusion_factor and
    touches no other entity."""
    a = analyse(kb, ALK_POSITIVE_IGG4_RICH)
    terms = a.terms._replace(exclusions=())
    from ddx_app.engine.terms import log_scores

    plain, excluded = log_scores(kb, terms), log_scores(kb, a.terms)
    i = kb.entity_ids.index("igg4_rd")
    for j, (p, e) in enumerate(zip(plain, excluded)):
        expected = math.log(kb.settings.exclusion_factor) if j == i else 0.0
        assert e - p == pytest.approx(expected)


def test_evidence_is_weighed_against_the_strongest_rival(kb):
    """The leader's evidence is weighed against the runner-up, every other entity's
    against the leader."""
    a = analyse(kb, BLAND_SMA_SPINDLE)
    first, second = a.ranking[0].entity, a.ranking[1].entity
    assert {c.rival for c in a.explain(first)} == {second}
    assert {c.rival for c in a.explain(a.ranking[-1].entity)} == {first}


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_result_an_entity_never_shows_is_never_evidence_for_it(kb, data):
    """Property: a recorded state whose likelihood for an entity is at the floor never
    appears as evidence *for* that entity, whatever else is recorded."""
    fids = data.draw(st.lists(st.sampled_from(sorted(kb.findings)), min_size=1, max_size=8,
                              unique=True))
    values = {}
    for fid in fids:
        f = kb.findings[fid]
        values[fid] = (data.draw(st.sampled_from([b.lo for b in f.bins])) if f.is_numeric
                       else data.draw(st.sampled_from(f.states)))
    a = analyse(kb, values)
    floor = kb.settings.likelihood_floor
    for entity in kb.entity_ids:
        for c in a.explain(entity):
            if c.p_entity <= floor * 1.0001:
                assert c.direction != "for", (entity, c)


def test_four_melanocytic_markers_are_not_four_independent_proofs(kb):
    """Scenario 3: S100, SOX10, HMB45 and Melan-A all positive read one phenotype. Their
    joint weight against spindle cell carcinoma stays far below the 10^6 that multiplying
    them gives, yet above what SOX10 alone gives."""
    base = {"spindle_cell_proliferation": "present"}
    markers = {"ihc_s100": "positive", "ihc_sox10": "positive", "ihc_hmb45": "positive",
               "ihc_melan_a": "positive"}
    a = analyse(kb, {**base, **markers})
    joint = a.group_totals("spindle_cell_melanoma", "spindle_cell_scc")["melanocytic"]
    independent = sum(
        c.llr / c.weight for c in a.explain("spindle_cell_melanoma", "spindle_cell_scc")
        if c.group == "melanocytic")
    sox10_alone = analyse(kb, {**base, "ihc_sox10": "positive"}).group_totals(
        "spindle_cell_melanoma", "spindle_cell_scc").get("melanocytic")
    assert sox10_alone is None  # one member recorded: no group discount to show
    sox10 = next(c.llr for c in analyse(kb, {**base, "ihc_sox10": "positive"}).explain(
        "spindle_cell_melanoma", "spindle_cell_scc") if c.finding == "ihc_sox10")
    assert independent > math.log(1e5)
    assert sox10 < joint < math.log(1e4) < independent
    assert a.leader.entity == "spindle_cell_melanoma"


def test_msa_and_desmin_add_little_to_sma(kb):
    """Scenario 3b: MSA and desmin repeat what SMA says. With the myoid group discounted,
    adding them moves IMT less than multiplying three independent stains would."""
    with_all = {**BLAND_SMA_SPINDLE, "ihc_msa": "positive", "ihc_desmin": "positive"}
    terms = build_terms(kb, with_all, analyse(kb, with_all).states, "prevalence")
    weights = {s.finding: s.weight for s in terms.scored if s.group == "myoid"}
    assert sorted(weights.values(), reverse=True)[0] == 1.0
    assert all(0 < w < 1 for w in sorted(weights.values())[:2])


def test_ordered_discount_discounts_agreement_not_disagreement(kb):
    """Within a group the strongest separator keeps its full weight; a result that says
    the same (SOX10+ then pigment) is discounted, a result that points elsewhere (SOX10+
    with no pigment; S100+ with SOX10-) keeps its weight: disagreement is evidence."""
    concordant = dependence_weights(kb, {"ihc_sox10": "positive", "melanin_pigment": "present"})
    assert max(concordant.values()) == 1.0 and min(concordant.values()) < 1.0
    discordant = dependence_weights(kb, {"ihc_sox10": "positive", "melanin_pigment": "absent"})
    assert discordant["ihc_sox10"] == 1.0 and discordant["melanin_pigment"] > \
        min(concordant.values())
    s100_sox10 = dependence_weights(kb, {"ihc_s100": "positive", "ihc_sox10": "negative"})
    assert min(s100_sox10.values()) > 0.9


def test_bland_spindle_cell_mass_in_an_older_man_is_not_called_a_polyp(kb):
    """Scenario 4: a bland, keratin-negative, SMA-positive spindle cell mass in a man over
    60 is a neoplasm question; an inflammatory polyp must not lead."""
    a = analyse(kb, {**BLAND_SMA_SPINDLE, "sex": "male", "age_years": 65})
    assert a.leader.entity != "nasal_polyp"
    assert a.posterior["nasal_polyp"] < 0.2


def test_background_basement_membrane_is_context_not_evidence(kb):
    """Scenario 5: a thickened basement membrane belongs to the chronic rhinosinusitis
    mucosa around any lesion: recording it changes no probability and is listed as
    context."""
    lesion = {"spindle_cell_proliferation": "present", "ihc_sma": "positive",
              "plasma_cells_abundant": "present", "edematous_myxoid_stroma": "present",
              "eosinophils_prominent": "present", "asthma_or_aspirin_sensitivity": "present",
              "bilateral_disease": "present"}
    before = analyse(kb, lesion)
    after = analyse(kb, {**lesion, "thickened_basement_membrane": "present"})
    assert after.probabilities == pytest.approx(before.probabilities)
    assert ("thickened_basement_membrane", "context") in {
        (u.finding, u.reason) for u in after.unscored}
    assert after.posterior["imt"] > 0.05  # the mass-forming spindle lesion stays in play
    assert after.posterior["nasal_polyp"] < 0.9


def test_endemic_exposure_changes_the_population_not_the_likelihood(kb):
    """Scenario 5b: exposure in an endemic region applies the endemic preset's prior;
    in the endemic preset itself it adds nothing more."""
    findings = {"plasma_cells_abundant": "present", "eosinophils_prominent": "absent"}
    exposed = {**findings, "endemic_region_exposure": "present"}
    default_exposed = analyse(kb, exposed)
    endemic = analyse(kb, findings, "endemic_region")
    assert "endemic_region" in default_exposed.terms.presets_applied
    assert default_exposed.probabilities == pytest.approx(endemic.probabilities)
    assert analyse(kb, exposed, "endemic_region").probabilities == pytest.approx(
        endemic.probabilities)
    assert endemic.posterior["rhinoscleroma"] > analyse(kb, findings).posterior[
        "rhinoscleroma"]


def test_presets_assume_until_the_case_records(kb):
    """The child preset assumes age 0-17 only while no age is recorded: an entered age
    replaces the assumption (counted once), so child and default agree once age is in."""
    child_blank = analyse(kb, {}, "child")
    assert ("age_years", "age_0_17") in child_blank.terms.assumed
    assert child_blank.posterior["spindle_cell_scc"] < analyse(kb, {}).posterior[
        "spindle_cell_scc"]
    with_age = analyse(kb, {"age_years": 8}, "child")
    assert with_age.terms.assumed == ()
    assert with_age.probabilities == pytest.approx(analyse(kb, {"age_years": 8}).probabilities)
    adult = analyse(kb, {"age_years": 70}, "child")
    assert adult.terms.overridden == (("age_years", "age_0_17", "age_60_plus"),)


def test_fascicular_growth_needs_a_spindle_cell_proliferation(kb):
    """A nested finding: fascicles mean nothing when there is no spindle proliferation."""
    no_spindle = {"spindle_cell_proliferation": "absent", "eosinophils_prominent": "present"}
    a = analyse(kb, {**no_spindle, "fascicular_growth": "present"})
    assert a.probabilities == pytest.approx(analyse(kb, no_spindle).probabilities)
    assert ("fascicular_growth", "not_applicable") in {(u.finding, u.reason)
                                                       for u in a.unscored}
    spindle = analyse(kb, {"spindle_cell_proliferation": "present",
                           "fascicular_growth": "present"})
    assert "fascicular_growth" in {s.finding for s in spindle.terms.scored}


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_posterior_is_a_distribution_and_weights_are_bounded(kb, data):
    """Property: for any recorded findings and any prior preset, probabilities sum to 1
    and every dependence weight is in (0, 1]."""
    fids = data.draw(st.lists(st.sampled_from(sorted(kb.findings)), max_size=12, unique=True))
    values = {}
    for fid in fids:
        f = kb.findings[fid]
        values[fid] = (data.draw(st.sampled_from([b.lo for b in f.bins])) if f.is_numeric
                       else data.draw(st.sampled_from(f.states)))
    prior = data.draw(st.sampled_from(kb.prior_names))
    a = analyse(kb, values, prior)
    assert math.isclose(sum(a.probabilities), 1.0, rel_tol=1e-9)
    assert all(0 < s.weight <= 1 for s in a.terms.scored)
    scored = {s.finding for s in a.terms.scored}
    assert not scored & {u.finding for u in a.unscored}
    assert scored | {u.finding for u in a.unscored} == set(a.states)


def test_s100_positive_sox10_negative_spindle_cells_are_outside_the_seed_six(kb):
    """Scenario 2: bland S100+/SOX10-/SMA+ fascicular spindle cells fit none of the six
    entities of the seed series (melanoma is SOX10-positive, IMT S100-negative): ranked
    among those six, the outside-this-differential warning fires and names biphenotypic
    sinonasal sarcoma first among the mimics. Ranked among every entity of the knowledge
    base, biphenotypic sinonasal sarcoma itself leads and the pattern is no longer outside."""
    findings = {"spindle_cell_proliferation": "present", "fascicular_growth": "present",
                "marked_nuclear_pleomorphism": "absent", "ihc_s100": "positive",
                "ihc_sox10": "negative", "ihc_sma": "positive"}
    six = analyse(kb.scoped("seed_six"), findings)
    assert six.outside is not None
    assert [p.id for p in six.outside.patterns] == ["s100_positive_sox10_negative_spindle_cells"]
    assert "SOX10" in six.outside.explanation
    every = analyse(kb, findings)
    assert every.leader.entity == "biphenotypic_sinonasal_sarcoma"
    assert every.outside is None or not every.outside.patterns
    melanoma = analyse(kb.scoped("seed_six"), {"spindle_cell_proliferation": "present",
                                               "ihc_s100": "positive", "ihc_sox10": "positive"})
    assert melanoma.outside is None  # a melanoma profile is inside the differential


def test_negative_alk_ihc_leads_to_fusion_testing_not_to_a_stop(kb):
    """Scenario 8: on a negative ALK IHC the workup asks for ROS1/pan-TRK and fusion
    sequencing (ALK-negative IMT often carries another kinase fusion); it never says no
    further testing is needed."""
    base = {"spindle_cell_proliferation": "present", "plasma_cells_abundant": "present",
            "ihc_sma": "positive", "ihc_alk": "negative"}
    workup = next(w for w in analyse(kb, base).workups if w.workup.entity == "imt")
    assert not workup.finished
    assert workup.next_step.finding == "kinase_fusion_ngs"
    assert "ROS1" in workup.next_step.ask["en"]
    done = next(w for w in analyse(kb, {**base, "kinase_fusion_ngs": "negative"}).workups
                if w.workup.entity == "imt")
    assert done.finished
    assert "no further" not in done.conclusion["en"].lower()


def test_keratin_extent_is_evidence(kb):
    """Focal keratin in scattered cells (polyp stromal atypia) and diffuse keratin
    (carcinoma) say different things; plain 'positive' is scored as either, and a
    condition on 'positive' matches both."""
    base = {"spindle_cell_proliferation": "present", "marked_nuclear_pleomorphism": "present"}
    focal = analyse(kb, {**base, "ihc_cytokeratin": "focal"})
    diffuse = analyse(kb, {**base, "ihc_cytokeratin": "diffuse"})
    positive = analyse(kb, {**base, "ihc_cytokeratin": "positive"})
    assert diffuse.odds("spindle_cell_scc", "nasal_polyp") > \
        5 * focal.odds("spindle_cell_scc", "nasal_polyp")
    for entity in ("spindle_cell_scc", "nasal_polyp", "imt"):
        p = {s: kb.likelihood(entity, "ihc_cytokeratin", s) for s in ("focal", "diffuse")}
        assert kb.likelihood(entity, "ihc_cytokeratin", "positive") == pytest.approx(
            min(p["focal"] + p["diffuse"], 1 - kb.settings.likelihood_floor))
    assert positive.odds("spindle_cell_scc", "nasal_polyp") > \
        focal.odds("spindle_cell_scc", "nasal_polyp")
    flagged = {r.flag.id for r in analyse(kb, {"ihc_cytokeratin": "focal",
                                               "marked_nuclear_pleomorphism": "absent",
                                               "atypical_mitoses": "absent"}).red_flags}
    assert "keratin_positive_stroma_pitfall" in flagged


def test_exclusion_is_shown_above_the_ranking_everywhere(kb, tmp_path, capsys):
    """A met exclusion is a critical warning at the top: above the ranking in `ddx rank`,
    in `ddx explain --json` (alerts and exclusions) and before the differential in the
    report."""
    import json

    from ddx_app.case import load_case
    from ddx_app.cli import main
    from ddx_app.report import build_report, render_html

    path = tmp_path / "alk.ddx.yaml"
    path.write_text("ddx_case: 1\nfindings:\n" + "".join(
        f"  {k}: {v}\n" for k, v in ALK_POSITIVE_IGG4_RICH.items()), encoding="utf-8")
    assert main(["rank", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.index("excluded") < out.index(" 1. ")
    assert main(["explain", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["exclusions"][0]["entity"] == "igg4_rd"
    assert data["alerts"][0]["id"].startswith("exclusion:igg4_rd")
    assert data["alerts"][0]["level"] == "critical"
    case = load_case(path, kb)
    html = render_html(build_report(kb, case, analyse(kb, case.findings)))
    assert html.index("excluded") < html.index("Ranked differential")
