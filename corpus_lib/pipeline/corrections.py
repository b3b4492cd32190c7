"""A corpus's own files beside ``manifest.csv``: hand corrections of codes, and timeline events.

``corrections.csv`` lets a coder fix what the machine got wrong, without editing a table:
one row per change, with columns ``statement_id, field, value, coder, note``. ``field`` is
``holder`` (the statement's holder, on the statement and on its stance rows) or a topic
(``karabakh``, ``russia``, ``membership``: the statement's stance on it, or ``none`` when
it does not touch the topic). Corrections are applied after coding; a corrected row keeps
the machine's value (``machine_holder``, ``machine_stance``) and says ``source = hand``,
and :func:`apply_corrections` returns the applied changes as an audit table, so nothing is
overwritten silently. A stance the machine missed is added (``machine_stance = none``); one
corrected to ``none`` leaves the stances table and stays in the audit table.

``events.csv`` (``date, label, kind``: a day, a short label, the topic it bears on) adds the
corpus's own events to the packaged ones on every timeline.

Both files are checked line by line: a bad row stops the load with a message naming the
file, the line and the reason.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from corpus_lib.errors import CorpusError
from corpus_lib.pipeline.load import parse_iso_day, read_text
from corpus_lib.vocab import HOLDERS, LABEL_SCORES, LABELS_BY_TOPIC, TOPICS

__all__ = [
    "AUDIT_COLUMNS",
    "CORRECTIONS_NAME",
    "EVENTS_NAME",
    "Correction",
    "apply_corrections",
    "read_corrections",
    "read_events",
    "read_events_file",
]

CORRECTIONS_NAME = "corrections.csv"
EVENTS_NAME = "events.csv"
CORRECTION_COLUMNS = ("statement_id", "field", "value", "coder", "note")
AUDIT_COLUMNS = ("statement_id", "field", "machine_value", "value", "coder", "note")
NONE = "none"


@dataclass(frozen=True)
class Correction:
    """One row of ``corrections.csv``."""

    statement_id: str
    field: str
    value: str
    coder: str
    note: str
    line: int


def _rows(path: Path, columns: tuple[str, ...], required: int) -> list[tuple[int, dict]]:
    """(line, row) of a small CSV file, its header checked for the first ``required`` columns."""
    reader = csv.DictReader(io.StringIO(read_text(path)))
    missing = [c for c in columns[:required] if c not in (reader.fieldnames or [])]
    if missing:
        raise CorpusError(f"lacks columns: {', '.join(missing)} (expected {', '.join(columns)})", path=path, line=1)
    return [(reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}) for row in reader]


def read_corrections(folder: Path) -> list[Correction]:
    """The corpus's ``corrections.csv`` (none when it has none), each row checked."""
    path = Path(folder) / CORRECTIONS_NAME
    if not os.path.lexists(path):
        return []
    out, seen = [], {}
    for line, row in _rows(path, CORRECTION_COLUMNS, 3):
        fix = Correction(row["statement_id"], row["field"], row["value"], row.get("coder", ""), row.get("note", ""), line)
        _check(fix, path)
        key = (fix.statement_id, fix.field)
        if key in seen:
            raise CorpusError(f"{fix.statement_id} {fix.field} is corrected twice (also line {seen[key]})",
                              path=path, line=line)
        seen[key] = line
        out.append(fix)
    return out


def _check(fix: Correction, path: Path) -> None:
    if not fix.statement_id:
        raise CorpusError("a correction needs a statement_id", path=path, line=fix.line)
    if fix.field == "holder":
        allowed = HOLDERS
    elif fix.field in TOPICS:
        allowed = (*LABELS_BY_TOPIC[fix.field], NONE)
    else:
        raise CorpusError(f"field {fix.field!r} is not holder or a topic ({', '.join(TOPICS)})", path=path, line=fix.line)
    if fix.value not in allowed:
        raise CorpusError(f"{fix.field} cannot be {fix.value!r}; choose from {', '.join(allowed)}",
                          path=path, line=fix.line)


def read_events(folder: Path, *, extra: str | Path | None = None) -> pd.DataFrame | None:
    """The corpus's ``events.csv``, and the events file ``extra`` (a notebook's parameter),
    as one frame of ``date, label, kind`` (None when there is neither)."""
    paths = [p for p in (Path(folder) / EVENTS_NAME, extra) if p is not None and os.path.lexists(p)]
    if extra is not None and not os.path.lexists(extra):
        raise CorpusError("events file not found", path=extra)
    if not paths:
        return None
    frames = [read_events_file(Path(p)) for p in paths]
    return pd.concat(frames, ignore_index=True).sort_values(["date", "label"], kind="mergesort").reset_index(drop=True)


def read_events_file(path: Path) -> pd.DataFrame:
    """One events file (``date, label, kind``), each row checked."""
    rows = []
    for line, row in _rows(path, ("date", "label", "kind"), 3):
        if not row["label"]:
            raise CorpusError("an event needs a label", path=path, line=line)
        if row["kind"] not in TOPICS:
            raise CorpusError(f"kind {row['kind']!r} is not a topic ({', '.join(TOPICS)})", path=path, line=line)
        rows.append({"date": parse_iso_day(row["date"], path=path, line=line), "label": row["label"], "kind": row["kind"]})
    return pd.DataFrame(rows, columns=["date", "label", "kind"]).assign(date=lambda f: pd.to_datetime(f["date"]))


def apply_corrections(
    statements: pd.DataFrame, stances: pd.DataFrame | None, fixes: list[Correction], *, path: Path | str = CORRECTIONS_NAME
) -> tuple[pd.DataFrame, pd.DataFrame | None, pd.DataFrame]:
    """The tables with the hand corrections applied, and the audit table of what changed.

    Raises:
        CorpusError: a correction names a statement the corpus does not have.
    """
    known = set(statements["statement_id"])
    for fix in fixes:
        if fix.statement_id not in known:
            raise CorpusError(f"statement {fix.statement_id!r} is not in the corpus", path=path, line=fix.line)
    statements = statements.copy()
    stances = None if stances is None else stances.copy()
    audit = []
    for fix in fixes:
        if fix.field == "holder":
            audit.append(_fix_holder(statements, stances, fix))
        elif stances is not None:
            stances, machine = _fix_stance(statements, stances, fix)
            audit.append(_audit(fix, machine))
    return statements, stances, pd.DataFrame(audit, columns=list(AUDIT_COLUMNS))


def _audit(fix: Correction, machine: str) -> dict:
    return {"statement_id": fix.statement_id, "field": fix.field, "machine_value": machine, "value": fix.value,
            "coder": fix.coder, "note": fix.note}


def _fix_holder(statements: pd.DataFrame, stances: pd.DataFrame | None, fix: Correction) -> dict:
    """Set a statement's holder (on its stance rows too), keeping the machine's."""
    row = statements["statement_id"] == fix.statement_id
    machine = str(statements.loc[row, "holder"].iloc[0])
    statements.loc[row, "machine_holder"] = machine
    statements.loc[row, "holder"] = fix.value
    statements.loc[row, "source"] = "hand"
    if stances is not None:
        stances.loc[stances["statement_id"] == fix.statement_id, "holder"] = fix.value
    return _audit(fix, machine)


def _fix_stance(statements: pd.DataFrame, stances: pd.DataFrame, fix: Correction) -> tuple[pd.DataFrame, str]:
    """Set, add or remove a statement's stance on one topic; return the tables and the machine's label."""
    row = (stances["statement_id"] == fix.statement_id) & (stances["topic"] == fix.field)
    machine = str(stances.loc[row, "stance"].iloc[0]) if row.any() else NONE
    if fix.value == NONE:
        return stances.loc[~row].reset_index(drop=True), machine
    if row.any():
        stances.loc[row, ["stance", "score", "source", "machine_stance"]] = [
            fix.value, LABEL_SCORES[fix.value], "hand", machine]
        return stances, machine
    statement = statements.loc[statements["statement_id"] == fix.statement_id].iloc[0]
    added = {"statement_id": fix.statement_id, "doc_id": statement["doc_id"], "date": statement["date"],
             "event_date": statement["event_date"], "holder": statement["holder"], "topic": fix.field,
             "stance": fix.value, "score": LABEL_SCORES[fix.value], "rule_ids": "", "cues": "", "confidence": 1.0,
             "source": "hand", "machine_stance": NONE}
    return pd.concat([stances.astype(object), pd.DataFrame([added])], ignore_index=True), machine
