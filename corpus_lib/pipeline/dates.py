"""Event dates: the year (and month) a sentence says the event it narrates happened.

A chronology narrates 1992 in a text compiled in 2006; ``event_date`` lets its statements
be placed at the time of the event. Only expressions that date an event count: "in June
1995", "on May 4, 1994", "In 2002-2003", "in the spring of 1998", "in February of 1997",
"on 17 March 2024", "in September of the same year"; "since 2008", "by 2030", "until 2014"
date no event and are skipped, and so is any year after the document's own date.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        ["jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
         "aug august", "sep sept september", "oct october", "nov november", "dec december"]
    )
    for m in names.split()
}
_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"


def _month(name: str) -> str:
    return rf"(?P<{name}>{_MONTH_NAMES})"


def _year(name: str) -> str:
    return rf"(?P<{name}>1[89]\d\d|20\d\d)"


_EVENT = re.compile(
    rf"\b(?P<prep>in|on|during|at the (?:end|beginning|start) of|of)\s+(?:the\s+)?"
    rf"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s*\(?\s*)?"
    rf"(?:(?:early|late|mid-?|spring|summer|autumn|fall|winter|first half|second half)\s+(?:of\s+)?)?"
    rf"(?:(?:\d{{1,2}}\s+)?{_month('m1')}(?:[\-–/](?:{_MONTH_NAMES}))?(?:\s+\d{{1,2}})?,?(?:\s+of)?"
    rf"\s+(?:{_year('y1')}|(?P<s1>(?:the )?same year))"
    rf"|{_year('y2')}(?:\s*[\-–]\s*\d{{2,4}})?|(?P<s2>(?:the )?same year)"
    rf"|{_month('m2')}\s+\d{{1,2}}\b(?!,?\s*\d{{4}})|\d{{1,2}}\s+{_month('m3')}\b(?!\s+\d{{4}}))",
    re.IGNORECASE,
)
_SINCE = re.compile(r"\b(?:since|until|till|by|before|after|from)\b[^,;.]*\Z", re.IGNORECASE)
# Every event date has a digit or "same year" in it: a sentence without either has none,
# and this one scan is much cheaper than trying ``_EVENT`` at every word. It is
# ``\d|same year`` (case-insensitive: "s" is also "S" and "ſ") written to open with one
# character class, so that ``re`` skips every other character in C.
_MAY_DATE = re.compile(r"[\dsSſ](?:(?<![sSſ])|(?i:ame year))")


def find_event_date(sentence: str, *, doc_date: dt.date | None, last_year: int | None = None) -> str:
    """The first event date in a sentence, as ``YYYY`` or ``YYYY-MM`` (empty if none).

    ``last_year`` resolves "the same year"; a month without a year takes the document's year.

    Example:
        >>> find_event_date("In June 1995, C. Mackenzie visited Azerbaijan.", doc_date=dt.date(2006, 5, 25))
        '1995-06'
        >>> find_event_date("Both have wanted to join since 2008.", doc_date=dt.date(2022, 12, 19))
        ''
        >>> find_event_date("In September of the same year, a platoon left.", doc_date=None, last_year=1999)
        '1999-09'
    """
    if _MAY_DATE.search(sentence) is None:
        return ""
    for match in _EVENT.finditer(sentence):
        if _SINCE.search(sentence[: match.start()]):
            continue
        year_text = match.group("y1") or match.group("y2")
        month = match.group("m1") or match.group("m2") or match.group("m3")
        if year_text:
            year = int(year_text)
        elif match.group("s1") or match.group("s2"):
            if last_year is None:
                continue
            year = last_year
        elif doc_date is not None:
            year = doc_date.year
        else:
            continue
        if doc_date is not None and year > doc_date.year:
            continue
        return f"{year:04d}-{MONTHS[month.lower()]:02d}" if month else f"{year:04d}"
    return ""
