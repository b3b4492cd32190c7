"""Errors raised on bad input: each names the file, and the line where one applies."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


class CorpusError(ValueError):
    """A corpus folder, manifest or text file that cannot be read as it is.

    Example:
        >>> str(CorpusError("bad date '2021-02-30'", path="manifest.csv", line=3))
        "manifest.csv:3: bad date '2021-02-30'"
    """

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None):
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line
        where = self.path or ""
        if where and line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}" if where else message)


def check_frame(frame, name: str, required: Iterable[str]) -> None:
    """Raise unless ``frame`` is a pandas DataFrame holding every ``required`` column.

    ``TypeError`` for another type, ``ValueError`` naming the missing columns and all the
    required ones.

    Example:
        >>> import pandas as pd
        >>> check_frame(pd.DataFrame({"text": []}), "statements", ["text", "holder"])
        Traceback (most recent call last):
        ValueError: statements lacks required column(s): holder (needs text, holder)
    """
    import pandas as pd  # loaded already wherever a frame is checked

    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, got {type(frame).__name__}")
    required = list(required)
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} lacks required column(s): {', '.join(missing)} (needs {', '.join(required)})")
