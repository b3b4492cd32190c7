"""Tests for corpus_lib.evaluation.evaluate on tiny hand-made frames with hand-computed numbers."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from corpus_lib.evaluation.evaluate import (
    GOLD_COLUMNS,
    STANCE_LABELS,
    STATEMENT_COLUMNS,
    TOPICS,
    UNSEEN_COLUMNS,
    EvaluationReport,
    evaluate,
    evaluate_unseen,
    load_gold,
    load_unseen,
    unseen_statements,
)

DATA = Path(__file__).parent / "data"
N_RESAMPLES = 100

# Six statements. Automatic holder of d.0002 is wrong (gold says NATO).
STATEMENTS = pd.DataFrame(
    {
        "statement_id": [f"d.000{i}" for i in range(1, 7)],
        "doc_id": ["d"] * 6,
        "holder": ["NATO", "media", "media", "Azerbaijan", "NATO", "media"],
        "text": [f"Sentence {i}." for i in range(1, 7)],
    }
)
GOLD = pd.DataFrame(
    [
        ("d.0001", "d", "Sentence 1.", "NATO", "karabakh", "engaged", ""),
        ("d.0001", "d", "Sentence 1.", "NATO", "russia", "cooperative", ""),
        ("d.0002", "d", "Sentence 2.", "NATO", "karabakh", "detached", ""),
        ("d.0003", "d", "Sentence 3.", "media", "karabakh", "neutral", ""),
        ("d.0004", "d", "Sentence 4.", "Azerbaijan", "karabakh", "engaged", ""),
    ],
    columns=list(GOLD_COLUMNS),
)
STANCES = pd.DataFrame(
    [
        ("d.0001", "karabakh", "engaged", "NATO"),
        ("d.0001", "russia", "cooperative", "NATO"),
        ("d.0002", "karabakh", "engaged", "media"),
        ("d.0003", "karabakh", "neutral", "media"),
        ("d.0003", "russia", "neutral", "media"),
        ("d.0005", "karabakh", "detached", "NATO"),
    ],
    columns=["statement_id", "topic", "stance", "holder"],
)

# Hand computation (labels per statement d.0001 .. d.0006, "none" = untouched):
#
# karabakh  gold: engaged detached neutral engaged none     none
#           auto: engaged engaged  neutral none    detached none
#   detection: tp = 3 (1,2,3), fp = 1 (5), fn = 1 (4) -> P = R = F1 = 3/4
#   both touched = {1,2,3}: gold (e, d, n), auto (e, e, n)
#     macro-F1 over engaged/detached: engaged tp1 fp1 fn0 -> 2/3; detached tp0 -> 0; mean 1/3
#     kappa: p_o = 2/3; p_e = 1/3*2/3 (e) + 1/3*0 (d) + 1/3*1/3 (n) = 1/3 -> (1/3)/(2/3) = 1/2
#     alpha: o_ee = 2, o_nn = 2, o_de = o_ed = 1; n_e 3, n_d 1, n_n 2, n = 6
#            1 - 5 * 2 / (36 - 14) = 12/22 = 6/11
#   joint (all six, "none" a label):
#     macro-F1: engaged tp1 fp1 fn1 -> 1/2; detached tp0 -> 0; mean 1/4
#     kappa: p_o = 3/6 (1, 3, 6); margins gold (e2 d1 n1 none2) = auto -> p_e = 10/36
#            (18/36 - 10/36) / (26/36) = 8/26 = 4/13
#     alpha: o_ee 2, o_nn 2, o_none,none 2; off-diagonal pairs (d,e), (e,none), (none,d)
#            contribute 6; n_e 4, n_d 2, n_n 2, n_none 4, n = 12, sum n_c^2 = 40
#            1 - 11 * 6 / (144 - 40) = 38/104 = 19/52
#
# russia    gold: cooperative none none    none none none
#           auto: cooperative none neutral none none none
#   detection: tp 1, fp 1 -> P 1/2, R 1, F1 2/3
#   both touched = {1}: macro-F1 = (1 + 0) / 2 = 1/2 (adversarial absent: 0/0 -> 0)
#     kappa = alpha = 1 (one label, perfect agreement)
#   joint: macro-F1 1/2; kappa p_o = 5/6, p_e = (1*1 + 5*4)/36 = 21/36 -> (9/36)/(15/36) = 3/5
#     alpha: o_cc 2, o_none,none 8, (none, neutral) 2 off; n_c 2, 9, 1; n = 12, sum sq = 86
#            1 - 11 * 2 / (144 - 86) = 36/58 = 18/29
#
# membership: touched nowhere -> P = R = F1 = 0 (0/0), stance figures NaN with n = 0,
#   joint macro-F1 0 (all labels absent), joint kappa = alpha = 1 (single label "none")
#
# holder: gold rows 5, correct 4 (d.0002 wrong) -> 4/5; NATO gold rows 3, correct 2 -> 2/3
EXPECTED = {
    ("karabakh", "topic_precision"): (0.75, 6),
    ("karabakh", "topic_recall"): (0.75, 6),
    ("karabakh", "topic_f1"): (0.75, 6),
    ("karabakh", "stance_macro_f1"): (1 / 3, 3),
    ("karabakh", "stance_kappa"): (0.5, 3),
    ("karabakh", "stance_alpha"): (6 / 11, 3),
    ("karabakh", "joint_macro_f1"): (0.25, 6),
    ("karabakh", "joint_kappa"): (4 / 13, 6),
    ("karabakh", "joint_alpha"): (19 / 52, 6),
    ("russia", "topic_precision"): (0.5, 6),
    ("russia", "topic_recall"): (1.0, 6),
    ("russia", "topic_f1"): (2 / 3, 6),
    ("russia", "stance_macro_f1"): (0.5, 1),
    ("russia", "stance_kappa"): (1.0, 1),
    ("russia", "stance_alpha"): (1.0, 1),
    ("russia", "joint_macro_f1"): (0.5, 6),
    ("russia", "joint_kappa"): (0.6, 6),
    ("russia", "joint_alpha"): (18 / 29, 6),
    ("membership", "topic_precision"): (0.0, 6),
    ("membership", "topic_recall"): (0.0, 6),
    ("membership", "topic_f1"): (0.0, 6),
    ("membership", "stance_macro_f1"): (math.nan, 0),
    ("membership", "stance_kappa"): (math.nan, 0),
    ("membership", "stance_alpha"): (math.nan, 0),
    ("membership", "joint_macro_f1"): (0.0, 6),
    ("membership", "joint_kappa"): (1.0, 6),
    ("membership", "joint_alpha"): (1.0, 6),
    ("all", "holder_accuracy"): (0.8, 5),
    ("all", "holder_accuracy_nato"): (2 / 3, 3),
}


@pytest.fixture(scope="module")
def report() -> EvaluationReport:
    return evaluate(STANCES, GOLD, statements=STATEMENTS, n_resamples=N_RESAMPLES, seed=3)


def test_evaluate_hand_computed_values(report):
    frame = report.to_frame()
    assert list(frame.columns) == ["topic", "metric", "value", "ci_low", "ci_high", "n"]
    got = {(r.topic, r.metric): (r.value, r.n) for r in frame.itertuples()}
    assert set(got) == set(EXPECTED)
    for key, (value, n) in EXPECTED.items():
        assert got[key][1] == n, key
        if math.isnan(value):
            assert math.isnan(got[key][0]), key
        else:
            assert got[key][0] == pytest.approx(value), key
    assert report.n_statements == 6
    assert list(frame["topic"].unique()) == [*TOPICS, "all"]


def test_evaluate_intervals(report):
    frame = report.to_frame()
    defined = frame[frame["value"].notna()]
    assert (defined["ci_low"] <= defined["ci_high"]).all()
    assert defined["ci_low"].between(-1, 1).all() and defined["ci_high"].between(-1, 1).all()
    undefined = frame[frame["value"].isna()]
    assert undefined["ci_low"].isna().all() and undefined["ci_high"].isna().all()
    # precision of karabakh detection: every resample has values in [0, 1]
    row = frame[(frame["topic"] == "karabakh") & (frame["metric"] == "topic_precision")].iloc[0]
    assert 0.0 <= row.ci_low <= row.ci_high <= 1.0


def test_evaluate_confusion_matrices(report):
    kar = report.confusion["karabakh"]
    assert list(kar.index) == list(STANCE_LABELS["karabakh"]) == list(kar.columns)
    assert kar.to_numpy().tolist() == [[1, 0, 0], [1, 0, 0], [0, 0, 1]]
    joint = report.confusion_joint["karabakh"]
    assert list(joint.columns) == ["engaged", "detached", "neutral", "none"]
    assert joint.to_numpy().tolist() == [
        [1, 0, 0, 1],
        [1, 0, 0, 0],
        [0, 0, 1, 0],
        [0, 1, 0, 1],
    ]
    assert int(report.confusion["membership"].to_numpy().sum()) == 0
    assert set(report.confusion) == set(TOPICS)


def test_evaluate_is_deterministic_and_does_not_mutate():
    copies = [STANCES.copy(), GOLD.copy(), STATEMENTS.copy()]
    first = evaluate(copies[0], copies[1], statements=copies[2], n_resamples=N_RESAMPLES)
    pd.testing.assert_frame_equal(copies[0], STANCES)
    pd.testing.assert_frame_equal(copies[1], GOLD)
    pd.testing.assert_frame_equal(copies[2], STATEMENTS)
    # row order of the inputs does not matter
    shuffled = evaluate(
        STANCES.iloc[::-1], GOLD.iloc[::-1], statements=STATEMENTS.iloc[::-1],
        n_resamples=N_RESAMPLES,
    )
    assert first.to_json() == shuffled.to_json()
    other_seed = evaluate(STANCES, GOLD, statements=STATEMENTS, n_resamples=N_RESAMPLES, seed=1)
    assert other_seed.to_json() != first.to_json()


def test_report_json_and_text(report):
    text = report.to_json()
    payload = json.loads(text)
    assert list(payload) == sorted(payload)
    assert payload["n_statements"] == 6 and payload["n_resamples"] == N_RESAMPLES
    kappa = next(
        m for m in payload["metrics"] if (m["topic"], m["metric"]) == ("karabakh", "joint_kappa")
    )
    assert kappa["value"] == 0.3077  # 4/13 rounded to 4 decimals
    assert list(kappa) == sorted(kappa)
    missing = next(
        m for m in payload["metrics"]
        if (m["topic"], m["metric"]) == ("membership", "stance_kappa")
    )
    assert missing["value"] is None and missing["n"] == 0
    assert payload["confusion"]["karabakh"]["matrix"] == [[1, 0, 0], [1, 0, 0], [0, 0, 1]]
    rendered = str(report)
    assert "karabakh   stance_kappa" in rendered
    assert "  0.500  " in rendered
    assert "holder_accuracy_nato" in rendered
    widths = {len(line) for line in rendered.splitlines()[3:32]}
    assert len(widths) == 1  # fixed-width rows


@pytest.mark.parametrize(
    ("stances", "message"),
    [
        (STANCES.assign(stance=["open", *STANCES["stance"].iloc[1:]]), "'open' is not allowed"),
        (STANCES.assign(topic=["ukraine", *STANCES["topic"].iloc[1:]]), "topic 'ukraine'"),
        (STANCES.assign(statement_id=["x.0001", *STANCES["statement_id"].iloc[1:]]),
         "not in statements"),
        (pd.concat([STANCES, STANCES.iloc[:1]]), "duplicate"),
    ],
)
def test_evaluate_rejects_bad_codes(stances, message):
    with pytest.raises(ValueError, match=message):
        evaluate(stances, GOLD, statements=STATEMENTS, n_resamples=10)


def test_evaluate_rejects_empty_statements():
    with pytest.raises(ValueError, match="empty"):
        evaluate(STANCES, GOLD, statements=STATEMENTS.iloc[:0], n_resamples=10)


# --- load_gold ----------------------------------------------------------------------

HEADER = "statement_id,doc_id,text,holder,topic,stance,rationale\n"


def _write(tmp_path: Path, body: str, name: str = "gold.csv") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_load_gold_reads_and_sorts(tmp_path):
    path = _write(
        tmp_path,
        HEADER
        + "d.0002,d,Second.,media,membership,neutral,\n"
        + "d.0001,d,First.,NATO,russia, adversarial ,condemns\n"
        + "d.0001,d,First.,NATO,karabakh,detached,keeps out\n",
    )
    gold = load_gold(path)
    assert list(gold.columns) == list(GOLD_COLUMNS)
    assert gold[["statement_id", "topic", "stance"]].to_numpy().tolist() == [
        ["d.0001", "karabakh", "detached"],
        ["d.0001", "russia", "adversarial"],
        ["d.0002", "membership", "neutral"],
    ]


def test_load_gold_names_file_and_line_of_illegal_label(tmp_path):
    path = _write(
        tmp_path,
        HEADER
        + "d.0001,d,First.,NATO,karabakh,engaged,\n"
        + "d.0002,d,Second.,NATO,russia,cooperative,\n"
        + "d.0003,d,Third.,NATO,karabakh,open,wrong topic for this label\n",
    )
    with pytest.raises(ValueError, match=r"gold\.csv, line 4: stance 'open' is not allowed"):
        load_gold(path)


def test_load_gold_counts_lines_of_multiline_records(tmp_path):
    path = _write(
        tmp_path,
        HEADER
        + 'd.0001,d,"A sentence\nthat spans\nthree lines.",NATO,karabakh,engaged,\n'
        + "d.0002,d,Second.,NATO,russia,hostile,\n",
    )
    with pytest.raises(ValueError, match=r"line 5: stance 'hostile'"):
        load_gold(path)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("statement_id,doc_id,text,holder,topic,stance\n", r"line 1: missing required column"),
        (HEADER + "d.0001,d,A.,NATO,karabakh,engaged,\nd.0001,d,A.,NATO,karabakh,neutral,\n",
         r"line 3: duplicate .* \(first on line 2\)"),
        (HEADER + "d.0001,d,A.,NATO,ukraine,neutral,\n", r"line 2: topic 'ukraine'"),
        (HEADER + "d.0001,d,A.,Kremlin,russia,neutral,\n", r"line 2: holder 'Kremlin'"),
        (HEADER + ",d,A.,NATO,russia,neutral,\n", r"line 2: statement_id is empty"),
        (HEADER + "d.0001,d,A.,NATO,russia\n", r"line 2: expected 7 fields, found 5"),
        ("", r"line 1: the file is empty"),
    ],
)
def test_load_gold_errors(tmp_path, body, message):
    path = _write(tmp_path, body)
    with pytest.raises(ValueError, match=message) as info:
        load_gold(path)
    assert str(path) in str(info.value)


def test_load_gold_round_trip_through_evaluate(tmp_path):
    path = tmp_path / "gold.csv"
    GOLD.to_csv(path, index=False)
    report = evaluate(STANCES, load_gold(path), statements=STATEMENTS, n_resamples=N_RESAMPLES)
    assert report.value("karabakh", "stance_kappa") == pytest.approx(0.5)


# --- unseen -------------------------------------------------------------------------

TINY_UNSEEN = (
    ",".join(UNSEEN_COLUMNS) + "\n"
    "u1,2014,interview,interviewee,NATO,Putin spoke in Munich.,He is a threat to Europe.,,"
    "adversarial,,pronoun\n"
    "u2,2011,news,narrator,NATO,,NATO stays out of the Karabakh talks.,detached,,,\n"
    "u3,2018,interview,interviewer,media,,Is Georgia joining NATO?,,,neutral,question\n"
    "u4,2015,news,narrator,media,,The weather was fine.,,,,\n"
)


class KeywordCoder:
    """A deliberately crude coder, recording what it was given."""

    def __init__(self) -> None:
        self.seen: pd.DataFrame | None = None

    def __call__(self, statements: pd.DataFrame) -> pd.DataFrame:
        self.seen = statements
        rows = []
        for sid, text in zip(statements["statement_id"], statements["text"], strict=True):
            if "Putin" in text:
                rows.append((sid, "russia", "neutral"))
            if "Karabakh" in text:
                rows.append((sid, "karabakh", "detached"))
            if "joining" in text:
                rows.append((sid, "membership", "open"))
            if "weather" in text:
                rows.append((sid, "karabakh", "neutral"))
        return pd.DataFrame(rows, columns=["statement_id", "topic", "stance"])


def test_unseen_statements_frame(tmp_path):
    statements, scored = unseen_statements(load_unseen(_write(tmp_path, TINY_UNSEEN, "u.csv")))
    assert list(statements.columns) == list(STATEMENT_COLUMNS)
    assert statements["statement_id"].tolist() == [
        "unseen-u1.0001", "unseen-u1.0002", "unseen-u2.0001", "unseen-u3.0001", "unseen-u4.0001",
    ]
    assert scored == ["unseen-u1.0002", "unseen-u2.0001", "unseen-u3.0001", "unseen-u4.0001"]
    u1 = statements[statements["doc_id"] == "unseen-u1"]
    assert u1["seq"].tolist() == [1, 2] and u1["turn"].tolist() == [1, 1]
    assert u1["text"].tolist() == ["Putin spoke in Munich.", "He is a threat to Europe."]
    assert statements["is_question"].tolist() == [False, False, False, True, False]
    assert str(statements["date"].iloc[0].date()) == "2014-07-01"
    assert list(statements["holder"].cat.categories) == [
        "NATO", "Azerbaijan", "Armenia", "Russia", "EU", "media", "other",
    ]


def test_evaluate_unseen_hand_computed(tmp_path):
    # Scored: u1 (the context sentence is not), u2, u3, u4.
    # karabakh gold {u2 detached}; auto {u2 detached, u4 neutral}: P 1/2, R 1, F1 2/3;
    #   gold rows {u2}: macro over engaged (0/0 -> 0) and detached (1) = 1/2
    # russia gold {u1 adversarial}; auto only on u1's context sentence, which is not
    #   scored: P 0, R 0, F1 0; gold rows: adversarial predicted none -> macro 0;
    #   both-touched figures undefined (NaN, n 0)
    # membership gold {u3 neutral}; auto {u3 open}: P = R = F1 = 1; gold rows: open is a
    #   false positive, all F1 0 -> macro 0
    coder = KeywordCoder()
    report = evaluate_unseen(coder, _write(tmp_path, TINY_UNSEEN, "u.csv"), n_resamples=50)
    assert report.n_statements == 4
    assert len(coder.seen) == 5 and list(coder.seen.columns) == list(STATEMENT_COLUMNS)
    expected = {
        ("karabakh", "topic_precision"): 0.5,
        ("karabakh", "topic_recall"): 1.0,
        ("karabakh", "topic_f1"): 2 / 3,
        ("karabakh", "stance_macro_f1_gold_rows"): 0.5,
        ("russia", "topic_precision"): 0.0,
        ("russia", "topic_recall"): 0.0,
        ("russia", "stance_macro_f1_gold_rows"): 0.0,
        ("membership", "topic_f1"): 1.0,
        ("membership", "stance_macro_f1_gold_rows"): 0.0,
    }
    for (topic, metric), value in expected.items():
        assert report.value(topic, metric) == pytest.approx(value), (topic, metric)
    assert math.isnan(report.value("russia", "stance_kappa"))
    frame = report.to_frame()
    assert "all" not in set(frame["topic"])  # holders come from the file: not scored
    gold_rows = frame[frame["metric"] == "stance_macro_f1_gold_rows"].set_index("topic")["n"]
    assert gold_rows.to_dict() == {"karabakh": 1, "russia": 1, "membership": 1}


def test_evaluate_unseen_rejects_illegal_coder_output(tmp_path):
    def bad(statements):
        return pd.DataFrame({"statement_id": ["unseen-u2.0001"], "topic": ["karabakh"],
                             "stance": ["adversarial"]})

    with pytest.raises(ValueError, match="'adversarial' is not allowed for topic 'karabakh'"):
        evaluate_unseen(bad, _write(tmp_path, TINY_UNSEEN, "u.csv"), n_resamples=10)


def test_load_unseen_rejects_non_neutral_question(tmp_path):
    body = TINY_UNSEEN.replace(
        "Is Georgia joining NATO?,,,neutral", "Is Georgia joining NATO?,,,open"
    )
    with pytest.raises(ValueError, match=r"u\.csv, line 4: a question is neutral"):
        load_unseen(_write(tmp_path, body, "u.csv"))


# --- the real held-out file -----------------------------------------------------------


@pytest.fixture(scope="module")
def unseen() -> pd.DataFrame:
    return load_unseen(DATA / "unseen.csv")


SENTENCE_FILES = ("unseen.csv", "check3.csv", "dev.csv", "dev2.csv", "dev3.csv")


@pytest.mark.parametrize("name", SENTENCE_FILES)
def test_sentence_file_meets_its_brief(name):
    table = load_unseen(DATA / name)
    assert len(table) >= 70
    assert table["year"].between(2009, 2021).all()
    assert table["text"].is_unique
    for topic, labels in STANCE_LABELS.items():
        counts = table[topic].value_counts()
        for label in labels:
            minimum = 1 if label == "neutral" else 6
            assert counts.get(label, 0) >= minimum, (topic, label)
    touched = (table[list(TOPICS)] != "").sum(axis=1)
    assert (touched == 0).sum() >= 3 and (touched >= 2).sum() >= 5
    questions = table[table["text"].str.endswith("?")]
    assert len(questions) >= 5
    assert (table["context"] != "").sum() >= 5
    for column in ("genre", "speaker_role", "holder"):
        assert table[column].nunique() >= (5 if name == "unseen.csv" else 4), column


def test_sentence_files_share_no_sentence():
    # A held-out file is only held out if none of its sentences is also in a file used for tuning.
    seen: dict[str, str] = {}
    for name in SENTENCE_FILES:
        for text in load_unseen(DATA / name)["text"]:
            key = " ".join(text.lower().split())
            assert key not in seen, f"{name} repeats a sentence of {seen.get(key)}"
            seen[key] = name


def test_evaluate_unseen_with_an_oracle_coder(unseen):
    # A coder that returns the file's own labels must score perfectly: checks the ids,
    # the context handling and the gold built from the topic columns end to end.
    def oracle(statements: pd.DataFrame) -> pd.DataFrame:
        rows = []
        for rec in unseen.to_dict("records"):
            sid = f"unseen-{rec['id']}.{2 if rec['context'] else 1:04d}"
            assert sid in set(statements["statement_id"])
            rows += [(sid, t, rec[t]) for t in TOPICS if rec[t]]
        return pd.DataFrame(rows, columns=["statement_id", "topic", "stance"])

    report = evaluate_unseen(oracle, DATA / "unseen.csv", n_resamples=20)
    frame = report.to_frame().set_index(["topic", "metric"])
    assert report.n_statements == len(unseen)
    for topic in TOPICS:
        for metric in ("topic_f1", "stance_macro_f1_gold_rows", "stance_kappa", "joint_alpha"):
            assert frame.loc[(topic, metric), "value"] == pytest.approx(1.0), (topic, metric)
        counts = unseen[topic].value_counts()
        assert frame.loc[(topic, "stance_macro_f1_gold_rows"), "n"] == counts.drop("").sum()


def test_closed_sets_match_the_schemas():
    # the gold readers check against the codebook's closed sets; guard against drift from the schemas.
    from corpus_lib.evaluation import evaluate as ev
    from corpus_lib.evaluation import gold

    schemas = pytest.importorskip("corpus_lib.pipeline.schemas")
    actors = pytest.importorskip("corpus_lib.pipeline.actors")
    load = pytest.importorskip("corpus_lib.pipeline.load")
    assert ev.TOPICS == gold.TOPICS == tuple(schemas.TOPICS)
    assert gold.SPEAKER_ROLES == tuple(schemas.ROLES)
    assert gold.HOLDERS == tuple(actors.HOLDERS)
    assert gold.GENRES == tuple(load.GENRES)
    assert ev.STANCE_LABELS is gold.STANCE_LABELS
    assert {s for labels in ev.STANCE_LABELS.values() for s in labels} == set(schemas.STANCES)
