"""Output scopes: who may read an output, where it lands, and what must hold before it leaves.

Every output belongs to exactly one scope and lands in that scope's folder of the cycle's build:

| scope          | folder                       | readers                         |
|----------------|------------------------------|---------------------------------|
| `confidential` | confidential/<institution>/  | one institution                 |
| `group`        | groups/<group>/              | the members of one group        |
| `network`      | network/                     | every participant of the network|
| `public`       | public/                      | anyone                          |

What leaves an institution (group, network, public) is read back by a leak guard before it is
published; public figures also keep `national.min_group`.

One sub-folder of public/ is reserved: `public/parels/` holds the parels catalogue as a static
site (index.html, parels.js, parels.css), which a network's CI can publish on GitHub or GitLab
Pages with the rest of public/ (docs/nationalday.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from leercyclus.errors import OutputError


@dataclass(frozen=True, slots=True)
class Scope:
    """One audience: its name, its folder in a cycle's build, and the rules for leaving it."""

    name: str
    folder: str
    """Relative to the cycle's build folder; `{key}` is the institution or group id."""
    readers: str
    guarded: bool
    """Read back by a leak guard before it is published (everything that leaves an institution)."""
    min_group: bool
    """Figures about fewer than `national.min_group` institutions are suppressed."""

    def path(self, cycle: str, key: str | None, name: str) -> Path:
        """Where an output named `name` of this scope lands, relative to the build folder."""
        if ("{key}" in self.folder) != (key is not None):
            raise ValueError(f"scope {self.name} {'needs' if key is None else 'takes no'} key")
        for part in (cycle, name) if key is None else (cycle, key, name):
            if part in ("", ".", "..") or "/" in part or "\\" in part:
                raise OutputError(f"'{part}' cannot be part of an output's path")
        return Path(cycle, self.folder.format(key=key), name)

    def holds(self, rel: Path) -> bool:
        """Whether `rel` (relative to the build folder) lies in this scope's folder of a cycle."""
        parts = PurePosixPath(rel.as_posix()).parts
        folder = PurePosixPath(self.folder.format(key="*")).parts
        return len(parts) > len(folder) + 1 and all(
            f == "*" or f == p for f, p in zip(folder, parts[1:], strict=False)
        )


CONFIDENTIAL = Scope("confidential", "confidential/{key}", "one institution", False, False)
GROUP = Scope("group", "groups/{key}", "the members of one group", True, False)
NETWORK = Scope("network", "network", "every participant of the network", True, True)
PUBLIC = Scope("public", "public", "anyone", True, True)

PUBLIC_SITE = "parels"
"""The sub-folder of public/ that holds the parels catalogue site (methods/nationalday/site.py)."""

SCOPES = {s.name: s for s in (CONFIDENTIAL, GROUP, NETWORK, PUBLIC)}
