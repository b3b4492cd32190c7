"""Agreement between coders, adjudication into gold, and the machine against that gold, weighted by the design."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from corpus_lib.evaluation.adjudication import adjudicate
from corpus_lib.evaluation.agreement import coder_agreement, disagreements
from corpus_lib.evaluation.codes import codes_from_gold, codes_path, empty_code, read_all_codes, write_codes
from corpus_lib.evaluation.gold import GOLD_COLUMNS, load_gold
from corpus_lib.evaluation.metrics import krippendorff_alpha, krippendorff_alpha_nominal
from corpus_lib.evaluation.sampling import sample_for_coding
from corpus_lib.evaluation.weighted import TABLE_COLUMNS, machine_vs_gold, validation_table
from corpus_lib.paths import ANNOTATIONS_DIR
from corpus_lib.vocab import TOPICS

# Krippendorff's reliability data matrix with missing values: 4 observers (rows) code 12
# units (columns); unit 12 has a single value and is not pairable. Krippendorff (2011),
# "Computing Krippendorff's Alpha-Reliability", and Content Analysis, ch. 12: alpha is .743
# nominal, .815 ordinal, .849 interval, .797 ratio.
_ = None
KRIPPENDORFF = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]


@pytest.mark.parametrize(("level", "published"), [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849),
                                                  ("ratio", 0.797)])
def test_alpha_reproduces_krippendorffs_worked_example(level, published):
    assert round(krippendorff_alpha(KRIPPENDORFF, level=level), 3) == published


def test_alpha_takes_any_layout_of_missing_values_and_labels():
    assert krippendorff_alpha(KRIPPENDORFF) == pytest.approx(1 - 312 / 1216)
    assert krippendorff_alpha(KRIPPENDORFF) == pytest.approx(krippendorff_alpha_nominal(*KRIPPENDORFF))
    as_text = [[None if v is None else f"label {v}" for v in row] for row in KRIPPENDORFF]
    assert krippendorff_alpha(as_text) == pytest.approx(krippendorff_alpha(KRIPPENDORFF))
    with_nan = pd.DataFrame(KRIPPENDORFF, dtype=float)
    assert krippendorff_alpha(with_nan, level="interval") == pytest.approx(krippendorff_alpha(KRIPPENDORFF, level="interval"))
    assert krippendorff_alpha([["a", "a"], ["a", "a"]]) == 1.0  # one value only: no expected disagreement
    assert krippendorff_alpha([[1, 2], [2, 1]]) < 0  # systematic disagreement


@pytest.mark.parametrize(
    ("data", "options", "message"),
    [([["a", None], [None, "b"]], {}, "two or more coders"), ([["a"]], {"level": "square"}, "level"),
     ([["a", "b"], ["a", "b"]], {"level": "interval"}, "numbers"), ([1, 2, 3], {}, "coders x units")],
)
def test_alpha_refuses_what_it_cannot_measure(data, options, message):
    with pytest.raises(ValueError, match=message):
        krippendorff_alpha(data, **options)


# --- a sample coded by two invented coders ---------------------------------------------

DOCS = {"doc-a": "2010-05-01", "doc-b": "2015-05-01", "doc-c": "2020-05-01", "doc-d": "2022-05-01"}


def small_corpus() -> SimpleNamespace:
    statements, stances = [], []
    for doc_id, date in DOCS.items():
        for seq in range(1, 6):
            sid = f"{doc_id}.{seq:04d}"
            statements.append({"statement_id": sid, "doc_id": doc_id, "seq": seq, "turn": 1, "speaker": "X",
                               "holder": "NATO" if seq % 2 else "media", "text": f"Invented sentence {seq} in {doc_id}.",
                               "date": pd.Timestamp(date)})
            if seq <= 3:
                stances.append({"statement_id": sid, "topic": "russia", "stance": "adversarial" if seq == 1 else "neutral"})
            if seq == 2:
                stances.append({"statement_id": sid, "topic": "karabakh", "stance": "engaged"})
    return SimpleNamespace(statements=pd.DataFrame(statements), stances=pd.DataFrame(stances))


def code(sid, coder, holder="NATO", unsure=False, note="", **topics):
    return {**empty_code(sid, coder), "holder": holder, **topics, "unsure": unsure, "note": note, "done": True}


@pytest.fixture
def coded(tmp_path):
    """A census of the small corpus (20 statements), coded by A and B; they differ on three fields."""
    corpus = small_corpus()
    sample = sample_for_coding(corpus, 100, out=tmp_path, name="sheet")
    ids = sample.sheet["statement_id"].tolist()
    machine = {(s, t): v for s, t, v in corpus.stances[["statement_id", "topic", "stance"]].itertuples(index=False)}
    holder = dict(zip(corpus.statements["statement_id"], corpus.statements["holder"]))
    rows = {"A": [], "B": []}
    for sid in ids:
        topics = {t: machine.get((sid, t), "") for t in TOPICS}
        rows["A"].append(code(sid, "A", holder[sid], **topics))
        rows["B"].append(code(sid, "B", holder[sid], **topics))
    b = {r["statement_id"]: r for r in rows["B"]}
    b["doc-a.0001"]["russia"] = "neutral"  # stance differs
    b["doc-b.0004"]["membership"] = "open"  # B sees a topic A does not
    b["doc-c.0005"]["holder"] = "EU"  # holder differs
    rows["A"][ids.index("doc-d.0002")]["unsure"] = True
    rows["A"][ids.index("doc-d.0002")]["note"] = "is this engaged?"
    for coder, coder_rows in rows.items():
        write_codes(codes_path(sample.sheet_path, coder), pd.DataFrame(coder_rows), order=ids)
    return SimpleNamespace(corpus=corpus, sample=sample, ids=ids)


def test_alpha_per_variable_matches_the_reliability_matrix(coded):
    result = coder_agreement(coded.sample, n_resamples=200)
    alpha = result.alpha.set_index(["variable", "topic"])
    assert result.coders == ("A", "B")
    a = read_all_codes(coded.sample.sheet_path)
    by = {c: a.loc[a["coder"] == c].set_index("statement_id").loc[coded.ids] for c in ("A", "B")}
    expected_holder = krippendorff_alpha([by["A"]["holder"].tolist(), by["B"]["holder"].tolist()])
    assert alpha.loc[("holder", ""), "alpha"] == pytest.approx(expected_holder)
    presence = [[("yes" if v else "no") for v in by[c]["membership"]] for c in ("A", "B")]
    assert alpha.loc[("topic", "membership"), "alpha"] == pytest.approx(krippendorff_alpha(presence))
    assert alpha.loc[("topic", "russia"), "alpha"] == 1.0
    # russia's stance: over the 12 statements both put under russia; one differs
    assert alpha.loc[("stance", "russia"), "n_units"] == 12
    assert alpha.loc[("stance", "russia"), "alpha"] < 1.0
    assert alpha.loc[("stance", "membership"), "n_units"] == 0 and np.isnan(alpha.loc[("stance", "membership"), "alpha"])
    assert alpha.loc[("holder", ""), "n_documents"] == 4


def test_the_bootstrap_resamples_documents_and_is_seeded(coded):
    first = coder_agreement(coded.sample, n_resamples=300, seed=7).alpha
    again = coder_agreement(coded.sample, n_resamples=300, seed=7).alpha
    pd.testing.assert_frame_equal(first, again)
    row = first.set_index(["variable", "topic"]).loc[("stance", "russia")]
    assert row["ci_low"] <= row["alpha"] <= row["ci_high"]
    assert row["ci_low"] < row["ci_high"]  # one document holds the disagreement: resamples without it agree
    assert row["ci_high"] == 1.0


def test_the_disagreements_are_listed(coded):
    result = coder_agreement(coded.sample, n_resamples=50)
    table = result.disagreements
    assert table[["statement_id", "field", "A", "B"]].to_numpy().tolist() == [
        ["doc-a.0001", "russia", "adversarial", "neutral"],
        ["doc-b.0004", "membership", "none", "open"],
        ["doc-c.0005", "holder", "NATO", "EU"],
    ]
    assert "3" in result.message and "disagreements" in result.message


def test_the_machine_takes_part_as_a_coder(coded):
    result = coder_agreement(coded.sample, machine=coded.corpus, n_resamples=50)
    groups = result.alpha.groupby("coders").size()
    assert list(groups.index) == ["A, B", "A, B, machine"]
    holder = result.alpha.set_index(["coders", "variable", "topic"]).loc[("A, B, machine", "holder", "")]
    assert holder["n_units"] == 20


def test_one_coder_alone_has_nothing_to_agree_with(coded):
    codes_path(coded.sample.sheet_path, "B").unlink()
    result = coder_agreement(coded.sample, n_resamples=20)
    assert result.alpha.empty and "needs a second coder" in result.message
    assert disagreements(read_all_codes(coded.sample.sheet_path), coded.sample.sheet).empty


def test_adjudication_lists_what_is_open_and_settles_the_rest(coded):
    result = adjudicate(coded.sample)
    open_rows = result.open.set_index(["statement_id", "field"])
    assert set(open_rows.index) == {("doc-a.0001", "russia"), ("doc-b.0004", "membership"), ("doc-c.0005", "holder")}
    assert open_rows.loc[("doc-a.0001", "russia"), "values"] == "A: adversarial; B: neutral"
    assert set(result.settled) == set(coded.ids) - {"doc-a.0001", "doc-b.0004", "doc-c.0005"}
    sheet = pd.read_csv(result.adjudication_path, dtype=str, keep_default_na=False)
    unsure = sheet.loc[sheet["reason"] == "unsure"]
    assert set(unsure["statement_id"]) == {"doc-d.0002"} and (unsure["decision"] != "").all()  # prefilled
    gold = load_gold(result.gold_path)  # what corpus-lib evaluate --gold reads
    assert list(gold.columns) == list(GOLD_COLUMNS)
    assert "doc-a.0001" not in set(gold["statement_id"])
    assert gold.loc[gold["statement_id"] == "doc-d.0002", "rationale"].tolist() == ["A: is this engaged?"] * 2


def test_decisions_settle_the_rest_and_are_kept_between_runs(coded):
    first = adjudicate(coded.sample)
    sheet = pd.read_csv(first.adjudication_path, dtype=str, keep_default_na=False)
    decide = {("doc-a.0001", "russia"): "adversarial", ("doc-b.0004", "membership"): "none",
              ("doc-c.0005", "holder"): "NATO"}
    for (sid, name), value in decide.items():
        hit = (sheet["statement_id"] == sid) & (sheet["field"] == name)
        sheet.loc[hit, "decision"] = value
        sheet.loc[hit, "comment"] = f"decided {value}"
    sheet.to_csv(first.adjudication_path, index=False)
    second = adjudicate(coded.sample)
    assert second.open.empty and set(second.settled) == set(coded.ids)
    kept = pd.read_csv(second.adjudication_path, dtype=str, keep_default_na=False)
    assert set(kept.loc[kept["comment"] != "", "comment"]) == {"decided adversarial", "decided none", "decided NATO"}
    gold = load_gold(second.gold_path)
    assert gold.loc[gold["statement_id"] == "doc-a.0001", "stance"].tolist() == ["adversarial"]
    assert "doc-b.0004" not in set(gold["statement_id"])  # decided: no topic
    third = adjudicate(coded.sample)  # a re-run changes nothing
    pd.testing.assert_frame_equal(third.gold, second.gold)


def test_a_bad_decision_is_refused(coded):
    first = adjudicate(coded.sample)
    sheet = pd.read_csv(first.adjudication_path, dtype=str, keep_default_na=False)
    sheet.loc[sheet["field"] == "russia", "decision"] = "hostile"
    sheet.to_csv(first.adjudication_path, index=False)
    with pytest.raises(ValueError, match="hostile"):
        adjudicate(coded.sample)


def test_a_preferred_coder_settles_what_is_open(coded):
    result = adjudicate(coded.sample, prefer="B", write=False)
    assert set(result.settled) == set(coded.ids) and result.gold_path is None
    assert result.holders["doc-c.0005"] == "EU"


def test_validation_table_is_the_full_grid_of_hand_and_machine_labels():
    gold = pd.DataFrame({"statement_id": ["d.0001", "d.0002"], "doc_id": ["d", "d"], "topic": ["russia", "karabakh"],
                         "stance": ["neutral", "engaged"], "holder": ["NATO", "NATO"]})
    machine = pd.DataFrame({"statement_id": ["d.0001", "e.0001"], "topic": ["russia", "membership"],
                            "stance": ["adversarial", "open"]})
    table = validation_table(machine, gold, statements=["d.0001", "d.0002", "e.0001"])
    assert list(table.columns) == list(TABLE_COLUMNS)
    assert len(table) == 3 * len(TOPICS) and not table.duplicated(["statement_id", "topic"]).any()
    rows = {(r.statement_id, r.topic): (r.doc_id, r.hand, r.machine) for r in table.itertuples()}
    assert rows[("d.0001", "russia")] == ("d", "neutral", "adversarial")
    assert rows[("d.0002", "karabakh")] == ("d", "engaged", "none")
    assert rows[("e.0001", "membership")] == ("e", "none", "open")
    assert rows[("e.0001", "karabakh")] == ("e", "none", "none")
    assert set(validation_table(machine, gold)["statement_id"]) == {"d.0001", "d.0002"}  # gold's statements


def test_the_machine_against_the_gold_weighted_by_the_design(coded):
    codes_path(coded.sample.sheet_path, "B").unlink()  # A alone: everything settles
    result = machine_vs_gold(coded.corpus, adjudicate(coded.sample), n_resamples=100)
    assert result.ok and result.report.n_statements == 20
    # a census: every weight is 1, so the weighted matrix counts statements
    russia = result.confusion["russia"]
    assert russia.to_numpy().sum() == pytest.approx(20)
    assert russia.loc["adversarial", "adversarial"] == 4 and russia.loc["none", "none"] == 8
    weighted = result.weighted.set_index(["topic", "metric"])
    assert weighted.loc[("russia", "joint_accuracy"), "value"] == 1.0
    assert weighted.loc[("all", "holder_accuracy"), "value"] == 1.0
    assert set(result.table.columns) == {*TABLE_COLUMNS, "weight"}


def test_weights_of_a_stratified_sample_stand_for_the_strata(tmp_path):
    corpus = small_corpus()
    sample = sample_for_coding(corpus, 8, out=tmp_path, name="sheet", by=("period",), include_uncoded=None)
    ids = sample.sheet["statement_id"].tolist()
    rows = [code(sid, "A") for sid in ids[:-1]]  # the last statement is not coded yet
    write_codes(codes_path(sample.sheet_path, "A"), pd.DataFrame(rows), order=ids)
    result = machine_vs_gold(corpus, adjudicate(sample), n_resamples=20)
    weights = result.table.drop_duplicates("statement_id").set_index("statement_id")["weight"]
    stratum = sample.weights.set_index("statement_id")["stratum"]
    population = sample.design.set_index("stratum")["population"]
    for name, group in weights.groupby(stratum.reindex(weights.index)):
        assert group.sum() == pytest.approx(population[name])  # the settled statements stand for the whole stratum
    assert weights.sum() == pytest.approx(20)
    assert result.confusion["russia"].to_numpy().sum() == pytest.approx(20)


def test_nothing_settled_is_said_not_computed(tmp_path):
    sample = sample_for_coding(small_corpus(), 5, out=tmp_path, name="sheet")
    result = machine_vs_gold(small_corpus(), adjudicate(sample))
    assert not result.ok and "No hand-coded statement" in result.message
    assert result.weighted.empty and result.metrics.empty and result.confusion_table.empty


def test_the_seed_gold_stands_in_for_a_coder(seed_corpus, tmp_path):
    sample = sample_for_coding(seed_corpus, 30, out=tmp_path, name="sheet")
    stand_in = codes_from_gold(sample, ANNOTATIONS_DIR / "seeds.csv", coder="seeds")
    assert stand_in.n_coded == 30 and "30" in stand_in.message
    again = codes_from_gold(sample, ANNOTATIONS_DIR / "seeds.csv", coder="seeds")  # a re-run: same file
    assert again.n_coded == 30
    gold = load_gold(ANNOTATIONS_DIR / "seeds.csv")
    codes = read_all_codes(sample.sheet_path).set_index("statement_id")
    for row in gold.loc[gold["statement_id"].isin(codes.index)].itertuples():
        assert codes.at[row.statement_id, row.topic] == row.stance
    path = codes_path(sample.sheet_path, "seeds")
    path.write_text(path.read_text(encoding="utf-8").replace("True", "False"), encoding="utf-8")
    with pytest.raises(FileExistsError, match="not overwriting"):
        codes_from_gold(sample, ANNOTATIONS_DIR / "seeds.csv", coder="seeds")


def test_a_gold_file_of_other_documents_codes_nothing(tmp_path):
    sample = sample_for_coding(small_corpus(), 5, out=tmp_path, name="sheet")
    stand_in = codes_from_gold(sample, ANNOTATIONS_DIR / "seeds.csv", coder="seeds")
    assert stand_in.n_coded == 0 and "covers no document" in stand_in.message
    assert not codes_path(sample.sheet_path, "seeds").exists()
