"""Bare titles and label initials: what a title phrase met again refers to.

News copy names an official once and then says "the envoy" or "the deputy minister";
transcripts label turns with initials ("AdW:") after introducing the speakers by name. These
helpers read such phrases; :class:`corpus_lib.pipeline.discourse.Discourse` decides whom they
mean.
"""

from __future__ import annotations

import re
from functools import lru_cache

from corpus_lib.pipeline.actors import Registry
from corpus_lib.pipeline.clauses import ROLE_NOUNS

DEFINITE_LONG = re.compile(rf"\b(?:the|this|that)\s+((?:[\w\-’']+\s+){{0,3}}(?:{ROLE_NOUNS}))\b", re.IGNORECASE)
# A title noun with no article and no owner before a name, as wire copy writes it: "spokesman
# Arvid Lund", "deputy spokeswoman Ana Berg" (not "foreign ministry spokesman", "opposition deputy").
BARE_NOUN = re.compile(rf"((?:(?:deputy|chief|senior|press)\s+)?(?:{ROLE_NOUNS}))", re.IGNORECASE)
# Title nouns specific enough that "the minister" cannot be the envoy named before; other
# title nouns ("the official", "the diplomat", "the envoy") refer back to whoever spoke last.
SPECIFIC_TITLE = re.compile(
    r"\b(?:minister|president|premier|spokes(?:man|woman|person)|secretary|commander|chair(?:man|woman)?|speaker|"
    r"lawmaker|mp|parliamentarian|senator|analyst|expert|professor|researcher|ambassador|advis[eo]r|director|mayor|"
    r"governor)\b",
    re.IGNORECASE,
)
INITIALS = re.compile(r"(?:[A-Za-z]\.\s?){2,3}|[A-Z][a-z]{1,2}|[A-Z]{2,3}|[A-Z][a-z][A-Z]")  # "T.W.", "TW" ("Tw"), "AdW"


def initials_of(name: str) -> tuple[str, str]:
    """A name's initials, of its capitalised words ("AW" for Anne de Wit) and of all its words
    ("ADW"), in capitals."""
    words = name.split()
    return "".join(w[0] for w in words if w[:1].isupper()).upper(), "".join(w[0] for w in words).upper()


def bare_title(phrase: str) -> str:
    """The title words of a bare title, lower case, up to its last title noun ("the deputy
    minister was quoted" → "deputy minister")."""
    found = DEFINITE_LONG.search(phrase)
    return found.group(1).lower() if found else ""


def told_before(words: str, sentences, reg: Registry, date) -> str | None:
    """The one side the same title words had where a recent sentence told them with an actor
    ("… as the Alliance's liaison officer for the region visited" before "The liaison officer,
    Colonel X of the Czech army, said"): the latest such sentence first; None if none did."""
    pattern = _told_with(words)
    for text in reversed(sentences):
        found = pattern.search(text)
        sides = {m.holder for m in reg.mentions(found.group(0), date)} if found else set()
        if len(sides) == 1:
            return sides.pop()
    return None


@lru_cache(maxsize=64)
def _told_with(words: str) -> re.Pattern[str]:
    """The title words with up to three words before them and a phrase of place or actor after
    ("the Alliance's liaison officer for the region"), compiled once per title."""
    return re.compile(rf"(?:[\w'’-]+\s+){{0,3}}{re.escape(words)}\b(?:\s+(?:of|for|to|at|in)\s+(?:the\s+)?[\w'’-]+)?", re.I)


# "a member of its …", "Their envoy", and a member of a delegation the text has just brought
# ("a member of the delegation"): the actor the sentence before is about.
_POINTING_BACK = re.compile(
    r"^\W*(?:(?:(?:a|an|one|the)\s+(?:[\w-]+\s+){1,2}?of\s+)?(?:its|their)\s|"
    r"(?:a|an|one|another)\s+(?:senior\s+)?(?:member|official)\s+of\s+the\s+(?:delegation|visiting\s+delegation)\b)",
    re.IGNORECASE,
)


def points_back(phrase: str) -> bool:
    """Whether a title phrase opens by pointing back to an actor ("its envoy", "a member of their
    team", "a member of the delegation")."""
    return _POINTING_BACK.match(phrase) is not None
