"""The last `check`'s answer, kept by a key of everything the answer depends on."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from leercyclus import __version__
from leercyclus.repository import digests
from leercyclus.repository.cache import cache_folder, file_digest, private_folder
from leercyclus.repository.findings import Finding
from leercyclus.repository.git import git_state
from leercyclus.repository.listing import Listing
from leercyclus.repository.write import write_atomic

SUMMARY = "summary.json"


@dataclass(frozen=True, slots=True)
class Summary:
    """What `check` prints: the findings (located) and how many files were read."""

    findings: list[Finding]
    files: int

    @property
    def ok(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)


def outside_state(root: Path) -> str:
    """What the answer depends on besides the files: the git state, when there are cycles."""
    return git_state(root) if (root / "cycles").is_dir() else ""


def summary_key(
    today: dt.date, contents: Mapping[str, str | None], listing: list[Finding], outside: str
) -> str | None:
    """A hash of every input of `check`: the day, each file's path and content hash (None when
    a file cannot be read: no shortcut then), what the listing found (missing and unknown
    files), the git state and the leercyclus version."""
    digest = hashlib.sha256(f"{__version__}\0{today.isoformat()}\0".encode())
    for rel, content in sorted(contents.items()):  # the loader may read kinds in its own order
        if content is None:
            return None
        digest.update(f"{rel}\0{content}\0".encode())
    for finding in listing:
        digest.update(f"{finding.file}\0{finding.code}\0{finding.message}\0".encode())
    digest.update(outside.encode())
    return digest.hexdigest()


def current_inputs(root: Path, files: Listing) -> tuple[dict[str, str | None], list[Finding]]:
    """Each listed file's content hash as it is now (None: unreadable), in the loader's order,
    and what the listing found."""
    sources, listing = files
    known = digests.unchanged(root, (source.rel for source in sources))
    contents: dict[str, str | None] = {}
    for source in sources:
        found = known.get(source.rel)
        if found is None:  # changed, new, or unknown: read (file_digest stats it again)
            try:
                found = file_digest(source.path)
            except OSError:
                found = None
        contents[source.rel] = found
    return contents, listing


def remembered(root: Path) -> tuple[str, Summary] | None:
    """The stored answer and its key, if one is there and whole."""

    try:
        data = json.loads((cache_folder(root) / SUMMARY).read_text(encoding="utf-8"))
        findings = [Finding(**f) for f in data["findings"]]
        return str(data["key"]), Summary(findings, int(data["files"]))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def remember(root: Path, key: str, summary: Summary) -> None:
    """Store the answer; a cache that cannot be written is no error."""
    payload = {
        "key": key,
        "files": summary.files,
        "findings": [f.as_json() for f in summary.findings],
    }
    try:
        folder = private_folder(cache_folder(root))
        write_atomic(folder / SUMMARY, json.dumps(payload, ensure_ascii=False))
    except OSError:
        return
