"""The tables' contracts (pandera) and the constructors that build conforming frames.

Every table leaves the library through one of the ``make_*`` functions: fixed column
order, closed sets as categoricals with fixed levels, sorted by id, then validated.
The columns are described in plain words in ``docs/data_dictionary.md``.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from corpus_lib.pipeline.actors import HOLDERS
from corpus_lib.pipeline.clean import REASONS
from corpus_lib.pipeline.load import DATE_BASES, GENRES
from corpus_lib.vocab import ROLES, STANCES, TOPICS

_EVENT_DATE = r"^(\d{4}(-\d{2})?)?$"
SOURCES = ("machine", "hand")
"""Who set a row's codes: the parser and coder, or a person through ``corrections.csv``."""


def _category(levels) -> pd.CategoricalDtype:
    return pd.CategoricalDtype(categories=list(levels), ordered=False)


class Documents(pa.DataFrameModel):
    """One row per source file."""

    doc_id: Series[str] = pa.Field(unique=True)
    file: Series[str]
    title: Series[str]
    date: Series[pd.Timestamp] = pa.Field(nullable=True)
    date_basis: Series[pd.CategoricalDtype] = pa.Field(dtype_kwargs={"categories": list(DATE_BASES)}, nullable=True)
    date_note: Series[str]
    source: Series[str]
    genre: Series[pd.CategoricalDtype] = pa.Field(dtype_kwargs={"categories": list(GENRES)}, nullable=True)
    url: Series[str]
    n_statements: Series[int] = pa.Field(ge=0)
    n_removed_chars: Series[int] = pa.Field(ge=0)

    class Config:
        strict = True
        ordered = True


class Statements(pa.DataFrameModel):
    """One row per sentence inside one speaker's turn."""

    statement_id: Series[str] = pa.Field(unique=True)
    doc_id: Series[str]
    seq: Series[int] = pa.Field(ge=1)
    turn: Series[int] = pa.Field(ge=1)
    speaker: Series[str]
    speaker_role: Series[pd.CategoricalDtype] = pa.Field(dtype_kwargs={"categories": list(ROLES)})
    holder: Series[pd.CategoricalDtype] = pa.Field(dtype_kwargs={"categories": list(HOLDERS)})
    is_question: Series[bool]
    text: Series[str] = pa.Field(str_length={"min_value": 1})
    char_start: Series[int] = pa.Field(ge=0)
    char_end: Series[int] = pa.Field(ge=1)
    date: Series[pd.Timestamp] = pa.Field(nullable=True)
    event_date: Series[str] = pa.Field(str_matches=_EVENT_DATE)
    tone: Series[float] = pa.Field(ge=-1.0, le=1.0)
    source: Series[pd.CategoricalDtype] = pa.Field(dtype_kwargs={"categories": list(SOURCES)})
    machine_holder: Series[str]

    class Config:
        strict = True
        ordered = True

    @pa.dataframe_check
    def span_is_forward(cls, df: pd.DataFrame) -> Series[bool]:
        return df["char_end"] > df["char_start"]


class Removed(pa.DataFrameModel):
    """The cleaning ledger: one row per removed span."""

    doc_id: Series[str]
    char_start: Series[int] = pa.Field(ge=0)
    char_end: Series[int] = pa.Field(ge=1)
    reason: Series[pd.CategoricalDtype] = pa.Field(dtype_kwargs={"categories": list(REASONS)})
    text: Series[str]

    class Config:
        strict = True
        ordered = True


class Stances(pa.DataFrameModel):
    """One row per (statement, topic) the statement touches."""

    statement_id: Series[str]
    doc_id: Series[str]
    date: Series[pd.Timestamp] = pa.Field(nullable=True)
    event_date: Series[str] = pa.Field(str_matches=_EVENT_DATE)
    holder: Series[pd.CategoricalDtype] = pa.Field(dtype_kwargs={"categories": list(HOLDERS)})
    topic: Series[pd.CategoricalDtype] = pa.Field(dtype_kwargs={"categories": list(TOPICS)})
    stance: Series[pd.CategoricalDtype] = pa.Field(dtype_kwargs={"categories": list(STANCES)})
    score: Series[float] = pa.Field(nullable=True, isin=[-1.0, 0.0, 1.0])
    rule_ids: Series[str]
    cues: Series[str]
    confidence: Series[float] = pa.Field(ge=0.0, le=1.0)
    source: Series[pd.CategoricalDtype] = pa.Field(dtype_kwargs={"categories": list(SOURCES)})
    machine_stance: Series[str]

    class Config:
        strict = True
        ordered = True


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """The rows as a frame of ``columns``, a missing value as NaN (``DataFrame.from_records``'
    frame, built column by column: faster)."""
    return pd.DataFrame({c: [row.get(c, _MISSING) for row in rows] for c in columns})


_MISSING = float("nan")


def _dates(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values, errors="raise").astype("datetime64[ns]")


def _strings(df: pd.DataFrame, columns) -> None:
    for c in columns:
        df[c] = df[c].astype(object).where(df[c].notna(), "").astype(str)


def _sources(values: pd.Series) -> pd.Series:
    """Who set each row: ``machine`` unless a row says ``hand``."""
    return values.astype(object).where(values.notna(), "machine").astype(_category(SOURCES))


def make_documents(rows: list[dict]) -> pd.DataFrame:
    """Build, sort and validate the ``documents`` table."""
    columns = list(Documents.to_schema().columns)
    df = _frame(rows, columns)
    _strings(df, ["doc_id", "file", "title", "date_note", "source", "url"])
    df["date"] = _dates(df["date"])
    df["date_basis"] = df["date_basis"].astype(_category(DATE_BASES))
    df["genre"] = df["genre"].astype(_category(GENRES))
    df = df.astype({"n_statements": "int64", "n_removed_chars": "int64"})
    return Documents.validate(df.sort_values("doc_id", kind="stable").reset_index(drop=True))


def make_statements(rows: list[dict]) -> pd.DataFrame:
    """Build, sort and validate the ``statements`` table."""
    columns = list(Statements.to_schema().columns)
    df = _frame(rows, columns)
    _strings(df, ["statement_id", "doc_id", "speaker", "text", "event_date", "machine_holder"])
    df["source"] = _sources(df["source"])
    df["speaker_role"] = df["speaker_role"].astype(_category(ROLES))
    df["holder"] = df["holder"].astype(_category(HOLDERS))
    df["is_question"] = df["is_question"].astype(bool)
    df["date"] = _dates(df["date"])
    df = df.astype({"seq": "int64", "turn": "int64", "char_start": "int64", "char_end": "int64", "tone": "float64"})
    return Statements.validate(df.sort_values("statement_id", kind="stable").reset_index(drop=True))


def make_removed(rows: list[dict]) -> pd.DataFrame:
    """Build, sort and validate the ``removed`` table."""
    columns = list(Removed.to_schema().columns)
    df = _frame(rows, columns)
    _strings(df, ["doc_id", "text"])
    df["reason"] = df["reason"].astype(_category(REASONS))
    df = df.astype({"char_start": "int64", "char_end": "int64"})
    return Removed.validate(df.sort_values(["doc_id", "char_start"], kind="stable").reset_index(drop=True))


def make_stances(rows: list[dict] | pd.DataFrame) -> pd.DataFrame:
    """Build, sort and validate the ``stances`` table."""
    columns = list(Stances.to_schema().columns)
    df = rows.copy() if isinstance(rows, pd.DataFrame) else _frame(rows, columns)
    df = df.reindex(columns=columns)  # the coder's frames have no source yet: the machine's
    _strings(df, ["statement_id", "doc_id", "event_date", "rule_ids", "cues", "machine_stance"])
    df["source"] = _sources(df["source"])
    df["date"] = _dates(df["date"])
    df["holder"] = df["holder"].astype(str).astype(_category(HOLDERS))
    df["topic"] = df["topic"].astype(str).astype(_category(TOPICS))
    df["stance"] = df["stance"].astype(str).astype(_category(STANCES))
    df = df.astype({"score": "float64", "confidence": "float64"})
    order = df["topic"].cat.codes
    df = df.assign(_order=order).sort_values(["statement_id", "_order"], kind="stable").drop(columns="_order")
    return Stances.validate(df.reset_index(drop=True))
