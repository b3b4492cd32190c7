"""A stratified random sample of a corpus's statements, and the coding sheet that hides the machine's codes.

Hand-coding every statement is out of reach; hand-coding a random sample and weighting it
back to the corpus is how content analysts check a coder on their own texts.
`sample_for_coding` draws the sample and writes four files into a folder:

- ``NAME.csv`` and ``NAME.xlsx``: the coding sheet, one row per sampled statement in id
  order, with ``statement_id, doc_id, date, speaker, before, text, after`` (the sentence
  with the one before and the one after it in its document). Nothing the coder could lean
  on is there: no holder, topic, stance, rule or stratum.
- ``NAME.design.csv``: one row per stratum with its population size, sample size and
  weight (population / sample).
- ``NAME.weights.csv``: each sampled statement's stratum and weight. It names the strata,
  and so the machine's topics: keep it closed while coding.

Strata. ``by`` names the stratifiers:

- ``period``: the year of the statement's document date (``"2022"``), or, with
  ``periods=[2005, 2009, 2022]``, spans starting at those years (``"2005–2008"``,
  ``"2009–2021"``, ``"2022–"``; earlier dates go to ``"–2004"``); ``"undated"`` without a date.
- ``topic``: the first topic (codebook order) the machine gives the statement, or ``none``.

With ``include_uncoded`` (a share, 0.2 by default) the sample is first split into
statements the machine gave a topic and statements it gave none, and that share of ``n``
is drawn from the second group, whatever its size in the corpus: without those statements
the topics the machine misses, its recall, could not be measured. The weights undo this
over- or under-representation. Within each part, ``n`` is allocated to the strata in
proportion to their size (largest remainders), with at least one statement a stratum
where ``n`` allows; within a stratum statements are drawn without replacement. The same
corpus, ``n``, options and ``seed`` give the same sample.

A file already in the folder is never overwritten: if it holds exactly what would be
written (the same sample drawn again, as when a notebook is re-run) it is left alone,
otherwise `sample_for_coding` stops with ``FileExistsError`` before writing anything.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from corpus_lib.errors import check_frame
from corpus_lib.vocab import TOPICS

__all__ = [
    "DESIGN_COLUMNS",
    "SHEET_COLUMNS",
    "WEIGHT_COLUMNS",
    "CodingSample",
    "coding_folder",
    "read_sample",
    "read_sheet",
    "sample_for_coding",
]

SHEET_COLUMNS: tuple[str, ...] = ("statement_id", "doc_id", "date", "speaker", "before", "text", "after")
DESIGN_COLUMNS: tuple[str, ...] = ("stratum", "coded", "period", "topic", "population", "sample", "weight")
WEIGHT_COLUMNS: tuple[str, ...] = ("statement_id", "stratum", "weight")
STRATIFIERS: tuple[str, ...] = ("period", "topic")
UNCODED = "none"
UNDATED = "undated"
ANY = "all"
SUFFIXES = {"sheet": ".csv", "xlsx": ".xlsx", "design": ".design.csv", "weights": ".weights.csv"}


@dataclass(frozen=True)
class CodingSample:
    """A drawn sample: the coding sheet, the design and the weights, and where they were written.

    Attributes:
        sheet: The coding sheet (`SHEET_COLUMNS`, all text), sorted by statement_id.
        design: One row per stratum (`DESIGN_COLUMNS`).
        weights: Each sampled statement's stratum and weight (`WEIGHT_COLUMNS`).
        folder: The folder the files are in, or None when nothing was written.
        name: The files' common stem.
    """

    sheet: pd.DataFrame
    design: pd.DataFrame
    weights: pd.DataFrame
    folder: Path | None = None
    name: str = "coding-sheet"

    @property
    def paths(self) -> dict[str, Path]:
        """The files (``sheet``, ``xlsx``, ``design``, ``weights``); empty when nothing was written."""
        if self.folder is None:
            return {}
        return {kind: self.folder / f"{self.name}{suffix}" for kind, suffix in SUFFIXES.items()}

    @property
    def sheet_path(self) -> Path:
        """The coding sheet's CSV, which `CodingSession` and the agreement functions read."""
        if self.folder is None:
            raise ValueError("this sample was not written: pass out=FOLDER to sample_for_coding")
        return self.paths["sheet"]

    def summary(self) -> str:
        """Markdown: how many statements, from how many, in how many strata, and the files."""
        design = self.design
        drawn = int(design["sample"].sum())
        population = int(design["population"].sum())
        empty = design.loc[design["sample"] == 0, "stratum"].tolist()
        lines = [
            f"**{drawn}** statements drawn from {population} in {len(design)} strata "
            f"({int((self.sheet['doc_id']).nunique())} documents)."
        ]
        if empty:
            lines.append(
                f"{len(empty)} strata got no statement (n is smaller than the number of strata): "
                "estimates say nothing about them."
            )
        for kind, path in self.paths.items():
            lines.append(f"- {kind}: `{html.escape(str(path))}`")
        return "\n".join(lines)

    def _repr_markdown_(self) -> str:
        return self.summary()


def _period_labels(dates: pd.Series, periods: Sequence[int] | None) -> pd.Series:
    """Each date's period: its year, or the span of ``periods`` (start years) it falls in."""
    years = pd.to_datetime(dates, errors="coerce").dt.year
    if periods is None:
        labels = years.map(lambda y: UNDATED if pd.isna(y) else str(int(y)))
        return labels.astype(str)
    starts = sorted(int(p) for p in periods)
    if not starts:
        raise ValueError("periods must name at least one start year")
    names = [f"{a}–{b - 1}" for a, b in zip(starts, starts[1:])] + [f"{starts[-1]}–"]

    def label(year) -> str:
        if pd.isna(year):
            return UNDATED
        position = int(np.searchsorted(starts, int(year), side="right")) - 1
        return f"–{starts[0] - 1}" if position < 0 else names[position]

    return years.map(label).astype(str)


def _first_topics(statements: pd.DataFrame, stances: pd.DataFrame) -> pd.Series:
    """The first topic (codebook order) the machine gives each statement, or ``none``."""
    order = {topic: i for i, topic in enumerate(TOPICS)}
    coded = stances[["statement_id", "topic"]].astype(str)
    coded = coded.assign(order=coded["topic"].map(order)).sort_values(["statement_id", "order"], kind="mergesort")
    first = coded.drop_duplicates("statement_id").set_index("statement_id")["topic"]
    return statements["statement_id"].map(lambda statement: first.get(statement, UNCODED)).astype(str)


def _with_context(statements: pd.DataFrame) -> pd.DataFrame:
    """The statements in document order with the sentence before and after each, within its document."""
    frame = statements.sort_values(["doc_id", "seq"], kind="mergesort").reset_index(drop=True)
    by_doc = frame.groupby("doc_id", sort=False)["text"]
    return frame.assign(before=by_doc.shift(1).fillna(""), after=by_doc.shift(-1).fillna(""))


def _allocate(sizes: Sequence[int], n: int) -> list[int]:
    """``n`` split over strata of ``sizes`` in proportion (largest remainders), at least one each where n allows."""
    sizes = [int(s) for s in sizes]
    total = sum(sizes)
    if n >= total:
        return list(sizes)
    quota = [n * s / total for s in sizes]
    floor_one = n >= sum(1 for s in sizes if s > 0)
    take = [min(s, max(int(q), 1 if floor_one and s > 0 else 0)) for q, s in zip(quota, sizes)]
    while sum(take) < n:  # the largest remainders (ties: the first stratum) get one more
        room = [i for i, s in enumerate(sizes) if take[i] < s]
        take[max(room, key=lambda i: (quota[i] - take[i], -i))] += 1
    while sum(take) > n:  # the floor of one overshot: the smallest remainders give one back
        spare = [i for i in range(len(sizes)) if take[i] > 1]
        take[min(spare, key=lambda i: (quota[i] - take[i], i))] -= 1
    return take


def _split(population: int, uncoded: int, n: int, include_uncoded: float) -> tuple[int, int]:
    """How many statements to draw among those the machine coded and among those it did not."""
    coded = population - uncoded
    if not 0.0 <= include_uncoded <= 1.0:
        raise ValueError(f"include_uncoded must be a share between 0 and 1, got {include_uncoded!r}")
    want_uncoded = int(round(n * include_uncoded))
    take_uncoded = min(want_uncoded, uncoded)
    take_coded = min(n - take_uncoded, coded)
    take_uncoded = min(n - take_coded, uncoded)  # what the coded part could not use goes back
    return take_coded, take_uncoded


def _strata(frame: pd.DataFrame, by: Sequence[str], include_uncoded: float | None, n: int) -> pd.DataFrame:
    """One row per stratum: its keys, population and sample size, in a fixed order."""
    keys = ["coded", *by] if include_uncoded is not None else list(by)
    if keys:
        sizes = frame.groupby(keys, sort=True).size().rename("population").reset_index()
    else:  # a simple random sample: one stratum
        sizes = pd.DataFrame({"population": [len(frame)]})
    if include_uncoded is None:
        sizes["sample"] = _allocate(sizes["population"], n)
    else:
        uncoded = int(sizes.loc[sizes["coded"] == "no", "population"].sum())
        n_coded, n_uncoded = _split(len(frame), uncoded, n, include_uncoded)
        sizes["sample"] = 0
        for flag, share in (("yes", n_coded), ("no", n_uncoded)):
            part = sizes["coded"] == flag
            if part.any():  # a corpus may have no coded (or no uncoded) statement at all
                sizes.loc[part, "sample"] = _allocate(sizes.loc[part, "population"], share)
    for column in ("coded", *STRATIFIERS):
        if column not in sizes:
            sizes[column] = ANY
    width = len(str(len(sizes)))
    sizes["stratum"] = [f"s{i:0{width}d}" for i in range(1, len(sizes) + 1)]
    sizes["weight"] = np.where(sizes["sample"] > 0, sizes["population"] / sizes["sample"].clip(lower=1), np.nan)
    return sizes[list(DESIGN_COLUMNS)].astype({"population": "int64", "sample": "int64", "weight": float})


def _draw(frame: pd.DataFrame, strata: pd.DataFrame, seed: int) -> pd.DataFrame:
    """The sampled statements, with their stratum and weight: simple random samples within strata."""
    rng = np.random.default_rng(seed)
    keys = [c for c in ("coded", *STRATIFIERS) if c in frame.columns]
    chosen = []
    for stratum in strata.itertuples(index=False):
        mask = np.ones(len(frame), dtype=bool)
        for key in keys:
            value = getattr(stratum, key)
            if value != ANY:
                mask &= frame[key].to_numpy() == value
        members = frame.loc[mask].sort_values("statement_id", kind="mergesort")
        picks = np.sort(rng.choice(len(members), size=int(stratum.sample), replace=False))
        chosen.append(members.iloc[picks].assign(stratum=stratum.stratum, weight=stratum.weight))
    return pd.concat(chosen, ignore_index=True).sort_values("statement_id", kind="mergesort").reset_index(drop=True)


def _sheet(drawn: pd.DataFrame) -> pd.DataFrame:
    dates = pd.to_datetime(drawn["date"], errors="coerce")
    sheet = drawn.assign(date=dates.dt.strftime("%Y-%m-%d").fillna(""))
    return sheet[list(SHEET_COLUMNS)].astype(str).reset_index(drop=True)


def _csv_bytes(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False, lineterminator="\n", float_format="%.6g").encode("utf-8")


def _xlsx(sheet: pd.DataFrame, path: Path) -> None:
    """The sheet as a workbook: every cell text (a sentence starting with ``=`` stays text), wrapped, header frozen."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    page = book.active
    page.title = "coding sheet"
    page.append(list(sheet.columns))
    for row in sheet.itertuples(index=False):
        page.append(list(row))
    widths = {"statement_id": 28, "doc_id": 24, "date": 11, "speaker": 22, "before": 50, "text": 60, "after": 50}
    for column, cells in zip(sheet.columns, page.iter_cols(min_row=1, max_row=page.max_row)):
        page.column_dimensions[cells[0].column_letter].width = widths.get(column, 20)
        for cell in cells:
            cell.data_type = "s"  # text, never a formula
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        cells[0].font = Font(bold=True)
    page.freeze_panes = "A2"
    book.save(path)


def _same_workbook(path: Path, sheet: pd.DataFrame) -> bool:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        rows = [["" if v is None else str(v) for v in row] for row in book.active.iter_rows(values_only=True)]
    finally:
        book.close()
    return rows == [list(sheet.columns), *sheet.to_numpy().tolist()]


def _write(sample: CodingSample) -> None:
    """Write the sample's files, refusing before any write if one exists with other content."""
    files = {"sheet": _csv_bytes(sample.sheet), "design": _csv_bytes(sample.design), "weights": _csv_bytes(sample.weights)}
    paths = sample.paths
    clashes = [paths[k] for k, data in files.items() if paths[k].exists() and paths[k].read_bytes() != data]
    if paths["xlsx"].exists() and not _same_workbook(paths["xlsx"], sample.sheet):
        clashes.append(paths["xlsx"])
    if clashes:
        raise FileExistsError(
            "not overwriting " + ", ".join(str(p) for p in clashes) + ": they hold another sample (and perhaps "
            "codes beside them). Choose another name= or folder, or move those files away first."
        )
    sample.folder.mkdir(parents=True, exist_ok=True)
    for kind, data in files.items():
        if not paths[kind].exists():
            paths[kind].write_bytes(data)
    if not paths["xlsx"].exists():
        _xlsx(sample.sheet, paths["xlsx"])


def sample_for_coding(
    corpus,
    n: int,
    *,
    by: Sequence[str] = STRATIFIERS,
    include_uncoded: float | None = 0.2,
    seed: int = 0,
    out: str | Path | None = None,
    name: str = "coding-sheet",
    periods: Sequence[int] | None = None,
) -> CodingSample:
    """Draw a stratified random sample of statements to hand-code, and write its coding sheet.

    See the module docstring for the strata, the allocation and the files.

    Args:
        corpus: The corpus tables (``statements``, and ``stances`` from the coder), e.g. a
            :class:`corpus_lib.corpus.Corpus`.
        n: How many statements to draw; all of them when the corpus has no more.
        by: Stratifiers, any of ``period`` and ``topic`` (none: a simple random sample).
        include_uncoded: Share of ``n`` drawn from statements the machine gave no topic;
            None stratifies without that split.
        seed: Seed of the random draw.
        out: Folder to write the files into (created if missing); None writes nothing.
        name: The files' stem (``NAME.csv``, ``NAME.xlsx``, ``NAME.design.csv``, ``NAME.weights.csv``).
        periods: Start years of the periods; None: one period per year.

    Returns:
        A :class:`CodingSample`.

    Raises:
        ValueError: on an unknown stratifier, a bad share or ``n``, or a corpus without stances.
        FileExistsError: a file of that name exists with other content.

    Example:
        >>> from corpus_lib.corpus import load_corpus
        >>> sample = sample_for_coding(load_corpus(), 30, seed=1)
        >>> len(sample.sheet), int(sample.design["sample"].sum()), "holder" in sample.sheet
        (30, 30, False)
    """
    unknown = [b for b in by if b not in STRATIFIERS]
    if unknown or len(set(by)) != len(by):
        raise ValueError(f"by must name distinct stratifiers among {', '.join(STRATIFIERS)}, got {list(by)}")
    if isinstance(n, bool) or int(n) != n or n < 1:
        raise ValueError(f"n must be a positive integer, got {n!r}")
    if getattr(corpus, "stances", None) is None:
        raise ValueError("the corpus has no stances: load it with load_corpus(..., stances=True)")
    statements = corpus.statements
    check_frame(statements, "statements", ["statement_id", "doc_id", "seq", "speaker", "text", "date"])
    check_frame(corpus.stances, "stances", ["statement_id", "topic"])
    if statements.empty:
        raise ValueError("the corpus has no statements to sample")
    frame = _with_context(statements.astype({"statement_id": str, "doc_id": str, "speaker": str, "text": str}))
    frame["period"] = _period_labels(frame["date"], periods)
    frame["topic"] = _first_topics(frame, corpus.stances)
    frame["coded"] = np.where(frame["topic"] == UNCODED, "no", "yes")
    strata = _strata(frame, list(by), include_uncoded, int(n))
    drawn = _draw(frame, strata, seed)
    weights = drawn[list(WEIGHT_COLUMNS)].astype({"statement_id": str, "stratum": str, "weight": float})
    sample = CodingSample(
        sheet=_sheet(drawn),
        design=strata,
        weights=weights,
        folder=None if out is None else Path(out),
        name=name,
    )
    if out is not None:
        _write(sample)
    return sample


def read_sheet(path: str | Path) -> pd.DataFrame:
    """Read a coding sheet CSV (all text, empty cells as ``""``), checking its columns and ids.

    Raises:
        ValueError: a column of `SHEET_COLUMNS` is missing, or a statement_id is empty or repeated.
    """
    path = Path(path)
    sheet = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    missing = [c for c in SHEET_COLUMNS if c not in sheet.columns]
    if missing:
        raise ValueError(f"{path} is not a coding sheet: it lacks {', '.join(missing)}")
    ids = sheet["statement_id"]
    if (ids == "").any() or ids.duplicated().any():
        raise ValueError(f"{path}: every statement_id must be given once")
    return sheet[list(SHEET_COLUMNS)]


def read_sample(sheet: CodingSample | str | Path) -> CodingSample:
    """The sample behind a sheet: a :class:`CodingSample` as it is, or read back from ``NAME.csv`` and its siblings."""
    if isinstance(sheet, CodingSample):
        return sheet
    path = Path(sheet)
    name = path.name[: -len(".csv")] if path.name.endswith(".csv") else path.stem
    folder = path.parent
    design_path, weights_path = folder / f"{name}.design.csv", folder / f"{name}.weights.csv"
    design = pd.read_csv(design_path, dtype={"stratum": str, "coded": str, "period": str, "topic": str},
                         keep_default_na=False) if design_path.exists() else pd.DataFrame(columns=list(DESIGN_COLUMNS))
    if weights_path.exists():
        weights = pd.read_csv(weights_path, dtype={"statement_id": str, "stratum": str}, keep_default_na=False)
    else:
        weights = pd.DataFrame(columns=list(WEIGHT_COLUMNS))
    return CodingSample(sheet=read_sheet(path), design=design, weights=weights, folder=folder, name=name)


def coding_folder(output_dir: str | Path, tables_dir: str | Path | None = None) -> Path:
    """Where a notebook keeps its coding files: beside the report folder, never inside one a report replaces.

    Hand codes are work that no build may delete, and ``corpus-lib report`` replaces its
    output folder as a whole. So in JupyterLab (no ``tables_dir``) the files go to
    ``coding/`` beside ``output_dir`` (``notebooks/../coding`` with the notebooks' default
    ``../reports``). When the report runs the notebook on the tables it built
    (``tables_dir`` given), the notebook is a headless demonstration and its files go
    into the report, ``<output_dir>/validation``, replaced with it.

    Example:
        >>> coding_folder("reports").as_posix(), coding_folder("out", "out/tables").as_posix()
        ('coding', 'out/validation')
    """
    output_dir = Path(output_dir)
    return output_dir / "validation" if tables_dir is not None else output_dir.parent / "coding"
