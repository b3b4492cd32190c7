"""People in news prose: the names a sentence introduces and the side each person speaks for.

Wire copy introduces most speakers once, with a title and an affiliation, and then refers
to them by surname, pronoun or a bare title ("the envoy"). The registry
(``corpus_lib/data/actors.csv``) knows a few dozen office holders; everyone else is found
here by the shape of the introduction:

- a role noun before the name in the same phrase: "NATO spokesperson Anna Berg",
  "Azerbaijani Deputy Foreign Minister Elnur Gasimzade", "Foreign Ministry spokesman X";
- an apposition after the name: "Anna Berg, the Alliance's deputy spokesperson, said";
- an apposition before it: "NATO's liaison officer for the region, Piet Vandermeer, said";
- a name right before a reporting verb ("Berg said") or after "according to".

The side (holder) is the first actor the title phrase names ("the NATO Secretary General's
Special Representative" is NATO's; "Russia's envoy to NATO" is Russia's). An official whose
title names no actor ("Foreign Ministry spokesman X") speaks for the place the sentence is
set in ("In Moscow, …") or, failing that, the article's dateline; an analyst, expert or
scholar speaks for no actor (``other``), wherever they are based; anyone else is ``other``.
No name of any text is listed here: the rules read titles, appositions and places.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from corpus_lib.pipeline import places, titles
from corpus_lib.pipeline.actors import Registry
from corpus_lib.pipeline.clauses import (
    REPORTING,
    ROLE_NOUNS,
    ROLE_PHRASES,
    SCENE_PARTICIPLES,
    first_words,
    trie,
    word_finder,
)
from corpus_lib.vocab import STATE_HOLDERS

# A title noun or phrase (``ROLE_NOUNS``) as a trie: at each start ``re`` tries one branch per
# next letter instead of each phrase in turn (five times faster), and where several phrases
# start there it still ends at the longest one that ends a word, as the longest-first list does.
ROLE = re.compile(rf"\b(?:{trie(list(ROLE_PHRASES))})\b", re.IGNORECASE)
# The words ROLE's phrases start with, for a set test before the search.
ROLE_WORDS = frozenset(re.findall(r"[a-z]+", phrase)[0] for phrase in ROLE_PHRASES)  # tokens as lower_words cuts them
# The units of an organisation a person works in: "NATO's International Staff", "the ministry's press office".
ORGAN_WORDS = (
    "staff", "division", "office", "mission", "headquarters", "secretariat", "delegation", "department", "directorate",
    "command", "ministry", "embassy", "service",
)
CUE_WORDS = first_words(REPORTING) | {"told", "according"} | {
    "heads", "headed", "leads", "led", "commands", "commanded", "chairs", "chaired", "directs", "directed",
    "runs", "ran", "represents", "represented", "representing", "serves", "served", "serving", "works", "worked",
    "working", "heading", "responsible", "charge", "appointed", "nominated", "post", "sits", "sat",
} | set(ORGAN_WORDS)  # "X, who heads the department, …", "X from NATO's staff"


_INTRODUCING = word_finder(ROLE_WORDS | CUE_WORDS)


def may_introduce(text: str) -> bool:
    """Whether a text has a word that can introduce a name: a title or a reporting verb
    (one of ``ROLE_WORDS`` or ``CUE_WORDS`` among its lower-cased words)."""
    return _INTRODUCING.search(text.lower()) is not None
# A title that marks a state's official, who speaks for the state of the place when the title
# names none ("Foreign Ministry spokesman", "Deputy Foreign Minister").
STATE_ROLE = re.compile(
    r"\b(?:minist\w*|presiden\w*|government|parliament\w*|MPs?|lawmakers?|foreign policy|spokes\w+|ambassador|"
    r"state secretary|deputy|prime|cabinet|defen[cs]e|interior|national security|officials?|colonel|embassy|"
    r"press service|committee chair\w*|(?:ruling|governing)[- ](?:party|faction|coalition|majority)|pro-government|head of state|aides?|advis[eo]rs?|"
    r"lieutenant|sergeant|captain|brigade|regiment|army|security council secretary|secretary of the (?:national )?security council)\b",
    re.IGNORECASE,
)
# An official who is no single actor's: a member state's or an outsider's ("a diplomat from a
# NATO member state", "a Western diplomat in Baku", "diplomats from several Allied capitals").
OUTSIDER = re.compile(
    r"\b(?:member (?:states?|countries|country)|allied capitals?|an ally)\b|\bforeign (?:diplomats?|observers?)\b|"
    r"\b(?:people|persons?|those) (?:close to|familiar with)\b|\bparticipants\b|\b(?:some|many|several|few) politicians\b|"
    r"\b(?:western|european(?!\s+(?:union|commission|council|parliament)\b)|american|british|french|german|italian|turkish|"
    r"international)\s+(?:(?!ministry|foreign)[\w-]+\s+)?"
    r"(?:diplomats?|officials?|observers?|sources?|envoys?)\b",
    re.IGNORECASE,
)
# A title that marks an independent expert or a government's critics, who hold ``other`` (not
# the state of their city).
# The press asking, after a quoted question: '… the paper asked', '… asked a reporter from a
# Georgian channel', '… the Ledger wanted to know' (an outlet named by its own last word).
_PRESS = (
    r"(?:the|a|an|another|one)\s+(?:[\w'’-]+\s+){0,3}?(?:reporter|journalist|correspondent|questioner|interviewer|"
    r"paper|newspaper)s?\b[^,.;:!?]{0,60}?|the\s+(?:[A-Z][\w'’-]*\s+)?(?-i:News|Agency|Wire|Times|Post|Daily|Weekly|"
    r"Herald|Observer|Journal|Review|Courier|Gazette|Ledger|Dispatch|Bulletin)\b"
)
_ASKED = r"(?:asked|asks|wanted\s+to\s+know|wants\s+to\s+know|pressed|inquired|enquired)\b"
_PRESS_ASKED = re.compile(
    rf"^[\s,]*(?:(?P<who>{_PRESS})\s+{_ASKED}|{_ASKED}\s+(?P<after>{_PRESS}))[\s.]*\Z", re.IGNORECASE
)


def press_asker(post: str) -> str | None:
    """The press that asked the quoted question the words ``post`` follow, or None.

    Example:
        >>> press_asker(" asked a correspondent for a Georgian channel.")
        'a correspondent for a Georgian channel'
        >>> press_asker(" the minister asked.") is None
        True
    """
    found = _PRESS_ASKED.match(post)
    return " ".join((found.group("who") or found.group("after")).split()) if found else None
EXPERT = re.compile(
    r"\b(?:analysts?|experts?|political scientists?|scholars?|researchers?|professors?|commentators?|"
    r"political observers?|think[- ]tanks?|academics?|lecturers?|economists?|historians?|"
    r"opposition|critics?|opponents?|activists?|specialists?|columnists?|(?:senior|research|visiting) fellows?|"
    r"teaches|taught|lectures|lectured|universit(?:y|ies)|(?:studies|research|policy|analytical)\s+(?:centre|center|institute|group|lab|unit)|"
    r"(?:centre|center|institute)\s+for\s+(?:[\w-]+\s+){0,3}?(?:studies|research|analysis))\b",
    re.IGNORECASE,
)
_UPPER = r"[A-ZÀ-ÞĀ-Ž]"
_WORD = rf"{_UPPER}[^\W\d_]*(?:[’'\-][^\W\d_]+)*"
_PARTICLE = r"(?:de|da|di|van|von|der|den|del|la|le|al|el|bin|ibn|dos|du|ter)"
# A run of two or more capitalised words (with name particles): where a person's name can be.
_RUN = re.compile(rf"(?<![\w’'\-]){_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_WORD})+")
# Capitalised words that are never part of a person's name here.
NON_NAME = frozenset(
    """
    a an the in on at of for to and but or by with from as after before during under over this that these those
    it its he she they we our their his her i you mr mrs ms dr sir lord madame
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december feb mar apr jun jul aug sep sept oct nov dec
    minister ministry foreign defence defense deputy prime president presidential secretary general special envoy envoys
    representative ambassador commander chairman chairwoman spokesman spokeswoman spokesperson head chief vice
    colonel lieutenant major admiral senator state department office administration agency committee commission
    council union group alliance organization organisation treaty partnership action plan summit republic
    federation parliament assembly government cabinet army forces force navy command headquarters staff
    national security policy affairs relations cooperation information press news service radio tv times post
    monitor daily weekly journal wire tribune herald review institute centre center university foundation fund
    report reports courier gazette ledger dispatch bulletin chronicle express telegraph newsline newswire digest info
    inform online
    bank company corporation airlines sea ocean river mountains mountain region district province city
    caucasus asia europe america africa east west north south central eastern western northern southern
    euro atlantic european soviet kremlin white house liaison officer adviser advisor aide director leader
    co-chair co-chairs member members mission programme program declaration communiqué statement initiative
    strategic concept open door membership accession nato eu osce un otan minsk karabakh nagorno crimea donbas
    also however meanwhile asked according speaking party movement coalition opposition
    when while if since although though because once where then now today yesterday tomorrow last next
    earlier later still yet both neither either some many most several other another each every all any
    no not only even just there here what which who whom whose how why unlike despite amid following
    """.split()
)
_REPORTING_AFTER = re.compile(
    r"^\s*(?:,\s*)?(?:has\s+|had\s+|also\s+|then\s+)*(?:said|says|told|tells|added|adds|noted|notes|stressed|"
    r"stresses|emphasi[sz]ed|underlined|explained|warned|insisted|stated|declared|recalled|pointed out|"
    r"reiterated|announced|replied|answered|argued|urged|called|praised|criticised|criticized|accused|"
    r"welcomed|expressed|confirmed|assured|dismissed|rejected|denied|believes|thinks|wrote|commented)\b",
    re.IGNORECASE,
)
_ACCORDING = re.compile(r"\baccording\s+to\s+$", re.IGNORECASE)
# An apposition after a name: ", the/a …", ", NATO's …", ", Deputy …", or a bare title (", deputy chairman of …").
_APPOSITION_OPEN = re.compile(
    rf"^(?:\s*,|\s+[-–—]|\s*[–—])\s*(?:the|a|an|one\s+of|{_UPPER}[\w\-]*[’']s|{_UPPER}[\w\-]*|(?:(?:deputy|vice|former|acting|first)\s+)?(?:{ROLE_NOUNS}))\b"
)
# A relative clause after a name that gives the person's post: ", who heads the department".
_HEADS = re.compile(
    r"^\s*,\s*(who\s+(?:has\s+|had\s+)?(?:heads|headed|leads|led|commands|commanded|chairs|chaired|directs|directed|runs|ran|run|"
    r"represents|represented|serves\s+as|served\s+as|is|was)\s+(?:the|a|an|his|her|[A-Z][\w'’-]*)\b[^,;:]{0,100})"
)
_PLACE_LEAD = re.compile(
    rf"^\W*(?:\d{{1,2}}[:.]\d{{2}}\s*[–—-]{{1,2}}\s*)?(?:in|from|at)\s+(?:the\s+)?({_WORD}(?:\s+{_WORD})?)(?:\s+in\s+{_WORD})?"
    r"(?:\s+(?:later|earlier)(?:\s+(?:in|on|that|this|the)(?:\s+the)?\s+\w+)?|\s+on\s+\w+|\s+the\s+same\s+day)?\s*,",  # "In Baku later in the day,"
    re.IGNORECASE,
)
_DATELINE_COUNTRY = re.compile(rf"^\W*{_UPPER}[A-Za-zÀ-ÿ\-]+(?:\s+{_UPPER}[A-Za-zÀ-ÿ\-]+)?,\s+({_UPPER}[a-z]+)\s*(?:,|–|—|-|\()")
_DATELINE = re.compile(rf"^\W*({_UPPER}[A-Za-zÀ-ÿ\-]+(?:\s+{_UPPER}[A-Za-zÀ-ÿ\-]+)?)\s*(?:,|\(|/|–|—|-|\.(?=\s*\d))")


@dataclass(frozen=True)
class Person:
    """A person found in the text: the name as introduced and the side they speak for."""

    start: int
    end: int
    name: str
    holder: str
    title: str = ""


_SURNAME_ALONE = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?P<surname>[A-Z][\w'’-]{2,})(?:,\s+\d{1,3})?")  # "Mammadov, 61,"


_POSSESSIVE_END = re.compile(r"['’]s\Z")


def surname_alone(phrase: str) -> str | None:
    """The surname a phrase consists of ("Mammadov", "Ms Berg", "Mammadov, 61,"), or None.

    Example:
        >>> surname_alone("Mammadov, 61,"), surname_alone("the envoy")
        ('Mammadov', None)
    """
    alone = _SURNAME_ALONE.fullmatch(phrase.strip(" ,.;:"))
    return alone.group("surname") if alone else None


def full_name_before(phrase: str, sentences) -> str | None:
    """The full name a surname alone refers back to, where a recent sentence gave it with no
    title that placed the person ("Katrin Halvorsen had been in Tbilisi for eleven days." before
    '"…," Halvorsen said'): the latest such sentence first; None for anything but a surname.

    Example:
        >>> full_name_before("Halvorsen", ["Katrin Halvorsen had been in Tbilisi for eleven days."])
        'Katrin Halvorsen'
    """
    alone = surname_alone(phrase)
    if alone is None:
        return None
    surname = re.escape(alone)
    for text in reversed(list(sentences)):
        for run in _RUN.finditer(text):
            words = name_words(_POSSESSIVE_END.sub("", run.group()))  # "past Ashot Manukyan's bakery": his name
            if len(words) >= 2 and re.fullmatch(surname, words[-1]):
                return " ".join(words)
    return None


def name_words(run: str) -> list[str]:
    """The trailing words of a capitalised run that can be a person's name (none if fewer than two).

    Example:
        >>> name_words("Azerbaijani Deputy Foreign Minister Elnur Gasimzade")
        ['Elnur', 'Gasimzade']
        >>> name_words("South Caucasus")
        []
    """
    words = run.split()
    k = len(words)
    while k > 0 and _nameable(words[k - 1]):
        k -= 1
    tail = words[k:]
    while tail and tail[0].lower() in _PARTICLES:
        tail = tail[1:]
    return tail if 2 <= len(tail) <= 4 else []


_PARTICLES = frozenset(_PARTICLE.strip("(?:)").split("|"))


def _nameable(word: str) -> bool:
    low = word.lower()
    if low in _PARTICLES:
        return True
    bare = low.removesuffix("’s").removesuffix("'s")
    return word[:1].isupper() and bare == low and low not in NON_NAME and not word.isupper()


# What a title is about, not whom it serves: "negotiator on NATO", "adviser on relations with Russia".
_SUBJECT_OF = re.compile(r"\b(?:on|towards?|with|against|about|over|regarding)\s+(?:the\s+)?\Z", re.IGNORECASE)
_TARGET = re.compile(r"\b(?:to|for|at|with|towards|in|on|against|from)\s+(?:the\s+)?\Z", re.IGNORECASE)


# A title owned by a state the phrase does not name: "the country's mission", "its envoy".
_OWN_STATE = re.compile(r"\b(?:the|this|that|his|her|our)\s+country['’]s\b|\b(?:its|their)\s+(?:[\w-]+\s+)?(?:mission|delegation|ambassador|envoy|representative)", re.I)
_SERVES_AS = re.compile(
    r"\b(?:serves|served|serving|works|worked|working|acts|acting)\s+(?:as|at|with|for|in)\b|\b(?:is|was)\s+now\b|"
    r"\b(?:represents|represented|representing|heads|headed|heading|leads|directs|runs|appointed|named|nominated)\b|"
    r"\b(?:is|was)\s+(?:posted|seconded)\s+(?:at|to)\b",
    re.I,
)


# An actor's possessive before a title owns it even after "to": "deputy to NATO's Special
# Representative", "an adviser to the Alliance's Secretary General".
_OWNS_TITLE = re.compile(rf"['’]s\s+(?:[\w-]+\s+){{0,2}}?(?:{ROLE_NOUNS})\b", re.IGNORECASE)


# An actor named as the subject of a desk, not its owner: "the NATO department of the Ministry of
# Foreign Affairs of Azerbaijan" is the ministry's.
_DESK_FOR = re.compile(r"\s+(?:department|division|desk|directorate|unit|section|affairs)\b", re.IGNORECASE)


# A post the person has left: "a former NATO official" (group 1: nothing before it is a title),
# "who served as NATO's envoy until 2005".
_PAST_POST = re.compile(rf"\b(former|ex-)\s*(?:[\w'’-]+\s+){{0,3}}?(?:{ROLE_NOUNS})\b|\buntil\s+(?:\d{{4}}|recently)\b", re.IGNORECASE)
_NOW = re.compile(r"\bnow\b", re.IGNORECASE)


def affiliation(phrase: str, reg: Registry, date=None) -> str | None:
    """The holder of the actor a title phrase belongs to: the first one named, unless it follows
    "to", "for", "at" … ("Russia's envoy to NATO" is Russia's; "the envoy for Georgia" of NATO is NATO's).

    Example:
        >>> from corpus_lib.pipeline.actors import registry
        >>> affiliation("Russia's envoy to NATO", registry()), affiliation("envoy to NATO", registry())
        ('Russia', 'NATO')
        >>> affiliation("a Swedish diplomat who serves as NATO's envoy", registry())
        'NATO'
    """
    past = _PAST_POST.search(phrase)
    if past and not ROLE.search(phrase[: past.start()] if past.group(1) else ""):
        now = _NOW.search(phrase, past.end())
        phrase = phrase[now.end() :] if now else ""  # "… until 2005 and now directs an institute": the present post
        if not reg.mentions(phrase, date) or not (ROLE.search(phrase) or _SERVES_AS.search(phrase)):
            return "other"  # "a former NATO official" (who "now teaches law in Yerevan"): speaks for no actor now
    post = _SERVES_AS.search(phrase) or _WHO_IS_TITLE.search(phrase) or _ADVISES.search(phrase)
    # advising an actor or working in a place is a post only for someone no actor names before it
    # ("a German officer who advises the Alliance's staff"), not for "a NATO officer who advises
    # Armenia" or "who has worked in Tbilisi": the actor's officer still
    weak = post is not None and (post.re is _ADVISES or post.group().lower().endswith(" in"))
    if weak and any(m.holder != "other" for m in reg.mentions(phrase[: post.start()], date)):
        post = None
    if post and reg.mentions(phrase[post.end() :], date):
        phrase = phrase[post.end() :]  # "a Danish diplomat who serves as NATO's envoy": the post, not the passport
    mentions = [m for m in reg.mentions(phrase, date) if not _COMPOUND.match(phrase, m.end)]
    owners = [m for m in mentions if (not _TARGET.search(phrase[: m.start]) or _OWNS_TITLE.match(phrase, m.end))
              and not _DESK_FOR.match(phrase, m.end)]
    if not owners and _OWN_STATE.search(phrase):
        return None  # "the head of the country's mission to NATO": the state's, whichever it is
    if not owners and mentions and all(_ACCREDITED_TO.search(phrase[: m.start]) for m in mentions):
        return None  # "a European ambassador to the Alliance": a state's envoy to it, not its own
    if not owners and mentions and STATE_ROLE.search(phrase) and all(_SUBJECT_OF.search(phrase[: m.start]) for m in mentions):
        return None  # "the government's chief negotiator on NATO": a state's, not the Alliance's
    if not owners and mentions and all(_COUNTERPART.search(phrase[: m.start]) for m in mentions):
        return None  # "who handles relations with the Alliance": the other side's official, not the Alliance's
    return (owners or mentions)[0].holder if mentions else None


# A state's envoy accredited to an organisation, whose post names only the organisation.
# An actor a post deals with, not one it serves: "relations with the Alliance", "ties with NATO".
_COUNTERPART = re.compile(
    r"\b(?:relations|ties|contacts|cooperation|partnership|dialogue|liaison|links)\s+with\s+(?:the\s+)?\Z", re.IGNORECASE
)
_ACCREDITED_TO = re.compile(r"\b(?:ambassadors?|permanent\s+representatives?|delegations?)\s+to\s+(?:the\s+)?\Z", re.IGNORECASE)


# A relative clause that gives a post: "a Norwegian officer who is deputy chief of staff at one
# of NATO's commands", "who has been the Alliance's envoy since 2019".
_ADVISES = re.compile(r"\b(?:advises|advised|advising)\b", re.I)
_WHO_IS_TITLE = re.compile(
    rf"\bwho\s+(?:is|was|has\s+been)\s+(?:now\s+)?(?=(?:(?:the|an?)\s+)?(?:{_UPPER}[\w\-]*[’']s\s+)?{ROLE.pattern})",
    re.IGNORECASE,
)


# An actor in a compound adjective names where a person was made, not whom they serve:
# "the Turkish-educated adviser to NATO's office", "the Dutch-born envoy".
_COMPOUND = re.compile(r"-(?:educated|born|trained|raised|bred|schooled|speaking)\b")


def place_holder(sentence: str, reg: Registry) -> str | None:
    """The actor of the place a sentence is set in ("In Moscow, …" is Russia's, "At Alliance
    headquarters, …" and "At NATO headquarters in Brussels, …" NATO's)."""
    match = _PLACE_LEAD.match(sentence)
    return (affiliation(match.group(1), reg) or places.town_holder(match.group(1))) if match else None


def dateline_holder(text: str, reg: Registry) -> str | None:
    """The actor of an article's dateline place ("BAKU, March 3 (Agency) –" is Azerbaijan's), or of
    the country after a town the registry lacks.

    Example:
        >>> from corpus_lib.pipeline.actors import registry
        >>> dateline_holder("BAKU, March 3 (Agency) - Talks", registry()), dateline_holder("GYUMRI, Armenia — On", registry())
        ('Azerbaijan', 'Armenia')
    """
    match = _DATELINE.match(text)
    holder = (affiliation(match.group(1).title(), reg) or places.town_holder(match.group(1))) if match else None
    country = _DATELINE_COUNTRY.match(text) if match and holder is None else None
    state = affiliation(country.group(1), reg) if country else None  # "GYUMRI, Armenia —": a town the registry lacks
    return state if state in (*STATE_HOLDERS, "other") else holder


def introduced(sentence: str, reg: Registry, date=None, *, place: str | None = None) -> list[Person]:
    """The people a sentence names with a cue that they are people (a title, an apposition, a
    reporting verb right after the name, "according to"), each with the side they speak for."""
    return list(_introductions(sentence, reg, date, place))


def first_introduced(
    sentence: str, reg: Registry, date=None, *, place: str | None = None, before: int | None = None
) -> Person | None:
    """``introduced(...)[0]``, or None; with ``before``, None unless that person's name starts
    before it. Names are found in reading order, so the text after ``before`` is not read."""
    for person in _introductions(sentence, reg, date, place, before):
        return person if before is None or person.start < before else None
    return None


def _introductions(sentence: str, reg: Registry, date, place: str | None, before: int | None = None) -> Iterator[Person]:
    """The people of :func:`introduced`, one by one; none from a run of capitalised words that
    starts at ``before`` or later."""
    for run in _RUN.finditer(sentence):
        if before is not None and run.start() >= before:
            return
        words = name_words(run.group(0))
        while len(words) > 2 and reg.mentions(words[0]):  # "… of Azerbaijan Elchin Huseynli": the state ends the title
            words = words[1:]
        if not words or _places(words, reg):
            continue
        name = " ".join(words)
        start = run.start() + run.group(0).rindex(words[0])
        end = run.end()
        title = _title_around(sentence, start, end)
        if title is None:
            title = _post_after(sentence[end:], reg, date)
        if title is None:
            continue
        if EXPERT.search(title):  # an analyst speaks for no actor, wherever they are based
            yield Person(start, end, name, reg.holder_of(name) or "other", title)
            continue
        holder = (reg.holder_of(name) or affiliation(title, reg, date) or _of_actor(sentence[end:], reg, date)
                  or _body_led(sentence[:start], reg, date))
        if holder in (None, "other") and (post := _predicate_post(sentence[end:])):
            holder = affiliation(post, reg, date) or holder  # "X of the Norwegian army is NATO's liaison officer"
        if holder is None and not OUTSIDER.search(title):
            holder = place_for(title, place or _place_after(sentence[end : end + 160], reg) or _spoke_in(sentence[end : end + 200], reg))
        yield Person(start, end, name, holder or "other", title)


def _of_actor(after: str, reg: Registry, date) -> str | None:
    """The actor a titled name is "of", named alone right after it ("Ambassador Farid Huseynli of
    Azerbaijan;"), not a body of that place ("X of the Moscow daily Y" is no Russian official)."""
    found = _OF_ACTOR.match(after)
    return affiliation(found.group(1), reg, date) if found else None


_OF_ACTOR = re.compile(rf"^\s+of\s+({_UPPER}[\w-]+(?:\s+{_UPPER}[\w-]+)?)(?=\s*(?:[,;.:)]|\Z)|\s+(?:and|said|says|told)\b)")


def _body_led(before: str, reg: Registry, date) -> str | None:
    """The actor of the body a titled name heads ("a delegation of the NATO International Staff
    headed by Special Envoy X"): a title that names no actor is that body's."""
    led = _LED_BY_TITLED.search(before)
    return affiliation(led.group("body"), reg, date) if led else None


_LED_BY_TITLED = re.compile(
    r"(?P<body>\b(?:the|a|an)\s+[^,.;:]{2,80}?)\s+(?:led|headed|chaired)\s+by\s+(?:[\w'’.-]+\s+){1,5}\Z", re.IGNORECASE
)


def _places(words: list[str], reg: Registry) -> bool:
    """Whether a run of name-like words names actors, not a person: it ends in one, or joins
    two with a hyphen ("the Armenia-Azerbaijan Nagorno-Karabakh conflict", "NATO-Russia
    Council")."""
    return any(m.kind != "person" for m in reg.mentions(words[-1])) or any(
        "-" in word and reg.mentions(word) for word in words
    )


# Where a title phrase before a name begins: after punctuation, a reporting verb, "with", "by",
# "met", a verb of hosting or of giving an interview ("received Colonel X", "gave an interview
# to the German daily X"), or the event the name takes part in ("during a meeting of Deputy
# Minister X").
_TITLE_CUT = re.compile(
    r"[,;:(–—\"“”]|(?<=[a-z]{3})\.\s|\b(?:said|told|that|with|met|by|during|between|among|(?:meeting|visit|talks)\s+of|"  # ". ": a dateline's end
    r"received|welcomed|hosted|greeted|invited|thanked|interviewed|visited|joined|gave|spoke|talked|wrote)\b"
)


# A body a name leads, named before it: "the delegation of the NATO International Staff led by".
_LED_BY = re.compile(r"(?P<body>\b(?:the|a|an)\s+[^,.;:]{2,80}?)\s+(?:led|headed|chaired)\s+by\s*\Z", re.IGNORECASE)


# An owner right before a name, with nothing between: "NATO's Anna Berg", "Azerbaijan's Elnur Aliyev".
_OWNER_BEFORE = re.compile(rf"(?:^|\s)(?:the\s+)?{_WORD}(?:\s+{_WORD})?['’]s\s*\Z")


# A title that opens with its owner: "Armenia's delegate", "the Alliance's envoy".
_OWNER_OPEN = re.compile(r"^\W*(?:the\s+)?[A-ZÀ-Þ][\w-]*(?:\s+[A-ZÀ-Þ][\w-]*)?['’]s\s")


# An honorific right before a name ("…, Mr Tomasz Wierzbicki"), which is no part of its title.
_HONORIFIC_END = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+\Z")


def _title_around(sentence: str, start: int, end: int) -> str | None:
    """The title phrase that marks the name at ``start:end`` as a person's ('' when the cue is a
    reporting verb or "according to"), or None when nothing does. An honorific before the name
    ("…, Mr Tomasz Wierzbicki, said") stands between the name and its title, not in the title."""
    before = _HONORIFIC_END.sub("", sentence[:start])
    pre = _TITLE_CUT.split(before)[-1]
    last = pre.rsplit(" and ", 1)[-1]
    if last != pre and ROLE.search(last):  # "X met NATO envoy Y and Russian diplomat Z": Z's title is after the "and"
        return last
    if ROLE.search(pre):  # "Colonel X, a staff officer of NATO's liaison office": the rank and the post
        heads = _HEADS.match(sentence[end:])  # "Deputy Foreign Minister X, who led the Azerbaijani delegation, said"
        extra = _apposition_after(sentence[end:]) or (heads.group(1) if heads else None)
        ahead = None if extra else _apposition_before(before[: len(before) - len(pre)])
        if ahead and name_words(ahead):
            ahead = None  # "with NATO's deputy chief Anna Berg, Georgia's minister X": the post before is Berg's
        if ahead:  # "NATO's envoy, Estonian diplomat X, said": the post set off before comes first
            return " ".join(f"{ahead} {pre}".split())
        post = None if extra else _POST_AFTER.match(sentence[end:])  # "Colonel X of the Dutch army serves at …"
        return " ".join(f"{pre} {extra or (post.group(0) if post else '')}".split())
    if _OWNER_BEFORE.search(last):  # "NATO's Anna Berg and Azerbaijan's Elnur Aliyev": the owner is the title
        return last.strip()
    after = _PHOTO_NOTE.sub("", sentence[end:], count=1)  # "Tomas Lind (pictured), NATO's envoy": the note is no title
    heads = _HEADS.match(after)
    if heads:  # "X, who heads the ministry's Euro-Atlantic department, …"
        return heads.group(1)
    ahead = _apposition_before(before)
    if ahead and titles.points_back(ahead):  # "Its envoy, X, a former minister, said": the owned post places them
        return ahead
    found = _apposition_after(after) or ahead
    if found and ahead and found != ahead and _OWNER_OPEN.match(ahead):
        found = f"{ahead} {found}"  # "Armenia's delegate, X, a lawmaker from the ruling party": the owner's post first
    if found:
        return found
    led = _LED_BY.search(before)
    if led and (ROLE.search(led.group("body")) or _ORGAN.search(led.group("body"))):
        return led.group("body")  # "the delegation of the NATO International Staff led by X": X heads it
    post = _POST_AFTER.match(after)
    if post and ROLE.search(pre):  # "Colonel X of the Dutch army serves at NATO's liaison office"
        return " ".join(f"{pre} {post.group(0)}".split())
    if _REPORTING_AFTER.match(after) or _ACCORDING.search(before):
        return ""
    return None


# A note right after a name: a photo's "(pictured)", "(left)", or the initials a transcript
# labels the person by ("Marek Rudnicki (M.R.), NATO's envoy").
_PHOTO_NOTE = re.compile(
    r"^\s*\((?:(?i:pictured|photo|left|right|centre|center|above|below|file photo)|(?:[A-Z]\.\s?){2,4}|[A-Z]{2,3})\)"
)


# What a name's own clause says of the person's service: "of the Dutch army serves at NATO's
# liaison office", "who works for the Alliance's mission".
_POST_AFTER = re.compile(
    r"^(?:\s+(?:of|from)\s+the\s+[^,.;:]{2,40}?)?,?\s+(?:who\s+)?(?:serves|works|is\s+posted|is\s+seconded)\s+"
    r"(?:as|at|with|for|to|in)\s+[^,.;:]{2,80}"
)


# A post given in the name's own clause without a title noun before it: "X works in NATO's
# political division", "X has served as the Alliance's envoy since 2012", "X is the deputy head
# of …", "X, who is responsible for partnerships at NATO", "X from NATO's International Staff",
# "X, who speaks for the Alliance's headquarters".
_SERVICE_AFTER = re.compile(
    r"^\s*,?\s*(?:who\s+|the\s+(?:man|woman|person)\s+)?(?:(?:is|was|has|had)\s+(?:been\s+)?)?(?:now\s+|also\s+)?"
    r"((?:serves|served|serving|works|worked|working|represents|represented|representing|heads|headed|heading|"
    r"(?:speaks|spoke|speaking)\s+for|advises|advised|advising|"
    r"handles|handled|oversees|oversaw|spent\s+[^,.;:]{2,30}?\s+as|"
    r"responsible\s+for|in\s+charge\s+of|(?:recently\s+)?(?:appointed|named|nominated)|took\s+up\s+(?:his|her|the)\s+post)\b"
    r"[^,.;:]{2,100})",
    re.IGNORECASE,
)
# A post the name's own verb phrase ends with "as": "X has shuttled between Baku and Yerevan as
# NATO's liaison officer", "X came to Tbilisi in 2019 as the Alliance's envoy".
_AS_POST = re.compile(
    rf"^\s+(?:(?:has|had|have)\s+)?(?:[a-z]+ed|spent|came|went|travelled|traveled|arrived)\b[^.;:]{{0,80}}?\s"
    rf"(as\s+(?:the|{_UPPER}[\w\-]*[’']s)\s+[^,.;:]{{2,100}})"
)
# A seat on a body, whose owner says whose the person is: "X sits on the Azerbaijani parliament's
# defence committee" (the body alone: "on" before an actor would make it a target).
_SEAT_ON = re.compile(
    r"^\s*,?\s*(?:who\s+)?(?:sits|sat|serves|served|has\s+sat|has\s+served)\s+on\s+([^,.;:]{2,80}?\b(?:committee|commission|council|board)\b)",
    re.IGNORECASE,
)
# "an Italian who heads the Alliance's partnership directorate": a post inside an apposition.
_WHO_SERVES = re.compile(
    r"\bwho\s+(?:now\s+)?(?:serves|works|represents|heads|leads|directs|runs|(?:was|has\s+been)\s+(?:appointed|named))\b",
    re.IGNORECASE,
)
_COPULA = r"(?:is|was|has\s+been|had\s+been)\s+(?:now\s+)?"
_COPULA_AFTER = re.compile(
    rf"^\s*,?\s*(?:who\s+)?{_COPULA}((?:the|a|an|one\s+of|{_UPPER}[\w\-]*[’']s)\s+[^,.;:]{{2,100}})"
)
# A title without an article after a copula: "… has been deputy secretary of Armenia's Security Council".
_BARE_COPULA_AFTER = re.compile(rf"^\s+{_COPULA}([a-z][^,.;:]{{2,100}})")
# The post a sentence's predicate gives a titled name, past a unit it comes from: "… of the
# Norwegian army has been NATO's liaison officer since 2010", "…, a Dane, became its envoy",
# "Ambassador X has served as NATO's senior civilian representative".
_PREDICATE_POST = re.compile(
    rf"^(?:\s+(?:of|from)\s+(?:the\s+)?[^,.;:]{{2,40}}?|\s*,\s+an?\s+[^,.;:]{{2,40}},)?\s+(?:(?:is|has\s+been|became|"
    rf"(?:has\s+)?serve[sd]\s+as|was\s+(?:appointed|named))\s+(?:now\s+)?"
    rf"(?P<post>(?:the|{_UPPER}[\w\-]*[’']s)\s+[^,.;:]{{2,100}})|(?:leads|heads|commands|runs)\s+(?P<unit>(?:the|an?|{_UPPER}[\w\-]*[’']s)\s+"
    r"[^,.;:]{2,100}))"
)
# The unit a person leads, which says whose they are: "leads a small NATO team", "heads the Alliance's liaison office".
_UNIT = re.compile(rf"\b(?:team|mission|unit|group|office|delegation|{'|'.join(ORGAN_WORDS)})\b", re.IGNORECASE)
_BRACKETED = re.compile(r"^\s*\(([^()]{2,60})\)")
_ORGAN_AFTER = re.compile(r"^\s+((?:of|from|at)\s+(?:the\s+)?[^,.;:]{2,80})")
_ORGAN = re.compile(rf"\b(?:{'|'.join(ORGAN_WORDS)})\b", re.IGNORECASE)


def _post_after(after: str, reg: Registry, date) -> str | None:
    """The post a name's own clause gives when no title noun marks the name: a verb of service
    ("works in NATO's division", "represents the Alliance"), a copula with a title ("is the deputy
    head of …") or a verb phrase ending in one ("has shuttled between the capitals as NATO's
    liaison officer"), or "of/from" an organisation or its unit (the Alliance, "NATO's International
    Staff"), or a seat on a body ("sits on the Azerbaijani parliament's defence committee"); a home
    town ("X from Baku") is no post."""
    found = _SERVICE_AFTER.match(after) or _SEAT_ON.match(after)
    if found:
        return found.group(1)
    found = _COPULA_AFTER.match(after) or _AS_POST.match(after)
    if found and ROLE.search(found.group(1)):
        return found.group(1)
    found = _BARE_COPULA_AFTER.match(after)
    if found and ROLE.match(found.group(1)):
        return found.group(1)
    found = _ORGAN_AFTER.match(after) or _BRACKETED.match(after)
    if found:
        mentions = reg.mentions(found.group(1), date)
        if mentions and (_ORGAN.search(found.group(1)) or mentions[0].holder in NOT_STATES):
            return found.group(1)
    return None


def _predicate_post(after: str) -> str | None:
    """The title a name's predicate gives it ("has been NATO's liaison officer"), if it is one,
    or the unit it leads ("leads a small NATO team")."""
    found = _PREDICATE_POST.match(after)
    if found is None:
        return None
    if found.group("post"):
        return found.group("post") if ROLE.search(found.group("post")) else None
    return found.group("unit") if _UNIT.search(found.group("unit")) else None


def _apposition_after(after: str) -> str | None:
    """A title set off after a name: ", the Alliance's deputy spokesperson, said"."""
    if _APPOSITION_OPEN.match(after):
        segment = _APPOSITION_END.split(after.lstrip(" ,-–—"), maxsplit=1)[0]
        if (ROLE.search(segment) or _SERVICE_AFTER.match(segment) or _WHO_SERVES.search(segment)) and len(segment.split()) <= 20:
            return segment
    return None


# Where an apposition ends: a comma, a semicolon (a list of people with their posts) or a dash
# set off by spaces ("X – NATO's envoy – said"), or a participle that goes on with what the
# person does ("an officer at NATO headquarters visiting Yerevan"; "a visiting professor" keeps
# its adjective).
_APPOSITION_END = re.compile(
    r"[,;]|\s[-–—]\s?|[–—]|(?<!\ba)(?<!\ban)(?<!\bthe)\s(?=(?:visiting|speaking|attending|arriving|addressing|touring|travelling|traveling)\b)"
)


def _apposition_before(before: str) -> str | None:
    """A title set off before a name: "… with NATO's envoy, Anna Berg"."""
    previous = before.rstrip()
    if previous.endswith(","):
        segment = _DAY_OPEN.sub("", _TITLE_CUT.split(previous[:-1])[-1])  # "On Monday a Russian spokesman, X, said"
        if ROLE.search(segment) and len(segment.split()) <= 20 and not _SCENE_OPEN.match(segment):
            return _last_conjunct(segment)
        phrase = _TITLE_WITH_ASIDE.search(previous[:-1])  # "A NATO liaison officer travelling with her, X, …"
        if phrase and _CAPITAL_AFTER_FIRST.search(phrase.group("title")):  # a title that names its actor
            return phrase.group("title")
    return None


_CAPITAL_AFTER_FIRST = re.compile(r"(?<=\s)[A-ZÀ-Þ]")


# A title opening its clause, then a participle phrase that may hold a cut word ("with", "by"):
# "A NATO liaison officer travelling with her", "the Alliance's envoy accompanied by two aides";
# the title is the words before the participle.
_TITLE_WITH_ASIDE = re.compile(
    rf"(?:^|[,;:(–—\"“”]\s*)(?P<title>(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,4}}?(?:{ROLE_NOUNS}))\s+(?:[a-z]+ing|[a-z]+ed)\s+[^,;:]{{1,60}}\Z",
    re.IGNORECASE,
)


def _last_conjunct(segment: str) -> str:
    """The title after an "and" that follows another person's name: "Deputy Minister Anna Berg
    and NATO's envoy for the Caucasus and Central Asia" gives "NATO's envoy for the Caucasus and
    Central Asia", the title of the name set off after it ("ambassador to Belgium and head of
    its mission" is one person's two posts)."""
    parts = segment.split(" and ")
    for k in range(len(parts) - 1, 0, -1):
        tail = " and ".join(parts[k:])
        if ROLE.search(tail) and _NAME_END.search(parts[k - 1]):
            return tail
    return segment


# A person's name ending the words before an "and": two capitalised words, the first no title.
_NAME_END = re.compile(r"(?<![\w'’-])(?!(?i:" + ROLE_NOUNS + r")\b)[A-ZÀ-Þ][\w'’-]+\s+[A-ZÀ-Þ][\w'’-]+\Z")


# A day opening the sentence before a titled subject, with no comma: "On Monday a spokesman, X, …".
_DAY_OPEN = re.compile(r"^\s*(?:on|last|this|earlier\s+on)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+", re.I)


# A phrase that sets the scene before the subject, not a title: "Speaking to reporters after
# meeting a visiting EU delegation, Deputy Foreign Minister X said".
_SCENE_OPEN = re.compile(
    rf"^\s*(?:{SCENE_PARTICIPLES}|after|before|during|following|at|in|on|upon|when|while)\b", re.IGNORECASE
)


# A body that speaks without a person: "the press service of the Ministry of Foreign Affairs".
_BODY = re.compile(r"\b(?:ministry|press service|press office|government|parliament|embassy|presidential administration)\b", re.I)


# Places whose holder is no state, and titles only a state has: a foreign ministry in a
# Brussels-datelined story is not the Alliance's.
NOT_STATES = frozenset({"NATO", "EU"})
_STATE_ONLY = re.compile(r"\b(?:ministry|ministries|minister|embassy|ambassadors?|parliament\w*|president\w*|prime|cabinet|government)\b", re.IGNORECASE)


# The place an introduction sets its person in, after the title: "… X, an adviser to the
# foreign minister, in Yerevan on 12 March".
_PLACE_AFTER = re.compile(rf"^[^.;:!?\"“”]*?,\s+in\s+({_UPPER}[\w\-]+(?:\s+{_UPPER}[\w\-]+)?)\b")


# Where the person gave the interview, later in the introduction: "… spoke to the Bulletin in Baku".
_SPOKE_IN = re.compile(rf"\b(?:spoke|talked)\s+(?:to|with)\s+[^.;:,]{{2,60}}?\s+in\s+({_UPPER}[\w\-]+)\b")


def _spoke_in(after: str, reg: Registry) -> str | None:
    """The actor of the place a state's official gave the interview in, if the sentence says."""
    if "spoke" not in after and "talked" not in after:
        return None
    match = _SPOKE_IN.search(after)
    return affiliation(match.group(1), reg) if match else None


def _place_after(after: str, reg: Registry) -> str | None:
    """The actor of the place named right after a person's title, if any."""
    match = _PLACE_AFTER.match(after)
    return affiliation(match.group(1), reg) if match else None


def place_for(title: str, place: str | None) -> str | None:
    """The place's actor for a state's official whose title names no actor, or None: never the
    Alliance or the EU for a title only a state has (a ministry in a Brussels-datelined story)."""
    if not place or not STATE_ROLE.search(title):
        return None
    return None if place in NOT_STATES and _STATE_ONLY.search(title) else place


def plural_title(title: str) -> bool:
    """Whether a title names several people: its title noun is plural ("diplomatic sources",
    "officials in Brussels"), not the phrase's last word ("a diplomat familiar with the talks")."""
    noun = ROLE.search(title)
    return (noun.group() if noun else title).lower().endswith("s")


def is_body(name: str) -> bool:
    """Whether a speaker is a body, not a person: no title noun, a ministry or a press service."""
    return not ROLE.search(name) and bool(_BODY.search(name))
# An unnamed source at the Alliance's seat ("a diplomatic source in Brussels"), who speaks
# for NATO in a corpus on NATO (an EU source names the EU; diplomats there may be national).
# A diplomat or official placed at the Alliance itself, whatever their country.
_AT_NATO = re.compile(r"\b(?:diplomats?|officials?|envoys?|ambassadors?)\s+(?:at|in)\s+(?:NATO|the\s+Alliance)(?:['’]s)?(?:\s+headquarters)?\b")
_AT_HEADQUARTERS = re.compile(r"\bsources?\s+(?:in|from|at)\s+(?:Brussels|(?:NATO|the Alliance's)\s+headquarters)\b")


# Adverbs between a title and its verb ("NATO officials privately concede"): not part of the title.
_ADVERBS_AFTER = re.compile(r"(?:\s+(?:[a-z]+ly|also|again|still|now|then|too|later|earlier|first))+\s*\Z")


def unnamed_speaker(phrase: str, reg: Registry, date=None, *, place: str | None = None) -> tuple[str, str] | None:
    """A titled speaker without a name ("a senior NATO official", "the Alliance's deputy chief",
    "a German diplomat"), with the side its title names (else the place's, for a state's
    official, else ``other``)."""
    role = ROLE.search(phrase) or _BODY.search(phrase)
    if not role or len(phrase.split()) > 12:
        return None
    phrase = phrase[: role.end()] + _ADVERBS_AFTER.sub("", phrase[role.end() :].split(",", 1)[0])  # "…official, speaking …"
    if EXPERT.search(phrase):
        holder = "other"
    elif _AT_NATO.search(phrase) and affiliation(phrase, reg, date) in (None, "NATO"):
        holder = "NATO"  # "one European diplomat at NATO headquarters": of an Ally's delegation there
    elif OUTSIDER.search(phrase):
        holder = "other"
    else:
        holder = affiliation(phrase, reg, date) or place_for(phrase, place)
        holder = holder or ("NATO" if _AT_HEADQUARTERS.search(phrase) else "other")
    return " ".join(phrase.strip(" ,.;:\"“”").split()[-8:]), holder
