"""Publication dates of whole documents, read where texts and files state them.

A document's own date (the manifest's ``date``) is often written where a reader looks
first: a dateline opening the text ("BRUSSELS, 12 March 2010 –", "BAKU, May 16 (Agency) –"),
a line under the title holding only a date ("June 18 2008", "March 12, 2010 Friday"), a
header field of a news-archive export ("Load-Date: March 13, 2010"). Saved files and pages
carry it in their names and addresses (``2010-03-12``, ``20100312``, ``2010_03``,
``/2010/03/12/``). The finders here read those places only and return a :class:`DateClue`
holding what they found and the words that said it; they never guess beyond the words: a
dateline without a year gives a month and a day, a file name with ``2010_03`` a month.
Choosing among clues (and the manifest's ``date_basis``) is the caller's policy.

Month names are those of :data:`corpus_lib.pipeline.dates.MONTHS` (full and abbreviated
English names). Numeric days are read as ISO (``2010-03-12``) or day first with dots
(``12.03.2010``); a slashed ``03/04/2010`` is read only when one of its numbers cannot be a
month, since the order of day and month differs between countries.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from corpus_lib.pipeline.dates import MONTHS

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_TIME = r"(?:(?:at\s+)?\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?)"
# The forms of a date, each a whole match of the words between a weekday and a time.
_FORMS = [
    re.compile(rf"{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}", re.IGNORECASE),
    re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.IGNORECASE),
    re.compile(rf"{_YEAR}-(?P<mm>[01]\d)-(?P<day>[0-3]\d)(?:[T ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?"),
    re.compile(rf"(?P<day>[0-3]?\d)\.(?P<mm>[01]?\d)\.{_YEAR}"),
    re.compile(rf"(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/{_YEAR}"),
    re.compile(rf"{_DAY}\s+(?:of\s+)?{_MONTH}", re.IGNORECASE),
    re.compile(rf"{_MONTH}\s+{_DAY}", re.IGNORECASE),
]
_AROUND = re.compile(rf"\A\W*(?:{_WEEKDAY}\W+)?(?P<core>.+?)(?:\W+{_WEEKDAY})?(?:\W+{_TIME})?\W*\Z", re.IGNORECASE)
# A dateline: a capitalised place of up to four words, an agency in brackets, a date, then a dash or colon.
# A place's words hold no hyphen, so "A-B-C" splits one way only and a long hyphenated token cannot
# make the pattern backtrack without end.
_DATELINE = re.compile(
    r"\A[\W_]{0,3}(?P<place>[^\W\d_][\w'’.]*(?:[ \-/][^\W\d_][\w'’.]*){0,4})\s*(?:\([^()\n]{1,40}\))?\s*[,.]\s*"
    r"(?P<date>[^\n()–—:]{3,40}?)\s*(?:\((?P<agency>[^()\n]{1,40})\))?\s*[,.]?\s*(?:[–—]|-{1,2}|:)(?:\s|\Z)"
)
# A label some pages put before the date line under a title.
_DATE_LABEL = re.compile(r"\A\s*(?:published|posted|date|dated|issued|released)(?:\s+on)?\s*:?\s*", re.IGNORECASE)
_NAME_DATE = r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<sep>{seps})(?P<mm>0[1-9]|1[0-2])(?:(?P=sep)(?P<day>0[1-9]|[12]\d|3[01]))?(?!\d)"
MAX_DATE_TEXT = 100
"""The longest text read as one date (a weekday, a time and a time zone included)."""
TOP_LINES = 8
"""How many non-empty lines at the top of a text are searched for a dateline or a date line."""
MAX_DATELINE = 160
"""How much of a line can hold a dateline (a place, an agency and a date come first)."""
MAX_DATE_LINE = 60
"""The longest line read as a date line (a longer one is a sentence that mentions a date)."""


@dataclass(frozen=True)
class DateClue:
    """A date, possibly without its year or day, with where it was found and the words that said it.

    Example:
        >>> clue = DateClue(2010, 3, 12, where="dateline", evidence="BRUSSELS, 12 March 2010")
        >>> clue.day, clue.describe()
        (datetime.date(2010, 3, 12), "the dateline 'BRUSSELS, 12 March 2010'")
    """

    year: int | None
    month: int
    day_of_month: int | None
    where: str
    evidence: str

    @property
    def day(self) -> dt.date | None:
        """The full date, or None when the year or the day of the month is missing."""
        if self.year is None or self.day_of_month is None:
            return None
        return dt.date(self.year, self.month, self.day_of_month)

    def describe(self) -> str:
        """Where the clue was found, with its words quoted."""
        return f"the {self.where} {self.evidence!r}"


def _valid(year: int | None, month: int, day: int | None) -> bool:
    try:
        dt.date(year or 2000, month, day or 1)  # 2000 is a leap year: 29 February passes without a year
    except ValueError:
        return False
    return True


def _parts(match: re.Match) -> tuple[int | None, int, int | None] | None:
    """``(year, month, day)`` of one matched form, or None for impossible or ambiguous values."""
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if groups.get("a"):
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            month, day = a, b
        else:
            return None  # 03/04/2010: day and month cannot be told apart
    else:
        day = int(groups["day"])
        month = MONTHS[groups["month"].lower()] if groups.get("month") else int(groups["mm"])
    return (year, month, day) if _valid(year, month, day) else None


def parse_date(text: str, *, need_year: bool = True) -> tuple[int | None, int, int | None] | None:
    """Read ``text`` as one date, a weekday and a time around it allowed; None if it is anything else.

    Returns ``(year, month, day)``; the year is None only when ``need_year`` is False and
    the text has none.

    Example:
        >>> parse_date("March 12, 2010 Friday 10:45 AM GMT"), parse_date("Friday, 12th March 2010")
        ((2010, 3, 12), (2010, 3, 12))
        >>> parse_date("May 16"), parse_date("May 16", need_year=False), parse_date("03/04/2010")
        (None, (None, 5, 16), None)
    """
    text = " ".join(text.split())
    if len(text) > MAX_DATE_TEXT:
        return None
    around = _AROUND.match(text)
    if around is None:
        return None
    core = around.group("core")
    for form in _FORMS:
        match = form.fullmatch(core)
        if match is not None:
            parts = _parts(match)
            if parts is not None and (parts[0] is not None or not need_year):
                return parts
            return None
    return None


def parse_day(text: str) -> dt.date | None:
    """``text`` read as one full date (see :func:`parse_date`), or None.

    Example:
        >>> parse_day("Load-Date: March 13, 2010".split(": ")[1])
        datetime.date(2010, 3, 13)
    """
    parts = parse_date(text)
    return None if parts is None else dt.date(parts[0], parts[1], parts[2])


def _top_lines(text: str, n: int = TOP_LINES) -> list[str]:
    """The first ``n`` non-empty lines of a text, whitespace collapsed."""
    lines = []
    for line in text.lstrip("\ufeff").splitlines():
        line = " ".join(line.split())
        if line:
            lines.append(line)
            if len(lines) == n:
                break
    return lines


def find_dateline(text: str) -> DateClue | None:
    """The date of a dateline opening one of the first lines of a text, or None.

    A dateline is a capitalised place, a date (with or without its year) and an agency in
    brackets if any, before a dash or a colon.

    Example:
        >>> find_dateline("Talks resume\\n\\nBRUSSELS, 12 March 2010 – Ministers met.").day
        datetime.date(2010, 3, 12)
        >>> clue = find_dateline("BAKU, May 16 (Agency) – The talks went on.")
        >>> clue.year, clue.month, clue.day_of_month, clue.evidence
        (None, 5, 16, 'BAKU, May 16 (Agency)')
    """
    for line in _top_lines(text):
        line = line[:MAX_DATELINE]
        match = _DATELINE.match(line)
        if match is None or not match.group("place")[0].isupper():
            continue
        date = match.group("date")
        # "WASHINGTON, D.C., March 3": the place's second part is read first, then skipped.
        parts = parse_date(date, need_year=False) or (
            parse_date(date.split(",", 1)[1], need_year=False) if "," in date else None)
        if parts is not None:
            evidence = line[: match.end()].rstrip(" –—-:").rstrip()
            return DateClue(*parts, where="dateline", evidence=evidence)
    return None


def find_date_line(text: str) -> DateClue | None:
    """The date of a line near the top of a text holding only a date (a label such as "Published:" allowed).

    Example:
        >>> find_date_line("Ekspress\\nJune 18 2008\\nAzerbaijan\\n\\nThe minister said ...").day
        datetime.date(2008, 6, 18)
    """
    for line in _top_lines(text):
        if len(line) > MAX_DATE_LINE or re.match(r"\s*(?:updated|modified|last)\b", line, re.IGNORECASE):
            continue
        parts = parse_date(_DATE_LABEL.sub("", line), need_year=False)
        if parts is not None:
            return DateClue(*parts, where="date line", evidence=line)
    return None


def find_date_in_name(name: str, *, where: str = "file name", separators: str = "-_.") -> DateClue | None:
    """A date written in a file name: ``2010-03-12``, ``2010_03_12``, ``20100312`` or only the month, ``2010_03``.

    A month without its day needs a separator (``201003`` alone is as likely a number); a day
    must be a real one. The last date in the name wins (a folder's date gives way to the file's).

    Example:
        >>> find_date_in_name("statement_20100312.txt").day
        datetime.date(2010, 3, 12)
        >>> clue = find_date_in_name("minutes-2010_03.txt")
        >>> clue.year, clue.month, clue.day_of_month
        (2010, 3, None)
        >>> find_date_in_name("000_115cb6843bfc0efd.txt") is None
        True
    """
    seps = "|".join(re.escape(s) for s in separators) + "|"
    found = None
    for match in re.finditer(_NAME_DATE.format(seps=seps), name):
        year, month = int(match.group("year")), int(match.group("mm"))
        day = int(match.group("day")) if match.group("day") else None
        if (day is None and not match.group("sep")) or not _valid(year, month, day):
            continue
        found = DateClue(year, month, day, where=where, evidence=match.group(0))
    return found


def find_date_in_url(url: str) -> DateClue | None:
    """A date in the path of a web address: ``/2010/03/12/``, ``/2010-03-12-slug``, ``/2010/03/``.

    Example:
        >>> find_date_in_url("https://example.org/news/2010/03/12/talks-resume").day
        datetime.date(2010, 3, 12)
    """
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    return find_date_in_name(path, where="URL", separators="-_./")
