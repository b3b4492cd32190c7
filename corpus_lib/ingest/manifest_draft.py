"""``corpus-lib manifest DIR``: a draft ``manifest.csv`` for a folder of ``.txt`` files, for the user to check.

Each text gets a row: ``doc_id`` from its file name, ``title`` from its first line, and a
date read by :func:`corpus_lib.ingest.dating.date_text`: a dateline or a date line at the
top of the text (basis ``explicit``, since the data dictionary calls a date stated in the
text itself explicit), else a date in the file's path (``2010-03-12``, ``20100312``,
``2010_03``; basis ``inferred``). Every row's ``date_note`` says where its date came from,
or that none was found; ``source``, ``genre`` and ``url`` are left empty for the user.

A user's file is never overwritten. Without a ``manifest.csv`` the draft is written as
``manifest.csv``; with one, the draft covers only the ``.txt`` files it does not list and is
written as ``manifest.draft.csv`` beside it, to be merged by hand. An existing draft is not
replaced either: the command stops and says so. The files are found as
:func:`corpus_lib.pipeline.load.list_text_files` finds them (symbolic links are not followed).
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from corpus_lib.errors import CorpusError
from corpus_lib.ingest.dating import date_text
from corpus_lib.ingest.model import first_line, one_line, slug
from corpus_lib.pipeline.load import (
    MANIFEST_COLUMNS,
    MANIFEST_NAME,
    escape_name,
    list_text_files,
    read_manifest,
    read_text,
)

DRAFT_NAME = "manifest.draft.csv"
MAX_TITLE = 200
"""A first line longer than this is a paragraph, not a title: the title is cut at a word with "…"."""


@dataclass
class Draft:
    """A drafted manifest: where it was written (None when nothing needed drafting), its rows, what to check."""

    folder: Path
    path: Path | None
    rows: list[dict] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    note: str = ""

    def summary(self) -> str:
        """What was written and what the user should check before using it."""
        if self.path is None:
            return self.note
        explicit = sum(1 for r in self.rows if r["date_basis"] == "explicit")
        inferred = sum(1 for r in self.rows if r["date_basis"] == "inferred")
        lines = [f"wrote {self.path}: {len(self.rows)} row(s), {explicit} dated from the text itself "
                 f"(basis explicit), {inferred} inferred from the file name, {len(self.rows) - explicit - inferred} "
                 "undated"]
        if self.note:
            lines.append(self.note)
        lines.append("check before use:")
        lines += [f"  - {check}" for check in self.checks]
        lines.append("  - each title is the text's first line; source, genre and url are empty: fill them in where known")
        if self.path.name == DRAFT_NAME:
            lines.append(f"then merge the rows you accept into {MANIFEST_NAME} and run: "
                         f"corpus-lib validate --corpus {self.folder}")
        else:
            lines.append(f"then run: corpus-lib validate --corpus {self.folder}")
        return "\n".join(lines)


def _listed(folder: Path) -> tuple[set[Path], set[str], str]:
    """Resolved files and doc_ids the folder's manifest lists, and a note when it cannot be read."""
    try:
        rows = read_manifest(folder)
    except CorpusError as err:
        return set(), set(), f"{MANIFEST_NAME} cannot be read ({err}): the draft covers every .txt file"
    return {(folder / r.file).resolve() for r in rows}, {r.doc_id.lower() for r in rows}, ""


def _row(folder: Path, path: Path, taken: set[str], checks: list[str]) -> dict:
    """The drafted manifest row of one text, adding to ``checks`` what the user should look at."""
    relative = path.relative_to(folder).as_posix()
    stem, n = slug(relative[: -len(".txt")].replace("/", "-")), 2
    doc_id = stem
    while doc_id.lower() in taken:
        doc_id, n = f"{stem}-{n}", n + 1
    taken.add(doc_id.lower())
    row = dict.fromkeys(MANIFEST_COLUMNS, "") | {"file": relative, "doc_id": doc_id}
    try:
        text = read_text(path)
    except CorpusError as err:
        row["date_note"] = f"The file cannot be read ({err.message}): fix it first."
        checks.append(f"{relative}: cannot be read ({err.message})")
        return row
    title = first_line(text)
    if len(title) > MAX_TITLE:
        title = one_line(title, limit=150)
        checks.append(f"{relative}: the first line is a paragraph; the title is cut from it")
    dating = date_text(text, name=relative)
    row.update(title=title, date=dating.date.isoformat() if dating.date else "", date_basis=dating.basis,
               date_note=dating.note)
    if dating.date is None:
        checks.append(f"{relative}: {dating.note}")
    elif "Only the month" in dating.note or "Check it" in dating.note or dating.note.startswith("Day and month"):
        checks.append(f"{relative}: {dating.date.isoformat()}: {dating.note}")
    return row


def draft_manifest(folder: str | Path) -> Draft:
    """Draft the manifest of a folder of ``.txt`` files (see the module docstring); return what was written.

    Raises:
        CorpusError: the folder does not exist or holds no ``.txt`` file, or the file to write exists already.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusError("folder does not exist", path=escape_name(folder))
    files = list_text_files(folder)
    if not files:
        raise CorpusError("no .txt files in the folder", path=escape_name(folder))
    has_manifest = os.path.lexists(folder / MANIFEST_NAME)
    listed, taken, note = _listed(folder) if has_manifest else (set(), set(), "")
    target = folder / (DRAFT_NAME if has_manifest else MANIFEST_NAME)
    if os.path.lexists(target):
        raise CorpusError(f"{target.name} exists already and is not replaced: rename or remove it, then run again",
                          path=escape_name(target))
    unlisted = [p for p in files if p.resolve() not in listed]
    if not unlisted:
        return Draft(folder, None, note=f"every .txt file has a row in {MANIFEST_NAME}: nothing to draft")
    checks: list[str] = []
    rows = [_row(folder, path, taken, checks) for path in unlisted]
    if has_manifest and not note:
        note = (f"{MANIFEST_NAME} is unchanged; the draft covers the {len(rows)} .txt file(s) it does not list")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=MANIFEST_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    with open(target, "x", encoding="utf-8", newline="") as handle:  # exclusive creation: never replaces a file
        handle.write(buffer.getvalue())
    return Draft(folder, target, rows, checks, note)
