"""Bad input through the command line, one case per kind, and generated texts through the pipeline.

Each case builds a small corpus in ``tmp_path`` from invented text (a parish council's
minutes, written for these tests), runs ``python -m corpus_lib tables`` in a subprocess and
checks what a user sees: the exit code, one line on stderr naming the file (and the
manifest line where one applies), no traceback, no output folder left after a failure, and
every file under ``tmp_path`` byte-identical afterwards.

The property tests feed generated texts (odd whitespace, control characters, quotes, very
long lines, random bytes) to :func:`corpus_lib.corpus.process_document`, which checks
coverage itself; they also check that the spans tile the text. ``derandomize=True`` keeps
CI reproducible.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus_lib.corpus import process_document
from corpus_lib.errors import CorpusError
from corpus_lib.pipeline.load import ManifestRow, decode_text

HEADER = "file,doc_id,title,date,date_basis,date_note,source,genre,url"

MINUTES = (
    "Parish council of Hollowmere\n"
    "\n"
    "The parish council met in the school hall on Thursday evening. Councillor Petra Lind "
    "asked for the bus shelter on Mill Lane to be repaired before winter.\n"
    "\n"
    "The clerk said the budget allows one repair this year. The council agreed to ask the "
    "county for a second quote.\n"
)
NOTICE = (
    "Notice of the spring fair\n"
    "\n"
    "The spring fair opens on the green at ten. Stalls must be booked with the clerk by Friday.\n"
)

NO_SYMLINKS = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="needs POSIX symlinks")
NO_FIFO = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
NO_ODD_NAMES = pytest.mark.skipif(os.name == "nt", reason="needs newlines and control characters in file names")
NO_PASSWD = pytest.mark.skipif(not Path("/etc/passwd").is_file(), reason="needs /etc/passwd")


def row(file: str, doc_id: str, *, date: str = "2022-04-07", extra: str = "") -> str:
    """One manifest line; ``file`` is written as it is (quote it yourself when it needs quoting)."""
    return f"{file},{doc_id},Parish minutes,{date},explicit,Date of the meeting.,Hollowmere Herald,news,{extra}"


def corpus(tmp: Path, files: dict[str, str | bytes], lines: list[str] | None) -> Path:
    """A corpus folder ``tmp/c`` with ``files`` and (unless ``lines`` is None) a manifest."""
    folder = tmp / "c"
    folder.mkdir()
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    if lines is not None:
        (folder / "manifest.csv").write_bytes(("\n".join([HEADER, *lines]) + "\n").encode("utf-8"))
    return folder


def fingerprint(top: Path, *, skip: str = "out") -> dict[str, str]:
    """Relative path -> what is there (a file's sha256, a link's target, a folder, a pipe), links not followed."""
    seen: dict[str, str] = {}
    for here, dirs, files in os.walk(top, followlinks=False):
        for name in sorted(dirs + files):
            path = Path(here) / name
            rel = path.relative_to(top).as_posix()
            if rel == skip or rel.startswith(skip + "/"):
                continue
            if path.is_symlink():
                seen[rel] = "link -> " + os.readlink(path)
            elif path.is_dir():
                seen[rel] = "folder"
            elif path.is_file():
                seen[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                seen[rel] = "special"
        dirs[:] = [d for d in dirs if not (Path(here) / d).is_symlink()]
    return seen


def run_tables(folder: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    """``python -m corpus_lib tables --corpus folder --out out`` (a minute at most: nothing may hang)."""
    return subprocess.run(
        [sys.executable, "-m", "corpus_lib", "tables", "--corpus", str(folder), "--out", str(out), *extra],
        capture_output=True, text=True, timeout=120, cwd=folder.parent, check=False,
        env={**os.environ, "PYTHONWARNINGS": ""},
    )


@dataclass(frozen=True)
class Case:
    """A corpus and what the user must see: exit code, the name stderr shows, line, wording."""

    id: str
    build: Callable[[Path], Path]
    code: int
    name: str  # how stderr names the file (escaped for odd names)
    line: int | None  # manifest line named, when one applies
    pattern: str  # regex the stderr line must match
    unread: bytes = b""  # bytes no output file may hold (what a skipped entry leads to)


# --- builders: one per bad input ---------------------------------------------------------


def _empty(tmp):
    return corpus(tmp, {"a.txt": MINUTES, "empty.txt": b""}, [row("a.txt", "a"), row("empty.txt", "e")])


def _ascii_spaces(tmp):
    return corpus(tmp, {"a.txt": MINUTES, "blank.txt": b" \t\r\n \n"}, [row("a.txt", "a"), row("blank.txt", "b")])


def _unicode_spaces(tmp):
    spaces = "\u00a0\u2003\u3000\n\u2028\u2029\u0085\ufeff\u200b\t"
    return corpus(tmp, {"a.txt": MINUTES, "blank.txt": spaces}, [row("a.txt", "a"), row("blank.txt", "b")])


def _binary(tmp):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256))
    return corpus(tmp, {"a.txt": MINUTES, "pic.txt": png}, [row("a.txt", "a"), row("pic.txt", "p")])


def _nul_late(tmp):
    data = (MINUTES * 40).encode() + b"\x00" + NOTICE.encode()
    assert data.index(b"\x00") > 8192
    return corpus(tmp, {"a.txt": MINUTES, "late.txt": data}, [row("a.txt", "a"), row("late.txt", "l")])


def _utf16_bom(tmp):
    return corpus(tmp, {"a.txt": MINUTES, "wide.txt": MINUTES.encode("utf-16")}, [row("a.txt", "a"), row("wide.txt", "w")])


def _utf16_no_bom(tmp):
    return corpus(tmp, {"a.txt": MINUTES, "wide.txt": MINUTES.encode("utf-16-be")}, [row("a.txt", "a"), row("wide.txt", "w")])


def _latin1(tmp):
    text = "Procès-verbal du conseil\nLe conseil s'est réuni à l'école. Hélène a présidé la séance.\n"
    return corpus(tmp, {"a.txt": MINUTES, "fr.txt": text.encode("cp1252")}, [row("a.txt", "a"), row("fr.txt", "f")])


def _missing(tmp):
    return corpus(tmp, {"a.txt": MINUTES}, [row("a.txt", "a"), row("ghost.txt", "g")])


def _date(value):
    def build(tmp):
        return corpus(tmp, {"a.txt": MINUTES, "b.txt": NOTICE}, [row("a.txt", "a"), row("b.txt", "b", date=value)])

    return build


def _duplicate_id(tmp):
    return corpus(tmp, {"a.txt": MINUTES, "b.txt": NOTICE}, [row("a.txt", "same"), row("b.txt", "same")])


def _twice(spelling):
    def build(tmp):
        folder = corpus(tmp, {"a.txt": MINUTES, "sub/keep.txt": NOTICE},
                        [row("a.txt", "a"), row("sub/keep.txt", "k"), row(spelling, "again")])
        return folder

    return build


def _outside(tmp):
    (tmp / "x.txt").write_text(NOTICE, encoding="utf-8")
    return corpus(tmp, {"a.txt": MINUTES}, [row("a.txt", "a"), row("../x.txt", "x")])


def _absolute_inside(tmp):
    folder = corpus(tmp, {"a.txt": MINUTES, "b.txt": NOTICE}, [row("a.txt", "a")])
    with (folder / "manifest.csv").open("a", encoding="utf-8") as manifest:
        manifest.write(row(str(folder.resolve() / "b.txt"), "b") + "\n")
    return folder


def _extra_cells(tmp):
    return corpus(tmp, {"a.txt": MINUTES, "b.txt": NOTICE}, [row("a.txt", "a"), row("b.txt", "b", extra=",one more")])


def _missing_cells(tmp):
    return corpus(tmp, {"a.txt": MINUTES, "b.txt": NOTICE}, [row("a.txt", "a"), "b.txt,b,Parish minutes"])


def _listed_passwd(tmp):
    folder = corpus(tmp, {"a.txt": MINUTES}, [row("a.txt", "a"), row("passwd.txt", "pw")])
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    return folder


def _listed_inner_link(tmp):
    folder = corpus(tmp, {"a.txt": MINUTES}, [row("a.txt", "a"), row("alias.txt", "alias")])
    (folder / "alias.txt").symlink_to("a.txt")
    return folder


def _listed_in_linked_folder(tmp):
    (tmp / "elsewhere").mkdir()
    (tmp / "elsewhere" / "n.txt").write_text(NOTICE, encoding="utf-8")
    folder = corpus(tmp, {"a.txt": MINUTES}, [row("a.txt", "a"), row("linked/n.txt", "n")])
    (folder / "linked").symlink_to(tmp / "elsewhere", target_is_directory=True)
    return folder


def _listed_fifo(tmp):
    folder = corpus(tmp, {"a.txt": MINUTES}, [row("a.txt", "a"), row("pipe.txt", "pipe")])
    os.mkfifo(folder / "pipe.txt")
    return folder


def _odd_name_empty(tmp):
    # The manifest quotes the name with its newline; the error shows it escaped, on one line.
    return corpus(tmp, {"a.txt": MINUTES, "bad\nname.txt": b""}, [row("a.txt", "a"), row('"bad\nname.txt"', "odd")])


def _unlisted_passwd(tmp):
    folder = corpus(tmp, {"a.txt": MINUTES}, [row("a.txt", "a")])
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    return folder


def _unlisted_linked_folder(tmp):
    (tmp / "elsewhere").mkdir()
    (tmp / "elsewhere" / "n.txt").write_text(NOTICE, encoding="utf-8")
    folder = corpus(tmp, {"a.txt": MINUTES}, [row("a.txt", "a")])
    (folder / "linked").symlink_to(tmp / "elsewhere", target_is_directory=True)
    return folder


def _unlisted_fifo(tmp):
    folder = corpus(tmp, {"a.txt": MINUTES}, [row("a.txt", "a")])
    os.mkfifo(folder / "pipe.txt")
    return folder


def _unlisted_control_name(tmp):
    return corpus(tmp, {"a.txt": MINUTES, "fair\n\x1b[31mred.txt": NOTICE}, [row("a.txt", "a")])


FAILS = [
    Case("empty-file", _empty, 2, "empty.txt", None, r"holds no text"),
    Case("ascii-spaces", _ascii_spaces, 2, "blank.txt", None, r"holds no text"),
    Case("unicode-spaces", _unicode_spaces, 2, "blank.txt", None, r"holds no text"),
    Case("binary-file", _binary, 2, "pic.txt", None, r"binary"),
    Case("nul-after-8kb", _nul_late, 2, "late.txt", None, rf"NUL byte at offset {len((MINUTES * 40).encode())}\b"),
    Case("utf16-bom", _utf16_bom, 2, "wide.txt", None, r"looks like UTF-16: save it as UTF-8"),
    Case("utf16-no-bom", _utf16_no_bom, 2, "wide.txt", None, r"looks like UTF-16: save it as UTF-8"),
    Case("not-utf8", _latin1, 2, "fr.txt", 1, r"not valid UTF-8 .*looks like"),
    Case("missing-file", _missing, 2, "manifest.csv", 3, r"'ghost\.txt' is listed but does not exist"),
    Case("bad-date", _date("7.4.2022"), 2, "manifest.csv", 3, r"bad date '7\.4\.2022'.*YYYY-MM-DD"),
    Case("impossible-date", _date("2022-02-30"), 2, "manifest.csv", 3, r"impossible date '2022-02-30'"),
    Case("duplicate-doc-id", _duplicate_id, 2, "manifest.csv", 3, r"duplicate doc_id 'same' \(first on line 2\)"),
    Case("listed-twice-dot", _twice("./a.txt"), 2, "manifest.csv", 4, r"'\./a\.txt' listed twice \(first on line 2"),
    Case("listed-twice-dotdot", _twice("sub/../a.txt"), 2, "manifest.csv", 4,
         r"'sub/\.\./a\.txt' listed twice \(first on line 2 as 'a\.txt'"),
    Case("listed-twice-sub", _twice("./sub//keep.txt"), 2, "manifest.csv", 4,
         r"listed twice \(first on line 3 as 'sub/keep\.txt'"),
    Case("outside", _outside, 2, "manifest.csv", 3, r"'\.\./x\.txt' lies outside the corpus folder"),
    Case("absolute-inside", _absolute_inside, 2, "manifest.csv", 3, r"absolute paths are not allowed; write it as 'b\.txt'"),
    Case("extra-cells", _extra_cells, 2, "manifest.csv", 3, r"row has 10 cells but the header has 9"),
    Case("missing-cells", _missing_cells, 2, "manifest.csv", 3, r"row has 3 cells but the header has 9"),
    pytest.param(Case("listed-symlink-outside", _listed_passwd, 2, "manifest.csv", 3,
                      r"'passwd\.txt' is a symbolic link \(to a place outside"), marks=[NO_SYMLINKS, NO_PASSWD]),
    pytest.param(Case("listed-symlink-inside", _listed_inner_link, 2, "manifest.csv", 3,
                      r"'alias\.txt' is a symbolic link"), marks=NO_SYMLINKS),
    pytest.param(Case("listed-in-linked-folder", _listed_in_linked_folder, 2, "manifest.csv", 3,
                      r"'linked/n\.txt' lies in 'linked', which is a symbolic link"), marks=NO_SYMLINKS),
    pytest.param(Case("listed-fifo", _listed_fifo, 2, "manifest.csv", 3, r"'pipe\.txt' is not a regular file"),
                 marks=NO_FIFO),
    pytest.param(Case("newline-in-name", _odd_name_empty, 2, r"bad\nname.txt'", None, r"holds no text"),
                 marks=NO_ODD_NAMES),
]

WARNS = [
    pytest.param(Case("unlisted-symlink", _unlisted_passwd, 0, "passwd.txt", None, r"symbolic link .*not read",
                      b"root:"), marks=[NO_SYMLINKS, NO_PASSWD]),
    pytest.param(Case("linked-sub-folder", _unlisted_linked_folder, 0, "linked", None,
                      r"symbolic link to a folder: the files in it are not read", b"spring fair"), marks=NO_SYMLINKS),
    pytest.param(Case("unlisted-fifo", _unlisted_fifo, 0, "pipe.txt", None, r"not a regular file: not read"),
                 marks=NO_FIFO),
    pytest.param(Case("control-chars-in-name", _unlisted_control_name, 0, r"fair\n\x1b[31mred.txt'", None,
                      r"no row in manifest\.csv"), marks=NO_ODD_NAMES),
]


def _one_line(stderr: str, kind: str, case: Case) -> str:
    assert "Traceback" not in stderr
    assert stderr.endswith("\n") and stderr.count("\n") == 1, stderr
    assert stderr.startswith(f"corpus-lib: {kind}: "), stderr
    assert case.name in stderr, stderr
    if case.line is not None:
        assert f"{case.name}:{case.line}: " in stderr, stderr
    assert re.search(case.pattern, stderr), stderr
    return stderr


@pytest.mark.parametrize("case", FAILS, ids=lambda c: c.id)
def test_bad_input_stops_with_one_line_and_leaves_everything_as_it_was(case: Case, tmp_path: Path) -> None:
    folder = case.build(tmp_path)
    out = tmp_path / "out"
    before = fingerprint(tmp_path)
    done = run_tables(folder, out)
    assert done.returncode == case.code, done.stderr
    assert done.stdout == ""
    _one_line(done.stderr, "error", case)
    assert not os.path.lexists(out)
    assert fingerprint(tmp_path) == before  # the user's files and no leftovers beside them


@pytest.mark.parametrize("case", WARNS, ids=lambda c: c.id)
def test_skipped_entry_is_a_warning_and_is_never_read(case: Case, tmp_path: Path) -> None:
    folder = case.build(tmp_path)
    out = tmp_path / "out"
    before = fingerprint(tmp_path)
    done = run_tables(folder, out, "--allow-undated")  # an unlisted file has no date
    assert done.returncode == 0, done.stderr
    _one_line(done.stderr, "warning", case)
    assert fingerprint(tmp_path) == before
    written = sorted(p for p in out.rglob("*") if p.is_file())
    assert written
    if case.unread:
        assert not any(case.unread in path.read_bytes() for path in written)  # nothing read through a link


# --- generated texts ---------------------------------------------------------------------

ODD_SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2007\u200a\u2028\u2029\u202f\u205f\u3000"
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad"
CONTROLS = "".join(map(chr, range(0x01, 0x09))) + "\x0e\x1a\x1b\x7f\x80\x9f"
QUOTES = "\"'“”‘’«»„‚‹›`"
PUNCT = ".!?…;:,-–—()[]*•/\\#@&%"

any_char = st.characters(codec="utf-8", exclude_characters="\x00")
odd_char = st.sampled_from(ODD_SPACES + INVISIBLE + CONTROLS + QUOTES + PUNCT + "aAzZ09éßЖ中")
odd_text = st.text(alphabet=st.one_of(odd_char, any_char), max_size=120)

WORDS = ("Council", "the clerk", "Mill Lane", "Q:", "A:", "said", "NATO", "Mr.", "Dr.", "e.g.", "U.S.",
         "repair", "“We agree,”", '"No."', "—", "Loading…", "All news", "* * *", "2022", "4 April")
word = st.one_of(st.sampled_from(WORDS), st.text(alphabet=st.characters(categories=("L", "N", "P")), min_size=1,
                                                   max_size=8))
glue = st.sampled_from((" ", " ", " ", "\n", "\r\n", "\n\n", "\t", "\u00a0", "\u2028", "\x0c", "  ", " \x01 ", ""))
line = st.lists(st.tuples(word, glue), max_size=14).map(lambda ps: "".join(w + g for w, g in ps))
long_line = st.builds(lambda w, n, end: (w + " ") * n + end, word, st.integers(200, 1200), st.sampled_from(("", ".", "?")))
document = st.lists(st.one_of(line, line, line, long_line, odd_text), min_size=1, max_size=6).map("\n".join)

PROPERTY = settings(derandomize=True, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
META = ManifestRow(file="generated.txt", doc_id="generated", genre="news")


def check_tiles(text: str) -> None:
    """Run the pipeline (it checks coverage itself) and check that its spans tile ``text``."""
    result = process_document(META, text)
    spans = sorted([(s["char_start"], s["char_end"], s["text"]) for s in result.statements]
                   + [(r["char_start"], r["char_end"], r["text"]) for r in result.removed])
    cursor = 0
    for start, end, shown in spans:
        assert cursor <= start < end <= len(text), (cursor, start, end)
        assert not text[cursor:start].strip(), text[cursor:start]
        assert shown == " ".join(text[start:end].split())
        cursor = end
    assert not text[cursor:].strip()


@settings(PROPERTY, max_examples=1500)
@given(odd_text)
def test_any_short_text_is_covered(text: str) -> None:
    check_tiles(text)


@settings(PROPERTY, max_examples=1200)
@given(document)
def test_documents_with_odd_spacing_quotes_and_long_lines_are_covered(text: str) -> None:
    check_tiles(text)


@settings(PROPERTY, max_examples=600)
@given(st.binary(max_size=300) | st.lists(st.sampled_from([b"\x00", b"a", b" ", b"\xff\xfe", b"\xc3\xa9", b"\n",
                                                              b"\xe2\x80\xa8", b"\x1b"]), max_size=40).map(b"".join))
def test_any_bytes_are_refused_with_a_corpus_error_or_decoded_and_covered(data: bytes) -> None:
    try:
        text = decode_text(data, path="generated.txt")
    except CorpusError as err:
        assert str(err).startswith("generated.txt") and "\n" not in str(err)
        return
    assert "\x00" not in text and text.strip()
    check_tiles(text)
