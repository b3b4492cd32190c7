"""Agreement between the hand coders of a sample: Krippendorff's alpha per variable, and the disagreements.

The coders are the codes files beside a coding sheet (:mod:`corpus_lib.evaluation.codes`);
only statements a coder finished count. Each statement is a unit, and each coder's codes
give three kinds of variable:

- ``holder``: the holder chosen (missing where a coder left it empty);
- ``topic`` (one per topic): whether the coder says the statement touches the topic
  (``yes``/``no``);
- ``stance`` (one per topic): the label, where the coder ticked the topic, missing
  elsewhere; so a stance's alpha is over the statements at least two coders put under
  the topic, and a topic missed shows in the ``topic`` variable, not twice.

Alpha is Krippendorff's nominal alpha (`corpus_lib.evaluation.metrics.krippendorff_alpha`),
which takes any number of coders and missing values: a unit only one coder coded is not
pairable and drops out. Its 95% interval is a percentile bootstrap that resamples
**documents** (all the statements of a drawn document together, 1,000 times by default):
statements of one document share a writer, a speaker and a context, so they are not
independent, and resampling statements would make the interval too narrow. With few
documents the interval is wide, and it should be.

The machine can take part as one more coder (``machine=corpus``): its holder is the
parser's, its topics and stances the coder's. Its alpha with the hand coders, beside
theirs among themselves, says whether it codes as well as a person does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from corpus_lib.evaluation.codes import read_all_codes
from corpus_lib.evaluation.metrics import krippendorff_alpha
from corpus_lib.evaluation.sampling import CodingSample, read_sample
from corpus_lib.vocab import TOPICS

__all__ = ["ALPHA_COLUMNS", "MACHINE", "Agreement", "coder_agreement", "disagreements", "machine_codes"]

ALPHA_COLUMNS: tuple[str, ...] = ("variable", "topic", "coders", "alpha", "ci_low", "ci_high", "n_units", "n_documents")
MACHINE = "machine"
NONE = "none"
FIELDS: tuple[str, ...] = ("holder", *TOPICS)


@dataclass(frozen=True)
class Agreement:
    """Alpha per variable with its interval, and where the hand coders disagree.

    Attributes:
        alpha: `ALPHA_COLUMNS`: one row per variable and group of coders (the hand coders
            among themselves, and with the machine where it takes part). ``n_units`` is the
            number of pairable statements, ``n_documents`` the documents they come from.
        disagreements: One row per statement and field (``holder`` or a topic) the hand
            coders finished but coded differently: ``statement_id, doc_id, field``, one
            column per coder (a topic's value is its label or ``none``), ``unsure`` (coders
            who marked the statement), ``text``.
        coders: The hand coders, in name order.
        n_resamples: Bootstrap resamples (documents resampled).
    """

    alpha: pd.DataFrame
    disagreements: pd.DataFrame
    coders: tuple[str, ...]
    n_resamples: int = 1000
    machine: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def message(self) -> str:
        """Markdown: who coded, what can be compared, how many disagreements."""
        names = ", ".join(f"`{c}`" for c in self.coders) or "nobody"
        lines = [f"Hand coders with finished statements: {names}."]
        if len(self.coders) < 2:
            lines.append("Agreement between coders needs a second coder on the same statements.")
        else:
            lines.append(f"**{len(self.disagreements)}** disagreements between them (statement and field).")
        lines += list(self.notes)
        lines.append(f"Intervals: 95% percentile bootstrap, {self.n_resamples} resamples of documents.")
        return " ".join(lines)

    def _repr_markdown_(self) -> str:
        return self.message


def _field_value(code: dict, name: str) -> str | None:
    """A coder's value of a field: the holder (None if empty), or a topic's label or ``none``."""
    value = code[name]
    if name == "holder":
        return value or None
    return value or NONE


def machine_codes(corpus, statement_ids) -> pd.DataFrame:
    """The machine's codes of some statements in the codes-file layout (coder ``machine``, all finished)."""
    ids = list(statement_ids)
    holders = corpus.statements.astype({"statement_id": str}).set_index("statement_id")["holder"].astype(str)
    stances = corpus.stances.astype({"statement_id": str, "topic": str, "stance": str})
    stances = stances.loc[stances["statement_id"].isin(ids)]
    rows = {sid: {"statement_id": sid, "coder": MACHINE, "holder": holders.get(sid, ""),
                  **dict.fromkeys(TOPICS, ""), "unsure": False, "note": "", "done": True, "coded_at": ""} for sid in ids}
    for rec in stances.itertuples(index=False):
        rows[rec.statement_id][rec.topic] = rec.stance
    return pd.DataFrame(list(rows.values()))


def _matrices(codes: pd.DataFrame, coders: list[str], units: list[str]) -> dict[tuple[str, str], np.ndarray]:
    """(variable, topic) -> coders x units matrix of values, None where missing."""
    index = {sid: i for i, sid in enumerate(units)}
    out = {("holder", ""): np.full((len(coders), len(units)), None, dtype=object)}
    for topic in TOPICS:
        out[("topic", topic)] = np.full((len(coders), len(units)), None, dtype=object)
        out[("stance", topic)] = np.full((len(coders), len(units)), None, dtype=object)
    row_of = {c: i for i, c in enumerate(coders)}
    for code in codes.to_dict("records"):
        r, u = row_of[code["coder"]], index[code["statement_id"]]
        out[("holder", "")][r, u] = code["holder"] or None
        for topic in TOPICS:
            out[("topic", topic)][r, u] = "yes" if code[topic] else "no"
            out[("stance", topic)][r, u] = code[topic] or None
    return out


def _alpha_or_nan(matrix: np.ndarray) -> float:
    try:
        return krippendorff_alpha(matrix)
    except ValueError:  # no pairable unit
        return float("nan")


def _pairable(matrix: np.ndarray) -> np.ndarray:
    return (~pd.isna(matrix)).sum(axis=0) >= 2


def _interval(matrix: np.ndarray, docs: np.ndarray, draws: list[np.ndarray], confidence: float) -> tuple[float, float]:
    """Percentile interval of alpha over the document resamples (a draw: the units of the drawn documents)."""
    stats = np.array([_alpha_or_nan(matrix[:, units]) for units in draws])
    if np.isnan(stats).all():
        return float("nan"), float("nan")
    tail = (1.0 - confidence) / 2.0 * 100.0
    low, high = np.nanpercentile(stats, [tail, 100.0 - tail])
    return float(low), float(high)


def _document_draws(docs: np.ndarray, n_resamples: int, seed: int) -> list[np.ndarray]:
    """Each resample's unit positions: documents drawn with replacement, all their units taken."""
    names, codes = np.unique(docs, return_inverse=True)
    members = [np.flatnonzero(codes == i) for i in range(len(names))]
    rng = np.random.default_rng(seed)
    return [np.concatenate([members[d] for d in rng.integers(0, len(names), size=len(names))])
            for _ in range(n_resamples)]


def _alpha_rows(codes, coders, units, doc_of, *, n_resamples, seed, confidence) -> list[dict]:
    """Alpha of every variable for one group of coders."""
    docs = np.array([doc_of[sid] for sid in units], dtype=object)
    draws = _document_draws(docs, n_resamples, seed) if units else []
    rows = []
    for (variable, topic), matrix in _matrices(codes, coders, units).items():
        pairable = _pairable(matrix)
        value = _alpha_or_nan(matrix) if pairable.any() else float("nan")
        low, high = _interval(matrix, docs, draws, confidence) if pairable.any() else (float("nan"), float("nan"))
        rows.append({"variable": variable, "topic": topic, "coders": ", ".join(coders), "alpha": value,
                     "ci_low": low, "ci_high": high, "n_units": int(pairable.sum()),
                     "n_documents": int(len(set(docs[pairable].tolist())))})
    return rows


def disagreements(codes: pd.DataFrame, sheet: pd.DataFrame) -> pd.DataFrame:
    """Every (statement, field) that two or more coders finished and coded differently.

    Args:
        codes: Finished codes of several coders (the codes-file layout with ``coder``).
        sheet: The coding sheet (for ``doc_id`` and ``text``).

    Returns:
        ``statement_id, doc_id, field``, a column per coder, ``unsure``, ``text``; sorted by
        statement and field (holder first, then the topics in codebook order).
    """
    names = sorted(codes["coder"].unique().tolist())
    info = sheet.set_index("statement_id")
    rows = []
    for sid, group in codes.groupby("statement_id", sort=True):
        if len(group) < 2:
            continue
        records = group.to_dict("records")
        unsure = ", ".join(r["coder"] for r in records if r["unsure"])
        for name in FIELDS:
            values = {r["coder"]: _field_value(r, name) for r in records}
            if len({v for v in values.values() if v is not None}) > 1:
                rows.append({"statement_id": sid, "doc_id": info.at[sid, "doc_id"], "field": name,
                             **{c: values.get(c) or "" for c in names}, "unsure": unsure, "text": info.at[sid, "text"]})
    return pd.DataFrame(rows, columns=["statement_id", "doc_id", "field", *names, "unsure", "text"])


def coder_agreement(
    sheet: CodingSample | str,
    *,
    machine=None,
    n_resamples: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
) -> Agreement:
    """Krippendorff's alpha between the coders of a sheet, per variable, with document-bootstrap intervals.

    Args:
        sheet: The sample (written) or its sheet CSV; the coders are the codes files beside it.
        machine: A corpus (``statements`` with the parser's holder, ``stances``) whose
            codes take part as coder ``machine``; None leaves the machine out.
        n_resamples: Bootstrap resamples of documents.
        seed: Seed of the bootstrap (the same resamples for every variable).
        confidence: Coverage of the intervals.

    Returns:
        An :class:`Agreement`; alpha is NaN (with ``n_units`` 0) where no statement has two values.
    """
    sample = read_sample(sheet)
    codes = read_all_codes(sample.sheet_path)
    unknown = sorted(set(codes["statement_id"]) - set(sample.sheet["statement_id"]))
    if unknown:
        raise ValueError(f"codes of statements that are not in the sheet: {', '.join(unknown[:5])}")
    coders = sorted(codes["coder"].unique().tolist())
    units = sorted(codes["statement_id"].unique().tolist())
    doc_of = dict(zip(sample.sheet["statement_id"], sample.sheet["doc_id"]))
    options = {"n_resamples": n_resamples, "seed": seed, "confidence": confidence}
    rows, notes = [], []
    if len(coders) >= 2:
        rows += _alpha_rows(codes, coders, units, doc_of, **options)
    if machine is not None and coders:
        with_machine = pd.concat([codes, machine_codes(machine, units)], ignore_index=True)
        rows += _alpha_rows(with_machine, [*coders, MACHINE], units, doc_of, **options)
        notes.append("The machine takes part as coder `machine`: compare its rows with the hand coders' own.")
    alpha = pd.DataFrame(rows, columns=list(ALPHA_COLUMNS))
    return Agreement(alpha=alpha, disagreements=disagreements(codes, sample.sheet), coders=tuple(coders),
                     n_resamples=n_resamples, machine=machine is not None, notes=tuple(notes))
