# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 00 · The corpus: documents, dates, speakers, cleaning
#
# **Question:** what do the other notebooks stand on? Which documents are in the corpus,
# from when (and how is each date known), who speaks in them and for whom, and what did
# the cleaning remove, and why?
#
# A *statement* is one sentence in one speaker's turn (see the codebook); it carries the
# date of its document. Every character of a source file ends either in a statement or in
# the cleaning ledger (`corpus.removed`) with a reason, so nothing here is dropped silently.

# %% tags=["parameters"]
corpus_dir = None  # folder of .txt files + manifest.csv; None: the seed corpus
tables_dir = None  # that corpus's tables saved by `corpus-lib report` (Parquet); None: parse corpus_dir
output_dir = "../reports"  # report folder: charts are written to <output_dir>/figures/
date_from = "2005-01-01"  # first document date kept
date_to = "2024-12-31"  # last document date kept
holders = ["NATO", "Azerbaijan", "media"]  # holders to compare; the first one is the focus

# %%
# %matplotlib inline
import html

import numpy as np
import pandas as pd
from IPython.display import HTML, Markdown, display
from matplotlib.figure import Figure

from corpus_lib.analysis import plots
from corpus_lib.corpus import load_corpus
from corpus_lib.analysis.export import export_chart

pd.set_option("display.max_colwidth", 160)
corpus = load_corpus(corpus_dir, tables=tables_dir)

# %% [markdown]
# ## Documents and their dates
#
# One row per source file. `date_basis` says how the date is known: `explicit` (stated in
# the text), `external` (the publisher's record of the same text) or `inferred` (from
# internal evidence); `date_note` gives the evidence. Only documents dated inside the
# chosen range are analysed; an undated document (a file without a manifest row) is
# listed but left out of every timeline.

# %%
start, end = pd.Timestamp(date_from), pd.Timestamp(date_to)
in_range = corpus.documents["date"].between(start, end)
documents = corpus.documents.loc[in_range].sort_values(["date", "doc_id"])
left_out = corpus.documents.loc[~in_range, "doc_id"].tolist()
statements = corpus.statements.loc[corpus.statements["date"].between(start, end)]
removed = corpus.removed.loc[corpus.removed["doc_id"].isin(documents["doc_id"])]
basis = documents["date_basis"].astype("string").fillna("none").value_counts()
display(Markdown(
    f"**{len(documents)}** of {len(corpus.documents)} documents are dated between {start.date()} and "
    f"{end.date()}, with **{len(statements)}** statements. Date basis: "
    + (", ".join(f"{html.escape(name)} {n}" for name, n in basis.items()) or "none")
    + "."
    + (f" Left out (outside the range or undated): {html.escape(', '.join(left_out))}." if left_out else "")
))

# %%
document_table = corpus.documents.assign(date=corpus.documents["date"].dt.strftime("%Y-%m-%d"))[
    ["doc_id", "date", "date_basis", "date_note", "genre", "source", "title", "n_statements", "n_removed_chars"]
]
HTML(document_table.to_html(index=False, escape=True, border=0, na_rep=""))

# %% [markdown]
# ## Statements per document, by holder
#
# How long each document is, in statements, and whose position its sentences express
# (the *holder*, per the codebook: a journalist's questions and an outlet's own framing
# hold `media`). Long documents weigh more in any pooled figure, so keep this chart in
# mind when reading the yearly means of the other notebooks.

# %%
per_document = pd.crosstab(statements["doc_id"].astype(str), statements["holder"].astype(str))
order = documents.loc[documents["doc_id"].isin(per_document.index), "doc_id"].tolist()
per_document = per_document.reindex(index=order[::-1], columns=[h for h in plots.HOLDER_COLORS if h in per_document.columns])
if per_document.empty:
    display(Markdown("No statements in the chosen date range: nothing to chart."))
else:
    with plots.house_style():
        fig = Figure(figsize=(7.5, 1.2 + 0.32 * len(per_document)), layout="constrained")
        ax = fig.add_subplot()
        per_document.plot.barh(stacked=True, ax=ax, width=0.75, color=[plots.HOLDER_COLORS[h] for h in per_document.columns])
        ax.set_xlabel("statements")
        ax.set_ylabel("")
        ax.grid(False, axis="y")
        ax.legend(title="holder", loc="upper left", bbox_to_anchor=(1.01, 1.0))
        ax.set_title("Statements per document (oldest on top), by holder", loc="left")
    export_chart(fig, "00-corpus-statements", output_dir=output_dir, data=per_document[::-1].reset_index())
    display(fig)

# %% [markdown]
# ## Speakers
#
# `speaker` is who utters the sentence in the document (a name where known, else a role),
# `speaker_role` the part they play, `holder` whose position the sentence expresses. The
# same speaker can hold several actors (an interviewer reporting NATO's view holds NATO).

# %%
roles = pd.crosstab(statements["speaker_role"].astype(str), statements["holder"].astype(str), margins=True, margins_name="all")
HTML(roles.to_html(escape=True, border=0))

# %%
speakers = (
    statements.groupby(["speaker", "speaker_role", "holder"], observed=True)
    .size()
    .rename("statements")
    .reset_index()
    .sort_values(["statements", "speaker"], ascending=[False, True])
)
HTML(speakers.to_html(index=False, escape=True, border=0))

# %% [markdown]
# ## What cleaning removed, and why
#
# Page clutter is not a statement: lists of unrelated headlines, site widgets ("Loading…"),
# repeated titles, bylines, interview labels and separators are removed by general rules
# and recorded here with their reason. Counted in characters (whitespace collapsed).

# %%
ledger = removed.assign(characters=removed["text"].str.len(), reason=removed["reason"].astype(str))
if ledger.empty:
    display(Markdown("Cleaning removed nothing from the documents in the chosen range."))
else:
    display(HTML(pd.crosstab(ledger["reason"], ledger["doc_id"], margins=True, margins_name="all").to_html(escape=True, border=0)))
    by_reason = pd.crosstab(ledger["doc_id"], ledger["reason"], values=ledger["characters"], aggfunc="sum")
    by_reason = by_reason.reindex(index=order).fillna(0).astype(int)
    with plots.house_style():
        fig = Figure(figsize=(2.4 + 0.9 * by_reason.shape[1], 1.4 + 0.35 * len(by_reason)), layout="constrained")
        ax = fig.add_subplot()
        ax.imshow(np.log1p(by_reason.to_numpy()), cmap="Oranges", aspect="auto", vmin=0)
        ax.set_xticks(range(by_reason.shape[1]), labels=by_reason.columns, rotation=30, ha="right")
        ax.set_yticks(range(len(by_reason)), labels=by_reason.index)
        for (i, j), value in np.ndenumerate(by_reason.to_numpy()):
            ax.text(j, i, f"{value:,}", ha="center", va="center", fontsize=7, color="#333333" if value < 1000 else "white")
        ax.grid(False)
        ax.tick_params(length=0)
        ax.set_title("Characters removed, by document and reason (colour on a log scale)", loc="left")
    export_chart(fig, "00-corpus-removed", output_dir=output_dir, data=by_reason.reset_index())
    display(fig)

# %% [markdown]
# One example of each reason (the first in the ledger), to check that the rule removed
# clutter and not content:

# %%
examples = ledger.sort_values(["reason", "doc_id", "char_start"]).drop_duplicates("reason")
examples = examples.assign(text=examples["text"].str.slice(0, 160))[["reason", "doc_id", "char_start", "char_end", "text"]]
HTML(examples.to_html(index=False, escape=True, border=0)) if len(examples) else Markdown("Nothing was removed.")
