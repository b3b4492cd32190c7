"""Sentence splitting with NLTK's Punkt, parametrised in code (no downloaded model).

The untrained Punkt splits after every period; here it knows the abbreviations of
diplomatic and press English, every single capital letter as an initial ("C. Mackenzie",
"U.S."), and month abbreviations. Spans are offsets into the text passed in, and come
from NLTK's public ``PunktSentenceTokenizer.span_tokenize``. A very long paragraph is cut
at clear sentence ends into pieces of about ``CHUNK`` characters first, because Punkt's
cost grows faster than linearly on one huge paragraph and NLTK stops a regular expression
after 5 s.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt cpt sgt adm cmdr brig rev hon amb sen rep gov pres
    st jr sr vs etc e.g i.e cf al approx dept est fig no nos vol art ch sec para pp ed eds
    inc ltd co corp plc llc bros min max
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    u.s u.k u.n e.u u.s.a u.s.s.r d.c
    """.split()
) | frozenset("abcdefghijklmnopqrstuvwxyz")



@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """The project's Punkt tokenizer (built once).

    Example:
        >>> sentence_tokenizer().tokenize("In June 1995, C. Mackenzie visited. He met Dr. Smith.")
        ['In June 1995, C. Mackenzie visited.', 'He met Dr. Smith.']
    """
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


def split_sentences(text: str, *, offset: int = 0) -> list[tuple[int, int]]:
    """Sentence spans of ``text``, shifted by ``offset``, trimmed to non-blank characters.

    Together the spans cover every non-whitespace character of ``text``. A paragraph of at
    most ``SPLIT_MEMO_CHARS`` characters is split once for the last ``SPLIT_MEMO`` distinct
    ones asked: wire copy and boilerplate repeat whole paragraphs, whose sentences are the
    same wherever they stand.

    Example:
        >>> s = 'He said: "Our doors are open. Come in." Then he left.'
        >>> [s[a:b] for a, b in split_sentences(s)]
        ['He said: "Our doors are open.', 'Come in."', 'Then he left.']
    """
    spans = _remembered_spans(text) if len(text) <= SPLIT_MEMO_CHARS else _spans(text)
    return [(offset + a, offset + b) for a, b in spans]


SPLIT_MEMO = 1 << 12
"""How many distinct paragraphs' sentence spans :func:`split_sentences` remembers."""
SPLIT_MEMO_CHARS = 4_000
"""The longest paragraph whose spans are remembered (the memory holds at most about
``SPLIT_MEMO * SPLIT_MEMO_CHARS`` characters of keys)."""


def _spans(text: str) -> tuple[tuple[int, int], ...]:
    """The sentence spans of ``text``, offsets into it: Punkt's, in pieces of about ``CHUNK``
    characters, dateline pieces joined and over-long sentences cut."""
    if len(text) > CHUNK:
        spans = []
        for a, b in _chunks(text):
            spans += _punkt_spans(text[a:b], a)
    else:
        spans = _punkt_spans(text, 0)
    spans = _join_initials(text, _join_dateline(text, spans, 0))
    if any(b - a > MAX_SENTENCE for a, b in spans):
        spans = [piece for a, b in spans for piece in _bounded(text, a, b, 0)]
    return tuple(spans)


_remembered_spans = lru_cache(maxsize=SPLIT_MEMO)(_spans)


_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# A paragraph's opening that is only a dateline ending in a full stop, which Punkt takes for a
# sentence: "YEREVAN, June 23.", "Baku, 14 November 2019, ATO.", "/HPA/.", "YEREVAN, MARCH 14, ARMENPRESS."
_AGENCY = r"/[^/\n]{1,30}/|\([^)\n]{1,30}\)"
_DATELINE_HEAD = re.compile(
    rf"(?:[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){{0,2}},\s*"
    rf"(?:[^.,/()\n]{{0,12}}\b{_MONTH}\b\.?[^.,/()\n]{{0,12}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})"
    rf"(?:,?\s*(?:{_AGENCY}|[A-Z][\w&-]{{1,20}}))?|/[^/\n]{{1,30}}/)\."
)
# What may follow the first piece: the agency alone ("/HPA/.", "ARMENPRESS.").
_DATELINE_TAIL = re.compile(rf"(?:{_AGENCY}|[A-Z]{{2,}}[\w&-]*)\.")


# A dateline cut by full stops into place, day and agency: "Baku. 26 May. Lake Info."
_PLACE_ONLY = re.compile(r"[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,2}\.")
_DAY_MONTH = re.compile(rf"(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}})(?:,?\s*\d{{4}})?\.|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\.")
_AGENCY_PIECE = re.compile(rf"(?:{_AGENCY}|[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){{0,2}})\.")


def _join_dateline(text: str, spans: list[tuple[int, int]], offset: int) -> list[tuple[int, int]]:
    """Join the dateline pieces that open a paragraph to the sentence after them: the dateline
    belongs to the first sentence of the report ("YEREVAN, June 23. /HPA/. The minister said …")."""
    k = _dateline_pieces(text, spans, offset)
    return [(spans[0][0], spans[k][1]), *spans[k + 1 :]] if k else spans


def _dateline_pieces(text: str, spans: list[tuple[int, int]], offset: int) -> int:
    """How many of a paragraph's first spans are dateline pieces (always one fewer than the spans)."""

    def fits(pattern: re.Pattern, k: int) -> bool:
        return k < len(spans) - 1 and pattern.fullmatch(text, spans[k][0] - offset, spans[k][1] - offset) is not None

    if fits(_PLACE_ONLY, 0) and fits(_DAY_MONTH, 1):
        return 3 if fits(_AGENCY_PIECE, 2) else 2
    k = 0
    while fits(_DATELINE_TAIL if k else _DATELINE_HEAD, k):
        k += 1
    return k


# Initials that end a span ("Marek Rudnicki (M.R.", "2 a.m.") and what goes on after them in
# the same sentence: a closing bracket, a comma, or a word in lower case.
_INITIALS_END = re.compile(r"(?:\b[A-Za-z]\.){1,4}[)\]]?\Z")
_GOES_ON = re.compile(r"[a-z),;]")


# A quoted question or exclamation closing a span, and a span going on in lower case.
_ASKED_END = re.compile(r"[?!][\"”’'»]\Z")
_LOWER = re.compile(r"[a-z]")


def _join_initials(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a span that ends in initials to the next where that one goes on in lower case or
    with a bracket or comma: Punkt takes "(M.R.)" in "spoke with Marek Rudnicki (M.R.), NATO's
    envoy" for a sentence end, which would cut the person from their title. Join a quoted
    question or exclamation to the attribution after it in lower case ('"Is the door open?"
    the paper asked.'), which Punkt cuts off too."""
    joined: list[tuple[int, int]] = []
    for a, b in spans:
        end = joined[-1][1] if joined else 0
        if joined and (
            (_GOES_ON.match(text, a) and _INITIALS_END.search(text, 0, end))
            or (_LOWER.match(text, a) and _ASKED_END.search(text, 0, end))
        ):
            joined[-1] = (joined[-1][0], b)
        else:
            joined.append((a, b))
    return joined


MAX_SENTENCE = 2_000
"""The longest statement, in characters. A longer "sentence" (a list, a table, text without
full stops) is cut at its last clause mark (``;``, ``:``, ``,``, a dash) before the bound, or
at a space, so that the coder's cost, which grows faster than linearly in a sentence's
length, stays bounded and the whole text costs time linear in its length."""
_CLAUSE_MARK = re.compile(r"[;:,–—]\s|\s")


def _bounded(text: str, a: int, b: int, offset: int) -> list[tuple[int, int]]:
    """The span ``a:b`` (offsets into the source) cut into pieces of at most ``MAX_SENTENCE``
    characters, each trimmed of surrounding whitespace."""
    pieces = []
    while b - a > MAX_SENTENCE:
        window = text[a - offset : a - offset + MAX_SENTENCE]
        marks = [m.end() for m in _CLAUSE_MARK.finditer(window) if not m.group().isspace()]
        spaces = [m.end() for m in _CLAUSE_MARK.finditer(window) if m.group().isspace()]
        cut = (marks or spaces or [MAX_SENTENCE])[-1]
        pieces.append((a, a + len(window[:cut].rstrip())))
        rest = text[a - offset + cut : b - offset]
        a = a + cut + (len(rest) - len(rest.lstrip()))
    pieces.append((a, b))
    return [(x, y) for x, y in pieces if y > x]


def _punkt_spans(text: str, offset: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for a, b in sentence_tokenizer().span_tokenize(text):
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip())
        if trail > lead:
            spans.append((offset + a + lead, offset + a + trail))
    return _cover(text, spans, offset)


CHUNK = 20_000
_BREAK = re.compile(r"""(\w+)[.!?]["”’)\]]*\s+(?=["“(\[]?[A-Z0-9])""")


def _chunks(text: str) -> list[tuple[int, int]]:
    """Cut a very long paragraph at sentence ends about every ``CHUNK`` characters.

    Punkt's cost grows faster than linearly on one huge paragraph (and NLTK stops a
    regular expression after 5 s), so a paragraph of many megabytes is split where a
    sentence clearly ends (not after an abbreviation or an initial) and each piece is
    tokenised alone.
    """
    pieces = []
    start = 0
    while len(text) - start > CHUNK:
        cut = None
        for match in _BREAK.finditer(text, start + CHUNK):
            if match.group(1).lower() not in ABBREVIATIONS:
                cut = match.end()
                break
        if cut is None:
            break
        pieces.append((start, cut))
        start = cut
    pieces.append((start, len(text)))
    return pieces


def _cover(text: str, spans: list[tuple[int, int]], offset: int) -> list[tuple[int, int]]:
    """Attach any non-blank character Punkt left between spans to its neighbour."""
    if not spans:
        stripped = text.strip()
        if not stripped:
            return []
        lead = len(text) - len(text.lstrip())
        return [(offset + lead, offset + lead + len(stripped))]
    fixed: list[tuple[int, int]] = []
    cursor = offset
    for a, b in spans:
        gap = text[cursor - offset : a - offset]
        if gap.strip():
            start = cursor + (len(gap) - len(gap.lstrip()))
            if fixed:
                fixed[-1] = (fixed[-1][0], start + len(gap.strip()))
            else:
                a = start
        fixed.append((a, b))
        cursor = b
    tail = text[cursor - offset :]
    if tail.strip():
        fixed[-1] = (fixed[-1][0], cursor + len(tail.rstrip()))
    return fixed
