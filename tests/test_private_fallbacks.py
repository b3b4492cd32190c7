"""Where a fast path leans on a private name (CPython's ``re._parser``), its absence only slows it.

Each test hides the private module from ``import`` and checks that the public fallback gives
the same answers as the fast path.
"""

from __future__ import annotations

import builtins
import csv
import io
import re
from importlib import resources

import pytest

from corpus_lib.paths import SEEDS_DIR
from corpus_lib.pipeline import actors, prefilter
from corpus_lib.pipeline.load import load_documents

PRIVATE = {"_parser", "_constants"}


@pytest.fixture
def no_private_re(monkeypatch):
    """``from re import _parser`` (or ``_constants``) raises ImportError, as on a Python without them."""
    real_import = builtins.__import__

    def guarded(name, globals=None, locals=None, fromlist=(), level=0):
        if name in {"re._parser", "re._constants"} or (name == "re" and PRIVATE & set(fromlist or ())):
            raise ImportError(f"no private {name} here")
        return real_import(name, globals, locals, fromlist, level)

    monkeypatch.setattr(builtins, "__import__", guarded)


def _registry() -> actors.Registry:
    text = resources.files("corpus_lib").joinpath("data/actors.csv").read_text(encoding="utf-8")
    return actors.Registry(list(csv.DictReader(io.StringIO(text))))


def test_the_guard_really_hides_the_private_modules(no_private_re):
    with pytest.raises(ImportError):
        from re import _parser  # noqa: F401


def test_actor_mentions_are_the_same_without_re_parser(no_private_re):
    texts = [doc.text for doc in load_documents(SEEDS_DIR)]
    assert actors._first_chars("NATO|the alliance") is None  # the fast path is off
    slow = _registry()
    with pytest.MonkeyPatch.context() as undo:
        undo.setattr(builtins, "__import__", builtins.__import__)
    fast = actors.registry()
    assert sum(len(fast.mentions(t)) for t in texts) > 50
    assert [slow.mentions(t) for t in texts] == [fast.mentions(t) for t in texts]


def test_first_chars_uses_the_parse_tree_when_present():
    assert actors._first_chars("(?:the )?President|NATO") == frozenset("PtN")


def test_prefilter_leaves_every_rule_to_python_without_re_parser(no_private_re):
    assert prefilter.superset_pattern(re.compile(r"(?<!\w)truce(?!\w)", re.I)) is None
    if prefilter.AVAILABLE:
        patterns = [(1, re.compile("truce", re.I)), (2, re.compile("talks", re.I))]
        assert prefilter.PatternSet(patterns).left_out == [1, 2]
