"""Does a small learned stance model generalise to a new voice better than the rules?

    python -m benchmarks.learned_cv              # cross-validation, then the check3 aggregate
    python -m benchmarks.learned_cv --cv-only    # cross-validation on the dev files only

1. Leave-one-file-out cross-validation over the development files ``tests/data/dev.csv``,
   ``dev2.csv`` and ``dev3.csv``: train the learned model (`tools.train_second_opinion`) on
   two, score on the third with `corpus_lib.evaluation.evaluate.evaluate_unseen`. Per fold
   and topic it prints ``stance_macro_f1_gold_rows`` (macro-F1 over the topic's non-neutral
   labels on the rows the hand codes give the topic, a missed topic counted as wrong) and
   ``topic_f1`` of the rules (``corpus_lib.coding.coder.tag_stances``; in-sample on every dev file, so
   optimistic), of the two learned estimators (``logreg``, ``cnb``), and of the
   pre-registered second opinion (`tools.learned_coders.second_opinion`) built on the
   learned estimator with the higher mean gold-rows figure over the nine cells.
2. The final check: the chosen estimator trained on all three dev files; rules, learned
   and second opinion scored on ``tests/data/check3.csv``, aggregate figures only (no
   row of that file and no row-level prediction is printed or inspected).

Never run on ``tests/data/unseen.csv``.
"""

from __future__ import annotations

import argparse
import functools
import math

from corpus_lib.coding.coder import tag_stances
from corpus_lib.coding.model import Model
from corpus_lib.evaluation.evaluate import GOLD_ROWS_METRIC, TOPICS, evaluate_unseen
from corpus_lib.paths import PROJECT_ROOT
from tools.learned_coders import second_opinion, tag_with_model
from tools.train_second_opinion import train

DATA = PROJECT_ROOT / "tests" / "data"
DEV = ("dev.csv", "dev2.csv", "dev3.csv")
CHECK = "check3.csv"
KINDS = ("logreg", "cnb")
RESAMPLES = 200


def _fmt(x: float) -> str:
    return "  nan" if math.isnan(x) else f"{x:5.2f}"


def _scores(coder, path) -> dict[str, tuple[float, float]]:
    report = evaluate_unseen(coder, path, n_resamples=RESAMPLES, seed=0)
    return {t: (report.value(t, GOLD_ROWS_METRIC), report.value(t, "topic_f1")) for t in TOPICS}


def _combo(model):
    return lambda statements: second_opinion(statements, model)


def _alone(model):
    return functools.partial(tag_with_model, model)


def cross_validate() -> tuple[str, dict]:
    """Run the folds; return the chosen estimator and the per-fold scores."""
    results: dict[str, dict[str, dict]] = {}
    models: dict[tuple[str, str], Model] = {}
    for held in DEV:
        train_files = [DATA / f for f in DEV if f != held]
        results[held] = {"rules": _scores(tag_stances, DATA / held)}
        for kind in KINDS:
            models[held, kind] = train(train_files, kind=kind)
            results[held][kind] = _scores(_alone(models[held, kind]), DATA / held)
    means = {
        kind: sum(results[h][kind][t][0] for h in DEV for t in TOPICS) / (len(DEV) * len(TOPICS))
        for kind in KINDS
    }
    chosen = "cnb" if means["cnb"] > means["logreg"] else "logreg"
    for held in DEV:
        results[held]["combination"] = _scores(_combo(models[held, chosen]), DATA / held)
    print("Leave-one-file-out cross-validation (train on two dev files, score the third)")
    print("stance_macro_f1_gold_rows (topic_f1 in brackets); rules are in-sample on all dev files")
    cols = ("rules", *KINDS, "combination")
    print(f"{'held out':<10}{'topic':<12}" + "".join(f"{c:>18}" for c in cols))
    for held in DEV:
        for t in TOPICS:
            cells = "".join(
                f"{_fmt(results[held][c][t][0]):>10} [{_fmt(results[held][c][t][1])}]" for c in cols
            )
            print(f"{held:<10}{t:<12}{cells}")
    for c in cols:
        mean = sum(results[h][c][t][0] for h in DEV for t in TOPICS) / (len(DEV) * len(TOPICS))
        print(f"mean gold-rows F1 over the 9 cells, {c}: {mean:.3f}")
    print(f"chosen learned estimator (higher mean gold-rows F1, logreg on a tie): {chosen}")
    return chosen, results


def final_check(chosen: str) -> None:
    """Train on all dev files; print the aggregate per-topic figures on check3 only."""
    model = train([DATA / f for f in DEV], kind=chosen)
    coders = {"rules": tag_stances, f"learned ({chosen})": _alone(model), "combination": _combo(model)}
    print(f"\nFinal check on {CHECK} (trained on {', '.join(DEV)}; {len(model.features)} features)")
    print(f"{'coder':<18}{'topic':<12}{'gold-rows F1':>14}{'95% interval':>18}{'topic_f1':>10}")
    for name, coder in coders.items():
        report = evaluate_unseen(coder, DATA / CHECK, n_resamples=1000, seed=0)
        frame = report.to_frame().set_index(["topic", "metric"])
        for t in TOPICS:
            row = frame.loc[(t, GOLD_ROWS_METRIC)]
            ci = f"[{_fmt(row['ci_low'])}, {_fmt(row['ci_high'])}]"
            print(f"{name:<18}{t:<12}{_fmt(row['value']):>14}{ci:>18}{_fmt(report.value(t, 'topic_f1')):>10}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv-only", action="store_true", help="skip the check3 aggregate")
    args = parser.parse_args(argv)
    chosen, _ = cross_validate()
    if not args.cv_only:
        final_check(chosen)


if __name__ == "__main__":
    main()
