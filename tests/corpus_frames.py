"""Small hand-made tables that follow docs/data_dictionary.md exactly.

Used by test_analysis.py, test_plots.py and test_export.py. The sentences are invented
for the tests. Levels of the categorical columns are written out here from the data
dictionary (not imported from the library), so the tests also check the contract.
"""

from __future__ import annotations

import math

import pandas as pd

DATE_BASIS = ["explicit", "external", "inferred"]
GENRES = ["interview", "news", "essay", "press_release", "speech"]
ROLES = ["interviewer", "interviewee", "narrator", "quoted", "headline"]
HOLDERS = ["NATO", "Azerbaijan", "Armenia", "Russia", "EU", "media", "other"]
TOPICS = ["karabakh", "russia", "membership"]
LABELS = [
    "engaged", "detached", "cooperative", "adversarial", "open", "conditional", "distant",
    "neutral",
]  # fmt: skip
SCORES = {
    "engaged": 1.0, "detached": -1.0, "cooperative": 1.0, "adversarial": -1.0, "open": 1.0,
    "conditional": 0.0, "distant": -1.0, "neutral": math.nan,
}  # fmt: skip

DOCUMENT_COLUMNS = [
    "doc_id", "file", "title", "date", "date_basis", "date_note", "source", "genre", "url",
    "n_statements", "n_removed_chars",
]  # fmt: skip
STATEMENT_COLUMNS = [
    "statement_id", "doc_id", "seq", "turn", "speaker", "speaker_role", "holder",
    "is_question", "text", "char_start", "char_end", "date", "event_date",
]  # fmt: skip
STANCE_COLUMNS = [
    "statement_id", "doc_id", "date", "event_date", "holder", "topic", "stance", "score",
    "rule_ids", "cues", "confidence", "source", "machine_stance",
]  # fmt: skip

# (doc_id, date, title, source, genre)
DOCS = [
    ("apa-2006-alpha", "2006-05-10", "Interview on partnership", "APA", "interview"),
    ("news-2008-beta", "2008-09-01", "Baku weighs its options", "Trend", "news"),
    ("nato-2022-gamma", "2022-07-01", "Statement after the summit", "NATO", "press_release"),
    ("trend-2024-delta", "2024-02-15", "Interview with an envoy", "Trend", "interview"),
]

# (doc_id, turn, speaker, speaker_role, holder, text, event_date)
STATEMENTS = [
    ("apa-2006-alpha", 1, "interviewer", "interviewer", "media",
     "Will the Alliance help to settle the Karabakh conflict?", ""),
    ("apa-2006-alpha", 2, "Jan Example", "interviewee", "NATO",
     "The sides themselves must find a settlement of the conflict.", ""),
    ("apa-2006-alpha", 2, "Jan Example", "interviewee", "NATO",
     "We have good cooperation with Russia on many issues.", ""),
    ("apa-2006-alpha", 2, "Jan Example", "interviewee", "NATO",
     "Membership talks could start when the country is ready.", ""),
    ("apa-2006-alpha", 3, "narrator", "narrator", "media",
     "The meeting took place in Baku.", ""),
    ("apa-2006-alpha", 3, "narrator", "narrator", "media",
     "In 1994 the sides agreed to a ceasefire.", "1994"),
    ("news-2008-beta", 1, "narrator", "narrator", "media",
     "In August 2008, Russian troops entered Georgia.", "2008-08"),
    ("news-2008-beta", 2, "narrator", "narrator", "Azerbaijan",
     "Azerbaijan expects the Alliance to act on the occupied territories.", ""),
    ("news-2008-beta", 2, "narrator", "narrator", "Azerbaijan",
     "Baku is in no hurry to join the Alliance.", ""),
    ("nato-2022-gamma", 1, "narrator", "narrator", "NATO",
     "Russia's war against Ukraine is a threat to peace in Europe.", ""),
    ("nato-2022-gamma", 1, "narrator", "narrator", "NATO",
     "The door of the Alliance remains open.", ""),
    ("nato-2022-gamma", 1, "narrator", "narrator", "NATO",
     "We welcome the peace talks between Armenia and Azerbaijan.", ""),
    ("nato-2022-gamma", 1, "narrator", "narrator", "NATO",
     "Russia must stop this war.", ""),
    ("trend-2024-delta", 1, "interviewer", "interviewer", "media",
     "Is Russia still a partner for the Alliance?", ""),
    ("trend-2024-delta", 2, "Eva Sample", "interviewee", "NATO",
     "Russia is no longer a partner but the main threat.", ""),
    ("trend-2024-delta", 2, "Eva Sample", "interviewee", "NATO",
     "We encourage a lasting peace agreement in the region.", ""),
    ("trend-2024-delta", 2, "Eva Sample", "interviewee", "NATO",
     "Finland joined in 2023 and the door stays open.", "2023-04"),
]  # fmt: skip

# (statement_id, topic, stance)
STANCES = [
    ("apa-2006-alpha.0001", "karabakh", "neutral"),
    ("apa-2006-alpha.0002", "karabakh", "detached"),
    ("apa-2006-alpha.0003", "russia", "cooperative"),
    ("apa-2006-alpha.0004", "membership", "conditional"),
    ("apa-2006-alpha.0006", "karabakh", "neutral"),
    ("news-2008-beta.0001", "russia", "neutral"),
    ("news-2008-beta.0002", "karabakh", "engaged"),
    ("news-2008-beta.0003", "membership", "distant"),
    ("nato-2022-gamma.0001", "russia", "adversarial"),
    ("nato-2022-gamma.0002", "membership", "open"),
    ("nato-2022-gamma.0003", "karabakh", "engaged"),
    ("nato-2022-gamma.0004", "russia", "adversarial"),
    ("trend-2024-delta.0001", "russia", "neutral"),
    ("trend-2024-delta.0002", "russia", "adversarial"),
    ("trend-2024-delta.0003", "karabakh", "engaged"),
    ("trend-2024-delta.0004", "membership", "open"),
]


def make_statements(rows: list[tuple], dates: dict[str, str]) -> pd.DataFrame:
    """A ``statements`` table from (doc_id, turn, speaker, role, holder, text, event_date)."""
    records = []
    seq: dict[str, int] = {}
    offset: dict[str, int] = {}
    for doc_id, turn, speaker, role, holder, text, event_date in rows:
        seq[doc_id] = seq.get(doc_id, 0) + 1
        start = offset.get(doc_id, 0)
        offset[doc_id] = start + len(text) + 1
        records.append(
            (
                f"{doc_id}.{seq[doc_id]:04d}", doc_id, seq[doc_id], turn, speaker, role, holder,
                text.endswith("?"), text, start, start + len(text), dates[doc_id], event_date,
            )
        )  # fmt: skip
    frame = pd.DataFrame(records, columns=STATEMENT_COLUMNS)
    frame["speaker_role"] = pd.Categorical(frame["speaker_role"], categories=ROLES)
    frame["holder"] = pd.Categorical(frame["holder"], categories=HOLDERS)
    frame["is_question"] = frame["is_question"].astype(bool)
    frame["date"] = pd.to_datetime(frame["date"])
    for column in ("seq", "turn", "char_start", "char_end"):
        frame[column] = frame[column].astype("int64")
    return frame.sort_values("statement_id").reset_index(drop=True)


def make_stances(rows: list[tuple], statements: pd.DataFrame) -> pd.DataFrame:
    """A ``stances`` table from (statement_id, topic, stance); the rest from statements."""
    by_id = statements.set_index("statement_id")
    records = []
    for statement_id, topic, stance in rows:
        st = by_id.loc[statement_id]
        records.append(
            (
                statement_id, st["doc_id"], st["date"], st["event_date"], st["holder"], topic,
                stance, SCORES[stance], f"{topic[:1].upper()}{len(records) + 1}",
                stance, 0.9, "machine", "",
            )
        )  # fmt: skip
    frame = pd.DataFrame(records, columns=STANCE_COLUMNS)
    frame["date"] = pd.to_datetime(frame["date"])
    frame["holder"] = pd.Categorical(frame["holder"], categories=HOLDERS)
    frame["topic"] = pd.Categorical(frame["topic"], categories=TOPICS)
    frame["stance"] = pd.Categorical(frame["stance"], categories=LABELS)
    frame["score"] = frame["score"].astype(float)
    frame["confidence"] = frame["confidence"].astype(float)
    frame["source"] = pd.Categorical(frame["source"], categories=["machine", "hand"])
    return frame.sort_values(["statement_id", "topic"]).reset_index(drop=True)


def make_documents(rows: list[tuple], statements: pd.DataFrame) -> pd.DataFrame:
    """A ``documents`` table from (doc_id, date, title, source, genre)."""
    counts = statements.groupby("doc_id").size()
    records = [
        (
            doc_id, f"{doc_id}.txt", title, date, "explicit", "Dated in the text.", source,
            genre, f"https://example.org/{doc_id}", int(counts.get(doc_id, 0)), 0,
        )
        for doc_id, date, title, source, genre in rows
    ]  # fmt: skip
    frame = pd.DataFrame(records, columns=DOCUMENT_COLUMNS)
    frame["date"] = pd.to_datetime(frame["date"])
    frame["date_basis"] = pd.Categorical(frame["date_basis"], categories=DATE_BASIS)
    frame["genre"] = pd.Categorical(frame["genre"], categories=GENRES)
    frame["n_statements"] = frame["n_statements"].astype("int64")
    frame["n_removed_chars"] = frame["n_removed_chars"].astype("int64")
    return frame.sort_values("doc_id").reset_index(drop=True)


def corpus() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The small test corpus: (documents, statements, stances)."""
    dates = {doc_id: date for doc_id, date, *_ in DOCS}
    statements = make_statements(STATEMENTS, dates)
    stances = make_stances(STANCES, statements)
    documents = make_documents(DOCS, statements)
    return documents, statements, stances
