"""What a document has said so far: the people it named, the last one, and where it is set.

Attribution reads a document in order; :class:`Discourse` remembers, as it goes, every person
introduced (registered in the actors registry or introduced by a title, see
:mod:`corpus_lib.pipeline.speakers`) with the side they speak for, so that a later surname
("Berg said"), pronoun ("he added") or bare title ("the envoy noted") finds them again.
:meth:`Discourse.resolve` turns the words of an attribution ("said NATO spokesperson Anna
Berg", "a senior NATO official", "the Alliance") into a (speaker, holder) pair.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache

from corpus_lib.pipeline import posts, speakers, titles
from corpus_lib.pipeline.actors import Mention, Registry
from corpus_lib.pipeline.clauses import DEFINITE, DESCRIBED, NAME, PRONOUN, REPORTING, subject_clause
from corpus_lib.pipeline.facts import CAPITALISED, TWO_CAPITALISED, Facts, facts_of
from corpus_lib.pipeline.prefilter import AVAILABLE as _RE2
from corpus_lib.pipeline.prefilter import PatternSet
from corpus_lib.pipeline.quotes import quote_regions
from corpus_lib.vocab import STATE_HOLDERS

Speaker = tuple[str, str]  # (name or title, holder)

# Nouns that make an institution's mention a person ("a NATO official", "the Alliance's deputy chief").
_PERSON_NOUN = re.compile(
    r"\b(?:official|officials|representative|representatives|spokes\w+|diplomat|diplomats|envoy|envoys|minister|"
    r"ministers|ambassador|ambassadors|chief|commander|delegation|secretary)\b",
    re.IGNORECASE,
)
# Found wherever ``_PERSON_NOUN`` is found in a piece of a text that starts at a word: the
# piece may cut a word short ("official|dom"), so the closing ``\b`` is left out.
_PERSON_NOUN_OPEN = re.compile(_PERSON_NOUN.pattern.removesuffix(r"\b"), re.IGNORECASE)
# A phrase that opens on an indefinite article introduces someone new ("a senior official in the
# prime minister's office"), whatever definite title it holds further on.
_INDEFINITE_OPEN = re.compile(r"^\W*(?:a|an|one|another)\s", re.IGNORECASE)
# The one a visit report calls its guest: "was stressed by the guest", "the visitor said".
_VISITOR = re.compile(r"^\W*the\s+(?:guest|visitor)\W*\Z", re.IGNORECASE)
# A bare title with all its title words ("the deputy minister", not "the deputy").


@lru_cache(maxsize=4)
def _people_filter(reg: Registry) -> PatternSet | None:
    """One RE2 pass that may say a text names no registered person and no institution's person:
    none of the registry's person and title patterns, nor a person noun, occurs in it (None
    without RE2)."""
    if not _RE2:
        return None
    patterns = [re.compile(p) for p in reg.person_patterns()] + [_PERSON_NOUN_OPEN]
    found = PatternSet(list(enumerate(patterns)))
    return None if found.left_out else found


_POSSESSIVE_END = re.compile(r"['’]s?\Z")
# A body named with its actor, before ("Armenia's foreign ministry", "the NATO delegation") or
# after ("the ministry of foreign affairs of Armenia", "the ministry in Yerevan").
_BODY_NOUNS = ("ministry", "government", "cabinet", "parliament", "embassy", "delegation", "mission", "committee")
_BODY_NOUN = rf"(?:{'|'.join(_BODY_NOUNS)})"
_BODY_AFTER_ACTOR = re.compile(rf"(?:['’]s)?\s+(?:[a-z]+\s+){{0,2}}({_BODY_NOUN})\b")
_BODY_BEFORE_ACTOR = re.compile(rf"\b({_BODY_NOUN})\s+(?:of\s+(?:[a-z]+\s+){{0,2}}(?:of\s+)?|in\s+)(?:the\s+)?\Z", re.I)
_BODY_WORD = re.compile(rf"\b{_BODY_NOUN}\b", re.I)
_LED_BY = re.compile(r"[^.;:]{0,20}?\b(?:led|headed)\s+by\b")
# An office of the actor named right after it: "the Minister of Foreign Affairs of the Republic of ".
_OFFICE_OF = re.compile(
    r"\b(?:(?:first\s+)?deputy\s+|vice\s+)?(?:(?:foreign|defen[cs]e)\s+)?(?:prime\s+minister|minister|ambassador|president|speaker|chairman|"
    r"secretary)(?:\s+of\s+[A-Z][\w]+(?:\s+(?:and\s+)?[A-Z][\w]+){0,2})?\s+of\s+(?:the\s+)?(?:Republic\s+of\s+)?\Z",
    re.IGNORECASE,
)
# An untitled name opening a sentence's subject, before its verb: "Ingrid Aasland has watched …",
# also after a fronted phrase ("Three weeks after the offensive, Narek Hovhannisyan still sleeps …").
_NAME_OPENING = re.compile(
    r"([A-ZÀ-ÞĀ-Ž][^\W\d_]+(?:\s+[A-ZÀ-ÞĀ-Ž][^\W\d_]+){1,2})\s+(?:still\s+|also\s+|now\s+)?(?:has|had|is|was|[a-z]+ed|[a-z]+s)\b"
)
_FRONT_END = re.compile(r"(?:(?<!\d),|,(?!\d))\s+")  # a fronted phrase's comma (not the one inside "100,000")
_FRONT_STOP = re.compile(r"[;:!?]|(?<!\d)\.|\.(?!\d)")  # a stop inside a fronted phrase (not a decimal point)


def _name_opening(clause: str) -> re.Match[str] | None:
    """:data:`_NAME_OPENING` at the clause's start, or right after a fronted phrase of up to
    160 characters that ends at its first comma and holds no stop."""
    found = _NAME_OPENING.match(clause)
    if found or "," not in clause[:162]:
        return found
    comma = _FRONT_END.search(clause, 0, 166)
    if comma is None or comma.start() > 160 or _FRONT_STOP.search(clause, 0, comma.start()):
        return None
    return _NAME_OPENING.match(clause, comma.end())
@dataclass
class Discourse:
    """The people of one document so far, the last one named, and the places it is set in."""

    date: dt.date | None
    reg: Registry
    doc_date: dt.date | None = None
    last_person: Speaker | None = None
    persons: list[Speaker] = field(default_factory=list)
    place: str | None = None  # the holder of the place the current sentence is set in
    scene: str | None = None  # the place a sentence earlier in the paragraph was set in ("In Yerevan, …")
    dateline: str | None = None  # the holder of the article's dateline place
    publisher: str | None = None  # the state that publishes the document (a ministry's press release)
    headline_state: str | None = None  # the state the headline names first (an interview's country)
    outlet_state: str | None = None  # the state the outlet's own name names ("Voice of Yerevan")
    guest: Speaker | None = None  # the guest an interview's introduction presents by a title alone
    host: str | None = None  # the state whose official received the visit a readout reports
    recent_holder: str | None = None  # the actor the paragraph's sentence before this one held (not the outlet)
    last_actor: str | None = None  # the actor the last narrated sentence that held one held, in any paragraph
    document_owner: str | None = None  # the issuer of the document the text last introduced (see ``documents``)
    document_fresh: int = 0  # sentences left in which "it" still means that document
    subject_name: str | None = None  # an untitled name opening the sentence before ("Ingrid Aasland has watched …")
    added: int = 0  # how many times a person has been remembered
    # the last narrated sentences, each with ``added`` once it was seen (see ``_described_post``)
    recent: deque = field(default_factory=lambda: deque(maxlen=8))
    seen: list[str] = field(default_factory=list)  # every sentence seen, for a registered surname another person bears
    previous: str = ""  # the narrated sentence before this one, in any paragraph ("its" may refer to its subject)
    _surname_set: frozenset[str] = frozenset()
    titles: dict[str, str] = field(default_factory=dict)  # a person's title as introduced, lower case
    open_quote: list = field(default_factory=list)  # sentences of a quotation still open
    groups: frozenset = frozenset()  # institutions' people named in the plural ("Alliance foreign ministers")
    bodies: dict[str, str] = field(default_factory=dict)  # a body's noun ("ministry") -> the actor it was last named with
    group: Speaker | None = None  # an actor's people in the plural a narrated sentence was last told of: "they", "the leaders"

    def see(self, text: str, *, speaker: Speaker | None = None) -> None:
        """Remember the people a sentence names; its subject, if a person, becomes "he"/"she".
        A single person known by title who speaks the sentence (``speaker``: "The official
        said …", "The spokeswoman welcomed the envoy's words") becomes "he"/"she" instead of
        the people it names ("diplomatic sources" are no "he")."""
        self._see_bodies(text)
        self._see_named(text)
        self._pronoun_post(text)
        self._name_post(text)
        self._described_post(text)
        self.recent.append((text, self.added))
        self.seen.append(text)
        if speaker is not None and speaker[0] in self.titles:
            if not (self.title_only(speaker[0]) and speakers.plural_title(speaker[0])):
                self.last_person = speaker

    def meet(self, text: str) -> None:
        """Remember the people a quoted sentence's attribution introduces, without making any of
        them "he"/"she": that stays the quotation's speaker ('"…," Avagyan told a news conference
        with NATO's envoy, Lorenz Haberl.' lets "Haberl said …" find the envoy later)."""
        if not TWO_CAPITALISED.search(_outside_quotes(text)):
            return  # the attribution names nobody new: "…," he said.
        facts = facts_of(text, self.reg)
        if self._may_name_people(text, facts):
            self._people_in(text, facts)

    def note_group(self, speaker: str, holder: str | None, subject: Speaker | None = None) -> None:
        """Follow the actor's people in the plural the narration is telling of ("NATO leaders
        ended their summit …": "They also invited …", "the leaders demanded …"): set by such a
        subject (``subject``) or speaker, ended by a sentence another actor holds (the outlet's
        background keeps it)."""
        if subject is not None and subject[1] not in ("media", "other"):
            self.group = subject
        elif holder not in (None, "media", "other") and speakers.ROLE.search(speaker) and speakers.plural_title(speaker):
            self.group = (speaker, holder)
        elif holder not in (None, "media") and (self.group is None or holder != self.group[1]):
            self.group = None

    def _described_post(self, text: str) -> None:
        """Give a post told of a description as subject ("The 52-year-old former naval officer is
        NATO's liaison officer", "The Arabist, who learned his trade in Aden, has been Moscow's
        envoy") to the last name the narration gave before with no title, no side and no
        reporting verb (a profile's "the tea on Joost Ravensberg's desk"), when nobody has been
        remembered since."""
        post = posts.DESCRIBED_POST.match(text)
        role = speakers.ROLE.search(post.group("title")) if post else None
        if role is None or self.reg.mentions(post.group("subject")):
            return
        name = None
        for before, added in reversed(self.recent):
            if added != self.added:
                return  # someone was named since
            name = self._untitled_in(before)
            if name:
                break
        if name is None:
            return
        # the actor the post's head names ("Moscow's roving envoy"), not one its clause mentions
        # ("the official most Georgians associate with the drive to join NATO")
        holder = speakers.affiliation(post.group("title")[: role.end()], self.reg, self.date)
        if holder is not None:
            self.last_person = self._titled((name, holder), post.group("title"))

    def _untitled_in(self, text: str) -> str | None:
        """The last full name a sentence gives that is nobody known and no actor or place."""
        last = None
        for found in NAME.finditer(text):
            words = speakers.name_words(_POSSESSIVE_END.sub("", found.group(0)))
            if words and not (self.known(" ".join(words)) or self.known(words[-1])
                              or self.reg.mentions(found.group(0), self.date)):
                last = " ".join(words)
        return last

    def _pronoun_post(self, text: str) -> None:
        """Give a post told by pronoun or by a bare title to the untitled name that opened the
        sentence before ("Ingrid Aasland has watched it all. …, she is the Alliance's deputy
        liaison officer"; "Jakob Lind has driven that border for months. The Swedish diplomat,
        deputy head of the EU's monitoring mission, …"), and remember the name this sentence
        opens with for the next."""
        post = (posts.PRONOUN_POST.match(text) or posts.TITLE_POST.match(text)) if self.subject_name else None
        if post and speakers.ROLE.search(post.group("title")):
            known = self.known(self.subject_name)
            if known is None or known[1] == "other":
                title = post.group("title")
                holder = speakers.affiliation(title, self.reg, self.date) or speakers.place_for(title, self.where(phrase=title))
                person = (self.subject_name, holder or "other")  # "a deputy secretary of the Security Council": the place's
                self.last_person = self._titled(person, title)
        opening = _name_opening(subject_clause(text))
        words = speakers.name_words(opening.group(1)) if opening else []
        self.subject_name = " ".join(words) if words else None

    def _name_post(self, text: str) -> None:
        """Give a post to the person a sentence opens with ("Wennberg, a Swedish diplomat, has
        been deputy to NATO's special representative", "When Katrin Ahlgren took over NATO's
        liaison office, …"), unless the person already speaks for an actor: a name, or a lone
        surname known before or set off by an apposition."""
        post = posts.NAME_POST.match(text)
        if post is None or not speakers.ROLE.search(post.group("title")):
            post = posts.NAME_HEADS.match(text)
            if post is None:
                post = posts.NAME_CAREER.match(text)
                if post is None or not posts.NATIONAL_CAREER.match(post.group("title")):
                    return
        name = post.group("name")
        known = self.known(name)
        words = speakers.name_words(name)
        if known is None and not words and not (post.groupdict().get("apposition") and " " not in name):
            return
        if (known and known[1] != "other") or any(m.kind != "person" for m in self.reg.mentions(name, self.date)):
            return
        title = post.group("title")
        if post.re is posts.NAME_CAREER:
            holder = self._institution_source(name)  # a national's career names no side: the official's
        elif speakers.EXPERT.search(title) or speakers.OUTSIDER.search(title):
            return  # "a professor … in Moscow" speaks for no actor
        else:
            holder = speakers.affiliation(title, self.reg, self.date)
        if holder is None:
            return
        self.last_person = self._titled((known[0] if known else " ".join(words) or name, holder), title)

    def _institution_source(self, name: str) -> str | None:
        """The institution of the person last remembered before ``name`` when known by title
        alone ("NATO's deputy spokesman said …"): a sentence that opens with a new name and a
        national's career ("Mattias Lindgren, a Swedish diplomat on his first trip, held …")
        names that official, whose nationality is no side."""
        before = [p for p in self.persons if p[0] != name]
        last = before[-1] if before else None
        return last[1] if last and self.title_only(last[0]) and last[1] in speakers.NOT_STATES else None

    def _see_bodies(self, text: str) -> None:
        """Remember the actor of each body the sentence names with one ("Armenia's foreign
        ministry", "the NATO delegation"), or set in a state's place ("In Yerevan, the defence
        ministry …"), so that "the ministry" later is the latest one named, not the dateline's."""
        low = text.lower()
        if not any(noun in low for noun in _BODY_NOUNS):
            return  # most sentences name no body (substring tests are far cheaper than the regex)
        bare = _BODY_WORD.search(text)
        if bare is None:
            return
        named = False
        for m in self.reg.mentions(text, self.date):
            if m.kind != "institution":
                continue
            after = _BODY_AFTER_ACTOR.match(text, m.end)
            before = _BODY_BEFORE_ACTOR.search(text[max(0, m.start - 40) : m.start])
            for found in (after, before):
                if found:
                    self.bodies[found.group(1).lower()] = m.holder
                    named = True
        if not named and self.place in STATE_HOLDERS:  # "In Yerevan, the defence ministry accused …"
            self.bodies[bare.group().lower()] = self.place

    def _body(self, phrase: str) -> str | None:
        """The state of the body a phrase names without one ("the ministry", "ministry
        spokeswoman X"): the latest one named with its actor, or None. Any actor's body counts
        for the one who leads it ("The NATO delegation was led by X")."""
        if not self.bodies:
            return None
        found = _BODY_WORD.search(phrase)
        if found is None:
            return None
        holder = self.bodies.get(found.group().lower())
        return holder if holder in STATE_HOLDERS or _LED_BY.match(phrase, found.end()) else None

    def _see_named(self, text: str) -> None:
        facts = facts_of(text, self.reg)  # shared by the filter and the search, and by repeats of the sentence
        if not self._may_name_people(text, facts):
            return
        people = self._people_in(text, facts)
        if people:
            clause = subject_clause(text)
            offset = text.find(clause) if clause else -1
            named = [p for p in people if self.known(p[1][0])]
            in_subject = [p for p in people if offset >= 0 and p[0] >= offset]
            # a named person before a title without a name; "… on Russian officials" outside
            # the subject is nobody to refer back to
            choice = [p for p in in_subject if p in named] or in_subject or named
            if choice:
                self.last_person = choice[0][1]

    def _may_name_people(self, text: str, facts: Facts | None = None) -> bool:
        """False only where :meth:`see` would find nobody (most sentences name nobody): no
        registered person or institution's person (the RE2 filter), no known surname, and no
        two capitalised words with a title or a reporting verb to introduce them."""
        found = _people_filter(self.reg)
        facts = facts or Facts(text)
        if found is None or facts.passes(found):
            return True
        facts.no_registered_people = True
        if facts.names_one_of(self._surname_set):
            return True
        return facts.may_introduce()

    def _people_in(self, text: str, facts: Facts | None = None) -> list[tuple[int, Speaker]]:
        """(offset, person) for each person, title-holder or institution's person a text names."""
        facts = facts or Facts(text)
        place = (speakers.place_holder(text, self.reg) or self.place or self._body(text) or self.publisher or self.dateline
                 or self.headline_state or self.outlet_state)
        new = speakers.introduced(text, self.reg, self.date, place=place) if facts.may_introduce() else []
        found = [(p.start, self.remember(p)) for p in new]
        taken = [_with_title(text, p) for p in new]  # a title is its holder's, not someone else
        # where the filter found no person pattern and no person noun, no mention is person-like
        for m in () if facts.no_registered_people else self.reg.mentions(text, self.date):
            if taken and any(a <= m.start < b for a, b in taken):
                continue
            if m.kind == "institution" and (office := _OFFICE_OF.search(text, max(0, m.start - 60), m.start)):
                found.append((office.start(), self._office_holder(text[office.start() : m.end], m.holder)))
                continue
            if not _person_like(text, m):
                continue
            if m.kind != "institution":
                person = self.full_name(m, text)
                if " " in person[0]:
                    self.add(person)
                found.append((m.start, person))
            else:
                found.append((m.start, (text[m.start : m.end], m.holder)))
                if speakers.plural_title(text[m.start : m.end + 20]):  # "Alliance foreign ministers": "they", not "the diplomat"
                    self.groups = self.groups | {found[-1][1]}
        known = self._known_at(text, facts)
        found += [(k, p) for k, p in known if not any(a <= k < b for a, b in taken)] if taken else known
        return sorted(found, key=lambda item: item[0])

    def _recent_institution(self) -> str | None:
        """The institution (NATO, the EU) the last narrated sentence that held an actor held: the
        side of a spokesman or official the text names with no actor and no place ("…," said
        Paolo Dendrinos, a deputy spokesman, after the Alliance's diplomats were reported)."""
        return self.last_actor if self.last_actor in speakers.NOT_STATES else None

    def _office_holder(self, title: str, holder: str) -> Speaker:
        """Remember a person named by an office of an actor alone ("the Minister of Foreign
        Affairs of the Republic of Azerbaijan"), whom "the Minister" refers back to."""
        name = " ".join(title.split())
        return self._titled((name, holder), name)

    def _titled(self, person: Speaker, title: str) -> Speaker:
        """Remember a person with the title they were introduced by (a bare title is their name)."""
        self.titles[person[0]] = title.lower()
        self.add(person)
        return person

    def remember(self, person: speakers.Person) -> Speaker:
        """Add an introduced person (a known name keeps the side it was first given, unless unknown)."""
        known = self.known(person.name)
        if person.title:
            self.titles[(known or (person.name,))[0]] = person.title.lower()
        if known and known[1] != "other":
            return known
        if person.holder == "other":
            holder = self._titled_before(person.title)
        elif (person.title and person.holder in (self.dateline, self.headline_state)
              and not speakers.affiliation(person.title, self.reg, self.date)):
            holder = (self._same_title_before(person.title) or self._title_in_previous(person.title)
                      or person.holder)  # the article's state, unless …
        else:
            holder = person.holder
        self.add((person.name, holder))
        return person.name, holder

    def _same_title_before(self, title: str) -> str | None:
        """The side of a person introduced before by a title alone that names its actor, owns it
        by "its" ("…, its deputy spokesman said") or names a place of its side ("a spokesman in
        Brussels"), and has the same title noun ("NATO colonel: …" over "…, Colonel Rasa Vaitkute
        told the paper"):
        a rank or post that names no actor is that title's, not the state of the article's
        dateline or headline."""
        noun = speakers.ROLE.search(title)
        if noun is None:
            return None
        word = noun.group().split()[-1].lower()
        return next((h for name, h in reversed(self.persons)
                     if self.title_only(name) and "," not in name and word in self.titles.get(name, "").split()
                     and h not in ("other", "media")
                     and (speakers.affiliation(name, self.reg, self.date) == h or titles.points_back(name)
                          or any(m.holder == h for m in self.reg.mentions(name, self.date)))), None)

    def _title_in_previous(self, title: str) -> str | None:
        """The side of the same title noun in the narrated sentence before, where an actor or its
        place stands with it ("… and a spokesman in Brussels said …" before "the spokesman, Joris
        Lind, said …")."""
        noun = speakers.ROLE.search(title)
        if noun is None or not self.recent:
            return None
        word = noun.group().split()[-1]
        found = re.search(rf"\b(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,3}}?{re.escape(word)}\b(?:\s+(?:in|at|from)\s+[A-Z][\w'’-]+)?",
                          self.recent[-1][0], re.IGNORECASE)
        sides = {m.holder for m in self.reg.mentions(found.group(0), self.date)} if found else set()
        return sides.pop() if len(sides) == 1 else None

    def _titled_before(self, title: str) -> str:
        """The side of a name introduced by a bare title ("the envoy, Anna Berg") or by a title
        that points back to a post ("…, a Norwegian diplomat new to the post"): that of the
        person introduced by title alone before ("NATO's special envoy urged …"), else the side
        the same title had where one of the last sentences told it with an actor ("… after talks
        with the Alliance's special representative"), else ``other``.
        A name that only a reporting verb introduces ('"…," Davit Melikyants said') right after a
        source known by title alone ("…, a deputy defence minister said") is that source."""
        if not title.strip():
            return self._untitled_source() or "other"
        if posts.THE_POST.search(title):  # "a Norwegian diplomat on his first tour since taking up the post"
            return next((h for name, h in reversed(self.persons) if self.title_only(name) and h != "other"), "other")
        bare = titles.DEFINITE_LONG.fullmatch(title.strip().rstrip(".")) or titles.BARE_NOUN.fullmatch(title.strip().rstrip("."))
        if bare is None or self.reg.mentions(title, self.date):
            return "other"
        noun = bare.group(1).split()[-1].lower()
        for name, holder in reversed(self.persons):
            if self.title_only(name) and noun in self.titles.get(name, ""):
                return holder
        recent = self.recent_texts[-3:]  # "… after talks with the Alliance's special representative"
        return titles.told_before(bare.group(1), recent, self.reg, self.date) or "other"

    def _untitled_source(self) -> str | None:
        """The side of the person last named, when a title alone named them in the sentence
        before ("…, a deputy defence minister said"): a name that follows with no title of its
        own is theirs."""
        last = self.persons[-1] if self.persons else None
        if last is None or not self.title_only(last[0]) or last[1] == "other":
            return None
        return last[1] if last[0].lower() in self.previous.lower() else None

    def owned(self, person: Speaker, owner: str | None, *, title: str = "") -> Speaker:
        """A sideless person whose title (``title``, else the name the person goes by) opens
        with "its" or "their" is the owner's, the actor the sentence's subject names ("The
        Alliance will not …, its liaison officer said"): remembered with that side, so that
        "the liaison officer" finds it again."""
        if person[1] != "other" or owner in (None, "media", "other") or not titles.points_back(title or person[0]):
            return person
        self.add((person[0], owner))
        return person[0], owner

    def add(self, person: Speaker) -> None:
        """Remember a person (the latest mention last)."""
        self.added += 1
        if self.persons and self.persons[-1] == person:
            return
        self.persons = [p for p in self.persons if p[0] != person[0]] + [person]
        if not self.title_only(person[0]):
            self._surname_set = self._surname_set | {person[0].split()[-1]}

    def title_only(self, name: str) -> bool:
        """Whether a person is known by a bare title ("the spokesperson"), not by a name."""
        return self.titles.get(name) == name.lower()

    def known(self, name: str) -> Speaker | None:
        """A person already named, by full name or surname; a surname's particle may take a
        capital at the start of a headline or sentence ("Van Aarle" for "Joost van Aarle")."""
        suffix = " " + name
        for person in reversed(self.persons):
            if person[0] == name or person[0].endswith(suffix):
                return person
        if " " in name and name[:1].isupper():
            folded = " " + name[:1].lower() + name[1:]
            for person in reversed(self.persons):
                if person[0].endswith(folded):
                    return person
        return None

    def by_initials(self, label: str, intro: str = "") -> Speaker | None:
        """The one person named before whose initials a label gives ("T.W.", "TW" for Tomasz
        Wierzbicki, "AdW" for Anne de Wit): transcripts that introduce their guests by name often
        label turns so. Where nobody named before has them, the one full name of the
        introduction that has them ("Elnur Tagiyev spoke to …" for "ET:"), of the place's side."""
        letters = titles.INITIALS.fullmatch(label.strip())
        if letters is None:
            return None
        wanted = re.sub(r"[.\s]", "", letters.group()).upper()
        matches = [p for p in self.persons if not self.title_only(p[0]) and wanted in titles.initials_of(p[0])]
        if not matches:
            names = {" ".join(w) for m in NAME.finditer(intro) if len(w := speakers.name_words(m.group(0))) >= 2}
            matches = [(name, self.place or "other") for name in names if wanted in titles.initials_of(name)]
        return matches[-1] if len({p[0] for p in matches}) == 1 else None

    def by_first_name(self, label: str) -> Speaker | None:
        """The one person named before whose first name a label gives ("PIETER:" for Pieter
        Langeveld): podcasts and informal transcripts label turns so."""
        word = label.strip().title()
        if not word.isalpha():
            return None
        matches = {p for p in self.persons if not self.title_only(p[0]) and p[0].split()[0] == word and " " in p[0]}
        return matches.pop() if len(matches) == 1 else None

    def _known_at(self, text: str, facts: Facts | None = None) -> list[tuple[int, Speaker]]:
        """(offset, person) for each surname of a person named before, as a capitalised word."""
        surnames = self._surname_set
        if not any(word in text for word in surnames):
            return []  # the common case, told before any match object is made
        if facts is not None and facts.names_none_of(surnames):
            return []  # the sentence's capitalised words, listed already, hold none
        found = [(m.start(), self.known(m.group())) for m in CAPITALISED.finditer(text) if m.group() in surnames]
        return [(at, person) for at, person in found if not _other_first_name(text, at, person)]

    def full_name(self, m: Mention, text: str = "") -> Speaker:
        """A registered person's full name (a surname alone finds the person named before). A
        surname alone that another person of the text bears, named before or in any sentence
        seen, is theirs ("Anahit Sargsyan, a schoolteacher, …. Sargsyan said" is not the
        registered Serzh Sargsyan)."""
        said = text[m.start : m.end].strip() if text else ""
        if said and " " not in said and (named := self.known(said)) and named[0] != m.name:
            return named
        other = speakers.full_name_before(said, self.seen) if said and " " not in said else None
        if other and other != m.name:  # the surname of someone the recent narration named in full
            self.add((other, self.place or "other"))
            return self.persons[-1]
        if " " not in m.name:
            known = self.known(m.name)
            if known:
                return known
        return m.name, m.holder

    def resolve(self, phrase: str, *, allow_names: bool = True, state: str | None = None) -> Speaker | None:
        """Who the words of an attribution name: a registered person or title, a person introduced
        here or before, a surname whose full name a recent sentence gave with no post, a pronoun
        or bare title (the person last named; before anyone was, the untitled person the recent
        narration named, a feature's protagonist), a new name, a titled
        speaker without a name, or an institution. ``state``: the state the sentence is about,
        whose official a title naming no state is, after the sentence's place and before the
        dateline's."""
        mentions = self.reg.mentions(phrase, self.date)
        people = [m for m in mentions if m.kind in ("person", "title") and not _possessive(phrase, m)]
        place = speakers.place_holder(phrase, self.reg) or self.where(state, phrase)
        # a new name counts only before the first registered person or title
        before = people[0].start if people else None
        new = speakers.first_introduced(phrase, self.reg, self.date, place=place, before=before) if allow_names else None
        if new:
            return self.remember(new)
        if people:
            return self.full_name(people[0], phrase)
        known = self._known_at(phrase)
        if known:
            return known[0][1]
        if allow_names and (full := speakers.full_name_before(phrase, self.recent_texts)):
            last = self.last_person  # a feature's protagonist known by title alone ("the Azerbaijani diplomat who …")
            side = last[1] if last and not speakers.name_words(last[0]) and last[1] not in ("other", "media") else None
            self.add((full, self.place or side or "other"))  # the full name placed nobody
            return self.persons[-1]
        if _VISITOR.match(phrase) and (visitor := self._visitor()):
            return visitor
        if PRONOUN.match(phrase) and (fresh := self._untitled_subject()):
            return fresh  # "X receives visitors in a taped-up office. 'We sleep in shifts,' she says."
        if (PRONOUN.match(phrase) or DESCRIBED.match(phrase)) and self.last_person:
            return self.last_person
        if PRONOUN.match(phrase) and self.persons == [] and (name := self._untitled_in(" ".join(self.recent_texts))):
            return name, self.place or "other"  # a feature's protagonist, named before anyone who speaks
        if DEFINITE.search(phrase) and not _INDEFINITE_OPEN.match(phrase) and self._same_side(mentions):  # "the envoy"
            found = self.by_title(phrase, state=state)
            if found:
                return found
        return self._name_or_title(phrase, mentions, allow_names=allow_names, state=state)

    def _visitor(self) -> Speaker | None:
        """The person "the guest" or "the visitor" is: the latest one named who speaks for an
        actor other than the state of the place the text is set in (a visit to Baku has a
        host from Azerbaijan and a guest from elsewhere)."""
        home = self.place or self.dateline
        return next((p for p in reversed(self.persons) if p[1] not in (home, "other", "media")), None) if home else None

    def _untitled_subject(self) -> Speaker | None:
        """A person the sentence before opened with by a full name alone, new to the text and to
        the registry: who a pronoun that reports words next refers to. Not remembered, so that
        a post given later still places them."""
        found = NAME.match(subject_clause(self.previous)) if self.previous else None
        words = speakers.name_words(found.group(0)) if found else []
        if len(words) < 2 or self.reg.mentions(found.group(0), self.date) or self.known(words[-1]):
            return None
        return " ".join(words), self.place or "other"

    @property
    def recent_texts(self) -> list[str]:
        """The last sentences seen, oldest first (the texts of ``recent``)."""
        return [text for text, _ in self.recent]

    @property
    def recent_actor(self) -> str | None:
        """The actor, a state or an institution, the paragraph's sentence before this one held
        ("NATO brushed the warning aside. In a written reply, deputy spokesman X said …")."""
        return self.recent_holder if self.recent_holder not in (None, "media", "other") else None

    def where(self, state: str | None = None, phrase: str = "") -> str | None:
        """The state an official whose title names none speaks for: the sentence's place, then
        the place an earlier sentence of the paragraph was set in, then
        the actor "its" refers back to, then that of the state body the phrase names bare, the latest of its kind named with its
        actor ("Armenia's foreign ministry …. Ministry spokesman X said"), then the state the
        sentence is about, then the actor the sentence before held, then the state that
        publishes the document, then the dateline's, then the state the headline names first,
        then the institution the narration last gave a sentence to (a title only a state has
        takes none of it: :func:`speakers.place_for`), then the state the outlet's name names.
        Officials "there" are of the place the sentence before named first (:meth:`there`)."""
        there = self.there() if _THERE_WORD.search(phrase) else None
        return (there or self.place or self.scene or self._possessed(phrase) or self._body(phrase) or state or self.recent_actor or self.publisher
                or self.dateline or self.headline_state or self._recent_institution() or self.outlet_state)

    def _possessed(self, phrase: str) -> str | None:
        """The actor "its" or "their" refers back to when a phrase opens with it ("Its foreign
        ministry", "Their envoy"): the actor opening the subject of the sentence before ("Georgia,
        whose …, has not …. Its foreign minister said"), else the last actor a narrated sentence
        held, in any paragraph."""
        if not titles.points_back(phrase):
            return None
        clause = subject_clause(self.previous)
        opening = next(iter(self.reg.mentions(clause[:80], self.date)), None)
        if opening is not None and clause[: opening.start].strip().lower() in ("", "the"):
            return opening.holder
        return self.last_actor if self.last_actor not in (None, "media", "other") else None

    def there(self) -> str | None:
        """The actor of the first actor or place the narrated sentence before names ("Whether
        Baku applies is for Baku. Officials there …"), whom "officials there" speak for."""
        first = next(iter(self.reg.mentions(self.previous, self.date)), None) if self.previous else None
        return first.holder if first is not None else None

    def _same_side(self, mentions: list[Mention]) -> bool:
        """Whether a bare title's actors are none, or only the last person's side ("the NATO
        official" after a NATO envoy refers back to the envoy)."""
        last = self.last_person
        return all(m.kind == "institution" and last is not None and m.holder == last[1] for m in mentions)

    def by_title(self, phrase: str, *, state: str | None = None) -> Speaker | None:
        """The person a bare title refers back to ("the envoy", "the deputy minister").

        The latest person introduced with the same title words ("the deputy chief" after "the
        Alliance's deputy chief") is the one. Failing that, a specific title noun ("minister",
        "spokesperson") finds the latest person introduced with it; when nobody was, and the
        last person's title is known and lacks it, the title is someone new, an unnamed
        official of the place ("The deputy minister, for his part, said" after an envoy's
        visit to Baku), remembered as the last person. Any other title refers back to the last
        person.
        """
        words = titles.bare_title(phrase)
        for person in reversed(self.persons):
            if words and words in self.titles.get(person[0], ""):
                return person
        specific = titles.SPECIFIC_TITLE.search(phrase)
        if specific is None:
            if self.last_person in self.groups and not speakers.plural_title(phrase):  # "the diplomat" after "Alliance ministers"
                return next((p for p in reversed(self.persons) if not self.title_only(p[0])), self.last_person)
            side = titles.told_before(words, self.recent_texts, self.reg, self.date) if words else None
            if side and self.last_person and side != self.last_person[1]:  # "the liaison officer" told with its actor before
                named = next((" ".join(w) for m in NAME.finditer(phrase) if len(w := speakers.name_words(m.group(0))) > 1), None)
                self.last_person = self._titled((named or f"the {words}", side), words)  # "…, Colonel X of the Czech army"
            return self.last_person
        noun = specific.group(0).lower()
        for person in reversed(self.persons):
            if noun in self.titles.get(person[0], ""):
                return person
        last = self.last_person
        if last is not None and (last[0] not in self.titles or noun in last[0].lower()):
            return last
        place = self._title_in_previous(phrase) or self.where(state, phrase)  # "a spokesman in Brussels" before
        new = speakers.unnamed_speaker(phrase, self.reg, self.date, place=place)
        if new is None:
            return last
        self.last_person = self._titled(new, new[0])
        return new

    def _name_or_title(
        self, phrase: str, mentions: list[Mention], *, allow_names: bool, state: str | None = None
    ) -> Speaker | None:
        if allow_names:
            for match in NAME.finditer(phrase):
                words = speakers.name_words(match.group(0))
                if words and not any(m.start <= match.start() < m.end for m in mentions):
                    own = [m for m in mentions if _names_side(phrase, m, match.end())]
                    holder = own[0].holder if own else (self.place or state or self._untitled_source() or "other")
                    if speakers.EXPERT.search(phrase):
                        holder = "other"  # "a Kremlin-connected commentator, X": an analyst speaks for no actor
                    self.add((" ".join(words), holder))
                    return " ".join(words), holder
        unnamed = speakers.unnamed_speaker(phrase, self.reg, self.date, place=self.where(state, phrase))
        if unnamed and speakers.is_body(unnamed[0]):
            return unnamed  # a ministry is nobody "he" or "the spokesperson" can refer back to
        if unnamed:  # remembered, so that "the spokesperson" finds "a NATO spokesperson" again
            self.titles.setdefault(unnamed[0], unnamed[0].lower())
            self.add(unnamed)
            return unnamed
        if mentions:
            m = mentions[0]
            return phrase[m.start : m.end], m.holder
        return None


def _names_side(phrase: str, mention: Mention, name_end: int) -> bool:
    """Whether an actor a phrase names with a new name gives that name's side: named before it
    ("NATO's Anna Berg") or set after it by "of", "from", "at" or a bracket ("Anna Berg of
    NATO"), not what the person speaks about or to ("Anna Berg on Russia", "… told Russia's
    agency")."""
    return mention.start < name_end or bool(_SIDE_AFTER.fullmatch(phrase, name_end, mention.start))


_SIDE_AFTER = re.compile(r"\s*(?:,\s*)?(?:\(|(?:of|from|at)\s+)(?:the\s+)?")


def _outside_quotes(text: str) -> str:
    """The text with its quotations (:func:`quotes.quote_regions`) blanked out."""
    for a, b in reversed(quote_regions(text)):
        text = f"{text[:a]} {text[b:]}"
    return text


_VERB_WORD = re.compile(REPORTING)
_FIRST_NAME_BEFORE = re.compile(r"([A-ZÀ-ÞĀ-Ž][^\W\d_]+)\s+\Z")


def _other_first_name(text: str, at: int, person: Speaker) -> bool:
    """Whether a known surname follows a first name other than the known person's ("Mikko
    Rantala" after "Aino Rantala": a relative, someone new)."""
    before = _FIRST_NAME_BEFORE.search(text, max(0, at - 30), at)
    words = person[0].split()
    if before is None or len(words) < 2 or before.group(1) in words or _VERB_WORD.fullmatch(before.group(1).lower()):
        return False  # "Said Streltsov:" opens with a verb
    return len(speakers.name_words(f"{before.group(1)} {words[-1]}")) == 2


def _with_title(text: str, person: speakers.Person) -> tuple[int, int]:
    """The span of a person's name with the title that introduced them, before or after it."""
    start, end = person.start, person.end
    if person.title.strip():
        before = text.rfind(person.title, 0, start)
        if before >= 0 and before + len(person.title) >= start - 3:
            start = before
        elif (after := text.find(person.title, end)) >= 0 and after <= end + 3:
            end = after + len(person.title)
    return start, end


def _possessive(text: str, m: Mention) -> bool:
    """A title in the possessive names someone else ("the Secretary General's envoy")."""
    return text[m.end : m.end + 2] in ("'s", "’s")


_THERE_WORD = re.compile(r"\bthere\b", re.IGNORECASE)
_CLAUSE_MARK = re.compile(r"[,;.:!?()\"“”]")


def _person_like(text: str, m: Mention) -> bool:
    """A person, a title, or an institution's person ("a NATO official"): a person noun in the
    mention or in the 20 characters after it, up to a clause mark."""
    if m.kind in ("person", "title"):
        return not _possessive(text, m)
    after = text[m.end : m.end + 20]
    mark = _CLAUSE_MARK.search(after)
    end = m.end + (mark.start() if mark else len(after))
    # the mention's start follows no word character, so ``\b`` reads the same there as at a string's start
    return _PERSON_NOUN.search(text, m.start, end) is not None
