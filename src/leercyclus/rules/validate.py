"""One file's bytes → its model, or findings that say what is wrong and what would be right."""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from leercyclus.models.common import ID_RULES, OUTCOME_ALIASES
from leercyclus.models.kinds import file_kinds
from leercyclus.repository.cache import Parsed
from leercyclus.repository.findings import Finding, error, suggest
from leercyclus.repository.listing import SourceFile
from leercyclus.repository.parse import read_data
from leercyclus.repository.yamlread import Path_

ID_FIELD = {k.name: k.id_field for k in file_kinds().values() if k.id_field is not None}
"""The field whose value must equal the file's name (or, for cycle.yaml, its folder's)."""


def parse(source: SourceFile, raw: bytes) -> tuple[BaseModel | None, list[Finding]]:
    """Validate a file's bytes against the model of its kind."""
    return validate(source, read_data(raw))


def validate(source: SourceFile, parsed: Parsed) -> tuple[BaseModel | None, list[Finding]]:
    """Validate parsed data against the model of the file's kind."""
    if "problem" in parsed:
        code, message, line, column = parsed["problem"]
        return None, [Finding("error", source.rel, code, message, line, column)]
    data = parsed["data"]
    model_cls = file_kinds()[source.kind].load_model()
    if not isinstance(data, dict):
        message = (
            f"the file holds {_found(data)}, where a mapping of keys belongs "
            f"(such as {_example_keys(model_cls)}): see docs/format.md"
        )
        return None, [Finding("error", source.rel, "LC010", message, 1, 1)]
    try:
        model = model_cls.model_validate(data)
    except ValidationError as exc:
        return None, [_explain(source.rel, model_cls, err) for err in exc.errors()]
    return model, _name_findings(source, model)


def _name_findings(source: SourceFile, model: BaseModel) -> list[Finding]:
    field = ID_FIELD.get(source.kind)
    if field is None:
        return []
    written = getattr(model, field)
    expected = source.cycle if source.kind == "cycle" else source.stem
    if written == expected:
        return []
    if source.kind == "cycle":
        message = (
            f"the folder is cycles/{expected}, but {field} is '{written}': "
            f'make them equal (id: "{expected}", or rename the folder)'
        )
    else:
        message = (
            f"the file is named {source.path.name}, but {field} is '{written}': "
            f"rename the file to {written}.yaml or set {field}: {expected}"
        )
    return [error(source.rel, "LC107", message, (field,))]


def _explain(file: str, model_cls: type[BaseModel], err: Any) -> Finding:
    """Turn one pydantic error into a finding with a readable message and the right position."""
    loc = tuple(err["loc"])
    kind = err["type"]
    value = err.get("input")
    is_key = "[key]" in loc
    path: Path_ = tuple(p for p in loc if p != "[key]")
    name = _field_name(path)
    if kind == "extra_forbidden":
        allowed = _fields_at(model_cls, path[:-1])
        hint = suggest(str(path[-1]), allowed)
        tail = f"did you mean '{hint}'?" if hint else f"the keys allowed here are {_join(allowed)}"
        return error(file, "LC101", f"unknown key '{path[-1]}': {tail}", path, at_key=True)
    if kind == "missing":
        where = f" in '{_field_name(path[:-1])}'" if path[:-1] else ""
        return error(
            file,
            "LC102",
            f"the required key '{name}' is missing{where}: add it",
            path[:-1],
            at_key=True,
        )
    if kind in ("literal_error", "enum"):
        item = name[:-1] if isinstance(path[-1], int) and name.endswith("s") else name
        return error(file, "LC104", _enum_message(item, value, err), path)
    if kind == "string_pattern_mismatch":
        what = _id_kind(model_cls, path, is_key)
        rule = ID_RULES.get(err["ctx"]["pattern"], "")
        message = f"'{value}' is not a valid {what} id: {rule}, e.g. '{_ID_EXAMPLES[what]}'"
        return error(file, "LC105", message, path, at_key=is_key)
    if kind == "invalid_date":
        return error(file, "LC106", f"'{name}': {err['msg']}", path)
    optional = "" if _required(model_cls, path) else " or remove the key"
    message = _type_message(name, kind, value, err, optional)
    return error(file, "LC103", message, path, at_key=is_key)


_ID_EXAMPLES = {"institution": "de-linde", "standard": "A1", "domain": "A", "cycle": "2025",
                "action": "naasten-intake"}  # fmt: skip
_ID_FIELDS = {"institution": "institution", "participants": "institution", "domain": "domain",
              "continues": "standard", "previous": "cycle", "standards": "standard"}  # fmt: skip
_ID_MODELS = {"Standard": "standard", "Cycle": "cycle", "Domain": "domain", "Action": "action",
              "Institution": "institution"}  # fmt: skip


def _id_kind(model_cls: type[BaseModel], path: Path_, is_key: bool) -> str:
    """Which kind of id a value at `path` is, for the message."""
    field_path = path[:-1] if is_key else path
    name = _field_name(field_path)
    if name == "id":
        owner = _model_at(model_cls, field_path[:-1])
        return _ID_MODELS.get(owner.__name__ if owner else "", "standard")
    return _ID_FIELDS.get(name, "standard")


_ENUM_SPLIT = re.compile(r",\s*|\s+or\s+")


def _enum_message(name: str, value: object, err: Any) -> str:
    expected = str(err.get("ctx", {}).get("expected", ""))
    allowed = [v.strip().strip("'") for v in _ENUM_SPLIT.split(expected) if v.strip()]
    shown = [*allowed]
    if name == "outcome":
        shown += [f"{alias}" for alias in OUTCOME_ALIASES]
    message = f"{_found(value)} is not a valid {name}: use one of {_join(shown)}"
    hint = suggest(str(value), shown) if isinstance(value, str) else None
    return f"{message}; did you mean '{hint}'?" if hint else message


_TYPE_WORDS = {
    "string_type": "text",
    "bool_type": "true or false",
    "list_type": "a list (lines starting with '- ')",
    "dict_type": "a mapping (lines of 'key: value')",
    "model_type": "a mapping (lines of 'key: value')",
    "model_attributes_type": "a mapping (lines of 'key: value')",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
}


def _type_message(name: str, kind: str, value: object, err: Any, optional: str) -> str:
    if kind in _TYPE_WORDS:
        return f"'{name}' must be {_TYPE_WORDS[kind]}, not {_found(value)}"
    if kind in ("too_short", "string_too_short"):
        if isinstance(value, str):
            return f"'{name}' must not be empty: write the text{optional}"
        return f"'{name}' must have at least one entry"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = err["ctx"].get("ge", err["ctx"].get("le"))
        word = "at least" if kind == "greater_than_equal" else "at most"
        return f"'{name}' must be {word} {bound}, not {_found(value)}"
    return f"'{name}': {err['msg']}"


def _found(value: object) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return str(value).lower()
    text = str(value)
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"


def _field_name(path: Path_) -> str:
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return "value"


def _join(words: list[str]) -> str:
    return ", ".join(words)


def _example_keys(model_cls: type[BaseModel]) -> str:
    return ", ".join(f"'{name}'" for name in list(model_cls.model_fields)[:3])


def _fields_at(model_cls: type[BaseModel], path: Path_) -> list[str]:
    """The keys the model allows at `path`, following lists, mappings and optional values."""
    model = _model_at(model_cls, path)
    return list(model.model_fields) if model else []


def _required(model_cls: type[BaseModel], path: Path_) -> bool:
    """Whether the key at the end of `path` must be there."""
    model = _model_at(model_cls, path[:-1])
    field = model.model_fields.get(str(path[-1])) if model and path else None
    return bool(field and field.is_required())


def _model_at(model_cls: type[BaseModel], path: Path_) -> type[BaseModel] | None:
    """The model that describes the mapping at `path`, if one does."""
    annotation: Any = model_cls
    for part in path:
        model = _as_model(annotation)
        if model is not None:
            field = model.model_fields.get(str(part))
            if field is None:
                return None
            annotation = field.annotation
            continue
        args = typing.get_args(_strip(annotation))
        annotation = args[-1] if args else None
    return _as_model(annotation)


def _strip(annotation: Any) -> Any:
    """Remove Annotated[...] and `X | None` around a type."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            rest = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = rest[0] if len(rest) == 1 else annotation
            if len(rest) != 1:
                return annotation
        else:
            return annotation


def _as_model(annotation: Any) -> type[BaseModel] | None:
    stripped = _strip(annotation)
    if isinstance(stripped, type) and issubclass(stripped, BaseModel):
        return stripped
    return None
