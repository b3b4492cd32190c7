"""The tables as one spreadsheet: the data dictionary first, then one sheet per table.

Written with openpyxl cell by cell, so that text which a spreadsheet would read as a formula
(a sentence starting with ``=``) stays text, and missing values stay empty cells. The file is
written next to its target and moved into place; an existing file is never replaced.
"""

from __future__ import annotations

import math
import os
import re
import tempfile
from pathlib import Path

import pandas as pd

from corpus_lib.errors import CorpusError
from corpus_lib.paths import data_dictionary

__all__ = ["dictionary_rows", "write_workbook"]

_SECTION = re.compile(r"^## `(\w+)`")
_ROW = re.compile(r"^\| `(\w+)` \| (.*?) \| (.*) \|\s*$")


def dictionary_rows(path: Path | None = None) -> list[tuple[str, str, str, str]]:
    """(table, column, type, meaning) of every column ``docs/data_dictionary.md`` describes.

    Example:
        >>> ("statements", "holder") in {(t, c) for t, c, _, _ in dictionary_rows()}
        True
    """
    rows, table = [], None
    for line in Path(path or data_dictionary()).read_text(encoding="utf-8").splitlines():
        section = _SECTION.match(line)
        if section:
            table = section.group(1)
            continue
        row = _ROW.match(line)
        if row and table:
            rows.append((table, row.group(1), row.group(2).replace("`", ""), row.group(3).replace("`", "")))
    return rows


def _cell(value):
    """A value openpyxl writes as it is meant: no NaN or NaT, timestamps as datetimes, labels as text."""
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item"):  # numpy scalar
        return value.item()
    return value


def _sheet(book, title: str, header: list[str], rows) -> None:
    sheet = book.create_sheet(title)
    sheet.append(header)
    for row in rows:
        sheet.append([_cell(v) for v in row])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text, not a formula
    sheet.freeze_panes = "A2"


def write_workbook(path: str | Path, tables: dict[str, pd.DataFrame]) -> Path:
    """Write ``tables`` (name -> frame) to a new ``.xlsx`` at ``path``, the data dictionary first.

    Raises:
        CorpusError: ``path`` exists already, or its folder does not.
    """
    from openpyxl import Workbook

    path = Path(path)
    if os.path.lexists(path):
        raise CorpusError("exists already: choose a new file name (corpus-lib never replaces a file)", path=path)
    if not path.parent.is_dir():
        raise CorpusError("the folder does not exist", path=path.parent)
    book = Workbook()
    book.remove(book.active)
    _sheet(book, "data dictionary", ["table", "column", "type", "meaning"], dictionary_rows())
    for name, frame in tables.items():
        _sheet(book, name, [str(c) for c in frame.columns], frame.astype(object).itertuples(index=False, name=None))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        book.save(tmp)
        os.link(tmp, path)  # fails if the name was taken meanwhile: never replaces a file
    finally:
        Path(tmp).unlink(missing_ok=True)
    return path
