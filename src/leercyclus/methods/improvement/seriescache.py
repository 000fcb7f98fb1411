"""Indicator series read once: a series file's rows and findings kept in the user's cache, by
the file's content, its indicator's definition and the registered institutions.

A network's series are its largest files (1,000 institutions x 60 months x 5 indicators is
300,000 rows: about 0.9 s to read and check a column at a time, and 0.3 s to keep). Kept this
way, a `check` after another file changed, and every `report` and `status`, reads the answer
(about 0.4 s) instead of the rows.
The cache lies outside the repository (`repository.cache`), holds JSON only, and an entry is
used only when everything that decides the answer is the same: a repository cannot plant one.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leercyclus import __version__
from leercyclus.methods.improvement.tables import Measurement, collector_paused
from leercyclus.repository.cache import file_digest, private_folder, repository_cache
from leercyclus.repository.findings import Finding

if TYPE_CHECKING:
    from leercyclus.models.improvement import Indicator
    from leercyclus.repository.listing import SourceFile

FORMAT = "1"
"""Raised when what an entry holds, or how a series is checked, changes."""

Answer = tuple[list[Measurement], list[Finding]]


def key_of(source: SourceFile, indicator: Indicator | None, known: Collection[str] | None) -> str:
    """Everything the rows and findings of `source` depend on, as one digest; `known` None
    means every institution (institutions.yaml could not be read). Raises OSError when the
    file cannot be read."""
    parts = [
        FORMAT,
        __version__,
        source.rel,
        file_digest(source.path),
        indicator.model_dump_json() if indicator is not None else "-",
        "*" if known is None else "\n".join(sorted(known)),
    ]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _entry(root: Path, rel: str) -> Path:
    name = hashlib.sha256(rel.encode()).hexdigest()[:24]
    return repository_cache(root) / "series" / f"{name}.json"


def load(root: Path, rel: str, key: str) -> Answer | None:
    """The kept answer for `rel` if it was kept under `key`, else None."""
    try:
        with collector_paused():  # and the entry's lists are gone before it runs again
            return _answer(json.loads(_entry(root, rel).read_bytes()), rel, key)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # none kept, or unreadable: read the series


def _answer(entry: dict[str, Any], rel: str, key: str) -> Answer | None:
    if entry["key"] != key:
        return None
    rows = list(map(Measurement._make, entry["rows"]))
    findings = [
        Finding(severity, rel, code, message, line, column)
        for severity, code, message, line, column in entry["findings"]
    ]
    return rows, findings


def store(root: Path, rel: str, key: str, answer: Answer) -> None:
    """Keep `answer` for `rel` (one entry per file: the newest replaces the one before)."""
    rows, findings = answer
    if any(f.file != rel or f.path is not None for f in findings):
        return  # only findings by line are kept (read_indicator's kind)
    entry = {
        "key": key,
        "rows": rows,  # each a tuple: a JSON array
        "findings": [[f.severity, f.code, f.message, f.line, f.column] for f in findings],
    }
    target = _entry(root, rel)
    try:
        folder = private_folder(target.parent)
        fd, temp = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(json.dumps(entry, separators=(",", ":"), check_circular=False).encode())
            Path(temp).replace(target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError:
        return  # a cache that cannot be written is no error: the next run reads the rows
