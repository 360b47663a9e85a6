"""About box: app version, knowledge base id/version/full SHA-256, and its sources."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QWidget

from ... import DISCLAIMER, __version__
from ...formatting import escape_html as escape
from ...knowledge.model import KnowledgeBase, text
from .text_dialog import TextDialog


def about_html(kb: KnowledgeBase, lang: str, tr) -> str:
    rows = [
        (tr("Version"), escape(__version__)),
        (tr("Knowledge base"), escape(f"{text(kb.title, lang)} ({kb.id})")),
        (tr("Knowledge base version"), escape(kb.version)),
        (tr("SHA-256"), f"<code>{escape(kb.sha256)}</code>"),
        (tr("Qt for Python"), escape(pyside_version)),
    ]
    html = [f"<h2>{escape(tr('DDx Assistant'))}</h2>",
            "<p>" + escape(tr("Differential-diagnosis support for sinonasal inflammatory "
                              "myofibroblastic tumour and its mimics.")) + "</p>",
            "<table cellspacing='2' cellpadding='2'>"]
    html += [f"<tr><td><b>{escape(k)}</b></td><td>{v}</td></tr>" for k, v in rows]
    html.append("</table>")
    html.append(f"<h3>{escape(tr('Sources'))} ({len(kb.sources)})</h3><ol>")
    for s in kb.sources.values():
        ids = []
        if s.doi:
            ids.append(f"<a href='https://doi.org/{escape(s.doi)}'>"
                       f"doi:{escape(s.doi)}</a>")
        if s.pmid:
            ids.append(f"<a href='https://pubmed.ncbi.nlm.nih.gov/{escape(s.pmid)}/'>"
                       f"PMID {escape(s.pmid)}</a>")
        if s.url and not ids:
            ids.append(f"<a href='{escape(s.url)}'>{escape(s.url)}</a>")
        html.append(f"<li>[{escape(s.id)}] {escape(s.citation)} {' · '.join(ids)}</li>")
    html.append(f"</ol><p><i>{escape(DISCLAIMER)}</i></p>")
    return "".join(html)


class AboutDialog(TextDialog):
    def __init__(self, kb: KnowledgeBase, lang: str = "en", parent: QWidget | None = None):
        super().__init__("aboutDialog", self.tr("About DDx Assistant"),
                         about_html(kb, lang, self.tr), (720, 560), parent,
                         external_links=True)
