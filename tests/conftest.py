"""Shared fixtures: the seed corpus is loaded once per test session."""

from __future__ import annotations

import pytest

from corpus_lib.paths import SEEDS_DIR


@pytest.fixture(scope="session")
def seed_corpus():
    from corpus_lib.corpus import load_corpus

    return load_corpus()


@pytest.fixture(scope="session")
def seed_raw():
    """doc_id -> raw decoded text of each seed file."""
    from corpus_lib.pipeline.load import load_documents

    return {doc.meta.doc_id: doc.text for doc in load_documents(SEEDS_DIR)}
