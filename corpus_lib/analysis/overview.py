"""The corpus at a glance: which documents, who speaks for whom, and what cleaning removed.

These tables answer what every other analysis stands on (the ``00-corpus`` notebook shows
them): the documents of a date range and how their dates are known, the statements of each
document by holder, speakers and roles, and the cleaning ledger summed by document and
reason. Every function takes frames that follow ``docs/data_dictionary.md`` and returns a
new frame; inputs are never modified.
"""

from __future__ import annotations

import pandas as pd

from corpus_lib.analysis.frames import require_columns
from corpus_lib.vocab import HOLDERS

__all__ = [
    "dated_between",
    "document_list",
    "removal_examples",
    "removal_ledger",
    "removed_by_reason",
    "roles_by_holder",
    "speaker_counts",
    "statements_by_holder",
]


def dated_between(frame: pd.DataFrame, date_from: str | pd.Timestamp, date_to: str | pd.Timestamp) -> pd.DataFrame:
    """The rows whose ``date`` falls in ``[date_from, date_to]`` (undated rows are left out).

    Example:
        >>> frame = pd.DataFrame({"date": pd.to_datetime(["2004-05-01", "2010-01-01", None])})
        >>> len(dated_between(frame, "2005-01-01", "2024-12-31"))
        1
    """
    require_columns(frame, ("date",), "frame")
    return frame.loc[frame["date"].between(pd.Timestamp(date_from), pd.Timestamp(date_to))]


def document_list(documents: pd.DataFrame) -> pd.DataFrame:
    """Every document with its date (``YYYY-MM-DD``), how the date is known, genre, source and size.

    Example:
        >>> documents = pd.DataFrame({"doc_id": ["d"], "date": [pd.Timestamp("2020-01-02")],
        ...     "date_basis": ["explicit"], "date_note": [""], "genre": ["news"], "source": ["APA"],
        ...     "title": ["T"], "n_statements": [4], "n_removed_chars": [10]})
        >>> document_list(documents)["date"].tolist()
        ['2020-01-02']
    """
    columns = [
        "doc_id",
        "date",
        "date_basis",
        "date_note",
        "genre",
        "source",
        "title",
        "n_statements",
        "n_removed_chars",
    ]
    require_columns(documents, columns, "documents")
    return documents.assign(date=documents["date"].dt.strftime("%Y-%m-%d"))[columns]


def statements_by_holder(statements: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Statements per document (rows, in the order of ``documents``) and holder (columns).

    Only documents with statements appear; holders follow the codebook order, those with
    no statement left out.

    Example:
        >>> statements = pd.DataFrame({"doc_id": ["b", "a", "a"], "holder": ["media", "NATO", "media"]})
        >>> documents = pd.DataFrame({"doc_id": ["a", "b", "c"]})
        >>> statements_by_holder(statements, documents).to_dict("index")
        {'a': {'NATO': 1, 'media': 1}, 'b': {'NATO': 0, 'media': 1}}
    """
    require_columns(statements, ("doc_id", "holder"), "statements")
    require_columns(documents, ("doc_id",), "documents")
    counts = pd.crosstab(statements["doc_id"].astype(str), statements["holder"].astype(str))
    order = documents.loc[documents["doc_id"].isin(counts.index), "doc_id"].tolist()
    return counts.reindex(index=order, columns=[h for h in HOLDERS if h in counts.columns])


def roles_by_holder(statements: pd.DataFrame) -> pd.DataFrame:
    """Statements by speaker role (rows) and holder (columns), with ``all`` totals.

    Example:
        >>> statements = pd.DataFrame({"speaker_role": ["narrator", "quoted"], "holder": ["media", "NATO"]})
        >>> int(roles_by_holder(statements).loc["all", "all"])
        2
    """
    require_columns(statements, ("speaker_role", "holder"), "statements")
    return pd.crosstab(
        statements["speaker_role"].astype(str), statements["holder"].astype(str), margins=True, margins_name="all"
    )


def speaker_counts(statements: pd.DataFrame) -> pd.DataFrame:
    """Statements per (speaker, role, holder), most first, then by speaker.

    Example:
        >>> statements = pd.DataFrame({"speaker": ["A", "B", "B"], "speaker_role": "quoted",
        ...                            "holder": "NATO"})
        >>> speaker_counts(statements)[["speaker", "statements"]].to_numpy().tolist()
        [['B', 2], ['A', 1]]
    """
    require_columns(statements, ("speaker", "speaker_role", "holder"), "statements")
    return (
        statements.groupby(["speaker", "speaker_role", "holder"], observed=True)
        .size()
        .rename("statements")
        .reset_index()
        .sort_values(["statements", "speaker"], ascending=[False, True])
    )


def removal_ledger(removed: pd.DataFrame) -> pd.DataFrame:
    """The cleaning ledger with each span's non-whitespace characters (``characters``) and its reason as text.

    ``characters`` counts what ``n_removed_chars`` of the documents table counts (the
    data dictionary's definition), so a document's spans sum to its ``n_removed_chars``:
    not the span's length in the raw file (``char_end - char_start``, which includes
    line breaks and indentation) nor the collapsed ``text`` (which includes spaces).

    Example:
        >>> removed = pd.DataFrame({"doc_id": ["d"], "reason": ["byline"], "text": ["By A. Writer"]})
        >>> removal_ledger(removed)["characters"].tolist()
        [10]
    """
    require_columns(removed, ("doc_id", "reason", "text"), "removed")
    solid = removed["text"].astype(str).str.replace(r"\s+", "", regex=True).str.len()
    return removed.assign(characters=solid.astype("int64"), reason=removed["reason"].astype(str))


def removed_by_reason(ledger: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    """Non-whitespace characters removed per document (rows, in ``order``) and reason (columns); 0 where none.

    Args:
        ledger: Output of :func:`removal_ledger`.
        order: The documents to list, in order (those of :func:`statements_by_holder`).

    Example:
        >>> ledger = pd.DataFrame({"doc_id": ["d", "d", "e"], "reason": ["byline", "widget", "widget"],
        ...                        "characters": [10, 5, 7]})
        >>> removed_by_reason(ledger, ["e", "d"]).to_dict("index")
        {'e': {'byline': 0, 'widget': 7}, 'd': {'byline': 10, 'widget': 5}}
    """
    require_columns(ledger, ("doc_id", "reason", "characters"), "ledger")
    chars = pd.crosstab(ledger["doc_id"], ledger["reason"], values=ledger["characters"], aggfunc="sum")
    return chars.reindex(index=order).fillna(0).astype(int)


def removal_examples(ledger: pd.DataFrame, *, width: int = 160) -> pd.DataFrame:
    """One example of each cleaning reason (the first in the ledger), with its non-whitespace characters, its text cut to ``width``.

    Example:
        >>> ledger = pd.DataFrame({"reason": ["widget", "widget"], "doc_id": ["d", "d"],
        ...     "char_start": [9, 2], "char_end": [17, 8], "text": ["Loading…", "Share"], "characters": [8, 5]})
        >>> removal_examples(ledger)[["text", "characters"]].to_numpy().tolist()
        [['Share', 5]]
    """
    require_columns(ledger, ("reason", "doc_id", "char_start", "char_end", "text", "characters"), "ledger")
    examples = ledger.sort_values(["reason", "doc_id", "char_start"]).drop_duplicates("reason")
    return examples.assign(text=examples["text"].str.slice(0, width))[
        ["reason", "doc_id", "char_start", "char_end", "characters", "text"]
    ]
