"""The synthetic archive: deterministic, streamed, plausible, and parseable."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from corpus_lib.pipeline.load import GENRES, load_documents, read_manifest
from corpus_lib.scale.synth import compose, load_templates, make_corpus


def tree_digest(folder) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synth") / "archive"
    make_corpus(folder, 30, seed=7)
    return folder


def test_same_seed_same_bytes(small, tmp_path):
    again = tmp_path / "again"
    make_corpus(again, 30, seed=7)
    assert tree_digest(again) == tree_digest(small)


def test_other_seed_other_texts(small, tmp_path):
    other = tmp_path / "other"
    make_corpus(other, 30, seed=8)
    assert tree_digest(other) != tree_digest(small)


def test_document_depends_only_on_seed_and_index(small, tmp_path):
    """What streaming rests on: document i is the same whatever the corpus size."""
    shorter = tmp_path / "shorter"
    make_corpus(shorter, 10, seed=7)
    big, short = tree_digest(small), tree_digest(shorter)
    assert all(big[name] == digest for name, digest in short.items() if name != "manifest.csv")
    templates = load_templates()
    row, text = compose(templates, 3, seed=7)
    assert (small / row["file"]).read_bytes() == text.encode("utf-8")


def test_manifest_is_valid_and_plausible(small):
    rows = read_manifest(small)
    assert len(rows) == 30
    assert len({r.doc_id for r in rows}) == 30
    assert all(dt.date(2005, 1, 1) <= r.date <= dt.date(2024, 12, 31) for r in rows)
    assert {r.genre for r in rows} <= set(GENRES)
    assert all(r.doc_id.startswith(f"{r.genre.replace('_', '-')}-{r.date.year}-") for r in rows)
    assert len({r.genre for r in rows}) >= 2


def test_every_document_parses(small):
    from corpus_lib.corpus import load_corpus

    corpus = load_corpus(small)
    assert len(corpus.documents) == 30
    assert (corpus.documents["n_statements"] > 0).all()
    assert set(corpus.statements["speaker_role"].unique()) >= {"narrator", "interviewer", "interviewee"}


def test_texts_are_recombined_not_copied(small):
    seeds = {doc.text for doc in load_documents(__import__("corpus_lib.paths").paths.SEEDS_DIR)}
    texts = [doc.text for doc in load_documents(small)]
    assert not seeds & set(texts)
    assert len(set(texts)) == len(texts)


def test_interview_blocks_open_with_a_question_or_its_headline():
    for template in load_templates():
        if template.genre != "interview":
            continue
        for block in template.blocks:
            first = block[0].strip()
            assert first.startswith(("Question", "- ", '"')), first[:60]


def test_lead_and_clutter_stay_in_place(small):
    templates = {t.doc_id: t for t in load_templates()}
    trend = templates["trend-2005-simmons"]
    assert trend.tail and trend.tail[-1].endswith("All news")
    for doc in load_documents(small):
        if "trend-2005-simmons" in doc.meta.date_note:
            assert doc.text.startswith(trend.separator.join(trend.lead))
            assert doc.text.rstrip().endswith("All news")


@pytest.mark.parametrize("n", [0, 9, 100_001])
def test_size_is_bounded(tmp_path, n):
    with pytest.raises(ValueError, match="between 10 and 100000"):
        make_corpus(tmp_path / "x", n)


def test_refuses_to_replace_a_folder_unasked(tmp_path):
    folder = tmp_path / "kept"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    with pytest.raises(FileExistsError):
        make_corpus(folder, 10)
    assert (folder / "notes.txt").read_text() == "mine"
    make_corpus(folder, 10, overwrite=True)
    assert not (folder / "notes.txt").exists()
