"""News-archive exports: one file holding many articles, split into one text per article.

Archives (LexisNexis, Nexis Uni, Factiva and the like) deliver search results as one
``.docx``, ``.rtf`` or ``.txt`` file. The splitter reads any of them as lines (one per
Word or RTF paragraph) with this grammar; keys and markers are matched without regard to
case, and ``-``, ``_`` and spaces in a key are the same::

    export     := cover? (separator? article end?)+ trailing?
    separator  := a line "N of M DOCUMENTS" or "Document N of M"
    end        := a line "End of Document", or "Document" and an archive id (16+ letters/digits)
    article    := header body-marker? body trailer?
    body-marker:= a line "Body", "Text" or "Full text" (a colon allowed; "BODY: words" opens the body with them)
    header     := (field | date-line | copyright-line | free-line)*
    field      := KEY ":" value            KEY one of FIELDS below
    date-line  := a line that is a date ("March 12, 2010 Friday", "12 March 2010"), up to four words after it
    trailer    := from a trailer field ("Load-Date:", "Language:", "Classification", "Subject:", a
                  copyright line …) to the article's end, with no prose sentence after it

Articles are bounded by separators and end markers. Without a body marker, the header is
the opening run of fields, date lines, copyright lines and short free lines (up to the
first prose line: eight words or more ending a sentence), cut after the last field, date or
copyright line among them. What the header says:

- ``title``: a ``Title:``/``Headline:`` field, else a free line by its place around the date
  line: with two or more free lines before the date (Nexis Uni: title, source, date) the
  first is the title and the last the source; with one before and some after (classic
  LexisNexis: source, date, title) the one before is the source and the first after the title.
- ``source``: a ``Publication:``/``Source:`` field, else the free line found above.
- ``date``: a ``Date:``/``Published:`` field, else the header's first date line (basis
  ``explicit``); else a dateline in the body; else the ``Load-Date`` (the day the archive
  loaded the article, basis ``inferred``). The export's file name never dates an article.

A cover page before the first article (text before the first separator, or a Nexis Uni
cover with "User Name:", "Job Number:", "Documents (3)" and the numbered list of titles) is
dropped and logged; so is text after the last end marker, and an article without a body.
Each article's text is its title, a blank line, then its body; the header and trailer
fields dropped are named in the log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus_lib.ingest.dating import date_text
from corpus_lib.ingest.model import Dropped, Imported, as_paragraphs, as_text, one_line
from corpus_lib.pipeline.pubdates import DateClue, parse_date

_SEPARATOR = re.compile(r"\A\s*(?:(?P<n>\d{1,5})\s+of\s+(?P<m>\d{1,5})\s+documents?|document\s+(?P<n2>\d{1,5})\s+of\s+"
                        r"(?P<m2>\d{1,5}))\s*\Z", re.IGNORECASE)
_END = re.compile(r"\A\s*(?:end\s+of\s+document|document\s+(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{16,})\s*\Z", re.IGNORECASE)
_FIELD = re.compile(r"\A\s*(?P<key>[A-Za-z][A-Za-z/ _\-]{0,30}?)\s*:\s*(?P<value>.*?)\s*\Z")
_BODY_MARK = re.compile(r"\A\s*(?:body|text|full text)\s*:?\s*\Z", re.IGNORECASE)
_COPYRIGHT = re.compile(r"\A\s*(?:copyright\b|©|\(c\)\s*\d{4})", re.IGNORECASE)
_NUMBERED = re.compile(r"\A\s*\d{1,4}\.\s+\S")
_DOCUMENTS_COUNT = re.compile(r"\A\s*documents\s*\(\d+\)\s*\Z", re.IGNORECASE)
_PROSE = re.compile(r"[.!\"”’')]\s*\Z")
HEADER_SCAN = 30
"""How many non-blank lines at an article's top may hold its header when no body marker is found."""
MAX_FREE = 200
"""The longest line of a header (a longer line opens the body)."""

TITLE, SOURCE, DATE, LOAD_DATE, URL, BODY = "title", "source", "date", "load date", "url", "body"
FIELDS = {
    "title": TITLE, "headline": TITLE,
    "publication": SOURCE, "source": SOURCE, "publication name": SOURCE, "newspaper": SOURCE, "journal": SOURCE,
    "date": DATE, "published": DATE, "publication date": DATE, "pub date": DATE,
    "load date": LOAD_DATE, "url": URL, "link": URL, "document url": URL, "body": BODY,
}
"""Header keys whose values fill the manifest; other keys below are known and dropped."""
OTHER_HEADER = {
    "byline", "author", "authors", "section", "length", "dateline", "edition", "highlight", "graphic", "series",
    "correction", "correction date", "type", "word count", "words", "page", "pages", "column", "region",
    "descriptors", "keywords", "issn", "volume", "issue", "accession number", "document id", "copyright",
}
TRAILER = {
    "load date", "language", "publication type", "document type", "journal code", "classification", "subject",
    "geographic", "industry", "person", "organization", "company", "ticker", "country", "city", "state", "graphic",
    "notes", "url", "link", "copyright",
}
"""Keys that open an article's trailer (with a "Classification" line and a copyright line)."""
COVER = {"user name", "date and time", "job number", "client/matter", "search terms", "search type",
         "narrowed by", "content type", "documents", "dossier"}


def _key(line: str) -> tuple[str, str, str] | None:
    """``(key, written key, value)`` of a header or trailer field line; None for any other line."""
    match = _FIELD.match(line)
    if match is None:
        return None
    key = " ".join(re.sub(r"[-_]", " ", match.group("key")).lower().split())
    if key in FIELDS or key in OTHER_HEADER or key in TRAILER or key in COVER:
        return key, match.group("key").strip(), match.group("value")
    return None


def _date_line(line: str) -> DateClue | None:
    """The date of a header line that is a date, up to four words (a weekday, an edition) after it."""
    words = line.split()
    if not words or len(line) > 80:
        return None
    for cut in range(len(words), max(0, len(words) - 5), -1):
        parts = parse_date(" ".join(words[:cut]))
        if parts is not None:
            return DateClue(*parts, where="export header's date line", evidence=one_line(line))
    return None


def _is_prose(line: str) -> bool:
    return _key(line) is None and len(line.split()) >= 8 and bool(_PROSE.search(line))


@dataclass
class _Chunk:
    lines: list[str]
    part: tuple[int, int] | None = None
    closed_by_end: bool = False


def _chunks(lines: list[str]) -> list[_Chunk]:
    """The export's lines cut at separators and end markers."""
    chunks, current = [], _Chunk([])
    for line in lines:
        separator, end = _SEPARATOR.match(line), _END.match(line)
        if separator is None and end is None:
            current.lines.append(line)
            continue
        current.closed_by_end = end is not None
        chunks.append(current)
        part = (int(separator.group("n") or separator.group("n2")), int(separator.group("m") or separator.group("m2"))) \
            if separator else None
        current = _Chunk([], part=part)
    chunks.append(current)
    return [c for c in chunks if any(line.strip() for line in c.lines)]


def is_export(lines: list[str]) -> bool:
    """Whether lines hold an archive's article separators or end markers.

    Example:
        >>> is_export(["1 of 2 DOCUMENTS", "Title", "Body."]), is_export(["A text.", "Its end."])
        (True, False)
    """
    return any(_SEPARATOR.match(line) or _END.match(line) for line in lines)


def _strip_cover(lines: list[str]) -> tuple[list[str], bool]:
    """A Nexis Uni cover page cut from the first article's lines; whether there was one."""
    top = [line for line in lines[:6] if line.strip()][:3]
    if not any((_key(line) or ("",))[0] in COVER or _DOCUMENTS_COUNT.match(line) for line in top):
        return lines, False
    numbered = [i for i, line in enumerate(lines[:400]) if _NUMBERED.match(line)]
    if numbered:
        first_title = " ".join(re.sub(r"\A\s*\d+\.\s+", "", lines[numbered[0]]).split()).lower()
        for i in range(numbered[-1] + 1, len(lines)):
            if " ".join(lines[i].split()).lower() == first_title:
                return lines[i:], True
    last = 0
    for i, line in enumerate(lines[:400]):
        key = _key(line)
        if (key and key[0] in COVER) or _DOCUMENTS_COUNT.match(line) or _NUMBERED.match(line) \
                or re.search(r"narrowed by|timeline:", line, re.IGNORECASE):
            last = i + 1
    return lines[last:], True


def _split_header(lines: list[str]) -> tuple[list[str], list[str]]:
    """``(header, body)`` of an article's lines, by its body marker or by the shape of its top lines."""
    for i, line in enumerate(lines[: HEADER_SCAN * 3]):
        key = _key(line)
        if _BODY_MARK.match(line):
            return lines[:i], lines[i + 1:]
        if key and key[0] == "body" and key[2]:
            return lines[:i], [key[2], *lines[i + 1:]]
    end, seen = 0, 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > HEADER_SCAN or len(line.strip()) > MAX_FREE or _is_prose(line):
            break
        if _key(line) or _date_line(line) or _COPYRIGHT.match(line):
            end = i + 1
    if end == 0:
        first = next((i for i, line in enumerate(lines) if line.strip()), 0)
        end = first + 1 if len(lines[first].strip()) <= MAX_FREE else 0
    return lines[:end], lines[end:]


def _split_trailer(body: list[str]) -> tuple[list[str], list[str]]:
    """``(body, trailer)``: the trailer opens at a trailer field with no prose sentence after it."""
    last_prose = max((i for i, line in enumerate(body) if _is_prose(line)), default=-1)
    for i in range(last_prose + 1, len(body)):
        line = body[i].strip()
        key = _key(line)
        if (key and key[0] in TRAILER) or line.lower() == "classification" or _COPYRIGHT.match(line):
            return body[:i], body[i:]
    return body, []


@dataclass
class _Header:
    fields: dict[str, tuple[str, str]] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)
    free: list[tuple[int, str]] = field(default_factory=list)
    date: DateClue | None = None
    date_at: int | None = None


def _read_header(header: list[str], trailer: list[str]) -> _Header:
    """The fields, free lines and date line of an article's header and trailer."""
    found = _Header()
    for i, line in enumerate([*header, *trailer]):
        text = one_line(line)
        if not text:
            continue
        key, date = _key(text), None
        if key:
            kind = FIELDS.get(key[0], key[0])
            found.fields.setdefault(kind, (key[1], key[2]))
            if kind not in (TITLE, SOURCE, DATE, URL):
                found.dropped.append(key[1])
        elif i >= len(header) or _COPYRIGHT.match(text):
            found.dropped.append("copyright line" if _COPYRIGHT.match(text)
                                 else "Classification" if text.lower() == "classification" else "trailer line")
        elif (date := _date_line(text)) is not None:
            if found.date is None:
                found.date, found.date_at = date, i
        else:
            found.free.append((i, text))
    return found


def _title_and_source(found: _Header) -> tuple[str, str]:
    """The title and source of a header, from its fields or the places of its free lines (see the module docstring)."""
    title = found.fields.get(TITLE, ("", ""))[1]
    source = found.fields.get(SOURCE, ("", ""))[1]
    free = [text for _, text in found.free if text not in (title, source)]
    if title and source:
        return title, source
    if found.date_at is None:
        return title or (free[0] if free else ""), source
    before = [text for i, text in found.free if i < found.date_at and text not in (title, source)]
    after = [text for i, text in found.free if i > found.date_at and text not in (title, source)]
    if title:
        return title, source or (before[-1] if before else "")
    if source:
        return (before[0] if before else after[0] if after else ""), source
    if len(before) >= 2:
        return before[0], before[-1]
    if len(before) == 1 and after:
        return after[0], before[0]
    return (before or after or [""])[0], ""


def _article(lines: list[str], part: str, *, paragraphs: bool) -> Imported | Dropped:
    """One article's text and manifest values, or why it was dropped."""
    header, body = _split_header(lines)
    body, trailer = _split_trailer(body)
    found = _read_header(header, trailer)
    title, source = _title_and_source(found)
    body_text = as_paragraphs(body) if paragraphs else as_text(body)
    if not body_text.strip():
        return Dropped(part, f"article {part}: no body text after its header")
    first = body_text.lstrip().split("\n", 1)[0]
    text = body_text if not title or one_line(first) == title else f"{title}\n\n{body_text}"
    metadata = found.date
    if DATE in found.fields:
        parts = parse_date(found.fields[DATE][1])
        metadata = DateClue(*parts, where=f"export header's {found.fields[DATE][0]} field",
                            evidence=found.fields[DATE][1]) if parts else metadata
    guesses = []  # the load date only stands in for a missing date: it is the day after publication as often as not
    if metadata is None and LOAD_DATE in found.fields and (parts := parse_date(found.fields[LOAD_DATE][1])):
        guesses.append(DateClue(*parts, where="archive's Load-Date (the day it loaded the article)",
                                evidence=found.fields[LOAD_DATE][1]))
    dating = date_text(body_text, metadata=metadata, guesses=guesses)
    names = (["source line"] if source and SOURCE not in found.fields else []) + \
        (["date line"] if found.date is not None else []) + found.dropped
    detail = f"article {part} of the export; header and trailer dropped: {', '.join(dict.fromkeys(names)) or 'none'}"
    return Imported(text=text, title=title, date=dating.date, date_basis=dating.basis, date_note=dating.note,
                    source=source, url=found.fields.get(URL, ("", ""))[1], part=part, detail=detail)


def split_export(lines: list[str], *, paragraphs: bool) -> list[Imported | Dropped]:
    """The articles of an export's lines (see the module docstring), each an :class:`Imported` or a :class:`Dropped`.

    ``paragraphs``: each line is a paragraph (Word, RTF), written with blank lines between;
    otherwise lines are kept as they are (a ``.txt`` export).
    """
    chunks = _chunks(lines)
    articles: list[tuple[list[str], tuple[int, int] | None]] = []
    results: list[Imported | Dropped] = []
    for index, chunk in enumerate(chunks):
        if chunk.part is None and not chunk.closed_by_end:
            where = ("before the first article (a cover page)" if index == 0
                     else "after the last article" if index == len(chunks) - 1 else "between two articles")
            results.append(Dropped("cover" if index == 0 else "between", f"text {where}: dropped"))
        else:
            body, had_cover = _strip_cover(chunk.lines) if not articles else (chunk.lines, False)
            if had_cover:
                results.append(Dropped("cover", "the export's cover page (user, job, search, list of titles): dropped"))
            articles.append((body, chunk.part))
    total = len(articles)
    for ordinal, (body, numbered) in enumerate(articles, 1):
        part = f"{numbered[0]} of {numbered[1]}" if numbered else f"{ordinal} of {total}"
        results.append(_article(body, part, paragraphs=paragraphs))
    return results
