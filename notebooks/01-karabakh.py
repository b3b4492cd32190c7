# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 01 · Karabakh: does NATO keep out or take part?
#
# **Question:** how does NATO's position on the Nagorno-Karabakh conflict (and the
# Armenia–Azerbaijan conflict, its settlement and normalization) move over time, and how
# does it compare with what Azerbaijan and the press say?
#
# Per the codebook a statement on Karabakh is `engaged` (+1: NATO offers, claims or is asked
# for an active role, or takes a position on the settlement), `detached` (−1: "the sides
# themselves", "both sides", no mechanism or role) or `neutral` (the conflict is there, with
# no position: no score). The first holder in `holders` is the focus of the timelines;
# all of `holders` are compared at the end.

# %% tags=["parameters"]
corpus_dir = None  # folder of .txt files + manifest.csv; None: the seed corpus
tables_dir = None  # that corpus's tables saved by `corpus-lib report` (Parquet); None: parse corpus_dir
output_dir = "../reports"  # report folder: the charts 01-karabakh-* are written to <output_dir>/figures/
date_from = "2005-01-01"  # first document date kept
date_to = "2024-12-31"  # last document date kept
holders = ["NATO", "Azerbaijan", "Armenia", "media"]  # holders compared on the Karabakh conflict (both parties and the press); the first one is the focus of the timelines
events_file = None  # a CSV of date,label,kind: more events for the timelines, besides the corpus's events.csv

# %%
# %matplotlib inline
from corpus_lib.report.pages import topic_notebook

karabakh = topic_notebook("karabakh", corpus_dir=corpus_dir, tables_dir=tables_dir, events_file=events_file, name="01-karabakh", output_dir=output_dir, holders=holders, date_from=date_from, date_to=date_to)

# %% [markdown]
# ## Selection
#
# Statements of documents dated in the chosen range, on this topic: the focus holder's, and
# those of every holder in `holders`. `karabakh.tables` holds the tables behind the charts
# below, `karabakh.figures` the charts, and `karabakh.corpus` the corpus tables
# it read, for questions of your own.

# %%
karabakh.selection

# %% [markdown]
# ## The position over time
#
# The line is the yearly mean score of the focus holder's positioned statements (+1
# engaged, −1 detached), with a 95% bootstrap interval that resamples whole documents. Faint
# discs are documents (their mean, sized by how many positioned statements they hold),
# small rings are single statements (jittered a little so they do not hide each other).
# A year resting on one document has no interval at all and is drawn hollow: one interview
# or article is one observation, however many sentences it holds. Dashed lines mark the
# topic's events (`corpus_lib/data/events.csv`); a shaded band marks a shift the
# change-point model finds, with its 90% interval (see "In words" at the end). Where the
# corpus has hand codes (the seeds do: `annotations/seeds.csv`), a dashed series with square
# points corrects the yearly means for the coder's measured errors; its interval is wider
# because it also resamples the hand codes. The solid series is the coder's own. Below it, the
# same chart, interactive (hover a ring to read the sentence, who said it and where), and
# the yearly means in words.

# %%
karabakh.timeline

# %% [markdown]
# ## Salience: how much each document talks about it
#
# The share of each document's statements (all holders) that touch the topic, neutral ones
# included: a topic can be much talked about with little position taken.

# %%
karabakh.salience

# %% [markdown]
# ## Who speaks for NATO on Karabakh
#
# The focus holder's statements on the conflict by speaker: how many documents and
# statements each one gives, over which years, with the mean score and its interval
# (documents resampled). NATO's line on Karabakh is mostly voiced by a few officials (a
# Secretary General, a special representative, a liaison officer, a spokesperson); where one
# speaker holds most documents, a shift in the timeline may be a change of speaker rather
# than of policy. `narrator` rows are positions the press reports without a named person.

# %%
karabakh.speakers()

# %% [markdown]
# ## Label shares per year
#
# All the focus holder's statements on the topic by label, neutral included (the number
# above a bar is how many statements it stands for).

# %%
karabakh.label_shares

# %% [markdown]
# ## The statements behind the points
#
# Every statement of the focus holder on the topic, oldest first, with the rules that coded it
# (`rule_ids`, see `corpus_lib/data/coder/`) and the coder's confidence. Text from the
# corpus is shown escaped. The same rows are in `figures/01-karabakh-timeline-interactive.csv`.

# %%
karabakh.statements

# %% [markdown]
# ## NATO and the other holders
#
# Mean score per holder over the whole range, with 95% intervals and the number of
# positioned statements (`n/a`: none), then the labels each holder uses. One label can
# mean different things for different holders: per the codebook, `engaged` covers NATO
# offering a role or supporting a settlement as well as Azerbaijan calling on NATO to act.

# %%
karabakh.by_holder

# %% [markdown]
# ## Chronologies: `use_event_date=True`
#
# The timelines above place a statement at its document's date: what was *said* when. An
# official essay or a long interview also *narrates* earlier events ("In May 1994, …");
# the parser stores such a date as `event_date`. Passing `use_event_date=True` to
# `analysis.quotes`, `analysis.stance_by_period` or `analysis.holder_comparison` places
# those statements at the event instead (a year at 1 July, a month on the 15th), which is
# what a chronology of the conflict needs, and what a study of changing positions must not
# do. The statements that would move:

# %%
karabakh.chronology

# %% [markdown]
# ## In words: did the position shift?
#
# One sentence per holder in `holders`, from the change-point model (documents as the
# independent observations): the direction, size and date of any shift with its 90%
# interval and the probability of no change, the documents and statements on each side,
# and the caveats the tables call for. A holder with fewer than four documents taking a
# position gets no finding, only the counts.

# %%
karabakh.findings
