"""Loading a corpus folder: bad input is refused with the file (and line) named, good input loads.

Every bad input goes through both doors: the library (``load_corpus`` /
``load_documents`` raise :class:`CorpusError` naming the file and line) and the CLI
(``main([...])`` exits 2, names the file on stderr, and neither creates ``--out`` nor
touches an existing one).

All texts are invented here (minutes of an invented harbour committee); no seed text is
copied.
"""

from __future__ import annotations

import codecs
import os
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from corpus_lib.cli import main
from corpus_lib.corpus import load_corpus
from corpus_lib.errors import CorpusError
from corpus_lib.pipeline.load import decode_text, escape_name, load_documents, read_manifest

HEADER = "file,doc_id,title,date,date_basis,date_note,source,genre,url"

MEETING = (
    "Harbour Committee meets in Larkspur\n"
    "\n"
    "The Harbour Committee met in Larkspur on Tuesday to discuss the ferry timetable. "
    "Chair Odile Varga opened the session and thanked the delegates for coming.\n"
    "\n"
    "The delegates agreed to review the winter schedule before the next meeting. "
    "A short statement will follow on Friday.\n"
)

# Invented text in French with accented letters, long enough for an encoding guess.
FRENCH = (
    "Compte rendu de la réunion du comité portuaire\n"
    "Les délégués se sont réunis au café près de la jetée. Marie-Hélène Dubois a présidé la séance.\n"
    "Elle a remercié les délégués venus de Genève, de Besançon et de Nîmes pour leur présence.\n"
    "Le trésorier a présenté le budget prévisionnel; après un débat animé, le comité l'a approuvé.\n"
    "La prochaine réunion aura lieu en été, à l'hôtel de ville.\n"
)


def row(file: str, doc_id: str, *, date: str = "2021-03-04", basis: str = "explicit",
        genre: str = "news", title: str = "Harbour Committee meets") -> str:
    """One manifest line (values hold no commas, so no quoting is needed)."""
    return f"{file},{doc_id},{title},{date},{basis},Dateline of the text.,Larkspur Gazette,{genre},"


def make_corpus(folder: Path, files: dict[str, str | bytes], lines: list[str] | None,
                header: str = HEADER) -> Path:
    """Write text files and (unless ``lines`` is None) a manifest of ``header`` + ``lines``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    if lines is not None:
        (folder / "manifest.csv").write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative path -> bytes), and every folder (-> b'<dir>')."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else b"<dir>")
        for p in sorted(folder.rglob("*"))
    }


# --- the bad inputs ---------------------------------------------------------------------


@dataclass(frozen=True)
class Bad:
    """A corpus that must be refused: the file and line the error names, and its wording."""

    id: str
    build: Callable[[Path], Path]  # tmp_path -> corpus folder
    file: str  # name of the file the error must name
    line: int | None  # line it must name, when one applies
    pattern: str  # regex the message must match


def _empty(tmp: Path) -> Path:
    return make_corpus(tmp / "corpus", {"a.txt": MEETING, "empty.txt": b""},
                       [row("a.txt", "a"), row("empty.txt", "empty")])


def _blank(tmp: Path) -> Path:
    return make_corpus(tmp / "corpus", {"blank.txt": b"  \r\n\n\t \n"}, [row("blank.txt", "blank")])


def _binary(tmp: Path) -> Path:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06" + b"\x00" * 64
    return make_corpus(tmp / "corpus", {"picture.txt": png}, [row("picture.txt", "picture")])


def _latin1(tmp: Path) -> Path:
    data = ("Harbour Committee\r\nMinutes of the meeting\r\n" + FRENCH).encode("cp1252")
    return make_corpus(tmp / "corpus", {"minutes.txt": data}, [row("minutes.txt", "minutes")])


def _missing_file(tmp: Path) -> Path:
    return make_corpus(tmp / "corpus", {"a.txt": MEETING}, [row("a.txt", "a"), row("ghost.txt", "ghost")])


def _date(value: str) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        return make_corpus(tmp / "corpus", {"a.txt": MEETING, "b.txt": MEETING.lower()},
                           [row("a.txt", "a"), row("b.txt", "b", date=value)])

    return build


def _date_after_multiline_row(tmp: Path) -> Path:
    # The first row's date_note spans three physical lines: the bad row is on line 5.
    first = 'a.txt,a,Title,2021-03-04,explicit,"Line one of the note,\nline two,\nline three.",Gazette,news,'
    return make_corpus(tmp / "corpus", {"a.txt": MEETING, "b.txt": MEETING.lower()},
                       [first, row("b.txt", "b", date="2021-02-30")])


def _duplicate_id(tmp: Path) -> Path:
    return make_corpus(tmp / "corpus", {"a.txt": MEETING, "b.txt": MEETING.lower(), "c.txt": MEETING.upper()},
                       [row("a.txt", "harbour"), row("b.txt", "other"), row("c.txt", "harbour")])


def _escape_relative(tmp: Path) -> Path:
    (tmp / "x.txt").write_text(MEETING, encoding="utf-8")  # exists, but outside the folder
    return make_corpus(tmp / "corpus", {"a.txt": MEETING}, [row("a.txt", "a"), row("../x.txt", "x")])


def _escape_absolute(tmp: Path) -> Path:
    (tmp / "x.txt").write_text(MEETING, encoding="utf-8")
    return make_corpus(tmp / "corpus", {"a.txt": MEETING}, [row("a.txt", "a"), row(str(tmp / "x.txt"), "x")])


def _escape_symlink(tmp: Path) -> Path:
    (tmp / "x.txt").write_text(MEETING, encoding="utf-8")
    folder = make_corpus(tmp / "corpus", {"a.txt": MEETING}, [row("a.txt", "a"), row("link.txt", "x")])
    (folder / "link.txt").symlink_to(tmp / "x.txt")
    return folder


def _missing_columns(tmp: Path) -> Path:
    header = "file,doc_id,title,date,date_basis,date_note,source"
    return make_corpus(tmp / "corpus", {"a.txt": MEETING},
                       ["a.txt,a,Title,2021-03-04,explicit,Note,Gazette"], header=header)


def _bad_value(**kwargs) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        return make_corpus(tmp / "corpus", {"a.txt": MEETING, "b.txt": MEETING.lower()},
                           [row("a.txt", "a"), row("b.txt", "b", **kwargs)])

    return build


BAD = [
    Bad("empty-file", _empty, "empty.txt", None, r"empty"),
    Bad("blank-file", _blank, "blank.txt", None, r"empty"),
    Bad("binary-file", _binary, "picture.txt", None, r"binary"),
    Bad("latin1-file", _latin1, "minutes.txt", 3, r"not valid UTF-8 .*looks like \w+"),
    Bad("missing-file", _missing_file, "manifest.csv", 3, r"'ghost\.txt'.*does not exist"),
    Bad("date-month-13", _date("2021-13-01"), "manifest.csv", 3, r"date '2021-13-01'"),
    Bad("date-day-first", _date("21-01-2020"), "manifest.csv", 3, r"bad date '21-01-2020'.*YYYY-MM-DD"),
    Bad("date-no-padding", _date("2021-1-5"), "manifest.csv", 3, r"bad date '2021-1-5'"),
    Bad("date-impossible", _date("2021-02-30"), "manifest.csv", 3, r"impossible date '2021-02-30'"),
    Bad("date-after-multiline-row", _date_after_multiline_row, "manifest.csv", 5,
        r"impossible date '2021-02-30'"),
    Bad("duplicate-doc-id", _duplicate_id, "manifest.csv", 4, r"duplicate doc_id 'harbour'.*line 2"),
    Bad("escape-relative", _escape_relative, "manifest.csv", 3, r"'\.\./x\.txt'.*outside"),
    Bad("escape-absolute", _escape_absolute, "manifest.csv", 3, r"x\.txt'.*outside"),
    Bad("escape-symlink", _escape_symlink, "manifest.csv", 3, r"'link\.txt'.*outside"),
    Bad("missing-columns", _missing_columns, "manifest.csv", 1, r"lacks columns: genre, url"),
    Bad("bad-genre", _bad_value(genre="blog"), "manifest.csv", 3, r"genre 'blog' is not one of"),
    Bad("bad-date-basis", _bad_value(basis="guessed"), "manifest.csv", 3,
        r"date_basis 'guessed' is not one of"),
    Bad("date-without-basis", _bad_value(basis=""), "manifest.csv", 3, r"date needs its date_basis"),
]


@pytest.mark.parametrize("case", BAD, ids=[c.id for c in BAD])
def test_library_refuses_bad_input(case: Bad, tmp_path: Path) -> None:
    folder = case.build(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # every file here has a manifest row: no warning expected
        with pytest.raises(CorpusError) as info:
            load_corpus(folder)
    err = info.value
    assert err.path is not None and Path(err.path).name == case.file
    assert err.line == case.line
    where = err.path if case.line is None else f"{err.path}:{case.line}"
    assert str(err).startswith(f"{where}: ")
    assert re.search(case.pattern, err.message), err.message


@pytest.mark.parametrize("command", ["tables", "validate"])
@pytest.mark.parametrize("case", BAD, ids=[c.id for c in BAD])
def test_cli_refuses_bad_input_and_creates_no_output(
    case: Bad, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = case.build(tmp_path)
    out = tmp_path / "out"
    argv = [command, "--corpus", str(folder)]
    if command == "tables":
        argv += ["--out", str(out), "--format", "csv,parquet"]
    before = sorted(p.name for p in tmp_path.iterdir())
    code = main(argv)
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    where = case.file if case.line is None else f"{case.file}:{case.line}:"
    assert where in captured.err
    assert re.search(case.pattern, captured.err), captured.err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no temporary folders left


@pytest.mark.parametrize("case", BAD, ids=[c.id for c in BAD])
def test_cli_bad_input_leaves_existing_output_intact(
    case: Bad, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = case.build(tmp_path)
    out = tmp_path / "out"
    (out / "nested").mkdir(parents=True)
    (out / "documents.csv").write_bytes(b"doc_id\nearlier-run\n")
    (out / "statements.parquet").write_bytes(bytes(range(256)))
    (out / "nested" / "note.txt").write_bytes(b"kept as it is\r\n")
    (out / ".corpus-lib-output").write_text("{}\n", encoding="utf-8")  # an earlier run's output
    before = snapshot(out)
    siblings = sorted(p.name for p in tmp_path.iterdir())
    code = main(["tables", "--corpus", str(folder), "--out", str(out), "--format", "csv,parquet"])
    assert code == 2
    assert case.file in capsys.readouterr().err
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings


# --- decoding, one rule at a time -------------------------------------------------------


def test_decode_refuses_latin1_naming_the_line_and_a_working_encoding() -> None:
    text = "Harbour Committee\nMinutes of the meeting\n" + FRENCH
    data = text.encode("latin-1")
    with pytest.raises(CorpusError) as info:
        decode_text(data, path="minutes.txt")
    err = info.value
    assert (err.path, err.line) == ("minutes.txt", 3)  # "réunion" on the third line
    assert "not valid UTF-8" in err.message
    assert f"at offset {data.index(bytes([0xE9]))}" in err.message
    guess = re.search(r"looks like ([\w-]+)", err.message)
    assert guess, err.message
    codecs.lookup(guess.group(1))  # a real codec name
    assert data.decode(guess.group(1)) == text  # following the hint gives the text back


def test_decode_guess_for_a_short_western_text_gives_the_text_back() -> None:
    # One French sentence in cp1252: following the hint must not turn "à" into "ŕ".
    text = "Première réunion à Genève.\nLe comité s'est réuni à l'hôtel. Les délégués ont discuté du budget.\n"
    data = text.encode("cp1252")
    with pytest.raises(CorpusError) as info:
        decode_text(data, path="short.txt")
    assert info.value.line == 1
    guess = re.search(r"looks like ([\w-]+)", info.value.message)
    assert guess, info.value.message
    assert data.decode(guess.group(1), errors="replace") == text, guess.group(1)


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b"caf\xe9", 1),
        (b"one\ntwo\nthree caf\xe9\n", 3),
        (b"one\r\ntwo\r\n\r\nna\xefve\r\n", 4),
        ("Zürich\nok\n".encode() + b"bad \xff\n", 3),  # valid UTF-8 before the bad byte
    ],
)
def test_decode_names_the_line_of_the_first_bad_byte(data: bytes, line: int) -> None:
    with pytest.raises(CorpusError, match="not valid UTF-8") as info:
        decode_text(data, path="f.txt")
    assert info.value.line == line
    assert str(info.value).startswith(f"f.txt:{line}: ")


@pytest.mark.parametrize("data", [b"", b"   ", b"\n\r\n\t"])
def test_decode_refuses_empty(data: bytes) -> None:
    with pytest.raises(CorpusError, match="empty") as info:
        decode_text(data, path="e.txt")
    assert info.value.path == "e.txt" and info.value.line is None


def test_decode_keeps_bom_and_crlf() -> None:
    assert decode_text(b"\xef\xbb\xbfOne.\r\nTwo.\r\n", path="a.txt") == "\ufeffOne.\r\nTwo.\r\n"


def test_read_manifest_without_manifest_gives_no_rows(tmp_path: Path) -> None:
    assert read_manifest(tmp_path) == []


# --- inputs that load -------------------------------------------------------------------


def test_file_without_manifest_row_loads_with_a_warning(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path / "corpus", {"a.txt": MEETING, "extra notes.txt": MEETING.lower()},
                         [row("a.txt", "a")])
    with pytest.warns(UserWarning, match=r"extra notes\.txt.*no row in manifest\.csv") as record:
        docs = load_documents(folder)
    assert len(record) == 1
    by_id = {d.meta.doc_id: d for d in docs}
    assert set(by_id) == {"a", "extra-notes"}
    meta = by_id["extra-notes"].meta
    assert (meta.file, meta.date, meta.date_basis, meta.genre) == ("extra notes.txt", None, "", "")

    with pytest.warns(UserWarning, match=r"extra notes\.txt"):
        corpus = load_corpus(folder, allow_undated=True)
    documents = corpus.documents.set_index("doc_id")
    assert pd.isna(documents.loc["extra-notes", "date_basis"])
    assert pd.isna(documents.loc["extra-notes", "date"])
    assert documents.loc["a", "date_basis"] == "explicit"
    assert documents.loc["extra-notes", "n_statements"] > 0


def test_folder_without_manifest_loads_every_file_with_a_warning_each(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path / "corpus", {"a.txt": MEETING, "sub/b.txt": MEETING.upper()}, None)
    with pytest.warns(UserWarning) as record:
        corpus = load_corpus(folder, allow_undated=True)
    assert len(record) == 2
    assert corpus.documents["doc_id"].tolist() == ["a", "sub-b"]
    assert corpus.documents["date_basis"].isna().all()


def test_cli_warns_about_a_file_without_manifest_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_corpus(tmp_path / "corpus", {"a.txt": MEETING, "b.txt": MEETING.lower()}, [row("a.txt", "a")])
    assert main(["validate", "--corpus", str(folder)]) == 0
    captured = capsys.readouterr()
    assert "ok: 2 documents" in captured.out
    assert "warning" in captured.err and "b.txt" in captured.err
    assert "1 documents have no date (b.txt)" in captured.err or "have no date (b.txt)" in captured.err


def test_undated_documents_stop_load_corpus_with_the_command_to_run(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path / "corpus", {"a.txt": MEETING, "b.txt": MEETING.lower()}, None)
    with pytest.warns(UserWarning), pytest.raises(CorpusError, match=r"2 of 2 documents have no date \(a.txt, b.txt\)"
                                                   r".*corpus-lib manifest"):
        load_corpus(folder)
    with pytest.warns(UserWarning):
        assert len(load_corpus(folder, allow_undated=True).documents) == 2


def test_cli_stops_on_undated_documents_unless_allowed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_corpus(tmp_path / "corpus", {"a.txt": MEETING}, None)
    assert main(["summary", "--corpus", str(folder)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and "have no date" in err[-1] and "corpus-lib manifest" in err[-1]  # the warning, then the error
    assert main(["summary", "--corpus", str(folder), "--allow-undated"]) == 0


def test_bom_and_crlf_load_silently_with_the_bom_in_the_ledger(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw_bytes = b"\xef\xbb\xbf" + MEETING.replace("\n", "\r\n").encode("utf-8")
    manifest = ("\n".join([HEADER, row("a.txt", "a")]) + "\n").replace("\n", "\r\n")
    folder = make_corpus(tmp_path / "corpus", {"a.txt": raw_bytes}, None)
    (folder / "manifest.csv").write_bytes(b"\xef\xbb\xbf" + manifest.encode("utf-8"))

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(folder)
    assert [str(w.message) for w in caught] == []

    raw = decode_text(raw_bytes, path="a.txt")
    assert raw[0] == "\ufeff"
    removed = corpus.removed
    bom = removed[removed["reason"] == "byte_order_mark"]
    assert bom[["doc_id", "char_start", "char_end"]].values.tolist() == [["a", 0, 1]]
    assert corpus.documents.loc[0, "date_basis"] == "explicit"

    statements = corpus.statements
    assert len(statements) == 5
    for st in statements.itertuples():
        assert st.char_start >= 1
        assert " ".join(raw[st.char_start : st.char_end].split()) == st.text
        assert "\r" not in st.text and "\ufeff" not in st.text
    assert statements["text"].iloc[0] == "Harbour Committee meets in Larkspur"

    assert main(["validate", "--corpus", str(folder)]) == 0
    assert capsys.readouterr().err == ""


# --- a large file -----------------------------------------------------------------------

_SUBJECTS = ("The harbour master", "Chair Odile Varga", "The ferry clerk", "A delegate from Wren Bay",
             "The treasurer", "The lighthouse keeper", "Our secretary", "The pilot boat crew")
_VERBS = ("reviewed", "approved", "questioned", "postponed", "praised", "summarised", "drafted")
_OBJECTS = ("the winter timetable", "the mooring fees", "the dredging plan", "the new buoys",
            "the storm drill", "the visitor survey", "the pier lights", "the fishing quota")
_ENDINGS = ("on a grey morning", "after a long debate", "without any objection", "with some doubts",
            "before lunch", "for the third time")


def _sentence(n: int) -> str:
    """The n-th invented sentence (deterministic, no numbers, one final full stop)."""
    return (f"{_SUBJECTS[n % 8]} {_VERBS[n // 8 % 7]} {_OBJECTS[n // 56 % 8]} "
            f"{_ENDINGS[n // 448 % 6]}.")


@pytest.mark.slow
def test_twenty_megabyte_single_line_file_loads(tmp_path: Path) -> None:
    target = 20 * 1024 * 1024
    sentences: list[str] = []
    size = 0
    while size < target:
        sentences.append(_sentence(len(sentences)))
        size += len(sentences[-1]) + 1
    text = " ".join(sentences) + "\n"
    assert "\n" not in text[:-1] and len(text.encode("utf-8")) >= target
    folder = make_corpus(tmp_path / "corpus", {"big.txt": text}, [row("big.txt", "big")])

    corpus = load_corpus(folder)
    # Linear parsing is not timed here; that every sentence comes out once is what we check.
    assert len(corpus.statements) == len(sentences)
    assert corpus.documents.loc[0, "n_statements"] == len(sentences)
    assert corpus.removed.empty
    in_order = corpus.statements.sort_values("seq")
    assert in_order["seq"].tolist() == list(range(1, len(sentences) + 1))
    assert in_order["text"].iloc[0] == sentences[0] and in_order["text"].iloc[-1] == sentences[-1]
    assert in_order["char_end"].iloc[-1] == len(text) - 1


@pytest.mark.slow
def test_ten_thousand_statements_sorted_by_id_stay_in_reading_order(tmp_path: Path) -> None:
    # Tables are sorted by id and ids are doc_id + ordinal: past 9999 statements the ordinal
    # must still sort as the text reads ("big.10000" after "big.9999", not after "big.1000").
    sentences = [_sentence(n) for n in range(10_001)]
    folder = make_corpus(tmp_path / "corpus", {"big.txt": " ".join(sentences) + "\n"}, [row("big.txt", "big")])
    statements = load_corpus(folder).statements
    assert len(statements) == len(sentences)
    assert statements["seq"].tolist() == list(range(1, len(sentences) + 1))
    assert statements["text"].tolist() == sentences


# --- what is read, and the decoding rules of issue 12 ------------------------------------


@pytest.mark.parametrize(
    "data",
    ["\u00a0\u2003\n\u3000".encode(), "\ufeff \u200b\r\n".encode(), b"\xef\xbb\xbf", "\u2028\u2029\x85".encode()],
)
def test_decode_refuses_unicode_whitespace_as_holding_no_text(data: bytes) -> None:
    with pytest.raises(CorpusError, match="holds no text") as info:
        decode_text(data, path="w.txt")
    assert info.value.path == "w.txt"


@pytest.mark.parametrize(
    ("data", "wide"),
    [
        ("Minutes.\n".encode("utf-16"), "UTF-16"),
        ("Minutes.\n".encode("utf-16-le"), "UTF-16"),
        ("Minutes of the harbour committee.\n".encode("utf-16-be"), "UTF-16"),
        ("Minutes.\n".encode("utf-32"), "UTF-32"),
    ],
)
def test_decode_hints_at_utf16_and_utf32(data: bytes, wide: str) -> None:
    with pytest.raises(CorpusError, match=f"looks like {wide}: save it as UTF-8"):
        decode_text(data, path="u.txt")


def test_decode_names_the_offset_of_a_nul_byte_anywhere() -> None:
    data = MEETING.encode() * 60 + b"\x00" + MEETING.encode()
    with pytest.raises(CorpusError, match=rf"NUL byte at offset {len(MEETING.encode()) * 60}\b"):
        decode_text(data, path="late.txt")


def test_unlisted_links_are_named_in_warnings_and_never_read(tmp_path: Path) -> None:
    if os.name == "nt":
        pytest.skip("needs POSIX symlinks")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text("Secret harbour plans.\n", encoding="utf-8")
    folder = make_corpus(tmp_path / "corpus", {"a.txt": MEETING}, [row("a.txt", "a")])
    (folder / "secret.txt").symlink_to(tmp_path / "outside" / "secret.txt")
    (folder / "alias.txt").symlink_to("a.txt")
    (folder / "more").symlink_to(tmp_path / "outside", target_is_directory=True)
    with pytest.warns(UserWarning) as record:
        docs = load_documents(folder)
    assert [d.meta.doc_id for d in docs] == ["a"]
    messages = sorted(str(w.message) for w in record)
    assert len(messages) == 3
    assert re.search(r"alias\.txt: a symbolic link", messages[0])
    assert re.search(r"more: a symbolic link to a folder", messages[1])
    assert re.search(r"secret\.txt: a symbolic link", messages[2])


def test_manifest_file_spellings_load_the_file_once_under_its_spelling(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path / "corpus", {"sub/a.txt": MEETING}, [row("./sub/../sub/a.txt", "a")])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        docs = load_documents(folder)
    assert [(d.meta.doc_id, d.meta.file) for d in docs] == [("a", "./sub/../sub/a.txt")]


def test_escape_name_keeps_one_line() -> None:
    assert escape_name("harbour/minutes é.txt") == "harbour/minutes é.txt"
    assert "\n" not in escape_name("a\nb.txt") and "\\n" in escape_name("a\nb.txt")
