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

import json
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from benchmarks.learned_article_cv import NEWS, _fit, _score_table
from corpus_lib.coding.rules import MODEL_FILE, load_rules
from corpus_lib.corpus import load_corpus
from corpus_lib.evaluation.articles import load_article_gold
from corpus_lib.evaluation.evaluate import load_unseen
from corpus_lib.paths import PACKAGE_DIR
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


def _rules_at(model_json: str, threshold: float, folder: Path, *, passage: bool = True):
    """The shipped rules with a fold's model and every topic's ``none_below`` at ``threshold``."""
    shutil.copytree(PACKAGE_DIR / "data" / "coder", folder, dirs_exist_ok=True)
    (folder / MODEL_FILE).write_text(model_json, encoding="utf-8")
    policy = json.loads((folder / "policy.json").read_text(encoding="utf-8"))
    block = policy.get("learned_topic", {"rule_id": "LRN-002", "cues": 3})
    block = {**block, "passage": block.get("passage", {}) if passage else {}}
    policy["learned_topic"] = {**block, "none_below": {t: threshold for t in TOPICS}}
    if threshold == 0:
        policy.pop("learned_topic")
    (folder / "policy.json").write_text(json.dumps(policy), encoding="utf-8")
    return load_rules(folder)


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
    sentences = pd.concat([load_unseen(DATA_DIR / name) for name in TRAINING_FILES], ignore_index=True)
    articles = {name: article_table(NEWS, name) for name in TRAINING_ARTICLES}
    candidate = f"{PACKAGED_KIND}:{PACKAGED_L2:g}"
    scores: dict[float, list[np.ndarray]] = {th: [] for th in grid}
    with tempfile.TemporaryDirectory(prefix="corpus-lib-cv-") as tmp:
        for name in TRAINING_ARTICLES:
            model_json = _fit(candidate, sentences, articles, name).to_json()
            corpus = load_corpus(NEWS / name, cache=False)
            gold = load_article_gold(NEWS / f"{name}_gold.csv")
            for th in grid:
                table = _score_table(corpus, gold, _rules_at(model_json, th, Path(tmp) / f"t{th}", passage=passage))
                scores[th].append(np.array([[float(table[(t, "stance_macro_f1")]), float(table[(t, "topic_f1")])]
                                            for t in TOPICS]))
            print(name, flush=True)
    print(f"Leave one development article set out ({len(TRAINING_ARTICLES)} folds), estimator {candidate}, "
          + ("shipped passage windows" if passage else "no passage windows"))
    print("\n".join(_summary(scores)))


if __name__ == "__main__":
    main()
