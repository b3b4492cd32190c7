"""The per-document cache: hits, misses, one file changed, a new coder, damaged entries."""

from __future__ import annotations

import json
import logging
import shutil

import pandas as pd
import pytest

from corpus_lib.paths import SEEDS_DIR
from corpus_lib.pipeline.cache import CACHE_SUBDIR, CacheStats, DocumentCache, parser_version
from corpus_lib.pipeline.load import ManifestRow
from corpus_lib.scale import build
from corpus_lib.scale.synth import make_corpus

N_DOCS = 10
BATCH = 4


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cache") / "archive"
    make_corpus(folder, N_DOCS, seed=11)
    return folder


@pytest.fixture
def corpus(archive, tmp_path):
    """A private copy of the archive, free to edit."""
    copy = tmp_path / "corpus"
    shutil.copytree(archive, copy)
    return copy


def drop_parts(tmp_path):
    """Forget the cached whole parts, so that a build reads the per-document entries."""
    shutil.rmtree(tmp_path / "cache" / CACHE_SUBDIR / "parts", ignore_errors=True)


def run(corpus, tmp_path, name="out"):
    return build.build_tables(corpus, tmp_path / name, batch_size=BATCH, cache_dir=tmp_path / "cache")


def part_bytes(out) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.parquet"))}


def test_second_run_parses_nothing_and_writes_the_same_bytes(corpus, tmp_path):
    cold = run(corpus, tmp_path, "cold")
    assert (cold.cache.misses, cold.cache.hits, cold.cache.written) == (N_DOCS, 0, N_DOCS)
    warm = run(corpus, tmp_path, "warm")
    assert (warm.cache.hits, warm.cache.parsed, warm.cache.recoded, warm.cache.written) == (N_DOCS, 0, 0, 0)
    assert warm.cache.part_hits == -(-N_DOCS // BATCH)  # whole parts reused
    assert part_bytes(tmp_path / "cold") == part_bytes(tmp_path / "warm")
    drop_parts(tmp_path)
    by_entry = run(corpus, tmp_path, "by-entry")
    assert (by_entry.cache.hits, by_entry.cache.part_hits, by_entry.cache.parsed) == (N_DOCS, 0, 0)
    assert part_bytes(tmp_path / "cold") == part_bytes(tmp_path / "by-entry")
    files = [p for p in (tmp_path / "cache" / CACHE_SUBDIR).rglob("*") if p.is_file()]
    assert all(p.suffix in (".json", ".parquet") for p in files)  # JSON and Parquet only, no pickle
    assert len(DocumentCache(tmp_path / "cache").entries()) == N_DOCS


def test_one_changed_file_reparses_one_file(corpus, tmp_path):
    run(corpus, tmp_path, "cold")
    victim = sorted(corpus.rglob("*.txt"))[3]
    victim.write_bytes(victim.read_bytes() + b"\n\nNATO said nothing new.")
    report = run(corpus, tmp_path, "again")
    assert (report.cache.misses, report.cache.hits) == (1, N_DOCS - 1)
    build.build_tables(corpus, tmp_path / "fresh", batch_size=BATCH)
    assert part_bytes(tmp_path / "again") == part_bytes(tmp_path / "fresh")


def test_changed_manifest_row_is_a_miss(corpus, tmp_path):
    run(corpus, tmp_path, "cold")
    manifest = corpus / "manifest.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace("Synthetic:", "Synthetic (edited):", 1)
    manifest.write_text("".join(lines), encoding="utf-8")
    report = run(corpus, tmp_path, "again")
    assert (report.cache.misses, report.cache.hits) == (1, N_DOCS - 1)


def test_new_coder_version_recodes_all_and_parses_none(corpus, tmp_path, monkeypatch):
    real = build.load_coder()
    run(corpus, tmp_path, "cold")
    calls = []

    def tag(frame):
        calls.append(len(frame))
        return real.tag(frame)

    monkeypatch.setattr(build, "load_coder", lambda: build.Coder(version=real.version + "-next", tag=tag))
    report = run(corpus, tmp_path, "recoded")
    assert (report.cache.recoded, report.cache.parsed, report.cache.hits) == (N_DOCS, 0, 0)
    assert report.cache.written == N_DOCS and sum(calls) == report.rows["statements"]
    again = run(corpus, tmp_path, "again")
    assert (again.cache.hits, again.cache.recoded) == (N_DOCS, 0)
    assert part_bytes(tmp_path / "cold") == part_bytes(tmp_path / "recoded")


def damage_truncate(path):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def damage_garbage(path):
    path.write_bytes(b"\x00\xff garbage, not json \x13")


def damage_flip(path):
    """A valid JSON entry whose content no longer matches its checksum."""
    data = bytearray(path.read_bytes())
    at = data.index(b'"text":"') + len(b'"text":"')
    data[at] = ord("Z") if data[at] != ord("Z") else ord("Y")
    path.write_bytes(bytes(data))


def damage_empty(path):
    path.write_bytes(b"")


def damage_shape(path):
    path.write_text(json.dumps({"format": 1, "checksum": "0", "body": []}))


def damage_forged(path):
    """Consistent checksum, but rows missing: still not trusted."""
    import hashlib

    from corpus_lib.pipeline.cache import _canonical

    head, body = path.read_bytes().split(b"\n", 1)
    header, body = json.loads(head), json.loads(body)
    del body["parsed"]["statements"]
    body_bytes = _canonical(body)
    header["checksum"] = hashlib.sha256(body_bytes).hexdigest()
    path.write_bytes(_canonical(header) + b"\n" + body_bytes)


DAMAGES = [damage_truncate, damage_garbage, damage_flip, damage_empty, damage_shape, damage_forged]


def test_damaged_entries_are_detected_logged_and_rebuilt(corpus, tmp_path, caplog):
    run(corpus, tmp_path, "cold")
    entries = DocumentCache(tmp_path / "cache").entries()
    for damage, path in zip(DAMAGES, entries, strict=False):
        damage(path)
    drop_parts(tmp_path)
    with caplog.at_level(logging.WARNING, logger="corpus_lib.pipeline.cache"):
        report = run(corpus, tmp_path, "repaired")
    assert report.cache.rebuilt == len(DAMAGES)
    assert report.cache.hits == N_DOCS - len(DAMAGES)
    warned = [r for r in caplog.records if r.levelno == logging.WARNING and "damaged" in r.getMessage()]
    assert len(warned) == len(DAMAGES)
    assert part_bytes(tmp_path / "cold") == part_bytes(tmp_path / "repaired")
    again = run(corpus, tmp_path, "again")
    assert (again.cache.hits, again.cache.rebuilt) == (N_DOCS, 0)


@pytest.mark.parametrize("damage", ["truncate", "flip", "delete", "manifest"])
def test_damaged_cached_parts_are_rebuilt(corpus, tmp_path, caplog, damage):
    run(corpus, tmp_path, "cold")
    folders = sorted((tmp_path / "cache" / CACHE_SUBDIR / "parts").glob("*/*"))
    assert len(folders) == -(-N_DOCS // BATCH)
    target = folders[0] / "statements.parquet"
    if damage == "truncate":
        target.write_bytes(target.read_bytes()[:100])
    elif damage == "flip":
        data = bytearray(target.read_bytes())
        data[len(data) // 2] ^= 0xFF
        target.write_bytes(bytes(data))
    elif damage == "delete":
        target.unlink()
    else:
        (folders[0] / "manifest.json").write_text("{not json")
    with caplog.at_level(logging.WARNING, logger="corpus_lib.pipeline.cache"):
        report = run(corpus, tmp_path, "again")
    assert report.cache.part_hits == len(folders) - 1 and report.cache.hits == N_DOCS
    assert any("cached part" in r.getMessage() for r in caplog.records)
    assert part_bytes(tmp_path / "cold") == part_bytes(tmp_path / "again")
    assert run(corpus, tmp_path, "third").cache.part_hits == len(folders)


def test_entry_for_another_key_is_not_trusted(corpus, tmp_path, caplog):
    run(corpus, tmp_path, "cold")
    a, b = DocumentCache(tmp_path / "cache").entries()[:2]
    a.write_bytes(b.read_bytes())  # a whole, valid entry, in the wrong place
    drop_parts(tmp_path)
    with caplog.at_level(logging.WARNING, logger="corpus_lib.pipeline.cache"):
        report = run(corpus, tmp_path, "again")
    assert report.cache.rebuilt == 1
    assert part_bytes(tmp_path / "cold") == part_bytes(tmp_path / "again")


def test_key_covers_bytes_manifest_and_parser(tmp_path):
    meta = ManifestRow(file="a.txt", doc_id="a", title="T")
    cache = DocumentCache(tmp_path, parser="p1")
    key = cache.key(b"text", meta)
    assert key != cache.key(b"text!", meta)
    assert key != cache.key(b"text", ManifestRow(file="a.txt", doc_id="a", title="T2"))
    assert key == cache.key(b"text", ManifestRow(file="a.txt", doc_id="a", title="T", line=99))
    assert key != DocumentCache(tmp_path, parser="p2").key(b"text", meta)
    assert parser_version().startswith("parser-")


def test_put_is_atomic_and_leaves_no_temporary_files(tmp_path):
    cache = DocumentCache(tmp_path, parser="p1", coder="c1")
    key = cache.key(b"x", ManifestRow(file="a.txt", doc_id="a"))
    parsed = {"document": {"doc_id": "a"}, "statements": [], "removed": []}
    cache.put(key, parsed, [{"statement_id": "a.0001", "score": None}], None)
    assert [p.name for p in cache.path(key).parent.iterdir()] == [f"{key}.json"]
    entry = cache.get(key)
    assert entry.stances == [{"statement_id": "a.0001", "score": None}]
    other = DocumentCache(tmp_path, parser="p1", coder="c2")
    assert other.get(key).stances is None and other.stats.recoded == 1


def test_stats_add():
    total = CacheStats()
    total.add(CacheStats(hits=2, misses=1, rebuilt=1))
    total.add(CacheStats(hits=1, recoded=3))
    assert (total.hits, total.misses, total.rebuilt, total.recoded, total.parsed) == (3, 1, 1, 3, 2)


@pytest.mark.slow
def test_cache_across_workers(corpus, tmp_path):
    """Worker processes share the cache: a pool build after a single-process one hits everything."""
    run(corpus, tmp_path, "cold")
    report = build.build_tables(corpus, tmp_path / "pool", batch_size=BATCH, workers=2, cache_dir=tmp_path / "cache")
    assert (report.cache.hits, report.cache.parsed) == (N_DOCS, 0)
    assert part_bytes(tmp_path / "cold") == part_bytes(tmp_path / "pool")


# ------------------------------------------------------------------ load_corpus and the cache


def _tables(corpus):
    return {name: getattr(corpus, name) for name in ("documents", "statements", "removed", "stances")}


def _assert_same(a, b):
    for name, frame in _tables(a).items():
        pd.testing.assert_frame_equal(frame, getattr(b, name), check_exact=True, obj=name)


def test_load_corpus_reads_an_unchanged_corpus_back_without_parsing(tmp_path, monkeypatch):
    from corpus_lib import corpus as corpus_module

    cold = corpus_module.load_corpus(SEEDS_DIR, cache=tmp_path)

    def refuse(*args, **kwargs):
        raise AssertionError("an unchanged corpus was parsed or coded again")

    monkeypatch.setattr(corpus_module, "process_document", refuse)
    monkeypatch.setattr(corpus_module, "_tag_stances", refuse)
    _assert_same(corpus_module.load_corpus(SEEDS_DIR, cache=tmp_path), cold)


def test_load_corpus_parses_only_the_edited_document(tmp_path, monkeypatch):
    from corpus_lib import corpus as corpus_module

    folder = tmp_path / "c"
    shutil.copytree(SEEDS_DIR, folder)
    corpus_module.load_corpus(folder, cache=tmp_path / "cache")
    edited = sorted(folder.glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nNATO said the door stays open.\n", encoding="utf-8")
    seen, real = [], corpus_module.process_document

    def process(meta, text, **kwargs):
        seen.append(meta.file)
        return real(meta, text, **kwargs)

    monkeypatch.setattr(corpus_module, "process_document", process)
    warm = corpus_module.load_corpus(folder, cache=tmp_path / "cache")
    assert seen == [edited.name]
    _assert_same(warm, corpus_module.load_corpus(folder, cache=False))
    assert "NATO said the door stays open." in set(warm.statements["text"])


def test_load_corpus_without_cache_writes_nothing(tmp_path, monkeypatch):
    from corpus_lib import corpus as corpus_module

    monkeypatch.setenv("CORPUS_LIB_CACHE", str(tmp_path / "env-cache"))
    corpus_module.load_corpus(SEEDS_DIR, cache=False)
    assert not (tmp_path / "env-cache").exists()
    corpus_module.load_corpus(SEEDS_DIR)
    assert any((tmp_path / "env-cache").rglob("*.json"))


def test_load_corpus_rebuilds_a_damaged_cached_table(tmp_path, caplog):
    from corpus_lib import corpus as corpus_module

    cold = corpus_module.load_corpus(SEEDS_DIR, cache=tmp_path)
    damaged = sorted(tmp_path.rglob("statements.parquet"))
    assert damaged
    damaged[0].write_bytes(b"not parquet")
    with caplog.at_level("WARNING"):
        again = corpus_module.load_corpus(SEEDS_DIR, cache=tmp_path)
    assert "damaged" in caplog.text
    _assert_same(again, cold)
