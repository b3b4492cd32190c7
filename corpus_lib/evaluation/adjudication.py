"""Settling the hand coders' disagreements into a gold table: `adjudicate`.

Per statement and field (``holder`` and each topic, a topic's value being its stance
label or ``none``), the value is settled when the coders who finished the statement agree
(one coder alone agrees with themself), or when the adjudicator decided it. Open are the
fields the coders disagree on and, even where they agree, every field of a statement a
coder marked unsure. They are listed in ``NAME.adjudication.csv`` beside the sheet:

    statement_id, field, reason, values, decision, comment, text

``reason`` is ``disagree`` or ``unsure``; ``values`` shows each coder's value; an unsure
row's ``decision`` is filled with the agreed value, a disagreement's is left empty. The
adjudicator writes a value into ``decision`` (a holder, a stance label of the topic, or
``none``), and a ``comment`` if they like, and runs `adjudicate` again. The file is
rewritten each time, keeping every decision and comment already made.

A statement goes into the gold table when all its fields are settled: one row per topic
it touches, in the format of ``corpus-lib evaluate --gold`` (`GOLD_COLUMNS`:
``statement_id, doc_id, text, holder, topic, stance, rationale``; the rationale joins
the coders' notes and the adjudicator's comments). Settled statements that touch no topic
have no row there (the gold format's convention) but count as coded:
:attr:`Adjudication.settled` lists every settled statement, the evaluation's universe.
The gold table is written to ``NAME.gold.csv``, rebuilt from the codes and decisions each
time: edit those, not it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from corpus_lib.evaluation.codes import atomic_write, read_all_codes
from corpus_lib.evaluation.gold import GOLD_COLUMNS, sort_gold
from corpus_lib.evaluation.sampling import CodingSample, read_sample
from corpus_lib.vocab import HOLDERS, LABELS_BY_TOPIC, TOPICS

__all__ = ["ADJUDICATION_COLUMNS", "Adjudication", "adjudicate"]

ADJUDICATION_COLUMNS: tuple[str, ...] = ("statement_id", "field", "reason", "values", "decision", "comment", "text")
FIELDS: tuple[str, ...] = ("holder", *TOPICS)
NONE = "none"


@dataclass(frozen=True)
class Adjudication:
    """The gold table settled from the hand codes, and what still waits for a decision.

    Attributes:
        gold: The gold table (`GOLD_COLUMNS`), sorted as `load_gold` sorts.
        settled: Every statement whose fields are all settled, topics or not (sheet order).
        holders: The settled holder of each settled statement (empty where none was coded).
        open: The rows of the adjudication sheet still without a decision.
        sample: The sample (for its weights).
        gold_path: Where the gold table was written (None if it was not).
        adjudication_path: The adjudication sheet, where it was written (None when nothing needs adjudication).
    """

    gold: pd.DataFrame
    settled: tuple[str, ...]
    holders: dict
    open: pd.DataFrame
    sample: CodingSample
    gold_path: Path | None = None
    adjudication_path: Path | None = None

    @property
    def message(self) -> str:
        """Markdown: how many statements are settled, how many fields wait, and where."""
        text = f"**{len(self.settled)}** statements settled ({len(self.gold)} gold rows)"
        if len(self.open):
            waiting = self.open["statement_id"].nunique()
            where = f" in `{self.adjudication_path}`" if self.adjudication_path else ""
            text += (f"; {len(self.open)} fields of {waiting} statements wait for a decision{where} "
                     "(they stay out of the gold until decided)")
        if self.gold_path is not None:
            text += f"; gold table: `{self.gold_path}`"
        return text + "."

    def _repr_markdown_(self) -> str:
        return self.message


def _value(code: dict, name: str) -> str:
    return code[name] if name == "holder" else (code[name] or NONE)


def _check_decision(name: str, decision: str) -> str | None:
    """What is wrong with a decision for a field, or None."""
    allowed = HOLDERS if name == "holder" else (*LABELS_BY_TOPIC[name], NONE)
    if decision not in allowed:
        return f"decision {decision!r} for {name} is not one of {', '.join(allowed)}"
    return None


def _read_decisions(decisions) -> pd.DataFrame:
    if decisions is None:
        return pd.DataFrame(columns=list(ADJUDICATION_COLUMNS))
    if isinstance(decisions, pd.DataFrame):
        frame = decisions.copy()
    else:
        frame = pd.read_csv(decisions, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    missing = [c for c in ("statement_id", "field", "decision") if c not in frame.columns]
    if missing:
        raise ValueError(f"the decisions lack the column(s) {', '.join(missing)}")
    for column in ADJUDICATION_COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
    frame = frame[list(ADJUDICATION_COLUMNS)].fillna("").astype(str)
    frame["decision"] = frame["decision"].str.strip()
    return frame.drop_duplicates(["statement_id", "field"], keep="last").reset_index(drop=True)


def _open_items(codes: pd.DataFrame, text_of: dict) -> pd.DataFrame:
    """The fields the coders disagree on, and every field of a statement some coder marked unsure."""
    rows = []
    for sid, group in codes.groupby("statement_id", sort=False):
        records = group.to_dict("records")
        unsure = any(r["unsure"] for r in records)
        for name in FIELDS:
            values = {r["coder"]: _value(r, name) for r in records}
            distinct = {v for v in values.values() if v}
            if len(distinct) > 1 or unsure:
                agreed = next(iter(distinct)) if len(distinct) == 1 else ""
                rows.append({"statement_id": sid, "field": name, "reason": "disagree" if len(distinct) > 1 else "unsure",
                             "values": "; ".join(f"{c}: {v or '-'}" for c, v in sorted(values.items())),
                             "decision": agreed, "comment": "", "text": text_of[sid]})
    return pd.DataFrame(rows, columns=list(ADJUDICATION_COLUMNS))


def _merge(items: pd.DataFrame, previous: pd.DataFrame) -> pd.DataFrame:
    """The open items with the decisions and comments already made; decided rows no longer open are kept."""
    key = ["statement_id", "field"]
    made = previous.set_index(key)
    merged = items.set_index(key)
    for index in merged.index.intersection(made.index):
        for column in ("decision", "comment"):
            if made.at[index, column]:
                merged.at[index, column] = made.at[index, column]
    kept = made.loc[made.index.difference(merged.index)]
    kept = kept.loc[(kept["decision"] != "") | (kept["comment"] != "")]
    return pd.concat([merged, kept]).reset_index()[list(ADJUDICATION_COLUMNS)]


def _settle(codes, decided, prefer, sheet) -> tuple[list[dict], list[str], dict]:
    """Gold rows, settled statement ids and their holders."""
    rows, settled, holders = [], [], {}
    info = sheet.set_index("statement_id")
    by_statement = dict(tuple(codes.groupby("statement_id", sort=False)))
    for sid in sheet["statement_id"]:
        if sid not in by_statement:
            continue
        records = by_statement[sid].to_dict("records")
        chosen = {}
        for name in FIELDS:
            values = {r["coder"]: _value(r, name) for r in records}
            distinct = {v for v in values.values() if v}
            if (sid, name) in decided:
                chosen[name] = decided[(sid, name)]
            elif len(distinct) <= 1 and not any(r["unsure"] for r in records):
                chosen[name] = next(iter(distinct), "")
            elif prefer is not None and values.get(prefer):
                chosen[name] = values[prefer]
        touched = [t for t in TOPICS if chosen.get(t, NONE) != NONE]
        if len(chosen) < len(FIELDS) or (touched and not chosen["holder"]):
            continue
        settled.append(sid)
        holders[sid] = chosen["holder"]
        notes = "; ".join(f"{r['coder']}: {r['note']}" for r in records if r["note"])
        for topic in touched:
            rows.append({"statement_id": sid, "doc_id": info.at[sid, "doc_id"], "text": info.at[sid, "text"],
                         "holder": chosen["holder"], "topic": topic, "stance": chosen[topic], "rationale": notes})
    return rows, settled, holders


def adjudicate(
    sheet: CodingSample | str,
    *,
    decisions=None,
    prefer: str | None = None,
    write: bool = True,
) -> Adjudication:
    """Settle the hand codes of a sheet into a gold table, listing what still needs a decision.

    Args:
        sheet: The sample (written) or its sheet CSV; the coders are the codes files beside it.
        decisions: The adjudicator's decisions (a CSV path or frame with ``statement_id,
            field, decision``); by default ``NAME.adjudication.csv`` if it exists.
        prefer: A coder whose value settles any field still open (for a quick look before
            adjudication; the adjudication sheet still lists those fields).
        write: Write ``NAME.adjudication.csv`` (when something is or was open) and ``NAME.gold.csv``.

    Returns:
        An :class:`Adjudication`.

    Raises:
        ValueError: a decision that is not a value of its field.
    """
    sample = read_sample(sheet)
    folder, name = sample.sheet_path.parent, sample.name
    adjudication_path = folder / f"{name}.adjudication.csv"
    if decisions is None and adjudication_path.exists():
        decisions = adjudication_path
    previous = _read_decisions(decisions)
    problems = [f"{r.statement_id} {r.field}: {_check_decision(r.field, r.decision)}"
                for r in previous.itertuples() if r.decision and r.field in FIELDS and _check_decision(r.field, r.decision)]
    if problems:
        raise ValueError("bad decisions:\n" + "\n".join(problems[:20]))
    codes = read_all_codes(sample.sheet_path)
    text_of = dict(zip(sample.sheet["statement_id"], sample.sheet["text"]))
    items = _merge(_open_items(codes, text_of), previous)
    decided = {(r.statement_id, r.field): r.decision for r in items.itertuples() if r.decision}
    rows, settled, holders = _settle(codes, decided, prefer, sample.sheet)
    gold = sort_gold(pd.DataFrame(rows, columns=list(GOLD_COLUMNS)).astype(str))
    gold_path = written = None
    if write:
        if len(items) or adjudication_path.exists():
            atomic_write(adjudication_path, items.to_csv(index=False, lineterminator="\n").encode("utf-8"))
            written = adjudication_path
        gold_path = folder / f"{name}.gold.csv"
        atomic_write(gold_path, gold.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    open_rows = items.loc[items["decision"] == ""].reset_index(drop=True)
    return Adjudication(gold=gold, settled=tuple(settled), holders=holders, open=open_rows, sample=sample,
                        gold_path=gold_path, adjudication_path=written)
