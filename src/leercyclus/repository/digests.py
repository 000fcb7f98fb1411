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

_MEMO: dict[tuple[str, Signature], tuple[str, bool]] = {}
"""(path, signature): (digest, whether a later run may trust it). Paths as text: making
thousands of Path objects would cost more than the stats."""
_FRESH: set[str] = set()
"""Files whose digest this process learned and has not kept yet."""
_RECALLED: set[Path] = set()


def signature(stat: os.stat_result) -> Signature:
    return stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino


def known(path: Path, stat: os.stat_result) -> str | None:
    """The digest of `path` if it is known for exactly this stat."""
    found = _MEMO.get((str(path), signature(stat)))
    return None if found is None else found[0]


def stamp(stat: os.stat_result, taken_ns: int) -> Stamp:
    """A stat taken at `taken_ns`, in a form that crosses process boundaries."""
    return (*signature(stat), taken_ns)


def note(path: Path, taken: Stamp, digest: str) -> None:
    """Learn `digest` of `path` as it was when `taken` (before the file was read)."""
    *sig, when = taken
    lasting = max(sig[1], sig[2]) <= when - RACY_NS
    key = (str(path), (sig[0], sig[1], sig[2], sig[3]))
    if _MEMO.get(key) != (digest, lasting):
        _MEMO[key] = (digest, lasting)
        if lasting:
            _FRESH.add(key[0])


def recall(root: Path, folder: Path) -> None:
    """Load the digests an earlier run kept in `folder` for the files under `root` (once)."""
    if root in _RECALLED:
        return
    _RECALLED.add(root)
    prefix = _prefix(root)
    try:
        kept = json.loads((folder / DIGESTS).read_text(encoding="utf-8"))
        for rel, (size, mtime, ctime, inode, digest) in kept["files"].items():
            sig = (int(size), int(mtime), int(ctime), int(inode))
            path = prefix + (rel if os.sep == "/" else rel.replace("/", os.sep))
            _MEMO.setdefault((path, sig), (str(digest), True))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return  # none yet, or damaged: the files are read again


def keep(root: Path, folder: Path, paths: Iterable[Path]) -> None:
    """Keep the lasting digests of `paths` (files under `root`) for the next run, if this run
    learned one of them."""
    current = {str(path) for path in paths}
    if _FRESH.isdisjoint(current) or not folder.is_dir():
        return
    prefix = _prefix(root)
    files = {}
    for (path, sig), (digest, lasting) in _MEMO.items():  # a path's latest signature is last
        if lasting and path in current and path.startswith(prefix):
            files[path[len(prefix) :].replace(os.sep, "/")] = [*sig, digest]
    try:
        write_atomic(folder / DIGESTS, json.dumps({"files": files}, separators=(",", ":")))
    except OSError:
        return  # a cache that cannot be written only costs time
    _FRESH.difference_update(current)


def _prefix(root: Path) -> str:
    """What str(root / rel) starts with."""
    text = str(root)
    return "" if text == "." else text if text.endswith(os.sep) else text + os.sep
