"""A holder's statements on a topic broken down by who spoke, by the country named, and around events.

Each topic notebook asks one question the timeline alone does not answer:

* :func:`by_speaker`: whose words make a holder's line. A timeline of "NATO" may rest on
  one envoy's interviews; the breakdown says so, with documents counted.
* :func:`by_country`: whose membership a statement is about. NATO can be open to one
  country and distant to another in the same year; a mean over both hides it.
* :func:`around_events`: the mean score in the years before and after each event of the
  topic, and the difference with a bootstrap interval that resamples documents on each
  side, marked where it does not exclude zero.

The counts, means, shares and intervals are those of :mod:`corpus_lib.analysis.summaries`
(documents are the unit of resampling), so a row here reads like a row there.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from corpus_lib.analysis.bootstrap import group_rng
from corpus_lib.analysis.frames import require_columns, stance_frame
from corpus_lib.analysis.summaries import SUMMARY_COLUMNS, summary_by

__all__ = ["AROUND_COLUMNS", "COUNTRY_FORMS", "NO_COUNTRY", "around_events", "by_country", "by_speaker"]

COUNTRY_FORMS: dict[str, tuple[str, ...]] = {
    "Azerbaijan": ("Azerbaijan", "Azerbaijani", "Azeri"),
    "Armenia": ("Armenia", "Armenian"),
    "Georgia": ("Georgia", "Georgian"),
    "Ukraine": ("Ukraine", "Ukrainian"),
    "Moldova": ("Moldova", "Moldovan"),
    "Russia": ("Russia", "Russian"),
    "Finland": ("Finland", "Finnish"),
    "Sweden": ("Sweden", "Swedish"),
}
"""The words that name a country in a statement: its name and adjective. A country not
listed is found by its name alone."""

NO_COUNTRY = "(none named)"
"""The row of statements that name none of the countries asked for: enlargement in general."""

AROUND_COLUMNS: tuple[str, ...] = (
    "event",
    "date",
    "n_documents_before",
    "n_positioned_before",
    "mean_before",
    "n_documents_after",
    "n_positioned_after",
    "mean_after",
    "difference",
    "ci_low",
    "ci_high",
    "significant",
)


def by_speaker(quoted: pd.DataFrame, *, n_resamples: int = 2000, confidence: float = 0.95, seed: int = 0) -> pd.DataFrame:
    """Counts, mean score and label shares of each speaker's statements, most documents first.

    Args:
        quoted: Statements with their speaker: the output of
            :func:`~corpus_lib.analysis.summaries.quotes` (one holder, one topic, usually).
        n_resamples: Bootstrap resamples of the interval.
        confidence: Coverage of the interval.
        seed: Seed of the bootstrap.

    Returns:
        Columns ``speaker, speaker_role, topic, first_date, last_date`` then the summary
        columns; one row per speaker and topic, sorted by documents, statements, speaker.
        ``speaker_role`` is the speaker's most frequent role.

    Example:
        >>> quoted = pd.DataFrame({"doc_id": ["a", "a", "b"], "speaker": ["Ann Lee", "Ann Lee", "narrator"],
        ...     "speaker_role": ["interviewee", "interviewee", "narrator"], "topic": "karabakh",
        ...     "stance": ["detached", "neutral", "engaged"], "score": [-1.0, None, 1.0],
        ...     "date": pd.to_datetime(["2010-05-01", "2010-05-01", "2012-01-01"])})
        >>> by_speaker(quoted)[["speaker", "n_statements", "mean_score"]].to_numpy().tolist()
        [['Ann Lee', 2, -1.0], ['narrator', 1, 1.0]]
    """
    require_columns(quoted, ("doc_id", "speaker", "speaker_role", "topic", "stance", "score", "date"), "quoted")
    frame = quoted.assign(speaker=quoted["speaker"].astype(str), topic=quoted["topic"].astype(str))
    summary = summary_by(frame, ["speaker", "topic"], n_resamples=n_resamples, confidence=confidence, seed=seed)
    grouped = frame.groupby(["speaker", "topic"], sort=True)
    facts = pd.DataFrame(
        {
            "speaker_role": grouped["speaker_role"].agg(lambda roles: roles.astype(str).value_counts().index[0]),
            "first_date": grouped["date"].min(),
            "last_date": grouped["date"].max(),
        }
    ).reset_index()
    out = summary.merge(facts, on=["speaker", "topic"], how="left", validate="one_to_one")
    out = out.sort_values(["n_documents", "n_statements", "speaker"], ascending=[False, False, True], kind="mergesort")
    return out[["speaker", "speaker_role", "topic", "first_date", "last_date", *SUMMARY_COLUMNS]].reset_index(drop=True)


def _country_pattern(country: str) -> re.Pattern[str]:
    """The words naming ``country``, whole words, case as written (a name is capitalised)."""
    forms = COUNTRY_FORMS.get(country, (country,))
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")\b")


def countries_named(texts: pd.Series, countries: Sequence[str]) -> pd.Series:
    """The countries of ``countries`` each text names, in the order given; ``[NO_COUNTRY]`` for none."""
    patterns = [(country, _country_pattern(country)) for country in countries]
    named = [[c for c, pattern in patterns if pattern.search(str(text))] or [NO_COUNTRY] for text in texts]
    return pd.Series(named, index=texts.index, dtype=object)


def by_country(
    quoted: pd.DataFrame,
    countries: Sequence[str],
    *,
    n_resamples: int = 2000,
    confidence: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Counts, mean score and label shares of the statements that name each country.

    A statement naming two countries counts for both; one naming none of them counts for
    :data:`NO_COUNTRY`. A country is named by its name or adjective (:data:`COUNTRY_FORMS`),
    so "Georgian troops" names Georgia: read the statements before a strong claim.

    Args:
        quoted: Statements with their text: the output of
            :func:`~corpus_lib.analysis.summaries.quotes`.
        countries: The countries to tell apart, in the order of the rows.
        n_resamples: Bootstrap resamples of the interval.
        confidence: Coverage of the interval.
        seed: Seed of the bootstrap.

    Returns:
        Columns ``country, topic`` then the summary columns, countries in the order given
        and :data:`NO_COUNTRY` last; countries no statement names are left out.

    Example:
        >>> quoted = pd.DataFrame({"doc_id": ["a", "b"], "topic": "membership", "stance": ["open", "distant"],
        ...     "score": [1.0, -1.0], "text": ["Georgia will be a member.", "Enlargement is not on the agenda."]})
        >>> by_country(quoted, ["Azerbaijan", "Georgia"])[["country", "mean_score"]].to_numpy().tolist()
        [['Georgia', 1.0], ['(none named)', -1.0]]
    """
    require_columns(quoted, ("doc_id", "topic", "stance", "score", "text"), "quoted")
    if not countries or len(set(countries)) != len(countries):
        raise ValueError(f"countries must be distinct names, got {list(countries)!r}")
    frame = quoted.assign(country=countries_named(quoted["text"], countries), topic=quoted["topic"].astype(str))
    frame = frame.explode("country", ignore_index=True)
    summary = summary_by(frame, ["country", "topic"], n_resamples=n_resamples, confidence=confidence, seed=seed)
    order = {country: k for k, country in enumerate([*countries, NO_COUNTRY])}
    summary = summary.sort_values("country", key=lambda c: c.map(order), kind="mergesort")
    return summary.reset_index(drop=True)


def _side(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each document's sum of scores and count of positioned statements, documents sorted."""
    grouped = frame.groupby("doc_id", sort=True)["score"]
    return grouped.sum().to_numpy(dtype=float), grouped.count().to_numpy(dtype=float)


def _resampled_means(sums: np.ndarray, counts: np.ndarray, n_resamples: int, rng: np.random.Generator) -> np.ndarray:
    """Means of ``n_resamples`` resamples of whole documents (multinomial counts of each)."""
    picks = rng.multinomial(len(sums), np.full(len(sums), 1.0 / len(sums)), size=n_resamples)
    return (picks @ sums) / (picks @ counts)


def _difference(before: pd.DataFrame, after: pd.DataFrame, key: str, n_resamples: int, confidence: float, seed: int):
    """The mean after minus the mean before, and its interval (NaN with fewer than two documents a side)."""
    (s0, c0), (s1, c1) = _side(before), _side(after)
    difference = s1.sum() / c1.sum() - s0.sum() / c0.sum() if c0.sum() and c1.sum() else math.nan
    if len(s0) < 2 or len(s1) < 2:
        return difference, math.nan, math.nan
    rng = group_rng(seed, (key,))
    draws = _resampled_means(s1, c1, n_resamples, rng) - _resampled_means(s0, c0, n_resamples, rng)
    tail = (1.0 - confidence) / 2.0
    return difference, float(np.quantile(draws, tail)), float(np.quantile(draws, 1.0 - tail))


def _window_row(positioned: pd.DataFrame, event: pd.Series, years: int, options: dict) -> dict:
    """One event's row: the two windows' counts and means, the difference and its interval."""
    start, end = event["date"] - pd.DateOffset(years=years), event["date"] + pd.DateOffset(years=years)
    before = positioned.loc[(positioned["date"] >= start) & (positioned["date"] < event["date"])]
    after = positioned.loc[(positioned["date"] >= event["date"]) & (positioned["date"] < end)]
    difference, low, high = _difference(before, after, str(event["label"]), **options)
    return {
        "event": str(event["label"]),
        "date": event["date"],
        "n_documents_before": before["doc_id"].nunique(),
        "n_positioned_before": len(before),
        "mean_before": before["score"].mean() if len(before) else math.nan,
        "n_documents_after": after["doc_id"].nunique(),
        "n_positioned_after": len(after),
        "mean_after": after["score"].mean() if len(after) else math.nan,
        "difference": difference,
        "ci_low": low,
        "ci_high": high,
        "significant": bool(low > 0 or high < 0),
    }


def around_events(
    stances: pd.DataFrame,
    events: pd.DataFrame,
    *,
    topic: str,
    holder: str,
    years: int = 3,
    n_resamples: int = 2000,
    confidence: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """A holder's mean score on a topic in the ``years`` before and after each of the topic's events.

    The windows are ``[event - years, event)`` and ``[event, event + years)`` by document
    date. The interval of the difference resamples whole documents within each window,
    so a window of one document gives none (NaN) and ``significant`` is False there: a
    shift this table does not show may still be real, and one it shows is a comparison
    of two windows, not a cause.

    Args:
        stances: The ``stances`` table.
        events: Events with ``date``, ``label`` and ``kind`` (the topic they bear on):
            :func:`~corpus_lib.analysis.summaries.timeline_events`, perhaps with a corpus's own.
        topic: The topic; only events of this kind are used.
        holder: The holder whose statements are compared.
        years: The length of each window, in years (1 or more).
        n_resamples: Bootstrap resamples of the interval.
        confidence: Coverage of the interval.
        seed: Seed of the bootstrap.

    Returns:
        The :data:`AROUND_COLUMNS`, one row per event of the topic, by date.

    Example:
        >>> stances = pd.DataFrame({"statement_id": ["a.1", "b.1", "c.1", "d.1"], "doc_id": list("abcd"),
        ...     "date": pd.to_datetime(["2007-01-01", "2007-06-01", "2009-01-01", "2009-06-01"]),
        ...     "holder": "NATO", "topic": "russia", "stance": ["cooperative"] * 2 + ["adversarial"] * 2,
        ...     "score": [1.0, 1.0, -1.0, -1.0]})
        >>> events = pd.DataFrame({"date": pd.to_datetime(["2008-08-08"]), "label": ["war"], "kind": ["russia"]})
        >>> around_events(stances, events, topic="russia", holder="NATO")[["difference", "significant"]].to_numpy().tolist()
        [[-2.0, True]]
    """
    if int(years) != years or years < 1:
        raise ValueError(f"years must be a whole number of years, 1 or more, got {years!r}")
    require_columns(events, ("date", "label", "kind"), "events")
    frame = stance_frame(stances, topic=topic, holders=holder)
    positioned = frame.loc[frame["score"].notna()]
    chosen = events.loc[events["kind"].astype(str) == topic].sort_values(["date", "label"], kind="mergesort")
    options = {"n_resamples": n_resamples, "confidence": confidence, "seed": seed}
    rows = [_window_row(positioned, event, int(years), options) for _, event in chosen.iterrows()]
    out = pd.DataFrame(rows, columns=list(AROUND_COLUMNS))
    counts = ["n_documents_before", "n_positioned_before", "n_documents_after", "n_positioned_after"]
    return out.astype({**dict.fromkeys(counts, "int64"), "significant": bool}).reset_index(drop=True)
