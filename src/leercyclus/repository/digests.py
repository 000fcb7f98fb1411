"""File digests remembered between runs by each file's stat signature, so that learning that
a file is unchanged does not mean reading it again (git's index does the same)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from leercyclus.repository.write import write_atomic

DIGESTS = "digests.json"
"""The remembered digests, in the repository's cache folder."""

RACY_NS = 2_000_000_000
"""A file changed less than this before its stat was taken can change again unseen within its
timestamps' resolution: its digest is used in this process only (git's "racy clean" rule)."""

Signature = tuple[int, int, int, int]
"""Size, modification time, change time (which no program can set) and inode."""
Stamp = tuple[int, int, int, int, int]
"""A signature and when it was taken."""

_MEMO: dict[tuple[Path, Signature], tuple[str, bool]] = {}
"""(path, signature): (digest, whether a later run may trust it)."""
_FRESH: set[Path] = set()
"""Files whose digest this process learned and has not kept yet."""
_RECALLED: set[Path] = set()


def signature(stat: os.stat_result) -> Signature:
    return stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino


def known(path: Path, stat: os.stat_result) -> str | None:
    """The digest of `path` if it is known for exactly this stat."""
    found = _MEMO.get((path, signature(stat)))
    return None if found is None else found[0]


def stamp(stat: os.stat_result, taken_ns: int) -> Stamp:
    """A stat taken at `taken_ns`, in a form that crosses process boundaries."""
    return (*signature(stat), taken_ns)


def note(path: Path, taken: Stamp, digest: str) -> None:
    """Learn `digest` of `path` as it was when `taken` (before the file was read)."""
    *sig, when = taken
    lasting = max(sig[1], sig[2]) <= when - RACY_NS
    key = (path, (sig[0], sig[1], sig[2], sig[3]))
    if _MEMO.get(key) != (digest, lasting):
        _MEMO[key] = (digest, lasting)
        if lasting:
            _FRESH.add(path)


def recall(root: Path, folder: Path) -> None:
    """Load the digests an earlier run kept in `folder` for the files under `root` (once)."""
    if root in _RECALLED:
        return
    _RECALLED.add(root)
    try:
        kept = json.loads((folder / DIGESTS).read_text(encoding="utf-8"))
        for rel, (size, mtime, ctime, inode, digest) in kept["files"].items():
            sig = (int(size), int(mtime), int(ctime), int(inode))
            _MEMO.setdefault((root / rel, sig), (str(digest), True))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return  # none yet, or damaged: the files are read again


def keep(root: Path, folder: Path, paths: Iterable[Path]) -> None:
    """Keep the lasting digests of `paths` (files under `root`) for the next run, if this run
    learned one of them."""
    current = set(paths)
    if _FRESH.isdisjoint(current) or not folder.is_dir():
        return
    files = {}
    for (path, sig), (digest, lasting) in _MEMO.items():  # a path's latest signature is last
        if lasting and path in current:
            files[path.relative_to(root).as_posix()] = [*sig, digest]
    try:
        write_atomic(folder / DIGESTS, json.dumps({"files": files}, separators=(",", ":")))
    except OSError:
        return  # a cache that cannot be written only costs time
    _FRESH.difference_update(current)
