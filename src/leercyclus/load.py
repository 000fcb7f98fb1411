"""Read every file once: unchanged files from the cache, the rest parsed over all cores."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from pathlib import Path

from pydantic import BaseModel

from leercyclus.cache import PackWriter, ParseCache, digest, file_digest
from leercyclus.findings import Finding
from leercyclus.parallel import context, cores
from leercyclus.repo import SourceFile
from leercyclus.validate import Parsed, read_json, validate

PARALLEL_BYTES = 2_000_000
"""Below this much YAML to parse, one process is faster than starting workers."""

Result = tuple[SourceFile, BaseModel | None, list[Finding]]


def load_sources(
    root: Path, sources: list[SourceFile], *, use_cache: bool = True
) -> tuple[list[Result], dict[str, str | None]]:
    """Parse and validate every source, parsing only what the cache does not have.

    Also returns each file's content hash as it was read (None for an unreadable file): what
    the answer was given for, so a remembered answer is keyed by exactly that content.
    """
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


def _load(
    root: Path, sources: list[SourceFile], use_cache: bool
) -> tuple[list[Result], dict[str, str | None]]:
    cache = ParseCache(root) if use_cache else None
    known = cache.entries() if cache else {}
    results: list[Result | None] = [None] * len(sources)
    contents: list[str | None] = [None] * len(sources)
    live: dict[str, Parsed] = {}
    todo: list[int] = []
    for index, source in enumerate(sources):
        if not known:  # nothing cached: the workers read and hash, not this process
            todo.append(index)
            continue
        try:
            key = contents[index] = file_digest(source.path)
        except OSError as exc:
            results[index] = _unreadable(source, exc.strerror)
            continue
        hit = known.get(key)
        if hit is None:
            todo.append(index)
        else:
            live[key] = hit
            results[index] = (source, *validate(source, hit))
    if todo:
        with PackWriter(cache.folder if cache else None) as writer:
            batch = Batch([sources[i].path for i in todo], writer)
            for indices, chunk in batch.run():  # validated here while the workers parse on
                for index, (content, entry) in zip((todo[i] for i in indices), chunk, strict=True):
                    source = sources[index]
                    contents[index] = content
                    if content is None:
                        results[index] = _unreadable(source, entry["unreadable"])
                    else:
                        live[content] = entry
                        results[index] = (source, *validate(source, entry))
            writer.finish()
        if cache is not None:
            cache.tidy(live, len(known) + len(todo))
    done = [result for result in results if result is not None]
    return done, {source.rel: content for source, content in zip(sources, contents, strict=True)}


def _unreadable(source: SourceFile, reason: str | None) -> Result:
    message = f"cannot read the file: {reason or 'unknown error'}"
    return source, None, [Finding("error", source.rel, "LC001", message, 1, 1)]


Chunk = list[tuple[str | None, Parsed]]
"""Parsed files in order: (content hash, entry), or (None, {"unreadable": reason})."""


class Batch:
    """Files to parse: in this process when few, else in one worker per core, in chunks.

    Each chunk comes back as the JSON its cache pack is made of, so the main process decodes
    and validates chunk by chunk while the workers go on, and writes the pack from the same
    bytes: the data is serialised once, for both the transfer and the cache.
    """

    CHUNKS_PER_WORKER = 8

    def __init__(self, paths: list[Path], pack: PackWriter) -> None:
        self.paths = paths
        self.pack = pack

    def run(self) -> Iterator[tuple[list[int], Chunk]]:
        """(indices into `paths`, their parsed entries), chunk by chunk, in no fixed order."""
        workers = cores()
        if workers < 2 or _size(self.paths) < PARALLEL_BYTES:
            yield self._take(list(range(len(self.paths))), _parse_packed(self.paths))
            return
        count = workers * self.CHUNKS_PER_WORKER
        plan = [list(range(start, len(self.paths), count)) for start in range(count)]
        with ProcessPoolExecutor(workers, mp_context=context(), initializer=gc.disable) as pool:
            running = {
                pool.submit(_parse_packed, [self.paths[i] for i in indices]): indices
                for indices in plan
                if indices
            }
            for future in as_completed(running):
                yield self._take(running[future], future.result())

    def _take(self, indices: list[int], result: Packed) -> tuple[list[int], Chunk]:
        keys, packed = result
        entries = json.loads(packed)
        self.pack.add(packed, entries)
        return indices, [
            (key, entries[key]) if key is not None else (None, {"unreadable": reason})
            for key, reason in keys
        ]


def _size(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        try:
            total += path.stat().st_size
        except OSError:
            continue
    return total


Packed = tuple[list[tuple[str | None, str | None]], bytes]
"""Per file its hash (or None and why it is unreadable), and the entries as one JSON pack."""


def _parse_packed(paths: list[Path]) -> Packed:
    """Read, hash and parse files: per file its hash (or why it is unreadable), and the entries
    as one JSON pack of {hash: entry}, written straight from the parser's nodes."""
    keys: list[tuple[str | None, str | None]] = []
    entries: dict[str, str] = {}
    for path in paths:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            keys.append((None, exc.strerror or str(exc)))
            continue
        key = digest(raw)
        keys.append((key, None))
        if key not in entries:
            entries[key] = read_json(raw)
    packed = "{" + ",".join(f'"{key}":{entry}' for key, entry in entries.items()) + "}"
    return keys, packed.encode()
