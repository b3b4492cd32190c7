"""The guest an interview presents, and the side they speak for.

An interview's guest is often named or placed outside the exchange itself: by a title in the
introduction or the headline ("NATO's liaison officer talks to …", "NATO envoy: …", "Baku's man
in Vienna: …"), by a question that tells them their post ("you represent the Alliance"), by a
photo caption, by a bracketed aside, by the paragraph before a question-and-answer passage
inside a report ("the NATO official was also asked about …"), or by a closing credit ("Her
guest was X, Armenia's deputy minister of defence"). This module reads those places;
:mod:`corpus_lib.pipeline.transcripts` gives the labels the sides found here.
"""

from __future__ import annotations

import re

from corpus_lib.pipeline import speakers
from corpus_lib.pipeline.actors import Registry
from corpus_lib.pipeline.clauses import ROLE_NOUNS, is_question
from corpus_lib.pipeline.clean import Unit
from corpus_lib.pipeline.discourse import Discourse


def headline_actor(text: str, units: list[Unit], reg: Registry, date) -> tuple[str, str | None]:
    """A text's headline with its quotations blanked, and the one actor it names there (None
    where it names none or several): who a headline's title or guest belongs to."""
    head = _header(units)
    words = _QUOTED.sub(" ", text[head.start : head.end]) if head else ""
    sides = {m.holder for m in reg.mentions(words, date)} - {"media", "other"} if words else set()
    return words, sides.pop() if len(sides) == 1 else None


def _header(units: list[Unit]) -> Unit | None:
    """A text's first header unit (its headline), or None."""
    return next((u for u in units if u.zone == "header"), None)


# A quotation in a headline, whose words are what was said, not who says it.
_QUOTED = re.compile(r"(?<!\w)[\"“'‘][^\"“”‘’]{2,200}?[\"”'’](?!\w)")


# A photo caption line, its line breaks already spaces (a paragraph ends in two): "Photo: Marit
# Solvang, head of NATO's liaison office, in March."
_CAPTION = re.compile(
    r"(?:(?<=\s\s)|(?<=\s\s[*_])|(?<=\s\s[*_]{2})|(?<!.))(?:Photo|PHOTO|Pictured|Picture|Image|Caption)\b[^:|]{0,30}[:|]\s*"
    r"(?P<text>.+?)(?=\s\s|\Z)",
    re.DOTALL,
)


_CAPTION_WORDS = ("Photo", "PHOTO", "Pictur", "Image", "Caption")


def photo_captions(text: str) -> list[str]:
    """The words of a text's photo captions ("Photo: …"), which cleaning sends to the ledger
    but which may name a person's post (most texts have none: a substring test first)."""
    if not any(word in text for word in _CAPTION_WORDS):
        return []
    return [m.group("text") for m in _CAPTION.finditer(text)]


# A note that credits an interview: "The questions were put in Brussels … to X, who works on …",
# "Interview by Y. Her guest was X, Armenia's deputy minister of defence."
_CREDIT = re.compile(r"\b(?:interview(?:ed)?|questions?|guest|spoke|talked|answered)\b", re.IGNORECASE)
_BY_BEFORE = re.compile(r"\bby\s*\Z", re.IGNORECASE)


def credited_guest(notes: list[str], reg: Registry, date) -> tuple[str, str] | None:
    """The one person an interview's closing credit presents with a post ("Her guest was Tigran
    Aslanyan, Armenia's deputy minister of defence", "… put … to Ewald Thorsen, who works on the
    staff of NATO's special representative"), as (name, holder); not the interviewer the credit
    names after "by"."""
    found = {(p.name, p.holder) for note in notes if _CREDIT.search(note)
             for p in speakers.introduced(note, reg, date) if p.title and not _BY_BEFORE.search(note[: p.start])}
    return found.pop() if len(found) == 1 else None


# A question that tells the guest their post: "Mr Berg, you represent the Alliance in the region",
# "you are NATO's envoy for the Caucasus", "You have led the Alliance's office here for three
# years", "As NATO's liaison officer for the region, you have …".
YOU_POST = re.compile(
    r"(?:^|[.?!:]\s+)[\W_]*As\s+(?P<as>[^,.?!;:]{3,90}?),\s+you\b|"
    r"\byou\s+(?:have\s+)?(?:represent|speak\s+for|serve\s+as|served\s+as|work\s+(?:for|at|in)|head|headed|led|run|ran|chaired|"
    r"are\s+(?:the|a|an)\b)(?P<post>[^.?!;]{2,100})",
    re.IGNORECASE,
)


# A title with the words before it and the actor after it: "NATO's liaison officer in the South
# Caucasus", "the Alliance's envoy", "a senior official of the Alliance".
_TITLE_PHRASE = re.compile(
    rf"(?:[\w'’-]+\s+){{0,5}}?(?i:{ROLE_NOUNS})\b(?:\s+(?i:{ROLE_NOUNS})\b)*"
    rf"(?:\s+(?:of|for|to|at|in|with)\s+(?:the\s+)?[\w'’-]+(?:\s+[A-Z][\w'’-]*)*)?"
    # a post told in a relative clause: "The Romanian colonel who leads NATO's education team"
    r"(?:,?\s+who\s+(?:leads|heads|runs|represents|serves\s+(?:as|at|with|in)|works\s+(?:for|at|in|with))(?:\s+[\w'’-]+){1,6})?"
)


# How far into a text its introduction can reach: a guest presented later is no introduction's.
_INTRO_CHARS = 1500


def _first_turn(units: list[Unit]) -> int | None:
    """Where the first labelled turn starts, or None in a text with no turn label."""
    return next((u.start for u in units if u.label), None)


def presented_guest(text: str, units: list[Unit], reg: Registry, date) -> tuple[str, str] | None:
    """The guest the headline and introduction present by a title alone ("NATO's liaison
    officer in the South Caucasus answered questions from …", "A senior NATO official …"): the
    first title there with an actor's side, as (title, holder); None where there is none. The
    introduction ends at the first turn label, or at the first question where no turn is labelled."""
    first = _first_turn(units)
    if first is None:
        first = next((u.start for u in units if u.zone == "body" and is_question(text[u.start : u.end].strip())), None)
    for unit in units:
        if first is None or unit.start >= min(first, _INTRO_CHARS):
            break
        for found in _TITLE_PHRASE.finditer(text, unit.start, unit.end):
            who = speakers.unnamed_speaker(found.group(0), reg, date)
            if who and who[1] not in ("other", "media") and not speakers.plural_title(found.group(0)):  # no group is a guest
                return _title_from(found.group(0)), who[1]
    return (_addressed_post(text, units, first, reg, date) or _aside_guest(text, units, reg, date)
            or _owned_guest(text, units, reg, date) or _headline_titled(text, units, reg, date)
            or _caption_guest(text, reg, date))


def _caption_guest(text: str, reg: Registry, date) -> tuple[str, str] | None:
    """The person a photo caption introduces with an actor's post ("Photo: Anna Berg, Moldova's
    deputy foreign minister, during the interview"), as (name, side): the guest of an interview
    that names nobody else."""
    for caption in photo_captions(text):
        person = speakers.first_introduced(caption, reg, date)
        if person and person.holder not in ("other", "media"):
            return person.name, person.holder
    return None


def _headline_titled(text: str, units: list[Unit], reg: Registry, date) -> tuple[str, str] | None:
    """A title the headline gives the guest beside the one actor it names, its quotations aside
    ("…: the minister on Yerevan's terms"), as (the title, that actor's side)."""
    words, side = headline_actor(text, units, reg, date)
    title = speakers.ROLE.search(words)
    return (title.group(), side) if title and side else None


def _headline_owned_title(text: str, units: list[Unit], reg: Registry, date) -> tuple[str, str] | None:
    """A title the headline gives right after the one actor it names, its quotations aside ("NATO
    envoy: …", "Baku's senior diplomat on …"), as (the title, that actor's side); not an actor the
    headline names as its subject ("a diplomat on Brussels")."""
    words, side = headline_actor(text, units, reg, date)
    title = speakers.ROLE.search(words)
    owners = [m for m in reg.mentions(words, date) if m.holder == side] if title and side else []
    if any(_OWNED_GAP.fullmatch(words[m.end : title.start()]) for m in owners):
        return title.group(), side
    return None


_OWNED_GAP = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+)?")


# An actor's person or office in a headline: "Baku's man in Vienna: …", "Yerevan's Alliance
# hand: …", "written answers from the EU's liaison office".
_OWNED_PERSON = re.compile(
    r"['’]s\s+(?:[\w-]+\s+)?(?:man|woman|hand|voice|point\s+man|office|mission|embassy|ministry)\b", re.IGNORECASE
)


def _owned_guest(text: str, units: list[Unit], reg: Registry, date) -> tuple[str, str] | None:
    """The guest a headline calls an actor's person ("Baku's man in Vienna: …"), as (the
    headline's words, the actor's side)."""
    head = _header(units)
    found = _OWNED_PERSON.search(text, head.start, head.end) if head else None
    owner = reg.mentions(text[head.start : found.start()], date) if found else []
    if not owner or owner[-1].end != found.start() - head.start or owner[-1].holder in ("media", "other"):
        return None
    return text[head.start + owner[-1].start : found.end()], owner[-1].holder


def _addressed_post(text: str, units: list[Unit], first: int | None, reg: Registry, date) -> tuple[str, str] | None:
    """The post the first question gives the guest (``YOU_POST``), when it names an actor, as
    (title, holder)."""
    unit = next((u for u in units if first is not None and u.start >= first), None)
    found = YOU_POST.search(text[unit.start : unit.end]) if unit else None
    holder = speakers.affiliation(found.group(0), reg, date) if found else None
    return (_title_from(" ".join((found.group("as") or found.group("post")).split())), holder) if holder else None


def _aside_guest(text: str, units: list[Unit], reg: Registry, date) -> tuple[str, str] | None:
    """The person a bracketed aside of the narrator names with a post mid-interview ("[Ani
    Sargsyan, who has been Armenia's deputy foreign minister since 2012, paused before
    answering.]"): the guest, as (name, holder)."""
    for unit in units:
        aside = text[unit.start : unit.end].strip()
        if aside[:1] in "[(" and aside[-1:] in ")]":
            person = speakers.first_introduced(aside[1:-1], reg, date)
            if person is not None and person.holder not in ("other", "media"):
                return person.name, person.holder
    return None


# Where a title phrase starts: its article or owner ("a senior NATO official", "NATO's envoy").
_TITLE_START = re.compile(r"(?:\b(?:the|a|an)|[\w-]+['’]s)\s+(?:[\w'’-]+\s+){0,3}\Z", re.IGNORECASE)


def _title_from(phrase: str) -> str:
    """The title alone, without the words before its article or owner: "Interview with NATO's
    envoy for the Caucasus" gives "NATO's envoy for the Caucasus"."""
    role = speakers.ROLE.search(phrase)
    head = phrase[: role.start()] if role else ""
    start = _TITLE_START.search(head)
    words = head[start.start() :] if start else " ".join(head.split()[-1:])
    return " ".join(f"{words} {phrase[len(head):]}".split())


def presented_side(text: str, units: list[Unit], answering: set[str], reg: Registry, date) -> dict[str, str]:
    """The side of a transcript's one answering label (``answering``: the labels that do not ask)
    that the headline and introduction give by a title alone ("NATO's liaison officer talks to …"
    above "TOMAS LINDQVIST: …"), where they name nobody who could be the label."""
    first_turn = _first_turn(units)
    if len(answering) != 1 or first_turn is None:
        return {}
    guest, intro = next(iter(answering)), text[: min(first_turn, _INTRO_CHARS)]
    if guest.split()[-1].lower() in intro.lower():
        # the introduction names the guest: their own title decides, or the headline's where it gives none
        who = None if _introduced_with_post(guest, intro, reg, date) else _headline_owned_title(text, units, reg, date)
    else:
        who = presented_guest(text, units, reg, date)
    return {guest: who[1]} if who else {}


def _introduced_with_post(label: str, intro: str, reg: Registry, date) -> bool:
    """Whether an introduction names the person a label stands for with a title of theirs; a
    guest it names bare ("Anders Holm has made the trip many times") is placed by the headline."""
    surname = label.split()[-1].lower()
    people = [p for p in speakers.introduced(intro, reg, date) if p.name.split()[-1].lower() == surname]
    return any(p.title for p in people)


# A sentence before an exchange that says who is asked: "the NATO official was also asked about
# …", "X answered questions from …", "we asked X about …", "put two questions to X after …", "spoke
# to X, …", "in an exchange with X,".
_WHO = r"(?P<who>[^,;:.?!]{2,80}?)"
_LEAD_IN = (
    re.compile(rf"{_WHO}\s+(?:was|were)\s+(?:also\s+|then\s+|later\s+)?asked\b"),
    re.compile(rf"{_WHO}\s+(?:also\s+|then\s+|later\s+)?(?:answered|took|fielded)\s+(?:[\w'’-]+\s+){{0,2}}?questions\b"),
    re.compile(rf"\basked\s+{_WHO}\s+(?:about|whether|if|how|what|why)\b"),
    re.compile(rf"\b(?:put|posed|addressed|sent)\s+(?:[\w'’-]+\s+){{0,2}}?questions?\s+to\s+{_WHO}(?=\s*(?:[,;:.]|\Z|\s(?:about|in|on|at|after|during|before)\b))"),
    # the outlet spoke to its guest; the guest ("he spoke to the paper's X") spoke to a reporter
    re.compile(rf"(?<!\bhe\s)(?<!\bshe\s)(?<!\bthey\s)\b(?:spoke|talked)\s+(?:to|with)\s+{_WHO}(?=\s*(?:[,;:.]|\Z|\s(?:about|in|on|at|after|during|before)\b))"),
    re.compile(rf"\b(?:interview|exchange|conversation)\s+with\s+{_WHO}(?=\s*[,;:.])"),
)


# A sentence that introduces the person asked: a name, an apposition set off by commas, then
# "answered questions" ("Tamar Ivers, who studies the Caucasus, answered three questions from …").
_LEAD_IN_NAMED = re.compile(
    r"^\W*(?P<who>(?:[A-ZÀ-Þ][\w'’-]+\s+){1,2}[A-ZÀ-Þ][\w'’-]+,\s+[^;:.?!]{2,120}?),\s+(?:also\s+|then\s+|later\s+)?"
    r"(?:answered|took|fielded)\s+(?:[\w'’-]+\s+){0,2}?questions\b"
)


# A person named with an owner: "Kavkaz Weekly Review's Tamar Gelashvili" (an outlet's reporter
# where the owner is no actor).
_REPORTER_OF = re.compile(r"^\s*(?:the\s+)?(?P<owner>[A-Z][\w'’ -]*?)['’]s\s+[A-Z][\w'’-]+\s+[A-Z]")


def lead_in_guest(sentences: list[str], ctx: Discourse) -> tuple[str, str] | None:
    """The person the paragraph right before an exchange says is asked ("In a short exchange
    with the agency, the NATO official was also asked about Armenia."): the interviewee of a
    question-and-answer passage inside a report, where the report has quoted others before.
    The person must have been named before (the outlet an interview was given to is no guest).
    The last sentence that says so decides; None where none does."""
    known = list(ctx.persons)  # a person named before, not a name first met here ("spoke to Absheron Info")
    for sentence in reversed(sentences):
        introduced = _LEAD_IN_NAMED.match(sentence)
        who = ctx.resolve(introduced.group("who")) if introduced else None
        if who and who not in ctx.groups and not sideless_title(who, ctx):
            return who  # the sentence introduces the person it says is asked
        for pattern in _LEAD_IN:
            for found in pattern.finditer(sentence):
                owned = _REPORTER_OF.match(found.group("who"))
                if owned and not ctx.reg.mentions(owned.group("owner")):
                    continue  # "spoke to Kavkaz Weekly Review's Tamar Gelashvili": the outlet's reporter
                who = ctx.resolve(found.group("who").strip())
                if who and who not in ctx.groups and (who in known or who[0] in ctx.reg.names) and not sideless_title(who, ctx):
                    return who
    return None


def sideless_title(who: tuple[str, str], ctx: Discourse) -> bool:
    """Whether a speaker is a bare title with no side ("the Special Representative" whose
    actor the sentence does not name): it tells nothing the introduction does not."""
    return who[1] == "other" and (ctx.title_only(who[0]) or not speakers.name_words(who[0]))
