"""Find the network repository's root and list its data files by kind."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from leercyclus.errors import UsageError
from leercyclus.repository.findings import Finding, error, warning

SETTINGS = "leercyclus.yaml"
REGISTER = "institutions.yaml"
CYCLES = "cycles"

_FOLDER_KINDS = {"self-reviews": "self-review", "visits": "visit", "actions": "actions"}


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One data file: its kind, where it is, and the id its name promises."""

    kind: str
    path: Path
    rel: str
    cycle: str | None = None

    @property
    def stem(self) -> str:
        return self.path.stem


def find_root(start: Path | None) -> Path:
    """The folder holding leercyclus.yaml: `start` itself if given, else the nearest upward."""
    if start is not None:
        if not start.exists():
            raise UsageError(f"{start}: no such folder")
        if start.is_file():
            start = start.parent
        if (start / SETTINGS).is_file():
            return start.resolve()
        raise UsageError(
            f"{start} is not a network repository: it has no {SETTINGS}",
            "give the folder that holds leercyclus.yaml, or create one with `leercyclus init`",
        )
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / SETTINGS).is_file():
            return folder
    raise UsageError(
        f"no network repository here: no {SETTINGS} in {here} or any folder above it",
        "run the command inside a network repository, or name it: `leercyclus check PATH`",
    )


Listing = tuple[list["SourceFile"], list[Finding]]
"""Every data file of a repository, and what listing them found (missing, misplaced files)."""


def list_files(root: Path) -> Listing:
    """Every data file of the repository, and findings for files that are missing or misplaced."""
    files = [SourceFile("settings", root / SETTINGS, SETTINGS)]
    findings: list[Finding] = []
    if (root / REGISTER).is_file():
        files.append(SourceFile("institutions", root / REGISTER, REGISTER))
    else:
        findings.append(
            error(
                SETTINGS,
                "LC021",
                f"there is no {REGISTER} beside {SETTINGS}: create it "
                "with the list of institutions (see docs/format.md)",
            )
        )
    cycles_dir = root / CYCLES
    if cycles_dir.is_dir():
        for folder in sorted(p for p in cycles_dir.iterdir() if p.is_dir()):
            _list_cycle(root, folder, files, findings)
    return files, findings


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _list_cycle(root: Path, folder: Path, files: list[SourceFile], findings: list[Finding]) -> None:
    cycle = folder.name
    if (folder / "cycle.yaml").is_file():
        files.append(
            SourceFile("cycle", folder / "cycle.yaml", _rel(root, folder / "cycle.yaml"), cycle)
        )
    else:
        findings.append(
            error(
                _rel(root, folder),
                "LC021",
                f"the cycle folder {_rel(root, folder)} has no cycle.yaml: add one, "
                "or remove the folder",
            )
        )
    if (folder / "evaluation.yaml").is_file():
        path = folder / "evaluation.yaml"
        files.append(SourceFile("evaluation", path, _rel(root, path), cycle))
    depth = len(folder.parts)
    base = str(root)
    prefix = 0 if base == "." else len(base.rstrip(os.sep)) + 1
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.name.startswith("."):
            continue
        rel = str(path)[prefix:].replace(os.sep, "/")  # _rel, without making Path objects
        parts = path.parts[depth:]
        kind = _kind_of(parts)
        if kind == "top":
            continue
        if kind is None:
            if path.suffix in (".yaml", ".yml"):
                findings.append(
                    warning(
                        rel,
                        "LC020",
                        f"{rel} is not a file leercyclus knows, so it is "
                        "ignored: " + _placement_hint(parts),
                    )
                )
            continue
        files.append(SourceFile(kind, path, rel, cycle))


def _kind_of(parts: tuple[str, ...]) -> str | None:
    """The file kind of a path inside a cycle folder, 'top' for cycle/evaluation, else None."""
    if len(parts) == 1:
        return "top" if parts[0] in ("cycle.yaml", "evaluation.yaml") else None
    if not parts[-1].endswith(".yaml"):
        return None
    if parts[0] == "standards":
        return "standard"
    if len(parts) == 2 and parts[0] in _FOLDER_KINDS:
        return _FOLDER_KINDS[parts[0]]
    return None


def _placement_hint(parts: tuple[str, ...]) -> str:
    if parts[-1].endswith(".yml"):
        return "rename it to end in .yaml"
    if parts[0] in _FOLDER_KINDS and len(parts) > 2:
        return f"{parts[0]}/ takes no sub-folders: move it directly into {parts[0]}/"
    return (
        "a cycle folder holds cycle.yaml, evaluation.yaml, standards/, self-reviews/, "
        "visits/ and actions/"
    )
