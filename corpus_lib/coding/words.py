"""Words: the first words a rule's pattern can match, and where a sentence's words begin.

The coder tries a rule that the RE2 prefilter lets through only where a word it can start
with begins in the sentence, instead of at every character: most rules open with a few
listable words ("aggression", "door", "call on"). A word is keyed by its first
``KEY_LEN`` letters, lowered; :func:`first_words` lists the keys a pattern can open with,
:class:`Words` finds where the words with a given key begin.

The first words are read from the parse tree that Python's ``re`` builds of a pattern
(``re._parser``, a private module). It is imported inside a guard and checked on a probe
pattern first; where it is missing or answers otherwise, every rule's first words are
unknown (``None``) and each rule is scanned over the whole sentence: the same matches,
found more slowly.
"""

from __future__ import annotations

import itertools
import re

__all__ = ["KEY_LEN", "START_WORDS", "WORD", "Words", "first_words", "keys", "start_limit"]

WORD = re.compile(r"\w+")
KEY_LEN = 4
_KEY = re.compile(rf"\b\w{{1,{KEY_LEN}}}")  # a word's key: its first letters
_MAX_HEADS = 400
START_WORDS = 6  # sentence-opening rules (pronouns, connectives) are tried on the first words only


class Words:
    """The words of a text by key (their first ``KEY_LEN`` letters, lowered).

    One pass lists the keys; the start offsets of a key are looked up with ``str.find``
    only when a rule or group starts with it.

    Example:
        >>> words = Words("NATO’s door is open; the door stays open.")
        >>> sorted(words.keys)
        ['door', 'is', 'nato', 'open', 's', 'stay', 'the']
        >>> words.starts("door")
        [7, 25]
    """

    __slots__ = ("_low", "_starts", "keys", "text")

    def __init__(self, text: str):
        self.text = text
        low = text.lower()
        self._starts: dict[str, list[int]] = {}
        if len(low) == len(text):
            self._low: str | None = low
            self.keys = keys(low)
        else:  # a few characters change length when lowered: key each word apart
            self._low = None
            for m in WORD.finditer(text):
                self._starts.setdefault(m.group().lower()[:KEY_LEN], []).append(m.start())
            self.keys = set(self._starts)

    def starts(self, key: str) -> list[int]:
        """Offsets of the words whose key is ``key``."""
        found = self._starts.get(key)
        if found is None:
            found = []
            low = self._low
            assert low is not None
            whole = len(key) < KEY_LEN  # a short key is a whole word
            size, n = len(key), len(low)
            pos = low.find(key)
            while pos >= 0:  # a word start: no word character (isalnum or _) before it
                if pos == 0 or not (low[pos - 1].isalnum() or low[pos - 1] == "_"):
                    end = pos + size
                    if not whole or end == n or not (low[end].isalnum() or low[end] == "_"):
                        found.append(pos)
                pos = low.find(key, pos + 1)
            self._starts[key] = found
        return found


def keys(text: str) -> set[str]:
    """``set(_KEY.findall(text))``, token by token (a word never holds whitespace): a token
    of letters and digits is one word, keyed by its first letters; others go to the regex.

    Example:
        >>> sorted(keys("nato’s open-door policy, 2024"))
        ['2024', 'door', 'nato', 'open', 'poli', 's']
    """
    found: set[str] = set()
    add = found.add
    for token in text.split():
        if token.isalnum():
            add(token[:KEY_LEN])
        else:
            found.update(_KEY.findall(token))
    return found


def start_limit(text: str) -> int:
    """Offset of the first word past the sentence's opening words (``START_WORDS``).

    Example:
        >>> text = "So this is what we said to them today."
        >>> text[start_limit(text):]
        'to them today.'
    """
    for m in itertools.islice(WORD.finditer(text), START_WORDS, START_WORDS + 1):
        return m.start()
    return len(text) + 1


def first_words(regex: re.Pattern[str]) -> frozenset[str] | None:
    """The possible first words of any match, cut to ``KEY_LEN`` letters.

    ``None`` when they cannot be listed (a pattern opening with ``\\w``, say) or when re's
    parser cannot be used: the rule is then scanned over the whole sentence. Only used to
    skip positions where a rule cannot match; never changes a result.

    Example:
        >>> sorted(first_words(re.compile(r"(?<!\\w)(?:open (?:door|the door)|NATO)(?!\\w)", re.I)))
        ['nato', 'open']
    """
    reader = _tree_reader()
    if reader is None:
        return None
    try:
        return _first_words(reader, regex)
    except Exception:  # noqa: BLE001 - a parse tree the walker does not know: scan the rule instead
        return None


# The probe that checks re's parser reads as expected before it is trusted.
_PROBE = re.compile(r"(?<!\w)(?:(?:the )?door|o[pP]en(?:s|ed)?\b|ab?c)(?!\w)", re.IGNORECASE)
_PROBE_WORDS = frozenset({"the", "door", "open", "ac", "abc"})


def _tree_reader():
    """re's parser and op codes, or ``None`` where they are missing or read otherwise.

    Asked anew on every call (the probe is cheap beside compiling the rules, which is
    done once), so that nothing is remembered from one state of the interpreter to another.
    """
    try:  # private modules of the standard library, read only here
        from re import _constants, _parser  # type: ignore[attr-defined]
    except ImportError:
        return None
    reader = (_parser, _constants)
    try:
        trusted = _first_words(reader, _PROBE) == _PROBE_WORDS
    except Exception:  # noqa: BLE001 - any surprise from a private module: do without it
        trusted = False
    return reader if trusted else None


def _first_words(reader, regex: re.Pattern[str]) -> frozenset[str] | None:
    parser, c = reader
    tree = parser.parse(regex.pattern, regex.flags)
    zero_width = {c.AT, c.ASSERT, c.ASSERT_NOT}
    repeats = {c.MAX_REPEAT, c.MIN_REPEAT} | ({c.POSSESSIVE_REPEAT} if hasattr(c, "POSSESSIVE_REPEAT") else set())
    groups = {c.SUBPATTERN} | ({c.ATOMIC_GROUP} if hasattr(c, "ATOMIC_GROUP") else set())

    def is_word(ch: str) -> bool:
        return ch.isalnum() or ch == "_"

    def walk(items: list, prefix: str) -> set[str] | None:
        if len(prefix) >= KEY_LEN:
            return {prefix[:KEY_LEN]}
        if not items:
            return {prefix} if prefix else None
        op, av = items[0]
        rest = items[1:]
        if op == c.LITERAL:
            ch = chr(av).lower()
            if is_word(ch):
                return walk(rest, prefix + ch)
            return {prefix} if prefix else None
        if op in zero_width:
            return walk(rest, prefix)
        if op in groups:
            sub = av[-1] if op == c.SUBPATTERN else av
            return walk(list(sub) + rest, prefix)
        if op == c.BRANCH:
            out: set[str] = set()
            for alt in av[1]:
                got = walk(list(alt) + rest, prefix)
                if got is None:
                    return None
                out |= got
                if len(out) > _MAX_HEADS:
                    return None
            return out
        if op == c.IN:
            chars = []
            for sop, sav in av:
                if sop != c.LITERAL:
                    return None
                chars.append(chr(sav).lower())
            out = set()
            for ch in chars:
                got = walk(rest, prefix + ch) if is_word(ch) else ({prefix} if prefix else None)
                if got is None:
                    return None
                out |= got
            return out
        if op in repeats:
            lo, hi, sub = av
            if lo == 0:
                skip = walk(rest, prefix)
                if skip is None:
                    return None
                if hi == 0:
                    return skip
                once = walk(list(sub) + [(op, (0, hi - 1 if hi != c.MAXREPEAT else hi, sub))] + rest, prefix)
                return None if once is None else skip | once
            more = (op, (lo - 1, hi - 1 if hi != c.MAXREPEAT else hi, sub))
            return walk(list(sub) + [more] + rest, prefix)
        return None

    got = walk(list(tree), "")
    return frozenset(got) if got else None
