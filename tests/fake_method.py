"""A learning method made for the tests: one YAML kind inside cycles, one CSV kind at the root."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from leercyclus.models.kinds import FileKind


class Note(BaseModel):
    """A note of one location."""

    model_config = ConfigDict(extra="forbid")
    id: str
    text: str


KINDS = (
    FileKind(
        "note", "cycles/<cycle>/notes/<institution>/<note>.yaml", "fake_method:Note", "fake", "id"
    ),
    FileKind("series", "series/<indicator>.csv", "", "fake"),
)
