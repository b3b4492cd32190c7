"""Coverage of the misclassification-corrected interval, by simulation (a script, not a test).

    python -m benchmarks.misclassification                  # 500 runs per scenario
    python -m benchmarks.misclassification --runs 50 --no-write

Each scenario fixes the true shares of the hand labels of one topic, the coder's confusion
matrix ``P(machine | hand)`` and, in one scenario, a rate of false topics (statements the
coder gives the topic that do not touch it, labelled mostly ``neutral``). Each run then
invents, seeded:

* a corpus of documents (1 + Poisson(7) statements each) whose statements cluster: each
  document draws its own label mix from a Dirichlet with mean the true shares and
  concentration ``CONCENTRATION``; each statement gets a hand label from that mix and a
  machine label from the confusion matrix, and the machine labels make the ``stances``
  table;
* a validation sample drawn the same way (its own documents), with both labels.

It runs :func:`corpus_lib.analysis.corrected` (no periods, one topic) with
``--resamples`` bootstrap resamples (1000, half the library's default, to keep a run of
all scenarios to a few minutes on one core) and counts how often the corrected 95%
interval covers the true mean score and each true share, and how often the naive one (no
correction, documents resampled) does. The naive share intervals are the percentiles of
the machine shares over the same kind of document resamples, computed here. Also printed:
the mean estimate minus the truth (bias), the mean interval width and the seconds per run.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass

import numpy as np
import pandas as pd

from benchmarks.run import RESULTS, fmt, start_log, write_results

CONCENTRATION = 4.0  # Dirichlet concentration of a document's label mix: lower is more clustered
MEAN_DOC_SIZE = 7.0  # statements per document, beyond the first


@dataclass(frozen=True)
class Scenario:
    name: str
    topic: str
    shares: tuple[float, ...]  # true hand-label shares, in LABELS_BY_TOPIC order
    confusion: tuple[tuple[float, ...], ...]  # P(machine = j | hand = i)
    corpus_docs: int
    validation_docs: int
    false_topic: float = 0.0  # share of the coder's rows that do not touch the topic
    false_labels: tuple[float, ...] = ()  # machine labels of those rows


SCENARIOS = (
    Scenario(
        "russia_3x3", "russia", (0.45, 0.25, 0.30),
        ((0.80, 0.05, 0.15), (0.05, 0.80, 0.15), (0.15, 0.15, 0.70)),
        corpus_docs=200, validation_docs=25,
    ),
    Scenario(
        "russia_3x3_small_validation", "russia", (0.45, 0.25, 0.30),
        ((0.80, 0.05, 0.15), (0.05, 0.80, 0.15), (0.15, 0.15, 0.70)),
        corpus_docs=200, validation_docs=12,
    ),
    Scenario(
        "membership_4x4_false_topics", "membership", (0.30, 0.25, 0.15, 0.30),
        ((0.80, 0.10, 0.02, 0.08), (0.25, 0.60, 0.05, 0.10), (0.05, 0.10, 0.70, 0.15), (0.10, 0.10, 0.02, 0.78)),
        corpus_docs=200, validation_docs=25, false_topic=0.08, false_labels=(0.10, 0.10, 0.05, 0.75),
    ),
)  # fmt: skip


def true_mean(scenario: Scenario) -> float:
    """The mean score of the true shares over the positioned labels (as the summaries define it)."""
    from corpus_lib.vocab import LABEL_SCORES, LABELS_BY_TOPIC, NEUTRAL

    labels = LABELS_BY_TOPIC[scenario.topic]
    pairs = [(p, LABEL_SCORES[lab]) for p, lab in zip(scenario.shares, labels, strict=True) if lab != NEUTRAL]
    return sum(p * s for p, s in pairs) / sum(p for p, _ in pairs)


def invent(scenario: Scenario, n_docs: int, prefix: str, rng: np.random.Generator) -> pd.DataFrame:
    """Statements of ``n_docs`` documents: ``statement_id, doc_id, hand, machine`` (hand ``none`` for a false topic)."""
    from corpus_lib.vocab import LABELS_BY_TOPIC

    labels = np.array(LABELS_BY_TOPIC[scenario.topic], dtype=object)
    confusion = np.asarray(scenario.confusion)
    rows = []
    for d in range(n_docs):
        size = 1 + rng.poisson(MEAN_DOC_SIZE)
        mix = rng.dirichlet(CONCENTRATION * np.asarray(scenario.shares))
        hand = rng.choice(len(labels), size=size, p=mix)
        machine = np.array([rng.choice(len(labels), p=confusion[h]) for h in hand])
        hand_labels = labels[hand]
        if scenario.false_topic:
            false = rng.random(size) < scenario.false_topic
            hand_labels = np.where(false, "none", hand_labels)
            machine = np.where(false, rng.choice(len(labels), size=size, p=scenario.false_labels), machine)
        doc = f"{prefix}{d:04d}"
        rows += [(f"{doc}.{i + 1:04d}", doc, h, labels[m]) for i, (h, m) in enumerate(zip(hand_labels, machine))]
    return pd.DataFrame(rows, columns=["statement_id", "doc_id", "hand", "machine"])


def stances_table(corpus: pd.DataFrame, topic: str) -> pd.DataFrame:
    """The ``stances`` rows the coder would write for the invented corpus."""
    from corpus_lib.vocab import LABEL_SCORES

    return pd.DataFrame(
        {
            "statement_id": corpus["statement_id"],
            "doc_id": corpus["doc_id"],
            "date": pd.Timestamp("2020-06-01"),
            "holder": "NATO",
            "topic": topic,
            "stance": corpus["machine"],
            "score": corpus["machine"].map(LABEL_SCORES).astype(float),
        }
    )


def naive_share_intervals(corpus: pd.DataFrame, labels, n_resamples: int, rng: np.random.Generator) -> np.ndarray:
    """(2, K) percentile bounds of the machine shares, documents resampled."""
    counts = pd.crosstab(corpus["doc_id"], corpus["machine"]).reindex(columns=list(labels), fill_value=0).to_numpy()
    k = counts.shape[0]
    picks = rng.multinomial(k, np.full(k, 1.0 / k), size=n_resamples)
    boot = picks @ counts
    return np.quantile(boot / boot.sum(axis=1, keepdims=True), [0.025, 0.975], axis=0)


def run_scenario(scenario: Scenario, runs: int, n_resamples: int, seed: int) -> dict:
    """Coverage, bias and width of the corrected and naive intervals over ``runs`` runs."""
    from corpus_lib.analysis import corrected
    from corpus_lib.vocab import LABELS_BY_TOPIC

    labels = LABELS_BY_TOPIC[scenario.topic]
    truth, shares = true_mean(scenario), np.asarray(scenario.shares)
    hits = {"mean": 0, "naive_mean": 0}
    share_hits, naive_share_hits = np.zeros(len(labels)), np.zeros(len(labels))
    est, naive_est, width, naive_width, n_validation = [], [], [], [], []
    started = time.process_time()
    for run in range(runs):
        rng = np.random.default_rng(np.random.SeedSequence([seed, SCENARIOS.index(scenario), run]))
        corpus = invent(scenario, scenario.corpus_docs, "c", rng)
        validation = invent(scenario, scenario.validation_docs, "v", rng).assign(topic=scenario.topic)
        row = corrected(
            stances_table(corpus, scenario.topic),
            validation,
            freq_or_bins=None,
            topic=scenario.topic,
            n_resamples=n_resamples,
            seed=run,
        ).iloc[0]
        hits["mean"] += row.ci_low <= truth <= row.ci_high
        hits["naive_mean"] += row.naive_ci_low <= truth <= row.naive_ci_high
        low = np.array([row[f"share_{lab}_low"] for lab in labels])
        high = np.array([row[f"share_{lab}_high"] for lab in labels])
        share_hits += (low <= shares) & (shares <= high)
        naive_low, naive_high = naive_share_intervals(corpus, labels, n_resamples, rng)
        naive_share_hits += (naive_low <= shares) & (shares <= naive_high)
        est.append(row.mean_score)
        naive_est.append(row.naive_mean_score)
        width.append(row.ci_high - row.ci_low)
        naive_width.append(row.naive_ci_high - row.naive_ci_low)
        n_validation.append(row.n_validation)
    return {
        "scenario": scenario.name,
        "runs": runs,
        "resamples": n_resamples,
        "validation_n": float(np.mean(n_validation)),
        "true_mean": truth,
        "cover_mean": hits["mean"] / runs,
        "naive_cover_mean": hits["naive_mean"] / runs,
        "bias": float(np.mean(est)) - truth,
        "naive_bias": float(np.mean(naive_est)) - truth,
        "width": float(np.mean(width)),
        "naive_width": float(np.mean(naive_width)),
        **{f"cover_{lab}": h / runs for lab, h in zip(labels, share_hits, strict=True)},
        **{f"naive_cover_{lab}": h / runs for lab, h in zip(labels, naive_share_hits, strict=True)},
        "s_per_run": (time.process_time() - started) / runs,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.misclassification", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--runs", type=int, default=500, help="simulated corpora per scenario")
    parser.add_argument("--resamples", type=int, default=1000, help="bootstrap resamples per interval")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    described, lines = start_log()
    for scenario in SCENARIOS:
        lines.say(fmt(**run_scenario(scenario, args.runs, args.resamples, args.seed)))
    if not args.no_write:
        write_results(RESULTS, described, " ".join(["python -m benchmarks.misclassification", *(argv or [])]), lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
