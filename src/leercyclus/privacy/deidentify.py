"""deduce behind a lazy, cached function: names, places and numbers the repository does not know."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import os
import re
import subprocess  # nosec B404 - deduce's tables are built by this Python in a child process
import sys
import tempfile
import threading
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from leercyclus.errors import LeercyclusError

CACHE_VERSION = "1"
"""Part of every cache key: raise it when the mapping below changes what a text becomes."""

TAGS: dict[str, str | None] = {
    "persoon": "[persoon]",
    "patient": "[persoon]",
    "locatie": "[plaats]",
    "zorginstelling": "[instelling]",
    "ziekenhuis": "[instelling]",
    "telefoonnummer": "[telefoonnummer]",
    "emailadres": "[e-mailadres]",
    "url": "[website]",
    "bsn": "[nummer]",
    "id": "[nummer]",
    "datum": None,
    "leeftijd": None,
}
"""deduce's tags and their placeholders; None keeps the text (see docs/privacy.md)."""

UNKNOWN_TAG = "[gegevens]"

_SAFETY_NET = (
    (re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[e-mailadres]"),
    (
        re.compile(r"(?<![\w+])(?:\+|00)\s?31[\s.-]?(?:\(0\)[\s.-]?)?\d(?:[\s.-]?\d){7,8}(?!\d)"),
        "[telefoonnummer]",
    ),
    (re.compile(r"(?<![\w+])0\d(?:[\s.-]?\d){8}(?!\d)"), "[telefoonnummer]"),
)

_ENGINE: Any = None
_ENGINE_LOCK = threading.Lock()


class Deidentifier:
    """De-identifies free text with deduce, which starts only when the cache has no answer.

    The cache holds only de-identified text, one small file per text, named by the sha256 of
    the text, deduce's version and CACHE_VERSION. A damaged entry counts as a miss.
    """

    def __init__(
        self,
        cache_dir: Path | None,
        *,
        tables: Path | None = None,
        on_start: Callable[[], None] | None = None,
    ) -> None:
        self.cache_dir = cache_dir
        self.tables = tables
        self._on_start = on_start
        self._started = False
        self._memory: dict[str, str] = {}
        self._version = f"{deduce_version()}\0{CACHE_VERSION}"

    @property
    def started(self) -> bool:
        """Whether this instance needed deduce (a cache miss)."""
        return self._started

    def __call__(self, text: str) -> str:
        """`text` with the persons, places, institutions and numbers deduce finds replaced."""
        if not text.strip():
            return text
        key = hashlib.sha256(f"{self._version}\0{text}".encode()).hexdigest()
        if key in self._memory:
            return self._memory[key]
        result = self._read(key)
        if result is None:
            result = self._deidentify(text)
            self._write(key, result)
        self._memory[key] = result
        return result

    def _deidentify(self, text: str) -> str:
        if not self._started and self._on_start is not None and _ENGINE is None:
            self._on_start()
        self._started = True
        document = engine(self.tables).deidentify(text)
        spans = sorted(document.annotations, key=lambda a: a.start_char, reverse=True)
        for annotation in spans:
            placeholder = TAGS.get(annotation.tag, UNKNOWN_TAG)
            if placeholder is not None:
                text = text[: annotation.start_char] + placeholder + text[annotation.end_char :]
        for pattern, placeholder in _SAFETY_NET:
            text = pattern.sub(placeholder, text)
        return text

    def _entry(self, key: str) -> Path | None:
        return None if self.cache_dir is None else self.cache_dir / key[:2] / f"{key}.json"

    def _read(self, key: str) -> str | None:
        path = self._entry(key)
        if path is None:
            return None
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("key") != key:
            return None
        result = entry.get("text")
        return result if isinstance(result, str) else None

    def _write(self, key: str, result: str) -> None:
        path = self._entry(key)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        except OSError:
            return  # a cache that cannot be written only costs time
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as file:
                json.dump({"key": key, "text": result}, file, ensure_ascii=False)
            Path(temp).replace(path)
        except OSError:
            Path(temp).unlink(missing_ok=True)


def deduce_version() -> str:
    """The installed deduce's version, without importing it."""
    try:
        return importlib.metadata.version("deduce")
    except importlib.metadata.PackageNotFoundError:
        raise _missing() from None


def tables_built(folder: Path | None = None) -> bool:
    """Whether deduce's lookup tables are built in `folder` (this machine's, by default): the
    first start builds them."""
    from leercyclus.privacy import lookuptables

    return lookuptables.ready(folder or lookuptables.folder())


def engine(tables: Path | None = None) -> Any:
    """The process's one deduce instance, started on first use: about a second once this
    machine has deduce's lookup tables (`lookuptables`; building them takes 10-20 s, once)."""
    global _ENGINE
    with _ENGINE_LOCK:
        if _ENGINE is None:
            _ENGINE = _start(tables)
        return _ENGINE


_BUILDER: list[subprocess.Popen[bytes]] = []
"""The process building the lookup tables in the background, if one was started."""


def prepare() -> None:
    """Start building deduce's lookup tables in the background if this machine has none yet,
    so they are ready, or nearly, by the time the first text needs de-identifying."""
    try:
        from leercyclus.privacy import lookuptables

        if _ENGINE is not None or _BUILDER or not lookuptables.verified():
            return
        tables = lookuptables.folder()
        if lookuptables.ready(tables):
            return
        _BUILDER.append(
            subprocess.Popen(  # nosec B603 - this Python and a fixed module, arguments as a list
                [sys.executable, "-m", "leercyclus.privacy.lookuptables", str(tables)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
    except (ImportError, OSError):
        return  # no deduce, or no process: the first text says so, or builds the tables


def _start(tables: Path | None) -> Any:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        with warnings.catch_warnings():  # deduce turns every warning on at import
            import deduce

        from leercyclus.privacy import lookuptables
    except ImportError:
        raise _missing() from None
    finally:  # deduce configures the root logger on import: keep the program's own
        root.handlers[:] = handlers
        root.setLevel(level)
    try:
        tables = tables or lookuptables.folder()
        ours = lookuptables.verified()
        if ours and not lookuptables.ready(tables):
            for builder in _BUILDER:
                builder.wait()
            if not lookuptables.ready(tables):
                lookuptables.build(tables)
        try:
            return deduce.Deduce(cache_path=tables)
        except OSError:
            raise
        # tables that do not load (damaged, or of another version): built again below
        except Exception:  # nosec B110
            pass
        if ours:
            lookuptables.build(tables)
            return deduce.Deduce(cache_path=tables)
        return deduce.Deduce(cache_path=tables, build_lookup_structs=True)
    except OSError as exc:
        raise LeercyclusError(
            f"deduce could not start: {exc}",
            "make the cache folder writable, or set XDG_CACHE_HOME to a writable folder",
        ) from None


def _missing() -> LeercyclusError:
    return LeercyclusError(
        "deduce is not installed, so free text cannot be de-identified",
        "install it with `pip install deduce`, or reinstall leercyclus",
    )
