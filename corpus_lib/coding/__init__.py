"""The stance coder: statements in, one row per (statement, topic) with a stance label out.

It owns the rule files' loading and validation (``rules``), the words a rule can start
with (``words``), the matching of cues inside a sentence: scope, negation, polarity,
references (``matching``), the coder that applies the codebook (``coder.tag_stances``),
the shipped second-opinion model's prediction (``model``; training lives in ``tools/``,
outside the installed package) and the coder's use of it: stances and topics the rules
missed (``learned``). It may import ``corpus_lib.pipeline`` (for
the RE2 prefilter) and the foundation modules; it never imports evaluation, analysis,
reports or scale.
"""
