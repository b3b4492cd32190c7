"""The streaming build: same tables as load_corpus, whatever the batches, workers or engine."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from corpus_lib import corpus as corpus_module
from corpus_lib.corpus import code_stances, load_corpus
from corpus_lib.errors import CorpusError
from corpus_lib.paths import SEEDS_DIR
from corpus_lib.scale import build
from corpus_lib.scale.synth import make_corpus

N_DOCS = 24
BATCH = 5


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("build") / "archive"
    make_corpus(folder, N_DOCS, seed=3)
    return folder


@pytest.fixture(scope="module")
def reference(archive):
    """What the in-memory pipeline gives: load_corpus, then the coder."""
    corpus = load_corpus(archive)
    tables = {"documents": corpus.documents, "statements": corpus.statements, "removed": corpus.removed}
    tables["stances"] = code_stances(corpus.statements)
    return tables


@pytest.fixture(scope="module")
def single(archive, tmp_path_factory):
    out = tmp_path_factory.mktemp("single") / "tables"
    report = build.build_tables(archive, out, batch_size=BATCH)
    return out, report


def part_bytes(out) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def assert_same_tables(got: dict, want: dict) -> None:
    assert sorted(got) == sorted(want)
    for name in want:
        pd.testing.assert_frame_equal(got[name], want[name], obj=name)


def test_equals_load_corpus_row_for_row(single, reference):
    out, report = single
    assert_same_tables(build.load_tables(out, lazy=False), reference)
    assert report.n_docs == N_DOCS and report.rows["statements"] == len(reference["statements"])


def test_seed_corpus_equals_load_corpus(tmp_path, seed_corpus):
    build.build_tables(SEEDS_DIR, tmp_path / "t", batch_size=2)
    got = build.load_tables(tmp_path / "t", lazy=False)
    for name in ("documents", "statements", "removed"):
        pd.testing.assert_frame_equal(got[name], getattr(seed_corpus, name), obj=name)


def test_parts_follow_sorted_doc_ids_and_batch_size(single, reference):
    out, report = single
    import pyarrow.parquet as pq

    parts = build.part_files(out, "documents")
    assert [p.name for p in parts] == [f"part-{k:05d}.parquet" for k in range(-(-N_DOCS // BATCH))]
    ids = [pq.read_table(p, columns=["doc_id"]).column(0).to_pylist() for p in parts]
    assert all(len(chunk) <= BATCH for chunk in ids)
    assert [i for chunk in ids for i in chunk] == sorted(reference["documents"]["doc_id"])
    for table in ("statements", "removed"):  # every table is cut at the same documents
        for k, p in enumerate(build.part_files(out, table)):
            assert set(pq.read_table(p, columns=["doc_id"]).column(0).to_pylist()) <= set(ids[k])
    assert report.max_part_docs <= BATCH


def test_never_holds_more_than_a_batch(single):
    _, report = single
    assert report.max_in_flight_docs <= BATCH < N_DOCS


def test_hook_counts_documents_held(archive, tmp_path, monkeypatch):
    """Instrument process_document: it never sees more than one batch between two writes."""
    seen, written = [], []
    real_process, real_write = corpus_module.process_document, build.write_part

    def process(meta, text, **kw):
        seen.append(meta.doc_id)
        return real_process(meta, text, **kw)

    def write(df, path, fmt, *, table, **options):
        if table == "documents":
            written.append(len(seen))
        return real_write(df, path, fmt, table=table, **options)

    monkeypatch.setattr(corpus_module, "process_document", process)
    monkeypatch.setattr(build, "write_part", write)
    build.build_tables(archive, tmp_path / "t", batch_size=BATCH)
    assert max(b - a for a, b in zip([0, *written], written, strict=False)) <= BATCH
    assert len(seen) == N_DOCS


def test_deterministic_bytes(archive, single, tmp_path):
    out, _ = single
    build.build_tables(archive, tmp_path / "again", batch_size=BATCH)
    assert part_bytes(tmp_path / "again") == part_bytes(out)


def test_pool_of_two_writes_the_same_bytes(archive, single, tmp_path):
    out, _ = single
    report = build.build_tables(archive, tmp_path / "pool", batch_size=BATCH, workers=2)
    assert part_bytes(tmp_path / "pool") == part_bytes(out)
    assert report.max_in_flight_docs <= 2 * 2 * BATCH


@pytest.mark.slow
def test_dask_local_cluster_writes_the_same_bytes(archive, single, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    out, _ = single
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        report = build.build_tables(archive, tmp_path / "dask", batch_size=BATCH, engine="dask",
                                    scheduler=cluster.scheduler_address)
    assert part_bytes(tmp_path / "dask") == part_bytes(out)
    assert report.engine == "dask" and report.n_parts == -(-N_DOCS // BATCH)


@pytest.mark.slow
def test_dask_process_scheduler_writes_the_same_bytes(archive, single, tmp_path):
    pytest.importorskip("dask.bag")
    out, _ = single
    build.build_tables(archive, tmp_path / "dask", batch_size=BATCH, engine="dask", workers=2)
    assert part_bytes(tmp_path / "dask") == part_bytes(out)


def test_lazy_tables(single, reference):
    import pyarrow.dataset as pads

    out, _ = single
    lazy = build.load_tables(out)
    assert lazy["statements"].count_rows() == len(reference["statements"])
    assert lazy["documents"].schema.field("genre").type.value_type == "string"
    table = lazy["statements"].to_table(columns=["statement_id"], filter=pads.field("seq") == 1)
    assert table.num_rows == N_DOCS


def test_lazy_tables_with_dask(single, reference):
    pytest.importorskip("dask.dataframe")
    out, _ = single
    frames = build.load_tables(out, backend="dask")
    assert frames["documents"].npartitions == -(-N_DOCS // BATCH)
    assert int(frames["statements"]["seq"].count().compute()) == len(reference["statements"])


def test_csv_parts_too(archive, tmp_path):
    build.build_tables(archive, tmp_path / "t", batch_size=10, formats=("parquet", "csv"))
    csvs = sorted((tmp_path / "t" / "statements").glob("part-*.csv"))
    assert [p.name for p in csvs] == ["part-00000.csv", "part-00001.csv", "part-00002.csv"]


def test_failure_keeps_previous_output(archive, single, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(archive, corpus)
    out = tmp_path / "out"
    build.build_tables(corpus, out, batch_size=BATCH)
    before = part_bytes(out)
    sorted(corpus.rglob("*.txt"))[-1].write_bytes(b"\x00\x01binary")
    with pytest.raises(CorpusError, match="binary"):
        build.build_tables(corpus, out, batch_size=BATCH)
    assert part_bytes(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_unlisted_file_is_built_like_load_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, corpus)
    (corpus / "extra note.txt").write_text("NATO met Baku. All went well.\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="no row in manifest.csv"):
        build.build_tables(corpus, tmp_path / "t", batch_size=4)
    with pytest.warns(UserWarning):
        want = load_corpus(corpus, allow_undated=True)
    got = build.load_tables(tmp_path / "t", lazy=False)
    pd.testing.assert_frame_equal(got["documents"], want.documents)
    pd.testing.assert_frame_equal(got["statements"], want.statements)


def test_normalise_sorts_across_parts():
    """doc_ids 'x' and 'x-2' sort one way as ids and the other way inside statement ids."""
    from corpus_lib.pipeline import schemas

    rows = [
        {"statement_id": f"{d}.0001", "doc_id": d, "seq": 1, "turn": 1, "speaker": "narrator",
         "speaker_role": "narrator", "holder": "other", "is_question": False, "text": "T.",
         "char_start": 0, "char_end": 2, "date": None, "event_date": "", "tone": 0.0}
        for d in ("x", "x-2")
    ]
    parts = [schemas.make_statements(rows[:1]), schemas.make_statements(rows[1:])]
    got = build.normalise("statements", pd.concat(parts))
    assert list(got["statement_id"]) == ["x-2.0001", "x.0001"]


def test_cli_main(archive, tmp_path, capsys):
    assert build.main(["build", "--corpus", str(archive), "--out", str(tmp_path / "t"), "--batch-size", "10",
                       "--cache", str(tmp_path / "cache")]) == 0
    assert f"{N_DOCS} documents in 3 parts" in capsys.readouterr().out
    assert build.main(["build", "--corpus", str(tmp_path / "missing"), "--out", str(tmp_path / "u")]) == 2
    assert "corpus folder does not exist" in capsys.readouterr().err


def test_bad_arguments(archive, tmp_path):
    with pytest.raises(ValueError, match="engine"):
        build.build_tables(archive, tmp_path / "t", engine="spark")
    with pytest.raises(ValueError, match="format"):
        build.build_tables(archive, tmp_path / "t", formats=("xlsx",))
    with pytest.raises(ValueError, match="at least 1"):
        build.build_tables(archive, tmp_path / "t", batch_size=0)
