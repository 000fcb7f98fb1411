"""The file kinds of intervision groups and learning networks (no pydantic: listing reads it)."""

from __future__ import annotations

from leercyclus.models.kinds import FileKind

KINDS = (
    FileKind("people", "people.yaml", "leercyclus.models.groups:People", "groups"),
    FileKind(
        "rotation",
        "cycles/<cycle>/groups/rotation.yaml",
        "leercyclus.models.groups:Rotation",
        "groups",
    ),
    FileKind(
        "group",
        "cycles/<cycle>/groups/<group>.yaml",
        "leercyclus.models.groups:Group",
        "groups",
        "id",
    ),
    FileKind(
        "story",
        "cycles/<cycle>/stories/<story>.yaml",
        "leercyclus.models.groups:Story",
        "groups",
        "id",
    ),
)
"""people.yaml; per cycle rotation.yaml (before the groups: its name is not a group's), the
groups and the value-creation stories."""
