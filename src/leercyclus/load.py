"""Read every file once: unchanged files from the cache, the rest parsed over all cores."""

from __future__ import annotations

import gc
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from leercyclus import __version__
from leercyclus.findings import Finding
from leercyclus.parallel import context, cores
from leercyclus.repo import SourceFile
from leercyclus.validate import Parsed, read_data, validate

CACHE_DIR = Path(".leercyclus") / "cache"
"""Parsed files by content hash, inside the repository (git-ignored)."""

PARALLEL_BYTES = 2_000_000
"""Below this much YAML to parse, one process is faster than starting workers."""

MAX_PACKS = 8
"""More pack files than this are merged into one (with only the entries still in use)."""

Result = tuple[SourceFile, BaseModel | None, list[Finding]]


class ParseCache:
    """Parsed YAML as JSON, in a few pack files of {content hash: entry}.

    Packs, not a file per entry: writing thousands of small files cost more than parsing.
    JSON, not pickle: a repository's cache folder may come from someone else, and loading it
    must never run code. A damaged pack is ignored: its entries are parsed again.
    """

    def __init__(self, root: Path) -> None:
        self.folder = root / CACHE_DIR / f"v{__version__}"

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

    def tidy(self, live: dict[str, Parsed], known: int) -> None:
        """Merge the packs into one holding only `live` entries, once they are many or stale."""
        packs = self._packs()
        if len(packs) <= MAX_PACKS and known <= 2 * len(live) + 100:
            return
        if write_pack(self.folder, live) is not None:
            keep = self.folder / pack_name(live)
            for pack in packs:
                if pack != keep:
                    pack.unlink(missing_ok=True)

    def _packs(self) -> list[Path]:
        try:
            return sorted(self.folder.glob("pack-*.json"))
        except OSError:
            return []


def pack_name(entries: dict[str, Any]) -> str:
    """A pack's name follows from its entries, so two runs writing the same pack agree."""
    return "pack-" + hashlib.sha256("".join(sorted(entries)).encode()).hexdigest()[:20] + ".json"


def write_pack(folder: Path, entries: dict[str, Parsed]) -> Path | None:
    """Write a pack atomically (temp file, then rename); None when it cannot be written."""
    target = folder / pack_name(entries)
    try:
        top = folder.parent.parent
        if not (top / ".gitignore").is_file():
            top.mkdir(parents=True, exist_ok=True)
            (top / ".gitignore").write_text("# leercyclus cache: not for git\n*\n")
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode())
        Path(tmp).replace(target)
    except OSError:
        return None
    return target


def digest(raw: bytes) -> str:
    """The cache key of a file's content (and of this leercyclus version, by folder)."""
    return hashlib.sha256(raw).hexdigest()


_DIGESTS: dict[tuple[Path, int, int], str] = {}
"""Digests already computed in this process, by path, modification time and size."""


def file_digest(path: Path) -> str:
    """A file's content digest, read and hashed once per process (check's key, then the load)."""
    stat = path.stat()
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key not in _DIGESTS:
        _DIGESTS[key] = digest(path.read_bytes())
    return _DIGESTS[key]


def load_sources(root: Path, sources: list[SourceFile], *, use_cache: bool = True) -> list[Result]:
    """Parse and validate every source; parse only what the cache does not have."""
    with _quiet_gc():
        return _load(root, sources, use_cache)


@contextmanager
def _quiet_gc() -> Iterator[None]:
    """No cyclic GC while millions of long-lived objects are made; they make no cycles.

    Without this, the collector walks the growing data again and again: loading a large
    network took twice as long. Afterwards the loaded objects are frozen out of its way.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _load(root: Path, sources: list[SourceFile], use_cache: bool) -> list[Result]:
    cache = ParseCache(root) if use_cache else None
    known = cache.entries() if cache else {}
    parsed: dict[int, Parsed] = {}
    unreadable: dict[int, Finding] = {}
    live: dict[str, Parsed] = {}
    todo: list[tuple[int, str, bytes]] = []
    for index, source in enumerate(sources):
        try:
            key = file_digest(source.path)
            hit = known.get(key)
            if hit is None:  # only a file to parse is read here; its digest is taken afresh
                raw = source.path.read_bytes()
                key = digest(raw)
        except OSError as exc:
            message = f"cannot read the file: {exc.strerror}"
            unreadable[index] = Finding("error", source.rel, "LC001", message, 1, 1)
            continue
        if hit is not None:
            parsed[index] = live[key] = hit
        else:
            todo.append((index, key, raw))
    fresh = _parse_many([(key, raw) for _, key, raw in todo], cache.folder if cache else None)
    for (index, key, _raw), entry in zip(todo, fresh, strict=True):
        parsed[index] = live[key] = entry
    if cache is not None and todo:
        cache.tidy(live, len(known) + len(todo))
    results: list[Result] = []
    for index, source in enumerate(sources):
        if index in unreadable:
            results.append((source, None, [unreadable[index]]))
        else:
            results.append((source, *validate(source, parsed[index])))
    return results


def _parse_many(jobs: list[tuple[str, bytes]], folder: Path | None) -> list[Parsed]:
    """Parse files and cache them as packs: here when few, else in one worker per core."""
    workers = cores()
    if sum(len(raw) for _, raw in jobs) < PARALLEL_BYTES or workers < 2:
        return _parse_chunk(jobs, folder)
    chunks = [jobs[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=context()) as pool:
        done = list(pool.map(_parse_chunk, chunks, [folder] * workers))
    results: list[Parsed] = [{} for _ in jobs]
    for i, chunk in enumerate(done):
        results[i::workers] = chunk
    return results


def _parse_chunk(jobs: list[tuple[str, bytes]], folder: Path | None) -> list[Parsed]:
    """Parse (key, bytes) jobs; with a cache folder, also write them as one pack."""
    entries = [read_data(raw) for _, raw in jobs]
    if folder is not None and jobs:
        write_pack(folder, {key: entry for (key, _), entry in zip(jobs, entries, strict=True)})
    return entries
