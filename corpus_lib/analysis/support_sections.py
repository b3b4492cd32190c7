"""The code of the notebooks around the analyses: the corpus overview, the validation, the explorer.

As in :mod:`corpus_lib.analysis.sections`, a notebook's cells show the parts of a section
made here, and every chart is exported with
:func:`~corpus_lib.analysis.export.export_chart` when the section is made:

* :func:`corpus_section` (``00-corpus``): the documents, their dates, who speaks for whom,
  and what cleaning removed.
* :func:`validation_section` (``05-validation``): the charts and tables of a validation
  against hand codes, which :func:`corpus_lib.evaluation.validation.validate_seeds`
  computes (analysis does not import evaluation: the validation is read through the
  attributes of :class:`Validation`).
* :func:`explorer_snapshot` (``06-explorer``): the explorer's initial chart, for the
  report, where widgets do not run.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import pandas as pd

from corpus_lib.analysis import plots, style
from corpus_lib.analysis.display import Note, Shown, Table
from corpus_lib.analysis.overview import (
    dated_between,
    document_list,
    removal_examples,
    removal_ledger,
    removed_by_reason,
    roles_by_holder,
    speaker_counts,
    statements_by_holder,
)
from corpus_lib.analysis.sections import Charts, Section
from corpus_lib.vocab import TOPICS

__all__ = [
    "CorpusSection",
    "Validation",
    "ValidationSection",
    "corpus_section",
    "explorer_snapshot",
    "validation_section",
]


# ----------------------------------------------------------------------------- the corpus


class CorpusTables(Protocol):
    """The corpus tables the overview reads: a :class:`corpus_lib.corpus.Corpus` has them."""

    documents: pd.DataFrame
    statements: pd.DataFrame
    removed: pd.DataFrame


@dataclass(frozen=True, kw_only=True)
class CorpusSection(Section):
    """``00-corpus``'s outputs: what each of its cells shows, and the tables behind them.

    Attributes:
        documents: How many documents and statements the date range holds, how the dates
            are known, which documents are left out.
        document_table: Every document with its date and how it is known.
        statements: Statements per document by holder (chart).
        roles: Statements by speaker role and holder.
        speakers: Statements per speaker.
        removed: Removed spans by reason and document, and the characters removed (chart).
        examples: One removed span of each reason.

    ``tables`` holds the tables shown, ``figures`` the charts (``statements``, ``removed``).
    """

    documents: Shown
    document_table: Shown
    statements: Shown
    roles: Shown
    speakers: Shown
    removed: Shown
    examples: Shown


def _documents_note(
    corpus: CorpusTables, documents: pd.DataFrame, statements: pd.DataFrame, date_from: str, date_to: str
) -> Note:
    start, end = pd.Timestamp(date_from), pd.Timestamp(date_to)
    left_out = corpus.documents.loc[~corpus.documents["doc_id"].isin(documents["doc_id"]), "doc_id"].tolist()
    basis = documents["date_basis"].astype("string").fillna("none").value_counts()
    verb = "is" if len(documents) == 1 else "are"
    return Note(
        f"**{len(documents)}** of {style.counted(len(corpus.documents), 'document')} {verb} dated between {start.date()} and "
        f"{end.date()}, with **{len(statements)}** {'statement' if len(statements) == 1 else 'statements'}. Date basis: "
        + (", ".join(f"{html.escape(name)} {n}" for name, n in basis.items()) or "none")
        + "."
        + (f" Left out (outside the range or undated): {html.escape(', '.join(left_out))}." if left_out else "")
    )


def _removed(ledger: pd.DataFrame, order: list[str], charts: Charts, tables: dict[str, pd.DataFrame]) -> Shown:
    """Removed spans by reason and document, and the non-whitespace characters removed per document and reason.

    Characters are counted as ``n_removed_chars`` counts them, so a row of the chart sums to
    its document's ``n_removed_chars`` in the document table.
    """
    if ledger.empty:
        return Shown([Note("Cleaning removed nothing from the documents in the chosen range.")])
    spans = pd.crosstab(ledger["reason"], ledger["doc_id"], margins=True, margins_name="all")
    chars = removed_by_reason(ledger, order)
    tables.update(removed_spans=spans, removed_chars=chars)
    fig = charts.export(plots.removed_heatmap(chars), "removed", chars.reset_index())
    return Shown([Table(spans, index=True), fig])


def corpus_section(
    corpus: CorpusTables,
    *,
    name: str,
    output_dir: str | Path,
    date_from: str = "2005-01-01",
    date_to: str = "2024-12-31",
) -> CorpusSection:
    """The corpus at a glance, its charts exported as ``<name>-statements`` and ``<name>-removed``.

    Documents dated from ``date_from`` to ``date_to`` (oldest first) and their statements
    are counted; the document table lists every document.

    Args:
        corpus: The corpus tables (``documents``, ``statements``, ``removed``).
        name: The charts' name prefix: the notebook's name, e.g. ``"00-corpus"``.
        output_dir: The report folder; charts go to ``<output_dir>/figures/``.
        date_from: First document date kept (``YYYY-MM-DD``).
        date_to: Last document date kept.

    Returns:
        A :class:`CorpusSection`.
    """
    charts = Charts(name, output_dir)
    documents = dated_between(corpus.documents, date_from, date_to).sort_values(["date", "doc_id"])
    statements = dated_between(corpus.statements, date_from, date_to)
    ledger = removal_ledger(corpus.removed.loc[corpus.removed["doc_id"].isin(documents["doc_id"])])
    tables = {
        "documents": document_list(corpus.documents),
        "statements": statements_by_holder(statements, documents),
        "roles": roles_by_holder(statements),
        "speakers": speaker_counts(statements),
        "examples": removal_examples(ledger),
    }
    counts = tables["statements"]
    if counts.empty:
        by_holder = Shown([Note("No statements in the chosen date range: nothing to chart.")])
    else:
        by_holder = Shown([charts.export(plots.statements_by_holder_plot(counts), "statements", counts.reset_index())])
    examples = tables["examples"]
    return CorpusSection(
        documents=Shown([_documents_note(corpus, documents, statements, date_from, date_to)]),
        document_table=Shown([Table(tables["documents"], na_rep="")]),
        statements=by_holder,
        roles=Shown([Table(tables["roles"], index=True)]),
        speakers=Shown([Table(tables["speakers"])]),
        removed=_removed(ledger, counts.index.tolist(), charts, tables),
        examples=Shown([Table(examples) if len(examples) else Note("Nothing was removed.")]),
        tables=tables,
        figures=charts.figures,
    )


# ----------------------------------------------------------------------------- the validation


class Validation(Protocol):
    """What :func:`validation_section` reads: a :class:`corpus_lib.evaluation.validation.SeedValidation`."""

    ok: bool
    message: str
    metrics: pd.DataFrame
    agreement: pd.DataFrame
    confusion: Mapping[str, pd.DataFrame]
    verdicts: str
    disagreements: pd.DataFrame
    disagreement_summary: str
    disagreement_kinds: pd.DataFrame


@dataclass(frozen=True, kw_only=True)
class ValidationSection(Section):
    """``05-validation``'s outputs; every part but ``overview`` is empty when there is no validation.

    Attributes:
        overview: The hand codes compared, or why there is no validation.
        metrics: The table of figures with their intervals.
        agreement: The main figures per topic against the 0.8 and 0.667 bars (chart).
        verdicts: Kappa and alpha per topic in words.
        confusion: A confusion matrix per topic (charts).
        disagreements: How many disagreements, of which kind, and each one.

    ``figures`` holds the charts (``agreement``, ``confusion-<topic>``); ``tables`` is empty:
    the tables are the validation's.
    """

    overview: Shown
    metrics: Shown = Shown()
    agreement: Shown = Shown()
    verdicts: Shown = Shown()
    confusion: Shown = Shown()
    disagreements: Shown = Shown()


def validation_section(validation: Validation, *, name: str, output_dir: str | Path) -> ValidationSection:
    """The charts and tables of a validation, exported as ``<name>-agreement`` and ``<name>-confusion-<topic>``.

    Args:
        validation: A validation against hand codes (see :class:`Validation`).
        name: The charts' name prefix: the notebook's name, e.g. ``"05-validation"``.
        output_dir: The report folder; charts go to ``<output_dir>/figures/``.

    Returns:
        A :class:`ValidationSection`.
    """
    overview = Shown([Note(validation.message)])
    if not validation.ok:
        return ValidationSection(overview=overview)
    charts = Charts(name, output_dir)
    agreement = charts.export(plots.agreement_plot(validation.agreement), "agreement", validation.agreement)
    confusion = []
    for topic in TOPICS:
        matrix = validation.confusion[topic]
        fig = plots.confusion_heatmap(
            matrix,
            normalize="true",
            xlabel="automatic",
            ylabel="hand",
            title=f"{style.topic_name(topic)}: hand vs automatic stance",
        )
        confusion.append(charts.export(fig, f"confusion-{topic}", matrix.reset_index()))
    return ValidationSection(
        overview=overview,
        metrics=Shown([Table(validation.metrics, na_rep="–", float_format="{:.3f}".format)]),
        agreement=Shown([agreement]),
        verdicts=Shown([Note(validation.verdicts)]),
        confusion=Shown(confusion),
        disagreements=Shown(
            [
                Note(validation.disagreement_summary),
                Table(validation.disagreement_kinds, index=True),
                Table(validation.disagreements, na_rep=""),
            ]
        ),
        figures=charts.figures,
    )


# ----------------------------------------------------------------------------- the explorer


def explorer_snapshot(explorer: Any, *, name: str, output_dir: str | Path) -> Shown:
    """The explorer's current chart as a static one, exported as ``<name>-initial`` with its statements.

    Args:
        explorer: A :class:`corpus_lib.report.explorer.StanceExplorer` (its ``current``
            figure and ``data``, the statements behind it, are read).
        name: The chart's name prefix: the notebook's name, e.g. ``"06-explorer"``.
        output_dir: The report folder; the chart goes to ``<output_dir>/figures/``.

    Returns:
        A note on the selection, then the chart.
    """
    Charts(name, output_dir).export(explorer.current, "initial", explorer.data)
    note = Note(
        "The initial selection as a static chart, for the HTML report (where widgets do not run): "
        f"{style.counted(len(explorer.data), 'statement')}, {int(explorer.data['score'].notna().sum())} of them positioned."
    )
    return Shown([note, explorer.current])
