"""What a topic notebook calls: its section, drawn with the corpus's hand codes where it has any.

The topic notebooks (01 Karabakh, 02 Russia, 03 membership) share this one code path, so a
notebook holds its question, its prose, one call that reads the corpus and makes its
section (:func:`topic_notebook`) and one line per part; the charts and tables come from
:func:`corpus_lib.analysis.sections.topic_section`. The hand codes come from
``evaluation``, which ``analysis`` may not import, so the two meet here, one layer above both.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import plotly.io as pio

from corpus_lib.analysis.sections import DEFAULT_HOLDERS, Tables, TopicSection, topic_section
from corpus_lib.corpus import load_corpus
from corpus_lib.evaluation import validation_for

NOTEBOOK_RENDERERS = "plotly_mimetype+notebook"


def use_notebook_renderers() -> None:
    """Shows plotly charts in JupyterLab and in the offline HTML page of an executed notebook.

    ``plotly_mimetype`` is JupyterLab's own renderer; ``notebook`` embeds plotly.js once, so
    the page a report writes draws its charts without a network.
    """
    pio.renderers.default = NOTEBOOK_RENDERERS


def topic_page(
    corpus: Tables,
    topic: str,
    *,
    corpus_dir: str | Path | None,
    name: str,
    output_dir: str | Path,
    holders: Sequence[str] = DEFAULT_HOLDERS,
    date_from: str = "2005-01-01",
    date_to: str = "2024-12-31",
) -> TopicSection:
    """One topic notebook's section: its charts and tables, corrected for coder error where
    ``corpus_dir`` has hand codes (the seeds do), with plotly set up for the notebook.

    Args:
        corpus: The corpus tables, as :func:`corpus_lib.corpus.load_corpus` gives them.
        topic: ``karabakh``, ``russia`` or ``membership``.
        corpus_dir: The folder the corpus was read from (None: the seed corpus); it says
            which hand codes apply.
        name: The notebook's name, the prefix of its charts (``"01-karabakh"``).
        output_dir: The report folder; charts go to ``<output_dir>/figures/``.
        holders: Holders to compare; the first is the focus.
        date_from: First document date kept (``YYYY-MM-DD``).
        date_to: Last document date kept.

    Returns:
        A :class:`~corpus_lib.analysis.sections.TopicSection`.
    """
    use_notebook_renderers()
    return topic_section(
        corpus, topic, name=name, output_dir=output_dir, holders=holders, date_from=date_from, date_to=date_to,
        validation=validation_for(corpus, corpus_dir),
    )


def topic_notebook(
    topic: str,
    *,
    corpus_dir: str | Path | None,
    tables_dir: str | Path | None,
    events_file: str | Path | None,
    name: str,
    output_dir: str | Path,
    holders: Sequence[str] = DEFAULT_HOLDERS,
    date_from: str = "2005-01-01",
    date_to: str = "2024-12-31",
) -> TopicSection:
    """A topic notebook's set-up in one call: read the corpus, then make its section.

    ``tables_dir`` and ``events_file`` are :func:`corpus_lib.corpus.load_corpus`'s ``tables``
    and ``events`` (None: parse ``corpus_dir``; no events beyond the corpus's own); the other
    arguments are :func:`topic_page`'s.

    Returns:
        The section (:func:`topic_page`); its ``corpus`` holds the tables read.
    """
    corpus = load_corpus(corpus_dir, tables=tables_dir, events=events_file)
    return topic_page(
        corpus, topic, corpus_dir=corpus_dir, name=name, output_dir=output_dir, holders=holders,
        date_from=date_from, date_to=date_to,
    )
