"""The last `check`'s answer, kept by a key of everything the answer depends on."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from leercyclus import __version__
from leercyclus.cache import cache_folder, file_digest
from leercyclus.findings import Finding
from leercyclus.history import git_state
from leercyclus.repo import list_files
from leercyclus.write import write_atomic

if TYPE_CHECKING:
    from leercyclus.pipeline import Summary

SUMMARY = "summary.json"


def summary_key(root: Path, today: dt.date) -> str | None:
    """A hash of every input of `check`; None when a file cannot be read (no shortcut then)."""
    sources, _ = list_files(root)
    digest = hashlib.sha256(f"{__version__}\0{today.isoformat()}\0".encode())
    for source in sources:
        try:
            content = file_digest(source.path)
        except OSError:
            return None
        digest.update(f"{source.rel}\0{content}\0".encode())
    if (root / "cycles").is_dir():
        digest.update(git_state(root).encode())
    return digest.hexdigest()


def remembered(root: Path, key: str) -> Summary | None:
    """The answer stored under `key`, if it is there and whole."""
    from leercyclus.pipeline import Summary

    try:
        data = json.loads((cache_folder(root) / SUMMARY).read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        findings = [Finding(**f) for f in data["findings"]]
        return Summary(findings, int(data["files"]))
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
        write_atomic(cache_folder(root) / SUMMARY, json.dumps(payload, ensure_ascii=False))
    except OSError:
        return
