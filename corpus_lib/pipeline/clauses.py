"""Clauses of news and interview prose: reporting and position verbs, and a sentence's subject.

The verb lexicons say where a clause reports what someone said or holds ("said", "stressed",
"supports", "avoids"); :func:`subject_clause` cuts what stands before a sentence's subject
(connectives, framing such as "It is no secret that", adverbial phrases such as "In June
1995," or "Asked about the talks,"), so that the subject can be read off the clause's start.
"""

from __future__ import annotations

import re
from functools import lru_cache

REPORTING = (
    r"said|says|say|saying|added|adds|noted|notes|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|"
    r"continued|told|tells|stated|states|declared|declares|underlined|underlines|explained|"
    r"remarked|concluded|insisted|warned|recalled|pointed out|points out|reiterated|announced|replied|"
    r"answered|affirmed|assured|confirmed|observed|commented|wrote|argued|believes|thinks|"
    r"acknowledged|acknowledges|admitted|admits|conceded|concedes|insists|maintained|maintains|"
    r"cautioned|indicated|suggested|clarified|reminded|reminds|underscored|underscores|highlighted|highlights|"
    r"dismissed|dismisses|mentioned|specified|touched upon|touched on|note|stress|argue|insist|warn|point out|recall|contend|contends|"
    r"contended|reads|repeated|repeats|made clear|made it clear|makes clear|makes it clear|"
    r"concede|acknowledge|admit|maintain|suggest|explain|reiterate|emphasi[sz]e|underline|confirm|assert|asserted|asserts|"
    r"complained|complains|restated|restates|shot back|hit back|hits back|struck back|retorted|retorts|"
    r"warns|argues|recalls|explains|reiterates|announces|replies|affirms|assures|confirms|observes|cautions|"
    r"suggests|clarifies|keeps saying|keeps telling|keeps insisting|keeps repeating|keeps warning|kept saying|"
    r"kept telling|kept insisting|kept repeating|kept warning|"
    r"keep saying|keep telling|keep insisting|keep repeating|keep warning|"
    r"countered|counters|responded|responds|predicted|predicts|signalled|signaled|signals"
)
POSITION = (
    REPORTING
    + r"|expressed|expresses|called|calls|urged|urges|welcomed|welcomes|condemned|condemns|"
    r"considers|considered|expects|expected|wants|wanted|supports|supported|support|avoids|avoid|"
    r"avoided|rejects|rejected|refuses|refused|hesitates|hesitated|committed|adhere|adheres|"
    r"waits|awaits|drawn attention|appreciated|appreciates|hoped|hopes|satisfied|proposed|proposes|"
    r"offered|offers|invited|invites|demanded|demands|recognized|recognises|recognizes|praised|"
    r"praises|criticized|criticised|criticizes|accused|accuses|agreed|agrees|objects|objected|"
    r"opposes|opposed|seeks|sought|intends|intended|plans|planned|ponders|attempts|accepts|"
    r"accepted|denied|denies|regrets|regretted|deplored|insists|favours|favors|ruled out|declined|declines|"
    r"singled out|singles out|had hard words|had harsh words|had sharp words|had strong words|had tough words|"
    r"had kind words|had warm words|has hard words|has harsh words|has kind words|brushed|brushes|shrugged off|shrugs off|"
    r"speak|spoke|speaks|claims|claimed|has said|has told|has stressed|has pointed|has drawn|pointed|"
    r"conveyed|conveys|informed|informs|briefed|briefs|applied|applies|thanked|thanks|encouraged|encourages|"
    r"appealed|appeals|reaffirmed|reaffirms|backed|backs|signalled|signaled|vowed|pledged|promised|"
    r"voiced|voices|favoured|favored|endorsed|endorses|opposes|rejected|remains committed|remain committed|"
    r"took a different view|takes a different view|disagreed|disagrees|describe|describes|described|"
    r"took a different line|took a tougher line|took a softer line|took a harder line|struck a different tone|"
    r"struck a cooler tone|struck a warmer tone|struck a softer tone|struck a harder tone|struck a tougher tone|"
    r"struck a conciliatory tone|struck a cautious tone|struck a defiant tone|struck a similar tone|blamed|blames|"
    r"struck a measured tone|struck a more measured tone|struck a more cautious tone|struck a more conciliatory tone|"
    r"struck a positive tone|struck a more positive tone|struck an upbeat tone|struck a more upbeat tone|struck a sharper tone|"
    r"commended|commends|hailed|hails|lauded|lauds|denounced|denounces|slammed|slams|branded|"
    r"lashed out|lashes out|hit out|hits out|took aim|takes aim|pushed back|pushes back|weighed in|weighs in|"
    r"brushed aside|brushes aside|steered clear|steers clear|kept its distance|keeps its distance|played down|plays down|downplayed|downplays|"
    r"declined to comment|declined to say|declined to name|declined to speculate|declined to be drawn|"
    r"would not be drawn|will not be drawn|refused to be drawn|could not be drawn|"
    r"sees|saw|views|viewed|regards|regarded|treats|treated|likes|liked|prefers|preferred|fears|feared|"
    r"bristled|bristles|let it be known|lets it be known|made plain|makes plain|presents itself|presented itself|"
    r"present itself|read the|read it|read this|read that|sounded|sounds|defended|defends|doubted|doubts|questioned|"
    r"stopped short|chose her words|chose his words|chose its words|chose their words|chooses her words|chooses his words|"
    r"complain|wonder|wonders|wondered"
)
AUX = r"is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|do|did|shall|also|already|not|never|only|still"
POST_VERB_FIRST = re.compile(rf"""^[\s,.:;!?'"“”’‘»«`\-–—]*(?:{REPORTING})\b\s*(?P<who>.+)""", re.IGNORECASE | re.DOTALL)
POST_WHO_FIRST = re.compile(
    rf"""^[\s,.:;!?'"“”’‘»«`\-–—]*(?P<who>(?:\S+\s+){{0,15}}?\S+)\s+(?:(?:has|have|had|also|then)\s+)*(?:{REPORTING})\b""",
    re.IGNORECASE | re.DOTALL,
)
PRE_ATTRIBUTION = re.compile(rf"(?:\b(?:{REPORTING})\b(?:\s+that)?[\s,:]*|:\s*)\Z", re.IGNORECASE)
PRONOUN = re.compile(r"^\W*(?:he|she|him|her)\b", re.IGNORECASE)
# Participles that set a scene around a speaker, not a title or a source: "speaking at …",
# "asked about …", "visiting Yerevan …".
SCENE_PARTICIPLES = (
    r"speaking|addressing|answering|commenting|responding|talking|writing|appearing|asked|questioned|visiting|"
    r"attending|meeting|arriving"
)
# Nouns that make a phrase a person's title (singular and plural).
ROLE_PHRASES: tuple[str, ...] = tuple(
    """minister ministers spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople representative
    representatives envoy envoys ambassador ambassadors official officials diplomat diplomats secretary president
    vice-president premier officer adviser advisor aide commander chief head chairman chairwoman chair director
    deputy lawmaker lawmakers mp parliamentarian senator speaker analyst expert researcher professor general admiral
    colonel negotiator mediator co-chair liaison counsellor counselor leader leaders delegate delegation ombudsman
    governor mayor chancellor undersecretary under-secretary attaché commissioner rapporteur politician politicians
    analysts experts researchers scientist scientists economist economists historian historians observer observers
    source sources critics opponents activists opposition specialist specialists columnist columnists participants
    coordinator coordinators""".split()
) + ("vice president", "head of state", "secretary general", "secretary-general", "member of parliament",
     "members of parliament", "senior fellow", "research fellow", "visiting fellow", "people close to",
     "people familiar with", "person familiar with", "those familiar with", "those close to", "member of the",
     "members of the", "point man", "point person", "top civilian", "senior civilian", "staff member", "staffer")
ROLE_NOUNS = "|".join(re.escape(p).replace(r"\ ", " ") for p in sorted(ROLE_PHRASES, key=lambda p: (-len(p), p)))
# "The envoy", "this official", "the deputy chief": a bare title that refers back to a person.
DEFINITE = re.compile(rf"\b(?:the|this|that)\s+(?:[\w\-]+\s+){{0,3}}?(?:{ROLE_NOUNS})\b", re.IGNORECASE)
# A person described, not titled, whom the text has named ("the Dutchman says", "the Norwegian
# added", "the 52-year-old said"): the person last named, like "he" or "she".
DESCRIBED = re.compile(
    r"^\W*the\s+(?:\d{2}-year-old|(?:Dutch|French|English|Irish|Welsh|Scots)(?:man|woman)|Norwegian|Swede|Dane|Finn|German|"
    r"Briton|Pole|Estonian|Latvian|Lithuanian|Czech|Slovak|Italian|Spaniard|Belgian|Canadian|American|Turk|Romanian|"
    r"Bulgarian|Hungarian|Croat|Slovene|Greek|Icelander|Luxembourger|Albanian|Montenegrin|Austrian|Portuguese|Georgian|"
    r"Armenian|Azerbaijani|Russian|Ukrainian|Moldovan|Kazakh)\W*\Z"
)
# A name: a first word, then one to three more; a later word keeps a double-barrelled surname
# whole ("Petra Lindqvist-Roos"), but not a compound whose first part ends in "-o", a combining
# form or a place's ("Caucasus Euro-Atlantic Forum", "Russo-Georgian", "Armenia-Azerbaijan
# Nagorno-Karabakh").
_LATER_NAME_WORD = r"[A-Z][a-zà-ÿ’']+(?:(?<![oO])-[A-Z][a-zà-ÿ’']+)?"
NAME = re.compile(rf"\b(?:[A-Z]\.\s*)?[A-Z][a-zà-ÿ’'\-]+(?:\s+(?:de\s+|von\s+der\s+|van\s+)?{_LATER_NAME_WORD}){{1,3}}\b")
TITLE_WORDS = frozenset(
    "Mr Mrs Ms Dr President Minister Deputy Foreign Defence Defense Prime Secretary General Special "
    "Representative Ambassador Commander Chairman Spokesman Spokesperson Head Chief Vice Colonel "
    "Lieutenant Major General Admiral Senator The A An In On At Our We".split()
)
FRAMING = re.compile(
    r"^(?:it\s+(?:is|was|has been)\s+(?:\w+ly\s+|always\s+|often\s+)?(?:not\s+|no\s+)?(?:a\s+)?"
    r"(?:secret|said|known|clear|reported|believed|expected|obvious|noteworthy|noted|stated|understood|"
    r"argued|emphasi[sz]ed|stressed|underlined|repeated|claimed|assumed|thought)\s+that\s+)",
    re.IGNORECASE,
)
CONNECTIVE = re.compile(
    r"^(?:however|yet|but|and|so|also|meanwhile|moreover|furthermore|therefore|thus|hence|still|besides|"
    r"indeed|nevertheless|nonetheless|in fact|of course|at the same time|in turn|in his turn|in her turn|"
    r"as a result|in addition|in general|eventually|afterwards|then|now)\b,?\s*",
    re.IGNORECASE,
)
LEADING_PHRASE = re.compile(
    r"^(?:in|on|during|at|after|before|along|as|with|within|under|for|taking|recalling|telling|speaking|asked|"
    r"unlike|following|despite|according|besides|regarding|concerning|since|while|when|if|"
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|some|a\s+few|\d+)\s+(?:full\s+)?"
    r"(?:days?|weeks?|months?|years?|decades?)\s+(?:after|before|later|earlier|on|into)|"  # "Six weeks after the war, "
    r"(?!neighbou?ring\b|ruling\b|governing\b|outgoing\b|incoming\b|existing\b)"  # adjectives: "Neighbouring Georgia, …"
    r"[a-z]+ing(?!\s+(?:said|says|told|added|noted|stressed|warned|insisted|argued|has|had|is|was|will|would|also)\b))\b"
    r"[^,]{0,120}?,\s+(?!\d)",
    re.IGNORECASE,
)
# A news dateline before the first sentence: "BAKU, March 3 (Agency) – ", "Brussels, 4 May 2010 /X/ - ",
# "BRUSSELS/BAKU, May 3 (Agency) – " (two places), "TBILISI – " (a place in capitals alone),
# or one cut by full stops, which segmentation joins to the sentence after it: "YEREVAN, October 5.
# /Agency/. ", "Baku. 26 May. Agency. ".
DATELINE = re.compile(
    r"^[A-ZÀ-Þ][\w\-]+(?:\s[A-ZÀ-Þ][\w\-]+)?(?:\s?/\s?[A-ZÀ-Þ][\w\-]+(?:\s[A-ZÀ-Þ][\w\-]+)?(?!\s?/))*(?:,\s+(?=[^–—\n]{0,50}\d)[^–—\n]{2,60}?\s[–—-]{1,2}\s+|"
    r"[.,]\s+(?=[^.\n]{0,30}\d)[^.\n]{2,40}\.\s+(?:(?:/[^/\n]{1,30}/|\([^)\n]{1,30}\)|[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,2})\.\s+)?|"
    r"\s*(?:/[^/\n]{1,40}/|\([^)\n]{1,40}\))\s*[–—-]{1,2}\s+|"  # "Tbilisi /Agency/ - ", "Baku (Agency) - "
    r",\s+[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,3},\s+\d{1,2}[./]\d{1,2}[./]\d{2,4}\s+(?:[–—-]{1,2}\s+)?)"  # "Baku, Agency, 06.10.2020 "
    r"|^(?!(?:NATO|OSCE|CSTO|PACE|UN|EU|US|UK)\b)[A-ZÀ-Þ]{2,}(?:\s?/\s?[A-ZÀ-Þ]{2,})*\s[–—-]{1,2}\s+"  # "TBILISI – ", "BRUSSELS / BAKU – ": no date
    r"|^\d{1,2}[:.]\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s[A-Z]{2,4})?(?:\s[–—-]{1,2})?\s+(?=[A-Z\"“])"  # a live blog's time stamp: "14:47 - ", "14:47 The …"
)
# The rest of a leading phrase's relative clause or participle: "Asked about Armenia, which works
# with the Alliance, Koning said …", "Asked about Georgia, promised membership in 2008, Koning
# said …" are cut to "Koning said …".
_RELATIVE_REST = re.compile(r"^(?:which|who|whose|whom|where|(?-i:[a-z]{3,}ed))\b[^,;:]{0,150},\s+(?!\d)")
# Matches at the start of a clause where one of the cuts of ``subject_clause`` would.
ANY_LEAD = re.compile(
    "|".join([*(f"(?:{x.pattern})" for x in (CONNECTIVE, FRAMING, LEADING_PHRASE)), f"(?-i:{DATELINE.pattern})"]),
    re.IGNORECASE,
)  # the dateline's case as ``DATELINE`` has it: "Baku, March 3 –" is one, "peace, said the envoy –" is not
VERBISH = re.compile(rf"\b(?:{AUX}|{POSITION})\b", re.IGNORECASE)


def words_of(alternation: str) -> list[str]:
    """The phrases an alternation of lower-case words lists (``[sz]`` spelled out).

    Example:
        >>> words_of("said|emphasi[sz]ed|pointed out")
        ['said', 'emphasised', 'emphasized', 'pointed out']
    """
    words = []
    for alternative in alternation.split("|"):
        head, bracket, rest = alternative.partition("[")
        if not bracket:
            words.append(alternative)
            continue
        chars, _, tail = rest.partition("]")
        words += [head + ch + tail for ch in chars]
    if not all(re.fullmatch(r"[a-z]+(?: [a-z]+)*", w) for w in words):
        raise ValueError("an alternation of plain lower-case words was expected")
    return words


def trie(words: list[str]) -> str:
    """A regex for exactly ``words``, factored by common prefixes: at each position ``re``
    tries a branch per next character instead of one per word.

    Example:
        >>> trie(["said", "says", "stated"])
        's(?:a(?:id|ys)|tated)'
    """
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = [re.escape(ch) + render(node[ch]) for ch in sorted(k for k in node if k)]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return render(root)


# The same words as ``VERBISH``, for lower-cased text, as a trie: five times faster. Only
# where the first one starts is used, and that is where some listed word stands whole,
# whatever the order the words are tried in.
VERBISH_LOWER = re.compile(rf"\b{trie(words_of(f'{AUX}|{POSITION}'))}\b")


def first_verbish(clause: str) -> int | None:
    """Where the first verb-like word (``VERBISH``) of a clause starts, searched in the
    lower-cased clause where lower-casing keeps the offsets. A capitalised word inside the
    clause is a name's, not a verb ("the United States have …")."""
    lowered = clause.lower()
    found = VERBISH.finditer(clause) if len(lowered) != len(clause) else VERBISH_LOWER.finditer(lowered)
    for match in found:
        if match.start() == 0 or not clause[match.start()].isupper():
            return match.start()
    return None


# A position verb after the subject, behind auxiliaries, adverbs and a connective set off by
# commas ("has long opposed", "did, however, praise"); a bare form only after "do".
_SET_OFF = r"(?:,\s*(?:however|though|too|meanwhile|in turn|for (?:his|her|its|their) part)\s*,)?"
_BARE_POSITION = (
    r"(?:did|does|do)(?:\s+not|n['’]t)?" + _SET_OFF + r"\s+(?:praise|critici[sz]e|welcome|reject|oppose|endorse|"
    r"complain|dismiss|accept|deny|condemn|urge|rule out|hide|back|support|object|mince)"
)
# An occasion used for a position: "used talks in Baku to urge …", "ended her tour by telling …".
OCCASION_VERBS = ("used", "uses", "ended", "ends", "closed", "closes", "opened", "opens", "began", "begins", "wrapped up",
                  "concluded", "concludes", "seized on", "seizes on", "came", "comes", "travelled", "traveled", "went")
_OCCASION_FOR = (
    rf"(?:{'|'.join(OCCASION_VERBS)})\b[^,.;\"“”]{{0,80}}?\b(?:by\s+(?:telling|urging|calling|warning|saying|stressing|reiterating|"
    r"repeating|assuring|reminding|insisting|pressing|restating)|to\s+(?:tell|urge|call|warn|say|stress|reiterate|"
    r"repeat|assure|remind|insist|press|restate|renew))"
)
OCCASION_FOR = re.compile(rf"\b{_OCCASION_FOR}\b", re.IGNORECASE)
POSITION_AFTER = re.compile(
    rf"^(?:(?:{AUX}|\w+ly|long|again|once again|yet|now|jointly|more|less|very|even|far|much|just|as|equally|quite|"
    rf"no less|every bit as){_SET_OFF}\s+){{0,4}}"
    rf"(?:{_BARE_POSITION}|{POSITION}|cautious|sceptical|skeptical|optimistic|pessimistic|critical|blunt|wary|reluctant|guarded|"
    r"charitable|forthcoming|reserved|outspoken|upbeat|measured|restrained|emphatic|categorical|defiant|dismissive|franker|"
    r"conciliatory|candid|sanguine|sharper|blunter|firmer|softer|tougher|harsher|scathing|scornful|withering|"
    r"effusive|lukewarm|noncommittal|non-committal|evasive|clear|firm|adamant|explicit|unequivocal|unambiguous|careful|"
    r"at pains|anxious|eager|keen|unmoved|unimpressed|unconvinced|unpersuaded|not persuaded|not convinced|undeterred|"
    r"unfazed|impatient|patient|grateful|hopeful|confident|doubtful|frustrated|disappointed|ambivalent)\b",
    re.IGNORECASE,
)
PASSIVE_REPORT = re.compile(
    r"\b(?:was|were|is|are|has been|have been)\s+(?:\w+ly\s+)?(?:stressed|noted|expressed|discussed|"
    r"underlined|emphasi[sz]ed|mentioned|reported|highlighted|raised|welcomed|declared|stated|paid|drawn|"
    r"given|attached|devoted|described|reiterated|called\s+for|voiced|conveyed|underscored|reaffirmed|"
    r"touched\s+upon)\b(?!\s+(?:killed|dead|wounded|injured|missing|displaced|detained|arrested)\b)",
    re.IGNORECASE,
)
QUESTION_END = re.compile(r"""\?[\s"“”'’»)\]]*\Z""")
SENTENCE_END = re.compile(r"""[.!?…][\s"“”'’»)\]]*\Z""")
INTERVIEW_INTRO = re.compile(r"^\W*(?:exclusive\s+)?(?:interview|transcript)\b", re.IGNORECASE)


def is_question(sentence: str) -> bool:
    """A sentence that asks: it ends with a question mark (quotes and brackets aside).

    Example:
        >>> is_question('What does Baku want?"'), is_question("He asked why.")
        (True, False)
    """
    return bool(QUESTION_END.search(sentence))


@lru_cache(maxsize=2)
def subject_clause(sentence: str) -> str:
    """The sentence with leading connectives, framing ("It is no secret that") and adverbial phrases cut.

    Remembered for the last two sentences asked: attribution asks it of a sentence twice in
    a row, once for whose words it carries and once for whom it names.

    Example:
        >>> subject_clause("However, in June 1995, NATO said so.")
        'NATO said so.'
    """
    clause = sentence.strip().lstrip("\"“”'‘’`«»([- –—")
    asked = _ASKED_TO_SOURCE.match(clause) if clause[:1] in "AaWw" else None
    if asked:  # "Asked whether the Alliance would press Ankara, one of its members, …, X said"
        return clause[asked.end() :]
    if not ANY_LEAD.match(clause):  # most clauses open with their subject: nothing to cut
        return clause
    for _ in range(4):
        before = clause
        clause = CONNECTIVE.sub("", clause, count=1)
        clause = FRAMING.sub("", clause, count=1)
        cut = LEADING_PHRASE.sub("", clause, count=1)
        clause = _RELATIVE_REST.sub("", cut, count=1) if cut != clause else cut  # "Asked about X, which …, Y said"
        clause = DATELINE.sub("", clause, count=1)
        if clause == before:
            break
    return clause


# A question put to the source, however many commas it holds, up to the source that answers it.
_ASKED_TO_SOURCE = re.compile(
    r"^(?:when\s+|after\s+being\s+)?asked\b[^;:\"“”]{0,220}?,\s+(?=(?:(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?|"
    r"(?:the|a|an|one)\s+[\w'’ -]{1,40}?|he|she|they|it)\s+(?:said|says|replied|replies|answered|answers|told|noted|"
    r"insisted|stressed|added|declined|would\s+say|would\s+only\s+say)\b)",
    re.IGNORECASE,
)
_LOWER_WORD = re.compile(r"[a-z]+")


def lower_words(text: str) -> set[str]:
    """The lower-cased words of a text: set lookups of them are a cheap first test before a
    long alternation of words is searched.

    Example:
        >>> sorted(lower_words("NATO's envoy said"))
        ['envoy', 'nato', 's', 'said']
    """
    return set(_LOWER_WORD.findall(text.lower()))


def word_finder(words) -> re.Pattern[str]:
    """A regex that finds, in lower-cased text, any of ``words`` standing as a whole run of
    letters a-z: it finds one exactly where ``lower_words`` of the text would hold one, in a
    single scan and without building the set (a word with other characters is no such run).

    Example:
        >>> finder = word_finder({"said", "envoy"})
        >>> bool(finder.search("nato's envoy")), bool(finder.search("envoys said-so".lower()))
        (True, True)
        >>> bool(finder.search("envoys sayings"))
        False
    """
    runs = sorted(w for w in words if re.fullmatch(r"[a-z]+", w))
    return re.compile(rf"(?<![a-z])(?:{trie(runs) or '(?!)'})(?![a-z])")


def first_words(alternation: str) -> frozenset[str]:
    """The first word of each phrase of an alternation of plain lower-case words.

    Example:
        >>> sorted(first_words("said|pointed out|emphasi[sz]ed"))
        ['emphasised', 'emphasized', 'pointed', 'said']
    """
    return frozenset(phrase.split()[0] for phrase in words_of(alternation))
