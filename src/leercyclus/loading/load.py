"""Read every file once: unchanged files from the cache, the rest parsed over all cores."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from leercyclus.repository import digests
from leercyclus.repository.cache import PackWriter, ParseCache, file_digest
from leercyclus.repository.findings import Finding
from leercyclus.repository.listing import SourceFile
from leercyclus.repository.parse import Batch

if TYPE_CHECKING:
    from pydantic import BaseModel

Result = tuple[SourceFile, "BaseModel | None", list[Finding]]


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
    if cache is not None and known:
        digests.recall(root, cache.folder)
    results: list[Result | None] = [None] * len(sources)
    contents: list[str | None] = [None] * len(sources)
    live: set[str] = set()
    hits: list[tuple[int, str]] = []
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
        if key in known:
            live.add(key)
            hits.append((index, key))
        else:
            todo.append(index)
    paths = [sources[i].path for i in todo]
    batch = _started(paths) or Batch(paths)
    with PackWriter(cache.folder if cache else None) as pack, batch:
        batch.start()  # the workers parse while the models are imported here (if not yet)
        from leercyclus.rules.validate import validate

        for index, key in hits:
            results[index] = (sources[index], *validate(sources[index], known[key]))
        for indices, chunk, packed in batch.chunks():
            pack.add(packed, (key for key, _, _ in chunk if key is not None))
            for index, (content, entry, taken) in zip(
                (todo[i] for i in indices), chunk, strict=True
            ):
                source = sources[index]
                contents[index] = content
                if content is None:
                    results[index] = _unreadable(source, entry["unreadable"])
                else:
                    if taken is not None:  # learnt by the worker that read the file
                        digests.note(source.path, taken, content)
                    live.add(content)
                    results[index] = (source, *validate(source, entry))
        pack.finish()
    if cache is not None and todo:
        cache.tidy(live, len(known) + len(todo))
    if cache is not None:
        digests.keep(root, cache.folder, (source.path for source in sources))
    done = [result for result in results if result is not None]
    return done, {source.rel: content for source, content in zip(sources, contents, strict=True)}


def start_early(root: Path, sources: list[SourceFile]) -> None:
    """Set the workers parsing every source of a repository that has nothing in the parse cache
    yet (a cold `check`), before the command line imports its own libraries; `load_sources`
    of the same sources takes them over. Workers that are never taken over end with this
    process (`parallel.pool`)."""
    if _EARLY or ParseCache(root).has_packs():
        return
    batch = Batch([source.path for source in sources])
    batch.start()
    _EARLY.append(batch)


_EARLY: list[Batch] = []
"""The batch `start_early` started, until `_load` takes it."""


def cancel_early() -> None:
    """End a batch `start_early` started that no load took over (the command stopped before
    it loaded): a later load in this process must not take results of files read back then."""
    while _EARLY:
        _EARLY.pop().cancel()


def _started(paths: list[Path]) -> Batch | None:
    """The batch `start_early` started, if it parses exactly `paths`; an other one is ended."""
    if not _EARLY:
        return None
    batch = _EARLY.pop()
    if batch.paths == paths:
        return batch
    batch.cancel()  # not these files: its results do not matter
    return None


def _unreadable(source: SourceFile, reason: str | None) -> Result:
    message = f"cannot read the file: {reason or 'unknown error'}"
    return source, None, [Finding("error", source.rel, "LC001", message, 1, 1)]
