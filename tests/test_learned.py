"""The learned stance model (corpus_lib.coding.model) on small invented sentences."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize import RegexpTokenizer

from corpus_lib.coding import model as learned
from corpus_lib.evaluation.evaluate import UNSEEN_COLUMNS

# Invented toy sentences; obviously separable on their cue words.
TOY = [
    ("NATO", "", "We condemn Russia for its aggression.", "", "adversarial", ""),
    ("NATO", "", "Allies condemn Moscow and its aggression.", "", "adversarial", ""),
    ("EU", "", "We condemn the Kremlin for the aggression.", "", "adversarial", ""),
    ("NATO", "", "We welcome cooperation with Russia.", "", "cooperative", ""),
    ("NATO", "", "Allies welcome cooperation with Moscow.", "", "cooperative", ""),
    ("EU", "", "We welcome practical cooperation with the Kremlin.", "", "cooperative", ""),
    ("NATO", "", "The door to membership is open.", "", "", "open"),
    ("NATO", "", "The door to membership is open for Georgia.", "", "", "open"),
    ("NATO", "", "Membership is not on the agenda.", "", "", "distant"),
    ("Azerbaijan", "", "Membership is not on the agenda for Baku.", "", "", "distant"),
    ("NATO", "", "We support a peace agreement on Karabakh.", "engaged", "", ""),
    ("NATO", "", "We support a lasting peace agreement on Karabakh.", "engaged", "", ""),
    ("NATO", "", "Karabakh is for the sides themselves to settle.", "detached", "", ""),
    ("NATO", "", "Karabakh is for the two sides themselves.", "detached", "", ""),
    ("media", "", "The weather was fine today.", "", "", ""),
    ("media", "", "The weather was fine in the capital.", "", "", ""),
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("aZ9 '’‘“”\".,;:!?()-_éİßK\n") + ["n't", "can't", "NATO’s"]), max_size=40))
def test_tokens_are_nltk_regexp_tokenizer_tokens(pieces):
    """The features' tokens: NLTK's RegexpTokenizer on the lower-cased text, curly quotes made straight."""
    text = "".join(pieces)
    lowered = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    assert learned._tokens(text) == RegexpTokenizer(learned._TOKEN.pattern).tokenize(lowered)


def _table(rows=TOY) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["holder", "context", "text", "karabakh", "russia", "membership"])


@pytest.fixture(scope="module")
def model() -> learned.Model:
    return learned.train_table(_table())


@pytest.mark.parametrize("kind", learned.KINDS)
def test_training_is_deterministic(kind):
    a = learned.train_table(_table(), kind=kind).to_json()
    b = learned.train_table(_table(), kind=kind).to_json()
    assert a == b
    assert a.endswith("\n") and '"format":"corpus_lib.learned/1"' in a


@pytest.mark.parametrize("kind", learned.KINDS)
def test_separates_a_separable_toy_set(kind):
    m = learned.train_table(_table(), kind=kind)
    texts = [
        "They condemn Russia's aggression.", "They welcome cooperation with Russia.",
        "The door to membership is open.", "Membership is not on the agenda.",
        "We support a peace agreement on Karabakh.", "The weather was fine.",
    ]
    pred = m.predict(texts, ["NATO"] * len(texts), [False] * len(texts))
    label = {(r.row, r.topic): r.label for r in pred.itertuples()}
    assert label[0, "russia"] == "adversarial"
    assert label[1, "russia"] == "cooperative"
    assert label[2, "membership"] == "open"
    assert label[3, "membership"] == "distant"
    assert label[4, "karabakh"] == "engaged"
    assert all(label[5, t] == "none" for t in ("karabakh", "russia", "membership"))


def test_predict_frame_and_questions_are_neutral(model):
    pred = model.predict(["Do we condemn Russia for its aggression?"], ["NATO"], [True])
    assert list(pred.columns) == ["row", "topic", "label", "probability", "p_none", "stance", "stance_probability"]
    assert pred["topic"].tolist() == ["karabakh", "russia", "membership"]
    russia = pred[pred["topic"] == "russia"].iloc[0]
    assert russia["label"] == "neutral" and russia["stance"] == "neutral"
    assert ((pred["probability"] > 0) & (pred["probability"] <= 1)).all()


def test_json_round_trip(model):
    text = model.to_json()
    again = learned.Model.from_json(text)
    assert again.to_json() == text
    texts = ["We condemn Russia.", "The door is open.", "Karabakh is for the sides."]
    pd.testing.assert_frame_equal(model.predict(texts), again.predict(texts))


def test_from_json_rejects_other_formats():
    with pytest.raises(ValueError, match="not a corpus_lib.learned/1 model"):
        learned.Model.from_json('{"format": "something-else"}')


def test_explain_returns_features(model):
    out = model.explain("We condemn Russia for its aggression.", "russia", holder="NATO")
    assert list(out.columns) == ["label", "feature", "weight", "margin"]
    assert set(out["label"]) == {"adversarial"}
    assert "w:condemn" in out["feature"].tolist()
    assert out["feature"].iloc[-1] == "(bias)"
    with pytest.raises(ValueError, match="topic 'ukraine'"):
        model.explain("text", "ukraine")


def test_missing_column_is_a_clear_error():
    with pytest.raises(ValueError, match="lacks required column.*russia"):
        learned.train_table(_table().drop(columns="russia"))


def test_unknown_label_is_a_clear_error():
    rows = [*TOY, ("NATO", "", "We hate Russia.", "", "hostile", "")]
    with pytest.raises(ValueError, match="russia label 'hostile' is not one of"):
        learned.train_table(_table(rows))


def test_unknown_kind_and_empty_input():
    with pytest.raises(ValueError, match="kind 'svm'"):
        learned.train_table(_table(), kind="svm")
    with pytest.raises(ValueError, match="no rows"):
        learned.train_table(_table([]))
    with pytest.raises(ValueError, match="no training files"):
        learned.train([])


def test_train_from_files_validates_them(tmp_path):
    good = tmp_path / "toy.csv"
    rows = [
        {"id": f"t{i}", "year": 2015, "genre": "news", "speaker_role": "narrator", "holder": h,
         "context": c, "text": t, "karabakh": k, "russia": r, "membership": m, "note": ""}
        for i, (h, c, t, k, r, m) in enumerate(TOY)
    ]
    pd.DataFrame(rows, columns=list(UNSEEN_COLUMNS)).to_csv(good, index=False)
    assert learned.train([good]).to_json() == learned.train_table(_table()).to_json()
    bad = tmp_path / "bad.csv"
    rows[0]["russia"] = "hostile"
    pd.DataFrame(rows, columns=list(UNSEEN_COLUMNS)).to_csv(bad, index=False)
    with pytest.raises(ValueError, match="hostile"):
        learned.train([bad])


def test_second_opinion_follows_the_preregistered_rule(model):
    statements = pd.DataFrame({
        "statement_id": ["d.0001", "e.0001", "f.0001"], "doc_id": ["d", "e", "f"],
        "seq": [1, 1, 1], "turn": [1, 1, 1], "holder": ["NATO", "NATO", "NATO"],
        "is_question": [False, False, False],
        "text": ["We condemn Russia for its aggression.", "We welcome cooperation with Russia.",
                 "The weather was fine today."],
    })
    rules = pd.DataFrame({
        "statement_id": ["d.0001", "e.0001"], "topic": ["russia", "russia"],
        "stance": ["cooperative", "neutral"],
    })
    out = learned.second_opinion(statements, model, rules)
    got = {(r.statement_id, r.topic): (r.stance, r.source) for r in out.itertuples()}
    assert got["d.0001", "russia"] == ("cooperative", "rules")  # a non-neutral rule code is kept
    assert got["e.0001", "russia"] == ("cooperative", "learned")  # neutral replaced when confident
    assert not any(sid == "f.0001" for sid, _ in got)


def test_packaged_model_is_the_one_trained_on_the_dev_files():
    # corpus_lib/data/coder/second_opinion.json must be exactly what `python -m corpus_lib.coding.model`
    # writes from tests/data/dev*.csv: no hand-edited weights, no other training data.
    from importlib import resources

    packaged = resources.files("corpus_lib").joinpath("data/coder", learned.MODEL_FILE).read_text(encoding="utf-8")
    assert learned.train_packaged().to_json() == packaged


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
    from corpus_lib.coding.coder import load_rules

    return load_rules().second_opinion


def test_scores_are_the_per_topic_sums_bit_for_bit():
    """All topics' classes summed in one pass give the floats of summing topic by topic."""
    import numpy as np

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
    import numpy as np

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
