"""Training the second opinion (tools/train_second_opinion.py) and the coders its
cross-validation compares (tools/learned_coders.py), on small invented sentences.
"""

from __future__ import annotations

from importlib import resources

import pandas as pd
import pytest

from corpus_lib.coding.model import Model
from corpus_lib.coding.rules import MODEL_FILE
from corpus_lib.evaluation.evaluate import UNSEEN_COLUMNS
from tools import learned_coders
from tools import train_second_opinion as training

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


def _table(rows=TOY) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["holder", "context", "text", "karabakh", "russia", "membership"])


@pytest.fixture(scope="module")
def model() -> Model:
    return training.train_table(_table())


@pytest.mark.parametrize("kind", training.KINDS)
def test_training_is_deterministic(kind):
    a = training.train_table(_table(), kind=kind).to_json()
    b = training.train_table(_table(), kind=kind).to_json()
    assert a == b
    assert a.endswith("\n") and '"format":"corpus_lib.learned/1"' in a


@pytest.mark.parametrize("kind", training.KINDS)
def test_separates_a_separable_toy_set(kind):
    m = training.train_table(_table(), kind=kind)
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
    again = Model.from_json(text)
    assert again.to_json() == text
    texts = ["We condemn Russia.", "The door is open.", "Karabakh is for the sides."]
    pd.testing.assert_frame_equal(model.predict(texts), again.predict(texts))


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
        training.train_table(_table().drop(columns="russia"))


def test_unknown_label_is_a_clear_error():
    rows = [*TOY, ("NATO", "", "We hate Russia.", "", "hostile", "")]
    with pytest.raises(ValueError, match="russia label 'hostile' is not one of"):
        training.train_table(_table(rows))


def test_unknown_kind_and_empty_input():
    with pytest.raises(ValueError, match="kind 'svm'"):
        training.train_table(_table(), kind="svm")
    with pytest.raises(ValueError, match="no rows"):
        training.train_table(_table([]))
    with pytest.raises(ValueError, match="no training files"):
        training.train([])


def test_train_from_files_validates_them(tmp_path):
    good = tmp_path / "toy.csv"
    rows = [
        {"id": f"t{i}", "year": 2015, "genre": "news", "speaker_role": "narrator", "holder": h,
         "context": c, "text": t, "karabakh": k, "russia": r, "membership": m, "note": ""}
        for i, (h, c, t, k, r, m) in enumerate(TOY)
    ]
    pd.DataFrame(rows, columns=list(UNSEEN_COLUMNS)).to_csv(good, index=False)
    assert training.train([good]).to_json() == training.train_table(_table()).to_json()
    bad = tmp_path / "bad.csv"
    rows[0]["russia"] = "hostile"
    pd.DataFrame(rows, columns=list(UNSEEN_COLUMNS)).to_csv(bad, index=False)
    with pytest.raises(ValueError, match="hostile"):
        training.train([bad])


@pytest.fixture(scope="module")
def three_statements() -> pd.DataFrame:
    return pd.DataFrame({
        "statement_id": ["d.0001", "e.0001", "f.0001"], "doc_id": ["d", "e", "f"],
        "seq": [1, 1, 1], "turn": [1, 1, 1], "holder": ["NATO", "NATO", "NATO"],
        "is_question": [False, False, False],
        "text": ["We condemn Russia for its aggression.", "We welcome cooperation with Russia.",
                 "The weather was fine today."],
    })


def test_second_opinion_follows_the_preregistered_rule(model, three_statements):
    rules = pd.DataFrame({
        "statement_id": ["d.0001", "e.0001"], "topic": ["russia", "russia"],
        "stance": ["cooperative", "neutral"],
    })
    out = learned_coders.second_opinion(three_statements, model, rules)
    got = {(r.statement_id, r.topic): (r.stance, r.source) for r in out.itertuples()}
    assert got["d.0001", "russia"] == ("cooperative", "rules")  # a non-neutral rule code is kept
    assert got["e.0001", "russia"] == ("cooperative", "learned")  # neutral replaced when confident
    assert not any(sid == "f.0001" for sid, _ in got)


def test_the_learned_model_alone_codes_the_topics_it_finds(model, three_statements):
    out = learned_coders.tag_with_model(model, three_statements)
    assert list(out.columns) == ["statement_id", "topic", "stance", "probability"]
    got = {(r.statement_id, r.topic): r.stance for r in out.itertuples()}
    assert got["d.0001", "russia"] == "adversarial"
    assert got["e.0001", "russia"] == "cooperative"
    assert not any(sid == "f.0001" for sid, _ in got)


def test_packaged_model_is_the_one_trained_on_the_dev_files():
    # corpus_lib/data/coder/second_opinion.json must be exactly what `python -m tools.train_second_opinion`
    # writes from the development files (tests/data/dev*.csv and the development article
    # sets): no hand-edited weights, no other training data.
    packaged = resources.files("corpus_lib").joinpath("data/coder", MODEL_FILE).read_text(encoding="utf-8")
    assert training.train_packaged().to_json() == packaged


def test_no_held_out_set_is_trained_on():
    # heldout3 was moved to development before any training; every other heldout set stays out
    assert not any(name.startswith("heldout") and name != "heldout3" for name in training.TRAINING_ARTICLES)
    assert not any(name in ("unseen.csv", "check3.csv") for name in training.TRAINING_FILES)


def _article_set(folder, body: str, rows: list[tuple[str, str]]):
    """An invented one-article set (2026-12-05): its file, manifest and gold rows (text, russia)."""
    (folder / "toy").mkdir()
    (folder / "toy" / "01_a.txt").write_text(body, encoding="utf-8")
    (folder / "toy" / "manifest.csv").write_text("file,doc_id\n01_a.txt,t-01\n", encoding="utf-8")
    gold = pd.DataFrame([("t-01", k, text, "narrator", "narrator", "media", "", label, "", "")
                         for k, (text, label) in enumerate(rows, start=1)],
                        columns=["doc_id", "n", "text", "speaker", "speaker_role", "holder", "karabakh", "russia", "membership", "note"])
    gold.to_csv(folder / "toy_gold.csv", index=False)


def test_an_article_sets_context_is_the_sentence_before_in_the_same_paragraph(tmp_path):
    body = "Talks resumed\n\nThe envoy  met the minister.\nHe praised   Russia.\n\nShare this\n\nRain fell.\n"
    _article_set(tmp_path, body, [("Talks resumed", ""), ("The envoy met the minister.", ""),
                                  ("He praised Russia.", "cooperative"), ("Rain fell.", "")])
    table = training.article_table(tmp_path, "toy")
    assert table["context"].tolist() == ["", "", "The envoy met the minister.", ""]
    assert table["russia"].tolist() == ["", "", "cooperative", ""]


def test_an_article_set_whose_sentence_is_not_in_its_file_is_an_error(tmp_path):
    _article_set(tmp_path, "Talks resumed\n\nRain fell.\n", [("Rain fell.", ""), ("Talks resumed", "")])
    with pytest.raises(ValueError, match="toy_gold.csv: t-01 sentence 2 is not in 01_a.txt"):
        training.article_table(tmp_path, "toy")


def test_the_command_writes_the_shipped_file(tmp_path, capsys):
    out = tmp_path / MODEL_FILE
    assert training.main([str(out)]) == 0
    packaged = resources.files("corpus_lib").joinpath("data/coder", MODEL_FILE).read_bytes()
    assert out.read_bytes() == packaged
    assert "wrote" in capsys.readouterr().out
