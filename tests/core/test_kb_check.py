"""`ddx kb check`: each kind of knowledge-base error is reported at the right file and line.

Every test breaks a copy of the small test KB in one way and checks the message a
KB author would see, including its line number.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from testdata import assert_one_error, edit
from testdata import kb_errors as errors

from ddx_app.cli import main
from ddx_app.errors import KnowledgeBaseError
from ddx_app.knowledge import check_knowledge_base, load_knowledge_base


def test_bundled_kb_has_no_errors():
    """The shipped knowledge base passes its own checker."""
    from ddx_app.knowledge import bundled_kb_dir

    assert errors(bundled_kb_dir()) == []


def test_mini_kb_is_valid(mini_kb_dir):
    assert errors(mini_kb_dir) == []


# One edit of a copy of the mini KB -> the one error a KB author sees, at the edited line.
ONE_EDIT_ERRORS = [
    # a likelihood for a finding the catalogue does not have is named
    pytest.param("entities/alpha.yaml", "  stain_s:", "  stain_x:", "unknown finding 'stain_x'",
                 id="dangling-finding-id"),
    # a malformed id is an unknown finding too: one message, from the one check of the keys
    pytest.param("entities/alpha.yaml", "  stain_s:", "  Stain-S:", "unknown finding 'Stain-S'",
                 id="malformed-finding-id"),
    # P = 1.3 is refused by the schema at the line of that number
    pytest.param("entities/beta.yaml", "atypia: {present: 0.9,", "atypia: {present: 1.3,",
                 "1.3", id="probability-above-one"),
    # all states given but summing to 0.9 is an error naming the sum
    pytest.param("entities/beta.yaml", "sex: {male: 0.8, female: 0.2,",
                 "sex: {male: 0.7, female: 0.2,", "sum to 0.9", id="probabilities-not-summing"),
    pytest.param("entities/beta.yaml", "age: {young: 0.1, old: 0.9,",
                 "age: {young: 0.1, old: 0.9, bogus: 0.2,", "'bogus' is not a state",
                 id="unknown-state"),
    # two findings with one id: the second is reported
    pytest.param("findings.yaml", "  - id: stain_s\n", "  - id: stain_k\n",
                 "duplicate finding id 'stain_k'", id="duplicate-finding-id"),
    pytest.param("entities/alpha.yaml", "stain_k: {positive: 0.1, source: jones2021}",
                 "stain_k: {positive: 0.1, source: nobody1999}",
                 "unknown source id 'nobody1999'", id="unknown-source-id"),
    # an unsourced number must be marked expert_estimate: silence is an error
    pytest.param("entities/alpha.yaml", "sex: {male: 0.5, expert_estimate: true}",
                 "sex: {male: 0.5}", "needs a source id", id="figure-without-source"),
    pytest.param("findings.yaml", "{id: old, label: {en: \">= 40\"}, min: 40,",
                 "{id: old, label: {en: \">= 40\"}, min: 30,", "overlaps", id="bins-overlap"),
    pytest.param("findings.yaml", "{id: old, label: {en: \">= 40\"}, min: 40,",
                 "{id: old, label: {en: \">= 40\"}, min: 50,", "gap", id="bins-gap"),
    pytest.param("findings.yaml", "min: 40, max: 120}", "min: 40, max: 100}",
                 "range ends at 120", id="bins-short-of-range"),
    # a typo in a key is caught by the schema at the key's own line
    pytest.param("entities/alpha.yaml", "pitfalls:", "pitfals:", "unknown key 'pitfals'",
                 id="unknown-key"),
    # user-visible text must be a language map so it can be translated
    pytest.param("entities/alpha.yaml", "description: {en: A common benign lesion.}",
                 "description: A common benign lesion.", "description",
                 id="plain-string-for-text"),
    pytest.param("kb.yaml", "when: {finding: atypia, is: present}",
                 "when: {finding: atypia, is: positive}", "'positive' is not a state of atypia",
                 id="condition-unknown-state"),
]


@pytest.mark.parametrize(("file", "old", "new", "message"), ONE_EDIT_ERRORS)
def test_one_edit_gives_one_located_error(mini_kb_dir, file, old, new, message):
    line = edit(mini_kb_dir / file, old, new)
    assert_one_error(mini_kb_dir, file, line, message)


def test_missing_cell_when_complete_is_required(mini_kb_dir):
    """require_complete: every entity gives every finding, or says it is an estimate."""
    line = edit(mini_kb_dir / "entities/beta.yaml",
                "  stain_s: {positive: 0.02, expert_estimate: true}\n", "")
    found = errors(mini_kb_dir)
    assert any("no likelihood for finding 'stain_s'" in e for e in found), found
    assert line > 1


def test_workup_that_loops(mini_kb_dir):
    line = edit(mini_kb_dir / "entities/beta.yaml", "positive: {conclude: {en: Think melanoma.}}",
                "positive: {next: k}")
    found = errors(mini_kb_dir)
    assert any("loop" in e for e in found), found
    assert line > 1


def test_entity_id_must_match_file_name(mini_kb_dir):
    edit(mini_kb_dir / "entities/beta.yaml", "id: beta", "id: gamma")
    assert_one_error(mini_kb_dir, "entities/beta.yaml", 1, "must match the file name")


def test_yaml_syntax_error_in_kb(mini_kb_dir):
    line = edit(mini_kb_dir / "sources.yaml", "kind: review", "kind: [review")
    found = errors(mini_kb_dir)
    assert any(e.startswith(f"{mini_kb_dir / 'sources.yaml'}:") and "not valid YAML" in e
               for e in found), found
    assert line > 1


def test_every_error_is_listed_not_just_the_first(mini_kb_dir):
    """An author fixing a KB sees all problems in one run."""
    edit(mini_kb_dir / "entities/alpha.yaml", "  stain_s:", "  stain_x:")
    edit(mini_kb_dir / "entities/beta.yaml", "sex: {male: 0.8,", "sex: {male: 0.7,")
    assert len(errors(mini_kb_dir)) >= 3  # dangling id, missing cell, bad sum


def test_load_raises_with_all_problems(mini_kb_dir):
    edit(mini_kb_dir / "entities/alpha.yaml", "  stain_s:", "  stain_x:")
    with pytest.raises(KnowledgeBaseError) as info:
        load_knowledge_base(mini_kb_dir, use_cache=False)
    assert "stain_x" in str(info.value)


@pytest.mark.parametrize("name", ["kb", "findings", "sources", "entity"])
def test_schemas_are_valid_json_schemas(name):
    """Checked here rather than on every load: the metaschema check costs more than
    validating a small knowledge base."""
    import jsonschema

    from ddx_app.knowledge.schema import load_schema

    schema = load_schema(name)  # as the loader uses it: merged and dereferenced
    jsonschema.validators.validator_for(schema).check_schema(schema)


@pytest.mark.parametrize(("new", "message"), [
    # the condition comes closest to the {finding, is} form: say what is wrong in it
    ("when: {finding: atypia, is: 3}", "red_flags.0.when.is: expected string, got 3"),
    # no form fits: say which keys were given
    ("when: {finding: atypia, iz: present}", "not a valid form (keys given: finding, iz)"),
])
def test_a_condition_that_fits_no_form_is_reported_once(mini_kb_dir, new, message):
    line = edit(mini_kb_dir / "kb.yaml", "when: {finding: atypia, is: present}", new)
    found = errors(mini_kb_dir)
    assert len(found) == 1 and found[0].startswith(f"{mini_kb_dir / 'kb.yaml'}:{line}:"), found
    assert message in found[0], found


def test_cli_check_exit_codes(mini_kb_dir, capsys):
    """`ddx kb check` exits 0 on a good KB and 2 with file:line lines on a bad one."""
    assert main(["kb", "check", str(mini_kb_dir)]) == 0
    edit(mini_kb_dir / "entities/alpha.yaml", "  stain_s:", "  stain_x:")
    assert main(["kb", "check", str(mini_kb_dir)]) == 2
    err = capsys.readouterr().err
    assert f"{mini_kb_dir / 'entities/alpha.yaml'}:" in err
    assert "Traceback" not in err


def test_missing_files_are_reported(tmp_path):
    (tmp_path / "entities").mkdir()
    found = errors(tmp_path)
    assert any("kb.yaml:1: required file is missing" in e for e in found)
    assert any("no entity files" in e for e in found)


def test_cache_never_hides_an_edit(mini_kb_dir):
    """A changed file is always re-validated: the content-hash cache cannot serve stale data."""
    first = load_knowledge_base(mini_kb_dir)
    edit(mini_kb_dir / "entities/alpha.yaml", "stain_k: {positive: 0.1,",
         "stain_k: {positive: 0.2,")
    second = load_knowledge_base(mini_kb_dir)
    assert second.sha256 != first.sha256
    assert second.cell("alpha", "stain_k").probs["positive"] == 0.2
    edit(mini_kb_dir / "entities/alpha.yaml", "  stain_s:", "  stain_x:")
    with pytest.raises(KnowledgeBaseError):
        load_knowledge_base(mini_kb_dir)


def test_cache_keeps_only_the_newest_entries(mini_kb_dir, tmp_path, monkeypatch):
    """Each edit of a knowledge base caches a new copy; old copies are pruned, the one
    just written and the other recent ones stay."""
    import os

    from ddx_app.knowledge import loader

    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("DDX_CACHE_DIR", str(cache))
    for i in range(loader.CACHE_KEEP + 5):
        old = cache / f"kb-old{i:02d}.json"
        old.write_text("{}", "utf-8")
        os.utime(old, (1_000_000 + i, 1_000_000 + i))
    kb = load_knowledge_base(mini_kb_dir)
    kept = sorted(p.name for p in cache.glob("kb-*.json"))
    assert len(kept) == loader.CACHE_KEEP
    assert "kb-old00.json" not in kept and f"kb-old{loader.CACHE_KEEP + 4:02d}.json" in kept
    assert len([name for name in kept if not name.startswith("kb-old")]) == 1  # the new one
    assert load_knowledge_base(mini_kb_dir).sha256 == kb.sha256


def test_hash_ignores_comments_and_layout(mini_kb_dir):
    """The SHA-256 is over canonical content: a comment does not change the version identity."""
    first = load_knowledge_base(mini_kb_dir, use_cache=False).sha256
    path = mini_kb_dir / "entities/alpha.yaml"
    path.write_text("# a comment\n" + path.read_text("utf-8"), "utf-8")
    assert load_knowledge_base(mini_kb_dir, use_cache=False).sha256 == first


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=400))
def test_checker_never_crashes_on_arbitrary_entity_text(mini_kb_dir, text):
    """Whatever an author saves, `kb check` answers with located problems, never a crash."""
    (mini_kb_dir / "entities" / "alpha.yaml").write_text(text, "utf-8")
    for problem in check_knowledge_base(mini_kb_dir):
        assert problem.file.endswith(".yaml") and problem.line >= 1


def test_synthetic_benchmark_kb_is_valid(tmp_path):
    """The benchmark's generator writes the real format, sparse cells allowed."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from synthetic_kb import write_kb

    kb = load_knowledge_base(write_kb(tmp_path / "syn", entities=20, findings=30, per_entity=5),
                             use_cache=False)
    assert len(kb.entities) == 20 and len(kb.findings) == 30
    missing = next(f for f in kb.findings if f not in kb.entities["e0000"].cells)
    assert kb.cell("e0000", missing).provenance.expert_estimate


def test_cached_kb_is_identical_to_a_freshly_validated_one(mini_kb_dir):
    """Loading from the content-hash cache gives the same order of states, aliases and
    findings as a full validation (key order carries meaning)."""
    fresh = load_knowledge_base(mini_kb_dir, use_cache=False)
    load_knowledge_base(mini_kb_dir)  # writes the cache
    cached = load_knowledge_base(mini_kb_dir)
    assert cached.sha256 == fresh.sha256
    for fid, f in fresh.findings.items():
        assert cached.findings[fid].accepted_values == f.accepted_values
    assert list(cached.findings) == list(fresh.findings)
    assert list(cached.state_labels) == list(fresh.state_labels)


def test_report_thresholds_are_checked(mini_kb_dir):
    """kb.yaml `report` is required data; a nonsense threshold is refused at its line."""
    line = edit(mini_kb_dir / "kb.yaml", "min_difference: 0.3", "min_difference: 3")
    assert_one_error(mini_kb_dir, "kb.yaml", line, "3")
    edit(mini_kb_dir / "kb.yaml", "report:\n", "reports:\n")
    found = errors(mini_kb_dir)
    assert any("report" in e and str(mini_kb_dir / "kb.yaml") in e for e in found), found
