"""The import contracts in pyproject.toml hold, and they do fail on an upward import or a circle."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))


def lint(tree: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(tree / "src")}
    return subprocess.run(
        [LINT, "--config", str(tree / "pyproject.toml"), "--no-cache"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def plant(tree: Path, module: str, line: str) -> None:
    path = tree / "src" / (module.replace(".", "/") + ".py")
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def test_the_contracts_hold(tree: Path) -> None:
    done = lint(tree)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "3 kept, 0 broken" in done.stdout


def test_an_upward_import_breaks_the_layers(tree: Path) -> None:
    plant(tree, "leercyclus.repository.findings", "from leercyclus.cli import console  # noqa")
    done = lint(tree)
    assert done.returncode == 1
    assert "leercyclus.repository is not allowed to import leercyclus.cli" in done.stdout


def test_one_method_importing_another_breaks_their_independence(tree: Path) -> None:
    (tree / "src/leercyclus/methods/other").mkdir()
    (tree / "src/leercyclus/methods/other/__init__.py").write_text(
        "from leercyclus.methods.peerreview import aggregate  # noqa\n", encoding="utf-8"
    )
    done = lint(tree)
    assert done.returncode == 1
    assert "leercyclus.methods.other is not allowed to import leercyclus.methods.peerreview" in (
        done.stdout
    )


def test_an_import_circle_breaks_the_acyclic_contract(tree: Path) -> None:
    plant(tree, "leercyclus.repository.cache", "from leercyclus.repository import parse  # noqa")
    done = lint(tree)
    assert done.returncode == 1
    assert "No import circles among the modules of any package BROKEN" in done.stdout
