"""The command line: ``corpus-lib tables|validate|…`` (also ``python -m corpus_lib``)."""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from corpus_lib.errors import CorpusError


def _formats(value: str) -> tuple[str, ...]:
    from corpus_lib.write import FORMATS

    formats = tuple(f.strip() for f in value.split(",") if f.strip())
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise argparse.ArgumentTypeError(f"formats must be among {', '.join(FORMATS)}")
    return formats


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="corpus-lib",
        description="Parse texts into statements and stances tables, and report on them.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    corpus_help = "corpus folder of .txt files and manifest.csv (default: the seed corpus)"

    p = sub.add_parser("tables", help="build the tables of a corpus and write them to a folder")
    p.add_argument("--corpus", type=Path, default=None, help=corpus_help)
    p.add_argument("--out", type=Path, required=True, help="output folder (replaced atomically)")
    p.add_argument("--format", type=_formats, default=("csv",), help="csv, parquet or csv,parquet")

    p = sub.add_parser("validate", help="check a corpus folder and its manifest")
    p.add_argument("--corpus", type=Path, default=None, help=corpus_help)

    p = sub.add_parser("summary", help="build the tables and print a short summary")
    p.add_argument("--corpus", type=Path, default=None, help=corpus_help)
    return parser


def _tables(corpus) -> dict:
    tables = {"documents": corpus.documents, "statements": corpus.statements, "removed": corpus.removed}
    stances = getattr(corpus, "stances", None)
    if stances is not None:
        tables["stances"] = stances
    return tables


def cmd_tables(args) -> int:
    from corpus_lib.corpus import load_corpus
    from corpus_lib.write import write_tables

    corpus = load_corpus(args.corpus)
    written = write_tables(_tables(corpus), args.out, formats=args.format)
    print(corpus.summary())
    print(f"wrote {len(written)} files to {args.out}")
    return 0


def cmd_validate(args) -> int:
    from corpus_lib.corpus import load_corpus

    corpus = load_corpus(args.corpus)
    print(f"ok: {len(corpus.documents)} documents, {len(corpus.statements)} statements")
    return 0


def cmd_summary(args) -> int:
    from corpus_lib.corpus import load_corpus

    print(load_corpus(args.corpus).summary())
    return 0


COMMANDS = {"tables": cmd_tables, "validate": cmd_validate, "summary": cmd_summary}


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit code (2 for bad input, with the file and line named)."""
    args = build_parser().parse_args(argv)

    def show(message, category, filename, lineno, file=None, line=None):
        print(f"corpus-lib: warning: {message}", file=sys.stderr)

    with warnings.catch_warnings():
        warnings.showwarning = show
        try:
            return COMMANDS[args.command](args)
        except CorpusError as err:
            print(f"corpus-lib: error: {err}", file=sys.stderr)
            return 2
