"""``corpus-lib import``: walk the inputs, read each with its reader, write texts, manifest rows and a log.

Inputs are files and folders, a folder read recursively. In a folder, symbolic links are
never followed (each gets a log row saying whether it leads outside the input, so nothing
outside the given paths is read), hidden files and folders are skipped, and so is a saved
page's resources folder (``page_files/`` beside ``page.html``). Files are read in sorted
order, so the same inputs give byte-identical output. Each file goes to its reader by its
suffix: ``.html``/``.htm``/``.xhtml``/``.shtml``, ``.pdf``, ``.docx``, ``.rtf``, ``.txt``;
anything else is skipped with a log row. One input that cannot be read is logged and the
others go on; only a missing reader library (the ``ingest`` extra) stops the run.

The output folder (``--out``) may be new or an existing corpus folder. Texts are added, never
replaced: each is written with exclusive creation, under a name made from the input's
(``2010/statement.pdf`` → ``2010-statement.txt``; ``export.rtf``'s second article →
``export-02.txt``) with ``-2``, ``-3`` … added when the name or its ``doc_id`` is taken. A
text identical to one already in the folder (or imported earlier in the run) is not written
again: its row says which file holds it, so importing the same inputs twice adds nothing.
Rows for new texts are appended to ``manifest.csv`` (the existing rows kept byte for byte, the
file replaced atomically) and to ``import_log.csv`` (one row per input, or per article of an
export: what was kept, what was dropped and why). When nothing could be imported nothing is
written, and the caller stops with exit code 2.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from corpus_lib.errors import CorpusError
from corpus_lib.ingest.model import Dropped, Imported, ImportFailed, MissingExtra, one_line, slug
from corpus_lib.pipeline.load import (
    MANIFEST_COLUMNS,
    MANIFEST_NAME,
    escape_name,
    list_text_files,
    read_bytes,
    read_text,
)

LOG_NAME = "import_log.csv"
LOG_COLUMNS = ("input", "part", "kind", "status", "file", "chars", "detail")
STATUSES = ("imported", "duplicate", "dropped", "failed", "skipped")
"""A log row's status: a text written; a text already in the corpus; a part of an input left
out; an input that gave no text; an input not read at all."""
KINDS = {".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html", ".pdf": "pdf", ".docx": "docx",
         ".rtf": "rtf", ".txt": "txt"}
MAX_BYTES = 200 * 2**20
"""Larger inputs are skipped (no saved page, statement or export is this big)."""
LIST_AT_MOST = 10


@dataclass(frozen=True)
class Input:
    """One file to read (``path``), or one entry logged without reading (``skip`` says why)."""

    shown: str
    name: str
    kind: str
    path: Path | None = None
    skip: str = ""
    status: str = "skipped"


@dataclass
class Report:
    """What one import did: its log rows, the files it wrote and its manifest rows."""

    out: Path
    log: list[dict] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    manifest: list[dict] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for row in self.log if row["status"] == status)

    @property
    def nothing_imported(self) -> bool:
        """No text written and none found already in the corpus."""
        return not self.count("imported") and not self.count("duplicate")

    def failure_line(self) -> str:
        """One line for a run that imported nothing: the counts and the first reasons."""
        if not self.log:
            return "nothing to import: the inputs hold no files"
        inputs = len({row["input"] for row in self.log})
        reasons = "; ".join(f"{row['input']}: {row['detail']}" for row in self.log[:3])
        more = f" (and {len(self.log) - 3} more)" if len(self.log) > 3 else ""
        return f"nothing could be imported from {inputs} input(s): {reasons}{more}"

    def summary(self) -> str:
        """What was imported, dated, dropped and skipped, and what to check next."""
        new = self.manifest
        explicit = sum(1 for r in new if r["date_basis"] == "explicit")
        inferred = sum(1 for r in new if r["date_basis"] == "inferred")
        if new:
            lines = [f"imported {len(new)} text(s) into {self.out}: {explicit} dated by the files' own metadata or "
                     f"text, {inferred} by an address or file name, {len(new) - explicit - inferred} undated"]
        elif self.count("duplicate"):
            lines = [f"no new text: every text read is in {self.out} already"]
        else:
            lines = [f"nothing imported, nothing written to {self.out}"]
        if self.count("duplicate"):
            lines.append(f"  {self.count('duplicate')} text(s) already in the folder, not written again")
        for status in ("failed", "dropped", "skipped"):
            rows = [r for r in self.log if r["status"] == status]
            for row in rows[:LIST_AT_MOST]:
                part = f" ({row['part']})" if row["part"] else ""
                lines.append(f"  {status}: {row['input']}{part}: {row['detail']}")
            if len(rows) > LIST_AT_MOST:
                lines.append(f"  … and {len(rows) - LIST_AT_MOST} more {status}: see {LOG_NAME}")
        undated = [r["file"] for r in new if not r["date"]]
        if undated:
            shown = ", ".join(undated[:LIST_AT_MOST]) + (" …" if len(undated) > LIST_AT_MOST else "")
            lines.append(f"  undated (add the date by hand): {shown}")
        if new:
            lines.append(f"next: check {Path(self.out) / MANIFEST_NAME} (titles, dates and their notes; fill in source, "
                         f"genre and url where known), then run: corpus-lib validate --corpus {self.out}")
        return "\n".join(lines)


def _display(shown: str, relative: Path) -> str:
    return shown if relative == Path() else f"{shown.rstrip('/')}/{relative.as_posix()}"


def _linked(path: Path, root: Path, shown: str, relative: Path) -> Input:
    """A log entry for a symbolic link found in an input folder: never followed."""
    try:
        target = path.resolve()
        inside = target.is_relative_to(root)
    except (OSError, RuntimeError):
        inside = False
    reason = ("a symbolic link inside the input: not followed (what it leads to is read in its own place)" if inside
              else "a symbolic link to a place outside the input: not read")
    return Input(_display(shown, relative), relative.as_posix(), KINDS.get(path.suffix.lower(), ""), skip=reason)


def _entry(entry: os.DirEntry, root: Path, shown: str, relative: Path, names: set[str]) -> Input | Path:
    """A folder entry as an input or a logged skip; a sub-folder to walk as its relative path."""
    path = root / relative
    if entry.is_symlink():
        return _linked(path, root, shown, relative)
    kind = KINDS.get(Path(entry.name).suffix.lower(), "")
    display = _display(shown, relative)
    if entry.name.startswith("."):
        return Input(display, relative.as_posix(), kind, skip="a hidden file or folder: not read")
    if entry.is_dir(follow_symlinks=False):
        page = entry.name[: -len("_files")] if entry.name.endswith("_files") else None
        if page and any(f"{page}{ext}" in names for ext, k in KINDS.items() if k == "html"):
            return Input(display + "/", relative.as_posix(), "", skip="the resources folder of a saved page: not read")
        return relative
    if not entry.is_file(follow_symlinks=False):
        return Input(display, relative.as_posix(), kind, skip="not a regular file: not read")
    if entry.name == MANIFEST_NAME:
        return Input(display, relative.as_posix(), "", skip="a corpus manifest: not merged (copy the rows you need)")
    if not kind:
        suffix = Path(entry.name).suffix.lower() or "no suffix"
        return Input(display, relative.as_posix(), "", skip=f"not a supported type ({suffix})")
    return Input(display, relative.as_posix(), kind, path=path)


def _walk(root: Path, shown: str) -> list[Input]:
    """Every entry under a folder, as inputs and logged skips (symbolic links never followed)."""
    found: list[Input] = []
    pending = [Path()]
    while pending:
        relative = pending.pop()
        try:
            entries = sorted(os.scandir(root / relative), key=lambda e: e.name)
        except OSError as err:
            found.append(Input(_display(shown, relative) + "/", relative.as_posix(), "",
                               skip=f"cannot list this folder ({err.strerror}): not read", status="failed"))
            continue
        names = {e.name for e in entries}
        for entry in entries:
            item = _entry(entry, root, shown, relative / entry.name, names)
            if isinstance(item, Path):
                pending.append(item)
            else:
                found.append(item)
    return found


def find_inputs(sources: list[str | Path]) -> list[Input]:
    """The files to read under the given files and folders, with the entries skipped, in a stable order.

    A path given on the command line is taken as given, a symbolic link included.
    """
    found: list[Input] = []
    for shown in sorted(dict.fromkeys(str(s) for s in sources)):
        path = Path(shown)
        kind = KINDS.get(path.suffix.lower(), "")
        if not os.path.lexists(path):
            found.append(Input(shown, path.name, kind, skip="does not exist", status="failed"))
        elif path.is_dir():
            found.extend(sorted(_walk(path.resolve(), shown), key=lambda i: i.shown))
        elif not path.is_file():
            found.append(Input(shown, path.name, kind, skip="not a regular file or a folder", status="failed"))
        elif not kind:
            found.append(Input(shown, path.name, "", skip=f"not a supported type ({path.suffix.lower() or 'no suffix'})"))
        else:
            found.append(Input(shown, path.name, kind, path=path.resolve()))
    return found


def _reader(kind: str):
    """The function that reads one kind of file (imported here, so a run loads only the readers it needs)."""
    if kind == "html":
        from corpus_lib.ingest.html import read_html as reader
    elif kind == "pdf":
        from corpus_lib.ingest.pdf import read_pdf as reader
    elif kind == "docx":
        from corpus_lib.ingest.word import read_docx as reader
    elif kind == "rtf":
        from corpus_lib.ingest.word import read_rtf as reader
    else:
        from corpus_lib.ingest.word import read_txt as reader
    return reader


def read_input(item: Input) -> list[Imported | Dropped]:
    """The texts of one input, or ImportFailed saying why it gave none."""
    try:
        if item.path.stat().st_size > MAX_BYTES:
            raise ImportFailed(f"larger than {MAX_BYTES // 2**20} MB: not read")
        data = read_bytes(item.path)
    except CorpusError as err:
        raise ImportFailed(err.message) from None
    except OSError as err:
        raise ImportFailed(f"cannot read it ({err.strerror or err})") from None
    try:
        return _reader(item.kind)(data, item.name)
    except (ImportFailed, MissingExtra):
        raise
    except Exception as err:  # noqa: BLE001  (a reader library failing on odd input: that input only)
        raise ImportFailed(f"cannot read it ({type(err).__name__}: {one_line(str(err), 160)})") from None


@dataclass
class _Target:
    """The output folder as found: names and ids taken, texts held (by content hash), its manifest and log."""

    out: Path
    taken_files: set[str] = field(default_factory=set)
    taken_ids: set[str] = field(default_factory=set)
    hashes: dict[str, str] = field(default_factory=dict)
    manifest: str | None = None
    manifest_header: list[str] = field(default_factory=lambda: list(MANIFEST_COLUMNS))
    log: str | None = None

    def free_stem(self, stem: str) -> str:
        """``stem``, or ``stem-2``, ``stem-3`` … : the first whose file name and doc_id are both free (any case)."""
        candidate, n = stem, 2
        while f"{candidate}.txt".lower() in self.taken_files or candidate.lower() in self.taken_ids:
            candidate, n = f"{stem}-{n}", n + 1
        self.taken_files.add(f"{candidate}.txt".lower())
        self.taken_ids.add(candidate.lower())
        return candidate


def _header(text: str, path: Path, required: tuple[str, ...]) -> list[str]:
    """The header of an existing CSV file, checked to hold the ``required`` columns."""
    header = next(csv.reader(io.StringIO(text.lstrip("\ufeff"))), [])
    missing = [c for c in required if c not in header]
    if missing:
        raise CorpusError(f"lacks columns {', '.join(missing)}: rows cannot be added to it", path=escape_name(path),
                          line=1)
    return header


def _inspect(out: Path, inputs: list[str]) -> _Target:
    """The output folder checked (not a file, not inside an input nor around one) and what it holds."""
    if os.path.lexists(out) and not out.is_dir():
        raise CorpusError("the output folder is a file", path=escape_name(out))
    real = out.resolve()
    for shown in inputs:
        source = Path(shown).resolve()
        if real == source or real.is_relative_to(source) or source.is_relative_to(real):
            raise CorpusError(f"the output folder and the input {escape_name(shown)} overlap: write to a folder "
                              "outside the inputs", path=escape_name(out))
    target = _Target(out)
    if not out.is_dir():
        return target
    target.taken_files = {p.name.lower() for p in out.iterdir()}
    for path in list_text_files(out):
        target.hashes.setdefault(hashlib.sha256(path.read_bytes()).hexdigest(), path.relative_to(out).as_posix())
    manifest_path = out / MANIFEST_NAME
    if os.path.lexists(manifest_path):
        target.manifest = read_text(manifest_path)
        target.manifest_header = _header(target.manifest, manifest_path, ("file", "doc_id"))
        rows = csv.DictReader(io.StringIO(target.manifest.lstrip("\ufeff")))
        target.taken_ids = {(row.get("doc_id") or "").strip().lower() for row in rows}
    log_path = out / LOG_NAME
    if os.path.lexists(log_path):
        target.log = read_text(log_path)
        _header(target.log, log_path, LOG_COLUMNS)
    return target


def _stem(item: Input, result: Imported) -> str:
    """The output name's stem for one text: the input's path inside its folder, and the article's number."""
    base = slug(re.sub(r"\.[A-Za-z0-9]{1,5}\Z", "", item.name).replace("/", "-"))
    if not result.part or " of " not in result.part:
        return base
    number, total = result.part.split(" of ")
    return f"{base}-{int(number):0{max(2, len(total))}d}"


def _log_row(item: Input, status: str, detail: str, *, part: str = "", file: str = "", chars: str = "") -> dict:
    return {"input": item.shown, "part": part, "kind": item.kind, "status": status, "file": file, "chars": chars,
            "detail": detail}


def _manifest_row(file: str, stem: str, result: Imported) -> dict:
    return {"file": file, "doc_id": stem, "title": one_line(result.title, limit=300),
            "date": result.date.isoformat() if result.date else "", "date_basis": result.date_basis,
            "date_note": result.date_note, "source": one_line(result.source), "genre": "", "url": result.url}


def _plan(item: Input, target: _Target, report: Report, texts: dict[str, str]) -> None:
    """Read one input and record its rows: a new text goes into ``texts`` (file name -> text)."""
    if item.path is None:
        report.log.append(_log_row(item, item.status, item.skip))
        return
    try:
        results = read_input(item)
    except ImportFailed as err:
        report.log.append(_log_row(item, "failed", str(err)))
        return
    for result in results:
        if isinstance(result, Dropped):
            report.log.append(_log_row(item, "dropped", result.reason, part=result.part))
            continue
        digest = hashlib.sha256(result.text.encode("utf-8")).hexdigest()
        if digest in target.hashes:
            held = target.hashes[digest]
            report.log.append(_log_row(item, "duplicate", f"the same text as {held}: not written again",
                                       part=result.part, file=held))
            continue
        stem = target.free_stem(_stem(item, result))
        file = f"{stem}.txt"
        target.hashes[digest] = file
        texts[file] = result.text
        report.manifest.append(_manifest_row(file, stem, result))
        report.log.append(_log_row(item, "imported", result.detail, part=result.part, file=file,
                                   chars=str(len(result.text))))


def _csv_rows(rows: list[dict], header: list[str], *, with_header: bool, newline: str) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, restval="", extrasaction="ignore", lineterminator=newline)
    if with_header:
        writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _append(path: Path, existing: str | None, rows: list[dict], header: list[str]) -> None:
    """Write ``existing`` unchanged plus ``rows`` to ``path`` through a temporary file, replaced atomically."""
    newline = "\r\n" if existing and "\r\n" in existing else "\n"
    head = existing or ""
    if head and not head.endswith("\n"):
        head += newline
    text = head + _csv_rows(rows, header, with_header=existing is None, newline=newline)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def import_sources(sources: list[str | Path], out: str | Path) -> Report:
    """Import every file under ``sources`` into the corpus folder ``out`` (see the module docstring).

    Raises:
        CorpusError: ``out`` is a file or overlaps an input; its manifest or log lacks columns;
            a reader library is missing (:class:`~corpus_lib.ingest.model.MissingExtra`).
    """
    out = Path(out)
    shown = sorted(dict.fromkeys(str(s) for s in sources))
    target = _inspect(out, [s for s in shown if os.path.lexists(s)])
    report, texts = Report(out), {}
    for item in find_inputs(shown):
        _plan(item, target, report, texts)
    if report.nothing_imported:
        return report
    out.mkdir(parents=True, exist_ok=True)
    for file, text in texts.items():
        with open(out / file, "xb") as handle:  # exclusive creation: an existing text is never replaced
            handle.write(text.encode("utf-8"))
        report.written.append(file)
    if report.manifest:
        _append(out / MANIFEST_NAME, target.manifest, report.manifest, target.manifest_header)
    _append(out / LOG_NAME, target.log, report.log, list(LOG_COLUMNS))
    return report
