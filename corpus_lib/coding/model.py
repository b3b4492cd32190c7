"""A small learned stance classifier: the coder's second opinion beside the rules.

Trained on the invented development sentence files (``tests/data/dev.csv``, ``dev2.csv``,
``dev3.csv``; the `corpus_lib.evaluation.evaluate.load_unseen` format), never on the hand codes of
the seed texts and never on the held-out files. The packaged model,
``corpus_lib/data/coder/second_opinion.json``, is complement Naive Bayes trained on the three
dev files (``python -m corpus_lib.coding.model`` writes it again, byte for byte; a test checks
that). `corpus_lib.coding.coder.tag_stances` consults it in one place only: where the rules
found a topic but no stance cue (code ``neutral``) in a sentence that is not a question,
a confident learned stance replaces ``neutral`` (policy ``second_opinion``; see
``docs/codebook.md``). It never adds or removes a topic and never overrides a rule's label.
``benchmarks/learned_cv.py`` holds the measurement behind that choice.

Model, per topic: one linear classifier over the classes ``none`` (topic not touched)
plus the topic's stance labels (``STANCE_LABELS``), on binary features of one sentence:

- lower-cased, Snowball-stemmed unigrams (``w:``) and bigrams (``b:``) of the sentence,
  a token after *not, no, never, nor, without, cannot* or a word ending in *n't* carrying
  the prefix ``NOT_`` up to the next punctuation mark;
- the stemmed unigrams of the ``context`` sentence (``c:``), the preceding sentence of
  the same turn, so that a reference ("He", "this war") can carry the topic;
- the holder (``h:NATO``) and whether the sentence is a question (``q:yes``).

A feature is kept if it occurs in at least ``min_df`` (2) training sentences. Two
estimators, chosen between by leave-one-file-out cross-validation on the dev files:

- ``logreg``: multinomial logistic regression, L2 penalty ``l2 * ||W||^2 / 2`` (bias not
  penalised), fitted by scipy's L-BFGS-B from zeros with a fixed iteration cap;
- ``cnb``: complement Naive Bayes (Rennie et al. 2003), Laplace smoothing ``alpha``;
  its probabilities are the softmax of its scores, as scikit-learn does.

Both store a weight matrix and a bias per topic, rounded to 6 decimals as soon as they are
fitted, so a model read back from its JSON predicts exactly what the fitted one did.
Questions are coded ``neutral`` whatever the weights say (CODEBOOK.md: questions are
neutral).

The experiment's combination (`second_opinion`, kept to reproduce the measurement), a rule
fixed BEFORE any cross-validation result was looked at (pre-registered; thresholds not
tuned):

1. the rules coded a non-neutral label for the topic: keep the rules' label;
2. the rules coded ``neutral``: take the learned stance (its argmax over the topic's labels,
   ``none`` left out and the rest renormalised) when it is non-neutral and its
   renormalised probability is at least ``STANCE_THRESHOLD`` (0.6); else ``neutral``;
3. the rules did not code the topic: add it only when the learned model is very
   confident the topic is there (``1 - p(none) >= TOPIC_THRESHOLD``, 0.8), with the
   learned stance if it passes the rule of 2., else ``neutral``;
4. a topic the rules coded is never removed; a question stays ``neutral``.

The learned variant inside the second opinion is the one with the higher mean
``stance_macro_f1_gold_rows`` over the nine (fold, topic) cells of the cross-validation
(``logreg`` on a tie). Step 3 (adding topics) is left out of the coder: on the seed texts
it added Karabakh to many sentences that do not touch it (topic F1 0.94 to 0.52), because
nearly every dev sentence touches a topic while most sentences of a real article do not.

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

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from nltk.stem import SnowballStemmer

from corpus_lib.errors import check_frame
from corpus_lib.vocab import HOLDERS, TOPICS

if TYPE_CHECKING:  # scipy is needed to train (a development task), not to predict
    from scipy import sparse

NEUTRAL = "neutral"
NONE = "none"  # the class "topic not touched"

__all__ = [
    "FORMAT",
    "STANCE_THRESHOLD",
    "TOPIC_THRESHOLD",
    "Model",
    "featurize",
    "second_opinion",
    "train",
    "train_table",
]

FORMAT = "corpus_lib.learned/1"
KINDS = ("logreg", "cnb")
STANCE_THRESHOLD = 0.6
TOPIC_THRESHOLD = 0.8
DIGITS = 6
REQUIRED_COLUMNS = ("holder", "text", *TOPICS)

# What NLTK's ``RegexpTokenizer`` with this pattern returns (its ``findall``), run with the
# standard ``re``: the pattern is ASCII only, so both engines match alike, and ``re`` is
# twice as fast here as the ``regex`` module behind NLTK's wrapper.
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[.,;:!?()\"]")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_STEMMER = SnowballStemmer("english")
_NEGATORS = frozenset({"not", "no", "never", "nor", "without", "cannot"})
_PUNCT = frozenset(".,;:!?()\"")


# --- features -------------------------------------------------------------------------


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(str(text).lower().translate(_QUOTES))


@lru_cache(maxsize=1 << 16)
def _stem(token: str) -> str:  # per word, cached: words repeat (Zipf), sentences do not
    return _STEMMER.stem(token.replace("'", ""))


def featurize(text: str, holder: str = "other", question: bool | None = None, context: str = "") -> list[str]:
    """The sorted, distinct feature names of one sentence.

    Args:
        text: The sentence.
        holder: Its holder (one of ``HOLDERS``).
        question: Whether it asks; by default, whether it ends with ``?``.
        context: The preceding sentence of the same turn, or empty.

    Example:
        >>> featurize("We do not want war.", "NATO")  # doctest: +NORMALIZE_WHITESPACE
        ['b:NOT_want_NOT_war', 'b:do_not', 'b:not_NOT_want', 'b:we_do', 'h:NATO',
         'w:NOT_want', 'w:NOT_war', 'w:do', 'w:not', 'w:we']
    """
    if question is None:
        question = str(text).rstrip().endswith("?")
    feats: set[str] = {f"h:{holder}"}
    if question:
        feats.add("q:yes")
    negated = False
    previous: str | None = None
    for token in _tokens(text):
        if token in _PUNCT:
            negated, previous = False, None
            continue
        word = ("NOT_" if negated else "") + _stem(token)
        feats.add(f"w:{word}")
        if previous is not None:
            feats.add(f"b:{previous}_{word}")
        previous = word
        if token in _NEGATORS or token.endswith("n't"):
            negated = True
    for token in _tokens(context or ""):
        if token not in _PUNCT:
            feats.add(f"c:{_stem(token)}")
    return sorted(feats)


def _matrix(rows: Sequence[Sequence[str]], index: dict[str, int]) -> sparse.csr_matrix:
    from scipy import sparse

    indptr, cols = [0], []
    for feats in rows:
        cols.extend(sorted(index[f] for f in feats if f in index))
        indptr.append(len(cols))
    data = np.ones(len(cols), dtype=np.float64)
    return sparse.csr_matrix((data, np.array(cols, dtype=np.int64), np.array(indptr)), shape=(len(rows), len(index)))


# --- estimators -----------------------------------------------------------------------


def _fit_logreg(x: sparse.csr_matrix, y: np.ndarray, k: int, *, l2: float, max_iter: int) -> tuple[np.ndarray, np.ndarray]:
    from scipy import optimize

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


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _round(a: np.ndarray) -> np.ndarray:
    return np.round(np.asarray(a, dtype=np.float64), DIGITS) + 0.0


# --- the model ------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Model:
    """A fitted learned coder: a feature vocabulary and, per topic, weights and bias.

    Attributes:
        kind: ``logreg`` or ``cnb``.
        params: The training settings (``l2``, ``max_iter``, ``alpha``, ``min_df``, ``n_train``).
        features: Feature names, sorted; column order of every weight matrix.
        classes: Topic -> class names (``none`` first, then the topic's labels).
        weights: Topic -> array (classes x features).
        bias: Topic -> array (classes).
    """

    kind: str
    params: dict
    features: tuple[str, ...]
    classes: dict[str, tuple[str, ...]]
    weights: dict[str, np.ndarray]
    bias: dict[str, np.ndarray]
    _index: dict[str, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {f: i for i, f in enumerate(self.features)})

    def _probabilities(self, texts, holders, questions, contexts) -> tuple[dict[str, np.ndarray], list[bool]]:
        texts = [str(t) for t in texts]
        n = len(texts)
        holders = ["other"] * n if holders is None else [str(h) for h in holders]
        contexts = [""] * n if contexts is None else ["" if c is None or c != c else str(c) for c in contexts]
        if questions is None:
            questions = [t.rstrip().endswith("?") for t in texts]
        questions = [bool(q) for q in questions]
        if not (len(holders) == len(questions) == len(contexts) == n):
            raise ValueError(
                f"texts ({n}), holders ({len(holders)}), questions ({len(questions)}) and "
                f"contexts ({len(contexts)}) must have the same length"
            )
        index = self._index
        cols = [
            sorted(index[f] for f in featurize(t, h, q, c) if f in index)
            for t, h, q, c in zip(texts, holders, questions, contexts)
        ]
        # numpy only: a sentence's scores are its features' weights summed, for the classes of
        # all topics at once (each class's row summed alone, so the same floats as topic by topic)
        w = np.vstack([self.weights[t] for t in TOPICS])
        b = np.concatenate([self.bias[t] for t in TOPICS])
        z = np.empty((n, len(b)))
        for r, c in enumerate(cols):
            z[r] = w[:, c].sum(axis=1) + b
        probs, first = {}, 0
        for topic in TOPICS:
            last = first + len(self.bias[topic])
            probs[topic] = _softmax(z[:, first:last])
            first = last
        return probs, questions

    def predict(
        self,
        texts: Sequence[str],
        holders: Sequence[str] | None = None,
        questions: Sequence[bool] | None = None,
        contexts: Sequence[str] | None = None,
    ) -> pd.DataFrame:
        """Code sentences: one row per (sentence, topic).

        Args:
            texts: The sentences.
            holders: Their holders (``other`` by default).
            questions: Whether each asks (by default, whether it ends with ``?``).
            contexts: The preceding sentence of each one's turn, or empty.

        Returns:
            Columns ``row`` (position in ``texts``), ``topic``, ``label`` (the most probable
            class, ``none`` = topic not touched), ``probability`` (of ``label``), ``p_none``,
            ``stance`` (the most probable of the topic's labels, ``none`` left out) and
            ``stance_probability`` (renormalised without ``none``); sorted by row, then
            topic in ``TOPICS`` order. A question's ``label`` (unless ``none``) and
            ``stance`` are ``neutral``.
        """
        probs, questions = self._probabilities(texts, holders, questions, None if contexts is None else list(contexts))
        columns = {}
        for topic in TOPICS:  # each topic's rows at once, with the same float operations as row by row
            p = probs[topic]
            classes = self.classes[topic]
            best = p.argmax(axis=1)
            p_none = p[:, 0]
            rest = p[:, 1:] / np.maximum(1.0 - p_none, 1e-300)[:, None]
            s = rest.argmax(axis=1)
            columns[topic] = zip(
                [classes[b] for b in best.tolist()],
                p[np.arange(len(p)), best].tolist(),
                p_none.tolist(),
                [classes[1 + k] for k in s.tolist()],
                rest[np.arange(len(rest)), s].tolist(),
            )
        records = []
        for i, rows in enumerate(zip(*(columns[t] for t in TOPICS))):
            for topic, (label, prob, p_none, stance, stance_prob) in zip(TOPICS, rows):
                if questions[i]:
                    stance = NEUTRAL
                    if label != NONE:
                        label = NEUTRAL
                records.append((i, topic, label, prob, p_none, stance, stance_prob))
        return pd.DataFrame(
            records, columns=["row", "topic", "label", "probability", "p_none", "stance", "stance_probability"]
        )

    def explain(
        self, text: str, topic: str, *, holder: str = "other", question: bool | None = None,
        context: str = "", top: int = 10,
    ) -> pd.DataFrame:
        """The features of a sentence that push hardest towards its predicted class.

        Args:
            text: The sentence.
            topic: One of ``TOPICS``.
            holder, question, context: As for `predict`.
            top: How many features to return.

        Returns:
            Columns ``label`` (the predicted class, before the question rule), ``feature``,
            ``weight`` (its weight for that class) and ``margin`` (that weight minus the
            largest weight of the feature for another class: what it adds to the lead),
            the ``top`` features of the sentence with the largest margin, then the bias as
            feature ``(bias)``.
        """
        if topic not in TOPICS:
            raise ValueError(f"topic {topic!r} is not one of {', '.join(TOPICS)}")
        feats = [f for f in featurize(text, holder, question, context) if f in self._index]
        cols = [self._index[f] for f in feats]
        w, b = self.weights[topic], self.bias[topic]
        score = w[:, cols].sum(axis=1) + b
        c = int(np.argmax(score))
        label = self.classes[topic][c]
        others = [k for k in range(len(b)) if k != c]
        rows = []
        for f, j in zip(feats, cols):
            margin = float(w[c, j] - w[others, j].max()) if others else float(w[c, j])
            rows.append((label, f, float(w[c, j]), margin))
        rows.sort(key=lambda r: (-r[3], r[1]))
        rows = rows[:top]
        margin_b = float(b[c] - b[others].max()) if others else float(b[c])
        rows.append((label, "(bias)", float(b[c]), margin_b))
        return pd.DataFrame(rows, columns=["label", "feature", "weight", "margin"])

    def stance_cues(
        self, text: str, topic: str, label: str, *, holder: str = "other", context: str = "", top: int = 3,
    ) -> list[str]:
        """The words of a sentence that most favour ``label`` over the topic's other labels.

        For the ``cues`` column: the ``top`` features with the largest positive margin
        (weight for ``label`` minus the largest weight for another stance label), written
        as words: ``NOT_`` marks a negated word, ``context:`` a word of the sentence
        before; stems as the model sees them.

        Example:
            >>> m = Model("cnb", {}, ("w:condemn", "w:welcom"), {t: ("none", "a", "b") for t in TOPICS},
            ...           {t: np.array([[0.0, 0.0], [2.0, 0.0], [0.0, 1.0]]) for t in TOPICS},
            ...           {t: np.zeros(3) for t in TOPICS})
            >>> m.stance_cues("They condemn it.", "russia", "a")
            ['condemn']
        """
        classes = self.classes[topic]
        if label not in classes:
            raise ValueError(f"label {label!r} is not one of {', '.join(classes)}")
        c = classes.index(label)
        others = [k for k, name in enumerate(classes) if k != c and name != NONE]
        w = self.weights[topic]
        index = self._index
        feats = [f for f in featurize(text, holder, False, context) if f in index and f[:2] in ("w:", "b:", "c:")]
        cols = [index[f] for f in feats]
        # each margin as one float64 subtraction, all at once: the same numbers as one by one
        margins = w[c, cols] - (w[np.ix_(others, cols)].max(axis=0) if others and cols else 0.0)
        scored = sorted((-float(m), f) for f, m in zip(feats, margins) if m > 0)
        words = []
        for _, f in scored[:top]:
            kind, name = f[:1], f[2:]
            words.append(("context:" if kind == "c" else "") + name.replace("_NOT_", " NOT_").replace("_", " ").replace("NOT ", "NOT_"))
        return words

    def tag(self, statements: pd.DataFrame) -> pd.DataFrame:
        """Code a statements table (a coder for `corpus_lib.evaluation.evaluate.evaluate_unseen`).

        The context of a statement is the statement before it (by ``seq``) in the same
        document and turn. Returns ``statement_id, topic, stance, probability`` for every
        topic the model says is touched, sorted by statement_id then topic.
        """
        contexts = _contexts(statements)
        pred = self.predict(
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

    def to_json(self) -> str:
        """Deterministic JSON: sorted keys, weights rounded to 6 decimals."""
        payload = {
            "format": FORMAT,
            "kind": self.kind,
            "params": self.params,
            "features": list(self.features),
            "topics": {
                t: {
                    "classes": list(self.classes[t]),
                    "weights": [[float(v) for v in row] for row in _round(self.weights[t])],
                    "bias": [float(v) for v in _round(self.bias[t])],
                }
                for t in TOPICS
            },
        }
        return json.dumps(payload, sort_keys=True, separators=(",", ":"), allow_nan=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Model:
        """Read a model written by `to_json`."""
        payload = json.loads(text)
        if payload.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model: format is {payload.get('format')!r}")
        features = tuple(payload["features"])
        topics = payload["topics"]
        if set(topics) != set(TOPICS):
            raise ValueError(f"model topics {sorted(topics)} are not {list(TOPICS)}")
        weights, bias, classes = {}, {}, {}
        for t in TOPICS:
            classes[t] = tuple(topics[t]["classes"])
            weights[t] = np.array(topics[t]["weights"], dtype=np.float64).reshape(len(classes[t]), len(features))
            bias[t] = np.array(topics[t]["bias"], dtype=np.float64)
        return cls(payload["kind"], dict(payload["params"]), features, classes, weights, bias)


# --- training -------------------------------------------------------------------------


def _check_table(table: pd.DataFrame) -> None:
    from corpus_lib.evaluation.evaluate import STANCE_LABELS

    check_frame(table, "training table", REQUIRED_COLUMNS)
    if table.empty:
        raise ValueError("training table has no rows")
    problems = []
    for pos, rec in enumerate(table.to_dict("records")):
        if rec["holder"] not in HOLDERS:
            problems.append(f"row {pos}: holder {rec['holder']!r} is not one of {', '.join(HOLDERS)}")
        for topic in TOPICS:
            label = "" if rec[topic] is None or rec[topic] != rec[topic] else str(rec[topic]).strip()
            if label and label not in STANCE_LABELS[topic]:
                problems.append(
                    f"row {pos}: {topic} label {label!r} is not one of {', '.join(STANCE_LABELS[topic])} (or empty)"
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
    from corpus_lib.evaluation.evaluate import STANCE_LABELS

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
        classes[topic] = (NONE, *STANCE_LABELS[topic])
        pos = {c: i for i, c in enumerate(classes[topic])}
        y = np.array([pos[str(v).strip() or NONE] if v == v and v is not None else 0 for v in table[topic]])
        if kind == "logreg":
            w, b = _fit_logreg(x, y, len(classes[topic]), l2=l2, max_iter=max_iter)
        else:
            w, b = _fit_cnb(x, y, len(classes[topic]), alpha=alpha)
        weights[topic], bias[topic] = _round(w), _round(b)
    params = {"l2": l2, "max_iter": max_iter, "alpha": alpha, "min_df": min_df, "n_train": len(texts)}
    if kind == "cnb":
        del params["l2"], params["max_iter"]
    else:
        del params["alpha"]
    return Model(kind, params, features, classes, weights, bias)


def train(paths: Iterable[str | Path], **options) -> Model:
    """Fit a model on sentence files in the dev-file format (validated by `load_unseen`).

    Keyword options go to `train_table`.
    """
    from corpus_lib.evaluation.evaluate import load_unseen

    paths = list(paths)
    if not paths:
        raise ValueError("no training files given")
    table = pd.concat([load_unseen(p) for p in paths], ignore_index=True)
    return train_table(table, **options)


# --- the pre-registered combination ---------------------------------------------------


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
        from corpus_lib.coding.coder import tag_stances

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


# --- the packaged model ---------------------------------------------------------------

MODEL_FILE = "second_opinion.json"
TRAINING_FILES = ("dev.csv", "dev2.csv", "dev3.csv")
PACKAGED_KIND = "cnb"


def train_packaged(data_dir: str | Path | None = None) -> Model:
    """The packaged model, trained again from the development files (``tests/data``)."""
    from corpus_lib.paths import PROJECT_ROOT

    folder = Path(data_dir) if data_dir is not None else PROJECT_ROOT / "tests" / "data"
    return train([folder / name for name in TRAINING_FILES], kind=PACKAGED_KIND)


def main(argv: list[str] | None = None) -> int:
    """``python -m corpus_lib.coding.model [OUT]``: write the packaged model (to the package by default)."""
    import sys

    from corpus_lib.paths import PACKAGE_DIR

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
