"""The core's own words in Chinese: `ddx summary/rank/explain --lang zh_CN`, the warnings
the engine composes, and the catalogues (ddx_app/i18n.py) that hold them.

English stays the default and stays word for word what it was; a message the catalogue
lacks stays English; a translation cannot drop or invent a {field}; every message the
core and the report templates use has a Simplified Chinese translation.
"""

from __future__ import annotations

import re
import shutil

import pytest
from testdata import EXAMPLES, ROOT, run

from ddx_app import DISCLAIMER, disclaimer
from ddx_app.case import load_case
from ddx_app.cli import _cols, main
from ddx_app.engine import analyse
from ddx_app.engine.presentation import UNSCORED_REASONS, unscored_reason
from ddx_app.i18n import (
    catalogue,
    catalogue_problems,
    gettext,
    known_language,
    missing_messages,
    used_messages,
)
from ddx_app.knowledge.model import text
from ddx_app.summary import MAX_LINES, summary_text

IMT = str(EXAMPLES / "imt.ddx.yaml")
GPA = str(EXAMPLES / "gpa.ddx.yaml")  # IgG4-RD excluded by ANCA; GPA urgent; red flags
CJK = re.compile(r"[\u4e00-\u9fff]")


# --- ddx summary --lang ------------------------------------------------------------


def test_summary_in_chinese(capsys, kb):
    """The laboratory summary in Chinese: Chinese in most lines, at most 12 lines, the
    entity names of the knowledge base's Chinese, the knowledge base's version and short
    hash, Chinese punctuation and the Chinese disclaimer."""
    code, out, _ = run(capsys, "summary", IMT, "--lang", "zh_CN")
    lines = out.splitlines()
    assert code == 0 and 4 <= len(lines) <= MAX_LINES
    assert sum(bool(CJK.search(line)) for line in lines) >= len(lines) - 1  # the case line
    assert lines[-1] == disclaimer("zh_CN") != DISCLAIMER
    assert kb.version in out and kb.short_hash in out
    a = analyse(kb, load_case(IMT, kb).findings)
    leader = text(kb.entities[a.leader.entity].short_name, "zh_CN")
    assert f"鉴别诊断（辅助决策）：{leader} " in out
    assert "。" in out and "，" in out and "：" in out
    assert "Differential" not in out and "Knowledge base" not in out


def test_summary_language_from_the_environment(capsys, monkeypatch):
    """DDX_LANG chooses the language when --lang is not given; --lang wins over it."""
    _, zh, _ = run(capsys, "summary", IMT, "--lang", "zh_CN")
    monkeypatch.setenv("DDX_LANG", "zh_CN.UTF-8")
    assert run(capsys, "summary", IMT)[1] == zh
    _, en, _ = run(capsys, "summary", IMT, "--lang", "en")
    assert not CJK.search(en) and en.startswith("Case EX-IMT-01 - ")
    monkeypatch.setenv("DDX_LANG", "tlh")  # not a language of the app: English
    assert run(capsys, "summary", IMT)[1] == en


def test_english_summary_is_unchanged(capsys, kb):
    """English by default, in the words (and punctuation) it always had."""
    code, out, _ = run(capsys, "summary", IMT)
    assert code == 0 and not CJK.search(out)
    assert out == run(capsys, "summary", IMT, "--lang", "en")[1]
    lines = out.splitlines()
    assert lines[1].startswith("Immunohistochemistry: vimentin diffuse positive, SMA positive,")
    assert lines[1].endswith("; Ki-67 8 %, IgG4+ plasma cells 6/HPF, IgG4/IgG ratio 5 %.")
    assert lines[2].startswith("Differential (decision support): IMT >99% (strongly favoured).")
    assert lines[2].endswith(" IMT is >100× as probable as BSNS.")
    assert lines[3] == (f"Knowledge base {kb.id} {kb.version} (sha256 {kb.short_hash}); "
                        "prior: Referred spindle cell or mass lesion. Relative to the "
                        f"{len(kb.entities)} entities of this knowledge base only.")
    assert lines[-1] == DISCLAIMER


def test_summary_text_in_chinese_without_a_case(kb):
    a = analyse(kb, {})
    lines = summary_text(None, a, "zh_CN").splitlines()
    assert lines[0] == "染色及检测：未记录。"


def test_unknown_language_is_an_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["summary", IMT, "--lang", "fr"])
    assert exc.value.code == 2
    assert "unknown language 'fr'" in capsys.readouterr().err
    assert known_language("zh") == known_language("zh-CN") == "zh_CN"


# --- ddx rank / explain --lang ---------------------------------------------------------


def test_rank_in_chinese_is_aligned(capsys, kb):
    """Chinese entity names take two columns a character: the percentages still line up."""
    code, out, _ = run(capsys, "rank", IMT, "--lang", "zh")
    assert code == 0
    rows = [line for line in out.splitlines() if re.match(r"\s*\d+\. ", line)]
    assert len(rows) == len(kb.entities)
    first = text(kb.entities[kb.entity_ids[0]].name, "zh_CN")
    assert any(first in row for row in rows)
    columns = {_cols(row[:row.index("%")]) for row in rows}
    assert len(columns) == 1, columns
    assert "的可能性是" in out and disclaimer("zh_CN") in out


def test_explain_in_chinese(capsys, kb):
    code, out, _ = run(capsys, "explain", GPA, "--lang", "zh_CN", "--versus", "igg4_rd")
    assert code == 0
    assert "支持 GPA、对比其最强竞争诊断" in out and "对比 " in out
    igg4 = text(kb.entities["igg4_rd"].name, "zh_CN")
    assert f"!! 已排除{igg4} — " in out
    assert "Evidence for" not in out and "Criteria:" not in out
    assert out.rstrip().endswith(disclaimer("zh_CN"))


def test_english_rank_and_explain_are_unchanged(capsys, kb):
    _, rank, _ = run(capsys, "rank", IMT)
    assert rank == run(capsys, "rank", IMT, "--lang", "en")[1] and not CJK.search(rank)
    assert "\n 1. Inflammatory myofibroblastic tumour " in rank
    _, explain, _ = run(capsys, "explain", GPA)
    assert f"!! {text(kb.entities['igg4_rd'].name)} excluded — ACR/EULAR" in explain
    assert "   Resolved by: Only a change in the findings that meet the criterion" in explain
    assert "Evidence for GPA against " in explain


# --- the warnings ----------------------------------------------------------------------


def test_alert_titles_in_chinese(kb):
    a = analyse(kb, load_case(GPA, kb).findings)
    en = {x.id: x for x in a.alerts}
    zh = {x.id: x for x in a.alerts_in("zh_CN")}
    assert en.keys() == zh.keys()
    exclusion = next(i for i in en if i.startswith("exclusion:"))
    entity = en[exclusion].entity
    assert en[exclusion].title == f"{text(kb.entities[entity].name)} excluded"
    assert zh[exclusion].title == f"已排除{text(kb.entities[entity].name, 'zh_CN')}"
    assert zh[exclusion].resolved_by.startswith("只有满足该标准的所见")
    flag = next(i for i in en if i.startswith("red_flag:"))
    assert en[flag].title.startswith("Red flag: ") and zh[flag].title.startswith("警示：")
    assert all(CJK.search(x.title) for x in zh.values())


def test_close_call_and_outside_in_chinese(kb):
    """Warnings composed wholly by the engine: no English sentence left in Chinese."""
    findings = {"ihc_s100": "positive", "ihc_sma": "positive", "ihc_desmin": "positive",
                "ihc_cytokeratin": "positive", "ihc_alk": "positive",
                "spindle_cell_proliferation": "absent", "necrosis": "present",
                "ihc_sox10": "positive", "ihc_cd34": "positive"}
    a = analyse(kb, {f: s for f, s in findings.items() if f in kb.findings})
    zh = {x.kind: x for x in a.alerts_in("zh_CN")}
    assert "outside" in zh, "these findings should fit no entity of the differential"
    assert zh["outside"].title == "超出本鉴别诊断范围？"
    assert "standard deviations" not in zh["outside"].message
    assert "个标准差" in zh["outside"].message or not a.outside.atypical
    assert zh["outside"].resolved_by.startswith(f"需出现这 {len(kb.entities)} 个病种")


def test_unscored_reasons_keep_their_english_and_translate_where_used():
    assert UNSCORED_REASONS["preset"] == "already part of the prior in use"
    assert unscored_reason("preset") == UNSCORED_REASONS["preset"]
    assert unscored_reason("preset", "zh_CN") == "已包含在当前使用的先验概率中"
    assert unscored_reason("no_such_reason", "zh_CN") == "no_such_reason"


# --- gettext ---------------------------------------------------------------------------


def test_gettext_falls_back_to_english_for_an_unknown_message():
    assert gettext("A message no catalogue has: {n} findings", "zh_CN", n=3) == \
        "A message no catalogue has: 3 findings"
    assert gettext("Close call", "xx") == "Close call"


def test_fields_fill_after_translation():
    """The translation decides where a field goes; a value is put in as it is (braces in a
    case's text are not fields)."""
    assert gettext("{entity} excluded", "zh_CN", entity="IMT") == "已排除IMT"
    assert gettext("{workup} ({percent} {entity}):", "zh_CN", workup="ALK 流程",
                   percent="40%", entity="IMT") == "ALK 流程（IMT 40%）："
    assert gettext("{entity} excluded", "zh_CN", entity="{x}") == "已排除{x}"
    assert gettext("{entity} excluded", "en", entity="{x}") == "{x} excluded"


def _resources_copy(tmp_path, monkeypatch, catalogue_text: str | None = None):
    target = tmp_path / "resources"
    shutil.copytree(ROOT / "resources" / "templates", target / "templates")
    (target / "translations").mkdir()
    if catalogue_text is not None:
        (target / "translations" / "test.zh_CN.yaml").write_text(catalogue_text,
                                                                 encoding="utf-8")
    monkeypatch.setenv("DDX_RESOURCES_DIR", str(target))
    return target


def test_a_translation_with_wrong_fields_falls_back_to_english(tmp_path, monkeypatch):
    _resources_copy(tmp_path, monkeypatch, '"{entity} excluded": "已排除{entiti}"\n')
    assert gettext("{entity} excluded", "zh_CN", entity="IMT") == "IMT excluded"
    assert catalogue_problems("zh_CN") == [
        "'{entity} excluded': the translation has fields ['entiti'], the English ['entity']"]


# --- every message has a translation ---------------------------------------------------


def test_used_messages_are_found_where_they_are(tmp_path, monkeypatch):
    """Literal messages of gettext/_/N_ calls in the core, the disclaimer through its
    constant, the templates' _("...") calls; each with the file and line it is on."""
    found = {m.text: m.where for m in used_messages()}
    assert found["{entity} excluded"].startswith("ddx_app/engine/alerts.py:")
    assert found["Differential (decision support): {entities}."].startswith("ddx_app/summary.py:")
    assert UNSCORED_REASONS["context"] in found and DISCLAIMER in found
    path, line = found["Close call"].rsplit(":", 1)
    assert '"Close call"' in (ROOT / path).read_text(encoding="utf-8").splitlines()[int(line) - 1]
    assert not any(m.where.startswith("ddx_app/gui/") for m in used_messages())
    target = _resources_copy(tmp_path, monkeypatch)
    (target / "templates" / "extra.html.j2").write_text(
        "<p>\n{{ _('Hello, {name}', name=n) }} {{ _(\"Say \\\"hi\\\"\") }}</p>\n",
        encoding="utf-8")
    templates = {m.text: m.where for m in used_messages() if "templates/" in m.where}
    assert templates["Hello, {name}"] == "resources/templates/extra.html.j2:2"
    assert templates['Say "hi"'] == "resources/templates/extra.html.j2:2"
    missing = {m.text for m in missing_messages("zh")}
    assert {"Hello, {name}", "Close call", DISCLAIMER} <= missing  # no catalogue at all
    assert missing_messages("en") == []


def test_every_message_of_the_core_has_a_chinese_translation():
    """The engine, the summary and the command line (ddx_app outside report/ and gui/)."""
    missing = [str(m) for m in missing_messages("zh_CN")
               if not m.where.startswith(("ddx_app/report/", "resources/templates/"))]
    assert missing == []


def test_the_catalogues_agree():
    """No translation drops or invents a field, and no message is translated differently
    in two catalogue files (the later file would silently win)."""
    assert catalogue_problems("zh_CN") == []


def test_every_message_used_has_a_chinese_translation():
    """Everything: the core, the reports' Python and the report templates."""
    missing = [str(m) for m in missing_messages("zh_CN")]
    assert missing == [], f"{len(missing)} message(s) without zh_CN:\n" + "\n".join(missing)


def test_the_catalogue_keeps_chinese_separators():
    """An empty translation counts as missing, except a separator's: between two Chinese
    sentences there is no space."""
    assert catalogue("zh_CN")[" "] == ""
    assert gettext(" ", "zh_CN") == "" and gettext(" ", "en") == " "
