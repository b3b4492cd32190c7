"""Benchmarks of corpus_lib at scale: ``python -m benchmarks.run --help``."""
