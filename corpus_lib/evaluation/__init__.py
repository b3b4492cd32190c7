"""Agreement between automatic and hand codes: metrics, gold files and the evaluation report.

It owns the agreement statistics (precision/recall/F1, macro-F1, Cohen's kappa, Krippendorff's
alpha, bootstrap intervals), the readers of hand-coded gold files and the figures that
``corpus-lib evaluate`` prints. It may import ``corpus_lib.coding``, ``corpus_lib.pipeline`` and
the foundation modules; it never imports analysis, reports or scale.
"""
