"""Shared constrained types of the file models: ids, dates, outcomes and documented fields."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

INSTITUTION_ID = r"^[a-z0-9][a-z0-9-]*$"
STANDARD_ID = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"


def doc(en: str, nl: str, **kwargs: Any) -> Any:
    """A field documented in English and Dutch; both reach the JSON Schema and the reference."""
    extra = dict(kwargs.pop("json_schema_extra", None) or {})
    extra["x-description-nl"] = nl
    return Field(description=en, json_schema_extra=extra, **kwargs)


class Strict(BaseModel):
    """Base of every file model: unknown keys are errors, values are not silently coerced."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)

    @model_validator(mode="before")
    @classmethod
    def _empty_means_none(cls, data: Any) -> Any:
        """`standards:` with nothing after it is an empty mapping, as a form leaves it."""
        collections = _COLLECTIONS.get(cls)
        if collections is None:
            collections = _COLLECTIONS[cls] = frozenset(
                name
                for name, info in cls.model_fields.items()
                if info.default_factory in (list, dict)
            )
        if not collections or not isinstance(data, dict):  # most models: a lookup, no more
            return data
        empty = [key for key in collections if key in data and data[key] is None]
        return {k: v for k, v in data.items() if k not in empty} if empty else data


_COLLECTIONS: dict[type[BaseModel], frozenset[str]] = {}
"""Per model, its fields that are a list or mapping by default (and may be left empty)."""


ID_RULES = {
    INSTITUTION_ID: "use lowercase letters, digits and hyphens, starting with a letter or digit",
    STANDARD_ID: "use letters, digits, '.', '_' and '-', starting with a letter or digit",
}
"""The id patterns in words, for messages (validation itself runs in pydantic-core)."""


def _id_type(pattern: str) -> Any:
    return Annotated[
        str,
        StringConstraints(pattern=pattern),
        WithJsonSchema({"type": ["string", "number"], "pattern": pattern}),
    ]


InstitutionId = _id_type(INSTITUTION_ID)
StandardId = _id_type(STANDARD_ID)
DomainId = _id_type(STANDARD_ID)
CycleId = _id_type(STANDARD_ID)
ActionId = _id_type(STANDARD_ID)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _parse_date(value: object) -> object:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise _date_error(f"'{value}' is not an existing date") from None
    if value is None:
        raise _date_error("the date is empty: write it as YYYY-MM-DD, e.g. 2025-04-14")
    raise _date_error(f"'{value}' is not a date: write it as YYYY-MM-DD, e.g. 2025-04-14")


def _date_error(message: str) -> PydanticCustomError:
    return PydanticCustomError("invalid_date", "{message}", {"message": message})


IsoDate = Annotated[
    dt.date,
    BeforeValidator(_parse_date),
    WithJsonSchema({"type": "string", "format": "date"}),
]


def _whole_number(value: object) -> object:
    if isinstance(value, bool):  # `true` is no number, whatever Python says
        return str(value).lower()
    if isinstance(value, str) and re.fullmatch(r"[-+]?[0-9]+", value.strip()):
        return int(value)
    return value


WholeNumber = Annotated[int, BeforeValidator(_whole_number), Field(strict=True)]
"""A whole number as YAML writes it (plain `5`)."""

StandardType = Annotated[
    Literal[1, 2, 3], BeforeValidator(_whole_number), WithJsonSchema({"enum": [1, 2, 3]})
]
"""1 essential, 2 expected, 3 desirable."""

Text = Annotated[str, Field(min_length=1)]
"""Free text that must not be empty."""

Flag = Annotated[bool, Field(strict=True)]
"""true or false, and nothing else (YAML 1.2: `no` is text)."""

OUTCOMES = ("met", "partly_met", "not_met", "not_applicable")
_OUTCOME_SET = frozenset(OUTCOMES)
OUTCOME_ALIASES = {
    "volledig": "met",
    "deels": "partly_met",
    "niet": "not_met",
    "nvt": "not_applicable",
}


def _outcome_alias(value: object) -> object:
    if isinstance(value, str) and value not in _OUTCOME_SET:  # mostly written as it is kept
        return OUTCOME_ALIASES.get(value.strip().lower(), value)
    return value


Outcome = Annotated[
    Literal["met", "partly_met", "not_met", "not_applicable"],
    BeforeValidator(_outcome_alias),
    WithJsonSchema(
        {"enum": [*OUTCOMES, *OUTCOME_ALIASES], "type": "string"},
    ),
]
"""met | partly_met | not_met | not_applicable; Dutch: volledig | deels | niet | nvt."""
