"""Benchmark of ``corpus-lib report`` on the seed corpus (a script, not a timed test).

    python -m benchmarks.report                  # 3 runs, median wall clock, appended to results.md
    python -m benchmarks.report --runs 5 --jobs 1
    python -m benchmarks.report --no-static --no-write

Each run is the real command, ``corpus-lib report --out TMP --no-progress --json FILE``,
in a child process, timed by wall clock from outside (interpreter start and exit
included). Its ``--json`` file gives the time per stage, per notebook (with each
notebook's CPU time: its worker and kernel) and per export format (summed over the files
written: matplotlib png/svg/pdf and the layout before them, plotly html and json, CSV,
kaleido's png/svg and its browser start, the notebooks' HTML rendering).

The machine is shared, so every run also records the load average before it and the CPU
time the whole machine spent during it (``/proc/stat``, all processes) next to ours
(``cpu_s``: the report process and the children it waited for, plus every notebook's
worker and kernel); ``others_s`` is the difference: other people's jobs, and the
report's forkserver, which imports papermill and nbconvert once and is not counted in
``cpu_s``.

Then the share of time per notebook and per export format (medians over the runs, as a
share of the *work*: tables + each notebook's time in its worker + kaleido, what a run
one notebook at a time would take), and the import time of ``corpus_lib`` in a fresh
interpreter (median of 7) with the plotting modules that import loads (none expected).
Lines are printed as ``key=value`` and appended, with the machine described, to
``benchmarks/results.md``.

Python's bytecode matters here: every kernel imports pandas, matplotlib, plotly and the
pipeline afresh, and where no ``.pyc`` files exist (a venv installed by ``uv`` without
``--compile-bytecode``, with ``PYTHONDONTWRITEBYTECODE=1`` set, as on the shared machine)
each import compiles its sources again. The first line says which case a run is in;
``--pycache-prefix DIR`` compiles everything once into ``DIR`` and runs with
``PYTHONPYCACHEPREFIX=DIR`` (nothing is written into the venv), to measure the report as
it runs on a venv with bytecode.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.run import RESULTS, fmt, start_log, write_results

HERE = Path(__file__).resolve().parent
TARGET_S = 60.0
IMPORT_TARGET_S = 0.5
PLOTTING = ("matplotlib", "plotly", "kaleido", "choreographer", "papermill", "nbconvert", "ipywidgets")


def _machine_cpu_s() -> float:
    """CPU seconds (not idle, not iowait) all cores have spent since boot."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bytecode_state() -> str:
    """Whether imports read cached bytecode: ``cached`` (pandas has a ``.pyc``), else why not."""
    code = "import importlib.util, os, pandas; print(os.path.exists(importlib.util.cache_from_source(pandas.__file__)))"
    cached = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    if cached == "True":
        return "cached" + (f"(PYTHONPYCACHEPREFIX={os.environ['PYTHONPYCACHEPREFIX']})"
                           if os.environ.get("PYTHONPYCACHEPREFIX") else "")
    return "none(PYTHONDONTWRITEBYTECODE=1)" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "none(first-run)"


def compile_into(prefix: Path) -> None:
    """Compile the venv's packages and corpus_lib into ``prefix`` (PYTHONPYCACHEPREFIX); idempotent."""
    import site
    import sysconfig

    folders = [*site.getsitepackages(), sysconfig.get_paths()["stdlib"], str(HERE.parent / "corpus_lib")]
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(prefix)}
    subprocess.run([sys.executable, "-m", "compileall", "-q", "-j", "0", *folders], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    os.environ["PYTHONPYCACHEPREFIX"] = str(prefix)  # for the runs below and their kernels


def run_once(out: Path, jobs: int | None, static: bool) -> dict:
    """One ``corpus-lib report`` run on the seeds; its timings and the machine's."""
    timings = out.with_suffix(".json")
    command = [str(Path(sys.executable).with_name("corpus-lib")), "report", "--out", str(out), "--no-progress",
               "--json", str(timings)]
    command += ["--jobs", str(jobs)] if jobs else []
    command += [] if static else ["--no-static"]
    load = os.getloadavg()[0]
    machine_before, ours_before = _machine_cpu_s(), _children_cpu_s()
    started = time.perf_counter()
    done = subprocess.run(command, cwd=HERE.parent, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    machine_cpu, own_cpu = _machine_cpu_s() - machine_before, _children_cpu_s() - ours_before
    if done.returncode:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"corpus-lib report failed (exit {done.returncode})")
    report = json.loads(timings.read_text(encoding="utf-8"))
    cpu = own_cpu + sum(nb["cpu"] for nb in report["notebooks"].values())
    return {"wall_s": wall, "load_1m_before": load, "cpu_s": cpu, "machine_cpu_s": machine_cpu,
            "others_s": max(machine_cpu - cpu, 0.0), "report": report}


def import_time(runs: int = 7) -> tuple[float, list[str]]:
    """Median seconds of ``import corpus_lib`` in a fresh interpreter, and the plotting modules it loaded."""
    code = (
        "import sys, time, json\n"
        "t = time.perf_counter()\n"
        "import corpus_lib\n"
        "t = time.perf_counter() - t\n"
        f"print(json.dumps([t, sorted(m for m in sys.modules if m.split('.')[0] in {PLOTTING!r})]))\n"
    )
    times, loaded = [], []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        seconds, loaded = json.loads(done.stdout)
        times.append(seconds)
    return statistics.median(times), loaded


def pipeline_import_time(runs: int = 3) -> float:
    """Median seconds of ``import corpus_lib.corpus`` (pandas, pandera, NLTK and scipy with it)."""
    code = "import time; t = time.perf_counter(); import corpus_lib.corpus; print(time.perf_counter() - t)"
    return statistics.median(
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(runs)
    )


def _median(values) -> float:
    return statistics.median(list(values))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(prog="python -m benchmarks.report", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="report runs (the median is the figure)")
    parser.add_argument("--jobs", type=int, default=None, help="notebooks at a time (default: the report's own)")
    parser.add_argument("--no-static", action="store_true", help="skip kaleido's PNG/SVG")
    parser.add_argument("--pycache-prefix", type=Path, default=None,
                        help="compile the bytecode into this folder and run with PYTHONPYCACHEPREFIX set to it")
    parser.add_argument("--results", type=Path, default=RESULTS, help="markdown file to append to")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)

    if args.pycache_prefix is not None:
        compile_into(args.pycache_prefix.resolve())
    described, lines = start_log()
    say = lines.say

    say(fmt(bytecode=bytecode_state(), static_images=not args.no_static, jobs=args.jobs or "default"))

    runs = []
    scratch = Path(tempfile.mkdtemp(prefix="corpus-lib-bench-report-"))
    try:
        for i in range(1, args.runs + 1):
            run = run_once(scratch / f"report-{i}", args.jobs, not args.no_static)
            runs.append(run)
            t = run["report"]["timings"]
            say(fmt(run=i, wall_s=run["wall_s"], load_1m_before=run["load_1m_before"], cpu_s=run["cpu_s"],
                    machine_cpu_s=run["machine_cpu_s"], others_s=run["others_s"], workers=run["report"]["workers"],
                    tables_s=t["tables"], notebooks_s=t["notebooks"], static_after_s=t["plotly_static"],
                    in_process_s=t["total"]))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    wall = _median(r["wall_s"] for r in runs)
    say(fmt(median_wall_s=wall, runs=",".join(f"{r['wall_s']:.1f}" for r in runs), target_s=TARGET_S,
            met="yes" if wall < TARGET_S else "NO", median_cpu_s=_median(r["cpu_s"] for r in runs),
            median_others_s=_median(r["others_s"] for r in runs)))

    # Shares of the work (medians over the runs).
    reports = [r["report"] for r in runs]

    def work(report: dict) -> float:
        kaleido = sum(v["seconds"] for k, v in report["exports"].items() if k.startswith("kaleido"))
        return report["timings"]["tables"] + sum(nb["seconds"] for nb in report["notebooks"].values()) + kaleido

    total_work = _median(work(r) for r in reports)
    say(fmt(median_work_s=total_work, tables_s=_median(r["timings"]["tables"] for r in reports),
            tables_pct=100 * _median(r["timings"]["tables"] / work(r) for r in reports)))
    for name in reports[0]["notebooks"]:
        nbs = [r["notebooks"][name] for r in reports]
        say(fmt(notebook=name, seconds=_median(nb["seconds"] for nb in nbs),
                pct_of_work=100 * _median(r["notebooks"][name]["seconds"] / work(r) for r in reports),
                cpu_s=_median(nb["cpu"] for nb in nbs), kernel_s=_median(nb["kernel"] for nb in nbs),
                imports_load_s=_median(nb["setup"] for nb in nbs),
                other_cells_s=_median(nb["cells"] - nb["setup"] for nb in nbs), html_s=_median(nb["html"] for nb in nbs)))
    formats = sorted({f for r in reports for f in r["exports"]},
                     key=lambda f: -_median(r["exports"].get(f, {"seconds": 0.0})["seconds"] for r in reports))
    for name in formats:
        entries = [r["exports"].get(name, {"seconds": 0.0, "files": 0}) for r in reports]
        say(fmt(format=name.replace(" ", "_"), files=entries[0]["files"], seconds=_median(e["seconds"] for e in entries),
                pct_of_work=100 * _median(e["seconds"] / work(r) for e, r in zip(entries, reports, strict=True))))
    for message in reports[-1]["messages"]:
        say(f"note: {message}")

    seconds, loaded = import_time()
    say(fmt(import_corpus_lib_s=seconds, target_s=IMPORT_TARGET_S, met="yes" if seconds < IMPORT_TARGET_S else "NO",
            plotting_modules_loaded=",".join(loaded) or "none", import_corpus_lib_corpus_s=pipeline_import_time()))
    if not args.no_write:
        write_results(args.results, described, " ".join(["python -m benchmarks.report", *argv]), lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
