"""`leercyclus status`: per participant what is done, and the milestones; text and JSON."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from helpers import ACTIONS, CYCLE_FILE, SCENARIOS, SELF_REVIEW, VISIT, edited, found
from leercyclus.cli import run
from leercyclus.repository.yamlread import load_text

MakeNetwork = Callable[[Mapping[str, str | bytes | None]], Path]
Capsys = pytest.CaptureFixture[str]

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "herstelnetwerk"
MINIMAL_TEXT = """\
Cyclus 2025: Cyclus 2025
deelnemer ┃ zelfreview ┃ zonder toel. ┃ afgerond   ┃ reviewdag  ┃ team     ┃ rapporten ┃ acties open ┃ te laat
━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━
de-linde  │ 3/3        │            0 │ 2025-02-20 │ 2025-04-14 │ compleet │ —         │           1 │       0
het-anker │ ontbreekt  │              │            │ ontbreekt  │          │ —         │   ontbreekt │
de-brug   │ ontbreekt  │              │            │ ontbreekt  │          │ —         │   ontbreekt │

Mijlpalen (stand 2026-01-01)
  ✓ 1 standaarden          3 standaarden
  · 2 zelfreviews          1/3
  · 3 reviewdagen          1/3
  · 4 instellingsrapporten 0/3
  · 5 landelijk rapport    nog niet
  · 6 actieplannen         1/3
  ✓ 7 evaluatie            klaar
"""  # noqa: E501


def status(root: Path, capsys: Capsys, *extra: str) -> str:
    """The output of `status` on the tests' fixed day; it must exit 0."""
    capsys.readouterr()
    assert run(["status", str(root), "--today", "2026-01-01", *extra]) == 0
    return "\n".join(line.rstrip() for line in capsys.readouterr().out.split("\n"))


def as_json(root: Path, capsys: Capsys, *extra: str) -> dict[str, object]:
    loaded = json.loads(status(root, capsys, "--format", "json", *extra))
    assert isinstance(loaded, dict)
    return loaded


def row(report: dict[str, object], institution: str) -> dict[str, object]:
    participants = report["participants"]
    assert isinstance(participants, list)
    return next(p for p in participants if p["institution"] == institution)


def test_text_on_the_minimal_network(minimal: Path, capsys: Capsys) -> None:
    assert status(minimal, capsys) == MINIMAL_TEXT


def test_json_on_the_minimal_network(minimal: Path, capsys: Capsys) -> None:
    report = as_json(minimal, capsys)
    assert list(report) == [
        "cycle", "title", "today", "errors", "warnings", "participants", "milestones",
        "improvement",
    ]  # fmt: skip
    assert row(report, "de-linde") == {
        "institution": "de-linde",
        "name": "Zorggroep De Linde",
        "self_review": {
            "state": "completed",
            "answered": 3,
            "standards": 3,
            "explanations_missing": 0,
            "completed": "2025-02-20",
        },
        "visit": {"state": "held", "date": "2025-04-14", "team_complete": True, "team_lacks": []},
        "reports": [],
        "actions": {"state": "present", "actions": 2, "open": 1, "overdue": 0},
    }
    assert row(report, "het-anker")["visit"] == {
        "state": "missing",
        "date": None,
        "team_complete": False,
        "team_lacks": [],
    }
    milestones = report["milestones"]
    assert isinstance(milestones, list)
    assert [(m["step"], m["name"], m["done"], m["of"]) for m in milestones] == [
        (1, "standards", 3, 3),
        (2, "self-reviews", 1, 3),
        (3, "review days", 1, 3),
        (4, "institution reports", 0, 3),
        (5, "national report", 0, 1),
        (6, "action plans", 1, 3),
        (7, "evaluation", 1, 1),
    ]


def test_built_reports_are_found_in_build(minimal: Path, capsys: Capsys) -> None:
    for rel in (
        "build/2025/confidential/de-linde/institution-report.html",
        "build/2025/confidential/de-linde/institution-report.docx",
        "build/2025/confidential/het-anker/notes.txt",
        "build/2025/public/national-report.pdf",
    ):
        (minimal / rel).parent.mkdir(parents=True, exist_ok=True)
        (minimal / rel).write_text("x", encoding="utf-8")
    report = as_json(minimal, capsys)
    assert row(report, "de-linde")["reports"] == ["docx", "html"]
    assert row(report, "het-anker")["reports"] == []
    milestones = report["milestones"]
    assert isinstance(milestones, list)
    assert [(m["done"], m["of"]) for m in milestones[3:5]] == [(1, 3), (1, 1)]


def test_work_in_progress_planned_days_and_incomplete_teams(
    make_network: MakeNetwork, capsys: Capsys
) -> None:
    no_chair = edited(VISIT, "role: chair", "role: professional")
    root = make_network(
        {
            SELF_REVIEW: edited(SELF_REVIEW, "completed: 2025-02-20\n", "")
            .replace("    explanation: Herstelplannen worden samen opgesteld.\n", ""),
            VISIT: no_chair.replace("date: 2025-04-14", "date: 2026-03-01"),
        }
    )  # fmt: skip
    report = as_json(root, capsys)
    assert row(report, "de-linde")["self_review"] == {
        "state": "in_progress",
        "answered": 3,
        "standards": 3,
        "explanations_missing": 1,
        "completed": None,
    }
    assert row(report, "de-linde")["visit"] == {
        "state": "planned",
        "date": "2026-03-01",
        "team_complete": False,
        "team_lacks": ["chair"],
    }
    lines = status(root, capsys).splitlines()
    assert lines[0] == (
        "! de gegevens hebben 0 fouten en 1 waarschuwing: `leercyclus check` laat ze zien"
    )
    assert [cell.strip() for cell in lines[5].split("│")][:6] == [
        "de-linde", "3/3", "1", "bezig", "2026-03-01 (gepland)", "geen voorzitter"
    ]  # fmt: skip


def test_overdue_actions_are_counted_by_the_day(make_network: MakeNetwork, capsys: Capsys) -> None:
    root = make_network(SCENARIOS["overdue_action"])
    assert row(as_json(root, capsys), "de-linde")["actions"] == {
        "state": "present",
        "actions": 2,
        "open": 1,
        "overdue": 1,
    }
    capsys.readouterr()
    assert run(["status", str(root), "--today", "2025-06-01", "--format", "json"]) == 0
    actions = row(json.loads(capsys.readouterr().out), "de-linde")["actions"]
    assert isinstance(actions, dict) and actions["overdue"] == 0


def test_data_errors_are_named_above_what_can_be_shown(
    make_network: MakeNetwork, capsys: Capsys
) -> None:
    root = make_network({**SCENARIOS["misspelt_role"], ACTIONS: "institution: [\n"})
    text = status(root, capsys)
    assert text.splitlines()[0] == (
        "✗ de gegevens hebben 2 fouten en 0 waarschuwingen: `leercyclus check` laat ze zien; "
        "de tabel toont wat gelezen kon worden"
    )
    assert [c.strip() for c in text.splitlines()[5].split("│")] == [
        "de-linde", "3/3", "0", "2025-02-20", "ongeldig", "", "—", "ongeldig", ""
    ]  # fmt: skip
    report = as_json(root, capsys)
    assert (report["errors"], report["warnings"]) == (2, 0)


def test_status_of_the_example_network_matches_its_files(tmp_path: Path, capsys: Capsys) -> None:
    root = tmp_path / "herstelnetwerk"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("build"))
    cycles = sorted(p.name for p in (root / "cycles").iterdir() if (p / "cycle.yaml").is_file())
    for cycle in cycles:
        folder = root / "cycles" / cycle
        report = as_json(root, capsys, "--cycle", cycle)
        assert report["cycle"] == cycle
        assert report["errors"] == 0
        meta = load_text((folder / "cycle.yaml").read_text(encoding="utf-8"))
        participants = report["participants"]
        assert isinstance(participants, list)
        assert [p["institution"] for p in participants] == meta["participants"]
        standards = {p.stem for p in (folder / "standards").rglob("*.yaml")}
        for p in participants:
            inst = p["institution"]
            review = folder / "self-reviews" / f"{inst}.yaml"
            if review.is_file():
                answered = load_text(review.read_text(encoding="utf-8"))["standards"]
                assert p["self_review"]["answered"] == len(standards & set(answered))
                assert p["self_review"]["standards"] == len(standards)
            else:
                assert p["self_review"]["state"] == "missing"
            visit = folder / "visits" / f"{inst}.yaml"
            if visit.is_file():
                assert p["visit"]["date"] == load_text(visit.read_text(encoding="utf-8"))["date"]
            assert p["reports"] == []
            actions = (folder / "actions" / f"{inst}.yaml").is_file()
            assert (p["actions"]["state"] == "present") == actions
        text = status(root, capsys, "--cycle", cycle)
        assert text.splitlines()[0].startswith(f"Cyclus {cycle}: ")
        for inst in meta["participants"]:
            assert any(line.startswith(f"{inst} ") for line in text.splitlines())
        assert "\nMijlpalen (stand 2026-01-01)\n" in text
    assert cycles and as_json(root, capsys)["cycle"] == cycles[-1]


def test_a_missing_repository_or_cycle_is_a_usage_error(
    minimal: Path, tmp_path: Path, capsys: Capsys
) -> None:
    assert run(["status", str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err == f"error: {tmp_path / 'nowhere'}: no such folder\n"
    assert run(["status", str(minimal), "--cycle", "2052"]) == 2
    assert capsys.readouterr().err == (
        "error: there is no cycle '2052': did you mean '2025'?\nhint: the cycles are: 2025\n"
    )
    assert run(["status", str(minimal), "--today", "morgen"]) == 2
    assert capsys.readouterr().err.startswith("error: --today 'morgen' is not a date\n")


def test_without_a_readable_cycle_yaml_the_files_name_the_participants(
    make_network: MakeNetwork, capsys: Capsys
) -> None:
    root = make_network({"cycles/2025/cycle.yaml": "id: '2025'\ntitle: [\n"})
    lines = status(root, capsys).splitlines()
    assert lines[2] == "Cyclus 2025"
    assert [line.split()[0] for line in lines[5:-9]] == ["de-linde"]
    assert lines[-6:-3] == [
        "  ✓ 2 zelfreviews          1/1",
        "  ✓ 3 reviewdagen          1/1",
        "  · 4 instellingsrapporten 0/1",
    ]


MILESTONES = """\
participants: [de-linde, het-anker, de-brug]
milestones:
  standards: 2025-01-15           # past, done: on time
  self_reviews: 2025-03-31        # past, 1/3 done: late
  review_days: 2026-06-30         # still to come
  national_report: 2026-01-01     # today: not late yet
  action_plans: "2025-12-31"      # past, 1/3 done: late
  evaluation: 2025-12-01          # past, done: on time
"""
"""cycle.yaml's milestones for the minimal network (no date for the institution reports)."""


def with_milestones(make_network: MakeNetwork, text: str = MILESTONES) -> Path:
    return make_network(
        {CYCLE_FILE: edited(CYCLE_FILE, "participants: [de-linde, het-anker, de-brug]\n", text)}
    )


def test_milestones_carry_their_due_date_and_late_ones_are_marked(
    make_network: MakeNetwork, capsys: Capsys
) -> None:
    root = with_milestones(make_network)
    assert found(root) == []
    milestones = as_json(root, capsys)["milestones"]
    assert isinstance(milestones, list)
    assert [(m["name"], m["done"], m["of"], m["due"], m["late"]) for m in milestones] == [
        ("standards", 3, 3, "2025-01-15", False),
        ("self-reviews", 1, 3, "2025-03-31", True),
        ("review days", 1, 3, "2026-06-30", False),
        ("institution reports", 0, 3, None, False),
        ("national report", 0, 1, "2026-01-01", False),
        ("action plans", 1, 3, "2025-12-31", True),
        ("evaluation", 1, 1, "2025-12-01", False),
    ]
    capsys.readouterr()
    assert run(["status", str(root), "--today", "2026-01-02", "--format", "json"]) == 0
    later = json.loads(capsys.readouterr().out)["milestones"]
    assert [m["name"] for m in later if m["late"]] == [
        "self-reviews", "national report", "action plans"
    ]  # fmt: skip


def test_without_milestones_nothing_is_due_or_late(minimal: Path, capsys: Capsys) -> None:
    milestones = as_json(minimal, capsys)["milestones"]
    assert isinstance(milestones, list)
    assert {(m["due"], m["late"]) for m in milestones} == {(None, False)}


def test_a_wrong_milestone_is_an_error_at_its_line(make_network: MakeNetwork) -> None:
    root = with_milestones(
        make_network,
        "participants: [de-linde]\nmilestones:\n  self_review: 2025-03-31\n"
        "  review_days: 2025-02-30\n",
    )
    assert [(f.line, f.code, f.message) for f in found(root)] == [
        (13, "LC101", "unknown key 'self_review': did you mean 'self_reviews'?"),
        (14, "LC106", "'review_days': '2025-02-30' is not an existing date"),
    ]


def test_the_text_shows_due_dates_and_what_is_late(
    make_network: MakeNetwork, capsys: Capsys
) -> None:
    lines = status(with_milestones(make_network), capsys).splitlines()
    assert lines[-7:] == [
        "  ✓ 1 standaarden          3 standaarden  uiterlijk 2025-01-15",
        "  · 2 zelfreviews          1/3  uiterlijk 2025-03-31, te laat",
        "  · 3 reviewdagen          1/3  uiterlijk 2026-06-30",
        "  · 4 instellingsrapporten 0/3",
        "  · 5 landelijk rapport    nog niet  uiterlijk 2026-01-01",
        "  · 6 actieplannen         1/3  uiterlijk 2025-12-31, te laat",
        "  ✓ 7 evaluatie            klaar  uiterlijk 2025-12-01",
    ]
