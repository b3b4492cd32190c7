"""Writing tables: deterministic bytes, into output folders that are checked, locked and
replaced atomically.

Which folders are written. An output folder is written only where it is new, empty, or
written by this package before: every folder written through :func:`output_folder` holds
the marker file ``.corpus-lib-output`` (a short JSON of what wrote it). A folder without
the marker is taken as the package's own only when it holds nothing but the names an
earlier version of the package wrote there (``legacy``: ``documents.csv`` …, or a
report's ``figures/``, ``tables/``, ``notebooks/``). Anything else is refused with
:class:`OutputError` before a byte is written: a plain file, a folder holding the user's
own files, a folder that is, holds or lies inside one the run reads (the corpus folder),
the folder the command runs in. A folder the package wrote is replaced as a whole, files
added to it since included.

One writer at a time. ``.NAME.lock`` beside the folder holds the writer's pid and is
created with ``O_EXCL``. A second writer waits a moment (:data:`LOCK_WAIT`), then stops
with a message naming that pid; a lock whose pid is dead is taken over.

Atomic replacement. The new folder is built in a temporary sibling, ``.NAME.tmp-PID-*``,
and swapped into place (the previous one moved aside to ``.NAME.old-PID-*`` for that
moment) only when every file is written, so a failure leaves the previous output intact
and never a half-written folder. Temporary folders are removed on any exception (the
command line turns SIGTERM into one); those of a killed run, whose pid is dead, are
removed by the next run on the same output, a previous output moved aside put back first.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path

import pandas as pd

from corpus_lib.errors import CorpusError
from corpus_lib.paths import OUTPUT_MARKER

FORMATS = ("csv", "parquet")
TABLE_NAMES = ("documents", "statements", "removed", "stances")
# What `corpus-lib tables` (and Corpus.save, in a report's tables/) wrote before the marker file existed.
TABLE_FILES = frozenset({f"{name}.{fmt}" for name in TABLE_NAMES for fmt in FORMATS} | {"corpus.json"})
MARKER = OUTPUT_MARKER
LOCK_WAIT = 1.0  # seconds a second writer waits for the lock before it stops
# Text a spreadsheet reads as a formula (OWASP's list: = + - @, tab, carriage return).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class OutputError(CorpusError):
    """An output folder that may not or cannot be written; the message names it and says why."""


# --------------------------------------------------------------------------------------
# Frames to files.


def escape_formula_cells(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` in which every text cell a spreadsheet would read as a formula
    (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) begins with ``'``.

    Example:
        >>> escape_formula_cells(pd.DataFrame({"t": ["=1+1", "ok", "-x"], "n": [-1, 2, 3]}))["t"].tolist()
        ["'=1+1", 'ok', "'-x"]
    """
    out = df.copy()
    for column in out.columns:
        dtype = out[column].dtype
        if isinstance(dtype, pd.CategoricalDtype) or pd.api.types.is_string_dtype(dtype):
            out[column] = out[column].astype(object).map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_STARTS) else v
            )
    return out


def write_frame(df: pd.DataFrame, path: Path, fmt: str, *, escape_formulas: bool = False) -> None:
    """Write one frame as CSV (UTF-8, ``\\n`` line ends, no index) or Parquet (no index, fixed metadata).

    CSV cells are written as they are, formulas included, unless ``escape_formulas``
    (:func:`escape_formula_cells`; CSV only: Parquet keeps the text as it is).
    """
    if fmt == "csv":
        out = escape_formula_cells(df) if escape_formulas else df.copy()
        for column in out.columns:
            if pd.api.types.is_datetime64_any_dtype(out[column]):
                out[column] = out[column].dt.strftime("%Y-%m-%d")
        out.to_csv(path, index=False, lineterminator="\n", float_format="%.6g")
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pandas(df, preserve_index=False).replace_schema_metadata(None)
        pq.write_table(table, path, compression="zstd", write_statistics=False, store_schema=False)
    else:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


def write_table_files(
    tables: Mapping[str, pd.DataFrame], folder: Path, *, formats=("csv",), escape_formulas: bool = False
) -> list[Path]:
    """Write each named table in each format into an existing ``folder``; return the paths written."""
    options = {"escape_formulas": True} if escape_formulas else {}
    written = []
    for name, df in tables.items():
        for fmt in formats:
            write_frame(df, folder / f"{name}.{fmt}", fmt, **options)
            written.append(folder / f"{name}.{fmt}")
    return written


def write_tables(
    tables: Mapping[str, pd.DataFrame],
    out: str | Path,
    *,
    formats=("csv",),
    escape_formulas: bool = False,
    inputs: Mapping[str, str | Path | None] | None = None,
) -> list[Path]:
    """Write each named table in each format into ``out`` (see the module docs); return the paths written.

    ``out`` must be new, empty or written by this package before (:func:`check_output`;
    ``inputs`` names folders it must stay clear of). Raises :class:`OutputError` otherwise.

    Example:
        >>> import tempfile
        >>> d = Path(tempfile.mkdtemp())
        >>> [p.name for p in write_tables({"t": pd.DataFrame({"a": [1]})}, d / "out")]
        ['t.csv']
        >>> sorted(p.name for p in (d / "out").iterdir())
        ['.corpus-lib-output', 't.csv']
    """
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise ValueError(f"unknown format {bad[0]!r}: use one of {', '.join(FORMATS)}")
    with output_folder(out, kind="tables", inputs=inputs, legacy=TABLE_FILES) as staging:
        written = write_table_files(tables, staging, formats=formats, escape_formulas=escape_formulas)
    return [Path(out) / p.name for p in written]


# --------------------------------------------------------------------------------------
# Which folders may be written.


def _reason(err: OSError) -> str:
    return err.strerror or str(err) or type(err).__name__


def _foreign_names(folder: Path, legacy: Collection[str]) -> list[str]:
    """The entries of an existing folder that show it is not the package's output (sorted)."""
    try:
        names = sorted(os.listdir(folder))
    except OSError as err:
        raise OutputError(f"cannot read the folder: {_reason(err)}", path=folder) from None
    marker = folder / MARKER
    if not names or (marker.is_file() and not marker.is_symlink()):
        return []
    return [name for name in names if name not in legacy]


def _check_place(target: Path, given: Path) -> None:
    """Refuse a folder that cannot be created: under a file, or in a folder we may not write."""
    parent = target.parent
    while not os.path.lexists(parent) and parent.parent != parent:
        parent = parent.parent
    if not parent.is_dir():
        raise OutputError(f"cannot create the folder: {parent} is not a folder", path=given)
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write in {parent}: permission denied", path=given)


def check_output(
    out: str | Path,
    *,
    inputs: Mapping[str, str | Path | None] | None = None,
    legacy: Collection[str] = (),
) -> Path:
    """Raise :class:`OutputError` unless ``out`` may be written (see the module docs); return it resolved.

    Nothing is written. ``inputs`` maps a label to a folder the run reads
    (``{"corpus folder": path}``): the output may be neither that folder, nor inside it,
    nor around it (paths compared resolved). ``legacy`` names what the package wrote in
    such a folder before it left a marker.

    Example:
        >>> import tempfile
        >>> d = Path(tempfile.mkdtemp())
        >>> _ = (d / "notes.txt").write_text("mine", encoding="utf-8")
        >>> try:
        ...     check_output(d)
        ... except OutputError as err:
        ...     print(err.message)
        the folder holds files corpus-lib did not write (notes.txt); choose an empty or new folder
    """
    given = Path(out)
    target = given.resolve()
    for label, folder in (inputs or {}).items():
        if folder is None:
            continue
        folder = Path(folder).resolve()
        if target == folder:
            raise OutputError(f"the output folder is the {label}; choose a folder outside it", path=given)
        if target.is_relative_to(folder):
            raise OutputError(f"the output folder is inside the {label} {folder}; choose a folder outside it",
                              path=given)
        if folder.is_relative_to(target):
            raise OutputError(f"the {label} {folder} is inside the output folder, which is replaced as a whole; "
                              "choose another folder", path=given)
    if target.parent == target:
        raise OutputError("the root folder cannot be an output folder", path=given)
    if os.path.lexists(target):
        if not target.is_dir():
            raise OutputError("this is a file, not a folder; choose an empty or new folder", path=given)
        foreign = _foreign_names(target, legacy)
        if foreign:
            shown = ", ".join(foreign[:3]) + (", …" if len(foreign) > 3 else "")
            raise OutputError(f"the folder holds files corpus-lib did not write ({shown}); "
                              "choose an empty or new folder", path=given)
    with contextlib.suppress(OSError):  # a working folder that was removed holds nothing
        if Path.cwd().resolve().is_relative_to(target):
            raise OutputError("the output folder holds the current folder, and it is replaced as a whole; "
                              "choose another folder", path=given)
    _check_place(target, given)
    return target


# --------------------------------------------------------------------------------------
# One writer at a time, and what a killed writer left.


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (a zombie does not count).

    Outside POSIX every positive pid counts as running (``os.kill`` would end it there).

    Example:
        >>> pid_alive(os.getpid()), pid_alive(0)
        (True, False)
    """
    if pid <= 0:
        return False
    if os.name != "posix":  # pragma: no cover - Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    except OSError:
        return False
    with contextlib.suppress(OSError, IndexError):
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    return True


def lock_path(out: Path) -> Path:
    """The lock file of an output folder: ``.NAME.lock`` beside it."""
    return out.parent / f".{out.name}.lock"


def _lock_owner(lock: Path) -> int | None:
    """The pid a lock file names; 0 if it names none (left half-written); None if it is gone or just being written."""
    try:
        text = lock.read_text(encoding="ascii", errors="replace")
        age = time.time() - lock.stat().st_mtime
    except FileNotFoundError:
        return None
    words = text.split()
    if words and words[0].isdigit():
        return int(words[0])
    return 0 if age > 2.0 else None


def _try_lock(lock: Path, out: Path) -> bool:
    try:
        fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        return False
    except OSError as err:
        raise OutputError(f"cannot write in {lock.parent}: {_reason(err)}", path=out) from None
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(f"{os.getpid()}\n")
    return True


@contextlib.contextmanager
def lock_output(out: Path, *, wait: float = LOCK_WAIT) -> Iterator[Path]:
    """Hold the lock of ``out`` (:func:`lock_path`, holding this process's pid) while the block runs.

    A lock held by a running process is waited for up to ``wait`` seconds, then refused
    with :class:`OutputError` naming its pid. A lock whose pid is dead is taken over (two
    runs taking over the same dead lock at the same instant is the one race left open).
    """
    out = Path(out)
    lock = lock_path(out)
    deadline = time.monotonic() + wait
    while not _try_lock(lock, out):
        owner = _lock_owner(lock)
        if owner is None:
            time.sleep(0.02)
            continue
        if not pid_alive(owner):
            if _lock_owner(lock) == owner:
                with contextlib.suppress(FileNotFoundError):
                    lock.unlink()
            continue
        if time.monotonic() >= deadline:
            raise OutputError(
                f"another corpus-lib run (pid {owner}) is writing this folder; try again when it has finished "
                f"(if no such run is going on, remove {lock})",
                path=out,
            )
        time.sleep(0.1)
    try:
        yield lock
    finally:
        if _lock_owner(lock) == os.getpid():
            with contextlib.suppress(OSError):
                lock.unlink()


def clean_stale(out: Path) -> list[Path]:
    """Remove the temporary folders a killed run left beside ``out`` (the pid in their name is dead); return them.

    A previous output moved aside (``.NAME.old-PID-*``) while ``out`` is missing is put back first.
    """
    out = Path(out)
    pattern = re.compile(rf"\.{re.escape(out.name)}\.(tmp|old)-(\d+)-")
    try:
        entries = sorted(out.parent.iterdir())
    except OSError:
        return []
    removed = []
    for entry in entries:
        match = pattern.match(entry.name)
        if not match or entry.is_symlink() or not entry.is_dir() or pid_alive(int(match.group(2))):
            continue
        if match.group(1) == "old" and not os.path.lexists(out) and (entry / out.name).is_dir():
            os.replace(entry / out.name, out)
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry)
    return removed


# --------------------------------------------------------------------------------------
# Writing a folder.


def _swap(tmp: Path, out: Path) -> None:
    """Put ``tmp`` in the place of ``out``; the previous ``out`` stays there if that fails."""
    if not os.path.lexists(out):
        os.replace(tmp, out)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-{os.getpid()}-", dir=out.parent))
    os.replace(out, old / out.name)
    try:
        os.replace(tmp, out)
    except BaseException:
        os.replace(old / out.name, out)
        os.rmdir(old)
        raise
    shutil.rmtree(old, ignore_errors=True)


@contextlib.contextmanager
def atomic_folder(out: Path) -> Iterator[Path]:
    """Yield a temporary folder (``.NAME.tmp-PID-*``) that replaces ``out`` when the block ends without error.

    No check and no lock: :func:`output_folder` adds them. The temporary folder is removed
    on any exception; a failure to create it or to swap it in raises :class:`OutputError`.
    """
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-{os.getpid()}-", dir=out.parent))
    except OSError as err:
        raise OutputError(f"cannot write in {out.parent}: {_reason(err)}", path=out) from None
    try:
        os.chmod(tmp, 0o755)
        yield tmp
        try:
            _swap(tmp, out)
        except OSError as err:
            raise OutputError(f"cannot put the new folder in place: {_reason(err)}", path=out) from None
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _make_parents(target: Path, given: Path) -> list[Path]:
    """Create the missing parents of ``target``; return those created, outermost first."""
    missing = []
    parent = target.parent
    while not os.path.lexists(parent):
        missing.append(parent)
        parent = parent.parent
    for folder in reversed(missing):
        try:
            folder.mkdir()
        except FileExistsError:
            pass
        except OSError as err:
            raise OutputError(f"cannot create {folder}: {_reason(err)}", path=given) from None
    return list(reversed(missing))


def write_marker(folder: Path, kind: str) -> Path:
    """Write the marker file that shows ``folder`` is this package's output (the same bytes every time)."""
    marker = Path(folder) / MARKER
    info = {"written_by": "corpus-lib", "kind": kind,
            "note": "corpus-lib replaces this folder as a whole each time it writes here"}
    marker.write_text(json.dumps(info, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return marker


@contextlib.contextmanager
def output_folder(
    out: str | Path,
    *,
    kind: str,
    inputs: Mapping[str, str | Path | None] | None = None,
    legacy: Collection[str] = (),
    wait: float = LOCK_WAIT,
) -> Iterator[Path]:
    """Check ``out`` (:func:`check_output`), lock it (:func:`lock_output`), clean what a
    killed run left (:func:`clean_stale`) and yield a staging folder that replaces ``out``,
    with the marker file (``kind`` says what wrote it), when the block ends without error.

    Everything is checked before the block runs, so a refused folder costs no parsing.
    On an error, the staging folder, the lock and the parents this call created are removed.

    Example:
        >>> import tempfile
        >>> out = Path(tempfile.mkdtemp()) / "new" / "out"
        >>> with output_folder(out, kind="example") as staging:
        ...     _ = (staging / "a.txt").write_text("a", encoding="utf-8")
        >>> sorted(p.name for p in out.iterdir()), sorted(p.name for p in out.parent.iterdir())
        (['.corpus-lib-output', 'a.txt'], ['out'])
    """
    given = Path(out)
    target = check_output(given, inputs=inputs, legacy=legacy)
    created = _make_parents(target, given)
    try:
        with lock_output(target, wait=wait):
            clean_stale(target)
            check_output(given, inputs=inputs, legacy=legacy)  # again, now that no one else writes here
            with atomic_folder(target) as staging:
                yield staging
                write_marker(staging, kind)
    except BaseException:
        for folder in reversed(created):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
