"""Positions told in the passive or as received: who holds a sentence with no speaking subject.

News copy often tells a position without a subject that takes it: what only the Alliance grants
("Georgia was promised membership", "received an invitation to start accession talks"), a
judgement with its judge after "by" ("The plan was welcomed by Moscow"), and a reaction told
where it happened ("The truce was welcomed at the Alliance's headquarters", "The remarks went
down badly in Baku"). Each helper gives the holder, or None; :mod:`reported` makes it the
sentence's narration. Reports of words in the passive are here too: the speaker after "by"
("it was stated by Defence Minister X at a briefing", :func:`stated_by`), and a report that
names no one, which goes on with the report before (:func:`reported_on`, used by
:mod:`attribute`).
"""

from __future__ import annotations

import re

from corpus_lib.pipeline import speakers
from corpus_lib.pipeline.clauses import PASSIVE_REPORT
from corpus_lib.pipeline.discourse import Discourse, Speaker

# What only the Alliance gives, in the passive or as received: "Georgia was promised
# membership", "were not granted a Membership Action Plan", "received invitations to start
# accession talks". The sentence narrates the Alliance's decision, whoever its subject is.
_GRANTED = re.compile(
    r"\b(?:(?:was|were|has been|have been|had been)\s+(?:not\s+|never\s+|\w+ly\s+)*(?:promised|granted|given|"
    r"offered|denied|refused|invited|extended)|received|receives|got)\s+(?:\w+\s+){0,3}?(?:membership|(?:a\s+|the\s+)?"
    r"membership action plan|(?:a\s+|the\s+)?map\b|(?:an\s+|the\s+|formal\s+)?invitations?\b|accession talks|"
    r"to (?:join|start accession|begin accession))",
    re.IGNORECASE,
)


def granted(sentence: str) -> str | None:
    """The Alliance holds a narrated grant or refusal of membership, a plan or an invitation."""
    return "NATO" if _GRANTED.search(sentence) else None


# A judgement in the passive with its judge named: "… were criticised by Berg for failing …".
_JUDGED_BY = re.compile(
    r"\b(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?(?:criticised|criticized|condemned|praised|"
    r"welcomed|rejected|dismissed|denounced|hailed)\s+by\s+(?P<who>[^,;:.\"“”]{2,80}?)(?=\s+(?:for|as|in|on|at|after)\b|[,;:.]|\s*\Z)"
)


def judged_by(sentence: str, ctx: Discourse) -> str | None:
    """The judge of a passive judgement holds it, as narration ("The plan was welcomed by Moscow")."""
    if " by " not in sentence:
        return None
    match = _JUDGED_BY.search(sentence)
    who = ctx.resolve(match.group("who")) if match else None
    return None if who is None or who[1] in ("other", "media") else who[1]


# A reaction told in the passive where it happened: "The truce was welcomed at the Alliance's
# headquarters, where …", "The remarks went down badly in Baku", "At NATO headquarters, the move
# has been noted and welcomed with care".
_RECEPTION = (
    r"\b(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:(?:noted|noticed),?\s+and\s+)?(?:welcomed|"
    r"criticised|criticized|condemned|praised|rejected|dismissed|denounced|hailed|greeted|received)|"
    r"(?:went|has\s+gone|had\s+gone)\s+down\s+(?:\w+\s+)?(?:badly|well|poorly|coolly|warmly))"
    r"(?:\s+(?:with\s+\w+|\w+ly|warmly|coolly|well|badly))?"
)
_RECEIVED_AT = re.compile(
    _RECEPTION + r"\s+(?:at|in)\s+(?P<where>[^,;:.\"“”]{2,60}?)(?=\s+(?:where|as|after|on|and|with)\b|[,;:.]|\s*\Z)",
    re.IGNORECASE,
)
_RECEIVED = re.compile(_RECEPTION + r"(?!\s+by\b)", re.IGNORECASE)
_BE_WORD = re.compile(r"\b(?:was|were|been)\b", re.IGNORECASE)


def received_at(sentence: str, ctx: Discourse) -> str | None:
    """The actor of the place where a passive reaction happened holds it, as narration; a
    sentence opening on its place ("At NATO headquarters, …") says where."""
    if "down" not in sentence and not _BE_WORD.search(sentence):
        return None  # the common case: no passive and no "went down"
    match = _RECEIVED_AT.search(sentence)
    holder = speakers.affiliation(match.group("where"), ctx.reg, ctx.date) if match else None
    if holder is None and ctx.place and _RECEIVED.search(sentence):
        holder = ctx.place
    return None if holder in (None, "other", "media") else holder


# The verbs a passive report of words uses ("was stressed", "was voiced").
_WORDS_GIVEN = "stated|stressed|noted|emphasi[sz]ed|underlined|declared|reiterated|expressed|voiced|conveyed|underscored|reaffirmed"
# A report in the passive with its speaker after "by": "It was stated by the Ambassador of
# Azerbaijan to NATO, X, that …", "It was stressed by the minister that …", and, as translated
# agency copy writes it, the speaker before the occasion or at the end: "…, it was stated by
# Defence Minister X at a briefing", "Concern was expressed by the guest over …".
_STATED_BY = re.compile(
    rf"\b(?:was|were|has\s+been|had\s+been)\s+(?:also\s+)?(?:{_WORDS_GIVEN}|said|pointed\s+out)\s+by\s+"
    r"(?P<who>[^;:\"“”]{3,160}?)(?:,?\s+that\b|(?=\s+(?:at|during|in|on|after|while|over|before|when|following)\s)|"
    r"(?=\s*[,.;]\s|\s*[.;]?\s*\Z))",
    re.IGNORECASE,
)


def stated_by(sentence: str, ctx: Discourse) -> Speaker | None:
    """The speaker a passive report names after "by", who holds it: their words, told by the
    outlet (:mod:`reported` makes a person's the person's and a body's narration)."""
    found = _STATED_BY.search(sentence) if " by " in sentence else None
    return ctx.resolve(found.group("who")) if found else None

# A passive report with no agent that opens its sentence: "It was noted that …", "Special
# attention was paid to …", "The importance of … was stressed".
_AGENTLESS = re.compile(
    r"^\W*(?:(?:at\s+the\s+same\s+time|also|moreover|in\s+addition|furthermore|however),\s+)?"
    r"(?:(?:it|this)\s+was\s+(?:also\s+)?\w+|special\s+attention\s+was|the\s+importance\s+of)\b",
    re.IGNORECASE,
)


# What goes on with a speaker across a paragraph's end: words said, not a matter discussed.
_SAID = re.compile(rf"\b(?:was|were)\s+(?:also\s+)?(?:{_WORDS_GIVEN}|described|called\s+for)\b", re.IGNORECASE)


def reported_on(sentence: str, before: str | None, ctx: Discourse, *, new_paragraph: bool = False) -> str | None:
    """Who holds a passive report that names no one ("was stressed", "was described as"): the
    holder of the report just before (in a new paragraph only for words said), or, for one that
    opens its sentence ("It was noted that …"), the actor of the passage; None for a sentence
    that reports nothing."""
    if not PASSIVE_REPORT.search(sentence):
        return None
    if new_paragraph and not _SAID.search(sentence):
        before = None
    if before not in (None, "media"):
        return before
    return ctx.host or ctx.last_actor if _AGENTLESS.match(sentence) else None
