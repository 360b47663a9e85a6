"""What every report shows, whatever its template: the disclaimer and the knowledge-base trace.

The bundled template prints both; a user's template might leave them out, or print
them where no reader sees them (an HTML comment, ``<head>``, an element with
``display: none``, ``hidden``, white or zero-size text). :func:`ensure_required` reads
the *rendered* HTML, not the template: if the visible text lacks the disclaimer or the
knowledge base's version and SHA-256, or a stylesheet could hide elements (a
``<style>`` with a hiding rule, an external stylesheet), it adds a block with the
disclaimer and the full trace at the top of the body, styled inline with
``!important`` so that no rule of the template's stylesheet overrides it.

The check is deliberately conservative: when in doubt the block is added (a second
copy of the disclaimer costs nothing; a missing one could): text folded away
(``<details>``), turned around (``dir="rtl"``, ``<bdo>``, U+202E), an unclosed comment,
nesting too deep to follow or output over 2 M characters all count as not seen. The
HTML is read by a small scanner in linear time (:func:`_read`), since a template
controls it and Python's HTMLParser is quadratic on some input. What the check cannot
see: rules of the template's own stylesheet that do not use the usual hiding
properties (any ``<style>`` that does counts as hiding), and an xhtml2pdf
``@frame`` placed off the page.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Any

from markupsafe import escape

# where text is never shown (or is not text)
_UNSEEN = frozenset({"head", "title", "script", "style", "template", "noscript", "textarea",
                     "select", "option", "object", "iframe", "noembed", "noframes", "xmp",
                     "svg", "math", "meta", "link"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
_HIDING = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*(hidden|collapse)"
    r"|(?<![-\w])color\s*:\s*(transparent|white|rgba\(([^,)]*,){3}\s*0?\.?0*\s*\))"
    r"|position\s*:\s*(absolute|fixed)|(?<![-\w])clip(-path)?\s*:\s*(?!auto|none)"
    r"|(?<![-\w])transform\s*:\s*(?!none)"
    r"|text-indent\s*:\s*-|(?<![-\w])(max-)?(height|width)\s*:\s*0*\.?0*\s*"
    r"(px|pt|em|rem|%)?\s*(;|!|$)|overflow\s*:\s*hidden|@import|(?<![-\w])filter\s*:"
    r"|line-height\s*:\s*0*\.?0*\s*(px|pt|em|rem|%)?\s*(;|!|$)|margin[-\w]*\s*:\s*-\d{3,}"
    r"|unicode-bidi\s*:\s*\w*-?override|direction\s*:\s*rtl",
    re.IGNORECASE | re.MULTILINE)
_FONT_SIZE = re.compile(r"font-size\s*:\s*([\d.]+)\s*(px|pt|em|rem|%)?", re.IGNORECASE)
_TINY = {"px": 5.0, "pt": 4.0, "em": 0.4, "rem": 0.4, "%": 40.0, "": 5.0}
_OPACITY = re.compile(r"opacity\s*:\s*([\d.]+)", re.IGNORECASE)
_HEX_COLOUR = re.compile(r"(?<![-\w])color\s*:\s*#([0-9a-f]{3}|[0-9a-f]{6})\b", re.IGNORECASE)


def _hides(style: str) -> bool:
    """True if CSS declarations (or a stylesheet) may make text invisible."""
    if _HIDING.search(style):
        return True
    try:
        if any(float(number) < _TINY[(unit or "").lower()]
               for number, unit in _FONT_SIZE.findall(style)):
            return True
        if any(float(number) < 0.5 for number in _OPACITY.findall(style)):
            return True
    except ValueError:
        return True
    for hex_digits in _HEX_COLOUR.findall(style):  # white or nearly: unreadable on paper
        if len(hex_digits) == 3:
            hex_digits = "".join(c * 2 for c in hex_digits)
        if all(int(hex_digits[i:i + 2], 16) >= 0xE0 for i in (0, 2, 4)):
            return True
    return False


_TAG_NAME = re.compile(r"/?([A-Za-z][A-Za-z0-9:-]*)")
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?""")
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                       "noframes", "noscript", "plaintext"})
MAX_CHECKED_CHARS = 2_000_000  # larger output is not read: the block is added unchecked
MAX_OPEN = 5_000  # deeper nesting than this is not followed: the block is added


class _Page:
    """What :func:`_read` found: the visible text, whether a stylesheet may hide
    elements (or the page could not be followed), and where the body's content starts."""

    def __init__(self) -> None:
        self.text: list[str] = []
        self.may_hide = False
        self.body_at: int | None = None


def _read(html: str) -> _Page:
    """Read HTML in one pass, in time linear in its length (Python's HTMLParser is not, on
    hostile input: '<a' repeated a million times takes minutes). Enough of HTML for the
    question asked: text outside comments, declarations, raw-text elements and elements
    that hide their content; attributes of start tags; an end tag closes the nearest open
    element of its name (among the 50 innermost)."""
    page = _Page()
    lower = html.lower()
    stack: list[tuple[str, bool]] = []  # open elements: (tag, hides its content)
    hidden = 0
    pos, n = 0, len(html)
    while pos < n:
        lt = html.find("<", pos)
        if lt == -1:
            lt = n
        if lt > pos and hidden == 0:
            page.text.append(html[pos:lt])
        if lt >= n:
            break
        if html.startswith("<!--", lt):
            end = html.find("-->", lt + 4)
            if end == -1:
                break  # an unclosed comment hides the rest
            pos = end + 3
            continue
        match = _TAG_NAME.match(html, lt + 1)
        if match is None:
            if html.startswith(("<!", "<?"), lt):  # a declaration or processing instruction
                end = html.find(">", lt)
                if end == -1:
                    break
                pos = end + 1
                continue
            if hidden == 0:
                page.text.append("<")  # a bare '<' is text
            pos = lt + 1
            continue
        end = html.find(">", match.end())
        if end == -1:
            break  # an unclosed tag at the end: dropped by browsers
        tag = match.group(1).lower()
        pos = end + 1
        if match.group(0).startswith("/"):
            for i in range(len(stack) - 1, max(-1, len(stack) - 51), -1):
                if stack[i][0] == tag:
                    hidden -= sum(h for _t, h in stack[i:])
                    del stack[i:]
                    break
            continue
        values = {k.lower(): v.strip("\"'") for k, v in
                  _ATTRIBUTE.findall(html, match.end(), end)}
        if tag == "link" and "stylesheet" in values.get("rel", "").lower():
            page.may_hide = True  # an external stylesheet: cannot be checked
        if tag == "body" and hidden == 0 and page.body_at is None:
            page.body_at = pos
        if tag in _RAW_TEXT:
            close = lower.find(f"</{tag}", pos)
            content = html[pos:close if close != -1 else n]
            if tag == "style" and _hides(content):
                page.may_hide = True
            if close == -1:
                break
            pos = close  # the end tag is read next
            stack.append((tag, True))
            hidden += 1
            continue
        if tag in _VOID:
            continue
        hides = (tag in _UNSEEN or "hidden" in values or _hides(values.get("style", ""))
                 or (tag in ("details", "dialog") and "open" not in values)
                 or tag == "bdo" or values.get("dir", "").lower() == "rtl"
                 or (tag == "font" and (_hides(f"color:{values.get('color', '')}")
                                        or values.get("size", "").strip() in ("0", "1")))
                 or values.get("aria-hidden", "").lower() == "true")
        stack.append((tag, hides))
        hidden += hides
        if len(stack) > MAX_OPEN:
            page.may_hide = True
            break
    return page


_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _squeeze(s: str) -> str:
    return "".join(s.split())


def missing_required(html: str, report: dict[str, Any]) -> list[str]:
    """What of the required content a reader might not see: ``"disclaimer"``,
    ``"knowledge base version"``, ``"knowledge base sha256"``, ``"stylesheet may hide"``
    (or ``"too large to check"``)."""
    if len(html) > MAX_CHECKED_CHARS:
        return ["too large to check"]
    return _missing(_read(html), report)


def _missing(page: _Page, report: dict[str, Any]) -> list[str]:
    seen = _squeeze(unescape("".join(page.text)))
    kb = report.get("knowledge_base") or {}
    missing = []
    if report.get("disclaimer") and _squeeze(str(report["disclaimer"])) not in seen:
        missing.append("disclaimer")
    for key in ("version", "sha256"):
        if kb.get(key) and _squeeze(str(kb[key])) not in seen:
            missing.append(f"knowledge base {key}")
    if page.may_hide:
        missing.append("stylesheet may hide")
    if _BIDI_CONTROLS.search(seen):
        missing.append("text direction overridden")  # the trace could read backwards
    return missing


_BLOCK_STYLE = ("display:block !important; visibility:visible !important; "
                "opacity:1 !important; position:static !important; "
                "color:#000000 !important; background-color:#fff7e0 !important; "
                "font-size:9pt !important; height:auto !important; width:auto !important; "
                "overflow:visible !important; transform:none !important; "
                "text-indent:0 !important; border:1pt solid #9c6b00; padding:5pt 7pt; "
                "margin:0 0 8pt 0")


def required_block(report: dict[str, Any]) -> str:
    """The disclaimer and the trace (app, knowledge base id, version, SHA-256) as HTML."""
    kb = report.get("knowledge_base") or {}
    app = report.get("app") or {}
    inline = "display:inline !important; visibility:visible !important"
    return (f'<div class="ddx-required" style="{_BLOCK_STYLE}">'
            f'<p style="{inline}"><b>{escape(report.get("disclaimer") or "")}</b></p><br>'
            f'<span style="{inline}">{escape(app.get("name", ""))} '
            f'{escape(app.get("version", ""))} &#183; knowledge base {escape(kb.get("id", ""))} '
            f'{escape(kb.get("version", ""))} &#183; sha256 {escape(kb.get("sha256", ""))}'
            "</span></div>\n")


_DOCTYPE = re.compile(r"\A\ufeff?\s*<!doctype[^>]*>", re.IGNORECASE)


def ensure_required(html: str, report: dict[str, Any]) -> str:
    """``html`` with the required block added at the top of the body when a reader might
    not see the disclaimer or the knowledge-base trace in it (see the module docstring)."""
    page = _read(html) if len(html) <= MAX_CHECKED_CHARS else None
    if page is not None and not _missing(page, report):
        return html
    if page is not None and page.body_at is not None:
        at = page.body_at
    else:
        doctype = _DOCTYPE.match(html)
        at = doctype.end() if doctype else 0
    return html[:at] + required_block(report) + html[at:]
