"""A network's own templates/ overrides the packaged templates file by file, block by block."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from leercyclus.cli import run

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "herstelnetwerk"
HTML = "2026/confidential/de-linde/institution-report.html"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "net"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("build", ".leercyclus"))
    (root / "templates").mkdir()
    return root


def _build(repo: Path, *extra: str) -> int:
    args = ["report", str(repo), "--format", "html", "--no-national", "--institution", "de-linde"]
    return run([*args, *extra])


def _template(repo: Path, name: str, text: str) -> None:
    (repo / "templates" / name).write_text(text, encoding="utf-8")


def test_a_block_is_overridden_and_the_rest_stays(repo: Path) -> None:
    _template(
        repo,
        "institution-report.html.j2",
        '{% extends "leercyclus/institution-report.html.j2" %}\n'
        "{% block actions %}{{ super() }}<p>Vragen? Mail bureau@example.org.</p>{% endblock %}\n",
    )
    assert _build(repo) == 0
    html = (repo / "build" / HTML).read_text(encoding="utf-8")
    assert "<p>Vragen? Mail bureau@example.org.</p>" in html
    assert "Het actieplan van de vorige cyclus" in html  # super() kept the packaged block
    assert "Instellingsrapport Zorggroep De Linde" in html


def test_the_base_page_can_be_replaced_for_both_reports(repo: Path) -> None:
    base = (EXAMPLE.parents[1] / "templates" / "base.html.j2").read_text(encoding="utf-8")
    ours = base.replace("</head>", "<style>:root { --accent: #7a1f5c; }</style>\n</head>")
    assert ours != base
    _template(repo, "base.html.j2", ours)
    assert _build(repo) == 0
    assert "--accent: #7a1f5c" in (repo / "build" / HTML).read_text(encoding="utf-8")


def test_the_house_style_can_be_replaced(repo: Path) -> None:
    style = (EXAMPLE.parents[1] / "templates" / "house-style.css").read_text(encoding="utf-8")
    assert "--accent: #1f4e79" in style
    _template(repo, "house-style.css", style.replace("--accent: #1f4e79", "--accent: #7a1f5c"))
    assert _build(repo) == 0
    html = (repo / "build" / HTML).read_text(encoding="utf-8")
    assert "--accent: #7a1f5c" in html and "--accent: #1f4e79" not in html


def test_a_syntax_error_names_the_template_and_line_and_writes_nothing(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _template(repo, "institution-report.html.j2", "<h1>\n{% if %}\n")
    assert _build(repo) == 1
    err = " ".join(capsys.readouterr().err.split())
    assert "institution-report.html.j2, line 2: template error:" in err
    assert not list((repo / "build").rglob("*.html"))


def test_an_unknown_name_is_an_error_with_its_line(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _template(
        repo,
        "institution-report.html.j2",
        '{% extends "leercyclus/institution-report.html.j2" %}\n'
        "{% block actions %}\n{{ r.no_such_field }}\n{% endblock %}\n",
    )
    assert _build(repo) == 1
    err = " ".join(capsys.readouterr().err.split())
    assert "institution-report.html.j2, line 3:" in err
    assert "has no attribute 'no_such_field'" in err
    assert "docs/templates.md" in err
    assert not list((repo / "build").rglob("*.html"))
