"""The coder's rule set: reading, validating and compiling the rule files, and matching a text.

Every rule lives in a data file under ``corpus_lib/data/coder/`` (``RULE_FILES``) with a
stable id; :func:`load_rules` reads them, checks them (a bad file stops with a
:class:`RuleError` naming the file and line) and compiles each pattern once into a
:class:`Rules`. ``policy.json`` holds the coder's parameters and its conflict-resolution
policy; the labels of each topic and their scores are the closed vocabularies of
:mod:`corpus_lib.vocab`, not repeated there. ``Rules.version`` (and ``CODER_VERSION`` for
the packaged files) hashes the files' bytes with the coder release, so that caches of
coded stances can be keyed on it.

Rules are matched in stages, each only when needed: topic cues on every sentence,
references where a topic could be carried over, the rest where a stance is coded. In each
stage an RE2 set (:mod:`corpus_lib.pipeline.prefilter`) says which rules may match a
sentence, and each of them is tried where a word it can start with begins
(:mod:`corpus_lib.coding.words`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pandas as pd

from corpus_lib.coding.model import Model
from corpus_lib.coding.words import Words, first_words, start_limit
from corpus_lib.pipeline import prefilter
from corpus_lib.pipeline.prefilter import PatternSet
from corpus_lib.vocab import LABEL_SCORES, LABELS_BY_TOPIC, NEUTRAL, TOPICS

__all__ = [
    "ANAPHOR_KINDS",
    "CODER_RELEASE",
    "CODER_VERSION",
    "MODEL_FILE",
    "RULE_FILES",
    "STAGES",
    "Rule",
    "RuleError",
    "Rules",
    "load_rules",
]

CODER_RELEASE = "stances-1.29"
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

_SCOPES = ("sentence", "near", "after")
ANAPHOR_KINDS = ("pronoun_start", "reference", "connective_start", "answer_start")
_KINDS_BY_FILE = {
    "topics.csv": ("topic",),
    "stance_cues.csv": ("cue",),
    "conditions.csv": ("cue",),
    "negators.csv": ("negator", "wide", "post_negator", "halt", "post_halt", "pseudo", "stop", "void"),
    "anaphors.csv": ANAPHOR_KINDS,
    "reporting.csv": ("frame", "frame_raising", "deny"),
}

# The stages: 0 topic cues (every sentence), 1 references (where a topic could be carried
# over), 2 the scope rules: negators, stopping verbs, frames (where a topic's stance cues
# matched), and from 3 on the stance cues of each topic, in the order of ``TOPICS`` (where a
# stance on that topic is coded: a sentence's cues on other topics are never looked for).
SCOPE_STAGE = 2
CUE_STAGES = {topic: SCOPE_STAGE + 1 + k for k, topic in enumerate(TOPICS)}
STAGES = (0, 1, SCOPE_STAGE, *CUE_STAGES.values())
_STAGE_OF_KIND = {"topic": 0, "pronoun_start": 1, "reference": 1, "connective_start": 1, "answer_start": 1}


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

    Build it with :func:`load_rules`; pass it to ``tag_stances`` as ``rules=``.
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
    _stages: tuple[tuple[int, ...], ...] = field(repr=False, compare=False)
    """Per stage, the indexes of its rules."""
    _start_only: frozenset[int] = field(repr=False, compare=False)
    _group_heads: Mapping[str, frozenset[str] | None] = field(repr=False, compare=False)
    _prefilter: tuple[PatternSet | None, ...] = field(repr=False, compare=False)
    """Per stage, the RE2 prefilter of its rules (``None``: every rule of the stage is tried)."""
    _heads_of: tuple[frozenset[str] | None, ...] = field(repr=False, compare=False)
    _hard_stop: re.Pattern[str] = field(repr=False, compare=False)
    _soft_stop: re.Pattern[str] = field(repr=False, compare=False)
    _by_id: Mapping[str, Rule] = field(repr=False, compare=False)
    second_opinion: Model | None = field(default=None, repr=False, compare=False)
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
        says it may match, and there only where a word it can start with begins;
        ``use_index=False`` scans every rule over the whole text (same result, slower).

        Example:
            >>> rules = load_rules()
            >>> [rules.rules[i].rule_id for i, _, _ in rules.match("Moscow said no.")][:2]
            ['TOP-RU-001', 'NEG-001']
        """
        if not use_index:
            out: list[tuple[int, int, int]] = []
            limit = start_limit(text)
            for i, rule in enumerate(self.rules):
                for m in rule.regex.finditer(text):
                    if m.end() > m.start() and (i not in self._start_only or m.start() < limit):
                        out.append((i, m.start(), m.end()))
            return out
        words: list[Words] = []

        def get_words() -> Words:
            if not words:
                words.append(Words(text))
            return words[0]

        out = []
        for stage in STAGES:
            out += self.match_stage(text, stage, get_words)
        out.sort()
        return out

    def match_stage(self, text: str, stage: int, get_words: Callable[[], Words]) -> list[tuple[int, int, int]]:
        """The matches of one stage's rules in ``text``, in no set order.

        ``get_words`` gives the text's :class:`~corpus_lib.coding.words.Words`, built once
        by the caller and only when a rule needs them.
        """
        pset = self._prefilter[stage]
        candidates = [*pset.candidates(text), *pset.left_out] if pset is not None else self._stages[stage]
        return self._match_candidates(text, candidates, get_words)

    def _match_candidates(
        self, text: str, candidates: Sequence[int], get_words: Callable[[], Words]
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
            stop = start_limit(text) if i in start_only else len(text) + 1
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


# ---------------------------------------------------------------------------
# Reading the rule files


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
    """The release and a hash of the rule files, the model and the labels and scores they use."""
    digest = hashlib.sha256(repr((LABELS_BY_TOPIC, LABEL_SCORES)).encode("utf-8"))
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


def _read_groups(raw: bytes) -> tuple[dict[str, str], dict[str, re.Pattern[str]]]:
    """``groups.csv``: every group expanded (GAP macros included), and the word groups compiled."""
    group_src: dict[str, str] = {}
    group_line: dict[str, int] = {}
    for line, row in _csv_rows("groups.csv", raw, ("group", "pattern", "note")):
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
    return expanded, groups


@dataclass
class _RuleReader:
    """Reads the rows of the rule files into rules, checking ids, kinds and patterns."""

    expanded: Mapping[str, str]
    groups: Mapping[str, re.Pattern[str]]
    seen: set[str] = field(default_factory=set)
    rules: list[Rule] = field(default_factory=list)

    def base(self, name: str, line: int, row: Mapping[str, str], kind: str) -> dict[str, Any]:
        """The fields every rule has, checked and compiled."""
        rid = row["rule_id"]
        if not _RULE_ID.match(rid):
            raise RuleError(f"bad rule id {rid!r}", path=name, line=line)
        if rid in self.seen:
            raise RuleError(f"repeated rule id {rid}", path=name, line=line)
        self.seen.add(rid)
        if kind not in _KINDS_BY_FILE[name]:
            raise RuleError(f"unknown kind {kind!r}", path=name, line=line)
        if not row["pattern"]:
            raise RuleError("empty pattern", path=name, line=line)
        pattern = _expand(row["pattern"], self.expanded, path=name, line=line)
        return {
            "rule_id": rid,
            "file": name,
            "line": line,
            "kind": kind,
            "pattern": row["pattern"],
            "note": row["note"],
            "regex": _compile(pattern, path=name, line=line),
        }

    def topics(self, raw: bytes) -> None:
        name = "topics.csv"
        for line, row in _csv_rows(name, raw, ("rule_id", "topic", "needs", "blocked_by", "pattern", "note")):
            if row["topic"] not in TOPICS:
                raise RuleError(f"unknown topic {row['topic']!r}", path=name, line=line)
            blocked = tuple(b.strip() for b in row["blocked_by"].split(";") if b.strip())
            for b in blocked:
                if b not in self.groups:
                    raise RuleError(f"blocked_by unknown group {b!r}", path=name, line=line)
            self.rules.append(
                Rule(
                    **self.base(name, line, row, "topic"),
                    topic=row["topic"],
                    needs=_split_needs(row["needs"], self.groups, path=name, line=line),
                    blocked_by=blocked,
                )
            )

    def cues(self, name: str, raw: bytes) -> None:
        cue_cols = ("rule_id", "topic", "label", "negated", "halted", "scope", "pattern", "note")
        for line, row in _csv_rows(name, raw, cue_cols):
            topic = row["topic"]
            if topic not in TOPICS:
                raise RuleError(f"unknown topic {topic!r}", path=name, line=line)
            for col in ("label", "negated", "halted"):
                value = row[col]
                if value and value != "=" and value not in LABELS_BY_TOPIC[topic]:
                    raise RuleError(f"{col} {value!r} is not a {topic} label", path=name, line=line)
                if col == "label" and value == "=":
                    raise RuleError("label cannot be '='", path=name, line=line)
            if not (row["label"] or row["negated"] or row["halted"]):
                raise RuleError("a cue needs a label, a negated or a halted label", path=name, line=line)
            if row["scope"] not in _SCOPES:
                raise RuleError(
                    f"scope must be one of {', '.join(_SCOPES)}, not {row['scope']!r}", path=name, line=line
                )
            self.rules.append(
                Rule(
                    **self.base(name, line, row, "cue"),
                    topic=topic,
                    label=row["label"],
                    negated=row["negated"],
                    halted=row["halted"],
                    scope=row["scope"],
                )
            )

    def kinds(self, name: str, raw: bytes) -> None:
        for line, row in _csv_rows(name, raw, ("rule_id", "kind", "pattern", "note")):
            self.rules.append(Rule(**self.base(name, line, row, row["kind"])))

    def policy_ids(self, policy: Mapping[str, Any]) -> None:
        """The ids the policy gives its own decisions must not be a rule's."""
        for rid in (
            policy["question"]["rule_id"],
            policy["background"]["rule_id"],
            policy["self"]["rule_id"],
            policy["context"]["same_turn_rule_id"],
            policy["context"]["earlier_turn_rule_id"],
            *(policy["precedence"][t]["rule_id"] for t in TOPICS),
            *(policy["precedence"][t]["decisive"]["rule_id"] for t in TOPICS if "decisive" in policy["precedence"][t]),
            *([policy["concession"]["rule_id"]] if "concession" in policy else []),
            *([policy["learned_topic"]["rule_id"]] if "learned_topic" in policy else []),
        ):
            if rid in self.seen:
                raise RuleError(f"rule id {rid} is used by a rule file too", path="policy.json")
            self.seen.add(rid)


def _parse(data: Mapping[str, bytes], *, source: str) -> Rules:
    try:
        policy = json.loads(data["policy.json"].decode("utf-8"))
    except ValueError as err:
        raise RuleError(f"not valid JSON: {err}", path="policy.json") from None
    _check_policy(policy)
    expanded, groups = _read_groups(data["groups.csv"])
    reader = _RuleReader(expanded, groups)
    reader.topics(data["topics.csv"])
    for name in ("stance_cues.csv", "conditions.csv"):
        reader.cues(name, data[name])
    for name in ("negators.csv", "anaphors.csv", "reporting.csv"):
        reader.kinds(name, data[name])
    reader.policy_ids(policy)
    rules = reader.rules
    return Rules(
        version=_version(data),
        source=source,
        policy=MappingProxyType(policy),
        rules=tuple(rules),
        groups=MappingProxyType(groups),
        _stages=tuple(tuple(i for i, r in enumerate(rules) if _stage_of(r) == stage) for stage in STAGES),
        _start_only=frozenset(i for i, r in enumerate(rules) if r.kind in ("pronoun_start", "connective_start", "answer_start")),
        _group_heads=MappingProxyType({name: first_words(rx) for name, rx in groups.items()}),
        _prefilter=_prefilters(rules),
        _heads_of=tuple(first_words(rule.regex) for rule in rules),
        _hard_stop=_punct_regex(policy["punctuation"]["hard_stop"], dash=True),
        _soft_stop=_punct_regex(policy["punctuation"]["soft_stop"], dash=False),
        _by_id=MappingProxyType({r.rule_id: r for r in rules}),
        second_opinion=_second_opinion_model(policy, data),
    )


def _stage_of(rule: Rule) -> int:
    if rule.kind == "cue":
        return CUE_STAGES[rule.topic]
    return _STAGE_OF_KIND.get(rule.kind, SCOPE_STAGE)


def _prefilters(rules: Sequence[Rule]) -> tuple[PatternSet | None, ...]:
    """An RE2 prefilter per stage (see :mod:`corpus_lib.pipeline.prefilter`).

    ``google-re2`` is a dependency of the package; where it cannot be imported all the
    same, every rule of a stage is tried (the same matches, more slowly).
    """
    if not prefilter.AVAILABLE:
        return tuple(None for _ in STAGES)
    return tuple(PatternSet([(i, r.regex) for i, r in enumerate(rules) if _stage_of(r) == stage]) for stage in STAGES)


def _second_opinion_model(policy: Mapping[str, Any], data: Mapping[str, bytes]) -> Model | None:
    if "second_opinion" not in policy:
        return None
    if MODEL_FILE not in data:
        raise RuleError("policy.json has a second_opinion section but the model file is missing", path=MODEL_FILE)
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


# ---------------------------------------------------------------------------
# Checking policy.json

_POLICY_KEYS = {
    "precedence": (),
    "question": ("rule_id",),
    "background": ("rule_id", "holders", "roles", "opinion"),
    "self": ("rule_id", "topic", "holder", "labels"),
    "context": ("turns_back", "span_interviewer_run", "same_turn_rule_id", "earlier_turn_rule_id"),
    "anaphora": ("lookback",),
    "windows": ("negation", "determiner", "wide", "halt", "post_halt", "deny", "near"),
    "punctuation": ("hard_stop", "soft_stop"),
    "confidence": (
        "topic",
        "question",
        "background",
        "no_cue",
        "one_cue",
        "per_extra_cue",
        "max_cue",
        "negated_factor",
        "conflict",
    ),
}
# Sections that belong to corpus_lib.vocab: a policy that sets them would hold a second copy.
_VOCAB_SECTIONS = {"labels": "LABELS_BY_TOPIC", "scores": "LABEL_SCORES"}


def _check_policy(policy: Mapping[str, Any]) -> None:
    for key, inner in _POLICY_KEYS.items():
        if not isinstance(policy.get(key), dict):
            raise RuleError(f"missing section {key!r}", path="policy.json")
        for sub in inner:
            if sub not in policy[key]:
                raise RuleError(f"missing {key}.{sub}", path="policy.json")
    for key, name in _VOCAB_SECTIONS.items():
        if key in policy:
            raise RuleError(f"section {key!r} is not read: the coder uses corpus_lib.vocab.{name}", path="policy.json")
    if tuple(policy.get("topics", ())) != TOPICS:
        raise RuleError(f"topics must be {list(TOPICS)}", path="policy.json")
    for kind in ("explicit", "context", "anaphora", "connective"):
        if kind not in policy["confidence"]["topic"]:
            raise RuleError(f"missing confidence.topic.{kind}", path="policy.json")
    _check_pattern(policy["background"]["opinion"], "background.opinion")
    kept = policy["self"].get("kept_with", {})
    if not isinstance(kept, dict):
        raise RuleError("self.kept_with must map labels to patterns", path="policy.json")
    for label, pattern in kept.items():
        _check_pattern(pattern, f"self.kept_with.{label}")
    ids = [
        policy["question"]["rule_id"],
        policy["background"]["rule_id"],
        policy["self"]["rule_id"],
        policy["context"]["same_turn_rule_id"],
        policy["context"]["earlier_turn_rule_id"],
    ]
    for topic in TOPICS:
        ids += _check_precedence(topic, policy["precedence"].get(topic, {}))
    ids += _check_concession(policy.get("concession"))
    ids += _check_quotation(policy["anaphora"].get("quotation"))
    second = policy.get("second_opinion")
    if second is not None:
        threshold = second.get("stance_threshold") if isinstance(second, dict) else None
        if not isinstance(threshold, (int, float)) or not 0.5 <= threshold <= 1:
            raise RuleError("second_opinion needs a rule_id, a stance_threshold in [0.5, 1] and cues", path="policy.json")
        if not isinstance(second.get("cues"), int) or second["cues"] < 0:
            raise RuleError("second_opinion.cues must be a count of words", path="policy.json")
        ids.append(second.get("rule_id", ""))
    ids += _check_learned_topic(policy.get("learned_topic"), second)
    for rid in ids:
        if not isinstance(rid, str) or not _RULE_ID.match(rid):
            raise RuleError(f"bad rule id {rid!r}", path="policy.json")


def _check_concession(concession: Any) -> list[Any]:
    """Check the optional concession section; return the policy id it gives."""
    if concession is None:
        return []
    keep = concession.get("keep") if isinstance(concession, dict) else None
    if not isinstance(keep, list) or not all(isinstance(x, str) for x in keep):
        raise RuleError("concession needs a rule_id, a pattern and a list of labels to keep", path="policy.json")
    _check_pattern(concession.get("pattern", ""), "concession.pattern")
    return [concession.get("rule_id", "")]


def _check_quotation(quotation: Any) -> list[Any]:
    """Check the optional ``anaphora.quotation`` section; return the link id it gives."""
    if quotation is None:
        return []
    labels = quotation.get("labels") if isinstance(quotation, dict) else None
    roles = quotation.get("roles") if isinstance(quotation, dict) else None
    if not isinstance(roles, list) or not all(isinstance(x, str) for x in roles) or not isinstance(labels, dict):
        raise RuleError("anaphora.quotation needs a rule_id, a list of roles and labels by topic", path="policy.json")
    for topic, wanted in labels.items():
        if topic not in TOPICS or not isinstance(wanted, list) or not set(wanted) <= set(LABELS_BY_TOPIC[topic]):
            raise RuleError(f"anaphora.quotation.labels.{topic} must list labels of that topic", path="policy.json")
    return [quotation.get("rule_id", "")]


def _check_learned_topic(block: Any, second: Any) -> list[Any]:
    """Check the optional ``learned_topic`` section; return the id it gives. It uses the
    second opinion's model and stance threshold, so it needs that section too."""
    if block is None:
        return []
    limits = block.get("none_below") if isinstance(block, dict) else None
    if second is None or not isinstance(limits, dict) or not isinstance(block.get("cues"), int) or block["cues"] < 0:
        raise RuleError("learned_topic needs a second_opinion section, a rule_id, cues and none_below by topic",
                        path="policy.json")
    for topic, limit in limits.items():
        if topic not in TOPICS or not isinstance(limit, (int, float)) or not 0 <= limit < 1:
            raise RuleError(f"learned_topic.none_below.{topic} must be a topic's probability in [0, 1)",
                            path="policy.json")
    windows = block.get("passage", {})
    if not isinstance(windows, dict):
        raise RuleError("learned_topic.passage must map topics to counts of statements", path="policy.json")
    for topic, window in windows.items():
        if topic not in limits or not isinstance(window, int) or window < 0:
            raise RuleError(f"learned_topic.passage.{topic} must be a count of statements for a topic of none_below",
                            path="policy.json")
    return [block.get("rule_id", "")]


def _check_pattern(pattern: Any, where: str) -> None:
    """A pattern of policy.json must compile, so that a bad one is named at load, not met in coding."""
    try:
        re.compile(pattern)
    except (re.error, TypeError) as err:
        raise RuleError(f"{where} is not a regular expression: {err}", path="policy.json") from None


def _check_precedence(topic: str, prec: Mapping[str, Any]) -> list[Any]:
    """Check a topic's precedence section; return the policy ids it gives."""
    labels = set(LABELS_BY_TOPIC[topic]) - {NEUTRAL}
    order = prec.get("order", [])
    if set(order) - {NEUTRAL} != labels or len(order) != len(set(order)):
        raise RuleError(f"precedence.{topic}.order must list each of its labels once", path="policy.json")
    ids = [prec.get("rule_id", "")]
    decisive = prec.get("decisive")
    if decisive is not None:
        cues = decisive.get("cues") if isinstance(decisive, dict) else None
        if not isinstance(cues, list) or not all(isinstance(x, str) for x in cues):
            raise RuleError(f"precedence.{topic}.decisive needs a rule_id and a list of cues", path="policy.json")
        ids.append(decisive.get("rule_id", ""))
    return ids


# ---------------------------------------------------------------------------
# Loading


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


def _coder_version() -> str:
    return _version(_read_bytes(None))


CODER_VERSION: str = _coder_version()
"""Hash of the packaged rule files' bytes plus the coder release: a cache key."""
