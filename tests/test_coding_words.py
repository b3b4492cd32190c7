"""Tests of the words a rule can start with and where a sentence's words begin (corpus_lib.coding.words).

The first words of a pattern are read from ``re._parser``, a private module of the
standard library; these tests hide it and check that the coder then gives the same codes.
Sentences are invented for the tests.
"""

from __future__ import annotations

import ast
import builtins
import dataclasses
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hyp

from corpus_lib.coding import words
from corpus_lib.coding.coder import load_rules, tag_stances
from corpus_lib.coding.rules import _compile
from corpus_lib.coding.words import Words, first_words, keys
from corpus_lib.paths import PACKAGE_DIR

SENTENCES = [
    "NATO firmly supports Azerbaijan's territorial integrity.",
    "The Alliance urged Baku and Yerevan to sign a lasting peace treaty.",
    "NATO is not a mediator in the Karabakh dispute.",
    "The envoy denounced Moscow's aggression against its neighbours.",
    "The Alliance froze all practical cooperation with Russia.",
    "It remains to be seen whether Allies still back Georgia's membership.",
    "We will not join NATO unless membership serves our interests.",
    "This is why the Alliance keeps its door open.",
    "İstanbul hosted ſome talks; the K-team (Kelvin) joined them.",
]


@settings(max_examples=400, deadline=None)
@given(hyp.lists(hyp.sampled_from(list("ab9_ .,;’'-\u00a0\tİß٣") + ["nato", "membership", "open-door", "x_y"]), max_size=25))
def test_keys_are_the_key_regex_matches(pieces):
    text = "".join(pieces).lower()
    assert keys(text) == set(words._KEY.findall(text))


@settings(max_examples=300, deadline=None)
@given(hyp.lists(hyp.sampled_from(list("aZ9_ .,;’'-\u00a0İß٣K") + ["nato", "door", "NATO’s", "x_y"]), max_size=25))
def test_word_starts_are_where_the_words_with_the_key_begin(pieces):
    text = "".join(pieces)
    found = Words(text)
    expected: dict[str, list[int]] = {}
    for m in re.finditer(r"\w+", text):
        expected.setdefault(m.group().lower()[: words.KEY_LEN], []).append(m.start())
    if len(text.lower()) == len(text):
        assert found.keys == set(expected)
    for key, starts in expected.items():
        assert found.starts(key) == starts, (text, key)


@pytest.mark.parametrize(
    ("pattern", "heads"),
    [
        ("aggression", {"aggr"}),
        ("(?:open|the) door", {"open", "the"}),
        ("(?:an? )?envoy", {"a", "an", "envo"}),
        (r"(?<=in )case", {"case"}),
        ("[Mm]oscow|Kremlin", {"mosc", "krem"}),
        # a pattern opening with a class of word characters: its first words cannot be listed
        (r"\w+ (?:calls?|asks?) for (?:a |the )?(?:truce|ceasefire)", None),
        (r"[\w-]+ (?:(?:new |fresh )?talks|dialogue)", None),
        (r"\w+ strongly agree|\w+ deeply regret", None),
        (r"\w+ing\w*", None),
        (r"\w+ harbour (?:\w+|docks)", None),
    ],
)
def test_first_words(pattern, heads):
    regex = _compile(pattern, path="test", line=1)
    assert first_words(regex) == (frozenset(heads) if heads else None)


_RULES = load_rules()
_UNLISTED = [i for i, heads in enumerate(_RULES._heads_of) if heads is None]


def test_some_packaged_rules_have_no_listable_first_word():
    assert _UNLISTED  # the test below has rules to draw


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=hyp.data())
def test_rules_without_first_words_are_scanned_over_the_sentence(data):
    rules = _RULES
    i = data.draw(hyp.sampled_from(_UNLISTED))
    # a text the rule matches (any word characters where the pattern has \w), in a sentence
    inner = data.draw(hyp.from_regex(re.compile(rules.rules[i].pattern, re.IGNORECASE), fullmatch=True))
    before = data.draw(hyp.sampled_from(["", "Yesterday ", "The envoy said: ", "“"]))
    after = data.draw(hyp.sampled_from(["", ".", " soon, they said.", "” ?"]))
    text = before + inner + after
    found = rules.match(text)
    assert found == sorted(rules.match(text, use_index=False))
    # the same with every rule of a stage tried (no prefilter)
    assert dataclasses.replace(rules, _prefilter=(None,) * len(rules._prefilter)).match(text) == found
    if re.fullmatch(r"(?:\w.*)?\w", inner) and not re.match(r"\w", after):
        assert any(j == i for j, _, _ in found), (rules.rules[i].rule_id, text)


# ---------------------------------------------------------------------------
# Without re's private parser


def _statements(texts: list[str]) -> pd.DataFrame:
    n = len(texts)
    return pd.DataFrame({
        "statement_id": [f"w.{k + 1:04d}" for k in range(n)], "doc_id": ["w"] * n, "seq": list(range(1, n + 1)),
        "turn": [1] * n, "holder": ["NATO"] * n, "is_question": [t.endswith("?") for t in texts], "text": texts,
        "date": pd.to_datetime(["2016-05-04"] * n), "event_date": [""] * n,
    })


@pytest.fixture
def no_private_re(monkeypatch):
    """Imports of re's private parser fail, as on a Python that has none."""
    real_import = builtins.__import__
    hidden = {"_parser", "_constants"}

    def fake_import(name, globals=None, locals=None, fromlist=(), level=0):
        if name in {"re._parser", "re._constants", "sre_parse", "sre_constants"} or (
            name == "re" and hidden.intersection(fromlist or ())
        ):
            raise ImportError(f"{name} {fromlist} is hidden by the test")
        return real_import(name, globals, locals, fromlist, level)

    monkeypatch.setattr(builtins, "__import__", fake_import)


def _rules_without_private_re(tmp_path):
    folder = tmp_path / "coder"
    shutil.copytree(PACKAGE_DIR / "data" / "coder", folder)
    return load_rules(folder)


def test_without_re_parser_no_first_words_are_listed(tmp_path, no_private_re):
    assert words._tree_reader() is None
    assert first_words(_compile("aggression", path="test", line=1)) is None
    rules = _rules_without_private_re(tmp_path)
    assert all(heads is None for heads in rules._heads_of)
    assert all(heads is None for heads in rules._group_heads.values())


def test_without_re_parser_the_codes_are_the_same(tmp_path, no_private_re, seed_corpus):
    rules = _rules_without_private_re(tmp_path)
    packaged = load_rules()
    for text in SENTENCES:
        assert rules.match(text) == packaged.match(text), text
    for frame in (seed_corpus.statements, _statements(SENTENCES)):
        plain = tag_stances(frame, rules=rules)
        assert len(plain) > 0
        pd.testing.assert_frame_equal(plain, tag_stances(frame, rules=packaged))


def test_a_parser_that_reads_otherwise_is_not_used(monkeypatch):
    monkeypatch.setattr(words, "_PROBE_WORDS", frozenset({"something", "else"}))
    assert words._tree_reader() is None
    assert first_words(_compile("aggression", path="test", line=1)) is None
    monkeypatch.undo()
    assert first_words(_compile("aggression", path="test", line=1)) == frozenset({"aggr"})


def test_no_private_name_is_imported_when_a_coding_module_is_imported():
    folder = Path(words.__file__).parent
    for path in sorted(folder.glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            for inner in ast.walk(node) if isinstance(node, ast.Try | ast.If) else [node]:
                if isinstance(inner, ast.Import):
                    names = [alias.name for alias in inner.names]
                elif isinstance(inner, ast.ImportFrom) and inner.module != "__future__":
                    names = [f"{inner.module}.{alias.name}" for alias in inner.names]
                else:
                    continue
                for name in names:
                    assert not any(part.startswith("_") for part in name.split(".")), (path.name, name)


def test_a_parse_tree_the_walker_does_not_know_leaves_the_rule_unlisted(monkeypatch):
    real = words._first_words

    def surprised(reader, regex):
        if regex is words._PROBE:
            return real(reader, regex)
        raise AttributeError("an op code this walker has never seen")

    monkeypatch.setattr(words, "_first_words", surprised)
    assert first_words(_compile("aggression", path="test", line=1)) is None
