"""JSON Schemas (draft 2020-12) of every file kind, generated from the models, for editors."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, NoDefault
from pydantic_core import core_schema

from leercyclus.errors import OutputError, UsageError
from leercyclus.models.kinds import file_kinds
from leercyclus.repository.listing import SETTINGS

DIALECT = "https://json-schema.org/draft/2020-12/schema"
DEFAULT_FOLDER = "schemas"
"""Where `leercyclus schema` writes without --out: this folder in the repository's root."""

WHOLE_NUMBER_TEXT = r"^[-+]?[0-9]+$"


@dataclass(frozen=True, slots=True)
class Kind:
    """A file kind: its schema's file name and its place in the layout."""

    name: str
    file: str
    place: str

    @property
    def glob(self) -> str:
        """The place as a glob pattern, for an editor's schema mapping."""
        return re.sub(r"<[^>]+>", "*", self.place)


_SPECIAL = {"settings": "leercyclus.schema.json"}

KINDS: dict[str, Kind] = {
    k.name: Kind(
        k.name,
        "leercyclus.schema.json" if k.name == "settings" else f"{k.name}.schema.json",
        k.place,
    )
    for k in file_kinds().values()
    if not k.csv
}
"""Every YAML file kind (models/kinds.py), in the contract's order."""


class _Generator(GenerateJsonSchema):
    """Pydantic's generator without made-up property titles, with default_factory defaults."""

    def field_title_should_be_set(self, schema: Any) -> bool:  # noqa: ARG002
        return False

    def get_default_value(self, schema: core_schema.WithDefaultSchema) -> Any:
        factory = schema.get("default_factory")
        if factory is not None and not schema.get("default_factory_takes_data"):
            value = factory()  # type: ignore[call-arg]
            return value.model_dump(mode="json") if isinstance(value, BaseModel) else value
        return schema.get("default", NoDefault)


def base_schema(kind: str) -> dict[str, Any]:
    """The model's schema, normalised: English `description` and Dutch `x-description-nl` apart."""
    generated: dict[str, Any] = (
        file_kinds()[kind].load_model().model_json_schema(schema_generator=_Generator)
    )
    defs: dict[str, Any] = generated.get("$defs", {})
    _normalise(generated, defs)
    for sub in defs.values():
        _normalise(sub, defs)
    return generated


def _normalise(node: Any, defs: dict[str, Any]) -> None:
    """Walk a schema: close pattern mappings, accept whole numbers as text, restore descriptions."""
    if isinstance(node, list):
        for item in node:
            _normalise(item, defs)
        return
    if not isinstance(node, dict):
        return
    if "patternProperties" in node and "properties" not in node:
        node.setdefault("additionalProperties", False)
    if node.get("type") == "integer":
        # leercyclus reads `5` as the text "5" and accepts it: so does the schema.
        node["type"] = ["integer", "string"]
        node["pattern"] = WHOLE_NUMBER_TEXT
    if "enum" in node and all(type(v) is int for v in node["enum"]):
        node["enum"] = [*node["enum"], *(str(v) for v in node["enum"])]
    if "x-description-nl" in node and "description" not in node and "$ref" in node:
        target = defs.get(node["$ref"].rsplit("/", 1)[-1], {})
        if "description" in target:
            node["description"] = target["description"]
    for key, value in node.items():
        if key not in ("default", "enum", "const", "examples"):
            _normalise(value, defs)


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema of one file kind, as `leercyclus schema` writes it."""
    info = KINDS[kind]
    body = base_schema(kind)
    _bilingual(body)
    for node in [body, *body.get("$defs", {}).values()]:
        _empty_collections(node)
    model_doc = body.pop("description", "")
    defs = body.pop("$defs", None)
    body.pop("title", None)
    head: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": info.file,
        "title": f"leercyclus: {info.place}",
        "description": f"{model_doc} File: {info.place}. Reference: docs/format.md.",
    }
    return {**head, "type": body.pop("type"), **body, **({"$defs": defs} if defs else {})}


def _empty_collections(model: dict[str, Any]) -> None:
    """A list or mapping with an empty default may be left empty (`standards:` with nothing
    after it, as a form leaves it): the models read that as the default, so the schema must
    not flag it."""
    for prop in model.get("properties", {}).values():
        if prop.get("default") in ([], {}) and prop.get("type") in ("array", "object"):
            prop["type"] = [prop["type"], "null"]


def _bilingual(node: Any) -> None:
    """Put the Dutch text after the English one in every description that has both."""
    if isinstance(node, list):
        for item in node:
            _bilingual(item)
    elif isinstance(node, dict):
        nl = node.get("x-description-nl")
        if isinstance(nl, str) and isinstance(node.get("description"), str):
            node["description"] = f"{node['description']} — {nl}"
        for key, value in node.items():
            if key not in ("default", "enum", "const", "examples"):
                _bilingual(value)


def render(schema: dict[str, Any]) -> str:
    """A schema as the text of its file: indented JSON, UTF-8, one newline at the end."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def all_schemas() -> dict[str, str]:
    """Every schema file's name and text."""
    return {info.file: render(schema_for(name)) for name, info in KINDS.items()}


def default_folder(start: Path) -> Path:
    """schemas/ in the network repository around `start`, else schemas/ in `start` itself."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / SETTINGS).is_file():
            return folder / DEFAULT_FOLDER
    return here / DEFAULT_FOLDER


Outcome = Literal["created", "updated", "unchanged"]


def write_schemas(folder: Path) -> list[tuple[str, Outcome]]:
    """Write every schema into `folder`; say per file: created, updated or unchanged."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file, not a folder", "give --out a folder for the schemas")
    texts = all_schemas()
    results: list[tuple[str, Outcome]] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in texts.items():
            path = folder / name
            old = path.read_text(encoding="utf-8") if path.is_file() else None
            if old == text:
                results.append((name, "unchanged"))
                continue
            _write_atomic(path, text)
            results.append((name, "created" if old is None else "updated"))
    except OSError as exc:
        raise OutputError(
            f"cannot write the schemas to {folder}: {exc.strerror or exc}",
            "choose another folder with --out, or check its permissions",
        ) from None
    return results


def _write_atomic(path: Path, text: str) -> None:
    """Write beside the target, then rename: a reader never sees half a schema."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8", newline="\n")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
