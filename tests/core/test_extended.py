"""The extended differential (contract v1.1): sixteen entities, emergencies, scopes."""

import json

import pytest

from ddx_app.case import load_case
from ddx_app.cli import main
from ddx_app.engine import analyse
from ddx_app.report import build_report, render_html

EXTENDED_ENTITIES = {
    "gpa", "nk_t_cell_lymphoma", "invasive_fungal_rhinosinusitis", "schwannoma",
    "solitary_fibrous_tumour", "glomangiopericytoma", "biphenotypic_sinonasal_sarcoma",
    "rhabdomyosarcoma", "rosai_dorfman_disease", "lobular_capillary_haemangioma"}
SEED_SIX = {"imt", "nasal_polyp", "igg4_rd", "rhinoscleroma", "spindle_cell_scc",
            "spindle_cell_melanoma"}
EXTENDED_FINDINGS = {  # id -> a value of each state listed in the contract
    "mass_lesion": "present", "septal_perforation": "absent",
    "lung_or_kidney_involvement": "present", "immunocompromised_or_diabetic": "present",
    "anca_serology": "positive", "ulceration": "present", "vasculitis": "absent",
    "granulomas": "present", "angiocentric_atypical_lymphoid_infiltrate": "present",
    "fungal_hyphae": "present", "staghorn_vessels": "present",
    "verocay_bodies_or_antoni_areas": "absent", "emperipolesis": "present",
    "rhabdomyoblasts": "absent", "lobular_capillary_proliferation": "present",
    "hyperplastic_entrapped_respiratory_epithelium": "present", "ihc_p63": "focal",
    "ihc_p40": "diffuse", "ihc_stat6": "positive", "ihc_cd34": "negative",
    "ihc_beta_catenin_nuclear": "positive", "ihc_myogenin_myod1": "negative",
    "ihc_cd3": "positive", "ihc_cd56": "positive", "ihc_cd163": "negative",
    "ihc_pan_trk": "negative", "ihc_ros1": "negative", "eber_ish": "positive",
    "pax3_rearrangement": "negative"}
FUNGAL = {"immunocompromised_or_diabetic": "present", "necrosis": "present",
          "fungal_hyphae": "present", "bone_destruction_on_imaging": "present"}


def test_every_v1_1_id_is_known_and_accepts_its_states(kb, tmp_path):
    """A case file using every v1.1 finding (and a v1 file) loads and ranks all 16."""
    assert set(kb.entity_ids) == EXTENDED_ENTITIES | SEED_SIX
    path = tmp_path / "v11.ddx.yaml"
    path.write_text("ddx_case: 1\nfindings:\n" + "".join(
        f"  {k}: {v}\n" for k, v in EXTENDED_FINDINGS.items()), encoding="utf-8")
    case = load_case(path, kb)
    assert case.findings == EXTENDED_FINDINGS
    assert len(analyse(kb, case.findings).ranking) == 16


def test_filter_synonyms_reach_the_new_stains(kb):
    """What pathologists type finds the finding: STAT6, GMS, beta-catenin, MyoD1, PR3..."""
    wanted = {"stat6": "ihc_stat6", "gms": "fungal_hyphae", "pas fungi": "fungal_hyphae",
              "β-catenin": "ihc_beta_catenin_nuclear", "beta-catenin":
              "ihc_beta_catenin_nuclear", "myod1": "ihc_myogenin_myod1",
              "pr3": "anca_serology", "mpo": "anca_serology", "ebv": "eber_ish",
              "cd34": "ihc_cd34"}
    for term, fid in wanted.items():
        assert any(term in t for t in kb.findings[fid].search_terms()), term


@pytest.mark.parametrize("findings, entity", [
    (FUNGAL, "invasive_fungal_rhinosinusitis"),
    ({"necrosis": "present", "angiocentric_atypical_lymphoid_infiltrate": "present",
      "eber_ish": "positive", "ihc_cd56": "positive"}, "nk_t_cell_lymphoma"),
])
def test_emergencies_are_called_out_at_the_top(kb, tmp_path, capsys, findings, entity):
    """Invasive fungal rhinosinusitis and NK/T-cell lymphoma are emergencies: when one
    leads, a critical warning comes first in `ddx rank`, in the report and in the alerts."""
    a = analyse(kb, findings)
    assert a.leader.entity == entity
    assert a.urgent[0].entity == entity
    assert a.alerts[0].kind == "urgent" and a.alerts[0].level == "critical"
    path = tmp_path / "urgent.ddx.yaml"
    path.write_text("ddx_case: 1\nfindings:\n" + "".join(
        f"  {k}: {v}\n" for k, v in findings.items()), encoding="utf-8")
    assert main(["rank", str(path)]) == 0
    out = capsys.readouterr().out
    title = a.alerts[0].title
    assert out.index(title) < out.index(" 1. ")
    case = load_case(path, kb)
    html = render_html(build_report(kb, case, a))
    assert html.index(title) < html.index("Ranked differential")


def test_an_emergency_below_its_threshold_stays_quiet(kb):
    """A bland myofibroblastic lesion mentions no emergency."""
    a = analyse(kb, {"spindle_cell_proliferation": "present", "ihc_sma": "positive",
                     "plasma_cells_abundant": "present", "necrosis": "absent"})
    assert not a.urgent
    assert all(x.kind != "urgent" for x in a.alerts)


def test_scope_restricts_the_ranking_and_is_stated(kb, tmp_path, capsys):
    """`--scope seed_six` ranks the six entities of the seed series only, says so, and an
    unknown scope is a one-line error with exit 2."""
    six = kb.scoped("seed_six")
    assert set(six.entity_ids) == SEED_SIX and six.sha256 == kb.sha256
    path = tmp_path / "c.ddx.yaml"
    path.write_text("ddx_case: 1\nfindings:\n  spindle_cell_proliferation: present\n",
                    encoding="utf-8")
    assert main(["rank", "--json", "--scope", "seed_six", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {d["entity"] for d in data["differential"]} == SEED_SIX
    assert data["entity_scope"]["id"] == "seed_six"
    assert abs(sum(d["probability"] for d in data["differential"]) - 1) < 1e-9
    with pytest.raises(SystemExit) as exit_info:
        main(["rank", "--scope", "nope", str(path)])
    assert exit_info.value.code == 2
    assert "unknown scope" in capsys.readouterr().err
    case = load_case(path, kb)
    html = render_html(build_report(six, case, analyse(six, case.findings)))
    assert "The six entities of the seed series" in html


def test_outside_mimics_are_only_what_the_knowledge_base_does_not_rank(kb):
    """The 'outside this differential' list names lesions outside the knowledge base."""
    mimics = {m.id for m in kb.mimics}
    assert not mimics & set(kb.entity_ids)
    assert {"leiomyosarcoma", "mpnst", "synovial_sarcoma", "angiofibroma",
            "eosinophilic_angiocentric_fibrosis", "sarcoidosis",
            "cocaine_induced_midline_lesion"} <= mimics


def test_a_scope_that_leaves_out_the_answer_says_so(kb):
    """Ranked among the seed six, a GPA picture gets the outside-this-differential warning,
    naming GPA (outside the scope) first with its probability among all sixteen."""
    gpa = {"necrosis": "present", "granulomas": "present", "vasculitis": "present",
           "anca_serology": "positive", "septal_perforation": "present"}
    six = analyse(kb.scoped("seed_six"), gpa)
    assert six.outside is not None
    assert six.outside.outside_scope[0][0] == "gpa"
    outside = next(x for x in six.alerts if x.kind == "outside")
    assert outside.items[0].id == "gpa"
    assert analyse(kb, gpa).leader.entity == "gpa"
    assert analyse(kb, gpa).outside is None or not analyse(kb, gpa).outside.outside_scope
