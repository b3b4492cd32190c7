"""Errors raised on bad input: each names the file, and the line where one applies."""

from __future__ import annotations

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
