"""Input checks and output finishing shared by the analysis functions.

The summaries (:mod:`corpus_lib.analysis.summaries`), the word statistics
(:mod:`corpus_lib.analysis.text`) and the corpus overview take frames that follow
``docs/data_dictionary.md``: these helpers check the columns and closed vocabularies they
read, and give every returned table its fixed column order, categorical label columns and
sort order. They never modify their input.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from corpus_lib.vocab import HOLDERS, STANCES, TOPICS

LABELS: tuple[str, ...] = STANCES
"""The stance labels, in data-dictionary order (``share_<label>`` columns follow it)."""
STANCE_COLUMNS: tuple[str, ...] = ("statement_id", "doc_id", "date", "holder", "topic", "stance", "score")
"""The columns of ``stances`` every summary reads."""


def require_columns(
    frame: pd.DataFrame, columns: Iterable[str], name: str, *, contract: str | None = "docs/data_dictionary.md"
) -> None:
    """Raise TypeError unless ``frame`` is a DataFrame, KeyError unless it has ``columns``.

    The KeyError names the document that states the frame's columns (``contract``), when
    there is one: the corpus tables have the data dictionary, a chart's input is the
    output of an analysis function and has none.
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        hint = f"; see {contract} for the contract" if contract else ""
        raise KeyError(f"{name} lacks column(s) {missing}{hint}")


def select_names(value: str | Iterable[str] | None, allowed: Sequence[str], what: str) -> tuple[str, ...]:
    """Validate a selection of topics/holders; None selects all, in canonical order."""
    if value is None:
        return tuple(allowed)
    chosen = (value,) if isinstance(value, str) else tuple(value)
    unknown = [v for v in chosen if v not in allowed]
    if unknown:
        raise ValueError(f"unknown {what} {unknown}; expected some of {list(allowed)}")
    if not chosen:
        raise ValueError(f"empty selection of {what}")
    return tuple(v for v in allowed if v in chosen)


def plain_strings(series: pd.Series) -> pd.Series:
    """The values as plain Python objects (categoricals and strings alike), ``None`` where missing."""
    return series.astype(object).where(series.notna(), None)


def closed_values(series: pd.Series, allowed: Sequence[str], column: str) -> pd.Series:
    """:func:`plain_strings` of a label column; ValueError on a missing value or one outside ``allowed``."""
    values = plain_strings(series)
    bad = sorted({str(v) for v in values.dropna().unique() if v not in allowed})
    if values.isna().any() or bad:
        raise ValueError(f"column {column!r} has values outside {list(allowed)}: {bad or ['<missing>']}")
    return values


def stance_frame(
    stances: pd.DataFrame,
    *,
    topic: str | Iterable[str] | None,
    holders: str | Iterable[str] | None,
    extra: Sequence[str] = (),
) -> pd.DataFrame:
    """A validated working copy of ``stances`` (plain-object label columns), filtered."""
    require_columns(stances, (*STANCE_COLUMNS, *extra), "stances")
    topics = select_names(topic, TOPICS, "topic")
    holder_names = select_names(holders, HOLDERS, "holder")
    frame = stances.loc[:, list(dict.fromkeys((*STANCE_COLUMNS, *extra)))].copy()
    frame["statement_id"] = plain_strings(frame["statement_id"])
    frame["doc_id"] = plain_strings(frame["doc_id"])
    frame["holder"] = closed_values(frame["holder"], HOLDERS, "holder")
    frame["topic"] = closed_values(frame["topic"], TOPICS, "topic")
    frame["stance"] = closed_values(frame["stance"], LABELS, "stance")
    frame["date"] = pd.to_datetime(frame["date"])
    try:
        frame["score"] = pd.to_numeric(frame["score"]).astype(float)
    except (TypeError, ValueError) as err:
        raise ValueError("column 'score' must be numeric (+1, 0, -1 or missing)") from err
    dup = frame.duplicated(["statement_id", "topic"])
    if dup.any():
        first = frame.loc[dup, ["statement_id", "topic"]].iloc[0].tolist()
        raise ValueError(f"stances has duplicate (statement_id, topic) rows, e.g. {first}")
    keep = frame["topic"].isin(topics) & frame["holder"].isin(holder_names)
    return frame.loc[keep].reset_index(drop=True)


def categorical(values: Iterable, levels: Sequence[str]) -> pd.Categorical:
    """A categorical with the fixed ``levels`` (a value outside them becomes missing)."""
    return pd.Categorical(list(values), categories=list(levels))


def text_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Give object columns holding only text (or missing) the default string dtype.

    Under pandas 3 that is the ``str`` dtype of the data dictionary; under pandas 2
    ``object`` is kept (``astype(str)`` there would turn missing values into "nan").
    """
    if int(pd.__version__.split(".")[0]) < 3:
        return frame
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        is_text = values.map(lambda v: isinstance(v, str) or pd.isna(v))
        if values.dtype == object and values.notna().any() and is_text.all():
            out[column] = values.astype("str")
    return out


def finish(frame: pd.DataFrame, columns: Sequence[str], sort: Sequence[str]) -> pd.DataFrame:
    """Text dtypes, categorical ``topic``/``holder``, sorted by ``sort``, only ``columns``, new index."""
    out = text_columns(frame)
    if "topic" in out:
        out["topic"] = categorical(out["topic"], TOPICS)
    if "holder" in out:
        out["holder"] = categorical(out["holder"], HOLDERS)
    out = out.sort_values(list(sort), kind="mergesort", na_position="last")
    return out.loc[:, list(columns)].reset_index(drop=True)
