"""Tests of corpus_lib.evaluation.validation: the seed corpus against its hand codes (05-validation)."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus_lib.evaluation.validation import AGREEMENT_METRICS, agreement_verdicts, disagreements, validate_seeds
from corpus_lib.paths import SEEDS_DIR


def test_the_seed_corpus_is_validated(seed_corpus):
    validation = validate_seeds(seed_corpus)
    assert validation.ok and validation.report is not None
    assert validation.message.startswith(f"**{len(validation.gold)}** hand codes on ")
    assert "Every hand-coded id still points to the sentence that was coded." in validation.message
    agreement = validation.agreement
    assert set(agreement["topic"]) == {"karabakh", "russia", "membership"}
    assert list(dict.fromkeys(agreement["metric"])) == list(AGREEMENT_METRICS)
    assert set(validation.confusion) == {"karabakh", "russia", "membership"}
    assert len(validation.verdicts.splitlines()) == 4  # a line per topic, then the holder line
    assert validation.disagreement_summary.startswith(f"**{len(validation.disagreements)}** disagreements out of ")
    assert validation.disagreement_kinds.to_numpy().sum() == len(validation.disagreements)
    assert validate_seeds(seed_corpus, SEEDS_DIR).ok


def test_other_corpora_and_missing_hand_codes_are_said(seed_corpus, tmp_path):
    other = validate_seeds(seed_corpus, tmp_path)
    assert not other.ok and "**no validation here**" in other.message and "not the seed corpus" in other.message
    assert other.metrics.empty and other.agreement.empty and other.confusion == {} and other.verdicts == ""
    missing = validate_seeds(seed_corpus, gold_path=tmp_path / "seeds.csv")
    assert not missing.ok and missing.message.startswith("The hand codes (`seeds.csv`) are not in")


def test_disagreements_by_hand():
    gold = pd.DataFrame(
        {"statement_id": ["a", "b", "c"], "topic": ["russia", "russia", "karabakh"],
         "stance": ["adversarial", "neutral", "engaged"]}
    )  # fmt: skip
    stances = pd.DataFrame(
        {"statement_id": ["a", "b", "d"], "topic": ["russia", "russia", "membership"],
         "stance": ["adversarial", "cooperative", "open"], "rule_ids": ["R1", "R2", "M1"]}
    )  # fmt: skip
    statements = pd.DataFrame({"statement_id": list("abcd"), "holder": "NATO", "text": list("ABCD")})
    wrong, n_pairs = disagreements(gold, stances, statements)
    assert n_pairs == 4
    assert wrong[["statement_id", "topic", "gold", "automatic"]].to_numpy().tolist() == [
        ["c", "karabakh", "engaged", "none"],
        ["d", "membership", "none", "open"],
        ["b", "russia", "neutral", "cooperative"],
    ]


def test_agreement_verdicts():
    rows = []
    for topic, alpha in (("karabakh", 0.85), ("russia", 0.7), ("membership", 0.5)):
        for metric in ("stance_kappa", "stance_alpha", "joint_alpha"):
            rows.append((topic, metric, alpha, alpha - 0.1, alpha + 0.1, 20))
    rows += [("all", "holder_accuracy", 0.97, 0.9, 1.0, 100), ("all", "holder_accuracy_nato", 0.99, 0.95, 1.0, 60)]
    metrics = pd.DataFrame(rows, columns=["topic", "metric", "value", "ci_low", "ci_high", "n"])
    lines = agreement_verdicts(metrics).split("\n")
    assert [line.split(": ")[-1].split(";")[0] for line in lines[:3]] == [
        "reliable (≥ 0.8)", "tentative (0.667–0.8)", "below the 0.667 floor",
    ]  # fmt: skip
    assert lines[0].startswith("- **karabakh**: stance κ = 0.85 [0.75, 0.95], α = 0.85")
    assert lines[3] == (
        "- **holder**: the parser's holder matches the hand-coded one on 97% of the hand-coded rows "
        "(99% of those the coder gave to NATO)."
    )


@pytest.mark.parametrize("name", ["gold", "rules", "validation"])
def test_doctests_pass(name):
    import doctest
    import importlib

    module = importlib.import_module(f"corpus_lib.evaluation.{name}")
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
