"""Builds in git: reproducible to the byte, and incremental (only changed outputs are rebuilt)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import committed, git
from leercyclus.cli import run
from leercyclus.publishing.provenance import readable_id

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "herstelnetwerk"
REVIEW = "cycles/2026/self-reviews/het-anker.yaml"
INSTITUTIONS = ("de-linde", "het-anker", "zeezicht")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "net"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("build", ".leercyclus"))
    (root / ".gitignore").write_text("build/\n.leercyclus/\n", encoding="utf-8")
    return committed(root)


def _build(repo: Path, *extra: str) -> None:
    args = ["report", str(repo), "--format", "md,html"]
    for inst in INSTITUTIONS:
        args += ["--institution", inst]
    assert run([*args, *extra]) == 0


def _snapshot(out: Path) -> dict[str, tuple[int, bytes]]:
    """Every output: its modification time (ns) and bytes."""
    return {
        p.relative_to(out).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.suffix in (".md", ".html")
    }


def test_the_reports_name_the_commit_and_its_date(repo: Path) -> None:
    _build(repo)
    commit = readable_id(*git(repo, "log", "-1", "--format=%h %H").split())
    md = (repo / "build/2026/confidential/de-linde/institution-report.md").read_text("utf-8")
    assert f"gegevensversie {commit} van " in md


def test_two_builds_of_one_commit_are_byte_identical(repo: Path) -> None:
    _build(repo)
    first = _snapshot(repo / "build")
    shutil.rmtree(repo / "build")
    _build(repo)
    second = _snapshot(repo / "build")
    assert {k: v[1] for k, v in first.items()} == {k: v[1] for k, v in second.items()}
    _build(repo, "--force")
    assert {k: v[1] for k, v in _snapshot(repo / "build").items()} == {
        k: v[1] for k, v in first.items()
    }


def test_an_unchanged_repository_rebuilds_nothing(repo: Path) -> None:
    _build(repo)
    before = _snapshot(repo / "build")
    _build(repo)
    assert _snapshot(repo / "build") == before  # not even rewritten: same mtimes


def test_one_changed_self_review_rebuilds_its_report_and_the_national_report(repo: Path) -> None:
    _build(repo)
    before = _snapshot(repo / "build")
    path = repo / REVIEW
    text = path.read_text(encoding="utf-8")
    # The reflection appears in its own report, the quote (scrubbed) in the national report.
    for marker in ("theme: >-\n  ", "theme_quote: >-\n  "):
        assert marker in text
        text = text.replace(marker, marker + "Nieuw inzicht na de reviewdag. ", 1)
    path.write_text(text, "utf-8")
    git(repo, "commit", "-qam", "het-anker: theme reflection and quote")
    _build(repo)
    after = _snapshot(repo / "build")
    rebuilt = sorted(k for k in after if after[k] != before.get(k))
    assert rebuilt == [
        "2026/confidential/het-anker/institution-report.html",
        "2026/confidential/het-anker/institution-report.md",
        "2026/public/national-report.html",
        "2026/public/national-report.md",
    ]


def test_an_output_folder_inside_the_repository_is_no_change_of_the_data(repo: Path) -> None:
    """Reports written to an untracked folder of the repository do not make the data 'dirty'."""
    args = ["report", str(repo), "--format", "md", "--no-national", "--institution", "de-linde"]
    assert run([*args, "--out", str(repo / "rapporten")]) == 0
    assert run([*args, "--out", str(repo / "rapporten"), "--force"]) == 0
    commit = readable_id(*git(repo, "log", "-1", "--format=%h %H").split())
    md = (repo / "rapporten/2026/confidential/de-linde/institution-report.md").read_text("utf-8")
    assert f"gegevensversie {commit} van " in md


def test_a_commit_id_of_digits_only_is_printed_longer() -> None:
    full = "7245878" + "a" * 33
    assert readable_id("7245878", full) == "7245878a"
    assert readable_id("72458c8", "72458c8" + "0" * 33) == "72458c8"
    assert readable_id("1234567", "1234567890" + "b" * 30) == "1234567890b"


def test_an_all_digit_commit_does_not_stop_the_national_report(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """About one commit in thirty has a short id of digits only; the guard reads such a run of
    digits as a phone or client number, so the report prints a longer id with a letter in it."""
    from leercyclus.publishing import provenance

    def fake_git(_root: Path, *args: str, **_kw: object) -> str:
        if args[:2] == ("log", "-1"):
            return "7245878 7245878a" + "0" * 32 + " 2026-12-01\n"
        return ""  # status: nothing changed

    monkeypatch.setattr(provenance, "git", fake_git)
    out = minimal / "build"
    assert run(["report", str(minimal), "--format", "md", "--out", str(out)]) == 0
    national = next((out / "2025" / "public").glob("*.md")).read_text(encoding="utf-8")
    assert "7245878a" in national
