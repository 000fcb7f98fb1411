"""The example network's Markdown and HTML reports, compared with committed golden files.

Regenerate them only on purpose: LEERCYCLUS_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from leercyclus.cli import run

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "herstelnetwerk"
GOLDEN = Path(__file__).parent / "golden"
INSTITUTIONS = ("de-linde", "het-baken")
"""A long-standing participant (with a previous cycle) and a newcomer."""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example, copied outside git (so provenance does not follow this repo's commits)."""
    repo = tmp_path_factory.mktemp("golden") / "herstelnetwerk"
    shutil.copytree(EXAMPLE, repo, ignore=shutil.ignore_patterns("build", ".leercyclus"))
    out = repo / "out"
    args = ["report", str(repo), "--format", "md,html", "--out", str(out)]
    for inst in INSTITUTIONS:
        args += ["--institution", inst]
    assert run(args) == 0
    return out


def _outputs(out: Path) -> list[str]:
    return sorted(
        p.relative_to(out).as_posix()
        for p in out.rglob("*")
        if p.is_file() and p.suffix in (".md", ".html")
    )


def test_the_outputs_are_the_expected_files(built: Path) -> None:
    expected = [
        f"2026/confidential/{inst}/institution-report.{ext}"
        for inst in INSTITUTIONS
        for ext in ("html", "md")
    ] + ["2026/public/national-report.html", "2026/public/national-report.md"]
    expected += [  # the improvement method's overview, for the one with improvement data
        f"2026/confidential/de-linde/improvement-overview.{ext}" for ext in ("html", "md")
    ]
    expected += [  # the Samen-Audit of het-baken: two locations, and its overview
        f"2026/confidential/het-baken/samen-audit{name}.{ext}"
        for name in ("", "-de-esch", "-hooghuis")
        for ext in ("html", "md")
    ]
    expected += [  # the dialogue guide of each institution (reflection and the national day)
        f"2026/confidential/{inst}/gespreksleidraad.{ext}"
        for inst in INSTITUTIONS
        for ext in ("html", "md")
    ]
    assert _outputs(built) == sorted(expected)


@pytest.mark.parametrize(
    "rel",
    [
        *(
            f"2026/confidential/{i}/institution-report.{e}"
            for i in INSTITUTIONS
            for e in ("md", "html")
        ),
        "2026/public/national-report.md",
        "2026/public/national-report.html",
        "2026/confidential/het-baken/samen-audit-de-esch.md",
        "2026/confidential/het-baken/samen-audit.md",
    ],
)
def test_report_matches_its_golden_file(built: Path, rel: str) -> None:
    produced = (built / rel).read_text(encoding="utf-8")
    golden = GOLDEN / rel
    if os.environ.get("LEERCYCLUS_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(produced, encoding="utf-8", newline="\n")
    assert golden.is_file(), f"no golden file {rel}: run with LEERCYCLUS_UPDATE_GOLDEN=1"
    assert produced == golden.read_text(encoding="utf-8"), (
        f"{rel} differs from tests/golden/{rel}; if the change is intended, regenerate with "
        "LEERCYCLUS_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py and review the diff"
    )


def test_a_second_build_is_byte_identical(built: Path, tmp_path: Path) -> None:
    repo = built.parent
    out = tmp_path / "again"
    args = ["report", str(repo), "--format", "md,html", "--out", str(out), "--force"]
    for inst in INSTITUTIONS:
        args += ["--institution", inst]
    assert run(args) == 0
    for rel in _outputs(built):
        assert (out / rel).read_bytes() == (built / rel).read_bytes(), rel
