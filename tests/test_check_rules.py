"""Every finding code of `check`: the exact severity, file, line, column, code and message."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

import leercyclus
from helpers import (
    ACTIONS,
    CYCLE_FILE,
    EVALUATION,
    MINIMAL,
    REGISTER,
    SCENARIOS,
    SELF_REVIEW,
    SETTINGS,
    STANDARD_A1,
    STANDARD_A2,
    STANDARD_B1,
    VISIT,
    Found,
    edited,
    found,
)
from leercyclus.cli import run
from leercyclus.repository.findings import CODES

MakeNetwork = Callable[[Mapping[str, str | bytes | None]], Path]


def E(file: str, line: int, column: int, code: str, message: str) -> Found:  # noqa: N802
    """An expected error."""
    return Found("error", file, line, column, code, message)


def W(file: str, line: int, column: int, code: str, message: str) -> Found:  # noqa: N802
    """An expected warning."""
    return Found("warning", file, line, column, code, message)


NOT_PARTICIPANT = (
    "'de-linde' is not a participant of cycle 2025, so it has no {}: add it to 'participants' "
    "in cycle.yaml, or remove this file"
)
NO_EXPLANATION = (
    "standard A2 has no explanation: describe how you shape this in practice "
    "(hoe geven wij dit vorm?)"
)
OUTCOMES = "met, partly_met, not_met, not_applicable, volledig, deels, niet, nvt"
PRINTED = (
    "and the national report prints this field: a reader who knows the participants could tell "
    "which institution this is; the report leaves such a sentence out, so describe the practice "
    "instead"
)

# fmt: off
CASES: list[Any] = [
    ("not_utf8", [E(STANDARD_A1, 4, 10, "LC001",
        "the file is not UTF-8 text (byte 0xeb): save it as UTF-8 in your editor")]),
    ("unclosed_quote", [E(STANDARD_A1, 3, 8, "LC002",
        "YAML syntax error: a quoted text is not closed: add the closing quote")]),
    ("empty_self_review", [E(SELF_REVIEW, 1, 1, "LC003",
        "the file is empty: fill it in or remove it")]),
    ("duplicate_key", [E(VISIT, 3, 1, "LC004",
        "duplicate key 'date' (first on line 2): keep one of the two")]),
    ("nested_too_deep", [E(SETTINGS, 1, 74, "LC005", "the file nests deeper than 64 levels")]),
    ("python_tag", [E(SETTINGS, 1, 10, "LC006",
        "the YAML tag '!!python/object/apply:os.system' is not allowed "
        "(tags are never executed): remove it")]),
    ("list_at_top", [E(REGISTER, 1, 1, "LC010",
        "the file holds a list, where a mapping of keys belongs (such as 'institutions'): "
        "see docs/format.md")]),
    ("stray_file", [W("cycles/2025/notes.yaml", 1, 1, "LC020",
        "cycles/2025/notes.yaml is not a file leercyclus knows, so it is ignored: a cycle "
        "folder holds cycle.yaml, evaluation.yaml, national-day.yaml, standards/, self-reviews/, "
        "visits/, actions/, audit/, groups/ and stories/")]),
    ("no_register", [E(SETTINGS, 1, 1, "LC021",
        "there is no institutions.yaml beside leercyclus.yaml: create it with the list of "
        "institutions (see docs/format.md)")]),
    ("cycle_folder_without_cycle_yaml", [E("cycles/2024", 1, 1, "LC021",
        "the cycle folder cycles/2024 has no cycle.yaml: add one, or remove the folder")]),
    ("misspelt_key", [E(STANDARD_B1, 5, 1, "LC101",
        "unknown key 'guidence': did you mean 'guidance'?")]),
    ("unknown_key_far_from_any", [E(STANDARD_B1, 5, 1, "LC101",
        "unknown key 'zzz': the keys allowed here are id, domain, title, text, guidance, "
        "type, continues")]),
    ("missing_title", [E(STANDARD_A2, 1, 1, "LC102",
        "the required key 'title' is missing: add it")]),
    ("share_no", [E(VISIT, 21, 12, "LC103", "'share' must be true or false, not 'no'")]),
    ("misspelt_role", [E(VISIT, 5, 11, "LC104",
        "'chairman' is not a valid role: use one of chair, professional, client, "
        "expert_by_experience, network_staff, observer; did you mean 'chair'?")]),
    ("uppercase_institution_id", [E(REGISTER, 9, 9, "LC105",
        "'De Brug' is not a valid institution id: use lowercase letters, digits and "
        "hyphens, starting with a letter or digit, e.g. 'de-linde'")]),
    ("dutch_date", [E(VISIT, 2, 7, "LC106",
        "'date': '14-04-2025' is not a date: write it as YYYY-MM-DD, e.g. 2025-04-14")]),
    ("actions_file_of_other_institution", [E(ACTIONS, 1, 14, "LC107",
        "the file is named de-linde.yaml, but institution is 'het-anker': rename the file "
        "to het-anker.yaml or set institution: de-linde")]),
    ("cycle_id_not_folder", [E(CYCLE_FILE, 1, 5, "LC107",
        "the folder is cycles/2025, but id is '2024': make them equal "
        '(id: "2025", or rename the folder)')]),
    ("lowercase_domain", [E(STANDARD_A2, 2, 9, "LC201",
        "unknown domain 'a': did you mean 'A'?")]),
    ("parel_unknown_standard", [E(VISIT, 20, 17, "LC202",
        "unknown standard 'a2': did you mean 'A2'?")]),
    ("evaluation_unknown_standard", [E(EVALUATION, 3, 3, "LC202",
        "unknown standard 'B2': this cycle's standards are in cycles/2025/standards "
        "(A1, A2, B1)")]),
    ("team_member_unknown_institution", [E(VISIT, 10, 18, "LC203",
        "unknown institution 'de-brugg': did you mean 'de-brug'?")]),
    ("own_previous", [E(CYCLE_FILE, 3, 11, "LC204",
        "a cycle cannot be its own previous cycle: name the cycle before it, or remove "
        "'previous'")]),
    ("unknown_previous", [E(CYCLE_FILE, 3, 11, "LC204",
        "unknown previous cycle '2024': it needs a folder cycles/<id>/ with a cycle.yaml")]),
    ("continues_unknown", [E(STANDARD_A2, 5, 12, "LC205",
        "unknown standard 'A11' of cycle 2024: did you mean 'A1'?")]),
    ("not_a_participant", [
        E(ACTIONS, 1, 14, "LC206", NOT_PARTICIPANT.format("action plan")),
        E(SELF_REVIEW, 1, 14, "LC206", NOT_PARTICIPANT.format("self-review")),
        E(VISIT, 1, 14, "LC206", NOT_PARTICIPANT.format("review day"))]),
    ("unanswered_standard", [W(SELF_REVIEW, 4, 1, "LC207",
        "1 standard(s) of the cycle are not answered: B1. Answer them, or give outcome "
        "not_applicable")]),
    ("no_explanation", [W(SELF_REVIEW, 9, 3, "LC208", NO_EXPLANATION)]),
    ("no_client_on_team", [E(VISIT, 3, 1, "LC209",
        "the review team has no client or expert by experience: add a member with role "
        "client or expert_by_experience")]),
    ("member_from_visited", [E(VISIT, 7, 18, "LC210",
        "team member Petra Jansen is from the visited institution itself: a review team "
        "comes from other institutions")]),
    ("visit_before_self_review", [W(VISIT, 2, 7, "LC211",
        "the review day (2025-02-01) is before the self-review was completed "
        "(2025-02-20): check both dates")]),
    ("overdue_action", [W(ACTIONS, 7, 10, "LC212",
        "action 'naasten-intake' was due on 2025-09-01 and is in_progress: update its "
        "status, or set a new date")]),
    ("unknown_reference", [E(ACTIONS, 10, 13, "LC030",
        "there is no oester '2025/de-linde/naasten-later': did you mean "
        "'oester:2025/de-linde/naasten-later-betrokken-dan-gewenst'?")]),
    ("duplicate_institution", [E(REGISTER, 11, 9, "LC213",
        "the institution 'het-anker' is listed twice: keep one")]),
    ("duplicate_action_id", [E(ACTIONS, 11, 9, "LC213",
        "the action id 'naasten-intake' is listed twice: keep one")]),
    ("member_without_institution", [E(VISIT, 4, 5, "LC214",
        "team member Petra Jansen has no 'institution': add their home institution (only "
        "network_staff may leave it out)")]),
    ("continues_without_previous", [E(STANDARD_A2, 5, 12, "LC216",
        "continues 'A1', but this cycle has no 'previous' in cycle.yaml: set it, or remove "
        "'continues'")]),
    ("own_scores_in_parel", [W(VISIT, 19, 11, "LC220",
        "parels[0].text gives its own scores («We voldoen aan 11 van de 14 normen.»), "
        + PRINTED)]),
    ("claim_in_oester_title", [W(VISIT, 24, 12, "LC221",
        "oesters[0].title makes a claim only its writer fits («Als enige in het netwerk naasten "
        f"later betrokken dan gewenst»), {PRINTED}")]),
    ("contact_in_parel", [W(VISIT, 19, 11, "LC222",
        "parels[0].text holds an e-mail address written out ('werkplaats (at) linde.nl'), and "
        "the national report prints this field: it would be replaced there, and the report "
        "refused if it got through; give contact details only as a shared parel's contact")]),
]
# fmt: on


def _values(case: Any) -> tuple[str, list[Found]]:
    """A case's scenario name and findings, whether it is a tuple or a pytest.param."""
    name, expected = case.values if hasattr(case, "values") else case
    return name, expected


@pytest.mark.parametrize(
    ("name", "expected"), CASES, ids=[f"{_values(c)[1][0].code}-{_values(c)[0]}" for c in CASES]
)
def test_scenario_gives_exactly_its_finding(
    scenario: Callable[[str], Path], name: str, expected: list[Found]
) -> None:
    assert found(scenario(name)) == expected


ELSEWHERE = {
    "LC217": "test_history.py",
    "LC022": "hostile/test_templates_and_links.py",
    **dict.fromkeys(
        (*(f"LC5{n:02d}" for n in range(1, 11)), *(f"LC60{n}" for n in range(1, 7))),
        "test_improvement_rules.py",
    ),
    **{f"LC3{n:02}": "test_audit_check.py" for n in range(1, 11)},
    **dict.fromkeys((f"LC4{n:02d}" for n in range(1, 14)), "test_groups_rules.py"),
    **dict.fromkeys((f"LC70{n}" for n in range(1, 6)), "test_nationalday.py"),
}
"""Codes whose scenario needs more than files (LC217: a git history; LC022: symbolic links),
or that a learning method tests in its own file on its own network (LC3xx: the Samen-Audit,
LC4xx: groups)."""


def test_every_code_has_a_case_with_its_registered_severity() -> None:
    source = Path(leercyclus.__file__).parent
    in_source = {
        code
        for path in source.rglob("*.py")
        for code in re.findall(r'"(LC\d{3})"', path.read_text(encoding="utf-8"))
    }
    covered = {f.code: f.severity for case in CASES for f in _values(case)[1]}
    assert sorted((in_source | set(CODES)) - set(covered) - set(ELSEWHERE)) == []
    assert {code: CODES[code][0] for code in covered} == covered
    for code, test_file in ELSEWHERE.items():
        assert code in (Path(__file__).parent / test_file).read_text(encoding="utf-8")
    assert {_values(case)[0] for case in CASES} <= set(SCENARIOS)


def test_minimal_network_has_no_findings(minimal: Path) -> None:
    assert found(minimal) == []


# Did-you-mean hints ------------------------------------------------------------------------


# fmt: off
@pytest.mark.parametrize(("file", "old", "new", "expected"), [
    (SETTINGS, "  extra_terms:", "  extra_term:",
     [E(SETTINGS, 6, 3, "LC101", "unknown key 'extra_term': did you mean 'extra_terms'?")]),
    (VISIT, "    discipline:", "    dicipline:",
     [E(VISIT, 6, 5, "LC101", "unknown key 'dicipline': did you mean 'discipline'?")]),
    (VISIT, "    note: Bejegening", "    notes: Bejegening",
     [E(VISIT, 16, 5, "LC101", "unknown key 'notes': did you mean 'note'?")]),
    (SELF_REVIEW, "    outcome: met\n", "    outcom: met\n", [
        E(SELF_REVIEW, 5, 3, "LC102", "the required key 'outcome' is missing in 'A1': add it"),
        E(SELF_REVIEW, 6, 5, "LC101", "unknown key 'outcom': did you mean 'outcome'?")]),
    (SELF_REVIEW, "  A2:\n", "  A22:\n", [
        W(SELF_REVIEW, 4, 1, "LC207", "1 standard(s) of the cycle are not answered: A2. "
          "Answer them, or give outcome not_applicable"),
        E(SELF_REVIEW, 9, 3, "LC202", "unknown standard 'A22': did you mean 'A2'?")]),
    (ACTIONS, "standards: [B1]", "standards: [B1, B11]",
     [E(ACTIONS, 9, 21, "LC202", "unknown standard 'B11': did you mean 'B1'?")]),
    (STANDARD_A2, "domain: A", "domain: Z",
     [E(STANDARD_A2, 2, 9, "LC201", "unknown domain 'Z': use a domain of cycle.yaml (A, B)")]),
    (VISIT, "institution: de-brug", "institution: xyz",
     [E(VISIT, 10, 18, "LC203", "unknown institution 'xyz': add it to institutions.yaml "
        "(de-brug, de-linde, het-anker)")]),
    (SETTINGS, "language: nl", "language: NL", [E(SETTINGS, 2, 11, "LC104",
        "'NL' is not a valid language: use one of nl, en; did you mean 'nl'?")]),
    (ACTIONS, "status: done", "status: don", [E(ACTIONS, 15, 13, "LC104",
        "'don' is not a valid status: use one of open, in_progress, done, dropped; "
        "did you mean 'done'?")]),
    (SELF_REVIEW, "outcome: met\n", "outcome: partly\n", [E(SELF_REVIEW, 6, 14, "LC104",
        f"'partly' is not a valid outcome: use one of {OUTCOMES}; did you mean 'partly_met'?")]),
    (SELF_REVIEW, "outcome: met\n", "outcome: gedeeltelijk\n", [E(SELF_REVIEW, 6, 14, "LC104",
        f"'gedeeltelijk' is not a valid outcome: use one of {OUTCOMES}")]),
    (EVALUATION, "verdict: keep", "verdict: behouden", [E(EVALUATION, 2, 17, "LC104",
        "'behouden' is not a valid verdict: use one of keep, adjust, drop")]),
    (SETTINGS, "[html, docx]", "[html, word]", [E(SETTINGS, 3, 17, "LC104",
        "'word' is not a valid format: use one of md, html, docx, pdf")]),
    (STANDARD_A1, "type: 1", "type: true", [E(STANDARD_A1, 5, 7, "LC104",
        "'true' is not a valid type: use one of 1, 2, 3")]),
])
# fmt: on
def test_hints_and_enumerations(
    make_network: MakeNetwork, file: str, old: str, new: str, expected: list[Found]
) -> None:
    assert found(make_network({file: edited(file, old, new)})) == expected


# Values read as written ---------------------------------------------------------------------


def test_dutch_outcome_aliases_are_accepted(make_network: MakeNetwork) -> None:
    review = (
        edited(SELF_REVIEW, "outcome: met\n", "outcome: volledig\n")
        .replace("outcome: partly_met", "outcome: Deels")
        .replace("outcome: not_applicable", "outcome: nvt")
    )
    visit = edited(VISIT, "outcome: partly_met", "outcome: niet")
    assert found(make_network({SELF_REVIEW: review, VISIT: visit})) == []


def test_ids_are_read_as_written(make_network: MakeNetwork) -> None:
    answers = "  1.10: {outcome: met, explanation: Ja.}\n  1.1: {outcome: met, explanation: Ja.}\n"
    root = make_network(
        {
            CYCLE_FILE: edited(CYCLE_FILE, 'id: "2025"', "id: 2025"),
            "cycles/2025/standards/1.10.yaml": "id: 1.10\ndomain: A\ntitle: Tien\ntext: Tien.\n",
            "cycles/2025/standards/1.1.yaml": "id: 1.1\ndomain: A\ntitle: Een\ntext: Een.\n",
            SELF_REVIEW: edited(SELF_REVIEW, "theme:", answers + "theme:"),
            VISIT: edited(VISIT, "standards: [B1]", "standards: [B1, 1.10, 1.100]"),
        }
    )
    assert found(root) == [
        E(VISIT, 26, 27, "LC202", "unknown standard '1.100': did you mean '1.10'?")
    ]


def test_standard_1_10_is_not_standard_1_1(make_network: MakeNetwork) -> None:
    answer = "  1.1: {outcome: met, explanation: Ja.}\ntheme:"
    root = make_network(
        {
            "cycles/2025/standards/1.10.yaml": "id: 1.1\ndomain: A\ntitle: Tien\ntext: Tien.\n",
            SELF_REVIEW: edited(SELF_REVIEW, "theme:", answer),
        }
    )
    message = (
        "the file is named 1.10.yaml, but id is '1.1': rename the file to 1.1.yaml or set id: 1.10"
    )
    # A misnamed file is known by its name until it is fixed, so the answer to '1.1' is flagged too.
    assert found(root) == [
        E(SELF_REVIEW, 14, 3, "LC202", "unknown standard '1.1': did you mean '1.10'?"),
        E("cycles/2025/standards/1.10.yaml", 1, 5, "LC107", message),
    ]


@pytest.mark.parametrize("word", ["no", "yes", "on", "'true'", "1"])
def test_share_takes_only_true_or_false(make_network: MakeNetwork, word: str) -> None:
    root = make_network({VISIT: edited(VISIT, "share: true", f"share: {word}")})
    shown = word.strip("'")
    assert found(root) == [
        E(VISIT, 21, 12, "LC103", f"'share' must be true or false, not '{shown}'")
    ]


def test_share_false_capitalised_is_a_boolean(make_network: MakeNetwork) -> None:
    assert found(make_network({VISIT: edited(VISIT, "share: true", "share: False")})) == []


def test_empty_text_says_so(make_network: MakeNetwork) -> None:
    text = edited(STANDARD_A1, "title: Respectvolle bejegening", "title: ''")
    assert found(make_network({STANDARD_A1: text})) == [
        E(STANDARD_A1, 3, 8, "LC103", "'title' must not be empty: write the text")
    ]


def test_duplicate_standard_across_files(make_network: MakeNetwork) -> None:
    root = make_network({"cycles/2025/standards/extra/A1.yaml": MINIMAL[STANDARD_A1]})
    message = (
        "there is already a standard 'A1' in cycles/2025/standards/A1.yaml: give each its "
        "own id, or remove one"
    )
    assert found(root) == [E("cycles/2025/standards/extra/A1.yaml", 1, 5, "LC213", message)]


def test_duplicate_domain_and_participant(make_network: MakeNetwork) -> None:
    text = edited(
        CYCLE_FILE,
        "participants: [de-linde, het-anker, de-brug]",
        "  - id: A\n    title: Nog eens\nparticipants: [de-linde, het-anker, de-brug, de-linde]",
    )
    assert found(make_network({CYCLE_FILE: text})) == [
        E(CYCLE_FILE, 11, 9, "LC213", "the domain 'A' is listed twice: keep one"),
        E(CYCLE_FILE, 13, 46, "LC213", "the participant 'de-linde' is listed twice: keep one"),
    ]


def test_explanation_of_only_spaces_is_missing(make_network: MakeNetwork) -> None:
    text = edited(
        SELF_REVIEW, "explanation: Herstelplannen worden samen opgesteld.", "explanation: '  '"
    )
    assert found(make_network({SELF_REVIEW: text})) == [
        W(SELF_REVIEW, 11, 5, "LC208", NO_EXPLANATION)
    ]


def test_standards_may_sit_in_sub_folders(make_network: MakeNetwork) -> None:
    moved = {STANDARD_B1: None, "cycles/2025/standards/B/B1.yaml": MINIMAL[STANDARD_B1]}
    assert found(make_network(moved)) == []


def test_continues_a_standard_of_the_previous_cycle(make_network: MakeNetwork) -> None:
    overrides = {**SCENARIOS["continues_unknown"]}
    overrides[STANDARD_A2] = MINIMAL[STANDARD_A2] + "continues: A1\n"
    assert found(make_network(overrides)) == []


# --strict and the command line ----------------------------------------------------------------


def test_strict_turns_warnings_into_errors(scenario: Callable[[str], Path]) -> None:
    root = scenario("overdue_action")
    assert [f.severity for f in found(root)] == ["warning"]
    assert [(f.severity, f.code) for f in found(root, strict_mode=True)] == [("error", "LC212")]


def _cli_json(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> tuple[int, list[dict[str, object]]]:
    code = run(argv)
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    ("name", "strict", "exit_code", "severity"),
    [
        ("overdue_action", False, 0, "warning"),
        ("overdue_action", True, 1, "error"),
        ("share_no", False, 1, "error"),
        ("misspelt_key", False, 1, "error"),
        ("team_member_unknown_institution", False, 1, "error"),
    ],
)
def test_findings_through_the_cli(
    scenario: Callable[[str], Path],
    capsys: pytest.CaptureFixture[str],
    name: str,
    strict: bool,
    exit_code: int,
    severity: str,
) -> None:
    argv = ["check", str(scenario(name)), "--format", "json", *(["--strict"] * strict)]
    [expected] = [_values(case)[1][0] for case in CASES if _values(case)[0] == name]
    assert _cli_json(capsys, argv) == (exit_code, [{**expected._asdict(), "severity": severity}])
