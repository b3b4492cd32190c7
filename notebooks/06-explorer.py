# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 06 · Stance explorer
#
# **Question:** what do the positions look like for a topic, holders and years of your
# choosing, and which sentences stand behind them?
#
# Pick a topic, one or more holders (ctrl/cmd-click for several) and a range of years: the
# timeline (yearly mean score with its 95% interval, a hollow point where a year rests on
# one document; each ring a statement: hover it for the sentence, speaker and source) and
# the table of positioned statements below it, oldest first, follow the selection. Each
# chosen holder is a series of its own, in its colour. The widgets need a running kernel: open this
# notebook in JupyterLab (`.venv/bin/jupyter lab notebooks/`) and run all cells. In the HTML
# report the explorer does not show; the chart of the initial selection is repeated at the end.

# %% tags=["parameters"]
corpus_dir = None  # folder of .txt files + manifest.csv; None: the seed corpus
tables_dir = None  # that corpus's tables saved by `corpus-lib report` (Parquet); None: parse corpus_dir
output_dir = "../reports"  # report folder: the chart 06-explorer-initial is written to <output_dir>/figures/
date_from = "2005-01-01"  # first year of the initial selection
date_to = "2024-12-31"  # last year of the initial selection
holders = ["NATO", "Azerbaijan", "media"]  # holders selected at first

# %%
from corpus_lib.analysis.support_sections import explorer_snapshot
from corpus_lib.corpus import load_corpus
from corpus_lib.report import stance_explorer
from corpus_lib.report.pages import use_notebook_renderers

use_notebook_renderers()  # JupyterLab's plotly renderer + offline HTML (plotly.js embedded once)
corpus = load_corpus(corpus_dir, tables=tables_dir)

# %%
explorer = stance_explorer(corpus, topic="russia", holders=holders, date_from=date_from, date_to=date_to)
explorer.show()

# %% [markdown]
# The explorer's figure is a `plotly` `FigureWidget` updated in place where the `anywidget`
# package is installed, and otherwise a figure that each change redraws in an output
# area; it works the same either way. `explorer.current` is the current chart as a plain figure (the one to
# export), `explorer.data` the statements behind it and `explorer.periods` its yearly
# summary, for use in a cell of your own.

# %%
explorer_snapshot(explorer, name="06-explorer", output_dir=output_dir)
