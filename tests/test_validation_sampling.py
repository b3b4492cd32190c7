"""Sampling statements to hand-code: reproducible, stratified as asked, blind, and never overwriting a file."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from corpus_lib.evaluation.sampling import (
    DESIGN_COLUMNS,
    SHEET_COLUMNS,
    coding_folder,
    read_sample,
    sample_for_coding,
)
from corpus_lib.vocab import TOPICS

# Invented documents: (doc_id, date, statements); every third statement touches no topic.
DOCS = [
    ("wire-2005-a", "2005-03-01", 24),
    ("wire-2005-b", "2005-11-20", 16),
    ("paper-2012-c", "2012-06-15", 30),
    ("paper-2021-d", "2021-01-09", 20),
    ("radio-2023-e", "2023-04-02", 30),
    ("undated-f", None, 10),
]


def invented_corpus() -> SimpleNamespace:
    """A corpus of invented sentences with machine codes laid out by a fixed pattern."""
    statements, stances = [], []
    for doc_id, date, size in DOCS:
        for seq in range(1, size + 1):
            sid = f"{doc_id}.{seq:04d}"
            text = f"Invented sentence {seq} of {doc_id}."
            if seq == 5:
                text = "=HYPERLINK(\"x\") is how a sentence may start."
            statements.append({"statement_id": sid, "doc_id": doc_id, "seq": seq, "turn": 1,
                               "speaker": f"Speaker {seq % 3}", "holder": "NATO", "text": text,
                               "date": pd.Timestamp(date) if date else pd.NaT})
            if seq % 3:  # two statements in three carry one or two topics
                first = TOPICS[seq % len(TOPICS)]
                stances.append({"statement_id": sid, "topic": first, "stance": "neutral"})
                if seq % 7 == 0:
                    stances.append({"statement_id": sid, "topic": TOPICS[(seq + 1) % len(TOPICS)], "stance": "neutral"})
    return SimpleNamespace(statements=pd.DataFrame(statements), stances=pd.DataFrame(stances))


@pytest.fixture(scope="module")
def corpus():
    return invented_corpus()


def _machine_topic(corpus) -> pd.Series:
    order = {t: i for i, t in enumerate(TOPICS)}
    coded = corpus.stances.assign(order=corpus.stances["topic"].map(order)).sort_values(["statement_id", "order"])
    first = coded.drop_duplicates("statement_id").set_index("statement_id")["topic"]
    return corpus.statements.set_index("statement_id").index.to_series().map(first).fillna("none")


def test_the_same_seed_draws_the_same_sample_and_another_seed_another(corpus):
    first = sample_for_coding(corpus, 40, seed=3)
    again = sample_for_coding(corpus, 40, seed=3)
    other = sample_for_coding(corpus, 40, seed=4)
    pd.testing.assert_frame_equal(first.sheet, again.sheet)
    pd.testing.assert_frame_equal(first.design, again.design)
    assert first.sheet["statement_id"].tolist() != other.sheet["statement_id"].tolist()
    assert first.sheet["statement_id"].is_monotonic_increasing and first.sheet["statement_id"].is_unique


def test_each_stratum_gets_its_allocation_and_only_its_own_statements(corpus):
    sample = sample_for_coding(corpus, 40, seed=1)
    design = sample.design.set_index("stratum")
    assert list(sample.design.columns) == list(DESIGN_COLUMNS)
    topic = _machine_topic(corpus)
    year = corpus.statements.set_index("statement_id")["date"].dt.year
    period = year.map(lambda y: "undated" if pd.isna(y) else str(int(y)))
    # every stratum's population is what the corpus holds, and every stratum is sampled
    for stratum in design.itertuples():
        members = (period == stratum.period) & (topic == stratum.topic)
        assert members.sum() == stratum.population
        assert stratum.sample >= 1
        assert (stratum.coded == "no") == (stratum.topic == "none")
    # each sampled statement lies in the stratum it is weighted by, as many as allocated
    drawn = sample.weights.set_index("statement_id")
    for sid, row in drawn.iterrows():
        assert period[sid] == design.at[row["stratum"], "period"]
        assert topic[sid] == design.at[row["stratum"], "topic"]
    counts = drawn["stratum"].value_counts()
    assert all(counts[s] == design.at[s, "sample"] for s in design.index)
    assert int(design["sample"].sum()) == len(sample.sheet) == 40


def test_allocation_is_proportional_within_the_coded_part(corpus):
    sample = sample_for_coding(corpus, 60, by=("topic",), seed=0)
    coded = sample.design.loc[sample.design["coded"] == "yes"]
    share = coded["population"] / coded["population"].sum() * coded["sample"].sum()
    assert np.all(np.abs(coded["sample"] - share) < 1.0)


@pytest.mark.parametrize("share", [0.0, 0.2, 0.5])
def test_the_uncoded_share_is_drawn_among_statements_without_a_topic(corpus, share):
    n = 40
    sample = sample_for_coding(corpus, n, include_uncoded=share, seed=2)
    topic = _machine_topic(corpus)
    uncoded = int((topic[sample.sheet["statement_id"]] == "none").sum())
    assert uncoded == round(n * share)


def test_without_the_uncoded_split_the_strata_are_proportional(corpus):
    sample = sample_for_coding(corpus, 40, by=("topic",), include_uncoded=None, seed=0)
    design = sample.design
    assert set(design["coded"]) == {"all"} and set(design["period"]) == {"all"}
    assert "none" in set(design["topic"])
    share = design["population"] / design["population"].sum() * 40
    assert np.all(np.abs(design["sample"] - share) < 1.0)


def test_a_simple_random_sample_has_one_stratum(corpus):
    sample = sample_for_coding(corpus, 25, by=(), include_uncoded=None)
    assert len(sample.design) == 1
    assert sample.design.iloc[0]["population"] == len(corpus.statements)


def test_periods_group_years_into_spans(corpus):
    sample = sample_for_coding(corpus, 30, by=("period",), periods=[2010, 2020])
    assert set(sample.design["period"]) == {"–2009", "2010–2019", "2020–", "undated"}


def test_a_sample_as_large_as_the_corpus_takes_everything_with_weight_one(corpus):
    sample = sample_for_coding(corpus, 10_000)
    assert len(sample.sheet) == len(corpus.statements)
    assert np.allclose(sample.weights["weight"], 1.0)


def test_design_weights_add_up_to_the_population(corpus):
    sample = sample_for_coding(corpus, 33, seed=5)
    design = sample.design
    assert np.allclose(design["sample"] * design["weight"], design["population"])
    per_stratum = sample.weights.groupby("stratum")["weight"].sum()
    assert np.allclose(per_stratum, design.set_index("stratum").loc[per_stratum.index, "population"])
    assert sample.weights["weight"].sum() == pytest.approx(len(corpus.statements))


def test_fewer_statements_than_strata_leave_some_strata_unsampled(corpus):
    sample = sample_for_coding(corpus, 3, seed=0)
    assert int(sample.design["sample"].sum()) == 3
    assert sample.design.loc[sample.design["sample"] == 0, "weight"].isna().all()
    assert "got no statement" in sample.summary()


def test_the_sheet_hides_the_machine_codes_and_gives_context(corpus, tmp_path):
    sample = sample_for_coding(corpus, 20, out=tmp_path, name="sheet")
    assert list(sample.sheet.columns) == list(SHEET_COLUMNS)
    header = (tmp_path / "sheet.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == ",".join(SHEET_COLUMNS)
    for hidden in ("holder", "topic", "stance", "rule", "stratum", "weight", "score"):
        assert hidden not in header
    statements = corpus.statements.set_index("statement_id")
    for row in sample.sheet.itertuples():
        doc_id, seq = row.doc_id, int(statements.at[row.statement_id, "seq"])
        before = f"{doc_id}.{seq - 1:04d}"
        after = f"{doc_id}.{seq + 1:04d}"
        assert row.text == statements.at[row.statement_id, "text"]
        assert row.before == (statements.at[before, "text"] if before in statements.index else "")
        assert row.after == (statements.at[after, "text"] if after in statements.index else "")


def test_the_workbook_holds_the_same_sheet_as_text(corpus, tmp_path):
    from openpyxl import load_workbook

    all_of_it = sample_for_coding(corpus, 10_000, out=tmp_path, name="sheet")
    book = load_workbook(tmp_path / "sheet.xlsx")
    rows = [["" if v is None else v for v in row] for row in book.active.iter_rows(values_only=True)]
    assert rows[0] == list(SHEET_COLUMNS)
    assert rows[1:] == all_of_it.sheet.to_numpy().tolist()
    formula_like = [c for c in book.active["F"] if str(c.value).startswith("=")]
    assert formula_like and all(c.data_type == "s" for c in formula_like)  # text, not a formula


def test_refuses_to_overwrite_another_sample_and_reuses_the_same(corpus, tmp_path):
    first = sample_for_coding(corpus, 20, out=tmp_path, name="sheet", seed=1)
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["sheet.csv", "sheet.design.csv", "sheet.weights.csv", "sheet.xlsx"]
    stamps = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    before = (tmp_path / "sheet.csv").read_bytes()
    again = sample_for_coding(corpus, 20, out=tmp_path, name="sheet", seed=1)  # a re-run: same files, untouched
    pd.testing.assert_frame_equal(first.sheet, again.sheet)
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == stamps
    with pytest.raises(FileExistsError, match="not overwriting"):
        sample_for_coding(corpus, 20, out=tmp_path, name="sheet", seed=2)
    assert (tmp_path / "sheet.csv").read_bytes() == before
    (tmp_path / "mine.design.csv").write_text("my own notes\n", encoding="utf-8")
    with pytest.raises(FileExistsError, match="mine.design.csv"):
        sample_for_coding(corpus, 20, out=tmp_path, name="mine", seed=1)
    assert (tmp_path / "mine.design.csv").read_text(encoding="utf-8") == "my own notes\n"
    assert not (tmp_path / "mine.csv").exists()  # nothing written when one file clashes


def test_the_sample_reads_back_from_its_files(corpus, tmp_path):
    sample = sample_for_coding(corpus, 20, out=tmp_path, name="sheet")
    back = read_sample(tmp_path / "sheet.csv")
    pd.testing.assert_frame_equal(back.sheet, sample.sheet)
    assert back.design["population"].tolist() == sample.design["population"].tolist()
    assert back.weights["weight"].to_numpy() == pytest.approx(sample.weights["weight"].to_numpy())
    assert back.sheet_path == tmp_path / "sheet.csv"


def test_the_seed_corpus_samples_thirty(seed_corpus):
    sample = sample_for_coding(seed_corpus, 30)
    assert len(sample.sheet) == 30
    assert set(sample.sheet["doc_id"]) <= set(seed_corpus.documents["doc_id"])
    assert int(sample.design.loc[sample.design["coded"] == "no", "sample"].sum()) == 6


@pytest.mark.parametrize(
    ("options", "message"),
    [({"by": ("genre",)}, "stratifiers"), ({"include_uncoded": 1.5}, "share"), ({"n": 0}, "positive")],
)
def test_bad_options_are_refused(corpus, options, message):
    kwargs = {"n": 10, **options}
    with pytest.raises(ValueError, match=message):
        sample_for_coding(corpus, kwargs.pop("n"), **kwargs)


def test_a_corpus_without_stances_is_refused(corpus):
    with pytest.raises(ValueError, match="no stances"):
        sample_for_coding(SimpleNamespace(statements=corpus.statements, stances=None), 5)


def test_coding_files_live_beside_the_report_unless_the_report_runs_the_notebook():
    assert coding_folder("../reports").as_posix() == "../coding"
    assert coding_folder("/tmp/out", "/tmp/out/tables").as_posix() == "/tmp/out/validation"


def test_a_corpus_the_coder_found_no_topic_in_is_still_sampled(tmp_path):
    """Invented (2026-12-05): one dated document without any topic word."""
    from corpus_lib.corpus import load_corpus
    from corpus_lib.evaluation.sampling import sample_for_coding

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Harbour news\n\nThe ferry left on time. The weather was mild.\n", encoding="utf-8")
    (folder / "manifest.csv").write_text("file,doc_id,title,date,date_basis,date_note,source,genre,url\n"
                                         "a.txt,a,Harbour news,2010-05-01,explicit,,,news,\n", encoding="utf-8")
    sample = sample_for_coding(load_corpus(folder), 5, out=tmp_path / "sheet", name="s")
    assert len(sample.sheet) == 3  # every statement, all of them uncoded
