"""`leercyclus indicators import` and `leercyclus indicators chart` on a copy of the example."""

from __future__ import annotations

from pathlib import Path

import pytest

from leercyclus.cli import run
from leercyclus.methods.improvement.importing import normal_period
from privacy_helpers import copy_example

SERIES = "indicators/data/naasten-intake.csv"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "herstelnetwerk")


def _import(repo: Path, name: str, text: str, indicator: str = "naasten-intake") -> int:
    export = repo.parent / name
    export.write_text(text, encoding="utf-8")
    return run(["indicators", "import", str(export), "--indicator", indicator, str(repo)])


def test_a_registry_export_is_appended_once(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (repo / SERIES).read_text(encoding="utf-8")
    export = (
        "Periode;Instelling;Teller;Noemer\n2026-11-01;Zorggroep De Linde;30;47\n"
        "11-2026;het-anker;20;40\n"
    )
    assert _import(repo, "perined.csv", export) == 0
    after = (repo / SERIES).read_text(encoding="utf-8")
    assert after == before + "2026-11,de-linde,30,47,\n2026-11,het-anker,20,40,\n"
    assert "2 row(s) added to indicators/data/naasten-intake.csv (periods: 2026-11)" in (
        capsys.readouterr().out
    )
    assert _import(repo, "perined.csv", export) == 0  # the same export again: nothing added
    assert (repo / SERIES).read_text(encoding="utf-8") == after
    assert "2 row(s) were there already" in capsys.readouterr().out
    assert run(["check", str(repo)]) == 0


def test_an_xlsx_export_with_dates_is_read(repo: Path) -> None:
    import datetime as dt

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["period", "institution", "numerator", "denominator"])
    sheet.append([dt.datetime(2026, 11, 1), "bosrand", 12, 40])
    book.save(repo.parent / "export.xlsx")
    args = ["indicators", "import", str(repo.parent / "export.xlsx"), "--indicator"]
    assert run([*args, "naasten-intake", str(repo)]) == 0
    assert (repo / SERIES).read_text(encoding="utf-8").endswith("2026-11,bosrand,12,40,\n")


def test_the_repository_may_be_named_with_repo_as_for_every_command(repo: Path) -> None:
    (repo.parent / "export.csv").write_text("period,institution,numerator,denominator\n"
                                            "2026-11,bosrand,12,40\n")  # fmt: skip
    args = ["indicators", "import", str(repo.parent / "export.csv"), "--indicator"]
    assert run([*args, "naasten-intake", "--repo", str(repo)]) == 0
    assert (repo / SERIES).read_text(encoding="utf-8").endswith("2026-11,bosrand,12,40,\n")
    chart = ["indicators", "chart", "naasten-intake", "--institution", "bosrand"]
    assert run([*chart, "--out", str(repo.parent / "out"), "--repo", str(repo)]) == 0


@pytest.mark.parametrize(
    ("export", "message"),
    [
        ("period,institution,numerator,denominator,BSN\n2026-11,de-linde,3,4,1\n",
         "perined.csv, line 1: column 'BSN' looks like personal data"),
        ("period,institution,numerator,denominator,kleur\n2026-11,de-linde,3,4,rood\n",
         "perined.csv, line 1: unknown column 'kleur'"),
        ("period,institution,numerator\n2026-11,de-linde,3\n",
         "perined.csv, line 1: no column for the denominator"),
        ("period,institution,numerator,denominator\n2026-11,de-linde,50,47\n2026-11,nergens,1,2\n",
         "perined.csv: line 2: numerator 50 is larger than denominator 47; line 3: institution"
         " 'nergens' is not in institutions.yaml"),
        ("period,institution,numerator,denominator\n2026-11,de-linde,3,4\n2026-11,de-linde,3,4\n",
         "line 3: de-linde 2026-11 appears twice (first on line 2)"),
        ("period,institution,numerator,denominator\n2026-Q4,de-linde,3,4\n",
         "line 2: period '2026-Q4' is not a month like 2025-03"),
        ("period,institution,numerator,denominator\n2026-10,de-linde,31,45\n",
         "perined.csv, line 2: de-linde 2026-10 is already in indicators/data/naasten-intake.csv"),
        ("period,institution,numerator,denominator\n", "perined.csv: no rows with figures"),
    ],
)  # fmt: skip
def test_a_wrong_export_is_refused_whole_with_its_line(
    repo: Path, capsys: pytest.CaptureFixture[str], export: str, message: str
) -> None:
    before = (repo / SERIES).read_text(encoding="utf-8")
    assert _import(repo, "perined.csv", export) == 1
    assert message in capsys.readouterr().err
    assert (repo / SERIES).read_text(encoding="utf-8") == before


def test_an_unknown_indicator_names_the_closest(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _import(repo, "x.csv", "period,institution,numerator\n", "naasten-intak") == 2
    assert "did you mean 'naasten-intake'?" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "every", "expected"),
    [("2025-3", "month", "2025-03"), ("03/2025", "month", "2025-03"),
     ("2025-03-15 00:00:00", "month", "2025-03"), ("Q2 2025", "quarter", "2025-Q2"),
     ("2025-04-01", "quarter", "2025-Q2"), ("2025-05-01", "quarter", "2025-05-01"),
     ("2025-01-01", "year", "2025"), ("maart", "month", "maart")],
)  # fmt: skip
def test_periods_are_written_as_the_series_writes_them(
    text: str, every: str, expected: str
) -> None:
    assert normal_period(text, every) == expected


def test_the_chart_lands_in_each_institutions_own_folder_with_its_signals(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = repo.parent / "out"
    args = ["indicators", "chart", "naasten-intake", str(repo), "--out", str(out)]
    assert run([*args, "--institution", "de-linde"]) == 0
    printed = capsys.readouterr().out
    assert "de-linde: Intakes waarbij een naaste aanwezig is - regelkaart (p-kaart" in printed
    assert "  signal: verbetering: buiten de regelgrenzen, 2026-02 – 2026-10 (5)" in printed
    assert [p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()] == [
        "indicators/de-linde/naasten-intake.svg"
    ]
    svg = (out / "indicators/de-linde/naasten-intake.svg").read_text(encoding="utf-8")
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and "PDSA 1" in svg
    assert run([*args, "--language", "en"]) == 0
    folders = sorted(p.name for p in (out / "indicators").iterdir())
    assert folders == ["bosrand", "de-horizon", "de-linde", "de-waterlelie", "het-anker",
                       "zeezicht"]  # fmt: skip
    assert "PDSA" not in (out / "indicators/het-anker/naasten-intake.svg").read_text("utf-8")
    printed = capsys.readouterr().out
    assert printed.count("written (confidential, for ") == 6
    assert "control chart (p chart; Making Data Count rules)" in printed


def test_the_chart_speaks_the_networks_language_without_language(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = repo / "leercyclus.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("language: nl", "language: en"), encoding="utf-8")
    args = ["indicators", "chart", "naasten-intake", str(repo), "--institution", "de-linde"]
    assert run([*args, "--out", str(repo.parent / "out")]) == 0
    assert "control chart (p chart; Making Data Count rules)" in capsys.readouterr().out


def test_the_chart_refuses_to_run_when_institutions_yaml_cannot_be_read(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without the register, a series' institution is not checked: one named `../../../x` would
    put its chart outside the output folder."""
    (repo / "institutions.yaml").write_text("institutions: [\n", encoding="utf-8")
    with (repo / SERIES).open("a", encoding="utf-8") as series:
        series.write("2026-10,../../../buiten,29,45,\n")
    out = repo.parent / "a" / "b" / "out"
    assert run(["indicators", "chart", "naasten-intake", str(repo), "--out", str(out)]) == 1
    assert "institutions.yaml cannot be read, so the chart cannot check the institutions" in (
        capsys.readouterr().err
    )
    assert not (repo.parent / "buiten").exists() and not out.exists()


def test_the_chart_refuses_an_institution_without_figures(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["indicators", "chart", "naasten-intake", str(repo), "--institution"]
    assert run([*args, "kempenhof"]) == 2
    assert "naasten-intake has no figures for kempenhof" in capsys.readouterr().err
    assert run([*args, "../de-linde"]) == 2
    assert "'../de-linde' is not in institutions.yaml" in capsys.readouterr().err


def test_rare_events_are_appended_once_each(repo: Path) -> None:
    series = "indicators/data/dagen-tussen-agressie-letsel.csv"
    before = (repo / series).read_text(encoding="utf-8")
    export = (
        "maand,instelling,teller\n2026-09,de-linde,61\n2026-10,de-linde,12\n2026-10,de-linde,7\n"
    )
    assert _import(repo, "incidenten.csv", export, "dagen-tussen-agressie-letsel") == 0
    added = "2026-09,de-linde,61,\n2026-10,de-linde,12,\n2026-10,de-linde,7,\n"
    assert (repo / series).read_text(encoding="utf-8") == before + added  # two in one month
    assert _import(repo, "incidenten.csv", export, "dagen-tussen-agressie-letsel") == 0
    assert (repo / series).read_text(encoding="utf-8") == before + added
    zero = "maand,instelling,teller\n2026-10,de-linde,0\n"
    assert _import(repo, "nul.csv", zero, "dagen-tussen-agressie-letsel") == 1
