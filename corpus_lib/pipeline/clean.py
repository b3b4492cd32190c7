"""Cleaning: find page clutter by general rules and record every removed span with its reason.

Nothing is deleted from the text: the cleaner returns the spans it removes (the ledger)
and the *units* that remain (runs of lines that read as one paragraph, a headline or a
turn). Offsets always index the raw decoded text, so every statement and every removal
points back into the source file.

Rules (each general, none keyed on a particular text):

- ``byte_order_mark``: a BOM (or a run of them) at the start of the file.
- ``site_widget``: a short line made only of site-interface words ("Loading…", "All news",
  "Read more", "Share", "Print", …).
- ``separator``: a line with no letter or digit ("* * *", "-----").
- ``running_head``: a print page's running head, the outlet, the date and the page between
  bars or dots ("NORTHERN MERIDIAN · THURSDAY 11 APRIL 2013 · 12").
- ``headline_list``: a block of at least five short, headline-like lines (no final full
  stop, each starting a new line with a capital) standing after the body, with no prose
  after it: a site's list of other stories.
- ``repeated_title``: a headline at the top that repeats an earlier one (same words,
  whatever the case, or the end of an earlier headline with a ``Place:`` prefix).
- ``byline``: in the header, a line holding only a date, or one to three capitalised
  words (author, outlet, place), below the title.
- ``repeated_article``/``repeated_text``: a run of paragraphs repeating earlier ones
  word for word (a whole article pasted twice), or one long repeated paragraph.
- ``turn_marker``: an interview label (``Question:``, ``Answer:``, ``Q:``, ``A:``, ``Q.``/``A.``), a
  transcript's speaker label in capitals (``HENRIKE VOS:``, ``REPORTER (Agency):``) or the
  dash that opens a turn (dash-led interviews, dashed lists); it becomes the turn's
  speaker or boundary, not words of the sentence.
"""

from __future__ import annotations

import collections
import itertools
import re
from dataclasses import dataclass, field, replace
from typing import NamedTuple

REASONS = (
    "byte_order_mark",
    "site_widget",
    "separator",
    "headline_list",
    "repeated_title",
    "byline",
    "repeated_article",
    "repeated_text",
    "turn_marker",
    "running_head",
)

_WIDGET_WORDS = (
    r"loading|all news|more news|latest news|news feed|read more|read also|see also|share|"
    r"print|print version|subscribe|advertisement|advert|related( news| articles| stories)?|"
    r"comments?|tags|follow us|back to top|click here|top stories|most read|popular|"
    r"previous|next|home|menu|search|bars|login|log in|sign in|sign up|cookies?|accept|"
    r"close|photo|video|gallery|newsletter|rss|archive|contact us|about us"
)
_WIDGET_LINE = re.compile(
    rf"^(?:(?:{_WIDGET_WORDS})(?:[\s:|/»›>…\.\-]+|$))+\Z|^(?:loading)\b.{{0,40}}\Z"
    r"|^(?:©|\(c\)\s|copyright\b)[^\n]{0,100}\Z",  # a copyright line: "© 2009 Ararat Observer"
    re.IGNORECASE,
)
_OPENER = re.compile(r"""[\-–—•"“”'‘`«(\[]|[^\W\d_]|\d""")
# The words of a question or answer label; "answer" and "a" mark the guest's turns.
_LABEL_WORDS = ("question", "answer", "interviewer", "journalist", "reporter", "correspondent", "host", "presenter",
                "moderator", "anchor", "q", "a")
_ANSWER_WORDS = ("answer", "a")
# A question or answer label, the press's perhaps with its outlet ("Journalist (Baku Wire):").
_LABEL = re.compile(
    rf"(?P<label>(?:\*\*|__)?(?P<word>{'|'.join(_LABEL_WORDS)})(?:\s+(?:from|by)\s+[^:()\n]{{1,60}}?)?"  # "Question from Trend news agency:"
    r"(?:\s*\([^()\n]{1,60}\))?\s*:\s*(?:\*\*|__)?\s*)(?=\S)",  # "Q:", "**Q:**" (bold in a web page's markup)
    re.IGNORECASE,
)
_DASH = re.compile(r"(?P<label>[\-–—]\s+)(?=\S)")
# A question set in italics or bold in a web page's markup ("*What does this mean for Moscow?*"): the
# press's turn in an interview whose answers carry no label, marked like a dash.
_ITALIC_QUESTION = re.compile(r"(?P<label>(?P<mark>\*\*|__|[*_]))(?![*_\s])(?=[^*_]*\?[^*_]*(?<!\s)(?P=mark)\s*\Z)")
# A question opened by its number or a quotation mark ("3. And Moscow?", "> And Moscow?"): the
# press's turn, marked like a dash. A numbered point that asks nothing is a list's, no turn.
_NUMBERED_QUESTION = re.compile(r"(?P<label>(?:\d{1,2}[.)]|>)\s*)(?=[^\W\d_\"“‘'(])(?=[\s\S]*\?[\"”’']?\s*\Z)")
# A transcript's speaker label: a name in capitals, perhaps with an outlet in brackets and a
# note on the language in square brackets ("HENRIKE VOS:", "O'DWYER:", "REPORTER (Baku Wire):",
# "DEPUTY ASSISTANT SECRETARY GENERAL LUNDE:", "TER-MKRTCHYAN [Interpretation]:").
_CAPS_WORD = r"[A-ZÀ-Þ][A-ZÀ-Þ'’.\-]*[A-ZÀ-Þ.]"
_SPEAKER = re.compile(
    rf"(?P<label>(?:\*\*|__)?(?P<name>{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,5}})(?:\s*\((?P<outlet>[^()\n]{{1,60}})\))?"
    r"(?:\s*\[[^\[\]\n]{1,40}\])?\s*:"
    rf"(?:\*\*|__)?\s+)(?=\S)"
)
_LANGUAGE_NOTE = re.compile(r"\s*\[[^\[\]]*\]\s*\Z")
# Capitals before a colon that name no speaker: institutions and editorial tags.
_NOT_SPEAKERS = frozenset(
    "NATO EU UN OSCE CSTO PACE US USA UK UPDATE NOTE EDITOR'S BREAKING PHOTO VIDEO AUDIO READ ALSO SEE".split()
)
# Title words that make a capital label with an institution's name a speaker ("NATO OFFICIAL:").
_TITLE_LABELS = frozenset("OFFICIAL SPOKESMAN SPOKESWOMAN SPOKESPERSON ENVOY REPRESENTATIVE DIPLOMAT AMBASSADOR OFFICER".split())
_SENTENCE_END = re.compile(r"""[.!?…]["”’»')\]]*(?:\s|\Z)""")
_ENDS_SENTENCE = re.compile(r"""[.!?…]["”’»')\]]*\Z""")
_DATE_ONLY = re.compile(
    r"^(?:(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"\s*(?:\d{1,2},?\s*)?\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})\Z",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


class Line(NamedTuple):
    """A line of the raw text: ``start``/``end`` exclude the line break; ``s``/``e`` bound its
    non-blank part. A named tuple: texts have many lines, and a tuple is made several times
    faster than a frozen dataclass."""

    start: int
    end: int
    s: int
    e: int

    @property
    def blank(self) -> bool:
        return self.s == self.e


@dataclass
class Unit:
    """Kept lines that read as one paragraph, headline or turn opening."""

    start: int
    end: int
    block: int
    label: str = ""  # "question", "answer", "dash" or "speaker" when a turn label opened the unit
    who: str = ""  # a "speaker" label's words ("HENRIKE VOS", "REPORTER (Baku Wire)")
    zone: str = "body"  # "header" before the first prose unit
    lines: list[int] = field(default_factory=list)  # indices of its lines


@dataclass
class Cleaned:
    """The cleaner's result: kept units and the removal ledger ``(start, end, reason)``."""

    units: list[Unit] = field(default_factory=list)
    removed: list[tuple[int, int, str]] = field(default_factory=list)


def split_lines(text: str) -> list[Line]:
    """Split text into :class:`Line` records with offsets (any line break; CRLF kept whole).

    Example:
        >>> [(ln.s, ln.e) for ln in split_lines("a b\\r\\n\\n c")]
        [(0, 3), (5, 5), (7, 8)]
    """
    lines: list[Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        end = pos + len(body)
        stripped = body.lstrip()
        s = pos + (len(body) - len(stripped))
        e = s + len(stripped.rstrip())
        lines.append(Line(pos, end, s, e if e > s else s))
        pos += len(raw)
    return lines


_EDGE_PUNCT = ".,;:!?\"'()[]{}“”‘’«»-–—…/*"  # none is a letter or digit


def _words(text: str) -> list[str]:
    """``_WORD.findall(text)``, found token by token (a word never holds whitespace): a
    token of letters and digits is one word, and so is its core when only punctuation
    surrounds it (a mark before or after a word can neither start nor extend it); any other
    token is left to the regex. Nearly twice as fast on prose.

    Example:
        >>> _words("NATO’s “open door” — U.S.-led, so-called, rock-'n'-roll!")
        ['NATO’s', 'open', 'door', 'U', 'S', 'led', 'so-called', 'rock', 'n', 'roll']
    """
    words: list[str] = []
    for token in text.split():
        if token.isalnum():
            words.append(token)
            continue
        core = token.strip(_EDGE_PUNCT)
        if core.isalnum():
            words.append(core)
        else:
            words += _WORD.findall(token)
    return words


def _norm(text: str) -> str:
    return " ".join(_words(text.casefold()))


# A line a site's label opens, whatever follows: links to other stories, tags, a caption
# ("Related: … | …", "Read also: …", "Tags: NATO, Baku", "Photo: …"), or a call to follow
# the site ("Follow us on Facebook and Twitter").
_WIDGET_LABEL = re.compile(
    r"^(?:related(?: news| articles| stories| links)?|read also|also read|see also|read more|more on this(?: topic)?|"
    r"tags|keywords|photo|photos|video|picture|image|caption|follow us on)\s*:\s*\S|"
    r"^(?:follow us|subscribe to (?:our|us)|join us on|share (?:this|on))\b[^.!?]{0,60}\Z",
    re.IGNORECASE,
)


def is_widget(text: str) -> bool:
    """A short line made only of site-interface words, or a line a site's label opens.

    Example:
        >>> is_widget("Read more »"), is_widget("NATO will read more reports.")
        (True, False)
        >>> is_widget("Related: Talks resume in Vienna | Baku metro fares rise"), is_widget("Tags: NATO, Baku")
        (True, True)
    """
    stripped = text.strip()
    if len(stripped) <= 60 and _WIDGET_LINE.match(stripped):
        return True
    return len(stripped) <= 300 and "\n" not in stripped and _WIDGET_LABEL.match(stripped) is not None


# A print page's running head: the outlet, the date and the page between bars or dots
# ("THE CASPIAN WEEKLY | E-PAPER | THURSDAY, 19 OCTOBER 2006 | PAGE 5", "4 | TBILISI POST | 24
# SEPTEMBER 2008"): three pieces or more, one a page number (perhaps after a section's name),
# one a date.
_HEAD_MARKS = "|·•"
_HEAD_SEPARATOR = re.compile(rf"\s+[{_HEAD_MARKS}]\s+")
_PAGE_PIECE = re.compile(r"(?:page\s+|[A-Za-z-]+\s+)?\d{1,3}", re.IGNORECASE)
_DATE_PIECE = re.compile(
    r"\b(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2},?)?\s+\d{4}\b|"
    r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b",
    re.IGNORECASE,
)


def is_running_head(text: str) -> bool:
    """Whether a line is a print page's running head, which no one says.

    Example:
        >>> is_running_head("NORTHERN MERIDIAN · THURSDAY 11 APRIL 2013 · 12")
        True
        >>> is_running_head("BAKU | 12 March 2010 | Caspian Agency"), is_running_head("NATO | Georgia | Russia")
        (False, False)
    """
    if not any(mark in text for mark in _HEAD_MARKS):
        return False  # most lines hold no bar or dot (a substring test is far cheaper than the split)
    pieces = _HEAD_SEPARATOR.split(text.strip())
    if len(pieces) < 3 or len(text) > 120 or any(len(piece.split()) > 6 for piece in pieces):
        return False
    return any(_PAGE_PIECE.fullmatch(piece) for piece in pieces) and any(_DATE_PIECE.search(piece) for piece in pieces)


# A sentence end inside a line, after a word, a closing bracket or quotation mark, or an ellipsis:
# "… fees. The", "(see annex). The", "at Kestrel Point… The".
_SENTENCE_INSIDE = re.compile(r"(?:[a-z0-9)\]\"”’][.!?]|…)\s+[A-Z]")


def _headline_like(text: str, next_text: str | None) -> bool:
    if len(text) > 300:  # checked first: a paragraph of prose need not be split into words
        return False
    stripped = text.rstrip()
    if not stripped or stripped[-1] in ".,;:" or not _OPENER.match(text) or text[0].islower():
        return False
    if not 2 <= len(_words(text)) <= 45 or _SENTENCE_INSIDE.search(stripped):
        return False  # a headline is one sentence; a line with a sentence end inside is wrapped prose
    return next_text is None or (bool(_OPENER.match(next_text)) and not next_text[0].islower())


def _has_words(text: str, n: int) -> bool:
    """Whether ``text`` has at least ``n`` words (counting no further)."""
    return next(itertools.islice(_WORD.finditer(text), n - 1, None), None) is not None


def _is_prose(text: str) -> bool:
    return _has_words(text, 8) and bool(_SENTENCE_END.search(text))


def clean(text: str) -> Cleaned:
    """Find the clutter in a raw text and group the rest into units.

    Example:
        >>> c = clean("Title\\n\\nTitle\\n\\nNATO met Azerbaijan in Baku today. Talks went on.\\nAll news")
        >>> [reason for _, _, reason in c.removed]
        ['repeated_title', 'site_widget']
        >>> len(c.units)
        2
    """
    result = Cleaned()
    lines = split_lines(text)
    marks = len(text) - len(text.lstrip("\ufeff"))  # a file saved twice with a BOM may carry two
    if marks:
        result.removed.append((0, marks, "byte_order_mark"))
        if lines:
            first = lines[0]
            stripped = text[marks : first.end].lstrip()
            s = first.end - len(stripped)
            e = s + len(stripped.rstrip())
            lines[0] = Line(marks, first.end, s, e if e > s else s)
    gone: dict[int, str] = {}  # line index -> reason
    for i, ln in enumerate(lines):
        if ln.blank:
            continue
        content = text[ln.s : ln.e]
        if is_widget(content):
            gone[i] = "site_widget"
        elif is_running_head(content):
            gone[i] = "running_head"
        elif not any(ch.isalnum() for ch in content):
            gone[i] = "separator"
    # A removal can change what the rest looks like (a block splits where a line went, a
    # list becomes the last thing after a repeated paragraph goes, the wrap width was
    # measured on a removed copy), so the rules run again on what is left until nothing
    # more goes: cleaning a cleaned text then removes nothing.
    norms: dict[tuple[int, int], str] = {}  # a unit's words, by its span: kept across the rounds
    while True:
        blocks = _blocks(lines, gone)
        found: dict[int, str] = {}
        _mark_headline_lists(text, lines, blocks, found)
        units = _units(text, lines, blocks, {**gone, **found})
        _mark_header(text, units)
        for k, reason in {**_mark_bylines(text, units), **_mark_repeats(text, units, norms)}.items():
            found.update({i: reason for i in units[k].lines})
        if not found:
            break
        gone.update(found)
    result.removed += [(lines[i].s, lines[i].e, reason) for i, reason in gone.items()]
    units = _fold_line_labels(text, units, result.removed)
    named = _named_labels(text, units) | _bracket_tags(text, units)
    dotted = _dotted_turns(text, units)
    italic = _italic_turns(text, units)
    for unit in units:
        label_span = None if unit.label else _label(text, unit, named, dotted=dotted, italic=italic)
        if label_span:
            result.removed.append((unit.start, label_span[0], "turn_marker"))
            if label_span[1] == "speaker":
                words = _TIMESTAMP.sub("", text[unit.start : label_span[0]]).strip(" \t\r\n*_").rstrip(":").strip()
                if words[:1] in "([":  # a bracketed tag ("(NP)"): its words
                    words = words.strip("()[] ")
                words = _LANGUAGE_NOTE.sub("", words)  # "TER-MKRTCHYAN [Interpretation]": the speaker is the name
                unit.who = " ".join(words.split())
            if label_span[1] == "italic":  # its closing mark goes too; the turn is the press's, as a dash's
                mark = text[unit.start : label_span[0]]
                unit.end = text.rindex(mark, unit.start, unit.end)
                result.removed.append((unit.end, unit.end + len(mark), "turn_marker"))
                label_span = (label_span[0], "dash")
            unit.start, unit.label = label_span
    result.units = units
    result.removed.sort()
    return result


def _blocks(lines: list[Line], gone: dict[int, str]) -> list[list[int]]:
    """Runs of non-blank lines; a removed line counts as blank."""
    blocks: list[list[int]] = []
    current: list[int] = []
    for i, ln in enumerate(lines):
        if ln.blank or i in gone:
            if current:
                blocks.append(current)
                current = []
        else:
            current.append(i)
    if current:
        blocks.append(current)
    return blocks


def _mostly_headlines(contents: list[str], share: float = 0.8) -> bool:
    """Whether at least ``share`` of the lines look like headlines (each judged with the line
    after it); judging stops once the share is reached (a site's long list of stories) or
    once too many lines have failed for it to be reached (most blocks of wrapped prose)."""
    needed = share * len(contents)
    allowed = len(contents) - needed
    passed = failed = 0
    for j, c in enumerate(contents):
        if _headline_like(c, contents[j + 1] if j + 1 < len(contents) else None):
            passed += 1
            if passed >= needed:
                return True
        else:
            failed += 1
            if failed > allowed:
                return False
    return True


def _mark_headline_lists(text: str, lines: list[Line], blocks: list[list[int]], gone: dict[int, str]) -> None:
    """Mark trailing blocks of short headline-like lines (a site's list of other stories) that
    come after prose. Only the blocks after the last block that is no such list can be one, so
    the blocks are judged from the end."""
    kept_blocks = [kept for block in blocks if (kept := [i for i in block if i not in gone])]
    contents = [[text[lines[i].s : lines[i].e] for i in kept] for kept in kept_blocks]
    start = len(kept_blocks)
    while start and len(kept_blocks[start - 1]) >= 5 and _mostly_headlines(contents[start - 1]):
        start -= 1
    seen_prose = any(_is_prose(c) for block in contents[:start] for c in block)
    for kept, block in zip(kept_blocks[start:], contents[start:]):
        if seen_prose:
            for i in kept:
                gone[i] = "headline_list"
        else:  # a list before any prose is the page's header, not clutter after the body
            seen_prose = any(_is_prose(c) for c in block)


def _units(text: str, lines: list[Line], blocks: list[list[int]], gone: dict[int, str]) -> list[Unit]:
    """Join the kept lines of each block into units, undoing hard wrapping."""
    width = _wrap_width(text, lines, gone)
    units: list[Unit] = []
    for b, block in enumerate(blocks):
        kept = [i for i in block if i not in gone]
        current: Unit | None = None
        prev: int | None = None
        for i in kept:
            ln = lines[i]
            if current is not None and prev == i - 1 and _continues(text, lines[prev], ln, width):
                current.end = ln.e
                current.lines.append(i)
            else:
                current = Unit(ln.s, ln.e, b, lines=[i])
                units.append(current)
            prev = i
    return units


def _wrap_width(text: str, lines: list[Line], gone: dict[int, str]) -> int | None:
    """The width a hard-wrapped text was wrapped at: the longest kept line followed by a lower-case continuation."""
    width = None
    for i, (a, b) in enumerate(zip(lines, lines[1:])):
        if i in gone or i + 1 in gone:
            continue
        if not a.blank and not b.blank and text[b.s].islower():
            width = max(width or 0, a.e - a.start)
    return width


def _continues(text: str, prev: Line, ln: Line, width: int | None) -> bool:
    """Whether ``ln`` continues the line before it (hard wrapping) rather than opening a new unit."""
    first = text[ln.s : ln.e]
    if not _OPENER.match(first) or first[0].islower():
        return True
    if text[prev.s : prev.e].rstrip().endswith((",", ";")):  # no paragraph ends on a comma
        return True
    if width is None:
        return False
    prev_len = prev.e - prev.start
    if _ENDS_SENTENCE.search(text[prev.s : prev.e]):
        match = re.match(r"\S+", first)
        # A wrapping editor would have put a word that fits on the line before.
        return prev_len + 1 + len(match.group(0) if match else "") > width
    return prev_len > 0.75 * width


def _mark_header(text: str, units: list[Unit]) -> None:
    """Units before the first prose (a sentence-like unit, or a labelled turn) form the header."""
    for unit in units:
        content = text[unit.start : unit.end]
        ends_sentence = _has_words(content, 4) and _ENDS_SENTENCE.search(content)
        if _is_prose(content) or ends_sentence or _LABEL.match(content) or _DASH.match(content):
            break
        unit.zone = "header"


def _repeat_key(content: str) -> tuple[int, ...]:
    """Counts of a few letters in the case-folded text: two units with the same words
    (``_norm``) have the same letters, so a unit whose key no other unit shares repeats
    none and is repeated by none, whatever its words (counting is much cheaper than them)."""
    folded = content.casefold()
    return tuple(map(folded.count, "etaoinsr"))


def _mark_repeats(text: str, units: list[Unit], norms: dict[tuple[int, int], str]) -> dict[int, str]:
    removed: dict[int, str] = {}
    seen: set[str] = set()
    header_norms: list[str] = []
    repeat_of: list[bool] = []
    keys = [_repeat_key(text[unit.start : unit.end]) for unit in units]
    shared = {key for key, n in collections.Counter(keys).items() if n > 1}
    for unit, key in zip(units, keys):
        if unit.zone != "header" and key not in shared:
            repeat_of.append(False)  # no other unit has its words (a header's may still end with them)
            continue
        norm = norms.get((unit.start, unit.end))
        if norm is None:
            norm = norms[unit.start, unit.end] = _norm(text[unit.start : unit.end])
        if unit.zone == "header":
            if norm and any(norm == h or (len(norm) >= 15 and h.endswith(" " + norm)) for h in header_norms):
                repeat_of.append(True)
            else:
                repeat_of.append(False)
                header_norms.append(norm)
        else:
            repeat_of.append(bool(norm) and norm in seen)
        seen.add(norm)
    k = 0
    while k < len(units):
        if not repeat_of[k]:
            k += 1
            continue
        if units[k].zone == "header":
            removed[k] = "repeated_title"
            k += 1
            continue
        j = k
        while j < len(units) and repeat_of[j] and units[j].zone == "body":
            j += 1
        run_chars = sum(units[m].end - units[m].start for m in range(k, j))
        if j - k >= 2 or run_chars >= 200:
            removed.update({m: "repeated_article" for m in range(k, j)})
        else:
            for m in range(k, j):
                if units[m].end - units[m].start >= 60:
                    removed[m] = "repeated_text"
        k = j
    return removed


def _mark_bylines(text: str, units: list[Unit]) -> dict[int, str]:
    removed: dict[int, str] = {}
    for k, unit in enumerate(units):
        if unit.zone != "header" or k == 0:
            continue
        content = text[unit.start : unit.end].strip()
        words = _words(content)
        name_like = 1 <= len(words) <= 3 and all(w[0].isupper() and not w.isdigit() for w in words)
        only_words = not re.search(r"[^\w\s.'’\-]", content)
        if _DATE_ONLY.match(content) or (name_like and only_words):
            removed[k] = "byline"
    return removed


# A turn label in ordinary case: "Eastbridge: …", "Ambassador Vereshkin: …", "Teodor Lindqvist
# (NATO): …", "The Chair: …", "Deputy Foreign Minister (Nigar Aliyarli): …" (a name or title of
# up to five words, or a title after "The" of up to five, perhaps a side or a name in brackets,
# then a colon).
_NAMED = re.compile(
    r"(?P<label>(?:\*\*|__)?(?P<name>The(?:\s+[A-ZÀ-Þ][\w'’-]+){1,5}|[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+){0,4})"
    r"(?:\*\*|__)?(?:\s*\((?P<side>[^()\n]{1,60})\))?\s*:(?:\*\*|__)?\s+)(?=\S)"  # "**Vos:** …", bold in a page's markup
)


def _named_labels(text: str, units: list[Unit]) -> frozenset[str]:
    """The names that open two or more body paragraphs each, where at least two such names
    alternate or the press's questions carry labels ("Question: …"): a transcript labelled in
    ordinary case ("Eastbridge: …" / "Vereshkin: …"), and
    with them a name that opens one paragraph after the text named it before, or whose side in
    brackets other labels share (a hearing's "Mr Dunmore (MP): …", "Mrs Kenward (MP): …"). A
    headline or a single "Note: …" opens one paragraph only. One such name is a label beside
    labels of the other kind ("Caspian Wire: …" / "V.K.: …")."""
    seen: dict[str, int] = {}
    first: dict[str, int] = {}
    sides: dict[str, set[str]] = {}
    for unit in units:
        match = _NAMED.match(text, unit.start, unit.end) if unit.zone == "body" else None
        if match and match.group("name").upper() not in _NOT_SPEAKERS:
            seen[match.group("name")] = seen.get(match.group("name"), 0) + 1
            first.setdefault(match.group("name"), unit.start)
            if match.group("side"):
                sides.setdefault(match.group("side").strip().lower(), set()).add(match.group("name"))
    shared = {name for group in sides.values() if len(group) >= 2 for name in group}
    names = frozenset(name for name, n in seen.items() if n >= 2) | shared
    if len(names) < 2 and not (names and any(_LABEL.match(text, u.start, u.end) or _SPEAKER.match(text, u.start, u.end)
                                             for u in units if u.zone == "body")):
        return frozenset()  # one name alone is a label only beside the press's labelled questions or capital labels
    # a guest who answers once is a label too where the introduction named them ("… and the analyst Juho Lintula")
    return names | {name for name, at in first.items()
                    if name not in names and re.search(rf"\b{re.escape(name.split()[-1])}\b", text[:at])}


# A label on a line of its own above its turn: a name of one to four capitalised words, with
# or without a colon ("Sevan News", "VESTBY:").
_LINE_LABEL = re.compile(r"[A-ZÀ-Þ][\w'’.-]*(?:\s+(?:[A-ZÀ-Þ][\w'’.-]*|of|the|de|van|von)){0,3}(?:\s*:)?")


def _fold_line_labels(text: str, units: list[Unit], removed: list[tuple[int, int, str]]) -> list[Unit]:
    """A transcript whose labels stand on lines of their own ("Sevan News" above each question,
    "Gevorg Tatulyants" above each answer): where two or more such names each open two or more
    turns, each label line goes to the ledger and the paragraph below becomes its turn."""
    heads = [k for k, u in enumerate(units[:-1]) if u.zone == "body" and units[k + 1].zone == "body"
             and _LINE_LABEL.fullmatch(text[u.start : u.end].strip())]
    counts: dict[str, int] = {}
    for k in heads:
        name = text[units[k].start : units[k].end].strip().rstrip(":").rstrip()
        counts[name] = counts.get(name, 0) + 1
    names = {name for name, n in counts.items() if n >= 2}
    if len(names) < 2:
        return units
    folded = set()
    for k in heads:
        name = text[units[k].start : units[k].end].strip().rstrip(":").rstrip()
        if name in names and k - 1 not in folded:
            folded.add(k)
            removed.append((units[k].start, units[k].end, "turn_marker"))
            if name.lower() in _LABEL_WORDS:  # "Q:" and "A:" on lines of their own mark turns, not names
                units[k + 1].label = "answer" if name.lower() in _ANSWER_WORDS else "question"
            else:
                units[k + 1].who, units[k + 1].label = name, "speaker"
    return [u for k, u in enumerate(units) if k not in folded]


def _dotted_turns(text: str, units: list[Unit]) -> bool:
    """Whether the text marks its turns "Q. …" and "A. …" (or numbered, "Q1. …" and "A1. …"): two
    paragraphs or more open with each (one alone is likelier an initial: "A. Petrov said …")."""
    openers = [_DOTTED.match(text, u.start, u.end) for u in units]
    words = [m.group("word") for m in openers if m]
    return words.count("Q") >= 2 and words.count("A") >= 2


_DOTTED = re.compile(r"(?P<label>(?P<word>[QA])(?:\d{1,2}[.:)]|\.)\s+)(?=\S)")  # "Q. …", numbered "Q1. …", "A1: …"


def _italic_turns(text: str, units: list[Unit]) -> bool:
    """Whether the text sets its questions in italics or bold: two paragraphs or more are such
    questions, so a whole paragraph so set without a question mark is the press's turn too
    ("_Finally, Georgia._")."""
    return sum(1 for u in units if _ITALIC_QUESTION.match(text[u.start : u.end])) >= 2


# A whole paragraph in italics or bold, asking or not.
_ITALIC_WHOLE = re.compile(r"(?P<label>(?P<mark>\*\*|__|[*_]))(?![*_\s])(?=[^*_\n]*(?<!\s)(?P=mark)\s*\Z)")


def _label(
    text: str, unit: Unit, named: frozenset[str] = frozenset(), *, dotted: bool = False, italic: bool = False
) -> tuple[int, str] | None:
    """The offset where a unit's words start after a turn label, and the label's kind. A
    broadcast transcript's timestamp before the label ("[00:04:12] HOST: …") goes with it."""
    stamp = _TIMESTAMP.match(text, unit.start, unit.end)
    if stamp:
        return _label(text, replace(unit, start=stamp.end()), named, dotted=dotted, italic=italic)
    content = text[unit.start : unit.end]
    match = _LABEL.match(content) or (_DOTTED.match(content) if dotted else None)
    if match:
        word = match.group("word").lower()
        kind = "answer" if word in _ANSWER_WORDS else "question"
        return unit.start + match.end("label"), kind
    match = _DASH.match(content)
    if match:
        return unit.start + match.end("label"), "dash"
    match = _ITALIC_QUESTION.match(content) or (_ITALIC_WHOLE.match(content) if italic and unit.zone == "body" else None)
    if match:
        return unit.start + match.end("label"), "italic"
    match = _NUMBERED_QUESTION.match(content)
    if match:
        return unit.start + match.end("label"), "dash"
    match = _SPEAKER.match(content) if unit.zone == "body" else None
    words = set(match.group("name").split()) if match else set()
    if match and (not words & _NOT_SPEAKERS or words & _TITLE_LABELS):  # "NATO OFFICIAL:" names a speaker
        return unit.start + match.end("label"), "speaker"
    match = _NAMED.match(content) if named and unit.zone == "body" else None  # "Ostapchuk: …" heading the text is its headline
    if match and match.group("name") in named:
        return unit.start + match.end("label"), "speaker"
    match = _TAG.match(content) if named and unit.zone == "body" else None
    if match and match.group("tag") in named:
        return unit.start + match.end("label"), "speaker"
    return None


# A broadcast transcript's timestamp: "[00:04:12]", "(12:05)".
_TIMESTAMP = re.compile(r"[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])]\s+")
# A short tag in brackets that opens a turn: "(NP) Colonel, …", "[Corr.] Where do things stand?"
_TAG = re.compile(r"(?P<label>(?P<tag>[\[(][A-ZÀ-Þ][\w.&’'-]{0,11}[\])])\s+)(?=\S)")


def _bracket_tags(text: str, units: list[Unit]) -> frozenset[str]:
    """The bracketed tags ("(NP)", "[Corr.]") that open two or more body paragraphs each: an
    outlet's or a speaker's turn label, read like a name's."""
    found = collections.Counter(
        match.group("tag") for unit in units if unit.zone == "body" and (match := _TAG.match(text, unit.start, unit.end))
    )
    return frozenset(tag for tag, n in found.items() if n >= 2)
