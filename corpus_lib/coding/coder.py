"""Stance coding: the ``statements`` table in, the ``stances`` table out.

A transparent, rule-based coder for the three topics of the codebook (``karabakh``,
``russia``, ``membership``). Every rule lives in a data file under
``corpus_lib/data/coder/`` with a stable id (:mod:`corpus_lib.coding.rules`), and the ids
of the rules that fired travel into the output (``rule_ids``, with the words that fired
them in ``cues``), so each code can be traced back to the rule and the words behind it.
``docs/codebook.md`` is the readable account of the scheme, the rule files and the
conflict-resolution policy.

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
   report (``reporting.csv``). The sentence-level reading lives in
   :mod:`corpus_lib.coding.matching`.
5. When cues of several labels fire, the topic's precedence order in ``policy.json``
   decides, and its policy id is recorded.
6. Where the rules found a topic but no stance evidence, the learned second opinion
   (:mod:`corpus_lib.coding.model`) may give the stance when it is confident; where they
   found no cue of a topic, the same model may add the topic (learned topics, policy
   ``learned_topic``). Both live in :mod:`corpus_lib.coding.learned`.

The coder works on Python lists and builds the output frame once; regular expressions
are compiled once per :class:`~corpus_lib.coding.rules.Rules`. The cyclic garbage
collector is paused while coding (see :func:`tag_stances`).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from corpus_lib.coding import learned
from corpus_lib.coding.matching import Sentence, anaphor, answer, near, polarity, topic_status
from corpus_lib.coding.rules import (
    ANAPHOR_KINDS,
    CODER_VERSION,
    RULE_FILES,
    Rule,
    RuleError,
    Rules,
    load_rules,
)
from corpus_lib.errors import check_frame
from corpus_lib.vocab import HOLDERS, LABEL_SCORES, NEUTRAL, STANCES, TOPICS

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


def _cue_text(text: str) -> str:
    return " ".join(text.split()).replace(";", ",")


@dataclass
class _Evidence:
    kind: str  # explicit | context | anaphora | connective
    ids: list[tuple[str, str]]
    anchors: list[tuple[int, int]]


# (statement, topic number, label, score, ids, confidence, no stance evidence at all)
_Coded = tuple[int, int, str, float, list[tuple[str, str]], float, bool]


# ---------------------------------------------------------------------------
# The per-topic decision


def _context_turns(
    turns: Sequence[Any], roles: Sequence[str], voices: Sequence[str], policy: Mapping[str, Any]
) -> dict[Any, list[Any]]:
    """For each turn of a document, the earlier turns whose explicit topics it may use: the
    turn(s) before it, and, for a quoted speaker, every earlier paragraph of the same run of
    that speaker's words with the turn(s) before the run (wire copy gives each sentence of a
    speech its own paragraph)."""
    back = int(policy["context"]["turns_back"])
    span_run = bool(policy["context"]["span_interviewer_run"])
    out: dict[Any, list[Any]] = {}
    for p, t in enumerate(turns):
        start = p
        if roles[p] == "quoted":
            while start > 0 and roles[start - 1] == "quoted" and voices[start - 1] == voices[p]:
                start -= 1
        lo = max(0, start - back)
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
        return NEUTRAL, "", ""
    if len(labels) == 1:
        return labels[0], "", ""
    prec = policy["precedence"][topic]
    decisive = prec.get("decisive")
    if decisive:
        # A decisive cue in its plain reading ('nobody outside decides') settles the label; of
        # several, the one listed first in the policy ('unless Armenia decides it wants one'
        # over 'is not a path to membership').
        found = [(decisive["cues"].index(rule.rule_id), label) for label, rule, *_ in fired
                 if rule.rule_id in decisive["cues"] and label == rule.label]
        if found:
            label = min(found)[1]
            others = [x for x in labels if x != label]
            return label, decisive["rule_id"], ">".join([label, *others])
    for label in prec["order"]:
        if label in labels:
            others = [x for x in prec["order"] if x in labels and x != label]
            return label, prec["rule_id"], ">".join([label, *others])
    return labels[0], "", ""  # pragma: no cover - policy checked at load


def _fire_cues(topic: str, sent: Sentence, evidence: _Evidence, windows: Mapping[str, int]):
    """The topic's stance cues that give a label in this sentence, in reading order, as
    ``(label, rule, cue words, negator or stopping verb, start)``, and the embedded open
    questions that voided a cue."""
    cues = sent.cues(topic)
    fired: list[tuple[str, Rule, str, tuple | None, int]] = []
    voided: list[tuple[Rule, int, int]] = []
    if cues:
        scope = sent.scope
        for r, s, e in cues:
            if r.scope != "sentence" and not near(
                scope, s, evidence.anchors, windows["near"], after=r.scope == "after"
            ):
                continue
            label, via = polarity(r, scope, s, e, windows)
            if label:
                fired.append((label, r, sent.text[s:e], via, s))
            elif via is not None and via[0].kind == "void" and via not in voided:
                voided.append(via)
    fired.sort(key=lambda x: (x[4], x[1].rule_id))
    return fired, voided


def _main_clause(fired: list, text: str, concession: Mapping[str, Any] | None) -> tuple[list, str]:
    """The fired cues without those of a trailing concession ("…, although the two were not
    granted a plan"), where the main clause gives a label the concession contradicts: the main
    clause decides. Labels the policy keeps (a condition) stay wherever they stand. Returns the
    cues kept and the concession's opening words ('' when nothing was dropped)."""
    labels = {f[0] for f in fired}
    if concession is None or len(labels) < 2:
        return fired, ""
    found = _policy_pattern(concession["pattern"]).search(text)
    if found is None:
        return fired, ""
    main = [f for f in fired if f[4] < found.start()]
    kept = main + [f for f in fired if f[4] >= found.start() and f[0] in concession["keep"]]
    if not main or len(kept) == len(fired):
        return fired, ""
    return kept, found.group(0).strip(" ,")


def _stance_confidence(label: str, fired: list, pol_id: str, conf: Mapping[str, Any]) -> float:
    if label == NEUTRAL or not fired:
        return float(conf["no_cue"]) if not fired else float(conf["one_cue"])
    if pol_id:
        return float(conf["conflict"])
    n = sum(1 for f in fired if f[0] == label)
    stance_conf = min(float(conf["max_cue"]), float(conf["one_cue"]) + float(conf["per_extra_cue"]) * (n - 1))
    if all(f[3] is not None for f in fired if f[0] == label):
        stance_conf *= float(conf["negated_factor"])
    return stance_conf


def _code_topic(
    topic: str,
    sent: Sentence,
    evidence: _Evidence,
    is_question: bool,
    policy: Mapping[str, Any],
) -> tuple[str, float, list[tuple[str, str]], float]:
    conf = policy["confidence"]
    topic_conf = float(conf["topic"][evidence.kind])
    ids = list(evidence.ids)
    if is_question:
        ids.append((policy["question"]["rule_id"], "?"))
        return NEUTRAL, float("nan"), ids, round(topic_conf * float(conf["question"]), 3)

    fired, voided = _fire_cues(topic, sent, evidence, policy["windows"])
    fired, conceded = _main_clause(fired, sent.text, policy.get("concession"))
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
    if conceded:
        ids.append((policy["concession"]["rule_id"], conceded))
    if pol_id:
        ids.append((pol_id, pol_cue))

    stance_conf = _stance_confidence(label, fired, pol_id, conf)
    score = float(LABEL_SCORES[label]) if label != NEUTRAL else float("nan")
    return label, score, ids, round(topic_conf * stance_conf, 3)


def _code_topic_once(
    decided: dict[tuple, tuple[str, float, list[tuple[str, str]], float]],
    topic: str,
    sent: Sentence,
    evidence: _Evidence,
    is_question: bool,
    policy: Mapping[str, Any],
) -> tuple[str, float, list[tuple[str, str]], float]:
    """:func:`_code_topic`, decided once per key in ``decided``: the code depends only on the
    sentence's text (its matches), the topic, the evidence's kind, ids and anchors, whether
    the sentence asks and the policy (the same for the whole call), so statements that agree
    on all of these share it. The ids come back as a list of the caller's own."""
    key = (sent.text, topic, evidence.kind, tuple(evidence.ids), tuple(evidence.anchors), is_question)
    found = decided.get(key)
    if found is None:
        found = decided[key] = _code_topic(topic, sent, evidence, is_question, policy)
    label, score, ids, confidence = found
    return label, score, list(ids), confidence


# ---------------------------------------------------------------------------
# The coder


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
    # the call; CPython's cyclic collector would walk them again and again. Nothing here
    # forms a reference cycle, so the collector is paused for the call and restored as
    # it was.
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


@dataclass(frozen=True)
class _Input:
    """The statements' columns as plain lists, and their reading order."""

    sid: list[str]
    doc: list[str]
    seq: list[Any]
    turn: list[Any]
    texts: list[str]
    questions: list[bool]
    holders: list[Any]
    roles: list[str]
    voices: list[str]  # the speaker, where the table has one
    order: list[int]
    repeated: frozenset[str]  # the texts of more than one statement


def _read_input(statements: pd.DataFrame) -> _Input:
    n = len(statements)
    sid = _strings(statements["statement_id"].tolist())
    doc = _strings(statements["doc_id"].tolist())
    if len(set(sid)) != n:
        dup = next(x for x, k in _count(sid).items() if k > 1)
        raise ValueError(f"statement_id is not unique: {dup!r}")
    seq = statements["seq"].tolist()
    holders = statements["holder"].tolist()
    texts = _strings(statements["text"].tolist())
    for i, h in enumerate(holders):
        if h not in _HOLDER_SET and isinstance(h, str):
            raise ValueError(f"statement {sid[i]}: holder {h!r} is not one of {', '.join(HOLDERS)}")
    return _Input(
        sid=sid,
        doc=doc,
        seq=seq,
        turn=statements["turn"].tolist(),
        texts=texts,
        questions=[_flag(x) for x in statements["is_question"].tolist()],
        holders=holders,
        roles=_strings(statements["speaker_role"].tolist()) if "speaker_role" in statements.columns else [""] * n,
        voices=_strings(statements["speaker"].tolist()) if "speaker" in statements.columns else [""] * n,
        order=sorted(range(n), key=lambda i: (doc[i], seq[i], sid[i])),
        repeated=_repeated(texts),
    )


def _repeated(texts: list[str]) -> frozenset[str]:
    """The texts that occur more than once: only their readings and codes are worth keeping."""
    seen: set[str] = set()
    again = {t for t in texts if t in seen or seen.add(t)}
    return frozenset(again)


def _tag(statements: pd.DataFrame, rules: Rules, *, second_opinion: bool) -> pd.DataFrame:
    policy = rules.policy
    data = _read_input(statements)
    sents, explicit, pending = _find_topics(data, rules)
    by_doc: dict[str, list[int]] = {}
    for i in data.order:
        by_doc.setdefault(data.doc[i], []).append(i)
    topics = _add_context(data, by_doc, explicit, pending, policy)
    _carry_references(data, by_doc, topics, sents, policy)
    background = _backgrounds(data, policy)
    coded = _code_stances(data, topics, sents, background, policy)
    if second_opinion and rules.second_opinion is not None and "second_opinion" in policy:
        coded = _ask_model(coded, data, rules.second_opinion, background, policy)

    sid = data.sid
    rows = [
        (sid[i], t_no, i, label, score, ";".join(rid for rid, _ in ids), ";".join(_cue_text(c) for _, c in ids), conf)
        for i, t_no, label, score, ids, conf, _ in coded
    ]
    rows.sort(key=lambda r: (r[0], r[1]))
    return _frame(statements, rows, sid=sid, doc=data.doc, holders=data.holders)


def _find_topics(data: _Input, rules: Rules):
    """Pass 1: explicit topics, and contextual ones pending their context.

    A sentence's matches and the status of its topic cues depend on its text alone, so
    statements with the same text (``data.repeated``) share one :class:`Sentence` and one
    reading of its topic cues (:func:`_topic_cues`); each statement still gets evidence
    objects of its own, which the later passes extend. A text met once is not kept."""
    n = len(data.sid)
    sents: list[Sentence | None] = [None] * n
    explicit: list[dict[str, _Evidence]] = [{} for _ in range(n)]
    pending: list[dict[str, _Evidence]] = [{} for _ in range(n)]
    read: dict[str, tuple[Sentence, list[_TopicCue]]] = {}
    for i in data.order:
        text = data.texts[i]
        found = read.get(text) if text in data.repeated else None
        if found is None:
            sent = Sentence(text, rules)
            found = (sent, _topic_cues(sent))
            if text in data.repeated:
                read[text] = found
        sents[i], cues = found
        for status, topic, rule_id, cue, anchor in cues:
            target = explicit[i] if status == "explicit" else pending[i]
            ev = target.setdefault(topic, _Evidence(status, [], []))
            if all(rid != rule_id for rid, _ in ev.ids):
                ev.ids.append((rule_id, cue))
            ev.anchors.append(anchor)
    return sents, explicit, pending


# (status, topic, rule id, cue words, span) of one topic cue that fires in a sentence
_TopicCue = tuple[str, str, str, str, tuple[int, int]]


def _topic_cues(sent: Sentence) -> list[_TopicCue]:
    """The topic cues of a sentence that fire, in match order, with their status
    (``explicit`` or ``context``): blocked ones and those missing a needed group left out."""
    out: list[_TopicCue] = []
    for r, s, e in sent.kind("topic"):
        status = topic_status(r, sent)
        if status is not None:
            out.append((status, r.topic, r.rule_id, _cue_text(sent.text[s:e]), (s, e)))
    return out


def _add_context(
    data: _Input,
    by_doc: dict[str, list[int]],
    explicit: list[dict[str, _Evidence]],
    pending: list[dict[str, _Evidence]],
    policy: Mapping[str, Any],
) -> list[dict[str, _Evidence]]:
    """Pass 2: context. A contextual cue counts where its topic is named explicitly in
    the same turn or in the turn(s) before."""
    turn, roles = data.turn, data.roles
    topics: list[dict[str, _Evidence]] = [dict(explicit[i]) for i in range(len(explicit))]
    ctx = policy["context"]
    for members in by_doc.values():
        turn_order: list[Any] = []
        turn_role: list[str] = []
        turn_voice: list[str] = []
        anchor: dict[Any, dict[str, str]] = {}
        for i in members:
            t = turn[i]
            if t not in anchor:
                anchor[t] = {}
                turn_order.append(t)
                turn_role.append(str(roles[i]))
                turn_voice.append(data.voices[i])
            for topic, ev in explicit[i].items():
                anchor[t].setdefault(topic, ev.ids[0][1])
        earlier = _context_turns(turn_order, turn_role, turn_voice, policy)
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
    return topics


def _carry_references(
    data: _Input,
    by_doc: dict[str, list[int]],
    topics: list[dict[str, _Evidence]],
    sents: list[Sentence | None],
    policy: Mapping[str, Any],
) -> None:
    """Pass 3: references carry the previous statement's topics within a turn, and a reply
    ("Not at all.") those of the question it answers; failing both, a quoted speaker's next
    sentence may keep their topic (:func:`_continue_quotation`). In place."""
    lookback = int(policy["anaphora"]["lookback"])
    # Only these kinds of link may pass on a topic that was itself carried over: a bare
    # pronoun or connective after a carried sentence refers to what that sentence says,
    # not to the topic two sentences back.
    chain_kinds = set(policy["anaphora"].get("chain_kinds", ANAPHOR_KINDS))
    carried: set[int] = set()
    for members in by_doc.values():
        for k, i in enumerate(members):
            if topics[i]:
                continue
            sent = sents[i]
            assert sent is not None
            prev = _answered(data, members, k, topics)
            link = answer(sent.references()) if prev is not None else None
            if link is None:
                prev = _topic_before_in_turn(data, members, k, topics, lookback)
                link = anaphor(sent.references()) if prev is not None else None
            if link is None:
                # the speaker goes on: a sentence reached this way passes its topic on like one that names it
                _continue_quotation(data, members, k, topics, sent, policy)
                continue
            rule, cue, strength = link
            if prev in carried and rule.kind not in chain_kinds:
                continue
            carried.add(i)
            for topic in TOPICS:
                if topic in topics[prev]:
                    topics[i][topic] = _Evidence(strength, [(rule.rule_id, _cue_text(cue))], [])


def _continue_quotation(data: _Input, members: list[int], k: int, topics, sent: Sentence, policy: Mapping[str, Any]) -> None:
    """A quoted speaker's sentence right after one of theirs with a topic keeps talking about
    that topic when one of its stance cues gives a label the link trusts (policy
    ``anaphora.quotation``): "There can be no military solution." after the speaker's
    sentence on Karabakh. Only cues that need no topic words nearby count; the label comes
    later, from the same cues. In place."""
    rule = policy["anaphora"].get("quotation")
    if not rule or k == 0:
        return
    i, j = members[k], members[k - 1]
    roles = rule["roles"]
    if not data.voices[i] or data.voices[i] != data.voices[j] or data.roles[i] not in roles or data.roles[j] not in roles:
        return
    for topic, labels in rule["labels"].items():
        if topic in topics[j]:
            fired, _ = _fire_cues(topic, sent, _Evidence("anaphora", [], []), policy["windows"])
            hit = next((f for f in fired if f[0] in labels), None)
            if hit is not None:
                topics[i][topic] = _Evidence("anaphora", [(rule["rule_id"], _cue_text(hit[2]))], [])


def _topic_before_in_turn(data: _Input, members: list[int], k: int, topics, lookback: int) -> int | None:
    """The latest statement with a topic before ``members[k]`` within its turn and lookback."""
    i = members[k]
    for j in reversed(members[max(0, k - lookback) : k]):
        if data.turn[j] != data.turn[i]:
            return None
        if topics[j]:
            return j
    return None


def _answered(data: _Input, members: list[int], k: int, topics) -> int | None:
    """The question ``members[k]`` answers: the statement right before it, a question with a
    topic in the turn before, when ``members[k]`` opens its own turn and asks nothing."""
    if k == 0:
        return None
    i, j = members[k], members[k - 1]
    if data.turn[j] == data.turn[i] or not data.questions[j] or data.questions[i] or not topics[j]:
        return None
    return j


def _code_stances(
    data: _Input,
    topics: list[dict[str, _Evidence]],
    sents: list[Sentence | None],
    background: list[bool],
    policy: Mapping[str, Any],
) -> list[_Coded]:
    """Pass 4: the stance of every (statement, topic) found, in reading order."""
    decided: dict[tuple, tuple[str, float, list[tuple[str, str]], float]] = {}
    coded: list[_Coded] = []
    for i in data.order:
        if not topics[i]:
            continue
        sent = sents[i]
        assert sent is not None
        for t_no, topic in enumerate(TOPICS):
            ev = topics[i].get(topic)
            if ev is None:
                continue
            if background[i]:
                label, score, ids, confidence = _background(ev, policy)
            else:
                if sent.text in data.repeated:  # a text met again shares one coding
                    label, score, ids, confidence = _code_topic_once(decided, topic, sent, ev, data.questions[i], policy)
                else:
                    label, score, ids, confidence = _code_topic(topic, sent, ev, data.questions[i], policy)
                label, score, ids = _own_words(topic, data.holders[i], label, score, ids, policy, sent.text)
            # _code_topic only adds ids for stance evidence (cues, negators, voids, policy)
            coded.append((i, t_no, label, score, ids, confidence, len(ids) == len(ev.ids)))
    return coded


def _backgrounds(data: _Input, policy: Mapping[str, Any]) -> list[bool]:
    """Which statements are background narration: a narrator's own sentence held by the
    outlet (policy ``background``), not a question, voicing no view. Their topics count for
    salience; they take no stance, from the rules or the learned model."""
    rule = policy["background"]
    holders, roles = set(rule["holders"]), set(rule["roles"])
    opinion = _policy_pattern(rule["opinion"])
    return [
        data.roles[i] in roles and data.holders[i] in holders and not data.questions[i]
        and not opinion.search(data.texts[i])
        for i in range(len(data.texts))
    ]


def _ask_model(coded: list[_Coded], data: _Input, model, background: list[bool], policy: Mapping[str, Any]):
    """Passes 5 and 6: the learned stance where the rules found a topic but no stance, then
    the learned topics where they found none (:mod:`corpus_lib.coding.learned`)."""
    previous = learned.previous_in_turn(data.order, data.doc, data.turn)

    def allowed(topic: str, holder: Any, label: str, text: str) -> bool:
        return _own_words(topic, holder, label, 0.0, [], policy, text)[0] == label

    shared = {"texts": data.texts, "holders": data.holders, "questions": data.questions, "previous": previous,
              "allowed": allowed, "memo": {}}  # fmt: skip
    coded = learned.second_opinion(coded, model, policy, **shared)
    if "learned_topic" in policy:
        coded = learned.learned_topics(coded, model, policy, order=data.order, doc=data.doc, background=background,
                                       **shared)
    return coded


@functools.lru_cache(maxsize=4)
def _policy_pattern(pattern: str) -> re.Pattern[str]:
    """A pattern of policy.json (background opinion words, a concession, ``self.kept_with``),
    compiled once."""
    return re.compile(pattern, re.IGNORECASE)


def _background(evidence: _Evidence, policy: Mapping[str, Any]) -> tuple[str, float, list[tuple[str, str]], float]:
    conf = policy["confidence"]
    ids = [*evidence.ids, (policy["background"]["rule_id"], "narration")]
    return NEUTRAL, float("nan"), ids, round(float(conf["topic"][evidence.kind]) * float(conf["background"]), 3)


def _own_words(topic: str, holder: Any, label: str, score: float, ids: list, policy: Mapping[str, Any], text: str = ""):
    """An actor's words about itself are no position on itself (policy ``self``): Russia's
    criticism of others, or its own mediation, is no stance on Russia; its readiness to work
    with the Alliance, where the sentence names the Alliance (``kept_with``), is one."""
    rule = policy["self"]
    if topic == rule["topic"] and holder == rule["holder"] and label in rule["labels"]:
        kept = rule.get("kept_with", {}).get(label)
        if kept and _policy_pattern(kept).search(text):
            return label, score, ids
        return NEUTRAL, float("nan"), [*ids, (rule["rule_id"], str(holder))]
    return label, score, ids


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
