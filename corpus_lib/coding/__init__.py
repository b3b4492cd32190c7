"""The stance coder: statements in, one row per (statement, topic) with a stance label out.

It owns the rule files' loading and validation, the matching of cues inside a sentence
(scope, negation, polarity), the coder that applies the codebook, and the shipped second-opinion
model's prediction (training lives in ``tools/``, outside the installed package). It may import
``corpus_lib.pipeline`` (for the statement schema and the RE2 prefilter) and the foundation
modules; it never imports evaluation, analysis, reports or scale.
"""
