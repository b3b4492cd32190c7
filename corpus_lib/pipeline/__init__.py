"""The parsing pipeline: raw files in, tidy tables of documents, statements and removed spans out.

It owns every stage a text passes through before any stance is coded: ``load`` (files and
the manifest), ``clean`` (page clutter into the ``removed`` ledger), ``segment`` (sentences
with NLTK's Punkt), ``attribute`` (turns, speakers, holders, with the ``actors`` registry and
``transcripts`` for the labels of interview transcripts),
``dates`` (narrated event dates), ``tone`` (VADER, with the exact fast re-implementation in
``vader_mirror``), ``schemas`` (the tables' contracts),
``write`` (tables to disk) and ``prefilter`` (the RE2 pattern set that lets a stage skip text
that cannot match). It may import only the foundation modules (``corpus_lib.vocab``,
``corpus_lib.errors``, ``corpus_lib.paths``) and third-party packages; nothing here knows
about coding, analysis, reports or scale.
"""
