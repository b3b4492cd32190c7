"""Findings in words (corpus_lib.analysis.findings): sentences and caveats written by rule."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus_lib.analysis.findings import FINDING_COLUMNS, as_markdown, findings


def _series(n_docs: int, *, genre="news", narrated=0, statements_per_doc=1, flip_at=None):
    """Invented: ``n_docs`` NATO documents on Russia, half a year apart, cooperative then adversarial."""
    flip_at = n_docs // 2 if flip_at is None else flip_at
    rows, docs = [], []
    for d in range(n_docs):
        label, score = ("cooperative", 1.0) if d < flip_at else ("adversarial", -1.0)
        for k in range(statements_per_doc):
            rows.append({"statement_id": f"d{d:02d}.{k + 1:04d}", "doc_id": f"d{d:02d}",
                         "date": pd.Timestamp("2008-01-01") + pd.Timedelta(days=182 * d),
                         "event_date": "1995" if len(rows) < narrated else "", "holder": "NATO",
                         "topic": "russia", "stance": label, "score": score})
        docs.append({"doc_id": f"d{d:02d}", "genre": genre if d % 2 == 0 else "interview"})
    return pd.DataFrame(rows), pd.DataFrame(docs)


def test_a_clear_shift_is_described_with_its_evidence():
    stances, documents = _series(12)
    row = findings(stances, documents, topic="russia").iloc[0]
    assert list(findings(stances, documents, topic="russia").columns) == list(FINDING_COLUMNS)
    assert row.n_shifts == 1 and row.p_no_change < 0.05
    assert "moved towards adversarial by -2.00" in row.finding
    assert "on 6 documents (6 statements) before and 6 documents (6 statements) after" in row.finding
    assert row.caveats == ""


def test_thin_evidence_gives_no_finding():
    stances, documents = _series(3)
    row = findings(stances, documents, topic="russia").iloc[0]
    assert row.finding.startswith("Too thin to describe a change: NATO takes a position on Russia in 3 documents")
    assert row.n_shifts == 0 and pd.isna(row.p_no_change)


def test_one_long_document_does_not_make_a_finding():
    stances, documents = _series(3, statements_per_doc=40)
    assert findings(stances, documents, topic="russia").iloc[0].finding.startswith("Too thin")


def test_caveats_are_written_by_rule():
    stances, documents = _series(12, narrated=2, flip_at=10)
    documents["genre"] = "interview"
    row = findings(stances, documents, topic="russia").iloc[0]
    if row.n_shifts:
        assert "a side of the shift rests on two documents or fewer" in row.caveats
    assert "2 statements of 12 narrate an earlier event" in row.caveats
    assert "all of it comes from one genre (interview)" in row.caveats


def test_no_shift_says_so_with_the_probability_of_no_change():
    stances, documents = _series(10, flip_at=10)
    row = findings(stances, documents, topic="russia").iloc[0]
    assert row.finding.startswith("No shift in NATO's position on Russia (probability of no change")
    assert "mean score +1.00 over 10 documents" in row.finding


def test_markdown_escapes_corpus_text():
    table = pd.DataFrame([{"holder": "NATO", "topic": "russia", "n_documents": 1, "n_statements": 1,
                           "p_no_change": 0.5, "n_shifts": 0, "finding": "<b>x</b>", "caveats": "a & b"}])
    assert as_markdown(table) == "- &lt;b&gt;x&lt;/b&gt; *Caveats: a &amp; b.*"


def test_unknown_topic_is_refused():
    stances, documents = _series(4)
    with pytest.raises(ValueError, match="topic"):
        findings(stances, documents, topic="weather")


def test_topic_and_synthesis_sections_carry_the_findings(seed_corpus, tmp_path):
    from corpus_lib.analysis.sections import synthesis_section, topic_section

    section = topic_section(seed_corpus, "karabakh", name="t", output_dir=tmp_path, holders=["NATO", "media"])
    assert section.tables["findings"]["holder"].tolist() == ["NATO", "media"]
    assert "NATO" in repr(section.findings.items[0]) if hasattr(section.findings, "items") else True
    synthesis = synthesis_section(seed_corpus, name="s", output_dir=tmp_path, holders=["NATO"])
    assert synthesis.tables["findings"]["topic"].tolist() == ["karabakh", "russia", "membership"]
