"""The parse cache: parsed files as JSON packs of {content hash: entry} under .leercyclus/."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING

from leercyclus import __version__
from leercyclus.repository import digests

if TYPE_CHECKING:
    from leercyclus.repository.parse import Parsed

CACHE_DIR = Path(".leercyclus") / "cache"
"""Parsed files by content hash, inside the repository (git-ignored)."""

MAX_PACKS = 8
"""More pack files than this are merged into one (with only the entries still in use)."""


def cache_folder(root: Path) -> Path:
    """Where this leercyclus version keeps its cache of the repository at `root`."""
    return root / CACHE_DIR / f"v{__version__}"


class ParseCache:
    """Parsed YAML as JSON, in a few pack files of {content hash: entry}.

    Packs, not a file per entry: writing thousands of small files cost more than parsing.
    JSON, not pickle: a repository's cache folder may come from someone else, and loading it
    must never run code. A damaged pack is ignored: its entries are parsed again.
    """

    def __init__(self, root: Path) -> None:
        self.folder = cache_folder(root)

    def entries(self) -> dict[str, Parsed]:
        """Every entry of every readable pack."""
        found: dict[str, Parsed] = {}
        for pack in self._packs():
            try:
                data = json.loads(pack.read_bytes())
            except (OSError, ValueError):
                continue
            if isinstance(data, dict):
                found.update(
                    (k, v)
                    for k, v in data.items()
                    if isinstance(v, dict) and ("data" in v or "problem" in v)
                )
        return found

    def tidy(self, live: set[str], known: int) -> None:
        """Merge the packs into one holding only the `live` entries, once they are many or
        mostly stale (`known` entries in all). Rare, so the packs are simply read again."""
        packs = self._packs()
        if len(packs) <= MAX_PACKS and known <= 2 * len(live) + 100:
            return
        kept = {key: entry for key, entry in self.entries().items() if key in live}
        with PackWriter(self.folder) as writer:
            writer.add(json.dumps(kept, ensure_ascii=False, separators=(",", ":")).encode(), kept)
            keep = writer.finish()
        if keep is not None:
            for pack in packs:
                if pack != keep:
                    pack.unlink(missing_ok=True)

    def _packs(self) -> list[Path]:
        try:
            return sorted(self.folder.glob("pack-*.json"))
        except OSError:
            return []


def pack_name(keys: Iterable[str]) -> str:
    """A pack's name follows from its entries, so two runs writing the same pack agree."""
    return "pack-" + hashlib.sha256("".join(sorted(keys)).encode()).hexdigest()[:20] + ".json"


class PackWriter:
    """A pack written piece by piece as parsed chunks arrive, renamed into place when whole.

    Each piece is a JSON object of entries; the pack is their members in one object. Writing
    as the chunks come spreads the cost over the parse. A cache that cannot be written is no
    error: the writer then quietly does nothing, and an unfinished pack is never seen (leaving
    the `with` block by an exception drops it). With no folder, it writes nothing at all.
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.keys: set[str] = set()
        self._handle: IO[bytes] | None = None
        self._tmp: Path | None = None
        self._broken = folder is None

    def __enter__(self) -> PackWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is not None or self._handle is not None:
            self.discard()

    def add(self, piece: bytes, keys: Iterable[str]) -> None:
        """Add a JSON object of entries (as bytes) whose keys are `keys`."""
        if self._broken or len(piece) <= 2:
            return
        try:
            if self._handle is None:
                self._handle = self._open()
                self._handle.write(b"{")
            else:
                self._handle.write(b",")
            self._handle.write(memoryview(piece)[1:-1])
        except OSError:
            self.discard()
            return
        self.keys.update(keys)

    def finish(self) -> Path | None:
        """Close the pack and move it into place; its path, or None when nothing was written."""
        if self._handle is None or self._tmp is None or self.folder is None:
            return None
        target = self.folder / pack_name(self.keys)
        try:
            self._handle.write(b"}")
            self._handle.close()
            self._tmp.replace(target)
        except OSError:
            self.discard()
            return None
        self._handle = self._tmp = None
        return target

    def discard(self) -> None:
        """Drop the unfinished pack; later pieces are ignored."""
        self._broken = True
        if self._handle is not None:
            self._handle.close()
        if self._tmp is not None:
            self._tmp.unlink(missing_ok=True)
        self._handle = self._tmp = None

    def _open(self) -> IO[bytes]:
        assert self.folder is not None
        top = self.folder.parent.parent
        if not (top / ".gitignore").is_file():
            top.mkdir(parents=True, exist_ok=True)
            (top / ".gitignore").write_text("# leercyclus cache: not for git\n*\n")
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=self.folder)
        self._tmp = Path(tmp)
        return os.fdopen(fd, "wb")


def digest(raw: bytes) -> str:
    """The cache key of a file's content (and of this leercyclus version, by folder)."""
    return hashlib.sha256(raw).hexdigest()


def file_digest(path: Path) -> str:
    """A file's content digest: read and hashed only when no earlier reading of the file as it
    is now is remembered (`digests`: this process, or a run before it)."""
    taken = time.time_ns()
    stat = path.stat()
    found = digests.known(path, stat)
    if found is None:
        found = digest(path.read_bytes())
        digests.note(path, digests.stamp(stat, taken), found)
    return found
