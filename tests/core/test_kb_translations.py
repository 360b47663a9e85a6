"""Simplified Chinese in the knowledge base, and `ddx kb check --lang zh`.

The bundled findings catalogue and manifest carry a ``zh`` text beside every English
one; `kb check --lang` lists, by file and line, every text a translator still has to
write, without failing the check; a text without a translation reads in English.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from ddx_app.cli import main
from ddx_app.knowledge import bundled_kb_dir, load_knowledge_base
from ddx_app.knowledge.model import text
from ddx_app.knowledge.translations import (
    MAX_SHOWN,
    Untranslated,
    language_keys,
    translation_report,
)

CJK = re.compile(r"[\u4e00-\u9fff]")
TEXT_MAP = re.compile(r"\{en: ([^\[{}][^{}]*)\}")  # a one-line text map, not a word list


def translate_all(kb_dir: Path) -> None:
    """Give every one-line text map of a KB copy a (dummy) zh text."""
    for path in [*kb_dir.glob("*.yaml"), *kb_dir.glob("entities/*.yaml")]:
        path.write_text(TEXT_MAP.sub(r"{en: \1, zh: 译文}", path.read_text("utf-8")), "utf-8")


def line_of(path: Path, fragment: str) -> int:
    content = path.read_text("utf-8")
    assert content.count(fragment) == 1, fragment
    return content[: content.index(fragment)].count("\n") + 1


# -- the bundled knowledge base -----------------------------------------------------------------

def test_every_findings_and_manifest_text_has_zh():
    """Every text of findings.yaml and kb.yaml (labels, help, states, units, bins, bands,
    presets, scopes, dependence groups, red flags, mimics) has a Chinese translation."""
    report = translation_report(bundled_kb_dir(), "zh")
    left = [str(m) for m in report.missing
            if Path(m.file).name in ("findings.yaml", "kb.yaml")]
    assert left == []


def test_labels_read_in_chinese(kb):
    """What the checklist and the reports show in Chinese: finding, group and state labels
    with Chinese characters (marker names such as SOX10 may stay as written)."""
    for f in kb.findings.values():
        assert text(f.label, "zh_CN") and "zh" in f.label, f.id
        assert CJK.search(text(f.help, "zh_CN")), f.id
    for g in kb.groups.values():
        assert CJK.search(text(g.label, "zh_CN")), g.id
    for state, label in kb.state_labels.items():
        assert CJK.search(text(label, "zh_CN")), state
    assert text(kb.findings["ihc_desmin"].label, "zh_CN").startswith("结蛋白")
    assert text(kb.findings["spindle_cell_proliferation"].label, "zh_CN") == "梭形细胞增生"
    assert text(kb.state_labels["focal"], "zh_CN") == "灶状阳性"


def test_short_names_of_zh_labels(kb):
    """One-line summaries drop a label's trailing parenthesis in Chinese as in English."""
    assert kb.findings["ihc_sma"].short_name("zh_CN") == "SMA"
    assert kb.findings["ihc_desmin"].short_name("zh_CN") == "结蛋白"
    assert kb.findings["ihc_cytokeratin"].short_name("zh_CN") == "角蛋白"


def test_zh_labels_do_not_collide(kb):
    """Two findings never share a Chinese label (quick entry would have to ask)."""
    labels = [text(f.label, "zh") for f in kb.findings.values()]
    assert len(labels) == len(set(labels))


def test_bibliography_notes_are_not_asked_for():
    """Notes on sources stay in the language of the reference: the schema marks them
    (x-translate: false), so the report neither lists nor counts them."""
    report = translation_report(bundled_kb_dir(), "zh")
    assert not [m for m in report.missing if Path(m.file).name == "sources.yaml"]


def test_every_entity_name_has_zh(kb):
    """Entity names in Chinese; short names (IMT, GPA) may stay as written."""
    for e in kb.entities.values():
        assert CJK.search(text(e.name, "zh_CN")), e.id
        assert "zh" in e.short_name, e.id


# -- kb check --lang ----------------------------------------------------------------------------

def test_kb_check_lists_the_one_untranslated_label(mini_kb_dir, capsys):
    translate_all(mini_kb_dir)
    findings = mini_kb_dir / "findings.yaml"
    findings.write_text(findings.read_text("utf-8").replace(
        "label: {en: Sex, zh: 译文}", "label: {en: Sex}"), "utf-8")
    line = line_of(findings, "label: {en: Sex}")

    assert main(["kb", "check", str(mini_kb_dir), "--lang", "zh"]) == 0
    out = capsys.readouterr().out.splitlines()
    listed = [s for s in out if ": untranslated " in s]
    assert listed == [f"{findings}:{line}: untranslated finding label (Sex)"]
    summary = next(s for s in out if s.startswith("zh: "))
    total = int(re.search(r"of (\d+) texts", summary).group(1))
    assert summary == (f"zh: {total - 1} of {total} texts translated; "
                       "1 untranslated: 1 finding label")


def test_zh_serves_zh_cn_but_not_the_reverse(mini_kb_dir, capsys):
    """text() reads zh for zh_CN, so the check does too; a zh_CN text does not serve zh."""
    translate_all(mini_kb_dir)
    assert main(["kb", "check", str(mini_kb_dir), "--lang", "zh_CN"]) == 0
    assert "; none untranslated" in capsys.readouterr().out
    kb_yaml = mini_kb_dir / "kb.yaml"
    kb_yaml.write_text(kb_yaml.read_text("utf-8").replace(
        "title: {en: Minimal test knowledge base, zh: 译文}",
        "title: {en: Minimal test knowledge base, zh_CN: 译文}"), "utf-8")
    assert [m.what for m in translation_report(mini_kb_dir, "zh").missing] == [
        "knowledge base title"]
    assert translation_report(mini_kb_dir, "zh-CN").missing == []
    assert language_keys("zh_CN") == ("zh_CN", "zh")


def test_untranslated_texts_are_named_by_place(mini_kb_dir):
    """The untranslated mini KB: every kind of text named, sorted by file and line."""
    report = translation_report(mini_kb_dir, "zh")
    kinds = dict(report.by_what())
    assert kinds["state label"] == 8 and kinds["finding label"] == 5
    assert kinds["finding bin label"] == 2 and kinds["group label"] == 3
    assert kinds["entity name"] == 2 and kinds["workup step outcome conclude"] == 3
    assert report.translated == 0 and report.total == len(report.missing)
    places = [re.match(r"(.*):(\d+): untranslated ", line).groups()
              for line in report.lines()[:-1]]
    keys = [(f, int(n)) for f, n in places]
    assert keys == sorted(keys) and len(keys) == report.total


def test_source_note_is_not_counted(mini_kb_dir):
    sources = mini_kb_dir / "sources.yaml"
    sources.write_text(sources.read_text("utf-8").replace(
        "    n: 20\n", "    n: 20\n    note: {en: Twenty cases from one centre.}\n"), "utf-8")
    before = translation_report(mini_kb_dir, "zh")
    assert before.problems == []
    assert not any("Twenty cases" in m.english for m in before.missing)


def test_report_without_lang_is_unchanged(mini_kb_dir, capsys):
    assert main(["kb", "check", str(mini_kb_dir)]) == 0
    assert "untranslated" not in capsys.readouterr().out


def test_broken_kb_still_fails_and_still_reports(mini_kb_dir, capsys):
    """An error keeps its exit status; the files that parse are still reported."""
    (mini_kb_dir / "entities" / "beta.yaml").write_text("id: [unclosed\n", "utf-8")
    assert main(["kb", "check", str(mini_kb_dir), "--lang", "zh"]) == 2
    captured = capsys.readouterr()
    assert "beta.yaml" in captured.err
    assert "untranslated finding label (Sex)" in captured.out


# -- fallback -----------------------------------------------------------------------------------

def test_finding_label_without_zh_reads_in_english(mini_kb_dir):
    translate_all(mini_kb_dir)
    findings = mini_kb_dir / "findings.yaml"
    findings.write_text(findings.read_text("utf-8").replace(
        "label: {en: Sex, zh: 译文}", "label: {en: Sex}"), "utf-8")
    kb = load_knowledge_base(mini_kb_dir, use_cache=False)
    assert text(kb.findings["sex"].label, "zh_CN") == "Sex"
    assert text(kb.findings["age"].label, "zh_CN") == "译文"
    assert text(kb.findings["age"].label, "en") == "Age"


@given(st.text(min_size=1, max_size=300))
def test_shown_english_is_one_short_line(english):
    line = str(Untranslated("kb.yaml", 3, "finding label", english))
    assert "\n" not in line and "\r" not in line
    shown = line[len("kb.yaml:3: untranslated finding label ("):-1]
    assert len(shown) <= MAX_SHOWN
