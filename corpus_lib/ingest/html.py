"""Saved web pages: the main text and its metadata with trafilatura, the date with htmldate.

A saved page holds far more than its article: menus, cookie banners, sidebars, lists of
related links, comments and footers. trafilatura keeps the main text (comments left out);
its title, site name and address fill the manifest. The date is read in the order of
:mod:`corpus_lib.ingest.dating`: the page's own metadata first (htmldate run on the page's
``<head>``, its JSON-LD and any element marked ``datePublished``, so a date in the address
or the body is never taken for metadata), then a dateline in the text, the address, a date
htmldate finds elsewhere in the markup (a guess), the file name. The address is the page's
canonical one, or the one a browser wrote into a saved page (``<!-- saved from url=… -->``).

The extraction settings are :data:`EXTRACTION` (``benchmarks/import_quality.py`` measures
them on invented pages of many layouts).
"""

from __future__ import annotations

import copy
import re
from urllib.parse import urlsplit

from corpus_lib.ingest.dating import date_text
from corpus_lib.ingest.model import Imported, ImportFailed, clean_lines, looks_binary, one_line, quiet, require
from corpus_lib.pipeline.pubdates import DateClue, parse_date

EXTRACTION = {"include_comments": False, "include_tables": False, "favor_precision": False, "deduplicate": False}
"""trafilatura's options for the main text (a second pass with ``favor_recall`` when the first finds nothing).

Comments are readers', not the page's; tables are left out because their cells are not
sentences and because old sites lay whole pages out as tables, whose menus and footers
would come along (``benchmarks/import_quality.py`` compares both)."""
_SAVED_FROM = re.compile(rb"<!--\s*(?:saved from url=\(\d+\)|[^>]{0,200}?\burl:\s*)(https?://[^\s>]+)", re.IGNORECASE)
_MARKUP = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body|p|div|article|main|title)\b", re.IGNORECASE)
_METADATA_XPATH = ('//script[@type="application/ld+json"] | //*[@itemprop="datePublished"] | //time[@pubdate]'
                   ' | //meta[@itemprop="datePublished"]')
LOGGERS = ("trafilatura", "htmldate", "courlan", "charset_normalizer")


def _saved_from(data: bytes) -> str:
    """The address a browser or SingleFile wrote into a saved page, or ``""``."""
    match = _SAVED_FROM.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else ""


def _metadata_only(tree):
    """A copy of a page holding only its ``<head>``, its JSON-LD and elements marked as the publication date."""
    from lxml import html as lxml_html

    mini = lxml_html.fromstring("<html><head></head><body></body></html>")
    head, body = mini.find("head"), mini.find("body")
    source_head = tree.find(".//head")
    if source_head is not None:
        for child in source_head:
            head.append(copy.deepcopy(child))
    for element in tree.xpath(_METADATA_XPATH):
        if element.getparent() is not None and element.getparent().tag == "head":
            continue
        kept = copy.deepcopy(element)
        kept.tail = None
        body.append(kept)
    return mini


def _htmldate_clue(htmldate, tree, where: str) -> DateClue | None:
    """htmldate's date for ``tree`` (fast search, original date, no address) as a clue, or None."""
    found = htmldate.find_date(tree, extensive_search=False, original_date=True, url="", outputformat="%Y-%m-%d")
    parts = parse_date(found) if found else None
    return DateClue(*parts, where=where, evidence=found) if parts else None


def _visible_chars(tree) -> int:
    """Non-whitespace characters of a page's visible text (scripts and styles left out)."""
    body = tree.find(".//body")
    if body is None:
        return 0
    parts = [t for t in body.xpath(".//text()[not(ancestor::script or ancestor::style or ancestor::noscript"
                                   " or ancestor::template)]")]
    return sum(len("".join(p.split())) for p in parts)


def _same_line(a: str, b: str) -> bool:
    """Whether two title lines say the same (case, spacing and closing punctuation aside), or one begins the other."""
    a, b = (re.sub(r"[\W_]+", " ", s).strip().lower() for s in (a, b))
    return bool(a and b) and (a == b or a.startswith(b) or b.startswith(a))


def _title(tree, found: str, lines: list[str]) -> str:
    """The page's title: the text's first line when the ``<title>`` element holds it (a blog whose ``<h1>``
    is the site's name misleads trafilatura), else trafilatura's title, else the first line."""
    element = tree.find(".//title")
    page_title = " ".join((element.text_content() if element is not None else "").split()).lower()
    first = lines[0] if lines else ""
    if first and len(first) <= 200 and len(first.split()) >= 2 and first.lower() in page_title:
        return first
    return one_line(found) or first


def extract_main_text(data: bytes | str, *, url: str | None = None, options: dict | None = None):
    """trafilatura's reading of a page: a document with ``text``, ``title``, ``sitename``, ``url``, or None.

    ``options`` replaces :data:`EXTRACTION`; the benchmark uses it to compare settings.
    """
    trafilatura = require("trafilatura", "trafilatura")
    settings = dict(EXTRACTION if options is None else options)
    with quiet(*LOGGERS):
        document = trafilatura.bare_extraction(data, url=url or None, with_metadata=True, **settings)
        if document is None or not (document.text or "").strip():
            retry = {**settings, "favor_precision": False, "favor_recall": True}
            document = trafilatura.bare_extraction(data, url=url or None, with_metadata=True, **retry)
    if document is None or not (document.text or "").strip():
        return None
    return document


def read_html(data: bytes, name: str, *, options: dict | None = None) -> list[Imported]:
    """One saved page as one text: its title on the first line, then its main text.

    ``options`` replaces trafilatura's settings (:data:`EXTRACTION`), for comparing them.

    Raises:
        ImportFailed: the file holds binary data, no HTML markup, or no main text.
    """
    if looks_binary(data):
        raise ImportFailed("not an HTML page: the file holds binary data")
    if not _MARKUP.search(data[:65536]):
        raise ImportFailed("not an HTML page: no HTML markup found")
    trafilatura = require("trafilatura", "trafilatura")
    htmldate = require("htmldate", "htmldate")
    saved_url = _saved_from(data)
    with quiet(*LOGGERS):
        tree = trafilatura.load_html(data)
        if tree is None:
            raise ImportFailed("not an HTML page: it cannot be parsed")
        metadata = _htmldate_clue(htmldate, _metadata_only(tree), "page's metadata (read by htmldate)")
        guess = _htmldate_clue(htmldate, tree, "page's markup (a date htmldate found outside the metadata)")
    document = extract_main_text(data, url=saved_url, options=options)
    if document is None:
        raise ImportFailed("no main text found in the page")
    lines = [line for line in (one_line(x) for x in clean_lines(document.text)) if line]
    title = _title(tree, document.title or "", lines)
    added_title = bool(title) and not (lines and _same_line(lines[0], title))
    if added_title:
        lines.insert(0, title)
    text = "\n\n".join(lines) + "\n"
    url = document.url or saved_url
    dating = date_text(text, name=name, url=url, metadata=metadata, guesses=[guess] if guess else [])
    kept = sum(len("".join(line.split())) for line in lines)
    detail = (f"kept {kept:,} of {_visible_chars(tree):,} characters of page text "
              "(menus, banners, sidebars, related links, comments and footers dropped)")
    if added_title:
        detail += "; the page's title added as the first line"
    source = one_line(document.sitename or "") or (urlsplit(url).hostname or "" if url else "")
    return [Imported(text=text, title=title, date=dating.date, date_basis=dating.basis, date_note=dating.note,
                     source=source, url=url, detail=detail)]
