"""Quick entry: a line of text as findings, read in the knowledge base's own words.

``parse(kb, "spindle cells, SMA+ desmin- CK focal Ki67 15% serum IgG4 2.1 g/L, 14 months")``
returns a :class:`QuickEntry`: the findings understood (finding id -> value, as a case file
holds them), each with the span of text it came from, the tokens not understood (never
dropped), and the questions (what was named but cannot be recorded as written: a range, a
"<5", a value outside the finding's range, a fraction where a percentage is meant, a name
two findings share...).

Every word comes from the knowledge base (findings.yaml), none from this module:

* **names**: each finding's label, id and synonyms (a label or id outranks a synonym; a
  name two findings share is asked about unless the value settles it);
* **states**: every state id, plus the words of ``entry.states`` ("+", "neg", "no", "weak");
  a word may stand under several states and a finding takes the one it has ("+" is positive
  for a stain, present for a feature);
* **units** of numeric findings (``units``: factor to the finding's unit), rounded to the
  finding's ``decimals`` after a conversion; a unit only one finding takes names it
  ("14 months" is an age);
* ``entry.named_alone``: the state a finding named without a result records ("spindle
  cells" = present); ``entry.fillers``: words skipped ("with", ":", "nuclear");
  ``entry.joiners`` ("and", "/", "or") and ``entry.shared`` ("all", "both"): a list of
  names and its shared result; ``entry.result_for`` ("for"): a result before its list
  (all three skipped elsewhere); ``entry.result_heading`` (":", "-", "："): the marks
  after a result heading its names ("Positive: SMA, desmin"; elsewhere a mark keeps its
  meaning, ":" skipped, "-" negative).

Grammar (longest match first; case, runs of spaces and dash variants do not matter)::

    line     := segment (SEP segment)*            SEP: , ; | newline, or a full stop
    segment  := (mention | list | FILLER | other)*
    mention  := [STATE] NAME [NAME of the same finding] [STATE [STATE]] | [NAME] NUMBER
    list     := NAME ((JOINER | ",") (NAME | other))* (JOINER | ",") NAME [SHARED] STATE
              | STATE FOR NAME ((JOINER | ",") (NAME | other))*
              | STATE FILLER* HEADING NAME ((JOINER | ",") (NAME | other))*
                (the STATE first in its segment, past fillers, or ending a heading's list)
    NUMBER   := ["~"] digits ["." digits] [UNIT]   ("<5", ">5" and "5-10" are asked about)

A result follows its name ("SMA+", "desmin neg", "necrosis absent", "CK focal") or
precedes it ("no necrosis", "focal CK"); a second, compatible result refines the first
("CK+ focal" = focal). Words of ``entry.before_name`` ("no", "without") only precede a
name ("ALK- no necrosis": necrosis absent), unless no name follows ("necrosis: no").
A state word right after a word not understood belongs to that word ("CK7 neg" is one
unrecognised token), so it is never given to the next finding; a name glued by "-" to
letters that are no result ("PAS-D") is one word not understood.

A list shares the result after it ("S100, SOX10 and HMB45 negative", "SMA/desmin+", "CK,
EMA, S100 all negative": EMA is listed as not understood, the others take the result;
each name takes it if it can, else it is asked about). A finding complete named alone
("spindle cells") joins a list over a comma only after "all"/"both", and never takes a
result with another meaning than the list's ("spindle cells and desmin-": present).
A list with no result after it is as many names alone. A before-name word reaches the
names joined after its own ("no necrosis, ulceration or atypical mitoses": all absent).
A result followed by "for" reaches every name of the list after it ("negative for S100,
SOX10 and HMB45", "positive for SMA, negative for desmin and h-caldesmon": h-caldesmon is
not understood, desmin negative), up to the next result, separator, or a name with a
result of its own ("positive for SMA, desmin negative"); a name that cannot take it is
asked about alone, and a finding complete named alone after a comma keeps its meaning
("negative for SMA, spindle cells"). A result given to the name before it reaches on only
when "for" follows it directly ("S100 negative for SOX10": both negative). A name of the
same finding after a mention's result, past fillers only, is part of that mention ("no
fungal organisms on GMS": the stain that showed it).
A result heading its line ("Positive: SMA, desmin. Negative: ALK, S100", "Positive - SMA;
negative - ALK", "IHC: positive: SMA", "免疫组化：阳性：SMA、desmin；阴性：ALK") stands where
no name precedes it in its segment (start, separator, fillers only) and is followed by a
mark of ``entry.result_heading``: every name after it takes it, a finding complete named
alone too ("Absent: necrosis, atypical mitoses"), through commas and text not understood,
up to the next heading (separator or not: "Positive: SMA Negative: ALK"), a separator
other than a comma, or a name with a result of its own ("Positive: SMA, desmin negative");
a name that cannot take it is asked about alone. After a name the result is that name's
("ALK negative: spindle cells" is spindle cells present), after a word not understood that
word's ("CK7 negative: ALK").
Nothing here raises on any input: text longer than :data:`MAX_CHARS` is one question.
The questions and notes are written in the ``lang`` given (:mod:`ddx_app.i18n`, catalogue
resources/translations/entry.<lang>.yaml); in English they list results by their ids
(words the line reads), in another language by the knowledge base's labels in it.

No Qt here (the window's quick entry line and ``ddx parse`` both call :func:`parse`).
Annotations are evaluated, not postponed (see knowledge/model.py).
"""

import math
import re
from typing import Any, NamedTuple

from . import values
from .i18n import DEFAULT_LANGUAGE, gettext, translator
from .i18n import normalise as language
from .knowledge.model import Finding, KnowledgeBase
from .values import number_text

MAX_CHARS = 10_000

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"), "-")
_SEPARATORS = ",;|\n\r，、；。"  # the full-width ones as Chinese text writes them
_LIST_COMMAS = ",，、"  # separators that may also join a list of names ("CK, S100 negative")
_END = ""  # trie key of a phrase's payload: no character of the text is empty (a NUL was)
_COMPARATORS = ("<=", ">=", "≤", "≥", "<", ">", "=<", "=>")
_APPROX = ("~", "≈", "±")
_NUMBER = re.compile(r"""
    (?P<cmp><=|>=|=<|=>|≤|≥|<|>|~|≈)?[ \t]*
    (?P<a>\d+(?:\.\d+)?|\.\d+)
    (?:[ \t]*(?P<dash>-|to)[ \t]*(?P<b>\d+(?:\.\d+)?|\.\d+))?
""", re.X)
_DECIMAL_COMMA = re.compile(r",\d+")


class Item(NamedTuple):
    """One finding understood: its value as a case file holds it, and where it came from."""

    finding: str
    value: Any
    start: int
    end: int
    text: str
    note: str = ""  # e.g. "from 14 months"


class Token(NamedTuple):
    """A stretch of text not understood."""

    text: str
    start: int
    end: int


class Question(NamedTuple):
    """Something named that cannot be recorded as written (or a note on what was)."""

    message: str
    start: int
    end: int
    text: str
    finding: str | None = None


class QuickEntry(NamedTuple):
    text: str
    findings: dict  # finding id -> value, ready for a case
    items: tuple  # Item, in text order
    unrecognised: tuple  # Token, in text order
    questions: tuple  # Question, in text order (nothing recorded for them)
    notes: tuple  # Question-shaped notes about what was recorded

    @property
    def recognised(self) -> bool:
        return bool(self.findings)

    @property
    def complete(self) -> bool:
        """Everything typed was understood and recorded."""
        return bool(self.findings) and not self.unrecognised and not self.questions

    def leftover(self) -> str:
        """The text of every token not understood and every question, in order: what a
        quick-entry line keeps after the rest is applied."""
        spans = sorted({(t.start, t.end) for t in (*self.unrecognised, *self.questions)})
        merged: list[list[int]] = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return " ".join(self.text[s:e].strip() for s, e in merged if self.text[s:e].strip())

    def to_json(self, kb: KnowledgeBase, lang: str = "en") -> dict:
        return {
            "findings": dict(self.findings),
            "unrecognised": [{"text": t.text, "start": t.start, "end": t.end}
                             for t in self.unrecognised],
            "questions": [_question_json(q) for q in self.questions],
            "notes": [_question_json(q) for q in self.notes],
            "items": [{"finding": i.finding, "label": kb.finding_label(i.finding, lang),
                       "value": i.value, "display": value_text(kb, i.finding, i.value, lang),
                       "text": i.text, "start": i.start, "end": i.end,
                       **({"note": i.note} if i.note else {})} for i in self.items],
        }


def _question_json(q: Question) -> dict:
    return {"message": q.message, "text": q.text, "start": q.start, "end": q.end,
            "finding": q.finding}


# -- text helpers ----------------------------------------------------------------------------

def normalise(s: str) -> str:
    """Case-folded, dash variants as "-", one character for one (so spans stay valid)."""
    out = []
    for ch in s.translate(_DASHES):
        low = ch.casefold()
        if len(low) != 1:
            low = ch.lower() if len(ch.lower()) == 1 else ch
        out.append(low)
    return "".join(out)


def _phrase(s: str) -> str:
    return " ".join(normalise(s).split())


def _wordy(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _cjk(ch: str) -> bool:
    """A Han character or kana: Chinese and Japanese put no spaces between words, so
    every position next to one is a word boundary ("SMA阳性", "结蛋白阴性")."""
    return "\u3040" <= ch <= "\u30ff" or "\u3400" <= ch <= "\u9fff" \
        or "\uf900" <= ch <= "\ufaff"


def _boundary(t: str, i: int) -> bool:
    """Whether a word may end before ``t[i]`` (``i`` > 0)."""
    last = t[i - 1]
    return (i == len(t) or not _wordy(last) or not _wordy(t[i]) or _cjk(last)
            or _cjk(t[i]))


def series(words: Any, lang: str = "en", last: str = ",") -> str:
    """``words`` as one list in ``lang``: "a, b or c" (``last`` "or"), "a or b or c"
    ("or all"), "a, b, c" (","); the separators are translated ("a、b或c")."""
    _ = translator(lang)
    words = list(words)
    out = words[0] if words else ""
    for i, word in enumerate(words[1:], 2):
        if last == "or all" or (last == "or" and i == len(words)):
            out = _("{words} or {word}", words=out, word=word)
        else:
            out = _("{words}, {word}", words=out, word=word)
    return out


def quoted(typed: str, lang: str = "en") -> str:
    """Text as typed, quoted: 'SMA' (“SMA” in Chinese)."""
    return gettext("'{text}'", lang, text=typed)


def results_text(kb: KnowledgeBase, f: Finding, states: Any, lang: str = "en",
                 last: str = ",") -> str:
    """States a message lists (:func:`series`): their ids in English (words the line
    reads: "positive, negative, focal"), the knowledge base's labels in another language
    (its words too: "阳性、阴性")."""
    if language(lang) == DEFAULT_LANGUAGE:
        return series(states, lang, last)
    return series((f.state_label(s, kb, lang) for s in states), lang, last)


def value_text(kb: KnowledgeBase, fid: str, value: Any, lang: str = "en") -> str:
    """A recorded value in words: 'Positive', 'Focal (positive)', '14 months', '30 years'."""
    f = kb.findings[fid]
    if f.is_numeric:
        return values.value_text(f, value, lang)
    return f.state_label(value, kb, lang)


# -- the vocabulary (built once per knowledge base) -----------------------------------------

class _Vocabulary:
    def __init__(self, kb: KnowledgeBase, lang: str):
        self.kb = kb
        self.trie: dict = {}
        self.unit_trie: dict = {}
        names: dict[str, tuple[int, set[str]]] = {}  # phrase -> (rank, findings)

        def name(phrase: str, fid: str, rank: int) -> None:
            key = _phrase(phrase)
            if not key:
                return
            old = names.get(key)
            if old is None or rank < old[0]:
                names[key] = (rank, {fid})
            elif rank == old[0]:
                old[1].add(fid)

        # the app's language ("zh_CN") reads the knowledge base's texts in "zh" too
        langs = tuple(dict.fromkeys(("en", lang.split("_")[0], lang)))
        state_ids: list[str] = []
        for fid, f in kb.findings.items():
            for lg in langs:
                if f.label.get(lg):
                    name(f.label[lg], fid, 0)
                    head = re.split(r"\s*[(（]", f.label[lg], maxsplit=1)[0]
                    if head and head != f.label[lg]:  # "结蛋白 (Desmin)": "结蛋白" too
                        name(head, fid, 1)
                for syn in f.synonyms.get(lg, ()):
                    name(syn, fid, 1)
            name(fid, fid, 0)
            name(fid.replace("_", " "), fid, 0)
            if not f.is_numeric:
                state_ids += [s for s in f.accepted_values if s not in state_ids]
            for unit, factor in f.units.items():
                self._add(self.unit_trie, _phrase(unit), ("unit", fid, factor, unit))
        for key, (_rank, fids) in names.items():
            self._add(self.trie, key, ("name", tuple(f for f in kb.findings if f in fids)))
        words: dict[str, list[str]] = {}
        for state in state_ids:
            for key in {_phrase(state), _phrase(state.replace("_", " "))}:
                words.setdefault(key, []).append(state)
        for state, by_lang in kb.entry.states.items():
            for lg in langs:
                for word in by_lang.get(lg, ()):
                    listed = words.setdefault(_phrase(word), [])
                    if state not in listed:
                        listed.append(state)
        before = {_phrase(w) for lg in langs for w in kb.entry.before_name.get(lg, ())}
        for key, states in words.items():
            if key:
                self._add(self.trie, key, ("state", tuple(states), key in before))
        for kind, lists in (("joiner", kb.entry.joiners), ("shared", kb.entry.shared),
                            ("result_for", kb.entry.result_for),
                            ("filler", kb.entry.fillers)):
            for lg in langs:
                for word in lists.get(lg, ()):
                    if _phrase(word):
                        self._add(self.trie, _phrase(word), (kind,))
        # marks making the result word before them a heading ("Positive: SMA, desmin"); a
        # mark that is no other word is skipped elsewhere
        self.heading_marks = {_phrase(w) for lg in langs
                              for w in kb.entry.result_heading.get(lg, ()) if _phrase(w)}
        for mark in self.heading_marks:
            found = self.longest(self.trie, mark, 0)
            if found is None or found[0] != len(mark):
                self._add(self.trie, mark, ("filler",))
        self.unit_owners: dict[str, list[str]] = {}
        for fid, f in kb.findings.items():
            for unit in f.units:
                owners = self.unit_owners.setdefault(_phrase(unit), [])
                if fid not in owners:
                    owners.append(fid)

    @staticmethod
    def _add(trie: dict, key: str, payload: tuple) -> None:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node.setdefault(_END, []).append(payload)

    @staticmethod
    def longest(trie: dict, t: str, pos: int) -> tuple[int, list] | None:
        """The longest phrase of ``trie`` at ``pos`` that ends on a word boundary: (end,
        payloads). A space in a phrase matches any run of spaces and tabs."""
        node, i, n, best = trie, pos, len(t), None
        while True:
            if _END in node and i > pos and _boundary(t, i):
                best = (i, node[_END])
            if i >= n:
                break
            ch = t[i]
            if ch in " \t":
                nxt = node.get(" ")
                if nxt is None:
                    break
                while i < n and t[i] in " \t":
                    i += 1
                node = nxt
                continue
            nxt = node.get(ch)
            if nxt is None:
                break
            node, i = nxt, i + 1
        return best


def _vocabulary(kb: KnowledgeBase, lang: str) -> _Vocabulary:
    return kb.derived(f"quick_entry:{lang}", lambda k: _Vocabulary(k, lang))


# -- lexing -------------------------------------------------------------------------------------

class _Tok(NamedTuple):
    kind: str  # name | state | joiner | shared | result_for | filler | sep | number | unknown
    start: int
    end: int
    names: tuple = ()  # finding ids (kind name)
    states: tuple = ()  # state words (kind state, or a name that is also a state word)
    before_name: bool = False  # a state word that only ever precedes a name ("no")
    number: Any = None  # kind number: (cmp, a, dash, b, decimal comma?, unit payloads,
    #                     unit span or None)


def _lex(vocab: _Vocabulary, t: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(t)
    while i < n:
        ch = t[i]
        if ch.isspace() and ch not in "\n\r":
            i += 1
            continue
        if ch in _SEPARATORS or (ch == "." and (i + 1 == n or t[i + 1].isspace())):
            toks.append(_Tok("sep", i, i + 1))
            i += 1
            continue
        num = _number(vocab, t, i)
        if num is not None:
            toks.append(num)
            i = num.end
            continue
        hit = vocab.longest(vocab.trie, t, i)
        if ch == "-" and i + 1 < n and t[i + 1].isalpha():  # "CD3-positive": "-" joins
            joined = vocab.longest(vocab.trie, t, i + 1)
            if joined is not None and any(p[0] == "state" and not p[2] for p in joined[1]):
                hit = (joined[0], [p for p in joined[1] if p[0] == "state"])
        if hit is not None and _dash_word(vocab, t, hit):
            hit = None  # "PAS-D", "CK-7": one word not understood, never "PAS" and "-"
        if hit is None:
            end = _unknown_end(vocab, t, i)
            toks.append(_Tok("unknown", i, end))
            i = end
            continue
        end, payloads = hit
        names = next((p[1] for p in payloads if p[0] == "name"), ())
        state = next((p for p in payloads if p[0] == "state"), None)
        states = state[1] if state else ()
        kinds = [p[0] for p in payloads]
        if names:
            toks.append(_Tok("name", i, end, names=names, states=states))
        elif state:
            toks.append(_Tok("state", i, end, states=states, before_name=state[2]))
        else:
            kind = next((k for k in ("joiner", "shared", "result_for") if k in kinds),
                        "filler")
            toks.append(_Tok(kind, i, end))
        i = end
    return toks


def _dash_word(vocab: _Vocabulary, t: str, hit: tuple[int, list]) -> bool:
    """Whether a name is glued by "-" to letters or digits that are no result ("PAS-D",
    "CK-7"): then the whole is one word not understood ("SMA-positive", "SOX10-ve" and
    "desmin-" are results)."""
    end, payloads = hit
    if not any(p[0] == "name" for p in payloads):
        return False
    n = len(t)
    if not (end + 1 < n and t[end] == "-" and _wordy(t[end + 1])):
        return False
    for at in (end, end + 1):  # "-ve" is a word; "-positive" is "positive"
        word = vocab.longest(vocab.trie, t, at)
        if word is not None and word[0] > end + 1 and any(p[0] == "state" for p in word[1]):
            return False
    return True


def _unknown_end(vocab: _Vocabulary, t: str, i: int) -> int:
    """Where a stretch of text not understood that starts at ``i`` ends: at a space, a
    separator, a full stop, or (Chinese has no spaces) where a known word begins."""
    end, n = i, len(t)
    while end < n and not t[end].isspace() and t[end] not in _SEPARATORS and not (
            t[end] == "." and (end + 1 == n or t[end + 1].isspace())):
        end += 1
        if end < n and (_cjk(t[end]) or _cjk(t[end - 1])) and (
                vocab.longest(vocab.trie, t, end) or _number(vocab, t, end)):
            break  # no spaces in Chinese: the unknown run ends where a word begins
    return max(end, i + 1)


def _number(vocab: _Vocabulary, t: str, i: int) -> _Tok | None:
    if not (t[i].isdigit() or t[i] in "<>≤≥~≈=."):
        return None
    m = _NUMBER.match(t, i)
    if m is None:
        return None
    end = m.end()
    comma = _DECIMAL_COMMA.match(t, end) if not m["dash"] else None
    if comma is not None:  # "1,5 g/L": a decimal comma, asked about (never read as 1 and 5)
        end = comma.end()
    j = end
    while j < len(t) and t[j] in " \t":
        j += 1
    unit = vocab.longest(vocab.unit_trie, t, j) if j < len(t) else None
    if unit is None and end < len(t) and t[end].isalnum() and not t[end].isdigit():
        return None  # "45F", "15x": not a number of ours
    if unit is not None:
        end = unit[0]
    elif end < len(t) and (_wordy(t[end]) or (
            t[end] == "." and end + 1 < len(t) and _wordy(t[end + 1]))):
        return None
    number = (m["cmp"], m["a"], m["dash"], m["b"], comma is not None,
              unit[1] if unit else (), (j, unit[0]) if unit else None)
    return _Tok("number", i, end, number=number)


# -- binding tokens into mentions ------------------------------------------------------------

class _Mention:
    __slots__ = ("done", "end", "fid", "fids", "how", "inherit", "note", "start", "value")

    def __init__(self, fids: tuple, start: int, end: int):
        self.fids, self.start, self.end = fids, start, end
        self.value: Any = None
        self.fid = ""  # the finding, once a value is given
        self.done = False  # a value was given (or asked about)
        self.how = ""  # "state" | "number" | "alone"
        self.note = ""
        # "no necrosis or mitoses": the "no" mitoses takes if it has no result of its own,
        # and whether it came after a comma (then only once a joiner confirms the list)
        self.inherit: tuple[_Negation, bool] | None = None


class _Negation:
    """A before-name word ("no") reaching the names listed after its own: "no necrosis or
    atypical mitoses"; over commas only when a joiner confirms the list ("no necrosis,
    ulceration or atypical mitoses", never "no necrosis, spindle cells").

    Or (``lead``) a result followed by a word of ``entry.result_for`` ("negative for S100,
    SOX10 and HMB45"): over commas at once, and through text not understood ("negative for
    desmin, h-caldesmon and ALK"); a finding complete named alone after a comma keeps its own
    meaning ("positive for SMA, spindle cells").

    Or (``heading``, a leading result too) a result heading the names after it ("Negative:
    ALK, S100, necrosis"): every name takes it, a finding complete named alone as well."""

    __slots__ = ("confirmed", "heading", "lead", "tok", "used")

    def __init__(self, tok: _Tok, lead: bool = False, heading: bool = False):
        self.tok, self.confirmed, self.lead = tok, lead, lead
        self.heading = heading
        self.used = False  # a name took it (a leading result no name took is not understood)


class _Binder:
    def __init__(self, kb: KnowledgeBase, vocab: _Vocabulary, t: str, lang: str,
                 typed: str):
        self.kb, self.vocab, self.t, self.lang = kb, vocab, t, lang
        self._ = translator(lang)  # the messages' words
        self.typed = typed  # as typed, for messages (``t`` is case-folded)
        self.mentions: list[_Mention] = []
        self.unknown: list[list[int]] = []
        self.questions: list[Question] = []
        self.notes: list[Question] = []
        self.pending: _Mention | None = None
        self.held: _Tok | None = None
        # a finding without a result, set aside by a before-name word ("necrosis no"): it
        # takes that word when no name follows ("necrosis: no"), else it is named alone
        self.orphan: _Mention | None = None
        self.last: _Mention | None = None  # the last mention given a result, this segment
        self.after_unknown = False
        # a list of names waiting for one shared result ("S100, SOX10 and HMB45 negative"):
        # each with how it is joined to the next ("comma" or "word"); see _Binder.share
        self.listed: list[tuple[_Mention, str]] = []
        self.joined: str | None = None  # a joiner since the list's last member
        self.run_tail_unknown = False  # the list's last member is text not understood
        self.quantified = False  # "all"/"both" since the list's last member
        self.group: list[_Mention] = []  # the others that took the last shared result
        # a before-name word ("no") and whether a joiner follows its name: it reaches the
        # names joined after it ("no necrosis or atypical mitoses")
        self.negated: _Negation | None = None
        self.negated_open = ""  # "word" or "comma": what follows the last name of it
        self.lead: _Tok | None = None  # a held result followed by "for" ("negative for")
        self.heading: _Tok | None = None  # a held result heading its names ("Positive:")
        # a result word's start -> the heading mark after it ("Positive:"), and the marks
        # read as such (skipped)
        self.marks: dict[int, _Tok] = {}
        self.skip: set[int] = set()
        self.prev: _Tok | None = None  # the token before the current one
        self.before_fillers: _Tok | None = None  # the last token that is no filler

    # -- questions and unknown text
    def ask(self, message: str, start: int, end: int, fid: str | None = None) -> None:
        self.questions.append(Question(message, start, end, self.typed[start:end].strip(), fid))

    def note(self, message: str, start: int, end: int, fid: str | None = None) -> None:
        self.notes.append(Question(message, start, end, self.typed[start:end].strip(), fid))

    def unrecognised(self, start: int, end: int, join: bool = False) -> None:
        if join and self.unknown:
            self.unknown[-1][1] = end  # "CK7 neg": one token
        else:
            self.unknown.append([start, end])

    def label(self, fid: str) -> str:
        return self.kb.finding_label(fid, self.lang)

    def names(self, fids: tuple) -> str:
        return series((self.label(f) for f in fids), self.lang, last="or")

    def results(self, fid: str, states: Any = None, last: str = ",") -> str:
        f = self.kb.findings[fid]
        return results_text(self.kb, f, f.accepted_values if states is None else states,
                            self.lang, last)

    def imprecise(self, m: _Mention, fids: tuple) -> None:
        self.ask(self._("'{text}' could be {findings}: name it more precisely",
                        text=self.typed[m.start:m.end].strip(), findings=self.names(fids)),
                 m.start, m.end)

    # -- the token loop
    def run(self, toks: list[_Tok]) -> None:
        self.find_marks(toks)
        for tok in toks:
            if tok.start in self.skip:
                continue  # the mark of a heading ("Positive:", "Positive -")
            getattr(self, "on_" + tok.kind)(tok)
            if tok.kind == "sep" and self.negated is not None and self.t[tok.start] in \
                    _LIST_COMMAS and (not self.negated_open or self.negated.lead):
                # (a leading result's list goes on past text not understood: "negative
                # for SMA, h-caldesmon, desmin")
                self.negated_open = self.negated_open or "comma"
            elif tok.kind not in ("filler", "joiner", "name", "result_for") and not (
                    tok.kind == "unknown" and self.negated is not None and self.negated.lead):
                self.end_negation()
            self.after_unknown = tok.kind == "unknown" or (
                self.after_unknown and tok.kind in ("state", "filler", "shared",
                                                    "result_for"))
            self.prev = tok
            if tok.kind != "filler":
                self.before_fillers = tok
        self.on_sep(None)
        self.end_negation()

    def find_marks(self, toks: list[_Tok]) -> None:
        """Each result word followed by a heading mark (past fillers: "Positive staining:")."""
        marks = self.vocab.heading_marks
        if not marks:
            return
        for k, tok in enumerate(toks):
            if tok.kind != "state":
                continue
            for nxt in toks[k + 1:]:
                if _phrase(self.t[nxt.start:nxt.end]) in marks:
                    self.marks[tok.start] = nxt
                elif nxt.kind == "filler":
                    continue
                break

    def heads(self, tok: _Tok) -> bool:
        """Whether the result ``tok``, followed by a heading mark, heads the names after it:
        where no name precedes it in its segment (start, separator, fillers: "IHC:"), or
        where it ends the list of a heading before it ("Positive: SMA Negative: ALK");
        never after a name or a word not understood ("ALK negative: spindle cells")."""
        if tok.start not in self.marks:
            return False
        if self.negated is not None and self.negated.heading:
            return True
        before = self.before_fillers
        return before is None or before.kind == "sep"

    def on_heading(self, tok: _Tok) -> None:
        """A result heading the names after it: the first takes it as a held result, the
        others as a leading result's list (see :meth:`on_name`)."""
        self.skip.add(self.marks[tok.start].start)
        self.close()
        self.flush_run()
        self.drop_held()
        self.end_negation()
        self.last, self.group = None, []
        self.held = self.lead = self.heading = tok

    def unused_span(self, tok: _Tok) -> tuple[int, int]:
        """A result no name took, as text not understood: with its heading mark when the
        mark is a word of its own ("Negative -")."""
        mark = self.marks.get(tok.start)
        if mark is not None and mark.start in self.skip and mark.kind != "filler":
            return tok.start, mark.end
        return tok.start, tok.end

    def end_negation(self) -> None:
        """The before-name word or leading result reaches no further; a leading result no
        name took is text not understood ("negative for h-caldesmon")."""
        negated, self.negated, self.negated_open = self.negated, None, ""
        if negated is not None and negated.lead and not negated.used:
            tok = negated.tok
            if not any(s <= tok.start < e for s, e in self.unknown):
                self.unknown.append(list(self.unused_span(tok)))
                self.unknown.sort()

    def on_result_for(self, tok: _Tok) -> None:
        """A word of ``entry.result_for`` right after a result ("negative for"): the result
        goes to the names listed next. Anywhere else it is skipped like a filler."""
        prev = self.prev
        if prev is None or prev.kind != "state" or self.after_unknown:
            return
        if self.held is prev:  # "Positive for SMA and desmin": the first name takes it
            self.lead = prev
        elif self.last is not None and self.last.end == prev.end:
            # "S100 negative for ...": given to the name before, and to the names after
            self.negated, self.negated_open = _Negation(prev, lead=True), "word"
            self.negated.used = True

    def end_all(self) -> None:
        """Nothing waits past here: the pending name, a held result (its set-aside finding
        and list sharing it: "necrosis and mitoses: no") and a list without a result."""
        self.close()
        self.drop_held()
        self.flush_run()

    def on_sep(self, tok: _Tok | None) -> None:
        listed = tok is not None and self.t[tok.start] in _LIST_COMMAS and self.defer("comma")
        if not listed:
            self.end_all()
        self.last, self.group = None, []

    def on_filler(self, _tok: _Tok) -> None:
        pass

    def on_joiner(self, _tok: _Tok) -> None:
        self.defer("word")  # else skipped: "SMA+ and desmin-"
        if self.negated is not None:
            self.negated_open = "word"

    def on_shared(self, _tok: _Tok) -> None:
        self.quantified = True

    def on_unknown(self, tok: _Tok) -> None:
        self.quantified = False
        if self.held is not None and self.held is self.lead:
            # "negative for h-caldesmon and desmin": the result waits for the names after
            self.negated = _Negation(self.held, lead=True, heading=self.held is self.heading)
            self.negated_open = ""
            self.held = self.lead = self.heading = None
        if self.listed and (self.joined is not None or self.run_tail_unknown):
            # "CK, EMA, S100 all negative": listed, not understood, and the list goes on
            self.joined, self.run_tail_unknown = None, True
            self.unrecognised(tok.start, tok.end)
            return
        self.end_all()
        self.last, self.group = None, []
        self.unrecognised(tok.start, tok.end)

    # -- a list of names sharing the one result after it ("S100 and SOX10 negative")
    def defer(self, how: str) -> bool:
        """A joiner or a list comma (``how``: "word" or "comma") after a name without a
        result: the name waits in the list for a shared result. False: nothing waits."""
        p = self.pending
        if p is not None and not p.done and self.held is None and self.orphan is None \
                and not (p.inherit is not None and p.inherit[0].lead):
            # (a name a leading result reaches is no list of a result after it: "positive
            # for SMA, desmin negative" is SMA positive)
            self.pending = None
            self.listed.append((p, how))
            self.joined, self.run_tail_unknown = how, False
            return True
        if self.listed and self.run_tail_unknown:
            self.joined = how
            return True
        return False

    def take_list(self) -> tuple[list[tuple[_Mention, str]], bool]:
        """The list of names waiting for a shared result, and whether "all"/"both" follows
        it; from here no list waits."""
        run, quantified = self.listed, self.quantified
        self.listed = []
        self.joined, self.run_tail_unknown, self.quantified = None, False, False
        return run, quantified

    def flush_run(self) -> None:
        """The list ends without a shared result: each name as if named alone."""
        for m, _how in self.take_list()[0]:
            self.close_mention(m)

    def share(self, tok: _Tok, anchor: _Mention | None) -> None:
        """The result ``tok`` right after the list's last name (``anchor``; None when the
        list ends with text not understood) goes to every name of the list that takes it,
        back to front. A finding that is complete named alone ("spindle cells") stops the
        list where it is joined by a comma ("spindle cells, necrosis absent"), or where it
        would take another state than the anchor ("spindle cells and desmin-": absent is
        not negative) or none ("spindle cells and SMA+"), unless "all"/"both" says every
        name takes the result. Any other name that does not take it is asked about."""
        run, quantified = self.take_list()
        anchor_state = anchor.value if anchor is not None and anchor.how == "state" else None
        self.group = []
        sharing = True
        for m, how in reversed(run):
            fits = self._resolve_states(m.fids, tok.states)
            if sharing and self._complete_alone(m) and (
                    not fits if quantified else
                    how == "comma" or not fits or fits[0][1] != anchor_state):
                sharing = False
            if not sharing:
                self.close_mention(m)
                continue
            self.give_state(m, tok, shared=True)
            if m.how == "state":
                self.group.append(m)
        if anchor is None:
            self.last = None

    def _complete_alone(self, m: _Mention) -> bool:
        return len(m.fids) == 1 and bool(self._alone(m.fids[0]))

    def drop_held(self) -> None:
        """A result that no name followed: the set-aside finding's ("necrosis: no"), or
        text not understood."""
        held, self.held = self.held, None
        orphan, self.orphan = self.orphan, None
        if held is not None and orphan is not None:
            self.give_state(orphan, held)
            self.share(held, orphan)  # "necrosis and mitoses: no"
            return
        self.close_mention(orphan)
        if orphan is not None:
            self.flush_run()
        if held is not None:
            self.unrecognised(*self.unused_span(held))

    def close(self) -> None:
        """The pending mention ends without a result: named alone, or a question."""
        m, self.pending = self.pending, None
        self.close_mention(m)

    def close_mention(self, m: _Mention | None) -> None:
        if m is None or m.done:
            return
        if m.inherit is not None:
            negation, after_comma = m.inherit
            if (negation.confirmed or not after_comma) and \
                    not (negation.lead and not negation.heading and after_comma
                         and self._complete_alone(m)) and \
                    self._resolve_states(m.fids, negation.tok.states):
                negation.confirmed |= not after_comma  # "..., ulceration or mitoses"
                negation.used = True
                self.give_state(m, negation.tok, shared=True)  # "no necrosis or mitoses"
                return
        m.done = True
        alone = [(fid, s) for fid in m.fids for s in self._alone(fid)]
        if len(alone) == 1 and len(m.fids) == 1:
            m.fid, m.value, m.how = alone[0][0], alone[0][1], "alone"
            self.mentions.append(m)
            return
        if len(m.fids) > 1:
            self.imprecise(m, m.fids)
            return
        fid = m.fids[0]
        f = self.kb.findings[fid]
        if f.is_numeric:
            self.ask(self._("{finding}: no value given", finding=self.label(fid)),
                     m.start, m.end, fid)
        else:
            self.ask(self._("{finding}: no result given (one of {results})",
                            finding=self.label(fid), results=self.results(fid)),
                     m.start, m.end, fid)

    def _alone(self, fid: str) -> list[str]:
        f = self.kb.findings[fid]
        if f.is_numeric:
            return []
        return [s for s in self.kb.entry.named_alone if s in f.accepted_values][:1]

    def on_name(self, tok: _Tok) -> None:
        listed = self.joined is not None  # "S100 and SOX10": the list goes on
        self.joined, self.run_tail_unknown, self.quantified = None, False, False
        own = self._resolve_states(tok.names, tok.states)
        if tok.states and not own and self.pending is not None and not self.pending.done \
                and self._resolve_states(self.pending.fids, tok.states):
            self.on_state(tok)  # a word both a name and a state: the pending finding's state
            return
        p = self.pending
        if p is not None and not p.done and set(tok.names) & set(p.fids):
            p.fids = tuple(f for f in p.fids if f in tok.names)  # "CK (AE1/AE3) focal"
            p.end = tok.end
            return
        last = self.last
        if last is not None and last.how == "state" and last.fid in tok.names and \
                self.held is None and self.prev is not None and self.prev.kind == "filler" \
                and self.before_fillers is not None and self.before_fillers.end == last.end:
            last.end = tok.end  # "no fungal organisms on GMS": the stain that showed it
            return
        self.close()
        orphan, self.orphan = self.orphan, None
        self.close_mention(orphan)  # "spindle cells no necrosis": spindle cells named alone
        if not listed or orphan is not None:
            self.flush_run()
        m = _Mention(tok.names, tok.start, tok.end)
        self.pending = m
        if self.held is not None or own:  # "no necrosis", "woman": the list ends here
            self.flush_run()
        negated = self.negated if self.negated_open else None
        if negated is not None:
            m.inherit = (negated, self.negated_open == "comma")
        self.negated, self.negated_open = negated, ""
        if self.held is not None:
            held, self.held = self.held, None
            m.start = held.start
            self.give_state(m, held)
            self.negated = _Negation(held, lead=held is self.lead,
                                     heading=held is self.heading) \
                if held.before_name or held is self.lead else None
            if self.negated is not None:
                self.negated.used = True
            self.lead = self.heading = None
        elif own:
            self.give_state(m, tok)
            self.negated = None

    def _resolve_states(self, fids: tuple, states: tuple) -> list[tuple[str, str]]:
        """(finding, state) for each finding that takes one of ``states`` (the first it
        takes, in the order the knowledge base lists them)."""
        out = []
        for fid in fids:
            f = self.kb.findings[fid]
            if f.is_numeric:
                continue
            for s in states:
                if s in f.accepted_values:
                    out.append((fid, s))
                    break
        return out

    def on_state(self, tok: _Tok) -> None:
        if self.heads(tok):  # "Positive: SMA, desmin", "IHC: negative - ALK"
            self.on_heading(tok)
            return
        if self.after_unknown:  # "CK7 neg": the result of the word not understood
            self.unrecognised(tok.start, tok.end, join=True)
            if self.run_tail_unknown:  # "CK, EMA negative": and of the list before it
                self.share(tok, None)
            return
        p = self.pending
        if tok.before_name:  # "ALK- no necrosis", "spindle cells no necrosis"
            self.drop_held()
            if p is not None and not p.done:
                self.pending, self.orphan = None, p  # the list waits with it
            else:
                self.flush_run()
            self.held = tok
            return
        if p is not None and not p.done:
            p.end = tok.end
            self.give_state(p, tok)
            self.share(tok, p)
            return
        if self.refine_last(tok):
            return
        self.close()
        self.flush_run()
        self.drop_held()
        self.held = tok

    def give_state(self, m: _Mention, tok: _Tok, shared: bool = False) -> None:
        """``tok``'s result for ``m`` (``shared``: a list's result, ``m`` keeps its own
        span and is not the last mention)."""
        m.done = True
        if not shared:
            m.end = max(m.end, tok.end)
        fits = self._resolve_states(m.fids, tok.states)
        word = self.typed[tok.start:tok.end].strip()
        if len(fits) == 1:
            m.fid, m.value, m.how = fits[0][0], fits[0][1], "state"
            self.mentions.append(m)
            if shared:
                m.note = self._("from '{word}'", word=word)
            else:
                self.last, self.group = m, []
            f = self.kb.findings[m.fid]
            if m.value in f.unions:
                self.note(self._("{finding}: recorded as {result} ({results} not stated)",
                                 finding=self.label(m.fid),
                                 result=self.results(m.fid, (m.value,)),
                                 results=self.results(m.fid, f.unions[m.value], "or all")),
                          m.start, m.end, m.fid)
            return
        if len(fits) > 1:
            self.imprecise(m, tuple(f for f, _ in fits))
            return
        if len(m.fids) > 1:
            self.ask(self._("'{text}' could be {findings}, none of which takes '{word}'",
                            text=self.typed[m.start:m.end].strip(),
                            findings=self.names(m.fids), word=word), m.start, m.end)
            return
        fid = m.fids[0]
        f = self.kb.findings[fid]
        if f.is_numeric:
            self.ask(self._("{finding} takes a number ({unit}), not '{word}'",
                            finding=self.label(fid), unit=values.unit_text(f, self.lang),
                            word=word), m.start, m.end, fid)
        else:
            self.ask(self._("{finding}: '{word}' is not one of its results ({results})",
                            finding=self.label(fid), word=word, results=self.results(fid)),
                     m.start, m.end, fid)

    def refine_last(self, tok: _Tok) -> bool:
        """A second result after the last mention's, and the list's that shared it ("S100
        and SOX10 positive, diffuse")."""
        if self.last is not None and not self.refine(self.last, tok):
            return False
        if self.last is None and not self.group:
            return False
        for m in self.group:
            end = m.end
            self.refine(m, tok)
            m.end = end
        return True

    def refine(self, m: _Mention, tok: _Tok) -> bool:
        """A second result right after the first: kept when compatible ("CK+ focal" =
        focal, "SMA positive diffuse" = diffuse); False when it is not."""
        if m.how != "state":
            return False
        f = self.kb.findings[m.fid]
        new = next((s for s in tok.states if s in f.accepted_values), None)
        if new is None:
            return False
        old = m.value
        same = f.state_of(old) == f.state_of(new)
        if new == old or (new in f.unions and f.covers(new, f.state_of(old))):
            pass  # the first is as specific already ("CK focal positive")
        elif old in f.unions and f.covers(old, f.state_of(new)):
            m.value = new  # "CK+ focal"
        elif same and new in f.aliases and old not in f.aliases:
            m.value = new  # "SMA+ diffuse"
        elif not (same and old in f.aliases and new not in f.aliases):
            return False  # "SMA+ neg", "SMA focal diffuse": not one result
        m.end = tok.end
        self.notes[:] = [q for q in self.notes if not (q.finding == m.fid and
                                                       q.start == m.start)]
        return True

    def on_number(self, tok: _Tok) -> None:
        self.flush_run()
        units, unit_span = tok.number[5:]
        p = self.pending
        if self.held is not None:
            self.drop_held()
        if p is None or p.done:
            self.close()
            owners = self.vocab.unit_owners.get(_phrase(self.t[slice(*unit_span)]), []) \
                if units else []
            if not owners:
                self.unrecognised(tok.start, tok.end)
                return
            if len(owners) > 1:
                self.ask(self._("'{text}': which finding? ({findings})",
                                text=self.typed[tok.start:tok.end].strip(),
                                findings=self.names(tuple(owners))), tok.start, tok.end)
                return
            p = _Mention((owners[0],), tok.start, tok.end)
        self.pending = None
        p.done = True
        p.end = tok.end
        self.give_number(p, tok)

    def give_number(self, m: _Mention, tok: _Tok) -> None:
        cmp_, a, dash, _b, comma, _units, unit_span = tok.number
        unit_text = self.typed[slice(*unit_span)] if unit_span else ""
        written = self.typed[tok.start:tok.end].strip()
        _ = self._
        if comma:
            number = written[:len(written) - len(unit_text)].strip() if unit_text else written
            self.ask(_("{findings}: write decimals with a point ('{point}'), not '{number}'",
                       findings=self.names(m.fids), point=number.replace(",", "."),
                       number=number), m.start, m.end,
                     m.fids[0] if len(m.fids) == 1 else None)
            return
        numeric = [f for f in m.fids if self.kb.findings[f].is_numeric]
        if not numeric:
            fid = m.fids[0]
            fields = {"findings": self.names(m.fids), "results": self.results(fid),
                      "written": written}
            self.ask(_("{findings} takes a result ({results}), not a number ('{written}')",
                       **fields) if len(m.fids) == 1 else
                     _("{findings} takes results ({results}), not a number ('{written}')",
                       **fields), m.start, m.end, fid if len(m.fids) == 1 else None)
            return
        unit_key = _phrase(unit_text) if unit_text else ""
        if unit_key:
            fits = [f for f in numeric if unit_key in {_phrase(u) for u in
                                                       self.kb.findings[f].units}]
            if not fits:
                fid = numeric[0]
                owners = self.vocab.unit_owners.get(unit_key, [])
                fields = {"finding": self.label(fid), "unit": unit_text.strip()}
                self.ask(_("{finding} is not measured in {unit} ({findings} is)",
                           findings=self.names(tuple(owners)), **fields) if owners else
                         _("{finding} is not measured in {unit}", **fields),
                         m.start, m.end, fid)
                return
            numeric = fits
        if len(numeric) > 1:
            self.imprecise(m, tuple(numeric))
            return
        fid = numeric[0]
        f = self.kb.findings[fid]
        name = self.label(fid)
        if cmp_ and cmp_ not in _APPROX:
            self.ask(_("{finding}: give one number, not '{written}'", finding=name,
                       written=written), m.start, m.end, fid)
            return
        if dash:
            self.ask(_("{finding}: give one number, not a range ('{written}')", finding=name,
                       written=written), m.start, m.end, fid)
            return
        raw = float(a)
        factor = 1.0
        unit_shown = values.unit_text(f, self.lang)
        if unit_key:
            factor = next(x for u, x in f.units.items() if _phrase(u) == unit_key)
        elif f.query_fraction and 0 < raw < 1:
            # the unit to type is one the line reads ("%", never "% 病变细胞")
            typed_unit = f.display_unit or unit_shown
            self.ask(_("{finding} {number}: did you mean {meant} {unit}? Write it with its "
                       "unit ('{meant}{typed_unit}' or '{number}{typed_unit}')",
                       finding=name, number=number_text(raw), meant=number_text(raw * 100),
                       unit=unit_shown, typed_unit=typed_unit), m.start, m.end, fid)
            return
        value = raw * factor
        if factor != 1:
            value = round(value, f.decimals)
        if not math.isfinite(value):
            self.ask(_("{finding}: '{written}' is not a number it can take", finding=name,
                       written=written), m.start, m.end, fid)
            return
        value = int(value) if value.is_integer() else value
        lo, hi = f.range or (-math.inf, math.inf)
        if not lo <= value <= hi:
            fields = {"finding": name, "low": number_text(lo), "high": number_text(hi),
                      "unit": unit_shown, "value": number_text(value), "written": written}
            self.ask(_("{finding} must be between {low} and {high} {unit}, not {value} "
                       "({written})", **fields) if factor != 1 else
                     _("{finding} must be between {low} and {high} {unit}, not {value}",
                       **fields), m.start, m.end, fid)
            return
        try:
            f.state_of(value)
        except ValueError as exc:  # pragma: no cover - the range check covers it
            self.ask(_("{finding}: {problem}", finding=name, problem=exc), m.start, m.end,
                     fid)
            return
        m.fid, m.value, m.how = fid, value, "number"
        if factor != 1:
            m.note = _("from {written}", written=written)
        if cmp_:
            self.note(_("{finding}: '{written}' recorded as {value}", finding=name,
                        written=written, value=number_text(value)), m.start, m.end, fid)
        self.mentions.append(m)


# -- the entry point ----------------------------------------------------------------------------

def parse(kb: KnowledgeBase, line: Any, lang: str = "en") -> QuickEntry:
    """Read one line of quick entry against ``kb``; never raises."""
    if not isinstance(line, str):
        line = "" if line is None else str(line)
    if len(line) > MAX_CHARS:
        q = Question(gettext("The text is {n} characters long; quick entry reads at most "
                             "{most} at a time", lang, n=f"{len(line):,}",
                             most=f"{MAX_CHARS:,}"), 0, len(line), "")
        return QuickEntry(line, {}, (), (), (q,), ())
    vocab = _vocabulary(kb, lang)
    t = normalise(line)
    binder = _Binder(kb, vocab, t, lang, line)
    binder.run(_lex(vocab, t))
    items, findings, questions = _settle(kb, binder, line, lang)
    unknown = tuple(Token(line[s:e], s, e) for s, e in binder.unknown)
    # the binder's messages quote the normalised text; give them the text as typed
    questions = tuple(sorted((q._replace(text=line[q.start:q.end].strip()) for q in questions),
                             key=lambda q: (q.start, q.end)))
    notes = tuple(q._replace(text=line[q.start:q.end].strip()) for q in binder.notes
                  if q.finding in findings)
    return QuickEntry(line, findings, items, unknown, questions, notes)


def _settle(kb: KnowledgeBase, b: _Binder, line: str, lang: str):
    """Items in text order; a finding given two different values is asked about instead."""
    by_fid: dict[str, list[_Mention]] = {}
    for m in b.mentions:
        by_fid.setdefault(m.fid, []).append(m)
    distinct: dict[str, list[Any]] = {}  # finding -> its different values, in order
    for fid, group in by_fid.items():
        seen = {(type(x.value), x.value): x.value for x in group}  # 1 and 1.0 differ
        distinct[fid] = list(seen.values())
    _ = translator(lang)
    questions = list(b.questions)
    asked = {q.finding for q in questions if q.finding}
    items: list[Item] = []
    findings: dict[str, Any] = {}
    for m in sorted(b.mentions, key=lambda m: m.start):
        group = by_fid[m.fid]
        if m.fid in asked:  # "Ki67 15% ... Ki67 5-10": not recorded until settled
            questions.append(Question(
                _("{finding} is also given as {value}: not recorded until the other "
                  "mention is settled", finding=kb.finding_label(m.fid, lang),
                  value=value_text(kb, m.fid, m.value, lang)),
                m.start, m.end, line[m.start:m.end], m.fid))
            continue
        values = distinct[m.fid]
        if len(values) > 1:
            if m is group[0]:
                shown = series((value_text(kb, m.fid, v, lang) for v in values), lang)
                questions.append(Question(
                    _("{finding} is given {n} times with different values ({values}): not "
                      "recorded", finding=kb.finding_label(m.fid, lang), n=len(group),
                      values=shown), m.start, group[-1].end,
                    line[m.start:group[-1].end], m.fid))
            continue
        findings.setdefault(m.fid, m.value)
        items.append(Item(m.fid, m.value, m.start, m.end, line[m.start:m.end].strip(), m.note))
    return tuple(items), findings, questions


class Reading(NamedTuple):
    """A number typed for one finding (see :func:`read_number`)."""

    value: Any = None  # in the finding's unit; None: nothing to record (cleared, or refused)
    message: str = ""  # why it is refused ("" when it is not), naming the finding's label
    suggestion: float | None = None  # a fraction typed for a percentage: the value meant
    note: str = ""  # e.g. "from 14 months"

    @property
    def refused(self) -> bool:
        return bool(self.message)


_FIELD_COMMA = re.compile(r"(?<=\d),(?=\d)")


def read_number(kb: KnowledgeBase, fid: str, typed: Any, unit: str | None = None,
                lang: str = "en") -> Reading:
    """A number typed in one numeric finding's own field (the checklist's number editor),
    read by the same grammar, units and checks as a quick-entry line: a range ("5-10"),
    a comparison ("<5") and a value outside the finding's range are refused with a
    message naming the finding's label; a fraction for a percentage (0.4) is refused with
    the value meant as ``suggestion`` (40). ``unit``: a key of the finding's ``units``
    chosen beside the field, applied when the text names no unit ("14" in months = 1.17
    years). A decimal comma is a decimal point here (the field holds one number). Empty
    text: ``Reading()`` (not assessed). Never raises."""
    f = kb.findings[fid]
    line = typed.strip() if isinstance(typed, str) else ""
    if not line:
        return Reading()
    name = kb.finding_label(fid, lang)
    _ = translator(lang)
    if not f.is_numeric:
        return Reading(message=_("{finding} takes a result, not a number", finding=name))
    if len(line) > 100:
        return Reading(message=_("{finding}: give one number", finding=name))
    line = _FIELD_COMMA.sub(".", line, count=1)
    vocab = _vocabulary(kb, lang)
    toks = [t for t in _lex(vocab, normalise(line)) if t.kind != "filler"]
    if len(toks) != 1 or toks[0].kind != "number":
        return Reading(message=_("{finding}: '{text}' is not a number", finding=name,
                                 text=line))
    tok = toks[0]
    cmp_, a, dash, _b, _comma, _units, unit_span = tok.number
    factor = f.units.get(unit, 1) if unit else 1
    if unit_span is None and factor != 1:  # the unit chosen beside the field
        line = f"{line} {unit}"
        toks = [t for t in _lex(vocab, normalise(line)) if t.kind != "filler"]
        if len(toks) != 1 or toks[0].kind != "number":  # pragma: no cover - a KB unit
            return Reading(message=_("{finding}: '{text}' is not a number", finding=name,
                                 text=line))
        tok = toks[0]
    binder = _Binder(kb, vocab, normalise(line), lang, line)
    m = _Mention((fid,), 0, len(line))
    binder.give_number(m, tok)
    if binder.questions:
        suggestion = None
        if f.query_fraction and unit_span is None and factor == 1 and not cmp_ \
                and not dash and 0 < float(a) < 1:
            suggestion = round(float(a) * 100, 6)
        return Reading(message=binder.questions[0].message, suggestion=suggestion)
    return Reading(m.value, note=m.note)


def preview(kb: KnowledgeBase, result: QuickEntry, lang: str = "en") -> str:
    """One line: what was understood ("SMA = Positive · Age = 1.17 years"), then what was
    not ("not understood: xyz") and the questions."""
    shown = {i.finding: i for i in reversed(result.items)}  # a finding named twice: once
    parts = [" · ".join(f"{kb.finding_label(i.finding, lang)} = "
                        f"{value_text(kb, i.finding, i.value, lang)}"
                        for i in result.items if shown[i.finding] is i)] if result.items else []
    if result.unrecognised:
        parts.append(gettext("not understood: {texts}", lang, texts=series(
            (quoted(t.text, lang) for t in result.unrecognised), lang)))
    parts += [f"? {q.message}" for q in result.questions]
    return " | ".join(parts)

