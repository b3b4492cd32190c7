"""Stance coding: the ``statements`` table in, the ``stances`` table out.

A transparent, rule-based coder for the three topics of the codebook (``karabakh``,
``russia``, ``membership``). Every rule lives in a data file under
``corpus_lib/data/coder/`` with a stable id, and the ids of the rules that fired travel
into the output (``rule_ids``, with the words that fired them in ``cues``), so each code
can be traced back to the rule and the words behind it. ``docs/codebook.md`` is the
readable account of the scheme, the rule files and the conflict-resolution policy.

How a statement is coded:

1. Topics. Topic cues (``topics.csv``) are matched in the sentence. A cue either fires
   alone (explicit), needs other word groups in the same sentence (``needs``), or needs
   the topic to be named explicitly in the same turn or the turn before (``context``:
   "the sides" is Karabakh only in a passage on the conflict). A cue is blocked when the
   sentence names a group in ``blocked_by`` ("territorial integrity" next to Ukraine is
   not Karabakh).
2. References. A sentence with no topic of its own that opens with a pronoun or a
   connective, or holds a short reference ("this war", "the aggression"), takes the
   topics of the previous statement of the same turn (``anaphors.csv``), at lower
   confidence. Never across turns.
3. Questions are neutral.
4. Stance cues (``stance_cues.csv``, ``conditions.csv``) of each topic are matched; a
   cue's label can be changed by a negator before it or inside it (or a negating
   predicate after it: "… is not going to happen"), or by a verb that
   stops an activity ("suspended cooperation"), as each cue's row says
   (``negators.csv``). Reporting verbs end a negator's scope; denials negate what they
   report (``reporting.csv``).
5. When cues of several labels fire, the topic's precedence order in ``policy.json``
   decides, and its policy id is recorded.

The coder works on Python lists and builds the output frame once; regular expressions
are compiled once per :class:`Rules`. Each sentence only runs the rules that an RE2 set
says may match it (:mod:`corpus_lib.pipeline.prefilter`; without RE2, the rules whose first word
occurs in it), each only where a word it can start with begins. The cyclic garbage
collector is paused while coding (see :func:`tag_stances`).
"""

from __future__ import annotations

import bisect
import contextlib
import csv
import gc
import hashlib
import io
import itertools
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from corpus_lib.errors import check_frame
from corpus_lib.pipeline import prefilter
from corpus_lib.pipeline.prefilter import PatternSet

__all__ = [
    "CODER_VERSION",
    "HOLDERS",
    "RULE_FILES",
    "STANCES",
    "STANCE_COLUMNS",
    "TOPICS",
    "Rule",
    "RuleError",
    "Rules",
    "load_rules",
    "tag_stances",
]

CODER_RELEASE = "stances-1.4"
from corpus_lib.vocab import HOLDERS, STANCES, TOPICS  # noqa: E402  (re-exported)

STANCE_COLUMNS = (
    "statement_id",
    "doc_id",
    "date",
    "event_date",
    "holder",
    "topic",
    "stance",
    "score",
    "rule_ids",
    "cues",
    "confidence",
)
REQUIRED_COLUMNS = (
    "statement_id",
    "doc_id",
    "seq",
    "turn",
    "holder",
    "is_question",
    "text",
    "date",
    "event_date",
)
RULE_FILES = (
    "groups.csv",
    "topics.csv",
    "stance_cues.csv",
    "conditions.csv",
    "negators.csv",
    "anaphors.csv",
    "reporting.csv",
    "policy.json",
)
MODEL_FILE = "second_opinion.json"  # the learned second opinion (corpus_lib.coding.model), optional
_RULES_PACKAGE = "corpus_lib"
_RULES_DIR = ("data", "coder")

_RULE_ID = re.compile(r"[A-Z]{2,4}(?:-[A-Z]{2,4})?-\d{3}\Z")
_GROUP_REF = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_WORD = re.compile(r"\w+")
_KEY_LEN = 4
_KEY = re.compile(rf"\b\w{{1,{_KEY_LEN}}}")  # a word's key: its first letters
_MAX_HEADS = 400

_SCOPES = ("sentence", "near", "after")
_ANAPHOR_KINDS = ("pronoun_start", "reference", "connective_start")
_KINDS_BY_FILE = {
    "topics.csv": ("topic",),
    "stance_cues.csv": ("cue",),
    "conditions.csv": ("cue",),
    "negators.csv": ("negator", "wide", "post_negator", "halt", "post_halt", "pseudo", "stop", "void"),
    "anaphors.csv": _ANAPHOR_KINDS,
    "reporting.csv": ("frame", "frame_raising", "deny"),
}


class RuleError(ValueError):
    """A rule file that cannot be used as it is; names the file and line.

    Example:
        >>> str(RuleError("unknown topic 'x'", path="topics.csv", line=4))
        "topics.csv:4: unknown topic 'x'"
    """

    def __init__(self, message: str, *, path: str = "", line: int | None = None):
        where = f"{path}:{line}" if path and line is not None else path
        super().__init__(f"{where}: {message}" if where else message)


@dataclass(frozen=True)
class Rule:
    """One rule of a rule file, compiled.

    ``kind`` is ``topic``, ``cue`` or one of the kinds of ``negators.csv``,
    ``anaphors.csv`` and ``reporting.csv``. ``label``, ``negated``, ``halted`` and
    ``scope`` apply to cues; ``needs`` and ``blocked_by`` to topic cues.
    """

    rule_id: str
    file: str
    line: int
    kind: str
    pattern: str
    note: str = ""
    topic: str = ""
    label: str = ""
    negated: str = ""
    halted: str = ""
    scope: str = "sentence"
    needs: tuple[tuple[str, ...], ...] = ()
    blocked_by: tuple[str, ...] = ()
    regex: re.Pattern[str] = field(default=re.compile(""), repr=False, compare=False)


@dataclass(frozen=True)
class Rules:
    """The coder's rule set: every rule file, parsed and compiled once.

    Build it with :func:`load_rules`; pass it to :func:`tag_stances` as ``rules=``.
    ``version`` is a hash of the rule files' bytes plus the coder release, fit for a
    cache key.

    Example:
        >>> rules = load_rules()
        >>> rules.version == CODER_VERSION
        True
        >>> rules.rule("KB-DET-001").label
        'detached'
    """

    version: str
    source: str
    policy: Mapping[str, Any] = field(repr=False)
    rules: tuple[Rule, ...] = field(repr=False)
    groups: Mapping[str, re.Pattern[str]] = field(repr=False)
    _index: tuple[dict[str, tuple[int, ...]], ...] = field(repr=False, compare=False)
    _always: tuple[tuple[tuple[int, frozenset[str] | None], ...], ...] = field(repr=False, compare=False)
    _start_only: frozenset[int] = field(repr=False, compare=False)
    _group_heads: Mapping[str, frozenset[str] | None] = field(repr=False, compare=False)
    _keys: tuple[frozenset[str], ...] = field(repr=False, compare=False)
    _prefilter: tuple[PatternSet | None, ...] = field(repr=False, compare=False)
    """Per stage, the RE2 prefilter of its rules (``None``: the word index is used)."""
    _heads_of: tuple[frozenset[str] | None, ...] = field(repr=False, compare=False)
    _hard_stop: re.Pattern[str] = field(repr=False, compare=False)
    _soft_stop: re.Pattern[str] = field(repr=False, compare=False)
    _by_id: Mapping[str, Rule] = field(repr=False, compare=False)
    second_opinion: Any = field(default=None, repr=False, compare=False)
    """The learned model (:class:`corpus_lib.coding.model.Model`) where the policy asks for one."""

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id (``KeyError`` if there is none)."""
        return self._by_id[rule_id]

    def to_frame(self) -> pd.DataFrame:
        """All rules as a table, in file order (for documentation and review).

        Example:
            >>> load_rules().to_frame().columns[:3].tolist()
            ['rule_id', 'file', 'kind']
        """
        rows = [
            {
                "rule_id": r.rule_id,
                "file": r.file,
                "kind": r.kind,
                "topic": r.topic,
                "label": r.label,
                "negated": r.negated,
                "halted": r.halted,
                "scope": r.scope,
                "needs": ";".join("+".join(alt) for alt in r.needs),
                "blocked_by": ";".join(r.blocked_by),
                "pattern": r.pattern,
                "note": r.note,
            }
            for r in self.rules
        ]
        return pd.DataFrame(rows)

    def match(self, text: str, *, use_index: bool = True) -> list[tuple[int, int, int]]:
        """All matches in ``text`` as ``(rule index, start, end)``, by rule then start.

        Each rule's matches are those of ``finditer`` (leftmost, non-overlapping); rules
        of the kinds that open a sentence only count among its first words. With the
        index a rule is only tried where RE2's prefilter (:mod:`corpus_lib.pipeline.prefilter`)
        says it may match, and there only where a word it can start with begins (without
        RE2: every rule whose first word occurs); ``use_index=False`` scans every rule
        over the whole text (same result, slower).

        Example:
            >>> rules = load_rules()
            >>> [rules.rules[i].rule_id for i, _, _ in rules.match("Moscow said no.")][:2]
            ['TOP-RU-001', 'NEG-001']
        """
        if not use_index:
            out: list[tuple[int, int, int]] = []
            limit = _start_limit(text)
            for i, rule in enumerate(self.rules):
                for m in rule.regex.finditer(text):
                    if m.end() > m.start() and (i not in self._start_only or m.start() < limit):
                        out.append((i, m.start(), m.end()))
            return out
        words: list[_Words] = []

        def get_words() -> _Words:
            if not words:
                words.append(_Words(text))
            return words[0]

        out = []
        for stage in _STAGES:
            out += self._match(text, stage, get_words)
        out.sort()
        return out

    def _match(self, text: str, stage: int, get_words: Callable[[], _Words]) -> list[tuple[int, int, int]]:
        pset = self._prefilter[stage]
        if pset is not None:
            candidates = [*pset.candidates(text), *pset.left_out]
        else:  # no RE2: the rules whose first word occurs, and those needing a word that does
            keys = get_words().keys
            index = self._index[stage]
            candidates = sorted({i for key in keys.intersection(self._keys[stage]) for i in index[key]})
            candidates += [i for i, needs in self._always[stage] if needs is None or not needs.isdisjoint(keys)]
        return self._match_candidates(text, candidates, get_words)

    def _match_candidates(
        self, text: str, candidates: list[int], get_words: Callable[[], _Words]
    ) -> list[tuple[int, int, int]]:
        """The matches of the rules that may match (``candidates``), rule by rule.

        A rule is tried where a word it can start with begins, or scanned over the text
        where its first words cannot be listed.
        """
        out: list[tuple[int, int, int]] = []
        rules = self.rules
        start_only = self._start_only
        heads_of = self._heads_of
        words = None
        for i in candidates:
            heads = heads_of[i]
            stop = _start_limit(text) if i in start_only else len(text) + 1
            regex = rules[i].regex
            if heads is None:
                out.extend((i, m.start(), m.end()) for m in regex.finditer(text) if m.start() < m.end() and m.start() < stop)
                continue
            if words is None:
                words = get_words()
            keys = heads.intersection(words.keys)
            if len(keys) == 1:
                starts = words.starts(next(iter(keys)))
            else:
                starts = sorted(start for key in keys for start in words.starts(key))
            last = -1
            for start in starts:
                if start >= stop:
                    break
                if start < last:
                    continue
                m = regex.match(text, start)
                if m is not None and m.end() > start:
                    last = m.end()
                    out.append((i, start, last))
        return out


class _Words:
    """The words of a text by key (their first ``_KEY_LEN`` letters, lowered).

    One ``findall`` lists the keys; the start offsets of a key are looked up with
    ``str.find`` only when a rule or group starts with it.
    """

    __slots__ = ("_low", "_starts", "keys", "text")

    def __init__(self, text: str):
        self.text = text
        low = text.lower()
        self._starts: dict[str, list[int]] = {}
        if len(low) == len(text):
            self._low: str | None = low
            self.keys = _keys(low)
        else:  # a few characters change length when lowered: key each word apart
            self._low = None
            for m in _WORD.finditer(text):
                self._starts.setdefault(m.group().lower()[:_KEY_LEN], []).append(m.start())
            self.keys = set(self._starts)

    def starts(self, key: str) -> list[int]:
        """Offsets of the words whose key is ``key``."""
        found = self._starts.get(key)
        if found is None:
            found = []
            low = self._low
            assert low is not None
            whole = len(key) < _KEY_LEN  # a short key is a whole word
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


def _keys(text: str) -> set[str]:
    """``set(_KEY.findall(text))``, token by token (a word never holds whitespace): a token
    of letters and digits is one word, keyed by its first letters; others go to the regex.

    Example:
        >>> sorted(_keys("nato’s open-door policy, 2024"))
        ['2024', 'door', 'nato', 'open', 'poli', 's']
    """
    keys: set[str] = set()
    add = keys.add
    for token in text.split():
        if token.isalnum():
            add(token[:_KEY_LEN])
        else:
            keys.update(_KEY.findall(token))
    return keys


_START_WORDS = 6  # sentence-opening rules (pronouns, connectives) are tried on the first words only
# Rules are matched in stages, each only when needed: topic cues on every sentence,
# references where a topic could be carried over, the rest where a stance is coded.
_STAGES = (0, 1, 2)
_STAGE_OF_KIND = {"topic": 0, "pronoun_start": 1, "reference": 1, "connective_start": 1}


def _start_limit(text: str) -> int:
    """Offset of the first word past the sentence's opening words."""
    for m in itertools.islice(_WORD.finditer(text), _START_WORDS, _START_WORDS + 1):
        return m.start()
    return len(text) + 1


# ---------------------------------------------------------------------------
# Loading the rule files


def _rules_root(source: str | Path | None):
    if source is None:
        root = resources.files(_RULES_PACKAGE)
        for part in _RULES_DIR:
            root = root / part
        return root, f"{_RULES_PACKAGE}/{'/'.join(_RULES_DIR)}"
    return Path(source), str(source)


def _read_bytes(source: str | Path | None) -> dict[str, bytes]:
    root, where = _rules_root(source)
    data: dict[str, bytes] = {}
    for name in RULE_FILES:
        entry = root / name
        if not entry.is_file():
            raise RuleError(f"rule file missing from {where}", path=name)
        data[name] = entry.read_bytes()
    model = root / MODEL_FILE
    if model.is_file():  # needed only where policy.json has a second_opinion section
        data[MODEL_FILE] = model.read_bytes()
    return data


def _version(data: Mapping[str, bytes]) -> str:
    digest = hashlib.sha256()
    for name in (*RULE_FILES, MODEL_FILE):
        if name in data:
            digest.update(name.encode("utf-8") + b"\0" + data[name] + b"\0")
    return f"{CODER_RELEASE}+{digest.hexdigest()[:12]}"


def _csv_rows(name: str, raw: bytes, columns: Sequence[str]) -> list[tuple[int, dict[str, str]]]:
    text = raw.decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames is None or list(reader.fieldnames) != list(columns):
        raise RuleError(f"columns must be {','.join(columns)}; found {reader.fieldnames}", path=name, line=1)
    rows = []
    for row in reader:
        if None in row or any(v is None for v in row.values()):
            raise RuleError("wrong number of fields", path=name, line=reader.line_num)
        rows.append((reader.line_num, {k: v.strip() for k, v in row.items()}))
    return rows


def _expand(pattern: str, groups: Mapping[str, str], *, path: str, line: int) -> str:
    for _ in range(6):
        if not _GROUP_REF.search(pattern):
            return pattern

        def sub(m: re.Match[str]) -> str:
            name = m.group(1)
            if name not in groups:
                raise RuleError(f"unknown group {{{name}}}", path=path, line=line)
            return f"(?:{groups[name]})"

        pattern = _GROUP_REF.sub(sub, pattern)
    raise RuleError("groups nest too deeply (a cycle?)", path=path, line=line)


def _compile(pattern: str, *, path: str, line: int) -> re.Pattern[str]:
    try:
        return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE)
    except re.error as err:
        raise RuleError(f"bad pattern: {err}", path=path, line=line) from None


def _heads(regex: re.Pattern[str], *, inside: bool = False) -> frozenset[str] | None:
    """The possible first words of any match, cut to ``_KEY_LEN`` letters.

    ``None`` when they cannot be listed (a pattern opening with ``\\w``, say): the rule
    then runs on every sentence. Only used to skip rules; never changes a result.

    ``inside=True`` lists instead the keys of a word that every match contains: one that
    opens right after a non-word character of the pattern (a space, say), so that it is a
    word of the text. Where several such words can be listed the last one is taken (the
    first words of a pattern are the general ones: "call on … to join" needs "join").
    A rule whose first words cannot be listed then runs only on the sentences that hold
    one of these keys.
    """
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - other Pythons
        return None
    try:
        tree = _parser.parse(regex.pattern, regex.flags)
    except (re.error, ValueError, TypeError):  # pragma: no cover - compiled already
        return None
    zero_width = {c.AT, c.ASSERT, c.ASSERT_NOT}
    repeats = {c.MAX_REPEAT, c.MIN_REPEAT} | ({c.POSSESSIVE_REPEAT} if hasattr(c, "POSSESSIVE_REPEAT") else set())
    groups = {c.SUBPATTERN} | ({c.ATOMIC_GROUP} if hasattr(c, "ATOMIC_GROUP") else set())

    def is_word(ch: str) -> bool:
        return ch.isalnum() or ch == "_"

    def walk(items: list, prefix: str) -> set[str] | None:
        if len(prefix) >= _KEY_LEN:
            return {prefix[:_KEY_LEN]}
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

    def ends_outside_word(items: list) -> bool:
        if not items:
            return False
        op, av = items[-1]
        if op == c.LITERAL:
            return not is_word(chr(av).lower())
        if op in groups:
            return ends_outside_word(list(av[-1] if op == c.SUBPATTERN else av))
        if op == c.BRANCH:
            return all(ends_outside_word(list(alt)) for alt in av[1])
        return False

    def needed(items: list, boundary: bool) -> set[str] | None:
        # ``boundary``: a non-word character (or the match's start) stands before items[0].
        items = list(items)
        best = None
        k = 0
        while k < len(items):
            if boundary:
                got = walk(items[k:], "")
                best = got if got is not None else best
            op, av = items[k]
            if op in groups:  # a group is a sequence: read it in place
                items[k : k + 1] = list(av[-1] if op == c.SUBPATTERN else av)
                continue
            if op == c.BRANCH:  # each alternative with what follows it
                out: set[str] = set()
                for alt in av[1]:
                    got = needed(list(alt) + items[k + 1 :], boundary)
                    if got is None:
                        return best
                    out |= got
                return out if len(out) <= _MAX_HEADS else best
            if op == c.LITERAL:
                boundary = not is_word(chr(av).lower())
            elif op in repeats:
                lo, _hi, sub = av
                # after it: where the body ends outside a word, as before it (none) or a boundary
                boundary = ends_outside_word(list(sub)) and (boundary or lo > 0)
            elif op not in zero_width:
                boundary = False
            k += 1
        return best

    try:
        got = needed(list(tree), True) if inside else walk(list(tree), "")
    except RecursionError:  # pragma: no cover - pathological pattern
        return None
    return frozenset(got) if got else None


def _split_needs(value: str, groups: Mapping[str, str], *, path: str, line: int) -> tuple[tuple[str, ...], ...]:
    if not value:
        return ()
    alternatives = []
    for alt in value.split(";"):
        names = tuple(n.strip() for n in alt.split("+") if n.strip())
        for n in names:
            if n != "context" and n not in groups:
                raise RuleError(f"needs unknown group {n!r}", path=path, line=line)
        alternatives.append(names)
    return tuple(alternatives)


def _parse(data: Mapping[str, bytes], *, source: str) -> Rules:
    try:
        policy = json.loads(data["policy.json"].decode("utf-8"))
    except ValueError as err:
        raise RuleError(f"not valid JSON: {err}", path="policy.json") from None
    _check_policy(policy)
    labels = {t: set(policy["labels"][t]) | {"neutral"} for t in TOPICS}

    group_src: dict[str, str] = {}
    group_line: dict[str, int] = {}
    for line, row in _csv_rows("groups.csv", data["groups.csv"], ("group", "pattern", "note")):
        name = row["group"]
        if not re.fullmatch(r"[A-Z][A-Z0-9_]*", name) or name in group_src:
            raise RuleError(f"bad or repeated group name {name!r}", path="groups.csv", line=line)
        group_src[name] = row["pattern"]
        group_line[name] = line
    expanded = {name: _expand(p, group_src, path="groups.csv", line=group_line[name]) for name, p in group_src.items()}
    # GAP groups are macros for patterns (a gap of a few words), not word groups.
    groups = {
        name: _compile(p, path="groups.csv", line=group_line[name])
        for name, p in expanded.items()
        if not name.startswith("GAP")
    }

    rules: list[Rule] = []
    seen: set[str] = set()

    def base(name: str, line: int, row: Mapping[str, str], kind: str) -> dict[str, Any]:
        rid = row["rule_id"]
        if not _RULE_ID.match(rid):
            raise RuleError(f"bad rule id {rid!r}", path=name, line=line)
        if rid in seen:
            raise RuleError(f"repeated rule id {rid}", path=name, line=line)
        seen.add(rid)
        if kind not in _KINDS_BY_FILE[name]:
            raise RuleError(f"unknown kind {kind!r}", path=name, line=line)
        if not row["pattern"]:
            raise RuleError("empty pattern", path=name, line=line)
        pattern = _expand(row["pattern"], expanded, path=name, line=line)
        return {
            "rule_id": rid,
            "file": name,
            "line": line,
            "kind": kind,
            "pattern": row["pattern"],
            "note": row["note"],
            "regex": _compile(pattern, path=name, line=line),
        }

    topic_cols = ("rule_id", "topic", "needs", "blocked_by", "pattern", "note")
    for line, row in _csv_rows("topics.csv", data["topics.csv"], topic_cols):
        if row["topic"] not in TOPICS:
            raise RuleError(f"unknown topic {row['topic']!r}", path="topics.csv", line=line)
        blocked = tuple(b.strip() for b in row["blocked_by"].split(";") if b.strip())
        for b in blocked:
            if b not in groups:
                raise RuleError(f"blocked_by unknown group {b!r}", path="topics.csv", line=line)
        rules.append(
            Rule(
                **base("topics.csv", line, row, "topic"),
                topic=row["topic"],
                needs=_split_needs(row["needs"], groups, path="topics.csv", line=line),
                blocked_by=blocked,
            )
        )

    cue_cols = ("rule_id", "topic", "label", "negated", "halted", "scope", "pattern", "note")
    for name in ("stance_cues.csv", "conditions.csv"):
        for line, row in _csv_rows(name, data[name], cue_cols):
            topic = row["topic"]
            if topic not in TOPICS:
                raise RuleError(f"unknown topic {topic!r}", path=name, line=line)
            for col in ("label", "negated", "halted"):
                value = row[col]
                if value and value != "=" and value not in labels[topic]:
                    raise RuleError(f"{col} {value!r} is not a {topic} label", path=name, line=line)
                if col == "label" and value == "=":
                    raise RuleError("label cannot be '='", path=name, line=line)
            if not (row["label"] or row["negated"] or row["halted"]):
                raise RuleError("a cue needs a label, a negated or a halted label", path=name, line=line)
            if row["scope"] not in _SCOPES:
                raise RuleError(
                    f"scope must be one of {', '.join(_SCOPES)}, not {row['scope']!r}", path=name, line=line
                )
            rules.append(
                Rule(
                    **base(name, line, row, "cue"),
                    topic=topic,
                    label=row["label"],
                    negated=row["negated"],
                    halted=row["halted"],
                    scope=row["scope"],
                )
            )

    for name in ("negators.csv", "anaphors.csv", "reporting.csv"):
        for line, row in _csv_rows(name, data[name], ("rule_id", "kind", "pattern", "note")):
            rules.append(Rule(**base(name, line, row, row["kind"])))

    for rid in (
        policy["question"]["rule_id"],
        policy["context"]["same_turn_rule_id"],
        policy["context"]["earlier_turn_rule_id"],
        *(policy["precedence"][t]["rule_id"] for t in TOPICS),
        *(policy["precedence"][t]["decisive"]["rule_id"] for t in TOPICS if "decisive" in policy["precedence"][t]),
    ):
        if rid in seen:
            raise RuleError(f"rule id {rid} is used by a rule file too", path="policy.json")
        seen.add(rid)

    index: tuple[dict[str, list[int]], ...] = tuple({} for _ in _STAGES)
    always: tuple[list[tuple[int, frozenset[str] | None]], ...] = tuple([] for _ in _STAGES)
    heads_of: list[frozenset[str] | None] = []
    for i, rule in enumerate(rules):
        stage = _STAGE_OF_KIND.get(rule.kind, 2)
        heads = _heads(rule.regex)
        heads_of.append(heads)
        if heads is None:
            always[stage].append((i, _heads(rule.regex, inside=True)))
            continue
        for h in heads:
            index[stage].setdefault(h, []).append(i)

    group_heads = {name: _heads(rx) for name, rx in groups.items()}
    stage_keys = [set(ix) for ix in index]
    return Rules(
        version=_version(data),
        source=source,
        policy=MappingProxyType(policy),
        rules=tuple(rules),
        groups=MappingProxyType(groups),
        _index=tuple({k: tuple(v) for k, v in ix.items()} for ix in index),
        _always=tuple(tuple(a) for a in always),
        _start_only=frozenset(i for i, r in enumerate(rules) if r.kind in ("pronoun_start", "connective_start")),
        _group_heads=MappingProxyType(group_heads),
        _keys=tuple(frozenset(k) for k in stage_keys),
        _prefilter=_prefilters(rules),
        _heads_of=tuple(heads_of),
        _hard_stop=_punct_regex(policy["punctuation"]["hard_stop"], dash=True),
        _soft_stop=_punct_regex(policy["punctuation"]["soft_stop"], dash=False),
        _by_id=MappingProxyType({r.rule_id: r for r in rules}),
        second_opinion=_second_opinion_model(policy, data),
    )


def _prefilters(rules: Sequence[Rule]) -> tuple[PatternSet | None, ...]:
    """An RE2 prefilter per stage, where RE2 is installed (see :mod:`corpus_lib.pipeline.prefilter`)."""
    if not prefilter.AVAILABLE:
        return tuple(None for _ in _STAGES)
    return tuple(
        PatternSet([(i, r.regex) for i, r in enumerate(rules) if _STAGE_OF_KIND.get(r.kind, 2) == stage])
        for stage in _STAGES
    )


def _second_opinion_model(policy: Mapping[str, Any], data: Mapping[str, bytes]):
    if "second_opinion" not in policy:
        return None
    if MODEL_FILE not in data:
        raise RuleError("policy.json has a second_opinion section but the model file is missing", path=MODEL_FILE)
    from corpus_lib.coding.model import Model

    try:
        return Model.from_json(data[MODEL_FILE].decode("utf-8"))
    except (ValueError, KeyError, TypeError) as err:
        raise RuleError(f"not a model file: {err}", path=MODEL_FILE) from None


def _punct_regex(chars: str, *, dash: bool) -> re.Pattern[str]:
    """Any of ``chars``, or (``dash``) a hyphen standing between spaces."""
    alts = [f"[{re.escape(chars)}]"] if chars else []
    if dash:
        alts.append(r"(?<=\s)-(?=\s)")
    return re.compile("|".join(alts) or r"(?!x)x")


_POLICY_KEYS = {
    "labels": (),
    "scores": (),
    "precedence": (),
    "question": ("rule_id",),
    "context": ("turns_back", "span_interviewer_run", "same_turn_rule_id", "earlier_turn_rule_id"),
    "anaphora": ("lookback",),
    "windows": ("negation", "wide", "halt", "post_halt", "deny", "near"),
    "punctuation": ("hard_stop", "soft_stop"),
    "confidence": (
        "topic",
        "question",
        "no_cue",
        "one_cue",
        "per_extra_cue",
        "max_cue",
        "negated_factor",
        "conflict",
    ),
}


def _check_policy(policy: Mapping[str, Any]) -> None:
    for key, inner in _POLICY_KEYS.items():
        if not isinstance(policy.get(key), dict):
            raise RuleError(f"missing section {key!r}", path="policy.json")
        for sub in inner:
            if sub not in policy[key]:
                raise RuleError(f"missing {key}.{sub}", path="policy.json")
    if tuple(policy.get("topics", ())) != TOPICS:
        raise RuleError(f"topics must be {list(TOPICS)}", path="policy.json")
    for kind in ("explicit", "context", "anaphora", "connective"):
        if kind not in policy["confidence"]["topic"]:
            raise RuleError(f"missing confidence.topic.{kind}", path="policy.json")
    ids = [
        policy["question"]["rule_id"],
        policy["context"]["same_turn_rule_id"],
        policy["context"]["earlier_turn_rule_id"],
    ]
    for topic in TOPICS:
        allowed = set(policy["labels"].get(topic, ()))
        if not allowed or not allowed <= set(STANCES) - {"neutral"}:
            raise RuleError(f"bad labels for {topic}: {sorted(allowed)}", path="policy.json")
        prec = policy["precedence"].get(topic, {})
        order = prec.get("order", [])
        if set(order) - {"neutral"} != allowed or len(order) != len(set(order)):
            raise RuleError(f"precedence.{topic}.order must list each of its labels once", path="policy.json")
        ids.append(prec.get("rule_id", ""))
        decisive = prec.get("decisive")
        if decisive is not None:
            cues = decisive.get("cues") if isinstance(decisive, dict) else None
            if not isinstance(cues, list) or not all(isinstance(x, str) for x in cues):
                raise RuleError(f"precedence.{topic}.decisive needs a rule_id and a list of cues", path="policy.json")
            ids.append(decisive.get("rule_id", ""))
        for label in allowed:
            if label not in policy["scores"]:
                raise RuleError(f"no score for {label}", path="policy.json")
    second = policy.get("second_opinion")
    if second is not None:
        threshold = second.get("stance_threshold") if isinstance(second, dict) else None
        if not isinstance(threshold, (int, float)) or not 0.5 <= threshold <= 1:
            raise RuleError("second_opinion needs a rule_id, a stance_threshold in [0.5, 1] and cues", path="policy.json")
        if not isinstance(second.get("cues"), int) or second["cues"] < 0:
            raise RuleError("second_opinion.cues must be a count of words", path="policy.json")
        ids.append(second.get("rule_id", ""))
    for rid in ids:
        if not isinstance(rid, str) or not _RULE_ID.match(rid):
            raise RuleError(f"bad rule id {rid!r}", path="policy.json")


def load_rules(source: str | Path | None = None) -> Rules:
    """Read and compile the coder's rule files.

    Args:
        source: A folder holding the rule files (see ``RULE_FILES``); by default the
            files packaged in ``corpus_lib/data/coder``, read with ``importlib.resources``
            and cached.

    Returns:
        The compiled :class:`Rules`.

    Raises:
        RuleError: A file is missing or a rule is malformed (names file and line).

    Example:
        >>> rules = load_rules()
        >>> rules.rule("RU-ADV-001").topic, rules.version.startswith(CODER_RELEASE)
        ('russia', True)
    """
    if source is None:
        return _default_rules()
    return _parse(_read_bytes(source), source=str(source))


@lru_cache(maxsize=1)
def _default_rules() -> Rules:
    _, where = _rules_root(None)
    return _parse(_read_bytes(None), source=where)


# ---------------------------------------------------------------------------
# Per-sentence analysis


def _cue_text(text: str) -> str:
    return " ".join(text.split()).replace(";", ",")


class _Sentence:
    """One sentence's matches and word groups, matched stage by stage when needed.

    Topic cues are matched at once; references (:meth:`references`) only where a topic
    could be carried over; cues, negators and reporting verbs (:meth:`full`) only where a
    stance is coded.
    """

    __slots__ = ("_done", "_groups", "_scope", "_words", "by_kind", "rules", "text")

    def __init__(self, text: str, rules: Rules):
        self.text = text
        self.rules = rules
        self._words: _Words | None = None
        self.by_kind: dict[str, list[tuple[Rule, int, int]]] = {}
        self._done: set[int] = set()
        self._groups: dict[str, bool] = {}
        self._scope: _Scope | None = None
        self._stage(0)

    def _stage(self, stage: int) -> _Sentence:
        if stage not in self._done:
            self._done.add(stage)
            rules = self.rules
            by_kind = self.by_kind
            for i, s, e in sorted(rules._match(self.text, stage, self._get_words)):
                r = rules.rules[i]
                by_kind.setdefault(r.kind, []).append((r, s, e))
        return self

    def _get_words(self) -> _Words:
        if self._words is None:
            self._words = _Words(self.text)
        return self._words

    def references(self) -> _Sentence:
        return self._stage(1)

    def full(self) -> _Sentence:
        return self._stage(2)

    def group(self, name: str) -> bool:
        """Whether the word group ``name`` occurs (tried only where its first words do)."""
        hit = self._groups.get(name)
        if hit is None:
            regex = self.rules.groups[name]
            heads = self.rules._group_heads[name]
            if heads is None:
                hit = regex.search(self.text) is not None
            else:
                words = self._get_words()
                text = self.text
                hit = any(  # whether, not where: the order the words are tried in is free
                    regex.match(text, start) is not None
                    for key in heads.intersection(words.keys)
                    for start in words.starts(key)
                )
            self._groups[name] = hit
        return hit

    def kind(self, kind: str) -> list[tuple[Rule, int, int]]:
        return self.by_kind.get(kind, [])

    @property
    def scope(self) -> _Scope:
        if self._scope is None:
            self._scope = _Scope(self.full())
        return self._scope


class _Scope:
    """Negators, stopping verbs and scope boundaries of a sentence.

    Distances are counted in words between two character offsets, and boundaries are
    looked up in the text between them, on demand: most sentences need a handful.
    """

    __slots__ = ("frames", "halts", "negators", "post_halts", "post_negators", "rules", "stops", "text", "voids")

    def __init__(self, sent: _Sentence):
        self.text = sent.text
        self.rules = sent.rules
        pseudo = [(s, e) for _, s, e in sent.kind("pseudo")]
        self.negators = sorted(
            (
                (r, s, e)
                for r, s, e in sent.kind("negator") + sent.kind("wide") + sent.kind("deny")
                if not any(ps <= s and e <= pe for ps, pe in pseudo)
            ),
            key=lambda x: (x[1], x[2]),
        )
        self.post_negators = sorted(
            ((r, s, e) for r, s, e in sent.kind("post_negator") if not any(ps <= s and e <= pe for ps, pe in pseudo)),
            key=lambda x: (x[1], x[2]),
        )
        self.halts = sorted(sent.kind("halt"), key=lambda x: (x[1], x[2]))
        self.post_halts = sorted(sent.kind("post_halt"), key=lambda x: (x[1], x[2]))
        # Open questions embedded in a statement ("it remains to be seen whether …") make
        # no claim: a cue in their scope is void.
        self.voids = sorted(sent.kind("void"), key=lambda x: (x[1], x[2]))
        self.frames = sent.kind("frame") + sent.kind("frame_raising") + sent.kind("deny")
        # Stop words and plain reporting verbs end a negator's scope.
        self.stops = sorted(s for _, s, _ in sent.kind("stop") + sent.kind("frame"))

    def words_between(self, a: int, b: int) -> int:
        """Number of words starting in ``[a, b)``."""
        return len(_WORD.findall(self.text, a, b)) if b > a else 0

    def stops_between(self, a: int, b: int, *, soft: bool) -> bool:
        """Whether a scope boundary lies in ``[a, b)`` (commas only count if ``soft``)."""
        if b <= a:
            return False
        i = bisect.bisect_left(self.stops, a)
        if i < len(self.stops) and self.stops[i] < b:
            return True
        if self.rules._hard_stop.search(self.text, a, b):
            return True
        return soft and self.rules._soft_stop.search(self.text, a, b) is not None


# "does not have, and does not seek, a role": a negated verb set off by commas in a
# coordination shares the object after the comma (right-node raising).
_COORD_BEFORE = re.compile(r",\s*(?:and|or|nor|but)\s+(?:\w+\s+){0,3}\Z", re.IGNORECASE)
_SHARED_OBJECT = re.compile(r"\s*\w+\s*,\s*(?:\w+\s+){0,2}\Z")


def _shared_object(scope: _Scope, s: int, e: int, start: int) -> bool:
    return (
        _SHARED_OBJECT.match(scope.text, e, start) is not None
        and _COORD_BEFORE.search(scope.text, 0, s) is not None
        and not scope.stops_between(e, start, soft=False)
    )


def _negation(scope: _Scope, start: int, end: int, windows: Mapping[str, int]):
    """The negator that reaches the span ``[start, end)``, or ``None``.

    A negator before the cue reaches it within its window unless a boundary lies between;
    failing that, a negating predicate after it (``post_negator``: "… is not going to
    happen", "… is out of the question") reaches back over the same window.
    """
    best = None
    for r, s, e in scope.negators:
        if s >= end:
            break
        if s >= start:  # inside the cue itself
            return (r, s, e)
        if e > start:
            continue
        wide = r.kind in ("wide", "deny")
        window = windows["deny"] if r.kind == "deny" else windows["wide"] if wide else windows["negation"]
        if scope.words_between(e, start) <= window and (
            not scope.stops_between(e, start, soft=not wide) or _shared_object(scope, s, e, start)
        ):
            best = (r, s, e)
    if best is not None:
        return best
    return _nearest_after(scope, scope.post_negators, end, windows["negation"])


def _nearest_before(scope: _Scope, marks, start: int, window: int):
    """The last of ``marks`` (sorted by offset) that ends before ``start`` within ``window``
    words, with no clause boundary (soft stops included) between; else ``None``."""
    best = None
    for r, s, e in marks:
        if e > start:
            break
        if scope.words_between(e, start) <= window and not scope.stops_between(e, start, soft=True):
            best = (r, s, e)
    return best


def _nearest_after(scope: _Scope, marks, end: int, window: int):
    """The first of ``marks`` (sorted by offset) that starts after ``end`` within ``window``
    words, with no clause boundary (soft stops included) between; else ``None``."""
    for r, s, e in marks:
        if s < end:
            continue
        if scope.words_between(end, s) <= window and not scope.stops_between(end, s, soft=True):
            return (r, s, e)
    return None


def _halting(scope: _Scope, start: int, end: int, windows: Mapping[str, int]):
    """The stopping verb that reaches ``[start, end)`` (before it, or a passive after it)."""
    before = _nearest_before(scope, scope.halts, start, windows["halt"])
    if before is not None:
        return before
    return _nearest_after(scope, scope.post_halts, end, windows["post_halt"])


def _voiding(scope: _Scope, start: int, windows: Mapping[str, int]):
    """The embedded open question ("whether", "it remains to be seen if") that reaches a
    cue at ``start``: within the negation window before it, inside its clause."""
    return _nearest_before(scope, scope.voids, start, windows["negation"])


def _polarity(rule: Rule, scope: _Scope, start: int, end: int, windows: Mapping[str, int]):
    """The cue's label in context, and the negator or stopping verb that set it.

    A negator changes the label as the cue's ``negated`` column says (``=``: it does
    not); a stopping verb ("suspended", "end") as its ``halted`` column says; a negated
    stopping verb ("did not suspend") cancels both. A cue inside an embedded open
    question ("whether …", kind ``void``) is void: ``("", the void rule)``.
    """
    if scope.voids:
        void = _voiding(scope, start, windows)
        if void is not None:
            return "", void
    neg = _negation(scope, start, end, windows)
    halt = _halting(scope, start, end, windows) if rule.halted not in ("", "=") else None
    if halt is not None and neg is not None and neg[2] <= halt[1] < start:
        return rule.label, None  # the negator negates the stopping verb
    if neg is not None:
        if rule.negated == "=":
            return rule.label, None  # negation-proof, or the cue holds the negation itself
        return rule.negated, neg
    if halt is not None:
        return rule.halted, halt
    return rule.label, None


@dataclass
class _Evidence:
    kind: str  # explicit | context | anaphora | connective
    ids: list[tuple[str, str]]
    anchors: list[tuple[int, int]]


def _topic_status(rule: Rule, sent: _Sentence) -> str | None:
    if rule.blocked_by and any(sent.group(g) for g in rule.blocked_by):
        return None
    if not rule.needs:
        return "explicit"
    contextual = False
    for alt in rule.needs:
        if all(sent.group(g) for g in alt if g != "context"):
            if "context" in alt:
                contextual = True
            else:
                return "explicit"
    return "context" if contextual else None


def _first_words(sent: _Sentence) -> set[int]:
    """Character offsets where a sentence 'opens': its first word, and the word after a
    leading connective."""
    m = _WORD.search(sent.text)
    if m is None:
        return set()
    opens = {m.start()}
    for _, s, e in sent.kind("connective_start"):
        if s == m.start():
            nxt = _WORD.search(sent.text, e)
            if nxt is not None:
                opens.add(nxt.start())
    return opens


def _anaphor(sent: _Sentence) -> tuple[Rule, str, str] | None:
    """The reference that links a sentence to the one before: (rule, cue, strength)."""
    opens = _first_words(sent)
    for r, s, e in sent.kind("pronoun_start"):
        if s in opens:
            return r, sent.text[s:e], "anaphora"
    refs = sent.kind("reference")
    if refs:
        r, s, e = min(refs, key=lambda x: (x[1], x[0].rule_id))
        return r, sent.text[s:e], "anaphora"
    for r, s, e in sent.kind("connective_start"):
        if s in opens:
            return r, sent.text[s:e], "connective"
    return None


# ---------------------------------------------------------------------------
# The coder


def _context_turns(turns: Sequence[Any], roles: Sequence[str], policy: Mapping[str, Any]) -> dict[Any, list[Any]]:
    """For each turn of a document, the earlier turns whose explicit topics it may use."""
    back = int(policy["context"]["turns_back"])
    span_run = bool(policy["context"]["span_interviewer_run"])
    out: dict[Any, list[Any]] = {}
    for p, t in enumerate(turns):
        lo = max(0, p - back)
        if span_run and roles[p] == "interviewee":
            # A question may span several interviewer turns: take the whole run.
            while 0 < lo < p and roles[lo] == "interviewer" and roles[lo - 1] == "interviewer":
                lo -= 1
        out[t] = list(turns[lo:p])[::-1]  # nearest first
    return out


def _resolve(topic: str, fired: list[tuple[str, Rule, str, tuple | None]], policy: Mapping[str, Any]):
    """Pick the label from the fired cues: (label, policy id or '', conflict labels)."""
    labels = []
    for label, *_ in fired:
        if label not in labels:
            labels.append(label)
    if not labels:
        return "neutral", "", ""
    if len(labels) == 1:
        return labels[0], "", ""
    prec = policy["precedence"][topic]
    decisive = prec.get("decisive")
    if decisive:
        for label, rule, *_ in fired:
            # A decisive cue in its plain reading ('nobody outside decides') settles the label.
            if rule.rule_id in decisive["cues"] and label == rule.label:
                others = [x for x in labels if x != label]
                return label, decisive["rule_id"], ">".join([label, *others])
    for label in prec["order"]:
        if label in labels:
            others = [x for x in prec["order"] if x in labels and x != label]
            return label, prec["rule_id"], ">".join([label, *others])
    return labels[0], "", ""  # pragma: no cover - policy checked at load


def _near(scope: _Scope, start: int, anchors: list[tuple[int, int]], window: int, *, after: bool) -> bool:
    """Whether a cue at ``start`` lies within ``window`` words of one of the topic's cues
    (``after``: of one that follows it, as its object)."""
    if not anchors:
        return True  # the topic came from a reference: the whole sentence is about it
    for a, _ in anchors:
        if after and a < start:
            continue
        lo, hi = (a, start) if a <= start else (start, a)
        if scope.words_between(lo, hi) <= window:
            return True
    return False


def _code_topic(
    topic: str,
    sent: _Sentence,
    evidence: _Evidence,
    is_question: bool,
    policy: Mapping[str, Any],
) -> tuple[str, float, list[tuple[str, str]], float]:
    conf = policy["confidence"]
    topic_conf = float(conf["topic"][evidence.kind])
    ids = list(evidence.ids)
    if is_question:
        ids.append((policy["question"]["rule_id"], "?"))
        return "neutral", float("nan"), ids, round(topic_conf * float(conf["question"]), 3)

    windows = policy["windows"]
    cues = [(r, s, e) for r, s, e in sent.full().kind("cue") if r.topic == topic]
    fired: list[tuple[str, Rule, str, tuple | None, int]] = []
    voided: list[tuple[Rule, int, int]] = []
    if cues:
        scope = sent.scope
        for r, s, e in cues:
            if r.scope != "sentence" and not _near(
                scope, s, evidence.anchors, windows["near"], after=r.scope == "after"
            ):
                continue
            label, via = _polarity(r, scope, s, e, windows)
            if label:
                fired.append((label, r, sent.text[s:e], via, s))
            elif via is not None and via[0].kind == "void" and via not in voided:
                voided.append(via)
    fired.sort(key=lambda x: (x[4], x[1].rule_id))
    label, pol_id, pol_cue = _resolve(topic, [f[:4] for f in fired], policy)

    spans = [(f[4], f[4] + len(f[2])) for f in fired]
    frames = [
        f
        for f in (sent.scope.frames if fired else [])
        if f[0].kind != "deny" and not any(a <= f[1] < b for a, b in spans)
    ]
    for r, s, e in sorted(frames, key=lambda x: x[1])[:1]:
        ids.append((r.rule_id, sent.text[s:e]))
    for r, s, e in voided:  # an open question voided a cue: say which
        ids.append((r.rule_id, sent.text[s:e]))
    for _label, r, cue, via, _ in fired:
        if via is not None:
            ids.append((via[0].rule_id, sent.text[via[1] : via[2]]))
        ids.append((r.rule_id, cue))
    if pol_id:
        ids.append((pol_id, pol_cue))

    if label == "neutral" or not fired:
        stance_conf = float(conf["no_cue"]) if not fired else float(conf["one_cue"])
    elif pol_id:
        stance_conf = float(conf["conflict"])
    else:
        n = sum(1 for f in fired if f[0] == label)
        stance_conf = min(float(conf["max_cue"]), float(conf["one_cue"]) + float(conf["per_extra_cue"]) * (n - 1))
        if all(f[3] is not None for f in fired if f[0] == label):
            stance_conf *= float(conf["negated_factor"])
    score = float(policy["scores"][label]) if label != "neutral" else float("nan")
    return label, score, ids, round(topic_conf * stance_conf, 3)


_HOLDER_SET = frozenset(HOLDERS)


def _strings(values: list[Any]) -> list[str]:
    """The values as strings, a missing value as ``""``."""
    return [v if isinstance(v, str) else "" if v is None or v != v else str(v) for v in values]


def _flag(value: Any) -> bool:
    """A boolean cell as ``bool``; a missing one is ``False``."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return False
    return bool(value)


def _count(values: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return counts


def tag_stances(statements: pd.DataFrame, *, rules: Rules | None = None, second_opinion: bool = True) -> pd.DataFrame:
    """Code the stance of each statement on each topic it touches.

    Args:
        statements: The ``statements`` table (see ``docs/data_dictionary.md``); it needs
            ``statement_id``, ``doc_id``, ``seq``, ``turn``, ``holder``, ``is_question``,
            ``text``, ``date`` and ``event_date``, and uses ``speaker_role`` when present.
            It is not modified.
        rules: A rule set from :func:`load_rules`; the packaged rules by default.
        second_opinion: Let the learned model give a stance where the rules found a topic
            but no stance evidence (rule id ``LRN-001``; policy ``second_opinion``).
            ``False`` gives the rules' codes alone.

    Returns:
        The ``stances`` table: one row per (statement, topic), columns
        ``STANCE_COLUMNS``, sorted by ``statement_id`` then topic (karabakh, russia,
        membership).

    Raises:
        ValueError: A required column is missing, an id repeats, or a holder is not
            one of ``HOLDERS``.

    Example:
        >>> st = pd.DataFrame({
        ...     "statement_id": ["d.0001"], "doc_id": ["d"], "seq": [1], "turn": [1],
        ...     "holder": ["NATO"], "is_question": [False],
        ...     "text": ["We condemn the Kremlin's aggression."],
        ...     "date": pd.to_datetime(["2015-01-01"]), "event_date": [""]})
        >>> row = tag_stances(st).iloc[0]
        >>> row.topic, row.stance, float(row.score)
        ('russia', 'adversarial', -1.0)
        >>> row.rule_ids.split(";")[0], "RU-ADV-006" in row.rule_ids
        ('TOP-RU-001', True)
    """
    rules = load_rules() if rules is None else rules
    check_frame(statements, "statements", REQUIRED_COLUMNS)
    # The coder allocates some ten containers per sentence and keeps them to the end of
    # the call; CPython's cyclic collector would walk them again and again (measured: 45%
    # of the coding time on 1,000 synthetic documents). Nothing here forms a reference
    # cycle, so the collector is paused for the call and restored as it was.
    with _gc_paused():
        return _tag(statements, rules, second_opinion=second_opinion)


@contextlib.contextmanager
def _gc_paused():
    """Pause the cyclic garbage collector for a block; restore it as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _tag(statements: pd.DataFrame, rules: Rules, *, second_opinion: bool) -> pd.DataFrame:
    policy = rules.policy
    n = len(statements)
    sid = _strings(statements["statement_id"].tolist())
    doc = _strings(statements["doc_id"].tolist())
    if len(set(sid)) != n:
        dup = next(x for x, k in _count(sid).items() if k > 1)
        raise ValueError(f"statement_id is not unique: {dup!r}")
    seq = statements["seq"].tolist()
    turn = statements["turn"].tolist()
    texts = _strings(statements["text"].tolist())
    questions = [_flag(x) for x in statements["is_question"].tolist()]
    holders = statements["holder"].tolist()
    for i, h in enumerate(holders):
        if h not in _HOLDER_SET and isinstance(h, str):
            raise ValueError(f"statement {sid[i]}: holder {h!r} is not one of {', '.join(HOLDERS)}")
    roles = _strings(statements["speaker_role"].tolist()) if "speaker_role" in statements.columns else [""] * n

    order = sorted(range(n), key=lambda i: (doc[i], seq[i], sid[i]))

    # Pass 1: explicit topics, and contextual ones pending their context.
    sents: list[_Sentence | None] = [None] * n
    explicit: list[dict[str, _Evidence]] = [{} for _ in range(n)]
    pending: list[dict[str, _Evidence]] = [{} for _ in range(n)]
    for i in order:
        sent = sents[i] = _Sentence(texts[i], rules)
        for r, s, e in sent.kind("topic"):
            status = _topic_status(r, sent)
            if status is None:
                continue
            target = explicit[i] if status == "explicit" else pending[i]
            ev = target.setdefault(r.topic, _Evidence(status, [], []))
            if all(rid != r.rule_id for rid, _ in ev.ids):
                ev.ids.append((r.rule_id, _cue_text(sent.text[s:e])))
            ev.anchors.append((s, e))

    # Pass 2: context. A contextual cue counts where its topic is named explicitly in
    # the same turn or in the turn(s) before.
    by_doc: dict[str, list[int]] = {}
    for i in order:
        by_doc.setdefault(doc[i], []).append(i)
    topics: list[dict[str, _Evidence]] = [dict(explicit[i]) for i in range(n)]
    ctx = policy["context"]
    for members in by_doc.values():
        turn_order: list[Any] = []
        turn_role: list[str] = []
        anchor: dict[Any, dict[str, str]] = {}
        for i in members:
            t = turn[i]
            if t not in anchor:
                anchor[t] = {}
                turn_order.append(t)
                turn_role.append(str(roles[i]))
            for topic, ev in explicit[i].items():
                anchor[t].setdefault(topic, ev.ids[0][1])
        earlier = _context_turns(turn_order, turn_role, policy)
        for i in members:
            for topic, ev in pending[i].items():
                if topic in topics[i]:
                    topics[i][topic].ids.extend(x for x in ev.ids if x not in topics[i][topic].ids)
                    topics[i][topic].anchors.extend(ev.anchors)
                    continue
                t = turn[i]
                if topic in anchor[t]:
                    link = (ctx["same_turn_rule_id"], anchor[t][topic])
                else:
                    link = next(
                        ((ctx["earlier_turn_rule_id"], anchor[u][topic]) for u in earlier[t] if topic in anchor[u]),
                        None,
                    )
                if link is None:
                    continue
                topics[i][topic] = _Evidence("context", [*ev.ids, link], list(ev.anchors))

    # Pass 3: references carry the previous statement's topics within a turn.
    lookback = int(policy["anaphora"]["lookback"])
    # Only these kinds of link may pass on a topic that was itself carried over: a bare
    # pronoun or connective after a carried sentence refers to what that sentence says,
    # not to the topic two sentences back.
    chain_kinds = set(policy["anaphora"].get("chain_kinds", _ANAPHOR_KINDS))
    carried: set[int] = set()
    for members in by_doc.values():
        for k, i in enumerate(members):
            if topics[i]:
                continue
            sent = sents[i]
            assert sent is not None
            prev = None
            for j in reversed(members[max(0, k - lookback) : k]):
                if turn[j] != turn[i]:
                    break
                if topics[j]:
                    prev = j
                    break
            if prev is None:
                continue
            link = _anaphor(sent.references())
            if link is None:
                continue
            rule, cue, strength = link
            if prev in carried and rule.kind not in chain_kinds:
                continue
            carried.add(i)
            for topic in TOPICS:
                if topic in topics[prev]:
                    topics[i][topic] = _Evidence(strength, [(rule.rule_id, _cue_text(cue))], [])

    # Pass 4: stances.
    # (statement, topic number, label, score, ids, confidence, no stance evidence at all)
    coded: list[tuple[int, int, str, float, list[tuple[str, str]], float, bool]] = []
    for i in order:
        if not topics[i]:
            continue
        sent = sents[i]
        assert sent is not None
        for t_no, topic in enumerate(TOPICS):
            ev = topics[i].get(topic)
            if ev is None:
                continue
            label, score, ids, confidence = _code_topic(topic, sent, ev, questions[i], policy)
            # _code_topic only adds ids for stance evidence (cues, negators, voids, policy)
            coded.append((i, t_no, label, score, ids, confidence, len(ids) == len(ev.ids)))

    # Pass 5: the learned second opinion, where the rules found a topic but no stance.
    if second_opinion and rules.second_opinion is not None and "second_opinion" in policy:
        coded = _second_opinion(coded, rules.second_opinion, policy, texts=texts, holders=holders,
                                questions=questions, previous=_previous_in_turn(order, doc, turn))

    rows = [
        (sid[i], t_no, i, label, score, ";".join(rid for rid, _ in ids), ";".join(_cue_text(c) for _, c in ids), conf)
        for i, t_no, label, score, ids, conf, _ in coded
    ]
    rows.sort(key=lambda r: (r[0], r[1]))
    return _frame(statements, rows, sid=sid, doc=doc, holders=holders)


def _previous_in_turn(order: list[int], doc: list[str], turn: list[Any]) -> dict[int, int]:
    """Statement -> the statement before it in reading order, where both are in one turn."""
    previous: dict[int, int] = {}
    for a, b in itertools.pairwise(order):
        if doc[a] == doc[b] and turn[a] == turn[b]:
            previous[b] = a
    return previous


def _second_opinion(coded, model, policy, *, texts, holders, questions, previous):
    """Replace a rules' ``neutral`` by a confident learned stance (policy ``second_opinion``).

    Only codes the rules left ``neutral`` with no stance evidence on record (no cue gave a
    label, none was voided, no policy applied; a cue cancelled by a negation leaves no
    record) in a sentence that is not a question;
    the learned stance is taken when it is not ``neutral`` and its probability among the
    topic's labels reaches ``stance_threshold``. Its rule id and the words that weigh most
    for it are added to ``rule_ids`` and ``cues``; ``confidence`` is that probability.
    """
    second = policy["second_opinion"]
    asked = sorted({i for i, _, label, _, _, _, bare in coded if bare and label == "neutral" and not questions[i]})
    if not asked:
        return coded
    context = [texts[previous[i]] if i in previous else "" for i in asked]
    holder_of = [h if isinstance(h, str) else "other" for h in (holders[i] for i in asked)]
    pred = model.predict([texts[i] for i in asked], holder_of, [False] * len(asked), context)
    row_of = {i: k for k, i in enumerate(asked)}
    by_key = {(asked[r], t): (st, p) for r, t, st, p in zip(
        pred["row"].tolist(), pred["topic"].tolist(), pred["stance"].tolist(), pred["stance_probability"].tolist())}
    threshold = float(second["stance_threshold"])
    out = []
    for i, t_no, label, score, ids, conf, bare in coded:
        if bare and label == "neutral" and i in row_of:
            topic = TOPICS[t_no]
            stance, p = by_key[i, topic]
            if stance != "neutral" and p >= threshold:
                k = row_of[i]
                words = model.stance_cues(texts[i], topic, stance, holder=holder_of[k], context=context[k],
                                          top=int(second["cues"]))
                ids = [*ids, (second["rule_id"], ", ".join(words))]
                label, score, conf = stance, float(policy["scores"][stance]), round(float(p), 3)
        out.append((i, t_no, label, score, ids, conf, bare))
    return out


_HOLDER_DTYPE = pd.CategoricalDtype(list(HOLDERS))
_TOPIC_DTYPE = pd.CategoricalDtype(list(TOPICS))
_STANCE_DTYPE = pd.CategoricalDtype(list(STANCES))
_HOLDER_CODE = {h: k for k, h in enumerate(HOLDERS)}
_STANCE_CODE = {x: k for k, x in enumerate(STANCES)}


def _frame(
    statements: pd.DataFrame,
    rows: list[tuple],
    *,
    sid: list[str],
    doc: list[str],
    holders: list[Any],
) -> pd.DataFrame:
    """Build the ``stances`` frame once, from plain lists, arrays and category codes."""
    pos = [r[2] for r in rows]
    date_col = statements["date"]
    if not pd.api.types.is_datetime64_any_dtype(date_col):
        date_col = pd.to_datetime(date_col)
    events = _strings(statements["event_date"].tolist())

    def codes(values: list[int]) -> np.ndarray:
        return np.asarray(values, dtype=np.int8)

    columns = {
        "statement_id": pd.array([sid[i] for i in pos], dtype="str"),
        "doc_id": pd.array([doc[i] for i in pos], dtype="str"),
        "date": date_col.array.take(pos),
        "event_date": pd.array([events[i] for i in pos], dtype="str"),
        "holder": pd.Categorical.from_codes(
            codes([_HOLDER_CODE.get(holders[i], -1) for i in pos]), dtype=_HOLDER_DTYPE
        ),
        "topic": pd.Categorical.from_codes(codes([r[1] for r in rows]), dtype=_TOPIC_DTYPE),
        "stance": pd.Categorical.from_codes(codes([_STANCE_CODE[r[3]] for r in rows]), dtype=_STANCE_DTYPE),
        "score": np.asarray([r[4] for r in rows], dtype=np.float64),
        "rule_ids": pd.array([r[5] for r in rows], dtype="str"),
        "cues": pd.array([r[6] for r in rows], dtype="str"),
        "confidence": np.asarray([r[7] for r in rows], dtype=np.float64),
    }
    return pd.DataFrame(columns, columns=list(STANCE_COLUMNS), copy=False)


def _coder_version() -> str:
    return _version(_read_bytes(None))


CODER_VERSION: str = _coder_version()
"""Hash of the packaged rule files' bytes plus the coder release: a cache key."""
