"""Streaming build of a large corpus: batches of documents in, partitioned Parquet out.

:func:`build_tables` reads a corpus folder in batches of ``batch_size`` documents (in the
sorted order of their ``doc_id``), runs :func:`corpus_lib.corpus.process_document` and the
stance coder on each batch, and writes one schema-checked part per batch and table::

    OUT/
      documents/part-00000.parquet  part-00001.parquet  …
      statements/part-00000.parquet …
      removed/part-00000.parquet    …
      stances/part-00000.parquet    …   (when the stance coder is installed)
      _build.json                        (what was built: counts, versions, batch size)

Part ``k`` holds the documents ``k*batch_size … (k+1)*batch_size-1`` of the sorted list,
in every table, whatever the number of workers or the engine, so the output bytes do not
depend on how the work was spread. Each part is sorted by its table's id; the tables read
back through :func:`load_tables` (``lazy=False``) equal, row for row, what
:func:`corpus_lib.corpus.load_corpus` gives for the same folder.
Memory is bounded by a batch per worker: the full list of manifest rows is kept, never
the texts or rows of more than the batches in flight.

The output folder is written atomically (built in a temporary sibling, swapped in at the
end), only where it is new, empty or written by this package before, and by one build at a
time (:func:`corpus_lib.pipeline.write.output_folder`); per-document results can be cached
across builds (:mod:`corpus_lib.pipeline.cache`).

Engines: ``engine="local"`` runs in this process (``workers=1``) or in a process pool
(``workers=N``); ``engine="dask"`` maps the batches over a dask bag, on dask's process
scheduler or on a ``dask.distributed`` cluster given by ``scheduler`` (an address or a
``Client``). Workers write their parts straight into the output's temporary folder, so a
distributed cluster must share the file system with the caller, as for
``dask.dataframe.to_parquet``.

Example:
    >>> import tempfile
    >>> from pathlib import Path
    >>> from corpus_lib.paths import SEEDS_DIR
    >>> out = Path(tempfile.mkdtemp()) / "tables"
    >>> report = build_tables(SEEDS_DIR, out, batch_size=2)
    >>> report.n_docs, report.n_parts, sorted(p.name for p in (out / "documents").iterdir())
    (5, 3, ['part-00000.parquet', 'part-00001.parquet', 'part-00002.parquet'])
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import logging
import os
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from corpus_lib.corpus import (
    code_stances,
    coder_version,
    corpus_parser_version,
    corpus_registry,
    parse_and_code,
    process_document,
    tables_from,
)
from corpus_lib.errors import CorpusError
from corpus_lib.pipeline.cache import CacheStats, DocumentCache
from corpus_lib.pipeline.load import ManifestRow, read_bytes

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 250
TABLES = ("documents", "statements", "removed", "stances")
FORMATS = ("parquet", "csv")
ENGINES = ("local", "dask")
BUILD_INFO = "_build.json"
# The order every table is sorted in (as corpus_lib.pipeline.schemas sorts it).
SORT_KEYS = {
    "documents": ["doc_id"],
    "statements": ["statement_id"],
    "removed": ["doc_id", "char_start"],
    "stances": ["statement_id", "topic"],
}


# --------------------------------------------------------------------------------------
# The coder: its version travels into the cache keys, so a changed rule file invalidates them.


@dataclass(frozen=True)
class Coder:
    """The stance coder: its version (its rule files and source, :func:`corpus_lib.corpus.coder_version`) and its tagging function."""

    version: str
    tag: Callable


def load_coder() -> Coder:
    """The package's stance coder (imported when a build first needs it: it loads the rules)."""
    from corpus_lib.coding import coder

    return Coder(version=coder_version(), tag=coder.tag_stances)


# --------------------------------------------------------------------------------------
# Planning: which documents, in which order, in which part.


def plan_documents(corpus_dir: str | Path) -> list[tuple[ManifestRow, str]]:
    """Every document of a corpus folder as ``(manifest row, file relative to the folder)``,
    sorted by ``doc_id``, without reading any text.

    Follows :func:`corpus_lib.pipeline.load.load_documents`: manifest rows, then unlisted ``.txt``
    files (with a warning, their ``doc_id`` taken from the file name, no date).
    """
    from corpus_lib.pipeline.load import plan_rows  # the same rows, names and warnings as load_documents

    rows = plan_rows(Path(corpus_dir))
    rows.sort(key=lambda r: r.doc_id)
    return [(r, r.file) for r in rows]


@dataclass(frozen=True)
class BuildContext:
    """What a worker needs to process a batch (small and picklable)."""

    corpus_dir: str
    out_dir: str
    formats: tuple[str, ...]
    cache_dir: str | None
    coder_version: str | None
    parser_version: str
    escape_formulas: bool = False


@dataclass
class BatchReport:
    """What one batch did."""

    index: int
    n_docs: int
    rows: dict[str, int]
    stats: CacheStats
    problems: list[str]
    pid: int
    seconds: float


# Documents whose text or rows a batch holds at once, in this process (a test hook).
_held = {"now": 0, "max": 0}


def _hold(n: int) -> None:
    _held["now"] += n
    _held["max"] = max(_held["max"], _held["now"])


def _read(path: Path) -> bytes:
    """A planned file's bytes, read as the loader reads them (no final symlink, regular files only)."""
    return read_bytes(path)


@functools.cache
def _writer_version() -> str:
    """What shapes the part files besides their rows: this module and pyarrow's version."""
    import pyarrow

    return hashlib.sha256(Path(__file__).read_bytes() + pyarrow.__version__.encode()).hexdigest()[:16]


def _build_part(ctx, index, items, datas, keys, cache, part_key) -> dict[str, int]:
    """Parse (or take from the cache) and code one batch's documents; write its part files."""
    coder = load_coder() if ctx.coder_version is not None else None
    folder = Path(ctx.corpus_dir)
    docs = [(meta, folder / rel, data) for (meta, rel), data in zip(items, datas, strict=True)]
    parsed, stances = parse_and_code(docs, reg=corpus_registry(ctx.corpus_dir), cache=cache,
                                     tag=coder.tag if coder is not None else None)
    frames = {name: df for name, df in tables_from(parsed, stances).items() if df is not None}
    out = Path(ctx.out_dir)
    written = {}
    for name, df in frames.items():
        for fmt in ctx.formats:
            written[f"{name}.{fmt}"] = out / name / f"part-{index:05d}.{fmt}"
            write_part(df, written[f"{name}.{fmt}"], fmt, table=name, escape_formulas=ctx.escape_formulas)
    rows = {name: len(df) for name, df in frames.items()}
    if cache is not None:
        cache.put_part(part_key, written, rows)
    return rows


def process_batch(ctx: BuildContext, batch: tuple[int, Sequence[tuple[ManifestRow, str]]]) -> BatchReport:
    """Read, parse, code and write one batch: part ``index`` of every table."""
    started = time.perf_counter()
    index, items = batch
    coder = load_coder() if ctx.coder_version is not None else None
    if coder is not None and coder.version != ctx.coder_version:
        raise RuntimeError(f"coder version changed during the build ({ctx.coder_version} -> {coder.version})")
    cache = DocumentCache(ctx.cache_dir, parser=ctx.parser_version, coder=ctx.coder_version) if ctx.cache_dir else None
    folder = Path(ctx.corpus_dir)
    _hold(len(items))
    try:
        datas = [_read(folder / rel) for _, rel in items]
        keys = [cache.key(data, meta) for data, (meta, _) in zip(datas, items, strict=True)] if cache else None
        options = {"formats": list(ctx.formats), "writer": _writer_version(), "escape_formulas": ctx.escape_formulas}
        part_key = cache.part_key(keys, options) if cache else None
        part = cache.get_part(part_key) if cache else None
        if part is not None:  # the whole part, as an earlier build wrote it
            for name, source in sorted(part["files"].items()):
                table, fmt = name.split(".")
                target = Path(ctx.out_dir) / table / f"part-{index:05d}.{fmt}"
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
            cache.stats.hits += len(items)
            cache.stats.part_hits += 1
            rows = part["rows"]
        else:
            rows = _build_part(ctx, index, items, datas, keys, cache, part_key)
    finally:
        _hold(-len(items))
    stats = cache.stats if cache is not None else CacheStats(misses=len(items))
    return BatchReport(
        index=index,
        n_docs=len(items),
        rows=rows,
        stats=stats,
        problems=list(cache.problems) if cache is not None else [],
        pid=os.getpid(),
        seconds=time.perf_counter() - started,
    )


# --------------------------------------------------------------------------------------
# Writing and reading parts.


@functools.cache
def arrow_schema(table: str):
    """The Arrow schema of a table's parts: taken from the schema's empty frame, so every
    part (even one without rows) has the same types and categoricals keep all their levels."""
    import pyarrow as pa

    from corpus_lib.pipeline import schemas

    empty = getattr(schemas, f"make_{table}")([])
    return pa.Schema.from_pandas(empty, preserve_index=False).remove_metadata()


def write_part(df, path: Path, fmt: str, *, table: str, escape_formulas: bool = False) -> None:
    """Write one part: Parquet with the table's fixed Arrow schema (deterministic bytes), or CSV
    (with spreadsheet formulas escaped on request, see :func:`corpus_lib.pipeline.write.write_frame`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        arrow = pa.Table.from_pandas(df, schema=arrow_schema(table), preserve_index=False)
        arrow = arrow.replace_schema_metadata(None)
        pq.write_table(arrow, path, compression="zstd", write_statistics=False)
    elif fmt == "csv":
        from corpus_lib.pipeline.write import write_frame

        write_frame(df, path, "csv", escape_formulas=escape_formulas)
    else:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


def part_files(out_dir: str | Path, table: str) -> list[Path]:
    """A table's Parquet parts, in order."""
    return sorted((Path(out_dir) / table).glob("part-*.parquet"))


def load_tables(out_dir: str | Path, lazy: bool = True, *, backend: str = "arrow") -> dict:
    """Read the tables a build wrote.

    Args:
        out_dir: the build's output folder.
        lazy: ``True`` gives lazy tables: ``pyarrow.dataset.Dataset`` objects
            (``backend="arrow"``) or ``dask.dataframe`` frames (``backend="dask"``), one
            partition per part, nothing read yet. ``False`` reads them into pandas frames,
            sorted as :mod:`corpus_lib.pipeline.schemas` sorts them and validated, equal to what
            :func:`corpus_lib.corpus.load_corpus` returns.
        backend: ``"arrow"`` or ``"dask"`` (for ``lazy=True``).

    Example:
        >>> import tempfile
        >>> from corpus_lib.paths import SEEDS_DIR
        >>> out = Path(tempfile.mkdtemp()) / "t"
        >>> _ = build_tables(SEEDS_DIR, out, batch_size=2)
        >>> load_tables(out)["statements"].count_rows() == len(load_tables(out, lazy=False)["statements"])
        True
    """
    out = Path(out_dir)
    names = [t for t in TABLES if part_files(out, t)]
    if not names:
        raise CorpusError("no Parquet parts here: not the output of a build", path=out)
    if lazy:
        if backend == "arrow":
            import pyarrow.dataset as ds

            return {t: ds.dataset([str(p) for p in part_files(out, t)], format="parquet") for t in names}
        if backend == "dask":
            import dask.dataframe as dd

            return {t: dd.read_parquet([str(p) for p in part_files(out, t)]) for t in names}
        raise ValueError(f"unknown backend {backend!r}: use 'arrow' or 'dask'")
    import pyarrow.parquet as pq

    return {t: normalise(t, pq.read_table([str(p) for p in part_files(out, t)]).to_pandas()) for t in names}


def normalise(table: str, df):
    """A table read back from parts, in the library's form: fixed categorical levels, strings
    as ``str``, globally sorted by id, validated by its schema."""
    import pandas as pd

    from corpus_lib.pipeline import schemas

    empty = getattr(schemas, f"make_{table}")([])
    df = df.reset_index(drop=True)
    for column, dtype in empty.dtypes.items():
        if isinstance(dtype, pd.CategoricalDtype):
            df[column] = df[column].astype(object).astype(dtype)
        elif df[column].dtype != dtype:
            df[column] = df[column].astype(dtype)
    keys = SORT_KEYS[table]
    order = df[keys].assign(**{k: df[k].cat.codes for k in keys if isinstance(df[k].dtype, pd.CategoricalDtype)})
    if not _is_sorted(order, keys):
        idx = order.sort_values(keys, kind="stable").index
        df = df.loc[idx].reset_index(drop=True)
    model = {"documents": schemas.Documents, "statements": schemas.Statements,
             "removed": schemas.Removed, "stances": schemas.Stances}[table]
    return model.validate(df[list(empty.columns)])


def _is_sorted(frame, keys) -> bool:
    if len(keys) == 1:
        return bool(frame[keys[0]].is_monotonic_increasing)
    return bool(frame.set_index(keys).index.is_monotonic_increasing)


# --------------------------------------------------------------------------------------
# The build.


@dataclass
class BuildReport:
    """What a build did: sizes, cache counters, how many documents were in flight at most."""

    n_docs: int = 0
    n_parts: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    cache: CacheStats = field(default_factory=CacheStats)
    max_part_docs: int = 0
    max_in_flight_docs: int = 0
    seconds: float = 0.0
    engine: str = "local"
    workers: int = 1
    coder_version: str | None = None
    parser_version: str = ""

    def summary(self) -> str:
        rows = ", ".join(f"{n} {t}" for t, n in self.rows.items())
        c = self.cache
        return (
            f"{self.n_docs} documents in {self.n_parts} parts ({rows}) in {self.seconds:.1f} s "
            f"[{self.engine}, {self.workers} worker(s)]; cache: {c.hits} hits, {c.recoded} recoded, "
            f"{c.misses} misses, {c.rebuilt} rebuilt"
        )


def build_tables(
    corpus_dir: str | Path,
    out_dir: str | Path,
    *,
    formats: Sequence[str] = ("parquet",),
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = 1,
    engine: str = "local",
    scheduler=None,
    cache_dir: str | Path | None = None,
    progress: bool = False,
    escape_formulas: bool = False,
) -> BuildReport:
    """Build the partitioned tables of a corpus folder into ``out_dir`` (see the module docs).

    Args:
        corpus_dir: folder of ``.txt`` files and ``manifest.csv``.
        out_dir: output folder, replaced atomically when the build succeeds: new, empty or
            written by this package before, and clear of the corpus and cache folders.
        formats: ``("parquet",)``, ``("csv",)`` or both; :func:`load_tables` reads Parquet.
        batch_size: documents per part (and per unit of work).
        workers: processes (``engine="local"``), or dask's process scheduler's workers
            (``engine="dask"`` without ``scheduler``).
        engine: ``"local"`` or ``"dask"``.
        scheduler: for ``engine="dask"``: a ``dask.distributed`` scheduler address or
            ``Client``; ``None`` uses dask's local process scheduler.
        cache_dir: the per-document cache folder (:mod:`corpus_lib.pipeline.cache`), or ``None``.
        progress: show a progress bar over batches (local engine).

    Returns:
        A :class:`BuildReport` (counts, cache counters, documents in flight at most).
    """
    from corpus_lib.pipeline.write import output_folder

    started = time.perf_counter()
    formats = tuple(formats)
    bad = [f for f in formats if f not in FORMATS] or ([] if formats else ["(none)"])
    if bad:
        raise ValueError(f"unknown format {bad[0]!r}: use one of {', '.join(FORMATS)}")
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    if batch_size < 1 or workers < 1:
        raise ValueError("batch_size and workers must be at least 1")
    # The output folder is checked and locked before the corpus is read.
    inputs = {"corpus folder": corpus_dir, "cache folder": cache_dir}
    with output_folder(Path(out_dir), kind="build", inputs=inputs, legacy=(*TABLES, BUILD_INFO)) as tmp:
        plan = plan_documents(corpus_dir)
        batches = [(k, plan[i : i + batch_size]) for k, i in enumerate(range(0, len(plan), batch_size))]
        coder = load_coder()
        report = BuildReport(
            n_docs=len(plan),
            n_parts=len(batches),
            engine=engine,
            workers=workers,
            coder_version=coder.version if coder else None,
            parser_version=corpus_parser_version(corpus_dir),
        )
        ctx = BuildContext(
            corpus_dir=str(Path(corpus_dir).resolve()),
            out_dir=str(tmp),
            formats=formats,
            cache_dir=str(Path(cache_dir).resolve()) if cache_dir is not None else None,
            coder_version=report.coder_version,
            parser_version=report.parser_version,
            escape_formulas=escape_formulas,
        )
        if engine == "dask":
            reports = _run_dask(ctx, batches, workers=workers, scheduler=scheduler, report=report)
        elif workers == 1:
            reports = _run_inline(ctx, batches, progress=progress, report=report)
        else:
            reports = _run_pool(ctx, batches, workers=workers, progress=progress, report=report)
        for r in sorted(reports, key=lambda r: r.index):
            report.cache.add(r.stats)
            report.max_part_docs = max(report.max_part_docs, r.n_docs)
            for name, n in r.rows.items():
                report.rows[name] = report.rows.get(name, 0) + n
            report.rows = {t: report.rows[t] for t in TABLES if t in report.rows}
            if r.pid != os.getpid():  # logged in another process: say it here too
                for message in r.problems:
                    log.warning(message)
        info = {
            "n_docs": report.n_docs,
            "n_parts": report.n_parts,
            "batch_size": batch_size,
            "rows": report.rows,
            "formats": list(formats),
            "parser_version": report.parser_version,
            "coder_version": report.coder_version,
        }
        (tmp / BUILD_INFO).write_text(json.dumps(info, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    report.seconds = time.perf_counter() - started
    return report


def _bar(progress: bool, total: int):
    if not progress:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="batch", desc="build", file=sys.stderr)


def _run_inline(ctx, batches, *, progress, report) -> list[BatchReport]:
    bar = _bar(progress, len(batches))
    reports = []
    _held["max"] = _held["now"]
    for batch in batches:
        reports.append(process_batch(ctx, batch))
        if bar:
            bar.update()
    if bar:
        bar.close()
    report.max_in_flight_docs = _held["max"]
    return reports


def _pool_context():
    """``fork`` when this process runs no other thread (workers then start at once, with the
    pipeline already imported and warmed); otherwise ``forkserver`` (safe next to threads,
    such as a dask cluster's), whose server imports the pipeline once for all workers."""
    import multiprocessing
    import threading

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["corpus_lib.scale.build", "corpus_lib.corpus", "corpus_lib.pipeline.schemas"])
        return context
    return multiprocessing.get_context("spawn")


def _die_with_parent(parent: int) -> None:
    """Pool initializer: the worker ends when the build's process does, even by ``kill -9``.

    On Linux the worker asks for SIGTERM when its parent process dies (``prctl`` with
    ``PR_SET_PDEATHSIG``; a forkserver's workers get it when the forkserver exits, which it
    does when the build's process is gone); elsewhere this step is skipped. SIGTERM and
    SIGHUP get their default action back (the command line's handler, inherited through
    ``fork``, raises instead). A worker whose build is already gone exits at once.
    """
    import signal

    from corpus_lib.pipeline.write import pid_alive

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            pr_set_pdeathsig = 1
            libc.prctl(pr_set_pdeathsig, ctypes.c_ulong(signal.SIGTERM), ctypes.c_ulong(0), ctypes.c_ulong(0),
                       ctypes.c_ulong(0))
        except (OSError, AttributeError):  # pragma: no cover - no prctl in this libc
            pass
    if not pid_alive(parent):
        os._exit(1)


def warm_up() -> None:
    """Run the pipeline once on a two-sentence text, so that lazy set-up (the schemas'
    validators, the tokenizer, the actor registry, the coder's rules) is done before workers
    fork and is shared by them."""
    from corpus_lib.pipeline import schemas

    for table in TABLES:
        arrow_schema(table)
    result = process_document(ManifestRow(file="warm-up.txt", doc_id="warm-up"), "NATO met Baku. All went well.")
    code_stances(schemas.make_statements(result.statements), tag=load_coder().tag)


def _run_pool(ctx, batches, *, workers, progress, report) -> list[BatchReport]:
    """A process pool with at most ``2 * workers`` batches submitted at a time."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    warm_up()
    bar = None
    reports: list[BatchReport] = []
    pending: dict = {}
    todo = iter(batches)
    in_flight = 0
    with ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context(), initializer=_die_with_parent,
                             initargs=(os.getpid(),)) as pool:
        while True:
            while len(pending) < 2 * workers:
                batch = next(todo, None)
                if batch is None:
                    break
                pending[pool.submit(process_batch, ctx, batch)] = len(batch[1])
                in_flight += len(batch[1])
                report.max_in_flight_docs = max(report.max_in_flight_docs, in_flight)
            if not pending:
                break
            bar = bar or _bar(progress, len(batches))  # after the fork: tqdm starts a thread
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                in_flight -= pending.pop(future)
                reports.append(future.result())
                if bar:
                    bar.update()
    if bar:
        bar.close()
    return reports


def _run_dask(ctx, batches, *, workers, scheduler, report) -> list[BatchReport]:
    """A dask bag with one partition per batch, on a distributed cluster or dask's process pool."""
    import dask.bag as db

    bag = db.from_sequence(batches, npartitions=len(batches)).map(functools.partial(process_batch, ctx))
    # Each task holds one batch; at most one task runs per worker thread.
    if scheduler is None:
        report.max_in_flight_docs = min(len(batches), workers) * max(len(b[1]) for b in batches)
        return list(bag.compute(scheduler="processes", num_workers=workers))
    from dask.distributed import Client

    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        threads = sum(client.nthreads().values()) or 1
        report.max_in_flight_docs = min(len(batches), threads) * max(len(b[1]) for b in batches)
        report.workers = len(client.nthreads())
        return list(bag.compute(scheduler=client))
    finally:
        if client is not scheduler:
            client.close()


# --------------------------------------------------------------------------------------
# Command line: ``corpus-lib build``.


def _at_least_one(value: str) -> int:
    """An option's whole number of at least 1 (``argparse`` type)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def register(subparsers) -> argparse.ArgumentParser:
    """Add the ``build`` subcommand to an ``argparse`` subparsers object; return its parser."""
    p = subparsers.add_parser("build", help="stream a (large) corpus into partitioned Parquet tables")
    p.add_argument("--corpus", type=Path, default=None, help="corpus folder (default: the seed corpus)")
    p.add_argument("--out", type=Path, required=True,
                   help="output folder: new, empty or written by corpus-lib before; replaced atomically")
    p.add_argument("--workers", type=_at_least_one, default=1, help="worker processes (default 1)")
    p.add_argument("--engine", choices=ENGINES, default="local", help="local process pool or dask")
    p.add_argument("--scheduler", default=None, help="dask.distributed scheduler address (engine dask)")
    p.add_argument("--cache", type=Path, default=None, help="per-document cache folder")
    p.add_argument("--batch-size", type=_at_least_one, default=DEFAULT_BATCH_SIZE, help="documents per part")
    p.add_argument("--format", default="parquet", help="parquet, csv or parquet,csv")
    p.add_argument("--progress", action="store_true", help="show a progress bar")
    p.add_argument("--escape-formulas", action="store_true",
                   help="in CSV parts, put ' before text cells starting with = + - @ (for spreadsheets)")
    p.set_defaults(handler=cmd_build)
    return p


def cmd_build(args) -> int:
    from corpus_lib.paths import SEEDS_DIR

    formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
    report = build_tables(
        args.corpus if args.corpus is not None else SEEDS_DIR,
        args.out,
        formats=formats,
        batch_size=args.batch_size,
        workers=args.workers,
        engine=args.engine,
        scheduler=args.scheduler,
        cache_dir=args.cache,
        progress=args.progress,
        escape_formulas=args.escape_formulas,
    )
    print(report.summary())
    print(f"wrote {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """``corpus-lib build …`` on its own (``python -m corpus_lib.scale.build build --out DIR``)."""
    parser = argparse.ArgumentParser(prog="corpus-lib")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="corpus-lib: %(levelname)s: %(message)s")
    try:
        return args.handler(args)
    except (CorpusError, ValueError) as err:
        print(f"corpus-lib: error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())


__all__ = [
    "BuildReport",
    "Coder",
    "build_tables",
    "load_coder",
    "load_tables",
    "main",
    "plan_documents",
    "register",
]
