"""Headlines: which short units are headlines, how an all-capitals one reads, and who speaks one.

A headline speaks for whoever it names as its source ("Marsh: Ukraine will join",
'"The door stays open," NATO official says', '"…" - Alliance official'); an all-capitals
headline is first put in the case its words take in the article, so that its names and
places are found as they are in the body.
"""

from __future__ import annotations

import re
from collections import Counter

from corpus_lib.pipeline.actors import Registry
from corpus_lib.pipeline.clauses import INTERVIEW_INTRO, ROLE_NOUNS, SENTENCE_END
from corpus_lib.pipeline.clean import Unit
from corpus_lib.pipeline.discourse import Discourse
from corpus_lib.pipeline.speakers import EXPERT, NON_NAME, ROLE, name_words


def is_headline(text: str, unit: Unit, *, in_body: bool = False, first: bool = False) -> bool:
    """A short unit (20 words at most) that does not end a sentence, or, before the body
    begins, is fully quoted. Inside the body a short quoted paragraph goes on a quotation.
    A text's ``first`` unit that asks on one line is its title ("Crossroads panel: is Armenia
    turning West?"), not a question the next paragraph answers."""
    if unit.label:
        return False
    if unit.zone == "header":
        return True
    content = text[unit.start : unit.end].strip()
    if len(content.split(None, 20)) > 20:  # more than 20 words (counting stops there)
        return False
    if first and content.endswith("?") and "\n" not in content:
        return True
    fully_quoted = content[:1] in "\"“«'‘`" and content[-1:] in "\"”»'’"
    return (fully_quoted and not in_body) or not SENTENCE_END.search(content)


# A line that is only a dateline: a capitalised place, then an agency and a date in any order,
# every word capitalised bar month names' abbreviations ("Baku, Caspian Herald, 14.05.2011",
# "BRUSSELS, 12 March 2010", "Yerevan / Agency / 3 May").
_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_DATELINE_LINE = re.compile(
    r"^\W*[A-ZÀ-Þ][\w'’.-]*(?:[ -][A-ZÀ-Þ][\w'’.-]*){0,2}\s*[,(/–—-]"
    rf"(?=[^\n]*(?:(?<!\d)\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|(?<!\d)\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}\b))(?:[\s,()/.:–—-]*(?:[A-ZÀ-Þ][\w&'’.-]*|\d[\d./-]*(?:st|nd|rd|th)?))+[\s,()/.:–—-]*\Z"
)


def is_dateline(content: str) -> bool:
    """Whether a short unit is a dateline standing on its own line, which opens the report
    rather than heading it: the agency's, no one's position.

    Example:
        >>> is_dateline("Baku, Caspian Herald, 14.05.2011"), is_dateline("BRUSSELS, 12 March 2010 (Agency)")
        (True, True)
        >>> is_dateline("Baku, 2010: NATO stays out"), is_dateline("NATO, Azerbaijan Sign 2011 Plan")
        (False, False)
    """
    return len(content.split()) <= 10 and _DATELINE_LINE.match(content.strip()) is not None


# A headline that opens with who speaks: "Name: words", "NATO envoy: words".
COLON_HEAD = re.compile(r"^(?!['‘«])([^:\"“]{2,60}):\s+\S")  # not "'…': NATO envoy on …", a quotation


_ACRONYMS = frozenset("NATO EU UN OSCE CSTO PACE US USA UK CIS FM MP MPS MAP PFP IPAP NRC".split())
_LETTERS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_CAPITALISED = re.compile(r"(?<![.!?:\n\"“]\s)(?<=\s)[A-ZÀ-Þ][a-zà-ÿ]+(?:['’-][A-Za-zÀ-ÿ]+)*")


def headline_case(headline: str, text: str, reg: Registry | None = None) -> str:
    """An all-capitals headline in the case its words take in the article, so that names and
    places read as they do in the body ("VAN AARLE: GEORGIA WILL JOIN NATO" → "Van Aarle:
    Georgia will join NATO"): a word the body capitalises inside a sentence, or only ever
    writes with a capital, or that names an actor of ``reg`` ("GEORGIAN"), keeps its capital;
    any other is lower case but the first. Any other headline is returned as it is."""
    if any(c.islower() for c in headline):
        return headline
    names = {word.upper(): word for word in _CAPITALISED.findall(text)}
    shouted = Counter(_SHOUTED.findall(text))  # a transcript's labels name people in capitals only
    lower = set(_LOWER_WORD.findall(text))

    def case(word: str) -> str:
        stem, possessive = (word[:-2], word[-2:].lower()) if word[-2:] in ("'S", "’S") else (word, "")
        if stem in _ACRONYMS:
            return stem + possessive
        if word in names:
            return names[word]
        if shouted[word] > 1:
            return _name_case(word)  # a transcript label's name
        capital = _name_case(stem) + possessive
        if word.lower() not in lower and (capital in text or (reg is not None and reg.mentions(capital))):
            return capital  # a word the body writes only with a capital, or an actor's name
        return word.lower()

    words = [(m.start(), m.end(), case(m.group())) for m in _LETTERS.finditer(headline)]
    # a first name the body never writes, after an owner or a title and before a surname it
    # does write ("NATO'S INGRID MAELSTRAND", "ENVOY INGRID MAELSTRAND")
    for k in range(1, len(words) - 1):
        before, word, following = words[k - 1][2], words[k][2], words[k + 1][2]
        owner = before.endswith(("'s", "’s")) or ROLE.fullmatch(before) is not None
        if owner and word.islower() and word not in lower and word not in NON_NAME and following[:1].isupper():
            words[k] = (words[k][0], words[k][1], _name_case(word.upper()))
    colon = headline.find(":")
    for k, (s, e, word) in enumerate(words):  # before a colon stands who speaks: "MP ANAHIT TEVOSYAN: …"
        if 0 <= colon and e <= colon and word.islower() and word not in lower and word not in NON_NAME and not ROLE.fullmatch(word):
            words[k] = (s, e, _name_case(word.upper()))
    cased = list(headline)
    for s, e, word in words:
        cased[s:e] = word
    cased = "".join(cased)
    cased = cased[:1].upper() + cased[1:]
    return cased if len(cased) == len(headline) else headline


_LOWER_WORD = re.compile(r"\b[a-zà-ÿ]+(?:['’][a-zà-ÿ]+)?\b")


_SHOUTED = re.compile(r"\b[A-ZÀ-Þ]+(?:['’][A-ZÀ-Þ]+)*\b")


def _name_case(word: str) -> str:
    """A name in capitals in ordinary case: "O'DWYER" → "O'Dwyer", "VOS" → "Vos"."""
    head, mark, tail = word.partition("'") if "'" in word else word.partition("’")
    return head.capitalize() + mark + tail.capitalize() if mark else word.capitalize()


# A headline that quotes first and names the speaker after: '"…," NATO official says in Kiev'.
_QUOTE_THEN_WHO = re.compile(
    r"[\"”»’]\s*[,:–—-]?\s+(?P<who>[^\"“”«»,]{2,60}?)\s+(?:says|said|tells|told|warns|insists|stresses)\b[^\"“”«»]{0,40}\Z"
    r"|[\"”»’]\s*[:–—-]\s+(?P<tag>[^\"“”«»:]{2,60}?)\s*\Z"  # '"The door remains open" - Alliance official'
)
# A quotation, then who said it and what about: "'…': NATO envoy on the Caucasus" (a source
# only where it names its actor: "an MP on NATO, Moscow and Karabakh" gives no side).
_QUOTE_ABOUT = re.compile(r"[\"”»’']\s*:\s+(?P<who>[^\"“”«»:]{2,60}?)\s+on\s+[^\"“”«»:]{2,80}\Z")


# A headline that labels the outlet's own kind of piece ("Opinion:" is its author's).
OUTLET_LABEL = re.compile(r"^\W*(?:analysis|news analysis|explainer|feature|factbox|backgrounder|insight)\s*[:|–—-]\s", re.I)


# The outlet's own voice or running page: "Editorial: …", "Live: …" (its lead is the page's, not the first actor's).
_OWN_VOICE = re.compile(r"^\W*(?:editorial|live|live blog|live updates)\s*[:|–—-]\s", re.IGNORECASE)
# A headline that names the kind of piece it heads, quoting nobody: "Georgia's road to the
# Alliance: an interview", "…: two views from Brussels", "Six questions to the EU's deputy envoy".
_PIECE_NAMED = re.compile(
    r"^(?!\s*['‘\"“«])[^\"“”«»]*?(?::\s+(?:an?|two|three|four|five|six|\d+)\s+(?:[\w'’-]+\s+){0,2}?(?:interview|conversation|views?|"
    r"debate|answers|voices)\b|\bwritten\s+answers\b|^\W*(?:\w+\s+){0,1}questions\s+(?:to|for)\b)[^\"“”«»]*\Z",
    re.IGNORECASE,
)


# An event named with its place before what was said there: "Tbilisi roundtable: NATO envoy backs
# …", "Tbilisi security forum hears NATO call …".
_VENUE = re.compile(
    r"^(?:[A-ZÀ-Þ][\w'’-]+\s+){1,2}(?:security\s+|policy\s+)?(?:forum|seminar|panel|roundtable|round\s+table|conference|"
    r"hearing|symposium)(?::\s+|\s+(?:hears|is\s+told)\s+)"
)


# Where the source spoke, after the name in a colon headline: "Vos in Tbilisi: …", "Vos at the summit: …".
_WHERE_AFTER = re.compile(r"\s+(?:in|at|from|after|before|during)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*\Z")


def _named_source(content: str) -> str | None:
    """The words a headline names its source with: "Marsh: …", '"…," NATO official says',
    '"…" - Alliance official'."""
    colon = COLON_HEAD.match(content)
    if colon and not _HEAD_VERB.search(colon.group(1)):  # "Deputy minister receives NATO delegation: …" tells news
        return _WHERE_AFTER.sub("", colon.group(1))  # "Vos in Tbilisi: …" is Vos's
    said = _QUOTE_THEN_WHO.search(content)
    return (said.group("who") or said.group("tag")) if said else None


# A headline that paraphrases first and names its source at the end: "Promise stands, NATO officials say",
# "Bid survived the war, Alliance official tells Tbilisi" (whom it tells, a name or the press).
_HEAD_SAYS = (
    r"says|say|said|insists?|stresses|promises?|pledges?|vows?|agrees?|confirms?|claims?|signals?|suggests?|hints?|"
    r"indicates?|notes?|reiterates?|reaffirms?|admits?|concedes?|argues?|believes?|hopes?|denies|deny|rules?\s+out"
)
# A verb of news before a headline's colon: the words before it tell what happened, they name no source.
_HEAD_VERB = re.compile(
    rf"\s(?:{_HEAD_SAYS}|receives|received|meets|met|visits|visited|hosts|hosted|welcomes|holds|opens|signs|sees|calls|"
    r"urges|warns|tells)\s",
    re.IGNORECASE,
)
_CLAUSE_THEN_WHO = re.compile(
    rf",\s+(?P<who>[^,\"“”«»]{{2,60}}?)\s+(?:(?:{_HEAD_SAYS})|"
    r"(?:tells|told|warns?|urges?)(?:\s+(?-i:[A-Z][\w'’-]+)(?:\s+(?:forum|conference|panel|parliament|lawmakers|MPs|students|audience))?"
    r"|\s+(?:reporters|journalists|the\s+press))?)"
    r"(?:\s+(?:in|at|after)\s+[^,\"“”«»]{2,40})?\s*\Z",
    re.IGNORECASE,
)
# The source of a quoted headline set after its verb: "'Baku's balance suits us', says Alliance official".
_SAYS_THEN_WHO = re.compile(
    r"(?:[\"”’'»]\s*,\s+(?:says|said)\s+|,\s+(?:says|said)\s+(?=(?:[\w'’-]+\s+){0,2}"
    rf"(?:{ROLE_NOUNS}|fellow|analyst|expert|scholar)\s*\Z))(?P<who>[^,\"“”«»]{{2,60}}?)\s*\Z",
    re.IGNORECASE,
)  # '"…", says X' and, without a quotation, "…, says think-tank fellow": a title alone
# What a headline adds after its source: "…, NATO envoy says as Nordic protocols signed", "…, says
# Alliance official, as Yerevan bristles".
_AS_TAIL = re.compile(r",?\s+(?:as|while|amid|when)\s+[^,\"“”«»]{2,80}\Z", re.IGNORECASE)


def _clause_source(content: str) -> re.Match[str] | None:
    """The source a headline names after its clause ("…, NATO officials say", "…, says the
    envoy"), with a last scene-setting clause ("… as talks resume") left aside."""
    content = _AS_TAIL.sub("", content)
    return _CLAUSE_THEN_WHO.search(content) or _SAYS_THEN_WHO.search(content)


# A headline that names its source first after a fronted place or occasion: "At Tbilisi forum,
# NATO official says the road is long" (a source only where it names its actor).
_FRONTED_WHO = re.compile(
    rf"^(?:(?:at|in|on|during|after|from)\s+[^,\"“”«»]{{2,40}},\s+)(?P<who>[^,\"“”«»]{{2,60}}?)\s+(?:{_HEAD_SAYS}|tells|warns|urges)\s+\S",
    re.IGNORECASE,
)


def headline_speaker(sentence: str, interviewee, ctx: Discourse) -> tuple[str, str]:
    """Who speaks a headline: the person a "Name: …" or '"…," X says' names, else the
    interviewee of a quoted headline, else nobody, with the side of the state that publishes
    the document or else of the first actor named."""
    content = sentence.strip()
    venue = _VENUE.match(content)  # "Tbilisi seminar hears NATO backing …": the event is the scene, not a source
    if venue and not content.rstrip(" '\"”’").endswith("?"):
        content = content[venue.end() :]
    if INTERVIEW_INTRO.match(content) or _announces(content) or _PIECE_NAMED.search(content):
        return "headline", "media"  # "…: an interview", "Six questions to …": the piece, not a source
    source = _named_source(content)
    if source is None:  # "Promise stands, NATO officials say", "'…': NATO envoy on …": a source that names its actor
        clause_who = _clause_source(content)
        said = clause_who or _QUOTE_ABOUT.search(content) or _FRONTED_WHO.search(content)
        source = said.group("who") if said and ctx.reg.mentions(said.group("who"), ctx.date) else None
        if source is None and clause_who and EXPERT.search(clause_who.group("who")):
            return "headline", "other"  # "…, analyst says": an analyst holds no actor's side
    who = ctx.resolve(source) if source else None
    if who:  # a person by name speaks the headline; a bare title only gives its side
        named = who[0] in ctx.reg.names or (" " in who[0] and not ctx.title_only(who[0]))
        return (who[0], who[1]) if named else ("headline", who[1])
    if content[:1] in "\"“«'‘`" and interviewee:
        return interviewee
    if content[:1] in "\"“«'‘`" and ctx.guest:  # the guest the introduction presents by a title alone
        return "headline", ctx.guest[1]
    if ctx.publisher:
        return "headline", ctx.publisher  # a state's press release: its title is the state's
    scene = _SCENE.match(content)  # "In Yerevan, NATO chief calls …": the subject after the scene first
    if _PRIVATE_SOURCE.match(content[scene.end() :] if scene else content):
        return "headline", "other"  # "Armenian opposition MP urges …", "In Ganja, a generation … wonders …"
    if OUTLET_LABEL.match(content) or _OWN_VOICE.match(content):
        return "headline", "media"  # "Analysis: …", "Editorial: …": the outlet's own piece
    mentions = [m for m in ctx.reg.mentions(content, ctx.date) if not _object_of(content, m)]
    after = [m for m in mentions if scene and m.start >= scene.end() and len(content[scene.end() : m.start].split()) <= 1
             and not _OWNED_OR_SET.match(content, m.end)]
    return "headline", (after or mentions)[0].holder if mentions else "media"


# A headline whose subject holds no actor's side: an analyst or the opposition (``EXPERT``), a
# former official, or private people, before the verb of what they say or want.
_PRIVATE_SOURCE = re.compile(
    rf"^(?:(?:an?|the|some|many|two|three)\s+)?(?:[\w'’-]+\s+){{0,2}}?(?:{EXPERT.pattern}|former\s+(?:[\w'’-]+\s+){{0,2}}?"
    r"(?:envoy|official|minister|ambassador|diplomat|general|president)s?|generation|students?|teachers?|villagers|residents|"
    r"families|veterans|refugees|farmers|voters|surgeons?|doctors?|parents|mothers|pensioners)"
    rf"(?:\s+[^,\"“”«»:]{{0,40}}?)?\s+(?:now\s+|still\s+)?(?:{_HEAD_SAYS}|urges?|calls?|wants?|wonders?|asks?|fears?|warns?|tells?)\b",
    re.IGNORECASE,
)


# A preposition right before an actor ("over NATO talks"), and what makes the actor the
# headline's all the same: its possessive ("on Armenia's agenda") or a comma that sets a scene
# ("In Yerevan, a small army …").
_OBJECT_BEFORE = re.compile(
    r"\b(?:over|on|about|of|for|with|to|in|at|from|between|into|towards?|against|by|after|before|amid)\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
_OWNED_OR_SET = re.compile(r"['’]s\b|\s*,")
# A place set before a headline's subject: "In Yerevan, ".
_SCENE = re.compile(r"^(?:in|at|from)\s+[^,\"“”«»]{2,40},\s+", re.IGNORECASE)


def _object_of(content: str, mention) -> bool:
    """Whether a headline names an actor only as what it is about ("Crimea casts shadow over
    NATO talks in Baku"), not as its subject, owner ("on Armenia's agenda") or scene ("In
    Yerevan, a small army …")."""
    return bool(_OBJECT_BEFORE.search(content, 0, mention.start)) and not _OWNED_OR_SET.match(content, mention.end)


# A headline that opens with its source: "Envoy tells Tbilisi membership is no prize".
_OPENING_WHO = re.compile(rf"^(?P<who>(?:[\w'’-]+\s+){{0,2}}?[\w'’-]+)\s+(?:{_HEAD_SAYS}|tells|told|warns|urges)\s+\S", re.IGNORECASE)


def _bare_title(content: str, ctx: Discourse) -> str | None:
    """The title noun of a headline's source that names no actor ("…, envoy says", "Envoy: …",
    "Envoy tells …"), lower-cased; None for a name, an actor's title or no source."""
    source = _named_source(content)
    if source is None:
        said = _clause_source(content) or _FRONTED_WHO.search(content) or _OPENING_WHO.match(content)
        source = said.group("who") if said else None
    if not source or len(source.split()) > 3 or ctx.reg.mentions(source, ctx.date):
        return None
    role = ROLE.search(source)
    return role.group(0).lower() if role else None


def titled_headlines(text: str, out: list, ctx: Discourse) -> None:
    """A headline whose source is a bare title with no side of its own ("…, envoy says" above
    "A senior NATO envoy told …") takes the side of the first person the report gives that title."""
    for s in out:
        if s.speaker_role != "headline" or s.holder not in ("other", "media"):
            continue
        noun = _bare_title(headline_case(text[s.start : s.end].strip(), text, ctx.reg), ctx)
        if noun is None:
            continue
        found = next((t for t in out if t.speaker_role in ("narrator", "quoted") and t.holder not in ("other", "media")
                      and noun in ctx.titles.get(t.speaker, "")), None)
        if found:
            s.holder = found.holder


# A headline's quotation: the words between its opening quotation mark and the closing one.
_HEAD_QUOTE = re.compile(r"^\W*?[\"“‘'«](?P<words>[^\"“”«»]{8,}?)[\"”’'»]")
_WORD = re.compile(r"[^\W_]+")


def echoed_headlines(text: str, out: list) -> None:
    """A headline that quotes words the report quotes again ("'The Alliance cannot stand aside'"
    above '"… The Alliance cannot stand aside," said the deputy minister') is held by whoever
    the report gives those words."""
    body = [s for s in out if s.speaker_role in ("quoted", "interviewee")]
    for s in out:
        if s.speaker_role != "headline":
            continue
        quoted = _HEAD_QUOTE.match(text, s.start, s.end)
        words = " ".join(_WORD.findall(quoted.group("words").lower())) if quoted else ""
        if len(words.split()) < 3:
            continue
        said = next((t for t in body if words in " ".join(_WORD.findall(text[t.start : t.end].lower()))), None)
        if said and said.holder != "media":
            s.holder = said.holder


# A headline that announces who speaks on what, with no words of theirs: "NATO's Vellinga on
# Karabakh, Moscow and Armenia's choices", "The Briefing: NATO's deputy spokesman on the war".
_ANNOUNCED = re.compile(r"^(?:[^:\"“”‘’]{1,60}:\s+)?(?P<who>[^:\"“”‘’]{2,60}?)\s+on\s+[^:\"“”‘’]+\Z")
_BILLED_WORD = (
    r"(?:(?-i:[A-ZÀ-Þ])[\w'’.-]*|deputy|senior|top|chief|special|foreign|defen[cs]e|former|analyst|commentator|"
    r"scholar|soldier|envoy|official|officer|adviser|spokes\w+|minister|ambassador|diplomat|representative|general)"
)
_ANNOUNCED_WHO = re.compile(rf"(?:(?:a|an|the)\s+)?(?:[\w'’-]+['’]s\s+)?{_BILLED_WORD}(?:\s+{_BILLED_WORD})*")  # words apart: no backtracking blow-up


_OWNER_S = re.compile(r"['’]s\s")


def _announces(content: str) -> bool:
    """Whether a headline only announces a person and the subjects they speak on (the outlet's
    billing of an interview or a programme, nobody's position)."""
    found = _ANNOUNCED.match(content) if content[:1] not in "\"“‘'«" else None  # a quotation is someone's words
    who = found.group("who") if found else ""
    return bool(found) and _ANNOUNCED_WHO.fullmatch(who) is not None and (
        ROLE.search(who) is not None or len(name_words(who)) >= 2 or _OWNER_S.search(who) is not None)


def quoted_headline(text: str, out: list) -> None:
    """A quoted headline nobody was found for, over an interview with one guest, quotes that
    guest ("'Bucharest was a promise, not a timetable'" above the deputy minister's answers)."""
    guests = {(s.speaker, s.holder) for s in out if s.speaker_role == "interviewee"}
    if len(guests) != 1:
        return
    for s in out:
        if s.speaker == "headline" and s.holder == "media" and text[s.start] in "\"“«'‘":
            s.holder = next(iter(guests))[1]


# A heading that asks, perhaps signed by a reader: "Will Armenia join NATO? — Rashad, Baku"
# (the signature may stand on its own).
_SIGNED = r"[—–-]\s*[^?]{1,60}"
_ASKED = re.compile(rf"\?\s*(?:{_SIGNED})?\s*\Z")
_SIGNATURE = re.compile(rf"\s*{_SIGNED}")
# The first person of a guest's answer, and quotation marks, which a printed answer lacks.
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur|us|I|[Mm]y|me)\b(?!\.)")
_QUOTE_MARK = re.compile(r"[\"“”]")


def heading_answers(text: str, out: list, ctx: Discourse) -> None:
    """A report that prints a guest's answers under topic headings ("On Karabakh", "The Russia
    question") or under questions ("Will Armenia join NATO? — Rashad, Baku"): the headings are
    the outlet's questions and the paragraphs under them the guest's answers. Only where two
    headings or more stand in the body, no quotation mark follows the first, the introduction
    names the guest, and the headings ask or two thirds of the paragraphs under them speak in
    the first person; a feature quoting its subject under headings stays narrated."""
    body = next((i for i, s in enumerate(out) if s.speaker_role != "headline"), len(out))
    heads = [i for i in range(body, len(out)) if out[i].speaker_role == "headline"]
    if len(heads) < 2:
        return
    after = out[heads[0] :]
    if any(s.speaker_role != "headline" and (s.speaker_role != "narrator" or _QUOTE_MARK.search(text[s.start : s.end]))
           for s in after):
        return
    paragraphs: dict[int, bool] = {}
    for s in after:
        if s.speaker_role == "narrator":
            paragraphs[s.unit] = paragraphs.get(s.unit, False) or bool(_FIRST_PERSON.search(text[s.start : s.end]))
    guest = _guest(text[: after[0].start], ctx)
    headings = [text[out[i].start : out[i].end] for i in heads]
    asked = all(_ASKED.search(heading) for heading in headings if not _SIGNATURE.fullmatch(heading))
    if guest is None or (not asked and 3 * sum(paragraphs.values()) < 2 * len(paragraphs)):
        return
    for s in after:
        if s.speaker_role == "headline":
            s.speaker, s.speaker_role, s.holder = "interviewer", "interviewer", "media"
        else:
            s.speaker, s.speaker_role, s.holder = guest[0], "interviewee", guest[1]


def _guest(introduction: str, ctx: Discourse) -> tuple[str, str] | None:
    """The named person the introduction names first."""
    named = [(introduction.find(p[0].split()[-1]), p) for p in ctx.persons
             if not ctx.title_only(p[0]) and name_words(p[0])]
    named = [(at, p) for at, p in named if at >= 0]
    return min(named)[1] if named else None
