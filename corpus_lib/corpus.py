"""The pipeline: load -> clean -> segment and attribute -> date events -> tables.

:func:`process_document` is the per-document unit of work (pure: text and metadata in,
rows out), so that later stages can cache or parallelise it; :func:`parse_and_code` runs it
and the coder over a list of documents, through the per-document cache
(:mod:`corpus_lib.pipeline.cache`) when one is given; :func:`load_corpus` does that over a
folder and returns checked tables.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

from corpus_lib.errors import CorpusError
from corpus_lib.pipeline.corrections import read_events
from corpus_lib.pipeline.load import ManifestRow, RawDocument, read_actors

# The parsing modules (Punkt via NLTK, which imports scipy; pandera; VADER) are imported by
# the functions that parse, not here: reading saved tables back (``load_corpus(tables=…)``,
# what the report's notebooks do) then costs none of them.

NARRATED_ROLES = ("narrator", "quoted")


@dataclass
class DocumentResult:
    """The rows one document contributes to each table."""

    document: dict
    statements: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)


def process_document(meta: ManifestRow, text: str, *, path: str | Path | None = None, reg=None) -> DocumentResult:
    """Turn one decoded text and its metadata into rows of the three tables.

    ``reg`` is the actors registry (the packaged one by default; a corpus with its own
    ``actors.csv`` passes :func:`corpus_lib.pipeline.actors.merged` of its rows).

    Checks the coverage invariant before returning: statement spans, removed spans and
    whitespace cover every character of ``text`` exactly once.

    Example:
        >>> from corpus_lib.pipeline.load import ManifestRow
        >>> r = process_document(ManifestRow(file="a.txt", doc_id="a"), "NATO met Baku. All went well.\\nAll news")
        >>> [s["text"] for s in r.statements], [x["reason"] for x in r.removed]
        (['NATO met Baku.', 'All went well.'], ['site_widget'])
    """
    from corpus_lib.pipeline.attribute import attribute
    from corpus_lib.pipeline.clean import clean
    from corpus_lib.pipeline.dates import find_event_date
    from corpus_lib.pipeline.tone import score_tone

    cleaned = clean(text)
    sentences = attribute(text, cleaned.units, genre=meta.genre, date=meta.date, source=meta.source, reg=reg)
    check_coverage(text, [(s.start, s.end) for s in sentences], [(a, b) for a, b, _ in cleaned.removed], path=path or meta.file)
    statements = []
    last_year: int | None = None
    unit_date: dict[int, str] = {}
    texts = [" ".join(text[s.start : s.end].split()) for s in sentences]
    tones = score_tone(texts)
    width = max(4, len(str(len(sentences))))  # ids sort in reading order, even past 9,999
    for seq, (s, sentence_text, tone) in enumerate(zip(sentences, texts, tones), start=1):
        event = ""
        if s.speaker_role in NARRATED_ROLES:
            event = find_event_date(sentence_text, doc_date=meta.date, last_year=last_year)
            if event:
                last_year = int(event[:4])
                unit_date[s.unit] = event
            else:
                event = unit_date.get(s.unit, "")
        statements.append(
            {
                "statement_id": f"{meta.doc_id}.{seq:0{width}d}",
                "doc_id": meta.doc_id,
                "seq": seq,
                "turn": s.turn,
                "speaker": s.speaker,
                "speaker_role": s.speaker_role,
                "holder": s.holder,
                "is_question": s.is_question,
                "text": sentence_text,
                "char_start": s.start,
                "char_end": s.end,
                "date": meta.date,
                "event_date": event,
                "tone": tone,
            }
        )
    removed = [
        {
            "doc_id": meta.doc_id,
            "char_start": a,
            "char_end": b,
            "reason": reason,
            "text": " ".join(text[a:b].split()),
        }
        for a, b, reason in cleaned.removed
    ]
    document = {
        "doc_id": meta.doc_id,
        "file": meta.file,
        "title": meta.title,
        "date": meta.date,
        "date_basis": meta.date_basis or None,
        "date_note": meta.date_note,
        "source": meta.source,
        "genre": meta.genre or None,
        "url": meta.url,
        "n_statements": len(statements),
        "n_removed_chars": sum(len("".join(text[a:b].split())) for a, b, _ in cleaned.removed),
    }
    return DocumentResult(document, statements, removed)


def check_coverage(
    text: str, statement_spans: list[tuple[int, int]], removed_spans: list[tuple[int, int]], *, path=None
) -> None:
    """Raise unless statements, removals and whitespace cover ``text`` exactly, with no overlap.

    Example:
        >>> check_coverage("ab cd", [(0, 2)], [(3, 5)])
        >>> check_coverage("ab cd", [(0, 2)], [])
        Traceback (most recent call last):
        ...
        corpus_lib.errors.CorpusError: x: characters 2-5 ('cd') are in no statement and no removal
    """
    spans = sorted(statement_spans + removed_spans)
    cursor = 0
    for a, b in spans:
        if a < cursor:
            raise CorpusError(f"spans overlap at character {a}", path=path or "x")
        if text[cursor:a].strip():
            raise CorpusError(
                f"characters {cursor}-{a} ({text[cursor:a].strip()[:40]!r}) are in no statement and no removal",
                path=path or "x",
            )
        cursor = b
    if text[cursor:].strip():
        raise CorpusError(
            f"characters {cursor}-{len(text)} ({text[cursor:].strip()[:40]!r}) are in no statement and no removal",
            path=path or "x",
        )


@dataclass
class Corpus:
    """A loaded corpus: its folder and its checked tables."""

    root: Path
    documents: pd.DataFrame
    statements: pd.DataFrame
    removed: pd.DataFrame
    stances: pd.DataFrame | None = None
    events: pd.DataFrame | None = None  # the corpus's own events.csv (date, label, kind), if any
    corrections: pd.DataFrame | None = None  # the hand corrections applied (corrections.csv), if any

    TABLES = ("documents", "statements", "removed", "stances")

    def save(self, folder: str | Path) -> list[Path]:
        """Write the tables as Parquet into ``folder``, to be read back by ``load_corpus(tables=folder)``.

        The files keep pandas' own metadata, so every dtype (dates, strings) comes back
        exactly; ``corpus.json`` names the corpus folder they were built from and keeps
        the levels of the categorical columns (Parquet drops them from an empty column).
        ``corpus-lib report`` writes them into ``reports/tables/`` beside the CSVs, and
        its notebooks read them from there. (``corpus-lib tables --format parquet``
        writes plain Parquet files without pandas' metadata, for other tools.)

        Example:
            >>> import tempfile
            >>> corpus = load_corpus()
            >>> folder = tempfile.mkdtemp()
            >>> [p.name for p in corpus.save(folder)][:2]
            ['documents.parquet', 'statements.parquet']
            >>> load_corpus(tables=folder).statements.equals(corpus.statements)
            True
        """
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        written, levels = [], {}
        for name in self.TABLES:
            frame = getattr(self, name)
            if frame is not None:
                frame.to_parquet(folder / f"{name}.parquet", index=False)
                written.append(folder / f"{name}.parquet")
                levels[name] = {column: [dtype.categories.tolist(), bool(dtype.ordered)]
                                for column, dtype in frame.dtypes.items() if isinstance(dtype, pd.CategoricalDtype)}
        meta = {"root": str(Path(self.root).resolve()), "tables": [p.stem for p in written], "categories": levels}
        (folder / "corpus.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
        written.append(folder / "corpus.json")
        return written

    def to_excel(self, path: str | Path) -> Path:
        """Write every table to a new ``.xlsx`` file, one sheet each, the data dictionary first.

        Text that a spreadsheet would take for a formula stays text; an existing file is
        never replaced (a :class:`~corpus_lib.errors.CorpusError` says so).
        """
        from corpus_lib.pipeline.spreadsheet import write_workbook

        tables = {name: getattr(self, name) for name in (*self.TABLES, "corrections") if getattr(self, name) is not None}
        return write_workbook(path, tables)

    def summary(self) -> str:
        """A few lines on what was loaded."""
        docs = self.documents
        lines = [
            f"corpus: {self.root}",
            f"{len(docs)} documents, {len(self.statements)} statements, "
            f"{len(self.removed)} removed spans ({int(docs['n_removed_chars'].sum())} characters)",
        ]
        if self.stances is not None:
            counts = self.stances.groupby(["topic", "stance"], observed=True).size()
            lines.append(f"{len(self.stances)} stance codes: " + ", ".join(
                f"{topic}/{stance} {n}" for (topic, stance), n in counts.items()))
        for row in docs.itertuples():
            date = "no date" if pd.isna(row.date) else row.date.date().isoformat()
            lines.append(f"  {row.doc_id:<34} {date} ({row.date_basis if isinstance(row.date_basis, str) else '-'})"
                         f"  {row.n_statements:>4} statements")
        return "\n".join(lines)


def build_tables(results: list[DocumentResult]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Assemble and check the three tables from per-document rows."""
    from corpus_lib.pipeline import schemas

    documents = schemas.make_documents([r.document for r in results])
    statements = schemas.make_statements([row for r in results for row in r.statements])
    removed = schemas.make_removed([row for r in results for row in r.removed])
    return documents, statements, removed


def process_raw(doc: RawDocument, reg=None) -> DocumentResult:
    """:func:`process_document` for a :class:`~corpus_lib.pipeline.load.RawDocument`."""
    return process_document(doc.meta, doc.text, path=doc.path, reg=reg)


def corpus_registry(root: str | Path):
    """The actors registry for a corpus folder: the packaged one, with the folder's own
    ``actors.csv`` merged over it where there is one."""
    from corpus_lib.pipeline.actors import merged

    return merged(read_actors(Path(root)))


def code_stances(statements: pd.DataFrame, *, tag=None) -> pd.DataFrame:
    """Code a ``statements`` table into the checked ``stances`` table.

    ``tag`` is the coder (:func:`corpus_lib.coding.coder.tag_stances` by default). Statements
    of one document are coded independently of other documents, so coding a batch equals
    coding the whole corpus restricted to the batch (what the streaming build relies on).
    """
    from corpus_lib.coding.coder import tag_stances
    from corpus_lib.pipeline import schemas

    return schemas.make_stances((tag or tag_stances)(statements))


def load_corpus(
    path: str | Path | None = None,
    *,
    stances: bool = True,
    tables: str | Path | None = None,
    cache: bool | str | Path = True,
    allow_undated: bool = False,
    events: str | Path | None = None,
) -> Corpus:
    """Read a folder of ``.txt`` files and its ``manifest.csv`` into checked tables.

    Args:
        path: the corpus folder; the packaged seed corpus when omitted.
        stances: also code the statements' stances (``corpus.stances``).
        tables: a folder written by :meth:`Corpus.save` from this same corpus: its
            tables are read back instead of parsing the texts again (what
            ``corpus-lib report`` hands its notebooks). It must have been saved from
            ``path`` (or from the seed corpus when ``path`` is omitted).
        cache: keep each parsed and coded document in a cache folder, keyed by its bytes,
            its manifest row and the parser's and coder's versions, so a second load of an
            unchanged corpus reads instead of parsing: True (default) uses
            ``$CORPUS_LIB_CACHE`` or the user's cache folder (see :func:`cache_folder`), a
            path uses that folder, False parses everything afresh and writes nothing.
        allow_undated: keep going when documents have no date (they stay off every
            timeline); by default such a corpus stops with a message naming them and the
            command that drafts their dates (``corpus-lib manifest``).
        events: an events file (``date, label, kind``) whose events join the corpus's own
            ``events.csv`` in ``Corpus.events`` and on the timelines.

    Raises:
        ValueError: ``tables`` was saved from another corpus folder, or lacks the stances asked for.
        CorpusError: a file or the manifest cannot be read, or documents have no date
            (unless ``allow_undated``).

    Example:
        >>> corpus = load_corpus()
        >>> sorted(corpus.documents.columns)[:3]
        ['date', 'date_basis', 'date_note']
    """
    from corpus_lib.paths import SEEDS_DIR

    root = Path(path) if path is not None else SEEDS_DIR
    if tables is not None:
        folder = Path(tables)
        meta = json.loads((folder / "corpus.json").read_text(encoding="utf-8"))
        if Path(meta["root"]) != root.resolve():
            raise ValueError(f"the tables in {folder} were built from {meta['root']}, not from {root.resolve()}")
        if stances and "stances" not in meta["tables"]:
            raise ValueError(f"the tables in {folder} have no stances")
        read = _read_saved(folder, meta)
        return Corpus(root=root, documents=read["documents"], statements=read["statements"],
                      removed=read["removed"], stances=read.get("stances") if stances else None,
                      events=read_events(root, extra=events))
    return _parse_folder(root, stances=stances, cache=cache, allow_undated=allow_undated, events=events)


def _read_saved(folder: Path, meta: dict) -> dict[str, pd.DataFrame]:
    """The tables :meth:`Corpus.save` wrote into ``folder`` (``meta`` is its ``corpus.json``)."""
    read = {}
    for name in meta["tables"]:
        frame = pd.read_parquet(folder / f"{name}.parquet")
        for column, (categories, ordered) in meta["categories"][name].items():
            frame[column] = frame[column].astype(pd.CategoricalDtype(categories, ordered=ordered))
        read[name] = frame
    return read


def check_dated(root: Path, rows: Sequence[ManifestRow]) -> None:
    """Stop on documents without a date: charts over time would silently leave them out."""
    undated = [row.file for row in rows if row.date is None]
    if undated:
        shown = ", ".join(undated[:3]) + (f" and {len(undated) - 3} more" if len(undated) > 3 else "")
        raise CorpusError(
            f"{len(undated)} of {len(rows)} documents have no date ({shown}): run `corpus-lib manifest {root}` to "
            "draft their dates from datelines and file names, check it, and save it as manifest.csv "
            "(or pass allow_undated=True / --allow-undated to leave them off the timelines)",
            path=root,
        )


def _parse_folder(
    root: Path, *, stances: bool, cache: bool | str | Path, allow_undated: bool, events: str | Path | None
) -> Corpus:
    """Parse (and code) every document of ``root``, through the cache unless it is off.

    The cache holds each document's rows and, beside them, the whole corpus's tables under
    a key made of every document's key: an unchanged corpus reads four Parquet files, a
    corpus with one edited file parses that file alone and assembles the rest.
    """
    from corpus_lib.pipeline.cache import DocumentCache
    from corpus_lib.pipeline.load import plan_rows, read_bytes

    rows = plan_rows(root)
    if not allow_undated:
        check_dated(root, rows)
    folder = cache_folder(cache)
    items = [(meta, root / meta.file, read_bytes(root / meta.file)) for meta in rows]
    tag = _tag_stances if stances else None
    if folder is None:
        parsed = parse_and_code(items, reg=corpus_registry(root), tag=tag, progress=True)
        return _with_own_files(Corpus(root=root, **tables_from(*parsed)), events)
    store = DocumentCache(folder, parser=corpus_parser_version(root), coder=coder_version() if stances else None)
    whole = store.part_key([store.key(data, meta) for meta, _, data in items], {"kind": "corpus", "stances": stances})
    part = store.get_part(whole)
    if part is not None:
        saved = json.loads(part["files"]["corpus.json"].read_bytes())
        read = _read_saved(part["files"]["corpus.json"].parent, saved)
        return _with_own_files(Corpus(root=root, **{"stances": None, **read}), events)
    parsed = parse_and_code(items, reg=corpus_registry(root), cache=store, tag=tag, progress=True)
    corpus = Corpus(root=root, **tables_from(*parsed))
    store.root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=store.root) as tmp:
        written = corpus.save(tmp)
        store.put_part(whole, {p.name: p for p in written}, {n: len(getattr(corpus, n)) for n in Corpus.TABLES
                                                             if getattr(corpus, n) is not None})
    return _with_own_files(corpus, events)


def _with_own_files(corpus: Corpus, events: str | Path | None = None) -> Corpus:
    """The corpus with its own ``corrections.csv`` applied and its ``events.csv`` (and the
    events file ``events``) attached (see :mod:`corpus_lib.pipeline.corrections`); the
    machine's tables stay in the cache."""
    from corpus_lib.pipeline import schemas
    from corpus_lib.pipeline.corrections import CORRECTIONS_NAME, apply_corrections, read_corrections

    corpus.events = read_events(corpus.root, extra=events)
    fixes = read_corrections(corpus.root)
    if not fixes:
        return corpus
    statements, stances, audit = apply_corrections(corpus.statements, corpus.stances, fixes,
                                                   path=corpus.root / CORRECTIONS_NAME)
    corpus.statements = schemas.make_statements(statements.to_dict("records"))
    corpus.stances = None if stances is None else schemas.make_stances(stances)
    corpus.corrections = audit
    return corpus


def cache_folder(cache: bool | str | Path) -> Path | None:
    """Where :func:`load_corpus` keeps parsed documents: ``cache`` itself when a path,
    ``$CORPUS_LIB_CACHE`` or the user's cache folder (``$XDG_CACHE_HOME/corpus-lib``,
    ``~/.cache/corpus-lib``) when True, nowhere when False."""
    if cache is False:
        return None
    if cache is not True:
        return Path(cache)
    if os.environ.get("CORPUS_LIB_CACHE"):
        return Path(os.environ["CORPUS_LIB_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "corpus-lib"


def corpus_parser_version(root: str | Path) -> str:
    """The parser's version for a corpus: a corpus's own ``actors.csv`` changes the parse too."""
    from corpus_lib.pipeline.cache import parser_version

    rows = read_actors(Path(root))
    if not rows:
        return parser_version()
    return parser_version() + "+actors-" + hashlib.sha256(repr(rows).encode()).hexdigest()[:12]


@lru_cache(maxsize=1)
def coder_version() -> str:
    """The coder's version: a hash of the coding package's source and its data files (the
    rules, the release string and the second opinion's model among them), so any change to
    how stances are coded invalidates cached stances. Read as bytes, nothing imported: a
    corpus whose stances are all cached never loads the coder."""
    root = resources.files("corpus_lib")
    digest = hashlib.sha256()
    for folder, suffix in (("coding", ".py"), ("data/coder", "")):
        for path in sorted((p for p in root.joinpath(folder).iterdir() if p.name.endswith(suffix)), key=lambda p: p.name):
            if path.is_file():
                digest.update(f"{folder}/{path.name}".encode() + b"\0" + path.read_bytes() + b"\0")
    return "coder-" + digest.hexdigest()[:16]


def _tag_stances(statements: pd.DataFrame) -> pd.DataFrame:
    """The package's coder, imported only when a statement needs coding (a cached corpus needs none)."""
    from corpus_lib.coding.coder import tag_stances

    return tag_stances(statements)


def parse_and_code(
    items: Sequence[tuple[ManifestRow, Path, bytes]],
    *,
    reg=None,
    cache=None,
    tag: Callable | None = None,
    progress: bool = False,
) -> tuple[list[dict], list[list[dict]] | None]:
    """Parse and code documents, taking from ``cache`` what it holds and storing what it lacks.

    ``items`` are (manifest row, path, file bytes). Returns each document's parsed rows as
    JSON-ready ``{"document", "statements", "removed"}`` and, with a coder ``tag``, its
    stance rows (None without one). Documents are coded independently of each other, so a
    document's cached stances stay right whatever else the corpus holds. With ``progress``,
    a bar appears once parsing has taken three seconds (none for a quick load).
    """
    from tqdm.auto import tqdm

    from corpus_lib.pipeline.cache import rows_to_json
    from corpus_lib.pipeline.load import decode_text

    parsed, stances, store = [], [], []
    bar = tqdm(items, desc="parsing", unit="doc", delay=3.0, leave=False, disable=not progress)
    for meta, path, data in bar:
        key = cache.key(data, meta) if cache is not None else None
        entry = cache.get(key) if cache is not None else None
        if entry is None:
            result = process_document(meta, decode_text(data, path=path), path=path, reg=reg)
            parsed.append({"document": rows_to_json([result.document])[0], "statements": rows_to_json(result.statements),
                           "removed": rows_to_json(result.removed)})
        else:
            parsed.append(entry.parsed)
        stances.append(entry.stances if entry is not None else None)
        needs_write = cache is not None and (entry is None or (tag is not None and entry.stances is None))
        store.append((key, cache.inputs(data, meta)) if needs_write else None)
    if tag is not None:
        _code_missing(parsed, stances, tag)
    if cache is not None:
        for i, pending in enumerate(store):
            if pending is not None:
                cache.put(pending[0], parsed[i], stances[i] if tag is not None else None, pending[1])
    return parsed, (stances if tag is not None else None)


def _code_missing(parsed: list[dict], stances: list[list[dict] | None], tag: Callable) -> None:
    """Code, in one call, the statements of the documents whose stances are not known yet."""
    from corpus_lib.pipeline import schemas
    from corpus_lib.pipeline.cache import rows_to_json

    todo = [i for i, s in enumerate(stances) if s is None]
    if not todo:
        return
    frame = schemas.make_statements([row for i in todo for row in parsed[i]["statements"]])
    by_doc: dict[str, list[dict]] = {parsed[i]["document"]["doc_id"]: [] for i in todo}
    for row in rows_to_json(code_stances(frame, tag=tag).to_dict("records")):
        by_doc[row["doc_id"]].append(row)
    for i in todo:
        stances[i] = by_doc[parsed[i]["document"]["doc_id"]]


def tables_from(parsed: list[dict], stances: list[list[dict]] | None) -> dict[str, pd.DataFrame | None]:
    """The checked tables of :func:`parse_and_code`'s rows (``stances`` None when not coded)."""
    from corpus_lib.pipeline import schemas

    return {
        "documents": schemas.make_documents([p["document"] for p in parsed]),
        "statements": schemas.make_statements([r for p in parsed for r in p["statements"]]),
        "removed": schemas.make_removed([r for p in parsed for r in p["removed"]]),
        "stances": None if stances is None else schemas.make_stances([r for s in stances for r in s]),
    }
