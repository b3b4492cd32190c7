"""Does training the second opinion on more development article sets help on a set it has not seen?

    python -m benchmarks.learned_more_data dev28 dev29 ...   # the sets added to training

For every development article set (the earlier ones and the added ones), the shipped
estimator is trained twice with that set left out: once on the sentence files and the
article sets of ``tools.train_second_opinion.TRAINING_ARTICLES`` minus the added ones
("before"), once on all of them ("after"). The whole coder codes the left-out set with each
model and `corpus_lib.evaluation.articles.evaluate_articles` scores it. Printed: each set's
stance macro-F1 per topic before and after, the means over the sets, and how many sets rose
or fell. Held-out sets are never read.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from benchmarks.learned_article_cv import NEWS, _rules_with, _score
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
    train_table,
)


def _scores(name: str, training: list[str], sentences: pd.DataFrame, articles: dict, folder: Path) -> np.ndarray:
    """Stance macro-F1 per topic on ``name`` for a model trained on ``training`` without it."""
    table = pd.concat([sentences, *(articles[t] for t in training if t != name)], ignore_index=True)
    rules = _rules_with(train_table(table, kind=PACKAGED_KIND, l2=PACKAGED_L2), folder)
    return _score(load_corpus(NEWS / name, cache=False), load_article_gold(NEWS / f"{name}_gold.csv"), rules)


def main(argv: list[str] | None = None) -> None:
    added = list(sys.argv[1:] if argv is None else argv)
    every = list(dict.fromkeys([*TRAINING_ARTICLES, *added]))
    before = [name for name in every if name not in added]
    sentences = pd.concat([load_unseen(DATA_DIR / name) for name in TRAINING_FILES], ignore_index=True)
    articles = {name: article_table(NEWS, name) for name in every}
    rows = []
    with tempfile.TemporaryDirectory(prefix="corpus-lib-more-") as tmp:
        for name in every:
            pair = [_scores(name, training, sentences, articles, Path(tmp) / tag)
                    for tag, training in (("before", before), ("after", every))]
            rows.append(pair)
            print(f"{name:<10} before " + " ".join(f"{x:.3f}" for x in pair[0])
                  + "  after " + " ".join(f"{x:.3f}" for x in pair[1]), flush=True)
    old, new = (np.array([row[i] for row in rows]) for i in (0, 1))
    print(f"mean over {len(rows)} sets ({' / '.join(TOPICS)}): before "
          + " / ".join(f"{x:.3f}" for x in np.nanmean(old, axis=0))
          + ", after " + " / ".join(f"{x:.3f}" for x in np.nanmean(new, axis=0)))
    change = new - old
    print("sets up " + " / ".join(str(int(x)) for x in (change > 0.0005).sum(axis=0))
          + ", down " + " / ".join(str(int(x)) for x in (change < -0.0005).sum(axis=0)))


if __name__ == "__main__":
    main()
