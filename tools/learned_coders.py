"""The coders that the second opinion's cross-validation compares with the rules.

``benchmarks/learned_cv.py`` scores three coders on the development files: the rules
(``corpus_lib.coding.coder.tag_stances``), the learned model alone
(:func:`tag_with_model`), and the pre-registered combination of both
(:func:`second_opinion`). The combination's rule was fixed before any cross-validation
result was looked at (pre-registered; thresholds not tuned):

1. the rules coded a non-neutral label for the topic: keep the rules' label;
2. the rules coded ``neutral``: take the learned stance (its argmax over the topic's labels,
   ``none`` left out and the rest renormalised) when it is non-neutral and its
   renormalised probability is at least ``STANCE_THRESHOLD`` (0.6); else ``neutral``;
3. the rules did not code the topic: add it only when the learned model is very
   confident the topic is there (``1 - p(none) >= TOPIC_THRESHOLD``, 0.8), with the
   learned stance if it passes the rule of 2., else ``neutral``;
4. a topic the rules coded is never removed; a question stays ``neutral``.

The coder ships steps 1, 2 and 4 (policy ``second_opinion``); step 3 is left out of it
(``docs/codebook.md`` §5 says why).
"""

from __future__ import annotations

import pandas as pd

from corpus_lib.coding.coder import tag_stances
from corpus_lib.coding.model import NONE, Model
from corpus_lib.vocab import NEUTRAL, TOPICS

__all__ = ["STANCE_THRESHOLD", "TOPIC_THRESHOLD", "second_opinion", "tag_with_model"]

STANCE_THRESHOLD = 0.6
TOPIC_THRESHOLD = 0.8


def _contexts(statements: pd.DataFrame) -> list[str]:
    """For each statement, the text of the one before it in the same document and turn."""
    frame = statements.reset_index(drop=True)
    order = sorted(range(len(frame)), key=lambda i: (str(frame.at[i, "doc_id"]), int(frame.at[i, "seq"])))
    out = [""] * len(frame)
    prev_key, prev_text = None, ""
    for i in order:
        key = (str(frame.at[i, "doc_id"]), int(frame.at[i, "turn"]))
        out[i] = prev_text if key == prev_key else ""
        prev_key, prev_text = key, str(frame.at[i, "text"])
    return out


def _sort_stances(frame: pd.DataFrame) -> pd.DataFrame:
    rank = {t: i for i, t in enumerate(TOPICS)}
    frame = frame.assign(_r=frame["topic"].map(rank))
    return frame.sort_values(["statement_id", "_r"], kind="mergesort").drop(columns="_r").reset_index(drop=True)


def tag_with_model(model: Model, statements: pd.DataFrame) -> pd.DataFrame:
    """Code a statements table with the learned model alone.

    The context of a statement is the statement before it (by ``seq``) in the same
    document and turn. Returns ``statement_id, topic, stance, probability`` for every
    topic the model says is touched, sorted by statement_id then topic.
    """
    contexts = _contexts(statements)
    pred = model.predict(
        statements["text"].astype(str).tolist(), statements["holder"].astype(str).tolist(),
        [bool(q) for q in statements["is_question"]], contexts,
    )
    ids = statements["statement_id"].astype(str).to_numpy()
    hit = pred[pred["label"] != NONE]
    out = pd.DataFrame({
        "statement_id": ids[hit["row"].to_numpy()], "topic": hit["topic"].to_numpy(),
        "stance": hit["label"].to_numpy(), "probability": hit["probability"].to_numpy(),
    })
    return _sort_stances(out)


def second_opinion(statements: pd.DataFrame, model: Model, rules: pd.DataFrame | None = None) -> pd.DataFrame:
    """The rules' codes with the learned model as a second opinion (the pre-registered rule).

    Args:
        statements: A statements table (as for ``tag_stances``).
        model: A fitted `Model`.
        rules: The rules' stances table for ``statements``; ``tag_stances(statements)``
            by default.

    Returns:
        ``statement_id, topic, stance, source`` (``rules``, ``learned`` where the learned
        model changed or added the code), sorted by statement_id then topic.
    """
    if rules is None:
        rules = tag_stances(statements)
    contexts = _contexts(statements)
    frame = statements.reset_index(drop=True)
    pred = model.predict(
        frame["text"].astype(str).tolist(), frame["holder"].astype(str).tolist(),
        [bool(q) for q in frame["is_question"]], contexts,
    )
    ids = frame["statement_id"].astype(str).tolist()
    coded = {
        (str(s), str(t)): str(v)
        for s, t, v in zip(rules["statement_id"], rules["topic"].astype(str), rules["stance"].astype(str))
    }
    records = []
    for rec in pred.itertuples(index=False):
        sid = ids[rec.row]
        learned = rec.stance if (rec.stance != NEUTRAL and rec.stance_probability >= STANCE_THRESHOLD) else NEUTRAL
        ruled = coded.get((sid, rec.topic))
        if ruled is not None and ruled != NEUTRAL:
            records.append((sid, rec.topic, ruled, "rules"))
        elif ruled == NEUTRAL:
            records.append((sid, rec.topic, learned, "learned" if learned != NEUTRAL else "rules"))
        elif 1.0 - rec.p_none >= TOPIC_THRESHOLD:
            records.append((sid, rec.topic, learned, "learned"))
    out = pd.DataFrame(records, columns=["statement_id", "topic", "stance", "source"])
    return _sort_stances(out)
