"""The parse cache: parsed files as JSON packs of {content hash: entry}, in the user's cache.

Nothing a repository holds is trusted as a cache: a cache, remembered answer or build manifest
committed to it could say anything. leercyclus keeps all of them in the user's own cache folder,
one folder per repository (by its resolved path), where only leercyclus writes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from leercyclus import __version__
from leercyclus.repository import digests

Parsed = dict[str, Any]
"""One parsed file: its data as JSON-like values, or the reason it could not be read."""

MAX_PACKS = 8
"""More pack files than this are merged into one (with only the entries still in use)."""

CACHE_ENV = "LEERCYCLUS_CACHE"
"""Names the folder leercyclus keeps its caches in, instead of the platform's cache folder."""


def user_cache() -> Path:
    """leercyclus's folder in the user's cache: $LEERCYCLUS_CACHE, else the platform's place."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or ""
        if not Path(base).is_absolute():
            base = str(Path.home() / ".cache")
    return Path(base) / "leercyclus"


def _keyed(kind: str, path: Path) -> Path:
    """A private folder of the user's cache for the folder at `path` (by its resolved path)."""
    resolved = path.resolve()
    name = re.sub(r"[^A-Za-z0-9._-]", "_", resolved.name)[:40] or "root"
    key = hashlib.sha256(os.fsencode(resolved)).hexdigest()[:20]
    return user_cache() / kind / f"{name}-{key}"


def repository_cache(root: Path) -> Path:
    """The user's cache folder of the repository at `root` (never inside the repository)."""
    return _keyed("repositories", root)


def output_cache(out: Path) -> Path:
    """The user's cache folder of the output folder `out`: what leercyclus wrote there."""
    return _keyed("outputs", out)


def cache_folder(root: Path) -> Path:
    """Where this leercyclus version keeps its parse cache of the repository at `root`."""
    return repository_cache(root) / f"v{__version__}"


def private_folder(folder: Path) -> Path:
    """Make `folder` (in the user's cache), readable by this user only where it is new: it
    holds parsed confidential texts."""
    top = user_cache()
    if not top.is_dir():
        top.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


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

    def has_packs(self) -> bool:
        """Whether any pack is kept (readable or not)."""
        return bool(self._packs())

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
        private_folder(self.folder)
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
