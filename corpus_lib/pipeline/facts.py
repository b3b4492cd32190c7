"""What one sentence holds that the reading of names asks more than once: its capitalised words,
whether it can introduce a new name, and whether the registry's people filter lets it through.

None of it depends on the document around the sentence, so :func:`facts_of` keeps one
:class:`Facts` per distinct sentence and registry (wire copy and boilerplate repeat sentences);
:class:`corpus_lib.pipeline.discourse.Discourse` asks it as it reads.
"""

from __future__ import annotations

import re
from functools import lru_cache

from corpus_lib.pipeline import speakers
from corpus_lib.pipeline.actors import Registry
from corpus_lib.pipeline.prefilter import PatternSet

# Two capitalised words in a row: where a new name can stand.
TWO_CAPITALISED = re.compile(r"[A-ZÀ-ÞĀ-Ž][^\W\d_]+\s+(?:[a-z]{1,3}\s+)?[A-ZÀ-ÞĀ-Ž][^\W\d_]+")
# A capitalised word (hyphenated parts included): where a surname named before can stand.
CAPITALISED = re.compile(r"(?<![\w’'\-])[A-ZÀ-ÞĀ-Ž][^\W\d_]+(?:-[A-ZÀ-ÞĀ-Ž][^\W\d_]+)*")

FACTS_MEMO = 1 << 14
"""How many distinct sentences' :class:`Facts` the discourse's ``see`` remembers."""


@lru_cache(maxsize=FACTS_MEMO)
def facts_of(text: str, reg: Registry) -> Facts:
    """The facts of a sentence, one object for each distinct text and registry: none of them
    depends on what the document said before, so a sentence met again (wire copy, boilerplate)
    is scanned once. The registry is part of the key because the people filter is its own."""
    return Facts(text)


class Facts:
    """What the discourse's ``see`` may ask of one sentence more than once, found on first use:
    its capitalised words (for the surnames named before), whether it can introduce a new
    name, whether the people filter lets it through, and whether that filter found no
    registered person in it. None depends on the document around the sentence."""

    __slots__ = ("_capitalised", "_may_introduce", "_passes", "no_registered_people", "text")

    def __init__(self, text: str):
        self.text = text
        self._capitalised: list[str] | None = None
        self._may_introduce: bool | None = None
        self._passes: tuple[PatternSet, bool] | None = None  # (the filter, its verdict)
        # set by Discourse._may_name_people when the RE2 filter finds none of the registry's
        # person and title patterns and no person noun: no mention of the sentence is person-like
        self.no_registered_people = False

    def names_one_of(self, words: frozenset[str]) -> bool:
        """Whether one of ``words`` stands in the sentence as a capitalised word (looked for
        as plain substrings first: a word that is no substring is no word of it)."""
        text = self.text
        if not any(word in text for word in words):
            return False
        if self._capitalised is None:
            self._capitalised = CAPITALISED.findall(text)
        return not words.isdisjoint(self._capitalised)

    def names_none_of(self, words: frozenset[str]) -> bool:
        """Whether the capitalised words, if listed already, hold none of ``words``."""
        return self._capitalised is not None and words.isdisjoint(self._capitalised)

    def passes(self, found: PatternSet) -> bool:
        """Whether the people filter ``found`` finds a candidate pattern in the sentence
        (asked of the filter once for each filter)."""
        if self._passes is None or self._passes[0] is not found:
            self._passes = (found, bool(found.candidates(self.text)))
        return self._passes[1]

    def may_introduce(self) -> bool:
        if self._may_introduce is None:
            self._may_introduce = may_introduce(self.text)
        return self._may_introduce


def may_introduce(text: str) -> bool:
    """Whether a text can introduce a new name: two capitalised words, and a title or a
    reporting verb to mark them as a person's (what :func:`speakers.introduced` needs)."""
    return bool(TWO_CAPITALISED.search(text)) and speakers.may_introduce(text)
