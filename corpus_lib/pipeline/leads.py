"""Leads that name a source, and what a resolved source makes of a sentence.

A news sentence can give its words to someone before or inside its own clause: "According to
the envoy, …", "In the view of X, an EU diplomat, …", "In his words, …", "As she put it, …",
"Cooperation, in the ministry's account, is …", "Georgia's drift, officials in Moscow say, was
…", "Talks, he said, remain …". :func:`according` and :func:`inserted` find that source and
:func:`as_attribution` turns it into the sentence's speaker, role and holder: a person's words
are theirs (``quoted``), an institution's are narrated, a survey holds no actor's position.
:mod:`reported` tries these before the subject of the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from corpus_lib.pipeline import speakers, titles
from corpus_lib.pipeline.clauses import DEFINITE, PRONOUN, ROLE_NOUNS, first_verbish, subject_clause
from corpus_lib.pipeline.discourse import Discourse, Speaker
from corpus_lib.pipeline.trailing import REPORTING_WORD


class Attribution(NamedTuple):
    """Who a narrated sentence belongs to."""

    speaker: str
    role: str
    holder: str


# Reads a clause as narration: who holds it, or None (the subject path of :mod:`reported`).
Narrate = Callable[[str], "Attribution | None"]


_ACCORDING = re.compile(
    r"^\W*(?:\w+,\s+)?(?:(?:according\s+to|in\s+the\s+(?:words|view|opinion|assessment|eyes|account|reading)\s+of)"
    rf"\s+(?P<who>[^,;:\"“”]{{2,120}}?(?:,\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,4}}?(?:{ROLE_NOUNS})\b[^,;:\"“”]{{0,40}}?)?)|"
    r"in\s+(?P<owner>[^,;:\"“”]{2,80}?)['’]s?\s+(?:view|opinion|assessment|eyes|estimation|"
    r"account|telling|reading|version)"
    r"|as\s+far\s+as\s+(?P<concerned>[^,;:\"“”]{2,80}?)\s+(?:is|are|was|were)\s+concerned),\s",
    re.IGNORECASE,
)
# The same set off after the subject: "Cooperation, in the view of the Armenian side, is …",
# "Moscow, in the ministry's account, had been …".
_IN_ACCOUNT = re.compile(
    r"^[^,;:\"“”]{1,80},\s+in\s+(?:the\s+(?:words|view|opinion|assessment|account|reading)\s+of\s+(?P<who>[^,;:\"“”]{2,80}?)|"
    r"(?P<owner>[^,;:\"“”]{2,60}?)['’]s?\s+(?:view|opinion|assessment|account|telling|reading|version)),\s",
    re.IGNORECASE,
)
# Other leads that give the words to someone: "In his words, …", "In her view, …", "As he put it, …",
# "As the envoy noted, …"; set off after the subject too: "The settlement, in his account, was …".
_IN_WORDS = re.compile(
    r"^\W*(?:[^,;:\"“”]{1,80},\s+)?in\s+(?:his|her)\s+(?:words|view|opinion|assessment|estimation|account|telling|reading|version),\s",
    re.I,
)
_AS_SAID = re.compile(
    r"^\W*(?:\w+,\s+)?as\s+(?P<who>[^,;:\"“”]{2,80}?)\s+(?:put\s+it|(?:has\s+|had\s+)?(?:noted|said|stressed|"
    r"underlined|emphasi[sz]ed|pointed\s+out|explained|added|recalled|remarked|observed))\b[^,;:\"“”]{0,40},\s",
    re.IGNORECASE,
)

# "According to X" set off later in the sentence: "The summit, according to a diplomat, was
# split …", "… was split, according to a diplomat."
_ACCORDING_LATER = re.compile(
    r",\s+according\s+to\s+(?P<who>[^,;:\"“”]{2,100}?)(?:,\s|[.!]?[\"”’]?\s*\Z)", re.IGNORECASE
)


def _source(match: re.Match[str]) -> str:
    """The source a lead names: "according to X", "in X's view", "as far as X is concerned"."""
    groups = match.groupdict()
    return next(groups[k] for k in ("who", "owner", "concerned") if groups.get(k))


def lead_source(sentence: str, ctx: Discourse) -> Speaker | None:
    """The source a sentence's lead names ("According to him, …", "In her words, …", "As the
    envoy put it, …"), or None: a partial quotation later in the sentence is that source's."""
    match = _ACCORDING.match(sentence) or _AS_SAID.match(sentence)
    if match:
        return ctx.resolve(_source(match))
    return ctx.last_person if _IN_WORDS.match(sentence) else None


def according(sentence: str, ctx: Discourse, narrate: Narrate) -> Attribution | None:
    """A lead that names the source: "According to X, …", "In his words, …", "As X put it, …".
    ``narrate`` reads a clause as narration (:func:`reported._subject`), for an unnamed witness's
    account of what an actor did."""
    match = _ACCORDING.match(sentence) or _AS_SAID.match(sentence)
    later = None
    if match is None and "ccording to" in sentence:
        match = later = _ACCORDING_LATER.search(sentence)
    if match and _RECORDS.search(_source(match)):
        return None  # "…, according to official counts": the outlet's own account of figures
    if match:
        source = _source(match)
        found = as_attribution(ctx.resolve(source), ctx, source)
        document = later and _DOCUMENT_WORDS.search(source)
        head = head_actor(sentence, ctx) if document and found and found.holder == "other" else None
        # "Azerbaijani officials, according to a ministry statement, raised …": the subject's
        if head:
            return found._replace(holder=head)
        witness = later and found and found.holder == "other" and _WITNESS.match(source)
        witnessed = _witnessed_act(sentence, later, ctx, narrate) if witness else None
        return Attribution("narrator", "narrator", witnessed) if witnessed else found
    if _IN_WORDS.match(sentence) and ctx.last_person:
        return Attribution(ctx.last_person[0], "quoted", ctx.last_person[1])
    viewer = _FOR.match(sentence) if sentence.lstrip(" \"“'‘").startswith(("For ", "for ")) else None
    if viewer and (holder := _viewer(viewer.group("who"), ctx)):
        return Attribution("narrator", "narrator", holder)  # "For Yerevan, partnership is not membership"
    account = _IN_ACCOUNT.match(sentence) if ", in " in sentence else None
    if account:
        source = _source(account)
        return as_attribution(ctx.resolve(source), ctx, source)
    aside = _ASIDE_SOURCE.match(sentence) if ", " in sentence else None
    if aside and _DOCUMENT.match(aside.group("who")) and ctx.recent_holder:
        return Attribution("narrator", "narrator", ctx.recent_holder)  # "…, the statement said, …": its author's
    if aside and not PRONOUN.match(aside.group("who")):  # "he pointed out" is the subject path's
        found = as_attribution(ctx.resolve(aside.group("who")), ctx)
        if found and found.holder == "other" and titles.points_back(aside.group("who")):
            # "Baku will not apply, a member of its delegation said, noting …": the subject's
            found = found._replace(holder=ctx.owned((found.speaker, found.holder), head_actor(sentence, ctx))[1])
        return found
    return None


# A lead that gives the view of the one it names: "For Baku, by contrast, …", "For Armenia's
# government, …", "For X, a presidential adviser, the problem is …".
_FOR = re.compile(
    r"^\W*for\s+(?P<who>[^,;:\"“”]{2,60}?(?:,\s+(?:a|an|the|who)\s+[^,;:\"“”]{2,80}?)?)"
    r"(?:,\s+(?:by\s+contrast|however|though|meanwhile|too|in\s+turn))?,\s",
    re.IGNORECASE,
)


_PART = re.compile(r"^(?:his|her|its|their|our|my)\s+part\b", re.IGNORECASE)
_COUNTRY = re.compile(r"^(?:Azerbaijan|Armenia|Russia|Georgia|Ukraine|Turkey|Moldova|Belarus|Iran)(?:,.*)?\Z", re.DOTALL)


def _viewer(who: str, ctx: Discourse) -> str | None:
    """The actor a "For X, …" lead gives the view of: an actor X names first (a capital, a
    government, the Alliance), or a person known before or introduced there with a side; None
    for a time ("For years, …"), "For her part" (the subject's), a country by its name alone
    ("For Azerbaijan, the stakes are plain" is the outlet's reading of its interests) or a person
    of no side."""
    if _PART.match(who) or _COUNTRY.match(who):
        return None
    if speakers.EXPERT.search(who) and speakers.name_words(who.split(",")[0]):
        ctx.add((" ".join(speakers.name_words(who.split(",")[0])), "other"))  # "For X, who teaches …": nobody's side
        return "other"
    mentions = ctx.reg.mentions(who, ctx.date)
    if mentions and who[: mentions[0].start].strip().lower() in ("", "the"):
        return mentions[0].holder if mentions[0].holder not in ("media", "other") else None
    named = speakers.name_words(who.split(",")[0]) or PRONOUN.match(who) or (_SURNAME.fullmatch(who) and (ctx.known(who) or speakers.full_name_before(who, ctx.recent_texts)))
    person = ctx.resolve(who) if named or (DEFINITE.match(who) and ctx.last_person) else None
    return person[1] if person and person[1] not in ("media",) else None


_SURNAME = re.compile(r"[A-ZÀ-Þ][\w'’-]+")  # "For Beridze, …": a person named before or in recent narration, by surname


def _witnessed_act(sentence: str, according: re.Match[str], ctx: Discourse, narrate: Narrate) -> str | None:
    """The actor whose act a sentence tells with an unnamed witness as its source ("Allied
    ambassadors discussed the fighting, according to a diplomat"): the sentence without the
    "according to" clause read as narration, or the actor opening its subject when it acts;
    None where it describes ("The summit, according to a diplomat, was split …")."""
    rest = sentence[according.end() :]
    clause = sentence[: according.start()] + (" " + rest if rest.strip() else ".")
    told = narrate(clause)
    verb = first_verbish(clause)
    acts = verb is None or not _BE_NEXT.match(clause, verb)
    holder = told.holder if told else (head_actor(clause, ctx) if acts else None)
    return holder if holder not in (None, "media", "other") else None


# A verb that describes a state rather than telling an act: "The summit … was split".
_BE_NEXT = re.compile(r"(?:is|are|was|were|has\s+been|have\s+been|had\s+been|remains?|remained|seems?|seemed)\b", re.IGNORECASE)
# Unnamed people who saw or heard it, whom a report cites for what an actor did: "a diplomat",
# "two diplomats there", "diplomats who attended", "a member of the Georgian delegation".
_WITNESS = re.compile(
    r"^(?:(?:a|an|one|two|three|several|some|other)\s+)?(?:[\w-]+\s+){0,2}?(?:diplomats?|officials?|sources?|"
    r"participants?|delegates?|people|members?\s+of\s+the\s+[\w\s-]{2,40}?delegation)\b",
    re.IGNORECASE,
)
# Records a figure comes from, which hold no position: "official counts", "the latest estimates".
_RECORDS = re.compile(r"\b(?:counts?|figures|estimates?|data|statistics|tall(?:y|ies)|census|polls?|surveys?)\s*$", re.I)
_DOCUMENT = re.compile(r"^(?:the|this|that|its|their)\s+(?:statement|communiqu[eé]|declaration|document|note|press release|readout)$", re.I)


# A source set off inside the sentence: "Georgia's drift, officials in Moscow say, was what …".
_ASIDE_SOURCE = re.compile(
    r"^[^,;:\"“”]{3,150},\s+(?P<who>[^,;:\"“”]{2,60}?)\s+(?:say|says|said|argue|argues|argued|insist|insists|"
    r"insisted|believe|believes|claim|claims|claimed|warn|warns|warned|note|notes|noted|point out|points out|"
    r"pointed out)(?:\s+privately|\s+openly)?,\s",
    re.IGNORECASE,
)


# An attribution set off inside the sentence, after its first words: "Turkey, the envoy added,
# had the right …", "Talks, he said, remain the only way".
_INSERTED = re.compile(
    r"^(?:[^,;:\"“”]|“[^“”,;:]{1,60}”|\"[^\",;:]{1,60}\"){1,80},\s+(?:as\s+)?(?P<who>(?:he|she|they|the\s+[\w\s\-’']{1,40}?|(?:an?|one|another|two|three|several|some)\s+[\w\s\-’']{1,40}?|"
    r"[A-ZÀ-ÞĀ-Ž][\w’'\-]+(?:\s+[A-ZÀ-ÞĀ-Ž][\w’'\-]+){0,2}))\s+(?:also\s+)?(?:" + REPORTING_WORD.pattern
    + r"|went\s+on|put\s+it),\s+\S"
)


def inserted(sentence: str, ctx: Discourse) -> Attribution | None:
    """The source of an attribution set off inside the sentence, if it names someone."""
    match = _INSERTED.match(sentence)
    if match is None:
        return None
    return as_attribution(ctx.resolve(match.group("who")), ctx)


def as_attribution(who: Speaker | None, ctx: Discourse, phrase: str = "") -> Attribution | None:
    if who is None:
        # "according to a survey by an institute", "…, the institute said": no actor's position
        return Attribution("narrator", "narrator", "other") if _SURVEY.search(phrase) else None
    if speakers.ROLE.search(who[0]) or (is_person(who, ctx) and not speakers.is_body(who[0])):
        return Attribution(who[0], "quoted", who[1])
    return Attribution("narrator", "narrator", who[1])  # an institution's statement is narrated



# A source that is a survey or a research body: it holds no actor's position (``other``).
_SURVEY = re.compile(r"\b(?:survey|poll|opinion poll|study|institute|research cent(?:re|er)|think[- ]tank)\b", re.I)
# A source that is a text or a body, not a person: "according to a ministry statement".
_DOCUMENT_WORDS = re.compile(r"\b(?:statement|communiqu[eé]|declaration|report|ministry|press service|data|figures)\b", re.I)


def head_actor(sentence: str, ctx: Discourse) -> str | None:
    """The holder of an actor that opens the sentence's subject ("NATO is not a party …",
    "Azerbaijani officials, …"), whatever the verb; None where the subject opens otherwise."""
    clause = subject_clause(sentence)
    mentions = ctx.reg.mentions(clause[:60], ctx.date)
    if not mentions or clause[: mentions[0].start].strip(" '\"‘“").lower() not in ("", "the"):
        return None
    return mentions[0].holder


def is_person(who: Speaker, ctx: Discourse) -> bool:
    return who == ctx.last_person or who[0] in ctx.reg.names or any(name == who[0] for name, _ in ctx.persons)
