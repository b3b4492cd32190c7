"""The notebooks' code: each notebook's tables and charts in one call, every chart exported.

A notebook keeps its question and its prose; its cells show the parts of a section made
here. :func:`topic_section` serves the three topic notebooks (``01-karabakh``,
``02-russia``, ``03-membership``), :func:`synthesis_section` ``04-synthesis``. The corpus
overview (``00-corpus``), the validation (``05-validation``) and the explorer's snapshot
(``06-explorer``) are in :mod:`corpus_lib.analysis.support_sections`.

Each chart is written with :func:`~corpus_lib.analysis.export.export_chart` as
``<output_dir>/figures/<name>-<chart>.*`` when the section is made, with the table it
draws as CSV. A part with nothing to draw holds a note saying so instead. Text from the
corpus is escaped in every note and table.

Example (in a notebook)::

    karabakh = topic_section(corpus, "karabakh", name="01-karabakh", output_dir="../reports")
    karabakh.timeline        # shows the chart; karabakh.tables["periods"] is its data
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import pandas as pd

from corpus_lib.analysis import breakdowns, plots
from corpus_lib.analysis.correction import corrected
from corpus_lib.analysis.display import Note, Shown, Table
from corpus_lib.analysis.export import export_chart
from corpus_lib.analysis.findings import as_markdown, findings
from corpus_lib.analysis.overview import dated_between
from corpus_lib.analysis.shifts import change_points
from corpus_lib.analysis.style import counted, topic_name
from corpus_lib.analysis.summaries import (
    holder_comparison,
    quotes,
    salience,
    stance_by_document,
    stance_by_period,
    timeline_events,
    tone_vs_stance,
)
from corpus_lib.analysis.text import keyness
from corpus_lib.vocab import HOLDERS, TOPICS

__all__ = ["Section", "SynthesisSection", "TopicSection", "synthesis_section", "topic_section"]

DEFAULT_HOLDERS: tuple[str, ...] = ("NATO", "Azerbaijan", "media")


class Tables(Protocol):
    """The corpus tables a section reads: a :class:`corpus_lib.corpus.Corpus` has them."""

    documents: pd.DataFrame
    statements: pd.DataFrame
    stances: pd.DataFrame


class Charts:
    """Exports a section's charts as ``<name>-<chart>`` into ``output_dir`` and keeps them by chart."""

    def __init__(self, name: str, output_dir: str | Path) -> None:
        self.name = name
        self.output_dir = output_dir
        self.figures: dict[str, Any] = {}

    def export(self, fig: Any, chart: str, data: pd.DataFrame) -> Any:
        """Write ``fig`` (and ``data`` as CSV) and return it."""
        export_chart(fig, f"{self.name}-{chart}", output_dir=self.output_dir, data=data)
        self.figures[chart] = fig
        return fig


def corpus_events(corpus: Tables) -> pd.DataFrame:
    """The packaged timeline events and the corpus's own (``events.csv`` beside its manifest)."""
    events = timeline_events()
    own = getattr(corpus, "events", None)
    if own is None or own.empty:
        return events
    both = pd.concat([events.astype({"kind": str}), own.astype({"kind": str})], ignore_index=True)
    both["kind"] = pd.Categorical(both["kind"], categories=list(TOPICS))
    return both.sort_values(["date", "label"], kind="mergesort").reset_index(drop=True)


def check_holders(holders: Sequence[str]) -> str:
    """The focus holder (the first of ``holders``); ValueError on a holder the codebook does not know."""
    unknown = sorted(set(holders) - set(HOLDERS))
    if unknown:
        raise ValueError(f"unknown holders {unknown}; choose from {list(HOLDERS)}")
    return holders[0] if holders else "(none)"


def _counts_by_holder(frame: pd.DataFrame) -> str:
    """``NATO 12, media 3``: the rows of each holder that has any, most first."""
    counts = frame["holder"].value_counts()
    return ", ".join(f"{html.escape(str(h))} {n}" for h, n in counts.items() if n) or "none"


@dataclass(frozen=True, kw_only=True)
class Section:
    """What every section holds besides the parts its notebook's cells show.

    Attributes:
        tables: The tables behind the parts, by name.
        figures: The charts, by chart name (the file name without the notebook's prefix).
    """

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    figures: dict[str, Any] = field(default_factory=dict)


# ----------------------------------------------------------------------------- one topic


@dataclass(frozen=True, kw_only=True)
class TopicSection(Section):
    """A topic notebook's outputs: what each of its cells shows, and the tables and charts behind them.

    Attributes:
        selection: How many statements the selection holds, by holder.
        timeline: The focus holder's yearly mean score (matplotlib), then the same chart in
            plotly with the yearly means in words (``interactive``).
        interactive: The plotly chart and the yearly means in words alone.
        salience: Each document's share of statements on the topic.
        label_shares: The focus holder's labels per year.
        statements: The table of the focus holder's statements behind the points.
        by_holder: Mean score and labels of every compared holder, and the means in words.
        chronology: The statements that ``use_event_date=True`` would move.
        findings: One sentence per compared holder on whether and when its position moved,
            with the evidence and the caveats (:func:`~corpus_lib.analysis.findings.findings`).

    ``tables`` holds ``periods``, ``documents``, ``quotes``, ``salience``, ``label_shares``,
    ``holders``, ``chronology`` and ``findings`` (those the selection has), ``figures`` the charts
    (``timeline``, ``timeline-interactive``, …). The breakdowns a topic notebook asks for on
    top (:meth:`speakers`, :meth:`by_country`, :meth:`around_events`) are made when called,
    and add their tables and charts here.
    """

    selection: Shown
    timeline: Shown
    interactive: Shown
    salience: Shown
    label_shares: Shown
    statements: Shown
    by_holder: Shown
    chronology: Shown
    findings: Shown
    _data: _TopicData = field(repr=False, compare=False)
    _charts: Charts = field(repr=False, compare=False)

    @property
    def corpus(self) -> Tables:
        """The corpus tables the section read, for questions of the reader's own."""
        return self._data.sel.corpus

    def speakers(self) -> Shown:
        """Who speaks for the focus holder on the topic: each speaker's documents, statements,
        dates, mean score and labels (:func:`~corpus_lib.analysis.breakdowns.by_speaker`)."""
        return _speakers(self._data, self.tables)

    def by_country(self, countries: Sequence[str]) -> Shown:
        """The focus holder's labels on the topic by the country a statement names, and a chart
        ``by-country`` (:func:`~corpus_lib.analysis.breakdowns.by_country`)."""
        return _by_country(self._data, self._charts, self.tables, countries)

    def around_events(self, years: int = 3) -> Shown:
        """The focus holder's mean score in the ``years`` before and after each of the topic's
        events, the difference with its interval, and a chart ``around-events``
        (:func:`~corpus_lib.analysis.breakdowns.around_events`)."""
        return _around_events(self._data, self._charts, self.tables, years)


@dataclass(frozen=True)
class Selection:
    """The corpus tables of a date range, the holders compared and the focus holder (the first)."""

    corpus: Tables
    holders: list[str]
    focus: str
    date_from: str
    date_to: str
    stances: pd.DataFrame
    statements: pd.DataFrame

    def no_data(self, what: str) -> Note:
        """The note shown in place of a chart when the focus holder holds no ``what``."""
        return Note(
            f"No {what} held by {html.escape(self.focus)} between {self.date_from} and {self.date_to}: "
            "nothing to chart here."
        )


def select(corpus: Tables, holders: Sequence[str], date_from: str, date_to: str) -> Selection:
    """The stances and statements of documents dated from ``date_from`` to ``date_to``; the holders checked."""
    holders = list(holders)
    stances = dated_between(corpus.stances, date_from, date_to)
    statements = dated_between(corpus.statements, date_from, date_to)
    return Selection(corpus, holders, check_holders(holders), date_from, date_to, stances, statements)


@dataclass(frozen=True)
class _TopicData:
    """A selection's statements on one topic: all of them, the focus holder's, the compared holders'."""

    sel: Selection
    topic: str
    on_topic: pd.DataFrame
    focal: pd.DataFrame
    compared: pd.DataFrame

    @property
    def no_data(self) -> Note:
        return self.sel.no_data(f"statement on {topic_name(self.topic)}")


def _select_topic(corpus: Tables, topic: str, holders: Sequence[str], date_from: str, date_to: str) -> _TopicData:
    if topic not in TOPICS:
        raise ValueError(f"unknown topic {topic!r}; choose from {list(TOPICS)}")
    sel = select(corpus, holders, date_from, date_to)
    on_topic = sel.stances.loc[sel.stances["topic"] == topic]
    focal = on_topic.loc[on_topic["holder"] == sel.focus]
    return _TopicData(sel, topic, on_topic, focal, on_topic.loc[on_topic["holder"].isin(sel.holders)])


def _selection_note(data: _TopicData) -> Note:
    on_topic, focal = data.on_topic, data.focal
    return Note(
        f"**{counted(len(on_topic), 'statement')}** on {topic_name(data.topic)} in "
        f"{counted(on_topic['doc_id'].nunique(), 'document')} dated "
        f"{data.sel.date_from} to {data.sel.date_to}; **{len(focal)}** of them held by {html.escape(data.sel.focus)}, "
        f"{int(focal['score'].notna().sum())} of which take a position. By holder: " + _counts_by_holder(on_topic) + "."
    )


def _corrected(data: _TopicData, validation: pd.DataFrame | None) -> tuple[pd.DataFrame | None, Note | None]:
    """The focus holder's period means corrected for coder error, and a note on it (None and
    None without hand codes for this corpus)."""
    if validation is None:
        return None, None
    try:
        fixed = corrected(data.sel.stances, validation, topic=data.topic, holders=data.sel.focus)
    except ValueError as err:  # hand codes that cannot correct this topic (none on it)
        return None, Note(f"No corrected series: {html.escape(str(err))}.")
    n = int(fixed["n_validation"].max()) if len(fixed) else 0
    return fixed, Note(
        "The dashed series (squares) corrects the yearly means for the coder's errors, estimated from "
        f"{counted(n, 'hand-coded statement')} on {topic_name(data.topic)}; its interval also resamples those hand "
        "codes, so it is wider. The solid series is the coder's own."
    )


def _over_time(
    data: _TopicData, charts: Charts, tables: dict[str, pd.DataFrame], validation: pd.DataFrame | None = None
) -> tuple[Shown, Shown, Shown]:
    """The timeline, its interactive twin with the yearly means in words, and the label shares."""
    if data.focal.empty:
        return Shown([data.no_data]), Shown([data.no_data]), Shown([data.no_data])
    topic, focus, corpus = data.topic, data.sel.focus, data.sel.corpus
    periods = stance_by_period(data.sel.stances, topic=topic, holders=focus)
    by_document = stance_by_document(data.sel.stances, corpus.documents, topic=topic, holders=focus)
    behind = quotes(data.sel.stances, corpus.statements, corpus.documents, topic=topic, holders=focus)
    shifts = change_points(data.sel.stances, topic=topic, holder=focus)
    events = corpus_events(corpus)
    fixed, fixed_note = _corrected(data, validation)
    title = f"{focus} on {topic_name(topic)}: yearly mean score"
    timeline = charts.export(
        plots.stance_timeline(periods, documents=by_document, statements=behind, topics=topic, title=title,
                              shifts=shifts, events=events, corrected=fixed),
        "timeline",
        periods,
    )
    interactive = charts.export(
        plots.stance_timeline_plotly(periods, documents=by_document, statements=behind, topics=topic, title=title,
                                     shifts=shifts, events=events, corrected=fixed),
        "timeline-interactive",
        behind,
    )
    years = periods.loc[periods["n_positioned"] > 0]
    yearly = Note(
        f"Yearly mean score of {html.escape(focus)} on {topic_name(topic)} (positioned statements): "
        + (
            "; ".join(f"**{r.period}** {r.mean_score:+.2f} (n = {r.n_positioned})" for r in years.itertuples())
            or "none"
        )
        + "."
    )
    shares = periods.loc[periods["n_statements"] > 0]
    label_shares = charts.export(
        plots.label_shares(shares, topics=topic, title=f"{focus} on {topic_name(topic)}: labels per year"),
        "label-shares",
        shares,
    )
    tables.update(periods=periods, documents=by_document, quotes=behind, label_shares=shares, shifts=shifts)
    if fixed is not None:
        tables["corrected"] = fixed
    static = [timeline, *([fixed_note] if fixed_note else [])]
    return Shown([*static, interactive, yearly]), Shown([interactive, yearly]), Shown([label_shares])


def _salience(data: _TopicData, charts: Charts, tables: dict[str, pd.DataFrame]) -> Shown:
    """Each document's share of statements (all holders) on the topic."""
    if data.sel.statements.empty:
        return Shown([Note("No statements in the chosen date range.")])
    shares = salience(data.sel.statements, data.sel.stances)
    n_documents = shares["doc_id"].nunique()
    fig = plots.salience_heatmap(
        shares, topics=data.topic, title=f"{topic_name(data.topic)}: share of statements",
        figsize=(4.8, 1.0 + 0.38 * n_documents),
    )
    tables["salience"] = shares.loc[shares["topic"] == data.topic]
    return Shown([charts.export(fig, "salience", tables["salience"])])


def _statements_table(data: _TopicData, tables: dict[str, pd.DataFrame]) -> Shown:
    """The focus holder's statements behind the points, oldest first, with rules and confidence."""
    if data.focal.empty:
        return Shown([data.no_data])
    table = tables["quotes"].sort_values(["date", "statement_id"])
    table = table.assign(date=table["date"].dt.strftime("%Y-%m-%d"))[
        ["date", "speaker", "speaker_role", "stance", "score", "confidence", "rule_ids", "text", "doc_id"]
    ]
    return Shown([Table(table, na_rep="", float_format="{:.2f}".format)])


def _by_holder(data: _TopicData, charts: Charts, tables: dict[str, pd.DataFrame]) -> Shown:
    """Mean score and labels of every compared holder over the whole range."""
    topic = data.topic
    if data.compared.empty:
        return Shown(
            [Note(f"No statement on {topic_name(topic)} by any of {html.escape(', '.join(data.sel.holders))} "
                  "in the chosen range.")]
        )
    by_holder = holder_comparison(data.sel.stances, holders=data.sel.holders, topic=topic)
    tables["holders"] = by_holder
    means = charts.export(
        plots.holder_comparison_plot(by_holder, topics=topic, title=f"{topic_name(topic)}: mean score by holder"),
        "holders",
        by_holder,
    )
    labels = charts.export(
        plots.label_shares(by_holder, x="holder", topics=topic, title=f"{topic_name(topic)}: labels by holder"),
        "holder-labels",
        by_holder,
    )
    return Shown([means, labels, _means_in_words(by_holder, "holder")])


def _means_in_words(table: pd.DataFrame, key: str, *, documents: bool = False, after: str = "") -> Note:
    """"Mean score by <key>: **A** +0.50 (n = 4); **B** no positioned statement." (with the
    documents behind each mean where ``documents``), then ``after``."""
    def one(r) -> str:
        if not r.n_positioned:
            return "no positioned statement"
        n = f"n = {r.n_positioned}" + (f", {counted(r.n_documents, 'document')}" if documents else "")
        return f"{r.mean_score:+.2f} ({n})"

    parts = (f"**{html.escape(str(getattr(r, key)))}** {one(r)}" for r in table.itertuples())
    return Note(f"Mean score by {key}: " + "; ".join(parts) + "." + after)


def _chronology(data: _TopicData, tables: dict[str, pd.DataFrame]) -> Shown:
    """The statements of the compared holders that narrate a dated event, and where they would move."""
    if data.focal.empty:
        return Shown([data.no_data])
    corpus = data.sel.corpus
    chronology = quotes(
        data.sel.stances,
        corpus.statements,
        corpus.documents,
        topic=data.topic,
        holders=data.sel.holders,
        use_event_date=True,
    )
    tables["chronology"] = chronology
    moved = chronology.loc[chronology["time"] != chronology["date"]]
    note = Note(
        f"{len(moved)} of {counted(len(chronology), 'statement')} on {topic_name(data.topic)} (all compared holders) "
        f"{'narrates' if len(moved) == 1 else 'narrate'} a dated event."
    )
    if not len(moved):
        return Shown([note])
    moved = moved.assign(date=moved["date"].dt.strftime("%Y-%m-%d"))[["date", "event_date", "holder", "stance", "text"]]
    return Shown([note, Table(moved)])


def _speakers(data: _TopicData, tables: dict[str, pd.DataFrame]) -> Shown:
    """The focus holder's statements on the topic by speaker, most documents first."""
    if data.focal.empty:
        return Shown([data.no_data])
    table = breakdowns.by_speaker(tables["quotes"])
    tables["speakers"] = table
    lead = table.iloc[0]
    note = Note(
        f"{counted(len(table), 'speaker')} {'holds' if len(table) == 1 else 'hold'} {html.escape(data.sel.focus)}'s statements on {topic_name(data.topic)}; "
        f"the most documents are **{html.escape(str(lead.speaker))}**'s ({lead.n_documents} of "
        f"{data.focal['doc_id'].nunique()}). A line that rests on one speaker's documents is that speaker's line."
    )
    shown = table.assign(first_date=table["first_date"].dt.strftime("%Y-%m-%d"), last_date=table["last_date"].dt.strftime("%Y-%m-%d"))
    columns = ["speaker", "speaker_role", "first_date", "last_date", "n_documents", "n_statements", "n_positioned",
               "mean_score", "ci_low", "ci_high"]  # fmt: skip
    return Shown([note, Table(shown[columns], na_rep="", float_format="{:.2f}".format)])


def _by_country(data: _TopicData, charts: Charts, tables: dict[str, pd.DataFrame], countries: Sequence[str]) -> Shown:
    """The focus holder's labels on the topic by the country each statement names."""
    if data.focal.empty:
        return Shown([data.no_data])
    table = breakdowns.by_country(tables["quotes"], countries)
    tables["by_country"] = table
    focus, topic = data.sel.focus, data.topic
    fig = charts.export(
        plots.label_shares(table, x="country", topics=topic, title=f"{focus} on {topic_name(topic)}: labels by country named"),
        "by-country",
        table,
    )
    return Shown([fig, _means_in_words(table, "country", documents=True, after=" A statement naming two countries counts for both.")])


def _around_events(data: _TopicData, charts: Charts, tables: dict[str, pd.DataFrame], years: int) -> Shown:
    """The focus holder's mean score before and after each event of the topic, and the difference."""
    focus, topic = data.sel.focus, data.topic
    events = corpus_events(data.sel.corpus)
    table = breakdowns.around_events(data.sel.stances, events, topic=topic, holder=focus, years=years)
    tables["around_events"] = table
    if table.empty:
        return Shown([Note(f"No event of {topic_name(topic)} to compare around.")])
    fig = charts.export(
        plots.around_events_plot(table, topic=topic, title=f"{focus} on {topic_name(topic)}: {years} years after minus before"),
        "around-events",
        table,
    )
    words = Note(
        "; ".join(
            f"**{html.escape(r.event)}** "
            + (f"{r.difference:+.2f} [{r.ci_low:+.2f}, {r.ci_high:+.2f}]" if not math.isnan(r.ci_low)
               else ("no interval" if math.isnan(r.difference) else f"{r.difference:+.2f}, no interval"))
            + ("" if r.significant else " (not significant)")
            + f", n = {r.n_documents_before} / {r.n_documents_after} documents"
            for r in table.itertuples()
        )
        + ". Documents, not statements, are resampled; a window with fewer than two documents has no interval."
    )
    return Shown([fig, words])


def _findings(sel: Selection, topic: str | None, tables: dict[str, pd.DataFrame]) -> Shown:
    """The compared holders' findings in words (all topics when ``topic`` is None)."""
    if not sel.holders:
        return Shown([Note("No holder chosen: no finding.")])
    table = findings(sel.stances, sel.corpus.documents, holders=sel.holders, topic=topic)
    tables["findings"] = table
    return Shown([Note(as_markdown(table))])


def topic_section(
    corpus: Tables,
    topic: str,
    *,
    name: str,
    output_dir: str | Path,
    holders: Sequence[str] = DEFAULT_HOLDERS,
    date_from: str = "2005-01-01",
    date_to: str = "2024-12-31",
    validation: pd.DataFrame | None = None,
) -> TopicSection:
    """One topic's charts and tables over time and by holder, exported as ``<name>-<chart>``.

    The statements are those of documents dated from ``date_from`` to ``date_to``; the
    first of ``holders`` is the focus of the timelines and label shares, all of them are
    compared. Charts: ``timeline`` (matplotlib) and ``timeline-interactive`` (plotly) of
    the focus holder's yearly mean score with its documents and statements,
    ``salience`` (each document's share of statements on the topic), ``label-shares``
    (the focus holder's labels per year), ``holders`` and ``holder-labels`` (every
    compared holder).

    Args:
        corpus: The corpus tables (``documents``, ``statements``, ``stances``).
        topic: ``karabakh``, ``russia`` or ``membership``.
        name: The charts' name prefix: the notebook's name, e.g. ``"01-karabakh"``.
        output_dir: The report folder; charts go to ``<output_dir>/figures/``.
        holders: Holders to compare; the first is the focus.
        date_from: First document date kept (``YYYY-MM-DD``).
        date_to: Last document date kept.
        validation: Hand and machine codes of hand-coded statements of this corpus
            (:func:`corpus_lib.evaluation.validation_for` or ``validation_table``): the
            timelines then also draw the means corrected for coder error
            (:func:`~corpus_lib.analysis.correction.corrected`).

    Returns:
        A :class:`TopicSection`.

    Raises:
        ValueError: an unknown topic or holder.
    """
    data = _select_topic(corpus, topic, holders, date_from, date_to)
    charts = Charts(name, output_dir)
    tables: dict[str, pd.DataFrame] = {}
    timeline, interactive, label_shares = _over_time(data, charts, tables, validation)
    salience_part = _salience(data, charts, tables)
    return TopicSection(
        _data=data,
        _charts=charts,
        selection=Shown([_selection_note(data)]),
        timeline=timeline,
        interactive=interactive,
        salience=salience_part,
        label_shares=label_shares,
        statements=_statements_table(data, tables),
        by_holder=_by_holder(data, charts, tables),
        chronology=_chronology(data, tables),
        findings=_findings(data.sel, topic, tables),
        tables=tables,
        figures=charts.figures,
    )


# ----------------------------------------------------------------------------- the synthesis


@dataclass(frozen=True, kw_only=True)
class SynthesisSection(Section):
    """``04-synthesis``'s outputs: the three topics together, keyness, tone, and a summary in words.

    Attributes:
        selection: The focus holder's codes and statements in the early and late periods.
        topics_timeline: The three topics on one time axis.
        keyness: The words that mark the shift between the two periods.
        tone: Tone (VADER) beside stance, and the mean tone of each label.
        summary: The figures above in words.
        findings: One sentence per compared holder and topic on whether and when its
            position moved, with the evidence and the caveats.

    ``tables`` holds ``periods``, ``documents``, ``keyness``, ``tone``, ``tone_by_label``
    and ``bins`` (those the selection has), ``figures`` the charts.
    """

    selection: Shown
    topics_timeline: Shown
    keyness: Shown
    tone: Shown
    summary: Shown
    findings: Shown


def _span(period: tuple[int, int]) -> str:
    """``2005–2008``."""
    return f"{period[0]}–{period[1]}"


@dataclass(frozen=True)
class _SynthesisData:
    """A selection's codes of the focus holder and of the compared holders, and the two periods."""

    sel: Selection
    early: tuple[int, int]
    late: tuple[int, int]
    min_count: int
    focal: pd.DataFrame
    compared: pd.DataFrame
    n_early: int
    n_late: int

    @property
    def no_data(self) -> Note:
        return self.sel.no_data("coded statement")


def _select_synthesis(
    corpus: Tables, holders: Sequence[str], date_from: str, date_to: str, early, late, min_count: int
) -> _SynthesisData:
    sel = select(corpus, holders, date_from, date_to)
    year = sel.statements.loc[sel.statements["holder"] == sel.focus, "date"].dt.year
    return _SynthesisData(
        sel,
        tuple(early),
        tuple(late),
        min_count,
        focal=sel.stances.loc[sel.stances["holder"] == sel.focus],
        compared=sel.stances.loc[sel.stances["holder"].isin(sel.holders)],
        n_early=int(year.between(*early).sum()),
        n_late=int(year.between(*late).sum()),
    )


def _synthesis_selection(data: _SynthesisData) -> Note:
    focal = data.focal
    return Note(
        f"{html.escape(data.sel.focus)}: **{counted(len(focal), 'statement–topic code')}** in "
        f"{counted(focal['doc_id'].nunique(), 'document')}; "
        f"{counted(data.n_early, 'statement')} in {_span(data.early)}, {data.n_late} in {_span(data.late)}."
    )


def _topics_timeline(data: _SynthesisData, charts: Charts, tables: dict[str, pd.DataFrame]) -> Shown:
    """The focus holder's yearly mean score, one panel per topic on a shared time axis."""
    if data.focal.empty:
        return Shown([data.no_data])
    periods = stance_by_period(data.sel.stances, holders=data.sel.focus)
    by_document = stance_by_document(data.sel.stances, data.sel.corpus.documents, holders=data.sel.focus)
    tables.update(periods=periods, documents=by_document)
    shifts = pd.concat([change_points(data.sel.stances, topic=t, holder=data.sel.focus) for t in TOPICS], ignore_index=True)
    tables["shifts"] = shifts
    fig = plots.topics_timeline(periods, documents=by_document, title=f"{data.sel.focus}: yearly mean score per topic",
                                shifts=shifts, events=corpus_events(data.sel.corpus))
    return Shown([charts.export(fig, "topics-timeline", periods)])


def _keyness(data: _SynthesisData, charts: Charts, tables: dict[str, pd.DataFrame]) -> Shown:
    """The focus holder's words that mark the shift between the early and the late period (G²)."""
    focus, early, late = data.sel.focus, data.early, data.late
    if data.n_early == 0 or data.n_late == 0:
        return Shown(
            [
                Note(
                    f"Keyness needs statements of {html.escape(focus)} in both periods; there are {data.n_early} in "
                    f"{_span(early)} and {data.n_late} in {_span(late)}."
                )
            ]
        )
    key_words = keyness(data.sel.statements, early=early, late=late, min_count=data.min_count, holders=focus)
    tables["keyness"] = key_words
    if key_words.empty:
        return Shown([Note(f"No word occurs {data.min_count} times in the two periods together: nothing to compare.")])
    fig = plots.keyness_plot(key_words, title=f"{focus}: keyness (G²), {_span(early)} vs {_span(late)}")
    return Shown([charts.export(fig, "keyness", key_words)])


def _tone(data: _SynthesisData, charts: Charts, tables: dict[str, pd.DataFrame]) -> Shown:
    """Tone beside stance for every compared holder, and each label's mean tone."""
    if data.compared.empty:
        return Shown([Note(f"No coded statement by {html.escape(', '.join(data.sel.holders))} in the chosen range.")])
    tone = tone_vs_stance(data.sel.statements, data.sel.stances, holders=data.sel.holders)
    by_label = (
        tone.groupby(["topic", "stance"], observed=True)["tone"].agg(statements="size", mean_tone="mean").reset_index()
    )
    tables.update(tone=tone, tone_by_label=by_label)
    fig = plots.tone_vs_stance_plot(tone, title="Tone (VADER) of the statements of each stance label")
    return Shown([charts.export(fig, "tone", tone), Table(by_label, float_format="{:+.2f}".format)])


def _with_n(row: pd.Series) -> str:
    """``+0.50 (n = 4 in 2 documents)``, or ``no position``."""
    if not row.n_positioned:
        return "no position"
    return f"{row.mean_score:+.2f} (n = {row.n_positioned} in {counted(row.n_documents, 'document')})"


def _shift_lines(data: _SynthesisData, tables: dict[str, pd.DataFrame]) -> list[str]:
    """Per topic, the focus holder's mean score early → late; the Russia score per year."""
    focus, early, late = data.sel.focus, data.early, data.late
    bins = stance_by_period(data.sel.stances, holders=focus, freq_or_bins={_span(early): early, _span(late): late})
    tables["bins"] = bins
    lines = [f"**{html.escape(focus)}, mean score early ({_span(early)}) → late ({_span(late)})**, per topic:"]
    for topic in TOPICS:
        rows = bins.loc[bins["topic"] == topic].set_index("period")
        lines.append(f"- {topic}: " + _with_n(rows.iloc[0]) + " → " + _with_n(rows.iloc[-1]))
    periods = tables["periods"]
    russia_years = periods.loc[(periods["topic"] == "russia") & (periods["n_positioned"] > 0)]
    lines.append(
        f"\n**{html.escape(focus)}'s mean Russia score per year:** "
        + (
            "; ".join(f"{r.period}: {r.mean_score:+.2f} (n = {r.n_positioned})" for r in russia_years.itertuples())
            or "no positioned statement"
        )
        + "."
    )
    return lines


def _summary(data: _SynthesisData, tables: dict[str, pd.DataFrame]) -> Shown:
    """The figures of the synthesis in words, computed from its tables."""
    lines = [] if data.focal.empty else _shift_lines(data, tables)
    key_words = tables.get("keyness")
    if key_words is not None and not key_words.empty:
        for side, period in (("early", data.early), ("late", data.late)):
            top = key_words.loc[key_words["direction"] == side].head(6)
            lines.append(
                f"\n**Most key words {_span(period)}:** "
                + (", ".join(f"*{html.escape(w)}* (G² {g:.1f})" for w, g in zip(top["word"], top["g2"])) or "none")
                + "."
            )
    tone = tables.get("tone")
    if tone is not None:
        scored = tone.dropna(subset=["score"])
        r = scored["score"].corr(scored["tone"]) if len(scored) > 2 else float("nan")
        lines.append(
            f"\n**Tone and stance:** over {len(scored)} positioned statement–topic codes of "
            f"{html.escape(', '.join(data.sel.holders))}, the correlation of score and tone is "
            + (f"r = {r:+.2f}" if r == r else "not defined")
            + ": tone is reported beside stance, never used as stance."
        )
    return Shown([Note("\n".join(lines)) if lines else data.no_data])


def synthesis_section(
    corpus: Tables,
    *,
    name: str,
    output_dir: str | Path,
    holders: Sequence[str] = DEFAULT_HOLDERS,
    date_from: str = "2005-01-01",
    date_to: str = "2024-12-31",
    early: tuple[int, int] = (2005, 2008),
    late: tuple[int, int] = (2022, 2024),
    min_count: int = 5,
) -> SynthesisSection:
    """The three topics on one time axis, the words of the shift, tone beside stance, and a summary.

    Charts, exported as ``<name>-<chart>``: ``topics-timeline`` (the focus holder's
    yearly mean score per topic), ``keyness`` (the focus holder's words over-represented
    in the early or the late period, by G²), ``tone`` (tone beside stance for every
    compared holder).

    Args:
        corpus: The corpus tables (``documents``, ``statements``, ``stances``).
        name: The charts' name prefix: the notebook's name, e.g. ``"04-synthesis"``.
        output_dir: The report folder; charts go to ``<output_dir>/figures/``.
        holders: Holders to compare (tone); the first is the focus (timeline, keyness).
        date_from: First document date kept (``YYYY-MM-DD``).
        date_to: Last document date kept.
        early: First and last year of the early period.
        late: First and last year of the late period.
        min_count: Keyness: a word must occur this often in the two periods together.

    Returns:
        A :class:`SynthesisSection`.

    Raises:
        ValueError: an unknown holder.
    """
    data = _select_synthesis(corpus, holders, date_from, date_to, early, late, min_count)
    charts = Charts(name, output_dir)
    tables: dict[str, pd.DataFrame] = {}
    return SynthesisSection(
        selection=Shown([_synthesis_selection(data)]),
        topics_timeline=_topics_timeline(data, charts, tables),
        keyness=_keyness(data, charts, tables),
        tone=_tone(data, charts, tables),
        summary=_summary(data, tables),
        findings=_findings(data.sel, None, tables),
        tables=tables,
        figures=charts.figures,
    )
