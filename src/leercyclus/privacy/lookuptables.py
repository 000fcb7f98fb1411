"""deduce's lookup tables: built in seconds, once per machine, in a folder reinstalling keeps.

deduce builds its lookup structures (names, streets, places, institutions) on its first start:
1-2 minutes and 1.1 GB, kept as an 80 MB pickle that takes 10 s to load. `lookupbuild` builds
the same structures from the same lists in a fraction of that, and keeps them flat (about a
second to load, a fifth of the memory). This module says where they are kept, and builds them
there: a folder of this user's cache, named by the deduce version and its lists, so that
reinstalling (a new virtual environment, the same deduce) finds them again.

The build is checked to be identical for the deduce versions in VERIFIED; any other deduce
version builds its tables itself, the slow way, into the same folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.metadata
import importlib.util
import os
import pickle  # nosec B403 - deduce's table format, only in the user's cache, never a repo's
import sys
import tempfile
from pathlib import Path

TABLES_VERSION = "1"
"""Part of the folder's name: raise it when the tables `lookupbuild` builds change form."""

VERIFIED = ("3.0.6",)
"""deduce versions whose tables `lookupbuild` builds identically (`benchmarks/same_deduce.py`
compares every table and the de-identified text of thousands of texts)."""


def user_cache() -> Path:
    """This user's cache folder for leercyclus: outside every repository and every venv."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "leercyclus"


def folder() -> Path:
    """The tables for the installed deduce and its lists, on this machine.

    Named by deduce's version, TABLES_VERSION and a hash of deduce's list files, so a
    reinstalled deduce with the same lists finds them again, and changed lists never meet
    old tables. Reads about 6 MB of lists; does not import deduce.
    """
    digest = hashlib.sha256(TABLES_VERSION.encode())
    source = lists_folder()
    for path in sorted(source.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(source).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return user_cache() / f"deduce-{deduce_version()}-{TABLES_VERSION}-{digest.hexdigest()[:16]}"


def lists_folder() -> Path:
    """deduce's lookup lists (its `data/lookup/src`), found without importing deduce."""
    spec = importlib.util.find_spec("deduce")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("deduce")
    return Path(spec.origin).parent / "data" / "lookup" / "src"


def deduce_version() -> str:
    """The installed deduce's version, without importing it."""
    return importlib.metadata.version("deduce")


def table_file(cache: Path) -> Path:
    """Where deduce looks for its lookup structures when given `cache_path=cache`."""
    return cache / "cache" / "lookup_structs.pickle"


def ready(cache: Path) -> bool:
    """Whether the tables have been built into `cache`."""
    return table_file(cache).is_file()


def verified() -> bool:
    """Whether `lookupbuild` builds the installed deduce's tables (else deduce builds them)."""
    return deduce_version() in VERIFIED


def build(cache: Path, lookup: Path | None = None) -> None:
    """Build the tables from deduce's lists (or those under `lookup`, laid out as deduce's
    `data/lookup`) and write them where deduce reads them, all or nothing.

    Concurrent builds (two processes on a fresh machine) each write a whole file and the
    last one wins; a reader sees one or the other, never a part.
    """
    import deduce

    from leercyclus.privacy.lookupbuild import tables

    structures = tables(lookup or Path(deduce.__file__).parent / "data" / "lookup")
    content = {
        "deduce_version": deduce.__version__,
        "saved_datetime": str(dt.datetime.now()),
        "lookup_structs": structures,
    }
    target = table_file(cache)
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as file:
            pickle.dump(content, file, protocol=pickle.HIGHEST_PROTOCOL)
        Path(temp).replace(target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


if __name__ == "__main__":  # the background build that deidentify.prepare starts
    build(Path(sys.argv[1]))
