"""The next national report comes back to the last national day: its ambitions and agreements."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from leercyclus.cli import run

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "herstelnetwerk"
DAY_2025 = """\
title: Landelijke dag 2025
date: 2026-02-05
place: Congrescentrum De Reehorst, Ede
programme:
  - start: "10:00"
    minutes: 60
    title: Ambities voor het komende jaar
    kind: ambitions
ambitions:
  - Elke instelling een familie-ervaringsdeskundige
  - Herstelverhalen van cliënten in elke teamscholing
agreements:
  - id: netwerk-familie
    what: Een werkgroep familie-ervaringsdeskundigheid starten
    owner: Johan Brinkhuis
    due: 2026-06-01
    status: done
  - id: netwerk-scholing
    what: Een scholing samen beslissen aanbieden voor alle teams
    owner: netwerkbureau
    due: 2026-09-01
    status: in_progress
"""


@pytest.fixture
def example(tmp_path: Path) -> Path:
    root = Path(shutil.copytree(EXAMPLE, tmp_path / "net"))
    (root / "cycles" / "2025" / "national-day.yaml").write_text(DAY_2025, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("language", "heading", "status"),
    [
        ("nl", "Terug naar de landelijke dag van 5 februari 2026", "loopt"),
        ("en", "Back to the national day of 5 February 2026", "in progress"),
    ],
)
def test_the_next_national_report_shows_the_days_ambitions_and_agreements(
    example: Path, language: str, heading: str, status: str
) -> None:
    out = example / "build"
    args = ["report", str(example), "--cycle", "2026", "--format", "md,html"]
    assert run([*args, "--language", language, "--institution", "de-linde", "--out", str(out)]) == 0
    md = (out / "2026" / "public" / "national-report.md").read_text(encoding="utf-8")
    assert f"# {heading}" in md
    assert "Elke instelling een familie-ervaringsdeskundige" in md
    assert "Een scholing samen beslissen aanbieden voor alle teams" in md and status in md
    assert "Brinkhuis" not in md  # an agreement's owner is not printed
    html = (out / "2026" / "public" / "national-report.html").read_text(encoding="utf-8")
    assert 'href="#last-day"' in html and "Herstelverhalen van cliënten" in html


def test_without_a_day_in_the_previous_cycle_there_is_no_such_section(tmp_path: Path) -> None:
    root = Path(shutil.copytree(EXAMPLE, tmp_path / "net"))
    out = root / "build"
    args = ["report", str(root), "--cycle", "2026", "--format", "md", "--institution", "de-linde"]
    assert run([*args, "--out", str(out)]) == 0
    md = (out / "2026" / "public" / "national-report.md").read_text(encoding="utf-8")
    assert "Terug naar de landelijke dag" not in md
