"""Whole-article evaluation: alignment across different splits, document-level intervals, gold checks."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from corpus_lib.corpus import load_corpus
from corpus_lib.errors import CorpusError
from corpus_lib.evaluation.articles import align, cluster_bootstrap, evaluate_articles, load_article_gold, same_speaker

TEXT = (
    "NATO envoy: no military solution\n\n"
    "There can be no military solution to the Karabakh conflict, Anna Berg, NATO's envoy, said. "
    "The talks resumed in May.\n"
)
MANIFEST = "file,doc_id,title,date,date_basis,date_note,source,genre,url\na.txt,a,T,2016-05-02,explicit,,Agency,news,\n"
HEADER = "doc_id,n,text,speaker,speaker_role,holder,karabakh,russia,membership,note\n"


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(MANIFEST, encoding="utf-8")
    return load_corpus(tmp_path)


def _gold(tmp_path, rows: str):
    path = tmp_path / "gold.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def test_each_gold_sentence_meets_the_statement_that_overlaps_it_most(corpus, tmp_path):
    gold = load_article_gold(_gold(tmp_path, (
        "a,1,NATO envoy: no military solution,headline,headline,NATO,engaged,,,\n"
        "a,2,There can be no military solution to the Karabakh conflict,Anna Berg,quoted,NATO,engaged,,,\n"
        "a,3,The talks resumed in May.,narrator,narrator,media,,,,\n"
    )))
    aligned = align(corpus, gold)
    assert aligned["m_statement_id"].tolist() == ["a.0001", "a.0002", "a.0003"]
    assert aligned.loc[1, ["m_speaker", "m_speaker_role", "m_holder", "m_karabakh"]].tolist() == [
        "Anna Berg", "quoted", "NATO", "engaged"]
    report = evaluate_articles(corpus, gold, n_resamples=50)
    values = report.table.set_index(["group", "metric"])["value"]
    assert values["all", "holder_accuracy"] == 1.0
    assert np.isnan(report.table["ci_low"]).all()  # one document: no interval
    assert "quoted" in report.to_text()


def test_a_gold_sentence_missing_from_the_article_is_an_error(corpus, tmp_path):
    gold = load_article_gold(_gold(tmp_path, "a,1,Words that are not there.,narrator,narrator,media,,,,\n"))
    with pytest.raises(ValueError, match="not found"):
        align(corpus, gold)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("a,1,x,narrator,writer,media,,,,\n", "speaker_role 'writer'"),
        ("a,1,x,narrator,narrator,Nato,,,,\n", "holder 'Nato'"),
        ("a,1,x,narrator,narrator,media,open,,,\n", "karabakh label 'open'"),
    ],
)
def test_bad_gold_rows_name_file_and_line(tmp_path, row, message):
    with pytest.raises(CorpusError, match=message) as err:
        load_article_gold(_gold(tmp_path, row))
    assert str(err.value).startswith(str(tmp_path / "gold.csv") + ":2")


def test_the_interval_resamples_documents_not_sentences():
    rows = pd.DataFrame({"doc_id": ["a"] * 9 + ["b"], "ok": [1.0] * 9 + [0.0]})
    low, high = cluster_bootstrap(lambda d: float(d["ok"].mean()), rows, n_resamples=400, seed=1)
    # documents: all of a (1.0), all of b (0.0), or a mix; sentences would never reach 0.0
    assert low == 0.0 and high == 1.0
    assert cluster_bootstrap(lambda d: 1.0, rows.iloc[:9], n_resamples=10) != cluster_bootstrap(lambda d: 1.0, rows)


@pytest.mark.parametrize(("gold", "machine", "same"), [
    ("Anna Berg", "Berg", True), ("narrator", "narrator", True), ("Anna Berg", "narrator", False), ("", "x", False),
])
def test_same_speaker(gold, machine, same):
    assert same_speaker(gold, machine) is same


@pytest.mark.parametrize(
    "layout",
    [
        pytest.param(lambda t: t.replace("\n", "\r\n"), id="CRLF"),
        pytest.param(lambda t: "\ufeff" + t.replace("conflict, Anna", "conflict,\nAnna"), id="BOM and a wrapped line"),
    ],
)
def test_gold_sentences_meet_their_statements_whatever_the_line_ends(tmp_path, layout):
    (tmp_path / "a.txt").write_bytes(layout(TEXT).encode("utf-8"))
    (tmp_path / "manifest.csv").write_text(MANIFEST, encoding="utf-8")
    gold = load_article_gold(_gold(tmp_path, (
        "a,1,NATO envoy: no military solution,headline,headline,NATO,engaged,,,\n"
        "a,2,\"There can be no military solution to the Karabakh conflict, Anna Berg, NATO's envoy, said.\",Anna Berg,quoted,NATO,engaged,,,\n"
        "a,3,The talks resumed in May.,narrator,narrator,media,,,,\n"
    )))
    aligned = align(load_corpus(tmp_path), gold)
    assert aligned["m_statement_id"].tolist() == ["a.0001", "a.0002", "a.0003"]
