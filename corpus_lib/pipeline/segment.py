"""Sentence splitting with NLTK's Punkt, parametrised in code (no downloaded model).

The untrained Punkt splits after every period; here it knows the abbreviations of
diplomatic and press English, every single capital letter as an initial ("C. Mackenzie",
"U.S."), and month abbreviations. Spans are offsets into the text passed in.

Speed: :func:`split_sentences` does not call the tokenizer's ``span_tokenize``. It runs
:func:`punkt_span_tokenize`, a re-implementation of NLTK 3.10.4's ``span_tokenize``
(``_match_potential_end_contexts``, ``_slices_from_text``, ``text_contains_sentbreak`` with
both annotation passes and ``_ortho_heuristic``, ``_realign_boundaries``) for parameters
like :func:`sentence_tokenizer`'s, without ``PunktToken`` objects or generators:

* The regular expressions are the tokenizer's own compiled ones (its language vars' period
  context, word and realignment patterns; ``PunktToken``'s ellipsis, initial and number
  patterns), called on the ``regex`` pattern that ``nltk.redos`` wraps: the same matches,
  without NLTK's 5 s match timeout (:func:`split_sentences` cuts huge paragraphs into
  pieces of about ``CHUNK`` characters first). The three run on every unit and context
  (period context, word, realignment) are compiled again with the standard ``re``, which
  is cheaper to call on short texts: their texts must be NLTK 3.10.4's (SHA-256), and the
  whitespace classes are spelled out as the ``regex`` module reads them (``re``'s also
  take U+001C to U+001F); tests check every code point and generated texts.
* Each candidate context (the word before a ``.``, ``?`` or ``!``, found as NLTK does from
  the last ASCII whitespace, the mark, and what follows it) is split into lines and words
  as ``_tokenize_words`` does. It holds a break when
  a word other than the last is ``?``, ``!`` or ``.``, or ends in a period and is not an
  ellipsis, an abbreviation (also after a hyphen; so "A." is one), or an initial or number
  that the orthographic heuristic keeps: a number before punctuation or a lower-case word,
  an initial before punctuation or a word starting in upper or lower case. The number type
  (``##number##``) is computed only when it can matter.
* ``ortho_context`` is read as NLTK reads it (0 for an unseen type), so learnt contexts are
  honoured; unlike NLTK, the mirror does not store those 0s (NLTK's own calls do, so the
  project's tokenizer rarely has an empty one).
* A text without ``.``, ``?`` or ``!`` is one span, up to its trailing whitespace.

NLTK's quirks are kept, not fixed (". . ." is a break where "..." is not, a whitespace at
index 0 is no word boundary, a line that ``str.strip`` blanks has no words even when the
regex sees one), so the spans are the stock tokenizer's, exactly; tests compare them with
``==`` on generated texts (Hypothesis), learnt orthographic contexts, the seed corpus and
synthetic documents. The mirror is used only when the sources of the installed
``nltk/tokenize/punkt.py`` and ``nltk/redos.py`` have the SHA-256 of NLTK 3.10.4's; the
tokenizer, its language vars, token class and parameters are of NLTK's own classes, with
the default sentence-end marks and ``PUNCTUATION``; its patterns are ``redos`` wrappers; and
its parameters have no collocations, no sentence starters and a ``defaultdict(int)`` of
orthographic contexts. Otherwise :func:`punkt_span_tokenize` falls back to
``span_tokenize``, slower but never different.

On the 27,513 cleaned units of 1,000 synthetic documents (``corpus-1000-seed0``),
:func:`split_sentences` takes 0.21 s of CPU (best of 3), against 0.60 s with the stock
``span_tokenize``, with identical spans on every unit. (Remembering the words of each
context would save another 0.05 s there, but only because the synthetic texts repeat few
contexts, 95 distinct ones of 18,824; real text does not, so they are not remembered.)
"""

from __future__ import annotations

import hashlib
import inspect
import re
import string
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

import regex
from nltk import redos
from nltk.tokenize import punkt
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer, PunktToken

ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt cpt sgt adm cmdr brig rev hon amb sen rep gov pres
    st jr sr vs etc e.g i.e cf al approx dept est fig no nos vol art ch sec para pp ed eds
    inc ltd co corp plc llc bros min max
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    u.s u.k u.n e.u u.s.a u.s.s.r d.c
    """.split()
) | frozenset("abcdefghijklmnopqrstuvwxyz")

# Punkt leaves whitespace inside a span untouched; it never splits without sentence-final
# punctuation, so line breaks inside a unit are handled by the cleaner's units.
_TRAILING_OPENERS = re.compile(r"""\s+["“‘«(\[]\Z""")


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

    Together the spans cover every non-whitespace character of ``text``.

    Example:
        >>> s = 'He said: "Our doors are open. Come in." Then he left.'
        >>> [s[a:b] for a, b in split_sentences(s)]
        ['He said: "Our doors are open.', 'Come in."', 'Then he left.']
    """
    if len(text) > CHUNK:
        spans = []
        for a, b in _chunks(text):
            spans += _punkt_spans(text[a:b], offset + a)
        return spans
    return _punkt_spans(text, offset)


def _punkt_spans(text: str, offset: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for a, b in punkt_span_tokenize(sentence_tokenizer(), text):
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


# ---------------------------------------------------------------------------------------
# The exact mirror of NLTK 3.10.4's PunktSentenceTokenizer.span_tokenize (module docstring)
# ---------------------------------------------------------------------------------------

# SHA-256 of the sources of nltk/tokenize/punkt.py and nltk/redos.py in NLTK 3.10.4, which
# punkt_span_tokenize mirrors.
PUNKT_SOURCE_SHA256 = "13396705806d7a1c271052c0ee6e310af51be0dbc11abf81c7f7cd0325b92cac"
REDOS_SOURCE_SHA256 = "4b36c61d1e172545d675c68b156d9294ab1246aec1a73bd7c89226c35e135285"

_SENT_END_CHARS = (".", "?", "!")  # PunktLanguageVars.sent_end_chars, hard-coded below
_PUNCTUATION = tuple(";:,.!?")  # PunktSentenceTokenizer.PUNCTUATION
# What _get_last_whitespace_index looks for (string.whitespace), " " apart.
_OTHER_ASCII_WHITESPACE = string.whitespace.replace(" ", "")
_NUMBER = "##number##"  # PunktToken's type of a numeric token
_ORTHO_LC = punkt._ORTHO_LC
_ORTHO_UC = punkt._ORTHO_UC
_ORTHO_MID_UC = punkt._ORTHO_MID_UC
_ORTHO_BEG_LC = punkt._ORTHO_BEG_LC


def _source_sha256(module) -> str | None:
    try:
        return hashlib.sha256(inspect.getsource(module).encode("utf-8")).hexdigest()
    except (OSError, TypeError):
        return None


@lru_cache(maxsize=1)
def _punkt_is_mirrored() -> bool:
    """Whether the installed Punkt (and its regex wrapper) is the one the mirror copies."""
    return _source_sha256(punkt) == PUNKT_SOURCE_SHA256 and _source_sha256(redos) == REDOS_SOURCE_SHA256


def _mirror_applies(tokenizer: PunktSentenceTokenizer) -> bool:
    """Whether :func:`_mirror_span_tokenize` gives ``tokenizer``'s spans (checked per call)."""
    params = tokenizer._params
    lang_vars = tokenizer._lang_vars
    ortho = getattr(params, "ortho_context", None)
    return (
        type(tokenizer) is PunktSentenceTokenizer
        and type(lang_vars) is PunktLanguageVars
        and tokenizer._Token is PunktToken
        and type(params) is PunktParameters
        and not params.collocations
        and not params.sent_starters
        and type(ortho) is defaultdict
        and ortho.default_factory is int
        and lang_vars.sent_end_chars == _SENT_END_CHARS
        and tokenizer.PUNCTUATION == _PUNCTUATION
        and _punkt_is_mirrored()
    )


def _context_words(findall: Callable, context: str) -> list[str]:
    """The words ``_tokenize_words(context)`` yields: those of each line (split at line
    feeds only) that ``str.strip`` does not blank."""
    if "\n" not in context:
        return findall(context) if context.strip() else []
    words: list[str] = []
    for line in context.split("\n"):
        if line.strip():
            words += findall(line)
    return words


# (the redos wrappers last unwrapped, the regex methods behind them), swapped as one tuple.
_unwrapped: list = [((None,) * 6, ())]


def _patterns(lang_vars: PunktLanguageVars) -> tuple | None:
    """(period context finditer, realignment match, words of a context, ellipsis match,
    initial match, numeric sub) of NLTK's patterns, called on the ``regex`` patterns that
    ``nltk.redos`` wraps: the same matches without NLTK's 5 s timeout. None if a pattern is
    not such a wrapper."""
    wrappers = (
        lang_vars.period_context_re(),
        lang_vars.re_boundary_realignment,
        lang_vars._word_tokenizer_re(),
        PunktToken._RE_ELLIPSIS,
        PunktToken._RE_INITIAL,
        PunktToken._RE_NUMERIC,
    )
    last, methods = _unwrapped[0]
    if (
        wrappers[0] is last[0]
        and wrappers[1] is last[1]
        and wrappers[2] is last[2]
        and wrappers[3] is last[3]
        and wrappers[4] is last[4]
        and wrappers[5] is last[5]
    ):
        return methods
    if any(type(w) is not redos.TimedPattern for w in wrappers):
        return None
    context, realign, words, ellipsis, initial, numeric = (w._rx for w in wrappers)
    context, realign, words = _stdlib_patterns(context, realign, words) or (context, realign, words)
    methods = (
        context.finditer,
        realign.match,
        words.findall,
        ellipsis.match,
        initial.match,
        numeric.sub,
    )
    _unwrapped[0] = (wrappers, methods)
    return methods


# SHA-256 of NLTK 3.10.4's period-context, realignment and word patterns (texts and flags),
# the three run on every unit and context: tests/test_segment_fast.py checks that their
# standard-``re`` forms below match exactly as the ``regex`` module's do. NLTK writes "!"
# and "?" into a class in the order of a set, which changes with the string hash seed:
# one digest per order.
HOT_PATTERNS_SHA256 = frozenset(
    {
        "4b403049dd6413aab37ee0776feb353c2b4908403c7ace2b3413a2d26fe413fb",
        "b33e7e68237d6efe57e877e088f6ea3d9b58ea73ecc73dee301415bf7fe65b77",
    }
)
# The regex module's \s (Unicode White_Space) is re's \s without \x1c-\x1f.
_REGEX_SPACE = r"[^\S\x1c-\x1f]"
_REGEX_NON_SPACE = r"[\S\x1c-\x1f]"


def _stdlib_patterns(*patterns) -> tuple[re.Pattern, ...] | None:
    r"""NLTK's three hot patterns compiled with the standard ``re`` (several times cheaper to
    call than the ``regex`` module on short texts), or None for patterns other than NLTK
    3.10.4's. Apart from ``\s`` and ``\S``, spelled out as the regex module reads them,
    their syntax means the same to both engines."""
    key = "\0".join(f"{p.pattern}\0{p.flags}" for p in patterns)
    if hashlib.sha256(key.encode("utf-8")).hexdigest() not in HOT_PATTERNS_SHA256:
        return None
    return tuple(re.compile(_stdlib_syntax(p.pattern), _stdlib_flags(p.flags)) for p in patterns)


def _stdlib_syntax(pattern: str) -> str:
    r"""``pattern`` with ``\s`` and ``\S`` (outside character classes, as in NLTK's) spelled out.

    Example:
        >>> _stdlib_syntax(r"a\s+(?P<t>\S+)b\\s") == r"a[^\S\x1c-\x1f]+(?P<t>[\S\x1c-\x1f]+)b\\s"
        True
    """
    out, i = [], 0
    while i < len(pattern):
        pair = pattern[i : i + 2]
        if pair == r"\s":
            out.append(_REGEX_SPACE)
        elif pair == r"\S":
            out.append(_REGEX_NON_SPACE)
        elif pair[:1] == "\\":
            out.append(pair)  # any other escape, kept whole (so "\\s" stays a backslash and s)
        else:
            out.append(pattern[i])
            i += 1
            continue
        i += 2
    return "".join(out)


def _stdlib_flags(flags: int) -> int:
    return (re.VERBOSE if flags & regex.VERBOSE else 0) | (re.MULTILINE if flags & regex.MULTILINE else 0)


def punkt_span_tokenize(tokenizer: PunktSentenceTokenizer, text: str) -> list[tuple[int, int]]:
    """``list(tokenizer.span_tokenize(text))``, computed by the mirror when it applies.

    Example:
        >>> punkt_span_tokenize(sentence_tokenizer(), "Mr. Smith left. (He came back.) Done")
        [(0, 15), (16, 31), (32, 36)]
    """
    if _mirror_applies(tokenizer):
        if "." not in text and "?" not in text and "!" not in text:  # no candidate: one slice
            end = len(text.rstrip())
            return [(0, end)] if end else []
        patterns = _patterns(tokenizer._lang_vars)
        if patterns is not None:
            params = tokenizer._params
            return _mirror_span_tokenize(text, patterns, params.abbrev_types, params.ortho_context)
    return list(tokenizer.span_tokenize(text))


def _mirror_span_tokenize(text: str, patterns: tuple, abbrevs: set, ortho: defaultdict) -> list[tuple[int, int]]:
    """NLTK 3.10.4's ``span_tokenize(text)`` (realigned), for parameters that pass the guard."""
    finditer, realign_match, words, ellipsis, initial, numeric_sub = patterns
    test = _Checks(words, abbrevs, ortho, ellipsis, initial, numeric_sub)
    # _match_potential_end_contexts and _slices_from_text: a match is tested only when the
    # next one's word does not overlap its own; its context is its word, the mark and what
    # follows it (one punctuation mark, or whitespace and the next token).
    other_spaces = [c for c in _OTHER_ASCII_WHITESPACE if c in text]
    rfind = text.rfind
    cuts: list[tuple[int, int]] = []
    last_break = 0
    previous = None
    previous_start = previous_stop = 0
    for match in finditer(text):
        start = match.start()
        # _get_last_whitespace_index: the last ASCII whitespace between the previous mark and
        # this one; one found at that mark's position (index 0) counts as none.
        last_space = rfind(" ", previous_stop, start)
        for c in other_spaces:
            last_space = max(last_space, rfind(c, previous_stop, start))
        word_start = last_space + 1 if last_space > previous_stop else previous_start
        if previous is not None and previous_stop <= word_start:
            context = text[previous_start:previous_stop] + previous.group() + previous.group("after_tok")
            if _contains_sentbreak(context, test):
                cuts.append((last_break, previous.end()))
                last_break = previous.start("next_tok") if previous.group("next_tok") else previous.end()
        previous, previous_start, previous_stop = match, word_start, start
    if previous is not None:
        context = text[previous_start:previous_stop] + previous.group() + previous.group("after_tok")
        if _contains_sentbreak(context, test):
            cuts.append((last_break, previous.end()))
            last_break = previous.start("next_tok") if previous.group("next_tok") else previous.end()
    cuts.append((last_break, len(text.rstrip())))  # the last sentence has no trailing whitespace

    # _realign_boundaries: closing quotes and brackets after a break join the sentence before.
    spans: list[tuple[int, int]] = []
    realign = 0
    a, b = cuts[0]
    for a2, b2 in cuts[1:]:
        a += realign
        m = realign_match(text[a2:b2])
        if m:
            spans.append((a, a2 + len(m.group(0).rstrip())))
            realign = m.end()
        else:
            realign = 0
            if a < b:  # text[a:b] is not empty (0 <= a and b <= len(text))
                spans.append((a, b))
        a, b = a2, b2
    a += realign
    if a < b:
        spans.append((a, b))
    return spans


class _Checks(NamedTuple):
    """What the passes consult: the word splitter, the abbreviations, the orthographic
    contexts, and NLTK's ellipsis, initial and number patterns."""

    findall: Callable
    abbrevs: set
    ortho: defaultdict
    ellipsis: Callable
    initial: Callable
    numeric_sub: Callable


def _contains_sentbreak(context: str, checks: _Checks) -> bool:
    """``text_contains_sentbreak(context)``: a token other than the last is a sentence break."""
    tokens = _context_words(checks.findall, context)
    for i in range(len(tokens) - 1):
        tok = tokens[i]
        mark = tok[-1]
        if mark == ".":
            if tok == ".":  # a sentence end, neither initial nor number: stays a break
                return True
            if _period_final_breaks(tok, tokens[i + 1], checks):
                return True
        elif (mark == "?" or mark == "!") and len(tok) == 1:  # in sent_end_chars: a break
            return True
    return False


def _period_final_breaks(tok: str, next_tok: str, checks: _Checks) -> bool:
    r"""Whether ``tok`` (ending in ".", not ".") is a break after both passes, ``next_tok`` following.

    Tokens hold no "\n", so ``_RE_ELLIPSIS`` (``\.\.+$``) can match only a token ending in
    "..", and ``_RE_INITIAL`` (``[^\W\d]\.$``) only one of two characters.
    """
    abbrevs, ortho, ellipsis, numeric_sub = checks.abbrevs, checks.ortho, checks.ellipsis, checks.numeric_sub
    # First pass: a token ending in ".." that is no ellipsis gets no mark, and the second
    # pass gives it none.
    if tok.endswith(".."):
        if not ellipsis(tok):
            return False
        abbr_or_ellipsis = True
    else:
        low = tok[:-1].lower()
        abbr_or_ellipsis = low in abbrevs or low.split("-")[-1] in abbrevs
    is_initial = len(tok) == 2 and checks.initial(tok) is not None
    # Second pass (no collocations, no sentence starters).
    if abbr_or_ellipsis:
        # Only the heuristic saying True (which needs a learnt ortho context) makes it a
        # break; for an initial the initial/number branch can only clear a break.
        return (
            bool(ortho)
            and not is_initial
            and _ortho_heuristic(next_tok, checks)[0] is True
        )
    if is_initial:
        sent_starter, context = _ortho_heuristic(next_tok, checks)
        if sent_starter is False:
            return False
        return not (sent_starter == "unknown" and next_tok[0].isupper() and not (context & _ORTHO_LC))
    # Not an initial: it stays a break unless it is a number and the heuristic says False,
    # which it says only of punctuation or a word starting in lower case.
    if next_tok not in _PUNCTUATION and not next_tok[0].islower():
        return True
    if _ortho_heuristic(next_tok, checks)[0] is not False:
        return True
    return _type_no_period(tok, numeric_sub) != _NUMBER


def _type_no_period(tok: str, numeric_sub: Callable) -> str:
    """``PunktToken(tok).type_no_period``."""
    typ = numeric_sub(_NUMBER, tok.lower())
    if len(typ) > 1 and typ[-1] == ".":
        return typ[:-1]
    return typ


def _ortho_heuristic(tok: str, checks: _Checks) -> tuple[bool | str, int]:
    """``_ortho_heuristic(PunktToken(tok))`` after the first pass, and the ortho context it read."""
    abbrevs, ortho, ellipsis, numeric_sub = checks.abbrevs, checks.ortho, checks.ellipsis, checks.numeric_sub
    if tok in _PUNCTUATION:
        return False, 0
    if not ortho:  # an empty defaultdict(int) gives 0 for every type
        return (False if tok[0].islower() else "unknown"), 0
    # type_no_sentperiod: the type, without its final period if the first pass made a break.
    if tok in _SENT_END_CHARS:
        sentbreak = True
    elif ellipsis(tok):
        sentbreak = False
    elif tok.endswith(".") and not tok.endswith(".."):
        low = tok[:-1].lower()
        sentbreak = not (low in abbrevs or low.split("-")[-1] in abbrevs)
    else:
        sentbreak = False
    typ = _type_no_period(tok, numeric_sub) if sentbreak else numeric_sub(_NUMBER, tok.lower())
    context = ortho.get(typ, 0)  # NLTK's ortho_context[typ], which also stores the 0
    first = tok[0]
    if first.isupper() and (context & _ORTHO_LC) and not (context & _ORTHO_MID_UC):
        return True, context
    if first.islower() and ((context & _ORTHO_UC) or not (context & _ORTHO_BEG_LC)):
        return False, context
    return "unknown", context
