"""Agreement between automatic and hand codes: metrics, gold files and the evaluation report.

Modules, by the question they answer:

* ``metrics``: precision/recall/F1, macro-F1, Cohen's kappa, Krippendorff's alpha,
  bootstrap intervals (on label arrays; nothing about topics or stances).
* ``gold``: reading and checking hand-coded gold files and the held-out sentences.
* ``evaluate``: the figures that ``corpus-lib evaluate`` prints (`evaluate`,
  `evaluate_unseen`, `EvaluationReport`); it re-exports the readers of ``gold``.
* ``rules``: how often each stance rule agrees with the hand codes (a development aid).
* ``validation``: the seed corpus against its hand codes, as ``05-validation`` shows it.
* ``articles``: whole articles coded sentence by sentence against sentence-level gold.

It may import ``corpus_lib.coding``, ``corpus_lib.pipeline`` and the foundation modules; it
never imports analysis, reports or scale.
"""
