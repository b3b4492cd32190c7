"""The side a speaker's own words claim when nothing else places them.

An interview often presents its guest by name alone and lets the answers show whose side they
speak for: "our Alliance", "the Union's position", "my ministry", and, for the sides of this
region, what only one side says of itself in the first person. The promise or the door "we"
opened in Bucharest is the Alliance's; "our monitors" on the boundary line are the Union's;
"our peacekeepers" in the region and the enlargement "towards our borders" are Russia's; "our
territories" under occupation and districts that "will come back to us" are Azerbaijan's;
"our people in Karabakh", "our ally" in Moscow and "our alliance with Russia" are Armenia's.
Each cue is knowledge of the conflict's sides, never of a text: it says who can speak so, not
who did.

:func:`claimed_side` gives a side only where the cues point to one actor; an occupation told by
a sentence that also names another occupied land or Russia (Abkhazia, Crimea, "Russia occupies …")
claims nothing, since Georgia, Ukraine and Moldova speak of occupation too, and a speaker whose
place is "in NATO" is a candidate's, no actor's.
"""

from __future__ import annotations

import re

# A speaker who talks of the Alliance as their own ("this Alliance", "we Allies", "our Secretary
# General") speaks for NATO.
_OWN_ALLIANCE = re.compile(
    r"\b(?i:this|our)\s+Alliance\b|\b(?i:we),?\s+(?:the\s+)?Allies\b|\bus\s+Allies\b|\b(?i:my)\s+fellow\s+Allies\b|"
    r"\b(?i:our)\s+Secretary[- ]General\b|\b(?i:we)\s+in\s+the\s+Alliance\b"
)
# A speaker who talks of the Union as their own ("The Union's position has not changed", "the
# Union will …") speaks for the EU.
_OWN_UNION = re.compile(
    r"\b(?i:the|our)\s+Union(?:['’]s\s+(?:position|view|offer|policy)|\s+(?:will|can|does|has|is|offers|stands))\b|"
    r"\b(?i:our)\s+member\s+states\b"  # an Alliance official says "Allies"
)

# What only one side of the region says of itself in the first person.
_CLAIMS = {
    "NATO": re.compile(
        r"\b(?:promise|pledge|door)\s+(?:that\s+)?we\s+(?:made|gave|opened)\b|\bwe\s+(?:made|gave)\s+(?:\w+\s+){0,2}?"
        r"(?:promise|pledge)\s+(?:in|at)\s+Bucharest\b|\bour\s+(?:open\s+)?door\b[^.;?!\n]{0,80}?\b(?:members?|membership|"
        r"democrac(?:y|ies)|join\w*|enlargement|aspirants?)\b|\bour\s+(?-i:Allies)\b",
        re.IGNORECASE,
    ),
    "EU": re.compile(r"\bour\s+(?:monitors|monitoring\s+mission)\b|\bwe\s+(?:patrol|monitor)\s+(?:the|along)\b", re.I),
    "Russia": re.compile(
        r"\bour\s+peacekeep(?:ers|ing\s+(?:force|contingent|troops))\b(?!\s+in\s+(?:Kosovo|Afghanistan|Iraq|Lebanon|Bosnia))|"
        r"\b(?:expansion|enlargement|advance|infrastructure)\s+(?:\w+\s+){0,2}?(?:to|towards|toward|near|up\s+to|closer\s+to)"
        r"\s+our\s+borders?\b|\bour\s+(?:military\s+)?base\s+(?:in|at)\s+Gyumri\b|"
        r"\bour\s+(?:troops|forces|soldiers|servicemen|border\s+guards)\s+in\s+(?:Armenia|Abkhazia|South\s+Ossetia|Karabakh)\b|"
        r"\bArmenia\s+is\s+our\s+(?:\w+\s+)?ally\b",
        re.IGNORECASE,
    ),
    "Azerbaijan": re.compile(
        r"\b(?:occupation|occupied|occupies|occupying|occupier)\b[^.;?!\n]{0,60}?\bour\s+(?:land|lands|territory|territories|"
        r"districts|regions|villages)\b|\bour\s+(?:land|lands|territory|territories|districts)\b[^.;?!]{0,40}?\b(?:under\s+"
        r"occupation|occupied)\b|\boccupied\s+(?:districts|territories|lands)\s+(?:will|must|should)\s+(?:come\s+back|be\s+"
        r"returned|return)\b|\b(?:liberat\w+|took\s+back|returned|leaving|withdrawal\s+from)\s+our\s+(?:land|lands|territory|territories|districts)\b|"
        r"\bour\s+territories\s+are\s+ours\s+again\b",
        re.IGNORECASE,
    ),
    "Armenia": re.compile(
        r"\bour\s+(?:people|compatriots|brothers|kin)\s+in\s+(?:Nagorno-)?Karabakh\b|\bArtsakh\b|"
        r"\bour\s+ally\b[^.;?!]{0,80}?\b(?:Moscow|Russia|the\s+Kremlin|CSTO)\b|\b(?:Moscow|Russia),\s+our\s+(?:\w+\s+)?ally\b|"
        r"\b(?:Moscow|Russia)\s+(?:is|remains)\s+our\s+(?:\w+\s+)?ally\b|\bour\s+(?:strategic\s+)?alliance\s+with\s+(?:Russia|Moscow)\b|"
        r"\bour\s+ally\s+(?:stood|did\s+not|didn['’]t|looked|watched|failed)\b|\bwe\s+host\s+(?:its|their|Russian)\s+"
        r"(?:soldiers|troops|base)\b|\bcorridors?\b[^.;?!]{0,40}?\bthrough\s+our\s+(?:territory|land)\b",
        re.IGNORECASE,
    ),
}
# Other occupied lands and their occupier: a speaker who names them may be Georgia's, Ukraine's or Moldova's.
_OTHER_OCCUPIED = re.compile(
    r"\b(?:Abkhazia|South\s+Ossetia|Tskhinvali|Sukhumi|Crimea|Donbas|Donetsk|Luhansk|Transnistria|Russian?|Moscow|Kremlin)\b"
)
# A candidate's own words: "our place is in NATO", "our path to the Alliance", "we will keep knocking".
_CANDIDATE = re.compile(
    r"\bour\s+(?:place|future|path|road|way|course)\s+(?:is\s+)?(?:in|to|into|towards?|inside)\s+(?:NATO|the\s+Alliance)\b|"
    r"\bwe\s+(?:will\s+)?keep\s+knocking\b",
    re.IGNORECASE,
)


def own_institution(said: str) -> str | None:
    """NATO for words that call the Alliance the speaker's own, the EU for words that call the
    Union so, else None."""
    return "NATO" if _OWN_ALLIANCE.search(said) else "EU" if _OWN_UNION.search(said) else None


def claimed_side(said: str, *, here: str | None = None) -> str | None:
    """The one side a speaker's words claim (:data:`_CLAIMS`), or None where they claim none or
    more than one. An occupation told where ``here``, the state the text is set in, is no actor
    of ours (Tbilisi, Kyiv) claims nothing: it is likelier that state's own."""
    if _CANDIDATE.search(said):
        return None  # a candidate for membership speaks for no actor of ours
    claimed = {side for side, cue in _CLAIMS.items() if side != "Azerbaijan" and cue.search(said)}
    sentences = _sentences_with(_CLAIMS["Azerbaijan"], said) if here != "other" else []
    if any(not _OTHER_OCCUPIED.search(sentence) for sentence in sentences):
        claimed.add("Azerbaijan")  # an occupation that names no other land or occupier
    return claimed.pop() if len(claimed) == 1 else None


def _sentences_with(cue: re.Pattern[str], said: str) -> list[str]:
    """The sentences of ``said`` (split at end punctuation and at line breaks) in which ``cue`` is found."""
    return [sentence for sentence in re.split(r"(?<=[.!?])\s+|\n", said) if cue.search(sentence)]
