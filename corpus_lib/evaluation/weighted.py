"""The machine against the adjudicated gold of a sample, weighted back to the corpus.

`machine_vs_gold` restricts the corpus to the statements of the sample that the hand
coders settled (:class:`~corpus_lib.evaluation.adjudication.Adjudication`) and gives:

- ``report``: the figures of `corpus_lib.evaluation.evaluate.evaluate` on them (topic
  precision, recall and F1; stance macro-F1, kappa and alpha; holder accuracy), unweighted,
  as ``corpus-lib evaluate`` prints them;
- ``weighted``: the same questions answered for the corpus, each statement weighted by
  its design weight, with intervals from a bootstrap that resamples documents;
- ``confusion``: per topic, hand labels (rows) against machine labels (columns), ``none``
  included, in weighted statements: an estimate of how many statements of the corpus
  fall in each cell. The correction of label shares for misclassification reads these;
- ``table``: `validation_table`, the tidy hand-against-machine table it is built from.

Weights. A sampled statement stands for ``population / sample`` statements of its stratum
(the sample's ``NAME.weights.csv``). Where some sampled statements of a stratum are not
settled yet, the settled ones stand for the whole stratum (``population / settled``), so
the weights still add up to the strata's sizes; a stratum with none settled is left out
and named in the message.
"""

from __future__ import annotations

import html
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from corpus_lib.evaluation.evaluate import EvaluationReport, evaluate
from corpus_lib.evaluation.gold import check_coded, load_gold
from corpus_lib.evaluation.validation import disagreements as machine_disagreements
from corpus_lib.evaluation.validation import why_not_validated
from corpus_lib.paths import ANNOTATIONS_DIR
from corpus_lib.vocab import LABELS_BY_TOPIC, TOPICS

__all__ = ["TABLE_COLUMNS", "WEIGHTED_COLUMNS", "WEIGHTED_METRICS", "MachineValidation", "machine_vs_gold", "validation_table"]

TABLE_COLUMNS: tuple[str, ...] = ("statement_id", "doc_id", "topic", "hand", "machine")
WEIGHTED_COLUMNS: tuple[str, ...] = ("topic", "metric", "value", "ci_low", "ci_high", "n", "weight")
WEIGHTED_METRICS: tuple[str, ...] = ("topic_precision", "topic_recall", "topic_f1", "stance_accuracy", "joint_accuracy")
NONE = "none"
ALL = "all"


def _doc_ids(ids: Sequence[str], *sources: pd.DataFrame) -> list[str]:
    """Each statement's document: from the first frame that has it, else the id before its last dot."""
    known: dict[str, str] = {}
    for source in reversed(sources):
        if source is not None and {"statement_id", "doc_id"} <= set(source.columns):
            known.update(zip(source["statement_id"].astype(str), source["doc_id"].astype(str)))
    return [known.get(sid, sid.rsplit(".", 1)[0]) for sid in ids]


def validation_table(stances: pd.DataFrame, gold: pd.DataFrame, *, statements=None) -> pd.DataFrame:
    """Hand and machine stance of every (statement, topic): the tidy table misclassification corrections read.

    Args:
        stances: The machine's codes (``statement_id, topic, stance``).
        gold: The hand codes (``statement_id, topic, stance``; `load_gold`'s format).
        statements: The statements compared: a frame with ``statement_id`` (and
            ``doc_id``) or a list of ids. By default the statements of ``gold``; pass the
            hand-coded statements that touch no topic too, or the machine's topics on
            them go unseen.

    Returns:
        `TABLE_COLUMNS`: one row per statement and topic (codebook order), ``hand`` and
        ``machine`` the label each gives, ``none`` where it gives the statement no stance
        on that topic (rows with ``none`` on both sides are kept: they are the agreements
        on absence). Sorted by statement_id, then topic.

    Example:
        >>> gold = pd.DataFrame({"statement_id": ["d.1"], "doc_id": ["d"], "topic": ["russia"], "stance": ["neutral"]})
        >>> machine = pd.DataFrame({"statement_id": ["d.2"], "topic": ["russia"], "stance": ["adversarial"]})
        >>> table = validation_table(machine, gold, statements=["d.1", "d.2"])
        >>> table.loc[table["topic"] == "russia", ["statement_id", "hand", "machine"]].to_numpy().tolist()
        [['d.1', 'neutral', 'none'], ['d.2', 'none', 'adversarial']]
    """
    if statements is None:
        ids = gold["statement_id"].astype(str).tolist()
        frame = None
    elif isinstance(statements, pd.DataFrame):
        ids, frame = statements["statement_id"].astype(str).tolist(), statements
    else:
        ids, frame = [str(s) for s in statements], None
    ids = sorted(set(ids))
    universe = set(ids)
    hand = check_coded(gold, "gold", universe, check_holder=False)
    machine = stances.loc[stances["statement_id"].astype(str).isin(universe)]
    machine = check_coded(machine, "stances", universe, check_holder=False)
    docs = dict(zip(ids, _doc_ids(ids, frame, gold, stances)))
    lookup = {name: {(r.statement_id, r.topic): r.stance for r in table.itertuples(index=False)}
              for name, table in (("hand", hand), ("machine", machine))}
    rows = [{"statement_id": sid, "doc_id": docs[sid], "topic": topic,
             "hand": lookup["hand"].get((sid, topic), NONE), "machine": lookup["machine"].get((sid, topic), NONE)}
            for sid in ids for topic in TOPICS]
    return pd.DataFrame(rows, columns=list(TABLE_COLUMNS)).astype(str)


@dataclass(frozen=True)
class MachineValidation:
    """The machine against the settled hand codes of a sample (see the module docstring).

    Attributes:
        ok: There were settled statements to compare.
        notes: Sentences for the message (strata left out, what is missing).
        report: `evaluate`'s figures, unweighted (None when not ``ok``).
        weighted: `WEIGHTED_COLUMNS`: design-weighted figures with document-bootstrap
            intervals; ``weight`` is the weighted number of statements behind each.
        confusion: Topic -> weighted confusion matrix (rows hand, columns machine, ``none`` included).
        table: The tidy hand-against-machine table (`validation_table`) with a ``weight`` column.
        disagreements: Every (statement, topic) the machine codes otherwise than the gold,
            with the rules that fired.
    """

    ok: bool
    notes: tuple[str, ...] = ()
    report: EvaluationReport | None = None
    weighted: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(WEIGHTED_COLUMNS)))
    confusion: dict[str, pd.DataFrame] = field(default_factory=dict)
    table: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=[*TABLE_COLUMNS, "weight"]))
    disagreements: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def metrics(self) -> pd.DataFrame:
        """The unweighted figures (``topic, metric, value, ci_low, ci_high, n``); empty when not ``ok``."""
        return self.report.to_frame() if self.report else pd.DataFrame(columns=list(WEIGHTED_COLUMNS[:-1]))

    @property
    def confusion_table(self) -> pd.DataFrame:
        """The weighted confusion matrices in one frame, indexed by topic and hand label, rounded to 0.1."""
        if not self.confusion:
            return pd.DataFrame()
        frames = {topic: m.rename(columns=str) for topic, m in self.confusion.items()}
        return pd.concat(frames, names=["topic", "hand"]).fillna(0.0).round(1)

    @property
    def message(self) -> str:
        """Markdown: what was compared, and with which weights."""
        if not self.ok:
            return " ".join(self.notes)
        n = self.report.n_statements
        total = float(self.table.drop_duplicates("statement_id")["weight"].sum())
        return (f"The machine against the hand codes of **{n}** settled statements, which stand for "
                f"{total:,.0f} statements of the corpus. " + " ".join(self.notes))

    def _repr_markdown_(self) -> str:
        return html.escape(self.message, quote=False)


def _weights(adjudication) -> tuple[pd.Series, list[str]]:
    """Each settled statement's weight (its stratum's population over its settled statements), and strata left out."""
    sample = adjudication.sample
    settled = list(adjudication.settled)
    weights = sample.weights.astype({"statement_id": str, "stratum": str})
    if weights.empty:  # no design: every statement stands for itself
        return pd.Series(1.0, index=settled), []
    population = sample.design.set_index("stratum")["population"].astype(float)
    drawn = weights.set_index("statement_id")["stratum"]
    stratum = drawn.reindex(settled)
    counts = stratum.value_counts()
    out = stratum.map(lambda s: population.get(s, np.nan) / counts.get(s, np.nan))
    empty = sorted(set(drawn) - set(stratum.dropna()))
    return out.fillna(0.0).astype(float), empty


def _weighted_figures(g: np.ndarray, p: np.ndarray, w: np.ndarray) -> dict[str, float]:
    """Detection and stance figures of one topic, each statement counting its weight."""
    gt, pt = g != NONE, p != NONE

    def ratio(num, den) -> float:
        den = float(w[den].sum())
        return float(w[num].sum()) / den if den > 0 else float("nan")

    tp = float(w[gt & pt].sum())
    wrong = float(w[gt & ~pt].sum() + w[~gt & pt].sum())
    values = (
        ratio(gt & pt, pt),
        ratio(gt & pt, gt),
        2 * tp / (2 * tp + wrong) if (2 * tp + wrong) > 0 else float("nan"),
        ratio(gt & pt & (g == p), gt & pt),
        ratio(g == p, np.ones(len(g), dtype=bool)),
    )
    return dict(zip(WEIGHTED_METRICS, values, strict=True))


def _bootstrap(stat, docs: np.ndarray, n_resamples: int, seed: int, confidence: float) -> np.ndarray:
    """Percentile intervals of a vector statistic over resamples of documents: shape (2, k)."""
    names, codes = np.unique(docs, return_inverse=True)
    members = [np.flatnonzero(codes == i) for i in range(len(names))]
    rng = np.random.default_rng(seed)
    stats = np.array([stat(np.concatenate([members[d] for d in rng.integers(0, len(names), size=len(names))]))
                      for _ in range(n_resamples)])
    tail = (1.0 - confidence) / 2.0 * 100.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a figure undefined in every resample stays NaN
        return np.nanpercentile(stats, [tail, 100.0 - tail], axis=0)


def _weighted_table(table: pd.DataFrame, holders: pd.DataFrame, *, n_resamples: int, seed: int,
                    confidence: float) -> pd.DataFrame:
    """The weighted figures of every topic, and holder accuracy, with document-bootstrap intervals."""
    per_topic = {topic: table.loc[table["topic"] == topic].reset_index(drop=True) for topic in TOPICS}
    docs = per_topic[TOPICS[0]]["doc_id"].to_numpy()  # the same statements, in the same order, for every topic
    arrays = {t: (f["hand"].to_numpy(), f["machine"].to_numpy(), f["weight"].to_numpy(float)) for t, f in per_topic.items()}
    h = holders.set_index("statement_id").reindex(per_topic[TOPICS[0]]["statement_id"])
    known = (h["hand"] != "").to_numpy()
    correct = (h["hand"] == h["machine"]).to_numpy()
    w = per_topic[TOPICS[0]]["weight"].to_numpy(float)

    def stat(index: np.ndarray) -> np.ndarray:
        values = []
        for topic in TOPICS:
            g, p, weight = (a[index] for a in arrays[topic])
            values += list(_weighted_figures(g, p, weight).values())
        den = float(w[index][known[index]].sum())
        values.append(float(w[index][known[index] & correct[index]].sum()) / den if den > 0 else float("nan"))
        return np.array(values)

    everything = np.arange(len(docs))
    point = stat(everything)
    low, high = _bootstrap(stat, docs, n_resamples, seed, confidence) if len(docs) else (point * np.nan,) * 2
    names = [(topic, metric) for topic in TOPICS for metric in WEIGHTED_METRICS]
    names.append((ALL, "holder_accuracy"))
    sizes = [len(docs)] * (len(names) - 1) + [int(known.sum())]
    weights = [float(w.sum())] * (len(names) - 1) + [float(w[known].sum())]
    rows = [{"topic": t, "metric": m, "value": v, "ci_low": lo, "ci_high": hi, "n": n, "weight": wt}
            for (t, m), v, lo, hi, n, wt in zip(names, point, low, high, sizes, weights)]
    return pd.DataFrame(rows, columns=list(WEIGHTED_COLUMNS))


def _confusion(table: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Per topic: weighted statements by hand label (rows) and machine label (columns), ``none`` included."""
    out = {}
    for topic in TOPICS:
        labels = [*LABELS_BY_TOPIC[topic], NONE]
        rows = table.loc[table["topic"] == topic]
        matrix = rows.pivot_table(index="hand", columns="machine", values="weight", aggfunc="sum", fill_value=0.0)
        matrix = matrix.reindex(index=labels, columns=labels, fill_value=0.0).astype(float)
        matrix.index.name, matrix.columns.name = "hand", "machine"
        out[topic] = matrix
    return out


def machine_vs_gold(corpus, adjudication, *, n_resamples: int = 1000, seed: int = 0,
                    confidence: float = 0.95) -> MachineValidation:
    """Compare the machine's codes with the settled hand codes of a sample, unweighted and weighted.

    Args:
        corpus: The corpus the sample was drawn from (``statements``, ``stances``).
        adjudication: What :func:`~corpus_lib.evaluation.adjudication.adjudicate` settled.
        n_resamples: Bootstrap resamples (statements for ``report``, documents for ``weighted``).
        seed: Seed of the bootstraps.
        confidence: Coverage of the intervals.

    Returns:
        A :class:`MachineValidation`; not ``ok`` (with a message saying why) when nothing is settled yet.
    """
    settled = list(adjudication.settled)
    if not settled:
        return MachineValidation(ok=False, notes=(
            "No hand-coded statement is settled yet: nothing to compare the machine with. Code the sample "
            "(and adjudicate), then run this again.",))
    statements = corpus.statements.loc[corpus.statements["statement_id"].astype(str).isin(settled)]
    stances = corpus.stances.loc[corpus.stances["statement_id"].astype(str).isin(settled)]
    gold = adjudication.gold
    options = {"n_resamples": n_resamples, "seed": seed, "confidence": confidence}
    report = evaluate(stances, gold, statements=statements, **options)
    weights, empty = _weights(adjudication)
    table = validation_table(stances, gold, statements=statements[["statement_id", "doc_id"]])
    table["weight"] = table["statement_id"].map(weights).astype(float)
    machine_holder = dict(zip(statements["statement_id"].astype(str), statements["holder"].astype(str)))
    holders = pd.DataFrame({"statement_id": settled, "hand": [adjudication.holders.get(s, "") for s in settled],
                            "machine": [machine_holder.get(s, "") for s in settled]})
    notes = []
    if empty:
        notes.append(f"{len(empty)} strata have no settled statement ({', '.join(empty)}): the weighted figures "
                     "say nothing about their statements.")
    wrong, _ = machine_disagreements(gold, stances if "rule_ids" in stances else stances.assign(rule_ids=""), statements)
    return MachineValidation(ok=True, notes=tuple(notes), report=report,
                             weighted=_weighted_table(table, holders, **options), confusion=_confusion(table),
                             table=table, disagreements=wrong.reset_index(drop=True))


def validation_for(corpus, corpus_dir: str | Path | None = None, *, gold_path: str | Path | None = None):
    """The hand and machine codes of every statement of a hand-coded corpus, for
    :func:`corpus_lib.analysis.corrected`; None when the corpus has no hand codes here.

    The seed corpus's hand codes (``annotations/seeds.csv``) cover all its statements, so a
    statement they leave out counts as coded on no topic. A user's gold file from
    :func:`~corpus_lib.evaluation.adjudicate` covers its sample only: pass its statements to
    :func:`~corpus_lib.evaluation.validation_table` instead.
    """
    gold_path = Path(gold_path) if gold_path is not None else ANNOTATIONS_DIR / "seeds.csv"
    if why_not_validated(corpus_dir, gold_path) or corpus.stances is None:
        return None
    return validation_table(corpus.stances, load_gold(gold_path), statements=corpus.statements)
