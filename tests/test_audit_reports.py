"""The Samen-Audit's reports: score profile, agreement, change since the previous audit, the
trail to action, the deck (read back), and the privacy of the public summary."""

from __future__ import annotations

import csv
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from audit_helpers import AUDIT, AUDIT_FILES, FRAMEWORK, TEAM, audit_network, changed
from helpers import REGISTER
from leercyclus.cli import run
from leercyclus.loading.network import load_network
from leercyclus.methods.audit.overview import public_summary
from leercyclus.methods.audit.reports import location_reports

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "herstelnetwerk"


@pytest.fixture(scope="module")
def example_reports() -> dict[str, object]:
    net = load_network(EXAMPLE, use_cache=False)
    _, reports = location_reports(net, "2026")
    return {f"{r.institution}/{r.location}": r for r in reports}


def test_every_audited_location_of_the_example_has_a_report(
    example_reports: dict[str, object],
) -> None:
    assert sorted(example_reports) == [
        "het-baken/de-esch",
        "het-baken/hooghuis",
        "kempenhof/de-akker",
        "kempenhof/vlinderhof",
    ]


def test_the_score_profile_keeps_hard_and_soft_apart(example_reports: dict[str, object]) -> None:
    r = example_reports["het-baken/de-esch"]
    assert [t.id for t in r.hard] == ["medicatie", "decubitus", "vrijheid", "acp"]  # type: ignore[attr-defined]
    assert [t.id for t in r.soft] == ["aandacht", "zinvolle-dag", "sfeer", "eten"]  # type: ignore[attr-defined]
    meaningful = r.soft[1]  # type: ignore[attr-defined]
    assert (meaningful.score, meaningful.agreed, meaningful.label) == ("2", True, "Aandacht nodig")
    assert meaningful.counts == {"1": 0, "2": 3, "3": 1, "4": 0}


def test_the_change_since_the_previous_audit_of_the_same_location(
    example_reports: dict[str, object],
) -> None:
    r = example_reports["het-baken/de-esch"]
    by_id = {t.id: t for t in r.themes}  # type: ignore[attr-defined]
    assert (by_id["zinvolle-dag"].previous, by_id["zinvolle-dag"].change) == ("1", 1)
    assert (by_id["medicatie"].previous, by_id["medicatie"].change) == ("3", 0)
    assert (by_id["eten"].previous, by_id["eten"].change) == (None, None)  # new in 2026
    assert r.previous_cycle == "2025"  # type: ignore[attr-defined]


def test_the_trail_runs_from_the_score_to_the_agreements(
    example_reports: dict[str, object],
) -> None:
    r = example_reports["het-baken/de-esch"]
    meaningful = {t.id: t for t in r.themes}["zinvolle-dag"]  # type: ignore[attr-defined]
    assert meaningful.trail.quiz == [("Teamoverleg", {"1": 0, "2": 4, "3": 5, "4": 1})]
    assert [level for _, level, _ in meaningful.trail.meanings] == ["Teamoverleg"]
    assert [a.id for a in meaningful.trail.agreements] == ["avond"]
    assert [a.id for a in meaningful.previous_agreements] == ["middagprogramma", "rooster-middag"]
    levels = [c.level for c in r.conversations]  # type: ignore[attr-defined]
    assert levels == ["team", "locatie", "management", "bestuur", "rvt"]
    assert {a.id for _, a in r.open_agreements} == {  # type: ignore[attr-defined]
        "avond", "acp-gesprek", "arts-uren", "begroting-acp"
    }  # fmt: skip


def test_alpha_is_shown_with_enough_observers_and_themes(
    example_reports: dict[str, object],
) -> None:
    r = example_reports["het-baken/de-esch"]
    assert r.alpha_shown and r.alpha is not None and 0 < r.alpha < 1  # type: ignore[attr-defined]
    assert [t.id for t in r.themes if t.differed] == [  # type: ignore[attr-defined]
        "medicatie", "decubitus", "vrijheid", "acp", "aandacht", "zinvolle-dag", "sfeer", "eten"
    ]  # fmt: skip


def test_alpha_is_left_out_with_two_observers(tmp_path: Path) -> None:
    net = load_network(audit_network(tmp_path / "net"), use_cache=False)
    _, (r,) = location_reports(net, "2025")
    assert (r.alpha_shown, r.alpha) == (False, None)
    meaningful = r.soft[0]
    assert (meaningful.score, meaningful.agreed) == ("2", False)  # the observers' median
    assert [t.id for t in r.themes if t.differed] == ["medicatie"]
    assert r.discussed_by_team is not None and r.discussed_by_team.isoformat() == "2025-10-01"


def _three_locations() -> dict[str, str]:
    register = AUDIT_FILES[REGISTER].replace(
        "      - id: de-wei\n        name: De Wei\n",
        "      - id: de-wei\n        name: De Wei\n      - id: het-veld\n        name: Het Veld\n",
    )
    plain = changed(AUDIT, "      unit: huiskamer-1\n", "")
    return {
        REGISTER: register,
        AUDIT.replace("de-horst", "de-wei"): plain.replace("de-horst", "de-wei"),
        AUDIT.replace("de-horst", "het-veld"): plain.replace("de-horst", "het-veld"),
        TEAM: changed(TEAM, "locations: [de-horst]\n", ""),
    }


def test_the_public_summary_needs_min_group_locations_behind_each_figure(tmp_path: Path) -> None:
    net = load_network(audit_network(tmp_path / "net", _three_locations()), use_cache=False)
    _, reports = location_reports(net, "2025")
    levels = [("team", "Teamoverleg"), ("management", "Managementteam")]
    summary = public_summary("2025", reports, levels, ["team", "management"], (1, 0), 3)
    assert summary.enough and summary.locations == 3
    assert [(t.title, t.counts) for t in summary.themes] == [
        ("Medicatieveiligheid", [0, 0, 3, 0]),
        ("Zinvolle dag", [0, 3, 0, 0]),
    ]
    fewer = public_summary("2025", reports, levels, [], (1, 0), 4)
    assert not fewer.enough and fewer.themes == [] and fewer.levels == []
    reports[2].soft[0] = replace(reports[2].soft[0], score=None)  # nobody saw it there
    summary = public_summary("2025", reports, levels, [], (0, 0), 3)
    assert [(t.title, t.counts, t.locations) for t in summary.themes] == [
        ("Medicatieveiligheid", [0, 0, 3, 0], 3),
        ("Zinvolle dag", None, 2),
    ]


def test_report_writes_the_location_reports_decks_and_public_summary(tmp_path: Path) -> None:
    root = audit_network(tmp_path / "net", _three_locations())
    out = tmp_path / "out"
    assert run(["report", str(root), "--format", "md", "--out", str(out), "--no-national"]) == 0
    confidential = out / "2025" / "confidential" / "de-linde"
    names = sorted(p.name for p in confidential.iterdir())
    for loc in ("de-horst", "de-wei", "het-veld"):
        assert f"samen-audit-{loc}.md" in names
        assert f"samen-audit-gesprek-{loc}.pptx" not in names  # decks come with docx or pdf
        assert f"samen-audit-gesprek-{loc}-vragen.csv" in names
    assert "samen-audit.md" in names
    report = (confidential / "samen-audit-de-horst.md").read_text(encoding="utf-8")
    assert "| Medicatieveiligheid |  |  ○ | ● ○ |  | — | — |" in report
    assert "- Aftekenlijst compleet. *(kwaliteitsverpleegkundige, unit huiskamer-1: Op orde)*" in (
        report
    )
    assert "Managementteam" in report and "Middagprogramma maken" in report
    public = (out / "2025" / "public" / "samen-audit-verantwoording.md").read_text("utf-8")
    assert "| Medicatieveiligheid (harde thema's) | 3 | 0 | 0 | 3 | 0 |" in public
    for name in ("De Horst", "De Wei", "Het Veld", "de-horst", "huiskamer", "De Linde"):
        assert name not in public

    rows = list(csv.reader((confidential / "samen-audit-gesprek-de-horst-vragen.csv").open()))
    assert rows[:3] == [
        ["type", "question", "option 1", "option 2", "option 3", "option 4"],
        ["multiple_choice", "Hoe denk jij dat onze locatie scoorde op medicatieveiligheid?",
         "Zorgelijk", "Aandacht nodig", "Op orde", "Voorbeeld"],
        ["open", "Medicatieveiligheid: Wat zie jij dat de observatoren niet zagen?", "", "", "",
         ""],
    ]  # fmt: skip


def test_the_deck_reads_back_with_its_questions_reveal_and_notes(tmp_path: Path) -> None:
    pptx = pytest.importorskip("pptx")
    root = audit_network(tmp_path / "net")
    out = tmp_path / "out"
    args = ["report", str(root), "--format", "md,docx", "--out", str(out), "--no-national"]
    assert run(args) == 0  # the decks come with the office formats
    path = out / "2025" / "confidential" / "de-linde" / "samen-audit-gesprek-de-horst.pptx"
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    assert len([n for n in names if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]) == 1 + 2 * 3
    assert [n for n in names if re.fullmatch(r"ppt/notesSlides/\w+\.xml", n)]
    deck = pptx.Presentation(str(path))
    slides = [
        (
            [s.text_frame.text for s in slide.shapes if s.has_text_frame],
            slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else "",
        )
        for slide in deck.slides
    ]
    texts, notes = slides[4]  # the second theme's "predict first" slide
    assert texts == [
        "Zinvolle dag",
        "Hoe denk jij dat onze locatie scoorde op zinvolle dag?\nZorgelijk\nAandacht nodig\n"
        "Op orde\nVoorbeeld",
    ]
    assert "kwaliteitsverpleegkundige Aandacht nodig; lid cliëntenraad niet gezien" in notes
    reveal, reveal_notes = slides[5]
    assert reveal == [
        "Zinvolle dag: Aandacht nodig",
        "De observatoren: Aandacht nodig\nMiddag leeg.",
    ]
    assert "Scores van de observatoren" in reveal_notes
    open_question, _ = slides[6]
    assert open_question == [
        "Zinvolle dag",
        "Wat zie jij dat de observatoren niet zagen?\nWat maakt een dag hier goed?",
    ]


def test_a_location_name_in_the_public_summary_stops_the_build(tmp_path: Path) -> None:
    files = _three_locations()
    files[FRAMEWORK] = changed(FRAMEWORK, "title: Zinvolle dag", "title: Zinvolle dag in De Wei")
    root = audit_network(tmp_path / "net", files)
    out = tmp_path / "out"
    assert run(["report", str(root), "--format", "md", "--out", str(out), "--no-national"]) == 1
    assert not (out / "2025" / "public").exists()


def test_status_shows_team_conversations_escalations_and_agreements(tmp_path: Path) -> None:
    import datetime as dt

    from audit_helpers import MANAGEMENT
    from leercyclus.methods.audit.status import audit_status

    net = load_network(audit_network(tmp_path / "a", {MANAGEMENT: None}), use_cache=False)
    (row,) = audit_status(net, "2025", dt.date(2026, 4, 1))
    assert (row.location, row.team, row.team_date, row.team_due) == (
        "de-horst", "discussed", "2025-10-01", "2025-10-22"
    )  # fmt: skip
    assert row.escalations_open == ["team-2025-10 → management"]
    assert (row.agreements_open, row.agreements_overdue) == (1, 1)  # due 2026-03-01

    late = {TEAM: changed(TEAM, "date: 2025-10-01", "date: 2025-11-01")}
    net = load_network(audit_network(tmp_path / "b", late), use_cache=False)
    (row,) = audit_status(net, "2025", dt.date(2026, 1, 1))
    assert (row.team, row.escalations_open, row.agreements_overdue) == ("late", [], 0)

    none = {TEAM: None}
    net = load_network(audit_network(tmp_path / "c", none), use_cache=False)
    assert audit_status(net, "2025", dt.date(2025, 10, 1))[0].team == "due"
    assert audit_status(net, "2025", dt.date(2025, 10, 23))[0].team == "missing"


def test_status_json_has_the_audit_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    root = audit_network(tmp_path / "net")
    assert run(["status", str(root), "--format", "json", "--today", "2026-01-01"]) == 0
    rows = json.loads(capsys.readouterr().out)["audit"]
    assert [(r["location"], r["team"], r["agreements_open"]) for r in rows] == [
        ("de-horst", "discussed", 1)
    ]


def test_a_file_output_is_rewritten_only_when_it_changes(tmp_path: Path) -> None:
    from leercyclus.publishing.build import Build
    from leercyclus.publishing.render import renderer
    from leercyclus.publishing.scopes import CONFIDENTIAL

    def build(stage: str) -> Build:
        made = Build(tmp_path / "out", tmp_path / stage, ["md"], renderer(None, "nl"), (), None)
        made.load_manifest("2025")
        return made

    rel = CONFIDENTIAL.path("2025", "de-linde", "vragen.csv")
    first = build("s1")
    first.emit_file(rel, "confidential", "de-linde", "type,question\n")
    first.publish("2025")
    assert (tmp_path / "out" / rel).read_text(encoding="utf-8") == "type,question\n"
    again = build("s2")
    again.emit_file(rel, "confidential", "de-linde", "type,question\n")
    again.emit_file(rel.with_name("ander.csv"), "confidential", "de-linde", "x\n")
    assert [(o.path.name, o.rebuilt) for o in again.outputs] == [
        ("vragen.csv", False),
        ("ander.csv", True),
    ]
    with pytest.raises(ValueError, match="not in the folder of scope 'public'"):
        again.emit_slides(rel, "public", None, "# Dia\n")
