"""Towns of the region and whose they are: where a dateline or a scene is set.

The actors registry names capitals as their states ("Baku", "Yerevan"), since a capital speaks
for its government ("Baku wants …"). A town does not speak, but a report datelined "GYUMRI, May
3" or a paragraph opening "In Ganja, …" is set in a state, and an official the text names there
without a state is likely that state's. :func:`town_holder` gives that state from the packaged
``data/places.csv`` (a place, its holder, a note); it is never used to read who holds a sentence.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _towns() -> dict[str, str]:
    """Each town's spellings, lower case, with its holder."""
    text = resources.files("corpus_lib").joinpath("data/places.csv").read_text(encoding="utf-8")
    return {name.strip().lower(): row["holder"] for row in csv.DictReader(io.StringIO(text)) for name in row["place"].split("|")}


def town_holder(name: str) -> str | None:
    """The holder of the state a town of the region lies in ("Gyumri" → Armenia), or None.

    Example:
        >>> town_holder("GYUMRI"), town_holder("Ganja"), town_holder("Springfield")
        ('Armenia', 'Azerbaijan', None)
    """
    return _towns().get(" ".join(name.split()).lower())
