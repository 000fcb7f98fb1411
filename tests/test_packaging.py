"""The dependency bounds: constraints/lowest.txt pins exactly the lower bounds of pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent


def lower_bounds() -> dict[str, Version]:
    """Each runtime dependency's `>=` bound, by canonical name."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    bounds = {}
    for text in project["dependencies"]:
        requirement = Requirement(text)
        [bound] = [s for s in requirement.specifier if s.operator == ">="]
        bounds[canonicalize_name(requirement.name)] = Version(bound.version)
    return bounds


def pinned() -> dict[str, Version]:
    lines = (ROOT / "constraints" / "lowest.txt").read_text(encoding="utf-8").splitlines()
    pins = [re.split(r"==", line.strip()) for line in lines if line and not line.startswith("#")]
    return {canonicalize_name(name): Version(version) for name, version in pins}


def test_every_runtime_dependency_has_a_lower_bound_and_it_is_pinned_for_the_lowest_run() -> None:
    assert pinned() == lower_bounds()


def test_the_readme_tells_how_to_run_the_tests_on_the_lowest_versions() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python scripts/test_lowest.py" in readme
