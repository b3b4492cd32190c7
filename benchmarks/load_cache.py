"""How much faster ``load_corpus`` is on an unchanged corpus than on a new one (a script, not a test).

    python -m benchmarks.load_cache                        # the seeds and 1,000 synthetic documents
    python -m benchmarks.load_cache --sizes 0,1000,10000    # 0 is the seed corpus

For each corpus, with a fresh cache folder, ``load_corpus`` runs three times in one
process (what a notebook kernel re-running its cells pays): ``cold`` parses and codes
everything and fills the cache, ``warm`` reads the whole corpus's tables back, ``one_edit``
follows a change to one file (a copy of the corpus with one text edited), which parses that
document alone and takes the rest from the per-document entries. A fresh process is
timed too (``process_cold_s``, ``process_warm_s``: imports included, what ``corpus-lib
report``'s first notebook pays). The warm load must be at least 10x faster than the cold
one (``speedup``). The lines are appended to ``benchmarks/results.md``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.run import DEFAULT_WORKDIR, RESULTS, fmt, start_log, write_results

DEFAULT_SIZES = "0,1000"
_LOAD = "import sys, time; t = time.perf_counter(); from corpus_lib.corpus import load_corpus; " \
        "load_corpus(sys.argv[1]); print(time.perf_counter() - t)"


def corpus_of(size: int, workdir: Path) -> Path:
    """The seed corpus (size 0) or a synthetic one of ``size`` documents (made once, kept in ``workdir``)."""
    from corpus_lib.paths import SEEDS_DIR
    from corpus_lib.scale.synth import make_corpus

    if size == 0:
        return Path(SEEDS_DIR)
    folder = workdir / f"corpus-{size}-seed0"
    if not (folder / "manifest.csv").exists():
        make_corpus(folder, n_docs=size, seed=0)
    return folder


def edited_copy(folder: Path, into: Path) -> Path:
    """A copy of a corpus with its first text changed by one appended sentence."""
    shutil.copytree(folder, into)
    first = sorted(p for p in into.rglob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n\nAn added closing sentence.\n", encoding="utf-8")
    return into


def _timed(load, *args, **kwargs) -> float:
    started = time.perf_counter()
    load(*args, **kwargs)
    return time.perf_counter() - started


def measure(folder: Path) -> dict:
    """Cold, warm and one-edit loads in this process, and cold and warm fresh processes."""
    from corpus_lib.corpus import load_corpus

    load_corpus(cache=False)  # imports and lazy set-up, paid once before any timing
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as scratch:
        cold = _timed(load_corpus, folder, cache=cache)
        warm = _timed(load_corpus, folder, cache=cache)
        one_edit = _timed(load_corpus, edited_copy(folder, Path(scratch) / "edited"), cache=cache)
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "CORPUS_LIB_CACHE": cache}
        runs = [float(subprocess.run([sys.executable, "-c", _LOAD, str(folder)], env=env, check=True,
                                     capture_output=True, text=True).stdout) for _ in range(2)]
    return {"cold_s": cold, "warm_s": warm, "one_edit_s": one_edit, "speedup": cold / warm,
            "process_cold_s": runs[0], "process_warm_s": runs[1], "process_speedup": runs[0] / runs[1]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load_cache", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="comma-separated corpus sizes; 0 is the seed corpus")
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR, help="where synthetic corpora are kept")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    described, lines = start_log()
    for size in (int(s) for s in args.sizes.split(",") if s.strip()):
        m = measure(corpus_of(size, args.workdir))
        lines.say(fmt(docs="seeds" if size == 0 else size, **m))
    if not args.no_write:
        write_results(RESULTS, described, " ".join(["python -m benchmarks.load_cache", *(argv or [])]), lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
