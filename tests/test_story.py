"""The analysis story the automatic codes must tell, and the coder's agreement floors.

The floors sit a little under the targets recorded in the README, so a regression fails
CI; the figures themselves are computed by ``corpus-lib evaluate``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from corpus_lib.corpus import code_stances
from corpus_lib.evaluation.evaluate import evaluate, evaluate_unseen, load_gold
from corpus_lib.paths import ANNOTATIONS_DIR, PROJECT_ROOT

GOLD = ANNOTATIONS_DIR / "seeds.csv"
UNSEEN = PROJECT_ROOT / "tests" / "data" / "unseen.csv"


@pytest.fixture(scope="module")
def nato(seed_corpus) -> pd.DataFrame:
    st = seed_corpus.stances
    return st[st["holder"] == "NATO"].assign(year=st["date"].dt.year)


def _labels(nato, topic, year) -> set[str]:
    return set(nato.query("topic == @topic and year == @year and stance != 'neutral'")["stance"])


def test_nato_on_russia_turns_from_cooperative_to_adversarial(nato):
    mean = nato.query("topic == 'russia'").groupby("year")["score"].mean()
    assert mean.loc[2005] > 0
    assert mean.loc[2022] < 0


def test_nato_on_karabakh_moves_from_detached_to_engaged(nato):
    assert _labels(nato, "karabakh", 2005) >= {"detached"}
    assert _labels(nato, "karabakh", 2008) == {"detached"}
    mean = nato.query("topic == 'karabakh'").groupby("year")["score"].mean()
    assert mean.loc[2005] < 0 and mean.loc[2008] < 0
    assert mean.loc[2022] > 0 and mean.loc[2024] > 0


def test_nato_on_membership_moves_from_conditional_to_open(nato):
    assert _labels(nato, "membership", 2005) == {"conditional"}
    labels_2022 = nato.query("topic == 'membership' and year == 2022 and stance != 'neutral'")["stance"]
    assert labels_2022.value_counts().idxmax() == "open"


def test_stances_are_deterministic_and_schema_checked(seed_corpus):
    again = code_stances(seed_corpus.statements)
    pd.testing.assert_frame_equal(again, seed_corpus.stances)
    assert again.to_csv(index=False) == seed_corpus.stances.to_csv(index=False)


def test_coding_never_reads_the_hand_annotations(seed_corpus, tmp_path):
    """A copy of the package with no annotations folder beside it codes the same stances."""
    shutil.copytree(PROJECT_ROOT / "corpus_lib", tmp_path / "corpus_lib", ignore=shutil.ignore_patterns("__pycache__"))
    assert not (tmp_path / "annotations").exists()
    seed_corpus.statements.to_parquet(tmp_path / "statements.parquet")
    script = (
        "import sys, pandas as pd, corpus_lib; from corpus_lib.corpus import code_stances; "
        f"assert corpus_lib.__file__.startswith({str(tmp_path)!r}), corpus_lib.__file__; "
        "code_stances(pd.read_parquet(sys.argv[1])).to_parquet(sys.argv[2])"
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    subprocess.run([sys.executable, "-c", script, str(tmp_path / "statements.parquet"), str(tmp_path / "out.parquet")],
                   check=True, env=env, cwd=tmp_path)
    again = pd.read_parquet(tmp_path / "out.parquet")
    assert again.to_csv(index=False) == seed_corpus.stances.to_csv(index=False)


@pytest.fixture(scope="module")
def gold_report(seed_corpus):
    return evaluate(seed_corpus.stances, load_gold(GOLD), statements=seed_corpus.statements, n_resamples=200)


@pytest.mark.parametrize("topic", ["karabakh", "russia", "membership"])
def test_agreement_with_hand_codes_stays_above_its_floors(gold_report, topic):
    assert gold_report.value(topic, "topic_f1") >= 0.88
    assert gold_report.value(topic, "stance_macro_f1") >= 0.82
    assert gold_report.value(topic, "stance_alpha") >= 0.77


def test_holder_accuracy_on_nato_statements(gold_report):
    assert gold_report.value("all", "holder_accuracy_nato") >= 0.88


def test_gold_file_matches_the_segmentation(seed_corpus):
    gold = load_gold(GOLD)
    texts = seed_corpus.statements.set_index("statement_id")["text"]
    assert gold["statement_id"].isin(texts.index).all()
    assert (texts.loc[gold["statement_id"]].to_numpy() == gold["text"].to_numpy()).all()


# The held-out target is 0.75 per topic; coder stances-1.4 scores 0.78 / 0.91 / 0.77
# (README, "Stances and how far to trust them"). These floors sit a little under, so a
# regression fails; raise them as the coder improves, never lower them to pass.
HELD_OUT_FLOORS = {"karabakh": 0.75, "russia": 0.89, "membership": 0.83}  # stances-1.22: 0.85 / 0.91 / 0.855
# tests/data/check3.csv: a second held-out file, by the writer of dev3.csv, never tuned on
# (coder stances-1.4 scores 0.80 / 0.70 / 0.50). Same rule: raise, never lower.
CHECK3_FLOORS = {"karabakh": 0.76, "russia": 0.70, "membership": 0.58}  # stances-1.22: 0.92 / 0.73 / 0.61
CHECK3 = PROJECT_ROOT / "tests" / "data" / "check3.csv"


# tests/data/check4.csv: membership sentences by a hand new to the project, held out since the
# nineteenth session (coder stances-1.19 and 1.20: 0.857 / 0.444 / 0.474, karabakh and russia on
# 15 and 29 rows only; stances-1.22: 0.857 / 0.444 / 0.502). Same rule: raise, never lower.
CHECK4_FLOORS = {"karabakh": 0.80, "russia": 0.40, "membership": 0.48}
CHECK4 = PROJECT_ROOT / "tests" / "data" / "check4.csv"


HELD_OUT = {"unseen": (UNSEEN, HELD_OUT_FLOORS), "check3": (CHECK3, CHECK3_FLOORS), "check4": (CHECK4, CHECK4_FLOORS)}


@pytest.fixture(scope="module", params=sorted(HELD_OUT))
def held_out(request):
    """(report, floors) of one held-out file, evaluated once per module."""
    from corpus_lib.coding.coder import tag_stances

    path, floors = HELD_OUT[request.param]
    return evaluate_unseen(tag_stances, path, n_resamples=50), floors


@pytest.mark.parametrize("topic", sorted(HELD_OUT_FLOORS))
def test_held_out_files_stay_above_their_floors(held_out, topic):
    report, floors = held_out
    assert report.value(topic, "stance_macro_f1_gold_rows") >= floors[topic]


# ---------------------------------------------------------------------------
# Whole news articles (tests/data/news): floors under the figures the README records.

NEWS = PROJECT_ROOT / "tests" / "data" / "news"
# (group, metric) -> floor. Held-out articles: a little under the figures of 2026-12-04
# (README); development articles: under their in-sample figures.
NEWS_FLOORS = {
    "heldout": {("all", "holder_accuracy"): 0.75, ("quoted", "holder_accuracy"): 0.80, ("all", "role_accuracy"): 0.93,
                ("karabakh", "stance_macro_f1"): 0.70, ("russia", "stance_macro_f1"): 0.62,
                ("membership", "stance_macro_f1"): 0.55, ("membership", "topic_f1"): 0.83},
    "dev": {("all", "holder_accuracy"): 0.88, ("NATO-held", "holder_accuracy"): 0.90, ("all", "role_accuracy"): 0.94,
            ("karabakh", "stance_macro_f1"): 0.80, ("russia", "stance_macro_f1"): 0.70,
            ("membership", "stance_macro_f1"): 0.64, ("membership", "topic_f1"): 0.83},
    # the thirteenth session's attribution sets: under their in-sample holder figures (0.886 / 0.775)
    "dev41": {("all", "holder_accuracy"): 0.87, ("NATO-held", "holder_accuracy"): 0.92},
    "dev42": {("all", "holder_accuracy"): 0.80, ("NATO-held", "holder_accuracy"): 0.80},
    # the fourteenth session's sets: under their in-sample figures (dev43 holder 0.841, NATO-held
    # 0.937; dev44 membership stance 0.509, membership topic F1 0.864)
    "dev43": {("all", "holder_accuracy"): 0.88, ("NATO-held", "holder_accuracy"): 0.92},
    "dev44": {("membership", "stance_macro_f1"): 0.49, ("membership", "topic_f1"): 0.85},
    # the fifteenth session's sets: under their in-sample figures (dev45 holder 0.927, NATO-held
    # 0.990; dev46 holder 0.810, NATO-held 0.714; 0.851 / 0.810 in the sixteenth)
    "dev45": {("all", "holder_accuracy"): 0.92, ("NATO-held", "holder_accuracy"): 0.97},
    "dev46": {("all", "holder_accuracy"): 0.83, ("NATO-held", "holder_accuracy"): 0.77},
    # the sixteenth session's set (dev47 holder 0.947, NATO-held 0.989)
    "dev47": {("all", "holder_accuracy"): 0.93, ("NATO-held", "holder_accuracy"): 0.97},
    # the seventeenth session's sets (dev48 holder 0.880, NATO-held 0.940; dev49 0.887 / 0.955,
    # 0.955 / 0.955 in the eighteenth)
    "dev48": {("all", "holder_accuracy"): 0.86, ("NATO-held", "holder_accuracy"): 0.92},
    "dev49": {("all", "holder_accuracy"): 0.94, ("NATO-held", "holder_accuracy"): 0.94},
    # the eighteenth session's sets, under their in-sample figures (holder / NATO-held): dev50
    # 0.885 / 0.831, dev51 0.855 / 0.837, dev52 0.916 / 0.971, dev53 0.926 / 0.989, dev54
    # 0.927 / 0.966, dev55 0.899 / 0.900, dev56 0.910 / 0.881
    "dev50": {("all", "holder_accuracy"): 0.87, ("NATO-held", "holder_accuracy"): 0.81},
    "dev51": {("all", "holder_accuracy"): 0.84, ("NATO-held", "holder_accuracy"): 0.82},
    "dev52": {("all", "holder_accuracy"): 0.90, ("NATO-held", "holder_accuracy"): 0.95},
    "dev53": {("all", "holder_accuracy"): 0.91, ("NATO-held", "holder_accuracy"): 0.97},
    "dev54": {("all", "holder_accuracy"): 0.91, ("NATO-held", "holder_accuracy"): 0.95},
    "dev55": {("all", "holder_accuracy"): 0.88, ("NATO-held", "holder_accuracy"): 0.88},
    "dev56": {("all", "holder_accuracy"): 0.89, ("NATO-held", "holder_accuracy"): 0.86},
    # the nineteenth session's sets, under their in-sample figures (holder / NATO-held; dev57's
    # membership stance and topic F1): dev57 0.881 / 0.939, 0.445 / 0.667; dev58 0.945 / 0.942
    "dev57": {("all", "holder_accuracy"): 0.86, ("NATO-held", "holder_accuracy"): 0.92,
              ("membership", "stance_macro_f1"): 0.42, ("membership", "topic_f1"): 0.64},
    "dev58": {("all", "holder_accuracy"): 0.93, ("NATO-held", "holder_accuracy"): 0.92},
    # the twentieth session's sets, under their in-sample figures (holder / NATO-held;
    # membership stance and topic F1): dev59 0.858 / 0.983, 0.555 / 0.697; dev60 0.859 / 0.816,
    # 0.559 / 0.855
    "dev59": {("all", "holder_accuracy"): 0.84, ("NATO-held", "holder_accuracy"): 0.96,
              ("membership", "stance_macro_f1"): 0.53, ("membership", "topic_f1"): 0.67},
    "dev60": {("all", "holder_accuracy"): 0.84, ("NATO-held", "holder_accuracy"): 0.79,
              ("membership", "stance_macro_f1"): 0.53, ("membership", "topic_f1"): 0.83},
    # dev61 (official transcripts) 0.977 / 1.000; dev62 (agency copy) 0.904 / 0.964
    "dev61": {("all", "holder_accuracy"): 0.95, ("NATO-held", "holder_accuracy"): 0.98},
    "dev62": {("all", "holder_accuracy"): 0.88, ("NATO-held", "holder_accuracy"): 0.94},
    # the twenty-first session's sets, under their in-sample figures (holder / NATO-held, and the
    # stance the set was written for): dev63 0.953 / 0.970, membership 0.671; dev64 (interview
    # layouts) 0.945 / 0.978; dev65 (narrated holders) 0.880 / 0.850; dev66 0.901 / 0.957, russia
    # 0.615; dev67 0.960 / 0.973, karabakh 0.666; dev68 (unusual house styles) 0.796 / 0.750
    "dev63": {("all", "holder_accuracy"): 0.93, ("NATO-held", "holder_accuracy"): 0.95,
              ("membership", "stance_macro_f1"): 0.65},
    "dev64": {("all", "holder_accuracy"): 0.92, ("NATO-held", "holder_accuracy"): 0.95},
    "dev65": {("all", "holder_accuracy"): 0.86, ("NATO-held", "holder_accuracy"): 0.83},
    "dev66": {("all", "holder_accuracy"): 0.88, ("NATO-held", "holder_accuracy"): 0.93,
              ("russia", "stance_macro_f1"): 0.59},
    "dev67": {("all", "holder_accuracy"): 0.94, ("NATO-held", "holder_accuracy"): 0.95,
              ("karabakh", "stance_macro_f1"): 0.64},
    "dev68": {("all", "holder_accuracy"): 0.77, ("NATO-held", "holder_accuracy"): 0.72},
    # the twenty-second session's sets, under their in-sample figures (holder / NATO-held, and the
    # stance the set was written for): dev69 (membership by reference) 0.938 / 0.942, membership
    # 0.564; dev70 (features and profiles) 0.796 / 0.841; dev71 (press conferences and hearings)
    # 0.843 / 0.878; dev72 (agency copy) 0.930 / 1.000, russia 0.783
    "dev69": {("all", "holder_accuracy"): 0.92, ("NATO-held", "holder_accuracy"): 0.92,
              ("membership", "stance_macro_f1"): 0.54},
    "dev70": {("all", "holder_accuracy"): 0.77, ("NATO-held", "holder_accuracy"): 0.82},
    "dev71": {("all", "holder_accuracy"): 0.82, ("NATO-held", "holder_accuracy"): 0.85},
    "dev72": {("all", "holder_accuracy"): 0.91, ("NATO-held", "holder_accuracy"): 0.97,
              ("russia", "stance_macro_f1"): 0.76},
    # dev73 (long agency reports) 0.929 / 0.969; dev74 (membership in the news) 0.930 / 0.933,
    # membership 0.639; dev75 (Moscow's, Baku's and Yerevan's voices) 0.937 / 0.919, russia
    # 0.753; dev76 (regional interviews) 0.937 / 0.930
    "dev73": {("all", "holder_accuracy"): 0.91, ("NATO-held", "holder_accuracy"): 0.95},
    "dev74": {("all", "holder_accuracy"): 0.91, ("NATO-held", "holder_accuracy"): 0.91,
              ("membership", "stance_macro_f1"): 0.62},
    "dev75": {("all", "holder_accuracy"): 0.92, ("NATO-held", "holder_accuracy"): 0.90,
              ("russia", "stance_macro_f1"): 0.73},
    "dev76": {("all", "holder_accuracy"): 0.92, ("NATO-held", "holder_accuracy"): 0.91},
    # dev77 (interviews whose guest is named in one place) 0.765 / 0.511; dev78 (membership in
    # narration) 0.871 / 0.846; dev79 (Karabakh in fresh wording) 0.901 / 0.984; dev80 (the
    # region's agencies) 0.911 / 0.889
    "dev77": {("all", "holder_accuracy"): 0.85, ("NATO-held", "holder_accuracy"): 0.49},
    "dev78": {("all", "holder_accuracy"): 0.89, ("NATO-held", "holder_accuracy"): 0.86},  # 0.916 / 0.892 since the 23rd session
    "dev79": {("all", "holder_accuracy"): 0.88, ("NATO-held", "holder_accuracy"): 0.96},
    "dev80": {("all", "holder_accuracy"): 0.89, ("NATO-held", "holder_accuracy"): 0.87},
    # Twenty-third session, in-sample on its final tree (holder / NATO-held): dev81 (interviews
    # whose guest is named only in passing) 0.776 / 0.933; dev82 (membership in fresh wording)
    # 0.921 / 0.896; dev83 (Russia in fresh wording) 0.936 / 0.939; dev84 (many voices in one
    # report) 0.941 / 0.982; dev85 (background beside positions) 0.906 / 0.955; dev86 (interviews
    # whose guest is hard to place) 0.908 / 0.906; dev87 (membership in official speech) 0.929 /
    # 0.965
    "dev81": {("all", "holder_accuracy"): 0.80, ("NATO-held", "holder_accuracy"): 0.90},
    "dev82": {("all", "holder_accuracy"): 0.90, ("NATO-held", "holder_accuracy"): 0.87},
    "dev83": {("all", "holder_accuracy"): 0.91, ("NATO-held", "holder_accuracy"): 0.91},
    "dev84": {("all", "holder_accuracy"): 0.92, ("NATO-held", "holder_accuracy"): 0.96},
    "dev85": {("all", "holder_accuracy"): 0.88, ("NATO-held", "holder_accuracy"): 0.93},
    "dev86": {("all", "holder_accuracy"): 0.93, ("NATO-held", "holder_accuracy"): 0.88},
    "dev87": {("all", "holder_accuracy"): 0.90, ("NATO-held", "holder_accuracy"): 0.94},
    # dev88 (interviews whose guest the reader must infer; 0.602 on arrival) 0.778 / 0.833 after the
    # twenty-third session's last rules, 0.831 / 0.867 after the twenty-fourth's; dev89 (membership
    # and Karabakh in interviews and speeches) 0.919 / 0.913 on arrival, 0.946 / 0.978 after the
    # twenty-fifth session's
    "dev88": {("all", "holder_accuracy"): 0.84, ("NATO-held", "holder_accuracy"): 0.84},
    "dev89": {("all", "holder_accuracy"): 0.92, ("NATO-held", "holder_accuracy"): 0.95},
    # Twenty-fourth session, in-sample on its final tree (holder / NATO-held; on arrival in
    # brackets): dev90 (the held-out briefs' mix) 0.959 / 0.975 (0.935); dev91 (membership in
    # fresh wording) 0.958 / 0.982 (0.933); dev92 (interviews whose guest is placed in one place
    # only) 0.948 / 0.966 (0.694); dev93 (unusual attribution forms) 0.846 / 0.862 (0.757); dev94
    # (membership in hard wordings) 0.931 / 0.949 (0.838); dev95 (interviews whose guest's side is
    # given indirectly) 0.881 / 1.000 (0.876)
    "dev90": {("all", "holder_accuracy"): 0.93, ("NATO-held", "holder_accuracy"): 0.95},
    "dev91": {("all", "holder_accuracy"): 0.93, ("NATO-held", "holder_accuracy"): 0.95},
    "dev92": {("all", "holder_accuracy"): 0.92, ("NATO-held", "holder_accuracy"): 0.94},
    "dev93": {("all", "holder_accuracy"): 0.83, ("NATO-held", "holder_accuracy"): 0.85},
    "dev94": {("all", "holder_accuracy"): 0.90, ("NATO-held", "holder_accuracy"): 0.92},
    "dev95": {("all", "holder_accuracy"): 0.93, ("NATO-held", "holder_accuracy"): 0.97},
    # Twenty-fifth session, in-sample on its final rules (holder / NATO-held; on arrival in
    # brackets): dev96 (house styles: a live blog, a digest, translated agency copy) 0.911 / 0.906
    # (0.850); dev97 (Russia and membership in every text) 0.947 / 0.940 (0.923); dev98 (interviews
    # whose guest is placed indirectly) 0.915 / 0.939 (0.883); dev99 (membership in fresh wordings)
    # 0.993 / 1.000 (0.993); dev100 (regional agencies' translated copy) 0.959 / 0.973 (0.959);
    # dev101 (many sources per story) 0.899 / 0.838 (0.857); dev102 (long features) 0.815 / 0.938
    # (0.700); dev103 (wire copy of many agencies) 0.968 / 0.973 (0.955)
    "dev96": {("all", "holder_accuracy"): 0.89, ("NATO-held", "holder_accuracy"): 0.88},
    "dev97": {("all", "holder_accuracy"): 0.92, ("NATO-held", "holder_accuracy"): 0.92},
    "dev98": {("all", "holder_accuracy"): 0.94, ("NATO-held", "holder_accuracy"): 0.91},
    "dev99": {("all", "holder_accuracy"): 0.97, ("NATO-held", "holder_accuracy"): 0.97},
    "dev100": {("all", "holder_accuracy"): 0.93, ("NATO-held", "holder_accuracy"): 0.95},
    "dev101": {("all", "holder_accuracy"): 0.87, ("NATO-held", "holder_accuracy"): 0.81},
    "dev102": {("all", "holder_accuracy"): 0.85, ("NATO-held", "holder_accuracy"): 0.91},
    "dev103": {("all", "holder_accuracy"): 0.94, ("NATO-held", "holder_accuracy"): 0.95},
    # Twenty-sixth session, in-sample on its final rules (holder / NATO-held; on arrival in
    # brackets): dev104 (interviews whose guest's side shows only in "we", the questions or the
    # headline) 0.950 / 0.958 (0.678); dev105 (features, analyses, translated passives, readouts, a
    # live blog) 0.855 / 0.927 (0.734); dev106 (interviews whose guest is placed indirectly) 0.911 /
    # 0.900 (0.771); dev107 (membership and Russia in many wordings) 0.954 / 0.891 (0.954); dev108
    # (reported speech without quotation marks) 0.937 / 0.909 (0.921); dev109 (features, op-eds, a
    # speech) 0.904 / 0.961 (0.720). Raised on the same rules: dev77 0.879, dev81 0.829, dev86
    # 0.958, dev88 0.868, dev95 0.963, dev98 0.967, dev102 0.872 (holder).
    "dev104": {("all", "holder_accuracy"): 0.92, ("NATO-held", "holder_accuracy"): 0.93},
    "dev105": {("all", "holder_accuracy"): 0.84, ("NATO-held", "holder_accuracy"): 0.90},
    "dev106": {("all", "holder_accuracy"): 0.88, ("NATO-held", "holder_accuracy"): 0.87},
    "dev107": {("all", "holder_accuracy"): 0.93, ("NATO-held", "holder_accuracy"): 0.86},
    "dev108": {("all", "holder_accuracy"): 0.91, ("NATO-held", "holder_accuracy"): 0.88},
    "dev109": {("all", "holder_accuracy"): 0.88, ("NATO-held", "holder_accuracy"): 0.93},
    # Twenty-seventh session, in-sample on its final rules (holder / NATO-held; on arrival in
    # brackets): dev110 (membership in varied wordings) 0.985 / 1.000 (0.985); dev111 (interviews
    # whose guest is placed only indirectly) 0.860 / 0.964 (0.775); dev112 (features whose
    # protagonists return by surname) 0.817 / 0.895 (0.715); dev113 (translated wire style) 0.968 /
    # 0.981 (0.968); dev114 (several officials per article) 0.933 / 0.923 (0.933); dev115
    # (interviews placed by words, questions or headline) 0.868 / 0.977 (0.808); dev116 (press
    # conferences, live blogs, round-ups, flashes) 0.973 / 0.969 (0.874); dev117 (Russia in agency
    # copy) 0.979 / 1.000 (0.951). Raised on the same rules: dev42 0.825, dev43 0.909, dev45 0.951,
    # dev105 0.867 (holder).
    "dev110": {("all", "holder_accuracy"): 0.95, ("NATO-held", "holder_accuracy"): 0.97},
    "dev111": {("all", "holder_accuracy"): 0.83, ("NATO-held", "holder_accuracy"): 0.93},
    "dev112": {("all", "holder_accuracy"): 0.79, ("NATO-held", "holder_accuracy"): 0.86},
    "dev113": {("all", "holder_accuracy"): 0.94, ("NATO-held", "holder_accuracy"): 0.95},
    "dev114": {("all", "holder_accuracy"): 0.90, ("NATO-held", "holder_accuracy"): 0.89},
    "dev115": {("all", "holder_accuracy"): 0.84, ("NATO-held", "holder_accuracy"): 0.94},
    "dev116": {("all", "holder_accuracy"): 0.94, ("NATO-held", "holder_accuracy"): 0.94},
    "dev117": {("all", "holder_accuracy"): 0.95, ("NATO-held", "holder_accuracy"): 0.97},
}


@pytest.mark.parametrize("part", sorted(NEWS_FLOORS))
def test_news_articles_agree_with_their_hand_codes(part):
    from corpus_lib.corpus import load_corpus
    from corpus_lib.evaluation.articles import evaluate_articles, load_article_gold

    report = evaluate_articles(load_corpus(NEWS / part), load_article_gold(NEWS / f"{part}_gold.csv"), n_resamples=0)
    values = {(r.group, r.metric): r.value for r in report.table.itertuples()}
    low = {key: round(values[key], 3) for key, floor in NEWS_FLOORS[part].items() if values[key] < floor}
    assert not low, f"{part}: below the floors {low}"
