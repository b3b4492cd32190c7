"""The report: every notebook run headless, every chart exported, all written atomically.

It owns ``runner`` (``corpus-lib report``: the tables built once, the notebooks executed with
papermill, the plotly static images, the timing summary) and ``explorer`` (the interactive
stance timeline of ``06-explorer``). It may import every layer below it (``corpus_lib.corpus``,
``analysis``, ``evaluation``, ``coding``, ``pipeline``); only the CLI imports it.
"""

from corpus_lib.report.explorer import StanceExplorer, stance_explorer
from corpus_lib.report.runner import NotebookFailed, ReportResult, describe, notebooks, report_files, run_report

__all__ = [
    "NotebookFailed", "ReportResult", "StanceExplorer", "describe", "notebooks", "report_files", "run_report",
    "stance_explorer",
]
