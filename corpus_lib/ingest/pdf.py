"""PDFs with a text layer, read with pypdf; a PDF without one is reported, never guessed at.

A scanned PDF holds pictures of pages and no text: it is refused with the advice to run
OCR first (``ocrmypdf`` writes the text layer), since text made up from nothing would be
worse than no text. Page numbers ("3", "Page 3 of 7", "- 3 -") and running headers or
footers (a first or last line repeated on most pages) are dropped and counted in the log.
Lines stay as the PDF lays them out (ligatures such as "ﬁ" written out); the cleaner undoes
the hard wrapping. An archive's export saved as PDF is split like any other
(:mod:`corpus_lib.ingest.exports`). The title is the PDF's own Title property, else its
first line; its creation date is only named in the date note, as a lead (see
:mod:`corpus_lib.ingest.dating`).
"""

from __future__ import annotations

import io
import re
from collections import Counter

from corpus_lib.ingest.dating import date_text
from corpus_lib.ingest.exports import is_export, split_export
from corpus_lib.ingest.model import (
    Dropped,
    Imported,
    ImportFailed,
    as_text,
    clean_lines,
    first_line,
    one_line,
    quiet,
    require,
)
from corpus_lib.pipeline.pubdates import DateClue

MIN_CHARS = 40
"""Fewer non-whitespace characters than this in the whole PDF: no text layer (a scan)."""
_PAGE_NUMBER = re.compile(r"\A\s*(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*[-–—])?\s*\Z", re.I)
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st",
                            "\u00ad": ""})
"""Typographic ligatures written out (so "ﬁnal" is the word "final") and soft hyphens removed."""
NO_TEXT = ("no text layer ({chars} characters on {pages} page(s)): a scanned PDF? "
           "run OCR first (ocrmypdf writes the text layer), then import the result")


def _page_lines(reader) -> list[list[str]]:
    """The non-empty lines of each page, as pypdf extracts them."""
    pages = []
    for page in reader.pages:
        text = page.extract_text() or ""
        pages.append([line for line in clean_lines(text) if line.strip()])
    return pages


def _drop_furniture(pages: list[list[str]]) -> tuple[list[list[str]], int, int]:
    """Pages without page numbers and repeated headers or footers; how many of each were dropped."""
    edges = Counter()
    for lines in pages:
        edges.update({" ".join(x.split()) for x in lines[:1] + lines[-1:]})
    repeated = {line for line, n in edges.items() if len(pages) >= 3 and n > len(pages) / 2}
    numbers = furniture = 0
    kept_pages = []
    for lines in pages:
        kept = list(lines)
        for index in (0, -1):  # top then bottom: a number and a header may stack at either end
            for _ in range(2):
                if not kept:
                    break
                line = " ".join(kept[index].split())
                if _PAGE_NUMBER.match(line):
                    numbers += 1
                elif line in repeated:
                    furniture += 1
                else:
                    break
                kept.pop(index)
        kept_pages.append(kept)
    return kept_pages, numbers, furniture


def _properties(reader) -> tuple[str, list[DateClue]]:
    """The PDF's Title property and its creation date (a lead for the date note); nothing from damaged properties."""
    try:
        metadata = reader.metadata
        title = one_line(metadata.title or "") if metadata else ""
        created = metadata.creation_date if metadata else None
    except Exception:  # noqa: BLE001  (damaged properties are no reason to lose the text)
        return "", []
    if created is None:
        return title, []
    evidence = created.date().isoformat()
    return title, [DateClue(created.year, created.month, created.day, where="PDF's creation date in its properties",
                            evidence=evidence)]


def _open(data: bytes):
    """A pypdf reader for the bytes, decrypted when only an empty password protects them."""
    pypdf = require("pypdf", "pypdf")
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ImportFailed("not a PDF: the file does not start with %PDF")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ImportFailed("the PDF is encrypted: save an unprotected copy, then import it")
        len(reader.pages)
    except ImportFailed:
        raise
    except Exception as err:  # noqa: BLE001  (pypdf raises many kinds on a damaged file)
        raise ImportFailed(f"not a readable PDF ({type(err).__name__}: {one_line(str(err), 160)})") from None
    return reader


def read_pdf(data: bytes, name: str) -> list[Imported | Dropped]:
    """One PDF as one text, pages separated by a blank line (one text per article for an archive's export).

    Raises:
        ImportFailed: the file is not a PDF, is damaged or encrypted, or has no text layer.
    """
    with quiet("pypdf"):
        reader = _open(data)
        try:
            pages = _page_lines(reader)
        except Exception as err:  # noqa: BLE001
            raise ImportFailed(f"cannot extract the PDF's text ({type(err).__name__}: {one_line(str(err), 160)})") from None
        title, created = _properties(reader)
    chars = sum(len("".join(line.split())) for lines in pages for line in lines)
    if chars < MIN_CHARS:
        raise ImportFailed(NO_TEXT.format(chars=chars, pages=len(pages)))
    kept_pages, numbers, furniture = _drop_furniture(pages)
    lines = [line.translate(_LIGATURES) for lines in kept_pages for line in [*lines, ""]]
    if is_export(lines):  # an archive's export saved as PDF
        return split_export(lines, paragraphs=False)
    text = as_text(lines)
    title = title or first_line(text)
    dating = date_text(text, name=name, properties=created)
    detail = f"{len(pages)} page(s) of text"
    if numbers or furniture:
        detail += f"; dropped {numbers} page-number line(s) and {furniture} repeated header or footer line(s)"
    return [Imported(text=text, title=title, date=dating.date, date_basis=dating.basis, date_note=dating.note,
                     detail=detail)]
