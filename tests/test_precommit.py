"""The pre-commit hook: installed in a network's git repository, it blocks a broken commit."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import STANDARD_A1, STANDARD_A2, edited, network

MANIFEST = Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml"

needs_tools = pytest.mark.skipif(
    shutil.which("pre-commit") is None or shutil.which("git") is None,
    reason="pre-commit and git are needed to install the hook",
)


def _hook() -> dict[str, Any]:
    hooks = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["leercyclus-check"]
    hook: dict[str, Any] = hooks[0]
    return hook


def test_the_manifest_offers_a_check_of_the_whole_network_when_yaml_changes() -> None:
    hook = _hook()
    assert hook["entry"] == "leercyclus check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    assert hook["files"] == r"\.(yaml|yml)$"


def test_the_manifest_is_valid_for_pre_commit() -> None:
    clientlib = pytest.importorskip("pre_commit.clientlib")
    assert clientlib.load_manifest(str(MANIFEST))[0]["id"] == "leercyclus-check"


def _local_config() -> str:
    """Our hook as a `repo: local` hook run by this interpreter, so the test needs no network.

    With `repo: <leercyclus>` pre-commit would build a virtualenv and pip-install leercyclus and
    its dependencies from PyPI; everything else about the hook is taken from the manifest.
    """
    hook = _hook()
    program, *rest = shlex.split(hook["entry"])
    assert program == "leercyclus"
    entry = shlex.join([sys.executable, "-m", "leercyclus", *rest])
    local = {**hook, "language": "system", "entry": entry}
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local]}]}, sort_keys=False)


class Repo:
    """A git repository in a temporary folder, isolated from the user's git and pre-commit setup."""

    def __init__(self, root: Path, cache: Path) -> None:
        self.root = root
        self.env = {
            **os.environ,
            "PRE_COMMIT_HOME": str(cache),
            "PRE_COMMIT_COLOR": "never",
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "Test",
            "GIT_AUTHOR_EMAIL": "test@example.org",
            "GIT_COMMITTER_NAME": "Test",
            "GIT_COMMITTER_EMAIL": "test@example.org",
        }
        self.env.pop("LEERCYCLUS_DEBUG", None)

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            args, cwd=self.root, env=self.env, capture_output=True, text=True, check=False
        )

    def commit(self, message: str, *paths: str) -> subprocess.CompletedProcess[str]:
        assert self.run("git", "add", *paths).returncode == 0
        return self.run("git", "commit", "-m", message)

    def head(self) -> str:
        return self.run("git", "rev-parse", "HEAD").stdout.strip()

    def write(self, rel: str, text: str) -> None:
        (self.root / rel).write_text(text, encoding="utf-8")


@needs_tools
def test_the_installed_hook_blocks_a_commit_with_a_broken_file(tmp_path: Path) -> None:
    repo = Repo(network(tmp_path / "network"), tmp_path / "pre-commit-cache")
    repo.write(".pre-commit-config.yaml", _local_config())
    assert repo.run("git", "init", "--quiet").returncode == 0
    assert repo.commit("A network", ".").returncode == 0
    installed = repo.run("pre-commit", "install")
    assert installed.returncode == 0, installed.stderr

    repo.write(STANDARD_A2, edited(STANDARD_A2, "title: Eigen regie", "title: Regie"))
    good = repo.commit("A valid change", STANDARD_A2)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "leercyclus check" in good.stderr and "Passed" in good.stderr

    repo.write("README.md", "Het netwerk.\n")
    other = repo.commit("Not a YAML file", "README.md")
    assert other.returncode == 0
    assert "(no files to check)Skipped" in other.stderr

    before = repo.head()
    repo.write(STANDARD_A1, edited(STANDARD_A1, "title:", "titel:"))
    broken = repo.commit("A broken standard", STANDARD_A1)
    output = broken.stdout + broken.stderr
    assert broken.returncode == 1, output
    assert "leercyclus check" in output and "Failed" in output
    assert "cycles/2025/standards/A1.yaml" in output
    assert "onbekende sleutel 'titel': bedoelt u 'title'?" in output  # a Dutch network
    assert repo.head() == before
