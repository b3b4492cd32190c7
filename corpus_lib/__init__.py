"""corpus_lib: placeholder while the foundation is written."""
