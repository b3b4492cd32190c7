"""Tests of the rule files' loading and validation (corpus_lib.coding.rules).

Rule files are copied from the package into a temporary folder and spoiled there; the
packaged files are never touched.
"""

from __future__ import annotations

import dataclasses
import json
import shutil

import pytest

from corpus_lib.coding import rules as rules_module
from corpus_lib.coding.coder import CODER_VERSION, RuleError, load_rules
from corpus_lib.coding.model import Model
from corpus_lib.coding.rules import CODER_RELEASE, MODEL_FILE, STAGES
from corpus_lib.coding.words import Words
from corpus_lib.paths import PACKAGE_DIR
from corpus_lib.vocab import LABEL_SCORES, LABELS_BY_TOPIC, NEUTRAL, TOPICS


@pytest.fixture
def folder(tmp_path):
    """A copy of the packaged rule files, to spoil."""
    copy = tmp_path / "coder"
    shutil.copytree(PACKAGE_DIR / "data" / "coder", copy)
    return copy


def _edit_policy(folder, change) -> None:
    path = folder / "policy.json"
    policy = json.loads(path.read_text(encoding="utf-8"))
    change(policy)
    path.write_text(json.dumps(policy), encoding="utf-8")


def test_coder_version_is_a_hash_of_the_rule_files(folder):
    assert CODER_VERSION == load_rules().version
    assert CODER_VERSION.startswith(CODER_RELEASE + "+")
    assert load_rules(folder).version == CODER_VERSION
    with open(folder / "negators.csv", "a", encoding="utf-8") as fh:
        fh.write('NEG-999,negator,"nary","an extra negator"\n')
    assert load_rules(folder).version != CODER_VERSION


@pytest.mark.parametrize(
    ("file", "line", "message"),
    [
        ("topics.csv", 'TOP-KB-999,karabakh,,,"(unclosed","bad"\n', "bad pattern"),
        (
            "stance_cues.csv",
            'KB-ENG-999,karabakh,open,,,near,"word","label of another topic"\n',
            "not a karabakh label",
        ),
        ("anaphors.csv", 'ANA-001,reference,"again","repeated id"\n', "repeated rule id"),
        ("topics.csv", 'TOP-KB-998,karabakh,NOPE,,"word","unknown group"\n', "unknown group"),
    ],
)
def test_bad_rule_files_raise_with_file_and_line(folder, file, line, message):
    with open(folder / file, "a", encoding="utf-8") as fh:
        fh.write(line)
    with pytest.raises(RuleError, match=message) as err:
        load_rules(folder)
    assert str(err.value).startswith(file + ":")


# ---------------------------------------------------------------------------
# policy.json: labels and scores are the vocabulary's


def test_labels_and_scores_come_from_the_vocabulary():
    policy = load_rules().policy
    assert "labels" not in policy and "scores" not in policy
    for topic in TOPICS:
        order = policy["precedence"][topic]["order"]
        assert set(order) - {NEUTRAL} == set(LABELS_BY_TOPIC[topic]) - {NEUTRAL}
    assert all(label in LABEL_SCORES for labels in LABELS_BY_TOPIC.values() for label in labels)


@pytest.mark.parametrize(
    ("section", "value"),
    [
        ("labels", {"karabakh": ["engaged", "detached"]}),
        ("scores", {"engaged": 1.0}),
    ],
)
def test_a_policy_that_repeats_the_vocabulary_is_an_error(folder, section, value):
    _edit_policy(folder, lambda policy: policy.__setitem__(section, value))
    with pytest.raises(RuleError, match=f"section '{section}' is not read: the coder uses corpus_lib.vocab"):
        load_rules(folder)


def test_precedence_must_list_the_vocabulary_labels_of_its_topic(folder):
    def drop_distant(policy):
        policy["precedence"]["membership"]["order"] = ["conditional", "open"]

    _edit_policy(folder, drop_distant)
    with pytest.raises(RuleError, match=r"precedence.membership.order must list each of its labels once"):
        load_rules(folder)


@pytest.mark.parametrize(("section", "key"), [("self", "kept_with"), ("concession", None)])
def test_a_policy_pattern_that_does_not_compile_is_named_at_load(folder, section, key):
    def break_pattern(policy):
        if key:
            policy[section][key] = {"cooperative": "(unclosed"}
        else:
            policy[section]["pattern"] = "(unclosed"

    _edit_policy(folder, break_pattern)
    with pytest.raises(RuleError, match=rf"{section}\.(?:kept_with\.cooperative|pattern) is not a regular expression"):
        load_rules(folder)


def test_precedence_may_not_name_a_label_of_another_topic(folder):
    def add_open(policy):
        policy["precedence"]["karabakh"]["order"].append("open")

    _edit_policy(folder, add_open)
    with pytest.raises(RuleError, match=r"precedence.karabakh.order"):
        load_rules(folder)


def test_the_quotation_link_may_only_trust_labels_of_each_topic(folder):
    def trust_open_on_karabakh(policy):
        policy["anaphora"]["quotation"]["labels"]["karabakh"] = ["open"]

    _edit_policy(folder, trust_open_on_karabakh)
    with pytest.raises(RuleError, match=r"anaphora.quotation.labels.karabakh must list labels of that topic"):
        load_rules(folder)


def test_a_cue_label_is_checked_against_the_vocabulary(folder):
    with open(folder / "stance_cues.csv", "a", encoding="utf-8") as fh:
        fh.write('RU-ADV-999,russia,hostile,,,sentence,"word","not a russia label"\n')
    with pytest.raises(RuleError, match="label 'hostile' is not a russia label"):
        load_rules(folder)


# ---------------------------------------------------------------------------
# The second opinion's model file


def test_packaged_model_is_loaded_and_versioned():
    rules = load_rules()
    assert isinstance(rules.second_opinion, Model)
    assert rules.policy["second_opinion"]["rule_id"] == "LRN-001"


def test_a_changed_model_file_changes_the_coder_version(folder):
    assert load_rules(folder).version == CODER_VERSION
    model = folder / MODEL_FILE
    model.write_text(model.read_text(encoding="utf-8").replace('"min_df":2', '"min_df":3'), encoding="utf-8")
    assert load_rules(folder).version != CODER_VERSION


def test_a_policy_asking_for_a_missing_model_is_an_error(folder):
    (folder / MODEL_FILE).unlink()
    with pytest.raises(RuleError, match="model file is missing"):
        load_rules(folder)


# ---------------------------------------------------------------------------
# Without RE2 every rule of a stage is tried


def test_without_re2_every_rule_is_tried_and_matches_are_the_same(folder, monkeypatch):
    monkeypatch.setattr(rules_module.prefilter, "AVAILABLE", False)
    plain = load_rules(folder)
    assert plain._prefilter == (None,) * len(STAGES)
    assert sorted(i for stage in plain._stages for i in stage) == list(range(len(plain.rules)))
    packaged = load_rules()
    for text in [
        "Moscow said no.",
        "The door to NATO remains open, but membership depends on reforms.",
        "It remains to be seen whether Baku and Yerevan will sign a lasting peace treaty.",
        "İstanbul hosted ſome talks; the K-team (Kelvin) joined them.",
    ]:
        assert plain.match(text) == packaged.match(text) == sorted(packaged.match(text, use_index=False)), text


def test_a_stage_without_prefilter_tries_all_its_rules():
    rules = load_rules()
    plain = dataclasses.replace(rules, _prefilter=(None,) * len(STAGES))
    text = "NATO condemned the aggression, and Moscow did not respond."
    for stage in STAGES:
        expected = sorted(rules.match_stage(text, stage, lambda: Words(text)))
        assert sorted(plain.match_stage(text, stage, lambda: Words(text))) == expected


@pytest.mark.parametrize(
    "text",
    [
        "NATO condemned the aggression, and Moscow did not respond.",
        "The door to NATO remains open, but membership depends on reforms.",
        "Russia is not a partner; Baku and Yerevan will never sign a lasting peace treaty.",
    ],
)
def test_a_topics_cues_are_those_of_all_the_rules_on_that_topic(text):
    """Matching one topic's cue stage gives the cues that matching every rule gives on it,
    in the same order, and leaves the other topics' cues unmatched."""
    from corpus_lib.coding.matching import Sentence
    from corpus_lib.vocab import TOPICS

    rules = load_rules()
    every = [(rules.rules[i], s, e) for i, s, e in rules.match(text, use_index=False) if rules.rules[i].kind == "cue"]
    for topic in TOPICS:
        sent = Sentence(text, rules)
        assert sent.cues(topic) == [m for m in every if m[0].topic == topic]
        assert all(r.topic == topic for r, _, _ in sent.kind("cue"))
