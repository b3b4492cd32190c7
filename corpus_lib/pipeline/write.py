"""Writing tables: deterministic bytes, written atomically.

A table folder is built in a temporary sibling folder and swapped into place only when
every file is written, so a failure leaves the previous output intact and never a
half-written folder.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

import pandas as pd

FORMATS = ("csv", "parquet")


def write_frame(df: pd.DataFrame, path: Path, fmt: str) -> None:
    """Write one frame as CSV (UTF-8, ``\\n`` line ends, no index) or Parquet (no index, fixed metadata)."""
    if fmt == "csv":
        out = df.copy()
        for column in out.columns:
            if pd.api.types.is_datetime64_any_dtype(out[column]):
                out[column] = out[column].dt.strftime("%Y-%m-%d")
        out.to_csv(path, index=False, lineterminator="\n", float_format="%.6g")
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pandas(df, preserve_index=False).replace_schema_metadata(None)
        pq.write_table(table, path, compression="zstd", write_statistics=False, store_schema=False)
    else:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


@contextlib.contextmanager
def atomic_folder(out: Path) -> Iterator[Path]:
    """Yield a temporary folder that replaces ``out`` when the block ends without error."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    os.chmod(tmp, 0o755)
    try:
        yield tmp
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
            os.replace(out, old / out.name)
            os.replace(tmp, out)
            shutil.rmtree(old)
        else:
            os.replace(tmp, out)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)


def write_tables(tables: Mapping[str, pd.DataFrame], out: str | Path, *, formats=("csv",)) -> list[Path]:
    """Write each named table in each format into ``out`` (atomically); return the paths written.

    Example:
        >>> import tempfile
        >>> d = Path(tempfile.mkdtemp())
        >>> [p.name for p in write_tables({"t": pd.DataFrame({"a": [1]})}, d / "out")]
        ['t.csv']
    """
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise ValueError(f"unknown format {bad[0]!r}: use one of {', '.join(FORMATS)}")
    written = []
    with atomic_folder(Path(out)) as tmp:
        for name, df in tables.items():
            for fmt in formats:
                write_frame(df, tmp / f"{name}.{fmt}", fmt)
                written.append(Path(out) / f"{name}.{fmt}")
    return written
