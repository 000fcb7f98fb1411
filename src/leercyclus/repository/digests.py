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
_KEPT: dict[str, dict[str, object]] = {}
"""What earlier runs kept, per repository (the text its files' paths start with), as read:
{relative path: [size, mtime, ctime, inode, digest]}. Looked up entry by entry when asked, so
a warm check of thousands of files does not first make a memo entry of each."""


def signature(stat: os.stat_result) -> Signature:
    return stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino


def known(path: Path, stat: os.stat_result) -> str | None:
    """The digest of `path` if it is known for exactly this stat."""
    text = str(path)
    sig = signature(stat)
    found = _MEMO.get((text, sig))
    if found is not None:
        return found[0]
    for prefix, files in _KEPT.items():
        if text.startswith(prefix):
            rel = text[len(prefix) :]
            return _kept(files.get(rel if os.sep == "/" else rel.replace(os.sep, "/")), sig)
    return None


def unchanged(root: Path, rels: Iterable[str]) -> dict[str, str]:
    """The digests of the files at `rels` (relative paths under `root`) known for the files as
    they are now, by a stat of each; a file not known (or gone) is left out. The one loop over
    every file of a warm check: no Path objects, no file read."""
    prefix = _prefix(root)
    files = _KEPT.get(prefix, {})
    found: dict[str, str] = {}
    for rel in rels:
        path = prefix + (rel if os.sep == "/" else rel.replace("/", os.sep))
        try:
            stat = os.stat(path)  # noqa: PTH116 (text: a Path each would cost more than the stat)
        except (OSError, ValueError):
            continue
        sig = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
        memo = _MEMO.get((path, sig))
        digest = memo[0] if memo is not None else _kept(files.get(rel), sig)
        if digest is not None:
            found[rel] = digest
    return found


def _kept(entry: object, sig: Signature) -> str | None:
    """The digest of an entry an earlier run kept, if it was kept for exactly `sig`."""
    if isinstance(entry, list) and len(entry) == 5:
        digest = entry[4]
        if isinstance(digest, str) and (entry[0], entry[1], entry[2], entry[3]) == sig:
            return digest
    return None


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
    try:
        files = json.loads((folder / DIGESTS).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, TypeError, KeyError):
        return  # none yet, or damaged: the files are read again
    if isinstance(files, dict):  # an entry is checked when it is looked up (_kept)
        _KEPT[_prefix(root)] = files


def keep(root: Path, folder: Path, paths: Iterable[Path]) -> None:
    """Keep the lasting digests of `paths` (files under `root`) for the next run, if this run
    learned one of them."""
    if not _FRESH:  # a warm run: no file's path made text for nothing
        return
    current = {str(path) for path in paths}
    if _FRESH.isdisjoint(current) or not folder.is_dir():
        return
    prefix = _prefix(root)
    earlier = _KEPT.get(prefix, {})
    files: dict[str, object] = {}
    for path in current:  # what earlier runs kept, then what this one learned
        if path.startswith(prefix):
            rel = path[len(prefix) :].replace(os.sep, "/")
            entry = earlier.get(rel)
            if isinstance(entry, list) and len(entry) == 5 and isinstance(entry[4], str):
                files[rel] = entry
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
