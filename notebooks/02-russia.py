# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 02 · Russia: partner or adversary?
#
# **Question:** how does NATO speak of Russia in texts about NATO–Azerbaijan relations, from
# the partnership years of the mid-2000s to the war against Ukraine, and how does that
# compare with Azerbaijan's and the press's statements?
#
# Per the codebook a statement on Russia is `cooperative` (+1: partner, good relations, no
# conflict, Russian presence accepted), `adversarial` (−1: criticised, condemned, an
# aggressor or a threat, isolated) or `neutral` (Russia mentioned without evaluation: no
# score). The first holder in `holders` is the focus of the timelines; all of `holders`
# are compared at the end.

# %% tags=["parameters"]
corpus_dir = None  # folder of .txt files + manifest.csv; None: the seed corpus
tables_dir = None  # that corpus's tables saved by `corpus-lib report` (Parquet); None: parse corpus_dir
output_dir = "../reports"  # report folder: the charts 02-russia-* are written to <output_dir>/figures/
date_from = "2005-01-01"  # first document date kept
date_to = "2024-12-31"  # last document date kept
holders = ["NATO", "Azerbaijan", "media"]  # holders compared on Russia; the first one is the focus of the timelines
events_file = None  # a CSV of date,label,kind: more events for the timelines, besides the corpus's events.csv
window_years = 3  # years before and after each Russia event compared in "Before and after the wars"

# %%
# %matplotlib inline
from corpus_lib.report.pages import topic_notebook

russia = topic_notebook("russia", corpus_dir=corpus_dir, tables_dir=tables_dir, events_file=events_file, name="02-russia", output_dir=output_dir, holders=holders, date_from=date_from, date_to=date_to)

# %% [markdown]
# ## Selection
#
# Statements of documents dated in the chosen range, on this topic: the focus holder's, and
# those of every holder in `holders`. `russia.tables` holds the tables behind the charts
# below, `russia.figures` the charts, and `russia.corpus` the corpus tables
# it read, for questions of your own.

# %%
russia.selection

# %% [markdown]
# ## The position over time
#
# The line is the yearly mean score of the focus holder's positioned statements (+1
# cooperative, −1 adversarial), with a 95% bootstrap interval that resamples whole documents. Faint
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
russia.timeline

# %% [markdown]
# ## Salience: how much each document talks about it
#
# The share of each document's statements (all holders) that touch the topic, neutral ones
# included: a topic can be much talked about with little position taken.

# %%
russia.salience

# %% [markdown]
# ## Before and after the wars
#
# For each of the topic's events (the 2008 war in Georgia, the annexation of Crimea, the
# full-scale invasion of Ukraine, and any of the corpus's own), the focus holder's mean score
# in the `window_years` before and after, and the difference with a 95% interval that
# resamples whole documents on each side. A filled point excludes zero; a hollow one is
# marked not significant, and a window with fewer than two documents has no interval. The
# windows overlap when events are close, and a difference is a comparison of two periods,
# not proof that the event caused it.

# %%
russia.around_events(years=window_years)

# %% [markdown]
# ## Label shares per year
#
# All the focus holder's statements on the topic by label, neutral included (the number
# above a bar is how many statements it stands for).

# %%
russia.label_shares

# %% [markdown]
# ## The statements behind the points
#
# Every statement of the focus holder on the topic, oldest first, with the rules that coded it
# (`rule_ids`, see `corpus_lib/data/coder/`) and the coder's confidence. Text from the
# corpus is shown escaped. The same rows are in `figures/02-russia-timeline-interactive.csv`.

# %%
russia.statements

# %% [markdown]
# ## NATO and the other holders
#
# Mean score per holder over the whole range, with 95% intervals and the number of
# positioned statements (`n/a`: none), then the labels each holder uses. A journalist's
# question is `neutral` whoever asks it, so the press's bar rests on its own framing only.

# %%
russia.by_holder

# %% [markdown]
# ## Chronologies: `use_event_date=True`
#
# The timelines above place a statement at its document's date: what was *said* when. An
# official essay or a long interview also *narrates* earlier events ("In May 1994, …");
# the parser stores such a date as `event_date`. Passing `use_event_date=True` to
# `analysis.quotes`, `analysis.stance_by_period` or `analysis.holder_comparison` places
# those statements at the event instead (a year at 1 July, a month on the 15th), which is
# what a chronology needs, and what a study of changing positions must not do. The
# statements that would move:

# %%
russia.chronology

# %% [markdown]
# ## In words: did the position shift?
#
# One sentence per holder in `holders`, from the change-point model (documents as the
# independent observations): the direction, size and date of any shift with its 90%
# interval and the probability of no change, the documents and statements on each side,
# and the caveats the tables call for. A holder with fewer than four documents taking a
# position gets no finding, only the counts.

# %%
russia.findings
