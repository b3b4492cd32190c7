"""Where the quotations of a paragraph begin and end, from its quotation marks alone.

Double marks ("…", “…”, «…») pair with each other. Single marks (‘…’, `…', and the
typewriter's '…') open a quotation only where a word cannot go on (at the start, after a
space or a bracket) and close it only where no letter follows, so that the apostrophes of
"Georgia's" and "don't" neither open nor close one. A quotation still open at the end of the
paragraph runs to its end (wire copy re-opens a long quote at each paragraph).
"""

from __future__ import annotations

import re

_MARK = re.compile("[\"“”«»`‘’']")
# A typewriter single quote that opens a quotation: after a space or a bracket, before a letter.
_TYPEWRITER_OPEN = re.compile(r"(?:(?<=[\s(\[])|^)'(?=[^\W\d_])")


def quote_regions(content: str) -> list[tuple[int, int]]:
    """Spans of quoted text (marks included) inside one paragraph, offsets relative to it.

    Example:
        >>> text = "'It did not,' Vandermeer replied. \\"Georgia's road is open.\\""
        >>> [text[a:b] for a, b in quote_regions(text)]
        ["'It did not,'", '"Georgia\\'s road is open."']
    """
    regions: list[tuple[int, int]] = []
    opened_at, closer = None, ""
    for mark in _MARK.finditer(content):  # only the marks: the letters between change nothing
        i, ch = mark.start(), mark.group()
        if opened_at is None:
            if ch in "\"“”«":
                opened_at, closer = i, "»" if ch == "«" else "\"“”"
            elif (ch in "`‘" and (i == 0 or not content[i - 1].isalnum())) or _TYPEWRITER_OPEN.match(content, i):
                opened_at, closer = i, "’'"
        elif ch in closer:
            if closer == "’'" and i + 1 < len(content) and content[i + 1].isalpha():
                continue  # an apostrophe inside a word
            regions.append((opened_at, i + 1))
            opened_at = None
    if opened_at is not None:
        regions.append((opened_at, len(content)))
    return regions
