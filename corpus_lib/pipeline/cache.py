"""An incremental cache of per-document results: parse once, re-code only when the coder changes.

One JSON file per document, addressed by a key over everything the parse depends on:

* the sha256 of the file's bytes,
* its manifest row (every field but the line number),
* :func:`parser_version`: a hash of the parsing modules' source and their data files.

An entry is two lines of JSON: a header (format, key, the sha256 of the second line) and
the body. In the body sit the parsed rows (``document``, ``statements``, ``removed``), the
coded ``stances`` rows with the ``coder_version`` (``corpus_lib.coding.coder.CODER_VERSION``,
a hash of its rule files) they were coded with, and a sha256 checksum of all of it. So an
unchanged file is a *hit*; a changed file (or manifest row, or parser) has a new key, a
*miss*, and is parsed again; a new coder version keeps the parse and *recodes*.

Entries are written atomically (a temporary file in the same folder, then
``os.replace``), so a reader sees a whole entry or none. One that is still damaged
(truncated, not JSON, wrong checksum, wrong key, missing fields) is logged as a warning,
counted as *rebuilt*, and recomputed: never trusted. JSON only, no pickle: an entry can be
read, diffed and deleted by hand, and loading one never runs code.

Layout::

    CACHE_DIR/
      corpus-lib-cache-v1/
        3f/3f9a…e1.json      # one entry per document, fanned out by the key's first 2 hex digits
        parts/a0/a0c4…/      # a whole output part: manifest.json (sha256 of each file, row
                             #   counts) + documents.parquet, statements.parquet, …

A build first looks for its whole part: when every document of a batch has the key it had
in an earlier build (same coder, same formats), the part's files are copied from the cache
after their checksums are verified, and no entry is even read. Otherwise it goes document
by document as above, and stores the new part.

Entries that no build uses any more (an edited file's old version) stay until the folder is
deleted; :meth:`DocumentCache.prune` removes all entries not in a given set of keys.

Example:
    >>> import tempfile
    >>> from corpus_lib.pipeline.load import ManifestRow
    >>> cache = DocumentCache(tempfile.mkdtemp(), parser="p1")
    >>> meta = ManifestRow(file="a.txt", doc_id="a")
    >>> key = cache.key(b"NATO met Baku.", meta)
    >>> cache.get(key) is None, cache.stats.misses
    (True, 1)
    >>> cache.put(key, {"document": {"doc_id": "a"}, "statements": [], "removed": []}, None, None)
    >>> cache.get(key).parsed["document"], cache.stats.hits
    ({'doc_id': 'a'}, 1)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
import math
import os
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from corpus_lib.pipeline.load import ManifestRow

log = logging.getLogger(__name__)

CACHE_FORMAT = 1
CACHE_SUBDIR = f"corpus-lib-cache-v{CACHE_FORMAT}"
# What the parse of one document depends on, besides its bytes and manifest row: every
# module of the pipeline (found by listing the package, so a new module cannot be forgotten),
# the corpus module that drives it, and the actors registry.
PARSER_DATA = ("corpus.py", "data/actors.csv")
_META_FIELDS = tuple(f.name for f in dataclasses.fields(ManifestRow) if f.name != "line")


@lru_cache(maxsize=1)
def parser_version() -> str:
    """A short hash of the parsing modules (tone included), their data files, VADER's lexicon
    and NLTK's version.

    Any edit to the parser (a rule, an abbreviation, an actor) changes it, and with it every
    cache key, so nothing parsed by older code is reused.
    """
    from importlib.metadata import version

    root = resources.files("corpus_lib")
    digest = hashlib.sha256(f"nltk={version('nltk')};format={CACHE_FORMAT}".encode())
    names = sorted(f"pipeline/{p.name}" for p in root.joinpath("pipeline").iterdir() if p.name.endswith(".py"))
    for name in (*names, *PARSER_DATA):
        path = root.joinpath(name)
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b"-") + b"\0")
    try:  # the tone's lexicon (corpus_lib.pipeline.tone reads VADER's from the vaderSentiment package)
        digest.update(resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_bytes())
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover
        digest.update(b"no-vader")
    return "parser-" + digest.hexdigest()[:16]


def manifest_fields(meta: ManifestRow) -> dict:
    """The manifest row as JSON-ready fields (the line number is left out: it moves freely)."""
    out = {}
    for name in _META_FIELDS:
        value = getattr(meta, name)
        out[name] = value.isoformat() if isinstance(value, dt.date) else value
    return out


def _canonical(obj) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()


_PLAIN = (str, bool, int)


def to_json_value(value):
    """One cell as JSON: dates as ISO strings, NaN/NaT as null, numpy scalars as Python ones."""
    if value is None or type(value) in _PLAIN:
        return value
    if isinstance(value, dt.datetime):  # pandas Timestamp too
        return None if pd_isna(value) else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return None if pd_isna(value) else value


def pd_isna(value) -> bool:
    """True for pandas' missing scalars (NaT, NA) and float NaN."""
    import pandas as pd

    return value is pd.NaT or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def rows_to_json(rows: list[dict]) -> list[dict]:
    return [{k: to_json_value(v) for k, v in row.items()} for row in rows]


def _atomic_write(path: Path, data: bytes) -> None:
    """Write a file through a temporary sibling and ``os.replace``: readers see all or nothing.

    No fsync: after a crash a file can at worst be empty or partial, which the checksums catch.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:12]}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass
class CacheStats:
    """Counters of one build: ``hits`` (reused whole), ``recoded`` (parse reused, stances
    recomputed for a new coder), ``misses`` (no entry: parsed), ``rebuilt`` (a damaged entry,
    recomputed), ``written`` (entries stored)."""

    hits: int = 0
    misses: int = 0
    rebuilt: int = 0
    recoded: int = 0
    written: int = 0
    part_hits: int = 0

    def add(self, other: CacheStats) -> None:
        for f in dataclasses.fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    @property
    def parsed(self) -> int:
        """Documents parsed (no usable entry)."""
        return self.misses + self.rebuilt


@dataclass
class CacheEntry:
    """A stored result: the parsed rows, and the stance rows when they match the coder."""

    key: str
    parsed: dict
    stances: list[dict] | None


@dataclass
class DocumentCache:
    """The per-document cache in ``root`` (see the module docstring).

    Args:
        root: the cache folder (created when needed).
        parser: the parser version (default :func:`parser_version`).
        coder: the coder version stance rows must carry to be reused (``None``: no coder).
    """

    root: Path
    parser: str = ""
    coder: str | None = None
    stats: CacheStats = field(default_factory=CacheStats)
    problems: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.root = Path(self.root)
        self.parser = self.parser or parser_version()

    def key(self, data: bytes, meta: ManifestRow) -> str:
        """The entry key of a document: its bytes, its manifest row and the parser version."""
        return hashlib.sha256(_canonical(self._inputs(data, meta))).hexdigest()

    def _inputs(self, data: bytes, meta: ManifestRow) -> dict:
        return {
            "content_sha256": hashlib.sha256(data).hexdigest(),
            "manifest": manifest_fields(meta),
            "parser_version": self.parser,
        }

    def path(self, key: str) -> Path:
        return self.root / CACHE_SUBDIR / key[:2] / f"{key}.json"

    def get(self, key: str) -> CacheEntry | None:
        """The entry for ``key``, or ``None`` (counted as a miss, or as rebuilt when damaged).

        A hit whose stances were coded by another coder version comes back with
        ``stances=None`` and is counted as ``recoded``.
        """
        path = self.path(key)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            self.stats.misses += 1
            return None
        except OSError as err:
            return self._damaged(path, f"cannot read it ({err.strerror})")
        try:
            head, _, body_bytes = raw.partition(b"\n")
            header = json.loads(head)
            if header.get("format") != CACHE_FORMAT or header.get("key") != key:
                return self._damaged(path, "entry belongs to another key or format")
            if hashlib.sha256(body_bytes).hexdigest() != header.get("checksum"):
                return self._damaged(path, "checksum mismatch")
            body = json.loads(body_bytes)
            if body["key"] != key:
                return self._damaged(path, "entry belongs to another key")
            parsed = body["parsed"]
            if not isinstance(parsed, dict) or not {"document", "statements", "removed"} <= parsed.keys():
                return self._damaged(path, "parsed rows missing")
            stances = body.get("stances")
            same_coder = body.get("coder_version") == self.coder and (stances is not None or self.coder is None)
        except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as err:
            return self._damaged(path, f"not a whole cache entry ({type(err).__name__}: {err})"[:200])
        if same_coder:
            self.stats.hits += 1
            return CacheEntry(key, parsed, stances)
        self.stats.recoded += 1
        return CacheEntry(key, parsed, None)

    def _damaged(self, path: Path, why: str) -> None:
        message = f"cache entry {path} is damaged ({why}); rebuilding it"
        log.warning(message)
        self.problems.append(message)
        self.stats.rebuilt += 1

    def put(self, key: str, parsed: dict, stances: list[dict] | None, inputs: dict | None) -> None:
        """Store an entry atomically. ``parsed`` and ``stances`` must already be JSON-ready."""
        body = {
            "key": key,
            "inputs": inputs,
            "parsed": parsed,
            "coder_version": self.coder if stances is not None else None,
            "stances": stances,
        }
        body_bytes = _canonical(body)
        header = {"format": CACHE_FORMAT, "key": key, "checksum": hashlib.sha256(body_bytes).hexdigest()}
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(path, _canonical(header) + b"\n" + body_bytes)
        self.stats.written += 1

    def inputs(self, data: bytes, meta: ManifestRow) -> dict:
        """What the key was computed from (stored in the entry, for a human reading it)."""
        return self._inputs(data, meta)

    def entries(self) -> list[Path]:
        """Every entry file, sorted."""
        return sorted((self.root / CACHE_SUBDIR).glob("*/*.json"))

    # Whole parts: a build's batch whose documents all have the same keys as before (and
    # the same coder and formats) reuses the part files it wrote then, checked by sha256.

    def part_key(self, doc_keys: list[str], extra: dict) -> str:
        """The key of a part: its documents' keys, in order, and what else shapes the files."""
        return hashlib.sha256(_canonical({"docs": doc_keys, "coder": self.coder, **extra})).hexdigest()

    def part_dir(self, key: str) -> Path:
        return self.root / CACHE_SUBDIR / "parts" / key[:2] / key

    def get_part(self, key: str) -> dict | None:
        """The stored part ``{"rows": {...}, "files": {name: path}}``, or ``None``; a damaged
        one (missing file, wrong checksum, bad manifest) is logged, counted and ignored."""
        folder = self.part_dir(key)
        manifest = folder / "manifest.json"
        if not manifest.is_file():
            return None
        try:
            info = json.loads(manifest.read_bytes())
            if info.get("format") != CACHE_FORMAT or info.get("key") != key:
                raise ValueError("entry belongs to another key or format")
            files = {}
            for name, digest in info["files"].items():
                path = folder / name
                if "/" in name or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
                    raise ValueError(f"{name}: checksum mismatch")
                files[name] = path
            rows = {str(k): int(v) for k, v in info["rows"].items()}
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as err:
            message = f"cached part {folder} is damaged ({type(err).__name__}: {err}); rebuilding it"[:300]
            log.warning(message)
            self.problems.append(message)
            return None
        return {"rows": rows, "files": files}

    def put_part(self, key: str, files: dict[str, Path], rows: dict[str, int]) -> None:
        """Store a part's files: each copied atomically, the manifest (with checksums) last."""
        folder = self.part_dir(key)
        folder.mkdir(parents=True, exist_ok=True)
        digests = {}
        for name, source in files.items():
            data = Path(source).read_bytes()
            digests[name] = hashlib.sha256(data).hexdigest()
            _atomic_write(folder / name, data)
        info = {"format": CACHE_FORMAT, "key": key, "files": digests, "rows": rows}
        _atomic_write(folder / "manifest.json", _canonical(info))

    def prune(self, keep: set[str]) -> int:
        """Delete the entries whose key is not in ``keep``; return how many went."""
        gone = 0
        for path in self.entries():
            if path.stem not in keep:
                path.unlink(missing_ok=True)
                gone += 1
        return gone
