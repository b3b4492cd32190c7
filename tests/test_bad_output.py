"""Bad output folders, concurrent and killed writers, through the command line (issue 12, the output side).

Each case runs ``python -m corpus_lib`` in a subprocess on a copy of the seeds in
``tmp_path`` and checks the exit code, the one line on stderr, and that every file of the
temporary tree is byte-identical afterwards (no partial output, no temporary folder, no
lock left). The unit tests at the end exercise :mod:`corpus_lib.pipeline.write` directly.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from corpus_lib.paths import SEEDS_DIR
from corpus_lib.pipeline import write

LINUX_PROC = sys.platform.startswith("linux") and Path("/proc/self/stat").is_file()


def tree(root: Path) -> dict[str, str]:
    """Every entry under ``root``: a file's SHA-256, ``dir/`` for a folder, ``-> target`` for a link."""
    found = {}
    for path in sorted(root.rglob("*")):
        key = path.relative_to(root).as_posix()
        if path.is_symlink():
            found[key] = f"-> {os.readlink(path)}"
        elif path.is_dir():
            found[key] = "dir/"
        else:
            found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def run_cli(args: list[str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "corpus_lib", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, check=False)


def _default_sigint() -> None:
    """In the child: SIGINT as a terminal delivers it, even where the test runner was started in
    the background (a shell's background jobs inherit SIGINT ignored, and so would the CLI)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_cli(args: list[str], cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "corpus_lib", *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, preexec_fn=_default_sigint)


def copy_seeds(folder: Path) -> Path:
    shutil.copytree(SEEDS_DIR, folder)
    return folder


def dead_pid() -> int:
    """A pid no process has (above any pid_max Linux allows, or the first free one below it)."""
    pid = 4_194_303
    while write.pid_alive(pid):
        pid -= 1
    return pid


def wait_for(condition: Callable[[], object], seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def assert_one_line(stderr: str, pattern: str) -> None:
    assert "Traceback" not in stderr, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("corpus-lib: error: "), stderr
    assert re.search(pattern, lines[0]), stderr


# --------------------------------------------------------------------------------------
# Refused before any parsing: one case per row.


def _read_only(folder: Path, undo: list) -> None:
    """Make ``folder`` unwritable, for root too (the immutable attribute), and register the undo."""
    folder.mkdir()
    if os.geteuid() == 0:
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(folder)], check=False).returncode:
            pytest.skip("running as root without chattr: a read-only folder cannot be made")
        undo.append(lambda: subprocess.run(["chattr", "-i", str(folder)], check=False))
    else:
        folder.chmod(0o555)
        undo.append(lambda: folder.chmod(0o755))


@dataclass(frozen=True)
class Refused:
    id: str
    setup: Callable[[Path, list], tuple[list[str], Path]]  # (root, undo) -> (argv, cwd)
    pattern: str
    usage: bool = False  # an argparse error: its usage lines come before the error line


def _user_folder(root: Path, name: str = "mine") -> Path:
    folder = root / name
    (folder / "sub").mkdir(parents=True)
    (folder / "thesis.docx").write_bytes(b"PK\x03\x04 my thesis")
    (folder / "data.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (folder / "sub" / "notes.txt").write_text("notes\n", encoding="utf-8")
    (folder / "documents.csv").write_text("doc_id\nmine\n", encoding="utf-8")  # one of the package's names
    return folder


def _corpus(root: Path) -> Path:
    return copy_seeds(root / "c")


def _holder(root: Path, undo: list) -> int:
    """A live process that is not a corpus-lib run (its pid goes into a lock file)."""
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    undo.append(lambda: (sleeper.kill(), sleeper.wait()))
    return sleeper.pid


def _lock_held(root: Path, undo: list) -> tuple[list[str], Path]:
    _corpus(root)
    (root / ".o.lock").write_text(f"{_holder(root, undo)}\n", encoding="ascii")
    return ["tables", "--corpus", "c", "--out", "o"], root


def _out_dot(root: Path, undo: list) -> tuple[list[str], Path]:
    _corpus(root)
    project = root / "project"
    project.mkdir()
    (project / "analysis.py").write_text("print('mine')\n", encoding="utf-8")
    return ["tables", "--corpus", "../c", "--out", "."], project


def _read_only_parent(root: Path, undo: list) -> tuple[list[str], Path]:
    _corpus(root)
    _read_only(root / "ro", undo)
    return ["tables", "--corpus", "c", "--out", "ro/out"], root


REFUSED = [
    Refused("tables-out-is-the-corpus",
            lambda r, u: (_corpus(r), (["tables", "--corpus", "c", "--out", "c"], r))[1],
            r"c: the output folder is the corpus folder; choose a folder outside it"),
    Refused("build-out-is-the-corpus",
            lambda r, u: (_corpus(r), (["build", "--corpus", "c", "--out", "c"], r))[1],
            r"c: the output folder is the corpus folder"),
    Refused("out-is-a-plain-file",
            lambda r, u: (_corpus(r), (r / "notes.txt").write_text("mine\n"),
                          (["tables", "--corpus", "c", "--out", "notes.txt"], r))[2],
            r"notes\.txt: this is a file, not a folder; choose an empty or new folder"),
    Refused("out-holds-the-users-files",
            lambda r, u: (_corpus(r), _user_folder(r), (["tables", "--corpus", "c", "--out", "mine"], r))[2],
            r"mine: the folder holds files corpus-lib did not write \(data\.csv, sub, thesis\.docx\); "
            r"choose an empty or new folder"),
    Refused("build-out-holds-the-users-files",
            lambda r, u: (_corpus(r), _user_folder(r), (["build", "--corpus", "c", "--out", "mine"], r))[2],
            r"mine: the folder holds files corpus-lib did not write"),
    Refused("report-out-holds-the-users-files",
            lambda r, u: (_corpus(r), _user_folder(r),
                          (["report", "--corpus", "c", "--out", "mine", "--no-progress", "--no-static"], r))[2],
            r"mine: the folder holds files corpus-lib did not write"),
    Refused("out-inside-the-corpus",
            lambda r, u: (_corpus(r), (["tables", "--corpus", "c", "--out", "c/tables"], r))[1],
            r"c/tables: the output folder is inside the corpus folder .*/c; choose a folder outside it"),
    Refused("corpus-inside-the-out",
            lambda r, u: (copy_seeds(r / "work" / "c"), (["tables", "--corpus", "work/c", "--out", "work"], r))[1],
            r"work: the corpus folder .*/work/c is inside the output folder"),
    Refused("out-dot-holding-user-files", _out_dot,
            r"\.: the folder holds files corpus-lib did not write \(analysis\.py\)"),
    Refused("read-only-parent", _read_only_parent, r"ro/out: cannot write in .*ro: (Operation not permitted|"
                                                   r"Permission denied|permission denied)"),
    Refused("out-under-a-file",
            lambda r, u: (_corpus(r), (r / "notes.txt").write_text("mine\n"),
                          (["tables", "--corpus", "c", "--out", "notes.txt/out"], r))[2],
            r"notes\.txt/out: cannot create the folder: .*notes\.txt is not a folder"),
    Refused("batch-size-0",
            lambda r, u: (_corpus(r), (["build", "--corpus", "c", "--out", "o", "--batch-size", "0"], r))[1],
            r"argument --batch-size: must be at least 1, not 0", usage=True),
    Refused("a-second-writer", _lock_held,
            r"o: another corpus-lib run \(pid \d+\) is writing this folder; try again when it has finished"),
]


@pytest.mark.parametrize("case", REFUSED, ids=[c.id for c in REFUSED])
def test_a_refused_output_stops_with_one_line_and_touches_nothing(case: Refused, tmp_path: Path) -> None:
    undo: list = []
    try:
        argv, cwd = case.setup(tmp_path, undo)
        before = tree(tmp_path)
        started = time.monotonic()
        done = run_cli(argv, cwd)
        seconds = time.monotonic() - started
        after = tree(tmp_path)
    finally:
        for step in reversed(undo):
            step()
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    if case.usage:
        assert "Traceback" not in done.stderr and done.stderr.startswith("usage: ")
        assert re.search(case.pattern, done.stderr.strip().splitlines()[-1]), done.stderr
    else:
        assert_one_line(done.stderr, case.pattern)
    if case.id == "a-second-writer":
        holder = re.search(r"pid (\d+)", done.stderr).group(1)
        assert (tmp_path / ".o.lock").read_text(encoding="ascii").strip() == holder
    assert after == before  # the user's files byte-identical; no output, temporary folder or lock left
    assert seconds < 10, "refused before parsing: it should not take long"


# --------------------------------------------------------------------------------------
# Write failures, --debug, and what a killed run leaves.


def test_a_write_failure_is_one_line_and_debug_adds_the_traceback(tmp_path: Path) -> None:
    _corpus(tmp_path)
    undo: list = []
    try:
        _read_only(tmp_path / "ro", undo)
        done = run_cli(["--debug", "tables", "--corpus", "c", "--out", "ro/out"], tmp_path)
        after_name = run_cli(["tables", "--corpus", "c", "--out", "ro/out", "--debug"], tmp_path)
    finally:
        for step in reversed(undo):
            step()
    for result in (done, after_name):
        assert result.returncode == 2
        assert "Traceback" in result.stderr
        assert result.stderr.strip().splitlines()[-1].startswith("corpus-lib: error: ro/out: cannot write in")


def test_a_stale_lock_and_temporary_folders_of_a_dead_run_are_cleaned(tmp_path: Path) -> None:
    _corpus(tmp_path)
    write.write_tables({"documents": pd.DataFrame({"doc_id": ["earlier"]})}, tmp_path / "o")  # an earlier output
    dead = dead_pid()
    (tmp_path / ".o.lock").write_text(f"{dead}\n", encoding="ascii")
    (tmp_path / f".o.tmp-{dead}-abcd1234").mkdir()
    (tmp_path / f".o.tmp-{dead}-abcd1234" / "documents.csv").write_text("half\n", encoding="utf-8")
    (tmp_path / f".o.old-{dead}-efgh5678").mkdir()
    (tmp_path / ".other.tmp-1-x").mkdir()  # another output's (its pid, 1, runs): not ours to clean
    corpus_before = tree(tmp_path / "c")
    done = run_cli(["tables", "--corpus", "c", "--out", "o"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.tmp-1-x", "c", "o"]
    assert tree(tmp_path / "c") == corpus_before
    assert (tmp_path / "o" / write.MARKER).is_file() and (tmp_path / "o" / "statements.csv").is_file()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_terminated_run_removes_its_temporary_folder_and_lock(signum: int, tmp_path: Path) -> None:
    _corpus(tmp_path)
    before = tree(tmp_path)
    proc = start_cli(["tables", "--corpus", "c", "--out", "o"], tmp_path)
    try:
        wait_for(lambda: list(tmp_path.glob(f".o.tmp-{proc.pid}-*")), 30, "the staging folder")
        proc.send_signal(signum)
        _, stderr = proc.communicate(timeout=30)
    finally:
        proc.kill()
    # An interrupted run exits 130; now and then CPython, on its way out after the CLI has
    # reported the interrupt and cleaned up, ends by SIGINT itself (-2), which a shell also
    # shows as 130. The message and the clean-up are the same either way.
    expected = {signal.SIGTERM: {143}, signal.SIGINT: {130, -signal.SIGINT}}[signum]
    assert proc.returncode in expected
    assert_one_line(stderr, "stopped by SIGTERM" if signum == signal.SIGTERM else "interrupted")
    assert tree(tmp_path) == before


def _descendants(pid: int) -> set[int]:
    """The processes below ``pid`` (from /proc)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text(encoding="ascii", errors="replace").rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


@pytest.mark.skipif(not LINUX_PROC, reason="needs Linux's /proc and prctl")
def test_kill_9_of_a_build_leaves_no_worker_and_the_next_run_cleans_up(tmp_path: Path) -> None:
    from corpus_lib.scale.synth import make_corpus

    make_corpus(tmp_path / "archive", 120, seed=3)
    archive_before = tree(tmp_path / "archive")
    argv = ["build", "--corpus", "archive", "--out", "o", "--workers", "2", "--batch-size", "2"]
    workers: set[int] = set()
    with open(tmp_path.parent / f"{tmp_path.name}.log", "wb") as log:  # no pipe a surviving worker could hold open
        proc = subprocess.Popen([sys.executable, "-m", "corpus_lib", *argv], cwd=tmp_path, stdout=log, stderr=log)
    try:
        wait_for(lambda: len(_descendants(proc.pid)) >= 2, 60, "two workers")
        wait_for(lambda: list(tmp_path.glob(f".o.tmp-{proc.pid}-*/documents/part-*")), 60, "a first part")
        workers = _descendants(proc.pid)
        assert proc.poll() is None, "the build finished before it could be killed"
        proc.kill()
        proc.wait(timeout=10)
        wait_for(lambda: not any(write.pid_alive(pid) for pid in workers), 10, f"workers {sorted(workers)} to end")
    finally:
        proc.kill()
        proc.wait()
        for pid in workers:  # only if the test failed: workers it started must not outlive it
            if write.pid_alive(pid):
                os.kill(pid, signal.SIGKILL)
    assert list(tmp_path.glob(f".o.tmp-{proc.pid}-*")), "kill -9 leaves the staging folder (the next run cleans it)"
    copy_seeds(tmp_path / "c")
    done = run_cli(["build", "--corpus", "c", "--out", "o"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive", "c", "o"]
    assert tree(tmp_path / "archive") == archive_before
    assert (tmp_path / "o" / write.MARKER).is_file()


# --------------------------------------------------------------------------------------
# Spreadsheet formulas.


def test_escape_formulas_quotes_text_cells_in_csv_only(tmp_path: Path) -> None:
    frame = pd.DataFrame({"text": ["=HYPERLINK(\"http://x\")", "+1", "-", "@SUM(A1)", "\tx", "plain", "a=b"],
                          "score": [-1, 1, 0, 2, 3, 4, 5]})
    frame["label"] = pd.Categorical(["-x", "y", "y", "y", "y", "y", "y"])
    write.write_frame(frame, tmp_path / "plain.csv", "csv")
    write.write_frame(frame, tmp_path / "escaped.csv", "csv", escape_formulas=True)
    write.write_frame(frame, tmp_path / "escaped.parquet", "parquet", escape_formulas=True)
    plain = pd.read_csv(tmp_path / "plain.csv", keep_default_na=False)
    escaped = pd.read_csv(tmp_path / "escaped.csv", keep_default_na=False)
    assert plain["text"].tolist() == frame["text"].tolist()
    assert escaped["text"].tolist() == ["'=HYPERLINK(\"http://x\")", "'+1", "'-", "'@SUM(A1)", "'\tx", "plain", "a=b"]
    assert escaped["score"].tolist() == [-1, 1, 0, 2, 3, 4, 5]  # numbers stay numbers
    assert escaped["label"].tolist()[0] == "'-x"
    assert pd.read_parquet(tmp_path / "escaped.parquet")["text"].tolist() == frame["text"].tolist()
    assert frame["text"].iloc[0].startswith("=")  # the input frame is not changed


def test_tables_escape_formulas_on_the_command_line(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    (corpus / "formula.txt").write_text('=HYPERLINK("http://example.org","x") is what NATO said.\n', encoding="utf-8")
    runs = [start_cli(["tables", "--corpus", "c", "--out", out, "--allow-undated", *extra], tmp_path)
            for out, extra in (("plain", []), ("escaped", ["--escape-formulas"]))]
    for proc in runs:
        _, stderr = proc.communicate(timeout=120)
        assert proc.returncode == 0, stderr
    plain = pd.read_csv(tmp_path / "plain" / "statements.csv", keep_default_na=False)
    escaped = pd.read_csv(tmp_path / "escaped" / "statements.csv", keep_default_na=False)
    assert plain["text"].str.startswith("=HYPERLINK").any()
    assert not escaped["text"].str.startswith(write.FORMULA_STARTS).any()
    assert escaped["text"].str.startswith("'=HYPERLINK").sum() == plain["text"].str.startswith("=HYPERLINK").sum()


# --------------------------------------------------------------------------------------
# The rules, unit by unit.


def test_an_older_report_folder_is_the_packages_own_and_gets_the_marker(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    for name in ("figures", "tables", "notebooks"):
        (reports / name).mkdir(parents=True)
    (reports / "figures" / "01-chart.png").write_bytes(b"png")
    legacy = ("figures", "tables", "notebooks")
    assert write.check_output(reports, legacy=legacy) == reports.resolve()
    with write.output_folder(reports, kind="report", legacy=legacy) as staging:
        (staging / "figures").mkdir()
    assert sorted(p.name for p in reports.iterdir()) == [write.MARKER, "figures"]
    (reports / "seeds.txt").write_text("mine", encoding="utf-8")  # a marked folder is replaced as a whole
    assert write.check_output(reports, legacy=legacy) == reports.resolve()
    (reports / write.MARKER).unlink()
    with pytest.raises(write.OutputError, match=r"did not write \(seeds\.txt\)"):
        write.check_output(reports, legacy=legacy)


def test_a_long_list_of_foreign_files_is_cut_short(tmp_path: Path) -> None:
    for name in "abcde":
        (tmp_path / f"{name}.txt").write_text(name, encoding="utf-8")
    with pytest.raises(write.OutputError) as info:
        write.check_output(tmp_path)
    assert "(a.txt, b.txt, c.txt, …)" in str(info.value)


def test_a_previous_output_moved_aside_by_a_killed_run_is_put_back(tmp_path: Path) -> None:
    out = tmp_path / "o"
    write.write_tables({"t": pd.DataFrame({"a": [1]})}, out)
    before = tree(out)
    dead = dead_pid()
    aside = tmp_path / f".o.old-{dead}-abcd1234"
    aside.mkdir()
    os.replace(out, aside / "o")  # killed between the two renames of the swap
    (tmp_path / f".o.tmp-{dead}-efgh5678").mkdir()
    removed = write.clean_stale(out)
    assert sorted(p.name for p in removed) == sorted([aside.name, f".o.tmp-{dead}-efgh5678"])
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o"]


def test_the_lock_waits_then_names_the_holder_and_is_released(tmp_path: Path) -> None:
    out = tmp_path / "o"
    with write.lock_output(out) as lock:
        assert lock.read_text(encoding="ascii").strip() == str(os.getpid())
        started = time.monotonic()
        with pytest.raises(write.OutputError, match=rf"pid {os.getpid()}\)"):
            with write.lock_output(out, wait=0.3):
                pass
        assert time.monotonic() - started >= 0.3
    assert not lock.exists()


def test_a_failed_write_removes_the_parents_it_created(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError):
        with write.output_folder(tmp_path / "a" / "b" / "out", kind="test"):
            raise RuntimeError("stop")
    assert list(tmp_path.iterdir()) == []


def test_the_tables_of_an_older_report_are_the_packages_own(tmp_path: Path) -> None:
    tables = tmp_path / "tables"  # `make report`, then `make tables` into reports/tables
    tables.mkdir()
    for name in ("documents.csv", "documents.parquet", "statements.parquet", "corpus.json"):
        (tables / name).write_text("x", encoding="utf-8")
    assert write.check_output(tables, legacy=write.TABLE_FILES) == tables.resolve()


def test_the_current_folder_is_never_an_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    with pytest.raises(write.OutputError, match="holds the current folder"):
        write.check_output(".")  # empty
    write.write_marker(tmp_path / "work", "tables")
    with pytest.raises(write.OutputError, match="holds the current folder"):
        write.check_output(tmp_path / "work")  # written by the package before
    with pytest.raises(write.OutputError, match=r"did not write \(work\)"):
        write.check_output("..")
    assert write.check_output("sub") == (tmp_path / "work" / "sub").resolve()


def test_a_symlinked_output_is_written_at_its_target(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    write.write_tables({"t": pd.DataFrame({"a": [1]})}, tmp_path / "link")
    assert (tmp_path / "link").is_symlink()
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == [write.MARKER, "t.csv"]


def test_build_escapes_formulas_in_its_csv_parts_on_request(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Headline\n\n=HYPERLINK(\"http://x\") is what the text said.\n", encoding="utf-8")
    for escape, name in ((False, "plain"), (True, "escaped")):
        argv = ["build", "--corpus", "c", "--out", name, "--format", "csv", "--batch-size", "1"]
        done = subprocess.run([sys.executable, "-m", "corpus_lib", *argv, *(["--escape-formulas"] if escape else [])],
                              cwd=tmp_path, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
    plain = (tmp_path / "plain" / "statements" / "part-00000.csv").read_text(encoding="utf-8")
    escaped = (tmp_path / "escaped" / "statements" / "part-00000.csv").read_text(encoding="utf-8")
    assert ',"=HYPERLINK(' in plain and "'=HYPERLINK(" not in plain
    assert "'=HYPERLINK(" in escaped
