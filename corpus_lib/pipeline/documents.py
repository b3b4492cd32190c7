"""Documents that speak: whose statement, communiqué or declaration a quotation or a sentence cites.

A report often introduces a document with its issuer ("a NATO statement", "the statement, issued
by the Alliance's press office", "Azerbaijan said in a written statement") and then lets the
document speak for several sentences: "…," the statement went on; It said the Alliance was …;
"…," the document added. The issuer holds all of them, even when another actor was narrated in
between, so the issuer is remembered apart from the last actor the narration named. "It" is
the document only while the document is fresh: in the sentence that names it and the few after.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from corpus_lib.pipeline.discourse import Discourse

# How many sentences after the last mention of a document "it" still means the document.
FRESH_FOR = 3

# The documents a report introduces with an issuer; a quotation may also be said by an appeal,
# a draft or a text (``_SOURCE``).
_NOUNS = ("statement", "communiqu[eé]", "declaration", "document", "press release", "resolution", "readout")
_NOUN = rf"(?:{'|'.join(_NOUNS)})"
_MENTION = re.compile(rf"\b{_NOUN}\b", re.IGNORECASE)
_STEMS = tuple(noun.split("[", 1)[0] for noun in _NOUNS)  # what each noun starts with, as a substring
# "the statement, issued by the Alliance's press office", "a statement by the ministry"
_ISSUED_BY = re.compile(
    rf"\b{_NOUN},?\s+(?:(?:issued|released|published|signed|adopted|circulated)\s+)?(?:by|of|from)\s+(?P<by>[^,.;:]{{2,80}})",
    re.IGNORECASE,
)
# "NATO said in a written statement", "the ministry issued a statement": the subject's document
_OWN = re.compile(
    rf"\b(?:in|issued|released|published|adopted|circulated)\s+(?:a|an|its|their)\s+(?:[\w-]+\s+)?{_NOUN}\b",
    re.IGNORECASE,
)
# A document that speaks a quotation: "…," the statement reads; "…," says the statement of the committee.
_SOURCE = re.compile(
    rf"^\s*(?:the|this|that|its|their|a|an)\s+(?:joint\s+|written\s+|final\s+)?(?P<doc>{'|'.join((*_NOUNS, 'appeal', 'draft', 'text'))})"
    r"\b(?:\s+(?:of|by|from)\s+(?P<of>[^,.;:]{2,80}))?",
    re.IGNORECASE,
)
_IT = re.compile(r"^\W*it\b", re.IGNORECASE)
# "It said …", "It went on: …", "It described the envoy's words as …", "It pledged …": the document speaking
_IT_SAYS = re.compile(
    r"^\W*it\s+(?:also\s+|further\s+|then\s+)?(?:said|says|added|adds|went on|goes on|stated|states|noted|notes|"
    r"stressed|stresses|described|describes|warned|warns|urged|urges|called|calls|expressed|welcomed|reiterated|"
    r"reaffirmed|declared|insisted|argued|concluded|read|reads|continued|continues|recalled|recalls|pledged|pledges|"
    r"promised|promises|demanded|demands|condemned|condemns|restated|restates)\b",
    re.IGNORECASE,
)


def note(sentence: str, holder: str | None, ctx: Discourse) -> None:
    """Remember the issuer of a document the sentence introduces, and age the last mention."""
    ctx.document_fresh = max(ctx.document_fresh - 1, 0)
    low = sentence.lower()
    if not any(stem in low for stem in _STEMS) or _MENTION.search(sentence) is None:  # substring tests first: cheaper
        return
    ctx.document_fresh = FRESH_FOR
    owner = _issuer(sentence, ctx) or (holder if holder not in (None, "media") and _OWN.search(sentence) else None)
    if owner:
        ctx.document_owner = owner


def _issuer(sentence: str, ctx: Discourse) -> str | None:
    """The actor a sentence names as a document's issuer: after "issued by", or just before the
    noun ("a NATO statement", "the Alliance's statement", "the foreign ministry's statement")."""
    by = _ISSUED_BY.search(sentence)
    if by:
        named = ctx.reg.mentions(by.group("by"), ctx.date)
        if named and _DETERMINER.match(by.group("by")[: named[0].start]):
            return named[0].holder
    for noun in _MENTION.finditer(sentence):
        named = ctx.reg.mentions(sentence[: noun.start()], ctx.date)
        if named and _ATTACHED.match(sentence[named[-1].end : noun.start()]):
            return named[-1].holder
    return None


# Words between an issuer and its document: "NATO statement", "the Alliance's final statement",
# "the ambassadors' statement" (no verb: "Kyiv said in a statement" names no issuer).
_DETERMINER = re.compile(r"^\s*(?:(?:the|a|an)\s+)?\Z", re.IGNORECASE)
_ATTACHED = re.compile(r"^(?:['’]s?)?\s+(?:(?:the|a|an|its|their|final|joint|written|new|latest|official)\s+)?\Z", re.IGNORECASE)


def speaker(phrase: str, ctx: Discourse) -> tuple[str, str] | None:
    """The document a quotation is attributed to and its issuer: the body the phrase names, else
    the issuer the text gave the document, else the actor the narration last gave a position to
    (the committee that "adopted a statement"). "It" is the document while one is fresh."""
    if _IT.match(phrase):
        fresh = ctx.document_fresh and ctx.document_owner
        return ("the statement", ctx.document_owner) if fresh else None
    found = _SOURCE.match(phrase)
    if found is None:
        return None
    issuer = ctx.resolve(found.group("of")) if found.group("of") else None
    holder = issuer[1] if issuer else ctx.document_owner or ctx.last_actor
    return (f"the {found.group('doc').lower()}", holder) if holder else None


def says(clause: str, ctx: Discourse) -> str | None:
    """The issuer of a fresh document that is the subject of a saying verb ("It said the
    Alliance was …"), else None."""
    if ctx.document_fresh and ctx.document_owner and _IT_SAYS.match(clause):
        return ctx.document_owner
    return None
