"""Analysis: summaries of the coded tables, word statistics, charts and their export.

Modules, by the question they answer:

* ``summaries``: stance by period, document and holder, salience, tone beside stance,
  the statements behind a chart (``quotes``), the timeline events, the bootstrap.
* ``text``: tokens, keyness (G²), collocations, keyword in context.
* ``overview``: the corpus at a glance (documents in a date range, statements by holder,
  what cleaning removed).
* ``plots``: every chart, in one house style (``style``): bar charts and heatmaps here,
  the matplotlib timelines in ``timelines``, the plotly ones in ``plotly_charts``, and
  what they read from the tables in ``chart_data``. ``export``: every chart in every
  format, byte-stable.
* ``sections`` (a topic, the synthesis) and ``support_sections`` (the corpus overview, the
  validation's charts, the explorer's snapshot): a notebook's charts and tables in one
  call, each chart exported as it is drawn; ``display`` holds what a cell shows.
* ``breakdowns``: a holder's statements on a topic by speaker, by the country named, and
  before and after the topic's events (what each topic notebook asks besides the timeline).
* ``shifts``: change points in a holder's stance on a topic (Bayesian, documents as the
  independent unit): ``change_points`` and ``shift_evidence``.
* ``correction``: label shares and mean scores corrected for the coder's misclassification
  by a validation table of hand and machine codes (``corrected``).
* ``frames``: the input checks and output finishing the tables share.

The names of ``summaries`` and ``text`` are re-exported here, so ``from corpus_lib import
analysis`` then ``analysis.stance_by_period(...)`` works. Analysis takes tidy frames and
imports only the foundation modules (``corpus_lib.vocab``, ``corpus_lib.errors``,
``corpus_lib.paths``) and its own; it never parses or codes text, and it does not import
``corpus_lib.evaluation`` (the two packages sit side by side). Plotting libraries and NLTK
load inside the functions that use them, so importing this package loads neither.
"""

from corpus_lib.analysis import summaries, text
from corpus_lib.analysis.correction import corrected
from corpus_lib.analysis.shifts import change_points, shift_evidence
from corpus_lib.analysis.summaries import *  # noqa: F403  (the summaries are this package's API)
from corpus_lib.analysis.text import *  # noqa: F403  (and so are the word statistics)
from corpus_lib.vocab import HOLDERS, LABEL_SCORES, LABELS_BY_TOPIC, TOPICS

__all__ = ["HOLDERS", "LABEL_SCORES", "LABELS_BY_TOPIC", "TOPICS"]
__all__ += summaries.__all__
__all__ += text.__all__
__all__ += ["change_points", "shift_evidence"]
__all__ += ["corrected"]
