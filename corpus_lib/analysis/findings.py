"""Findings in words: one sentence per holder and topic on whether, when and how far a position moved.

A chart invites a reader to see a shift; a sentence says what the tables support. Each
finding comes from :func:`corpus_lib.analysis.shifts.change_points` (documents as the
independent unit) and says the direction, the size, when, the probability of no change
and the evidence on each side. Caveats are written by rule, never by hand:

* a side of a shift resting on two documents or fewer;
* statements dated by their document although they narrate an earlier event
  (``event_date``): what was *said* when, not what happened when;
* a holder heard in one genre only (all interviews, say), whose position may be the
  genre's.

Where the evidence is too thin for any finding (fewer than :data:`MIN_DOCUMENTS`
documents with a position), the sentence says so instead.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import pandas as pd

from corpus_lib.analysis.frames import select_names, stance_frame
from corpus_lib.analysis.shifts import change_points
from corpus_lib.analysis.style import counted
from corpus_lib.vocab import HOLDERS, TOPICS

__all__ = ["FINDING_COLUMNS", "MIN_DOCUMENTS", "as_markdown", "findings"]

MIN_DOCUMENTS = 4
"""Fewest documents with a position on a topic before a holder's position over time is described."""
FINDING_COLUMNS: tuple[str, ...] = (
    "holder", "topic", "n_documents", "n_statements", "p_no_change", "n_shifts", "finding", "caveats",
)  # fmt: skip
# The label each end of a topic's scale stands for.
_POLES = {"karabakh": ("detached", "engaged"), "russia": ("adversarial", "cooperative"), "membership": ("distant", "open")}


def _caveats(rows: pd.DataFrame, documents: pd.DataFrame, shifts: pd.DataFrame) -> list[str]:
    """The rule-written caveats of one holder's positioned statements on one topic."""
    out = []
    thin = [s for s in shifts.itertuples() if min(s.n_documents_before, s.n_documents_after) <= 2]
    if thin:
        out.append("a side of the shift rests on two documents or fewer")
    narrated = int((rows["event_date"].fillna("").astype(str) != "").sum()) if "event_date" in rows else 0
    if narrated:
        verb = "narrates" if narrated == 1 else "narrate"
        out.append(f"{counted(narrated, 'statement')} of {len(rows)} {verb} an earlier event but "
                   f"{'is' if narrated == 1 else 'are'} placed at the document's date")
    genres = documents.loc[documents["doc_id"].isin(rows["doc_id"]), "genre"].dropna().astype(str).unique()
    if len(genres) == 1:
        out.append(f"all of it comes from one genre ({genres[0]})")
    return out


def _shift_sentence(holder: str, topic: str, shift, p_no_change: float) -> str:
    low, high = _POLES[topic]
    size = shift.mean_after - shift.mean_before
    towards = high if size > 0 else low
    return (
        f"{holder}'s position on {topic.capitalize()} moved towards {towards} by {size:+.2f} "
        f"(mean score {shift.mean_before:+.2f} → {shift.mean_after:+.2f}) around {shift.date:%B %Y} "
        f"(90% interval {shift.date_low:%Y}–{shift.date_high:%Y}; probability of no change {p_no_change:.2f}), "
        f"on {counted(int(shift.n_documents_before), 'document')} ({counted(int(shift.n_statements_before), 'statement')}) "
        f"before and {counted(int(shift.n_documents_after), 'document')} "
        f"({counted(int(shift.n_statements_after), 'statement')}) after."
    )


def _finding(holder: str, topic: str, rows: pd.DataFrame, documents: pd.DataFrame) -> dict:
    """The finding of one holder on one topic, from its positioned statements."""
    n_docs, n_statements = rows["doc_id"].nunique(), len(rows)
    base = {"holder": holder, "topic": topic, "n_documents": n_docs, "n_statements": n_statements}
    if n_docs < MIN_DOCUMENTS:
        text = (f"Too thin to describe a change: {holder} takes a position on {topic.capitalize()} in "
                f"{counted(n_docs, 'document')} ({counted(n_statements, 'statement')}).")
        return {**base, "p_no_change": float("nan"), "n_shifts": 0, "finding": text, "caveats": ""}
    found = change_points(rows, topic=topic, holder=holder, keep_null=True)
    p_no_change = float(found["p_no_change"].iloc[0])
    shifts = found.loc[found["shift"] > 0]
    if shifts.empty:
        mean = rows["score"].mean()
        text = (f"No shift in {holder}'s position on {topic.capitalize()} (probability of no change "
                f"{p_no_change:.2f}): mean score {mean:+.2f} over {counted(n_docs, 'document')} "
                f"({counted(n_statements, 'statement')}).")
    else:
        text = " ".join(_shift_sentence(holder, topic, s, p_no_change) for s in shifts.itertuples())
    caveats = _caveats(rows, documents, shifts)
    return {**base, "p_no_change": p_no_change, "n_shifts": len(shifts), "finding": text, "caveats": "; ".join(caveats)}


def findings(
    stances: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    holders: str | Iterable[str] = ("NATO",),
    topic: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """One finding in words per holder and topic, with the evidence under it and its caveats.

    Args:
        stances: The ``stances`` table; only positioned statements (with a score) and a
            date count.
        documents: The ``documents`` table (``doc_id``, ``genre``), for the genre caveat.
        holders: The holders to describe.
        topic: A topic or topics; all by default.

    Returns:
        Columns :data:`FINDING_COLUMNS`: counts of documents and positioned statements,
        ``p_no_change`` (NaN when too thin), ``n_shifts``, the ``finding`` sentence and its
        ``caveats`` (``;``-separated, empty when none); one row per holder and topic, in
        codebook order. Text is plain (escape it before showing it as HTML).

    Example:
        >>> days = pd.date_range("2010-01-01", periods=12, freq="180D")
        >>> stances = pd.DataFrame({"statement_id": [f"d{i}.1" for i in range(12)],
        ...     "doc_id": [f"d{i}" for i in range(12)], "date": days, "event_date": "",
        ...     "holder": "NATO", "topic": "russia",
        ...     "stance": ["cooperative"] * 6 + ["adversarial"] * 6, "score": [1.0] * 6 + [-1.0] * 6})
        >>> documents = pd.DataFrame({"doc_id": [f"d{i}" for i in range(12)], "genre": "news"})
        >>> print(findings(stances, documents, topic="russia")["finding"].iloc[0][:64])
        NATO's position on Russia moved towards adversarial by -2.00 (me
    """
    frame = stance_frame(stances, topic=topic, holders=holders, extra=("event_date",) if "event_date" in stances else ())
    frame = frame.loc[frame["score"].notna() & frame["date"].notna()]
    rows = [
        _finding(holder, topic_name, frame.loc[(frame["holder"] == holder) & (frame["topic"] == topic_name)], documents)
        for holder in select_names(holders, HOLDERS, "holder")
        for topic_name in select_names(topic, TOPICS, "topic")
    ]
    return pd.DataFrame(rows, columns=list(FINDING_COLUMNS))


def as_markdown(table: pd.DataFrame) -> str:
    """The findings as Markdown bullets, corpus text escaped, caveats in italics."""
    lines = []
    for row in table.itertuples():
        caveat = f" *Caveats: {html.escape(row.caveats, quote=False)}.*" if row.caveats else ""
        lines.append(f"- {html.escape(row.finding, quote=False)}{caveat}")
    return "\n".join(lines)
