"""Write outputs safely: everything into a staging folder first, then renamed into place."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from leercyclus.errors import OutputError

STAGING = ".staging-"
"""The prefix of a build's staging folder: `.staging-<pid>-<random>`, inside the output folder
(so that the final renames stay on one file system), readable by its owner only."""


@contextmanager
def staging(out: Path) -> Iterator[Path]:
    """A fresh folder inside `out` for a build; removed afterwards, whatever happens.

    A run that was killed (SIGKILL, a power cut) cannot remove its folder: the next run does.
    """
    try:
        out.mkdir(parents=True, exist_ok=True)
        remove_stale_staging(out)
        folder = Path(tempfile.mkdtemp(prefix=f"{STAGING}{os.getpid()}-", dir=out))
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


def remove_stale_staging(out: Path) -> list[Path]:
    """Remove the staging folders in `out` whose run has ended; the removed folders."""
    removed = []
    for folder in out.glob(f"{STAGING}*"):
        if folder.is_dir() and not _running(folder.name[len(STAGING) :].split("-")[0]):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _running(pid: str) -> bool:
    """Whether the process that made a staging folder still runs (an older name: no)."""
    if not pid.isdigit():
        return False
    if int(pid) == os.getpid():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, but is another user's
        return True
    return True


def publish(files: list[Path], staged: Path, out: Path) -> list[Path]:
    """Move staged files to the same place under `out`; each rename is atomic, and Ctrl-C
    waits until all are moved (a half-published build would mix two builds). Nothing is
    written if a target or a folder on its way is a symbolic link."""
    targets = [out / file.relative_to(staged) for file in files]
    for target in targets:
        refuse_links(out, target)
    placed = []
    with _uninterrupted():
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


@contextmanager
def _uninterrupted() -> Iterator[None]:
    """Hold Ctrl-C until the block is done, then raise it (in the main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: received.append(signum))
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    if received:  # now as the handler in place would have it (the CLI's, or KeyboardInterrupt)
        signal.raise_signal(signal.SIGINT)


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


def write_all(root: Path, files: dict[Path, str]) -> list[Path]:
    """Write several new or replaced user files under `root` as one step: nothing through a
    symbolic link, each first as a temp file beside its target, then all renamed at once with
    Ctrl-C held; if any temp file cannot be written, none of the targets is touched."""
    targets = [root / rel for rel in files]
    for target in targets:
        refuse_links(root, target)
    temps: list[Path] = []
    try:
        for target, text in zip(targets, files.values(), strict=True):
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
            temps.append(Path(name))
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        with _uninterrupted():
            for temp, target in zip(temps, targets, strict=True):
                temp.replace(target)
    except OSError as exc:
        raise OutputError(
            f"cannot write {exc.filename or root}: {exc.strerror}: nothing was written",
            "check the folder's permissions",
        ) from None
    finally:
        for temp in temps:
            temp.unlink(missing_ok=True)
    return list(files)
