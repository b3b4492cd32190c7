"""Hand codes of a coding sheet: one file per coder beside the sheet, each write atomic.

A coder's file is ``NAME.codes-CODER.csv`` next to ``NAME.csv`` (see
:mod:`corpus_lib.evaluation.sampling`), one row per statement the coder has touched, in
sheet order, with the columns `CODE_COLUMNS`:

- ``holder``: one of the codebook's holders, or empty while not chosen;
- one column per topic: the stance label, empty where the statement does not touch the
  topic, or ``?`` while the topic is ticked and its label not yet chosen;
- ``unsure`` (``true``/``false``) and ``note``: the coder's doubt, for adjudication;
- ``done``: the coder finished the statement (a holder, and a label for every ticked
  topic); only finished statements count in agreement and gold;
- ``coded_at``: when the row last changed (UTC, ISO 8601).

Every change is written at once, and every write goes to a temporary file in the same
folder that then replaces the file (``os.replace``, atomic on one file system): a kernel
that dies mid-write leaves the previous file whole, never half of one. A write first reads
the file back and changes only its own statement's row, so two sessions of the same coder
(two tabs) lose nothing of each other's work.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from corpus_lib.vocab import HOLDERS, LABELS_BY_TOPIC, TOPICS

__all__ = [
    "CODE_COLUMNS",
    "PENDING",
    "atomic_write",
    "StandIn",
    "check_coder",
    "code_problems",
    "codes_from_gold",
    "codes_path",
    "coders",
    "empty_code",
    "read_all_codes",
    "read_codes",
    "write_code",
    "write_codes",
]

CODE_COLUMNS: tuple[str, ...] = ("statement_id", "coder", "holder", *TOPICS, "unsure", "note", "done", "coded_at")
PENDING = "?"
CODER_NAME = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
CODES_INFIX = ".codes-"


def check_coder(coder: str) -> str:
    """The coder's name, if it is 1–40 letters, digits, ``_`` or ``-`` (it becomes part of a file name)."""
    if not isinstance(coder, str) or not CODER_NAME.match(coder):
        raise ValueError(f"a coder's name is 1-40 letters, digits, '_' or '-', got {coder!r}")
    return coder


def _stem(sheet_path: Path) -> str:
    return sheet_path.name[: -len(".csv")] if sheet_path.name.endswith(".csv") else sheet_path.stem


def codes_path(sheet_path: str | Path, coder: str) -> Path:
    """Where a coder's codes of a sheet live: ``NAME.codes-CODER.csv`` beside ``NAME.csv``.

    Example:
        >>> codes_path("coding/sample.csv", "A").as_posix()
        'coding/sample.codes-A.csv'
    """
    sheet_path = Path(sheet_path)
    return sheet_path.parent / f"{_stem(sheet_path)}{CODES_INFIX}{check_coder(coder)}.csv"


def coders(sheet_path: str | Path) -> list[str]:
    """The coders who have a codes file beside the sheet, sorted by name."""
    sheet_path = Path(sheet_path)
    prefix = f"{_stem(sheet_path)}{CODES_INFIX}"
    names = [p.name[len(prefix) : -len(".csv")] for p in sheet_path.parent.glob(f"{prefix}*.csv")]
    return sorted(name for name in names if CODER_NAME.match(name))


def empty_code(statement_id: str, coder: str) -> dict[str, object]:
    """A row of nothing coded yet."""
    return {"statement_id": statement_id, "coder": coder, "holder": "", **dict.fromkeys(TOPICS, ""),
            "unsure": False, "note": "", "done": False, "coded_at": ""}


def code_problems(code: Mapping[str, object]) -> list[str]:
    """What keeps a row from being finished: no holder, a ticked topic without its label, a bad value."""
    problems = []
    holder = code.get("holder", "")
    if not holder:
        problems.append("choose the holder")
    elif holder not in HOLDERS:
        problems.append(f"holder {holder!r} is not one of {', '.join(HOLDERS)}")
    for topic in TOPICS:
        value = code.get(topic, "")
        if value == PENDING:
            problems.append(f"choose the stance on {topic}")
        elif value and value not in LABELS_BY_TOPIC[topic]:
            problems.append(f"{value!r} is not a label of {topic} ({', '.join(LABELS_BY_TOPIC[topic])})")
    return problems


def _frame(rows) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows), columns=list(CODE_COLUMNS))
    for column in CODE_COLUMNS:
        if column in ("unsure", "done"):
            frame[column] = frame[column].astype(bool)
        else:
            frame[column] = frame[column].fillna("").astype(str)
    return frame


def read_codes(path: str | Path) -> pd.DataFrame:
    """One coder's codes file as a frame (`CODE_COLUMNS`; ``unsure`` and ``done`` as booleans); empty if absent."""
    path = Path(path)
    if not path.exists():
        return _frame([])
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in CODE_COLUMNS if c not in raw.columns]
    if missing:
        raise ValueError(f"{path} is not a codes file: it lacks {', '.join(missing)}")
    for column in ("unsure", "done"):
        raw[column] = raw[column].str.lower().isin(["true", "1", "yes"])
    return _frame(raw[list(CODE_COLUMNS)].to_dict("records"))


def atomic_write(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and ``os.replace``.

    The temporary file is flushed to disk before it replaces ``path``, and removed if
    anything fails, so ``path`` always holds either its old or its new bytes.
    """
    path = Path(path)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644  # mkstemp's own 0600 would stick
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(temporary, mode)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def write_codes(path: str | Path, codes: pd.DataFrame, order: list[str] | None = None) -> None:
    """Write a whole codes frame atomically, rows in ``order`` of statement ids (sheet order) where given."""
    frame = _frame(codes.to_dict("records"))
    if order is not None:
        rank = {sid: i for i, sid in enumerate(order)}
        frame = frame.assign(_rank=frame["statement_id"].map(rank).fillna(len(rank)))
        frame = frame.sort_values(["_rank", "statement_id"], kind="mergesort").drop(columns="_rank")
    text = frame.to_csv(index=False, lineterminator="\n")
    atomic_write(path, text.encode("utf-8"))


def write_code(path: str | Path, code: Mapping[str, object], order: list[str] | None = None) -> pd.DataFrame:
    """Put one statement's row into a coder's file (read back first, only that row changed); return the file's codes."""
    row = {**empty_code(str(code["statement_id"]), str(code.get("coder", ""))), **dict(code)}
    row["coded_at"] = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    codes = read_codes(path)
    codes = codes.loc[codes["statement_id"] != row["statement_id"]]
    codes = _frame([*codes.to_dict("records"), row])
    write_codes(path, codes, order)
    return codes


def read_all_codes(sheet_path: str | Path, *, done_only: bool = True) -> pd.DataFrame:
    """Every coder's codes of a sheet in one frame (`CODE_COLUMNS`), finished statements only by default."""
    frames = [read_codes(codes_path(sheet_path, coder)).assign(coder=coder) for coder in coders(sheet_path)]
    codes = _frame(pd.concat(frames, ignore_index=True).to_dict("records")) if frames else _frame([])
    if done_only:
        codes = codes.loc[codes["done"]]
    return codes.sort_values(["statement_id", "coder"], kind="mergesort").reset_index(drop=True)


@dataclass(frozen=True)
class StandIn:
    """What a gold file coded of a sheet, standing in for a coder (see `codes_from_gold`)."""

    coder: str
    path: Path | None
    n_coded: int
    n_sheet: int
    changed: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        """Markdown: how many statements the gold file coded, and why the others are left."""
        if not self.n_coded:
            return (f"The gold file covers no document of this sample: coder `{self.coder}` codes nothing here. "
                    "Code the sample with the widget above (and ask a second coder to do the same).")
        text = f"Coder `{self.coder}` (the gold file) coded **{self.n_coded}** of the {self.n_sheet} statements"
        if self.n_coded < self.n_sheet:
            text += "; the others belong to documents the gold file does not cover"
        if self.changed:
            text += f"; {len(self.changed)} were left out because their text changed since they were coded"
        return text + "."

    def _repr_markdown_(self) -> str:
        return self.message


def codes_from_gold(sheet, gold: str | Path, *, coder: str = "gold") -> StandIn:
    """Let a gold file (``corpus-lib evaluate --gold`` format) stand in for a coder of a sheet.

    A gold file codes whole documents: a statement of a document it covers is coded by its
    rows (topics and stances; the holder of its rows), and a statement of that document
    without rows touches no topic, its holder left empty (missing: the file records holders
    only where a topic is touched). Statements of other documents, and statements whose
    text differs from the gold row's (the segmentation changed), are left uncoded. The
    codes file is written like a coder's; when it exists it must already hold these codes.

    Args:
        sheet: The sample (a :class:`~corpus_lib.evaluation.sampling.CodingSample` that was
            written) or the path of its sheet CSV.
        gold: The gold CSV, e.g. ``annotations/seeds.csv``.
        coder: The name the gold file codes under.

    Returns:
        A :class:`StandIn` saying what was coded.

    Raises:
        FileExistsError: the coder's file exists with other codes.
    """
    from corpus_lib.evaluation.gold import load_gold
    from corpus_lib.evaluation.sampling import read_sample

    sample = read_sample(sheet)
    path = codes_path(sample.sheet_path, coder)
    table = load_gold(gold)
    covered = set(table["doc_id"])
    rows, changed = [], []
    for statement in sample.sheet.to_dict("records"):
        if statement["doc_id"] not in covered:
            continue
        mine = table.loc[table["statement_id"] == statement["statement_id"]]
        if len(mine) and (mine["text"] != statement["text"]).any():
            changed.append(statement["statement_id"])
            continue
        row = {**empty_code(statement["statement_id"], coder), "done": True}
        row["holder"] = str(mine["holder"].iloc[0]) if len(mine) else ""
        row.update(dict(zip(mine["topic"], mine["stance"])))
        row["note"] = "; ".join(r for r in mine["rationale"] if r)
        rows.append(row)
    result = StandIn(coder, path if rows else None, len(rows), len(sample.sheet), tuple(changed))
    if not rows:
        return result
    data = _frame(rows).to_csv(index=False, lineterminator="\n").encode("utf-8")
    if path.exists() and path.read_bytes() != data:
        raise FileExistsError(f"not overwriting {path}: it holds other codes. Move it away to code the sheet again.")
    if not path.exists():
        atomic_write(path, data)
    return result
