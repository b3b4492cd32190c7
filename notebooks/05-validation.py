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
output_dir = "../reports"  # report folder: the charts 05-validation-* are written to <output_dir>/figures/
date_from = "2005-01-01"  # first document date kept (not used here)
date_to = "2024-12-31"  # last document date kept (not used here)
holders = ["NATO", "Azerbaijan", "media"]  # holders to compare (not used here)

# %%
# %matplotlib inline
from corpus_lib.analysis.support_sections import validation_section
from corpus_lib.corpus import load_corpus
from corpus_lib.evaluation.validation import validate_seeds

corpus = load_corpus(corpus_dir, tables=tables_dir)

# %% [markdown]
# ## Can this corpus be validated?

# %%
validation = validate_seeds(corpus, corpus_dir)
checks = validation_section(validation, name="05-validation", output_dir=output_dir)
checks.overview

# %% [markdown]
# ## The figures, with their intervals
#
# `topic_*`: is the topic detected (over all statements)? `stance_*`: over the statements
# both codings say touch the topic. `joint_*`: over all statements, a missed topic counting
# as the label `none`, so topic misses count as disagreement. `n` is the number of items a
# figure is computed on; with few items the interval is wide.

# %%
checks.metrics

# %%
checks.agreement

# %% [markdown]
# ## Kappa and alpha
#
# Cohen's kappa and Krippendorff's alpha both correct the agreement for chance; with two
# coders and nominal labels they are close. The verdict uses the alpha thresholds above.

# %%
checks.verdicts

# %% [markdown]
# ## Confusion matrices
#
# Rows are the hand codes, columns the automatic codes, over the statements both say touch
# the topic; the diagonal is agreement. Shares are of each row (each hand-coded label).

# %%
checks.confusion

# %% [markdown]
# ## Where the coder goes wrong
#
# Every (statement, topic) on which the two codings differ: a topic the coder missed
# (`automatic` = none), a topic the hand coder did not see (`gold` = none), or a different
# stance. `rule_ids` are the automatic coder's rules that fired (see
# `corpus_lib/data/coder/`), which is where a fix would start.

# %%
checks.disagreements
