"""The command line: ``corpus-lib tables|validate|…`` (also ``python -m corpus_lib``)."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
import traceback
import warnings
from pathlib import Path

from corpus_lib.errors import CorpusError

OUT_HELP = ("output folder: new, empty or written by corpus-lib before (it holds .corpus-lib-output); "
            "replaced atomically")
DEBUG_HELP = "show the traceback of an error"


def _formats(value: str) -> tuple[str, ...]:
    from corpus_lib.pipeline.write import FORMATS

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
    parser.add_argument("--debug", action="store_true", help=DEBUG_HELP)
    sub = parser.add_subparsers(dest="command", required=True)
    corpus_help = "corpus folder of .txt files and manifest.csv (default: the seed corpus)"

    p = sub.add_parser("tables", help="build the tables of a corpus and write them to a folder")
    p.add_argument("--corpus", type=Path, default=None, help=corpus_help)
    p.add_argument("--out", type=Path, required=True, help=OUT_HELP)
    p.add_argument("--format", type=_formats, default=("csv",), help="csv, parquet or csv,parquet")
    p.add_argument("--escape-formulas", action="store_true",
                   help="in CSV, start text cells that begin with = + - @ (a formula to a spreadsheet) with '")

    p = sub.add_parser("validate", help="check a corpus folder and its manifest")
    p.add_argument("--corpus", type=Path, default=None, help=corpus_help)

    p = sub.add_parser("summary", help="build the tables and print a short summary")
    p.add_argument("--corpus", type=Path, default=None, help=corpus_help)

    p = sub.add_parser("evaluate", help="agreement of the automatic codes with hand codes")
    p.add_argument("--corpus", type=Path, default=None, help=corpus_help)
    p.add_argument("--gold", type=Path, default=None, help="hand-coded CSV (default: the hand codes of the seed corpus kept with the project)")
    p.add_argument("--unseen", type=Path, default=None, help="also score a held-out sentence file (unseen.csv format)")
    p.add_argument("--articles", type=Path, default=None,
                   help="score whole articles instead: a sentence-by-sentence gold file for the --corpus folder "
                        "(tests/data/news/*_gold.csv format): speaker, role and holder accuracy per speaker role, "
                        "topic F1 and stance macro-F1")
    p.add_argument("--json", type=Path, default=None, help="also write the figures as JSON to this file")
    p.add_argument("--resamples", type=int, default=1000, help="bootstrap resamples for the intervals")

    p = sub.add_parser("report", help="execute the notebooks headless and export every chart")
    p.add_argument("--corpus", type=Path, default=None, help=corpus_help)
    p.add_argument("--out", type=Path, default=None, help="report folder (default: reports/); " + OUT_HELP)
    p.add_argument("--only", default=None, help="comma-separated notebook prefixes to run (default: all)")
    p.add_argument("--no-static", action="store_true", help="skip plotly PNG/SVG through kaleido")
    p.add_argument("--static-timeout", type=float, default=60.0,
                   help="seconds each plotly PNG/SVG export may take (default: 60; more on a busy machine)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--jobs", type=int, default=None, help="notebooks to run at a time (default: one per core)")
    p.add_argument("--json", type=Path, default=None, help="also write the timings as JSON to this file")

    p = sub.add_parser("import", help="bring saved web pages, PDFs, Word, RTF and archive-export files into a corpus folder")
    p.add_argument("sources", nargs="+", type=Path, metavar="SRC", help="a file, or a folder read recursively")
    p.add_argument("--out", type=Path, required=True,
                   help="corpus folder to write texts, manifest.csv and import_log.csv to: new, or one to add to "
                        "(no text in it is ever replaced)")

    p = sub.add_parser("manifest", help="draft manifest.csv for a folder of .txt files from datelines and file names")
    p.add_argument("folder", type=Path, metavar="DIR", help="folder of .txt files")

    try:
        from corpus_lib.scale.build import register
    except ImportError:  # pragma: no cover - the scale layer is optional
        register = None
    if register is not None:
        register(sub)
    for name in ("tables", "summary", "evaluate", "report"):
        sub.choices[name].add_argument(
            "--allow-undated", action="store_true",
            help="keep going when documents have no date (they stay off the timelines); by default such a corpus stops")
    for command in sub.choices.values():  # --debug before or after the command's name
        command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=DEBUG_HELP)
    return parser


def _tables(corpus) -> dict:
    tables = {"documents": corpus.documents, "statements": corpus.statements, "removed": corpus.removed}
    stances = getattr(corpus, "stances", None)
    if stances is not None:
        tables["stances"] = stances
    return tables


def cmd_tables(args) -> int:
    from corpus_lib.corpus import load_corpus
    from corpus_lib.paths import SEEDS_DIR
    from corpus_lib.pipeline.write import TABLE_FILES, output_folder, write_table_files

    inputs = {"corpus folder": args.corpus if args.corpus is not None else SEEDS_DIR}
    # The folder is checked and locked before the corpus is parsed.
    with output_folder(args.out, kind="tables", inputs=inputs, legacy=TABLE_FILES) as staging:
        corpus = load_corpus(args.corpus, allow_undated=args.allow_undated)
        written = write_table_files(_tables(corpus), staging, formats=args.format,
                                    escape_formulas=args.escape_formulas)
    print(corpus.summary())
    print(f"wrote {len(written)} files to {args.out}")
    return 0


def cmd_validate(args) -> int:
    from corpus_lib.corpus import load_corpus

    corpus = load_corpus(args.corpus, allow_undated=True)
    undated = corpus.documents.loc[corpus.documents["date"].isna(), "file"].tolist()
    if undated:
        print(f"warning: {len(undated)} documents have no date ({', '.join(undated[:3])}"
              f"{' …' if len(undated) > 3 else ''}): `corpus-lib manifest` drafts their dates", file=sys.stderr)
    print(f"ok: {len(corpus.documents)} documents, {len(corpus.statements)} statements")
    return 0


def cmd_summary(args) -> int:
    from corpus_lib.corpus import load_corpus

    print(load_corpus(args.corpus, allow_undated=args.allow_undated).summary())
    return 0


def cmd_evaluate(args) -> int:
    from corpus_lib.corpus import load_corpus
    from corpus_lib.evaluation.evaluate import evaluate, evaluate_unseen, load_gold
    from corpus_lib.paths import ANNOTATIONS_DIR

    if args.articles is not None:
        return _evaluate_articles(args)
    gold_path = args.gold or ANNOTATIONS_DIR / "seeds.csv"
    if not gold_path.is_file():
        raise CorpusError("gold file not found", path=gold_path)
    corpus = load_corpus(args.corpus, allow_undated=args.allow_undated)
    try:
        gold = load_gold(gold_path)
    except ValueError as err:
        raise CorpusError(str(err)) from None
    report = evaluate(corpus.stances, gold, statements=corpus.statements, n_resamples=args.resamples)
    print(report)
    payload = {"gold": json.loads(report.to_json())}
    if args.unseen is not None:
        from corpus_lib.coding.coder import tag_stances

        unseen = evaluate_unseen(tag_stances, args.unseen, n_resamples=args.resamples)
        print()
        print(unseen)
        payload["unseen"] = json.loads(unseen.to_json())
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


def _evaluate_articles(args) -> int:
    from corpus_lib.corpus import load_corpus
    from corpus_lib.evaluation.articles import evaluate_articles, load_article_gold

    if not args.articles.is_file():
        raise CorpusError("article gold file not found", path=args.articles)
    gold = load_article_gold(args.articles)
    try:
        report = evaluate_articles(load_corpus(args.corpus, allow_undated=args.allow_undated), gold, n_resamples=args.resamples)
    except ValueError as err:
        raise CorpusError(str(err), path=args.articles) from None
    print(report.to_text())
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(report.table.to_json(orient="records", indent=1) + "\n", encoding="utf-8")
    return 0


def cmd_report(args) -> int:
    from corpus_lib.paths import REPORTS_DIR
    from corpus_lib.report import NotebookFailed, describe, run_report

    only = [p.strip() for p in args.only.split(",")] if args.only else None
    if args.jobs is not None and args.jobs < 1:
        raise CorpusError("--jobs must be at least 1")
    if not args.static_timeout > 0:
        raise CorpusError("--static-timeout must be more than 0 seconds")
    try:
        result = run_report(
            args.corpus,
            args.out or REPORTS_DIR,
            only=only,
            static_images=not args.no_static,
            static_timeout=args.static_timeout,
            progress=not args.no_progress,
            workers=args.jobs,
            allow_undated=args.allow_undated,
        )
    except NotebookFailed as err:
        print(f"corpus-lib: error: {one_line(str(err))} (the previous report, if any, is unchanged)", file=sys.stderr)
        return 1
    print(describe(result))
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(result.to_json() + "\n", encoding="utf-8")
    return 0


def cmd_import(args) -> int:
    from corpus_lib.ingest.run import import_sources

    report = import_sources(args.sources, args.out)
    print(report.summary())
    if report.nothing_imported:
        raise CorpusError(report.failure_line())
    return 0


def cmd_manifest(args) -> int:
    from corpus_lib.ingest.manifest_draft import draft_manifest

    print(draft_manifest(args.folder).summary())
    return 0


COMMANDS = {
    "tables": cmd_tables,
    "validate": cmd_validate,
    "summary": cmd_summary,
    "evaluate": cmd_evaluate,
    "report": cmd_report,
    "import": cmd_import,
    "manifest": cmd_manifest,
}


class Terminated(BaseException):
    """SIGTERM (or SIGHUP) as an exception, so that ``finally`` blocks remove temporary folders and locks."""


def _on_signal(signum, frame) -> None:
    signal.signal(signum, signal.SIG_IGN)  # a second one must not interrupt the cleaning up
    raise Terminated(signal.Signals(signum).name)


def _catch_termination() -> dict:
    """Turn SIGTERM and SIGHUP into :class:`Terminated`; return the handlers they replace."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    signums = [signal.SIGTERM] + ([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])
    return {signum: signal.signal(signum, _on_signal) for signum in signums}


def one_line(text: str) -> str:
    """``text`` on one line: line breaks (in a file name, say) written as ``\\n`` and ``\\r``.

    Example:
        >>> print(one_line("a\\nb.txt: empty"))
        a\\nb.txt: empty
    """
    return text.replace("\r", "\\r").replace("\n", "\\n")


def _os_message(err: OSError) -> str:
    """An OSError as ``FILE: reason``."""
    reason = err.strerror or str(err) or type(err).__name__
    if err.filename is None:
        return reason
    names = f"{err.filename} -> {err.filename2}" if err.filename2 is not None else f"{err.filename}"
    return f"{names}: {reason}"


def _fail(args, message: str, code: int) -> int:
    if getattr(args, "debug", False):
        traceback.print_exc()
    print(f"corpus-lib: error: {one_line(message)}", file=sys.stderr)
    return code


def _run(args) -> int:
    """Run the chosen command; every failure ends in one line (and the traceback with ``--debug``)."""
    try:
        command = COMMANDS.get(args.command) or args.handler
        return command(args)
    except ValueError as err:  # CorpusError (a file, a line, a reason) and values the user gave
        return _fail(args, str(err), 2)
    except OSError as err:  # a file or folder that cannot be read or written
        return _fail(args, _os_message(err), 2)
    except KeyboardInterrupt:
        return _fail(args, "interrupted", 130)
    except Terminated as err:
        return _fail(args, f"stopped by {err}", 128 + getattr(signal, str(err), signal.SIGTERM))
    except Exception as err:  # noqa: BLE001  (a bug: said in one line, the traceback with --debug)
        return _fail(args, f"internal error: {type(err).__name__}: {err} (run with --debug for the traceback)", 1)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit code.

    2 for anything the user can fix: bad input (its file and line named), an output folder
    that may not be written, a file that cannot be read or written, a bad option value.
    1 for a failed notebook or an internal error; 130 when interrupted, 143 when
    terminated. Each ends with one line on stderr; ``--debug`` adds the traceback.
    """
    args = build_parser().parse_args(argv)

    def show(message, category, filename, lineno, file=None, line=None):
        print(f"corpus-lib: warning: {one_line(str(message))}", file=sys.stderr)

    previous = _catch_termination()
    try:
        with warnings.catch_warnings():
            warnings.showwarning = show
            return _run(args)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
