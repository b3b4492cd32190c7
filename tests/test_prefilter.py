"""Tests of the RE2 prefilter (corpus_lib.pipeline.prefilter) and of the coder with and without it.

The prefilter must never leave out a rule that matches: its patterns are supersets of the
rules. These tests check the widened classes on every code point, the case folding on
every character a rule spells, and whole rules on texts drawn from the rules themselves.
Sentences are invented for the tests.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
import re2  # a dependency of the package (test_re2_is_installed_and_used)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hyp

from corpus_lib.coding.coder import load_rules, tag_stances
from corpus_lib.pipeline import prefilter
from corpus_lib.pipeline.prefilter import PatternSet, superset_pattern

# Every code point UTF-8 can carry (no surrogates), once.
EVERY_CHARACTER = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def _case_insensitive(pattern: str):
    options = re2.Options()
    options.case_sensitive = False
    return re2.compile(pattern, options=options)


def test_re2_is_installed_and_used():
    # A dependency of the package: without it the coder is correct but slower.
    assert prefilter.AVAILABLE
    assert all(p is not None and not p.left_out for p in load_rules()._prefilter)


@pytest.mark.parametrize(
    ("python_class", "re2_class"),
    [(r"\w", prefilter.WORD), (r"\s", prefilter.SPACE), (r"\d", prefilter.DIGIT)],
)
def test_widened_classes_hold_every_character_of_pythons(python_class, re2_class):
    python = set(re.findall(python_class, EVERY_CHARACTER))
    widened = set(_case_insensitive(f"[{re2_class}]").findall(EVERY_CHARACTER))
    assert python, python_class
    assert python <= widened, sorted(python - widened)[:10]


def test_case_folding_holds_every_character_python_folds():
    # Every character a packaged rule spells, plus every ASCII one.
    spelled = {chr(c) for c in range(32, 127)}
    for rule in load_rules().rules:
        spelled |= set(rule.pattern)
    for ch in sorted(spelled):
        python = set(re.findall(re.escape(ch), EVERY_CHARACTER, re.IGNORECASE))
        widened = set(_case_insensitive(superset_pattern(re.compile(re.escape(ch), re.I))).findall(EVERY_CHARACTER))
        assert python <= widened, (ch, sorted(python - widened))


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?<!\w)(?:truce(?! talks))(?!\w)", "(?:^|[^0-9A-Za-z_])truce(?:$|[^0-9A-Za-z_])"),
        (r"war(?!\w) (?<!\w)zone", r"war\x{20}zone"),  # inside a pattern look-arounds are dropped
        (r"\bpeace\b", "peace"),
        (r"cease-?fire", r"cea[s\x{17f}]e(?:\x{2d}){0,1}f[i\x{130}\x{131}]re"),
        # Python's IGNORECASE equates "i" with "İ" and "ı", RE2's folding does not
        (r"visit", r"v[i\x{130}\x{131}][s\x{17f}][i\x{130}\x{131}]t"),
        (r"[h-j]", r"[h-j\x{130}\x{131}]"),
        (r"[^a-z]x", r"(?s:.)x"),
        (r"(?-i:MAP)", "(?:MAP)"),
        (r"a.b", r"a(?s:.)b"),
        (r"(?>atom)ed", "(?:atom)ed"),
        (r"x{2,}", "(?:x){2,}"),
    ],
)
def test_superset_patterns(pattern, expected):
    assert superset_pattern(re.compile(pattern, re.IGNORECASE)) == expected


def test_untranslatable_rule_is_left_out_and_still_matched():
    echo = re.compile(r"(\w+) and \1", re.IGNORECASE)  # a back-reference: RE2 has none
    assert superset_pattern(echo) is None
    patterns = PatternSet([(0, echo), (1, re.compile("truce", re.IGNORECASE))])
    assert patterns.left_out == [0] and patterns.ids == [1]
    assert patterns.candidates("no agreement here") == []
    assert patterns.candidates("A TRUCE, at last.") == [1]


_RULES = load_rules()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=hyp.data())
def test_a_rule_that_matches_is_always_a_candidate(data):
    i = data.draw(hyp.integers(0, len(_RULES.rules) - 1))
    rule = _RULES.rules[i]
    text = data.draw(hyp.from_regex(rule.regex, fullmatch=False))
    assume_match = rule.regex.search(text)
    if assume_match is None:  # from_regex drew around a look-around it cannot honour
        return
    stage = next(k for k, p in enumerate(_RULES._prefilter) if i in p.ids)
    assert i in _RULES._prefilter[stage].candidates(text), (rule.rule_id, text)


def _without_prefilter(rules):
    return dataclasses.replace(rules, _prefilter=tuple(None for _ in rules._prefilter))


SENTENCES = [
    "The envoy said the ceasefire must hold, and that Moscow's pressure is unacceptable.",
    "Membership is not on the agenda; the door remains open to any aspirant country.",
    "They urged the two capitals to work towards a lasting settlement of the conflict.",
    "No, we will not change the status quo by force, she said.",
    "İstanbul hosted ſome talks; the K-team (Kelvin) joined them.",
    "This is why the Alliance keeps its partnership with Baku.",
]


def test_prefilter_and_word_index_give_the_same_matches():
    keyed = _without_prefilter(_RULES)
    for text in SENTENCES:
        scanned = sorted(_RULES.match(text, use_index=False))
        assert _RULES.match(text) == scanned == keyed.match(text), text


def test_prefilter_and_word_index_code_the_same(seed_corpus):
    seed_statements = seed_corpus.statements
    with_re2 = tag_stances(seed_statements, rules=_RULES)
    keyed = tag_stances(seed_statements, rules=_without_prefilter(_RULES))
    assert len(with_re2) > 0
    assert with_re2.equals(keyed)


def test_candidates_are_what_each_patterns_own_public_set_finds():
    """PatternSet splits its patterns into sets of ``PER_SET`` and calls google-re2's compiled
    sets on UTF-8 bytes itself; it finds exactly what a public wrapper set of each pattern
    alone finds."""
    import re2

    texts = [*SENTENCES, "", "NATO’s İstanbul ſummit: peace, truce and talks?"]
    for pset in _RULES._prefilter:
        assert len(pset._parts) == -(-len(pset.ids) // prefilter.PER_SET)
        singles = {}
        for i in pset.ids:
            one = re2.Set.SearchSet(prefilter._options())
            one.Add(prefilter.superset_pattern(_RULES.rules[i].regex))
            one.Compile()
            singles[i] = one
        for text in texts:
            assert sorted(pset.candidates(text)) == sorted(i for i, one in singles.items() if one.Match(text))

    class Wrapper:  # a wrapper without the compiled set inside
        def Match(self, text):
            return [0]

    assert prefilter._compiled_match(Wrapper()) is None
