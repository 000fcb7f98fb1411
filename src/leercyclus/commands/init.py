"""`leercyclus init`: a new network repository with starter data, editor support and CI recipes."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from leercyclus import __version__
from leercyclus.errors import OutputError, UsageError
from leercyclus.methods.peerreview.newfiles import modeline, scalar
from leercyclus.models.common import STANDARD_ID
from leercyclus.repository.listing import CYCLES, REGISTER, SETTINGS
from leercyclus.repository.write import write_atomic
from leercyclus.rules.schema import DEFAULT_FOLDER, KINDS, all_schemas

DEFAULT_NETWORK = "Ons kwaliteitsnetwerk"

STARTER = {
    "leercyclus.yaml": (SETTINGS, "settings"),
    "institutions.yaml": (REGISTER, "institutions"),
    "cycle.yaml": ("{cycles}/{cycle}/cycle.yaml", "cycle"),
    **{
        f"standards/{s}.yaml": (f"{{cycles}}/{{cycle}}/standards/{s}.yaml", "standard")
        for s in ("A1", "A2", "A3", "B1", "B2")
    },
}
"""Packaged starter data (templates/init/...) → where it goes, and its file kind."""

RECIPES = {
    "README.md": "README.md",
    "gitignore": ".gitignore",
    "vscode-extensions.json": ".vscode/extensions.json",
    "github-workflow.yml": ".github/workflows/leercyclus.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
}
"""Packaged files written as they are, placeholders filled in (names without a leading dot, so
that packaging tools and git hosts do not take them for the project's own configuration)."""

IGNORED_WHEN_EMPTY = frozenset({".git"})
"""What a folder may already hold and still count as empty (a fresh `git init`)."""


@dataclass
class InitResult:
    """What `init` did: files created, and files left alone because they existed (--force)."""

    root: Path
    cycle: str
    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def init_files(network: str, cycle: str) -> dict[str, str]:
    """Every file of a new network repository: relative path → text."""
    values = {"network": network, "cycle": cycle, "version": __version__}
    files: dict[str, str] = {}
    for source, (place, kind) in STARTER.items():
        rel = place.format(cycles=CYCLES, cycle=cycle)
        text = _fill(_template(source), {**values, "network": scalar(network)})
        files[rel] = f"{modeline(rel, kind)}\n{text}"
    for source, rel in RECIPES.items():
        files[rel] = _fill(_template(source), values)
    files[".vscode/settings.json"] = vscode_settings()
    for name, text in all_schemas().items():
        files[f"{DEFAULT_FOLDER}/{name}"] = text
    return files


def vscode_settings() -> str:
    """VS Code settings mapping every file kind's glob to its JSON Schema (`yaml.schemas`)."""
    mapping: dict[str, list[str]] = {}
    for kind in KINDS.values():
        globs = [kind.glob]
        if "/**/" in kind.glob:  # some matchers need `**/` to cover at least one folder
            globs.insert(0, kind.glob.replace("/**/", "/"))
        mapping[f"./{DEFAULT_FOLDER}/{kind.file}"] = globs
    settings = {"yaml.schemas": mapping, "yaml.validate": True, "yaml.completion": True}
    return json.dumps(settings, indent=2, ensure_ascii=False) + "\n"


def init(folder: Path, *, network: str, cycle: str | None, force: bool) -> InitResult:
    """Write a new network repository into `folder`; with `force`, next to what is there."""
    cycle = cycle or str(dt.date.today().year)
    if not re.fullmatch(STANDARD_ID, cycle):
        raise UsageError(
            f"'{cycle}' is not a valid cycle id: use letters, digits, '.', '_' and '-', "
            "starting with a letter or digit, e.g. 2026"
        )
    if not network.strip():
        raise UsageError("the network's name is empty", "give it with --network NAME")
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file, not a folder", "give a new or empty folder")
    present = [p.name for p in folder.iterdir()] if folder.is_dir() else []
    if set(present) - IGNORED_WHEN_EMPTY and not force:
        raise UsageError(
            f"{folder} is not empty: nothing was written",
            "give a new or empty folder, or add --force to add the missing files "
            "(existing files are left as they are)",
        )
    result = InitResult(folder, cycle)
    for rel, text in init_files(network.strip(), cycle).items():
        path = folder / rel
        if path.exists():
            result.skipped.append(rel)
            continue
        try:
            write_atomic(path, text, inside=folder)
        except OSError as exc:
            raise OutputError(
                f"cannot write {path}: {exc.strerror or exc}", "check the folder's permissions"
            ) from None
        result.created.append(rel)
    return result


def _template(name: str) -> str:
    from leercyclus.publishing.render import packaged_templates

    return (packaged_templates() / "init" / name).read_text(encoding="utf-8")


def _fill(text: str, values: dict[str, str]) -> str:
    """Replace every `@@name@@`; a placeholder without a value is a bug in the templates."""

    def value(match: re.Match[str]) -> str:
        return values[match.group(1)]

    return re.sub(r"@@([a-z]+)@@", value, text)
