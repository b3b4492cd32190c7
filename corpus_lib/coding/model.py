"""The second opinion's model: read the shipped model file and code sentences with it.

Where the rules find a topic but no stance cue in a sentence that is not a question, the
coder asks a small learned classifier (policy ``second_opinion`` in ``policy.json``; see
``docs/codebook.md``): a confident learned stance replaces ``neutral``. It never adds or
removes a topic and never overrides a rule's label. This module holds that classifier as
the coder uses it: :class:`Model` reads ``corpus_lib/data/coder/second_opinion.json``
(:meth:`Model.from_json`), turns a sentence into features (:func:`featurize`) and
predicts with numpy alone. Training, and the cross-validation that chose the estimator,
live outside the installed package in ``tools/train_second_opinion.py``, which writes
the model file again from the development sentence files, byte for byte.

Model, per topic: one linear classifier over the classes ``none`` (topic not touched)
plus the topic's stance labels (``corpus_lib.vocab.LABELS_BY_TOPIC``), on binary
features of one sentence:

- lower-cased, Snowball-stemmed unigrams (``w:``) and bigrams (``b:``) of the sentence,
  a token after *not, no, never, nor, without, cannot* or a word ending in *n't* carrying
  the prefix ``NOT_`` up to the next punctuation mark;
- the stemmed unigrams of the ``context`` sentence (``c:``), the preceding sentence of
  the same turn, so that a reference ("He", "this war") can carry the topic;
- the holder (``h:NATO``) and whether the sentence is a question (``q:yes``).

A sentence's score for a class is the sum of its features' weights plus the class's
bias, and the probabilities are the softmax of the scores. Weights are stored rounded to
``DIGITS`` decimals, so a model read back from its JSON predicts exactly what the fitted
one did. Questions are coded ``neutral`` whatever the weights say (CODEBOOK.md: questions
are neutral).

Example:
    >>> import numpy as np
    >>> classes = {t: ("none", "a", "b") for t in TOPICS}
    >>> weights = {t: np.array([[0.0, 0.0], [2.0, 0.0], [0.0, 1.0]]) for t in TOPICS}
    >>> model = Model("cnb", {}, ("w:condemn", "w:welcom"), classes, weights, {t: np.zeros(3) for t in TOPICS})
    >>> model.predict(["They condemn Russia."], ["EU"], [False]).query("topic == 'russia'").label.item()
    'a'
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd
from nltk.stem import SnowballStemmer

from corpus_lib.vocab import NEUTRAL, TOPICS

NONE = "none"  # the class "topic not touched"

__all__ = ["DIGITS", "FORMAT", "NONE", "Model", "featurize", "round_weights"]

FORMAT = "corpus_lib.learned/1"
DIGITS = 6

# What NLTK's ``RegexpTokenizer`` with this pattern returns (its ``findall``), run with the
# standard ``re``: the pattern is ASCII only, so both engines match alike, and ``re`` is the
# faster of the two here (NLTK's wrapper runs the ``regex`` module).
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
        holder: Its holder (one of ``corpus_lib.vocab.HOLDERS``).
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


# --- scores ---------------------------------------------------------------------------


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def round_weights(a: np.ndarray) -> np.ndarray:
    """Weights rounded to ``DIGITS`` decimals (``-0.0`` made ``0.0``), as the model file stores them."""
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
    # The features of the sentences of the latest prediction, by featurize's arguments: the
    # coder asks stance_cues about some of them right after (replaced, never mutated).
    _recent: dict[tuple, list[str]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {f: i for i, f in enumerate(self.features)})
        object.__setattr__(self, "_recent", {})

    def _features(self, text: str, holder: str, question: bool, context: str) -> list[str]:
        """featurize(text, holder, question, context), taken from the latest prediction where it
        featurized the same arguments."""
        found = self._recent.get((text, holder, question, context))
        return found if found is not None else featurize(text, holder, question, context)

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
        keys = list(zip(texts, holders, questions, contexts))
        feats = [featurize(*key) for key in keys]  # each sentence's own, repeated sentences too
        object.__setattr__(self, "_recent", dict(zip(keys, feats)))
        cols = [sorted(index[f] for f in fs if f in index) for fs in feats]
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
        against_none: bool = False,
    ) -> list[str]:
        """The words of a sentence that most favour ``label`` over the topic's other labels.

        For the ``cues`` column: the ``top`` features with the largest positive margin
        (weight for ``label`` minus the largest weight for another stance label, or, with
        ``against_none``, minus the weight for ``none``: the words that make it the topic),
        written as words: ``NOT_`` marks a negated word, ``context:`` a word of the sentence
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
        others = [classes.index(NONE)] if against_none else [k for k, name in enumerate(classes) if k != c and name != NONE]
        w = self.weights[topic]
        index = self._index
        feats = [f for f in self._features(text, holder, False, context) if f in index and f[:2] in ("w:", "b:", "c:")]
        cols = [index[f] for f in feats]
        # each margin as one float64 subtraction, all at once: the same numbers as one by one
        margins = w[c, cols] - (w[np.ix_(others, cols)].max(axis=0) if others and cols else 0.0)
        scored = sorted((-float(m), f) for f, m in zip(feats, margins) if m > 0)
        words = []
        for _, f in scored[:top]:
            kind, name = f[:1], f[2:]
            words.append(("context:" if kind == "c" else "") + name.replace("_NOT_", " NOT_").replace("_", " ").replace("NOT ", "NOT_"))
        return words

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
                    "weights": [[float(v) for v in row] for row in round_weights(self.weights[t])],
                    "bias": [float(v) for v in round_weights(self.bias[t])],
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
