"""Write outputs safely: everything into a staging folder first, then renamed into place."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from leercyclus.errors import OutputError


@contextmanager
def staging(out: Path) -> Iterator[Path]:
    """A fresh folder inside `out` for a build; removed afterwards, whatever happens."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    except OSError as exc:
        raise OutputError(
            f"cannot write to {out}: {exc.strerror}", "choose another folder with --out"
        ) from None
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def publish(files: list[Path], staged: Path, out: Path) -> list[Path]:
    """Move staged files to the same place under `out`; each rename is atomic."""
    placed = []
    try:
        for file in files:
            target = out / file.relative_to(staged)
            target.parent.mkdir(parents=True, exist_ok=True)
            file.replace(target)
            placed.append(target)
    except OSError as exc:
        raise OutputError(
            f"cannot write {target}: {exc.strerror}", "check the folder's permissions"
        ) from None
    return placed


def write_text(path: Path, text: str) -> Path:
    """Write a text file (UTF-8, LF) inside a staging folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def write_atomic(path: Path, text: str) -> None:
    """Replace one user file atomically: a temp file beside it, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
