"""Where should the learned model add a topic the rules missed (policy ``learned_topic``)?

    python -m benchmarks.learned_topic_cv                 # thresholds 0 (off) to 0.7
    python -m benchmarks.learned_topic_cv 0 0.3 0.5       # other thresholds
    python -m benchmarks.learned_topic_cv --no-passage    # without the shipped passage windows

Leave one development article set out (``tools.train_second_opinion.TRAINING_ARTICLES``):
the shipped estimator is trained on the development sentence files and every other set,
and the whole coder, with ``learned_topic.none_below`` set to one threshold for every topic
(and the shipped ``passage`` windows, unless ``--no-passage``), codes the left-out set; ``corpus_lib.evaluation.articles.evaluate_articles`` scores it.
Each topic's figures are its own (a topic added for one topic does not change another's
scores), so one run gives every topic's curve. Printed per topic and threshold: mean stance
macro-F1 and topic F1 over the folds, and on how many folds stance macro-F1 rises or falls
against the threshold 0 (the pass off). Held-out article sets are never read.
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from benchmarks.learned_article_cv import NEWS, _fit, _rules_with, _score_table
from corpus_lib.corpus import load_corpus
from corpus_lib.evaluation.articles import load_article_gold
from corpus_lib.evaluation.evaluate import load_unseen
from corpus_lib.vocab import TOPICS
from tools.train_second_opinion import (
    DATA_DIR,
    PACKAGED_KIND,
    PACKAGED_L2,
    TRAINING_ARTICLES,
    TRAINING_FILES,
    article_table,
)

GRID = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)


def _rules_at(rules, threshold: float, *, passage: bool = True):
    """A fold's rules with every topic's ``none_below`` at ``threshold`` (0: the pass off)."""
    policy = dict(rules.policy)
    block = policy.pop("learned_topic", {"rule_id": "LRN-002", "cues": 3})
    if threshold > 0:
        windows = block.get("passage", {}) if passage else {}
        policy["learned_topic"] = {**block, "passage": windows, "none_below": {t: threshold for t in TOPICS}}
    return dataclasses.replace(rules, policy=policy)


def _summary(scores: dict[float, list[np.ndarray]]) -> list[str]:
    lines = []
    off = np.array(scores[0.0])
    for k, topic in enumerate(TOPICS):
        for th, folds in scores.items():
            a = np.array(folds)
            up = int(np.sum(a[:, k, 0] > off[:, k, 0] + 1e-9))
            down = int(np.sum(a[:, k, 0] < off[:, k, 0] - 1e-9))
            lines.append(f"{topic:<11} {th:>4.2f}  stance {np.nanmean(a[:, k, 0]):.3f}  topic F1 "
                         f"{np.nanmean(a[:, k, 1]):.3f}  folds up {up:>2} down {down:>2}")
    return lines


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    passage = "--no-passage" not in args
    grid = tuple(float(x) for x in args if x != "--no-passage") or GRID
    grid = (0.0, *(x for x in grid if x != 0.0))
    if not all(0 <= x < 1 for x in grid):
        raise SystemExit("thresholds are probabilities in [0, 1)")
    sentences = pd.concat([load_unseen(DATA_DIR / name) for name in TRAINING_FILES], ignore_index=True)
    articles = {name: article_table(NEWS, name) for name in TRAINING_ARTICLES}
    candidate = f"{PACKAGED_KIND}:{PACKAGED_L2:g}"
    scores: dict[float, list[np.ndarray]] = {th: [] for th in grid}
    with tempfile.TemporaryDirectory(prefix="corpus-lib-cv-") as tmp:
        for name in TRAINING_ARTICLES:
            rules = _rules_with(_fit(candidate, sentences, articles, name), Path(tmp) / name)
            corpus = load_corpus(NEWS / name, cache=False)
            gold = load_article_gold(NEWS / f"{name}_gold.csv")
            for th in grid:
                table = _score_table(corpus, gold, _rules_at(rules, th, passage=passage))
                scores[th].append(np.array([[float(table[(t, "stance_macro_f1")]), float(table[(t, "topic_f1")])]
                                            for t in TOPICS]))
            print(name, flush=True)
    print(f"Leave one development article set out ({len(TRAINING_ARTICLES)} folds), estimator {candidate}, "
          + ("shipped passage windows" if passage else "no passage windows"))
    print("\n".join(_summary(scores)))


if __name__ == "__main__":
    main()
