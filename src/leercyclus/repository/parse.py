"""File bytes → JSON entries of the parse cache: in this process when few, else over all cores.

Light on purpose (libyaml and the standard library only): the workers start before the main
process imports pydantic and the models, and never need them.
"""

from __future__ import annotations

import gc
import json
import os
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from pathlib import Path

from leercyclus.parallel import cores, pool, stop
from leercyclus.repository.cache import Parsed, digest
from leercyclus.repository.digests import Stamp, stamp
from leercyclus.repository.yamlread import YamlProblem, decode, load_json

"""A file read as YAML: {"data": ...} or {"problem": [code, message, line, column]}; JSON-safe."""

PARALLEL_BYTES = 2_000_000
"""Below this much YAML to parse, one process is faster than starting workers."""


def read_data(raw: bytes) -> Parsed:
    """Read a file's bytes as YAML data (the costly step, cached by content)."""
    parsed: Parsed = json.loads(read_json(raw))
    return parsed


def read_json(raw: bytes) -> str:
    """`read_data`'s answer as JSON text, as the workers send it and the cache keeps it."""
    try:
        return '{"data":' + load_json(decode(raw)) + "}"
    except YamlProblem as problem:
        return json.dumps(
            {"problem": [problem.code, problem.message, problem.line, problem.column]},
            ensure_ascii=False,
        )


Packed = tuple[list[tuple[str | None, str | None, Stamp | None]], bytes]
"""Per file its hash (or None and why it is unreadable) and its stat from before it was read,
and the entries as one JSON object."""


def parse_files(paths: list[Path]) -> Packed:
    """Read, hash and parse files: per file its hash (or why it is unreadable) and its stat,
    and the entries as one JSON object of {hash: entry}, written straight from the parser's
    nodes."""
    keys: list[tuple[str | None, str | None, Stamp | None]] = []
    entries: dict[str, str] = {}
    for path in paths:
        try:
            taken = time.time_ns()
            with path.open("rb") as file:
                stat = os.fstat(file.fileno())
                raw = file.read()
        except OSError as exc:
            keys.append((None, exc.strerror or str(exc), None))
            continue
        key = digest(raw)
        keys.append((key, None, stamp(stat, taken)))
        if key not in entries:
            entries[key] = read_json(raw)
    packed = "{" + ",".join(f'"{key}":{entry}' for key, entry in entries.items()) + "}"
    return keys, packed.encode()


Chunk = list[tuple[str | None, Parsed, Stamp | None]]
"""Parsed files in order: (content hash, entry, stat before reading), or (None, {"unreadable":
reason}, None)."""


class Batch:
    """Files to parse: in this process when few, else in one worker per core, in chunks.

    `start` sets the workers going; `chunks` hands each chunk over as it is done, in no fixed
    order, so the caller validates while the workers go on. Each chunk travels as the JSON its
    cache pack is made of (`packed`, for the caller to store): serialised once, for both.
    """

    CHUNKS_PER_WORKER = 8

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths
        self._pool: ProcessPoolExecutor | None = None
        self._running: dict[Future[Packed], list[int]] = {}

    def __enter__(self) -> Batch:
        return self

    def __exit__(self, failed: type[BaseException] | None, *_: object) -> None:
        if failed is not None:  # interrupted or failed: the workers' results no longer matter
            self.cancel()
        elif self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def cancel(self) -> None:
        """End the workers at once, their work undone."""
        if self._pool is not None:
            stop(self._pool)
            self._pool = None

    def start(self) -> None:
        """Start the workers, if the files are many enough to be worth them (once)."""
        if self._pool is not None:
            return
        workers = cores()
        if workers < 2 or _size(self.paths) < PARALLEL_BYTES:
            return
        count = workers * self.CHUNKS_PER_WORKER
        plan = [list(range(first, len(self.paths), count)) for first in range(count)]
        self._pool = pool(workers, initializer=gc.disable)
        self._running = {
            self._pool.submit(parse_files, [self.paths[i] for i in indices]): indices
            for indices in plan
            if indices
        }

    def chunks(self) -> Iterator[tuple[list[int], Chunk, bytes]]:
        """(indices into `paths`, their entries, the chunk as a JSON object of entries)."""
        if self._pool is None:
            yield self._take(list(range(len(self.paths))), parse_files(self.paths))
            return
        for future in as_completed(self._running):
            yield self._take(self._running[future], future.result())

    @staticmethod
    def _take(indices: list[int], result: Packed) -> tuple[list[int], Chunk, bytes]:
        keys, packed = result
        entries = json.loads(packed)
        chunk: Chunk = [
            (key, entries[key], taken) if key is not None else (None, {"unreadable": reason}, None)
            for key, reason, taken in keys
        ]
        return indices, chunk, packed


def _size(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        try:
            total += path.stat().st_size
        except OSError:
            continue
    return total
