"""Transcript labels: who asks, who answers, and the side each label speaks for.

A transcript names its speakers by labels ("HENRIKE VOS:", "Eastbridge:", "Kura Press" on a
line of its own). The press asks: labels marked as such, an outlet the introduction names as
asking, a programme's host, or a label whose turns end in questions. A guest's side comes from
their introduction elsewhere; where nothing introduces them, from their own words ("our
Alliance"), from a question that tells them their post ("you represent the Alliance"), or from a
title-only introduction above the label ("NATO's liaison officer talks to …", read by
:mod:`corpus_lib.pipeline.guests`), or from the label's own bracket ("KRISTOF DEMEYERE
(NATO):"). An answer that only relays another actor's words is that actor's (:func:`relays`).
"""

from __future__ import annotations

import re
from collections import Counter

from corpus_lib.pipeline import guests, speakers
from corpus_lib.pipeline.actors import Registry
from corpus_lib.pipeline.clauses import ROLE_NOUNS, is_question
from corpus_lib.pipeline.clean import Unit
from corpus_lib.pipeline.own_words import claimed_side, own_institution
from corpus_lib.pipeline.segment import split_sentences
from corpus_lib.vocab import STATE_HOLDERS

Turn = tuple[str, str, list[str]]  # the label as written, its name, its paragraphs


def askers(text: str, turns: list[Turn], reg: Registry, date=None) -> frozenset[str]:
    """The labels of the press: marked, the programme's host, or the outlet named as asking."""
    return _marked_askers(turns, reg, date) | _hosts(text, turns) | _outlets(text, turns)


def label_sides(text: str, units: list[Unit], turns: list[Turn], asking: frozenset[str], reg: Registry, date) -> dict[str, str]:
    """The side of each answering label that nobody introduced: a title-only introduction, then
    a question naming the guest's post, then the label's own words, then its bracket (the
    later one wins)."""
    sides = _headline_title_sides(text, units, turns, asking, reg, date) | _caption_sides(text, turns, asking, reg, date)
    answering = {name for _, name, _ in turns if name not in asking}
    sides |= guests.presented_side(text, units, answering, reg, date) | _addressed_side(turns, asking, reg, date)
    return sides | _label_sides(turns, reg, date) | _bracket_sides(turns, asking, reg, date)


def _headline_title_sides(text: str, units: list[Unit], turns: list[Turn], asking: frozenset[str], reg: Registry,
                          date) -> dict[str, str]:
    """The side of a bare-title label ("MINISTER:") that the headline gives the same title, where
    the headline, its quotations aside, names one actor: "'…': the minister on Yerevan's terms"
    above "MINISTER: …" speaks for Armenia."""
    titles = {name for _, name, _ in turns if name not in asking and speakers.ROLE.fullmatch(name.strip())}
    words, side = guests.headline_actor(text, units, reg, date) if titles else ("", None)
    if side is None:
        return {}
    return {name: side for name in titles if re.search(rf"\b{re.escape(name.strip())}\b", words, re.IGNORECASE)}


def _caption_sides(text: str, turns: list[Turn], askers: frozenset[str], reg: Registry, date) -> dict[str, str]:
    """The side a photo caption gives an answering label ("Photo: Marit Solvang, head of NATO's
    liaison office in Tbilisi" above "SOLVANG: …"): the caption goes to the ledger, but it
    names the guest's post when the introduction does not."""
    answering = {name for _, name, _ in turns if name not in askers}
    captions = guests.photo_captions(text) if answering else []
    if not captions:
        return {}
    out: dict[str, str] = {}
    for name in answering:
        surname = re.escape(name.split()[-1]) if name.split() else ""
        for caption in captions:
            post = re.search(rf"\b{surname},\s+(?P<title>[^,.;:()]{{3,100}})", caption, re.I) if surname else None
            side = speakers.affiliation(post.group("title"), reg, date) if post else None
            if side:
                out[name] = side
                break
    return out


_REPORTER = re.compile(r"\b(?:REPORTER|JOURNALIST|CORRESPONDENT|QUESTION|MODERATOR|INTERVIEWER|HOST|PRESS|ANCHOR|PRESENTER)\b")


def label_turns(text: str, units: list[Unit]) -> list[Turn]:
    """Each labelled transcript turn: its label as written, its name, and its paragraphs."""
    return [
        (unit.who, _label_name(unit.who), [text[u.start : u.end] for u in [unit, *_continued(units, i)]])
        for i, unit in enumerate(units)
        if unit.label == "speaker"
    ]


def _marked_askers(turns: list[Turn], reg: Registry, date=None) -> frozenset[str]:
    """The transcript labels of the press: marked as such (``REPORTER``, an outlet in
    brackets) or whose turns end with a question, all of them or most of several (a moderator
    also thanks the guests and sets the scene). A bracket that names an actor or a body
    ("KRISTOF DEMEYERE (NATO):", "(Foreign Ministry)") gives a guest's side, not an outlet."""
    asked: dict[str, list[bool]] = {}
    for who, name, body in turns:
        press = bool(_REPORTER.search(who)) or ("(" in who and not _affiliated(who, reg, date) and not _titled_person(who))
        asked.setdefault(name, []).append(press or is_question(body[-1].strip()))
    return frozenset(name for name, flags in asked.items() if all(flags) or (len(flags) >= 3 and _mostly(flags)))


def asks_and_answers(text: str, units: list[Unit]) -> bool:
    """Whether unlabelled paragraphs take turns like an interview filed as news: at least three
    short paragraphs (three sentences at most) that end on a question, each followed by one that
    does not. A commentary's rhetorical question is answered in its own paragraph ("Will they
    listen? Perhaps not."), so it makes no such pair."""
    paragraphs = [split_sentences(text[u.start : u.end], offset=u.start) for u in units if u.zone == "body" and not u.label]
    asks = [len(p) <= 3 and is_question(text[slice(*p[-1])]) for p in paragraphs if p]
    return sum(1 for a, b in zip(asks, asks[1:]) if a and not b) >= 3


def lone_asker(turns: list[Turn]) -> str | None:
    """The one label of a text whose own paragraphs ask ("MERIDIAN: How does Baku see it?"),
    all of them or most of three or more, while the paragraphs after them carry no label: the
    press labels its questions and the answers go unlabelled, so those paragraphs answer."""
    names = {name for _, name, _ in turns}
    if len(names) != 1:
        return None
    asked = [is_question(body[0].strip()) for _, _, body in turns]
    answered = any(len(body) > 1 for _, _, body in turns)
    return next(iter(names)) if answered and (all(asked) or (len(asked) >= 3 and _mostly(asked))) else None


def _bracket(who: str) -> str:
    """The words in a label's brackets: "Foreign Ministry" in "NAIRA HAKOBI (Foreign Ministry)"."""
    return who.split("(", 1)[1].rstrip(") ") if "(" in who else ""


def _affiliated(who: str, reg: Registry, date=None) -> bool:
    """Whether a label's bracket names an actor or a state body: "(NATO)", "(Foreign Ministry)"."""
    bracket = _bracket(who)
    return bool(reg.mentions(bracket, date)) or speakers.is_body(bracket)


# A programme's host named in its introduction: "The host is Anna Berg", "presented by Anna Berg".
_HOST = re.compile(
    r"\b(?:(?:the\s+)?(?:host|presenter|moderator|anchor|interviewer)(?:\s+is|\s+was|,)?|(?:hosted|presented|moderated|chaired)\s+by)\s+"
    r"(?P<name>(?-i:[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+){1,2}))",
    re.IGNORECASE,
)


# The one who talks to a guest in an introduction: "Dana Whitcombe talks to Pieter Langeveld".
_TALKS_TO = re.compile(
    r"(?P<name>[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+){1,2})\s+(?:talks|talked|speaks|spoke|chats|chatted|sits\s+down|sat\s+down)"
    r"\s+(?:to|with)\s+(?=[A-ZÀ-Þ])"
)


def _hosts(text: str, turns: list[Turn]) -> frozenset[str]:
    """The transcript labels whose names the introduction gives as the programme's host or as
    the one who talks to the guest, by full name or, for a one-word label, first name or
    initials ("DANA:" or "DW:" for Dana Whitcombe), and the label whose first turn welcomes the
    audience or presents the guest ("HW: Welcome to Borderlands … my guest is Dr Ruth Ashdown").
    "X spoke to Y" names X the host only where X's label asks a question: the guest is the one
    who "spoke to" a reporter in "ET: …" answered to "RH: …?"."""
    labels = {name for _, name, _ in turns}
    if not labels:
        return frozenset()
    first: dict[str, str] = {}
    for _, name, body in turns:
        first.setdefault(name, " ".join(body))
    presenting = {name for name, body in first.items() if _PRESENTS_GUEST.search(body)}
    asking = {name for _, name, body in turns if is_question(body[-1].strip())}
    talking = [m for m in _TALKS_TO.finditer(text[:2000]) if any(_names_label(m.group("name"), a) for a in asking)]
    named = [m.group("name") for m in [*_HOST.finditer(text), *talking]]
    return frozenset(name for name in labels if any(_names_label(n, name) for n in named)) | presenting


def _names_label(full: str, label: str) -> bool:
    """Whether a full name is a label's: the same name or, for a one-word label, the first name,
    the surname ("DUBOIS:" for a press conference "moderated by Claire Dubois") or the initials."""
    words = full.lower().split()
    if label.lower() == " ".join(words):
        return True
    return " " not in label and label.lower() in (words[0], words[-1], "".join(w[0] for w in words))


# A host's opening turn: "Welcome to Borderlands", "my guest tonight is …", "joining me now is …".
_PRESENTS_GUEST = re.compile(
    r"\b(?:welcome\s+to\s+(?:the\s+)?[A-Z]|my\s+guests?\s+(?:today\s+|tonight\s+|this\s+week\s+)?(?:is|are)\b|"
    r"joining\s+(?:me|us)\s+(?:today|tonight|now|in\s+the\s+studio)?\s*(?:is|are)\b)"
)


# The outlet an introduction names as asking: "answered questions from the Kura Courier",
# "spoke to Araks Weekly", "gave an interview to Caspian Wire".
_ASKING_OUTLET = re.compile(
    r"\b(?:questions?\s+(?:from|of)|spoke\s+to|talked\s+to|interview\s+(?:to|with)|told)\s+(?:the\s+)?"
    r"(?P<name>[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+){0,3})"
)


def _outlets(text: str, turns: list[Turn]) -> frozenset[str]:
    """The transcript labels that name the outlet the introduction says asked the questions;
    not a person the outlet spoke to ("… spoke to Sabine Oudekerk, NATO's liaison officer")."""
    named = {
        " ".join(m.group("name").split()).lower()
        for m in _ASKING_OUTLET.finditer(text[:2000])
        if not _TITLED_AFTER.match(text, m.end())
    }
    return frozenset(name for _, name, _ in turns if name.lower() in named) if named else frozenset()


# A title set off after a name: the name is a person's, not an outlet's.
_TITLED_AFTER = re.compile(rf"\s*,\s*[^,.;:]{{0,60}}?\b(?i:{ROLE_NOUNS})\b")


def _mostly(flags: list[bool]) -> bool:
    return sum(flags) >= 0.6 * len(flags)


# A post of the press, whose holder asks rather than answers: "Kura Review's diplomatic editor".
PRESS_TITLE = re.compile(r"\b(?:editor|correspondent|journalist|reporter|presenter|anchor|columnist)\b", re.IGNORECASE)


def _label_sides(turns: list[Turn], reg: Registry, date) -> dict[str, str]:
    """The side of each transcript label that names it by its own words: NATO for a speaker who
    calls the Alliance "this Alliance" or "our Alliance", the post's actor for one who gives
    their post ("As the Alliance's liaison officer here, I …"; used where nobody introduced them)."""
    words: dict[str, list[str]] = {}
    for _, name, body in turns:
        words.setdefault(name, []).extend(body)
    sides = {}
    for name, body in words.items():
        said = " ".join(body)
        post = _AS_POST.search(said)
        side = speakers.affiliation(post.group("post"), reg, date) if post else None
        side = side or own_institution(said)
        if side:
            sides[name] = side
    return sides


# A speaker's own post, told in the first person: "As the Alliance's liaison officer here, I …".
_AS_POST = re.compile(rf"\bAs\s+(?P<post>(?:the|an?|[A-Z][\w'’-]*['’]s)\s+(?:[\w'’-]+\s+){{0,4}}?(?i:{ROLE_NOUNS})\b[^,;.]{{0,40}}),\s+I\b")


def _addressed_side(turns: list[Turn], askers: frozenset[str], reg: Registry, date) -> dict[str, str]:
    """The side the questions give an answering label ("you represent the Alliance"), where the
    label has no introduction to say it: the one guest's, or on a panel the guest the question
    names first ("Mr Brandt, you speak for the Alliance on this panel")."""
    answering = {name for _, name, _ in turns if name not in askers}
    sides: dict[str, str] = {}
    for _, name, body in turns:
        said = " ".join(body) if name in askers else ""
        for found in guests.YOU_POST.finditer(said):
            holder = speakers.affiliation(found.group(0), reg, date)
            guest = next(iter(answering)) if len(answering) == 1 else _named_before(said, found.start(), answering)
            if holder and guest:
                sides.setdefault(guest, holder)
    return sides


# A guest named in the vocative before what is said to them: "Mr Brandt, you …".
_VOCATIVE = re.compile(r"(?:^|[.?!]\s+)(?:(?:Mr|Ms|Mrs|Dr|Professor|General|Colonel|Ambassador)\.?\s+)?"
                       r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?),\s+[^.?!]*\Z")


def _named_before(said: str, at: int, answering: set[str]) -> str | None:
    """The answering label the sentence before ``at`` opens by addressing, or None."""
    found = _VOCATIVE.search(said, 0, at)
    surname = found.group("name").split()[-1].lower() if found else ""
    named = [label for label in answering if surname and label.split() and label.split()[-1].lower() == surname]
    return named[0] if len(named) == 1 else None


def _bracket_sides(turns: list[Turn], asking: frozenset[str], reg: Registry, date) -> dict[str, str]:
    """The side a guest's label gives in brackets: "KRISTOF DEMEYERE (NATO):" speaks for NATO; a
    research body named after a city ("(Yerevan Policy Lab)") gives none."""
    sides = {}
    for who, name, _ in turns:
        bracket = _bracket(who)
        mentions = reg.mentions(bracket, date) if name not in asking and not speakers.EXPERT.search(bracket) else []
        if mentions and mentions[0].holder not in ("media", "other"):
            sides[name] = mentions[0].holder
    return sides


def _continued(units: list[Unit], i: int) -> list[Unit]:
    """The unlabelled body paragraphs that go on with the turn opened by ``units[i]``."""
    out = []
    for unit in units[i + 1 :]:
        if unit.label or unit.zone != "body":
            break
        out.append(unit)
    return out


def _titled_person(who: str) -> bool:
    """Whether a label is a title with the person's name in brackets, as official transcripts
    print it: "NATO Deputy Secretary General (Hendrik Aalders)", "Deputy Foreign Minister (Nigar
    Aliyarli)"."""
    bracket = _bracket(who).strip()
    return bool(bracket) and " ".join(speakers.name_words(bracket)) == bracket and " " in bracket and bool(
        speakers.ROLE.search(who.split("(", 1)[0]))


def _label_name(who: str) -> str:
    """A speaker label's name in ordinary case: ``HENRIKE VOS (Agency)`` → ``Henrike Vos``; a
    title with the name in brackets keeps both: ``Deputy Foreign Minister (Nigar Aliyarli)`` →
    ``Deputy Foreign Minister Nigar Aliyarli``."""
    if _titled_person(who):
        return " ".join(who.replace("(", " ").replace(")", " ").split())
    words = who.split("(")[0].split()
    return " ".join(w if w in _ACRONYM_LABELS else w.title() if "'" in w else "-".join(p.capitalize() for p in w.split("-"))
                    for w in words)  # "TER-GHUKASYAN" → "Ter-Ghukasyan"


_ACRONYM_LABELS = frozenset("NATO EU UN OSCE CSTO US UK MP".split())  # kept in capitals: "NATO OFFICIAL"


def voice(who: str, askers: frozenset[str]) -> tuple[str, str]:
    """(name, role) of a transcript label: the press asks (``interviewer``), others answer."""
    name = _label_name(who)
    return (name, "interviewer") if name in askers else (name, "interviewee")


# An editor's note about the exchange: "The interview was conducted in Russian; the translation
# is ours.", "The text has been edited for length."
_EDITORS_NOTE = re.compile(
    r"\b(?:interview|conversation|exchange|transcript|text|answers)\s+(?:was|were|has\s+been|have\s+been|is|are)\s+"
    r"(?:\w+ly\s+)?(?:conducted|edited|abridged|shortened|condensed|translated|recorded|sent|given)\b|"
    r"\btranslation\s+is\s+ours\b|\bedited\s+for\s+(?:length|clarity|space)\b",
    re.IGNORECASE,
)
# The press's report of a question between turns: "A reporter from a Russian agency asked whether …".
_ASKED = re.compile(
    r"^\W*(?:an?|the|another|one)\s+(?:[\w'’-]+\s+){0,2}?(?:reporter|journalist|correspondent|questioner)\b[^.?!]{0,80}?"
    r"\b(?:asked|wanted\s+to\s+know|pressed)\b",
    re.IGNORECASE,
)


def label_surnames(turns: list[Turn]) -> frozenset[str]:
    """The surnames of a transcript's labels ("HENRIKE VOS (Agency)": "Vos"), for :func:`told_of`."""
    return frozenset(_surname(who) for who, _, _ in turns) - {""}


def told_of(sentence: str, voice: str, surnames: frozenset[str]) -> bool:
    """Whether an unlabelled paragraph after a labelled turn opens in the report's voice, not
    the speaker's: an editor's note, the press's report of a question, the current speaker
    named in the third person ("Veldkamp leaves for Tbilisi on Thursday", "…, Brekke said."),
    another label's speaker named with a verb of saying ("Ahmadli added that …") or in the past
    tense ("Gasimli did not let that pass."), or :func:`report_voice`."""
    if _EDITORS_NOTE.search(sentence) or _ASKED.match(sentence) or report_voice(sentence):
        return True
    own = _surname(voice)
    if own and re.search(rf"^\W*(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?{re.escape(own)}\s+[a-z]|,\s*{re.escape(own)}\s+(?:said|added|told)\b", sentence):
        return True
    others = surnames - {own}
    return any(re.match(rf"^\W*(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?{re.escape(o)}\s+(?:said|added|told|noted|stressed|replied|did|was|had|[a-z]+ed)\b",
                        sentence) for o in others)


# A verb that reports the guest's words: the answer goes on in the third person ("Engelbrecht said
# she would return …"), which keeps the guest's side.
_SAYS_AFTER_NAME = re.compile(
    r"\s+(?:also\s+)?(?:said|says|told|tells|added|adds|noted|stressed|insisted|argued|explained|replied|answered|warned|"
    r"agreed|declined|refused|repeated|recalled)\b"
)


def editors_note(sentence: str) -> bool:
    """Whether a sentence is an editor's note about the exchange ("The interview has been edited
    for length.")."""
    return bool(_EDITORS_NOTE.search(sentence))


def tells_of(sentence: str, guest: str) -> bool:
    """Whether an unlabelled paragraph after an answer opens by telling of the guest, named in
    full before, by surname with a verb that reports no words ("Vandermeulen left for Yerevan the
    same evening.", "Grigoryan flies to Brussels on Thursday."): the report's voice again."""
    words = speakers.name_words(guest)
    if len(words) < 2:
        return False
    opening = re.match(rf"\W*(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?{re.escape(words[-1])}(?=\s+[a-z])", sentence)
    return bool(opening) and not _SAYS_AFTER_NAME.match(sentence, opening.end())


def report_voice(sentence: str) -> bool:
    """Whether a paragraph inside an interview opens in the report's voice whoever spoke last:
    the press in the first person ("I asked him whether …", "He told me that …"), a new
    source reporting ("In Baku, a foreign ministry spokesman said …", "A spokesman for the
    ministry, X, was more guarded"), or a person's biography ("The envoy, Rūta Kalnienė, has
    held the post since 2022", "Henrik Vaage, a Norwegian diplomat, became deputy …")."""
    return bool(_PRESS_FIRST.match(sentence) or THIRD_PARTY.match(sentence) or _BIOGRAPHY.match(sentence)
                or _AGED.search(sentence, 0, 120))


# The press in the first person between turns: "I asked him …", "He told me that …".
_PRESS_FIRST = re.compile(
    r"^\W*(?:I|We)\s+(?:asked|put\s+it\s+to|pressed|reminded|pointed\s+out\s+to|wanted\s+to\s+know)\b|"
    r"^\W*(?:He|She|They)\s+(?:told|assured|reminded|promised)\s+(?:me|us)\b"
)
# A paragraph that opens by reporting a third person's words: no answer of the interviewee's
# ("A Kremlin spokesman said …"; "A spokesman for the ministry, Davit Sargsyan, was more guarded
# when …": a new person's title, name and a verb in the past).
THIRD_PARTY = re.compile(
    rf"^\W*(?:in\s+[A-Z][\w'’-]+,\s+)?(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,5}}?(?:{ROLE_NOUNS})\b"
    r"(?:[^.!?\"“”]{0,160}?\b(?:said|says|told|added|warned|stated|declared)\b|"
    r"[^.!?\"“”,]{0,60},\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2},\s+(?:was|had|did|\w+ed)\b)",
    re.IGNORECASE,
)
# A person's biography told by the report: "The envoy, Rūta Kalnienė, has held the post since
# 2022", "Henrik Vaage, a Norwegian diplomat, became deputy to …", a name with an age
# ("A Dutch officer by training, Haverkamp, 51, served …").
_BIOGRAPHY = re.compile(
    rf"^\W*(?:(?:[Tt]he|[Oo]ur)\s+(?:[\w'’-]+\s+){{0,3}}?(?i:{ROLE_NOUNS}),\s+(?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]+|"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2},\s+(?:a|an)\s+[^,.;:]{3,60}),\s+"
    r"(?:has|had|was|is)\s+(?:been\s+|held|led|served|spent|worked|joined|headed|run|taken)|"
    r"^\W*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2},\s+(?:a|an)\s+[^,.;:]{3,60},\s+(?:became|joined|took\s+over|was\s+appointed|served)\b"
)
# A name with an age, in the paragraph's first words: "Tural Mammadzade, 46, heads …".
_AGED = re.compile(r"(?<=[a-z'’]), \d{2}, (?:is|was|has|had|[a-z]+ed|[a-z]+s)\b")


def _surname(who: str) -> str:
    """The last word of a label's name in ordinary case ("HENRIKE VOS (Agency)": "Vos"), or ''."""
    words = _label_name(who).split()
    return words[-1] if words else ""


# An answer that only relays an institution's words: "NATO has told us many times that …",
# "Brussels said the conflict was not its business" (the subject, then a verb of saying).
_RELAYED = re.compile(
    r"^\W*(?P<who>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)(?<!['’]s)\s+(?:has\s+|have\s+|had\s+)?(?:always\s+|repeatedly\s+|often\s+|"
    r"also\s+|clearly\s+)?(?:said|says|told|tells|insists|insisted|stated|states|keeps\s+saying|maintains|"
    r"made\s+(?:it\s+)?clear|assured|assures|repeat(?:s|ed)\s+(?=that\b))\b"
)


# The guest's own clause after a relayed one: ", but no third country …", ", and so do we",
# ", and all we ask is …".
_ANSWERED = re.compile(r",\s+(?:but\b|(?:and|yet|so|while)\s+(?:[\w'’-]+\s+){0,2}?(?:we|I|our|my)\b)")
# A subject that says nobody said it: "Nobody in Yerevan has said that" relays no one's words.
_NOBODY = re.compile(r"(?:nobody|no\s+one|no-one|none|neither)\b", re.IGNORECASE)
# A subordinate clause before the guest's own main clause: "Every time the Alliance repeats that
# promise, it tells …", "When Moscow says it will help, …" relay nothing.
_SUBORDINATE = re.compile(r"(?:(?:every|each)\s+time|whenever|when|if|because|as|since|while|until|unless|"
                          r"although|though|once|after|before)\b", re.IGNORECASE)


def answer_holders(text: str, out: list, reg: Registry, date, *, here: str | None = None) -> None:
    """The holders of an interview's answers once every turn is read: a sideless guest's own
    words first (:func:`own_sides`), then the answers that only relay another actor
    (:func:`relays`), then a headline that names the guest (:func:`headline_sides`)."""
    own_sides(text, out, here=here)
    relays(text, out, reg, date, here=here)
    headline_sides(out, text)


def own_sides(text: str, out: list, *, here: str | None = None) -> None:
    """The answers of a guest whom nothing gave a side, where the guest talks of the Alliance or
    the Union as their own ("Our Secretary General said as much", "The Union's position has not
    changed"): NATO's or the EU's; or of a state's government, ministry or army as their own
    ("My ministry has said it many times", "our armed forces"): the state of the dateline's
    place (``here``), where the interview was held; or of what only one side of the region says
    of itself (:func:`own_words.claimed_side`), in the answers or in a headline that quotes the
    guest ("'The door we opened in Bucharest has not closed': X on …")."""
    sideless: dict[str, list] = {}
    for s in out:
        if s.speaker_role == "interviewee" and s.holder == "other":
            sideless.setdefault(s.speaker, []).append(s)
    for name, rows in sideless.items():
        said = " ".join(text[s.start : s.end] for s in rows)
        state = here if here in STATE_HOLDERS and _OWN_STATE.search(said) and not _titled(name, text, out) else None
        headline = " ".join(text[s.start : s.end] for s in out if s.speaker_role == "headline" and s.speaker == name)
        side = own_institution(said) or state or claimed_side(f"{headline}\n{said}", here=here)
        for s in rows if side else []:
            s.holder = side


def headline_sides(out: list, text: str = "") -> None:
    """A headline given to a guest by name ("Valstad: '…'") but to nobody's side takes the side
    the guest's answers hold, once they are all read; so does a headline that only quotes
    ('"The promise we made still stands"', 'Transcript: "…"') in an interview with one guest."""
    held: dict[str, Counter] = {}
    for s in out:
        if s.speaker_role == "interviewee" and _last_word(s.speaker):
            held.setdefault(_last_word(s.speaker), Counter())[s.holder] += 1
    for s in out:
        answers = held.get(_last_word(s.speaker)) if s.speaker_role == "headline" and s.holder == "other" else None
        if s.speaker_role == "headline" and s.speaker == "headline" and len(held) == 1 and _QUOTE_ONLY.match(text[s.start : s.end]):
            answers = next(iter(held.values()))  # the one guest's words
        side = answers.most_common(1)[0][0] if answers else None  # the side most of the answers hold
        if side not in (None, "media", "other"):
            s.holder = side


# A headline that is a quotation alone, perhaps after a label: '"…"', 'Transcript: "…"'.
_QUOTE_ONLY = re.compile(r"^\W{0,3}(?:[A-Z][\w ]{0,20}:\s*)?[\"“‘'][^\"“”]{3,200}[\"”’']\W*\Z")


def _last_word(name: str) -> str:
    """A speaker's surname as the text gives it (the last word), or ''."""
    words = name.split()
    return words[-1] if words else ""


def _titled(name: str, text: str, out: list) -> bool:
    """Whether a sentence outside the guest's answers gives the guest a title ("X, an opposition
    member of parliament", "Opposition MP X"): a guest placed, if as nobody's side."""
    surname = _last_word(name) or name
    return any(s.speaker_role != "interviewee" and surname in (said := text[s.start : s.end]) and speakers.ROLE.search(said)
               for s in out)


# A speaker who talks of a state's government, ministry or army as their own.
_OWN_STATE = re.compile(
    r"\b(?i:our|my)\s+(?:government|ministry|foreign\s+ministry|president|army|armed\s+forces|soldiers|"
    r"country|land|territory|territories|borders?)\b"
)


def relays(text: str, out: list, reg: Registry, date, *, here: str | None = None) -> None:
    """An interviewee's sentence that only relays what an institution or state says is held by
    that actor, not by the guest; one that answers it or adds the guest's own part in the same
    sentence (", but …", ", and so do we") stays the guest's. So is one that quotes an actor's
    words after a colon ("NATO's Secretary General told our minister, and I quote him: '…'";
    "Our partners here tell us …: '…'", ``here`` being the dateline's actor)."""
    for s in out:
        if s.speaker_role != "interviewee" or s.is_question:
            continue
        sentence = text[s.start : s.end]
        quoting = _QUOTED_RELAY.match(sentence) if ":" in sentence else None  # the quotation follows a colon
        if quoting:
            s.holder = _relayed_actor(quoting.group("who"), reg, date, here) or s.holder
            continue
        found = _RELAYED.match(sentence)
        who = found.group("who") if found else ""
        if found is None or _ANSWERED.search(sentence) or speakers.ROLE.search(who) or _NOBODY.match(who) \
                or _SUBORDINATE.match(who):
            continue
        mentions = reg.mentions(who, date)
        if len(mentions) == 1 and mentions[0].kind == "institution" and mentions[0].holder not in ("media", "other"):
            s.holder = mentions[0].holder


# An answer that quotes another actor's words after a colon: "X told our minister, and I quote
# him: '…'", "Our partners in Brussels tell us: '…'".
_QUOTED_RELAY = re.compile(
    r"^\W*(?P<who>(?:[^,:;'\"“‘]|(?<=\w)['’](?=\w)){3,80}?)\s+(?:told|tell|tells|said|says|keep\s+telling)\b"
    r"(?:[^:'\"“‘]|(?<=\w)['’](?=\w)){0,80}:\s*['\"“‘]"
)


def _relayed_actor(who: str, reg: Registry, date, here: str | None) -> str | None:
    """The actor whose words an answer quotes: the one its source names ("NATO's Secretary
    General", "our partners in Brussels"), or the place's for "our partners here"."""
    mentions = [m for m in reg.mentions(who, date) if m.holder not in ("media", "other")]
    if mentions:
        return mentions[0].holder
    return here if re.search(r"\bhere\b", who) else None
