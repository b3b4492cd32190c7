"""Reading a corpus folder: its text files, its ``manifest.csv`` and its own ``actors.csv``.

The only module (with :mod:`corpus_lib.pipeline.write`) that touches the file system. Every
problem raises :class:`~corpus_lib.errors.CorpusError` naming the file, and the line
where one applies.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from corpus_lib.errors import CorpusError
from corpus_lib.vocab import DATE_BASES, GENRES, HOLDERS

MANIFEST_NAME = "manifest.csv"
ACTORS_NAME = "actors.csv"
ACTOR_COLUMNS = ("pattern", "kind", "name", "holder", "valid_from", "valid_to", "note")
ACTOR_KINDS = ("person", "title", "institution")
MANIFEST_COLUMNS = ("file", "doc_id", "title", "date", "date_basis", "date_note", "source", "genre", "url")
_DOC_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*\Z")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
# Control characters that never occur in running text (tab, newlines, form feed excluded).
_BINARY_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x7f]")


@dataclass(frozen=True)
class ManifestRow:
    """One document's metadata, as the manifest states it."""

    file: str
    doc_id: str
    title: str = ""
    date: dt.date | None = None
    date_basis: str = ""
    date_note: str = ""
    source: str = ""
    genre: str = ""
    url: str = ""
    line: int = 0


@dataclass(frozen=True)
class RawDocument:
    """A text file decoded, with its manifest metadata."""

    meta: ManifestRow
    path: Path
    text: str


def decode_text(data: bytes, *, path: str | Path) -> str:
    """Decode a file's bytes as UTF-8, refusing empty, binary and non-UTF-8 input.

    A byte-order mark is kept as the first character (the cleaner records it as removed),
    so offsets index the decoded text exactly. CR and CRLF line ends are kept as they are.

    Example:
        >>> decode_text(b"\\xef\\xbb\\xbfNATO said.\\r\\n", path="a.txt")
        '\\ufeffNATO said.\\r\\n'
    """
    if not data.strip():
        raise CorpusError("file is empty (no text at all)", path=path)
    if b"\x00" in data[:8192] or len(_BINARY_CONTROL.findall(data[:8192])) > 8:
        raise CorpusError("file looks binary (it holds NUL or other control bytes), not text", path=path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        guess = _guess_encoding(data)
        hint = f"; it looks like {guess}: convert it to UTF-8 first" if guess else ""
        raise CorpusError(
            f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}){hint}",
            path=path,
            line=line,
        ) from None


def _guess_encoding(data: bytes) -> str | None:
    """The likeliest encoding of bytes that are not UTF-8 (Windows-1252 wins a tie)."""
    from charset_normalizer import from_bytes

    results = list(from_bytes(data[:65536]))
    if not results:
        return None
    least = min(r.chaos for r in results)
    tied = [r.encoding for r in results if r.chaos == least]
    return "cp1252" if "cp1252" in tied else results[0].encoding


def read_text(path: Path) -> str:
    """Read and decode one text file (see :func:`decode_text`)."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise CorpusError(f"cannot read file: {err.strerror}", path=path) from None
    return decode_text(data, path=path)


def parse_iso_day(value: str, *, path: Path, line: int) -> dt.date:
    """Parse a ``YYYY-MM-DD`` day, raising a located error when it is malformed or impossible."""
    if not _ISO_DAY.match(value):
        raise CorpusError(f"bad date {value!r}: write it as YYYY-MM-DD", path=path, line=line)
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise CorpusError(f"impossible date {value!r} ({err})", path=path, line=line) from None


def read_manifest(folder: Path) -> list[ManifestRow]:
    """Read and check ``folder/manifest.csv``; an absent manifest gives no rows.

    Checks: the header has every column; each ``file`` stays inside the folder and exists;
    dates are real ISO days; ``date_basis`` and ``genre`` take their allowed values;
    ``doc_id`` and ``file`` are unique. Errors name the manifest line (1 = the header).
    """
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return []
    text = read_text(path).lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in MANIFEST_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise CorpusError(f"manifest lacks columns: {', '.join(missing)}", path=path, line=1)
    rows: list[ManifestRow] = []
    seen_ids: dict[str, int] = {}
    seen_files: dict[str, int] = {}
    root = folder.resolve()
    end_of_previous = reader.line_num
    for record in reader:
        line, end_of_previous = end_of_previous + 1, reader.line_num  # a row may span lines
        values = {k: (record.get(k) or "").strip() for k in MANIFEST_COLUMNS}
        rows.append(_check_row(values, path=path, line=line, root=root, seen_ids=seen_ids, seen_files=seen_files))
    return rows


def _check_row(values, *, path, line, root, seen_ids, seen_files) -> ManifestRow:
    file, doc_id = values["file"], values["doc_id"]
    if not file:
        raise CorpusError("empty 'file'", path=path, line=line)
    target = (root / file).resolve()
    if Path(file).is_absolute() or not target.is_relative_to(root):
        raise CorpusError(f"file {file!r} lies outside the corpus folder", path=path, line=line)
    if not target.is_file():
        raise CorpusError(f"file {file!r} is listed but does not exist", path=path, line=line)
    if not _DOC_ID.match(doc_id):
        raise CorpusError(
            f"bad doc_id {doc_id!r}: use letters, digits, '_', '-', '.'", path=path, line=line
        )
    if doc_id in seen_ids:
        raise CorpusError(f"duplicate doc_id {doc_id!r} (first on line {seen_ids[doc_id]})", path=path, line=line)
    if file in seen_files:
        raise CorpusError(f"file {file!r} listed twice (first on line {seen_files[file]})", path=path, line=line)
    seen_ids[doc_id], seen_files[file] = line, line
    date = parse_iso_day(values["date"], path=path, line=line) if values["date"] else None
    for column, allowed in (("date_basis", DATE_BASES), ("genre", GENRES)):
        if values[column] and values[column] not in allowed:
            raise CorpusError(
                f"{column} {values[column]!r} is not one of {', '.join(allowed)}", path=path, line=line
            )
    if date is not None and not values["date_basis"]:
        raise CorpusError("a date needs its date_basis", path=path, line=line)
    return ManifestRow(**{**values, "date": date, "line": line})


def list_text_files(folder: Path) -> list[Path]:
    """The ``.txt`` files of a folder and its subfolders, in a stable order."""
    return sorted(p for p in folder.rglob("*.txt") if p.is_file())


def plan_rows(folder: Path) -> list[ManifestRow]:
    """The documents of a corpus folder, without reading their text: manifest rows, then unlisted files.

    A ``.txt`` file without a manifest row gets a row, with a warning, its ``doc_id``
    taken from the file name and no date.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusError("corpus folder does not exist", path=folder)
    rows = read_manifest(folder)
    listed = {(folder / r.file).resolve() for r in rows}
    unlisted = [p for p in list_text_files(folder) if p.resolve() not in listed]
    if not rows and not unlisted:
        raise CorpusError("no .txt files and no manifest rows", path=folder)
    taken = {r.doc_id for r in rows}
    for p in unlisted:
        doc_id = _doc_id_from_name(p.relative_to(folder), taken)
        taken.add(doc_id)
        warnings.warn(
            f"{p}: no row in {MANIFEST_NAME}; loaded as doc_id {doc_id!r} with no date",
            UserWarning,
            stacklevel=3,
        )
        rows.append(ManifestRow(file=p.relative_to(folder).as_posix(), doc_id=doc_id))
    return rows


def load_documents(folder: Path) -> list[RawDocument]:
    """Read every document of a corpus folder (see :func:`plan_rows` for which and in what order)."""
    folder = Path(folder)
    return [RawDocument(meta=r, path=folder / r.file, text=read_text(folder / r.file)) for r in plan_rows(folder)]


def _doc_id_from_name(relative: Path, taken: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9_.\-]+", "-", relative.with_suffix("").as_posix()).strip("-.") or "doc"
    doc_id, n = base, 2
    while doc_id in taken:
        doc_id, n = f"{base}-{n}", n + 1
    return doc_id


def read_actors(folder: Path) -> tuple[tuple[tuple[str, str], ...], ...]:
    """The rows of a corpus's own ``actors.csv`` (none when it has none), checked line by line.

    The columns are the packaged registry's (``corpus_lib/data/actors.csv``); the rows are
    merged over it, so a corpus can name its own spokespeople, envoys and titles.
    """
    path = Path(folder) / ACTORS_NAME
    if not path.is_file():
        return ()
    reader = csv.DictReader(io.StringIO(read_text(path)))
    missing = [c for c in ACTOR_COLUMNS[:4] if c not in (reader.fieldnames or [])]
    if missing:
        raise CorpusError(f"actors file lacks columns: {', '.join(missing)}", path=path, line=1)
    rows = []
    for row in reader:
        rows.append(_check_actor(row, path=path, line=reader.line_num))
    return tuple(rows)


def _check_actor(row: dict, *, path: Path, line: int) -> tuple[tuple[str, str], ...]:
    values = {c: (row.get(c) or "").strip() for c in ACTOR_COLUMNS}
    if not values["pattern"] or not values["name"]:
        raise CorpusError("an actor needs a pattern and a name", path=path, line=line)
    try:
        re.compile(values["pattern"])
    except re.error as err:
        raise CorpusError(f"bad pattern {values['pattern']!r}: {err}", path=path, line=line) from None
    if values["kind"] not in ACTOR_KINDS:
        raise CorpusError(f"kind {values['kind']!r} is not one of {', '.join(ACTOR_KINDS)}", path=path, line=line)
    if values["holder"] not in HOLDERS:
        raise CorpusError(f"holder {values['holder']!r} is not one of {', '.join(HOLDERS)}", path=path, line=line)
    for column in ("valid_from", "valid_to"):
        if values[column]:
            parse_iso_day(values[column], path=path, line=line)
    return tuple(values.items())
