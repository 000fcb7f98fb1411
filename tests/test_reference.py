"""The generated reference: docs/format.md and docs/rules.md are current, CODES matches the code."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from leercyclus.models import MODELS
from leercyclus.repository.findings import CODES
from leercyclus.repository.yamlread import load_text
from leercyclus.rules.reference import EXAMPLES, NOTES, TITLES, Row, generated_docs, rows
from leercyclus.rules.schema import KINDS, schema_for

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "leercyclus"

CODE = re.compile(r'(?<!== )"(LC\d{3})"')  # a comparison (code == "LC107") reports nothing
RAISED = re.compile(
    r'\b(error|warning|YamlProblem|_problem|Finding|__init__)\(\s*(?:"(error|warning)",\s*)?'
    r'(?:[^()]|\([^()]*\))*?"(LC\d{3})"',
    re.S,
)
"""A code and the call that reports it: error(...), warning(...), YamlProblem(...), _problem(...)
(tojson's), Finding(...), or a YamlProblem subclass's super().__init__(...)."""


def test_the_committed_docs_are_the_generated_ones() -> None:
    for rel, text in generated_docs().items():
        path = ROOT / rel
        committed = path.read_text(encoding="utf-8") if path.is_file() else None
        if committed != text:
            pytest.fail(f"{rel} is stale: run python scripts/gen_docs.py", pytrace=False)


def _used_codes() -> dict[str, set[str]]:
    """Every code the source reports, with the severities it is reported at."""
    used: dict[str, set[str]] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        if path.name == "findings.py":  # where CODES is defined
            text = path.read_text(encoding="utf-8")
            text = text[: text.index("CODES:")] + text[text.index('"""Every finding code') :]
        else:
            text = path.read_text(encoding="utf-8")
        found = RAISED.findall(text)
        assert len(found) == len(CODE.findall(text)), f"{path.name}: a code this test cannot place"
        for call, literal, code in found:
            severity = call if call in ("error", "warning") else literal or "error"
            used.setdefault(code, set()).add(severity)
    return used


def test_every_code_in_the_source_is_in_codes_and_every_code_in_codes_is_used() -> None:
    used = _used_codes()
    assert sorted(set(used) - set(CODES)) == [], "add these to CODES in findings.py"
    assert sorted(set(CODES) - set(used)) == [], "these codes are no longer reported: remove them"


def test_codes_have_the_severity_the_source_reports_them_at() -> None:
    for code, severities in _used_codes().items():
        assert severities == {CODES[code][0]}, code


def test_the_rules_doc_lists_every_code_with_its_severity() -> None:
    rules = generated_docs()["docs/rules.md"]
    for code, (severity, _meaning) in CODES.items():
        assert f"| {code} | {severity} |" in rules


def test_every_file_kind_has_a_title_and_an_example() -> None:
    assert list(TITLES) == list(EXAMPLES) == list(KINDS)
    assert set(NOTES) <= set(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_every_example_is_a_valid_file_of_its_kind(kind: str) -> None:
    data = load_text(EXAMPLES[kind])
    MODELS[kind].model_validate(data)
    assert list(Draft202012Validator(schema_for(kind)).iter_errors(data)) == []


def _paths(value: object, prefix: str = "") -> Iterator[str]:
    """Every key path of a document, written as the table writes them (`team[].name`)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield f"{prefix}{key}"
            yield from _paths(item, f"{prefix}{key}.")
    elif isinstance(value, list):
        for item in value:
            yield from _paths(item, prefix[:-1] + "[].")


@pytest.mark.parametrize("kind", KINDS)
def test_every_key_of_the_example_is_in_the_table(kind: str) -> None:
    keys = {row.key for row in rows(kind)}
    keys |= {k[: m.end()] for k in keys for m in re.finditer(r"<[^>]+>", k)}  # standards.<id>
    keys |= {f"{r.key}.<id>" for r in rows(kind) if r.type.startswith("mapping of `<")}
    table = [re.sub(r"<[^>]+>", "[^.]+", re.escape(key)) for key in keys]
    paths = list(_paths(load_text(EXAMPLES[kind])))
    assert len(paths) > 3
    for path in paths:
        assert any(re.fullmatch(pattern, path) for pattern in table), path
    assert f"## {TITLES[kind]}: `{KINDS[kind].place}`" in generated_docs()["docs/format.md"]


def test_the_table_says_type_requirement_and_both_descriptions() -> None:
    assert rows("settings") == [
        Row("network", "text", "required", "The network's name, as on the reports.",
            "Naam van het netwerk."),
        Row("language", "one of `nl`, `en`", "default `nl`",
            "The language of the reports, and of the forms leercyclus writes: nl (default) or en.",
            "Taal van de rapporten en van de formulieren: nl (standaard) of en."),
        Row("formats", "list, each one of `md`, `html`, `docx`, `pdf`, at least one",
            "default `[html, docx]`", "Output formats of `leercyclus report`: md, html, docx, pdf.",
            "Uitvoerformaten van `leercyclus report`: md, html, docx, pdf."),
        Row("national", "mapping (keys below)", "optional",
            "Settings of the public national report.", "Instellingen van het landelijk rapport."),
        Row("national.min_group", "whole number, at least 2", "default `5`",
            "No figure in the national report may describe fewer institutions than this.",
            "Geen getal in het landelijk rapport mag over minder instellingen gaan dan dit."),
        Row("national.extra_terms", "list of texts", "optional",
            "More words that must never appear in the national report (projects, wards, "
            "nicknames).",
            "Extra woorden die nooit in het landelijk rapport mogen staan "
            "(projecten, afdelingen)."),
        Row("national.list_participants", "`true` or `false`", "default `false`",
            "List the participating institutions by name in the national report (off by "
            "default). Many networks publish who takes part; the names then appear in that list "
            "only, and the leak guard still refuses them anywhere else in the report.",
            "Noem de deelnemende instellingen bij naam in het landelijk rapport (standaard uit). "
            "Veel netwerken maken bekend wie meedoet; de namen staan dan alleen in die lijst, en "
            "de controle op namen weigert ze overal elders in het rapport."),
        Row("groups", "mapping (keys below)", "optional",
            "The network's rules for intervision groups and learning networks.",
            "Regels voor intervisiegroepen en leernetwerken."),
        Row("groups.meetings_before_rotation", "whole number, at least 1", "default `4`",
            "Meetings a group holds before it is shuffled (the SWING toolkit: 4 to 6).",
            "Bijeenkomsten voordat een groep opnieuw wordt ingedeeld."),
        Row("groups.rotate_after_cycles", "whole number, at least 1", "default `1`",
            "Cycles a composition may stay unchanged.",
            "Cycli dat een samenstelling gelijk mag blijven."),
        Row("groups.rotating", "list, each one of `intervision`, `learning_network`, "
            "`working_group`, `theme_meeting`", "default `[intervision]`",
            "Kinds of group that rotate.", "Soorten groep die rouleren."),
        Row("groups.with_clients", "list, each one of `intervision`, `learning_network`, "
            "`working_group`, `theme_meeting`", "default `[intervision, learning_network]`",
            "Kinds of group that need a client, relative or expert by experience.",
            "Soorten groep met minstens één cliënt, naaste of ervaringsdeskundige."),
        Row("groups.min_disciplines", "whole number, at least 1", "default `2`",
            "Disciplines a group of a rotating kind has at least (multidisciplinary).",
            "Minimaal aantal disciplines per groep (multidisciplinair)."),
        Row("groups.half_life", "number", "default `2`",
            "Cycles after which a pair that sat together counts half as much in a rotation:"
            " a pair from the last cycle counts 1, from the cycle before 2^(-1/half_life), and"
            " so on.",
            "Na hoeveel cycli een paar dat samen zat bij het rouleren half zo zwaar telt: een"
            " paar uit de vorige cyclus telt 1, uit de cyclus daarvoor 2^(-1/half_life),"
            " enzovoort."),
    ]  # fmt: skip


def test_nested_keys_are_named_by_their_path() -> None:
    keys = [row.key for row in rows("actions")]
    assert keys == [
        "institution",
        "ambition",
        "actions",
        "actions[].id",
        "actions[].what",
        "actions[].owner",
        "actions[].due",
        "actions[].status",
        "actions[].standards",
        "actions[].progress",
        "actions[].progress[].date",
        "actions[].progress[].note",
        "actions[].themes",
        "actions[].source",
    ]
    visit = {row.key: row for row in rows("visit")}
    assert visit["standards.<standard-id>.outcome"].need == "required"
    assert visit["team[].institution"].type == "institution id"
    assert visit["parels[].share"].type == "`true` or `false`"
    assert visit["date"].type == "date (YYYY-MM-DD)"
