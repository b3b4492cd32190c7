"""A synthetic news archive made from the seed texts, for scale tests and benchmarks.

:func:`make_corpus` writes ``n_docs`` ``.txt`` files and their ``manifest.csv`` rows into a
folder. Each document takes one seed as its template (which fixes its genre, title, source
and paragraph style), keeps the template's lead (title, bylines) and trailing page clutter
in place, and recombines the template's body in a new order, mixed (for news, essays and
releases) with paragraphs of the other seeds. Interviews are recombined in whole
question-and-answer blocks, so a question still precedes its answer. Every document gets a
new ``doc_id`` and a new date between 2005 and 2024.

The output is deterministic: document ``i`` depends only on ``(seed, i)`` and the seed
texts, so the same call writes the same bytes, and documents are written one at a time
(memory does not grow with ``n_docs``).

The synthetic texts are for measuring the pipeline, never for analysis: their sentences are
the seeds' sentences, out of context, under invented dates.

Example:
    >>> import tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp()) / "archive"
    >>> make_corpus(folder, 12, seed=1)
    12
    >>> len(list(folder.rglob("*.txt")))
    12
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import re
from dataclasses import dataclass
from pathlib import Path

from corpus_lib.pipeline.load import MANIFEST_COLUMNS, MANIFEST_NAME, load_documents
from corpus_lib.pipeline.write import atomic_folder

MIN_DOCS, MAX_DOCS = 10, 100_000
FIRST_DAY, LAST_DAY = dt.date(2005, 1, 1), dt.date(2024, 12, 31)
FILES_PER_FOLDER = 1000
# Paragraph ends that close a sentence; a lead paragraph (title, byline, dateline) has none.
_FINAL = ('.', '?', '!', '"', '”', '…')
_QUESTION_LABEL = re.compile(r"(Question|Q)\s*:", re.IGNORECASE)
_DASH_TURN = re.compile(r"[-–—]\s")


@dataclass(frozen=True)
class Template:
    """One seed text cut into a fixed lead, recombinable body blocks and a fixed tail."""

    doc_id: str
    title: str
    source: str
    genre: str
    separator: str
    lead: tuple[str, ...]
    blocks: tuple[tuple[str, ...], ...]
    tail: tuple[str, ...]
    ending: str


def _is_lead(paragraph: str) -> bool:
    text = paragraph.strip()
    return bool(text) and not text.endswith(_FINAL) and not _QUESTION_LABEL.match(text)


def _is_tail(paragraph: str) -> bool:
    """Trailing page clutter: a list of headlines (many lines, nearly all capitalised, unlike a
    hard-wrapped paragraph), or a paragraph led by a blank-ish line."""
    lines = paragraph.split("\n")
    capitalised = sum(1 for line in lines if line[:1].isupper() or line[:1].isdigit())
    return (len(lines) >= 5 and capitalised >= 0.8 * len(lines)) or (
        len(lines) > 1 and not lines[0].strip()
    )


def _is_subheadline(paragraph: str) -> bool:
    text = paragraph.strip()
    return "\n" not in text and 2 <= len(text) < 160 and text[:1] in '"“' and text[-1:] in '"”'


def _interview_blocks(body: list[str]) -> list[tuple[str, ...]]:
    """Group an interview body into blocks that each open with a question (or its subheadline).

    A question turn is a ``Question:`` paragraph, or a dash-led turn (the dash paragraph and
    the unlabelled paragraphs after it) whose last paragraph asks something. Every other turn
    stays in the block of the question before it, so answers never leave their question.
    """
    turns: list[list[str]] = []
    for p in body:
        text = p.strip()
        opens = _QUESTION_LABEL.match(text) or _DASH_TURN.match(text) or text.lower().startswith("answer")
        if not turns or opens or _is_subheadline(p):
            turns.append([p])
        else:
            turns[-1].append(p)
    blocks: list[list[str]] = []
    pending_head = False
    for turn in turns:
        first = turn[0].strip()
        asks = _QUESTION_LABEL.match(first) or (
            _DASH_TURN.match(first) and turn[-1].strip().endswith("?")
        )
        if _is_subheadline(turn[0]):
            blocks.append(list(turn))
            pending_head = True
        elif asks and not pending_head:
            blocks.append(list(turn))
        elif blocks:
            blocks[-1].extend(turn)
            pending_head = False if asks else pending_head
        else:
            blocks.append(list(turn))
        if asks:
            pending_head = False
    return [tuple(b) for b in blocks]


def make_template(doc) -> Template:
    """Cut a seed :class:`~corpus_lib.pipeline.load.RawDocument` into lead, body blocks and tail."""
    text = doc.text
    body_text = text.rstrip()
    ending = text[len(body_text):]
    separator = "\n\n" if "\n\n" in body_text else "\n"
    paragraphs = body_text.split(separator)
    n_lead = 0
    while n_lead < len(paragraphs) - 1 and _is_lead(paragraphs[n_lead]):
        n_lead += 1
    n_tail = 0
    while n_tail < len(paragraphs) - n_lead - 1 and _is_tail(paragraphs[-1 - n_tail]):
        n_tail += 1
    body = paragraphs[n_lead : len(paragraphs) - n_tail]
    genre = doc.meta.genre or "news"
    if genre == "interview":
        blocks = _interview_blocks(body)
    else:
        blocks = [(p,) for p in body if p.strip()]
    return Template(
        doc_id=doc.meta.doc_id,
        title=doc.meta.title,
        source=doc.meta.source,
        genre=genre,
        separator=separator,
        lead=tuple(paragraphs[:n_lead]),
        blocks=tuple(blocks),
        tail=tuple(paragraphs[len(paragraphs) - n_tail :]),
        ending=ending,
    )


def load_templates(folder: str | Path | None = None) -> list[Template]:
    """The seed texts (or another corpus folder) as templates, in manifest order."""
    from corpus_lib.paths import SEEDS_DIR

    return [make_template(doc) for doc in load_documents(Path(folder) if folder else SEEDS_DIR)]


def _fit(paragraph: str, separator: str) -> str:
    """A foreign paragraph in the template's style: unwrap hard line breaks where lines are paragraphs."""
    return " ".join(paragraph.split("\n")) if separator == "\n" else paragraph


def compose(templates: list[Template], index: int, *, seed: int = 0) -> tuple[dict, str]:
    """Document ``index`` of the synthetic corpus for ``seed``: its manifest row and its text."""
    rng = random.Random(f"corpus_lib.scale.synth:{seed}:{index}")
    template = rng.choice(templates)
    own = list(template.blocks)
    keep = rng.randint(max(1, (len(own) + 1) // 2), len(own)) if own else 0
    body = rng.sample(own, keep)
    if template.genre != "interview":
        pool = [
            (_fit(p, template.separator),)
            for t in templates
            if t.genre != "interview" and t.doc_id != template.doc_id
            for b in t.blocks
            for p in b
        ]
        for block in rng.sample(pool, min(len(pool), rng.randint(0, max(1, len(own) // 2)))):
            body.insert(rng.randint(0, len(body)), block)
    paragraphs = [*template.lead, *(p for block in body for p in block), *template.tail]
    text = template.separator.join(paragraphs) + template.ending
    day = FIRST_DAY + dt.timedelta(days=rng.randint(0, (LAST_DAY - FIRST_DAY).days))
    prefix = template.genre.replace("_", "-")
    row = {
        "file": f"{index // FILES_PER_FOLDER:03d}/{index:06d}.txt",
        "doc_id": f"{prefix}-{day.year}-{index:06d}",
        "title": template.title,
        "date": day.isoformat(),
        "date_basis": rng.choice(("external", "external", "inferred")),
        "date_note": f"Synthetic: recombined from {template.doc_id} (seed {seed}); the date is invented.",
        "source": template.source,
        "genre": template.genre,
        "url": "",
    }
    return row, text


def make_corpus(folder: str | Path, n_docs: int, *, seed: int = 0, overwrite: bool = False,
                templates_from: str | Path | None = None) -> int:
    """Write a synthetic corpus of ``n_docs`` documents into ``folder``; return ``n_docs``.

    Args:
        folder: the corpus folder to create. It is written atomically (built beside it and
            swapped in); an existing non-empty folder is replaced only with ``overwrite=True``.
        n_docs: number of documents, 10 to 100,000.
        seed: the random seed; the same seed writes the same bytes.
        overwrite: replace ``folder`` when it exists and is not empty.
        templates_from: the corpus whose texts serve as templates (the seed corpus by default).

    Files go to ``NNN/IIIIII.txt`` (1000 per subfolder); ``manifest.csv`` lists them in order.
    """
    if not MIN_DOCS <= n_docs <= MAX_DOCS:
        raise ValueError(f"n_docs must be between {MIN_DOCS} and {MAX_DOCS}, not {n_docs}")
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()) and not overwrite:
        raise FileExistsError(f"{folder} exists and is not empty (pass overwrite=True to replace it)")
    templates = load_templates(templates_from)
    with atomic_folder(folder) as tmp, open(tmp / MANIFEST_NAME, "w", encoding="utf-8", newline="") as manifest:
        writer = csv.DictWriter(manifest, fieldnames=MANIFEST_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for index in range(n_docs):
            row, text = compose(templates, index, seed=seed)
            path = tmp / row["file"]
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(text.encode("utf-8"))
            writer.writerow(row)
    return n_docs
