"""Corpora larger than memory: the streaming build, the per-document cache and synthetic archives.

It owns ``build`` (batches of documents parsed and coded on worker processes or a Dask cluster,
written as Parquet parts), ``cache`` (results keyed by content and coder version) and ``synth``
(synthetic archives for trials and benchmarks). It may import ``corpus_lib.corpus`` and the
layers below it; only the CLI imports it.
"""
