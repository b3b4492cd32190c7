"""Reported speech in narration: whose words or position a sentence without quotation marks carries.

A news sentence reports someone in three common shapes, tried in this order:

- a lead "According to him, …", "According to the envoy, …", "In his words, …", "As she put
  it, …" (found by :mod:`leads`);
- a trailing attribution "…, Anna Berg, the Alliance's spokesperson, told reporters.",
  "…, the Alliance said in a statement." or "…, said the official." (its words found by
  ``trailing``);
- a subject that reports or holds a position: "He noted that …", "Berg stressed …",
  "The envoy welcomed …" (a person: the sentence is that person's, role ``quoted``), or an
  actor at the head of the subject with a verb of position or decision: "The Alliance has
  repeatedly voiced …", "Allies remain committed …", "Moscow has long opposed …" (role
  ``narrator``, the actor holds it). A passive ("Georgia was suspended …") or an actor inside
  a phrase ("Talks mediated by Russia …") is not the subject's own position.

Sources that are not people are read too: a document ("The draft says …"), a survey (which
holds no actor's position, ``other``), positions told in the passive or as received (what only
the Alliance grants, a judge after "by", a reaction where it happened: :mod:`passives`), and a
person whose words a relative clause reports ("…, who told reporters that …").
"""

from __future__ import annotations

import re

from corpus_lib.pipeline import documents, leads, passives, speakers, titles
from corpus_lib.pipeline.clauses import (
    DEFINITE,
    OCCASION_FOR,
    OCCASION_VERBS,
    POSITION,
    POSITION_AFTER,
    SCENE_PARTICIPLES,
    VERBISH,
    first_verbish,
    subject_clause,
    word_finder,
    words_of,
)
from corpus_lib.pipeline.discourse import Discourse, Speaker
from corpus_lib.pipeline.groups import GROUP_REFERENCE, SOME_ALLIES, UNAFFILIATED, members_of
from corpus_lib.pipeline.leads import Attribution, as_attribution, head_actor, is_person
from corpus_lib.pipeline.stances_as_nouns import noun_holder
from corpus_lib.pipeline.trailing import (
    ASIDE_PHRASE,
    BE_BEFORE,
    INTERVIEW_GIVEN,
    REPORTING_WORD,
    inverted_who,
    trailing_who,
)
from corpus_lib.vocab import STATE_HOLDERS

_YOU_LAST = re.compile(r"\byou\s*\Z", re.IGNORECASE)
_PRONOUN_LAST = re.compile(r"\b(?:he|she)\s*\Z", re.IGNORECASE)
# A pronoun that can open a subject: "Her husband, X, …" opens with a possessive, someone else.
_PRONOUN_SUBJECT = re.compile(r"^\W*(?:he|she)\b", re.IGNORECASE)
_PASSIVE = re.compile(
    r"^(?:(?:has|have|had|will|would|could|may|might)\s+)?(?:is|are|was|were|been|be|being)\s+(?:\w+ly\s+|not\s+)*"
    r"(?:\w+ed|told|given|granted|promised|seen|held|known|shown|made|taken|done|left|kept|set|split|hit|led)\b",
    re.IGNORECASE,
)
_NOT_HEAD = re.compile(r"\b(?:of|by|with|between|for|against|to|from|in|on|about|over|under|among|and its|mediated)\b", re.I)
# What an actor does when it takes a position or a decision, besides the reporting and position
# verbs: plain phrases, and joining NATO or applying for membership.
DECISION_PHRASES = (
    r"suspended|suspends|decided|decides|approved|approves|adopted|adopts|pushed|pushes|cautioned|cautions|"
    r"blocked|blocks|vetoed|vetoes|froze|frozen|freezes|dropped|drops|granted|grants|set up|asked|asks|"
    r"requested|requests|ratified|ratifies|stepped up|reluctant|ready|determined|committed|concerned|"
    r"unwilling|willing|eager|keen|opposed|against|in favour|in favor|agreed|agree|remains|remain|"
    r"follows|followed|pursues|pursued|conducts|conducted|believe|argue|think|fear|insist|want|hope|"
    r"accuse|criticise|criticize|condemn|welcome|reject|oppose|urge|warn|demand|made no comment|"
    r"reacted angrily|reacted sharply|reacted cautiously|reacted positively|reacted negatively|reacted coolly|"
    r"reacted calmly|reacted warmly|cautious|wary|careful|cool|sees|see|saw|views|viewed|regards|regarded|"
    r"made no secret|makes no secret|kept out|keeps out|stayed on the sidelines|"
    r"describe|describes|described|resisted|resists|"
    r"sceptical|skeptical|stopped|stops|halted|halts|declined|declines|broke off|breaks off|resumed|resumes|"
    r"restored|restores|severed|severs|cut off|cuts off|reported|planning|intending|seeking|aiming|"
    r"pressing|presses|pressed|pushing for|lobbying|lobbies|lobbied|urging|calling for|insisting|demanding|"
    r"put off|puts off|postponed|postpones|deferred|defers|stayed away|stays away|"
    r"campaigning|knocking on|"
    r"took a different position|went further|shown no|shows no|showed no|shown little|shows little|showed little"
)
JOINING = r"(?:joined|joins|acceded to) (?:nato|the (?:north atlantic )?alliance)(?![’']s)|applie[sd] for (?:\w+ )?membership"
# A position in the future or after a modal, where the verb stands in its base form: "NATO
# leaders will reaffirm …", "Moscow would oppose …".
_BASE_VERBS = (
    "reaffirm|support|welcome|urge|offer|invite|promise|pledge|grant|confirm|stress|seek|oppose|reject|"
    "consider|stop|assist|help|insist|demand|condemn|recognise|recognize|back|endorse|respect|accept"
)
FUTURE_POSITION = (
    rf"(?:will|would|shall|must|should|can|could|may|might|to)\s+(?:not\s+|also\s+|again\s+|continue\s+to\s+)?"
    rf"(?:{_BASE_VERBS})"
)
_ACTOR_VERB = re.compile(rf"\b(?:{POSITION}|{DECISION_PHRASES}|{JOINING}|{FUTURE_POSITION})\b", re.IGNORECASE)
# For a set test before the search: the longest word of each verb or phrase, which must be there
# for the phrase to be ("in favour": favour).
_ACTOR_WORDS = frozenset(
    max(phrase.split(), key=len) for phrase in words_of(f"{POSITION}|{DECISION_PHRASES}")
) | {"joined", "joins", "acceded", "applied", "applies"} | frozenset(words_of(_BASE_VERBS))
_ACTOR_WORD = word_finder(_ACTOR_WORDS)
_STANCE_ADJECTIVE = re.compile(
    r"(?:reluctant|ready|determined|committed|concerned|unwilling|willing|eager|keen|opposed|against|careful|cool|"
    r"in favou?r|cautious|wary|sceptical|skeptical)\Z",
    re.IGNORECASE,
)
def _passive(text: str) -> bool:
    """Whether a verb phrase is passive ("was suspended"), not a stance ("is concerned")."""
    found = _PASSIVE.match(text)
    return bool(found) and not _STANCE_ADJECTIVE.search(found.group())


_STATE_BODY = re.compile(
    r"^(?:the\s+)?(?:foreign|defen[cs]e)\s+ministry\b|^(?:the\s+)?(?:ministry|government|cabinet|parliament)\b|"
    r"^(?:the\s+)?(?:presidential\s+(?:office|administration|press\s+service)|(?:president|prime\s+minister)['’]s\s+office|"
    r"office\s+of\s+the\s+(?:president|prime\s+minister))\b",
    re.I,
)


# A document as the subject: "The draft says …", "the text calls for …" (its author's words).
_DOCUMENT_SUBJECT = re.compile(r"^\W*(?:the|this|its|their)\s+(?:draft|text|statement|declaration|communiqu[eé]|document|resolution|readout)\b", re.I)


def narrated(sentence: str, ctx: Discourse, *, you: Speaker | None = None) -> Attribution | None:
    """Whose words or position a narrated sentence carries, or None when it reports nobody's.
    An agency's lead-in ("It should be noted that", "Note that") is no source; "To recall, …"
    opens the agency's own background unless it reports someone's words ("To recall, the
    Secretary General said …")."""
    recall = _RECALL.match(sentence)
    if recall:  # "To recall, NATO suspended …": the agency's background, unless it reports words
        found = narrated(sentence[recall.end() :].lstrip(" ,"), ctx)
        return found if found and found.role == "quoted" else None
    lead = _AGENCY_LEAD.match(sentence)
    if lead:
        sentence = sentence[lead.end() :]
    return (
        leads.according(sentence, ctx, lambda clause: _subject(clause, ctx, you=None))
        or _trailing(sentence, ctx)
        or leads.inserted(sentence, ctx)
        or _quoted_as(sentence, ctx)
        or _subject(sentence, ctx, you=you)
        or _stance_noun(sentence, ctx)
        or _narration(passives.judged_by(sentence, ctx))
        or _narration(passives.received_at(sentence, ctx))
        or _narration(passives.granted(sentence))
        or _relative_source(sentence, ctx)
        or as_attribution(passives.stated_by(sentence, ctx), ctx)
    )


def _narration(holder: str | None) -> Attribution | None:
    """A narrated position the holder holds, or None."""
    return Attribution("narrator", "narrator", holder) if holder else None


# A person the sentence names whose words a relative clause reports: "… led by NATO's Deputy
# Secretary General, who told a news conference that …".
_WHO_TOLD = re.compile(r",\s+who\s+(?:also\s+|later\s+)?(?:told|said|says|insisted|argued|warned|stressed|added|noted)\b")
_LAST_PHRASE = re.compile(r"(?:^|,\s+|\b(?:by|with|meeting|met)\s+)(?P<who>[^,;:]{3,100})\Z")


def _relative_source(sentence: str, ctx: Discourse) -> Attribution | None:
    """The person a relative clause makes the source ("…, who told the committee that …"),
    where nothing else in the sentence reports anyone's words."""
    found = _WHO_TOLD.search(sentence)
    if found is None:
        return None
    head = sentence[: found.start()]
    people = [p for p in speakers.introduced(head, ctx.reg, ctx.date, place=ctx.place) if p.end >= len(head.rstrip()) - 1]
    if people:
        return as_attribution(ctx.remember(people[-1]), ctx)
    phrase = _LAST_PHRASE.search(head)
    return as_attribution(ctx.resolve(phrase.group("who")), ctx) if phrase else None


def _stance_noun(sentence: str, ctx: Discourse) -> Attribution | None:
    """The owner of a stance noun that opens the sentence ("Baku's insistence …") holds it."""
    holder = noun_holder(sentence, ctx)
    return Attribution("narrator", "narrator", holder) if holder else None


_AGENCY_LEAD = re.compile(
    r"^\W*(?:it should be noted that|it is worth noting that|note that|notably,|reportedly,)\s+", re.IGNORECASE
)
_RECALL = re.compile(r"^\W*(?:to recall|recall that|it should be recalled(?: that)?|it is worth recalling(?: that)?|as a reminder)\b,?", re.I)
# "X was quoted (by Russian media) as saying that …": the passive that still names the source.
_QUOTED_AS = re.compile(r"^\W*(?P<who>[^,;:\"“”]{3,100}?)\s+(?:was|were|has been|had been)\s+quoted\b[^,;:]{0,60}?\bas\s+saying\b")


def _quoted_as(sentence: str, ctx: Discourse) -> Attribution | None:
    if "quoted" not in sentence:
        return None  # the common case, told before the subject clause is cut
    match = _QUOTED_AS.match(subject_clause(sentence))
    return as_attribution(ctx.resolve(match.group("who")), ctx) if match else None


# An agency that reports another's words: "…, Trend reports citing the NATO press service.",
# "…, the agency reported, quoting a ministry spokesman."
_CITING = re.compile(r"\b(?:citing|quoting|with reference to|referring to)\s+(?P<who>[^,;:\"“”]{2,80}?)[.!]?\s*\Z", re.I)


# Titles the Alliance's own staff hold, which an unaffiliated source reporting NATO's position
# holds for NATO ("NATO is not a party …, deputy spokesperson X said"); a minister or an
# ambassador is always a state's.
_INSTITUTION_TITLE = re.compile(r"\b(?:spokes\w+|official|envoy|representative|officer|liaison|secretary)\b", re.IGNORECASE)


def _trailing(sentence: str, ctx: Discourse) -> Attribution | None:
    who = trailing_who(sentence) or inverted_who(sentence)
    if not who or _PRESS_SOURCE.match(who):
        return None  # "…, the Brussels correspondent of X reports": the outlet's own account
    cited = _CITING.search(sentence, sentence.rfind(who))
    if cited:
        return as_attribution(ctx.resolve(cited.group("who")), ctx)
    clause = subject_clause(sentence[: sentence.rfind(who)])
    actor = _actor_subject(clause, first_verbish(clause), ctx)
    # "Azerbaijan welcomes …, Deputy Foreign Minister X said": an official whose title names no
    # state is the state's the sentence is about, before the dateline's
    holder = actor.holder if actor else head_actor(clause, ctx)
    state = holder if holder in STATE_HOLDERS or (holder in ("NATO", "EU") and _INSTITUTION_TITLE.search(who)) else None
    found = as_attribution(ctx.resolve(who, state=state), ctx, who)
    if found and found.holder == "other" and actor and ctx.title_only(found.speaker):
        # "NATO ministers agreed …, diplomats said": an unaffiliated source reports the position of
        # the actor the sentence is about; "its envoy" is remembered as that actor's
        ctx.owned((found.speaker, found.holder), actor.holder)
        return Attribution(found.speaker, found.role, actor.holder)
    if found and found.holder == "other":
        found = Attribution(found.speaker, found.role, ctx.owned((found.speaker, found.holder), holder)[1])
    elif found and holder == "other" and found.holder in STATE_HOLDERS and not speakers.affiliation(who, ctx.reg, ctx.date):
        # "Ukraine will not withdraw …, Deputy Foreign Minister X said in Baku": the subject's
        # minister, a third state's, not the place's
        ctx.add((found.speaker, "other"))
        found = Attribution(found.speaker, found.role, "other")
    return found


# The outlet's own reporter as the source of a trailing attribution.
_PRESS_SOURCE = re.compile(r"(?:the|a|an|our|its)\s+(?:[\w'’-]+\s+){0,3}?(?:reporter|journalist|correspondent)s?\b", re.IGNORECASE)
_RELATIVE = re.compile(r",\s+(?:who|which|whose|where)\b[^,;]{0,150},")
# A relative clause inside an apposition: "X, a career diplomat who was ambassador in Ankara, said": X, a career diplomat, said.
_APPOSED_RELATIVE = re.compile(r"(,\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,5}?[\w'’-]+)\s+(?:who|which|whose)\b[^,;]{1,150}(?=,)")
# A meeting report goes on in the words of whoever received or met the guest: "During the
# meeting, the sides discussed …", "The parties also exchanged views on …".
_SIDES_MET = re.compile(
    r"^\W*(?:(?:during|at) (?:the|a) (?:meeting|talks|visit|conversation)[^,]{0,40},\s+)?(?:the|both) (?:sides|parties) "
    r"(?:also )?(?:discussed|exchanged|agreed|noted|stressed|emphasi[sz]ed|considered|reviewed|touched)\b",
    re.IGNORECASE,
)
# A state's readout of a visit it hosted: "… received a delegation led by …", "… hosted the
# ambassadors of …". The host is the official named before the verb.
_HOSTED = re.compile(
    r"\b(?:received|hosted|welcomed)\s+(?:a|the)\s+(?:[\w'’-]+\s+){0,3}?(?:delegation|ambassadors?|visiting|group|envoy|"
    r"representative|co-?chairs?|mission)\b",
    re.IGNORECASE,
)


def _host(subject: str, ctx: Discourse) -> str | None:
    """The state of the official who hosted a visit: the person or title the subject names."""
    person = speakers.first_introduced(subject, ctx.reg, ctx.date, place=ctx.where(phrase=subject))
    if person and person.holder not in ("other", "media"):
        return person.holder
    unnamed = speakers.unnamed_speaker(subject_clause(subject), ctx.reg, ctx.date, place=ctx.where(phrase=subject))
    return unnamed[1] if unnamed and unnamed[1] not in ("other", "media") else None


_IN_STATEMENT = re.compile(
    r",\s+in an? (?:written |joint )?(?:statement|communiqu[eé]|press release|note)\b(?:[^,;]*,){1,3}?\s+(?=[a-z])",
    re.IGNORECASE,
)
# An unnamed source's relative clause before the verb: "A European official who asked not to be named said",
# "a NATO official we spoke to said".
_ANONYMOUS = re.compile(
    r"\s+(?:who\s+(?:asked|spoke|declined|requested|did not want|refused)\b[^,;]{0,60}?|(?:who(?:m)?\s+)?(?:we|I)\s+"
    r"(?:spoke|talked|met)\s+(?:to|with)(?:\s+\w+){0,3}?)(?=\s+(?:said|says|told|tells|added|argued|noted|insisted|insists|stressed|"
    r"warned|explained|acknowledged|conceded|admitted|suggested|cautioned|believes|thinks)\b)",
    re.IGNORECASE,
)
_ASIDE = re.compile(rf",\s+(?:{ASIDE_PHRASE}),\s+", re.IGNORECASE)
# A participle set off between the subject and its reporting verb, commas and all:
# "The deputy minister, speaking at a news conference with Anna Berg, head of the delegation, said".
_PARTICIPLE_ASIDE = re.compile(
    rf",\s+(?:{SCENE_PARTICIPLES}|wrapping\s+up|concluding|on\s+a\s+visit|"
    r"(?:on|during)\s+(?:a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:visit|trip|tour|stop))\b[^;:\"“”]{0,200}?,\s+"
    r"(?=(?:said|says|told|added|stressed|noted|warned|insisted|underlined|emphasi[sz]ed|explained|declared|stated)\b)",
    re.IGNORECASE,
)


def _subject(sentence: str, ctx: Discourse, *, you: Speaker | None) -> Attribution | None:
    if (ctx.publisher or ctx.host or ctx.last_person) and _SIDES_MET.match(sentence):
        if ctx.publisher:
            return Attribution("narrator", "narrator", ctx.publisher)  # a state's own account of a meeting
        if ctx.host:
            return Attribution("narrator", "narrator", ctx.host)  # the host's readout of a meeting it received
        return Attribution(ctx.last_person[0], "quoted", ctx.last_person[1])  # the host's account of a meeting
    hosted = _HOSTED.search(sentence)
    if hosted:
        host = _host(sentence[: hosted.start()], ctx)
        if host:
            ctx.host = host
            return Attribution("narrator", "narrator", host)  # "Azerbaijan's deputy foreign minister received a delegation"
    clause = subject_clause(sentence)
    if _FIRST_PERSON.match(clause):
        return None  # "We meet Russian officials …, we compare notes …": the speaker's own, nobody else's report
    if " who " in clause or " we " in clause or " I " in clause:
        clause = _ANONYMOUS.sub("", clause)  # "A NATO official who asked not to be named said", "… we spoke to said"
    described = clause
    if "," in clause:  # every cut opens with a comma
        clause = _IN_STATEMENT.sub(" ", clause)  # "X, in a statement released on Monday, called": X called
        clause = _RELATIVE.sub(",", clause)  # "X, who arrived on Monday, said": X said
        clause = _APPOSED_RELATIVE.sub(r"\1", clause)  # "X, a diplomat who served in Ankara, said": X, a diplomat, said
        clause = _ASIDE.sub(" ", clause)  # "The envoy, however, said": the envoy said
        clause = _PARTICIPLE_ASIDE.sub(" ", clause)  # "The minister, speaking at …, with X, head of …, said"
        clause = _without_vocative(clause)  # "Ms Berg, the Allies have said …": the Allies have said
    issuer = documents.says(clause, ctx)
    if issuer:
        return Attribution("narrator", "narrator", issuer)  # "It said the Alliance was …": the document's issuer
    author = (ctx.document_fresh and ctx.document_owner) or ctx.last_actor
    if _DOCUMENT_SUBJECT.match(clause) and author and _ACTOR_VERB.search(clause, 0, 120):
        return Attribution("narrator", "narrator", author)  # "The draft, dated March 24, says …": its author's
    group = UNAFFILIATED.match(clause)
    place = ctx.reg.mentions(group.group("place"), ctx.date) if group and group.group("place") else []
    if group and not (group.group("who").lower() in ("some", "others") and place and place[0].holder != "other"):
        return Attribution("narrator", "narrator", "other")  # "Opposition politicians accuse …", "Some in Europe say …"
    if (some := SOME_ALLIES.match(clause)) and _ACTOR_VERB.search(clause, 0, 120):
        return Attribution("narrator", "narrator", members_of(some))  # "Several Allies remain wary …": NATO's members
    scene = _SCENE_NO_COMMA.match(clause)
    if scene and head_actor(clause[scene.end() :], ctx):
        clause = clause[scene.end() :]  # "In Bucharest the Allies agreed …": the Allies agreed
    verb = first_verbish(clause)
    occasion = _occasion(clause, verb)
    verb = occasion if occasion is not None else verb
    subject = _before_predicate(clause[:verb]) if verb is not None else ""
    if ctx.group and verb is not None and GROUP_REFERENCE.fullmatch(subject.strip()) and not _passive(clause[verb:]):
        return Attribution("narrator", "narrator", ctx.group[1])  # "They also invited …" after "NATO leaders …"
    body = _PLURAL_BODY.fullmatch(subject.strip()) if verb is not None and not ctx.group else None
    told = titles.told_before(body.group("noun"), ctx.recent_texts, ctx.reg, ctx.date) if body else None
    if told not in (None, "media", "other") and not _passive(clause[verb:]):
        return Attribution("narrator", "narrator", told)  # "The ministers also asked …" after "NATO foreign ministers …"
    if verb is not None and (INTERVIEW_GIVEN.match(clause, verb) or (_INTERVIEW_WORDS.search(clause, 0, verb) and INTERVIEW_GIVEN.search(clause, 0, verb))):
        return None  # "X answered the questions of the agency", "X talked to the paper about Y's hopes": the interview's setting
    if (verb is not None and len(subject.split()) <= 24 and not _COLON_CLAUSE.search(subject) and not _OBJECT_VERB.search(subject)
            and not _QUESTION_SUBJECT.match(subject) and (occasion is not None or POSITION_AFTER.match(clause[verb:]))):
        found = _person_subject(subject, ctx, you=you)
        if found and found.role == "quoted" and _expert_aside(described, clause[verb:]):
            ctx.add((found.speaker, "other"))  # "X, who teaches at a university, said": nobody's side
            found = Attribution(found.speaker, "quoted", "other")
        if found and found.role == "quoted" and found.holder == "other":
            name, holder = _introduced_in(sentence, (found.speaker, found.holder), ctx)
            found = Attribution(name, "quoted", holder)
        if found and found.holder == "other" and _UNNAMED_SOURCE.fullmatch(subject.strip(" ,")):
            found = found._replace(holder=_institution_reported(clause[verb:], ctx) or "other")
        if found and found.role == "quoted":
            found = _as_then(sentence, found, ctx)
        if found:
            return found
    known = _known_subject(subject, ctx) if verb is not None and _HEARD_OR_WAITING.match(clause[verb:]) else None
    if known:
        return Attribution(known[0], "quoted", known[1])  # "Kobiashvili is not waiting for Brussels."
    return _actor_subject(clause, verb, ctx)


# A protagonist's stance told as what they have heard or are not waiting for, or how they
# compare: "has heard the argument before", "is not waiting for Brussels", "was less diplomatic".
_HEARD_OR_WAITING = re.compile(
    r"(?:has|have|had)\s+(?:\w+ly\s+)?heard\b|(?:is|are|was|were)\s+(?:not|no\s+longer)\s+waiting\b|"
    r"(?:is|are|was|were)\s+(?:less|more|far\s+less|far\s+more|rather\s+less)\s+(?:diplomatic|patient|optimistic|hopeful|charitable)\b|"
    r"(?:has|have|had)\s+(?:little|no)\s+(?:patience|time|faith|illusions)\b",
    re.IGNORECASE,
)


def _known_subject(subject: str, ctx: Discourse) -> Speaker | None:
    """The person a surname alone as the subject names, where the text named them in full before
    with a side of their own: what the narration says of a feature's protagonist ("Ekholm has
    heard the argument before.") is theirs."""
    surname = speakers.surname_alone(subject) if not ctx.reg.mentions(subject, ctx.date) else None
    who = (ctx.known(surname) or (ctx.resolve(surname) if speakers.full_name_before(surname, ctx.recent_texts) else None)
           if surname else None)
    return who if who and " " in who[0] and who[1] != "media" else None


# Unnamed diplomats or sources with no actor of their own: "Western diplomats in Baku",
# "diplomats at Alliance headquarters", "one ambassador", "two sources".
_UNNAMED_SOURCE = re.compile(
    r"(?:(?:western|european|allied|foreign|several|some|many|two|three|one|other|senior)\s+){0,2}"
    r"(?:diplomats?|ambassadors?|sources?|envoys?)(?:\s+(?:in|at|from)\s+[\w'’ -]{2,40})?",
    re.IGNORECASE,
)
# A reporting verb and "that" before the reported clause.
_REPORT_OPENING = re.compile(r"^\s*\w+(?:\s+(?:that|on\s+\w+))?\s+", re.IGNORECASE)


def _institution_reported(rest: str, ctx: Discourse) -> str | None:
    """The Alliance or the Union where a clause an unnamed source reports opens with it ("… said
    the Allies had never pressed Baku"): the source tells the institution's position."""
    opening = _REPORT_OPENING.match(rest)
    holder = head_actor(rest[opening.end() :], ctx) if opening else None
    return holder if holder in ("NATO", "EU") else None


def _expert_aside(described: str, rest: str) -> bool:
    """Whether the words set off between a subject and its verb make the subject an expert
    ("X, who teaches at a university in Tbilisi, said"), a cut that leaves only the name."""
    end = described.find(rest[:40]) if rest else -1
    return end > 0 and "," in described[:end] and bool(speakers.EXPERT.search(described, described.find(","), end))


# An actor's delegation and the person who leads it: "Armenia's delegation, led by Deputy Defence
# Minister X, said" (X speaks for the delegation's actor, whatever the sentences before held).
_LED_BY = re.compile(r"^\W*(?P<owner>[^,;:\"“”]{2,40}?)['’]s?\s+(?:delegation|team|mission|negotiators)\s*,\s+(?:led|headed)\s+by\s")
# A "verb" found after a preposition is a gerund, the object of another verb ("… fault the Allies
# for saying too little"): what comes before it is no subject.
_OBJECT_VERB = re.compile(r"\s(?:for|with|by|of|about|from|without)\s*\Z", re.IGNORECASE)
# A first predicate coordinated with the position verb: "Moscow hosted the ministers and
# announced a truce" has its subject before "hosted".
_FIRST_PREDICATE = re.compile(r"[\s,]+(?-i:[a-z]+ed|met|held|led|took|gave|made|spent|went|came|paid)\s[^;:]*\band\s*\Z")


def _before_predicate(subject: str) -> str:
    """The subject without a predicate coordinated before the verb found ("… hosted X and")."""
    if not subject.rstrip().endswith(" and"):
        return subject
    found = _FIRST_PREDICATE.search(subject)
    if found is None or " and " in subject[: found.start()]:
        return subject  # "X and Y shared a stage and disagreed": two subjects, nobody's position
    return subject[: found.start()] + " "


# A clause in the first person: the speaker's own words, which name no other source as subject
# ("We meet Russian officials …"); not "We Allies said", a plural that reports.
_FIRST_PERSON = re.compile(r"(?:we|i)\s+(?!\w+\s+(?:said|says|told|tells)\b)", re.IGNORECASE)
# A colon that opens a clause in lower case: "officials draw the opposite lesson: that a people's
# wish, once expressed, …" has its verb before the colon, so no subject runs past it.
_COLON_CLAUSE = re.compile(r":\s+(?-i:[a-z])")
# A subject that is an embedded question ("Whether Tbilisi gets what it wants …"): nobody speaks.
_QUESTION_SUBJECT = re.compile(r"^\W*(?:whether|how|what|why)\b", re.IGNORECASE)
# The verbs of ``OCCASION_FOR`` and of ``INTERVIEW_GIVEN``, for a cheap first test.
_OCCASION_WORDS = re.compile(rf"\b(?:{'|'.join(OCCASION_VERBS)})\b")
_INTERVIEW_WORDS = re.compile("spoke|talked|answered|gave|sat down")


def _occasion(clause: str, verb: int | None) -> int | None:
    """Where a verb that uses an occasion for a position starts ("ended her tour by telling …",
    "used talks to urge …"), when it comes before the first verb-like word; else None."""
    if (" by " not in clause and " to " not in clause) or _OCCASION_WORDS.search(clause) is None:
        return None
    found = OCCASION_FOR.search(clause, 0, len(clause) if verb is None else verb + 200)
    return found.start() if found and (verb is None or found.start() < verb) else None


def _person_subject(subject: str, ctx: Discourse, *, you: Speaker | None) -> Attribution | None:
    if you and _YOU_LAST.search(subject):
        return Attribution("interviewer", "interviewer", you[1])
    if _PRONOUN_SUBJECT.match(subject) or _PRONOUN_LAST.search(subject):
        return Attribution(ctx.last_person[0], "quoted", ctx.last_person[1]) if ctx.last_person else None
    if _STATE_BODY.fullmatch(subject.strip(" ,")):
        return None  # "the prime minister's office said": a body of the place's state (see _actor_subject)
    apposed = _TITLE_APPOSED.match(subject)  # "The Belgian diplomat, NATO's deputy special representative, said"
    side = speakers.affiliation(apposed.group("post"), ctx.reg, ctx.date) if apposed else None
    if side not in (None, "other", "media") and DEFINITE.match(apposed.group("title")):
        who = ctx.by_title(apposed.group("title"))
        return Attribution(who[0] if who else apposed.group("title"), "quoted", side)
    if DEFINITE.match(subject.strip()) and not ctx.reg.mentions(subject, ctx.date):
        who = ctx.by_title(subject)
        if who and speakers.EXPERT.search(subject):  # "The deputy chairman, an opposition member, …": nobody's side
            return Attribution(who[0], "quoted", "other")
        return Attribution(who[0], "quoted", who[1]) if who else None
    who = ctx.resolve(subject)
    led = _LED_BY.match(subject)  # "Armenia's delegation, led by Deputy Minister X, said": the delegation's actor
    owner = ctx.reg.mentions(led.group("owner"), ctx.date) if led and who else []
    if owner and who[1] != owner[0].holder and not speakers.affiliation(subject[led.end() :], ctx.reg, ctx.date):
        who = (who[0], owner[0].holder)
        ctx.add(who)
    if who is not None and speakers.is_body(who[0]):
        return Attribution("narrator", "narrator", who[1])  # "the press service of the ministry said": narrated
    if who is None or not (is_person(who, ctx) or speakers.ROLE.search(who[0])):
        return None
    title = subject if titles.points_back(subject) else who[0]  # "A member of its delegation, Anna Berg, said"
    who = ctx.owned(who, ctx.where(phrase=title), title=title)  # "A member of its delegation said": the actor of "its"
    return Attribution(who[0], "quoted", who[1])


# A plural body named again bare: "The ministers also …", "The ambassadors, who met on Tuesday, …".
_PLURAL_BODY = re.compile(
    r"the\s+(?P<noun>ministers|leaders|ambassadors|foreign\s+ministers|defence\s+ministers)(?:\s+(?:also|then|later|again|\w+ly))*",
    re.IGNORECASE,
)
# A scene or time opening the sentence with no comma before the subject: "In Bucharest the
# Allies agreed", "At Bucharest in April the Allies promised", "In 2008 the Allies wrote".
_SCENE_NO_COMMA = re.compile(
    r"^\W*(?:in|at)\s+(?:(?-i:[A-Z])[\w'’-]+|\d{4})(?:\s+(?:in|on)\s+(?:(?-i:[A-Z])[\w'’-]+|\d{4})(?:\s+\d{4})?)?\s+(?=\S)",
    re.IGNORECASE,
)
# A bare title with an actor's post set off after it: "The Belgian diplomat, NATO's deputy special
# representative for the region," (the post says whose the person is).
_TITLE_APPOSED = re.compile(r"^\W*(?P<title>(?:the|this|that)\s+[^,;:]{2,40}?),\s+(?P<post>[^,;:]{3,100}?),?\s*\Z", re.IGNORECASE)


# The post a person held when they spoke, set before the subject: "In 2017, as a spokeswoman
# for Sweden's foreign ministry, she told …", "As foreign minister, he had argued …".
_AS_POST = re.compile(r"^\W*(?:(?:in|by|until)\s+(?:\w+\s+)?\d{4},\s*)?as\s+(?P<title>[^,;:]{3,90}),", re.IGNORECASE)


def _as_then(sentence: str, found: Attribution, ctx: Discourse) -> Attribution:
    """A person's words under the post the sentence says they held then, if it names its actor."""
    post = _AS_POST.match(sentence)
    if post is None or not speakers.ROLE.search(post.group("title")):
        return found
    holder = speakers.affiliation(post.group("title"), ctx.reg, ctx.date)
    return Attribution(found.speaker, found.role, holder) if holder else found


def _introduced_in(sentence: str, who: Speaker, ctx: Discourse) -> Speaker:
    """The side the whole sentence gives a person its subject names without a title ("Tural
    Safarli, who heads the ministry's department, took …": the relative clause is cut from the
    subject, not from the introduction), or the side of the post it points back to ("X, a Dutch
    diplomat who has held the post since 2004, described …" after "NATO's envoy said …")."""
    if who[1] != "other":
        return who
    said_in = _SAID_IN.search(sentence)  # "Foreign ministry spokeswoman X said in Moscow that …": Moscow's
    place = (speakers.place_holder(f"In {said_in.group(1)},", ctx.reg) if said_in else None) or ctx.where(phrase=sentence)
    for person in speakers.introduced(sentence, ctx.reg, ctx.date, place=place):
        if person.name == who[0] and person.holder != "other":
            ctx.add((person.name, person.holder))
            return person.name, person.holder
        if person.name == who[0]:
            return ctx.remember(person)
    return who


# Where the source spoke, right after the verb: "… said in Moscow that", "… told reporters in Baku".
_SAID_IN = re.compile(
    r"\b(?:said|says|added|stated|announced|declared|told\s+(?:reporters|journalists|a\s+\w+(?:\s+\w+)?))"
    r"(?:\s+on\s+\w+)?\s+in\s+([A-Z][a-z]+)\b"
)


# Officials of a place told by "there" (the place the sentence before named: "In Yerevan, the
# mood has changed. Officials there …") or "here" (the dateline's: "Officials here say …").
_THERE = re.compile(
    r"^\W*(?:(?:the\s+)?(?:senior|local|government)\s+)?(?:officials|diplomats|(?:the\s+)?authorities|policymakers|"
    r"the\s+government)(?:\s+(?P<where>there|here)\b|(?=\s+(?!(?:of|from|in|at|for|to|who|with)\b)\w))",
    re.IGNORECASE,
)
# The people who speak for an actor, after the actor at the head of the subject ("Armenian
# officials", "Georgia's government"): whatever they do in the active is the actor's conduct.
_PEOPLE_AFTER = re.compile(r"['’]?s?\s+(?:\w+\s+)?(?:officials|diplomats|authorities|government|leadership)\b", re.IGNORECASE)
_PEOPLE_WORD = re.compile(r"\b(?:officials|diplomats|ministers|authorities|government|leadership|policymakers)\b", re.IGNORECASE)
# People of a place before it: "Some ministers in Yerevan", "Officials in Baku".
_PEOPLE_LEAD = re.compile(
    r"^\W*(?:(?:many|some|most|several|senior)\s+)?(?:\w+\s+)?(?:officials|ministers|diplomats)\s+(?:in|of|from)\s+(?:the\s+)?\Z", re.I
)
# The verb right after such a subject: an auxiliary, or a word that is no preposition, conjunction or relative.
_ACTIVE_NEXT = re.compile(
    r"(?:,[^,;:]{1,40},|\s+(?:in|at|on)\s+[A-Z][\w'’-]+)?\s+(?:also\s+|themselves\s+|still\s+|now\s+|\w+ly\s+)?"
    r"(?!(?:who|whom|which|that|in|at|from|of|on|for|with|and|or|to|as|by|under|over|close|familiar|here|there)\b)(?P<verb>[a-z]+)\b"
)


def _there(where: str | None, ctx: Discourse) -> str | None:
    """The actor of the place officials are of: "there" is the place the sentence before named,
    "here" the dateline's, and bare "officials" those of the sentence's own place ("In Baku,
    officials …")."""
    if where is None:
        return ctx.place
    return ctx.there() if where.lower() == "there" else ctx.dateline or ctx.publisher


def _actor_subject(clause: str, verb: int | None, ctx: Discourse) -> Attribution | None:
    """The actor at the head of the clause's subject, when a position or decision verb follows
    within a few words and is not passive ("Russia annexed …" narrates an event, not a position)."""
    if verb is not None and _passive(clause[verb:]):
        return None
    if _ACTOR_WORD.search(clause[:200].lower()) is None and not _PEOPLE_WORD.search(clause, 0, 80) \
            and not _OCCASION_WORDS.search(clause, 0, 120):
        return None  # no position or decision verb near the start, and no officials: nobody's position
    head = clause[:verb] if verb is not None else clause[:80]
    body_of = ctx.where(phrase=head) if _STATE_BODY.match(head.strip()) else None
    if body_of and _ACTOR_VERB.search(clause[:120]):  # "The ministry said": the state of the place or paragraph
        return Attribution("narrator", "narrator", body_of)
    some = SOME_ALLIES.match(head)
    there = None if some else _THERE.match(clause)
    lead = ""
    if some:  # "several Allies": the Alliance's members
        holder, end = members_of(some), some.end()
    elif there and (place := _there(there.group("where"), ctx)):
        holder, end = place, there.end()  # "Officials there": of the place the sentence before named
    else:
        mentions = ctx.reg.mentions(head, ctx.date)
        lead = head[: mentions[0].start] if mentions else ""
        owned = _OWNED_BY.match(lead) or (_BODY_OF.search(lead) and len(lead.split()) <= 14)
        if not mentions or (not owned and (_NOT_HEAD.search(lead) or len(lead.split()) > 2)):
            return None
        holder, end = mentions[0].holder, mentions[0].end
        if _THING_OF.match(clause, end):
            return None  # "the Russian military base in Gyumri remains …": a thing of the actor, not the actor
    after = None if there or some else _PEOPLE_AFTER.match(clause, end)  # "Armenian officials …"
    if there or after or (not some and _PEOPLE_LEAD.match(lead)):  # "Officials there …", "Some ministers in Yerevan …"
        end = after.end() if after else end  # their conduct, whatever the active verb
        active = _ACTIVE_NEXT.match(clause, end)
        if active and not _passive(clause[active.start("verb") :]):
            return Attribution("narrator", "narrator", holder)
    apposition = _APPOSITION.match(clause, end)  # "France, one of the co-chairs, has called …"
    rest = clause[apposition.end() if apposition else end :].split()
    if _OCCASION_NEXT.match(" ".join(rest[:16])):  # "Tbilisi used the moment to press its case …"
        return Attribution("narrator", "narrator", holder)
    window = " ".join(rest[:8])
    found = next((v for v in _ACTOR_VERB.finditer(window) if _verb_here(window, v)), None)
    if found is None and (said := _AND_SAID.search(" ".join(rest[:20]))):
        window, found = said.string, said  # "Azerbaijan sent a deputy minister to the session and said …"
    if found is None or _passive(window[found.start() :]):
        return None
    if _JOINED.match(found.group()) and _IN_YEAR.search(clause) and not _ON_DAY.search(clause):
        return None  # "Azerbaijan joined the Partnership for Peace in 1994": the outlet's background, not the news
    if BE_BEFORE.search(window[: found.start()]) and not _STANCE_ADJECTIVE.match(found.group()):
        return None  # "was suspended" narrates; "were reluctant" holds a position
    return Attribution("narrator", "narrator", holder)


# A reporting verb coordinated after the actor's first predicate: "… and said", "… and also warned".
_AND_SAID = re.compile(r"(?<=\band\s)(?:also\s+|then\s+)?(?:said|says|stressed|warned|insisted|declared|announced|urged|called)\b")
# An occasion used for a position right after the subject ("used the moment to press …").
_OCCASION_NEXT = re.compile(rf"(?:(?:has|have|had|also|again|quickly|promptly)\s+)?{OCCASION_FOR.pattern}", re.IGNORECASE)


def _verb_here(window: str, verb: re.Match) -> bool:
    """Whether a verb match is a verb of the clause: in lower case ("the United States" names a
    country), a word of its own ("Armenian-backed forces" names the forces) and, for "keep
    saying", not after a modal."""
    if verb.group().startswith("keep ") and _MODAL_BEFORE.search(window, 0, verb.start()):
        return False  # "cannot keep telling": a judgement of what an actor does, not its words
    return verb.group()[0].islower() and (verb.start() == 0 or window[verb.start() - 1] != "-")


_MODAL_BEFORE = re.compile(r"(?:cannot|can['’]t|not|to|must|should)\s+\Z", re.IGNORECASE)


# An act of joining dated by its year only ("joined … in 1994", "since 2004"), told as background;
# the same act dated to a day ("on Wednesday", "today") is the article's news, the actor's.
_JOINED = re.compile(rf"(?:{JOINING})\Z", re.IGNORECASE)
_IN_YEAR = re.compile(r"\b(?:in|since|by|until)\s+(?:(?:early|late|mid-?)\s*)?(?:19|20)\d{2}\b", re.IGNORECASE)
_ON_DAY = re.compile(
    r"\b(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|this\s+week)\b", re.IGNORECASE
)


_VOCATIVE = re.compile(
    r"^(?:(?:Mr|Ms|Mrs|Dr|Madam|Minister|Ambassador|General|Professor)\.?(?:\s+[A-Z][\w'’-]+){1,2}|"
    r"(?:Mr\.?\s+|Madam\s+)?(?:Deputy\s+)?(?:Secretary[- ]General|Minister|Ambassador|President|Special Representative|"
    r"General|Admiral|Colonel))\s*,\s+"  # "Ms Berg, …", "Secretary General, …": the guest addressed
)
# A title set off after the name, with no verb of its own: "Mr Berg, a former envoy, said" names
# its speaker; "Ms Berg, the Allies have said …" addresses one.
_APPOSED_TITLE = re.compile(r"(?:a|an|the)\s[^,;:]{1,100},")


def _without_vocative(clause: str) -> str:
    """The clause without the guest it opens by addressing ("Ms Berg, the Allies have said …")."""
    found = _VOCATIVE.match(clause)
    if found is None:
        return clause
    title = _APPOSED_TITLE.match(clause, found.end())
    if title and not VERBISH.search(title.group()):
        return clause  # "Mr Berg, a former envoy, said": an apposition, not an address
    return clause[found.end() :]
# An apposition set off by commas: a comma, a space, then words without a clause mark or a
# quotation mark up to the next comma. Written as one character class, so that a clause with no
# closing comma fails in one scan (a repeated group of words there backtracks through every way
# of cutting the words into groups). A reporting verb right after the comma opens no apposition:
# it is what is left of a cut relative clause ("Azerbaijan, said through its ministry that the
# talks, not blocs, …").
_APPOSITION = re.compile(r",\s(?!(?:" + REPORTING_WORD.pattern + r"))[^,;:\"“”]+,", re.IGNORECASE)
# A thing an actor owns or fields, named by the actor's adjective ("the Russian military base",
# "Azerbaijani gas"): it takes no position, so the clause is not the actor's.
_THING_OF = re.compile(
    r"\s+(?:military\s+|air\s+|naval\s+|border\s+)?(?:bases?|troops|forces|soldiers|servicemen|peacekeepers|"
    r"contingents?|territor(?:y|ies)|borders?|gas|oil|pipelines?|economy|market|weapons|arms|missiles?)\b",
    re.I,
)
# A state's body named before its state: "The Defence Committee of the Parliament of …",
# "The Standing Committee on Foreign Relations of the National Assembly of …".
_BODY_OF = re.compile(
    r"\b(?:committee|commission|parliament|assembly|government|ministry|council|cabinet|administration|"
    r"delegation|mission|embassy)\b(?:[^,;:]*?)\bof\s+(?:the\s+)?(?:republic\s+of\s+)?\Z",
    re.IGNORECASE,
)
# Heads that speak for the actor after them: people of a place ("many in Baku") and an actor's
# own bodies ("the press service of Azerbaijan's Foreign Ministry", "the embassy of Armenia").
_OWNED_BY = re.compile(
    r"^\W*(?:(?:many|some|most|few|others|people|officials|authorities|leaders|(?:\w+\s+)?(?:ministers|diplomats))\s+in|"
    r"(?:\w+\s+)?(?:ministers|diplomats|ambassadors|leaders|officials)\s+(?:of|from)|(?:the\s+)?(?:press\s+(?:service|office)|"
    r"embassy|mission|delegation|foreign\s+ministry|ministry\s+of\s+(?:foreign\s+affairs|defen[cs]e))\s+(?:of|to))\s+(?:the\s+)?\Z",
    re.I,
)
