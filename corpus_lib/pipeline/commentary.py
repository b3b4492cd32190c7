"""Signed commentary: whose voice an opinion piece's narration is.

An op-ed or column is the author's, not the outlet's: its narration, background included,
is held by the author, and so is its headline. The author is known from a note that
presents them ("Anna Berg is a senior fellow at …", "The author is …"), and the piece is
known to be signed from its label ("Opinion: …"), a disclaimer ("The views expressed are his
own", "She writes in a personal capacity") or a narrator who speaks in the first person
singular. The note itself is the outlet's. A reporter's first-person feature presents no
author and stays the outlet's. A speech an outlet prints after a note that introduces it ("X
delivered the following remarks at …") is the speaker's words, paragraph by paragraph.
"""

from __future__ import annotations

import re

from corpus_lib.pipeline import speakers
from corpus_lib.pipeline.discourse import Discourse
from corpus_lib.pipeline.headlines import OUTLET_LABEL

# A headline labelled as opinion: "Opinion: …", "COMMENT | …", "Op-ed — …".
_LABEL = re.compile(
    r"^\W*(?:opinion|comment|commentary|op[- ]?ed|viewpoint|point of view|guest (?:column|comment|essay)|"
    r"perspective|column)\s*[:|–—-]\s",
    re.IGNORECASE,
)
# The disclaimer of a signed piece: "The views expressed are his own", "She writes in a
# personal capacity".
_OWN_VIEWS = re.compile(
    r"\b(?:views|opinions)\s+(?:expressed\s+)?(?:here\s+|in\s+this\s+(?:article|column|piece)\s+)?(?:are|is)\s+"
    r"(?:his|her|their|the\s+author['’]s|the\s+writer['’]s)\s+own\b|"
    r"\b(?:writes|writing|wrote|is\s+writing)\s+in\s+(?:a|his|her|their)\s+(?:own\s+)?personal\s+capacity\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"(?:^|[\s(])(?:I|my|me)\b(?!\.)")
# A line that presents the author: "Anna Berg is a senior fellow at …", "The author is a
# former correspondent …", "Anna Berg writes on …", "Anna Berg, a former diplomat, chairs …".
_AUTHOR_NOTE = re.compile(
    r"^\W*(?:the author|(?:[A-ZÀ-Þ][\w'’-]+\s+){1,3}?[A-ZÀ-Þ][\w'’-]+)(?:,\s+(?:a|an|the)\s+[^,;:]{3,100},)?"
    r"\s+(?P<verb>is|was|writes|has written|teaches|heads|directs|chairs|leads|runs)\b(?:\s+(?:a|an|the)\b)?",
)
# The author's prescription for an actor, not that actor's position: "But the Allies should
# say plainly that …", "Baku must not wait".
_PRESCRIBED = re.compile(
    r"^\W*(?:(?:but|and|so|yet|instead|still),?\s+)?(?:[\w'’-]+\s+){0,4}?(?:should|must|ought\s+to|need\s+to|needs\s+to)\b",
    re.IGNORECASE,
)
_QUOTES = re.compile("[\"“”«»]")


# A reader's letter: a headline labelled as one ("Letter: …", "Letters to the editor | …") over a
# text that ends on the writer's signature ("Farid Hasanli, retired schoolteacher, Sumgayit, 20
# March 2014": a name, then short parts set off by commas, no verb).
_LETTER = re.compile(r"^\W*(?:letters?(?:\s+to\s+the\s+editor)?|reader['’]s\s+letter|your\s+letters)\s*[:|–—-]\s", re.IGNORECASE)
_SIGNATURE = re.compile(r"^\W*(?P<name>(?:[A-ZÀ-Þ][\w'’.-]+\s+){1,3}?[A-ZÀ-Þ][\w'’-]+)(?:,\s+[^,.;:!?]{2,60}){1,4}\W*\Z")


def commentary(text: str, out: list, ctx: Discourse) -> None:
    """Give a signed commentary's narration and headline to its author (see the module's
    docstring); the note presenting the author stays the outlet's. A reader's letter is its
    writer's, a reader who speaks for no actor (``other``), signature included."""
    if _delivered(text, out, ctx):
        return
    signature = _SIGNATURE.match(text[out[-1].start : out[-1].end]) if out and _headed(text, out, _LETTER) else None
    if signature:
        for s in out:
            labelled = s.speaker_role == "headline" and _LETTER.match(text[s.start : s.end])
            if labelled or (s.holder == "media" and s.speaker_role in ("narrator", "headline")):
                s.holder = "other"
                s.speaker = s.speaker if s.speaker_role == "headline" else signature.group("name")
        return
    own = [s for s in out if s.speaker_role == "narrator"]
    found = _author_note(text, own)
    if found is None or not _signed(text, out, own, *found):
        return
    note, presented = found
    holder = _author_holder(presented, ctx)
    for s in out:
        if s.unit == note.unit or s.speaker_role not in ("narrator", "headline"):
            continue
        sentence = text[s.start : s.end]
        if s.holder == "media" or (s.speaker_role == "narrator" and _prescribes(sentence)) or _LABEL.match(sentence):
            s.holder = holder


def _signed(text: str, out: list, own: list, note, presented: re.Match[str]) -> bool:
    """Whether the piece is signed: labelled as opinion, disclaimed as the author's own, or
    narrated in the first person singular at least twice, or once where the note presenting
    the author is a closing paragraph of its own (``note``: its sentence), or where that
    closing note presents someone the piece never named before (a report ends on its
    sources, not on a stranger's biography) and no label makes it the outlet's ("Analysis:
    …")."""
    if _headed(text, out, _LABEL):
        return True
    if any(_OWN_VIEWS.search(text[s.start : s.end]) for s in own):
        return True
    first_person = sum(1 for s in own if _FIRST_PERSON.search(text[s.start : s.end]))
    closing = note is out[-1] and sum(s.unit == note.unit for s in out) == 1
    if first_person >= 2 or (first_person == 1 and closing):
        return True
    return closing and not _headed(text, out, OUTLET_LABEL) and not _named_before(text, note, presented)


def _headed(text: str, out: list, label: re.Pattern[str]) -> bool:
    """Whether the piece's headline (one of its first two statements) opens with ``label``."""
    return any(s.speaker_role == "headline" and label.match(text[s.start : s.end]) for s in out[:2])


def _named_before(text: str, note, presented: re.Match[str]) -> bool:
    """Whether the person a note presents is named in the text before the note."""
    name = presented.string[: presented.start("verb")].split(",")[0].split()
    return bool(name) and name[-1] != "author" and re.search(rf"\b{re.escape(name[-1])}\b", text[: note.start]) is not None


def _author_note(text: str, own: list):
    """The sentence presenting the author, in the first or the last paragraph of narration
    (a note elsewhere is a person the piece talks about), with its match, or None."""
    if not own:
        return None
    ends = {own[0].unit, own[-1].unit}
    for s in reversed(own):
        presented = _AUTHOR_NOTE.match(text[s.start : s.end]) if s.unit in ends else None
        if presented:
            return s, presented
    return None


def _author_holder(presented: re.Match[str], ctx: Discourse) -> str:
    """``other`` for an analyst or a former official; the actor of a post the author holds
    now ("Anna Berg is NATO's deputy spokesperson")."""
    rest = presented.string[presented.end() :]
    if presented.group("verb") != "is" or speakers.EXPERT.search(rest) or not speakers.ROLE.search(rest):
        return "other"
    holder = speakers.affiliation(rest, ctx.reg, ctx.date)
    return holder if holder not in (None, "media") else "other"


def _prescribes(sentence: str) -> bool:
    """Whether a narrated sentence is the author telling an actor what to do, unquoted."""
    return _PRESCRIBED.match(sentence) is not None and not _QUOTES.search(sentence)


# A note that introduces the text of a speech: "X, NATO's envoy, delivered the following
# remarks at …", "The following is the text of a speech by X", "Full text of the address by X",
# "Remarks by X, NATO's …, at …".
_DELIVERED = re.compile(
    r"\b(?:delivered|gave|made|delivers|gives)\s+(?:the\s+following|these)\s+(?:remarks|speech|address|statement|lecture)\b|"
    r"\bthe\s+following\s+is\s+(?:the\s+)?(?:full\s+)?(?:text|transcript)\s+of\b|"
    r"\b(?:full\s+)?text\s+of\s+(?:the\s+|a\s+)?(?:speech|remarks|address|lecture)\s+(?:by|of)\b|"
    r"^\W*(?:(?:opening|closing|keynote|prepared)\s+)?(?:remarks|speech|address|lecture)\s+by\b",
    re.IGNORECASE,
)


def _delivered(text: str, out: list, ctx: Discourse) -> bool:
    """A speech printed after a note that introduces it ("X, NATO's envoy, delivered the
    following remarks at …"): the paragraphs after the note are the speaker's words, and the
    note and the headline hold the speaker's side. Whether such a note was found."""
    notes = [s for s in out[:4] if s.speaker_role == "narrator" and _DELIVERED.search(text[s.start : s.end])]
    person = speakers.first_introduced(text[notes[0].start : notes[0].end], ctx.reg, ctx.date) if notes else None
    if person is None or person.holder in ("media", "other"):
        return False
    for s in out:
        if s.holder != "media" or s.speaker_role not in ("narrator", "headline") or (s.unit == notes[0].unit and s is not notes[0]):
            continue  # the note's own asides ("The text has been lightly edited.") stay the outlet's
        s.holder = person.holder
        if s.speaker_role == "narrator" and s.unit > notes[0].unit:
            s.speaker, s.speaker_role = person.name, "quoted"
    return True

