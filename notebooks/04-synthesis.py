# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 04 · Synthesis: three positions on one timeline
#
# **Question:** taken together, how did NATO's positions on Karabakh, on Russia and on
# membership move between the mid-2000s and the 2020s; which words mark the shift; and
# does the tone of the sentences (positive or negative wording) tell the same story as
# their stance?
#
# Every number in the summary at the end is computed from the tables when the notebook
# runs, so it holds for whatever corpus and parameters it is run with.

# %% tags=["parameters"]
corpus_dir = None  # folder of .txt files + manifest.csv; None: the seed corpus
tables_dir = None  # that corpus's tables saved by `corpus-lib report` (Parquet); None: parse corpus_dir
output_dir = "../reports"  # report folder: the charts 04-synthesis-* are written to <output_dir>/figures/
date_from = "2005-01-01"  # first document date kept
date_to = "2024-12-31"  # last document date kept
holders = ["NATO", "Azerbaijan", "media"]  # compared on tone; the first one is the focus of the timeline and the keyness
events_file = None  # a CSV of date,label,kind: more events for the timelines, besides the corpus's events.csv

# %%
# %matplotlib inline
from corpus_lib.analysis.sections import synthesis_section
from corpus_lib.corpus import load_corpus

corpus = load_corpus(corpus_dir, tables=tables_dir, events=events_file)

# %% [markdown]
# ## Selection
#
# The focus holder (the first of `holders`) for the timeline and the keyness; all of
# `holders` for tone beside stance. The early and late periods are 2005–2008 and 2022–2024.

# %%
synthesis = synthesis_section(
    corpus, name="04-synthesis", output_dir=output_dir, holders=holders, date_from=date_from, date_to=date_to,
    early=(2005, 2008), late=(2022, 2024), min_count=5,
)
synthesis.selection

# %% [markdown]
# ## The three topics on one time axis
#
# One panel per topic, sharing the time axis, so that an event (dashed line, labelled on
# top) lines up across them. In each panel the line is the yearly mean score of the focus
# holder (with its 95% interval) and the faint discs are documents. Up is `engaged`,
# `cooperative`, `open`; down is `detached`, `adversarial`, `distant`.

# %%
synthesis.topics_timeline

# %% [markdown]
# ## Which words mark the shift: keyness, early vs late
#
# Words of the focus holder's statements that are over-represented in one period compared
# with the other, by Dunning's log-likelihood G² (stopwords left out; only words seen at
# least `min_count` times in the two periods together). A G² above 3.84 is p < 0.05 for a
# single word, but with hundreds of words tested, read the ranking rather than the
# p-values. Genre matters too: if one period is mostly interviews and the other press
# releases, some key words are the
# genre's, not the period's.

# %%
synthesis.keyness

# %% [markdown]
# ## Tone beside stance
#
# `tone` is VADER's compound sentiment of the sentence (−1 negative to +1 positive
# wording). It is *not* stance: "Russia's war has caused suffering" is negative in tone and
# adversarial in stance, but "we welcome the peace agreement" and "we condemn the attack"
# can both be engaged. Each dot is a statement of one of `holders`; the black bar is the
# label's mean tone.

# %%
synthesis.tone

# %% [markdown]
# ## Summary
#
# Written from the tables above when the notebook runs.

# %%
synthesis.summary

# %% [markdown]
# ## Findings: did a position shift, and when?
#
# One sentence per holder and topic, written from the change-point model
# (`analysis.change_points`): documents, not sentences, are the independent observations,
# so a shift resting on one long interview is not a finding. Each sentence gives the
# direction and size of the shift, when (with a 90% interval), the probability of no
# change, and how many documents and statements lie on each side. Caveats are written by
# rule: a side resting on two documents or fewer, statements that narrate an earlier event
# but sit at their document's date, a holder heard in one genre only. Where fewer than four
# documents take a position, the sentence says the evidence is too thin instead.

# %%
synthesis.findings
