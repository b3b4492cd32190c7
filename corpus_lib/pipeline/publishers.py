"""Whose voice a text's narration is, from its genre and the manifest's source.

A news report's narration is the outlet's (``media``). A press release, an essay or a speech
speaks for the actor that issues it: the actor its source names ("NATO Press Office"), or, for a
release carried by a wire service, the actor its contact line names. A state's own body that
publishes a text ("Foreign Ministry of Azerbaijan website") makes any genre that state's. An
essay or speech printed by an outlet ("Yerevan Policy Review") is its author's, found by
:mod:`commentary`, not the state a place in the outlet's name belongs to.
"""

from __future__ import annotations

import re

from corpus_lib.pipeline.actors import Registry
from corpus_lib.vocab import STATE_HOLDERS


def _publisher_holder(source: str, reg: Registry, *, release: bool = False) -> str:
    """The actor that issues a release, essay or speech, else the outlet's (``media``); a
    release by a body that is none of the actors and no outlet (an NGO, a think tank) speaks
    for itself, ``other``."""
    mentions = reg.mentions(source) if source else []
    if mentions:
        return mentions[0].holder
    return "other" if release and source.strip() and not _OUTLET.search(source) else "media"


def publisher(text: str, genre: str, source: str, reg: Registry) -> str:
    """Whose voice a text's narration is: the actor that issues a release, essay or speech (a
    release carried by a wire service: the actor its contact line names), a state whose own
    body publishes the text, else the outlet (``media``)."""
    if genre not in ("essay", "press_release", "speech"):
        return _official_site(source, reg)
    if genre != "press_release" and _OUTLET.search(source):
        return "media"  # an essay in the "Yerevan Policy Review" is its author's, not Armenia's
    publisher = _publisher_holder(source, reg, release=genre == "press_release")
    if genre == "press_release" and publisher == "media":
        publisher = _release_issuer(text, reg) or publisher
    return publisher


def _official_site(source: str, reg: Registry) -> str:
    """The state whose own body publishes a text of any genre ("Foreign Ministry of Azerbaijan
    website": an interview its official gave, reposted there, is the state's page), else the
    outlet's (``media``). A note in brackets after the source is not read."""
    name = source.split("(", 1)[0]
    if not _OFFICIAL_BODY.search(name) or _OUTLET.search(name):
        return "media"
    return source_state(source, reg) or "media"


def source_state(source: str, reg: Registry) -> str | None:
    """The first state a manifest's source names before any note in brackets ("Voice of
    Yerevan", "Foreign Ministry of Azerbaijan website"), or None."""
    return next((m.holder for m in reg.mentions(source.split("(", 1)[0]) if m.holder in STATE_HOLDERS), None)


_OFFICIAL_BODY = re.compile(r"\b(?:ministry|government|presiden(?:t|cy|tial)|embassy|press\s+service|administration)\b", re.I)


def _release_issuer(text: str, reg: Registry) -> str | None:
    """The actor a release sent out by a wire or distribution service comes from, named where
    it tells the press whom to contact ("journalists may contact the NATO Press Office")."""
    contact = _CONTACT.search(text)
    mentions = reg.mentions(contact.group(1)) if contact else []
    return mentions[0].holder if mentions and mentions[0].holder not in ("media", "other") else None


_CONTACT = re.compile(
    r"\b(?:contact|call|write\s+to|e-?mail)\s+(?:the\s+)?((?:[\w'’-]+\s+){0,6}?(?:press|media|information)\s+"
    r"(?:office|service|centre|center|department|section))\b",
    re.IGNORECASE,
)


# Words that name a news outlet in a manifest's source ("Caspian Wire", "Lake News"; not "press",
# which a release's own description uses).
_OUTLET = re.compile(r"\b(?:news|agency|wire|times|post|daily|weekly|tv|radio|media|herald|observer|journal|review|"
                     r"report|courier|gazette|ledger|dispatch|bulletin|newspaper|magazine|online)\b", re.I)
