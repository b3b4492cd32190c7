"""What the topic notebooks call: a topic's section with the corpus's hand codes."""

import plotly.io as pio

from corpus_lib.report.pages import NOTEBOOK_RENDERERS, topic_notebook, topic_page


def test_topic_page_corrects_the_seeds_with_their_hand_codes_and_sets_up_plotly(seed_corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(pio.renderers, "default", "json")
    section = topic_page(seed_corpus, "karabakh", corpus_dir=None, name="01-karabakh", output_dir=tmp_path)
    assert pio.renderers.default == NOTEBOOK_RENDERERS
    assert "corrected" in section.tables and len(section.tables["corrected"]) > 0
    assert (tmp_path / "figures" / "01-karabakh-timeline.csv").exists()


def test_topic_page_draws_no_corrected_series_where_the_corpus_has_no_hand_codes(seed_corpus, tmp_path):
    elsewhere = tmp_path / "corpus"
    elsewhere.mkdir()
    section = topic_page(seed_corpus, "russia", corpus_dir=elsewhere, name="02-russia", output_dir=tmp_path / "out")
    assert "corrected" not in section.tables
    assert "periods" in section.tables


def test_topic_notebook_reads_the_corpus_and_makes_its_section(tmp_path, monkeypatch):
    from test_notebooks import write_small_corpus

    monkeypatch.setattr(pio.renderers, "default", "json")
    corpus_dir = write_small_corpus(tmp_path / "corpus")
    section = topic_notebook(
        "russia", corpus_dir=corpus_dir, tables_dir=None, events_file=None, name="02-russia", output_dir=tmp_path / "out"
    )
    assert set(section.corpus.documents["doc_id"]) == {"test-2007-official", "test-2023-condemn", "test-2015-ferry"}
    assert "corrected" not in section.tables  # no hand codes beside this corpus
    assert (tmp_path / "out" / "figures" / "02-russia-timeline.csv").exists()
