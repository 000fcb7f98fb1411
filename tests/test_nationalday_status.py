"""Preparing the national day and following it up: `leercyclus status` (before the day what the
network office still has to arrange, after it what the day left to follow up, an action that
takes up one of the day's ambitions with `source: ambition:<cycle>/<slug>`), the next
programme looking back, and the seating (`leercyclus day assign`)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from leercyclus.cli import run
from leercyclus.commands.pipeline import check
from leercyclus.loading.network import load_network
from leercyclus.methods.nationalday.day import assign
from leercyclus.methods.nationalday.status import day_rows
from leercyclus.models.nationalday import Participant, Table
from privacy_helpers import copy_example

DAY = Path("cycles/2026/national-day.yaml")
PLAN = Path("cycles/2026/actions/de-linde.yaml")
AFTER = """
ambitions:
  - Elke instelling een familie-ervaringsdeskundige
  - Samen beslissen over medicatie in elk behandelplan
agreements:
  - id: netwerk-familie
    what: Een werkgroep familie-ervaringsdeskundigheid starten
    owner: netwerkbureau
    due: 2027-03-01
    status: open
  - id: netwerk-scholing
    what: Scholing samen beslissen aanbieden
    owner: netwerkbureau
    due: 2027-09-01
    status: in_progress
  - id: netwerk-verslag
    what: Verslag van de dag rondsturen
    owner: netwerkbureau
    due: 2027-02-15
    status: done
"""
TAKEN_UP = """
  - id: familie-ervaringsdeskundige
    what: Een familie-ervaringsdeskundige aannemen
    owner: directeur zorg
    due: 2027-12-31
    status: open
    source: ambition:2026/elke-instelling-een-familie-ervaringsdeskundige
"""


def _edit(repo: Path, rel: Path, old: str, new: str) -> None:
    path = repo / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _status(repo: Path, today: str, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    capsys.readouterr()
    assert run(["status", str(repo), "--today", today, "--format", "json"]) == 0
    rows: list[dict[str, Any]] = json.loads(capsys.readouterr().out).get("national_day", [])
    return rows


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "herstelnetwerk")


def test_before_the_day_what_the_office_still_arranges(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(repo, DAY, "    facilitator: Henk Zijlstra\n", "")
    visit = Path("cycles/2026/visits/de-waterlelie.yaml")
    text = (repo / visit).read_text(encoding="utf-8")
    start = text.index("- title: Afbouwpoli met ervaringsdeskundige")
    share = text.index("share: true", start)
    (repo / visit).write_text(text[:share] + "share: false" + text[share + 11 :], "utf-8")
    rows = _status(repo, "2026-12-02", capsys)
    assert [(r["what"], r["subject"]) for r in rows] == [
        ("parel without consent", "parel:2026/de-waterlelie/afbouwpoli-met-ervaringsdeskundige"),
        ("table without facilitator", "naasten"),
        ("table without facilitator", "zelfmanagement"),
    ]
    assert {r["cycle"] for r in rows} == {"2026"}
    capsys.readouterr()
    assert run(["status", str(repo), "--today", "2026-12-02"]) == 0
    out = capsys.readouterr().out
    assert "Landelijke dag" in out and "tafel zonder gespreksleider: naasten" in out


def test_the_example_lacks_one_facilitator(capsys: pytest.CaptureFixture[str]) -> None:
    example = Path(__file__).resolve().parents[1] / "examples" / "herstelnetwerk"
    rows = _status(example, "2026-12-02", capsys)
    assert [(r["what"], r["subject"]) for r in rows] == [
        ("table without facilitator", "zelfmanagement")
    ]


def test_after_the_day_ambitions_without_an_action_and_open_agreements(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / DAY).write_text((repo / DAY).read_text(encoding="utf-8") + AFTER, "utf-8")
    _edit(repo, PLAN, "actions:\n", "actions:" + TAKEN_UP)
    assert check(repo).ok
    rows = _status(repo, "2027-03-10", capsys)
    assert [(r["what"], r["subject"]) for r in rows] == [
        ("ambition not in an action plan", "Samen beslissen over medicatie in elk behandelplan"),
        ("agreement overdue", "netwerk-familie"),
        ("agreement open", "netwerk-scholing"),
    ]
    assert rows[0]["detail"] == "ambition:2026/samen-beslissen-over-medicatie-in-elk-behandelplan"
    # Before the day has passed, nothing of its aftermath is asked (and the day is ready).
    before = _status(repo, "2026-12-02", capsys)
    assert all(r["what"] == "table without facilitator" for r in before)


def test_an_ambition_reference_that_names_nothing_is_reported(repo: Path) -> None:
    (repo / DAY).write_text((repo / DAY).read_text(encoding="utf-8") + AFTER, "utf-8")
    wrong = TAKEN_UP.replace("familie-ervaringsdeskundige\n", "familie-ervaringsdeskundig\n")
    _edit(repo, PLAN, "actions:\n", "actions:" + wrong)
    found = [f for f in check(repo).findings if f.code == "LC030"]
    assert len(found) == 1 and found[0].file == PLAN.as_posix()
    assert "ambition:2026/elke-instelling-een-familie-ervaringsdeskundige" in found[0].message


PREVIOUS_DAY = """title: Landelijke dag 2025
date: 2026-02-05
place: Ede
programme:
  - {start: "10:00", minutes: 60, title: Opening}
ambitions:
  - Elke instelling een familie-ervaringsdeskundige
agreements:
  - id: netwerk-familie
    what: Een werkgroep familie-ervaringsdeskundigheid starten
    owner: netwerkbureau
    due: 2026-06-01
    status: in_progress
"""


def test_the_last_days_ambitions_and_agreements_return_on_the_next_programme(
    repo: Path, tmp_path: Path
) -> None:
    (repo / "cycles" / "2025" / "national-day.yaml").write_text(PREVIOUS_DAY, "utf-8")
    out = repo.parent / "out"
    assert run(["report", str(repo), "--format", "md", "--no-national", "--out", str(out)]) == 0
    programme = (out / "2026" / "network" / "landelijke-dag-programma.md").read_text("utf-8")
    back = programme[programme.index("Terug naar de vorige landelijke dag: Landelijke dag 2025") :]
    assert "Elke instelling een familie-ervaringsdeskundige" in back
    assert "Een werkgroep familie-ervaringsdeskundigheid starten | netwerkbureau" in back
    assert "| loopt |" in back
    table = (out / "2026" / "network" / "landelijke-dag-tafel-samen-beslissen.md").read_text(
        "utf-8"
    )
    assert "Gespreksleider: Esther Mulder" in table
    # In HTML the section stands once, in the page: the page's <title> is the day and the word.
    html_out = tmp_path / "html"
    assert (
        run(["report", str(repo), "--format", "html", "--no-national", "--out", str(html_out)]) == 0
    )
    page = (html_out / "2026/network/landelijke-dag-programma.html").read_text("utf-8")
    assert "<title>Landelijke dag 2026 · Programma</title>" in page
    assert page.count("Terug naar de vorige landelijke dag: Landelijke dag 2025") == 1
    assert page.index("</head>") < page.index("Terug naar de vorige landelijke dag")
    # The status of 2026 (before its own day) follows the 2025 day up.
    rows = [r for r in _rows(repo, "2026-12-02") if r["cycle"] == "2025"]
    assert [(r["what"], r["subject"]) for r in rows] == [
        ("ambition not in an action plan", "Elke instelling een familie-ervaringsdeskundige"),
        ("agreement overdue", "netwerk-familie"),
    ]


def _rows(repo: Path, today: str) -> list[dict[str, Any]]:
    net = load_network(repo, use_cache=False)
    return [r.as_json() for r in day_rows(net, "2026", dt.date.fromisoformat(today), [])]


# The seating: `leercyclus day assign` -----------------------------------------------------------


def test_a_facilitator_sits_at_their_own_table() -> None:
    tables = [
        Table(id="a", standard="standard:2026/B2", seats=2),
        Table(id="b", standard="standard:2026/C3", seats=2, facilitator="Kim Lead"),
    ]
    people = [
        Participant(name="Ann", institution="x", discipline="naaste"),
        Participant(name="Bob", institution="y", discipline="naaste"),
        Participant(name="Kim Lead", institution="x", discipline="naaste"),
        Participant(name="Dee", institution="z", discipline="psychiater"),
    ]
    seats = assign(people, tables)
    assert seats[2] == 1  # Kim Lead leads table b
    assert sorted(s for s in seats if s is not None) == [0, 0, 1, 1]
    assert seats[0] == 0  # Ann (x) not beside Kim Lead (x)


def test_day_assign_names_everyone_at_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    example = Path(__file__).resolve().parents[1] / "examples" / "herstelnetwerk"
    capsys.readouterr()
    assert run(["day", "assign", str(example), "--format", "json"]) == 0
    seating = json.loads(capsys.readouterr().out)
    assert [t["id"] for t in seating["tables"]] == ["samen-beslissen", "naasten", "zelfmanagement"]
    people = [p["name"] for t in seating["tables"] for p in t["people"]]
    net = load_network(example, use_cache=False)
    day = net.cycles["2026"].files["national-day"][""].model
    assert sorted(people) == sorted(p.name for p in day.participants)
    naasten = seating["tables"][1]
    assert naasten["facilitator"] == "Henk Zijlstra"
    assert "Henk Zijlstra" in [p["name"] for p in naasten["people"]]
    assert run(["day", "assign", str(example)]) == 0
    text = capsys.readouterr().out
    assert "Ondersteuning van naasten [naasten] (Zaal 2, facilitator Henk Zijlstra)" in text


def test_day_assign_without_a_day_says_what_to_do(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["day", "assign", str(repo), "--cycle", "2025"]) == 2
    err = capsys.readouterr().err
    assert "cycle 2025 has no valid national-day.yaml" in err


def test_unseated_participants_are_counted_not_named(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """status may end up in a shared log: who has no seat is `day assign`'s to say."""
    text = (repo / DAY).read_text(encoding="utf-8")
    (repo / DAY).write_text(text.replace("seats: 6", "seats: 2"), encoding="utf-8")
    rows = _status(repo, "2026-12-02", capsys)
    unseated = [r for r in rows if r["what"] == "participants without seat"]
    assert len(unseated) == 1 and int(unseated[0]["subject"]) > 0
    assert run(["status", str(repo), "--today", "2026-12-02"]) == 0
    out = capsys.readouterr().out
    assert "deelnemers zonder plaats" in out and "day assign" in out
    from leercyclus.loading.network import load_network
    from leercyclus.methods.nationalday.day import day_of

    day = day_of(load_network(repo, use_cache=False), "2026")
    assert day is not None
    assert not [p.name for p in day.model.participants if p.name in out]
