"""Event dates and the actors registry."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus_lib.actors import registry
from corpus_lib.dates import find_event_date

DOC = dt.date(2010, 5, 1)


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("In June 1995, the delegation arrived.", "1995-06"),
        ("The talks began on May 4, 1994, in the capital.", "1994-05"),
        ("The treaty was signed on 17 March 2009.", "2009-03"),
        ("In 2002-2003, units served abroad.", "2002"),
        ("In the spring of 1998, a conference was held.", "1998"),
        ("The envoy came back in February of 1997.", "1997-02"),
        ("The minister arrived on Sunday (9 May 2010) for talks.", "2010-05"),
        ("The minister said on March 17 that talks went well.", "2010-03"),
        ("They have wanted to join since 2008.", ""),
        ("By 2030 the plan should be complete.", ""),
        ("In 2015 they will meet again.", ""),  # after the document's date: no past event
        ("Nothing is dated here.", ""),
    ],
)
def test_event_dates(sentence, expected):
    assert find_event_date(sentence, doc_date=DOC) == expected


def test_same_year_uses_the_last_year():
    assert find_event_date("In September of the same year, troops left.", doc_date=DOC, last_year=1999) == "1999-09"
    assert find_event_date("In the same year, troops left.", doc_date=DOC, last_year=None) == ""


@pytest.mark.parametrize(
    "date,name",
    [(dt.date(2006, 5, 1), "Jaap de Hoop Scheffer"), (dt.date(2016, 5, 1), "Jens Stoltenberg"),
     (dt.date(2024, 3, 17), "Jens Stoltenberg"), (dt.date(2024, 11, 1), "Mark Rutte"),
     (dt.date(1997, 2, 1), "Javier Solana")],
)
def test_secretary_general_by_year(date, name):
    mention = registry().mentions("the NATO Secretary General spoke", date)[0]
    assert (mention.name, mention.holder) == (name, "NATO")


def test_registry_mentions_people_and_institutions():
    found = registry().mentions("Putin met Ilham Aliyev in Moscow; the European Union and the Alliance watched.")
    assert [(m.name, m.holder) for m in found] == [
        ("Vladimir Putin", "Russia"), ("Ilham Aliyev", "Azerbaijan"), ("Russia", "Russia"),
        ("EU", "EU"), ("NATO", "NATO"),
    ]


def test_registry_needs_whole_words():
    assert registry().mentions("Russianness and NATOish and EUphoria") == []
