"""A multi-pattern prefilter for the coder's rules, on RE2 (``google-re2``) when installed.

Python's ``re`` tries one pattern at a time. The coder has some two hundred rules, and
tried one by one (even only where their first word occurs) they are most of its run time.
RE2's ``Set`` answers in one linear pass which of many patterns match somewhere in a text.

RE2 has no look-arounds or back-references, its ``\\w``, ``\\s`` and ``\\b`` are ASCII and
its case folding is not Python's, so a rule is not translated as it is: it is translated
into a pattern that matches *at least* wherever the rule does (its **superset**):

* look-arounds and anchors (``(?!…)``, ``\\b``, ``^``) are dropped, except "no word
  character" at the very start or end of a rule, which becomes "a character that is not
  an ASCII word character, or the edge of the text";
* ``\\w`` becomes ``[\\pL\\pN_]`` and ``\\s`` becomes ``[\\s\\x0b\\pZ\\x1c-\\x1f\\x85]``, each a
  superset of Python's Unicode class (a test checks every code point); ``\\d`` becomes
  ``\\pN``; any negated class, negated literal or ``.`` becomes "any character";
* scoped flags are dropped and everything is case-insensitive; a letter or range also
  lists the characters Python's ``IGNORECASE`` equates with it and RE2's folding does
  not ("i" with "İ" and "ı"); possessive and atomic groups become plain groups.

A pattern that cannot be translated (a back-reference, say) gets ``None`` and its rule is
tried on every text. The prefilter only says which rules *may* match; every candidate is
then matched with Python's ``re``, so results never depend on RE2.

Example:
    >>> superset_pattern(re.compile(r"(?<!\\w)(?:peace(?! dividend)|truce)(?!\\w)", re.I))
    '(?:^|[^0-9A-Za-z_])(?:peace|truce)(?:$|[^0-9A-Za-z_])'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

try:  # pragma: no cover - depends on the platform's wheels
    import re2 as _re2
except ImportError:  # pragma: no cover
    _re2 = None

__all__ = ["AVAILABLE", "PatternSet", "superset_pattern"]

AVAILABLE = _re2 is not None
"""Whether RE2 is installed (without it no set is built and every rule is tried on every text)."""

# Superset classes for Python's Unicode ones (tests/test_prefilter.py checks each code point).
WORD = r"\pL\pN_"
SPACE = r"\s\x0b\pZ\x1c-\x1f\x85"
DIGIT = r"\pN"
_ANY = r"(?s:.)"
_NO_WORD_BEFORE = r"(?:^|[^0-9A-Za-z_])"
_NO_WORD_AFTER = r"(?:$|[^0-9A-Za-z_])"
_MAX_COUNT = 1000  # RE2's limit on a counted repetition
_MAX_MEM = 64 << 20  # RE2's memory budget per set (its default, 8 MiB, is too small for some long rules)


class _Untranslatable(Exception):
    pass


def superset_pattern(regex: re.Pattern[str]) -> str | None:
    """An RE2 pattern that matches wherever ``regex`` matches (``None`` if there is none).

    See the module docstring for what is dropped or widened.
    """
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - other Pythons
        return None
    try:
        items = list(_parser.parse(regex.pattern, regex.flags))
        emitter = _Emitter(c)
        # "No word character before / after the match" at its edges: a character that is
        # no ASCII word character, or the text's edge (a superset: Python's \W holds no
        # ASCII word character). Inside a pattern a look-around is dropped instead.
        before = after = ""
        if items and emitter.no_word(items[0], -1):
            before, items = _NO_WORD_BEFORE, items[1:]
        if items and emitter.no_word(items[-1], 1):
            after, items = _NO_WORD_AFTER, items[:-1]
        return before + emitter.sequence(items) + after
    except (_Untranslatable, re.error, ValueError, TypeError, RecursionError):
        return None


class _Emitter:
    def __init__(self, c):
        self.c = c
        self.zero_width = {c.AT, c.ASSERT, c.ASSERT_NOT}
        self.repeats = {c.MAX_REPEAT, c.MIN_REPEAT} | (
            {c.POSSESSIVE_REPEAT} if hasattr(c, "POSSESSIVE_REPEAT") else set()
        )
        self.categories = {c.CATEGORY_WORD: WORD, c.CATEGORY_SPACE: SPACE, c.CATEGORY_DIGIT: DIGIT}

    def no_word(self, item, direction: int) -> bool:
        """Whether ``item`` is ``(?<!\\w)`` (direction -1) or ``(?!\\w)`` (direction 1)."""
        c = self.c
        op, av = item
        return op == c.ASSERT_NOT and av[0] == direction and list(av[1]) == [(c.IN, [(c.CATEGORY, c.CATEGORY_WORD)])]

    def sequence(self, items) -> str:
        return "".join(self.item(op, av) for op, av in items)

    def item(self, op, av) -> str:
        c = self.c
        if op == c.LITERAL:
            folds = _python_folds(chr(av), chr(av))
            return "[" + _escape(chr(av)) + folds + "]" if folds else _escape(chr(av))
        if op in (c.NOT_LITERAL, c.ANY):
            return _ANY
        if op == c.IN:
            return self.klass(av)
        if op in self.zero_width:
            return ""
        if op == c.BRANCH:
            return "(?:" + "|".join(self.sequence(alt) for alt in av[1]) + ")"
        if op == c.SUBPATTERN:
            return "(?:" + self.sequence(av[-1]) + ")"
        if hasattr(c, "ATOMIC_GROUP") and op == c.ATOMIC_GROUP:
            return "(?:" + self.sequence(av) + ")"
        if op in self.repeats:
            lo, hi, sub = av
            if lo > _MAX_COUNT:
                raise _Untranslatable
            body = "(?:" + self.sequence(sub) + ")"
            if hi == c.MAXREPEAT or hi > _MAX_COUNT:
                return body + ("*" if lo == 0 else "+" if lo == 1 else f"{{{lo},}}")
            return body + f"{{{lo},{hi}}}"
        raise _Untranslatable  # back-references, conditionals, anything new

    def klass(self, items) -> str:
        c = self.c
        parts = []
        for op, av in items:
            if op == c.LITERAL:
                parts.append(_escape(chr(av)) + _python_folds(chr(av), chr(av)))
            elif op == c.RANGE:
                lo, hi = chr(av[0]), chr(av[1])
                parts.append(_escape(lo) + "-" + _escape(hi) + _python_folds(lo, hi))
            elif op == c.CATEGORY and av in self.categories:
                parts.append(self.categories[av])
            else:  # a negation or a negated category: its complement is not a superset
                return _ANY
        return "[" + "".join(parts) + "]"


@lru_cache(maxsize=1)
def _cased() -> str:
    """Every character with a case mapping (none lies past U+1FFFF)."""
    return "".join(ch for ch in map(chr, range(0x20000)) if ch.lower() != ch or ch.upper() != ch)


@lru_cache(maxsize=4096)
def _python_folds(lo: str, hi: str) -> str:
    """The characters beyond ASCII that Python's IGNORECASE matches to one in ``lo``..``hi``,
    escaped for RE2, ready to join a class."""
    found = set(re.findall(f"[{re.escape(lo)}-{re.escape(hi)}]", _cased(), re.IGNORECASE))
    return "".join(_escape(ch) for ch in sorted(found) if not ch.isascii())  # RE2 folds ASCII itself


def _escape(ch: str) -> str:
    """One character, escaped for RE2 (inside or outside a class)."""
    if ch.isalnum() and ch.isascii():
        return ch
    return f"\\x{{{ord(ch):x}}}"


class PatternSet:
    """Which of some patterns (RE2 supersets of Python rules) may match in a text.

    Build it with the rules' indexes and compiled patterns; untranslatable ones are left
    out and listed in ``left_out``.

    Example:
        >>> if AVAILABLE:
        ...     s = PatternSet([(7, re.compile("truce", re.I)), (9, re.compile("talks?", re.I))])
        ...     print(sorted(s.candidates("The TALKS went on.")))
        ... else:
        ...     print([9])
        [9]
    """

    def __init__(self, patterns: Sequence[tuple[int, re.Pattern[str]]]):
        if _re2 is None:
            raise RuntimeError("google-re2 is not installed")
        self.ids: list[int] = []
        self.left_out: list[int] = []
        translated: list[tuple[int, str]] = []
        for i, regex in patterns:
            pattern = superset_pattern(regex)
            if pattern is None or not _accepted(pattern):  # RE2 refuses it: leave it to Python
                self.left_out.append(i)
            else:
                translated.append((i, pattern))
        self._parts = [_part(translated[k : k + PER_SET]) for k in range(0, len(translated), PER_SET)]
        self.ids = [i for _, ids in self._parts for i in ids]

    def candidates(self, text: str) -> list[int]:
        """The indexes of the patterns that may match somewhere in ``text``."""
        data = text.encode("utf-8")
        found: list[int] = []
        for match, ids in self._parts:
            hits = match(data)
            if hits:
                found += [ids[k] for k in hits]
        return found


PER_SET = 4
"""Patterns per RE2 set. One set of sixty rules scans a sentence three to six times slower
than fifteen sets of four: the automaton of a set is the product of its patterns', and RE2's
lazily built DFA for it keeps being thrown away and rebuilt, where small sets' DFAs stay
whole (measured on the seed texts and the invented articles)."""


def _options():
    options = _re2.Options()
    options.case_sensitive = False
    options.never_capture = True
    options.max_mem = _MAX_MEM
    options.log_errors = False
    return options


def _accepted(pattern: str) -> bool:
    """Whether RE2 takes the pattern (some Python constructs translate to what it refuses)."""
    try:
        _re2.Set.SearchSet(_options()).Add(pattern)
    except Exception:  # noqa: BLE001 - RE2 reports a refusal by raising
        return False
    return True


def _part(patterns: list[tuple[int, str]]):
    """One compiled RE2 set of a few patterns: its match on UTF-8 bytes and their indexes."""
    compiled = _re2.Set.SearchSet(_options())
    for _, pattern in patterns:
        compiled.Add(pattern)
    compiled.Compile()
    match = _compiled_match(compiled)
    if match is None:
        return (lambda data, wrapper=compiled: wrapper.Match(data.decode("utf-8"))), [i for i, _ in patterns]
    return match, [i for i, _ in patterns]


def _compiled_match(wrapper) -> object | None:
    """The compiled set's own ``Match`` on UTF-8 bytes, or None.

    google-re2's ``Set.Match(text)`` encodes a str to UTF-8 and calls the compiled set it
    holds as ``_set``; calling that directly saves a Python layer on every sentence (about
    0.4 µs, some 115,000 times per 1,000 documents). Where the wrapper holds no such set,
    or its answer on a probe differs, the wrapper is used.
    """
    match = getattr(getattr(wrapper, "_set", None), "Match", None)
    if match is None:
        return None
    probe = "NATO ıİſK ü 0"
    try:
        if sorted(match(probe.encode("utf-8")) or []) != sorted(wrapper.Match(probe) or []):
            return None
    except Exception:  # noqa: BLE001 - another google-re2: keep to its public wrapper
        return None
    return match
