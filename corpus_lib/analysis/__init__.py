"""Analysis: summaries of the coded tables, charts and their export.

It owns ``summaries`` (stance by period, document and holder, salience, keyness, quotes, the
timeline events), ``plots`` (matplotlib and plotly charts), ``export`` (every chart in every
format, byte-stable) and ``sections`` (a topic notebook's charts and tables in one call). The
summaries' names are re-exported here, so ``from corpus_lib import analysis`` then
``analysis.stance_by_period(...)`` works. It takes tidy frames and may import only the
foundation modules (``corpus_lib.vocab``, ``corpus_lib.errors``, ``corpus_lib.paths``) and
``corpus_lib.evaluation.metrics``; it never parses or codes text itself.
"""

from corpus_lib.analysis.summaries import *  # noqa: F403  (the summaries are this package's API)
from corpus_lib.analysis.summaries import __all__  # noqa: F401
