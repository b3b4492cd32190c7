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
output_dir = "../reports"  # report folder: the charts 00-corpus-* are written to <output_dir>/figures/
date_from = "2005-01-01"  # first document date kept; documents outside the range are listed, not counted
date_to = "2024-12-31"  # last document date kept
holders = ["NATO", "Azerbaijan", "media"]  # not used here: every holder is counted

# %%
# %matplotlib inline
from corpus_lib.analysis.support_sections import corpus_section
from corpus_lib.corpus import load_corpus

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
overview = corpus_section(corpus, name="00-corpus", output_dir=output_dir, date_from=date_from, date_to=date_to)
overview.documents

# %%
overview.document_table

# %% [markdown]
# ## Statements per document, by holder
#
# How long each document is, in statements, and whose position its sentences express
# (the *holder*, per the codebook: a journalist's questions and an outlet's own framing
# hold `media`). Long documents weigh more in any pooled figure, so keep this chart in
# mind when reading the yearly means of the other notebooks.

# %%
overview.statements

# %% [markdown]
# ## Speakers
#
# `speaker` is who utters the sentence in the document (a name where known, else a role),
# `speaker_role` the part they play, `holder` whose position the sentence expresses. The
# same speaker can hold several actors (an interviewer reporting NATO's view holds NATO).

# %%
overview.roles

# %%
overview.speakers

# %% [markdown]
# ## What cleaning removed, and why
#
# Page clutter is not a statement: lists of unrelated headlines, site widgets ("Loading…"),
# repeated titles, bylines, interview labels and separators are removed by general rules
# and recorded here with their reason. Characters are counted without whitespace, as the
# document table's `n_removed_chars` counts them, so each row of the chart sums to that
# document's `n_removed_chars`; `char_start`/`char_end` below are offsets in the raw file
# (their difference also counts line breaks and spaces).

# %%
overview.removed

# %% [markdown]
# One example of each reason (the first in the ledger), to check that the rule removed
# clutter and not content:

# %%
overview.examples
