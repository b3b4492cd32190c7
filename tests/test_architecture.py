"""The package's shape, as docs/architecture.md states it: layers, module sizes, guarded private names."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corpus_lib.paths import PACKAGE_DIR, PROJECT_ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
MAX_MODULE_LINES = 800
MAX_FUNCTION_LINES = 120
MODULES = sorted(PACKAGE_DIR.rglob("*.py"))


def _lint(root: Path) -> subprocess.CompletedProcess:
    """Run import-linter with the contracts of pyproject.toml on the package found under ``root``."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", str(PROJECT_ROOT / "pyproject.toml")],
        cwd=root, capture_output=True, text=True, env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
    )


@pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter is a dev dependency (make setup installs it)")
def test_import_contracts_hold():
    result = _lint(PROJECT_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.lower().split("contracts:")[-1].replace("0 broken", "")


@pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter is a dev dependency (make setup installs it)")
def test_a_forbidden_import_breaks_a_contract(tmp_path):
    copy = tmp_path / "corpus_lib"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__", "data"))
    load = copy / "pipeline" / "load.py"
    load.write_text(load.read_text(encoding="utf-8") + "\nfrom corpus_lib.report import runner  # noqa\n", encoding="utf-8")
    result = _lint(tmp_path)
    assert result.returncode != 0
    assert "corpus_lib.pipeline.load -> corpus_lib.report.runner" in " ".join(result.stdout.split())


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE_DIR)))
def test_modules_and_functions_stay_small(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) < MAX_MODULE_LINES
    long = [
        f"{node.name}: {node.end_lineno - node.lineno + 1} lines"
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long


def _private_imports_at_import_time(tree: ast.Module) -> list[str]:
    """Imports of another package's private names in module-level code (not inside a function)."""
    found = []
    for node in tree.body:
        for sub in ast.walk(node) if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) else ():
            if isinstance(sub, ast.ImportFrom) and sub.module and not sub.module.startswith("corpus_lib"):
                parts = sub.module.split(".") + [alias.name for alias in sub.names]
                found += [f"{sub.module}: {p}" for p in parts if p.startswith("_") and not p.startswith("__")]
            elif isinstance(sub, ast.Import):
                found += [a.name for a in sub.names if any(p.startswith("_") for p in a.name.split("."))]
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE_DIR)))
def test_no_private_name_of_another_package_at_import_time(path):
    assert not _private_imports_at_import_time(ast.parse(path.read_text(encoding="utf-8")))


def test_the_private_import_check_finds_one():
    tree = ast.parse("import re\nfrom re import _parser\ntry:\n    from nltk import _x\nexcept ImportError:\n    pass\n")
    assert _private_imports_at_import_time(tree) == ["re: _parser", "nltk: _x"]
