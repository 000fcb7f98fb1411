"""`leercyclus schema`: valid draft 2020-12 schemas that accept the files as tools read them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator, ValidationError

from helpers import REGISTER, SELF_REVIEW, SETTINGS, VISIT, edited, network
from leercyclus.cli import run
from leercyclus.models import MODELS
from leercyclus.repository.listing import SourceFile, list_files
from leercyclus.repository.yamlread import decode, load_text
from leercyclus.rules.schema import KINDS, all_schemas, schema_for
from leercyclus.rules.validate import parse

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "herstelnetwerk"


def validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(
        schema_for(kind), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


class EditorLoader(yaml.SafeLoader):
    """YAML as an editor's language server reads it (YAML 1.2 core): dates stay text, `no` too."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if not tag.endswith((":timestamp", ":bool"))]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
EditorLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def nodes(node: Any) -> Iterator[dict[str, Any]]:
    """Every schema object inside `node`, depth first."""
    if isinstance(node, dict):
        yield node
        for key, value in node.items():
            if key not in ("default", "enum"):
                yield from nodes(value)
    elif isinstance(node, list):
        for item in node:
            yield from nodes(item)


@pytest.mark.parametrize("kind", KINDS)
def test_every_schema_passes_the_meta_schema_check(kind: str) -> None:
    schema = schema_for(kind)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == KINDS[kind].file
    assert schema["title"] and schema["description"]


def test_one_schema_per_file_kind_with_the_contract_names() -> None:
    assert set(KINDS) == set(MODELS)
    assert list(all_schemas()) == [
        "leercyclus.schema.json",
        "institutions.schema.json",
        "cycle.schema.json",
        "standard.schema.json",
        "self-review.schema.json",
        "visit.schema.json",
        "actions.schema.json",
        "evaluation.schema.json",
        "indicator.schema.json",
        "project.schema.json",
        "instrument.schema.json",
        "analysis.schema.json",
        "documents.schema.json",
        "audit-framework.schema.json",
        "audit.schema.json",
        "audit-conversation.schema.json",
        "people.schema.json",
        "rotation.schema.json",
        "group.schema.json",
        "story.schema.json",
        "national-day.schema.json",
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_every_mapping_forbids_unknown_keys(kind: str) -> None:
    mappings = [n for n in nodes(schema_for(kind)) if "properties" in n or "patternProperties" in n]
    assert mappings
    assert all(n.get("additionalProperties") is False for n in mappings)


@pytest.mark.parametrize("kind", KINDS)
def test_every_key_is_described_in_english_and_dutch(kind: str) -> None:
    for node in nodes(schema_for(kind)):
        for key, prop in node.get("properties", {}).items():
            assert prop.get("x-description-nl"), f"{kind}: '{key}' has no Dutch description"
            assert prop["description"].endswith(f" — {prop['x-description-nl']}"), key


def test_the_description_an_editor_shows_is_english_then_dutch() -> None:
    network_key = schema_for("settings")["properties"]["network"]
    assert (
        network_key["description"]
        == "The network's name, as on the reports. — Naam van het netwerk."
    )


@pytest.mark.parametrize(
    ("kind", "document"),
    [
        ("cycle", "id: 2025\ntitle: Cyclus 2025\ndomains: [{id: 1, title: Bejegening}]\n"),
        ("standard", "id: 1.10\ndomain: 1\ntitle: T\ntext: Tekst.\ntype: 2\n"),
        ("settings", "network: N\nnational: {min_group: 6}\n"),
    ],
)
def test_numbers_that_leercyclus_reads_as_text_pass_in_both_readings(
    kind: str, document: str
) -> None:
    assert MODELS[kind].model_validate(load_text(document))
    assert list(validator(kind).iter_errors(load_text(document))) == []
    assert list(validator(kind).iter_errors(yaml.load(document, EditorLoader))) == []


def _example_files() -> list[SourceFile]:
    if not (EXAMPLE / "leercyclus.yaml").is_file():
        return []
    return [s for s in list_files(EXAMPLE)[0] if s.kind in KINDS]  # CSV: read by its method


EXAMPLE_FILES = _example_files()


@pytest.mark.skipif(not EXAMPLE_FILES, reason="examples/herstelnetwerk is not there (yet)")
@pytest.mark.parametrize("source", EXAMPLE_FILES, ids=lambda s: s.rel)
def test_every_file_of_the_example_network_validates(source: SourceFile) -> None:
    text = decode(source.path.read_bytes())
    for reading, data in (
        ("leercyclus", load_text(text)),
        ("editor", yaml.load(text, EditorLoader)),
    ):
        problems = [f"{e.json_path}: {e.message}" for e in validator(source.kind).iter_errors(data)]
        model, findings = parse(source, text.encode())
        verdict = "valid" if model else f"invalid too: {[f.message for f in findings]}"
        assert problems == [], f"{source.rel} as {reading} reads it (the model finds it {verdict})"


@pytest.mark.parametrize(
    ("rel", "old", "new", "keyword", "where", "code"),
    [
        (VISIT, "    role: chair\n", "    role: chair\n    email: p@x.nl\n", "additionalProperties",
         "$.team[0]", "LC101"),
        (SETTINGS, "network:", "netwerk:", "additionalProperties", "$", "LC101"),
        (SELF_REVIEW, "outcome: met\n", "outcome: goed\n", "enum", "$.standards.A1.outcome",
         "LC104"),
        (VISIT, "role: chair", "role: voorzitter", "enum", "$.team[0].role", "LC104"),
        (VISIT, "share: true", "share: yes", "type", "$.parels[0].share", "LC103"),
        (SELF_REVIEW, "participants: [teamleider kliniek, 2 cliënten]", "participants: 2 cliënten",
         "type", "$.participants", "LC103"),
        (REGISTER, "city: Zwolle", "city: [Zwolle]", "type", "$.institutions[0].city", "LC103"),
        (SETTINGS, "min_group: 3", "min_group: drie", "pattern", "$.national.min_group",
         "LC103"),
    ],
)  # fmt: skip
def test_schema_and_model_reject_the_same_mistakes(
    tmp_path: Path, rel: str, old: str, new: str, keyword: str, where: str, code: str
) -> None:
    text = edited(rel, old, new)
    source = next(s for s in list_files(network(tmp_path))[0] if s.rel == rel)
    errors = list(validator(source.kind).iter_errors(load_text(text)))
    assert (keyword, where) in list(_flat(errors))
    model, findings = parse(source, text.encode())
    assert model is None
    assert code in [f.code for f in findings]


def _flat(errors: list[ValidationError]) -> Iterator[tuple[str, str]]:
    """Each error's keyword and place, with those of the alternatives inside anyOf."""
    for error in errors:
        yield str(error.validator), error.json_path
        yield from _flat(list(error.context or []))


def test_schema_writes_every_file_and_says_what_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert run(["schema", "--out", str(out)]) == 0
    first = capsys.readouterr().out.splitlines()
    count = len(all_schemas())
    assert first[0] == f"{out}/: {count} JSON Schemas (draft 2020-12), {count} written"
    assert first[1] == "  created    leercyclus.schema.json"
    assert {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()} == all_schemas()

    (out / "cycle.schema.json").write_text("{}", encoding="utf-8")
    assert run(["schema", "--out", str(out)]) == 0
    again = capsys.readouterr().out.splitlines()
    assert again[0] == f"{out}/: {count} JSON Schemas (draft 2020-12), 1 written"
    assert "  updated    cycle.schema.json" in again
    assert "  unchanged  standard.schema.json" in again
    assert (out / "cycle.schema.json").read_text(encoding="utf-8") == all_schemas()[
        "cycle.schema.json"
    ]


def test_schema_writes_to_the_repository_root_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = network(tmp_path)
    monkeypatch.chdir(root / "cycles" / "2025")
    assert run(["schema"]) == 0
    assert capsys.readouterr().out.startswith(
        f"{root / 'schemas'}/: {len(all_schemas())} JSON Schemas"
    )
    assert sorted(p.name for p in (root / "schemas").iterdir()) == sorted(all_schemas())
    assert not (root / "cycles" / "2025" / "schemas").exists()


def test_schema_refuses_a_file_as_its_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "schemas"
    target.write_text("not a folder", encoding="utf-8")
    assert run(["schema", "--out", str(target)]) == 2
    err = " ".join(capsys.readouterr().err.split())  # console.err wraps long lines at 80
    assert f"error: {target} is a file, not a folder" in err
    assert target.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize("kind", KINDS)
def test_every_list_or_mapping_with_an_empty_default_may_be_left_empty(kind: str) -> None:
    schema = schema_for(kind)
    for node in nodes(schema):
        for name, prop in node.get("properties", {}).items():
            if prop.get("default") in ([], {}):
                assert "null" in prop["type"], f"{kind}: '{name}' refuses an empty value"


@pytest.mark.parametrize(
    ("rel", "old", "new"),
    [
        (SELF_REVIEW, "participants: [teamleider kliniek, 2 cliënten]", "participants:"),
        (VISIT, "    standards: [B1]\n", "    standards:\n"),
        (REGISTER, "aliases: [De Linde, ZGL]", "aliases:"),
    ],
)
def test_an_empty_key_passes_both_the_model_and_the_schema(
    tmp_path: Path, rel: str, old: str, new: str
) -> None:
    """`participants:` with nothing after it, as a form leaves it: the default, for both."""
    text = edited(rel, old, new)
    source = next(s for s in list_files(network(tmp_path))[0] if s.rel == rel)
    model, findings = parse(source, text.encode())
    assert model is not None, [f.message for f in findings]
    assert [e.message for e in validator(source.kind).iter_errors(load_text(text))] == []
