"""The shipped second-opinion model (corpus_lib.coding.model): features, prediction and its file.

Sentences are invented for the tests. Training lives in ``tools/``; its tests are in
``tests/test_coding_training.py``.
"""

from __future__ import annotations

from importlib import resources

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize import RegexpTokenizer

from corpus_lib.coding import model as learned
from corpus_lib.coding.coder import load_rules
from corpus_lib.coding.rules import MODEL_FILE


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("aZ9 '’‘“”\".,;:!?()-_éİßK\n") + ["n't", "can't", "NATO’s"]), max_size=40))
def test_tokens_are_nltk_regexp_tokenizer_tokens(pieces):
    """The features' tokens: NLTK's RegexpTokenizer on the lower-cased text, curly quotes made straight."""
    text = "".join(pieces)
    lowered = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    assert learned._tokens(text) == RegexpTokenizer(learned._TOKEN.pattern).tokenize(lowered)


def test_from_json_rejects_other_formats():
    with pytest.raises(ValueError, match="not a corpus_lib.learned/1 model"):
        learned.Model.from_json('{"format": "something-else"}')


def test_the_shipped_model_file_reads_back_as_written():
    text = resources.files("corpus_lib").joinpath("data/coder", MODEL_FILE).read_text(encoding="utf-8")
    model = learned.Model.from_json(text)
    assert model.kind == "logreg" and model.to_json() == text


def test_coding_with_the_second_opinion_needs_no_scipy():
    # scipy is a development dependency (training); the installed coder predicts with numpy alone.
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['scipy'] = None\n"
        "import pandas as pd\n"
        "from corpus_lib.coding.coder import tag_stances\n"
        "st = pd.DataFrame({'statement_id': ['d.0001'], 'doc_id': ['d'], 'seq': [1], 'turn': [1],\n"
        "    'holder': ['NATO'], 'is_question': [False], 'text': ['The Karabakh talks resumed in Vienna.'],\n"
        "    'date': pd.to_datetime(['2016-01-01']), 'event_date': ['']})\n"
        "out = tag_stances(st)\n"
        "assert list(out['topic']) == ['karabakh'], out\n"
        "assert sys.modules['scipy'] is None\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


# Invented sentences for the exactness checks below (not from any corpus).
_FLOAT_SENTENCES = [
    ("NATO", "The alliance will not rule out closer ties with Baku.", ""),
    ("Russia", "Moscow warned that any enlargement would be met with a firm answer.", "They met."),
    ("media", "Observers doubted the ceasefire would hold through the winter.", ""),
    ("Azerbaijan", "We value the partnership and intend to deepen it step by step.", "Talks went on."),
]


def _packaged() -> learned.Model:
    return load_rules().second_opinion


def test_scores_are_the_per_topic_sums_bit_for_bit():
    """All topics' classes summed in one pass give the floats of summing topic by topic."""
    model = _packaged()
    texts = [t for _, t, _ in _FLOAT_SENTENCES]
    holders = [h for h, _, _ in _FLOAT_SENTENCES]
    contexts = [c for _, _, c in _FLOAT_SENTENCES]
    probs, _ = model._probabilities(texts, holders, [False] * len(texts), contexts)
    for topic in learned.TOPICS:
        w, b = model.weights[topic], model.bias[topic]
        z = np.array([
            w[:, sorted(model._index[f] for f in learned.featurize(t, h, False, c) if f in model._index)].sum(axis=1) + b
            for h, t, c in _FLOAT_SENTENCES
        ])
        assert np.array_equal(probs[topic], learned._softmax(z))


def test_stance_cues_are_the_feature_by_feature_margins():
    model = _packaged()
    n_cues = 0
    for holder, text, context in _FLOAT_SENTENCES:
        for topic in learned.TOPICS:
            classes = model.classes[topic]
            for label in classes[1:]:
                c = classes.index(label)
                others = [k for k, name in enumerate(classes) if k != c and name != learned.NONE]
                w = model.weights[topic]
                scored = sorted(
                    (-float(w[c, j] - (w[others, j].max() if others else 0.0)), f)
                    for f in learned.featurize(text, holder, False, context)
                    if (j := model._index.get(f)) is not None and f[:2] in ("w:", "b:", "c:")
                )
                expected = [f for m, f in scored if m < 0][:3]
                got = model.stance_cues(text, topic, label, holder=holder, context=context, top=3)
                n_cues += len(got)
                assert got == [
                    ("context:" if f[0] == "c" else "") + f[2:].replace("_NOT_", " NOT_").replace("_", " ").replace("NOT ", "NOT_")
                    for f in expected
                ]
    assert n_cues > 20  # the sentences give cues to compare


def test_predict_rows_are_the_row_by_row_computation():
    model = _packaged()
    texts = [t for _, t, _ in _FLOAT_SENTENCES] + ["Will the alliance open its door?"]
    holders = [h for h, _, _ in _FLOAT_SENTENCES] + ["media"]
    questions = [False, True, False, False, True]
    got = model.predict(texts, holders, questions)
    probs, _ = model._probabilities(texts, holders, questions, None)
    expected = []
    for i, q in enumerate(questions):
        for topic in learned.TOPICS:
            p = probs[topic][i]
            classes = model.classes[topic]
            best = int(np.argmax(p))
            label, prob, p_none = classes[best], float(p[best]), float(p[0])
            rest = p[1:] / max(1.0 - p_none, 1e-300)
            s = int(np.argmax(rest))
            stance, stance_prob = classes[1 + s], float(rest[s])
            if q:
                stance = learned.NEUTRAL
                label = label if label == learned.NONE else learned.NEUTRAL
            expected.append((i, topic, label, prob, p_none, stance, stance_prob))
    assert list(got.itertuples(index=False, name=None)) == expected
