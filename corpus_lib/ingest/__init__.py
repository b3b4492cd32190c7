"""Bringing a user's own files into a corpus folder: ``corpus-lib import`` and ``corpus-lib manifest``.

It owns turning saved web pages (``html``), PDFs with a text layer (``pdf``), Word, RTF and
plain-text files (``word``) and news-archive exports holding many articles (``exports``)
into UTF-8 texts; dating them from what the files state (``dating``); walking the inputs
and writing texts, ``manifest.csv`` and ``import_log.csv`` without ever overwriting a text
(``run``); drafting a manifest for a folder of ``.txt`` files that has none
(``manifest_draft``); and what every reader returns and raises (``model``). It may import
:mod:`corpus_lib.pipeline` and the foundation modules (``corpus_lib.vocab``,
``corpus_lib.errors``, ``corpus_lib.paths``), nothing else of corpus_lib; only the CLI
imports it. The readers' libraries (trafilatura, htmldate, pypdf, python-docx, striprtf:
the ``ingest`` extra) are imported inside the functions that use them, so importing
corpus_lib never loads them.
"""
