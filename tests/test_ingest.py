"""``corpus-lib import``: saved pages, PDFs, Word, RTF and archive exports into a dated corpus folder.

Every input is built here from invented text: a page with navigation, a cookie banner,
related links, comments and a footer; a PDF written byte by byte (a text layer in
Helvetica, and one without text); a ``.docx`` made with python-docx; one three-article
export in three formats (classic ``.txt``, Nexis-Uni-like ``.docx``, ``.rtf`` with
"Document N of M").
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from corpus_lib.cli import main
from corpus_lib.ingest import exports, run
from corpus_lib.ingest.html import read_html
from corpus_lib.ingest.model import Imported, ImportFailed
from corpus_lib.ingest.pdf import read_pdf
from corpus_lib.ingest.word import read_docx, read_rtf, read_txt

docx = pytest.importorskip("docx")
pytest.importorskip("trafilatura")

BODY = [
    "ORVANE, 12 March 2010 – The ministers of the Veldorian League agreed on a new work plan on Friday, "
    "officials said after a long meeting in the old council hall.",
    "The plan covers training, joint exercises and a common study of the coastal region, the closing "
    "statement said, and it will be reviewed in the autumn.",
    "\"We are ready to work with every partner that shares these aims,\" the chair of the meeting told "
    "reporters as the delegations left the building.",
]


def page(*, body=BODY, title="League agrees on a work plan", meta_date="2010-03-12", url="") -> bytes:
    """A saved news page: the article among a menu, a cookie banner, related links, comments and a footer."""
    meta = f'<meta property="article:published_time" content="{meta_date}T09:30:00+00:00">' if meta_date else ""
    canonical = f'<link rel="canonical" href="{url}">' if url else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | The Harbour Courier</title>
<meta property="og:site_name" content="The Harbour Courier">{meta}{canonical}</head>
<body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience on our site.
By continuing you accept our cookie policy.</p><button>Accept all cookies</button></div>
<header><nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main><article><h1>{title}</h1><div class="article-body">{paragraphs}</div></article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Harbour festival draws record crowds this spring</a></li>
<li><a href="/b">New ferry timetable announced for the islands</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>Reader42: This plan will never work, mark my words.</p></div></section></main>
<footer><p>Copyright 2010 The Harbour Courier. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy</a></li><li><a href="/contact">Contact us</a></li></ul></footer>
</body></html>""".encode()


def make_pdf(pages: list[list[str]], *, title: str | None = None) -> bytes:
    """A minimal PDF: one page per list of lines, each line drawn in Helvetica (an empty list: a page without text)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pages_id = len(objects) + 1 + 2 * len(pages)
    kids = []
    for lines in pages:
        ops = ["BT", "/F1 11 Tf", "14 TL", "72 770 Td"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({escaped}) Tj T*")
        stream = "\n".join([*ops, "ET"]).encode("cp1252")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, content, font)))
    add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    info = add(b"<< /Title (%s) >>" % title.encode("cp1252")) if title else None
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog) + (b" /Info %d 0 R" % info if info else b"")
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def make_docx(paragraphs: list[str], *, title: str = "", table: list[list[str]] | None = None) -> bytes:
    document = docx.Document()
    document.core_properties.title = title
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_rtf(lines: list[str]) -> bytes:
    """An RTF file with one paragraph per line (non-ASCII written as \\u escapes)."""
    def escape(text: str) -> str:
        out = []
        for ch in text:
            if ch in "\\{}":
                out.append("\\" + ch)
            elif ord(ch) > 127:
                out.append(f"\\u{ord(ch)}?")
            else:
                out.append(ch)
        return "".join(out)

    body = "".join(escape(line) + "\\par\n" for line in lines)
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0\\fs24\n" + body + "}").encode("ascii")


ARTICLES = [
    {"title": "League agrees on a work plan", "source": "The Harbour Courier", "date": "March 12, 2010 Friday",
     "day": dt.date(2010, 3, 12), "load": "March 13, 2010", "body": BODY[:2]},
    {"title": "Envoy visits the island capital", "source": "Coastal Daily Wire", "date": "16 May 2011",
     "day": dt.date(2011, 5, 16), "load": "May 17, 2011",
     "body": ["The envoy met the foreign minister of Veldoria and discussed the next steps of the programme.",
              "\"We are ready to continue,\" the minister told reporters after the talks in the capital."]},
    {"title": "Summit closes with a short statement", "source": "The Harbour Courier", "date": "April 5, 2012 Thursday",
     "day": dt.date(2012, 4, 5), "load": "April 6, 2012",
     "body": ["Leaders closed the summit with a short statement on cooperation and the open questions of the year.",
              "The next meeting will take place in the autumn, according to the host delegation."]},
]


def classic_export() -> str:
    """LexisNexis-like text: 'N of M DOCUMENTS', source, date line, headline, upper-case fields, trailer."""
    out = ["Print job 7781", "Search: work plan", ""]
    for i, a in enumerate(ARTICLES, 1):
        out += [f"                {i} of {len(ARTICLES)} DOCUMENTS", "", f"       {a['source']}", "",
                f"       {a['date']}", "", a["title"], "", "BYLINE: Mira Solen", "", "SECTION: WORLD; Pg. 7", "",
                "LENGTH: 412 words", "", ""]
        for paragraph in a["body"]:
            out += [paragraph, ""]
        out += [f"LOAD-DATE: {a['load']}", "", "LANGUAGE: ENGLISH", "", "PUBLICATION-TYPE: Newspaper", "",
                f"Copyright 2010 {a['source']}", "All Rights Reserved", ""]
    return "\n".join(out)


def uni_export_lines() -> list[str]:
    """Nexis-Uni-like paragraphs: a cover page, then title, source, date, fields, 'Body', trailer, 'End of Document'."""
    out = ["User Name: = researcher", "Date and Time: = 2026-11-30", "Job Number: = 4242", f"Documents ({len(ARTICLES)})"]
    for i, a in enumerate(ARTICLES, 1):
        out += [f"{i}. {a['title']}", "Client/Matter: -None-", "Search Terms: work plan"]
    for a in ARTICLES:
        out += [a["title"], a["source"], a["date"], f"Copyright 2010 {a['source']} All Rights Reserved",
                "Section: WORLD; Pg. 7", "Length: 412 words", "Byline: Mira Solen", "Body", *a["body"],
                "Classification", "Language: ENGLISH", "Subject: TALKS (90%); PLANNING (72%)",
                f"Load-Date: {a['load']}", "End of Document"]
    return out


def rtf_export_lines() -> list[str]:
    """'Document N of M', a title line, 'Publication:', a date line (none in the third: its Load-Date stands in)."""
    out = []
    for i, a in enumerate(ARTICLES, 1):
        out += [f"Document {i} of {len(ARTICLES)}", a["title"], f"Publication: {a['source']}"]
        out += [a["date"]] if i < 3 else []
        out += ["", *a["body"], "", f"Load-Date: {a['load']}", ""]
    return out


# ----------------------------------------------------------------------------------------------
# Readers


def test_a_page_keeps_its_article_and_drops_menus_banners_links_comments_and_footer():
    (result,) = read_html(page(url="https://courier.example/world/league-plan"), "pages/plan.html")
    for paragraph in BODY:
        assert paragraph in result.text
    for clutter in ("cookies", "Weather", "Related stories", "ferry timetable", "Reader42", "Privacy", "Copyright"):
        assert clutter not in result.text
    assert result.text.startswith("League agrees on a work plan\n\n")
    assert (result.title, result.source) == ("League agrees on a work plan", "The Harbour Courier")
    assert (result.date, result.date_basis) == (dt.date(2010, 3, 12), "explicit")
    assert "metadata" in result.date_note
    assert result.url == "https://courier.example/world/league-plan"
    assert "dropped" in result.detail


@pytest.mark.parametrize(("meta_date", "body", "url", "name", "day", "basis", "said"), [
    ("2010-03-12", BODY, "", "a.html", dt.date(2010, 3, 12), "explicit", "metadata"),
    ("", BODY, "", "a.html", dt.date(2010, 3, 12), "explicit", "dateline"),
    ("", BODY[1:], "https://courier.example/2011/04/05/plan", "a.html", dt.date(2011, 4, 5), "inferred", "URL"),
    ("", BODY[1:], "", "2012-06-01_plan.html", dt.date(2012, 6, 1), "inferred", "file name"),
    ("", BODY[1:], "", "plan.html", None, "", "No date found"),
])
def test_a_page_is_dated_from_metadata_then_dateline_then_url_then_file_name(meta_date, body, url, name, day, basis,
                                                                              said):
    (result,) = read_html(page(body=body, meta_date=meta_date, url=url), name)
    assert (result.date, result.date_basis) == (day, basis)
    assert said in result.date_note


@pytest.mark.parametrize(("data", "reason"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    (b"just some words, no markup at all", "no HTML markup"),
])
def test_a_file_named_html_that_is_not_a_page_fails(data, reason):
    with pytest.raises(ImportFailed, match=reason):
        read_html(data, "x.html")


def test_a_pdf_with_a_text_layer_is_read_without_its_page_numbers():
    pdf = make_pdf([["Statement on the coastal work plan", "The council of the Veldorian League met today and",
                     "agreed on a new work plan for the coming year.", "Page 1 of 2"],
                    ["The plan will be reviewed in the autumn by the council.", "Page 2 of 2"]],
                   title="Statement on the work plan")
    (result,) = read_pdf(pdf, "statements/2010-03-12-statement.pdf")
    assert "agreed on a new work plan" in result.text and "reviewed in the autumn" in result.text
    assert "Page 1" not in result.text
    assert result.title == "Statement on the work plan"
    assert (result.date, result.date_basis) == (dt.date(2010, 3, 12), "inferred")
    assert "2 page-number line(s)" in result.detail


def test_a_pdf_without_text_is_reported_not_guessed():
    with pytest.raises(ImportFailed, match="no text layer.*OCR"):
        read_pdf(make_pdf([[], []]), "scan.pdf")


@pytest.mark.parametrize("data", [b"%PDF-1.4\n1 0 obj << /Type /Catalog", b"not a pdf at all"])
def test_a_damaged_pdf_fails(data):
    with pytest.raises(ImportFailed, match="PDF"):
        read_pdf(data, "bad.pdf")


def test_a_word_file_gives_its_paragraphs_and_tables():
    data = make_docx(["League agrees on a work plan", *BODY], title="Work plan",
                     table=[["Item", "Due"], ["Training", "Autumn"]])
    (result,) = read_docx(data, "plan.docx")
    assert result.text.startswith("League agrees on a work plan\n\nORVANE, 12 March 2010")
    assert "Training | Autumn" in result.text
    assert (result.title, result.date, result.date_basis) == ("Work plan", dt.date(2010, 3, 12), "explicit")


def test_a_word_files_creation_date_is_only_a_lead():
    (result,) = read_docx(make_docx(BODY[1:]), "plan.docx")
    assert result.date is None
    assert "creation date" in result.date_note


@pytest.mark.parametrize("variant", ["txt", "docx", "rtf"])
def test_a_three_article_export_splits_into_three_dated_texts(variant):
    if variant == "txt":
        results = read_txt(classic_export().encode(), "export.txt")
    elif variant == "docx":
        results = read_docx(make_docx(uni_export_lines()), "export.docx")
    else:
        results = read_rtf(make_rtf(rtf_export_lines()), "export.rtf")
    articles = [r for r in results if isinstance(r, Imported)]
    assert [a.part for a in articles] == ["1 of 3", "2 of 3", "3 of 3"]
    for article, expected in zip(articles, ARTICLES):
        assert (article.title, article.source) == (expected["title"], expected["source"])
        assert article.text.startswith(expected["title"] + "\n\n")
        for paragraph in expected["body"]:
            assert " ".join(paragraph.split()) in " ".join(article.text.split())
        for field in ("BYLINE", "Byline", "LOAD-DATE", "Load-Date", "Copyright", "Section", "Subject", "Documents ("):
            assert field not in article.text
    dates = [(a.date, a.date_basis) for a in articles]
    if variant == "rtf":  # the third article has no date line: the archive's load date stands in
        assert dates == [(ARTICLES[0]["day"], "explicit"), (ARTICLES[1]["day"], "explicit"),
                         (dt.date(2012, 4, 6), "inferred")]
        assert "Load-Date" in articles[2].date_note
    else:
        assert dates == [(a["day"], "explicit") for a in ARTICLES]
    dropped = [r for r in results if not isinstance(r, Imported)]
    assert [d.part for d in dropped] == ([] if variant == "rtf" else ["cover"])


def test_an_export_article_without_a_body_is_dropped_with_its_reason():
    lines = ["1 of 2 DOCUMENTS", "The Harbour Courier", "March 12, 2010", "A headline alone", "LENGTH: 0 words",
             "2 of 2 DOCUMENTS", "Coastal Daily Wire", "16 May 2011", "Envoy visits", "",
             "The envoy met the minister and both sides agreed to meet again soon."]
    results = exports.split_export(lines, paragraphs=False)
    assert [type(r).__name__ for r in results] == ["Dropped", "Imported"]
    assert "no body" in results[0].reason


def test_a_plain_text_is_copied_byte_for_byte():
    data = "Talks resume\r\n\r\nORVANE, 3 April 2012 – The talks resumed.\r\n".encode()
    (result,) = read_txt(data, "talks.txt")
    assert result.text.encode() == data
    assert (result.date, result.date_basis) == (dt.date(2012, 4, 3), "explicit")


# ----------------------------------------------------------------------------------------------
# The command


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> Path:
    """A folder of a user's files: good ones of every kind and a few bad ones."""
    root = tmp_path_factory.mktemp("inputs")
    src = root / "src"
    (src / "pages" / "plan_files").mkdir(parents=True)
    (src / "pages" / "plan.html").write_bytes(page())
    (src / "pages" / "plan_files" / "style.css").write_text("body { color: black }")
    (src / "pages" / "photo.html").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    (src / "statement_2011-05-16.pdf").write_bytes(make_pdf([["Statement of the council", "The council met and agreed",
                                                              "on the next steps of the programme."]]))
    (src / "scan.pdf").write_bytes(make_pdf([[]]))
    (src / "damaged.pdf").write_bytes(make_pdf([["Some text that is cut off"]])[:120])
    (src / "note.docx").write_bytes(make_docx(["A note on the talks", "BAKU, May 16 (Agency) – The talks went on "
                                               "for a second day, the agency said."], title="A note on the talks"))
    (src / "exports").mkdir()
    (src / "exports" / "nexis.txt").write_text(classic_export(), encoding="utf-8")
    (src / "exports" / "uni.docx").write_bytes(make_docx(uni_export_lines()))
    (src / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "secret.txt").write_text("Outside the input folder.\n")
    os.symlink(root / "secret.txt", src / "link.txt")
    return src


@pytest.fixture(scope="module")
def imported(sources: Path, tmp_path_factory) -> tuple[Path, int, str]:
    out = tmp_path_factory.mktemp("corpus") / "mine"
    capture = io.StringIO()
    stdout, sys.stdout = sys.stdout, capture
    try:
        code = main(["import", str(sources), "--out", str(out)])
    finally:
        sys.stdout = stdout
    return out, code, capture.getvalue()


def test_import_writes_texts_manifest_and_a_log_of_every_input(imported, sources: Path):
    out, code, printed = imported
    assert code == 0
    log = read_csv(out / "import_log.csv")
    assert list(log[0]) == list(run.LOG_COLUMNS)
    status = {(row["input"].removeprefix(f"{sources}/"), row["part"]): row["status"] for row in log}
    assert status == {
        ("damaged.pdf", ""): "failed",
        ("exports/nexis.txt", "cover"): "dropped",
        ("exports/nexis.txt", "1 of 3"): "imported",
        ("exports/nexis.txt", "2 of 3"): "imported",
        ("exports/nexis.txt", "3 of 3"): "imported",
        ("exports/uni.docx", "cover"): "dropped",
        ("exports/uni.docx", "1 of 3"): "duplicate",  # the same articles, from another archive's export
        ("exports/uni.docx", "2 of 3"): "duplicate",
        ("exports/uni.docx", "3 of 3"): "duplicate",
        ("link.txt", ""): "skipped",
        ("logo.png", ""): "skipped",
        ("note.docx", ""): "imported",
        ("pages/photo.html", ""): "failed",
        ("pages/plan.html", ""): "imported",
        ("pages/plan_files/", ""): "skipped",
        ("scan.pdf", ""): "failed",
        ("statement_2011-05-16.pdf", ""): "imported",
    }
    reasons = {row["input"].removeprefix(f"{sources}/"): row["detail"] for row in log if not row["part"]}
    assert "outside the input" in reasons["link.txt"]
    assert "no text layer" in reasons["scan.pdf"]
    assert "binary" in reasons["pages/photo.html"]
    assert "resources folder" in reasons["pages/plan_files/"]
    manifest = read_csv(out / "manifest.csv")
    assert [row["file"] for row in manifest] == [
        "exports-nexis-01.txt", "exports-nexis-02.txt", "exports-nexis-03.txt", "note.txt", "pages-plan.txt",
        "statement_2011-05-16.txt"]
    assert sorted(p.name for p in out.glob("*.txt")) == sorted(row["file"] for row in manifest)
    dated = {row["file"]: (row["date"], row["date_basis"]) for row in manifest}
    assert dated == {
        "exports-nexis-01.txt": ("2010-03-12", "explicit"), "exports-nexis-02.txt": ("2011-05-16", "explicit"),
        "exports-nexis-03.txt": ("2012-04-05", "explicit"), "note.txt": ("", ""),
        "pages-plan.txt": ("2010-03-12", "explicit"), "statement_2011-05-16.txt": ("2011-05-16", "inferred")}
    notes = {row["file"]: row["date_note"] for row in manifest}
    assert "gives no year" in notes["note.txt"] and "BAKU, May 16" in notes["note.txt"]
    assert all(row["genre"] == "" for row in manifest)
    assert "imported 6 text(s)" in printed and "failed:" in printed and "corpus-lib validate" in printed
    assert "Outside the input folder" not in "".join(p.read_text() for p in out.glob("*.txt"))


def test_an_imported_corpus_loads_with_dated_documents(imported):
    from corpus_lib import load_corpus

    out, _, _ = imported
    documents = load_corpus(out, stances=False, allow_undated=True).documents.set_index("file")
    assert len(documents) == 6
    assert documents["date"].notna().sum() == 5  # note.txt's dateline has no year: left for the user
    assert str(documents.loc["pages-plan.txt", "date"].date()) == "2010-03-12"
    assert documents.loc["pages-plan.txt", "date_basis"] == "explicit"
    assert documents.loc["statement_2011-05-16.txt", "date_basis"] == "inferred"
    assert documents.loc["exports-nexis-02.txt", "source"] == "Coastal Daily Wire"


def test_import_is_deterministic(sources: Path, tmp_path: Path, imported):
    again = tmp_path / "again"
    assert main(["import", str(sources), "--out", str(again)]) == 0
    assert files_of(again) == files_of(imported[0])


def test_import_never_overwrites_and_adds_nothing_twice(sources: Path, tmp_path: Path, capsys):
    out = tmp_path / "corpus"
    out.mkdir()
    mine = b"My own text about the plan.\n"
    (out / "plan.txt").write_bytes(mine)
    manifest = "file,doc_id,title,date,date_basis,date_note,source,genre,url\r\nplan.txt,note,Mine,,,,,,\r\n"
    (out / "manifest.csv").write_bytes(manifest.encode())
    assert main(["import", str(sources / "pages"), str(sources / "note.docx"), "--out", str(out)]) == 0
    assert (out / "plan.txt").read_bytes() == mine
    rows = read_csv(out / "manifest.csv")
    assert (out / "manifest.csv").read_bytes().startswith(manifest.encode())
    assert [(r["file"], r["doc_id"]) for r in rows] == [
        ("plan.txt", "note"), ("note-2.txt", "note-2"), ("plan-2.txt", "plan-2")]
    before = files_of(out)
    capsys.readouterr()
    assert main(["import", str(sources / "pages"), str(sources / "note.docx"), "--out", str(out)]) == 0
    assert "no new text" in capsys.readouterr().out
    after = files_of(out)
    assert {k: v for k, v in after.items() if k != "import_log.csv"} == {
        k: v for k, v in before.items() if k != "import_log.csv"}
    assert [r["status"] for r in read_csv(out / "import_log.csv")].count("duplicate") == 2


def test_nothing_imported_exits_2_with_one_line_and_writes_nothing(sources: Path, tmp_path: Path, capsys):
    out = tmp_path / "empty"
    code = main(["import", str(sources / "scan.pdf"), str(sources / "damaged.pdf"), str(tmp_path / "missing"),
                 "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("corpus-lib: error: nothing could be imported from 3 input(s)")
    assert "no text layer" in err
    assert not out.exists()


def test_an_output_folder_inside_an_input_is_refused(sources: Path, capsys):
    assert main(["import", str(sources), "--out", str(sources / "corpus")]) == 2
    assert "overlap" in capsys.readouterr().err
    assert not (sources / "corpus").exists()


def test_a_missing_reader_library_stops_with_one_line(sources: Path, tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    assert main(["import", str(sources / "pages"), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ingest extra" in err and "trafilatura" in err
    assert not (tmp_path / "out").exists()


def test_importing_corpus_lib_and_the_cli_loads_no_reader_library():
    code = ("import sys, corpus_lib, corpus_lib.cli, corpus_lib.ingest.run; "
            "print(sorted(m for m in ('trafilatura', 'htmldate', 'pypdf', 'docx', 'striprtf') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_links_inside_hidden_files_and_given_files(tmp_path: Path):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "talks_2012-04-03.txt").write_text("Talks resume\n\nThe talks resumed.\n", encoding="utf-8")
    os.symlink(src / "sub", src / "again")
    (src / ".draft.txt").write_text("A hidden draft.\n", encoding="utf-8")
    single = tmp_path / "single.txt"
    single.write_text("A single text given by name.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["import", str(src), str(single), "--out", str(out)]) == 0
    log = {row["input"].removeprefix(f"{tmp_path}/"): row for row in read_csv(out / "import_log.csv")}
    assert log["src/again"]["status"] == "skipped" and "not followed" in log["src/again"]["detail"]
    assert log["src/.draft.txt"]["status"] == "skipped" and "hidden" in log["src/.draft.txt"]["detail"]
    assert log["src/sub/talks_2012-04-03.txt"]["file"] == "sub-talks_2012-04-03.txt"
    assert log["single.txt"]["file"] == "single.txt"
    assert (out / "single.txt").read_bytes() == single.read_bytes()


def test_an_existing_manifest_without_its_columns_is_refused(sources: Path, tmp_path: Path, capsys):
    out = tmp_path / "corpus"
    out.mkdir()
    (out / "manifest.csv").write_text("name,when\nx.txt,2010\n", encoding="utf-8")
    assert main(["import", str(sources / "note.docx"), "--out", str(out)]) == 2
    assert "lacks columns file, doc_id" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["manifest.csv"]
