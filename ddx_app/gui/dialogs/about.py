"""About box: app version, knowledge base id/version/full SHA-256, and its sources."""

from __future__ import annotations

from html import escape

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ... import DISCLAIMER, __version__
from ...knowledge.model import KnowledgeBase, text


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
            ids.append(f"<a href='https://doi.org/{escape(s.doi, quote=True)}'>"
                       f"doi:{escape(s.doi)}</a>")
        if s.pmid:
            ids.append(f"<a href='https://pubmed.ncbi.nlm.nih.gov/{escape(s.pmid, quote=True)}/'>"
                       f"PMID {escape(s.pmid)}</a>")
        if s.url and not ids:
            ids.append(f"<a href='{escape(s.url, quote=True)}'>{escape(s.url)}</a>")
        html.append(f"<li>[{escape(s.id)}] {escape(s.citation)} {' · '.join(ids)}</li>")
    html.append(f"</ol><p><i>{escape(DISCLAIMER)}</i></p>")
    return "".join(html)


class AboutDialog(QDialog):
    def __init__(self, kb: KnowledgeBase, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About DDx Assistant"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(about_html(kb, lang, self.tr))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(720, 560)
