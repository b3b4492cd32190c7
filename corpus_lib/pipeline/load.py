"""Reading a corpus folder: its text files, its ``manifest.csv`` and its own ``actors.csv``.

The only module (with :mod:`corpus_lib.pipeline.write`) that touches the file system. Every
problem raises :class:`~corpus_lib.errors.CorpusError` naming the file, and the line
where one applies.

Which files are read:

- Only regular files inside the corpus folder. A manifest row whose ``file`` is a
  symbolic link, lies in a symbolically linked folder, resolves outside the folder or is
  not a regular file (a folder, a pipe, a device) is an error naming the row. An unlisted
  ``.txt`` symlink, an unlisted ``.txt`` that is not a regular file and a symbolically
  linked sub-folder each get a warning naming them, and are never read. The manifest and
  ``actors.csv`` follow the same rule: a symlinked one is an error.
- A manifest ``file`` is written relative to the corpus folder. An absolute path is
  refused, with the relative spelling to use when it points inside the folder ("absolute
  paths are not allowed"), so a manifest stays valid when the folder moves or is shared.
- Files are identified by their resolved path (and by device and inode, so two hard links
  are one file): one file listed under two spellings (``x.txt``, ``./x.txt``,
  ``sub/../x.txt``) is the "listed twice" error naming both lines, and an unlisted hard link
  to a listed file is not read again.

Which bytes are text: see :func:`decode_text` (UTF-8 only; no NUL byte anywhere, so every
character read reaches a statement or the ``removed`` ledger; a hint for UTF-16).

A manifest row must have exactly as many cells as its header. File names holding
newlines or other control characters are shown escaped (as Python writes them) in errors
and warnings, so each message stays one line.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import errno
import io
import os
import re
import stat
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
# A text that is only whitespace (ASCII or Unicode), byte-order marks and zero-width marks.
_NO_TEXT = re.compile(r"[\s\ufeff\u200b-\u200d\u2060]*\Z")
NO_TEXT = "file holds no text (it is empty or only whitespace)"
ONLY_REGULAR = "only regular files inside the corpus folder are read"
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
# Opening a file never follows a final symlink, never waits on a pipe, never translates bytes.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def escape_name(path: str | Path) -> str:
    """A file name fit for a one-line message: as it is when printable, else escaped.

    Example:
        >>> escape_name("notes/a.txt"), escape_name("a\\nb.txt")
        ('notes/a.txt', "'a\\\\nb.txt'")
    """
    name = str(path)
    return name if name.isprintable() else repr(name)


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
    """Decode a file's bytes as UTF-8, refusing input that holds no text, binary and non-UTF-8 input.

    Refused, each naming the file: no bytes, or only whitespace (ASCII or Unicode),
    byte-order and zero-width marks ("holds no text"); UTF-16 or UTF-32 (a byte-order mark,
    or NUL bytes alternating with ASCII: "looks like UTF-16: save it as UTF-8"); a NUL byte
    anywhere (naming its offset: no NUL reaches a statement or the ledger); more than eight
    other control bytes in the first 8 KB; bytes that are not UTF-8 (naming the line and
    offset, with a guess at the encoding). A UTF-8 byte-order mark is kept as the first
    character (the cleaner records it as removed), so offsets index the decoded text
    exactly. CR and CRLF line ends are kept as they are.

    Example:
        >>> decode_text(b"\\xef\\xbb\\xbfNATO said.\\r\\n", path="a.txt")
        '\\ufeffNATO said.\\r\\n'
        >>> decode_text("Ok.".encode("utf-16"), path="b.txt")
        Traceback (most recent call last):
        ...
        corpus_lib.errors.CorpusError: b.txt: file looks like UTF-16: save it as UTF-8
    """
    shown = escape_name(path)
    if not data:
        raise CorpusError(NO_TEXT, path=shown)
    _refuse_binary(data, path=shown)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        guess = _guess_encoding(data)
        hint = f"; it looks like {guess}: convert it to UTF-8 first" if guess else ""
        raise CorpusError(
            f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}){hint}",
            path=shown,
            line=line,
        ) from None
    if _NO_TEXT.match(text):
        raise CorpusError(NO_TEXT, path=shown)
    return text


def _refuse_binary(data: bytes, *, path: str) -> None:
    """Raise when the bytes are UTF-16/32, hold a NUL byte, or many control bytes early on."""
    wide = _wide_encoding(data)
    if wide:
        raise CorpusError(f"file looks like {wide}: save it as UTF-8", path=path)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise CorpusError(f"file holds a NUL byte at offset {nul}: it looks binary, not text", path=path)
    if len(_BINARY_CONTROL.findall(data[:8192])) > 8:
        raise CorpusError("file looks binary (it holds many control bytes), not text", path=path)


def _wide_encoding(data: bytes) -> str | None:
    """"UTF-16" or "UTF-32" for bytes with their byte-order mark, "UTF-16" for ASCII interleaved with NULs."""
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            return name
    sample = data[:8192]
    half = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if half and max(even, odd) >= 0.3 * half and min(even, odd) <= 0.1 * max(even, odd):
        return "UTF-16"
    return None


def _guess_encoding(data: bytes) -> str | None:
    """The likeliest encoding of bytes that are not UTF-8 (Windows-1252 wins a tie)."""
    from charset_normalizer import from_bytes

    results = list(from_bytes(data[:65536]))
    if not results:
        return None
    least = min(r.chaos for r in results)
    tied = [r.encoding for r in results if r.chaos == least]
    return "cp1252" if "cp1252" in tied else results[0].encoding


def read_bytes(path: Path) -> bytes:
    """The bytes of one regular file, refusing a symlink (at the last step) and anything not a regular file.

    The file is opened without following a final symbolic link and without waiting on a
    pipe; what was opened is checked to be a regular file before it is read.
    """
    shown = escape_name(path)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise CorpusError(f"file is a symbolic link: {ONLY_REGULAR}", path=shown) from None
        raise CorpusError(f"cannot read file: {err.strerror}", path=shown) from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise CorpusError(f"not a regular file: {ONLY_REGULAR}", path=shown)
        try:
            return handle.read()
        except OSError as err:
            raise CorpusError(f"cannot read file: {err.strerror}", path=shown) from None


def read_text(path: Path) -> str:
    """Read one regular file (see :func:`read_bytes`) and decode it (see :func:`decode_text`)."""
    return decode_text(read_bytes(path), path=path)


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

    Checks: the header has every column and each row as many cells as the header; each
    ``file`` is a relative path to a regular file inside the folder, reached without a
    symbolic link; dates are real ISO days; ``date_basis`` and ``genre`` take their allowed
    values; ``doc_id`` is unique, and so is each file (by its resolved path). Errors name
    the manifest line (1 = the header).
    """
    return [meta for meta, _ in _read_manifest(Path(folder))]


def _read_manifest(folder: Path) -> list[tuple[ManifestRow, Path]]:
    """The manifest's rows, each with the resolved path of its file."""
    path = folder / MANIFEST_NAME
    if not os.path.lexists(path):
        return []
    root, shown = folder.resolve(), escape_name(path)
    rows: list[tuple[ManifestRow, Path]] = []
    seen_ids: dict[str, int] = {}
    seen_files: dict[object, tuple[int, str]] = {}
    for line, values in _manifest_records(read_text(path).lstrip("\ufeff"), path=shown):
        meta = _check_row(values, path=shown, line=line, seen_ids=seen_ids)
        real = locate_listed(root, meta.file, manifest=shown, line=line)
        _claim_file(real, meta, seen_files, path=shown)
        rows.append((meta, real))
    return rows


def _manifest_records(text: str, *, path: str):
    """``(line, values)`` for each manifest row: ``line`` is where the row starts (1 = the header)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, [])
        missing = [c for c in MANIFEST_COLUMNS if c not in header]
        if missing:
            raise CorpusError(f"manifest lacks columns: {', '.join(missing)}", path=path, line=1)
        end_of_previous = reader.line_num
        for record in reader:
            line, end_of_previous = end_of_previous + 1, reader.line_num  # a row may span lines
            if not record:
                continue  # a blank line
            if len(record) != len(header):
                more = ("extra cells: a value holding a comma needs double quotes" if len(record) > len(header)
                        else "cells are missing")
                raise CorpusError(
                    f"row has {len(record)} cells but the header has {len(header)} ({more})", path=path, line=line
                )
            cells = dict(zip(header, record))
            yield line, {k: cells[k].strip() for k in MANIFEST_COLUMNS}
    except csv.Error as err:
        raise CorpusError(f"cannot read the manifest as CSV: {err}", path=path, line=reader.line_num) from None


def _check_row(values: dict[str, str], *, path: str, line: int, seen_ids: dict[str, int]) -> ManifestRow:
    """A manifest row's values checked (except its file, see :func:`locate_listed`)."""
    file, doc_id = values["file"], values["doc_id"]
    if not file:
        raise CorpusError("empty 'file'", path=path, line=line)
    if not _DOC_ID.match(doc_id):
        raise CorpusError(
            f"bad doc_id {doc_id!r}: use letters, digits, '_', '-', '.'", path=path, line=line
        )
    if doc_id in seen_ids:
        raise CorpusError(f"duplicate doc_id {doc_id!r} (first on line {seen_ids[doc_id]})", path=path, line=line)
    seen_ids[doc_id] = line
    date = parse_iso_day(values["date"], path=path, line=line) if values["date"] else None
    for column, allowed in (("date_basis", DATE_BASES), ("genre", GENRES)):
        if values[column] and values[column] not in allowed:
            raise CorpusError(
                f"{column} {values[column]!r} is not one of {', '.join(allowed)}", path=path, line=line
            )
    if date is not None and not values["date_basis"]:
        raise CorpusError("a date needs its date_basis", path=path, line=line)
    return ManifestRow(**{**values, "date": date, "line": line})


def _claim_file(real: Path, meta: ManifestRow, seen: dict[object, tuple[int, str]], *, path: str) -> None:
    """Record a listed file by its resolved path and its inode; raise when it was listed before."""
    keys = [real, *_inode_key(real)]
    for key in keys:
        if key in seen:
            first_line, first_file = seen[key]
            same = "" if first_file == meta.file else f" as {first_file!r}"
            raise CorpusError(
                f"file {meta.file!r} listed twice (first on line {first_line}{same}: the same file)",
                path=path,
                line=meta.line,
            )
    for key in keys:
        seen[key] = (meta.line, meta.file)


def _inode_key(real: Path) -> list[tuple[str, int, int]]:
    """``[("inode", device, inode)]`` of a file, or nothing where the file system has no inodes."""
    try:
        info = os.stat(real)
    except OSError:
        return []
    return [("inode", info.st_dev, info.st_ino)] if info.st_ino else []


def _resolved(path: Path) -> Path | None:
    """``path`` with every symbolic link and ``..`` resolved; None for a link loop."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return None


def locate_listed(root: Path, file: str, *, manifest: str | Path, line: int) -> Path:
    """The resolved path of a manifest's ``file``, raising unless it is a regular file inside ``root``.

    ``root`` is the corpus folder, resolved. Every step of ``file`` is checked in turn, so a
    symbolic link anywhere on the way (the file itself or a folder it lies in) is refused,
    even one that ``..`` walks back out of.
    """
    def refuse(reason: str) -> CorpusError:
        return CorpusError(f"file {file!r} {reason}", path=manifest, line=line)

    if Path(file).is_absolute():
        real = _resolved(Path(file))
        if real is not None and real.is_relative_to(root) and real != root:
            relative = real.relative_to(root).as_posix()
            raise refuse(f"is an absolute path: absolute paths are not allowed; write it as {relative!r}")
        raise refuse("lies outside the corpus folder")
    current = root
    for part in Path(file).parts:
        current = current / part
        if current.is_symlink():
            step = "is" if current == root / file else f"lies in {current.relative_to(root).as_posix()!r}, which is"
            raise refuse(f"{step} a symbolic link ({_link_target(current, root)}): {ONLY_REGULAR}")
    real = _resolved(current)
    if real is None or not real.is_relative_to(root):
        raise refuse("lies outside the corpus folder")
    if not os.path.lexists(real):
        raise refuse("is listed but does not exist")
    if not real.is_file():
        raise refuse(f"is not a regular file: {ONLY_REGULAR}")
    return real


def _link_target(link: Path, root: Path) -> str:
    """Where a symbolic link leads, in a few words."""
    real = _resolved(link)
    if real is None:
        return "a loop of links"
    if not os.path.lexists(real):
        return "to nothing that exists"
    return f"to a place {'inside' if real.is_relative_to(root) else 'outside'} the corpus folder"


def _scan_folder(folder: Path) -> list[tuple[Path, str]]:
    """Every ``.txt`` entry under ``folder`` and every symlinked folder, sorted, each with its kind.

    Kinds: ``"file"`` (a regular file, to be read), ``"link"`` (a ``.txt`` symbolic link),
    ``"linked_folder"`` (a symbolic link to a folder, not entered), ``"special"`` (a
    ``.txt`` that is a pipe, socket or device), ``"undecodable"`` (a ``.txt`` whose name is
    not UTF-8), ``"unlistable"`` (a sub-folder that cannot be listed). Symbolic links are
    never followed.
    """
    found: list[tuple[Path, str]] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            entries = list(os.scandir(current))
        except OSError as err:
            if current == folder:
                raise CorpusError(f"cannot list folder: {err.strerror}", path=escape_name(current)) from None
            found.append((current, "unlistable"))
            continue
        for entry in entries:
            path = current / entry.name
            if entry.is_symlink():
                if _is_dir(entry):
                    found.append((path, "linked_folder"))
                elif entry.name.endswith(".txt"):
                    found.append((path, "link"))
            elif entry.is_dir(follow_symlinks=False):
                pending.append(path)
            elif entry.name.endswith(".txt"):
                found.append((path, _file_kind(entry)))
    return sorted(found)


def _is_dir(entry: os.DirEntry) -> bool:
    """Whether an entry (a symbolic link included) leads to a folder; False for a link loop."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _file_kind(entry: os.DirEntry) -> str:
    """``"file"`` for a regular file with a UTF-8 name, else why it is not read."""
    if not entry.is_file(follow_symlinks=False):
        return "special"
    try:
        entry.name.encode("utf-8")
    except UnicodeEncodeError:
        return "undecodable"
    return "file"


def list_text_files(folder: Path) -> list[Path]:
    """The regular ``.txt`` files of a folder and its subfolders, in a stable order (symbolic links not followed)."""
    return [p for p, kind in _scan_folder(Path(folder)) if kind == "file"]


_SKIPPED = {
    "link": f"a symbolic link with no row in {MANIFEST_NAME}: not read ({ONLY_REGULAR})",
    "linked_folder": f"a symbolic link to a folder: the files in it are not read ({ONLY_REGULAR})",
    "special": f"not a regular file: not read ({ONLY_REGULAR})",
    "undecodable": "the file name is not valid UTF-8: not read (rename the file)",
    "unlistable": "cannot list this folder: the files in it are not read",
}


def plan_rows(folder: Path) -> list[ManifestRow]:
    """The documents of a corpus folder, without reading their text: manifest rows, then unlisted files.

    A regular ``.txt`` file without a manifest row gets a row, with a warning, its
    ``doc_id`` taken from the file name and no date. Unlisted ``.txt`` symbolic links,
    symlinked folders, ``.txt`` entries that are not regular files or whose names are not
    UTF-8, sub-folders that cannot be listed and hard links to a listed file each get a
    warning naming them and no row.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusError("corpus folder does not exist", path=escape_name(folder))
    listed = _read_manifest(folder)
    rows = [meta for meta, _ in listed]
    by_path = {real: meta.file for meta, real in listed}
    by_inode = {key: meta.file for meta, real in listed for key in _inode_key(real)}
    unlisted: list[Path] = []
    for p, kind in _scan_folder(folder):
        if kind != "file":
            _warn(f"{escape_name(p)}: {_SKIPPED[kind]}")
        elif p.resolve() in by_path:
            continue
        elif (twin := next((by_inode[k] for k in _inode_key(p) if k in by_inode), None)) is not None:
            _warn(f"{escape_name(p)}: the same file as {twin!r} (a hard link): not read twice")
        else:
            unlisted.append(p)
    if not rows and not unlisted:
        raise CorpusError("no .txt files and no manifest rows", path=escape_name(folder))
    taken = {r.doc_id for r in rows}
    for p in unlisted:
        doc_id = _doc_id_from_name(p.relative_to(folder), taken)
        taken.add(doc_id)
        _warn(f"{escape_name(p)}: no row in {MANIFEST_NAME}; loaded as doc_id {doc_id!r} with no date")
        rows.append(ManifestRow(file=p.relative_to(folder).as_posix(), doc_id=doc_id))
    return rows


def _warn(message: str) -> None:
    warnings.warn(message, UserWarning, stacklevel=4)


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
    if not os.path.lexists(path):
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
