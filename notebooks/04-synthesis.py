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
output_dir = "../reports"  # report folder: charts are written to <output_dir>/figures/
date_from = "2005-01-01"  # first document date kept
date_to = "2024-12-31"  # last document date kept
holders = ["NATO", "Azerbaijan", "media"]  # holders to compare; the first one is the focus

# %%
# %matplotlib inline
import html

import pandas as pd
from IPython.display import HTML, Markdown, display

from corpus_lib import analysis
from corpus_lib.analysis import plots
from corpus_lib.corpus import load_corpus
from corpus_lib.analysis.export import export_chart

corpus = load_corpus(corpus_dir, tables=tables_dir)

# %% [markdown]
# ## Selection
#
# The focus holder (the first of `holders`) for the timeline and the keyness; all of
# `holders` for tone beside stance. The early and late periods are 2005–2008 and 2022–2024.

# %%
unknown = sorted(set(holders) - set(analysis.HOLDERS))
if unknown:
    raise ValueError(f"unknown holders {unknown}; choose from {list(analysis.HOLDERS)}")
focus = holders[0] if holders else "(none)"
early, late = (2005, 2008), (2022, 2024)
min_count = 5  # keyness: a word must occur this often in the two periods together
stances = corpus.stances.loc[corpus.stances["date"].between(pd.Timestamp(date_from), pd.Timestamp(date_to))]
statements = corpus.statements.loc[corpus.statements["date"].between(pd.Timestamp(date_from), pd.Timestamp(date_to))]
focal = stances.loc[stances["holder"] == focus]
compared = stances.loc[stances["holder"].isin(holders)]
focal_statements = statements.loc[statements["holder"] == focus]
year = focal_statements["date"].dt.year
n_early = int(year.between(*early).sum())
n_late = int(year.between(*late).sum())
no_data = f"No coded statement held by {html.escape(focus)} between {date_from} and {date_to}: nothing to chart here."
display(Markdown(
    f"{html.escape(focus)}: **{len(focal)}** statement–topic codes in {focal['doc_id'].nunique()} documents; "
    f"{n_early} statements in {early[0]}–{early[1]}, {n_late} in {late[0]}–{late[1]}."
))

# %% [markdown]
# ## The three topics on one time axis
#
# One panel per topic, sharing the time axis, so that an event (dashed line, labelled on
# top) lines up across them. In each panel the line is the yearly mean score of the focus
# holder (with its 95% interval) and the faint discs are documents. Up is `engaged`,
# `cooperative`, `open`; down is `detached`, `adversarial`, `distant`.

# %%
if focal.empty:
    display(Markdown(no_data))
else:
    periods = analysis.stance_by_period(stances, holders=focus)
    by_document = analysis.stance_by_document(stances, corpus.documents, holders=focus)
    fig = plots.topics_timeline(periods, documents=by_document, title=f"{focus}: yearly mean score per topic")
    export_chart(fig, "04-synthesis-topics-timeline", output_dir=output_dir, data=periods)
    display(fig)

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
if n_early == 0 or n_late == 0:
    display(Markdown(
        f"Keyness needs statements of {html.escape(focus)} in both periods; there are {n_early} in "
        f"{early[0]}–{early[1]} and {n_late} in {late[0]}–{late[1]}."
    ))
    key_words = None
else:
    key_words = analysis.keyness(statements, early=early, late=late, min_count=min_count, holders=focus)
    if key_words.empty:
        display(Markdown(f"No word occurs {min_count} times in the two periods together: nothing to compare."))
    else:
        fig = plots.keyness_plot(key_words, title=f"{focus}: keyness (G²), {early[0]}–{early[1]} vs {late[0]}–{late[1]}")
        export_chart(fig, "04-synthesis-keyness", output_dir=output_dir, data=key_words)
        display(fig)

# %% [markdown]
# ## Tone beside stance
#
# `tone` is VADER's compound sentiment of the sentence (−1 negative to +1 positive
# wording). It is *not* stance: "Russia's war has caused suffering" is negative in tone and
# adversarial in stance, but "we welcome the peace agreement" and "we condemn the attack"
# can both be engaged. Each dot is a statement of one of `holders`; the black bar is the
# label's mean tone.

# %%
if compared.empty:
    display(Markdown(f"No coded statement by {html.escape(', '.join(holders))} in the chosen range."))
    tone = None
else:
    tone = analysis.tone_vs_stance(statements, stances, holders=holders)
    fig = plots.tone_vs_stance_plot(tone, title="Tone (VADER) of the statements of each stance label")
    export_chart(fig, "04-synthesis-tone", output_dir=output_dir, data=tone)
    display(fig)
    tone_table = (
        tone.groupby(["topic", "stance"], observed=True)["tone"]
        .agg(statements="size", mean_tone="mean")
        .reset_index()
    )
    display(HTML(tone_table.to_html(index=False, escape=True, border=0, float_format="{:+.2f}".format)))

# %% [markdown]
# ## Summary
#
# Written from the tables above when the notebook runs.

# %%
lines = []
if not focal.empty:
    bins = analysis.stance_by_period(
        stances, holders=focus, freq_or_bins={f"{early[0]}–{early[1]}": early, f"{late[0]}–{late[1]}": late}
    )
    lines.append(f"**{html.escape(focus)}, mean score early ({early[0]}–{early[1]}) → late ({late[0]}–{late[1]})**, per topic:")
    for topic in analysis.TOPICS:
        rows = bins.loc[bins["topic"] == topic].set_index("period")
        before, after = rows.iloc[0], rows.iloc[-1]
        lines.append(
            f"- {topic}: "
            + (f"{before.mean_score:+.2f} (n = {before.n_positioned} in {before.n_documents} documents)" if before.n_positioned else "no position")
            + " → "
            + (f"{after.mean_score:+.2f} (n = {after.n_positioned} in {after.n_documents} documents)" if after.n_positioned else "no position")
        )
    russia_years = periods.loc[(periods["topic"] == "russia") & (periods["n_positioned"] > 0)]
    lines.append(
        f"\n**{html.escape(focus)}'s mean Russia score per year:** "
        + ("; ".join(f"{r.period}: {r.mean_score:+.2f} (n = {r.n_positioned})" for r in russia_years.itertuples()) or "no positioned statement")
        + "."
    )
if key_words is not None and not key_words.empty:
    for side, period in (("early", early), ("late", late)):
        top = key_words.loc[key_words["direction"] == side].head(6)
        lines.append(
            f"\n**Most key words {period[0]}–{period[1]}:** "
            + (", ".join(f"*{html.escape(w)}* (G² {g:.1f})" for w, g in zip(top["word"], top["g2"])) or "none")
            + "."
        )
if tone is not None:
    scored = tone.dropna(subset=["score"])
    r = scored["score"].corr(scored["tone"]) if len(scored) > 2 else float("nan")
    lines.append(
        f"\n**Tone and stance:** over {len(scored)} positioned statement–topic codes of "
        f"{html.escape(', '.join(holders))}, the correlation of score and tone is "
        + (f"r = {r:+.2f}" if r == r else "not defined")
        + ": tone is reported beside stance, never used as stance."
    )
display(Markdown("\n".join(lines) if lines else no_data))
