"""The actors registry: people, titles and institutions, and the holder each stands for.

Kept as a data file (``corpus_lib/data/actors.csv``): each row has a regular-expression
``pattern``, a ``kind`` (``person``, ``title`` or ``institution``), the canonical ``name``,
the ``holder`` (codebook value) and, for titles, the dates the title maps to that person
(``valid_from``/``valid_to``): "Secretary General" is Jaap de Hoop Scheffer in 2006,
Jens Stoltenberg in 2016 and in March 2024.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from corpus_lib.vocab import HOLDERS  # noqa: E402  (re-exported)


@dataclass(frozen=True)
class Actor:
    """One registry row."""

    kind: str
    name: str
    holder: str
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


class Mention(NamedTuple):
    """An actor named in a text, at ``start:end`` (a named tuple: attribution builds tens of
    thousands of them per 1,000 documents)."""

    start: int
    end: int
    kind: str
    name: str
    holder: str


MENTION_MEMO = 1 << 14
"""How many distinct (text, date) questions :meth:`Registry.mentions` remembers the answer to."""


class Registry:
    """Finds actor mentions in text and resolves titles by date.

    Example:
        >>> reg = registry()
        >>> [m.name for m in reg.mentions("NATO Secretary General met Putin.", dt.date(2016, 5, 1))]
        ['Jens Stoltenberg', 'Vladimir Putin']
        >>> reg.mentions("the Secretary General", dt.date(2006, 5, 1))[0].name
        'Jaap de Hoop Scheffer'
    """

    def __init__(self, rows: list[dict[str, str]]):
        self._patterns: list[str] = []
        self._actors: list[list[Actor]] = []
        for row in rows:
            actor = Actor(
                kind=row["kind"],
                name=row["name"],
                holder=row["holder"],
                valid_from=dt.date.fromisoformat(row["valid_from"]) if row["valid_from"] else None,
                valid_to=dt.date.fromisoformat(row["valid_to"]) if row["valid_to"] else None,
            )
            if actor.holder not in HOLDERS:
                raise ValueError(f"actors.csv: holder {actor.holder!r} is not one of {HOLDERS}")
            for alternative in _top_level_alternatives(row["pattern"]):
                if alternative in self._patterns:
                    self._actors[self._patterns.index(alternative)].append(actor)
                else:
                    self._patterns.append(alternative)
                    self._actors.append([actor])
        order = sorted(range(len(self._patterns)), key=lambda i: -len(self._patterns[i]))
        self._patterns = [self._patterns[i] for i in order]
        self._actors = [self._actors[i] for i in order]
        self._regex = _alternation(self._patterns, range(len(self._patterns)))
        # The actor a pattern stands for whatever the date (one actor, not a title), else None.
        self._fixed = [actors[0] if len(actors) == 1 and actors[0].kind != "title" else None for actors in self._actors]
        # The alternation tries its patterns one by one; at a given position only those that
        # can start with the character there are worth trying. Each character gets its own
        # alternation of just those patterns (in the same order, with the same group names),
        # so a match is the one the whole alternation would give, several times faster.
        wild, by_char = [], {}
        for i, p in enumerate(self._patterns):
            chars = _first_chars(p)
            if chars is None:
                wild.append(i)
            else:
                for ch in chars:
                    by_char.setdefault(ch, []).append(i)
        ids_by_char = {ch: sorted(ids + wild) for ch, ids in by_char.items()}
        self._by_char = {ch: _alternation(self._patterns, ids) for ch, ids in ids_by_char.items()}
        self._wild = _alternation(self._patterns, wild) if wild else None
        # A mention starts at a capitalised word or at one of the few lower-case words that
        # open a pattern ("the …", "special representative …"); trying the big alternation
        # only there is several times faster than scanning every position.
        self._starters = frozenset(filter(None, map(_starter_word, self._patterns)))
        # Where a mention may start: a word (letters, then word characters, apostrophes and
        # dots) opening with a letter other than a-z (an upper-case one, checked in the loop)
        # or a lower-case starter word on its own where a pattern it can open matches.
        self._candidates = _candidates(self._starters, self._patterns, ids_by_char, wild)
        self.names = {a.name: a for actors in self._actors for a in actors if a.kind == "person"}
        # Attribution asks again about the same words (a sentence seen, then its subject
        # resolved; a document's lead repeated); the answer depends on them and the date alone.
        self._found = lru_cache(maxsize=MENTION_MEMO)(self._find)

    def person_patterns(self) -> list[str]:
        """The patterns that can name a person or a title (the others name institutions)."""
        return [p for p, actors in zip(self._patterns, self._actors) if any(a.kind != "institution" for a in actors)]

    def mentions(self, text: str, date: dt.date | None = None) -> list[Mention]:
        """Actor mentions in ``text``, left to right; titles resolved to the person at ``date``
        (remembered for the last ``MENTION_MEMO`` distinct texts and dates; a list of the caller's own)."""
        return list(self._found(text, date))

    def _find(self, text: str, date: dt.date | None) -> tuple[Mention, ...]:
        """The mentions of :meth:`mentions`, found by one scan of the text's candidate words."""
        found = []
        resume = 0
        by_char, wild, fixed = self._by_char, self._wild, self._fixed
        for word in self._candidates.finditer(text):
            pos = word.start()
            if pos < resume or not (word.group("starter") or text[pos].isupper()):
                continue
            regex = by_char.get(text[pos], wild)
            match = regex.match(text, pos) if regex is not None else None
            if match is None:
                continue
            resume = match.end()
            if text.startswith("-based", resume):
                continue  # "a Brussels-based institute", "the Moscow-based analyst": a seat, not the actor
            index = int(match.lastgroup[1:])
            actor = fixed[index] or self._resolve(self._actors[index], date)
            if actor.kind == "person" and _other_initial(text, pos, resume, actor.name):
                continue  # "Deputy H. Sargsyan": another person of the same surname
            if actor.kind == "title" and _OTHER_HOLDER.search(text, max(0, pos - 30), pos):
                actor = Actor("institution", actor.holder, actor.holder)  # "Deputy Secretary General"
            found.append(Mention(pos, resume, actor.kind, actor.name, actor.holder))
        return tuple(found)

    @staticmethod
    def _resolve(actors: list[Actor], date: dt.date | None) -> Actor | None:
        if len(actors) == 1 and actors[0].kind != "title":
            return actors[0]
        if date is None:
            first = actors[0]
            return Actor("institution", first.holder, first.holder) if first.kind == "title" else first
        for actor in actors:
            if (actor.valid_from is None or actor.valid_from <= date) and (
                actor.valid_to is None or date <= actor.valid_to
            ):
                return actor
        return Actor("institution", actors[0].holder, actors[0].holder)

    def holder_of(self, name: str) -> str | None:
        """The holder of a person by canonical name, if registered."""
        actor = self.names.get(name)
        return actor.holder if actor else None


# Words before a title that make it someone else's office: a deputy, a predecessor, a stand-in.
_OTHER_HOLDER = re.compile(
    r"\b(?:deputy|assistant|vice|former|ex|acting|interim|late|then|first deputy)[\s-]+(?:NATO\s+)?\Z", re.IGNORECASE
)


def _starter_word(pattern: str) -> str | None:
    """The lower-case word a pattern opens with, if it can open with one: a literal word, or
    one whose first letter is a class of its two cases (``[Tt]he``), so that a single
    spelling serves both a sentence's start and its middle.

    Example:
        >>> [_starter_word(p) for p in ("the summit", "(?:special )?envoy", "[Dd]eputy chief", "NATO")]
        ['the', 'special', 'deputy', None]
    """
    found = re.match(r"(?:\(\?:)?(?:\[([A-Z])([a-z])\]|([a-z]))([a-z]*)", pattern)
    if found is None or (found[1] and found[1].lower() != found[2]):
        return None
    return (found[2] or found[3]) + found[4]


def _candidates(starters: frozenset[str], patterns: list[str], ids_by_char: dict[str, list[int]], wild: list[int]):
    """Where :meth:`Registry.mentions` tries its patterns: a word opening with a letter other
    than a-z, or a lower-case starter word followed by a match of one of the patterns tried
    at its first letter, so that the many "the" of prose that open no mention are passed over
    inside the scan. Where that look-ahead cannot be compiled (a pattern's group name used
    twice), every starter word is a candidate (the same mentions)."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(starters, key=lambda w: (-len(w), w)):
        by_first.setdefault(word[0], []).append(re.escape(word))
    ahead = []
    for ch, words in by_first.items():
        tried = "|".join(f"(?:{patterns[i]})" for i in ids_by_char.get(ch, wild)) or "(?!)"
        ahead.append(rf"(?=(?:{tried})(?![\w]))(?:{'|'.join(words)})(?![\w’'.])")
    plain = "|".join(sorted(map(re.escape, starters), key=lambda w: (-len(w), w)))
    for alternatives in ("|".join(ahead), rf"(?:{plain})(?![\w’'.])"):
        try:
            return re.compile(rf"(?<![\w-])(?:(?P<starter>{alternatives})|(?![a-z])[^\W\d_])[\w’'.]*")
        except re.error:
            continue
    raise AssertionError("unreachable: the plain starters always compile")  # pragma: no cover


def _alternation(patterns: list[str], indices) -> re.Pattern:
    alternation = "|".join(f"(?P<g{i}>{patterns[i]})" for i in indices)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w])")


def _first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with; None when it cannot say.

    A superset is safe (a pattern is only tried where it might match); None puts the
    pattern among those tried everywhere. The first characters come from the parse tree of
    CPython's private ``re._parser``, imported here behind a guard: where it is missing or
    moved, every pattern is tried everywhere (slower, same mentions).

    Example:
        >>> sorted(_first_chars("(?:the )?President|[Tt]he alliance|NATO"))
        ['N', 'P', 'T', 't']
        >>> _first_chars("(?i)nato") is None
        True
    """
    try:
        from re import _constants, _parser  # private: the parsed form of a pattern
    except ImportError:
        return None
    try:
        parsed = _parser.parse(pattern)
        if parsed.state.flags & re.IGNORECASE:
            return None
        chars, nullable = _first_of(list(parsed), _constants)
    except Exception:  # noqa: BLE001 - an unparsable pattern, or a parse tree of another shape
        return None
    return None if chars is None or nullable else frozenset(chars)


def _first_of(items, _c) -> tuple[set[str] | None, bool]:
    """First characters of a parsed sequence, and whether it can match the empty string
    (``_c`` is ``re._constants``, passed in so that the private module is imported once, guarded)."""
    out: set[str] = set()
    for op, arg in items:
        if op is _c.LITERAL:
            return out | {chr(arg)}, False
        if op is _c.IN:
            chars = set()
            for kind, value in arg:
                if kind is _c.LITERAL:
                    chars.add(chr(value))
                elif kind is _c.RANGE and value[1] - value[0] < 256:
                    chars.update(chr(c) for c in range(value[0], value[1] + 1))
                else:
                    return None, False
            return out | chars, False
        if op is _c.SUBPATTERN:
            _group, add_flags, _del_flags, sub = arg
            if add_flags & re.IGNORECASE:
                return None, False
            first, nullable = _first_of(list(sub), _c)
        elif op is _c.BRANCH:
            first, nullable = set(), False
            for alternative in arg[1]:
                f, n = _first_of(list(alternative), _c)
                if f is None:
                    return None, False
                first |= f
                nullable = nullable or n
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            low, _high, sub = arg
            first, nullable = _first_of(list(sub), _c)
            nullable = nullable or low == 0
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width: ignoring it only widens the set
        else:
            return None, False
        if first is None:
            return None, False
        out |= first
        if not nullable:
            return out, False
    return out, True


def _top_level_alternatives(pattern: str) -> list[str]:
    """Split a pattern at the ``|`` that are outside any group.

    Example:
        >>> _top_level_alternatives("NATO|the (?:military )?alliance")
        ['NATO', 'the (?:military )?alliance']
    """
    parts, depth, current = [], 0, ""
    for i, ch in enumerate(pattern):
        escaped = i > 0 and pattern[i - 1] == "\\"
        if ch == "(" and not escaped:
            depth += 1
        elif ch == ")" and not escaped:
            depth -= 1
        elif ch == "|" and depth == 0 and not escaped:
            parts.append(current)
            current = ""
            continue
        current += ch
    return parts + [current]


@lru_cache(maxsize=8)
def merged(rows: tuple[tuple[tuple[str, str], ...], ...]) -> Registry:
    """The packaged registry with a corpus's own rows merged over it: for a pattern both name,
    the corpus's actor is tried first (see :func:`corpus_lib.pipeline.load.read_actors`)."""
    if not rows:
        return registry()
    return Registry([dict(row) for row in rows] + _packaged_rows())


def _packaged_rows() -> list[dict[str, str]]:
    text = resources.files("corpus_lib").joinpath("data/actors.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@lru_cache(maxsize=1)
def registry() -> Registry:
    """The packaged actors registry (read once)."""
    return Registry(_packaged_rows())


# An initial right before a word: "H. Sargsyan", "A Minasyan".
_INITIAL_BEFORE = re.compile(r"(?<![\w.])([A-ZÀ-Þ])\.?\s+\Z")


def _other_initial(text: str, start: int, end: int, name: str) -> bool:
    """Whether a registered person's surname alone, found at ``start:end``, follows an initial
    or a first name that is not that person's own ("Deputy H. Sargsyan", "Anahit Sargsyan" are
    not "Serzh Sargsyan")."""
    if " " in text[start:end]:
        return False  # a full name is that person whatever stands before it
    initial = _INITIAL_BEFORE.search(text, max(0, start - 4), start)
    if initial:
        return not name.startswith(initial.group(1))
    first = _FIRST_NAME_BEFORE.search(text, max(0, start - 20), start)
    return bool(first) and " " in name and first.group(1) != name.split()[0] and first.group(1) not in _NOT_FIRST_NAMES


# A capitalised word right before a surname, which may be another person's first name: "Anahit Sargsyan".
_FIRST_NAME_BEFORE = re.compile(r"(?<![\w'’.-])([A-ZÀ-Þ][a-zà-ÿ]{2,})\s+\Z")
# Capitalised words before a surname that are no first names: titles, openers, honorifics.
_NOT_FIRST_NAMES = frozenset(
    "President Prime Minister Premier Mr Mrs Ms Dr Deputy Speaker Foreign Defence Defense Chairman Chairwoman Leader "
    "Ambassador General Colonel Secretary Former Then When Under As With By And But Said Says Told Asked After Before "
    "Since While During Armenian Azerbaijani Russian Georgian President's Opposition Acting".split()
)

