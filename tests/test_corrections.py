"""A corpus's own files: hand corrections (corrections.csv), events (events.csv), and the spreadsheet export.

Texts and corrections here are invented by the team for these tests (2026-12-05).
"""

from __future__ import annotations

import shutil

import openpyxl
import pandas as pd
import pytest

from corpus_lib.cli import main
from corpus_lib.corpus import load_corpus
from corpus_lib.errors import CorpusError
from corpus_lib.paths import SEEDS_DIR

HEADER = "statement_id,field,value,coder,note\n"


@pytest.fixture
def corpus_dir(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, folder)
    return folder


def _some_statements(corpus):
    """A statement with a stance on karabakh, and one with no stance on membership."""
    stances = corpus.stances
    coded = stances.loc[stances["topic"] == "karabakh", "statement_id"].iloc[0]
    with_membership = set(stances.loc[stances["topic"] == "membership", "statement_id"])
    uncoded = next(s for s in corpus.statements["statement_id"] if s not in with_membership)
    return coded, uncoded


def test_corrections_change_codes_and_keep_the_machine_values(corpus_dir, seed_corpus):
    coded, uncoded = _some_statements(seed_corpus)
    machine = seed_corpus.stances.set_index(["statement_id", "topic"]).loc[(coded, "karabakh"), "stance"]
    new = "detached" if machine != "detached" else "engaged"
    (corpus_dir / "corrections.csv").write_text(
        HEADER + f"{coded},karabakh,{new},A,read again\n{uncoded},membership,open,A,missed\n{coded},holder,EU,B,\n",
        encoding="utf-8")
    corrected = load_corpus(corpus_dir)
    rows = corrected.stances.set_index(["statement_id", "topic"])
    assert rows.loc[(coded, "karabakh"), "stance"] == new
    assert rows.loc[(coded, "karabakh"), "machine_stance"] == machine
    assert rows.loc[(coded, "karabakh"), "source"] == "hand"
    assert rows.loc[(uncoded, "membership"), ["stance", "score", "machine_stance"]].tolist() == ["open", 1.0, "none"]
    statement = corrected.statements.set_index("statement_id").loc[coded]
    assert (statement["holder"], statement["source"]) == ("EU", "hand")
    assert statement["machine_holder"] == str(seed_corpus.statements.set_index("statement_id").loc[coded, "holder"])
    assert (rows.xs(coded, level="statement_id")["holder"] == "EU").all()
    assert corrected.corrections["value"].tolist() == [new, "open", "EU"]
    untouched = corrected.stances.loc[corrected.stances["source"] == "machine"]
    assert len(untouched) == len(seed_corpus.stances) - 1


def test_a_stance_corrected_to_none_leaves_the_table_but_not_the_audit(corpus_dir, seed_corpus):
    coded, _ = _some_statements(seed_corpus)
    (corpus_dir / "corrections.csv").write_text(HEADER + f"{coded},karabakh,none,A,no position\n", encoding="utf-8")
    corrected = load_corpus(corpus_dir)
    assert not ((corrected.stances["statement_id"] == coded) & (corrected.stances["topic"] == "karabakh")).any()
    assert corrected.corrections.iloc[0][["machine_value", "value"]].tolist()[1] == "none"


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("x.0001,holder,NATO,A,", "statement 'x.0001' is not in the corpus"),
        ("{id},weather,sunny,A,", "field 'weather' is not holder or a topic"),
        ("{id},karabakh,open,A,", "karabakh cannot be 'open'"),
        ("{id},holder,Mars,A,", "holder cannot be 'Mars'"),
    ],
)
def test_a_bad_correction_stops_with_file_line_and_reason(corpus_dir, seed_corpus, capsys, row, reason):
    statement = seed_corpus.statements["statement_id"].iloc[0]
    (corpus_dir / "corrections.csv").write_text(HEADER + row.format(id=statement) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="corrections.csv:2: " + reason.replace("(", r"\(").replace(")", r"\)")):
        load_corpus(corpus_dir)
    assert main(["summary", "--corpus", str(corpus_dir)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "corrections.csv:2" in err[0]


def test_a_statement_corrected_twice_is_refused(corpus_dir, seed_corpus):
    statement = seed_corpus.statements["statement_id"].iloc[0]
    (corpus_dir / "corrections.csv").write_text(HEADER + f"{statement},holder,EU,A,\n{statement},holder,NATO,B,\n",
                                                encoding="utf-8")
    with pytest.raises(CorpusError, match="corrections.csv:3: .* is corrected twice"):
        load_corpus(corpus_dir)


def test_corpus_events_are_read_and_checked(corpus_dir):
    (corpus_dir / "events.csv").write_text("date,label,kind\n2019-05-02,Invented summit,membership\n", encoding="utf-8")
    events = load_corpus(corpus_dir, stances=False).events
    assert events.to_dict("records") == [{"date": pd.Timestamp("2019-05-02"), "label": "Invented summit",
                                          "kind": "membership"}]
    (corpus_dir / "events.csv").write_text("date,label,kind\n2019-02-30,Bad day,membership\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="events.csv:2"):
        load_corpus(corpus_dir, stances=False)


def test_to_excel_writes_every_table_after_the_dictionary_and_never_replaces(tmp_path, seed_corpus):
    corpus = seed_corpus
    path = corpus.to_excel(tmp_path / "tables.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["data dictionary", "documents", "statements", "removed", "stances"]
    assert book["statements"].max_row == len(corpus.statements) + 1
    dictionary = {(r[0], r[1]) for r in book["data dictionary"].iter_rows(min_row=2, values_only=True)}
    assert {("statements", c) for c in corpus.statements.columns} <= dictionary
    assert {("stances", c) for c in corpus.stances.columns} <= dictionary
    with pytest.raises(CorpusError, match="exists already"):
        corpus.to_excel(path)


def test_to_excel_keeps_formula_like_text_as_text(tmp_path, seed_corpus):
    from corpus_lib.pipeline.spreadsheet import write_workbook

    frame = pd.DataFrame({"text": ["=HYPERLINK(\"http://x\")", "plain"], "n": [1, None]})
    book = openpyxl.load_workbook(write_workbook(tmp_path / "f.xlsx", {"t": frame}))
    cell = book["t"]["A2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    assert book["t"]["B3"].value is None


def test_an_events_file_joins_the_corpus_events(corpus_dir, tmp_path):
    (corpus_dir / "events.csv").write_text("date,label,kind\n2019-05-02,Invented summit,membership\n", encoding="utf-8")
    extra = tmp_path / "more.csv"
    extra.write_text("date,label,kind\n2012-01-10,Invented talks,karabakh\n", encoding="utf-8")
    events = load_corpus(corpus_dir, stances=False, events=extra).events
    assert events["label"].tolist() == ["Invented talks", "Invented summit"]
    with pytest.raises(CorpusError, match="events file not found"):
        load_corpus(corpus_dir, stances=False, events=tmp_path / "missing.csv")


def test_the_timelines_draw_the_corpus_events(corpus_dir, tmp_path):
    from corpus_lib.analysis.sections import corpus_events

    (corpus_dir / "events.csv").write_text("date,label,kind\n2019-05-02,Invented summit,membership\n", encoding="utf-8")
    events = corpus_events(load_corpus(corpus_dir, stances=False))
    assert "Invented summit" in set(events["label"]) and "Bucharest summit" in set(events["label"])
    assert list(events["date"]) == sorted(events["date"])
