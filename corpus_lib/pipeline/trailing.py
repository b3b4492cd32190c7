"""The words naming the source of a reporting clause that comes after what it reports.

Wire copy puts the source last as often as first: "…, Anna Berg, NATO's envoy, told
reporters.", "…, the Alliance said in a statement.", or inverted, "…, said the official, who
asked not to be named." This module finds those words in the sentence alone (no context);
``reported`` resolves them to a person or an actor. It also holds the few patterns both read:
the reporting verbs, a passive "was" before a verb, an interview's set-up verb and the asides
("however", "for his part") that are no source.
"""

from __future__ import annotations

import re

from corpus_lib.pipeline import speakers, titles
from corpus_lib.pipeline.clauses import REPORTING, SCENE_PARTICIPLES, trie, words_of

ASIDE_PHRASE = (
    r"however|though|meanwhile|in turn|too|also|in particular|for (?:his|her|its|their) part|in response|"
    r"in addition|moreover|furthermore|at the same time|in this regard|in this context|in return|by contrast|in contrast"
)
_ASIDE_WORDS = re.compile(rf"^(?:{ASIDE_PHRASE})$", re.IGNORECASE)
# The reporting verbs as a trie (one branch per next letter, not one per word): the same
# matches, since with ``\b`` after them at most one of these words ends at a given start.
REPORTING_WORD = re.compile(rf"\b(?:{trie(words_of(REPORTING + '|told|informed|reports|reported'))})\b", re.IGNORECASE)
_TAIL_STOP = re.compile(r"""[,;:"“”«»]""")
# An honorific and a surname opening the sentence: a person named before ("Mr Berg, …, said").
_HONORIFIC_NAME = re.compile(r"(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+[A-Z][\w'’-]+")
_ARTICLE_TITLE = re.compile(r"(?:a|an|the)\s", re.IGNORECASE)  # "a former envoy", set off as a title is
# A source's words never end in a modal: before the verb it makes an infinitive ("should say").
_MODAL_LAST = re.compile(r"\b(?:should|would|could|will|must|can|may|might|shall|to)\Z", re.IGNORECASE)
# A finite verb after the reporting verb: what follows is the content, not the attribution's tail.
_TAIL_CLAUSE = re.compile(r"\b(?:is|are|was|were|will|would|has|have|had|can|could|should|must|that)\b", re.IGNORECASE)
# A last clause that sets the scene after the attribution ("…, the official said, as talks went on.",
# "…, even as one of its members, Turkey, sided with Baku.") or goes on with what the source did
# ("…, the envoy has said, describing the choice as Baku's.", "…, brushing aside suggestions …").
_CIRCUMSTANCE = re.compile(
    r",\s+(?:(?:(?:some|about|nearly|almost|barely|a|an|one|two|three|four|five|six|several|a\s+few|just|only|\d+)\s+)?(?:\w+\s+)?"
    r"(?:days?|weeks?|months?|hours?|years?|minutes?|moments?)\s+|(?:shortly|soon|just|immediately|right|only|long)\s+)?"
    r"(?:(?:even\s+)?as|while|when|after|before|amid|since|(?:al)?though|even\s+though|during|ahead\s+of|"
    r"at\s+the\s+(?:end|start|close|opening)\s+of|on\s+the\s+sidelines\s+of|(?:but|and)\s+(?:he|she|they)|"
    r"(?!according\b)(?-i:[a-z]{2,}ing))\b"  # any participle: "adding", "brushing aside", not "according to"
    r"(?:[^,]|,\s*(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3}\s*,)*\Z",  # a name set off by commas inside it
    re.I,
)
# A last clause that only says why the source is not named ("…, said a senior official, who
# asked not to be named.", "…, speaking on condition of anonymity.").
_ANONYMITY = re.compile(
    r",\s+(?:(?:who|as\s+(?:he|she|they))\s+(?:asked|requested|declined|spoke|was\s+not|were\s+not|is\s+not|"
    r"are\s+not|did\s+not\s+want)|speaking\s+(?:on\s+condition|anonymously|privately))\b[^,]*\Z",
    re.I,
)
# A last clause that only dates the attribution ("…, on Tuesday.", "…, last week.").
_WHEN_LAST = re.compile(
    r",\s+(?:on|in|at|last|this|earlier|later|late|early)?\s*(?:\w+\s+){0,2}?(?:monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|week|month|year|today|yesterday|morning|evening|night)\W*\Z"
    r"|,\s+(?:\d{1,2}\s+[a-z]+|[a-z]+\s+\d{1,2})(?:,?\s+\d{4})?\W*\Z|,\s+\d{4}\W*\Z",  # "…, 16 March 2024.", "…, March 16, 2024."
    re.IGNORECASE,
)
_RELATIVE_OPEN = re.compile(r"\s*(?:who|whose|which)\b", re.IGNORECASE)
_PARTICIPLE_OPEN = re.compile(rf"\s*(?:{SCENE_PARTICIPLES})\b", re.IGNORECASE)
BE_BEFORE = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+ly\s+|not\s+)*\Z", re.IGNORECASE)
# A verb that sets up an interview rather than reporting what was said in it.
INTERVIEW_GIVEN = re.compile(
    r"(?:has\s+|had\s+)?(?:answered\s+(?:the\s+|our\s+|some\s+)?(?:[\w’']+\s+){0,2}?questions|spoke\s+(?:to|with|exclusively)|"
    r"talked\s+(?:to|with)|gave\s+(?:an?\s+)?(?:exclusive\s+)?interview|sat\s+down\s+with|"
    r"(?:spoke|answered|talked)\s+(?:by\s+(?:tele)?phone|over\s+the\s+phone|by\s+video\s+link|in\s+(?:English|Russian|French|"
    r"German|Armenian|Azerbaijani|Georgian|Turkish|writing)))\b",
    re.IGNORECASE,
)


def without_anonymity(who: str) -> str:
    """The words naming a source without a last clause saying why it is not named.

    Example:
        >>> without_anonymity("a senior official, who asked not to be named.")
        'a senior official'
    """
    cut = _ANONYMITY.search(who)
    return who[: cut.start()] if cut else who


def trailing_who(sentence: str) -> str | None:
    """The words naming the source in a trailing attribution ("…, the envoy told reporters.").

    Example:
        >>> trailing_who("There can be no military solution, Anna Berg, NATO's envoy, told reporters in Baku.")
        "Anna Berg, NATO's envoy"
        >>> trailing_who("Dialogue can continue, the Alliance said.")
        'the Alliance'
        >>> trailing_who("No role is planned, a NATO official said, as the talks went on.")
        'a NATO official'
        >>> trailing_who("It will stay out, its spokesman said, even as one Ally, Turkey, took sides.")
        'its spokesman'
        >>> trailing_who("A NATO spokesman, Anna Berg, said the talks went well.")
        'A NATO spokesman, Anna Berg'
    """
    comma = sentence.rfind(",")
    if comma < 0:
        return None
    for _ in range(3):  # "…, a NATO official said, as clashes went on."; "…, X said with the envoy, Anna Berg, on Monday."
        dated = _WHEN_LAST.match(sentence, comma) and not REPORTING_WORD.search(sentence, comma)  # not ", said on Tuesday."
        scene = _CIRCUMSTANCE.search(sentence)  # may open before the last comma when it sets off a name
        if scene is None and not (_ANONYMITY.match(sentence, comma) or _name_last(sentence, comma) or dated
                                  or _apposed_last(sentence, comma)):
            break
        sentence = sentence[: scene.start() if scene else comma] + "."
        comma = sentence.rfind(",")
        if comma < 0:
            return None
    # the tail after the verb holds no comma, so the verb follows the sentence's last comma
    verbs = [v for v in REPORTING_WORD.finditer(sentence, comma) if not v.group()[0].isupper()]  # not "United States"
    if not verbs:
        return None
    verb = verbs[-1]
    if len(verbs) > 1 and not sentence[comma + 1 : verbs[0].start()].strip():
        verb = verbs[0]  # "…, X, told a meeting of partner states": the verb opens the tail; "states" is a noun
    if BE_BEFORE.search(sentence, 0, verb.start()):
        return None  # "…, the border and the talks was stressed": a passive, no source
    if verb.group().lower().endswith("ing") and not sentence[comma + 1 : verb.start()].strip():
        return None  # "…, saying the Alliance stood ready": the subject's own words go on
    if INTERVIEW_GIVEN.match(sentence, verb.start()):
        return None  # "…, X answered the questions of the agency": the interview's setting
    tail = sentence[verb.end() :].rstrip(" .!\"”’»)")
    if _TAIL_STOP.search(tail) or len(tail.split()) > 20 or _TAIL_CLAUSE.search(tail):
        return None  # "X, a member of …, said NATO's statement was weak": the verb opens what was said
    segments = sentence[: verb.start()].rstrip().rstrip(",").split(",")
    while len(segments) > 2 and _RELATIVE_OPEN.match(segments[-1]):  # "…, X, the envoy, who arrived on Monday, said"
        segments.pop()
    while len(segments) > 1 and _PARTICIPLE_OPEN.match(segments[-1]):  # "A NATO official, asked about it, said": no tail
        segments.pop()
    if len(segments) < 2:
        return None
    who = segments[-1].strip()
    name = speakers.name_words(segments[-2].strip())
    if len(segments) == 2 and _HONORIFIC_NAME.fullmatch(segments[0].strip()) and _ARTICLE_TITLE.match(who):
        return segments[0].strip()  # "Mr Berg, a former envoy to Rome who …, said": the person named before
    if len(segments) == 3 and titles.points_back(segments[0]) and name:
        return ", ".join(part.strip() for part in segments)  # "Its envoy, Anna Berg, a former minister, said": all of it
    if speakers.ROLE.search(who) and name and (len(segments) >= 3 or " ".join(name) == segments[-2].strip()):
        who = segments[-2].strip() + ", " + who  # "…, Anna Berg, NATO's envoy, said"; "Anna Berg, an analyst, said"
    elif speakers.ROLE.search(segments[-2]) and speakers.name_words(who) and len(segments[-2].split()) <= 12:
        who = segments[-2].strip() + ", " + who  # "A NATO spokesman, Anna Berg, said": the title before the name
    if who.startswith("with "):  # "…, with a senior official saying the Alliance …": the official
        who = who[5:].lstrip()
    first = who.split()[0] if who else ""
    if _ASIDE_WORDS.match(who):  # "The minister, for his part, informed …": an aside, not the source
        return None
    if not who or len(who.split()) > 25 or who[0] in "\"“”'‘" or first.lower() in ("and", "but", "which", "who"):
        return None
    if _FINITE.fullmatch(first):  # "Nor, he added, does Moscow have any say …": an inverted clause, no source
        return None
    if who.split()[-1].lower() in _NO_SOURCE_END:  # "X, which …, hosted the talks and announced": a predicate
        return None
    if REPORTING_WORD.match(who):
        return None  # "X, …, said during a visit that … a treaty concluded on …": a verb inside the content
    if first.islower() and first.endswith("ing"):  # "…, speaking on condition of anonymity, said"
        return None
    if _MODAL_LAST.search(who):  # "…, blamed the rebels and said the world must say so": an infinitive, no source
        return None
    return who


# Words no source ends with: a coordinated predicate ("… hosted the talks and announced"), a
# preposition whose object is the verb ("… fault the Allies for saying too little") or a
# determiner of "say" as a noun ("…, Moscow has no say over …").
_NO_SOURCE_END = frozenset({"and", "but", "then", "for", "with", "by", "of", "to", "about", "from", "on", "at", "in",
                            "no", "any", "a", "an", "the", "some", "every", "its", "their", "his", "her", "our"})
# A last clause that sets a title off after a name at the end of the attribution's tail: "…, X
# said at a meeting with a delegation headed by Anna Berg, a senior official of the Alliance."
_APPOSED_LAST = re.compile(r",\s+(?:a|an|the)\s+[^,;:\"“”]{2,100}\Z")
_NAME_BEFORE = re.compile(r"(?-i:[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)\Z")


def _apposed_last(sentence: str, comma: int) -> bool:
    """Whether the sentence ends in a title set off after a name that a reporting verb before
    it led to: the tail of the attribution, not its source."""
    return bool(_APPOSED_LAST.match(sentence, comma) and _NAME_BEFORE.search(sentence, 0, comma)
                and REPORTING_WORD.search(sentence, 0, comma))


def _name_last(sentence: str, comma: int) -> bool:
    """Whether the sentence ends in a name alone after its last comma, with no reporting verb
    there: the name of someone the attribution mentions, not the source."""
    last = sentence[comma + 1 :].strip().rstrip(" .!\"”’»)")
    return bool(last) and " ".join(speakers.name_words(last)) == last and not REPORTING_WORD.search(last)


# An inverted reporting clause at the end: "…, said the official.", "…, said Anna Berg, the
# deputy spokeswoman, who asked not to be named.", "…, added a NATO diplomat in Brussels."
_INVERTED = re.compile(
    r",\s+(?:said|says|added|adds|noted|notes|stressed|warned|insisted|explained|argued|declared|continued|"
    r"told\s+(?:reporters|journalists|(?:the|this|our)\s+\w+|[A-Z]\w+))\s+"
    r"(?P<who>(?:the|a|an|one|another|[A-ZÀ-ÞĀ-Ž])[^,;:\"“”()]{1,60}?(?:,\s+(?:the|a|an|[A-ZÀ-ÞĀ-Ž])[^,;:\"“”()]{1,80}?)?)"
    r"(?:,\s+(?:who|(?-i:[a-z]{2,}ing)|as|in|on|at|after|during|while)\b[^;:\"“”]{0,120}?)?\s*[.!]?[\"”’»)]*\s*\Z"
)
# What cannot stand in a source's name: a verb of its own ("…, said NATO would …").
_FINITE = re.compile(r"\b(?:is|are|was|were|will|would|should|could|can|must|has|have|had|did|does|do|not)\b")


def inverted_who(sentence: str) -> str | None:
    """The words naming the source of an inverted reporting clause that ends the sentence.

    Example:
        >>> inverted_who("No observers will be sent, said the official, who asked not to be named.")
        'the official'
        >>> inverted_who("Talks are the only way, said Anna Berg, NATO's deputy spokeswoman.")
        "Anna Berg, NATO's deputy spokeswoman"
        >>> inverted_who("Yesterday, said NATO would stay.") is None
        True
    """
    found = _INVERTED.search(sentence)
    if found is None or found.start() < 12:
        return None
    who = found.group("who").strip()
    if _FINITE.search(who) or len(who.split()) > 16:
        return None
    last = who.split(",")[0].split()[-1]  # a source ends in a name, a place or a title, not an object
    return who if last[:1].isupper() or speakers.ROLE.search(last) else None
