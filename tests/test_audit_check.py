"""Every Samen-Audit rule of `check` (LC301-LC310): exact file, line, column and message."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from audit_helpers import AUDIT, AUDIT_FILES, FRAMEWORK, MANAGEMENT, TEAM, audit_network, changed
from helpers import Found, found


def E(file: str, line: int, column: int, code: str, message: str) -> Found:  # noqa: N802
    return Found("error", file, line, column, code, message)


def W(file: str, line: int, column: int, code: str, message: str) -> Found:  # noqa: N802
    return Found("warning", file, line, column, code, message)


# fmt: off
CASES: list[tuple[str, Mapping[str, str | None], list[Found]]] = [
    ("undeclared_theme", {AUDIT: changed(AUDIT, "  zinvolle-dag:\n", "  zinvole-dag:\n")}, [
        E(AUDIT, 13, 3, "LC301",
          "the theme 'zinvole-dag' is not declared: did you mean 'zinvolle-dag'?")]),
    ("undeclared_score", {AUDIT: changed(AUDIT, 'score: "2", observations: [Kar',
                                         'score: "5", observations: [Kar')}, [
        E(AUDIT, 12, 29, "LC301",
          "the score '5' is not declared (there are: 1, 2, 3, 4, not_observed)")]),
    ("undeclared_observer", {AUDIT: changed(AUDIT, "{observer: o2, score: \"2\"",
                                            "{observer: o3, score: \"2\"")}, [
        E(AUDIT, 12, 18, "LC301", "the observer 'o3' is not declared (there are: o1, o2)")]),
    ("undeclared_unit", {AUDIT: changed(AUDIT, "unit: huiskamer-1", "unit: huiskamer-3")}, [
        E(AUDIT, 9, 13, "LC301",
          "the unit 'huiskamer-3' is not declared: did you mean 'huiskamer-2'?")]),
    ("not_observed_refused", {FRAMEWORK: changed(FRAMEWORK, "themes:\n",
                                                 "  not_observed: false\nthemes:\n")}, [
        E(AUDIT, 15, 29, "LC301",
          "the score 'not_observed' is not declared (there are: 1, 2, 3, 4)")]),
    ("undeclared_level", {TEAM: changed(TEAM, "level: team", "level: teams")}, [
        E(TEAM, 2, 8, "LC301",
          "the conversation level 'teams' is not declared: did you mean 'team'?"),
        W(AUDIT, 2, 1, "LC305",
          "no team conversation about de-horst within 42 days of the audit (by 2025-10-22): "
          "discuss the results with the team, and record it under "
          "audit/de-linde/conversations/")]),
    ("undeclared_quiz_answer", {TEAM: changed(TEAM, '"3": 4}', '"drie": 4}')}, [
        E(TEAM, 7, 45, "LC301",
          "the answer 'drie' is not declared (there are: 1, 2, 3, 4)")]),
    ("unregistered_location", {AUDIT: changed(AUDIT, "location: de-horst", "location: horst"),
                               }, [
        E(AUDIT, 1, 11, "LC107", "the file is named de-horst.yaml, but location is 'horst': "
          "rename the file to horst.yaml or set location: de-horst")]),
    ("unregistered_location_file", {
        AUDIT: None,
        AUDIT.replace("de-horst", "de-hors"): changed(AUDIT, "location: de-horst",
                                                      "location: de-hors")}, [
        E(AUDIT.replace("de-horst", "de-hors"), 1, 11, "LC302",
          "'de-hors' is not a location of 'de-linde' in institutions.yaml: did you mean "
          "'de-horst'?"),
        W(AUDIT.replace("de-horst", "de-hors"), 2, 1, "LC305",
          "no team conversation about de-hors within 42 days of the audit (by 2025-10-22): "
          "discuss the results with the team, and record it under "
          "audit/de-linde/conversations/")]),
    ("unregistered_institution", {
        AUDIT: None, AUDIT.replace("/de-linde/", "/de-lind/"): AUDIT_FILES[AUDIT]}, [
        E(AUDIT.replace("/de-linde/", "/de-lind/"), 1, 11, "LC302",
          "the folder names institution 'de-lind', which institutions.yaml does not have: "
          "did you mean 'de-linde'?"),
        W(AUDIT.replace("/de-linde/", "/de-lind/"), 2, 1, "LC305",
          "no team conversation about de-horst within 42 days of the audit (by 2025-10-22): "
          "discuss the results with the team, and record it under "
          "audit/de-lind/conversations/")]),
    ("score_without_observation", {AUDIT: changed(AUDIT, "observations: [Middag leeg.]",
                                                  "observations: []")}, [
        W(AUDIT, 14, 29, "LC303",
          "observer o1 scored zinvolle-dag without an observation: write down what was seen, "
          "the story behind the number")]),
    ("one_observer_no_client", {AUDIT: AUDIT_FILES[AUDIT]
        .replace("  - {id: o2, role: lid cliëntenraad, perspective: client}\n", "")
        .replace('    - {observer: o2, score: "2", observations: [Kar stond open.]}\n', "")
        .replace("    - {observer: o2, score: not_observed}\n", "")}, [
        W(AUDIT, 3, 1, "LC304", "the audit has one observer: observe with at least two, so that "
          "what one misses another sees"),
        W(AUDIT, 3, 1, "LC304", "no observer looks from the perspective of a client or family "
          "member: invite one (a member of the client council, a relative)")]),
    ("team_too_late", {TEAM: changed(TEAM, "date: 2025-10-01", "date: 2025-11-01")}, [
        W(AUDIT, 2, 1, "LC305",
          "no team conversation about de-horst within 42 days of the audit (by 2025-10-22) "
          "(the first was on 2025-11-01): discuss the results with the team, and record it "
          "under audit/de-linde/conversations/")]),
    ("escalation_not_taken_up", {MANAGEMENT: None}, [
        W(TEAM, 16, 15, "LC306",
          "this conversation escalated to management, but no later management conversation "
          "took it up within 42 days: hold it and record it, or remove the escalation")]),
    ("conversation_before_audit", {MANAGEMENT: changed(MANAGEMENT, "date: 2025-11-04",
                                                       "date: 2025-09-01")}, [
        E(MANAGEMENT, 3, 7, "LC307",
          "the conversation is dated 2025-09-01, before the audit of de-horst began "
          "(2025-09-09): correct the date, or move it to the cycle of the audit it discusses"),
        W(TEAM, 16, 15, "LC306",
          "this conversation escalated to management, but no later management conversation "
          "took it up within 42 days: hold it and record it, or remove the escalation")]),
    ("contact_data", {TEAM: changed(TEAM, "text: De middag is leeg.",
                                    "text: Bel dochter via 06-12345678.")}, [
        W(TEAM, 9, 33, "LC308",
          "this text holds what looks like a phone number: audit files are about what was "
          "seen, never about who; remove it")]),
    ("no_framework", {FRAMEWORK: None}, [
        E(AUDIT, 1, 1, "LC309",
          "cycle 2025 has audit files but no audit/framework.yaml: add the framework (themes, "
          "scale, conversation levels), see docs/audit.md")]),
    ("observer_twice", {AUDIT: changed(AUDIT, "{id: o2, role", "{id: o1, role")}, [
        E(AUDIT, 5, 10, "LC310", "the observer 'o1' is there twice: give each its own id"),
        E(AUDIT, 12, 18, "LC301", "the observer 'o2' is not declared (there are: o1)"),
        E(AUDIT, 15, 18, "LC301", "the observer 'o2' is not declared (there are: o1)")]),
]
# fmt: on


@pytest.mark.parametrize(
    ("overrides", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_audit_rule(
    tmp_path: Path, overrides: Mapping[str, str | None], expected: list[Found]
) -> None:
    assert found(audit_network(tmp_path / "net", overrides)) == expected


def test_the_audit_network_has_no_findings(tmp_path: Path) -> None:
    assert found(audit_network(tmp_path / "net")) == []


def test_every_audit_code_has_a_case() -> None:
    from leercyclus.repository.findings import CODES

    covered = {f.code for _, _, expected in CASES for f in expected}
    assert {code for code in CODES if code.startswith("LC3")} <= covered
