"""How often each stance rule pushes the label the hand codes give: a development aid.

`rule_precision` codes a sentence file (the `load_unseen` format) with the packaged coder
and credits every stance cue that fired with the label it pushed, against the hand codes.
It is for pruning cues on development files; never run it on a held-out file, since
reading its rows' errors makes it a development file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from corpus_lib.coding import coder
from corpus_lib.evaluation.gold import load_unseen, scored_statement_id, unseen_statements
from corpus_lib.vocab import TOPICS

__all__ = ["rule_precision"]

_MODIFIERS = ("negator", "wide", "deny", "post_negator", "halt", "post_halt")


def _pushed_labels(rule_ids: str, rules: Any) -> Iterator[tuple[str, Any, str]]:
    """Each stance cue of a row's ``rule_ids`` with the label it pushed.

    A negator (or a stopping verb) listed just before a cue turns it to the cue's
    ``negated`` (``halted``) label; ``=`` or no such label keeps the cue's own.
    """
    modifier = None
    for rid in str(rule_ids).split(";"):
        try:
            rule = rules.rule(rid)
        except KeyError:  # a policy, question or context id
            continue
        if rule.kind in _MODIFIERS:
            modifier = rule.kind
            continue
        if rule.kind != "cue":
            modifier = None
            continue
        if modifier in ("halt", "post_halt"):
            pushed = rule.halted
        elif modifier is not None:
            pushed = rule.negated
        else:
            pushed = rule.label
        if pushed == "=" or not pushed:
            pushed = rule.label
        modifier = None
        yield rid, rule, pushed


def rule_precision(path: str | Path, *, rules: Any = None) -> pd.DataFrame:
    """How often each stance rule pushes the label the hand codes give, on a sentence file.

    A development aid for pruning cues (never run it on a held-out file: reading its rows'
    errors makes it a development file). The packaged coder (or ``rules``, from
    ``corpus_lib.coding.coder.load_rules``) codes the sentences of ``path`` (the `load_unseen`
    format); for every scored (sentence, topic) row, each stance cue listed in
    ``rule_ids`` is credited with the label it pushed (its ``label``, or its ``negated`` /
    ``halted`` label where the negator or stopping verb listed just before it changed
    it). A cue *agrees* where that label is the hand-coded stance of the topic, and
    *disagrees* otherwise (a topic the hand codes do not give counts as a disagreement).

    Args:
        path: A sentence file in the `load_unseen` format (a development set).
        rules: A rule set; the packaged rules by default.

    Returns:
        One row per stance rule and the label it pushed: ``rule_id, topic, label,
        fired, agree, disagree, precision`` (``agree / fired``), sorted by precision
        then rule id.

    Example:
        >>> import tempfile
        >>> from corpus_lib.evaluation.gold import UNSEEN_COLUMNS
        >>> tmp = Path(tempfile.mkdtemp()) / "dev.csv"
        >>> _ = tmp.write_text(",".join(UNSEEN_COLUMNS) + "\\n"
        ...     "x1,2016,news,narrator,NATO,,NATO condemned Russia.,,adversarial,,\\n")
        >>> rule_precision(tmp)[["rule_id", "fired", "agree"]].values.tolist()
        [['RU-ADV-006', 1, 1]]
    """
    rules = coder.load_rules() if rules is None else rules
    table = load_unseen(path)
    statements, scored = unseen_statements(table)
    out = coder.tag_stances(statements, rules=rules)
    gold = {(scored_statement_id(rec), topic): rec[topic] for rec in table.to_dict("records") for topic in TOPICS}
    keep = set(scored)
    counts: dict[str, list[Any]] = {}
    for sid, topic, ids in zip(out["statement_id"], out["topic"].astype(str), out["rule_ids"]):
        if sid not in keep:
            continue
        truth = gold.get((sid, topic)) or "none"
        for rid, rule, pushed in _pushed_labels(ids, rules):
            row = counts.setdefault(f"{rid}/{pushed}", [rid, rule.topic, pushed, 0, 0, 0])
            row[3] += 1
            row[4 if pushed == truth else 5] += 1
    frame = pd.DataFrame(list(counts.values()), columns=["rule_id", "topic", "label", "fired", "agree", "disagree"])
    frame["precision"] = (frame["agree"] / frame["fired"]).round(3) if len(frame) else []
    return frame.sort_values(["precision", "rule_id"], kind="mergesort").reset_index(drop=True)
