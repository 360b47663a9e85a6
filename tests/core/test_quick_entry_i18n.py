"""Quick entry in the user's language: the parser's questions and notes, the number
field's messages, `ddx parse` and `ddx case new` in Chinese with `lang="zh_CN"`
(resources/translations/entry.zh_CN.yaml), word for word the English they were with
`lang="en"`.
"""

from __future__ import annotations

import re

from testdata import run

from ddx_app.i18n import missing_messages
from ddx_app.knowledge.model import text
from ddx_app.quick_entry import parse, preview, read_number

CJK = re.compile(r"[\u4e00-\u9fff]")
# the English of the messages' frames: none of it may be left in a Chinese message
ENGLISH_WORDS = re.compile(r"\b(not|give|could|which|takes|measured|recorded|from|"
                           r"mean|between|given|none|one of|write|results?)\b")
KI67 = "ihc_ki67_percent"

# lines that between them ask every kind of question and note the parser has
LINES = [
    "Ki67 5-10%",                    # a range
    "Ki67 <5%",                      # a comparison
    "Ki67 0.4",                      # a fraction for a percentage
    "Ki67 ~10%",                     # an approximation: noted
    "Ki67 250%",                     # outside the range
    "age 1400 months",               # outside the range, converted
    "Ki67 15% Ki67 5-10",            # the same finding given again while asked about
    "Ki67 15% Ki67 20%",             # two different values
    "ALK 1,5",                       # a decimal comma
    "SMA 5",                         # a number for a result
    "sex positive",                  # a result the finding does not have
    "Ki67 positive",                 # a result for a number
    "Ki67",                          # a number missing
    "SMA",                           # named alone, a result missing (named-alone present?)
    "~10%",                          # a unit two findings take
    "Ki67 15 mg/dL",                 # a unit of another finding
    "CK+",                           # a union: noted
    "S100 and SOX10 negative",       # a shared result: noted
    "age 14 months",                 # converted: noted
    "IgG4",                          # a name several findings share
    "IgG4 negative",                 # ... and a result none of them takes
]


def messages(result) -> list[str]:
    return [q.message for q in (*result.questions, *result.notes)] + \
        [i.note for i in result.items if i.note]


def test_a_range_is_asked_about_in_chinese(kb):
    r = parse(kb, "Ki67 5-10%", "zh_CN")
    assert not r.findings and len(r.questions) == 1
    q = r.questions[0]
    assert q.finding == KI67 and q.text == "Ki67 5-10%"
    label = text(kb.findings[KI67].label, "zh_CN")
    assert q.message == f"{label}：请填写一个数值，而非范围（“5-10%”）"
    assert not ENGLISH_WORDS.search(q.message)


def test_a_fraction_is_asked_about_in_chinese(kb):
    """0.4 for a percentage: did you mean 40 %? — in Chinese, with a unit the line reads
    to type (the Chinese unit label "% 病变细胞" is shown, "%" suggested)."""
    r = parse(kb, "Ki67 0.4", "zh_CN")
    [q] = r.questions
    label = text(kb.findings[KI67].label, "zh_CN")
    assert CJK.search(label) and q.message.startswith(f"{label} 0.4：是否指 40 ")
    assert "（“40%”或“0.4%”）" in q.message
    assert parse(kb, "Ki67 40%", "zh_CN").findings == {KI67: 40}  # the suggestion reads
    assert not ENGLISH_WORDS.search(q.message)


def test_every_question_and_note_is_chinese(kb):
    """Each line asks or notes the same things in both languages; in Chinese every such
    message has Chinese in it and no English sentence left."""
    kinds = set()
    for line in LINES:
        en, zh = parse(kb, line, "en"), parse(kb, line, "zh_CN")
        assert zh.findings == en.findings, line
        assert [(q.start, q.end, q.finding) for q in zh.questions] == \
            [(q.start, q.end, q.finding) for q in en.questions], line
        assert len(messages(zh)) == len(messages(en)) >= 1, line
        for message in messages(zh):
            assert CJK.search(message) and not ENGLISH_WORDS.search(message), (line, message)
        kinds |= {m.split(":")[-1][:12] for m in messages(en)}
    assert len(kinds) >= 15  # the lines do reach that many different messages


def test_lists_in_chinese_messages_use_chinese_separators(kb):
    """The results a finding takes are its Chinese results, joined by "、"; the findings a
    word could be are joined by "或"."""
    [q] = parse(kb, "SMA 5", "zh_CN").questions
    results = "、".join(text(kb.state_labels[s], "zh_CN")
                       for s in kb.findings["ihc_sma"].accepted_values)
    assert f"（{results}）" in q.message and ", " not in q.message
    [q] = parse(kb, "~10%", "zh_CN").questions
    assert q.message.startswith("“~10%”：指哪一项所见？（") and "或" in q.message
    assert ", " not in q.message and " or " not in q.message
    r = parse(kb, "CK+", "zh_CN")
    [note] = r.notes
    assert note.message.endswith("：记录为阳性（未注明灶状阳性或弥漫阳性）")
    items = {i.finding: i for i in parse(kb, "S100 and SOX10 negative", "zh_CN").items}
    assert items["ihc_s100"].note == "取自“negative”"
    assert parse(kb, "age 14 months", "zh_CN").items[0].note == "由“14 months”换算"


def test_english_is_unchanged(kb):
    """The default, "en", and the words (ids of results, ", " and " or ") it always had."""
    for line in LINES:
        assert parse(kb, line) == parse(kb, line, "en")
    [q] = parse(kb, "Ki67 5-10%", "en").questions
    assert q.message == "Ki-67 (MIB-1) index: give one number, not a range ('5-10%')"
    [q] = parse(kb, "Ki67 0.4").questions
    assert q.message == ("Ki-67 (MIB-1) index 0.4: did you mean 40 %? Write it with its unit "
                         "('40%' or '0.4%')")
    [q] = parse(kb, "SMA 5").questions
    assert q.message == ("SMA (smooth muscle actin) takes a result (negative, positive, "
                         "focal, diffuse), not a number ('5')")
    assert parse(kb, "CK+").notes[0].message.endswith(
        ": recorded as positive (focal or diffuse not stated)")
    assert parse(kb, "age 14 months").items[0].note == "from 14 months"
    assert preview(kb, parse(kb, "xyz SMA+")).startswith("SMA (smooth muscle actin) = ")
    assert preview(kb, parse(kb, "xyz abc")) == "not understood: 'xyz', 'abc'"


def test_preview_and_number_field_in_chinese(kb):
    assert preview(kb, parse(kb, "xyz abc", "zh_CN"), "zh_CN") == "未识别：“xyz”、“abc”"
    label = text(kb.findings[KI67].label, "zh_CN")
    assert read_number(kb, KI67, "5-10", lang="zh_CN").message == \
        f"{label}：请填写一个数值，而非范围（“5-10”）"
    assert read_number(kb, KI67, "abc", lang="zh_CN").message == f"{label}：“abc”不是数值"
    sma = text(kb.findings["ihc_sma"].label, "zh_CN")
    assert read_number(kb, "ihc_sma", "5", lang="zh_CN").message == f"{sma}应填写结果，而非数值"
    assert read_number(kb, KI67, "5-10").message.endswith("not a range ('5-10')")


def test_parse_command_in_chinese(capsys, kb):
    code, out, _ = run(capsys, "parse", "--lang", "zh_CN", "SMA阳性 Ki67 5-10% xyz")
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "已识别（1 项）："
    assert lines[1].startswith(f"  {text(kb.findings['ihc_sma'].label, 'zh_CN')}  阳性  <- ")
    assert lines[2] == "未识别（1 处）：'xyz'"
    assert lines[3] == "待确认（1 项），未记录："
    assert lines[4].startswith("  ? ") and CJK.search(lines[4])
    assert not re.search(r"Understood|Questions|Notes|not recorded", out)
    _, out, _ = run(capsys, "parse", "--lang", "zh_CN", "Ki67 ~10%, age 14 months")
    assert "备注：" in out and "（由“14 months”换算）" in out
    _, en, _ = run(capsys, "parse", "SMA+ Ki67 5-10% xyz")
    assert en.splitlines()[0] == "Understood (1):" and not CJK.search(en)
    assert en.splitlines()[2] == "Not understood (1): 'xyz'"
    assert en.splitlines()[3] == "Questions (1), not recorded:"


def test_case_new_in_chinese(capsys, tmp_path, kb):
    out_file = tmp_path / "c.ddx.yaml"
    code, _, err = run(capsys, "case", "new", "--findings", "SMA+ Ki67 5-10%", "-o", str(out_file),
                       "--lang", "zh_CN")
    assert code == 2 and not out_file.exists()
    assert "待确认（1 项），未记录：" in err
    assert f"ddx: error: 未写入 {out_file}：部分文本未能识别或需要确认（见上文）" in err
    code, out, _ = run(capsys, "case", "new", "--findings", "SMA+ desmin-", "-o", str(out_file),
                       "--lang", "zh_CN")
    assert code == 0 and out_file.exists()
    assert out.startswith(f"{out_file}：病例含 2 项所见（知识库 {kb.version}，sha256 ")
    code, _, err = run(capsys, "case", "new", "--findings", "SMA+", "-o", str(out_file),
                       "--lang", "zh_CN")
    assert code != 0 and "已存在，未覆盖（如需覆盖请加 --force）" in err
    code, _, err = run(capsys, "parse", "--lang", "zh_CN", " ")
    assert code == 2 and err.startswith("ddx: error: 未给出所见（例如“")


def test_every_quick_entry_message_has_a_chinese_translation():
    missing = [str(m) for m in missing_messages("zh_CN")
               if m.where.startswith(("ddx_app/quick_entry.py", "ddx_app/values.py"))]
    assert missing == []
