"""Hand-coding a coding sheet in JupyterLab, one statement at a time: `CodingSession`.

The session shows a statement with the sentence before and after it, and takes the
coder's holder (a drop-down), topics (a check box each) and, under each ticked topic, its
stance (one button per label of the codebook), an "unsure" box and a note. Every change
is written at once to the coder's own file beside the sheet (``NAME.codes-CODER.csv``,
atomically, see :mod:`corpus_lib.evaluation.codes`), so a kernel restart or a closed tab
loses nothing, and a new session opens at the first statement the coder has not finished.
**Next** finishes a statement (it needs a holder and a stance for every ticked topic);
**Back** returns to the one before. The codebook's definitions are one click away, under
the statement. The machine's codes are never shown.

Keyboard: click into the shortcut box and type. ``n`` next, ``b`` back, ``1``–``7`` a holder
(in the drop-down's order), ``u`` unsure; a topic's letter (``k`` karabakh, ``r`` russia,
``m`` membership) followed by the first letter of one of its labels ticks the topic with
that label (``k e``: karabakh engaged; ``m c``: membership conditional), or by ``x``
unticks it.

Everything the widgets do goes through the methods (`set_holder`, `set_stance`,
`set_unsure`, `set_note`, `next`, `back`, `press`), which is how the tests drive it
without a browser.

This is the one module of the package that imports ipywidgets (the ``notebooks`` extra);
``corpus_lib.evaluation`` loads it only when `CodingSession` is asked for.
"""

from __future__ import annotations

import html
import threading
from functools import cache
from importlib import resources

import ipywidgets as widgets
import pandas as pd

from corpus_lib.evaluation.codes import (
    PENDING,
    check_coder,
    code_problems,
    codes_path,
    empty_code,
    read_codes,
    write_code,
)
from corpus_lib.evaluation.sampling import CodingSample, read_sample
from corpus_lib.vocab import HOLDERS, LABELS_BY_TOPIC, TOPICS

__all__ = ["CodingSession", "codebook_html"]

TOPIC_KEYS = {topic[0]: topic for topic in TOPICS}  # k, r, m
NEXT, BACK, UNSURE, UNTICK = "n", "b", "u", "x"
KEY_HELP = (
    "n next · b back · 1–7 holder · u unsure · "
    + " · ".join(f"{topic[0]} + {'/'.join(label[0] for label in LABELS_BY_TOPIC[topic])} {topic}"
                 for topic in TOPICS)
    + " · topic letter + x: untick"
)


@cache
def _guide() -> pd.DataFrame:
    source = resources.files("corpus_lib").joinpath("data", "coding_guide.csv")
    with source.open("r", encoding="utf-8") as handle:
        return pd.read_csv(handle, dtype=str, keep_default_na=False)


def codebook_html() -> str:
    """The codebook's definitions as HTML: unit, holders, topics, stance labels, hard cases (``data/coding_guide.csv``)."""
    guide = _guide()

    def rows(section: str) -> pd.DataFrame:
        return guide.loc[guide["section"] == section]

    esc = html.escape
    parts = [f"<p><b>Unit.</b> {esc(rows('unit')['text'].iloc[0])}</p>"]
    holders = rows("holder")
    parts.append(f"<p><b>Holder.</b> {esc(holders.loc[holders['label'] == '', 'text'].iloc[0])}</p><ul>")
    parts += [f"<li><b>{esc(r.label)}</b>: {esc(r.text)}</li>" for r in holders.itertuples() if r.label]
    parts.append("</ul>")
    for topic in TOPICS:
        what = rows("topic").loc[lambda f, t=topic: f["topic"] == t, "text"].iloc[0]
        parts.append(f"<p><b>{esc(topic)}</b>: {esc(what)}</p><ul>")
        labels = rows("label").loc[lambda f, t=topic: f["topic"] == t]
        parts += [f"<li><code>{esc(r.label)}</code>: {esc(r.text)}</li>" for r in labels.itertuples()]
        parts.append("</ul>")
    parts.append("<p><b>Hard cases.</b></p><ul>")
    parts += [f"<li>{esc(text)}</li>" for text in rows("decision")["text"]]
    parts.append(f"</ul><p><b>Unsure.</b> {esc(rows('unsure')['text'].iloc[0])}</p>")
    return "".join(parts)


class CodingSession:
    """One coder's session on a coding sheet: the widget and the methods it calls.

    Args:
        sheet: A written :class:`~corpus_lib.evaluation.sampling.CodingSample`, or the path
            of a coding sheet CSV.
        coder: The coder's name (letters, digits, ``_``, ``-``); the codes go to
            ``NAME.codes-CODER.csv`` beside the sheet.

    Attributes:
        position: The index (in the sheet) of the statement shown.
        path: The coder's codes file.
        widget: The ipywidgets box (a notebook shows it when the session is a cell's value).

    Raises:
        ValueError: the coder's file codes statements that are not in the sheet.
    """

    def __init__(self, sheet: CodingSample | str, coder: str = "A") -> None:
        self.sample = read_sample(sheet)
        self.coder = check_coder(coder)
        self.path = codes_path(self.sample.sheet_path, coder)
        self.statements = self.sample.sheet.to_dict("records")
        self.ids = [s["statement_id"] for s in self.statements]
        if not self.ids:
            raise ValueError(f"{self.sample.sheet_path} has no statements to code")
        codes = read_codes(self.path)
        strangers = sorted(set(codes["statement_id"]) - set(self.ids))
        if strangers:
            raise ValueError(f"{self.path} codes statements that are not in the sheet: {', '.join(strangers[:5])}")
        self._codes = {row["statement_id"]: row for row in codes.to_dict("records")}
        self._pending_topic: str | None = None
        self._updating = False
        self._lock = threading.RLock()
        self.message = ""
        first = self.first_uncoded
        self.position = len(self.ids) - 1 if first is None else first
        self._build()
        self._show()

    # ------------------------------------------------------------------ state

    @property
    def n(self) -> int:
        """How many statements the sheet holds."""
        return len(self.ids)

    @property
    def n_done(self) -> int:
        """How many the coder has finished."""
        return sum(1 for code in self._codes.values() if code["done"])

    @property
    def first_uncoded(self) -> int | None:
        """The index of the first statement not finished, or None when all are."""
        return next((i for i, sid in enumerate(self.ids) if not self._codes.get(sid, {}).get("done")), None)

    @property
    def statement(self) -> dict:
        """The statement shown (its sheet row)."""
        return self.statements[self.position]

    @property
    def code(self) -> dict:
        """The coder's codes of the statement shown (a copy)."""
        sid = self.ids[self.position]
        return dict(self._codes.get(sid) or empty_code(sid, self.coder))

    @property
    def codes(self) -> pd.DataFrame:
        """Everything the coder has coded, as written to the file."""
        return read_codes(self.path)

    # ---------------------------------------------------------------- changes

    def _save(self, **changes) -> None:
        """Apply ``changes`` to the statement shown and write its row at once; an edit that leaves it unfinished reopens it."""
        code = {**self.code, **changes}
        if code_problems(code):
            code["done"] = False
        write_code(self.path, code, order=self.ids)
        self._codes[code["statement_id"]] = code

    def set_holder(self, holder: str) -> None:
        """Choose the holder of the statement shown (one of the codebook's holders)."""
        if holder not in HOLDERS:
            raise ValueError(f"holder {holder!r} is not one of {', '.join(HOLDERS)}")
        self._save(holder=holder)
        self._show()

    def tick(self, topic: str, touched: bool = True) -> None:
        """Tick (or untick) a topic; a ticked topic waits for its stance."""
        self._check_topic(topic)
        current = self.code[topic]
        self._save(**{topic: (current or PENDING) if touched else ""})
        self._show()

    def set_stance(self, topic: str, label: str | None) -> None:
        """Set the stance on a topic (ticking it), or untick it with None."""
        self._check_topic(topic)
        if label is not None and label not in LABELS_BY_TOPIC[topic]:
            raise ValueError(f"{label!r} is not a label of {topic} ({', '.join(LABELS_BY_TOPIC[topic])})")
        self._save(**{topic: label or ""})
        self._show()

    def set_unsure(self, unsure: bool = True) -> None:
        """Mark the statement shown as one the codebook does not settle (it goes to adjudication)."""
        self._save(unsure=bool(unsure))
        self._show()

    def set_note(self, note: str) -> None:
        """The coder's note on the statement shown."""
        self._save(note=str(note))
        self._show()

    @staticmethod
    def _check_topic(topic: str) -> None:
        if topic not in TOPICS:
            raise ValueError(f"topic {topic!r} is not one of {', '.join(TOPICS)}")

    # ------------------------------------------------------------- navigation

    def next(self) -> bool:
        """Finish the statement shown and move on; False (with the reason in `message`) if it is unfinished."""
        problems = code_problems(self.code)
        if problems:
            self.message = "Not finished: " + "; ".join(problems) + "."
            self._show(keep_message=True)
            return False
        self._save(done=True)
        if self.position < self.n - 1:
            self.position += 1
            self.message = ""
        else:
            first = self.first_uncoded
            self.message = "All statements are coded." if first is None else f"Statement {first + 1} is not finished yet."
        self._show(keep_message=True)
        return True

    def back(self) -> None:
        """Show the statement before."""
        self.go(self.position - 1)

    def go(self, position: int) -> None:
        """Show the statement at ``position`` (clipped to the sheet)."""
        self.position = min(max(int(position), 0), self.n - 1)
        self._pending_topic = None
        self.message = ""
        self._show()

    def press(self, keys: str) -> None:
        """Act on typed shortcut keys, in order (see the module docstring)."""
        for key in keys:
            self._press(key)

    def _press(self, key: str) -> None:
        topic, self._pending_topic = self._pending_topic, None
        if topic is not None:
            labels = {label[0]: label for label in LABELS_BY_TOPIC[topic]}
            if key == UNTICK:
                return self.set_stance(topic, None)
            if key in labels:
                return self.set_stance(topic, labels[key])
        if key in TOPIC_KEYS:
            self._pending_topic = TOPIC_KEYS[key]
            self.message = f"{self._pending_topic}: " + ", ".join(
                f"{label[0]} {label}" for label in LABELS_BY_TOPIC[self._pending_topic]) + ", x untick"
            return self._show(keep_message=True)
        if key == NEXT:
            self.next()
            return None
        if key == BACK:
            return self.back()
        if key == UNSURE:
            return self.set_unsure(not self.code["unsure"])
        if key.isdigit() and 1 <= int(key) <= len(HOLDERS):
            return self.set_holder(HOLDERS[int(key) - 1])
        return None

    # ----------------------------------------------------------------- widget

    def _build(self) -> None:
        """Make the widgets and connect them to the methods."""
        self.header = widgets.HTML()
        self.context = widgets.HTML()
        self.holder = widgets.Dropdown(options=[("— choose —", ""), *[(h, h) for h in HOLDERS]], description="holder")
        self.holder.add_class("corpus-lib-holder")
        self.topic_boxes, self.stance_buttons, topic_rows = {}, {}, []
        for topic in TOPICS:
            box = widgets.Checkbox(description=topic, indent=False, layout=widgets.Layout(width="9em"))
            box.add_class(f"corpus-lib-topic-{topic}")
            buttons = widgets.ToggleButtons(options=list(LABELS_BY_TOPIC[topic]), value=None)
            buttons.style.button_width = "8em"
            buttons.add_class(f"corpus-lib-stance-{topic}")
            box.observe(self._handler(lambda change, t=topic: self.tick(t, change["new"])), "value")
            buttons.observe(self._handler(lambda change, t=topic: change["new"] and self.set_stance(t, change["new"])),
                            "value")
            self.topic_boxes[topic], self.stance_buttons[topic] = box, buttons
            topic_rows.append(widgets.HBox([box, buttons]))
        self.unsure = widgets.Checkbox(description="unsure", indent=False)
        self.unsure.add_class("corpus-lib-unsure")
        self.note = widgets.Textarea(placeholder="note (why unsure, which rule decided)", continuous_update=False,
                                     layout=widgets.Layout(width="60%", height="3.5em"))
        self.back_button = widgets.Button(description="◀ Back", tooltip="b")
        self.next_button = widgets.Button(description="Next ▶", button_style="primary", tooltip="n")
        self.back_button.add_class("corpus-lib-back")
        self.next_button.add_class("corpus-lib-next")
        self.progress = widgets.IntProgress(min=0, max=self.n)
        self.progress_label = widgets.HTML()
        self.keys = widgets.Text(placeholder="shortcuts: click here and type", continuous_update=True,
                                 layout=widgets.Layout(width="16em"))
        self.keys.add_class("corpus-lib-keys")
        self.status = widgets.HTML()
        self.status.add_class("corpus-lib-status")
        codebook = widgets.Accordion(children=[widgets.HTML(codebook_html())], selected_index=None)
        codebook.set_title(0, "Codebook: definitions and hard cases")
        self.holder.observe(self._handler(lambda change: change["new"] and self.set_holder(change["new"])), "value")
        self.unsure.observe(self._handler(lambda change: self.set_unsure(change["new"])), "value")
        self.note.observe(self._handler(lambda change: self.set_note(change["new"])), "value")
        self.back_button.on_click(self._handler(lambda _: self.back()))
        self.next_button.on_click(self._handler(lambda _: self.next()))
        self.keys.observe(self._on_keys, "value")
        self.widget = widgets.VBox([
            self.header, self.context, self.holder, *topic_rows, widgets.HBox([self.unsure, self.note]),
            widgets.HBox([self.back_button, self.next_button, self.progress, self.progress_label]),
            widgets.HBox([self.keys, widgets.HTML(f"<small>{html.escape(KEY_HELP)}</small>")]),
            self.status, codebook,
        ])  # fmt: skip
        self.widget.add_class("corpus-lib-coding-session")

    def _handler(self, action):
        """A widget callback: one at a time, deaf to the session's own updates, showing errors instead of losing them.

        The kernel may deliver widget messages on more than one thread (a drop-down's change
        arrived beside a check box's), so every callback takes the session's lock: two
        changes to the same statement never read and write its codes at once.
        """

        def handle(event) -> None:
            with self._lock:
                if self._updating:
                    return
                try:
                    action(event)
                except Exception as err:  # noqa: BLE001  (shown in the widget: a callback's error is otherwise hidden)
                    self.status.value = f"<span style='color:#b00'>{html.escape(f'{type(err).__name__}: {err}')}</span>"

        return handle

    def _on_keys(self, change) -> None:
        with self._lock:
            if self._updating or not change["new"]:
                return
            typed = change["new"]
            self._updating = True
            try:
                self.keys.value = ""
            finally:
                self._updating = False
            self._handler(lambda _: self.press(typed))(None)

    def _show(self, keep_message: bool = False) -> None:
        """Put the state into the widgets (their observers stay quiet meanwhile)."""
        if not keep_message:
            self.message = self.message if self._pending_topic else ""
        s, code = self.statement, self.code
        esc = html.escape
        done = " · <b style='color:#2a7'>✓ finished</b>" if code["done"] else ""
        self._updating = True
        try:
            self.holder.value = code["holder"]
            for topic in TOPICS:
                value = code[topic]
                self.topic_boxes[topic].value = bool(value)
                buttons = self.stance_buttons[topic]
                buttons.value = value if value in LABELS_BY_TOPIC[topic] else None
                buttons.layout.display = "" if value else "none"
            self.unsure.value = bool(code["unsure"])
            self.note.value = code["note"]
            self.progress.value = self.n_done
            self.progress_label.value = f"{self.n_done} of {self.n} coded"
            self.status.value = esc(self.message)
            # the statement last: once its number shows, the controls below already belong to it
            self.context.value = (
                f"<div style='color:#777'>{esc(s['before'])}</div>"
                f"<div style='font-size:1.15em;margin:.4em 0'><b>{esc(s['text'])}</b></div>"
                f"<div style='color:#777'>{esc(s['after'])}</div>"
            )
            self.header.value = (
                f"<b>Statement {self.position + 1} of {self.n}</b> · <code>{esc(s['statement_id'])}</code> · "
                f"{esc(s['date'] or 'no date')} · speaker: {esc(s['speaker'] or '—')}{done}"
            )
        finally:
            self._updating = False

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    def __repr__(self) -> str:
        return f"CodingSession({str(self.sample.sheet_path)!r}, coder={self.coder!r}): {self.n_done} of {self.n} coded"
