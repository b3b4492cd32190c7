"""Which date a new text gets in the manifest, with its basis and a note saying where it came from.

The clues are found by :mod:`corpus_lib.pipeline.pubdates`; the policy is here, shared by
``corpus-lib import`` and ``corpus-lib manifest``. In the order tried:

1. ``metadata``: the document's own record of its date, such as a web page's publication
   meta tags or an export's header date line. Basis ``explicit``.
2. The text itself: a dateline opening one of its first lines ("BRUSSELS, 12 March 2010 –")
   or a line near the top holding only a date. Basis ``explicit`` (the data dictionary's
   "stated in the text itself").
3. Outside the text, basis ``inferred``: the URL's path, then ``guesses`` (a date htmldate
   finds in a page's markup, an archive's load date), then the file name. A dateline
   without a year ("BAKU, May 16 (Agency) –") takes its year from the first of these that
   has one. A month alone (``2010_03``) gives the 1st of that month, and the note asks the
   user to set the day.

A clue that gives another full date than the chosen one is named in the note, so a
conflict is seen when the manifest is checked. Nothing found leaves the date empty and the
note says so: a guessed date would be worse than none. A file's ``properties`` (the
creation date a PDF or Word file records) never set the date, since a page saved as PDF or
a text pasted into Word records the day of saving; they are named in the note as a lead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from corpus_lib.pipeline.pubdates import DateClue, find_date_in_name, find_date_in_url, find_date_line, find_dateline

NO_DATE = "No date found in the text's first lines, its file name or its address: add it by hand."


@dataclass(frozen=True)
class Dating:
    """A manifest's ``date``, ``date_basis`` and ``date_note`` for one text (``date`` None when unknown)."""

    date: dt.date | None
    basis: str
    note: str


def _conflicts(chosen: dt.date, clues: Sequence[DateClue]) -> str:
    """A sentence naming the clues that give another full date than ``chosen``."""
    other = [c for c in clues if c.day is not None and c.day != chosen]
    if not other:
        return ""
    return " Check it: " + "; ".join(f"{c.describe()} says {c.day.isoformat()}" for c in other) + "."


def text_clue(text: str) -> DateClue | None:
    """The dateline, or else the date line, at the top of a text."""
    return find_dateline(text) or find_date_line(text)


def date_text(
    text: str,
    *,
    name: str = "",
    url: str = "",
    metadata: DateClue | None = None,
    guesses: Sequence[DateClue] = (),
    properties: Sequence[DateClue] = (),
) -> Dating:
    """Choose the date of one text from its clues (see the module docstring for the order).

    Example:
        >>> date_text("BRUSSELS, 12 March 2010 – Ministers met.", name="talks_2010-03-11.txt").note
        "Date stated in the text: the dateline 'BRUSSELS, 12 March 2010'. Check it: the file name '2010-03-11' says 2010-03-11."
        >>> d = date_text("BAKU, May 16 (Agency) – Talks went on.", name="2011_05_baku.txt")
        >>> d.date, d.basis
        (datetime.date(2011, 5, 16), 'inferred')
    """
    in_text = text_clue(text)
    outside = [c for c in (find_date_in_url(url), *guesses, find_date_in_name(name, separators="-_./") if name else None) if c]
    every = [c for c in (metadata, in_text, *outside) if c]
    if metadata is not None and metadata.day is not None:
        return Dating(metadata.day, "explicit", f"Date from {metadata.describe()}.{_conflicts(metadata.day, every)}")
    if in_text is not None and in_text.day is not None:
        note = f"Date stated in the text: {in_text.describe()}.{_conflicts(in_text.day, every)}"
        return Dating(in_text.day, "explicit", note)
    if in_text is not None:
        with_year = next((c for c in outside if c.year is not None), None)
        if with_year is not None:
            day = dt.date(with_year.year, in_text.month, in_text.day_of_month)
            note = (f"Day and month stated in the text ({in_text.describe()}), the year from "
                    f"{with_year.describe()}.{_conflicts(day, every)}")
            return Dating(day, "inferred", note)
    full = next((c for c in outside if c.day is not None), None)
    if full is not None:
        return Dating(full.day, "inferred", f"Date inferred from {full.describe()}.{_conflicts(full.day, every)}")
    month = next((c for c in outside if c.year is not None), None)
    if month is not None:
        day = dt.date(month.year, month.month, 1)
        return Dating(day, "inferred", f"Only the month is known, from {month.describe()}: the day is set to the 1st; "
                                       "set the right day.")
    leads = "".join(f" {c.describe()[:1].upper()}{c.describe()[1:]} says {c.day.isoformat()}, which may be the day the file was made "
                    "rather than published." for c in properties if c.day is not None)
    if in_text is not None:
        return Dating(None, "", f"The text gives no year ({in_text.describe()}): add the date by hand.{leads}")
    return Dating(None, "", NO_DATE + leads)
