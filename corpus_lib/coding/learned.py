"""The coder's use of the learned model: a stance where the rules found none, a topic they missed.

The rules decide first (:mod:`corpus_lib.coding.coder`); the shipped model
(:mod:`corpus_lib.coding.model`) then does two things, each under its own block of
``policy.json``:

- ``second_opinion`` (rule id ``LRN-001``): where the rules found a topic but no stance
  evidence, a confident learned stance replaces ``neutral``.
- ``learned_topic`` (rule id ``LRN-002``): where the rules found no cue of a listed topic,
  the model adds the topic when its probability that the sentence does not touch the topic
  falls below that topic's ``none_below``, and, for a topic with a ``passage``, only where
  the rules found the topic in one of that many statements before it in the document (a
  passage already on the topic). Its stance is the model's when the second opinion would
  take it, else ``neutral``; background narration keeps ``neutral``. The thresholds are
  those leave-one-development-set-out cross-validation chose (``docs/codebook.md`` §5).

Questions are never asked, and a label the own-words rule (policy ``self``) forbids a
holder is never given. The model reads each sentence with the one before it in the same
turn (its ``context``), as it was trained.

Example:
    >>> learned_confidence(0.1, 0.8)
    0.72
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from corpus_lib.vocab import LABEL_SCORES, NEUTRAL, TOPICS

__all__ = ["in_passage", "learned_confidence", "learned_topics", "previous_in_turn", "second_opinion"]

# (topic, holder, label, text) -> whether the holder may take that label (policy ``self``)
Allowed = Callable[[str, Any, str, str], bool]


def previous_in_turn(order: list[int], doc: list[str], turn: list[Any]) -> dict[int, int]:
    """Statement -> the statement before it in reading order, where both are in one turn."""
    previous: dict[int, int] = {}
    for a, b in itertools.pairwise(order):
        if doc[a] == doc[b] and turn[a] == turn[b]:
            previous[b] = a
    return previous


def learned_confidence(p_none: float, p_stance: float) -> float:
    """A learned topic's confidence: the model's probability that the sentence touches the
    topic times the probability of the stance it gives (``no_cue`` for ``neutral``)."""
    return round((1.0 - p_none) * p_stance, 3)


def _predict(model, asked: list[int], texts, holders, previous, memo: dict) -> tuple[dict, list[str], list[str]]:
    """(statement, topic) -> (p_none, stance, stance probability) for the statements asked.

    A sentence read with the same holder and context is predicted once (a corpus repeats
    boilerplate and quotations), with the same numbers as one by one; ``memo`` keeps the
    predictions by (sentence, holder, context), so the second pass asks the model only about
    what the first did not."""
    context = [texts[previous[i]] if i in previous else "" for i in asked]
    holder_of = [h if isinstance(h, str) else "other" for h in (holders[i] for i in asked)]
    keys = list(zip((texts[i] for i in asked), holder_of, context))
    new = [k for k in dict.fromkeys(keys) if (k, TOPICS[0]) not in memo]
    if new:
        pred = model.predict([k[0] for k in new], [k[1] for k in new], [False] * len(new), [k[2] for k in new])
        memo.update(
            ((new[r], t), (pn, st, p))
            for r, t, pn, st, p in zip(pred["row"].tolist(), pred["topic"].tolist(), pred["p_none"].tolist(),
                                       pred["stance"].tolist(), pred["stance_probability"].tolist())
        )
    by_key = {(i, t): memo[key, t] for i, key in zip(asked, keys) for t in TOPICS}
    return by_key, context, holder_of


def second_opinion(coded, model, policy, *, texts, holders, questions, previous, allowed: Allowed, memo: dict | None = None):
    """Replace a rules' ``neutral`` by a confident learned stance (policy ``second_opinion``),
    never one the own-words rule forbids the holder.

    Only codes the rules left ``neutral`` with no stance evidence on record (no cue gave a
    label, none was voided, no policy applied; a cue cancelled by a negation leaves no
    record) in a sentence that is not a question;
    the learned stance is taken when it is not ``neutral`` and its probability among the
    topic's labels reaches ``stance_threshold``. Its rule id and the words that weigh most
    for it are added to ``rule_ids`` and ``cues``; ``confidence`` is that probability.
    ``memo`` keeps the model's predictions for a later pass (see :func:`learned_topics`).
    """
    second = policy["second_opinion"]
    asked = sorted({i for i, _, label, _, _, _, bare in coded if bare and label == NEUTRAL and not questions[i]})
    if not asked:
        return coded
    by_key, context, holder_of = _predict(model, asked, texts, holders, previous, {} if memo is None else memo)
    row_of = {i: k for k, i in enumerate(asked)}
    threshold = float(second["stance_threshold"])
    out = []
    for i, t_no, label, score, ids, conf, bare in coded:
        if bare and label == NEUTRAL and i in row_of:
            topic = TOPICS[t_no]
            _, stance, p = by_key[i, topic]
            if stance != NEUTRAL and p >= threshold and allowed(topic, holders[i], stance, texts[i]):
                k = row_of[i]
                words = model.stance_cues(texts[i], topic, stance, holder=holder_of[k], context=context[k],
                                          top=int(second["cues"]))
                ids = [*ids, (second["rule_id"], ", ".join(words))]
                label, score, conf = stance, float(LABEL_SCORES[stance]), round(float(p), 3)
        out.append((i, t_no, label, score, ids, conf, bare))
    return out


def in_passage(order: Sequence[int], doc: Sequence[str], ruled: set[int], window: int) -> set[int]:
    """The statements with one of ``ruled`` among the ``window`` statements before them in
    reading order, in the same document (``window`` 0: every statement).

    Example:
        >>> sorted(in_passage([0, 1, 2, 3], ["a", "a", "a", "b"], {0}, 1))
        [1]
    """
    if window <= 0:
        return set(order)
    out: set[int] = set()
    last: dict[str, int] = {}  # document -> reading position of its latest ruled statement
    for pos, i in enumerate(order):
        if doc[i] in last and pos - last[doc[i]] <= window:
            out.add(i)
        if i in ruled:
            last[doc[i]] = pos
    return out


def learned_topics(
    coded,
    model,
    policy: Mapping[str, Any],
    *,
    order: Sequence[int],
    doc: Sequence[str],
    texts: Sequence[str],
    holders: Sequence[Any],
    questions: Sequence[bool],
    previous: Mapping[int, int],
    background: Sequence[bool],
    allowed: Allowed,
    memo: dict | None = None,
) -> list:
    """Add the topics the model finds where the rules found none (policy ``learned_topic``).

    A statement that is not a question and has no row for a listed topic gets one when the
    model's ``p_none`` for that topic is below the topic's ``none_below`` and, where the
    topic has a ``passage`` window, the statement is :func:`in_passage` of the rules' rows
    of that topic (``order`` is the reading order, ``doc`` each statement's document). The label is the
    model's stance when it is not ``neutral``, its probability reaches the second opinion's
    ``stance_threshold``, the holder may take it and the statement is not background
    narration (``background``); otherwise ``neutral``. ``rule_ids`` holds ``LRN-002`` (and
    the background rule's id where it applies), ``cues`` the words that weigh most for the
    label, ``confidence`` :func:`learned_confidence`. ``memo``: the predictions
    :func:`second_opinion` already made, by (sentence, holder, context).
    """
    rule = policy["learned_topic"]
    limits = {TOPICS.index(t): float(v) for t, v in rule["none_below"].items()}
    have = {(i, t_no) for i, t_no, *_ in coded}
    windows = rule.get("passage", {})
    where = {t_no: in_passage(order, doc, {i for i, t in have if t == t_no}, int(windows.get(TOPICS[t_no], 0)))
             for t_no in limits}
    asked = [i for i in range(len(texts)) if not questions[i] and any((i, t) not in have and i in where[t] for t in limits)]
    if not asked:
        return coded
    by_key, context, holder_of = _predict(model, asked, texts, holders, previous, {} if memo is None else memo)
    threshold = float(policy["second_opinion"]["stance_threshold"])
    no_cue = float(policy["confidence"]["no_cue"])
    added = []
    for k, i in enumerate(asked):
        for t_no, limit in limits.items():
            topic = TOPICS[t_no]
            p_none, stance, p = by_key[i, topic]
            if (i, t_no) in have or p_none >= limit or i not in where[t_no]:
                continue
            keep = (stance != NEUTRAL and p >= threshold and not background[i]
                    and allowed(topic, holders[i], stance, texts[i]))
            label, p_label = (stance, p) if keep else (NEUTRAL, no_cue)
            words = model.stance_cues(texts[i], topic, label, holder=holder_of[k], context=context[k],
                                      top=int(rule["cues"]), against_none=True)
            ids = [(rule["rule_id"], ", ".join(words))]
            if background[i]:
                ids.append((policy["background"]["rule_id"], "narration"))
            added.append((i, t_no, label, float(LABEL_SCORES[label]), ids, learned_confidence(p_none, p_label), False))
    return [*coded, *added]
