# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 05 · Validation: the automatic coder against hand codes
#
# **Question:** how far can the automatic stance codes of the other notebooks be trusted?
# One coder coded the seed texts by hand from the codebook, blind to the automatic coder
# (`annotations/seeds.csv`, see `annotations/README.md`). Here the two are compared per
# topic: precision, recall and F1 of topic detection; macro-F1 over the non-neutral labels,
# Cohen's kappa and Krippendorff's alpha for the stance, each with a 95% bootstrap interval
# (statements resampled). Krippendorff's alpha ≥ 0.8 is the usual bar for reliable coding,
# 0.667 the floor for tentative conclusions.
#
# The hand codes exist for the seed corpus only: on any other corpus this notebook says so
# and stops. It always uses the whole corpus (the date range and holders do not apply).

# %% tags=["parameters"]
corpus_dir = None  # folder of .txt files + manifest.csv; None: the seed corpus
tables_dir = None  # that corpus's tables saved by `corpus-lib report` (Parquet); None: parse corpus_dir
output_dir = "../reports"  # report folder: charts are written to <output_dir>/figures/
date_from = "2005-01-01"  # first document date kept (not used here)
date_to = "2024-12-31"  # last document date kept (not used here)
holders = ["NATO", "Azerbaijan", "media"]  # holders to compare (not used here)

# %%
# %matplotlib inline
from pathlib import Path

import numpy as np
import pandas as pd
from IPython.display import HTML, Markdown, display
from matplotlib.figure import Figure

from corpus_lib.analysis import plots
from corpus_lib.corpus import load_corpus
from corpus_lib.evaluation.evaluate import evaluate, load_gold
from corpus_lib.paths import ANNOTATIONS_DIR, SEEDS_DIR
from corpus_lib.analysis.export import export_chart

corpus = load_corpus(corpus_dir, tables=tables_dir)

# %% [markdown]
# ## Can this corpus be validated?

# %%
gold_path = ANNOTATIONS_DIR / "seeds.csv"
on_seeds = corpus_dir is None or Path(corpus_dir).resolve() == SEEDS_DIR.resolve()
can_evaluate = on_seeds and gold_path.is_file()
if not on_seeds:
    display(Markdown(
        "This corpus is not the seed corpus, and hand codes exist for the seed texts only: "
        "**no validation here**. Code a sample of this corpus by hand (see `annotations/README.md` "
        "for the procedure) and evaluate it with `corpus-lib evaluate --corpus DIR --gold FILE`."
    ))
elif not gold_path.is_file():
    display(Markdown(f"The hand codes (`{gold_path.name}`) are not in `{ANNOTATIONS_DIR}`: **no validation here**."))
else:
    gold = load_gold(gold_path)
    texts = gold.merge(corpus.statements[["statement_id", "text"]], on="statement_id", how="left", suffixes=("_gold", ""))
    changed = texts.loc[texts["text"].isna() | (texts["text"] != texts["text_gold"])]
    report = evaluate(corpus.stances, gold, statements=corpus.statements)
    display(Markdown(
        f"**{len(gold)}** hand codes on {gold['statement_id'].nunique()} statements, compared over all "
        f"{report.n_statements} statements of the corpus ({report.n_resamples} bootstrap resamples, seed {report.seed}). "
        + (
            f"**Warning:** {len(changed)} hand-coded ids now point to a different or missing sentence "
            "(the segmentation changed): re-check those codes."
            if len(changed)
            else "Every hand-coded id still points to the sentence that was coded."
        )
    ))

# %% [markdown]
# ## The figures, with their intervals
#
# `topic_*`: is the topic detected (over all statements)? `stance_*`: over the statements
# both codings say touch the topic. `joint_*`: over all statements, a missed topic counting
# as the label `none`, so topic misses count as disagreement. `n` is the number of items a
# figure is computed on; with few items the interval is wide.

# %%
if can_evaluate:
    figures = report.to_frame()
    display(HTML(figures.to_html(index=False, escape=True, border=0, na_rep="–", float_format="{:.3f}".format)))

# %%
if can_evaluate:
    chosen = ["topic_f1", "stance_macro_f1", "stance_kappa", "stance_alpha", "joint_alpha"]
    shown = figures.loc[figures["metric"].isin(chosen) & (figures["topic"] != "all")].reset_index(drop=True)
    topics = list(dict.fromkeys(shown["topic"]))
    with plots.house_style():
        fig = Figure(figsize=(7.5, 3.4), layout="constrained")
        axes = fig.subplots(1, len(topics), sharey=True, squeeze=False)[0]
        for ax, topic in zip(axes, topics):
            rows = shown.loc[shown["topic"] == topic].set_index("metric").reindex(chosen)
            position = np.arange(len(chosen))
            ax.errorbar(
                rows["value"], position,
                xerr=np.abs(np.vstack([rows["value"] - rows["ci_low"], rows["ci_high"] - rows["value"]])),
                fmt="o", color=plots.TOPIC_COLORS[topic], capsize=2.5,
            )
            ax.axvline(0.8, color="#333333", linewidth=0.8, linestyle=(0, (3, 2)))
            ax.axvline(0.667, color="#999999", linewidth=0.8, linestyle=(0, (3, 2)))
            ax.set_yticks(position, labels=chosen)
            ax.set_xlim(0, 1.02)
            ax.invert_yaxis()
            ax.set_title(topic, loc="left", color=plots.TOPIC_COLORS[topic])
        axes[0].set_xlabel("value (95% interval); dashed: 0.8 and 0.667")
        fig.suptitle("Automatic vs hand codes, per topic", x=0.01, ha="left")
    export_chart(fig, "05-validation-agreement", output_dir=output_dir, data=shown)
    display(fig)

# %% [markdown]
# ## Kappa and alpha
#
# Cohen's kappa and Krippendorff's alpha both correct the agreement for chance; with two
# coders and nominal labels they are close. The verdict uses the alpha thresholds above.

# %%
if can_evaluate:
    lines = []
    for topic in ("karabakh", "russia", "membership"):
        row = figures.loc[figures["topic"] == topic].set_index("metric")
        alpha = row.loc["stance_alpha", "value"]
        verdict = "reliable (≥ 0.8)" if alpha >= 0.8 else "tentative (0.667–0.8)" if alpha >= 0.667 else "below the 0.667 floor"
        lines.append(
            f"- **{topic}**: stance κ = {row.loc['stance_kappa', 'value']:.2f} "
            f"[{row.loc['stance_kappa', 'ci_low']:.2f}, {row.loc['stance_kappa', 'ci_high']:.2f}], "
            f"α = {alpha:.2f} [{row.loc['stance_alpha', 'ci_low']:.2f}, {row.loc['stance_alpha', 'ci_high']:.2f}] "
            f"on {int(row.loc['stance_alpha', 'n'])} statements: {verdict}; joint α (topic misses counted) = "
            f"{row.loc['joint_alpha', 'value']:.2f}."
        )
    holder = figures.loc[figures["topic"] == "all"].set_index("metric")
    lines.append(
        f"- **holder**: the parser's holder matches the hand-coded one on "
        f"{holder.loc['holder_accuracy', 'value']:.0%} of the hand-coded rows "
        f"({holder.loc['holder_accuracy_nato', 'value']:.0%} of those the coder gave to NATO)."
    )
    display(Markdown("\n".join(lines)))

# %% [markdown]
# ## Confusion matrices
#
# Rows are the hand codes, columns the automatic codes, over the statements both say touch
# the topic; the diagonal is agreement. Shares are of each row (each hand-coded label).

# %%
if can_evaluate:
    matrix = report.confusion["karabakh"]
    fig = plots.confusion_heatmap(matrix, normalize="true", xlabel="automatic", ylabel="hand", title="karabakh: hand vs automatic stance")
    export_chart(fig, "05-validation-confusion-karabakh", output_dir=output_dir, data=matrix.reset_index())
    display(fig)

# %%
if can_evaluate:
    matrix = report.confusion["russia"]
    fig = plots.confusion_heatmap(matrix, normalize="true", xlabel="automatic", ylabel="hand", title="russia: hand vs automatic stance")
    export_chart(fig, "05-validation-confusion-russia", output_dir=output_dir, data=matrix.reset_index())
    display(fig)

# %%
if can_evaluate:
    matrix = report.confusion["membership"]
    fig = plots.confusion_heatmap(matrix, normalize="true", xlabel="automatic", ylabel="hand", title="membership: hand vs automatic stance")
    export_chart(fig, "05-validation-confusion-membership", output_dir=output_dir, data=matrix.reset_index())
    display(fig)

# %% [markdown]
# ## Where the coder goes wrong
#
# Every (statement, topic) on which the two codings differ: a topic the coder missed
# (`automatic` = none), a topic the hand coder did not see (`gold` = none), or a different
# stance. `rule_ids` are the automatic coder's rules that fired (see
# `corpus_lib/data/coder/`), which is where a fix would start.

# %%
if can_evaluate:
    automatic = corpus.stances[["statement_id", "topic", "stance", "rule_ids"]].astype({"topic": str, "stance": str})
    pairs = gold[["statement_id", "topic", "stance"]].merge(
        automatic, on=["statement_id", "topic"], how="outer", suffixes=("_gold", "_automatic")
    )
    pairs["gold"] = pairs["stance_gold"].fillna("none")
    pairs["automatic"] = pairs["stance_automatic"].fillna("none")
    wrong = pairs.loc[pairs["gold"] != pairs["automatic"]].merge(
        corpus.statements[["statement_id", "holder", "text"]], on="statement_id", how="left"
    )
    wrong = wrong.sort_values(["topic", "statement_id"])[["statement_id", "topic", "gold", "automatic", "holder", "rule_ids", "text"]]
    kind = np.where(wrong["automatic"] == "none", "missed topic", np.where(wrong["gold"] == "none", "extra topic", "other stance"))
    display(Markdown(f"**{len(wrong)}** disagreements out of {len(pairs)} (statement, topic) pairs coded by either."))
    display(HTML(pd.crosstab(wrong["topic"], kind).to_html(escape=True, border=0)))
    display(HTML(wrong.to_html(index=False, escape=True, border=0, na_rep="")))
