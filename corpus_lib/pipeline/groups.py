"""Plural subjects in narration: an actor's people ("NATO leaders", "the Alliance's foreign
ministers"), some of the Alliance's members ("several Allies"), and people of no side
("opposition politicians", "analysts", "some in Europe").

Whom a plural subject speaks for differs by kind: an actor's people speak for the actor and are
what "they" and "the leaders" refer back to; some Allies speak for NATO; critics and analysts
speak for no actor (``other``).
"""

from __future__ import annotations

import re

from corpus_lib.pipeline.clauses import subject_clause
from corpus_lib.pipeline.discourse import Discourse, Speaker

# Words that refer back to an actor's people in the plural (``Discourse.group``): "they", "one of
# them", "the leaders".
GROUP_REFERENCE = re.compile(
    r"(?:they|one\s+of\s+them|the\s+(?:[\w-]+\s+)?(?:leaders|ministers|allies|delegates|ambassadors|heads\s+of\s+state(?:\s+and\s+government)?))"
    r"(?:\s+(?:also|then|later|again|jointly|formally|further|too|\w+ly))*",
    re.IGNORECASE,
)


def group_subject(sentence: str, ctx: Discourse) -> Speaker | None:
    """An actor's people in the plural opening the sentence's subject ("NATO leaders closed
    their summit …", "the Alliance's foreign ministers agreed …"), with the actor: whom "they"
    and "the leaders" refer back to (:meth:`Discourse.note_group`); None otherwise."""
    opening = sentence[:160].lower()
    if not any(word in opening for word in _GROUP_STEMS):
        return None  # most sentences open with no people in the plural (a substring test is far cheaper than a regex)
    clause = subject_clause(sentence)
    mentions = ctx.reg.mentions(clause[:60], ctx.date)
    if not mentions or clause[: mentions[0].start].strip(" '\"‘“").lower() not in ("", "the"):
        return None
    first = mentions[0]
    people = _GROUP_AFTER.match(clause, first.end) or _GROUP_NOUN.search(clause, first.start, first.end)  # "NATO leaders"
    return (clause[first.start : max(first.end, people.end())], first.holder) if people else None


_GROUP_WORDS = ("leaders", "ministers", "officials", "diplomats", "ambassadors", "delegates")
_GROUP_PEOPLE = rf"(?:{'|'.join(_GROUP_WORDS)}|heads\s+of\s+state(?:\s+and\s+government)?)"
_GROUP_AFTER = re.compile(rf"['’]?s?\s+(?:[\w-]+\s+){{0,2}}?{_GROUP_PEOPLE}\b", re.IGNORECASE)
_GROUP_NOUN = re.compile(rf"\b{_GROUP_PEOPLE}\Z", re.IGNORECASE)
_GROUP_STEMS = (*_GROUP_WORDS, "heads")  # what the patterns need, as substrings

# A subject that is nobody's side, with a verb of saying or position: a government's critics and
# unnamed others ("Opposition politicians in Tbilisi accuse", "Some say", "Some in Europe say";
# "some in Baku" speak for the place's actor, see ``reported._OWNED_BY``).
UNAFFILIATED = re.compile(
    r"^\W*(?P<who>(?:(?:some|many|several|other|most|a\s+few|a\s+(?:growing\s+)?number\s+of)\s+)?(?:(?:young|ordinary|local)\s+)?"
    r"(?:(?-i:[A-Z])[\w'’-]+\s+)?(?:opposition\s+(?:politicians|parties|party|leaders?|figures|"
    r"mps?|lawmakers|deputies|groups?)|critics|sceptics|skeptics|commentators|analysts|observers|voices|protesters|demonstrators|"
    r"crowds|activists|experts|(?<=some\s)(?:politicians|mps|members\s+of\s+(?:the\s+)?(?:new\s+)?parliament|protest\s+leaders)|"
    r"(?<=many\s)people)|some|others|(?:many|most|some)\s+"
    r"(?:ordinary\s+)?(?:armenians|azerbaijanis|georgians|ukrainians|russians))(?:\s+(?:in|of)\s+(?P<place>[\w'’-]+)|\s+here)?\s+"
    r"(?:there\s+)?(?:(?:have|has|had|also|again|now|still|openly|already|been)\s+){0,2}(?:say|says|said|argue|argued|accuse|accused|"
    r"warn|warned|insist|asked|ask|asks|denounced|denounce|chant|chanted|debating|debated|debate|"
    r"insisted|believe|claim|claimed|fear|feared|repeated|urge|urged|demand|demanded|critici[sz]ed?|reject|rejected|oppose|"
    r"opposed|call|calls|called|talk|talks|talked|concluded|think|thinks|thought|want|wants|wanted|wonder|wonders|"
    r"expect|expects|suggest|suggested|would\s+like)\b",
    re.IGNORECASE,
)
# "Some Allies", "several Allies", "individual Allies", "Western capitals": some of the Alliance's
# members, or Western governments at large (:func:`members_of` says whose).
SOME_ALLIES = re.compile(
    r"^\W*(?:(?:some|several|many|most|few|a few|certain|individual|other|two|three|four|a number of|a group of)"
    r"\s+(?:of\s+the\s+)?(?:nato\s+)?(?:allies|member (?:states|countries))|(?:western|european) (?:governments|capitals|leaders))\b",
    re.IGNORECASE,
)


def members_of(some: re.Match[str]) -> str:
    """The holder of some of the Alliance's members: NATO, for the positions its members take
    inside it ("several Allies remain wary …"); "other Allies", set against one named before, and
    Western governments in general are ``other``."""
    words = some.group().lower().split()
    return "other" if words[0] == "other" or words[-1] in ("governments", "capitals", "leaders") else "NATO"
