"""What the Samen-Audit tells other reports of an institution (`Method.facts`): the scores that
surprised and the escalations not taken up, in the institution's confidential report only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from audit_helpers import AUDIT, MANAGEMENT, TEAM, audit_network, changed
from leercyclus.cli import run
from leercyclus.loading.method import Fact
from leercyclus.loading.network import load_network
from leercyclus.methods.audit import METHOD

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "herstelnetwerk"


def facts(root: Path, cycle: str = "2025", language: str = "nl") -> list[Fact]:
    assert METHOD.facts is not None
    return list(METHOD.facts(load_network(root, use_cache=False), cycle, language))


def test_the_example_tells_gaps_and_drops_per_location() -> None:
    found = facts(EXAMPLE, "2026")
    assert [(f.institution, f.topic, f.about, f.open) for f in found] == [
        ("het-baken", "audit-score", "audit:2026/het-baken/de-esch#sfeer", False),
        ("kempenhof", "audit-score", "audit:2026/kempenhof/de-akker#sfeer", False),
        ("kempenhof", "audit-score", "audit:2026/kempenhof/vlinderhof#medicatie", False),
        ("kempenhof", "audit-score", "audit:2026/kempenhof/vlinderhof#sfeer", False),
    ]
    assert found[0].text == (
        "De Esch: bij sfeer in de huiskamer lagen de scores van de observatoren het verst "
        "uiteen, van Aandacht nodig tot Voorbeeld voor anderen."
    )
    assert found[2].text == (
        "Vlinderhof: de score op medicatieveiligheid is gedaald sinds de audit van 2025, van "
        "Voorbeeld voor anderen naar Op orde."
    )
    english = facts(EXAMPLE, "2026", "en")
    assert english[2].text == (
        "Vlinderhof: medicatieveiligheid fell since the audit of 2025, from Voorbeeld voor "
        "anderen to Op orde."
    )


def test_a_team_that_expected_far_more_than_the_observers_saw(tmp_path: Path) -> None:
    root = audit_network(tmp_path / "net", {
        TEAM: changed(TEAM, '{"2": 3, "3": 4}', '{"2": 1, "4": 6}'),
    })  # fmt: skip
    (fact,) = facts(root)
    assert fact.about == "audit:2025/de-linde/de-horst#zinvolle-dag"
    assert fact.text == (
        "De Horst: het team verwachtte bij zinvolle dag vooral Voorbeeld, de observatoren "
        "kwamen uit op Aandacht nodig."
    )


def test_a_small_difference_is_no_surprise(tmp_path: Path) -> None:
    assert facts(audit_network(tmp_path / "net")) == []  # 3 against 2, a quiz of 2 and 3


def test_observers_two_steps_apart_are_a_surprise(tmp_path: Path) -> None:
    root = audit_network(tmp_path / "net", {
        AUDIT: changed(AUDIT, '{observer: o2, score: "2", observations: [Kar stond open.]}',
                       '{observer: o2, score: "1", observations: [Kar stond open.]}'),
    })  # fmt: skip
    (fact,) = facts(root)
    assert (fact.topic, fact.about) == ("audit-score", "audit:2025/de-linde/de-horst#medicatie")
    assert "van Zorgelijk tot Op orde" in fact.text


def test_an_escalation_no_later_conversation_took_up_is_open(tmp_path: Path) -> None:
    root = audit_network(tmp_path / "net", {MANAGEMENT: None})
    (fact,) = facts(root)
    assert (fact.institution, fact.topic, fact.open) == ("de-linde", "audit-escalation", True)
    assert fact.about == "audit:2025/de-linde/de-horst"
    assert fact.text == (
        "De Horst: op 1 oktober 2025 is vanuit teamoverleg opgeschaald naar managementteam; "
        "een later gesprek van managementteam is nog niet vastgelegd."
    )


@pytest.fixture(scope="module")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("facts") / "herstelnetwerk"
    shutil.copytree(EXAMPLE, repo, ignore=shutil.ignore_patterns("build", ".leercyclus"))
    out = repo / "out"
    assert run(["report", str(repo), "--format", "md,html", "--out", str(out)]) == 0
    return out / "2026"


def test_the_facts_are_in_the_institution_report_and_nowhere_else(example_build: Path) -> None:
    found = facts(EXAMPLE, "2026")
    for fact in found:
        own = example_build / "confidential" / fact.institution / "institution-report.md"
        assert fact.text in own.read_text(encoding="utf-8")
    leaving = [p for p in example_build.rglob("*") if p.is_file()
               and p.relative_to(example_build).parts[0] != "confidential"]  # fmt: skip
    assert any(p.suffix == ".md" for p in leaving)  # the national report, at least
    for path in leaving:
        body = path.read_bytes().decode("utf-8", errors="replace")
        for fact in found:
            assert fact.text not in body, path
            assert fact.text.split(":")[1].strip()[:40] not in body, path
    other = example_build / "confidential" / "de-linde" / "institution-report.md"
    assert "De Esch" not in other.read_text(encoding="utf-8")  # never in another's report
