"""Word (``.docx``, with python-docx), RTF (with striprtf) and plain-text files: one text, or one per article.

Each reader turns its file into lines and hands them to
:func:`corpus_lib.ingest.exports.split_export` when they hold an archive's article
separators or end markers; otherwise the file is one text. A Word or RTF paragraph is one
line, written as a paragraph of its own; tables are read row by row (a row's cells joined
by " | "), while page headers, footers and comments are not part of the text. A plain
``.txt`` that is not an export is copied byte for byte, so it must already be UTF-8 (the
same rule as a corpus folder's texts: :func:`corpus_lib.pipeline.load.decode_text`).

The title is the Word file's Title property, else its first line. A Word file's creation
date is only named in the date note (see :mod:`corpus_lib.ingest.dating`).
"""

from __future__ import annotations

import io
import zipfile

from corpus_lib.errors import CorpusError
from corpus_lib.ingest.dating import date_text
from corpus_lib.ingest.exports import is_export, split_export
from corpus_lib.ingest.model import (
    Dropped,
    Imported,
    ImportFailed,
    as_paragraphs,
    clean_lines,
    first_line,
    one_line,
    quiet,
    require,
)
from corpus_lib.pipeline.load import decode_text
from corpus_lib.pipeline.pubdates import DateClue


def _single(text: str, name: str, detail: str, *, title: str = "", properties=()) -> list[Imported]:
    """A file holding one text, dated from its text, its name and (as a lead only) its properties."""
    dating = date_text(text, name=name, properties=properties)
    return [Imported(text=text, title=title or first_line(text), date=dating.date, date_basis=dating.basis,
                     date_note=dating.note, detail=detail)]


def _docx_lines(document) -> tuple[list[str], int]:
    """The body's paragraphs and table rows in reading order; how many tables there were."""
    from docx.table import Table

    lines, tables = [], 0
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            tables += 1
            for row in block.rows:
                cells = list(dict.fromkeys(one_line(cell.text) for cell in row.cells))
                lines.append(" | ".join(c for c in cells if c))
        else:
            lines.append(block.text)
    return lines, tables


def read_docx(data: bytes, name: str) -> list[Imported | Dropped]:
    """A Word file as one text, or as one text per article when it is an archive's export.

    Raises:
        ImportFailed: the file is not a readable ``.docx`` (an old ``.doc`` renamed, a damaged zip) or holds no text.
    """
    docx = require("docx", "python-docx")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ImportFailed("not a readable .docx (not a zip file: an old .doc renamed? save it as .docx)")
    try:
        document = docx.Document(io.BytesIO(data))
        lines, tables = _docx_lines(document)
        properties = document.core_properties
    except Exception as err:  # noqa: BLE001  (python-docx and lxml raise many kinds on a damaged file)
        raise ImportFailed(f"not a readable .docx ({type(err).__name__}: {one_line(str(err), 160)})") from None
    lines = [line for text in lines for line in clean_lines(text)]
    if is_export(lines):
        return split_export(lines, paragraphs=True)
    text = as_paragraphs(lines)
    if not text.strip():
        raise ImportFailed("the .docx holds no text")
    created = properties.created
    leads = [DateClue(created.year, created.month, created.day, where="Word file's creation date in its properties",
                      evidence=created.date().isoformat())] if created else []
    detail = f"{sum(1 for x in lines if x.strip())} paragraph(s)" + (f", {tables} table(s) read row by row" if tables else "")
    return _single(text, name, detail, title=one_line(properties.title or ""), properties=leads)


def read_rtf(data: bytes, name: str) -> list[Imported | Dropped]:
    """An RTF file as one text, or as one text per article when it is an archive's export.

    Raises:
        ImportFailed: the file is not RTF or holds no text.
    """
    striprtf = require("striprtf.striprtf", "striprtf")
    if not data.lstrip().startswith(b"{\\rtf"):
        raise ImportFailed("not an RTF file: it does not start with {\\rtf")
    try:
        with quiet("striprtf"):
            plain = striprtf.rtf_to_text(data.decode("latin-1"), errors="replace")
    except Exception as err:  # noqa: BLE001
        raise ImportFailed(f"not a readable RTF file ({type(err).__name__}: {one_line(str(err), 160)})") from None
    lines = clean_lines(plain)
    if is_export(lines):
        return split_export(lines, paragraphs=True)
    text = as_paragraphs(lines)
    if not text.strip():
        raise ImportFailed("the RTF file holds no text")
    return _single(text, name, f"{sum(1 for x in lines if x.strip())} paragraph(s)")


def read_txt(data: bytes, name: str) -> list[Imported | Dropped]:
    """A plain-text file copied as it is, or split into articles when it is an archive's export.

    Raises:
        ImportFailed: the file is binary, empty, or not UTF-8 (the reason names the likely encoding).
    """
    try:
        text = decode_text(data, path=name)
    except CorpusError as err:
        raise ImportFailed(err.message) from None
    lines = clean_lines(text)
    if is_export(lines):
        return split_export(lines, paragraphs=False)
    return _single(text, name, "copied as it is")
