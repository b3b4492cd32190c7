"""The coding widget in a real JupyterLab: code three statements by clicking, restart the kernel, resume at the fourth.

JupyterLab, the browser and the page come from ``test_browser.py`` (a server on
127.0.0.1 with its own settings, headless Chromium that may reach only localhost). A
notebook creating a `CodingSession` on an invented five-statement sheet is written into
the server's folder and run; the test clicks a holder, a topic and a stance and **Next**
three times, checks the coder's file, restarts the kernel and runs everything again
(Kernel → Restart Kernel and Run All Cells), and checks that the new session shows the
fourth statement with the three codes intact. Then one shortcut is typed into the
shortcut box.
"""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
import test_browser
from test_browser import _CELLS_DONE, _KERNEL_IDLE, _open_and_run_all, _problems
from test_coding_session import SENTENCES as SESSION_SENTENCES

from corpus_lib.evaluation.codes import codes_path, read_codes
from corpus_lib.evaluation.sampling import SHEET_COLUMNS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# test_browser's fixtures: its JupyterLab server (a module of its own here), the browser and the guarded page
lab, browser, page = test_browser.lab, test_browser.browser, test_browser.page

NOTEBOOK = "coding-session-test.ipynb"
SENTENCES = SESSION_SENTENCES[:5]  # the invented sentences of the widget's own tests, markup left out
# (holder, topic, stance) clicked for the first three statements
CLICKS = [("NATO", "karabakh", "detached"), ("Russia", "russia", "cooperative"), ("Azerbaijan", "membership", "open")]
CELLS = [
    "import os\nfrom corpus_lib.evaluation import CodingSession",
    'session = CodingSession("sheet.csv", coder="T")\nsession',
    'print(f"resumed at {session.position + 1} in kernel {os.getpid()}")',
]


def _write_notebook(folder) -> None:
    rows = [{"statement_id": f"doc-z.{i:04d}", "doc_id": "doc-z", "date": "2020-01-01", "speaker": "narrator",
             "before": SENTENCES[i - 2] if i > 1 else "", "text": text, "after": SENTENCES[i] if i < len(SENTENCES) else ""}
            for i, text in enumerate(SENTENCES, start=1)]
    pd.DataFrame(rows, columns=list(SHEET_COLUMNS)).to_csv(folder / "sheet.csv", index=False)
    cells = [{"cell_type": "code", "execution_count": None, "id": f"cell-{i}", "metadata": {}, "outputs": [],
              "source": source} for i, source in enumerate(CELLS)]
    notebook = {"cells": cells, "nbformat": 4, "nbformat_minor": 5,
                "metadata": {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}}}
    (folder / NOTEBOOK).write_text(json.dumps(notebook), encoding="utf-8")


def _kernel_line(page) -> str:
    text = page.locator(".jp-OutputArea-output").filter(has_text="resumed at").first.inner_text(timeout=60_000)
    return re.search(r"resumed at \d+ in kernel \d+", text).group(0)


def test_code_three_restart_the_kernel_and_resume_at_the_fourth(lab, page, tmp_path):
    _write_notebook(lab["root"])
    _open_and_run_all(lab, page, NOTEBOOK, tmp_path)
    session = page.locator(".corpus-lib-coding-session")
    session.wait_for(timeout=60_000)
    assert "resumed at 1 in kernel" in _kernel_line(page)
    first_kernel = _kernel_line(page)
    for number, (holder, topic, stance) in enumerate(CLICKS, start=1):
        page.wait_for_function(f"() => /Statement {number} of 5/.test(document.querySelector"
                               "('.corpus-lib-coding-session').innerText)", timeout=30_000)
        session.locator(".corpus-lib-holder select").select_option(holder)
        session.locator(f".corpus-lib-topic-{topic} input[type=checkbox]").check()
        session.locator(f".corpus-lib-stance-{topic} button", has_text=re.compile(f"^{stance}$")).click()
        page.wait_for_function(
            "([topic, stance]) => [...document.querySelectorAll(`.corpus-lib-stance-${topic} button`)]"
            ".some(b => b.textContent.trim() === stance && b.classList.contains('mod-active'))",
            arg=[topic, stance], timeout=30_000)
        session.locator("button.corpus-lib-next").click()
    page.wait_for_function("() => /Statement 4 of 5/.test(document.querySelector('.corpus-lib-coding-session').innerText)",
                           timeout=30_000)
    path = codes_path(lab["root"] / "sheet.csv", "T")
    codes = read_codes(path)
    assert codes["done"].tolist() == [True, True, True]
    coded = [(r.holder, t, getattr(r, t)) for r, (_, t, _) in zip(codes.itertuples(), CLICKS)]
    assert coded == CLICKS
    saved = path.read_bytes()

    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Kernel$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Restart Kernel and Run All Cells")).click()
    page.locator(".jp-Dialog .jp-mod-accept").click()
    page.wait_for_function(
        "(old) => [...document.querySelectorAll('.jp-OutputArea-output')].some(e => /resumed at \\d+ in kernel \\d+/"
        ".test(e.innerText) && !e.innerText.includes(old))", arg=first_kernel.split("kernel ")[1], timeout=120_000)
    page.wait_for_function(_CELLS_DONE, timeout=120_000, polling=1000)
    assert "resumed at 4 in kernel" in _kernel_line(page) and _kernel_line(page) != first_kernel
    page.wait_for_function("() => /Statement 4 of 5/.test(document.querySelector('.corpus-lib-coding-session').innerText)",
                           timeout=30_000)
    assert "3 of 5 coded" in session.inner_text()
    assert path.read_bytes() == saved  # the three codes, intact
    assert session.locator(".corpus-lib-holder select").input_value() == "— choose —"  # the fourth is not coded

    page.wait_for_function(_KERNEL_IDLE, timeout=60_000, polling=500)
    session.locator(".corpus-lib-keys input").click()
    page.wait_for_function("() => document.activeElement && document.activeElement.closest('.corpus-lib-keys')",
                           timeout=30_000)
    page.keyboard.type("6")  # shortcut: the sixth holder (media)
    page.wait_for_function("() => document.querySelector('.corpus-lib-holder select').value === 'media'", timeout=30_000)
    assert read_codes(path).set_index("statement_id").at["doc-z.0004", "holder"] == "media"
    page.screenshot(path=str(tmp_path / "jupyterlab-coding-session.png"), full_page=False)
    assert _problems(page) == []
    assert page.dialogs == [] and page.blocked == [], (page.dialogs, page.blocked)
