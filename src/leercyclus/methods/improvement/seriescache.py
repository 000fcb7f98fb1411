"""Indicator series read once: a series file's rows and findings kept in the user's cache, by
the file's content, its indicator's definition and the registered institutions.

A network's series are its largest files (1,000 institutions x 60 months x 5 indicators is
300,000 rows: about 0.85 s to read and check a column at a time). Kept this way, a `check` after
another file changed, and every `report` and `status`, reads the answer (about 0.17 s) instead
of the rows; keeping it costs about 0.1 s. The rows are kept by column, each column as one JSON
string where it can be (a text by line; numbers as their bytes in base64), so neither writing
nor reading goes over a value at a time in Python.
The cache lies outside the repository (`repository.cache`), holds JSON only, and an entry is
used only when everything that decides the answer is the same: a repository cannot plant one.
"""

from __future__ import annotations

import array
import base64
import hashlib
import json
import os
import sys
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

FORMAT = "2"
"""Raised when what an entry holds, or how a series is checked, changes."""

Answer = tuple[list[Measurement], list[Finding]]

NUMBERS = {"int": (int, "q"), "float": (float, "d")}
"""The numbers a column can hold as bytes: their type and array type code (8 bytes each)."""


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
    except (OSError, ValueError, LookupError, TypeError, AttributeError, RecursionError):
        return None  # none kept, or damaged: read the series


def _answer(entry: dict[str, Any], rel: str, key: str) -> Answer | None:
    if entry["key"] != key:
        return None
    columns = [_values(entry["columns"][field]) for field in Measurement._fields]
    rows = list(map(Measurement._make, zip(*columns, strict=True)))
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
    with collector_paused():  # turning rows into columns makes an iterator per row
        columns = zip(*rows, strict=True) if rows else [()] * len(Measurement._fields)
        entry = {
            "key": key,
            "columns": dict(zip(Measurement._fields, map(_column, columns), strict=True)),
            "findings": [[f.severity, f.code, f.message, f.line, f.column] for f in findings],
        }
        text = json.dumps(entry, separators=(",", ":"), check_circular=False).encode()
    target = _entry(root, rel)
    try:
        folder = private_folder(target.parent)
        fd, temp = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(text)
            Path(temp).replace(target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError:
        return  # a cache that cannot be written is no error: the next run reads the rows


def _column(values: tuple[Any, ...]) -> list[Any] | dict[str, str]:
    """A column of rows as JSON: its texts as one text by line, its numbers as their bytes in
    base64, both exact; a list where neither is (a text with a line break, a number or None)."""
    kinds = set(map(type, values))
    if kinds == {str}:
        text = "\n".join(values)
        if text.count("\n") == len(values) - 1:
            return {"text": text}
    for name, (kind, code) in NUMBERS.items():
        if kinds == {kind}:
            try:
                numbers = array.array(code, values)
            except OverflowError:
                break  # an int beyond 8 bytes
            if sys.byteorder == "big":
                numbers.byteswap()  # kept little-endian
            return {name: base64.b64encode(numbers).decode("ascii")}
    return list(values)


def _values(column: list[Any] | dict[str, str]) -> list[Any]:
    """The values `_column` kept."""
    if isinstance(column, list):
        return column
    ((name, data),) = column.items()
    if name == "text":
        return data.split("\n")
    numbers = array.array(NUMBERS[name][1], base64.b64decode(data, validate=True))
    if sys.byteorder == "big":
        numbers.byteswap()
    return numbers.tolist()
