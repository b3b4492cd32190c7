"""The coding widget driven through its Python API and its widgets, without a browser."""

from __future__ import annotations

import os

import pandas as pd
import pytest

pytest.importorskip("ipywidgets")

from corpus_lib.evaluation.codes import codes_path, read_codes  # noqa: E402
from corpus_lib.evaluation.coding_session import CodingSession, codebook_html  # noqa: E402
from corpus_lib.evaluation.sampling import SHEET_COLUMNS  # noqa: E402
from corpus_lib.vocab import HOLDERS, LABELS_BY_TOPIC, STANCES, TOPICS  # noqa: E402

# Invented sentences; the last carries markup that must be shown as text.
SENTENCES = [
    "The envoy said the Alliance would keep out of the dispute.",
    "Ministers discussed cooperation with Moscow on transit.",
    "The door to membership remains open, the spokesperson said.",
    "Talks on the settlement will resume next month.",
    "Observers reported calm along the line of contact.",
    'A <script>alert("x")</script> headline with <b>markup</b>.',
]


def write_sheet(folder, name="sheet"):
    rows = []
    for i, text in enumerate(SENTENCES, start=1):
        rows.append({"statement_id": f"doc-x.{i:04d}", "doc_id": "doc-x", "date": "2019-04-0" + str(i % 9 + 1),
                     "speaker": "narrator", "before": SENTENCES[i - 2] if i > 1 else "",
                     "text": text, "after": SENTENCES[i] if i < len(SENTENCES) else ""})
    path = folder / f"{name}.csv"
    pd.DataFrame(rows, columns=list(SHEET_COLUMNS)).to_csv(path, index=False)
    return path


@pytest.fixture
def sheet(tmp_path):
    return write_sheet(tmp_path)


def code_three(session: CodingSession) -> None:
    session.set_holder("NATO")
    session.set_stance("karabakh", "detached")
    assert session.next()
    session.set_holder("Russia")
    session.set_stance("russia", "cooperative")
    session.set_unsure(True)
    session.set_note("transit only?")
    assert session.next()
    session.set_holder("NATO")
    assert session.next()  # a statement may touch no topic


def test_codes_are_saved_at_once_and_a_new_session_resumes_at_the_first_uncoded(sheet):
    session = CodingSession(sheet, coder="A")
    assert session.position == 0 and session.n == len(SENTENCES) and session.n_done == 0
    code_three(session)
    assert session.position == 3 and session.n_done == 3
    session.set_holder("media")  # the fourth is begun, not finished
    codes = read_codes(codes_path(sheet, "A"))
    assert codes["statement_id"].tolist() == ["doc-x.0001", "doc-x.0002", "doc-x.0003", "doc-x.0004"]
    assert codes["done"].tolist() == [True, True, True, False]
    reopened = CodingSession(sheet, coder="A")  # a kernel restart: a new session on the same files
    assert reopened.position == 3 and reopened.n_done == 3
    assert reopened.code["holder"] == "media"
    first, second, third = (reopened._codes[f"doc-x.000{i}"] for i in (1, 2, 3))
    assert (first["holder"], first["karabakh"], first["russia"]) == ("NATO", "detached", "")
    assert (second["russia"], second["unsure"], second["note"]) == ("cooperative", True, "transit only?")
    assert (third["holder"], *[third[t] for t in TOPICS]) == ("NATO", "", "", "")
    assert reopened.progress.value == 3 and "3 of 6 coded" in reopened.progress_label.value


def test_each_coder_has_a_file_of_their_own(sheet):
    code_three(CodingSession(sheet, coder="A"))
    other = CodingSession(sheet, coder="B")
    assert other.position == 0 and other.n_done == 0
    assert codes_path(sheet, "A").exists() and not codes_path(sheet, "B").exists()
    with pytest.raises(ValueError, match="coder's name"):
        CodingSession(sheet, coder="../x")


def test_next_refuses_an_unfinished_statement(sheet):
    session = CodingSession(sheet)
    assert not session.next() and "choose the holder" in session.message
    session.set_holder("NATO")
    session.tick("membership")
    assert not session.next() and "stance on membership" in session.message
    assert session.position == 0 and session.status.value.startswith("Not finished")
    session.set_stance("membership", "open")
    assert session.next() and session.position == 1


def test_an_edit_that_unfinishes_a_statement_reopens_it(sheet):
    session = CodingSession(sheet)
    code_three(session)
    session.go(0)
    session.tick("russia")  # ticked, no stance yet
    assert not session.code["done"] and session.first_uncoded == 0
    session.set_stance("russia", "neutral")
    assert session.next() and session.first_uncoded == 3


def test_keyboard_shortcuts(sheet):
    session = CodingSession(sheet)
    session.press("1ke")  # holder NATO, karabakh engaged
    assert (session.code["holder"], session.code["karabakh"]) == (HOLDERS[0], "engaged")
    session.press("mcmx")  # membership conditional, then unticked
    assert session.code["membership"] == ""
    session.press("u")
    assert session.code["unsure"] is True
    session.press("n")
    assert session.position == 1
    session.press("4rnn")  # holder Russia, russia neutral, next
    assert session.position == 2 and session._codes["doc-x.0002"]["russia"] == "neutral"
    session.press("b")
    assert session.position == 1
    session.keys.value = "2"  # typed into the shortcut box: acted on, and the box is emptied
    assert session.code["holder"] == HOLDERS[1] and session.keys.value == ""


def test_the_widgets_drive_the_session(sheet):
    session = CodingSession(sheet)
    session.holder.value = "EU"
    session.topic_boxes["russia"].value = True
    assert session.code["russia"] == "?" and session.stance_buttons["russia"].layout.display == ""
    assert session.stance_buttons["karabakh"].layout.display == "none"
    session.stance_buttons["russia"].value = "adversarial"
    session.unsure.value = True
    session.note.value = "sanctions named"
    session.next_button.click()
    assert session.position == 1
    saved = read_codes(codes_path(sheet, "A")).iloc[0]
    assert (saved["holder"], saved["russia"], saved["unsure"], saved["note"], saved["done"]) == (
        "EU", "adversarial", True, "sanctions named", True)
    session.back_button.click()
    assert session.position == 0 and session.holder.value == "EU"
    assert session.stance_buttons["russia"].value == "adversarial" and session.topic_boxes["russia"].value
    assert "Error" not in session.status.value


def test_text_is_shown_escaped(sheet):
    session = CodingSession(sheet)
    session.go(len(SENTENCES) - 1)
    assert "&lt;script&gt;" in session.context.value and "<script>" not in session.context.value
    assert "<b>markup</b>" not in session.context.value


def test_the_codebook_is_one_click_away():
    text = codebook_html()
    for label in STANCES:
        assert f"<code>{label}</code>" in text
    for holder in HOLDERS:
        assert f"<b>{holder}</b>" in text
    assert all(f"<b>{topic}</b>" in text for topic in TOPICS)
    assert sum(len(labels) for labels in LABELS_BY_TOPIC.values()) == text.count("<li><code>")


def test_an_atomic_write_leaves_no_temporary_file(sheet):
    session = CodingSession(sheet)
    code_three(session)
    folder = sheet.parent
    assert sorted(p.name for p in folder.iterdir()) == ["sheet.codes-A.csv", "sheet.csv"]


def test_a_failed_write_leaves_the_previous_file_whole(sheet, monkeypatch):
    session = CodingSession(sheet)
    code_three(session)
    path = codes_path(sheet, "A")
    before = path.read_bytes()

    def broken(source, target):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        session.set_holder("EU")
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in sheet.parent.iterdir()) == ["sheet.codes-A.csv", "sheet.csv"]


def test_a_widget_error_is_shown_not_lost(sheet, monkeypatch):
    session = CodingSession(sheet)

    def broken(source, target):
        raise OSError("read-only folder")

    monkeypatch.setattr(os, "replace", broken)
    session.holder.value = "NATO"
    assert "read-only folder" in session.status.value


def test_two_sessions_of_one_coder_keep_each_others_codes(sheet):
    one, two = CodingSession(sheet), CodingSession(sheet)
    one.set_holder("NATO")
    assert one.next()
    two.go(4)
    two.set_holder("EU")
    assert two.next()
    codes = read_codes(codes_path(sheet, "A")).set_index("statement_id")
    assert codes.loc["doc-x.0001", "holder"] == "NATO" and codes.loc["doc-x.0005", "holder"] == "EU"


def test_codes_of_another_sheet_are_refused(sheet):
    path = codes_path(sheet, "A")
    path.write_text("statement_id,coder,holder,karabakh,russia,membership,unsure,note,done,coded_at\n"
                    "other.0001,A,NATO,,,,False,,True,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not in the sheet"):
        CodingSession(sheet)


def test_a_finished_sheet_opens_at_its_last_statement(sheet):
    session = CodingSession(sheet)
    for _ in SENTENCES:
        session.set_holder("media")
        assert session.next()
    assert session.message == "All statements are coded."
    assert CodingSession(sheet).position == len(SENTENCES) - 1


def test_changes_arriving_on_two_threads_are_both_kept(sheet, monkeypatch):
    """The kernel may deliver widget messages on two threads; neither change may overwrite the other."""
    import threading
    import time

    import corpus_lib.evaluation.coding_session as module

    session = CodingSession(sheet)
    slow_write = module.write_code

    def slow(*args, **kwargs):
        time.sleep(0.05)  # widen the window between reading the statement's codes and writing them
        return slow_write(*args, **kwargs)

    monkeypatch.setattr(module, "write_code", slow)
    first = threading.Thread(target=lambda: setattr(session.holder, "value", "NATO"))
    second = threading.Thread(target=lambda: setattr(session.topic_boxes["russia"], "value", True))
    first.start()
    time.sleep(0.01)
    second.start()
    first.join()
    second.join()
    saved = read_codes(codes_path(sheet, "A")).iloc[0]
    assert (saved["holder"], saved["russia"]) == ("NATO", "?")
    assert (session.code["holder"], session.code["russia"]) == ("NATO", "?")
