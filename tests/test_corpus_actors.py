"""A corpus's own actors.csv, merged over the packaged registry (invented people and texts)."""

from __future__ import annotations

import pytest

from corpus_lib.corpus import load_corpus
from corpus_lib.errors import CorpusError
from corpus_lib.scale.build import build_tables, load_tables

TEXT = "Door stays open\n\nThe door stays open to every European democracy, Lindqvist said on Monday.\n"
MANIFEST = "file,doc_id,title,date,date_basis,date_note,source,genre,url\na.txt,a,Door,2015-03-02,explicit,,Agency,news,\n"
ACTORS = (
    "pattern,kind,name,holder,valid_from,valid_to,note\n"
    "Ingrid Lindqvist|Lindqvist,person,Ingrid Lindqvist,NATO,,,an invented spokesperson\n"
)


def _corpus(folder, actors: str | None):
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "manifest.csv").write_text(MANIFEST, encoding="utf-8")
    if actors is not None:
        (folder / "actors.csv").write_text(actors, encoding="utf-8")
    return folder


def _holder(statements, start: str) -> tuple[str, str]:
    row = statements[statements["text"].str.startswith(start)].iloc[0]
    return row["speaker"], row["holder"]


def test_a_corpus_actor_is_known_by_surname(tmp_path):
    with_actors = load_corpus(_corpus(tmp_path / "with", ACTORS), stances=False)
    without = load_corpus(_corpus(tmp_path / "without", None), stances=False)
    assert _holder(with_actors.statements, "The door stays open") == ("Ingrid Lindqvist", "NATO")
    assert _holder(without.statements, "The door stays open")[1] != "NATO"


def test_the_streaming_build_reads_the_corpus_actors_too(tmp_path):
    folder = _corpus(tmp_path / "c", ACTORS)
    build_tables(folder, tmp_path / "out", batch_size=1)
    statements = load_tables(tmp_path / "out", lazy=False)["statements"]
    assert _holder(statements, "The door stays open") == ("Ingrid Lindqvist", "NATO")


@pytest.mark.parametrize(
    ("actors", "message"),
    [
        ("pattern,kind,name\nX,person,X\n", "lacks columns: holder"),
        ("pattern,kind,name,holder\n(unclosed,person,X,NATO\n", "bad pattern"),
        ("pattern,kind,name,holder\nX,people,X,NATO\n", "kind 'people'"),
        ("pattern,kind,name,holder\nX,person,X,Nato\n", "holder 'Nato'"),
        ("pattern,kind,name,holder,valid_from\nX,title,X,NATO,2015-13-01\n", "impossible date"),
    ],
)
def test_a_bad_actors_file_names_the_file_and_line(tmp_path, actors, message):
    folder = _corpus(tmp_path / "bad", actors)
    with pytest.raises(CorpusError, match=message) as err:
        load_corpus(folder, stances=False)
    assert "actors.csv" in str(err.value)
    assert ":2" in str(err.value) or ":1" in str(err.value)
