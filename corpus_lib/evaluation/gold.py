"""Hand-coded files: reading and checking gold codes and the held-out sentences.

- `load_gold` reads a gold CSV (one row per statement and topic a hand coder says it
  touches) and checks it against the codebook.
- `load_unseen` reads the held-out sentences (``tests/data/unseen.csv``: one sentence a
  row, a column per topic) and `unseen_statements` turns them into a statements table a
  coder can code; `unseen_gold` gives their hand codes as a gold table.
- `check_coded` checks an automatic or hand coding against the codebook and a set of
  statement ids.

Every error names the file and the 1-based line of each bad row, so a hand coder can fix
the file.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from corpus_lib.errors import check_frame
from corpus_lib.vocab import GENRES, HOLDERS, NEUTRAL, TOPICS
from corpus_lib.vocab import LABELS_BY_TOPIC as STANCE_LABELS
from corpus_lib.vocab import ROLES as SPEAKER_ROLES

__all__ = [
    "GOLD_COLUMNS",
    "STATEMENT_COLUMNS",
    "UNSEEN_COLUMNS",
    "check_coded",
    "load_gold",
    "load_unseen",
    "unseen_gold",
    "unseen_statements",
]

GOLD_COLUMNS: tuple[str, ...] = (
    "statement_id", "doc_id", "text", "holder", "topic", "stance", "rationale",
)  # fmt: skip
UNSEEN_COLUMNS: tuple[str, ...] = (
    "id", "year", "genre", "speaker_role", "holder", "context", "text",
    "karabakh", "russia", "membership", "note",
)  # fmt: skip
STATEMENT_COLUMNS: tuple[str, ...] = (
    "statement_id", "doc_id", "seq", "turn", "speaker", "speaker_role", "holder",
    "is_question", "text", "date", "event_date",
)  # fmt: skip
UNSEEN_PREFIX = "unseen-"


def label_problem(topic: str, stance: str) -> str | None:
    """What is wrong with a (topic, stance) pair by the codebook, or None."""
    if topic not in STANCE_LABELS:
        return f"topic {topic!r} is not one of {', '.join(TOPICS)}"
    if stance not in STANCE_LABELS[topic]:
        return f"stance {stance!r} is not allowed for topic {topic!r} (allowed: {', '.join(STANCE_LABELS[topic])})"
    return None


def _gold_row_problems(record: Mapping[str, str]) -> list[str]:
    """What is wrong with one row of a gold file (its duplicates are checked by the caller)."""
    problems = []
    if not record["statement_id"]:
        problems.append("statement_id is empty")
    label = label_problem(record["topic"], record["stance"])
    if label:
        problems.append(label)
    if record["holder"] not in HOLDERS:
        problems.append(f"holder {record['holder']!r} is not one of {', '.join(HOLDERS)}")
    return problems


def _read_csv_records(
    path: Path, required: Iterable[str]
) -> tuple[list[str], list[tuple[int, dict[str, str]]], list[str]]:
    """Rows of a CSV as (1-based first line, {column: value}); errors as messages."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        try:
            header = [h.strip() for h in next(reader)]
        except StopIteration:
            raise ValueError(f"{path}, line 1: the file is empty, expected a header") from None
        missing = [c for c in required if c not in header]
        if missing:
            raise ValueError(f"{path}, line 1: missing required column(s): {', '.join(missing)}")
        records, errors = [], []
        last_line = reader.line_num
        for row in reader:
            line, last_line = last_line + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                errors.append(f"{path}, line {line}: expected {len(header)} fields, found {len(row)}")
                continue
            records.append((line, dict(zip(header, row, strict=True))))
    return header, records, errors


def _raise_errors(path: Path, errors: list[str]) -> None:
    """One ValueError naming the file and its first 20 problems, if there are any."""
    if errors:
        shown = errors[:20]
        more = f"\n... and {len(errors) - 20} more" if len(errors) > 20 else ""
        raise ValueError(f"invalid file {path}:\n" + "\n".join(shown) + more)


def load_gold(path: str | Path) -> pd.DataFrame:
    """Read and validate a hand-coded gold CSV.

    The file has a header with at least the columns ``statement_id, doc_id, text,
    holder, topic, stance, rationale`` (extra columns are ignored), one row per
    (statement, topic) the coder says the statement touches. Checked: required
    columns, a non-empty statement_id, topic and holder from the codebook, a stance
    allowed for that topic, no duplicate (statement_id, topic). Surrounding spaces
    are stripped from the coded fields (ids, holder, topic, stance).

    Args:
        path: The CSV file (UTF-8, BOM allowed).

    Returns:
        The gold table with the seven columns in that order, as strings, sorted by
        statement_id and then topic in codebook order.

    Raises:
        ValueError: naming the file and the 1-based line number of each bad row (a
            record spanning several lines is named by its first line).

    Example:
        >>> import tempfile
        >>> tmp = Path(tempfile.mkdtemp()) / "gold.csv"
        >>> _ = tmp.write_text("statement_id,doc_id,text,holder,topic,stance,rationale\\n"
        ...                    "d.0001,d,Some text.,NATO,karabakh,engaged,offers help\\n")
        >>> load_gold(tmp)[["statement_id", "topic", "stance"]].to_numpy().tolist()
        [['d.0001', 'karabakh', 'engaged']]
    """
    path = Path(path)
    _, records, errors = _read_csv_records(path, GOLD_COLUMNS)
    seen: dict[tuple[str, str], int] = {}
    rows = []
    for line, raw in records:
        rec = {c: raw[c] for c in GOLD_COLUMNS}
        for c in ("statement_id", "doc_id", "holder", "topic", "stance"):
            rec[c] = rec[c].strip()
        problems = _gold_row_problems(rec)
        key = (rec["statement_id"], rec["topic"])
        if key in seen:
            problems.append(f"duplicate (statement_id, topic) {key} (first on line {seen[key]})")
        else:
            seen[key] = line
        errors.extend(f"{path}, line {line}: {p}" for p in problems)
        rows.append(rec)
    _raise_errors(path, errors)
    return sort_gold(pd.DataFrame(rows, columns=list(GOLD_COLUMNS)).astype(str))


def sort_gold(gold: pd.DataFrame) -> pd.DataFrame:
    """Gold rows sorted by statement_id, then topic in codebook order."""
    order = {t: i for i, t in enumerate(TOPICS)}
    key = gold["topic"].map(order)
    out = gold.assign(_topic_order=key).sort_values(["statement_id", "_topic_order"], kind="mergesort")
    return out.drop(columns="_topic_order").reset_index(drop=True)


def check_coded(frame: pd.DataFrame, name: str, universe: set[str], *, check_holder: bool) -> pd.DataFrame:
    """Validate a stances-like or gold-like frame; return statement_id/topic/stance(/holder) as text.

    Checked: the columns, a label allowed for its topic, a known holder (with
    ``check_holder``), a statement_id in ``universe``, no duplicate (statement_id, topic).
    """
    cols = ["statement_id", "topic", "stance"] + (["holder"] if check_holder else [])
    check_frame(frame, name, cols)
    out = frame.loc[:, cols].astype(object).astype(str)
    problems = []
    for pos, rec in enumerate(out.to_dict("records")):
        where = f"{name} row {pos} (index {frame.index[pos]!r})"
        label = label_problem(rec["topic"], rec["stance"])
        if label:
            problems.append(f"{where}: {label}")
        if check_holder and rec["holder"] not in HOLDERS:
            problems.append(f"{where}: holder {rec['holder']!r} is not one of {', '.join(HOLDERS)}")
        if rec["statement_id"] not in universe:
            problems.append(f"{where}: statement_id {rec['statement_id']!r} is not in statements")
    dup = out.duplicated(["statement_id", "topic"], keep="first")
    for pos in np.flatnonzero(dup.to_numpy()):
        rec = out.iloc[pos]
        problems.append(
            f"{name} row {pos}: duplicate (statement_id, topic) ({rec['statement_id']!r}, {rec['topic']!r})"
        )
    if problems:
        raise ValueError("\n".join(problems[:20]))
    return out


# --- the held-out sentences --------------------------------------------------------


def load_unseen(path: str | Path) -> pd.DataFrame:
    """Read and validate the held-out sentences (``tests/data/unseen.csv``).

    Columns: ``id, year, genre, speaker_role, holder, context, text, karabakh, russia,
    membership, note``. Each topic column holds a label allowed for that topic, or is
    empty when the sentence does not touch it. Checked: unique non-empty ids, an integer
    year, genre, speaker_role and holder from the closed sets, non-empty text, legal
    labels, and the codebook rule that a question (text ending in ``?``) is neutral on
    every topic it touches.

    Args:
        path: The CSV file.

    Returns:
        The table with the columns above in that order (``year`` as int, the rest as
        str, empty string for an untouched topic or no context), in file order.

    Raises:
        ValueError: naming the file and the 1-based line of each bad row.

    Example:
        >>> import tempfile
        >>> tmp = Path(tempfile.mkdtemp()) / "unseen.csv"
        >>> _ = tmp.write_text(",".join(UNSEEN_COLUMNS) + "\\n"
        ...     "u1,2016,news,narrator,media,,Fighting broke out.,neutral,,,\\n")
        >>> row = load_unseen(tmp).iloc[0]
        >>> row["id"], int(row["year"]), row["karabakh"], row["russia"]
        ('u1', 2016, 'neutral', '')
    """
    path = Path(path)
    _, records, errors = _read_csv_records(path, UNSEEN_COLUMNS)
    seen: dict[str, int] = {}
    rows = []
    closed = {"genre": GENRES, "speaker_role": SPEAKER_ROLES, "holder": HOLDERS}
    for line, raw in records:
        rec = {c: raw[c].strip() for c in UNSEEN_COLUMNS}
        problems = []
        if not rec["id"]:
            problems.append("id is empty")
        elif rec["id"] in seen:
            problems.append(f"duplicate id {rec['id']!r} (first on line {seen[rec['id']]})")
        else:
            seen[rec["id"]] = line
        if not rec["year"].isdigit():
            problems.append(f"year {rec['year']!r} is not an integer")
        for column, allowed in closed.items():
            if rec[column] not in allowed:
                problems.append(f"{column} {rec[column]!r} is not one of {', '.join(allowed)}")
        if not rec["text"]:
            problems.append("text is empty")
        for topic in TOPICS:
            if rec[topic]:
                label = label_problem(topic, rec[topic])
                if label:
                    problems.append(label)
                elif rec["text"].endswith("?") and rec[topic] != NEUTRAL:
                    problems.append(f"a question is neutral by the codebook, but {topic} is {rec[topic]!r}")
        errors.extend(f"{path}, line {line}: {p}" for p in problems)
        rows.append(rec)
    _raise_errors(path, errors)
    if not rows:
        raise ValueError(f"{path}: no rows")
    table = pd.DataFrame(rows, columns=list(UNSEEN_COLUMNS)).astype(str)
    table["year"] = table["year"].astype("int64")
    return table


def _is_question(text: str) -> bool:
    """A sentence ending in a question mark (the codebook codes questions neutral)."""
    return text.rstrip().endswith("?")


def unseen_statements(table: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Build a statements table from the unseen sentences.

    Each row is its own document ``unseen-<id>`` with one speaker turn. Without a
    ``context`` the row's sentence is statement ``.0001``; with one, the context is
    statement ``.0001`` and the sentence ``.0002`` of the same turn, by the same speaker
    with the same holder (the context is there for references such as "He" or "this
    war" and is not scored). ``speaker`` is the speaker_role (no names are known),
    ``date`` is 1 July of the row's year, ``event_date`` is empty.

    Args:
        table: As returned by `load_unseen`.

    Returns:
        ``(statements, scored_ids)``: the statements frame with columns
        ``statement_id, doc_id, seq, turn, speaker, speaker_role, holder, is_question,
        text, date, event_date`` sorted by statement_id, and the ids of the rows'
        own sentences, in table order.

    Example:
        >>> table = pd.DataFrame({"id": ["u1"], "year": [2020], "speaker_role": ["interviewee"],
        ...     "holder": ["NATO"], "context": ["Putin spoke."], "text": ["He is wrong."]})
        >>> statements, scored = unseen_statements(table)
        >>> statements["statement_id"].tolist(), scored
        (['unseen-u1.0001', 'unseen-u1.0002'], ['unseen-u1.0002'])
    """
    records, scored = [], []
    for rec in table.to_dict("records"):
        doc_id = f"{UNSEEN_PREFIX}{rec['id']}"
        sentences = ([rec["context"]] if rec.get("context") else []) + [rec["text"]]
        for seq, text in enumerate(sentences, start=1):
            records.append(
                {
                    "statement_id": f"{doc_id}.{seq:04d}",
                    "doc_id": doc_id,
                    "seq": seq,
                    "turn": 1,
                    "speaker": rec["speaker_role"],
                    "speaker_role": rec["speaker_role"],
                    "holder": rec["holder"],
                    "is_question": _is_question(text),
                    "text": " ".join(str(text).split()),
                    "date": pd.Timestamp(year=int(rec["year"]), month=7, day=1),
                    "event_date": "",
                }
            )
        scored.append(f"{doc_id}.{len(sentences):04d}")
    statements = pd.DataFrame(records, columns=list(STATEMENT_COLUMNS))
    statements = statements.astype(
        {
            "statement_id": str,
            "doc_id": str,
            "seq": "int64",
            "turn": "int64",
            "speaker": str,
            "speaker_role": pd.CategoricalDtype(list(SPEAKER_ROLES)),
            "holder": pd.CategoricalDtype(list(HOLDERS)),
            "is_question": bool,
            "text": str,
            "date": "datetime64[ns]",
            "event_date": str,
        }
    )
    statements = statements.sort_values("statement_id", kind="mergesort").reset_index(drop=True)
    return statements, scored


def scored_statement_id(record: Mapping[str, Any]) -> str:
    """The statement id of a held-out row's own sentence (``.0002`` after a context sentence)."""
    return f"{UNSEEN_PREFIX}{record['id']}.{2 if record['context'] else 1:04d}"


def unseen_gold(table: pd.DataFrame) -> pd.DataFrame:
    """The hand codes of the held-out sentences as a gold table (the `load_gold` columns)."""
    rows = []
    for rec in table.to_dict("records"):
        doc_id = f"{UNSEEN_PREFIX}{rec['id']}"
        sid = scored_statement_id(rec)
        for topic in TOPICS:
            if rec[topic]:
                rows.append(
                    {
                        "statement_id": sid,
                        "doc_id": doc_id,
                        "text": rec["text"],
                        "holder": rec["holder"],
                        "topic": topic,
                        "stance": rec[topic],
                        "rationale": rec["note"],
                    }
                )
    return sort_gold(pd.DataFrame(rows, columns=list(GOLD_COLUMNS)).astype(str))
