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


def refuse_links(base: Path, path: Path) -> None:
    """An OutputError if `path`, or a folder between `base` and it, is a symbolic link: what a
    repository holds must never steer a write to another place (out of --out, into public/)."""
    current = base
    for part in path.relative_to(base).parts:
        current = current / part
        if current.is_symlink():
            raise OutputError(
                f"{current} is a symbolic link: leercyclus writes nothing through a link, "
                "so nothing was written",
                "remove the link (a folder of outputs holds only real folders and files)",
            )


def publish(files: list[Path], staged: Path, out: Path) -> list[Path]:
    """Move staged files to the same place under `out`; each rename is atomic. Nothing is
    written if a target or a folder on its way is a symbolic link."""
    targets = [out / file.relative_to(staged) for file in files]
    for target in targets:
        refuse_links(out, target)
    placed = []
    try:
        for file, target in zip(files, targets, strict=True):
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


def write_atomic(path: Path, text: str, inside: Path | None = None) -> None:
    """Replace one user file atomically: a temp file beside it, then a rename. With `inside`
    (the repository), nothing is written through a symbolic link below it."""
    if inside is not None:
        refuse_links(inside, path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
