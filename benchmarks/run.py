"""Benchmarks of the streaming build on synthetic archives (a script, not timed tests).

    python -m benchmarks.run --sizes 1000,10000            # one line per size
    python -m benchmarks.run --sizes 10000 --cache --workers 1,2
    python -m benchmarks.run --sizes 1000,100000 --linearity   # long: 100k documents

For each size it writes a synthetic corpus (:func:`corpus_lib.scale.synth.make_corpus`, kept in
``--workdir`` and reused), then measures, each in a fresh child process so that peak memory
is that of the build alone:

* ``build``: :func:`corpus_lib.scale.build.build_tables` with one worker: documents and
  statements per second (per core), peak resident memory (``ru_maxrss``);
* ``ratio``: over the same texts (the first ``--ratio-docs`` documents in build order, all
  of them by default), side by side batch by batch: NLTK Punkt sentence splitting alone
  (``corpus_lib.pipeline.segment.sentence_tokenizer().tokenize``) against our full parse and code
  (``process_document`` + ``code_stances`` + ``score_tone`` of every statement); file
  reading excluded on both sides. The fixed set-up (imports, rules, registry: ``warm_up``) is
  timed apart (``ratio_startup_s``); the first ``--first-docs`` documents (1000) are then one
  batch, as a one-shot ``corpus-lib tables`` meets them; after the last batch it is timed
  again, and ``first_ratio``, ``warm_ratio`` and ``first_vs_warm`` compare its fresh and its
  warm ratio to Punkt (what lazily built state, such as caches and RE2's automata, costs the
  first documents: the same texts on both sides). ``later_ratio`` is the later batches'
  ratio (other documents).

``--real`` (by default the seed texts and the invented development articles under
``tests/data/news``) adds the same ratio on real texts, each document once: the synthetic
archives repeat their sentences, so work shared between equal texts speeds them up more than a
real corpus. ``--workers 1,2`` adds a build per worker count and the speedup; ``--cache`` a cold then a
warm build over a fresh cache; ``--linearity`` the per-document cost at the largest size
against the smallest (adding 1000 and 100000 when only one size is given). Lines are
printed as ``key=value`` and appended, with the machine described, to
``benchmarks/results.md``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results.md"
DEFAULT_WORKDIR = Path(os.environ.get("TMPDIR", "/tmp")) / "corpus-lib-bench"


# --------------------------------------------------------------------------------------
# Child processes: one measurement each, printing one JSON line.


def _peak_mb() -> dict:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    cpu = sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
              for f in ("ru_utime", "ru_stime"))
    return {"peak_mb_main": round(me, 1), "peak_mb_worker": round(kids, 1), "cpu_s": cpu}


def child_build(corpus: str, out: str, workers: int, batch_size: int, cache: str | None) -> dict:
    started = time.perf_counter()
    from corpus_lib.scale.build import build_tables, warm_up

    warm_up()  # imports and lazy set-up: a fixed cost, reported apart as startup_s
    startup = time.perf_counter() - started
    report = build_tables(corpus, out, workers=workers, batch_size=batch_size, cache_dir=cache)
    return {
        "startup_s": startup,
        "docs": report.n_docs,
        "statements": report.rows.get("statements", 0),
        "stances": report.rows.get("stances", 0),
        "seconds": report.seconds,
        "hits": report.cache.hits,
        "parsed": report.cache.parsed,
        **_peak_mb(),
    }


def _ratio_batches(plan: list, first_docs: int, batch_size: int) -> list[list]:
    """The first ``first_docs`` documents as one batch (what a one-shot run pays first), then
    batches of ``batch_size``."""
    head, rest = plan[:first_docs], plan[first_docs:]
    return [head] + [rest[i : i + batch_size] for i in range(0, len(rest), batch_size)]


def child_ratio(corpus: str, limit: int, batch_size: int, first_docs: int = 1000) -> dict:
    from corpus_lib.pipeline.segment import sentence_tokenizer
    from corpus_lib.pipeline.tone import score_tone
    from corpus_lib.scale.build import load_coder, plan_documents, warm_up

    started = time.perf_counter()
    coder = load_coder()
    plan = plan_documents(corpus)[: limit or None]
    tokenizer = sentence_tokenizer()
    warm_up()  # the fixed set-up (imports, rules, registry, schemas), reported apart as startup_s
    score_tone(["warm up"])
    startup = time.perf_counter() - started
    t = {"punkt": 0.0, "parse": 0.0, "code": 0.0, "tone": 0.0, "sentences": 0, "statements": 0}
    per_batch = []  # (punkt seconds, our seconds) per batch
    tone_in_parse = False
    batches = _ratio_batches(plan, first_docs, batch_size)
    for items in batches:
        timed = _time_batch(corpus, items, tokenizer, coder)
        tone_in_parse = timed["tone_in_parse"]
        per_batch.append((timed["punkt"], timed["ours"]))
        for key in ("punkt", "parse", "code", "tone", "sentences", "statements"):
            t[key] += timed[key]
    # the first batch once more, now warm: the same documents, so only lazy set-up differs
    again = _time_batch(corpus, batches[0], tokenizer, coder) if first_docs and len(batches) > 1 else None
    # Where process_document scores the tone itself, tone_s is that share of parse_s
    # (measured again on its own, for the breakdown) and is not added a second time.
    ours = t["parse"] + t["code"] + (0.0 if tone_in_parse else t["tone"])
    return {
        "ratio_docs": len(plan),
        "punkt_s": t["punkt"],
        "parse_s": t["parse"],
        "code_s": t["code"],
        "tone_s": t["tone"],
        "ratio": ours / t["punkt"],
        "punkt_sentences": t["sentences"],
        "statements": t["statements"],
        "tone_in_parse": tone_in_parse,
        "startup_s": startup,
        **_first_and_warm(per_batch, again),
    }


def _time_batch(corpus: str, items: list, tokenizer, coder) -> dict:
    """Punkt alone, then our parse, code and tone, over one batch's texts (file reading excluded)."""
    from corpus_lib.corpus import code_stances, process_document
    from corpus_lib.pipeline import schemas
    from corpus_lib.pipeline.load import decode_text
    from corpus_lib.pipeline.tone import score_tone

    clock = time.perf_counter
    texts = [decode_text((Path(corpus) / rel).read_bytes(), path=rel) for _, rel in items]
    a = clock()
    sentences = sum(len(tokenizer.tokenize(text)) for text in texts)
    b = clock()
    results = [process_document(meta, text) for (meta, _), text in zip(items, texts, strict=True)]
    c = clock()
    rows = [row for r in results for row in r.statements]
    code_stances(schemas.make_statements(rows), tag=coder.tag)
    d = clock()
    tone_in_parse = bool(rows) and "tone" in rows[0]
    score_tone([row["text"] for row in rows])
    e = clock()
    ours = (c - b) + (d - c) + (0.0 if tone_in_parse else e - d)
    return {"punkt": b - a, "parse": c - b, "code": d - c, "tone": e - d, "ours": ours,
            "sentences": sentences, "statements": len(rows), "tone_in_parse": tone_in_parse}


def _first_and_warm(per_batch: list[tuple[float, float]], again: dict | None) -> dict:
    """The first batch's ratio to Punkt in a fresh process against the same batch's once warm
    (``first_vs_warm``: what lazily built state costs the first documents), and against the
    later batches' (``later_ratio``: other documents, so other genres weigh in too)."""
    if again is None:
        return {}
    first = per_batch[0][1] / per_batch[0][0]
    warm = again["ours"] / again["punkt"]
    later = sum(ours for _, ours in per_batch[1:]) / sum(punkt for punkt, _ in per_batch[1:])
    return {"first_ratio": first, "warm_ratio": warm, "first_vs_warm": first / warm, "later_ratio": later}


def _child(argv: list[str]) -> None:
    kind = argv[0]
    args = json.loads(argv[1])
    result = child_build(**args) if kind == "build" else child_ratio(**args)
    print("RESULT " + json.dumps(result))


def _run_child(kind: str, **kwargs) -> dict:
    command = [sys.executable, "-m", "benchmarks.run", "--child", kind, json.dumps(kwargs)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=HERE.parent, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if done.returncode or not lines:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"benchmark child {kind} failed (exit {done.returncode})")
    return json.loads(lines[-1][len("RESULT "):])


# --------------------------------------------------------------------------------------
# The driver.


def machine() -> str:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} cores ({cpu}), {ram:.1f} GiB RAM, Python {platform.python_version()} "
        f"on {platform.system()} {platform.release()}; load average at start: {load}"
    )


def corpus_for(size: int, seed: int, workdir: Path) -> Path:
    from corpus_lib.scale.synth import make_corpus

    folder = workdir / f"corpus-{size}-seed{seed}"
    stamp = folder / ".complete"
    if not stamp.is_file():
        started = time.perf_counter()
        make_corpus(folder, size, seed=seed, overwrite=True)
        stamp.write_text(f"{size} {seed}\n")
        print(f"# wrote {size} synthetic documents in {time.perf_counter() - started:.1f} s", flush=True)
    return folder


def fmt(**values) -> str:
    def one(v):
        return f"{v:.3g}" if isinstance(v, float) else str(v)

    return " ".join(f"{k}={one(v)}" for k, v in values.items())


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        _child(argv[1:])
        return 0
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000", help="comma-separated corpus sizes (10..100000)")
    parser.add_argument("--workers", default="", help="worker counts to compare, e.g. 1,2")
    parser.add_argument("--cache", action="store_true", help="time a cold and a warm cached build")
    parser.add_argument("--linearity", action="store_true", help="per-document cost, largest vs smallest size")
    parser.add_argument("--ratio-docs", type=int, default=0, help="documents in the Punkt comparison (0: all)")
    parser.add_argument("--batch-size", type=int, default=250)
    parser.add_argument("--first-docs", type=int, default=1000,
                        help="documents timed apart as a fresh process's first batch, after the fixed set-up (0: none)")
    parser.add_argument("--real", default="seeds,news-dev",
                        help="real-text corpora whose ratio to Punkt is reported beside the synthetic one "
                             "(comma-separated folders; 'seeds' and 'news-dev' name the repository's; '' for none)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument("--results", type=Path, default=RESULTS, help="markdown file to append to")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.linearity and len(sizes) < 2:
        sizes = sorted({*sizes, 1000, 100_000})
    worker_counts = [int(w) for w in args.workers.split(",") if w.strip()]
    args.workdir.mkdir(parents=True, exist_ok=True)
    described, lines = start_log()
    say = lines.say

    per_doc: dict[int, float] = {}
    for size in sizes:
        corpus = corpus_for(size, args.seed, args.workdir)
        out = args.workdir / f"out-{size}"
        build = _run_child("build", corpus=str(corpus), out=str(out), workers=1,
                           batch_size=args.batch_size, cache=None)
        ratio = _run_child("ratio", corpus=str(corpus), limit=args.ratio_docs, batch_size=args.batch_size,
                           first_docs=args.first_docs)
        per_doc[size] = build["seconds"] / build["docs"]
        say(fmt(
            docs=build["docs"],
            docs_per_s=build["docs"] / build["seconds"],
            statements_per_s=build["statements"] / build["seconds"],
            ratio_vs_punkt=ratio["ratio"],
            peak_mb=build["peak_mb_main"],
            workers=1,
            build_s=build["seconds"],
            ratio_docs=ratio["ratio_docs"],
            punkt_s=ratio["punkt_s"],
            parse_s=ratio["parse_s"],
            code_s=ratio["code_s"],
            tone_s=ratio["tone_s"],
            tone_in_parse=ratio["tone_in_parse"],
            startup_s=build["startup_s"],
            cpu_s=build["cpu_s"],
            ratio_startup_s=ratio["startup_s"],
            **{k: ratio[k] for k in ("first_ratio", "warm_ratio", "first_vs_warm", "later_ratio") if k in ratio},
        ))
        if worker_counts:
            times = {}
            for w in worker_counts:
                r = build if w == 1 else _run_child("build", corpus=str(corpus), out=str(out), workers=w,
                                                    batch_size=args.batch_size, cache=None)
                times[w] = r
                say(fmt(docs=r["docs"], workers=w, build_s=r["seconds"], docs_per_s=r["docs"] / r["seconds"],
                        docs_per_s_per_core=r["docs"] / r["seconds"] / w, cpu_s=r["cpu_s"],
                        peak_mb_main=r["peak_mb_main"],
                        peak_mb_worker=r["peak_mb_worker"]))
            if 1 in times:
                for w in worker_counts:
                    if w != 1:
                        say(fmt(docs=size, speedup_workers=w, speedup=times[1]["seconds"] / times[w]["seconds"]))
        if args.cache:
            cache_dir = args.workdir / f"cache-{size}"
            shutil.rmtree(cache_dir, ignore_errors=True)
            cold = _run_child("build", corpus=str(corpus), out=str(out), workers=1,
                              batch_size=args.batch_size, cache=str(cache_dir))
            warm = _run_child("build", corpus=str(corpus), out=str(out), workers=1,
                              batch_size=args.batch_size, cache=str(cache_dir))
            say(fmt(docs=size, cache_cold_s=cold["seconds"], cache_warm_s=warm["seconds"],
                    warm_pct_of_cold=100 * warm["seconds"] / cold["seconds"], warm_hits=warm["hits"],
                    warm_parsed=warm["parsed"], uncached_build_s=build["seconds"]))
        shutil.rmtree(out, ignore_errors=True)
    real = _real_folders(args.real)
    if real:
        say(_real_ratio(real, args.workdir))
    if args.linearity and len(per_doc) >= 2:
        small, large = min(per_doc), max(per_doc)
        say(fmt(linearity=f"{large}/{small}", per_doc_ms_small=1000 * per_doc[small],
                per_doc_ms_large=1000 * per_doc[large], ratio=per_doc[large] / per_doc[small]))
    if not args.no_write:
        write_results(args.results, described, " ".join(["python -m benchmarks.run", *argv]), lines)
    return 0


def _real_folders(spec: str) -> list[Path]:
    """The corpus folders ``--real`` names: 'seeds' is the packaged seed texts, 'news-dev' the
    repository's invented development articles (``tests/data/news/dev*``), anything else a path."""
    from corpus_lib.paths import SEEDS_DIR

    folders: list[Path] = []
    for name in (s.strip() for s in spec.split(",") if s.strip()):
        if name == "seeds":
            folders.append(SEEDS_DIR)
        elif name == "news-dev":
            folders += sorted(p for p in (HERE.parent / "tests" / "data" / "news").glob("dev*") if p.is_dir())
        else:
            folders.append(Path(name))
    return [f for f in folders if (f / "manifest.csv").is_file()]


def _real_ratio(folders: list[Path], workdir: Path, first_docs: int = 30) -> str:
    """Parse and code against Punkt over real texts, all folders as one corpus in one fresh
    process, each document once: the synthetic archives repeat their sentences, which work
    shared between equal texts turns into speed that real corpora mostly do not see. The
    first ``first_docs`` documents take the lazy set-up (``real_first_ratio``); the rest, other
    documents met warm, give ``real_ratio_vs_punkt``."""
    corpus = _combined(folders, workdir / "real")
    r = _run_child("ratio", corpus=str(corpus), limit=0, batch_size=250, first_docs=first_docs)
    return fmt(real_corpora=len(folders), real_docs=r["ratio_docs"], real_ratio_vs_punkt=r.get("later_ratio", r["ratio"]),
               real_first_ratio=r.get("first_ratio", r["ratio"]), real_punkt_s=r["punkt_s"], real_parse_s=r["parse_s"],
               real_code_s=r["code_s"])


def _combined(folders: list[Path], out: Path) -> Path:
    """One corpus folder holding the texts of ``folders`` (files and ids prefixed by their folder)."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    rows: list[dict] = []
    for folder in folders:
        with open(folder / "manifest.csv", newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                name = f"{folder.name}__{row['file']}"
                shutil.copyfile(folder / row["file"], out / name)
                rows.append({**row, "file": name, "doc_id": f"{folder.name}-{row['doc_id']}"})
    with open(out / "manifest.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return out


class Log(list):
    """A run's result lines: each printed as it is said, all kept for the results file."""

    def say(self, line: str) -> None:
        print(line, flush=True)
        self.append(line)


def start_log() -> tuple[str, Log]:
    """Describe the machine (printed as the run's first line) and open the run's log."""
    described = machine()
    print(f"# {described}", flush=True)
    return described, Log()


def write_results(path: Path, described: str, command: str, lines: list[str]) -> None:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    new = not path.exists()
    with open(path, "a", encoding="utf-8") as handle:
        if new:
            handle.write("# Benchmark results\n\nAppended by `python -m benchmarks.run` (see its docstring).\n")
        handle.write(f"\n## {stamp}: `{command}`\n\nMachine: {described}.\n\n```\n")
        handle.write("\n".join(lines) + "\n```\n")


if __name__ == "__main__":
    raise SystemExit(main())
