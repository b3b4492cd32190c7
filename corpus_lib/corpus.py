"""The pipeline: load -> clean -> segment and attribute -> date events -> tables.

:func:`process_document` is the per-document unit of work (pure: text and metadata in,
rows out), so that later stages can cache or parallelise it; :func:`load_corpus` runs it
over a folder and returns checked tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from corpus_lib.errors import CorpusError
from corpus_lib.pipeline.load import ManifestRow, RawDocument, load_documents, read_actors

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
        import json

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


def load_corpus(path: str | Path | None = None, *, stances: bool = True, tables: str | Path | None = None) -> Corpus:
    """Read a folder of ``.txt`` files and its ``manifest.csv`` into checked tables.

    Args:
        path: the corpus folder; the packaged seed corpus when omitted.
        stances: also code the statements' stances (``corpus.stances``).
        tables: a folder written by :meth:`Corpus.save` from this same corpus: its
            tables are read back instead of parsing the texts again (what
            ``corpus-lib report`` hands its notebooks). It must have been saved from
            ``path`` (or from the seed corpus when ``path`` is omitted).

    Raises:
        ValueError: ``tables`` was saved from another corpus folder, or lacks the stances asked for.

    Example:
        >>> corpus = load_corpus()
        >>> sorted(corpus.documents.columns)[:3]
        ['date', 'date_basis', 'date_note']
    """
    from corpus_lib.paths import SEEDS_DIR

    root = Path(path) if path is not None else SEEDS_DIR
    if tables is not None:
        import json

        folder = Path(tables)
        meta = json.loads((folder / "corpus.json").read_text(encoding="utf-8"))
        if Path(meta["root"]) != root.resolve():
            raise ValueError(f"the tables in {folder} were built from {meta['root']}, not from {root.resolve()}")
        if stances and "stances" not in meta["tables"]:
            raise ValueError(f"the tables in {folder} have no stances")
        read = {}
        for name in meta["tables"]:
            frame = pd.read_parquet(folder / f"{name}.parquet")
            for column, (categories, ordered) in meta["categories"][name].items():
                frame[column] = frame[column].astype(pd.CategoricalDtype(categories, ordered=ordered))
            read[name] = frame
        return Corpus(root=root, documents=read["documents"], statements=read["statements"],
                      removed=read["removed"], stances=read.get("stances") if stances else None)
    reg = corpus_registry(root)
    results = [process_raw(doc, reg) for doc in load_documents(root)]
    documents, statements, removed = build_tables(results)
    coded = code_stances(statements) if stances else None
    return Corpus(root=root, documents=documents, statements=statements, removed=removed, stances=coded)
