"""Attribution: turns, speakers, roles and holders for the sentences of one document.

Layouts handled (and their likes):

- labelled interviews (``Question:``/``Answer:``, ``Q:``/``A:``), including an answer
  that lost its label: an unlabelled paragraph right after a question is the answer;
- dash-led interviews, where turns open with a dash and alternate interviewer and
  interviewee (a section headline hands the next dash to the interviewer);
- transcripts whose turns open with a speaker's name in capitals (``HENRIKE VOS:``,
  ``VOS:``, ``REPORTER (Agency):``): a speaker who only asks, or is labelled as the press,
  is the interviewer, every other one speaks for themself, found by full name or surname
  among the people the text introduced; unlabelled paragraphs go on with the last speaker;
- unlabelled interviews whose questions are short paragraphs ending with a question mark;
- headlines and quoted section titles (a headline ``Name: words`` quotes Name; a quoted
  section title in an interview quotes the interviewee);
- news prose with quotations attributed after (``"…," said NATO representative X``;
  ``"…," he added``) or before (``He said: "…"``; ``X underlined that "…"``), where every
  sentence of a quotation gets the quoted speaker, and an unattributed quotation goes to
  the person last named;
- narration, whose holder is the actor the sentence reports ("NATO avoids…" → NATO),
  else the publisher's state for official essays and releases, else ``media``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from corpus_lib.pipeline import documents, guests, passives, publishers, speakers, transcripts
from corpus_lib.pipeline.actors import Registry, registry
from corpus_lib.pipeline.clauses import (
    POST_VERB_FIRST,
    POST_WHO_FIRST,
    PRE_ATTRIBUTION,
    first_verbish,
    is_question,
    subject_clause,
)
from corpus_lib.pipeline.clean import Unit
from corpus_lib.pipeline.commentary import commentary
from corpus_lib.pipeline.dates import find_event_date
from corpus_lib.pipeline.discourse import Discourse, Speaker
from corpus_lib.pipeline.groups import group_subject
from corpus_lib.pipeline.headlines import (
    COLON_HEAD,
    OUTLET_LABEL,
    echoed_headlines,
    heading_answers,
    headline_case,
    headline_speaker,
    is_dateline,
    is_headline,
    quoted_headline,
    titled_headlines,
)
from corpus_lib.pipeline.leads import lead_source
from corpus_lib.pipeline.quotes import quote_regions
from corpus_lib.pipeline.reported import narrated
from corpus_lib.pipeline.segment import split_sentences
from corpus_lib.pipeline.trailing import without_anonymity
from corpus_lib.vocab import STATE_HOLDERS


@dataclass
class Sentence:
    """One attributed sentence (offsets into the raw text)."""

    start: int
    end: int
    turn: int
    speaker: str
    speaker_role: str
    holder: str
    is_question: bool
    unit: int


def _one_space(text: str) -> str:
    """Line ends, tabs and no-break spaces as spaces, one character for one (``str.replace``
    per character present, far quicker than ``str.translate`` with a table)."""
    for char in _SPACE_LIKE:
        if char in text:
            text = text.replace(char, " ")
    return text


_SPACE_LIKE = "\n\r\t\v\f\x85\xa0\u2028\u2029"


def attribute(
    text: str,
    units: list[Unit],
    *,
    genre: str = "",
    date: dt.date | None = None,
    source: str = "",
    reg: Registry | None = None,
) -> list[Sentence]:
    """Split the kept units into sentences and give each its turn, speaker, role and holder.

    Example:
        >>> from corpus_lib.pipeline.clean import clean
        >>> raw = 'NATO and Baku\\n\\n"Our doors are open. Come in," said NATO official John Doe.'
        >>> [(raw[s.start:s.end][:12], s.speaker, s.holder) for s in attribute(raw, clean(raw).units)]
        [('NATO and Bak', 'headline', 'NATO'), ('"Our doors a', 'John Doe', 'NATO'), ('Come in," sa', 'John Doe', 'NATO')]
    """
    reg = reg or registry()
    text = _one_space(text)  # a wrapped line reads as one line; offsets stay the same
    ctx = Discourse(date=date, reg=reg, doc_date=date)
    publisher = publishers.publisher(text, genre, source, reg)
    asking = _dash_asking(text, units)
    dash_turns = any(asking)  # dashes open turns where a dashed paragraph asks; a statement's bullets ask nothing
    interview = (genre == "interview" or sum(u.label in _TURN_LABELS or (dash_turns and u.label == "dash") for u in units) >= 2
                 or (transcripts.asks_and_answers(text, units) and not _explained(text, units)))
    unlabelled = interview and not any(u.label for u in units)  # questions and answers told apart by "?" alone
    turns = transcripts.label_turns(text, units)
    lone = transcripts.lone_asker(turns)  # labelled questions, unlabelled answers
    askers = transcripts.askers(text, turns, reg, date) | ({lone} if lone else set())
    sides = transcripts.label_sides(text, units, turns, askers, reg, date)
    voice: tuple[str, str] | None = None  # the speaker of a transcript's current turn (name, role)
    voice_label, surnames = "", transcripts.label_surnames(turns)  # the current turn's label as printed; all labels' surnames
    ctx.dateline = _dateline(text, units, reg)
    ctx.headline_state = _headline_state(text, units, reg)
    ctx.outlet_state = publishers.source_state(source, reg)
    ctx.publisher = publisher if publisher in STATE_HOLDERS else None
    place = ctx.dateline or ctx.headline_state
    interviewee = _find_interviewee(text, units, reg, date, place=place) if interview else None
    ctx.guest = guests.presented_guest(text, units, reg, date) if interview and not interviewee else None
    if interviewee:
        ctx.add(interviewee)
    out: list[Sentence] = []
    turn = 0
    role = None  # role of the current turn
    last_was_question: bool | str = False  # True, False or "statement" (a dash turn of the press that asked nothing)
    dash_asks = _dashes_ask(asking)
    # a report (not an interview) quoting an exchange whose answers carry labels too: a paragraph
    # without a label is the report's again
    embedded = interview and genre != "interview" and _answers_labelled(units, dash_asks)
    body_begun = False  # a statement that is no headline stood before this unit
    for k, unit in enumerate(units):
        spans = split_sentences(text[unit.start : unit.end], offset=unit.start)
        if not spans:
            continue
        sentences = [text[a:b] for a, b in spans]
        questions = [is_question(s) for s in sentences]
        body_begun = body_begun or (bool(out) and out[-1].speaker_role != "headline")
        headline = is_headline(text, unit, in_body=bool(out) and out[-1].speaker_role != "headline", first=not k)
        if headline and k and is_dateline(text[unit.start : unit.end]):
            turn += 1  # a dateline on its own line opens the report: the agency's words
            out += [Sentence(a, b, turn, "narrator", "narrator", "media", q, k) for (a, b), q in zip(spans, questions)]
            continue
        if headline:
            turn += 1
            role = "headline"
            for (a, b), s, q in zip(spans, sentences, questions):
                s = headline_case(s, text, reg)
                speaker, holder = headline_speaker(s, interviewee, ctx)
                if q and speaker == "headline":
                    holder = "media"  # a title that asks states nobody's position
                if speaker == "headline" and (publisher != "media" or body_begun):  # a release's title; a section's heading
                    holder = publisher
                out.append(Sentence(a, b, turn, speaker, "headline", holder, q, k))
                ctx.see(s)
            last_was_question = False
            continue
        closing = bool(voice) and not unit.label and transcripts.told_of(sentences[0], voice_label, surnames)
        if unit.label == "speaker" or (voice and not unit.label and voice[0] != lone and not closing):
            voice = transcripts.voice(unit.who, askers) if unit.label == "speaker" else voice
            voice_label = unit.who if unit.label == "speaker" else voice_label
            turn += 1
            role = voice[1]
            _speak(spans, sentences, questions, voice, turn, k, ctx, interviewee, out, side=sides.get(voice[0], "other"),
                   intro=text[:800])
            last_was_question = questions[-1] or voice[0] == lone  # the lone asker's turn is answered next
            continue
        voice = None
        if interview and not closing:
            asked = last_was_question is True or (last_was_question == "statement" and not questions[-1])
            new_role = _paragraph_role(unit, role, sentences, questions, asked, unlabelled, interviewee)
            if embedded and new_role == "interviewee" and not unit.label:
                new_role = "narrator"  # a report goes on after the exchange it quoted
            if new_role != role or unit.label:
                turn += 1
            role = new_role
        else:
            turn += 1
            role = "narrator"
        if role == "narrator":
            event = find_event_date(text[unit.start : unit.end], doc_date=date)
            ctx.date = dt.date(int(event[:4]), int(event[5:7] or 6), 15) if event else date
            turn = _narrate(text, unit, k, spans, turn, ctx, publisher, out)
        else:
            if interviewee is None and k and not units[k - 1].label and out and out[-1].speaker_role in ("narrator", "quoted"):
                interviewee = _lead_in(text, units[k - 1], ctx)
            turn, role, interviewee = _exchange(unit, k, spans, sentences, questions, (turn, role), ctx, interviewee,
                                                unlabelled, out)
        # a dash-led turn of the press asks even when it ends on a statement ("- And Karabakh? Both
        # are partners."); one that asks nothing ("- But NATO says it has no wish to mediate.") is
        # answered by a paragraph that asks nothing either (one that asks goes on with the press)
        press_dash = unit.label == "dash" and role == "interviewer"
        last_was_question = questions[-1] or (press_dash and any(questions)) or ("statement" if press_dash and dash_asks else False)
    heading_answers(text, out, ctx)  # an interview too may print its questions as headings
    _settle_named(text, out, ctx)
    transcripts.answer_holders(text, out, reg, date, here=ctx.dateline)
    if publisher != "media":
        _issuer_titles(out, publisher, ctx)
    if not interview and publisher == "media":
        commentary(text, out, ctx)
    return out


def _issuer_titles(out: list[Sentence], publisher: str, ctx: Discourse) -> None:
    """In a release, a speaker known by a bare title that names no actor ("the Special
    Representative said") is the publisher's own official; an analyst stays nobody's."""
    for s in out:
        titled = s.speaker_role in ("quoted", "narrator") and speakers.ROLE.search(s.speaker) and not speakers.EXPERT.search(s.speaker)
        if s.holder == "other" and titled and guests.sideless_title((s.speaker, s.holder), ctx):
            s.holder = publisher


# "Name: …", "Name in Place: …" (where the person spoke is no part of the name).
_COLON_NAME = re.compile(
    r"^([A-ZÀ-Þ][^\W\d_]+(?:['’-][A-ZÀ-Þ]?[^\W\d_]+)*(?:\s+[A-ZÀ-Þ][^\W\d_]+(?:['’-][A-ZÀ-Þ]?[^\W\d_]+)*){0,2})"
    r"(?:\s+(?:in|at|from)\s+[A-ZÀ-Þ][\w'’-]*(?:\s+[A-ZÀ-Þ][\w'’-]*)?)?:\s"
)


def _settle_named(text: str, out: list[Sentence], ctx: Discourse) -> None:
    """Give headlines ("Name: …", "Surname: …") and answers the speaker and side introduced
    later in the text ("NATO spokesperson Anna Berg said …"), or in a closing note that
    presents the interviewee ("Anna Berg is NATO's envoy. She spoke to the agency.")."""
    _closing_note(text, out, ctx)
    titled = _titled_guest(text, out, ctx)
    answering = {s.speaker for s in out if s.speaker_role == "interviewee"}
    for s in out:
        if s.speaker_role not in ("headline", "interviewee"):
            continue
        name = s.speaker
        if name == "headline":
            colon = _COLON_NAME.match(headline_case(text[s.start : s.end].strip(), text, ctx.reg))
            name = colon.group(1) if colon else None
        known = ctx.known(name) if name and name != "interviewee" else None
        if known and known[1] == "other" and titled and known[0] in answering:
            known = (known[0], titled)  # "Halvorsen: …" over "The NATO envoy spoke to the agency"
        elif known is None and titled and s.speaker_role == "interviewee" and s.holder == "other" and len(answering) == 1:
            known = (s.speaker, titled)  # the one guest, whom the introduction names with no side of their own
        elif known and known[1] == "other" and s.speaker_role == "interviewee" and s.holder not in ("other", "media"):
            known = (known[0], s.holder)  # "Colonel X returns home in May." names no side: the answers keep theirs
        if known:
            s.speaker, s.holder = known
    quoted_headline(text, out)
    titled_headlines(text, out, ctx)
    echoed_headlines(text, out)


def _titled_guest(text: str, out: list[Sentence], ctx: Discourse) -> str | None:
    """The side of the one person an interview's introduction presents by a title alone, as
    the subject of a sentence ("The NATO envoy spoke to the agency in Baku"), where it names
    nobody by name: the guest a headline names ("Halvorsen: …") without a side of their own."""
    first_turn = next((k for k, s in enumerate(out) if s.speaker_role in ("interviewer", "interviewee")), 0)
    intro = [text[s.start : s.end] for s in out[:first_turn] if s.speaker_role == "narrator"]
    if any(person.holder != "other" or speakers.EXPERT.search(person.title)
           for sentence in intro for person in speakers.introduced(sentence, ctx.reg, ctx.date)):
        return None  # a name with a side of its own, an analyst's too ("X, a career diplomat," has none)
    sides = {side for sentence in intro if (side := _title_subject(sentence, ctx))}
    return sides.pop() if len(sides) == 1 else None


def _title_subject(sentence: str, ctx: Discourse) -> str | None:
    """The actor whose title a sentence opens with as its subject ("The NATO envoy spoke …",
    "NATO's deputy spokesperson came to Tbilisi …"),
    or None where it opens with no title or one that names no actor."""
    clause = subject_clause(sentence)
    role = speakers.ROLE.search(clause, 0, 80)
    if not _ARTICLE_OPEN.match(clause) or role is None or len(clause[: role.end()].split()) > 6:
        return None
    owner = _OWNER_AFTER.match(clause, role.end())  # "a senior aide to Azerbaijan's president talks …"
    found = speakers.unnamed_speaker(clause[: owner.end() if owner else role.end()], ctx.reg, ctx.date)
    return found[1] if found and found[1] != "other" else None


# Whom a title serves, right after it: "to Azerbaijan's president", "of the Alliance", "at NATO".
_OWNER_AFTER = re.compile(r"\s+(?:to|of|at|for|in)\s+(?:the\s+)?(?-i:[A-Z])[\w-]*(?:['’]s\s+[\w-]+)?")


# A title's owner before it: "NATO's deputy spokesperson", "Georgia's deputy foreign minister".
_OWNER = r"(?-i:[A-Z])[\w-]*['’]s\s"
_ARTICLE_OPEN = re.compile(rf"(?:the|a|an)\s|{_OWNER}", re.IGNORECASE)  # "The NATO envoy", "NATO's deputy spokesperson"


def _closing_note(text: str, out: list[Sentence], ctx: Discourse) -> None:
    """Where a sentence of the last paragraph presents a person ("Anna Berg is NATO's envoy
    for the region.") and the answers have no named speaker, or are that person's with no side yet,
    that paragraph is the outlet's note and the person it presents gave the answers."""
    answers = [s for s in out if s.speaker_role == "interviewee" and (s.speaker == "interviewee" or s.holder == "other")]
    last = [s for s in out if s.unit == out[-1].unit]
    # the person may come after the interviewer ("The interview was conducted by X. Ms Berg is …")
    notes = [text[s.start : s.end] for s in last]
    note, presented = next(((n, p) for n in notes if (p := _PRESENTED.match(n))), ("", None))
    name = _presented_name(presented.group("name")) if presented else ""
    if not answers:
        if name and any(s.speaker_role == "interviewee" and s.speaker.split()[-1] == name.split()[-1] for s in out
                        if s not in last):
            for s in last:  # the guest placed already, presented again in the third person: the outlet's note
                s.speaker, s.speaker_role, s.holder = "narrator", "narrator", "media"
        return
    credit = None if name else guests.credited_guest(notes, ctx.reg, ctx.date)  # "Her guest was X, …"
    if not name and credit is None:
        return
    name, holder = credit or (name, _post_holder(note[presented.end() :], ctx))
    answers = [s for s in answers if s.speaker == "interviewee" or s.speaker.split()[-1] == name.split()[-1]]
    if not answers:
        return
    for s in last:
        s.speaker, s.speaker_role, s.holder = "narrator", "narrator", "media"
    full = next((s.speaker for s in answers if s.speaker.split()[-1] == name.split()[-1] and " " in s.speaker), name)
    if " " in full:
        ctx.add((full, holder))
    for s in answers:
        if s not in last:
            s.speaker, s.holder = full, holder


# A state's own ministry or presidential office named without its state: "deputy head of the
# foreign ministry's department for …" (a dateline's state's, where no other actor is named).
_HOME_OFFICE = re.compile(
    r"\b(?:(?:foreign|defen[cs]e|interior|economy|energy)\s+ministry|ministry\s+of\s+(?:foreign\s+affairs|defen[cs]e)|"
    r"presidential\s+(?:administration|office|staff)|president['’]s\s+office)\b",
    re.IGNORECASE,
)


def _post_holder(post: str, ctx: Discourse) -> str:
    """The holder of the post a closing note gives: the actor it names, else the dateline's state
    for a ministry or presidential office named without one, else ``other``."""
    named = speakers.affiliation(post, ctx.reg, ctx.date)
    if named:
        return named
    return ctx.dateline if ctx.dateline in STATE_HOLDERS and _HOME_OFFICE.search(post) else "other"


def _presented_name(words: str) -> str:
    """The name a closing note presents: the full name, or the surname after a courtesy title
    ("Ms Dorsman is …", the full name being the headline's)."""
    name = " ".join(speakers.name_words(words))
    courtesy = _COURTESY.match(words)
    return name or (courtesy.group(1) if courtesy else "")


_COURTESY = re.compile(r"^(?:Mr|Ms|Mrs|Miss|Dr|Prof)\.?\s+([A-ZÀ-Þ][\w'’-]+)$")


# A closing note that presents a person: "Anders Lykke is NATO's Special Representative …".
_PRESENTED = re.compile(
    r"^\W*(?P<name>(?:[A-ZÀ-Þ][\w'’-]+\s+){1,3}[A-ZÀ-Þ][\w'’-]+)\s+"
    r"(?:is|was|has\s+been|(?:has\s+)?(?:serves|served)\s+as|heads|has\s+headed|works\s+(?:at|for|in))\s+"
)


def _lead_in(text: str, unit: Unit, ctx: Discourse) -> tuple[str, str] | None:
    """The guest the paragraph of narration right before a text's first exchange names as asked."""
    return guests.lead_in_guest([text[a:b] for a, b in split_sentences(text[unit.start : unit.end], offset=unit.start)], ctx)


# A title its country owns ("Georgia's deputy foreign minister"): a side, if not an Allied one.
_OWNED_TITLE = re.compile(_OWNER)


def _introduced_first(ctx: Discourse) -> tuple[str, str] | None:
    """The interviewee where no header names one: the first person the lead introduced
    ("In an interview with the agency, NATO's liaison officer Tomas Lind said …"), else the
    title the introduction presents ("NATO's liaison officer answered questions from …"), which
    also wins over a bare title with no side; never a group ("Allied leaders")."""
    persons = [p for p in ctx.persons if not (ctx.title_only(p[0]) and speakers.plural_title(p[0]))  # no group is a guest
               and (not guests.sideless_title(p, ctx) or _OWNED_TITLE.match(p[0]))]  # "the Special Representative"
    named = [p for p in persons if not ctx.title_only(p[0])]
    # one the lead gives a post, not its own editor ("X, the Review's editor, and Y, who runs …, met")
    named = [p for p in named if ctx.titles.get(p[0]) and not transcripts.PRESS_TITLE.search(ctx.titles[p[0]])] or named
    found = named or persons or ([ctx.guest] if ctx.guest else ctx.persons)
    return found[0] if found else None


def _explained(text: str, units: list[Unit]) -> bool:
    """Whether the headline labels the outlet's own piece ("Explainer: …", "Analysis: …"): its
    questions are the outlet's sub-headings and the paragraphs under them its narration."""
    return bool(units) and not units[0].label and OUTLET_LABEL.match(text[units[0].start : units[0].end]) is not None


def _headline_state(text: str, units: list[Unit], reg: Registry) -> str | None:
    """The first state the headline names ("Armenia will not choose between partners"), not
    among what its source speaks about ("… on NATO, Moscow and the talks"): the country an
    unaffiliated state official speaks for where nothing nearer says."""
    if not units or not is_headline(text, units[0], first=True):
        return None
    content = headline_case(text[units[0].start : units[0].end], text, reg)
    return next((m.holder for m in reg.mentions(content) if m.holder in STATE_HOLDERS and not _TOPIC_LIST.search(content[: m.start])),
                None)


# What a headline's source speaks about: "Deputy Defence Minister on NATO, Moscow and the talks".
_TOPIC_LIST = re.compile(r"\bon\s+[^:]*\Z")


def _dateline(text: str, units: list[Unit], reg: Registry) -> str | None:
    """The holder of the dateline place of the first paragraph that is not a headline."""
    for k, unit in enumerate(units[:6]):
        content = text[unit.start : unit.end]
        if not unit.label and (not is_headline(text, unit, first=not k) or (k and is_dateline(content))):
            return speakers.dateline_holder(content, reg)
    return None


def _speak(
    spans, sentences, questions, voice, turn, k, ctx: Discourse, interviewee, out: list[Sentence], *, side: str = "other",
    intro: str = "",
) -> None:
    """The sentences of one transcript turn: the press's hold what they report, a speaker's
    their own side (a person named before, by full name or surname, else a new person, who
    holds the side their own words claim: ``side``)."""
    name, role = voice
    if role == "interviewer":
        for (a, b), s, q in zip(spans, sentences, questions):
            out.append(Sentence(a, b, turn, "interviewer", "interviewer", _asker_holder(s, q, ctx, interviewee), q, k))
            ctx.see(s)
        return
    if speakers.ROLE.fullmatch(name):  # "Official: …" after "A senior NATO official answered …"
        known = interviewee or _titled_in(intro, name, ctx) or _introduced_first(ctx)
    elif speakers.ROLE.search(name) and not speakers.name_words(name):  # "NATO OFFICIAL: …", "Ambassador Kovač: …"
        known = (ctx.known(name.split()[-1]) if " " in name else None) or speakers.unnamed_speaker(  # the surname named before
            name, ctx.reg, ctx.date, place=ctx.where(phrase=name)) or interviewee
    else:
        known = (ctx.known(name) or ctx.known(name.split()[-1]) or ctx.by_initials(name, intro) or ctx.by_first_name(name)
                 or ctx.resolve(name))
    titled = speakers.ROLE.search(name) is not None and not speakers.name_words(name) and known is not None
    speaker = known if known and (" " in known[0] or known[0] in ctx.reg.names or titled) else (name, side)
    if speaker[1] == "other" and side != "other":  # nobody introduced them: their own words tell
        speaker = (speaker[0], side)
        ctx.add(speaker)
    for (a, b), s, q in zip(spans, sentences, questions):
        out.append(Sentence(a, b, turn, speaker[0], "interviewee", speaker[1], q, k))
        ctx.meet(s)  # a chair introducing the witnesses: "I welcome Ms Anna Berg, NATO's envoy, …"
    ctx.last_person = speaker


def _asker_holder(sentence: str, asks: bool, ctx: Discourse, interviewee) -> str:
    """The holder of a sentence of the press's: the actor a statement reports ("Mr Berg,
    Moscow says enlargement threatens it." is Russia's), else the outlet; a question is the outlet's."""
    said = None if asks else narrated(sentence, ctx, you=interviewee)
    return said.holder if said else "media"


def _titled_in(intro: str, noun: str, ctx: Discourse) -> tuple[str, str] | None:
    """The unnamed person the introduction presents by the title a label uses ("A senior NATO
    official, who asked not to be named, answered …" for "Official: …")."""
    found = re.search(rf"\b(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,4}}?{re.escape(noun)}\b", intro, re.IGNORECASE)
    return speakers.unnamed_speaker(found.group(0), ctx.reg, ctx.date) if found else None


_TURN_LABELS = ("question", "answer", "speaker")


def _dash_asking(text: str, units: list[Unit]) -> list[bool]:
    """For each dashed paragraph, in order, whether it asks: a statement's bulleted points
    ("- The counter-offensive is conducted …") ask nothing."""
    return ["?" in text[u.start : u.end] for u in units if u.label == "dash"]


def _answers_labelled(units: list[Unit], dash_asks: bool) -> bool:
    """Whether an exchange labels its answers as well as its questions ("A: …", "- …" both ways)."""
    return any(u.label == "answer" for u in units) or (not dash_asks and any(u.label == "dash" for u in units))


def _dashes_ask(asking: list[bool]) -> bool:
    """Whether an interview's dashes mark the questions only (answers unlabelled): at most one
    dash paragraph in three asks nothing (``asking``: :func:`_dash_asking`); where dashes open
    the answers too, more do."""
    return bool(asking) and 3 * asking.count(False) <= len(asking)


def _paragraph_role(unit: Unit, role, sentences: list[str], questions: list[bool], last_was_question: bool,
                    unlabelled: bool, interviewee: Speaker | None = None) -> str:
    """The role an interview's paragraph opens with: :func:`_interview_role`, except that a
    paragraph reporting a third person after an answer, or telling of the interviewee by name
    ("Vandermeulen left for Yerevan the same evening."), is the report going on, and that in an
    interview with no labels a paragraph that asks opens with the interviewer."""
    new_role = _interview_role(unit, role, questions, last_was_question)
    if new_role == "interviewee" and not unit.label and transcripts.report_voice(sentences[0]):
        return "narrator"  # "A Kremlin spokesman said …", "I asked him whether …"
    if new_role == "interviewee" and not unit.label and (
            transcripts.editors_note(sentences[0]) or (interviewee and transcripts.tells_of(sentences[0], interviewee[0]))):
        return "narrator"  # "The interview has been shortened.", "Vandermeulen left for Yerevan the same evening."
    if unlabelled and any(questions):
        return "interviewer"  # the answer may follow in the same paragraph
    return new_role


def _exchange(unit: Unit, k: int, spans, sentences, questions, state, ctx: Discourse, interviewee, unlabelled: bool,
              out: list[Sentence]):
    """The sentences of an interview paragraph, asked or answered; one paragraph may hold both
    ("Q: …? A: …", "- …? - …", or "…? …" where no turn is labelled). Questions introduce
    people; an answer is its speaker's whoever it names. Returns the turn, the role the
    paragraph ends in and the interviewee."""
    turn, role = state
    for i, ((a, b), s, q) in enumerate(zip(spans, sentences, questions)):
        inner = _inner_turn(unit, i, s, q, questions, unlabelled) if i else None
        if inner and inner != role:
            turn, role = turn + 1, inner
        if role == "interviewer":
            out.append(Sentence(a, b, turn, "interviewer", "interviewer", _asker_holder(s, q, ctx, interviewee), q, k))
            ctx.see(s)
        else:
            interviewee = interviewee or _introduced_first(ctx) or ("interviewee", "other")  # unplaced: stays so
            name, holder = interviewee
            out.append(Sentence(a, b, turn, name, "interviewee", holder, q, k))
    return turn, role, interviewee


# A sentence that opens a new turn inside a paragraph: a dash, or a question or answer label.
_DASH_OPENS = re.compile(r"^\s*[-–—]\s+\S")
_ANSWER_OPENS = re.compile(r"^\s*(?:\*\*|__)?(?:A|Answer)\s*:\s*(?:\*\*|__)?\s+\S")
_QUESTION_OPENS = re.compile(r"^\s*(?:\*\*|__)?(?:Q|Question)\s*:\s*(?:\*\*|__)?\s+\S")


def _inner_turn(unit: Unit, i: int, sentence: str, asks: bool, questions: list[bool], unlabelled: bool) -> str | None:
    """The turn a paragraph's ``i``-th sentence opens, where a paragraph holds both sides:
    "- …? - …", "Q: …? A: …", or, in an interview with no labels at all, the sentences after
    the paragraph's last question ("Is Yerevan moving toward the Alliance? We are not.")."""
    if unit.label == "dash" and _DASH_OPENS.match(sentence):
        return "interviewer" if asks else "interviewee"
    if unit.label in ("question", "answer"):
        if _ANSWER_OPENS.match(sentence):
            return "interviewee"
        if _QUESTION_OPENS.match(sentence):
            return "interviewer"
        return None
    if unlabelled and not unit.label and questions[i - 1] and not asks and not any(questions[i:]):
        return "interviewee"
    return None


def _interview_role(unit: Unit, role: str | None, questions: list[bool], last_was_question: bool) -> str:
    all_questions = all(questions)
    if not unit.label and role == "interviewee" and questions[-1] and len(questions) <= 3:
        return "interviewer"  # a short paragraph that ends by asking: the next question
    if unit.label == "question":
        return "interviewer"
    if unit.label == "answer":
        return "interviewee"
    if unit.label == "dash":
        if all_questions:
            return "interviewer"
        return "interviewee" if role == "interviewer" else "interviewer"
    if role == "interviewer" and last_was_question and not all_questions:
        return "interviewee"  # an answer that lost its label
    if role in (None, "headline", "narrator"):
        # a question, perhaps after a sentence setting it up ("Azerbaijan has been a partner for
        # twenty years. Will it apply?"), opens the interview
        return "interviewer" if all_questions or (questions[-1] and len(questions) <= 3) else "narrator"
    return role


def _find_interviewee(text: str, units: list[Unit], reg: Registry, date, *, place: str | None = None) -> tuple[str, str] | None:
    """The person interviewed: named in the first header lines (a registered person or a new
    name; a state's official whose title names no state, "Ruling-party MP X: …", speaks for
    ``place``, the dateline's or the headline's state)."""
    ctx = Discourse(date=date, reg=reg)
    for unit in units[:4]:
        if unit.zone != "header":
            break
        content = headline_case(text[unit.start : unit.end], text, reg)
        people = [m for m in reg.mentions(content, date) if m.kind in ("person", "title")]
        if people:
            return people[0].name, people[0].holder
        colon = COLON_HEAD.match(content.strip())
        words = speakers.name_words(colon.group(1).strip()) if colon else []
        if words:  # the side comes from the title, else from the introduction below
            title = colon.group(1).replace(" ".join(words), " ")
            holder = speakers.affiliation(title, reg, date) if speakers.ROLE.search(title) else None
            if holder is None and place and speakers.STATE_ROLE.search(title) and not speakers.EXPERT.search(title):
                holder = place
            return " ".join(words), holder or "other"
        surname = _surname_head(colon.group(1).strip(), text) if colon else None
        if surname:
            return surname, "other"  # "Gasparyan: …": the full name and side come from the body (_settle_named)
        who = ctx.resolve(content)
        bodies = {content[m.start : m.end] for m in reg.mentions(content, date) if m.kind == "institution"}
        if who and " " in who[0] and not speakers.ROLE.search(who[0]) and who[0] not in bodies:
            return who  # a name; a bare title ("NATO envoy: …") waits for the lead to name the person;
            # an institution ("The Minsk Group has the mandate": …) is nobody interviewed
    return None


def _surname_head(head: str, text: str) -> str | None:
    """A colon headline's single word when it is a surname the text gives with a first name
    ("Gasparyan: …" over "Ashot Gasparyan became …"), else None ("Exclusive: …")."""
    if not re.fullmatch(r"[A-ZÀ-Þ][^\W\d_]+(?:['’-][A-ZÀ-Þ]?[^\W\d_]+)*", head):
        return None
    firsts = re.finditer(rf"([A-ZÀ-Þ][^\W\d_]+)\s+{re.escape(head)}\b", text)
    return head if any(len(speakers.name_words(f"{m.group(1)} {head}")) == 2 for m in firsts) else None  # not "Mr X"


def _letters(text: str) -> int:
    return sum(map(str.isalpha, text))


def _narrate(text, unit, k, spans, turn, ctx: Discourse, publisher: str, out: list[Sentence]) -> int:
    """Attribute one unit of narration: quotations to their speakers, the rest by what it reports."""
    content = text[unit.start : unit.end]
    quotes = _Quotes(text, spans, [(unit.start + a, unit.start + b) for a, b in quote_regions(content)], ctx)
    carried = ctx.open_quote if content.lstrip()[:1] in _OPENERS else []
    first = len(out)
    prev_key = None
    prev_holder = _reporting_holder(out) if publisher == "media" else None
    for a, b in spans:
        sentence = text[a:b]
        q = is_question(sentence)
        ctx.place = speakers.place_holder(sentence, ctx.reg)
        ctx.scene = ctx.place or ctx.scene
        owner = quotes.owner(a, b)
        if owner:
            speaker, role, holder = owner[0], "quoted", owner[1]
        else:
            said = None if q else narrated(sentence, ctx) or _reported_on(sentence, out)
            if said:
                speaker, role, holder = said
            else:
                holder = passives.reported_on(sentence, prev_holder, ctx, new_paragraph=prev_key is None)
                speaker, role, holder = "narrator", "narrator", holder or ("media" if q else publisher)
        key = (speaker, role)
        if prev_key is not None and key != prev_key:
            turn += 1
        prev_key, prev_holder = key, holder
        ctx.recent_holder = holder if holder not in (None, "media") else None
        ctx.last_actor = ctx.recent_holder or ctx.last_actor
        ctx.note_group(speaker, holder, group_subject(sentence, ctx))
        documents.note(sentence, holder, ctx)
        ctx.previous = sentence
        out.append(Sentence(a, b, turn, speaker, role, holder, q, k))
        if owner:  # inside a quotation, "he" goes on meaning its speaker, whoever it names (not the press asking)
            ctx.meet(sentence)
            ctx.last_person = owner if owner[1] != "media" else ctx.last_person
        else:
            ctx.see(sentence, speaker=(speaker, holder) if role == "quoted" else None)
    ctx.open_quote = quotes.carry(carried, out[first:], unit.end)
    ctx.date, ctx.place, ctx.scene, ctx.recent_holder = ctx.doc_date, None, None, None
    return turn


def _reporting_holder(out: list[Sentence]) -> str | None:
    """The holder a passive report in a new paragraph goes on with: that of the sentence before,
    where it told someone's words or position (translated agency copy gives each reported point
    its own paragraph: "At the same time, the alliance with Russia was described as …"). Only
    in the press's copy: an official text's own passives are its issuer's ("It was noted that …")."""
    last = out[-1] if out else None
    return last.holder if last and last.speaker_role in ("narrator", "quoted") and not last.is_question else None


_OPENERS = "\"“«‘'"
# A main verb in the reported-speech mood ("NATO would also continue …").
_BACKSHIFTED = re.compile(r"(?:would|could)\s", re.IGNORECASE)
_BACKSHIFTED_ANYWHERE = re.compile(r"\b(?:would|could)\s", re.IGNORECASE)


def _reported_on(sentence: str, out: list[Sentence]) -> tuple[str, str, str] | None:
    """The speaker of the sentence before, when this one goes on in reported speech: its main
    verb is backshifted ("would") right after a person's reported words, with no new source."""
    if not out or out[-1].speaker_role != "quoted" or not _BACKSHIFTED_ANYWHERE.search(sentence):
        return None
    clause = subject_clause(sentence)
    verb = first_verbish(clause)
    if verb is None or not _BACKSHIFTED.match(clause, verb):
        return None
    return out[-1].speaker, "quoted", out[-1].holder


class _Quotes:
    """The quotations of one unit of narration and who each belongs to, resolved in reading order."""

    def __init__(self, text: str, spans, regions: list[tuple[int, int]], ctx: Discourse):
        self.text, self.spans, self.regions, self.ctx = text, spans, regions, ctx
        self.found: dict[int, tuple] = {}  # region -> (speaker, attribution span)
        self.attributions: list[tuple[int, int]] = []

    def owner(self, a: int, b: int):
        """The speaker of the sentence at ``a:b`` when quotations hold at least half its letters."""
        touching = [i for i, (qs, qe) in enumerate(self.regions) if qs < b and qe > a]
        for i in touching:
            if i not in self.found:
                self.found[i] = _quote_speaker(self.text, self.spans, self.regions[i], self.ctx)
                if self.found[i][1]:
                    self.attributions.append(self.found[i][1])
        owner = next((self.found[i][0] for i in touching if self.found[i][0]), None)
        if not owner:
            return None
        text = self.text
        inside = sum(_letters(text[max(a, self.regions[i][0]) : min(b, self.regions[i][1])]) for i in touching)
        # the attribution itself ("…," said X) counts for neither side
        said = sum(_letters(text[max(a, xs) : min(b, xe)]) for xs, xe in self.attributions if xs < b and xe > a)
        return owner if inside >= 0.5 * max(_letters(text[a:b]) - said, 1) else None

    def carry(self, carried: list[Sentence], mine: list[Sentence], unit_end: int) -> list[Sentence]:
        """Close a quotation that ran on from earlier paragraphs, and return the sentences of one
        that runs on past this paragraph with no attribution yet (wire copy re-opens the quote at
        each paragraph and attributes it once, often at its end)."""
        attributed = self.found.get(0, (None, None))
        if carried and attributed[0] and attributed[1]:
            for s in carried:
                (s.speaker, s.holder), s.speaker_role = attributed[0], "quoted"
        if not self.regions or self.regions[-1][1] != unit_end or self.text[unit_end - 1] in "\"”»’'":
            return []
        last = len(self.regions) - 1
        if self.found.get(last, (None, None))[1]:
            return []  # attributed here ("X said: “…"): the next paragraph goes on with X
        qs = self.regions[last][0]
        open_here = [s for s in mine if s.end > qs]
        return (carried if last == 0 and not attributed[1] else []) + open_here


def _sentence_at(spans, pos):
    for a, b in spans:
        if a <= pos < b:
            return a, b
    return None


_THAT_CLAUSE = re.compile(r"\s*that\b", re.IGNORECASE)


def _quote_speaker(text: str, spans, region, ctx: Discourse):
    """Who a quotation is attributed to, and the span of the attribution words (if any)."""
    qs, qe = region
    closing = _sentence_at(spans, max(qe - 1, qs))
    if closing:
        post = text[qe : closing[1]]
        # '"…," X said' and '"…" - X said' name the speaker after the quote; a quotation inside a
        # clause ('said Moscow was "following closely" Armenia's contacts and warned …') does not
        ends_turn = text[qs:qe].rstrip("\"”’»'")[-1:] in ",!?" or post.lstrip()[:1] in ",–—-"
        press = speakers.press_asker(post) if ends_turn else None
        if press:  # '"Is the door open?" the paper asked': the press asks
            return (press, "media"), (qe, closing[1])
        match = POST_VERB_FIRST.match(post) or (POST_WHO_FIRST.match(post) if ends_turn else None)
        if match and _THAT_CLAUSE.match(match.group("who")):
            match = None  # '"…", saying that Armenia's security …': the narration goes on, no speaker follows
        if match:
            words = without_anonymity(match.group("who"))
            who = documents.speaker(words, ctx) or ctx.resolve(words)
            if who:
                return who, (qe, closing[1])
    opening = _sentence_at(spans, qs)
    if opening:
        pre = text[opening[0] : qs]
        lead = lead_source(pre, ctx) if pre[:1] in "AIai" else None
        if lead:  # "According to him, …, with which Baku maintains "…"": his words
            return lead, (opening[0], qs)
        if pre.strip() and PRE_ATTRIBUTION.search(pre.rstrip() + " "):
            who = documents.speaker(subject_clause(pre), ctx) or ctx.resolve(pre)
            if who:
                return who, (opening[0], qs)
        if pre.strip(" \t\r\n\"“”'‘`«"):
            return None, None  # a title or a phrase quoted inside narration, not speech
    return ctx.last_person, None
