"""What a notebook cell shows: notes (Markdown), tables (escaped HTML) and groups of outputs.

The notebook sections (:mod:`corpus_lib.analysis.sections`) return these instead of
IPython's display objects, so the library does not import IPython: Jupyter renders any
object with a ``_repr_markdown_`` or ``_repr_html_`` method, and calls
``_ipython_display_`` on a :class:`Shown` group to display its items one after another.
Their plain-text ``repr`` holds no memory address, so an executed notebook is the same on
every run.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

__all__ = ["Note", "Shown", "Table"]


class Note:
    """A piece of Markdown for a notebook; any text from the corpus in it must be escaped already.

    Example:
        >>> Note("**3** statements")._repr_markdown_()
        '**3** statements'
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


class Table:
    """A frame shown as an HTML table: every cell escaped, no border.

    Args:
        frame: The table.
        index: Show the index (a cross-table's row labels).
        na_rep: Text of a missing value.
        float_format: Formatter of floats, e.g. ``"{:.2f}".format``.

    Example:
        >>> table = Table(pd.DataFrame({"text": ["<b>x</b>"]}))
        >>> "&lt;b&gt;x&lt;/b&gt;" in table._repr_html_()
        True
    """

    __slots__ = ("float_format", "frame", "index", "na_rep")

    def __init__(
        self,
        frame: pd.DataFrame,
        *,
        index: bool = False,
        na_rep: str = "NaN",
        float_format: Callable[[float], str] | None = None,
    ) -> None:
        self.frame = frame
        self.index = index
        self.na_rep = na_rep
        self.float_format = float_format

    def _repr_html_(self) -> str:
        return self.frame.to_html(
            index=self.index, escape=True, border=0, na_rep=self.na_rep, float_format=self.float_format
        )

    def __repr__(self) -> str:
        return f"<table: {len(self.frame)} rows × {self.frame.shape[1]} columns>"


class Shown(tuple):
    """The outputs of one notebook cell, in order (figures, notes, tables); may be empty.

    Example:
        >>> cell = Shown([Note("a"), Note("b")])
        >>> [item.text for item in cell]
        ['a', 'b']
    """

    __slots__ = ()

    def _ipython_display_(self) -> None:
        # Only IPython calls this method, so IPython is there to import.
        from IPython.display import display

        if self:
            display(*self)

    def __repr__(self) -> str:
        return f"<{len(self)} outputs>"
