"""Shared fixtures: the seed corpus is loaded once per test session.

``load_corpus`` caches parsed documents in the user's cache folder by default; the tests
point it at a folder of their own (one per test), so no run reads what another run, a
monkeypatched parser or the developer's own work left there.
"""

from __future__ import annotations

import os
import tempfile

import pytest

os.environ["CORPUS_LIB_CACHE"] = tempfile.mkdtemp(prefix="corpus-lib-test-cache-")

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


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory, monkeypatch):
    """Each test's ``load_corpus`` caches into a fresh folder."""
    monkeypatch.setenv("CORPUS_LIB_CACHE", str(tmp_path_factory.mktemp("cache")))
