<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../ddx_app/gui/dialogs/about.py" line="16"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/about.py" line="17"/>
        <source>Knowledge base</source>
        <translation>知识库</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/about.py" line="18"/>
        <source>Knowledge base version</source>
        <translation>知识库版本</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/about.py" line="19"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/about.py" line="20"/>
        <source>Qt for Python</source>
        <translation>Qt for Python</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/about.py" line="23"/>
        <source>Differential-diagnosis support for sinonasal inflammatory myofibroblastic tumour and its mimics.</source>
        <translation>鼻腔鼻窦炎性肌纤维母细胞瘤及其类似病变的鉴别诊断辅助工具。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/shortcuts.py" line="30"/>
        <source>Up / Down, Left / Right</source>
        <translation>上 / 下、左 / 右方向键</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/shortcuts.py" line="30"/>
        <source>move, open and close groups</source>
        <translation>移动、展开和折叠分组</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/shortcuts.py" line="31"/>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/shortcuts.py" line="31"/>
        <source>next state (including not assessed)</source>
        <translation>下一状态（包括“未评估”）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/shortcuts.py" line="37"/>
        <source>not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/shortcuts.py" line="38"/>
        <source>Enter or F2</source>
        <translation>Enter 或 F2</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/shortcuts.py" line="38"/>
        <source>edit (number field or list of states); a digit on a number row opens the field with it</source>
        <translation>编辑（数值字段或状态列表）；在数值行上按数字键会带着该数字打开字段</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/shortcuts.py" line="46"/>
        <location filename="../../ddx_app/gui/dialogs/shortcuts.py" line="50"/>
        <source>Escape</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/shortcuts.py" line="46"/>
        <source>clear the filter</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/shortcuts.py" line="47"/>
        <source>Down or Enter</source>
        <translation>向下键或 Enter</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/shortcuts.py" line="47"/>
        <source>move into the first match</source>
        <translation>移到第一个匹配项</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/shortcuts.py" line="48"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/shortcuts.py" line="48"/>
        <source>record everything understood (one undoable change); what was not understood stays in the line</source>
        <translation>记录所有已识别内容（一次可撤销的更改）；未识别的部分留在输入行中</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/shortcuts.py" line="50"/>
        <source>clear the line</source>
        <translation>清空输入行</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/shortcuts.py" line="56"/>
        <source>Each key press in the checklist is one undoable change.</source>
        <translation>在核查表中每按一次键都是一次可撤销的更改。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="65"/>
        <source>Revealed without a diagnosis: the answer is {a}.</source>
        <translation>未提交诊断即揭晓：答案是 {a}。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="67"/>
        <source>Right: the answer is {a}.</source>
        <translation>正确：答案是 {a}。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="69"/>
        <source>Not this time: you chose {g}; the answer is {a}.</source>
        <translation>这次没答对：你选择了 {g}；答案是 {a}。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="73"/>
        <source>Time {t} · {n} stains and tests ordered ({m} done in this case)</source>
        <translation>用时 {t} · 已申请 {n} 项染色和检查（本病例做了 {m} 项）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="81"/>
        <source>Teaching note</source>
        <translation>教学要点</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="87"/>
        <source>The differential when you committed</source>
        <translation>提交时的鉴别诊断</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="88"/>
        <source>On the findings you recorded and the results you ordered.</source>
        <translation>基于你记录的所见和申请的检查结果。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="93"/>
        <source>the answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="95"/>
        <source>your choice</source>
        <translation>你的选择</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="99"/>
        <source>The answer was ranked {n}.</source>
        <translation>答案排在第 {n} 位。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="105"/>
        <source>What separates {a} from {b}</source>
        <translation>如何区分 {a} 与 {b}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="107"/>
        <source>Posterior odds {odds} on your findings.</source>
        <translation>按你的所见，后验比值为 {odds}。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="111"/>
        <source>None of your findings makes one of them even twice as likely as the other: look at the findings you missed and the stains below.</source>
        <translation>你的所见中没有一项能使其中一方的可能性达到另一方的两倍：请查看你漏掉的所见和下面的染色。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="122"/>
        <source>Only findings that change the odds at least {x:.0f}-fold are listed.</source>
        <translation>只列出使比值至少改变 {x:.0f} 倍的所见。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="148"/>
        <source>Your findings against the case&apos;s</source>
        <translation>你的所见与病例所见对照</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="150"/>
        <source>You recorded every finding you were shown, and as the case has it.</source>
        <translation>你记录了所展示的每一项所见，且与病例一致。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="152"/>
        <source>Missed ({n})</source>
        <translation>漏记（{n}）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="153"/>
        <source>Disagreeing ({n})</source>
        <translation>不一致（{n}）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="154"/>
        <source>Extra ({n})</source>
        <translation>多记（{n}）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="163"/>
        <source>Stains and tests</source>
        <translation>染色和检查</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="165"/>
        <source>You ordered:</source>
        <translation>你申请了：</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="167"/>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="172"/>
        <source>not done in this case</source>
        <translation>本病例未做</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="170"/>
        <source>The engine&apos;s most efficient panel from the starting picture:</source>
        <translation>引擎根据初始表现给出的最高效组合：</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="174"/>
        <source>expected gain {g} bits</source>
        <translation>预期信息增益 {g} 比特</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="178"/>
        <source>You ordered nothing: the panel above was expected to gain {p} bits.</source>
        <translation>你没有申请任何检查：上面的组合预期可获得 {p} 比特信息。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="179"/>
        <source>Efficient: your {n} orders were expected to gain {g} bits, at least {s} of the panel&apos;s {p}.</source>
        <translation>高效：你申请的 {n} 项预期获得 {g} 比特，至少达到该组合 {p} 比特中的 {s}。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="181"/>
        <source>As informative as the panel ({g} of {p} bits), with {n} orders where {k} would do.</source>
        <translation>与该组合同样有信息量（{g}/{p} 比特），但用了 {n} 项，其实 {k} 项就够了。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="183"/>
        <source>Your {n} orders were expected to gain {g} bits, less than the panel&apos;s {p}: the panel&apos;s stains separate this differential better.</source>
        <translation>你申请的 {n} 项预期获得 {g} 比特，低于该组合的 {p} 比特：该组合的染色更能区分这一鉴别诊断。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="191"/>
        <source>You ordered {k} of the panel&apos;s {n}.</source>
        <translation>你申请了该组合 {n} 项中的 {k} 项。</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ddx_app/gui/dialogs/about.py" line="46"/>
        <source>About DDx Assistant</source>
        <translation>关于 DDx Assistant</translation>
    </message>
</context>
<context>
    <name>AccuracyChart</name>
    <message>
        <location filename="../../ddx_app/gui/dialogs/progress_dialog.py" line="40"/>
        <source>Accuracy per entity</source>
        <translation>各病种准确率</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/progress_dialog.py" line="68"/>
        <source>No attempts yet: practise a case in trainee mode.</source>
        <translation>尚无练习记录：请在学员模式下练习一个病例。</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="25"/>
        <source>&amp;New Case</source>
        <translation>新建病例(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="25"/>
        <source>Start an empty case</source>
        <translation>开始一个空白病例</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="26"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="26"/>
        <source>Open a case file (*.ddx.yaml)</source>
        <translation>打开病例文件（*.ddx.yaml）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="27"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="27"/>
        <source>Save the case</source>
        <translation>保存病例</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="28"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="28"/>
        <source>Save the case under a new name</source>
        <translation>以新名称保存病例</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="29"/>
        <source>&amp;Clear Recent Files</source>
        <translation>清除最近文件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="29"/>
        <source>Forget the recent files</source>
        <translation>清除最近打开的文件列表</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="30"/>
        <source>&amp;Export Report…</source>
        <translation>导出报告(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="30"/>
        <source>Export an HTML, PDF or JSON report</source>
        <translation>导出 HTML、PDF 或 JSON 报告</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="31"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="31"/>
        <source>Print a report of the case</source>
        <translation>打印病例报告</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="32"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="32"/>
        <source>Quit DDx Assistant</source>
        <translation>退出 DDx Assistant</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="33"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="33"/>
        <source>Undo the last change</source>
        <translation>撤销上一次更改</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="34"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="34"/>
        <source>Redo the last undone change</source>
        <translation>重做上一次撤销的更改</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="35"/>
        <source>&amp;Find Finding</source>
        <translation>查找所见(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="35"/>
        <source>Filter the findings by name or synonym</source>
        <translation>按名称或同义词筛选所见</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="36"/>
        <source>&amp;Quick Entry</source>
        <translation>快速录入(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="37"/>
        <source>Type findings as text, e.g. SMA+ desmin- Ki67 15%</source>
        <translation>以文本录入所见，例如 SMA+ desmin- Ki67 15%</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="38"/>
        <source>Copy &amp;Summary</source>
        <translation>复制摘要(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="39"/>
        <source>Copy a plain-text summary for the laboratory system</source>
        <translation>复制纯文本摘要，用于实验室信息系统</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="40"/>
        <source>C&amp;lear All Findings</source>
        <translation>清除全部所见(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="41"/>
        <source>Set every finding to not assessed</source>
        <translation>将每项所见设为“未评估”</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="42"/>
        <source>&amp;Trainee Mode</source>
        <translation>学员模式(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="43"/>
        <source>Hide the differential until you commit a diagnosis</source>
        <translation>在你提交诊断前隐藏鉴别诊断</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="44"/>
        <source>&amp;Stains and Tests Only</source>
        <translation>仅染色和检查(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="45"/>
        <source>Suggest only orderable stains and tests</source>
        <translation>只推荐可申请的染色和检查</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="46"/>
        <source>&amp;Follow the Leader</source>
        <translation>跟随首位诊断(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="47"/>
        <source>Unpin the entity chosen: the evidence shows the leading entity again</source>
        <translation>取消固定所选病种：证据重新显示排在首位的病种</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="49"/>
        <source>&amp;Compare Leading Entities</source>
        <translation>比较首位病种(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="50"/>
        <source>Switch between the evidence and the leading entities side by side</source>
        <translation>在证据与首位病种并列对比之间切换</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="52"/>
        <source>&amp;Comparison Table…</source>
        <translation>对照表(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="53"/>
        <source>Entities against findings: frequencies, sources, what separates two entities</source>
        <translation>病种与所见对照：频率、来源、两个病种的区别所在</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="55"/>
        <source>&amp;Random Practice Case</source>
        <translation>随机练习病例(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="56"/>
        <source>Practise a case drawn from the knowledge base</source>
        <translation>练习一个从知识库中抽取的病例</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="57"/>
        <source>&amp;Seed Series…</source>
        <translation>种子病例系列(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="58"/>
        <source>The 25 cases of the seed series; open one to practise</source>
        <translation>种子系列的 25 个病例；打开其中一个进行练习</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="60"/>
        <source>&amp;Progress…</source>
        <translation>练习进度(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="61"/>
        <source>Attempts, accuracy, stains and time per entity</source>
        <translation>各病种的练习次数、准确率、染色数和用时</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="63"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="64"/>
        <source>Every key the window answers to</source>
        <translation>窗口响应的所有按键</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="65"/>
        <source>&amp;About DDx Assistant</source>
        <translation>关于 DDx Assistant(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="66"/>
        <source>Version, knowledge base and sources</source>
        <translation>版本、知识库和文献来源</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="67"/>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/actions.py" line="67"/>
        <source>About Qt</source>
        <translation>关于 Qt</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <location filename="../../ddx_app/gui/widgets/alerts_panel.py" line="28"/>
        <source>Warnings and workup</source>
        <translation>警示与进一步检查</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/alerts_panel.py" line="60"/>
        <source>resolved by {results}.</source>
        <translation>已由 {results} 排除。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/alerts_panel.py" line="61"/>
        <source>the findings</source>
        <translation>所见</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/alerts_panel.py" line="66"/>
        <source>Consider:</source>
        <translation>请考虑：</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/alerts_panel.py" line="68"/>
        <source>(matches the findings)</source>
        <translation>（与所见相符）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/alerts_panel.py" line="71"/>
        <source>Not done: {stains}.</source>
        <translation>未做：{stains}。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/alerts_panel.py" line="75"/>
        <source>Resolved by: {what}</source>
        <translation>已由以下排除：{what}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/alerts_panel.py" line="98"/>
        <source>Conclusion:</source>
        <translation>结论：</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/alerts_panel.py" line="101"/>
        <source>Next step:</source>
        <translation>下一步：</translation>
    </message>
</context>
<context>
    <name>CaseDocument</name>
    <message>
        <location filename="../../ddx_app/gui/document.py" line="93"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/document.py" line="94"/>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/document.py" line="198"/>
        <source>An other finding is at most {n} characters; put longer text in the notes</source>
        <translation>其他所见最多 {n} 个字符；较长的文字请写在备注中</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/document.py" line="208"/>
        <source>Record other finding &apos;{term}&apos;</source>
        <translation>记录其他所见“{term}”</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/document.py" line="220"/>
        <source>Remove other finding &apos;{term}&apos;</source>
        <translation>删除其他所见“{term}”</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/document.py" line="235"/>
        <source>case ID</source>
        <translation>病例编号</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/document.py" line="235"/>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/document.py" line="236"/>
        <source>notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <location filename="../../ddx_app/gui/widgets/case_form.py" line="102"/>
        <source>accession or teaching label</source>
        <translation>病理号或教学标签</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/case_form.py" line="103"/>
        <source>short description of the case</source>
        <translation>病例简述</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/case_form.py" line="104"/>
        <source>clinical history, gross, free text</source>
        <translation>临床病史、大体所见、自由文本</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/case_form.py" line="105"/>
        <source>Case ID</source>
        <translation>病例编号</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/case_form.py" line="106"/>
        <source>Case title</source>
        <translation>病例标题</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/case_form.py" line="107"/>
        <source>Case notes</source>
        <translation>病例备注</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/case_form.py" line="108"/>
        <source>Case &amp;ID:</source>
        <translation>病例编号(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/case_form.py" line="108"/>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/case_form.py" line="109"/>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/case_form.py" line="115"/>
        <source>Case</source>
        <translation>病例</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/case_form.py" line="116"/>
        <source>Hide the case ID, title and notes</source>
        <translation>隐藏病例编号、标题和备注</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/case_form.py" line="121"/>
        <source>Case: {summary}</source>
        <translation>病例：{summary}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/case_form.py" line="122"/>
        <source>Case (no ID or title)</source>
        <translation>病例（无编号或标题）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/case_form.py" line="126"/>
        <source>Show the case ID, title and notes</source>
        <translation>显示病例编号、标题和备注</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../ddx_app/gui/commands.py" line="72"/>
        <source>Set {finding}</source>
        <translation>设置 {finding}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/commands.py" line="28"/>
        <source>Edit {field}</source>
        <translation>编辑 {field}</translation>
    </message>
</context>
<context>
    <name>CompareModel</name>
    <message>
        <location filename="../../ddx_app/gui/models/compare_model.py" line="108"/>
        <source>Finding</source>
        <translation>所见</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/compare_model.py" line="109"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/compare_model.py" line="111"/>
        <source>Recorded findings: the result recorded. Not assessed: the result whose frequency the columns give.</source>
        <translation>已记录的所见：显示所记录的结果。未评估的所见：显示各列频率所对应的结果。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/compare_model.py" line="119"/>
        <source>{name}: {p} of this differential
Each cell: how often {short} shows the row&apos;s result (knowledge-base frequency; hover a cell for its source)</source>
        <translation>{name}：占此鉴别诊断的 {p}
每个单元格：{short} 出现该行结果的频率（知识库频率；悬停单元格可查看来源）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/compare_model.py" line="129"/>
        <source>Recorded in this case ({n})</source>
        <translation>本病例已记录（{n}）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/compare_model.py" line="130"/>
        <source>Recorded findings that weigh between these entities, the strongest first</source>
        <translation>已记录且在这些病种之间有权重的所见，最强者在前</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/compare_model.py" line="133"/>
        <source>Not assessed: separate them most ({n})</source>
        <translation>未评估：最能区分它们的所见（{n}）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/compare_model.py" line="134"/>
        <source>Findings not yet assessed whose expected results differ most between these entities</source>
        <translation>尚未评估、且在这些病种之间预期结果差异最大的所见</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/compare_model.py" line="147"/>
        <source>{finding}: {result} (recorded)</source>
        <translation>{finding}：{result}（已记录）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/compare_model.py" line="150"/>
        <source>{finding}: {value} recorded, in the band {band}</source>
        <translation>{finding}：已记录 {value}，处于区间 {band}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/compare_model.py" line="156"/>
        <source>{finding}: not assessed. The columns give how often each entity shows the result &apos;{state}&apos;.</source>
        <translation>{finding}：未评估。各列显示各病种出现结果“{state}”的频率。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/compare_model.py" line="158"/>
        <source>Enter or double-click: go to the finding in the checklist</source>
        <translation>Enter 或双击：转到核查表中的该所见</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/compare_model.py" line="185"/>
        <source>{entity}: {finding} {state} in {p} of cases</source>
        <translation>{entity}：{finding} {state} 见于 {p} 的病例</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/compare_model.py" line="188"/>
        <source>No figure for this entity in the knowledge base: the shared no-data value, not counted as a difference</source>
        <translation>知识库中该病种无此数据：使用共同的无数据值，不计为差异</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <location filename="../../ddx_app/gui/widgets/compare_panel.py" line="55"/>
        <source>Leading entities compared</source>
        <translation>首位病种比较</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/compare_panel.py" line="58"/>
        <source>Each cell: how often the entity shows the row&apos;s result, from the knowledge base (hover for the source). Recorded results in bold; Enter or double-click goes to the finding.</source>
        <translation>每个单元格：该病种出现该行结果的频率，来自知识库（悬停可查看来源）。已记录的结果以粗体显示；按 Enter 或双击转到该所见。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/compare_panel.py" line="96"/>
        <source>Leading entities compared: {names}</source>
        <translation>首位病种比较：{names}</translation>
    </message>
</context>
<context>
    <name>DifferentialModel</name>
    <message>
        <location filename="../../ddx_app/gui/models/differential_model.py" line="31"/>
        <source>Entity</source>
        <translation>病种</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/differential_model.py" line="31"/>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
</context>
<context>
    <name>DifferentialPanel</name>
    <message>
        <location filename="../../ddx_app/gui/widgets/analysis_panels.py" line="79"/>
        <source>Differential</source>
        <translation>鉴别诊断</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/analysis_panels.py" line="80"/>
        <source>&amp;Prior:</source>
        <translation>先验(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/analysis_panels.py" line="81"/>
        <source>Differential diagnosis</source>
        <translation>鉴别诊断</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/analysis_panels.py" line="82"/>
        <source>Prior</source>
        <translation>先验</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/analysis_panels.py" line="84"/>
        <source>The population the case comes from: it sets the odds before the findings</source>
        <translation>病例所来自的人群：它决定了考虑所见之前的比值</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/analysis_panels.py" line="94"/>
        <source>&amp;Scope:</source>
        <translation>范围(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/analysis_panels.py" line="95"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/analysis_panels.py" line="97"/>
        <source>Rank every entity of the knowledge base, or only a named subset</source>
        <translation>对知识库中的所有病种排序，或只对指定的子集排序</translation>
    </message>
</context>
<context>
    <name>Disclaimer</name>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="365"/>
        <source>Decision support only, not a diagnosis: the differential is computed from the findings recorded and a knowledge base of published frequencies and expert estimates. The diagnosis rests with the pathologist.</source>
        <translation>仅供决策辅助，不构成诊断：鉴别诊断根据所记录的所见及一个由已发表频率和专家估计构成的知识库计算得出。诊断由病理医师作出。</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <location filename="../../ddx_app/gui/models/evidence_model.py" line="121"/>
        <source>Finding</source>
        <translation>所见</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/evidence_model.py" line="121"/>
        <source>Recorded</source>
        <translation>已记录</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/evidence_model.py" line="122"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/evidence_model.py" line="122"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/evidence_model.py" line="165"/>
        <source>Recorded, not scored ({n})</source>
        <translation>已记录，不计分（{n}）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/evidence_model.py" line="167"/>
        <source>No effect ({n})</source>
        <translation>无影响（{n}）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/evidence_model.py" line="169"/>
        <source>For {entity}, against {rival} ({n})</source>
        <translation>支持 {entity}，不支持 {rival}（{n}）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/evidence_model.py" line="172"/>
        <source>For {rival}, against {entity} ({n})</source>
        <translation>支持 {rival}，不支持 {entity}（{n}）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/evidence_model.py" line="174"/>
        <source>No effect between {entity} and {rival} ({n})</source>
        <translation>对 {entity} 与 {rival} 无影响（{n}）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/evidence_model.py" line="209"/>
        <source>context (patient or background mucosa), not lesion evidence</source>
        <translation>背景信息（患者或背景黏膜），并非病变证据</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/evidence_model.py" line="210"/>
        <source>not applicable to the other findings recorded</source>
        <translation>不适用于已记录的其他所见</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/evidence_model.py" line="211"/>
        <source>already part of the prior chosen</source>
        <translation>已包含在所选先验中</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/evidence_model.py" line="225"/>
        <source>for</source>
        <translation>支持</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/evidence_model.py" line="225"/>
        <source>against</source>
        <translation>不支持</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/evidence_model.py" line="226"/>
        <source>neither for nor against</source>
        <translation>既不支持也不反对</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/evidence_model.py" line="229"/>
        <source>{finding}: {state}
P(result | {entity}) = {pe:.2f}; P(result | {rival}) = {pr:.2f}
Log-likelihood ratio {llr:+.2f} ({direction} {entity}, against {rival})</source>
        <translation>{finding}：{state}
P(结果 | {entity}) = {pe:.2f}；P(结果 | {rival}) = {pr:.2f}
对数似然比 {llr:+.2f}（{direction} {entity}，不支持 {rival}）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/evidence_model.py" line="236"/>
        <source>Counted at {w:.0%}: it travels with the other {group} recorded, which say much the same</source>
        <translation>按 {w:.0%} 计：它与已记录的其他{group}相关联，提示的内容大致相同</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../../ddx_app/gui/widgets/evidence_panel.py" line="135"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/evidence_panel.py" line="136"/>
        <source>Evidence for and against the selected entity</source>
        <translation>支持与不支持所选病种的证据</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/evidence_panel.py" line="137"/>
        <source>Criteria, description and pitfalls</source>
        <translation>诊断标准、描述和诊断陷阱</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/evidence_panel.py" line="180"/>
        <source>Pinned: {entity} — follow the leader</source>
        <translation>已固定：{entity} — 跟随首位诊断</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/evidence_panel.py" line="183"/>
        <source>The evidence stays on {entity}, which you chose in the differential. Click (or Space) to follow the leading entity again{leader}.</source>
        <translation>证据固定在你在鉴别诊断中选择的 {entity} 上。单击（或按空格）可重新跟随首位病种{leader}。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/evidence_panel.py" line="186"/>
        <source>Pinned to {entity}; press to follow the leader</source>
        <translation>已固定到 {entity}；按下以跟随首位诊断</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/evidence_panel.py" line="247"/>
        <source>No findings recorded yet: the differential shows the prior.</source>
        <translation>尚未记录任何所见：鉴别诊断显示的是先验。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/evidence_panel.py" line="251"/>
        <source>met</source>
        <translation>符合</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/evidence_panel.py" line="251"/>
        <source>not met</source>
        <translation>不符合</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/evidence_panel.py" line="252"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/evidence_panel.py" line="259"/>
        <source>Not assessed: {findings}</source>
        <translation>未评估：{findings}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/evidence_panel.py" line="266"/>
        <source>Key features</source>
        <translation>主要特征</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/evidence_panel.py" line="267"/>
        <source>Pitfalls</source>
        <translation>诊断陷阱</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/evidence_panel.py" line="250"/>
        <source>Criteria</source>
        <translation>诊断标准</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/evidence_panel.py" line="264"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
</context>
<context>
    <name>FeedbackView</name>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="29"/>
        <source>Practice feedback</source>
        <translation>练习反馈</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="49"/>
        <source>neutral</source>
        <translation>中性</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="54"/>
        <source>favours</source>
        <translation>支持</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="131"/>
        <source>case: {v}</source>
        <translation>病例：{v}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="133"/>
        <source>you: {v}, not in this case</source>
        <translation>你：{v}，本病例没有</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="136"/>
        <source>you: {t}; case: {v}</source>
        <translation>你：{t}；病例：{v}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/feedback_view.py" line="142"/>
        <source>… and {n} more</source>
        <translation>… 另有 {n} 项</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../ddx_app/gui/models/findings_model.py" line="53"/>
        <source>Not done</source>
        <translation>未做</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/findings_model.py" line="53"/>
        <source>Not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/findings_model.py" line="85"/>
        <location filename="../../ddx_app/gui/models/findings_model.py" line="103"/>
        <source>Finding</source>
        <translation>所见</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/findings_model.py" line="85"/>
        <location filename="../../ddx_app/gui/models/findings_model.py" line="103"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/findings_model.py" line="182"/>
        <source>{done} of {total} recorded</source>
        <translation>已记录 {done}/{total}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/findings_model.py" line="192"/>
        <source>Range {lo:g}–{hi:g} {unit}</source>
        <translation>范围 {lo:g}–{hi:g} {unit}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/findings_model.py" line="199"/>
        <source>Recorded {value} (band: {band})</source>
        <translation>已记录 {value}（区间：{band}）</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../ddx_app/gui/widgets/findings_panel.py" line="182"/>
        <source>Findings</source>
        <translation>所见</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/findings_panel.py" line="185"/>
        <source>Filter findings: name or synonym, e.g. SMA, IgG4 (Ctrl+F)</source>
        <translation>筛选所见：名称或同义词，例如 SMA、IgG4（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/findings_panel.py" line="186"/>
        <source>Filter findings</source>
        <translation>筛选所见</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/findings_panel.py" line="187"/>
        <source>Findings checklist</source>
        <translation>所见核查表</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/findings_panel.py" line="189"/>
        <source>Space: next state · P: present/positive · A or N: absent/negative · F: focal · D: diffuse · Del or 0: not assessed · Enter: edit</source>
        <translation>空格：下一状态 · P：存在/阳性 · A 或 N：缺失/阴性 · F：局灶 · D：弥漫 · Del 或 0：未评估 · Enter：编辑</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/findings_panel.py" line="210"/>
        <source>No finding matches &apos;{term}&apos;</source>
        <translation>没有与“{term}”匹配的所见</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/findings_panel.py" line="211"/>
        <source>No finding is named &apos;{term}&apos;; findings containing it:</source>
        <translation>没有名为“{term}”的所见；包含该词的所见：</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/findings_panel.py" line="214"/>
        <source>Record &apos;{term}&apos; as an other finding (not scored)</source>
        <translation>将“{term}”记录为其他所见（不计分）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/findings_panel.py" line="216"/>
        <source>Keeps the term in the case file and the report; it does not change the differential</source>
        <translation>该术语保留在病例文件和报告中；不改变鉴别诊断</translation>
    </message>
</context>
<context>
    <name>KbTableDialog</name>
    <message>
        <location filename="../../ddx_app/gui/dialogs/kb_table_dialog.py" line="37"/>
        <source>Comparison table</source>
        <translation>对照表</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/kb_table_dialog.py" line="42"/>
        <source>All findings</source>
        <translation>全部所见</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/kb_table_dialog.py" line="46"/>
        <source>Dependent: {label}</source>
        <translation>相关所见：{label}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/kb_table_dialog.py" line="50"/>
        <source>All entities</source>
        <translation>全部病种</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/kb_table_dialog.py" line="53"/>
        <source>Only the two compared</source>
        <translation>仅比较的两个病种</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/kb_table_dialog.py" line="59"/>
        <source>(no sorting)</source>
        <translation>（不排序）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/kb_table_dialog.py" line="68"/>
        <source>&amp;Group:</source>
        <translation>分组(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/kb_table_dialog.py" line="69"/>
        <source>&amp;Entities:</source>
        <translation>病种(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/kb_table_dialog.py" line="70"/>
        <source>&amp;Sort by separation of</source>
        <translation>排序依据：区分度(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/kb_table_dialog.py" line="71"/>
        <source>and</source>
        <translation>与</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/kb_table_dialog.py" line="86"/>
        <source>&amp;Export Table…</source>
        <translation>导出表格(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/kb_table_dialog.py" line="88"/>
        <source>Study &amp;Sheet…</source>
        <translation>学习表(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/kb_table_dialog.py" line="136"/>
        <source>Finding</source>
        <translation>所见</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/kb_table_dialog.py" line="136"/>
        <source>J</source>
        <translation>J</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/kb_table_dialog.py" line="162"/>
        <source>Each cell is P(finding | entity) as the knowledge base gives it; hover for its source and counts. {mark} = used by the entity&apos;s criteria or exclusions.</source>
        <translation>每个单元格为知识库给出的 P(所见 | 病种)；悬停可查看来源和计数。{mark} = 被该病种的诊断标准或排除条件所用。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/kb_table_dialog.py" line="167"/>
        <source>Sorted by how well each finding separates {a} from {b} (Jeffreys divergence J, nats).</source>
        <translation>按各所见区分 {a} 与 {b} 的能力排序（Jeffreys 散度 J，单位奈特）。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="339"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="340"/>
        <source>Open &amp;Example</source>
        <translation>打开示例(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="341"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="342"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="343"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="344"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="349"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="350"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="352"/>
        <source>The leading entities side by side: how often each shows the findings that separate them</source>
        <translation>首位病种并列对比：各病种出现可区分它们的所见的频率</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="355"/>
        <source>&amp;Prior</source>
        <translation>先验(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="356"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="366"/>
        <source>Disclaimer</source>
        <translation>免责声明</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="367"/>
        <source>Knowledge base {id} {version} · {hash}</source>
        <translation>知识库 {id} {version} · {hash}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="369"/>
        <source>SHA-256 {sha}</source>
        <translation>SHA-256 {sha}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="375"/>
        <source>Trainee mode: the differential, warnings and next best tests are hidden until you commit a diagnosis or reveal.</source>
        <translation>学员模式：在你提交诊断或揭晓答案之前，鉴别诊断、警示和下一步最佳检查均被隐藏。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="378"/>
        <source>The evidence is hidden until you commit a diagnosis or reveal.</source>
        <translation>在你提交诊断或揭晓答案之前，证据被隐藏。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="505"/>
        <source>Language: {language}</source>
        <translation>语言：{language}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="527"/>
        <source>Quick entry: nothing understood; see the line under it</source>
        <translation>快速录入：未识别任何内容；请看下方说明</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="531"/>
        <source>Quick entry ({count} findings)</source>
        <translation>快速录入（{count} 项所见）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="537"/>
        <source>Quick entry: recorded {count} finding(s)</source>
        <translation>快速录入：已记录 {count} 项所见</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="539"/>
        <source>; {left} item(s) not understood stay in the line (Ctrl+Enter keeps them as other findings)</source>
        <translation>；{left} 项未能识别，保留在输入行中（Ctrl+Enter 将其记为其他所见）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="552"/>
        <source>Recorded {count} other finding(s), not scored: {terms}</source>
        <translation>已记录 {count} 项其他所见（不计分）：{terms}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="559"/>
        <source>Trainee mode: the summary shows the differential; commit a diagnosis or reveal first</source>
        <translation>学员模式：摘要会显示鉴别诊断；请先提交诊断或揭晓答案</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="566"/>
        <source>Summary copied to the clipboard ({lines} lines)</source>
        <translation>摘要已复制到剪贴板（{lines} 行）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="573"/>
        <source>{finding}: press P/N (or Space) to record the result</source>
        <translation>{finding}：按 P/N（或空格）记录结果</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="590"/>
        <source>Clear all findings</source>
        <translation>清除全部所见</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="601"/>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="601"/>
        <source>Reports are not available.</source>
        <translation>报告功能不可用。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="610"/>
        <source>A report is still being exported.</source>
        <translation>仍有报告正在导出。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="635"/>
        <source> (trainee)</source>
        <translation>（学员）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/main_window.py" line="637"/>
        <source>{name}[*] — DDx Assistant{suffix}</source>
        <translation>{name}[*] — DDx Assistant{suffix}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/file_actions.py" line="117"/>
        <location filename="../../ddx_app/gui/file_actions.py" line="124"/>
        <source>Could not open the case</source>
        <translation>无法打开病例</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/file_actions.py" line="118"/>
        <source>{file} was not opened; the current case is unchanged.</source>
        <translation>未打开 {file}；当前病例保持不变。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/file_actions.py" line="133"/>
        <source>Opened {file} read-only: it is open in {holder}. Save As keeps your changes.</source>
        <translation>已以只读方式打开 {file}：它已在 {holder} 中打开。“另存为”可保留你的更改。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/file_actions.py" line="137"/>
        <source>Opened {file}</source>
        <translation>已打开 {file}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/file_actions.py" line="145"/>
        <source>{file} is open read-only: save it under another name.</source>
        <translation>{file} 以只读方式打开：请以其他名称保存。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/file_actions.py" line="164"/>
        <location filename="../../ddx_app/gui/file_actions.py" line="179"/>
        <location filename="../../ddx_app/gui/file_actions.py" line="188"/>
        <source>Could not save the case</source>
        <translation>无法保存病例</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/file_actions.py" line="164"/>
        <source>{file} is open read-only (another session has it open): save it under another name.</source>
        <translation>{file} 以只读方式打开（另一会话已打开它）：请以其他名称保存。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/file_actions.py" line="179"/>
        <source>{file} is open in {holder}: save it under another name, or close it there first.</source>
        <translation>{file} 已在 {holder} 中打开：请以其他名称保存，或先在那里关闭它。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/file_actions.py" line="193"/>
        <source>Saved {file}</source>
        <translation>已保存 {file}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/file_actions.py" line="208"/>
        <source>No recent files</source>
        <translation>无最近文件</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/file_actions.py" line="223"/>
        <source>No examples found</source>
        <translation>未找到示例</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/file_actions.py" line="243"/>
        <source>Autosave failed: {error}</source>
        <translation>自动保存失败：{error}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/file_actions.py" line="259"/>
        <source>Autosave and crash recovery are off: {why}</source>
        <translation>自动保存和崩溃恢复已关闭：{why}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/file_actions.py" line="302"/>
        <source>{n} other autosaved case(s) kept: they are offered again at the next start.</source>
        <translation>另保留了 {n} 个自动保存的病例：下次启动时会再次提供。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/file_actions.py" line="314"/>
        <source>an unknown time</source>
        <translation>未知时间</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/file_actions.py" line="328"/>
        <source>Could not restore the case</source>
        <translation>无法恢复病例</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/file_actions.py" line="329"/>
        <source>{n} autosaved case(s) could not be read back and are not offered. Nothing was deleted: they are kept in {folder} ({files}).</source>
        <translation>{n} 个自动保存的病例无法读取，不再提供。未删除任何内容：它们保存在 {folder}（{files}）。</translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <location filename="../../ddx_app/gui/widgets/state_delegate.py" line="71"/>
        <source>empty = not assessed</source>
        <translation>留空 = 未评估</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/state_delegate.py" line="75"/>
        <source>{label}: a number from {lo} to {hi} {unit}; empty clears it</source>
        <translation>{label}：{lo} 到 {hi} {unit} 之间的数字；留空则清除</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/state_delegate.py" line="89"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/state_delegate.py" line="91"/>
        <source>The unit of the number typed; it is recorded in {unit}</source>
        <translation>所输入数字的单位；记录时换算为 {unit}</translation>
    </message>
</context>
<context>
    <name>OtherFindingsBox</name>
    <message>
        <location filename="../../ddx_app/gui/widgets/findings_panel.py" line="101"/>
        <location filename="../../ddx_app/gui/widgets/findings_panel.py" line="107"/>
        <source>Other findings (not scored)</source>
        <translation>其他所见（不计分）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/findings_panel.py" line="103"/>
        <source>Terms outside the knowledge base&apos;s vocabulary: kept in the case file and the report, never used in the ranking</source>
        <translation>知识库词汇以外的术语：保留在病例文件和报告中，从不用于排序</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/findings_panel.py" line="105"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/findings_panel.py" line="106"/>
        <source>Remove the selected other finding (Delete)</source>
        <translation>删除所选的其他所见（Delete）</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../ddx_app/gui/dialogs/progress_dialog.py" line="101"/>
        <source>Practice progress</source>
        <translation>练习进度</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/progress_dialog.py" line="114"/>
        <source>&amp;Reset…</source>
        <translation>重置(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/progress_dialog.py" line="116"/>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/progress_dialog.py" line="135"/>
        <source>Progress is not available: {why}</source>
        <translation>练习进度不可用：{why}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/progress_dialog.py" line="138"/>
        <source>{n} attempts, {c} right ({p}%); {s:.1f} stains and tests per case; {t:.0f} s per case.</source>
        <translation>共 {n} 次练习，正确 {c} 次（{p}%）；每例平均 {s:.1f} 项染色和检查；每例用时 {t:.0f} 秒。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/progress_dialog.py" line="143"/>
        <source>No attempts yet.</source>
        <translation>尚无练习记录。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/progress_dialog.py" line="109"/>
        <source>Entity</source>
        <translation>病种</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/progress_dialog.py" line="109"/>
        <source>Attempts</source>
        <translation>练习次数</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/progress_dialog.py" line="109"/>
        <source>Correct</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/progress_dialog.py" line="109"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/progress_dialog.py" line="109"/>
        <source>Stains per case</source>
        <translation>每例染色数</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/progress_dialog.py" line="109"/>
        <source>Time per case</source>
        <translation>每例用时</translation>
    </message>
</context>
<context>
    <name>Prompter</name>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="41"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="42"/>
        <source>Save the changes to {name}?</source>
        <translation>是否保存对 {name} 的更改？</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="43"/>
        <source>Your changes are lost if you do not save them.</source>
        <translation>如果不保存，你的更改将会丢失。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="89"/>
        <source>an unsaved case</source>
        <translation>未保存的病例</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="90"/>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="114"/>
        <source>Recover unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="91"/>
        <source>DDx Assistant did not close properly. Restore the changes to {source} autosaved at {when}?</source>
        <translation>DDx Assistant 未正常关闭。是否恢复 {when} 自动保存的 {source} 的更改？</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="94"/>
        <source>If you do not restore them now, the recovery file is deleted.</source>
        <translation>如果现在不恢复，恢复文件将被删除。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="115"/>
        <source>DDx Assistant did not close properly, {n} times. Choose the autosaved case to restore now; the others are kept and offered again at the next start.</source>
        <translation>DDx Assistant 已 {n} 次未正常关闭。请选择现在要恢复的自动保存病例；其余的会保留，并在下次启动时再次提供。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="122"/>
        <source>{when}  {source}</source>
        <translation>{when}  {source}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="123"/>
        <source>(an unsaved case)</source>
        <translation>（未保存的病例）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="126"/>
        <source>Restore Selected</source>
        <translation>恢复所选</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="128"/>
        <source>Discard All</source>
        <translation>全部丢弃</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="130"/>
        <source>Decide Later</source>
        <translation>以后再决定</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="151"/>
        <source>Case already open</source>
        <translation>病例已打开</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="152"/>
        <source>{name} is open in another DDx Assistant ({holder}).</source>
        <translation>{name} 已在另一个 DDx Assistant（{holder}）中打开。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="154"/>
        <source>If both save, the last save wins and the other&apos;s changes are lost. Open it read-only to look without saving over it.</source>
        <translation>如果两边都保存，以最后一次保存为准，另一方的更改将丢失。以只读方式打开可查看而不会覆盖它。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="156"/>
        <source>Open Read-Only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="157"/>
        <source>Open Anyway</source>
        <translation>仍然打开</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="163"/>
        <source>File changed on disk</source>
        <translation>文件已在磁盘上被更改</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="164"/>
        <source>{name} was changed by another program or session since you opened or last saved it.</source>
        <translation>自你打开或上次保存以来，{name} 已被其他程序或会话更改。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="166"/>
        <source>Overwriting replaces those changes with yours.</source>
        <translation>覆盖将用你的更改替换那些更改。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="167"/>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="168"/>
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="173"/>
        <source>Open case</source>
        <translation>打开病例</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="174"/>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="181"/>
        <source>DDx case (*.ddx.yaml *.yaml *.yml);;All files (*)</source>
        <translation>DDx 病例 (*.ddx.yaml *.yaml *.yml);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/prompts.py" line="180"/>
        <source>Save case</source>
        <translation>保存病例</translation>
    </message>
</context>
<context>
    <name>QuickEntryBox</name>
    <message>
        <location filename="../../ddx_app/gui/widgets/quick_entry.py" line="75"/>
        <source>Quick entry, e.g. SMA+ desmin- CK focal Ki67 15% 14 months (Ctrl+L; Enter records)</source>
        <translation>快速录入，例如 SMA+ desmin- CK focal Ki67 15% 14 months（Ctrl+L；Enter 记录）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/quick_entry.py" line="76"/>
        <source>Quick entry</source>
        <translation>快速录入</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/quick_entry.py" line="78"/>
        <source>Type findings as text: names or synonyms with a result after or before them (SMA+, desmin neg, no necrosis, CK focal), numbers with units (Ki67 15%, IgG4 60/HPF, serum IgG4 2.1 g/L, 14 months). Enter records everything understood as one undoable change; what was not understood stays in the line. Ctrl+Enter records the words not understood as other findings (kept in the case and the report, never scored). Escape clears.</source>
        <translation>以文字输入所见：名称或同义词，结果写在其前或其后（SMA+、desmin neg、未见坏死、CK灶状阳性、SMA阳性），数值带单位（Ki67 15%、IgG4 60/HPF、血清 IgG4 2.1 g/L、14个月）。Enter 将所有已识别内容作为一次可撤销的更改记录；未识别的内容保留在输入行中。Ctrl+Enter 将未识别的词记为其他所见（保存在病例和报告中，从不计分）。Esc 清除。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/quick_entry.py" line="96"/>
        <source>Quick entry preview</source>
        <translation>快速录入预览</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/quick_entry.py" line="132"/>
        <source>not understood: {words}</source>
        <translation>未识别：{words}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/quick_entry.py" line="136"/>
        <source>Nothing understood yet</source>
        <translation>尚未识别任何内容</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/quick_entry.py" line="147"/>
        <source> ({note})</source>
        <translation>（{note}）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/quick_entry.py" line="149"/>
        <source>Not understood: {text}</source>
        <translation>未识别：{text}</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="377"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>ReportOptionsDialog</name>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="97"/>
        <source>Export Report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="100"/>
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="108"/>
        <source>Disclaimer, knowledge-base and version trace (always)</source>
        <translation>免责声明、知识库和版本追溯信息（始终包含）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="113"/>
        <source>Appendix: evidence tables, how it was computed, references</source>
        <translation>附录：证据表、计算方法、参考文献</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="115"/>
        <source>Without it the report is a one-page summary</source>
        <translation>不含附录时，报告为一页摘要</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="118"/>
        <source>Shown in the report header</source>
        <translation>显示在报告页眉中</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="123"/>
        <source>Institution:</source>
        <translation>机构：</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="124"/>
        <source>Page size (PDF, print):</source>
        <translation>纸张大小（PDF、打印）：</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="103"/>
        <source>Header (institution, case, specimen, site, clinician, pathologist)</source>
        <translation>页眉（机构、病例、标本、部位、送检医师、病理医师）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="103"/>
        <source>Ranked differential with bands and conclusion</source>
        <translation>带分级和结论的鉴别诊断排序</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="103"/>
        <source>Warnings: exclusions, outside this differential, close call</source>
        <translation>警示：排除、不在此鉴别诊断之内、难以区分</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="103"/>
        <source>Findings recorded, with pertinent negatives and other findings</source>
        <translation>已记录的所见，包括有意义的阴性所见和其他所见</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="103"/>
        <source>Expected results of the recommended stains (appendix)</source>
        <translation>推荐染色的预期结果（附录）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="103"/>
        <source>Key evidence in words; evidence tables (appendix)</source>
        <translation>文字表述的关键证据；证据表（附录）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="103"/>
        <source>Criteria sets met / not met / unknown</source>
        <translation>诊断标准：符合 / 不符合 / 未知</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="103"/>
        <source>Red flags (active, then resolved)</source>
        <translation>警示征象（当前的，然后是已排除的）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="103"/>
        <source>ALK workup recommendation</source>
        <translation>ALK 检测建议</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="103"/>
        <source>Recommended stains</source>
        <translation>推荐染色</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="103"/>
        <source>Clinical notes</source>
        <translation>临床备注</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="103"/>
        <source>References cited (appendix)</source>
        <translation>引用文献（附录）</translation>
    </message>
</context>
<context>
    <name>SeedSeriesDialog</name>
    <message>
        <location filename="../../ddx_app/gui/dialogs/seed_series_dialog.py" line="36"/>
        <source>Seed series: {title}</source>
        <translation>种子病例系列：{title}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/seed_series_dialog.py" line="39"/>
        <source>{citation} {table}; every row an IMT. Open a row as a practice case with the findings the row gives.</source>
        <translation>{citation} {table}；每一行都是一例 IMT。将某一行作为练习病例打开，带有该行给出的所见。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/seed_series_dialog.py" line="75"/>
        <source>&amp;Open as Practice Case</source>
        <translation>作为练习病例打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/seed_series_dialog.py" line="44"/>
        <source>Case</source>
        <translation>病例</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/seed_series_dialog.py" line="44"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/seed_series_dialog.py" line="44"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/seed_series_dialog.py" line="44"/>
        <source>Clinical manifestations</source>
        <translation>临床表现</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/seed_series_dialog.py" line="44"/>
        <source>Imaging</source>
        <translation>影像学</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/seed_series_dialog.py" line="44"/>
        <source>ALK (D5F3)</source>
        <translation>ALK (D5F3)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/seed_series_dialog.py" line="44"/>
        <source>FISH</source>
        <translation>FISH</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/seed_series_dialog.py" line="44"/>
        <source>RT-PCR</source>
        <translation>RT-PCR</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/seed_series_dialog.py" line="44"/>
        <source>Treatment</source>
        <translation>治疗</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/dialogs/seed_series_dialog.py" line="44"/>
        <source>Follow-up (months)</source>
        <translation>随访（月）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ddx_app/gui/dialogs/shortcuts.py" line="63"/>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
</context>
<context>
    <name>SourceTip</name>
    <message>
        <location filename="../../ddx_app/gui/models/items.py" line="41"/>
        <source>Expert estimate (no published figure)</source>
        <translation>专家估计（无已发表数据）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/items.py" line="44"/>
        <source>Counts: {counts} with this result</source>
        <translation>计数：{counts} 例有此结果</translation>
    </message>
</context>
<context>
    <name>StateDelegate</name>
    <message>
        <location filename="../../ddx_app/gui/widgets/state_delegate.py" line="200"/>
        <source>{typed} → {meant}?</source>
        <translation>{typed} → {meant}？</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/state_delegate.py" line="201"/>
        <source>{label} is a percentage: Yes records {meant}. To record {typed} %, type &apos;{typed}%&apos;.</source>
        <translation>{label} 是百分比：选“是”记录为 {meant}。若要记录 {typed} %，请输入“{typed}%”。</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <location filename="../../ddx_app/gui/models/suggestions_model.py" line="31"/>
        <source>{n} bits</source>
        <translation>{n} 比特</translation>
    </message>
</context>
<context>
    <name>SuggestionsModel</name>
    <message>
        <location filename="../../ddx_app/gui/models/suggestions_model.py" line="47"/>
        <source>Finding</source>
        <translation>所见</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/suggestions_model.py" line="47"/>
        <source>Expected gain</source>
        <translation>预期增益</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/suggestions_model.py" line="47"/>
        <source>Separates</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/suggestions_model.py" line="64"/>
        <source>{a} vs {b}</source>
        <translation>{a} 与 {b}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/suggestions_model.py" line="73"/>
        <source>Expected information gain: {gain} ({bits})</source>
        <translation>预期信息增益：{gain}（{bits}）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/suggestions_model.py" line="75"/>
        <source>Predicted result: {outcomes}</source>
        <translation>预测结果：{outcomes}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/suggestions_model.py" line="77"/>
        <source>Best separates {pair}</source>
        <translation>最能区分 {pair}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/models/suggestions_model.py" line="78"/>
        <source>Press Enter to go to this finding in the checklist.</source>
        <translation>按 Enter 转到核查表中的该所见。</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <location filename="../../ddx_app/gui/widgets/analysis_panels.py" line="154"/>
        <source>Settled: the findings recorded settle this differential. No further stain or test is expected to change the ranking (none would gain {bits} bits or more), so none is suggested. This holds within the model: check the warnings.</source>
        <translation>已确定：已记录的所见足以确定这一鉴别诊断。预计没有任何进一步的染色或检查会改变排序（均不能获得 {bits} 比特或更多信息），因此不再推荐。此结论仅在模型范围内成立：请查看警示。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/analysis_panels.py" line="161"/>
        <location filename="../../ddx_app/gui/widgets/analysis_panels.py" line="163"/>
        <source>Next best tests</source>
        <translation>下一步最佳检查</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/analysis_panels.py" line="162"/>
        <source>Stains and tests only</source>
        <translation>仅染色和检查</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/analysis_panels.py" line="164"/>
        <source>Enter or double-click: go to the finding in the checklist</source>
        <translation>Enter 或双击：转到核查表中的该所见</translation>
    </message>
</context>
<context>
    <name>Trainee</name>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="66"/>
        <source>Practice case</source>
        <translation>练习病例</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="66"/>
        <source>Case</source>
        <translation>病例</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="153"/>
        <source>Ordered {test}: {result}</source>
        <translation>已申请 {test}：{result}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="155"/>
        <source>result added to the checklist</source>
        <translation>结果已加入核查表</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="156"/>
        <source>not done in this case</source>
        <translation>本病例未做</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="258"/>
        <source>Progress not saved: {why}</source>
        <translation>进度未保存：{why}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="291"/>
        <source>Reset progress</source>
        <translation>重置进度</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="291"/>
        <source>Forget every practice attempt?</source>
        <translation>清除所有练习记录？</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="292"/>
        <source>Attempts, accuracy, stains and times are deleted; this cannot be undone.</source>
        <translation>练习次数、准确率、染色数和用时都将被删除；此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="298"/>
        <source>Could not reset progress</source>
        <translation>无法重置进度</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="301"/>
        <source>Progress reset</source>
        <translation>进度已重置</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="311"/>
        <source>Export progress</source>
        <translation>导出进度</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="313"/>
        <source>CSV (*.csv);;All files (*)</source>
        <translation>CSV (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="319"/>
        <source>Could not export progress</source>
        <translation>无法导出进度</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="321"/>
        <source>Exported {n} attempts</source>
        <translation>已导出 {n} 次练习记录</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="333"/>
        <location filename="../../ddx_app/gui/trainee.py" line="453"/>
        <source>Opened a case for practice</source>
        <translation>已打开一个练习病例</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="365"/>
        <source>Seed series</source>
        <translation>种子病例系列</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="365"/>
        <source>The seed series could not be read.</source>
        <translation>无法读取种子病例系列。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="414"/>
        <source>Export study sheet</source>
        <translation>导出学习表</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="414"/>
        <source>Export comparison table</source>
        <translation>导出对照表</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="415"/>
        <source>PDF (*.pdf);;HTML (*.html)</source>
        <translation>PDF (*.pdf);;HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="416"/>
        <source>HTML (*.html);;PDF (*.pdf)</source>
        <translation>HTML (*.html);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="422"/>
        <source>Could not export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="424"/>
        <source>Wrote {file}</source>
        <translation>已写入 {file}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="447"/>
        <source>&amp;Practice</source>
        <translation>练习(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="455"/>
        <source>Opened a case</source>
        <translation>已打开病例</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="491"/>
        <source>Case {n}</source>
        <translation>病例 {n}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/trainee.py" line="500"/>
        <source>Example {n}</source>
        <translation>示例 {n}</translation>
    </message>
</context>
<context>
    <name>TraineePanel</name>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="63"/>
        <source>Trainee mode</source>
        <translation>学员模式</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="78"/>
        <source>Stain or test to order</source>
        <translation>要申请的染色或检查</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="82"/>
        <source>&amp;Order</source>
        <translation>申请(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="94"/>
        <source>Your leading diagnosis</source>
        <translation>你的首选诊断</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="99"/>
        <source>Your leading diagnosis…</source>
        <translation>你的首选诊断…</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="102"/>
        <source>&amp;Commit</source>
        <translation>提交(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="105"/>
        <source>&amp;Reveal</source>
        <translation>揭晓(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="161"/>
        <source>Record the findings, then commit your diagnosis or reveal the differential.</source>
        <translation>记录所见，然后提交你的诊断或揭晓鉴别诊断。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="167"/>
        <source>Practice case: read the history and the picture, record what you see in the checklist, order stains and tests one at a time, then commit your diagnosis.</source>
        <translation>练习病例：阅读病史和影像表现，在核查表中记录你所见到的，逐项申请染色和检查，然后提交你的诊断。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="176"/>
        <source>Order a stain or test…</source>
        <translation>申请染色或检查…</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="186"/>
        <source>{n} ordered</source>
        <translation>已申请 {n} 项</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="195"/>
        <source>History</source>
        <translation>病史</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="198"/>
        <source>Clinical and H&amp;E findings</source>
        <translation>临床和 HE 所见</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="204"/>
        <source>None given: order what you need.</source>
        <translation>未提供：请申请你需要的检查。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="206"/>
        <source>Stains and tests ordered ({n})</source>
        <translation>已申请的染色和检查（{n}）</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="210"/>
        <source>not done in this case</source>
        <translation>本病例未做</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="242"/>
        <source>Revealed: the answer is {a}.</source>
        <translation>已揭晓：答案是 {a}。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="244"/>
        <source>Right: {a}.</source>
        <translation>正确：{a}。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="246"/>
        <source>Your diagnosis was {g}; the answer is {a}.</source>
        <translation>你的诊断是 {g}；答案是 {a}。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="249"/>
        <source>The feedback is in the right-hand column.</source>
        <translation>反馈显示在右侧栏中。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="260"/>
        <source>Your diagnosis, {g}, matches the case&apos;s answer.</source>
        <translation>你的诊断 {g} 与病例答案一致。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="262"/>
        <source>Your diagnosis was {g}; the case&apos;s answer is {a}.</source>
        <translation>你的诊断是 {g}；病例答案是 {a}。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="264"/>
        <source>The case&apos;s answer is {a}.</source>
        <translation>病例答案是 {a}。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="266"/>
        <source>Your diagnosis was {g}. This case has no teaching answer; the differential&apos;s leader is {l}.</source>
        <translation>你的诊断是 {g}。本病例没有教学答案；鉴别诊断的首位是 {l}。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="269"/>
        <source>This case has no teaching answer; the differential&apos;s leader is {l}.</source>
        <translation>本病例没有教学答案；鉴别诊断的首位是 {l}。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="277"/>
        <source>Teaching note:</source>
        <translation>教学要点：</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="297"/>
        <source>Why {a} rather than {b}</source>
        <translation>为何是 {a} 而不是 {b}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="299"/>
        <source>posterior odds {odds}</source>
        <translation>后验比值 {odds}</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="302"/>
        <source>No findings are recorded yet: only the prior separates them.</source>
        <translation>尚未记录任何所见：只有先验能区分它们。</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="314"/>
        <source>For {a}:</source>
        <translation>支持 {a} 的：</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/widgets/trainee_panel.py" line="315"/>
        <source>What pointed to {b}:</source>
        <translation>提示 {b} 的：</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="161"/>
        <location filename="../../ddx_app/gui/report_dialog.py" line="258"/>
        <location filename="../../ddx_app/gui/report_dialog.py" line="325"/>
        <source>Export Report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="262"/>
        <location filename="../../ddx_app/gui/report_dialog.py" line="291"/>
        <location filename="../../ddx_app/gui/report_dialog.py" line="326"/>
        <source>The report could not be written:
%1</source>
        <translation>无法写入报告：
%1</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="274"/>
        <source>Exporting report</source>
        <translation>正在导出报告</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="276"/>
        <source>Exporting the report to {name}…</source>
        <translation>正在将报告导出到 {name}…</translation>
    </message>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="285"/>
        <source>Report written to {path}</source>
        <translation>报告已写入 {path}</translation>
    </message>
</context>
<context>
    <name>preview</name>
    <message>
        <location filename="../../ddx_app/gui/report_dialog.py" line="382"/>
        <source>Print Preview</source>
        <translation>打印预览</translation>
    </message>
</context>
</TS>
