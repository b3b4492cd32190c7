"""Packaging: environment.yml and pyproject.toml list the same dependencies; the CI runs the README's test command."""

from __future__ import annotations

import re
import tomllib

from corpus_lib.paths import PROJECT_ROOT

# conda-forge names that differ from PyPI's
CONDA_TO_PYPI = {"python-kaleido": "kaleido"}


def _name_and_bound(spec: str) -> tuple[str, str]:
    match = re.match(r"^\s*([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*(.*)$", spec)
    name, bound = match.group(1).lower().replace("_", "-"), match.group(2).replace(" ", "")
    return CONDA_TO_PYPI.get(name, name), bound


def _pyproject() -> dict[str, str]:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    specs = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        specs += extra
    return dict(_name_and_bound(s) for s in specs)


def _environment() -> dict[str, str]:
    deps = {}
    in_pip = False
    text = (PROJECT_ROOT / "environment.yml").read_text()
    for line in text.split("\ndependencies:", 1)[1].splitlines():
        stripped = line.split("#", 1)[0].rstrip()
        if re.match(r"^\s+- pip:\s*$", stripped):
            in_pip = True
            continue
        match = re.match(r"^\s+- (\S.*)$", stripped)
        if not match:
            continue
        spec = match.group(1)
        if spec in ("-e .", "pip") or spec.startswith("python="):
            continue
        name, bound = _name_and_bound(spec)
        deps[name] = bound
    assert in_pip, "environment.yml should end in a pip section installing the package"
    return deps


def test_environment_and_pyproject_list_the_same_dependencies():
    assert _environment() == _pyproject()


def test_environment_installs_the_package_in_development_mode():
    text = (PROJECT_ROOT / "environment.yml").read_text()
    assert "conda-forge" in text
    assert text.rstrip().endswith("- -e .")


def test_ci_runs_the_readme_test_command():
    readme = (PROJECT_ROOT / "README.md").read_text()
    commands = re.findall(r"^\s{4}(\S.*?)\s*(?:#.*)?$", readme.split("\n## ", 1)[0], flags=re.M)
    assert len(commands) == 2, commands
    ci = (PROJECT_ROOT / ".ci" / "run").read_text()
    assert commands[1] in ci


def test_console_script_and_module_entry_point():
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    assert project["scripts"]["corpus-lib"] == "corpus_lib.cli:main"
    assert (PROJECT_ROOT / "corpus_lib" / "__main__.py").is_file()
