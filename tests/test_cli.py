"""The command line: deterministic, atomic table output; usage errors; ``python -m corpus_lib``.

Bad corpus input through the CLI (exit 2, file named, ``--out`` untouched) is tested
case by case in ``test_load.py``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from corpus_lib.cli import main
from corpus_lib.corpus import load_corpus
from corpus_lib.pipeline import write

TABLES = ("documents", "statements", "removed")


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def seed_tables(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The seed corpus written twice, csv and parquet, by ``tables`` with no ``--corpus``."""
    root = tmp_path_factory.mktemp("tables")
    outs = (root / "first", root / "second")
    for out in outs:
        assert main(["tables", "--out", str(out), "--format", "csv,parquet"]) == 0
    return outs


def test_tables_twice_gives_byte_identical_files(seed_tables: tuple[Path, Path]) -> None:
    first, second = (files_of(out) for out in seed_tables)
    assert sorted(first) == sorted(second)
    for name in TABLES:
        assert f"{name}.csv" in first and f"{name}.parquet" in first
    for name in first:
        assert first[name] == second[name], f"{name} differs between two runs"


def test_tables_hold_the_corpus(seed_tables: tuple[Path, Path], seed_corpus) -> None:
    out = seed_tables[0]
    for name in TABLES:
        expected = getattr(seed_corpus, name)
        assert len(expected) > 0
        from_csv = pd.read_csv(out / f"{name}.csv", keep_default_na=False)
        from_parquet = pd.read_parquet(out / f"{name}.parquet")
        for frame in (from_csv, from_parquet):
            assert list(frame.columns) == list(expected.columns)
            assert len(frame) == len(expected)
            key = expected.columns[0] if name != "removed" else ["doc_id", "char_start"]
            pd.testing.assert_frame_equal(
                frame[key if isinstance(key, list) else [key]].astype(str).reset_index(drop=True),
                expected[key if isinstance(key, list) else [key]].astype(str).reset_index(drop=True),
            )
        pd.testing.assert_frame_equal(from_parquet, expected.reset_index(drop=True), check_dtype=False,
                                      check_categorical=False)
    statements = pd.read_csv(out / "statements.csv", keep_default_na=False)
    assert statements["statement_id"].is_unique
    assert (statements["char_start"] < statements["char_end"]).all()
    assert set(pd.read_csv(out / "documents.csv")["doc_id"]) == set(seed_corpus.documents["doc_id"])
    csv_text = (out / "statements.csv").read_bytes()
    assert b"\r\n" not in csv_text  # line ends are \n, whatever the platform


def test_rerunning_tables_replaces_the_folder_atomically(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["tables", "--out", str(out), "--format", "csv"]) == 0
    (out / "stale.csv").write_text("left from an earlier run\n")
    (out / "old").mkdir()
    assert main(["tables", "--out", str(out), "--format", "csv,parquet"]) == 0
    assert "wrote" in capsys.readouterr().out
    names = sorted(p.name for p in out.iterdir())
    assert "stale.csv" not in names and "old" not in names
    assert {f"{t}.{f}" for t in TABLES for f in ("csv", "parquet")} <= set(names)
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no .out.tmp-* / .out.old-* left


def test_failed_write_leaves_the_previous_output_and_no_temporary_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    write.write_tables({"t": pd.DataFrame({"a": [1, 2]})}, out, formats=("csv",))
    before = files_of(out)
    calls = []

    def failing(df, path, fmt):
        calls.append(path.name)
        if len(calls) == 2:
            raise OSError("disk full")
        return real(df, path, fmt)

    real = write.write_frame
    monkeypatch.setattr(write, "write_frame", failing)
    with pytest.raises(OSError, match="disk full"):
        write.write_tables({"t": pd.DataFrame({"a": [3]}), "u": pd.DataFrame({"b": [4]})}, out,
                           formats=("csv", "parquet"))
    assert files_of(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


@pytest.mark.parametrize("value", ["xml", "csv,xml", "", ","])
def test_unknown_format_is_a_usage_error(value: str, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    with pytest.raises(SystemExit) as info:
        main(["tables", "--out", str(out), "--format", value])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "usage:" in err and "--format" in err and "csv, parquet" in err
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_write_tables_refuses_an_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="xml"):
        write.write_tables({"t": pd.DataFrame({"a": [1]})}, tmp_path / "out", formats=("xml",))
    assert list(tmp_path.iterdir()) == []


def test_python_m_corpus_lib_validate(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "corpus_lib", "validate"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    corpus = load_corpus()
    assert done.stdout.strip() == f"ok: {len(corpus.documents)} documents, {len(corpus.statements)} statements"
    assert "error" not in done.stderr


# --------------------------------------------------------------------------- report


def test_report_names_a_failing_notebook_and_exits_1(tmp_path: Path, monkeypatch, capsys) -> None:
    from corpus_lib import report

    def failing(*args, **kwargs):
        raise report.NotebookFailed("02-russia.ipynb", "cell 3: ValueError: unknown holders ['x']")

    monkeypatch.setattr(report, "run_report", failing)
    assert main(["report", "--out", str(tmp_path / "r"), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "corpus-lib: error: notebook 02-russia.ipynb failed: cell 3: ValueError" in err
    assert "previous report" in err


def test_report_passes_jobs_and_writes_timings_as_json(tmp_path: Path, monkeypatch, capsys) -> None:
    import json

    from corpus_lib import report

    seen = {}

    def fake(corpus, out, **kwargs):
        seen.update(kwargs)
        Path(out).mkdir(parents=True)
        return report.ReportResult(out=Path(out), timings={"tables": 1.0, "total": 2.0}, workers=kwargs["workers"])

    monkeypatch.setattr(report, "run_report", fake)
    assert main(["report", "--out", str(tmp_path / "r"), "--jobs", "3", "--json", str(tmp_path / "t.json"),
                 "--static-timeout", "120"]) == 0
    assert seen["workers"] == 3 and seen["static_timeout"] == 120.0
    written = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert written["workers"] == 3 and written["timings"] == {"tables": 1.0, "total": 2.0}
    assert main(["report", "--jobs", "0"]) == 2
    assert "--jobs must be at least 1" in capsys.readouterr().err
    assert main(["report", "--static-timeout", "0"]) == 2
    assert "--static-timeout must be more than 0 seconds" in capsys.readouterr().err
