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
    source: str | None = None
    """What the CI recipes install leercyclus from; None: the network still has to say."""


def requirement(source: str | None) -> str | None:
    """What pip installs leercyclus from, for the CI recipes: `source` as a requirement.

    `source` is a git URL pinned to a tag or commit (git+https://host/group/leercyclus.git@v1.2.0),
    a wheel (a path inside the network repository, or a URL), or a requirement that names
    leercyclus itself (once it is on a package index: leercyclus==1.2.0).
    """
    if source is None:
        return None
    source = source.strip()
    if re.match(r"leercyclus\s*(?:[=~<>!@\[]|$)", source):
        return source
    if source.startswith("git+"):
        if not re.search(r"\.git@[^/@]+$|@[0-9a-f]{7,40}$|@v?\d[\w.-]*$", source):
            raise UsageError(
                f"the git URL {source} names no tag or commit: the recipes would install "
                "whatever is newest",
                "pin it: git+https://<host>/<group>/leercyclus.git@v" + __version__,
            )
        return f"leercyclus @ {source}"
    if source.endswith(".whl"):
        return f"leercyclus @ {source}" if "://" in source else source
    raise UsageError(
        f"--source {source}: not a git URL or a wheel",
        "give git+https://<host>/<group>/leercyclus.git@v" + __version__ + ", or the path of "
        "a leercyclus wheel (.whl) inside the new repository",
    )


def installed_source() -> str | None:
    """Where this leercyclus was installed from, if that is a place CI can install from too: a
    git repository at a commit (pip records it, PEP 610); a local folder or file is not."""
    import importlib.metadata

    try:
        text = importlib.metadata.distribution("leercyclus").read_text("direct_url.json")
        recorded = json.loads(text or "null")
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return None
    if not isinstance(recorded, dict):
        return None
    vcs = recorded.get("vcs_info")
    url = recorded.get("url", "")
    if not isinstance(vcs, dict) or vcs.get("vcs") != "git" or not url.startswith("https://"):
        return None
    revision = vcs.get("requested_revision") or vcs.get("commit_id")
    return f"git+{url}@{revision}" if revision else None


def init_files(network: str, cycle: str, source: str | None = None) -> dict[str, str]:
    """Every file of a new network repository: relative path → text; `source` is where CI
    installs leercyclus from (see `requirement`), None to leave that for the network to fill in."""
    wanted = requirement(source)
    values = {
        "network": network,
        "cycle": cycle,
        "version": __version__,
        "requirement": json.dumps(wanted or ""),
        "hooksource": _hook_source(wanted),
        "hooklanguage": _hook_language(wanted),
    }
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


def _hook_source(wanted: str | None) -> str:
    if wanted is None or not wanted.startswith("leercyclus"):
        return (
            "It runs the leercyclus\n# installed where you commit (in the activated virtual "
            "environment), so no install is\n# needed for it."
        )
    return "pre-commit installs leercyclus\n# for it from the same place as CI does."


def _hook_language(wanted: str | None) -> str:
    if wanted is None or not wanted.startswith("leercyclus"):
        return "        language: system"
    return f"        language: python\n        additional_dependencies: [{json.dumps(wanted)}]"


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


def init(
    folder: Path, *, network: str, cycle: str | None, force: bool, source: str | None = None
) -> InitResult:
    """Write a new network repository into `folder`; with `force`, next to what is there.
    `source`: where its CI installs leercyclus from (see `requirement`)."""
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
    files = init_files(network.strip(), cycle, source)
    result = InitResult(folder, cycle, source=requirement(source))
    for rel, text in files.items():
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
