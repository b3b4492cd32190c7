"""What every reader returns and raises, and the small text helpers they share.

A reader takes a file's bytes and its name and returns one :class:`Imported` per text it
holds (one for a page, a PDF or a Word file; one per article for an export), or raises
:class:`ImportFailed` with the reason it could not, which goes into ``import_log.csv``
while the other inputs go on. A missing reader library is not one input's problem: it
raises :class:`MissingExtra`, a :class:`~corpus_lib.errors.CorpusError`, which stops the
run with one line naming the extra to install.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import logging
import re
import unicodedata
from dataclasses import dataclass

from corpus_lib.errors import CorpusError

EXTRA_HINT = "pip install 'corpus-lib[ingest]' (or make setup)"
# Control characters that never belong in a text (tab and newline excepted).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\ufeff]")
_BINARY = re.compile(rb"[\x00-\x08\x0e-\x1a\x7f]")


@dataclass(frozen=True)
class Imported:
    """One text read from an input, with the manifest values known for it and what the reader dropped."""

    text: str
    title: str = ""
    date: dt.date | None = None
    date_basis: str = ""
    date_note: str = ""
    source: str = ""
    url: str = ""
    part: str = ""
    """``"2 of 3"`` for an article of an export file; empty for a file holding one text."""
    detail: str = ""
    """What was kept and dropped, in a few words, for ``import_log.csv``."""


@dataclass(frozen=True)
class Dropped:
    """A part of an input left out (an export's article without a body, a cover page), and why."""

    part: str
    reason: str


class ImportFailed(Exception):
    """An input that gives no text: its message is the reason written to the log."""


class MissingExtra(CorpusError):
    """A reader library of the ``ingest`` extra is not installed."""


def require(module: str, package: str):
    """Import ``module`` of the ``ingest`` extra, or raise :class:`MissingExtra` naming ``package``."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(f"importing these files needs {package}, part of the ingest extra: {EXTRA_HINT}") from None


@contextlib.contextmanager
def quiet(*loggers: str):
    """Keep the named libraries' log messages below ERROR off the console while a file is read.

    The readers' libraries log every oddity of a page or PDF as a warning; the outcome of
    each input goes into ``import_log.csv`` instead.
    """
    saved = {name: logging.getLogger(name).level for name in loggers}
    for name in loggers:
        logging.getLogger(name).setLevel(logging.ERROR)
    try:
        yield
    finally:
        for name, level in saved.items():
            logging.getLogger(name).setLevel(level)


def looks_binary(data: bytes) -> bool:
    """Whether bytes hold a NUL or many control bytes early on: an image or archive, not text or markup.

    Example:
        >>> looks_binary(b"<html><body>Hello</body></html>"), looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
        (False, True)
    """
    head = data[:8192]
    return b"\x00" in head or len(_BINARY.findall(head)) > 8


def clean_lines(text: str) -> list[str]:
    """The lines of an extracted text, control characters removed, line ends unified and trailing spaces cut."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " "))
    return [line.rstrip() for line in text.split("\n")]


def as_paragraphs(lines: list[str]) -> str:
    """Lines that are each one paragraph (a Word or web page's), written with a blank line between them.

    Example:
        >>> as_paragraphs(["Title", "", "  First paragraph.", "Second."])
        'Title\\n\\nFirst paragraph.\\n\\nSecond.\\n'
    """
    kept = [" ".join(line.split()) for line in lines]
    return "\n\n".join(line for line in kept if line) + "\n"


def as_text(lines: list[str]) -> str:
    """Lines kept as they are (hard wrapping too: the cleaner undoes it), runs of blank lines made one.

    Example:
        >>> as_text(["", "A line", "wrapped here.", "", "", "", "Next."])
        'A line\\nwrapped here.\\n\\nNext.\\n'
    """
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return text + "\n" if text.strip() else ""


def one_line(text: str, limit: int = 0) -> str:
    """``text`` with its whitespace collapsed, cut at a word before ``limit`` characters (with "…") when given.

    Example:
        >>> one_line("  A  long\\n title ", limit=8)
        'A long…'
    """
    text = " ".join(text.split())
    if limit and len(text) > limit:
        cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
        return cut + "…"
    return text


def first_line(text: str) -> str:
    """The first non-empty line of a text, whitespace collapsed (a byte-order mark skipped)."""
    for line in text.lstrip("\ufeff").splitlines():
        if line.strip():
            return one_line(line)
    return ""


def slug(name: str, default: str = "text") -> str:
    """A file-name stem fit for a ``doc_id``: ASCII letters, digits, ``_``, ``-`` and ``.``, lower case, at most 60 characters.

    Example:
        >>> slug("Déclaration du 12 mars (final).PDF".rsplit(".", 1)[0]), slug("Заявление")
        ('declaration-du-12-mars-final', 'text')
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    base = re.sub(r"[^A-Za-z0-9_.\-]+", "-", ascii_name).lower()
    base = re.sub(r"-{2,}", "-", base).strip("-._")[:60].strip("-._")
    return base or default
