"""Whole articles coded sentence by sentence: how well the parse and the coder agree with hand codes.

A gold file for articles (``tests/data/news/*_gold.csv`` is one) has one row per sentence of
each document, in reading order: ``doc_id,n,text,speaker,speaker_role,holder,karabakh,russia,
membership,note``, where ``text`` is copied verbatim from the article. Each gold sentence is
aligned with the statement that overlaps it most (offsets into the raw file), so the
comparison survives a different sentence split. The figures:

- speaker-role accuracy, speaker accuracy (same surname, or the same role word) and holder
  accuracy, overall, on NATO-held sentences and per gold speaker role (narrator, quoted,
  interviewee, interviewer, headline);
- per topic, topic precision, recall and F1, and the stance macro-F1 over the non-neutral
  labels with a missed or extra topic counted as wrong (the held-out convention).

Intervals are 95% percentile bootstraps that resample documents, not sentences: sentences of
one article are not independent.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from corpus_lib.errors import CorpusError
from corpus_lib.evaluation.metrics import macro_f1, precision_recall_f1
from corpus_lib.pipeline.load import decode_text
from corpus_lib.vocab import HOLDERS, LABELS_BY_TOPIC, NEUTRAL, ROLES, TOPICS

ARTICLE_GOLD_COLUMNS = ("doc_id", "n", "text", "speaker", "speaker_role", "holder", *TOPICS, "note")
NONE = "none"


def load_article_gold(path: str | Path) -> pd.DataFrame:
    """Read and check an article gold file: closed sets per column, one error naming file and line."""
    path = Path(path)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in ARTICLE_GOLD_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise CorpusError(f"gold file lacks columns: {', '.join(missing)}", path=path, line=1)
        rows = []
        for row in reader:
            _check_gold_row(row, path=path, line=reader.line_num)
            rows.append({c: row[c] or "" for c in ARTICLE_GOLD_COLUMNS})
    return pd.DataFrame(rows, columns=list(ARTICLE_GOLD_COLUMNS))


def _check_gold_row(row: dict, *, path: Path, line: int) -> None:
    closed = {"speaker_role": ROLES, "holder": HOLDERS}
    for column, allowed in closed.items():
        if row[column] not in allowed:
            raise CorpusError(f"{column} {row[column]!r} is not one of {', '.join(allowed)}", path=path, line=line)
    for topic in TOPICS:
        if row[topic] and row[topic] not in LABELS_BY_TOPIC[topic]:
            raise CorpusError(f"{topic} label {row[topic]!r} is not one of {', '.join(LABELS_BY_TOPIC[topic])}",
                              path=path, line=line)
    if not row["text"].strip():
        raise CorpusError("empty text", path=path, line=line)


def align(corpus, gold: pd.DataFrame) -> pd.DataFrame:
    """The gold rows with the machine's speaker, role, holder and labels of the statement that
    overlaps each gold sentence most (empty where none does)."""
    documents = corpus.documents.set_index("doc_id")
    statements = corpus.statements
    labels = _machine_labels(corpus.stances)
    out = []
    for doc_id, rows in gold.groupby("doc_id", sort=False):
        if doc_id not in documents.index:
            raise ValueError(f"gold document {doc_id!r} is not in the corpus")
        path = Path(corpus.root) / documents.loc[doc_id, "file"]
        raw = decode_text(path.read_bytes(), path=path)  # the text the statements' offsets index
        mine = statements[statements["doc_id"] == doc_id]
        out += _align_document(raw, rows, mine, labels)
    return pd.DataFrame(out)


def _collapsed(raw: str) -> tuple[str, list[int]]:
    """The text with every run of whitespace (line ends and wraps included) as one space, and
    for each of its characters the offset it comes from in ``raw``."""
    text: list[str] = []
    origin: list[int] = []
    for match in _RUN.finditer(raw):
        first = match.start()
        text.append(" " if match.group().isspace() else match.group())
        origin.extend([first] if match.group().isspace() else range(first, match.end()))
    return "".join(text), origin


_RUN = re.compile(r"\s+|\S+")


def _align_document(raw: str, rows: pd.DataFrame, mine: pd.DataFrame, labels: dict) -> list[dict]:
    starts, ends = mine["char_start"].to_numpy(), mine["char_end"].to_numpy()
    flat, origin = _collapsed(raw)
    cursor, aligned = 0, []
    for row in rows.to_dict("records"):
        wanted = " ".join(row["text"].split())
        found = flat.find(wanted, cursor)
        found = flat.find(wanted) if found < 0 else found
        if found < 0:
            raise ValueError(f"{row['doc_id']} sentence {row['n']}: text not found in the article")
        cursor = found + len(wanted)
        a, b = origin[found], origin[cursor - 1] + 1
        overlap = np.minimum(ends, b) - np.maximum(starts, a)
        best = int(overlap.argmax()) if len(overlap) else -1
        hit = mine.iloc[best] if best >= 0 and overlap[best] > 0 else None
        machine = {
            "m_statement_id": hit["statement_id"] if hit is not None else "",
            "m_speaker": hit["speaker"] if hit is not None else "",
            "m_speaker_role": hit["speaker_role"] if hit is not None else "",
            "m_holder": hit["holder"] if hit is not None else "",
        }
        codes = labels.get(machine["m_statement_id"], {})
        aligned.append({**row, **machine, **{f"m_{t}": codes.get(t, "") for t in TOPICS}})
    return aligned


def _machine_labels(stances: pd.DataFrame | None) -> dict[str, dict[str, str]]:
    labels: dict[str, dict[str, str]] = {}
    if stances is not None:
        for sid, topic, stance in zip(stances["statement_id"], stances["topic"], stances["stance"], strict=True):
            labels.setdefault(sid, {})[str(topic)] = str(stance)
    return labels


def same_speaker(gold: str, machine: str) -> bool:
    """The same person (same surname, case aside) or the same role word ("narrator")."""
    g, m = gold.strip().lower(), machine.strip().lower()
    return g == m or (bool(g) and bool(m) and g.split()[-1] == m.split()[-1])


@dataclass
class ArticleReport:
    """Figures of agreement on whole articles; ``table`` has one row per figure."""

    table: pd.DataFrame
    aligned: pd.DataFrame
    n_documents: int

    def to_text(self) -> str:
        lines = [f"Article evaluation: {len(self.aligned)} sentences in {self.n_documents} documents "
                 "(95% intervals resample documents)"]
        lines.append(f"{'group':<12} {'metric':<22} {'value':>6}  {'95% interval':<16} {'n':>5}")
        for r in self.table.itertuples():
            interval = f"[{r.ci_low:.2f}, {r.ci_high:.2f}]" if not np.isnan(r.ci_low) else "-"
            lines.append(f"{r.group:<12} {r.metric:<22} {r.value:6.3f}  {interval:<16} {r.n:>5}")
        return "\n".join(lines)


def evaluate_articles(corpus, gold: pd.DataFrame, *, n_resamples: int = 1000, seed: int = 0) -> ArticleReport:
    """Compare a corpus's statements and stances with an article gold table (see the module doc)."""
    aligned = align(corpus, gold)
    figures = []
    for group, rows in _groups(aligned):
        for metric, statistic in _attribution_metrics().items():
            figures.append(_figure(group, metric, statistic, rows, n_resamples, seed))
    for topic in TOPICS:
        for metric, statistic in _topic_metrics(topic).items():
            figures.append(_figure(topic, metric, statistic, aligned, n_resamples, seed))
    return ArticleReport(pd.DataFrame(figures), aligned, aligned["doc_id"].nunique())


def _groups(aligned: pd.DataFrame):
    yield "all", aligned
    yield "NATO-held", aligned[aligned["holder"] == "NATO"]
    for role in ROLES:
        rows = aligned[aligned["speaker_role"] == role]
        if len(rows):
            yield role, rows


def _attribution_metrics() -> dict[str, Callable[[pd.DataFrame], float]]:
    return {
        "holder_accuracy": lambda d: float((d["holder"] == d["m_holder"]).mean()),
        "role_accuracy": lambda d: float((d["speaker_role"] == d["m_speaker_role"]).mean()),
        "speaker_accuracy": lambda d: float(np.mean([same_speaker(g, m) for g, m in zip(d["speaker"], d["m_speaker"],
                                                                                          strict=True)])),
    }


def _topic_metrics(topic: str) -> dict[str, Callable[[pd.DataFrame], float]]:
    positions = [label for label in LABELS_BY_TOPIC[topic] if label != NEUTRAL]

    def f1(d: pd.DataFrame) -> float:
        return precision_recall_f1((d[topic] != "").tolist(), (d[f"m_{topic}"] != "").tolist())["f1"]

    def stance(d: pd.DataFrame) -> float:
        touched = (d[topic] != "") | (d[f"m_{topic}"] != "")
        gold = d.loc[touched, topic].replace("", NONE).tolist()
        pred = d.loc[touched, f"m_{topic}"].replace("", NONE).tolist()
        return macro_f1(gold, pred, labels=positions) if gold else float("nan")

    return {"topic_f1": f1, "stance_macro_f1": stance}


def _figure(group: str, metric: str, statistic, rows: pd.DataFrame, n_resamples: int, seed: int) -> dict:
    value = statistic(rows) if len(rows) else float("nan")
    low, high = cluster_bootstrap(statistic, rows, n_resamples=n_resamples, seed=seed)
    return {"group": group, "metric": metric, "value": value, "ci_low": low, "ci_high": high, "n": len(rows),
            "n_documents": rows["doc_id"].nunique()}


def cluster_bootstrap(statistic, rows: pd.DataFrame, *, n_resamples: int = 1000, seed: int = 0,
                      confidence: float = 0.95) -> tuple[float, float]:
    """Percentile interval of ``statistic(rows)`` resampling whole documents (``doc_id``) with
    replacement; NaN with fewer than two documents."""
    docs = rows["doc_id"].unique()
    if len(docs) < 2 or n_resamples < 1:
        return float("nan"), float("nan")
    positions = {d: np.flatnonzero(rows["doc_id"].to_numpy() == d) for d in docs}
    rng = np.random.default_rng(seed)
    values = []
    for _ in range(n_resamples):
        drawn = rng.choice(docs, size=len(docs), replace=True)
        values.append(statistic(rows.iloc[np.concatenate([positions[d] for d in drawn])]))
    values = np.asarray(values, dtype=float)
    if np.isnan(values).all():
        return float("nan"), float("nan")
    tail = (1 - confidence) / 2 * 100
    low, high = np.nanpercentile(values, [tail, 100 - tail])
    return float(low), float(high)
