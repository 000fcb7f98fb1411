"""The review flag: answers given to an older text of a standard, found in git history."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import STANDARD_A1, committed, git, network
from leercyclus.commands.pipeline import check

REVIEW = "cycles/2025/self-reviews/de-linde.yaml"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = network(tmp_path / "net")
    return committed(root)


def _codes(root: Path) -> list[tuple[str, str, int]]:
    return [(f.code, f.file, f.line) for f in check(root).findings if f.code == "LC217"]


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_no_flag_when_nothing_changed(repo: Path) -> None:
    assert _codes(repo) == []


def test_a_changed_text_flags_the_answers_given_to_the_old_one(repo: Path) -> None:
    text = (repo / STANDARD_A1).read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("text:"))
    _edit(repo, STANDARD_A1, old, "text: Een nieuwe, scherpere tekst.")
    flagged = _codes(repo)  # uncommitted change: flagged already
    assert [(code, file) for code, file, _ in flagged] == [("LC217", REVIEW)]
    git(repo, "commit", "-qam", "sharper A1")
    assert [(code, file) for code, file, _ in _codes(repo)] == [("LC217", REVIEW)]
    message = next(f.message for f in check(repo).findings if f.code == "LC217")
    assert message.startswith("the text of standard A1 changed after this answer was written")


def test_answering_again_clears_the_flag(repo: Path) -> None:
    text = (repo / STANDARD_A1).read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("text:"))
    _edit(repo, STANDARD_A1, old, "text: Een nieuwe, scherpere tekst.")
    git(repo, "commit", "-qam", "sharper A1")
    with (repo / REVIEW).open("a", encoding="utf-8") as handle:
        handle.write("# A1 herlezen na de nieuwe tekst\n")
    git(repo, "commit", "-qam", "self-review reviewed")
    assert _codes(repo) == []


def test_a_changed_title_is_no_reason_to_flag(repo: Path) -> None:
    text = (repo / STANDARD_A1).read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("title:"))
    _edit(repo, STANDARD_A1, old, "title: Een andere titel")
    git(repo, "commit", "-qam", "retitle A1")
    assert _codes(repo) == []


def test_outside_git_there_is_no_flag(tmp_path: Path) -> None:
    assert _codes(network(tmp_path / "plain")) == []
