"""Agreement between automatic and hand codes: metrics, gold files, the evaluation report, and validation on a sample.

Modules, by the question they answer:

* ``metrics``: precision/recall/F1, macro-F1, Cohen's kappa, Krippendorff's alpha (any
  number of coders, missing values, four levels of measurement), bootstrap intervals
  (on label arrays; nothing about topics or stances).
* ``gold``: reading and checking hand-coded gold files and the held-out sentences.
* ``evaluate``: the figures that ``corpus-lib evaluate`` prints (`evaluate`,
  `evaluate_unseen`, `EvaluationReport`); it re-exports the readers of ``gold``.
* ``rules``: how often each stance rule agrees with the hand codes (a development aid).
* ``validation``: the seed corpus against its hand codes, as ``05-validation`` shows it.
* ``articles``: whole articles coded sentence by sentence against sentence-level gold.

Validating the coder on one's own corpus, as ``07-validate`` runs it:

* ``sampling``: a stratified random sample and its coding sheet (`sample_for_coding`).
* ``codes``: the coders' files beside a sheet, written atomically; a gold file standing
  in for a coder (`codes_from_gold`).
* ``coding_session``: `CodingSession`, the ipywidgets coding widget (the only module that
  imports ipywidgets, loaded when the name is asked for).
* ``agreement``: Krippendorff's alpha between coders per variable, with document-bootstrap
  intervals, and the disagreements (`coder_agreement`).
* ``adjudication``: disagreements settled into a gold table (`adjudicate`).
* ``weighted``: the machine against that gold, weighted by the sample design
  (`machine_vs_gold`), and the tidy hand-against-machine table (`validation_table`).

The names below are imported from their modules when first used, so ``import
corpus_lib.evaluation`` loads nothing. The package may import ``corpus_lib.corpus``,
``corpus_lib.coding``, ``corpus_lib.pipeline`` and the foundation modules; it never
imports analysis, reports or scale.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "sample_for_coding": "sampling",
    "CodingSample": "sampling",
    "read_sample": "sampling",
    "coding_folder": "sampling",
    "codes_from_gold": "codes",
    "read_all_codes": "codes",
    "CodingSession": "coding_session",
    "coder_agreement": "agreement",
    "Agreement": "agreement",
    "adjudicate": "adjudication",
    "Adjudication": "adjudication",
    "machine_vs_gold": "weighted",
    "MachineValidation": "weighted",
    "validation_table": "weighted",
    "validation_for": "weighted",
    "krippendorff_alpha": "metrics",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(__all__))
