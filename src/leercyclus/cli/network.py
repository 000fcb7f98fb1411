"""The network repository a command works on, and the language it speaks: no typer here, so
that a warm `check` (cli.warm) finds them before typer is imported."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path


def repository(argument: Path | None, option: Path | None, usage: str) -> Path:
    """The repository root, from REPO or --repo; `usage` shows the command with REPO named."""
    from leercyclus.errors import UsageError
    from leercyclus.repository.listing import find_root

    if argument is not None and option is not None and argument != option:
        raise UsageError(
            f"two repositories given: {argument} and --repo {option}", "give one of the two"
        )
    start = argument if argument is not None else option
    try:
        root = find_root(start)
    except UsageError as exc:
        if start is not None:
            raise
        raise UsageError(
            exc.message,
            f"run the command inside a network repository, or name it: `leercyclus {usage}`",
        ) from None
    from leercyclus.cli import console

    console.speak(network_language(root))
    return root


def network_language(root: Path) -> str:
    """The `language` of leercyclus.yaml: nl when it says nothing or cannot be read (check
    says why). Remembered in the repository's cache by the file's content, so a warm `check`
    need not start a YAML parser to learn it."""
    from leercyclus.cli.messages import TABLES
    from leercyclus.repository.listing import SETTINGS

    try:
        raw = (root / SETTINGS).read_bytes()
    except OSError:
        return "nl"
    digest = hashlib.sha256(raw).hexdigest()
    remembered = _remembered(root)
    language = remembered.get("language")
    if remembered.get("settings") == digest and isinstance(language, str) and language in TABLES:
        return language
    language = _language(raw)
    _remember(root, {"settings": digest, "language": language})
    return language


def _language(raw: bytes) -> str:
    """The `language` leercyclus.yaml's bytes `raw` name, read as text as read_text reads it."""
    from leercyclus.cli.messages import TABLES
    from leercyclus.repository.yamlread import YamlProblem, load_text

    try:
        text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        settings = load_text(text)
    except (UnicodeDecodeError, YamlProblem):
        return "nl"
    language = settings.get("language") if isinstance(settings, dict) else None
    return language if isinstance(language, str) and language in TABLES else "nl"


LANGUAGE = "language.json"
"""The language last read from leercyclus.yaml, and a digest of the file it was read from."""


def _remembered(root: Path) -> dict[str, object]:
    from leercyclus.repository.cache import cache_folder

    try:
        found = json.loads((cache_folder(root) / LANGUAGE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _remember(root: Path, memo: dict[str, str]) -> None:
    """Keep `memo` in the repository's cache folder (in the user's cache)."""
    from leercyclus.repository.cache import cache_folder, private_folder
    from leercyclus.repository.write import write_atomic

    try:
        write_atomic(private_folder(cache_folder(root)) / LANGUAGE, json.dumps(memo))
    except OSError:
        return  # a cache that cannot be written only costs time
