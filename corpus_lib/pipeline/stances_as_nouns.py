"""Positions a reporter tells as nouns: whose reading, insistence or mood a sentence reports.

Narration often names a position without a verb of saying: "Baku's insistence on that point
has not softened", "The view from the Alliance's headquarters is that …", "The reaction of the
Alliance was more reserved", "In Yerevan, the disappointment has turned into policy". The
actor who owns the noun holds the sentence. Only nouns of stance count: "Baku's oil
revenues" or "In Yerevan, the fighting resumed" are nobody's position.
"""

from __future__ import annotations

import re

from corpus_lib.pipeline.clauses import trie
from corpus_lib.pipeline.discourse import Discourse

# Nouns that name a stance, a reading or a mood.
_STANCE_NOUNS = (
    r"insistence|reading|view|views|position|stance|line|reaction|response|answer|reply|verdict|assessment|"
    r"objection|objections|refusal|preference|message|conclusion|complaint|complaints|concern|concerns|fear|fears|"
    r"hope|hopes|mood|impatience|frustration|disappointment|anger|irritation|suspicion|scepticism|skepticism|"
    r"relief|alarm|unease|resentment|optimism|pessimism|consensus|calculation|priority|priorities|demand|demands"
)
# "Baku's insistence …", "Yerevan's reading is …" (one adjective may come between).
_OWNED = re.compile(rf"^\W*(?P<owner>(?:the\s+)?[^\s,;:'’]+(?:\s+[^\s,;:'’]+){{0,2}}?)['’]s\s+(?:\w+\s+)?(?:{_STANCE_NOUNS})\b")
# "The view from the Alliance's headquarters …", "The reaction of the Alliance …".
_OF = re.compile(
    rf"^\W*the\s+(?:\w+\s+)?(?:{_STANCE_NOUNS})\s+(?:from|of|in)\s+(?P<owner>[^,;:.\"“”]{{2,60}}?)"
    r"(?=\s+(?:is|was|has|had|remains|remained|seems|seemed|appears|on|to)\b|\s*,)",
    re.IGNORECASE,
)
# "In Yerevan, the disappointment has …" (the place is the sentence's, see ``Discourse.place``).
_PLACE_MOOD = re.compile(rf"^\W*(?:in|at)\s+[^,;:]{{2,60}},\s+(?:the\s+)?(?:\w+\s+)?(?:{_STANCE_NOUNS})\b", re.IGNORECASE)


# Any stance noun near the start: most sentences have none, and one scan of a trie tells.
_ANY_NOUN = re.compile(rf"\b(?:{trie(_STANCE_NOUNS.split('|'))})\b")


def noun_holder(sentence: str, ctx: Discourse) -> str | None:
    """The actor whose stance noun opens the sentence, or None (see the module's docstring)."""
    if _ANY_NOUN.search(sentence, 0, 100) is None:
        return None
    if _PLACE_MOOD.match(sentence) and ctx.place not in (None, "media"):
        return ctx.place
    found = _OWNED.match(sentence) or _OF.match(sentence)
    if found is None:
        return None
    mentions = ctx.reg.mentions(found.group("owner"), ctx.date)
    if len(mentions) != 1 or mentions[0].holder == "media":
        return None
    return mentions[0].holder
