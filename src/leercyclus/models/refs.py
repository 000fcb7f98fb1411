"""References from one file to an item in another: `kind:path`, the same syntax for every method."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import StringConstraints, WithJsonSchema

REF_KINDS = (
    "standard",
    "action",
    "parel",
    "oester",
    "indicator",
    "project",
    "audit",
    "analysis",
    "group",
    "story",
    "ambition",
)
"""What a reference can point at; a learning method adds its kinds here and names its targets."""

_SEGMENT = r"[A-Za-z0-9][A-Za-z0-9._-]*"  # never `.` or `..`: a reference names, it never walks
REF_PATTERN = rf"^({'|'.join(REF_KINDS)}):{_SEGMENT}(/{_SEGMENT})*(#{_SEGMENT})?$"

Reference = Annotated[
    str,
    StringConstraints(pattern=REF_PATTERN),
    WithJsonSchema({"type": "string", "pattern": REF_PATTERN}),
]
"""`kind:path`, e.g. `standard:2026/B2`, `action:2025/de-linde/naasten-intake`,
`oester:2026/de-linde/naasten-later`; an optional `#part` names a part of the item."""


def split_reference(ref: str) -> tuple[str, str, str | None]:
    """(kind, path, part) of a reference that matches REF_PATTERN."""
    kind, _, rest = ref.partition(":")
    path, _, part = rest.partition("#")
    return kind, path, part or None


def slug(text: str) -> str:
    """The id a titled item (a parel, an oester) gets when it has none: its title, lowercase,
    words joined by hyphens, letters and digits only."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:80] or "item"


def unused(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`, ... : the first one not in `taken`, which it joins."""
    found, n = base, 1
    while found in taken:
        n += 1
        found = f"{base}-{n}"
    taken.add(found)
    return found
