"""kb.yaml ``practice``: what a generated practice case records and how its history reads
are knowledge-base data, checked by `ddx kb check` (file:line) and written in the
knowledge base's languages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from ddx_app.cli import main
from ddx_app.knowledge import bundled_kb_dir, check_knowledge_base, load_knowledge_base
from ddx_app.practice import generate, history_text

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def kb_copy(tmp_path) -> Path:
    """A writable copy of the bundled knowledge base."""
    target = tmp_path / "knowledge"
    shutil.copytree(bundled_kb_dir(), target)
    return target


def edit(path: Path, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` once; the 1-based line where it starts."""
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new, 1), "utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_unknown_finding_in_always_shown_fails_kb_check_at_its_line(kb_copy, capsys):
    line = edit(kb_copy / "kb.yaml",
                "always_shown: [age_years, sex, spindle_cell_proliferation]",
                "always_shown: [age_years, sex, spindle_cel_proliferation]")
    assert main(["kb", "check", str(kb_copy)]) == 2
    err = capsys.readouterr().err
    assert f"{kb_copy / 'kb.yaml'}:{line}: unknown finding 'spindle_cel_proliferation'" in err
    assert "Traceback" not in err


# one edit of the practice block -> the error an author sees, at the edited line
PRACTICE_ERRORS = [
    pytest.param("    clinical: [2, 4]", "    clinicle: [2, 4]", "unknown group 'clinicle'",
                 id="unknown-group"),
    pytest.param("    inflammatory: [1, 3]", "    inflammatory: [3, 1]",
                 "the fewest (3) is more than the most (1)", id="counts-reversed"),
    pytest.param("sampled_minimum: {age_years: 1}", "sampled_minimum: {sex: 1}",
                 "'sex' is not a numeric finding", id="minimum-of-categorical"),
    pytest.param("    group: clinical ", "    group: clinic ", "unknown group 'clinic'",
                 id="history-group"),
    pytest.param("    age: {finding: age_years, adult_from: 18}",
                 "    age: {finding: age, adult_from: 18}", "unknown finding 'age'",
                 id="history-age-finding"),
    pytest.param("    present_state: present ", "    present_state: presnt ",
                 "unknown state 'presnt'", id="history-state"),
    pytest.param("      female:\n", "      femme:\n", "unknown state 'femme' of sex",
                 id="opening-state"),
    pytest.param('lesion_only:    {en: "{opening} with a sinonasal lesion.", zh: "{opening}，',
                 'lesion_only:    {en: "{opening} with a sinonasal lesion.", zh: "{patient}，',
                 "unknown field {patient} (expected {opening})", id="wording-field"),
]


@pytest.mark.parametrize("old, new, message", PRACTICE_ERRORS)
def test_practice_block_errors_name_file_and_line(kb_copy, old, new, message):
    line = edit(kb_copy / "kb.yaml", old, new)
    found = [str(p) for p in check_knowledge_base(kb_copy) if p.severity == "error"]
    assert any(e.startswith(f"{kb_copy / 'kb.yaml'}:{line}:") and message in e
               for e in found), found


def test_history_in_zh_cn_is_chinese(kb):
    """The same cases in Chinese: every history is Chinese (no English sentence words),
    the findings drawn are the same as in English."""
    english = list(generate(kb, 20, 7))
    chinese = list(generate(kb, 20, 7, lang="zh_CN"))
    for (_, en), (_, zh) in zip(english, chinese):
        assert zh.findings == en.findings
        history = zh.teaching["history"]
        assert CJK.search(history), history
        assert not re.search(r"year-old|patient|Not present|sinonasal lesion|\bman\b|woman",
                             history), history
        assert CJK.search(zh.title) and CJK.search(zh.teaching["explanation"])
        age = zh.findings.get("age_years")
        if age is not None:
            assert f"{age:g} 岁" in history
    lesion = [zh for (_, zh) in chinese if "鼻腔鼻窦病变" in zh.teaching["history"]]
    assert lesion  # the "no present findings" opening occurs in these 20


def test_history_follows_the_knowledge_base_wording(kb_copy):
    """Words and thresholds of the history are read from kb.yaml, not the code."""
    edit(kb_copy / "kb.yaml", '{en: "{opening} with a sinonasal lesion."',
         '{en: "{opening} referred with a nasal mass."')
    edit(kb_copy / "kb.yaml", "adult_from: 18", "adult_from: 80")
    kb = load_knowledge_base(kb_copy)
    assert history_text(kb, {"age_years": 45, "sex": "male"}) == \
        "A 45-year-old boy referred with a nasal mass."
    assert history_text(kb, {"sex": "female", "epistaxis": "absent"}) == \
        "A woman referred with a nasal mass. Not present: epistaxis."


def test_sampled_minimum_is_read_from_the_knowledge_base(kb_copy):
    edit(kb_copy / "kb.yaml", "sampled_minimum: {age_years: 1}",
         "sampled_minimum: {age_years: 12}")
    kb = load_knowledge_base(kb_copy)
    ages = [c.findings["age_years"] for _, c in generate(kb, 40, 3, entity="rhabdomyosarcoma")
            if "age_years" in c.findings]
    assert ages and min(ages) >= 12 and any(a < 18 for a in ages)
