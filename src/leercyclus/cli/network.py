"""The network repository a command works on, and the language it speaks: no typer here, so
that a warm `check` (cli.warm) finds them before typer is imported."""

from __future__ import annotations

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
    says why)."""
    from leercyclus.cli.messages import TABLES
    from leercyclus.repository.listing import SETTINGS
    from leercyclus.repository.yamlread import YamlProblem, load_text

    try:
        settings = load_text((root / SETTINGS).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YamlProblem):
        return "nl"
    language = settings.get("language") if isinstance(settings, dict) else None
    return language if isinstance(language, str) and language in TABLES else "nl"
