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

from pydantic import BaseModel

from leercyclus import __version__
from leercyclus.findings import Finding
from leercyclus.repo import SourceFile
from leercyclus.validate import Parsed, read_data, validate

CACHE_DIR = Path(".leercyclus") / "cache"
"""Parsed files by content hash, inside the repository (git-ignored)."""

PARALLEL_BYTES = 2_000_000
"""Below this much YAML to parse, one process is faster than starting workers."""

Result = tuple[SourceFile, BaseModel | None, list[Finding]]


class ParseCache:
    """Parsed YAML as JSON files named by the content hash; a bad entry is simply a miss."""

    def __init__(self, root: Path) -> None:
        self.folder = root / CACHE_DIR / f"v{__version__}"

    @classmethod
    def at(cls, folder: Path) -> ParseCache:
        """The cache whose entries live in `folder` (for worker processes)."""
        cache = cls.__new__(cls)
        cache.folder = folder
        return cache

    def path(self, digest: str) -> Path:
        return self.folder / digest[:2] / f"{digest}.json"

    def get(self, digest: str) -> Parsed | None:
        try:
            with self.path(digest).open("rb") as handle:
                entry = json.load(handle)
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or not ("data" in entry or "problem" in entry):
            return None
        return entry

    def prune(self, keep: set[str]) -> None:
        """Drop entries no file has any more, once they clearly outnumber the live ones."""
        try:
            entries = list(self.folder.glob("*/*.json"))
        except OSError:
            return
        if len(entries) <= 2 * len(keep) + 100:
            return
        for entry in entries:
            if entry.stem not in keep:
                entry.unlink(missing_ok=True)

    def put(self, digest: str, parsed: Parsed) -> None:
        """Write an entry atomically; a cache that cannot be written is no error."""
        target = self.path(digest)
        try:
            top = self.folder.parent.parent
            if not (top / ".gitignore").is_file():
                top.mkdir(parents=True, exist_ok=True)
                (top / ".gitignore").write_text("# leercyclus cache: not for git\n*\n")
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
            with os.fdopen(fd, "wb") as handle:
                handle.write(json.dumps(parsed, ensure_ascii=False, separators=(",", ":")).encode())
            Path(tmp).replace(target)
        except OSError:
            return


def digest(raw: bytes) -> str:
    """The cache key of a file's content (and of this leercyclus version, by folder)."""
    return hashlib.sha256(raw).hexdigest()


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
    parsed: dict[int, Parsed] = {}
    unreadable: dict[int, Finding] = {}
    keys: set[str] = set()
    todo: list[tuple[int, str, bytes]] = []
    for index, source in enumerate(sources):
        try:
            raw = source.path.read_bytes()
        except OSError as exc:
            message = f"cannot read the file: {exc.strerror}"
            unreadable[index] = Finding("error", source.rel, "LC001", message, 1, 1)
            continue
        key = digest(raw)
        keys.add(key)
        hit = cache.get(key) if cache else None
        if hit is not None:
            parsed[index] = hit
        else:
            todo.append((index, key, raw))
    jobs = [(key, raw) for _, key, raw in todo]
    for (index, _key, _raw), entry in zip(todo, _parse_many(jobs, cache), strict=True):
        parsed[index] = entry
    if cache is not None and todo:
        cache.prune(keys)
    results: list[Result] = []
    for index, source in enumerate(sources):
        if index in unreadable:
            results.append((source, None, [unreadable[index]]))
        else:
            results.append((source, *validate(source, parsed[index])))
    return results


def _parse_many(jobs: list[tuple[str, bytes]], cache: ParseCache | None) -> list[Parsed]:
    """Parse (and cache) files: in this process when few, else in one worker per core."""
    folder = cache.folder if cache else None
    workers = _cores()
    if sum(len(raw) for _, raw in jobs) < PARALLEL_BYTES or workers < 2:
        return _parse_chunk(jobs, folder)
    chunks = [jobs[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        done = list(pool.map(_parse_chunk, chunks, [folder] * workers))
    results: list[Parsed] = [{} for _ in jobs]
    for i, chunk in enumerate(done):
        results[i::workers] = chunk
    return results


def _parse_chunk(jobs: list[tuple[str, bytes]], folder: Path | None) -> list[Parsed]:
    cache = ParseCache.at(folder) if folder else None
    results = []
    for key, raw in jobs:
        entry = read_data(raw)
        if cache is not None:
            cache.put(key, entry)
        results.append(entry)
    return results


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
