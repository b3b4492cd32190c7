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
output_dir = "../reports"  # report folder: charts are written to <output_dir>/figures/
date_from = "2005-01-01"  # first document date kept
date_to = "2024-12-31"  # last document date kept
holders = ["NATO", "Azerbaijan", "media"]  # holders to compare; the first one is the focus

# %%
# %matplotlib inline
import html

import pandas as pd
import plotly.io as pio
from IPython.display import HTML, Markdown, display

from corpus_lib import analysis
from corpus_lib.analysis import plots
from corpus_lib.corpus import load_corpus
from corpus_lib.analysis.export import export_chart

pio.renderers.default = "plotly_mimetype+notebook"  # JupyterLab's plotly renderer + offline HTML (plotly.js embedded once)
corpus = load_corpus(corpus_dir, tables=tables_dir)

# %% [markdown]
# ## Selection
#
# Statements of documents dated in the chosen range, on this topic; `focal` holds the
# focus holder's, `compared` those of every holder in `holders`.

# %%
topic = "russia"
unknown = sorted(set(holders) - set(analysis.HOLDERS))
if unknown:
    raise ValueError(f"unknown holders {unknown}; choose from {list(analysis.HOLDERS)}")
focus = holders[0] if holders else "(none)"
stances = corpus.stances.loc[corpus.stances["date"].between(pd.Timestamp(date_from), pd.Timestamp(date_to))]
statements = corpus.statements.loc[corpus.statements["date"].between(pd.Timestamp(date_from), pd.Timestamp(date_to))]
on_topic = stances.loc[stances["topic"] == topic]
focal = on_topic.loc[on_topic["holder"] == focus]
compared = on_topic.loc[on_topic["holder"].isin(holders)]
no_data = f"No statement on {topic} held by {html.escape(focus)} between {date_from} and {date_to}: nothing to chart here."
display(Markdown(
    f"**{len(on_topic)}** statements on {topic} in {on_topic['doc_id'].nunique()} documents dated {date_from} to "
    f"{date_to}; **{len(focal)}** of them held by {html.escape(focus)}, {int(focal['score'].notna().sum())} of "
    f"which take a position. By holder: "
    + (", ".join(f"{html.escape(str(h))} {n}" for h, n in on_topic["holder"].value_counts().items() if n) or "none")
    + "."
))

# %% [markdown]
# ## The position over time
#
# The line is the yearly mean score of the focus holder's positioned statements (+1
# cooperative, −1 adversarial), with a 95% bootstrap interval (statements resampled). Faint
# discs are documents (their mean, sized by how many positioned statements they hold),
# small rings are single statements (jittered a little so they do not hide each other).
# A year with one document rests on one interview or article: read the interval, not just
# the dot. Dashed lines mark events (`corpus_lib/data/events.csv`).

# %%
if focal.empty:
    display(Markdown(no_data))
else:
    periods = analysis.stance_by_period(stances, topic=topic, holders=focus)
    by_document = analysis.stance_by_document(stances, corpus.documents, topic=topic, holders=focus)
    behind = analysis.quotes(stances, corpus.statements, corpus.documents, topic=topic, holders=focus)
    fig = plots.stance_timeline(
        periods, documents=by_document, statements=behind, topics=topic, title=f"{focus} on {topic}: yearly mean score"
    )
    export_chart(fig, "02-russia-timeline", output_dir=output_dir, data=periods)
    display(fig)

# %% [markdown]
# The same chart, interactive: hover a ring to read the sentence, who said it and where.

# %%
if focal.empty:
    display(Markdown(no_data))
else:
    fig = plots.stance_timeline_plotly(
        periods, documents=by_document, statements=behind, topics=topic, title=f"{focus} on {topic}: yearly mean score"
    )
    export_chart(fig, "02-russia-timeline-interactive", output_dir=output_dir, data=behind)
    display(fig)

# %%
if not focal.empty:
    years = periods.loc[periods["n_positioned"] > 0]
    display(Markdown(
        f"Yearly mean score of {html.escape(focus)} on {topic} (positioned statements): "
        + ("; ".join(f"**{r.period}** {r.mean_score:+.2f} (n = {r.n_positioned})" for r in years.itertuples()) or "none")
        + "."
    ))

# %% [markdown]
# ## Salience: how much each document talks about it
#
# The share of each document's statements (all holders) that touch the topic, neutral ones
# included: a topic can be much talked about with little position taken.

# %%
if statements.empty:
    display(Markdown("No statements in the chosen date range."))
else:
    salience = analysis.salience(statements, stances)
    n_documents = salience["doc_id"].nunique()
    fig = plots.salience_heatmap(salience, topics=topic, title=f"{topic}: share of statements", figsize=(4.8, 1.0 + 0.38 * n_documents))
    export_chart(fig, "02-russia-salience", output_dir=output_dir, data=salience.loc[salience["topic"] == topic])
    display(fig)

# %% [markdown]
# ## Label shares per year
#
# All the focus holder's statements on the topic by label, neutral included (the number
# above a bar is how many statements it stands for).

# %%
if focal.empty:
    display(Markdown(no_data))
else:
    shares = periods.loc[periods["n_statements"] > 0]
    fig = plots.label_shares(shares, topics=topic, title=f"{focus} on {topic}: labels per year")
    export_chart(fig, "02-russia-label-shares", output_dir=output_dir, data=shares)
    display(fig)

# %% [markdown]
# ## The statements behind the points
#
# Every statement of the focus holder on the topic, oldest first, with the rules that coded it
# (`rule_ids`, see `corpus_lib/data/coder/`) and the coder's confidence. Text from the
# corpus is shown escaped. The same rows are in `figures/02-russia-timeline-interactive.csv`.

# %%
if focal.empty:
    display(Markdown(no_data))
else:
    table = behind.sort_values(["date", "statement_id"])
    table = table.assign(date=table["date"].dt.strftime("%Y-%m-%d"))[
        ["date", "speaker", "speaker_role", "stance", "score", "confidence", "rule_ids", "text", "doc_id"]
    ]
    display(HTML(table.to_html(index=False, escape=True, border=0, na_rep="", float_format="{:.2f}".format)))

# %% [markdown]
# ## NATO and the other holders
#
# Mean score per holder over the whole range, with 95% intervals and the number of
# positioned statements (`n/a`: none), then the labels each holder uses. A journalist's
# question is `neutral` whoever asks it, so the press's bar rests on its own framing only.

# %%
if compared.empty:
    display(Markdown(f"No statement on {topic} by any of {html.escape(', '.join(holders))} in the chosen range."))
else:
    by_holder = analysis.holder_comparison(stances, holders=holders, topic=topic)
    fig = plots.holder_comparison_plot(by_holder, topics=topic, title=f"{topic}: mean score by holder")
    export_chart(fig, "02-russia-holders", output_dir=output_dir, data=by_holder)
    display(fig)
    fig = plots.label_shares(by_holder, x="holder", topics=topic, title=f"{topic}: labels by holder")
    export_chart(fig, "02-russia-holder-labels", output_dir=output_dir, data=by_holder)
    display(fig)
    display(Markdown(
        "Mean score by holder: "
        + "; ".join(
            f"**{html.escape(str(r.holder))}** "
            + (f"{r.mean_score:+.2f} (n = {r.n_positioned})" if r.n_positioned else "no positioned statement")
            for r in by_holder.itertuples()
        )
        + "."
    ))

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
if focal.empty:
    display(Markdown(no_data))
else:
    chronology = analysis.quotes(stances, corpus.statements, corpus.documents, topic=topic, holders=holders, use_event_date=True)
    moved = chronology.loc[chronology["time"] != chronology["date"]]
    display(Markdown(f"{len(moved)} of {len(chronology)} statements on {topic} (all compared holders) narrate a dated event."))
    if len(moved):
        moved = moved.assign(date=moved["date"].dt.strftime("%Y-%m-%d"))[["date", "event_date", "holder", "stance", "text"]]
        display(HTML(moved.to_html(index=False, escape=True, border=0)))
