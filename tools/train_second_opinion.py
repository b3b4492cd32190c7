"""Train the coder's second opinion and write the shipped model file.

    python -m tools.train_second_opinion          # rewrite corpus_lib/data/coder/second_opinion.json
    python -m tools.train_second_opinion OUT.json # write it elsewhere

The shipped model (:class:`corpus_lib.coding.model.Model`) is multinomial logistic
regression (``l2`` 3) trained on the three invented development sentence files
``tests/data/dev.csv``, ``dev2.csv`` and ``dev3.csv`` (the format of
:func:`corpus_lib.evaluation.evaluate.load_unseen`) and on the invented development article
sets of ``tests/data/news`` (``TRAINING_ARTICLES``; :func:`article_table` gives each sentence
the one before it in its paragraph as context, as the coder reads the previous statement of
the same turn); never on the hand codes of the seed texts and never on a held-out file or
set. Training is deterministic, so the command writes the shipped file again byte for
byte; ``tests/test_coding_training.py`` checks that. It needs scipy (the ``dev`` extra); the
installed coder only predicts, with numpy alone.

A feature (see :func:`corpus_lib.coding.model.featurize`) is kept if it occurs in at least
``min_df`` (2) training sentences. Two estimators, and their penalty or smoothing, chosen
between by leave-one-article-set-out cross-validation of the whole coder on the
development article sets (``benchmarks/learned_article_cv.py``, results in
``benchmarks/learned_cv.md``):

- ``logreg``: multinomial logistic regression, L2 penalty ``l2 * ||W||^2 / 2`` (bias not
  penalised), fitted by scipy's L-BFGS-B from zeros with a fixed iteration cap;
- ``cnb``: complement Naive Bayes (Rennie et al. 2003), Laplace smoothing ``alpha``;
  its probabilities are the softmax of its scores, as scikit-learn does.

Both store a weight matrix and a bias per topic, rounded to ``DIGITS`` decimals as soon as
they are fitted, so a model read back from its JSON predicts exactly what the fitted one did.

Example:
    >>> import pandas as pd
    >>> table = pd.DataFrame({
    ...     "holder": ["NATO", "NATO", "NATO", "NATO"], "context": ["", "", "", ""],
    ...     "text": ["We condemn Russia.", "We condemn Russia again.",
    ...              "We cooperate with Russia.", "We cooperate with Russia again."],
    ...     "karabakh": ["", "", "", ""], "membership": ["", "", "", ""],
    ...     "russia": ["adversarial", "adversarial", "cooperative", "cooperative"]})
    >>> model = train_table(table)
    >>> model.predict(["They condemn Russia."], ["EU"], [False]).query("topic == 'russia'").label.item()
    'adversarial'
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import optimize, sparse

from corpus_lib.coding.model import NONE, Model, featurize, round_weights
from corpus_lib.coding.rules import MODEL_FILE
from corpus_lib.errors import check_frame
from corpus_lib.evaluation.articles import load_article_gold
from corpus_lib.evaluation.evaluate import load_unseen
from corpus_lib.paths import PACKAGE_DIR, PROJECT_ROOT
from corpus_lib.vocab import HOLDERS, LABELS_BY_TOPIC, TOPICS

__all__ = ["KINDS", "PACKAGED_KIND", "TRAINING_FILES", "main", "train", "train_packaged", "train_table"]

KINDS = ("logreg", "cnb")
REQUIRED_COLUMNS = ("holder", "text", *TOPICS)
TRAINING_FILES = ("dev.csv", "dev2.csv", "dev3.csv")
# The development article sets (tests/data/news/<name>/ and <name>_gold.csv); never a held-out one.
TRAINING_ARTICLES = (
    "dev", *(f"dev{k}" for k in range(2, 50)), "heldout3",
)
PACKAGED_KIND = "logreg"
PACKAGED_L2 = 3.0  # chosen by leave-one-article-set-out cross-validation (benchmarks/learned_cv.md)
DATA_DIR = PROJECT_ROOT / "tests" / "data"


def _matrix(rows: Sequence[Sequence[str]], index: dict[str, int]) -> sparse.csr_matrix:
    indptr, cols = [0], []
    for feats in rows:
        cols.extend(sorted(index[f] for f in feats if f in index))
        indptr.append(len(cols))
    data = np.ones(len(cols), dtype=np.float64)
    return sparse.csr_matrix((data, np.array(cols, dtype=np.int64), np.array(indptr)), shape=(len(rows), len(index)))


# --- estimators -----------------------------------------------------------------------


def _fit_logreg(x: sparse.csr_matrix, y: np.ndarray, k: int, *, l2: float, max_iter: int) -> tuple[np.ndarray, np.ndarray]:
    n, f = x.shape
    onehot = np.zeros((n, k))
    onehot[np.arange(n), y] = 1.0

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w = theta[: k * f].reshape(k, f)
        b = theta[k * f:]
        z = np.asarray(x @ w.T) + b
        z -= z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        value = -(onehot * logp).sum() + 0.5 * l2 * float((w * w).sum())
        g = np.exp(logp) - onehot
        grad_w = np.asarray((x.T @ g).T) + l2 * w
        return value, np.concatenate([grad_w.ravel(), g.sum(axis=0)])

    result = optimize.minimize(
        loss, np.zeros(k * f + k), jac=True, method="L-BFGS-B",
        options={"maxiter": max_iter, "gtol": 1e-8, "ftol": 1e-12},
    )
    theta = result.x
    return theta[: k * f].reshape(k, f), theta[k * f:]


def _fit_cnb(x: sparse.csr_matrix, y: np.ndarray, k: int, *, alpha: float) -> tuple[np.ndarray, np.ndarray]:
    counts = np.vstack([np.asarray(x[y == c].sum(axis=0)).ravel() for c in range(k)])
    complement = counts.sum(axis=0) - counts + alpha
    logp = np.log(complement / complement.sum(axis=1, keepdims=True))
    return -logp, np.zeros(k)


# --- training -------------------------------------------------------------------------


def _check_table(table: pd.DataFrame) -> None:
    check_frame(table, "training table", REQUIRED_COLUMNS)
    if table.empty:
        raise ValueError("training table has no rows")
    problems = []
    for pos, rec in enumerate(table.to_dict("records")):
        if rec["holder"] not in HOLDERS:
            problems.append(f"row {pos}: holder {rec['holder']!r} is not one of {', '.join(HOLDERS)}")
        for topic in TOPICS:
            label = "" if rec[topic] is None or rec[topic] != rec[topic] else str(rec[topic]).strip()
            if label and label not in LABELS_BY_TOPIC[topic]:
                problems.append(
                    f"row {pos}: {topic} label {label!r} is not one of {', '.join(LABELS_BY_TOPIC[topic])} (or empty)"
                )
    if problems:
        raise ValueError("bad training table:\n" + "\n".join(problems[:20]))


def train_table(
    table: pd.DataFrame, *, kind: str = "logreg", l2: float = 1.0, max_iter: int = 300,
    alpha: float = 1.0, min_df: int = 2,
) -> Model:
    """Fit a model on a table of coded sentences (the columns of the dev files).

    Args:
        table: Needs ``holder, text, karabakh, russia, membership`` (a label or empty);
            ``context`` is used when present. Not modified.
        kind: ``logreg`` or ``cnb``.
        l2: L2 penalty of ``logreg``.
        max_iter: Iteration cap of L-BFGS-B for ``logreg``.
        alpha: Smoothing of ``cnb``.
        min_df: Keep a feature seen in at least this many training sentences.

    Raises:
        ValueError: A column is missing, the table is empty, or a holder or label is not
            in the codebook's closed sets; ``kind`` is unknown.
    """
    if kind not in KINDS:
        raise ValueError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    _check_table(table)
    texts = table["text"].astype(str).tolist()
    holders = table["holder"].astype(str).tolist()
    contexts = table["context"].fillna("").astype(str).tolist() if "context" in table.columns else [""] * len(texts)
    rows = [featurize(t, h, None, c) for t, h, c in zip(texts, holders, contexts)]
    df: dict[str, int] = {}
    for feats in rows:
        for f in feats:
            df[f] = df.get(f, 0) + 1
    features = tuple(sorted(f for f, k in df.items() if k >= min_df))
    index = {f: i for i, f in enumerate(features)}
    x = _matrix(rows, index)
    classes, weights, bias = {}, {}, {}
    for topic in TOPICS:
        classes[topic] = (NONE, *LABELS_BY_TOPIC[topic])
        pos = {c: i for i, c in enumerate(classes[topic])}
        y = np.array([pos[str(v).strip() or NONE] if v == v and v is not None else 0 for v in table[topic]])
        if kind == "logreg":
            w, b = _fit_logreg(x, y, len(classes[topic]), l2=l2, max_iter=max_iter)
        else:
            w, b = _fit_cnb(x, y, len(classes[topic]), alpha=alpha)
        weights[topic], bias[topic] = round_weights(w), round_weights(b)
    params = {"l2": l2, "max_iter": max_iter, "alpha": alpha, "min_df": min_df, "n_train": len(texts)}
    if kind == "cnb":
        del params["l2"], params["max_iter"]
    else:
        del params["alpha"]
    return Model(kind, params, features, classes, weights, bias)


def _paragraphs(path: Path) -> list[str]:
    """The paragraphs of an article file (blank-line separated), each with its whitespace collapsed."""
    text = path.read_text(encoding="utf-8")
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def article_table(folder: str | Path, name: str) -> pd.DataFrame:
    """A hand-coded article set as training rows: its gold file's columns, with ``context``
    the previous sentence of the same paragraph (as the coder reads the previous statement of
    the same turn), found by locating each sentence in its article's file in order.

    Raises:
        CorpusError: The gold file breaks the article gold format (``load_article_gold``).
        ValueError: A gold sentence is not found in its article, after the one before it.
    """
    folder = Path(folder)
    gold = load_article_gold(folder / f"{name}_gold.csv")
    manifest = pd.read_csv(folder / name / "manifest.csv", dtype=str, keep_default_na=False)
    file_of = dict(zip(manifest["doc_id"], manifest["file"]))
    contexts: list[str] = []
    for doc_id, rows in gold.groupby("doc_id", sort=False):
        paragraphs = _paragraphs(folder / name / file_of[doc_id])
        p, at, last = 0, 0, None
        for n, text in zip(rows["n"], rows["text"]):
            needle = " ".join(text.split())
            while p < len(paragraphs) and paragraphs[p].find(needle, at) < 0:
                p, at, last = p + 1, 0, None
            if p == len(paragraphs):
                raise ValueError(f"{name}_gold.csv: {doc_id} sentence {n} is not in {file_of[doc_id]} after the one before it")
            at = paragraphs[p].find(needle, at) + len(needle)
            contexts.append(last if last is not None else "")
            last = text
    table = gold[["holder", "text", *TOPICS]].copy()
    table.insert(1, "context", contexts)
    return table


def train(paths: Iterable[str | Path], **options) -> Model:
    """Fit a model on sentence files in the dev-file format (validated by `load_unseen`).

    Keyword options go to `train_table`.
    """
    paths = list(paths)
    if not paths:
        raise ValueError("no training files given")
    table = pd.concat([load_unseen(p) for p in paths], ignore_index=True)
    return train_table(table, **options)


# --- the shipped model ----------------------------------------------------------------


def training_table(data_dir: str | Path | None = None) -> pd.DataFrame:
    """The shipped model's training rows: the development sentence files, then the
    development article sets, in the order of ``TRAINING_FILES`` and ``TRAINING_ARTICLES``."""
    folder = Path(data_dir) if data_dir is not None else DATA_DIR
    tables = [load_unseen(folder / name) for name in TRAINING_FILES]
    tables += [article_table(folder / "news", name) for name in TRAINING_ARTICLES]
    return pd.concat(tables, ignore_index=True)


def train_packaged(data_dir: str | Path | None = None) -> Model:
    """The shipped model, trained again from the development files (``tests/data``)."""
    return train_table(training_table(data_dir), kind=PACKAGED_KIND, l2=PACKAGED_L2)


def main(argv: list[str] | None = None) -> int:
    """``python -m tools.train_second_opinion [OUT]``: write the shipped model (into the package by default)."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else PACKAGE_DIR / "data" / "coder" / MODEL_FILE
    text = train_packaged().to_json()
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(text, encoding="utf-8", newline="\n")
    tmp.replace(out)
    print(f"wrote {out} ({len(text)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
