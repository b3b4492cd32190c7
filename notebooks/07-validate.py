# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 07 · Validate the coder on your own corpus
#
# **Question:** how far can the automatic codes be trusted *on this corpus*? The figures of
# 05 hold for the seed texts; a new corpus has other writers and other phrasings. Here you
# check the coder the way content analysts do: draw a random sample of statements, code it
# by hand without seeing the machine's codes (with a second coder if you can), measure how
# far the coders agree among themselves, settle their disagreements into a gold table, and
# measure the machine against it, weighted back to the whole corpus.
#
# Run the notebook from the top. On the seed corpus the project's hand codes
# (`annotations/seeds.csv`) stand in for a second coder, so every step shows figures even
# before you code anything; on another corpus the steps after the widget fill in as you code.

# %% tags=["parameters"]
corpus_dir = None  # folder of .txt files + manifest.csv; None: the seed corpus
tables_dir = None  # that corpus's tables saved by `corpus-lib report` (Parquet); None: parse corpus_dir
output_dir = "../reports"  # report folder; the coding files go to ../coding beside it (inside it when the report runs this)
date_from = "2005-01-01"  # first document date kept (not used here: the sample is drawn from the whole corpus)
date_to = "2024-12-31"  # last document date kept (not used here)
holders = ["NATO", "Azerbaijan", "media"]  # holders to compare (not used here)

# %%
from corpus_lib.corpus import load_corpus
from corpus_lib.evaluation import (
    CodingSession,
    adjudicate,
    coder_agreement,
    codes_from_gold,
    coding_folder,
    machine_vs_gold,
    sample_for_coding,
)
from corpus_lib.paths import ANNOTATIONS_DIR

corpus = load_corpus(corpus_dir, tables=tables_dir)
coding_dir = coding_folder(output_dir, tables_dir)

# %% [markdown]
# ## 1. Draw the sample
#
# 30 statements, stratified by period (the document's year) and by the first topic the
# machine gives them, a fifth of them among statements the machine gave no topic (so its
# misses can be found). The coding sheet (`07-validate.csv` and `.xlsx`) shows the sentence
# with the one before and after it, and nothing of the machine's codes; the design
# (`07-validate.design.csv`) and the weights (`07-validate.weights.csv`, which name the
# strata: keep it closed while coding) are saved beside it. Running this cell again draws
# the same sample and leaves the files as they are; it never overwrites a different sample.

# %%
sample = sample_for_coding(corpus, 30, out=coding_dir, name="07-validate")
sample

# %% [markdown]
# Each stratum's size in the corpus, in the sample, and the weight of its statements
# (population / sample): how many statements of the corpus each sampled one stands for.

# %%
sample.design

# %% [markdown]
# ## 2. Code it by hand
#
# One statement at a time: choose the holder, tick each topic the statement touches and
# its stance, mark "unsure" (with a note) where the codebook does not settle it, then
# **Next**. Every click is saved at once to `07-validate.codes-A.csv`; after a kernel
# restart or a closed tab, run the notebook again and the session opens at the first
# statement you have not finished. The codebook's definitions are under the statement.
# A second coder runs the same cell with their own name (`coder="B"`). When you have
# coded, run the cells below again (Run → Run Selected Cell and All Below).

# %%
session = CodingSession(sample, coder="A")
session

# %% [markdown]
# On the seed corpus the project's hand codes stand in for a coder (`seeds`), so the
# steps below have two codings to compare even in a headless run. On another corpus they
# cover nothing and this cell says so.

# %%
stand_in = codes_from_gold(sample, ANNOTATIONS_DIR / "seeds.csv", coder="seeds")
stand_in

# %% [markdown]
# ## 3. Do the coders agree?
#
# Krippendorff's alpha (nominal) per variable: the holder, each topic's presence, and each
# topic's stance over the statements the coders put under it. 1 is perfect agreement, 0
# chance; 0.8 is the usual bar for reliable coding, 0.667 the floor for tentative
# conclusions. The 95% intervals resample documents, since statements of one document are
# not independent; with a handful of documents they are wide. The machine takes part as
# one more coder: if its rows match the hand coders' own, it codes as well as they do.

# %%
agreement = coder_agreement(sample, machine=corpus)
agreement

# %%
agreement.alpha

# %% [markdown]
# Where the hand coders differ (a topic's value is its label, or `none`):

# %%
agreement.disagreements

# %% [markdown]
# ## 4. Adjudicate
#
# Fields the coders agree on are settled. Disagreements, and every field of a statement a
# coder marked unsure, go to `07-validate.adjudication.csv`: write the decision (a holder,
# a label, or `none`) into its `decision` column and run this cell again; decisions are
# kept from run to run. The settled statements make the gold table `07-validate.gold.csv`,
# in the format `corpus-lib evaluate --gold` reads.

# %%
adjudication = adjudicate(sample)
adjudication

# %%
adjudication.open

# %% [markdown]
# ## 5. The machine against the gold
#
# First the figures of `corpus-lib evaluate` on the settled statements (each statement
# counts once; the intervals resample statements):

# %%
validation = machine_vs_gold(corpus, adjudication)
validation

# %%
validation.metrics

# %% [markdown]
# The same questions for the whole corpus: each statement weighted by the number of
# statements it stands for, so the strata the sample over-represents (the statements
# without a topic, small periods) count as much as they weigh in the corpus. Intervals
# resample documents.

# %%
validation.weighted

# %% [markdown]
# Confusion matrices per topic, weighted: estimated statements of the corpus by hand label
# (rows) and machine label (columns), `none` for no stance on the topic. The correction of
# label shares for misclassification reads them from `validation.table`.

# %%
validation.confusion_table

# %% [markdown]
# Every statement and topic the machine codes otherwise than the gold, with the rules that
# fired (where a fix would start):

# %%
validation.disagreements
