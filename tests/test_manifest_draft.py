"""``corpus-lib manifest DIR``, and the date finders it shares with the importer (``pipeline.pubdates``).

Texts are invented here; each row of a parametrized table is one way a text or a file name
states its date.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from corpus_lib.cli import main
from corpus_lib.ingest.dating import date_text
from corpus_lib.ingest.manifest_draft import DRAFT_NAME
from corpus_lib.pipeline.load import MANIFEST_COLUMNS
from corpus_lib.pipeline.pubdates import find_date_in_name, find_date_in_url, find_date_line, find_dateline, parse_date


@pytest.mark.parametrize(("text", "expected"), [
    ("12 March 2010", (2010, 3, 12)),
    ("March 12, 2010 Friday", (2010, 3, 12)),
    ("Friday, 12th March 2010 14:05 GMT", (2010, 3, 12)),
    ("Mar. 12, 2010", (2010, 3, 12)),
    ("2010-03-12T09:30:00+00:00", (2010, 3, 12)),
    ("12.03.2010", (2010, 3, 12)),
    ("13/03/2010", (2010, 3, 13)),
    ("03/04/2010", None),  # day and month cannot be told apart
    ("30 February 2010", None),
    ("The meeting on 12 March 2010", None),
])
def test_parse_date_reads_one_whole_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("ORVANE, 12 March 2010 – The ministers met.", (2010, 3, 12)),
    ("Title line\n\nORVANE (Harbour Press), March 12, 2010 - The ministers met.", (2010, 3, 12)),
    ("BAKU, May 16 (Agency) – The talks went on.", (None, 5, 16)),
    ("PORT ELMA, D.C., 3 April 2012: The council met.", (2012, 4, 3)),
    ("The ministers met on 12 March 2010 – in the hall.", None),  # a sentence, not a dateline
    ("NATO: we will talk.", None),
])
def test_find_dateline(text, expected):
    clue = find_dateline(text)
    assert (clue and (clue.year, clue.month, clue.day_of_month)) == expected


@pytest.mark.parametrize("text", ["A-" * 5000, "A." * 5000, "Aaaa " * 5000, "A" * 20000 + ", 12 March 2010 –"])
def test_the_date_finders_stay_quick_on_long_odd_lines(text):
    import time

    started = time.perf_counter()
    assert find_dateline(text) is None and find_date_line(text) is None
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize(("text", "expected"), [
    ("Weekly Courier\nJune 18 2008\nVeldoria\n\nThe minister said it.", dt.date(2008, 6, 18)),
    ("A title\nPublished: 12 March 2010\n\nText.", dt.date(2010, 3, 12)),
    ("A title\nUpdated: 12 March 2010\n\nText.", None),
    ("A long first sentence that mentions 12 March 2010 in passing, and goes on and on.", None),
])
def test_find_date_line(text, expected):
    clue = find_date_line(text)
    assert (clue.day if clue else None) == expected


@pytest.mark.parametrize(("name", "expected"), [
    ("statement_2010-03-12.txt", (2010, 3, 12)),
    ("20100312-talks.txt", (2010, 3, 12)),
    ("minutes_2010_03.txt", (2010, 3, None)),
    ("2009/notes-2010-03-12.txt", (2010, 3, 12)),
    ("report-201003.txt", None),  # six digits without a separator: as likely a number
    ("scan-20101332.txt", None),
    ("000_115cb6843bfc0efd.txt", None),
])
def test_find_date_in_name(name, expected):
    clue = find_date_in_name(name)
    assert (clue and (clue.year, clue.month, clue.day_of_month)) == expected


def test_find_date_in_url_reads_the_path_only():
    assert find_date_in_url("https://courier.example/2011/04/05/plan").day == dt.date(2011, 4, 5)
    assert find_date_in_url("https://courier.example/plan?id=20110405") is None


@pytest.mark.parametrize(("text", "name", "day", "basis", "said"), [
    ("ORVANE, 12 March 2010 – Ministers met.", "a.txt", dt.date(2010, 3, 12), "explicit", "dateline"),
    ("Title\nJune 18 2008\n\nText.", "a.txt", dt.date(2008, 6, 18), "explicit", "date line"),
    ("No date in the words.", "talks_20100312.txt", dt.date(2010, 3, 12), "inferred", "file name"),
    ("BAKU, May 16 (Agency) – Talks.", "2011_05_talks.txt", dt.date(2011, 5, 16), "inferred", "the year from"),
    ("No date in the words.", "minutes_2010_03.txt", dt.date(2010, 3, 1), "inferred", "set the right day"),
    ("BAKU, May 16 (Agency) – Talks.", "talks.txt", None, "", "no year"),
    ("No date in the words.", "talks.txt", None, "", "No date found"),
])
def test_date_text_policy(text, name, day, basis, said):
    dating = date_text(text, name=name)
    assert (dating.date, dating.basis) == (day, basis)
    assert said in dating.note


def test_a_conflict_between_the_text_and_the_file_name_is_named():
    dating = date_text("ORVANE, 12 March 2010 – Ministers met.", name="talks_2010-03-11.txt")
    assert dating.date == dt.date(2010, 3, 12)
    assert "Check it" in dating.note and "2010-03-11" in dating.note


# ----------------------------------------------------------------------------------------------
# The command


TEXTS = {
    "talks.txt": "League agrees on a work plan\n\nORVANE, 12 March 2010 – The ministers met on Friday.\n",
    "envoy_2011-05-17.txt": "Envoy visits\n\nBAKU, May 16 (Agency) – The envoy met the minister.\n",
    "weekly.txt": "Weekly Courier\nJune 18 2008\n\nThe council said it would meet again.\n",
    "minutes_2010_03.txt": "Monthly minutes\n\nThe council met twice.\n",
    "sub/undated.txt": "A note without a date\n\nJust words about the plan.\n",
}


def read_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "texts"
    for name, text in TEXTS.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_manifest_drafts_a_row_per_text_that_loads_dated(folder: Path, capsys):
    from corpus_lib import load_corpus

    assert main(["manifest", str(folder)]) == 0
    printed = capsys.readouterr().out
    rows = read_rows(folder / "manifest.csv")
    assert list(rows[0]) == list(MANIFEST_COLUMNS)
    by_file = {r["file"]: r for r in rows}
    assert {f: (r["date"], r["date_basis"]) for f, r in by_file.items()} == {
        "envoy_2011-05-17.txt": ("2011-05-16", "inferred"),
        "minutes_2010_03.txt": ("2010-03-01", "inferred"),
        "sub/undated.txt": ("", ""),
        "talks.txt": ("2010-03-12", "explicit"),
        "weekly.txt": ("2008-06-18", "explicit"),
    }
    assert by_file["talks.txt"]["title"] == "League agrees on a work plan"
    assert by_file["sub/undated.txt"]["doc_id"] == "sub-undated"
    assert all(r["date_note"] for r in rows)
    assert all(r[c] == "" for r in rows for c in ("source", "genre", "url"))
    for check in ("sub/undated.txt", "minutes_2010_03.txt", "envoy_2011-05-17.txt", "corpus-lib validate"):
        assert check in printed
    documents = load_corpus(folder, stances=False, allow_undated=True).documents
    assert documents["date"].notna().sum() == 4


def test_manifest_never_overwrites_and_drafts_only_unlisted_files(folder: Path, capsys):
    manifest = "file,doc_id,title,date,date_basis,date_note,source,genre,url\ntalks.txt,talks,Mine,,,,,,\n"
    (folder / "manifest.csv").write_text(manifest, encoding="utf-8")
    assert main(["manifest", str(folder)]) == 0
    assert (folder / "manifest.csv").read_text(encoding="utf-8") == manifest
    rows = read_rows(folder / DRAFT_NAME)
    assert sorted(r["file"] for r in rows) == sorted(set(TEXTS) - {"talks.txt"})
    assert "merge" in capsys.readouterr().out
    draft = (folder / DRAFT_NAME).read_bytes()
    assert main(["manifest", str(folder)]) == 2  # the draft is not replaced either
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "exists already" in err
    assert (folder / DRAFT_NAME).read_bytes() == draft


def test_manifest_with_every_file_listed_drafts_nothing(folder: Path, capsys):
    lines = ["file,doc_id,title,date,date_basis,date_note,source,genre,url"]
    lines += [f"{name},d{i},,,,,,," for i, name in enumerate(TEXTS)]
    (folder / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["manifest", str(folder)]) == 0
    assert "nothing to draft" in capsys.readouterr().out
    assert not (folder / DRAFT_NAME).exists()


def test_manifest_is_deterministic(folder: Path, tmp_path: Path):
    import shutil

    twin = tmp_path / "twin"
    shutil.copytree(folder, twin)
    assert main(["manifest", str(folder)]) == 0 and main(["manifest", str(twin)]) == 0
    assert (folder / "manifest.csv").read_bytes() == (twin / "manifest.csv").read_bytes()


@pytest.mark.parametrize("make", ["missing", "no_texts"])
def test_manifest_without_texts_exits_2_with_one_line(tmp_path: Path, capsys, make):
    target = tmp_path / "folder"
    if make == "no_texts":
        target.mkdir()
        (target / "notes.md").write_text("not a text\n")
    assert main(["manifest", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("corpus-lib: error:")
