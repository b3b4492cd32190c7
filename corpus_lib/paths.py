"""Where things live: the project root, the seed corpus and the reports folder.

Defined once here; the CLI, the notebooks and the tests import them.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORTS_DIR = PROJECT_ROOT / "reports"
ANNOTATIONS_DIR = PROJECT_ROOT / "annotations"
OUTPUT_MARKER = ".corpus-lib-output"
"""The file that marks a folder the package wrote (an output may replace only such a folder)."""


def seeds_dir() -> Path:
    """The seed corpus: the repository's ``seeds/`` or, in an installed wheel, the packaged copy.

    Example:
        >>> (seeds_dir() / "manifest.csv").is_file()
        True
    """
    checkout = PROJECT_ROOT / "seeds"
    if (checkout / "manifest.csv").is_file():
        return checkout
    return Path(str(resources.files("corpus_lib") / "_seeds"))


SEEDS_DIR = seeds_dir()


def data_dictionary() -> Path:
    """``docs/data_dictionary.md``: the repository's or, in an installed wheel, the packaged copy."""
    checkout = PROJECT_ROOT / "docs" / "data_dictionary.md"
    if checkout.is_file():
        return checkout
    return Path(str(resources.files("corpus_lib") / "_docs" / "data_dictionary.md"))
