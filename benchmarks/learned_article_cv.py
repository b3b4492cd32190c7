"""Which second opinion helps the coder most on whole news articles it has not seen?

    python -m benchmarks.learned_article_cv                      # the shipped choice against the old one
    python -m benchmarks.learned_article_cv logreg:1 cnb:1 ...   # other candidates (kind:l2 or kind:alpha)

Leave one development article set out (`tools.train_second_opinion.TRAINING_ARTICLES`): a
candidate is trained on the development sentence files and every other article set, the
whole coder (rules and that second opinion, policy threshold as shipped) codes the left-out
set, and `corpus_lib.evaluation.articles.evaluate_articles` scores it. The figure is the mean
stance macro-F1 per topic over the folds; documents, not sentences, are what each set
resamples, so a fold is a set of articles by one hand. The candidate ``old`` is the model
shipped before the article sets were trained on (complement Naive Bayes on the sentence
files alone). Held-out article sets are never read.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import types
from pathlib import Path

import numpy as np
import pandas as pd

from corpus_lib.coding.coder import tag_stances
from corpus_lib.coding.rules import MODEL_FILE, load_rules
from corpus_lib.corpus import load_corpus
from corpus_lib.evaluation.articles import evaluate_articles, load_article_gold
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
    train_table,
)

NEWS = DATA_DIR / "news"
DEFAULT = ("old", f"{PACKAGED_KIND}:{PACKAGED_L2:g}")


def _fit(candidate: str, sentences: pd.DataFrame, articles: dict[str, pd.DataFrame], left_out: str):
    if candidate == "old":
        return train_table(sentences, kind="cnb")
    kind, value = candidate.split(":")
    options = {"alpha": float(value)} if kind == "cnb" else {"l2": float(value)}
    rows = [sentences, *(t for name, t in articles.items() if name != left_out)]
    return train_table(pd.concat(rows, ignore_index=True), kind=kind, **options)


def _rules_with(model, folder: Path):
    shutil.copytree(PACKAGE_DIR / "data" / "coder", folder, dirs_exist_ok=True)
    (folder / MODEL_FILE).write_text(model.to_json(), encoding="utf-8")
    return load_rules(folder)


def _score_table(corpus, gold: pd.DataFrame, rules) -> pd.Series:
    """(group, metric) -> value of ``evaluate_articles`` for the corpus coded with ``rules``."""
    coded = types.SimpleNamespace(documents=corpus.documents, statements=corpus.statements, root=corpus.root,
                                  stances=tag_stances(corpus.statements, rules=rules))
    return evaluate_articles(coded, gold, n_resamples=1).table.set_index(["group", "metric"])["value"]


def _score(corpus, gold: pd.DataFrame, rules) -> np.ndarray:
    table = _score_table(corpus, gold, rules)
    return np.array([float(table[(topic, "stance_macro_f1")]) for topic in TOPICS])


def main(argv: list[str] | None = None) -> None:
    candidates = (sys.argv[1:] if argv is None else argv) or list(DEFAULT)
    sentences = pd.concat([load_unseen(DATA_DIR / name) for name in TRAINING_FILES], ignore_index=True)
    articles = {name: article_table(NEWS, name) for name in TRAINING_ARTICLES}
    corpora = {name: load_corpus(NEWS / name, cache=False) for name in TRAINING_ARTICLES}
    golds = {name: load_article_gold(NEWS / f"{name}_gold.csv") for name in TRAINING_ARTICLES}
    print(f"Leave one development article set out ({len(articles)} folds); mean stance macro-F1, "
          + " / ".join(TOPICS))
    with tempfile.TemporaryDirectory(prefix="corpus-lib-cv-") as tmp:
        for candidate in candidates:
            folds = []
            for name in TRAINING_ARTICLES:
                rules = _rules_with(_fit(candidate, sentences, articles, name), Path(tmp) / candidate)
                folds.append(_score(corpora[name], golds[name], rules))
            mean = np.nanmean(folds, axis=0)
            print(f"{candidate:<12} " + " / ".join(f"{x:.3f}" for x in mean), flush=True)
    print(json.dumps({"folds": list(TRAINING_ARTICLES)}))


if __name__ == "__main__":
    main()
