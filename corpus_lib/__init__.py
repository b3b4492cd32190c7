"""corpus_lib: texts about an institution in, tidy tables of statements and stances out.

Example:
    >>> import corpus_lib
    >>> corpus = corpus_lib.load_corpus()          # the packaged seed corpus
    >>> list(corpus.statements.columns)[:4]
    ['statement_id', 'doc_id', 'seq', 'turn']

The package imports its parts lazily, so ``import corpus_lib`` is cheap and plotting
libraries load only when a plot is made.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_EXPORTS = {
    "load_corpus": "corpus_lib.corpus",
    "Corpus": "corpus_lib.corpus",
    "process_document": "corpus_lib.corpus",
    "CorpusError": "corpus_lib.errors",
    "write_tables": "corpus_lib.pipeline.write",
    "evaluate": "corpus_lib.evaluation.evaluate",
    "tag_stances": "corpus_lib.coding.coder",
}
__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'corpus_lib' has no attribute {name!r}")


def __dir__():
    return __all__
