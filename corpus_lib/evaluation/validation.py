"""The seed corpus against its hand codes: what ``05-validation`` reports.

`validate_seeds` evaluates a corpus's automatic codes against ``annotations/seeds.csv``
when the corpus is the seed corpus (the hand codes exist for the seed texts only), and
otherwise says why it cannot. The :class:`SeedValidation` it returns holds the figures,
the confusion matrices and every disagreement, and puts the verdicts in words. Its
Markdown holds no text from the corpus (sentences are in the disagreements table, for the
caller to show escaped).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from corpus_lib.evaluation.evaluate import ALL_TOPICS, REPORT_COLUMNS, EvaluationReport, evaluate
from corpus_lib.evaluation.gold import load_gold
from corpus_lib.paths import ANNOTATIONS_DIR, SEEDS_DIR
from corpus_lib.vocab import TOPICS

__all__ = ["AGREEMENT_METRICS", "SeedValidation", "agreement_verdicts", "disagreements", "validate_seeds"]

AGREEMENT_METRICS: tuple[str, ...] = ("topic_f1", "stance_macro_f1", "stance_kappa", "stance_alpha", "joint_alpha")
"""The figures the agreement chart shows, top to bottom."""
RELIABLE, TENTATIVE = 0.8, 0.667
"""Krippendorff's alpha: the usual bar for reliable coding, and the floor for tentative conclusions."""


@dataclass(frozen=True)
class SeedValidation:
    """A corpus's automatic codes against the hand codes, or why they cannot be compared.

    Attributes:
        ok: The corpus is the seed corpus and the hand codes are there.
        message: Markdown: the number of hand codes and whether each still points to the
            sentence that was coded; or why there is no validation.
        report: The evaluation (None when not ``ok``).
        gold: The hand codes (None when not ``ok``).
        disagreements: Every (statement, topic) on which the codings differ (see
            :func:`disagreements`); empty when not ``ok``.
        n_pairs: How many (statement, topic) pairs either coding codes.
    """

    ok: bool
    message: str
    report: EvaluationReport | None = None
    gold: pd.DataFrame | None = None
    disagreements: pd.DataFrame = field(default_factory=pd.DataFrame)
    n_pairs: int = 0

    @property
    def metrics(self) -> pd.DataFrame:
        """The figures with their intervals (``topic, metric, value, ci_low, ci_high, n``)."""
        return self.report.to_frame() if self.report else pd.DataFrame(columns=list(REPORT_COLUMNS))

    @property
    def agreement(self) -> pd.DataFrame:
        """The figures of :data:`AGREEMENT_METRICS` per topic (what the agreement chart draws)."""
        figures = self.metrics
        keep = figures["metric"].isin(AGREEMENT_METRICS) & (figures["topic"] != ALL_TOPICS)
        return figures.loc[keep].reset_index(drop=True)

    @property
    def confusion(self) -> dict[str, pd.DataFrame]:
        """Per topic, hand codes (rows) against automatic codes (columns), over the statements both code."""
        return self.report.confusion if self.report else {}

    @property
    def verdicts(self) -> str:
        """Markdown: kappa and alpha per topic with a verdict, and the holder accuracy."""
        return agreement_verdicts(self.metrics) if self.report else ""

    @property
    def disagreement_summary(self) -> str:
        """Markdown: how many of the coded pairs the codings disagree on."""
        return f"**{len(self.disagreements)}** disagreements out of {self.n_pairs} (statement, topic) pairs coded by either."

    @property
    def disagreement_kinds(self) -> pd.DataFrame:
        """Disagreements per topic (rows) and kind (``missed topic``, ``extra topic``, ``other stance``)."""
        wrong = self.disagreements
        kind = np.where(
            wrong["automatic"] == "none",
            "missed topic",
            np.where(wrong["gold"] == "none", "extra topic", "other stance"),
        )
        return pd.crosstab(wrong["topic"], kind)


def _verdict(alpha: float) -> str:
    if alpha >= RELIABLE:
        return "reliable (≥ 0.8)"
    return "tentative (0.667–0.8)" if alpha >= TENTATIVE else "below the 0.667 floor"


def agreement_verdicts(metrics: pd.DataFrame) -> str:
    """Markdown, a line per topic: stance kappa and alpha with their intervals and a verdict; then the holder accuracy.

    Args:
        metrics: An evaluation report's table (:meth:`EvaluationReport.to_frame`) with the
            stance and holder figures of every topic.

    Returns:
        The lines, joined by newlines.
    """
    lines = []
    for topic in TOPICS:
        row = metrics.loc[metrics["topic"] == topic].set_index("metric")
        alpha = row.loc["stance_alpha", "value"]
        lines.append(
            f"- **{topic}**: stance κ = {row.loc['stance_kappa', 'value']:.2f} "
            f"[{row.loc['stance_kappa', 'ci_low']:.2f}, {row.loc['stance_kappa', 'ci_high']:.2f}], "
            f"α = {alpha:.2f} [{row.loc['stance_alpha', 'ci_low']:.2f}, {row.loc['stance_alpha', 'ci_high']:.2f}] "
            f"on {int(row.loc['stance_alpha', 'n'])} statements: {_verdict(alpha)}; joint α (topic misses counted) = "
            f"{row.loc['joint_alpha', 'value']:.2f}."
        )
    holder = metrics.loc[metrics["topic"] == ALL_TOPICS].set_index("metric")
    lines.append(
        f"- **holder**: the parser's holder matches the hand-coded one on "
        f"{holder.loc['holder_accuracy', 'value']:.0%} of the hand-coded rows "
        f"({holder.loc['holder_accuracy_nato', 'value']:.0%} of those the coder gave to NATO)."
    )
    return "\n".join(lines)


def disagreements(gold: pd.DataFrame, stances: pd.DataFrame, statements: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Every (statement, topic) on which hand and automatic codes differ, with the rules that fired.

    A topic only one coding gives counts as the label ``none`` in the other.

    Args:
        gold: Hand codes (``statement_id, topic, stance``).
        stances: Automatic codes (``statement_id, topic, stance, rule_ids``).
        statements: The statements (``statement_id, holder, text``).

    Returns:
        ``(table, n_pairs)``: the disagreements (``statement_id, topic, gold, automatic,
        holder, rule_ids, text``, sorted by topic and statement), and how many pairs
        either coding codes.
    """
    automatic = stances[["statement_id", "topic", "stance", "rule_ids"]].astype({"topic": str, "stance": str})
    pairs = gold[["statement_id", "topic", "stance"]].merge(
        automatic, on=["statement_id", "topic"], how="outer", suffixes=("_gold", "_automatic")
    )
    pairs["gold"] = pairs["stance_gold"].fillna("none")
    pairs["automatic"] = pairs["stance_automatic"].fillna("none")
    wrong = pairs.loc[pairs["gold"] != pairs["automatic"]].merge(
        statements[["statement_id", "holder", "text"]], on="statement_id", how="left"
    )
    columns = ["statement_id", "topic", "gold", "automatic", "holder", "rule_ids", "text"]
    return wrong.sort_values(["topic", "statement_id"])[columns], len(pairs)


def why_not_validated(corpus_dir: str | Path | None, gold_path: Path) -> str | None:
    """Why this corpus cannot be validated, or None."""
    if corpus_dir is not None and Path(corpus_dir).resolve() != SEEDS_DIR.resolve():
        return (
            "This corpus is not the seed corpus, and hand codes exist for the seed texts only: "
            "**no validation here**. Code a sample of this corpus by hand (see `annotations/README.md` "
            "for the procedure) and evaluate it with `corpus-lib evaluate --corpus DIR --gold FILE`."
        )
    if not gold_path.is_file():
        return f"The hand codes (`{gold_path.name}`) are not in `{gold_path.parent}`: **no validation here**."
    return None


def validate_seeds(
    corpus, corpus_dir: str | Path | None = None, *, gold_path: str | Path | None = None
) -> SeedValidation:
    """Evaluate the seed corpus's automatic codes against its hand codes, or say why not.

    Args:
        corpus: The corpus tables (``statements``, ``stances``), e.g. a
            :class:`corpus_lib.corpus.Corpus`.
        corpus_dir: The folder the corpus was read from; ``None`` is the seed corpus.
        gold_path: The hand codes; ``annotations/seeds.csv`` by default.

    Returns:
        A :class:`SeedValidation`; with ``ok`` False on any corpus but the seeds, or when
        the hand codes are missing.
    """
    gold_path = Path(gold_path) if gold_path is not None else ANNOTATIONS_DIR / "seeds.csv"
    reason = why_not_validated(corpus_dir, gold_path)
    if reason:
        return SeedValidation(ok=False, message=reason)
    gold = load_gold(gold_path)
    texts = gold.merge(
        corpus.statements[["statement_id", "text"]], on="statement_id", how="left", suffixes=("_gold", "")
    )
    changed = texts.loc[texts["text"].isna() | (texts["text"] != texts["text_gold"])]
    report = evaluate(corpus.stances, gold, statements=corpus.statements)
    message = (
        f"**{len(gold)}** hand codes on {gold['statement_id'].nunique()} statements, compared over all "
        f"{report.n_statements} statements of the corpus ({report.n_resamples} bootstrap resamples, seed {report.seed}). "
        + (
            f"**Warning:** {len(changed)} hand-coded ids now point to a different or missing sentence "
            "(the segmentation changed): re-check those codes."
            if len(changed)
            else "Every hand-coded id still points to the sentence that was coded."
        )
    )
    wrong, n_pairs = disagreements(gold, corpus.stances, corpus.statements)
    return SeedValidation(ok=True, message=message, report=report, gold=gold, disagreements=wrong, n_pairs=n_pairs)

