"""Find the network repository's root and list its data files by kind."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from leercyclus.errors import UsageError
from leercyclus.models.kinds import FileKind, file_kinds
from leercyclus.repository.findings import Finding, error, warning

SETTINGS = "leercyclus.yaml"
REGISTER = "institutions.yaml"
CYCLES = "cycles"

_FIRST = ("settings", "institutions")
"""Listed first, always: leercyclus.yaml and institutions.yaml (missing: LC021)."""


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One data file: its kind, where it is, and the id its name promises."""

    kind: str
    path: Path
    rel: str
    cycle: str | None = None
    key: str = ""
    """The values of the place's placeholders other than the cycle: `de-linde`, `A/A1`."""

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


def escapes(root: Path, path: Path) -> bool:
    """Whether `path`, its links followed, leads out of the repository at `root` or into its
    .git folder. The one test of where a path leads: such a path is never read or written."""
    try:
        resolved = path.resolve()
        top = root.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return True
    return not resolved.is_relative_to(top) or resolved.is_relative_to(top / ".git")


def inside(root: Path, path: Path) -> Path | None:
    """`path` if it stays inside the repository at `root` with its links followed, else None."""
    return None if escapes(root, path) else path


def _link_finding(root: Path, path: Path) -> Finding:
    rel = _rel(root, path)
    return error(
        rel,
        "LC022",
        f"{rel} is a symbolic link that leads out of the repository: it is not read; "
        "put the file itself in the repository",
    )


def list_files(root: Path) -> Listing:
    """Every data file of the repository, and findings for files that are missing or misplaced.

    A file or folder that is a symbolic link leading out of the repository is never read: it
    gets a finding that names the link (never what it leads to)."""
    files: list[SourceFile] = []
    findings: list[Finding] = []
    if escapes(root, root / SETTINGS):
        findings.append(_link_finding(root, root / SETTINGS))
    else:
        files.append(SourceFile("settings", root / SETTINGS, SETTINGS))
    if (root / REGISTER).is_symlink() and escapes(root, root / REGISTER):
        findings.append(_link_finding(root, root / REGISTER))
    elif (root / REGISTER).is_file():
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
    _list_root(root, files, findings)
    cycles_dir = root / CYCLES
    if cycles_dir.is_symlink() and escapes(root, cycles_dir):
        findings.append(_link_finding(root, cycles_dir))
    elif cycles_dir.is_dir():
        for folder in sorted(p for p in cycles_dir.iterdir() if p.is_dir()):
            if folder.is_symlink() and escapes(root, folder):
                findings.append(_link_finding(root, folder))
            else:
                _list_cycle(root, folder, files, findings)
    return files, findings


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _kind_of(kinds: list[FileKind], parts: tuple[str, ...]) -> tuple[FileKind, str] | None:
    """The first kind whose place `parts` are (below a cycle folder, or the root), with its key."""
    for kind in kinds:
        key = kind.match(parts)
        if key is not None:
            return kind, key
    return None


def _list_root(root: Path, files: list[SourceFile], findings: list[Finding]) -> None:
    """The files outside cycles/ that learning methods add (people.yaml, indicators/, ...)."""
    kinds = [k for k in file_kinds().values() if not k.in_cycle and k.name not in _FIRST]
    for name in dict.fromkeys(k.parts[0] for k in kinds):
        place = root / name
        if len(next(k for k in kinds if k.parts[0] == name).parts) == 1:
            found = _kind_of(kinds, (name,))
            if place.is_symlink() and escapes(root, place):
                findings.append(_link_finding(root, place))
            elif place.is_file() and found is not None:
                files.append(SourceFile(found[0].name, place, name, None, found[1]))
            continue
        if place.is_symlink() and escapes(root, place):
            findings.append(_link_finding(root, place))
            continue
        if not place.is_dir():
            continue
        for path, link in sorted(_walk(place)):
            if link and escapes(root, path):
                findings.append(_link_finding(root, path))
            elif not path.name.startswith(".") and path.is_file():
                _add(root, path, path.relative_to(root).parts, None, kinds, files, findings)


def _list_cycle(root: Path, folder: Path, files: list[SourceFile], findings: list[Finding]) -> None:
    cycle = folder.name
    kinds = [k for k in file_kinds().values() if k.in_cycle]
    entries = sorted(_walk(folder))
    outside = {path for path, link in entries if link and escapes(root, path)}
    findings += [_link_finding(root, path) for path in sorted(outside)]
    if not (folder / "cycle.yaml").is_file() and folder / "cycle.yaml" not in outside:
        findings.append(
            error(
                _rel(root, folder),
                "LC021",
                f"the cycle folder {_rel(root, folder)} has no cycle.yaml: add one, "
                "or remove the folder",
            )
        )
    tops = [k for k in kinds if len(k.parts) == 1]
    for kind in tops:  # cycle.yaml first, then the cycle's other single files
        path = folder / kind.parts[0]
        if path.is_file() and path not in outside:
            files.append(SourceFile(kind.name, path, _rel(root, path), cycle))
    others = [k for k in kinds if len(k.parts) > 1]
    for path, link in entries:
        if path in outside or path.name.startswith(".") or (link and not path.is_file()):
            continue
        parts = path.relative_to(folder).parts
        if len(parts) == 1 and any(k.parts == parts for k in tops):
            continue
        _add(root, path, parts, cycle, others, files, findings)


def _walk(folder: Path) -> Iterator[tuple[Path, bool]]:
    """Every file under `folder` and whether it is a symbolic link; a link to a folder is
    listed as such, not entered."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        path = folder / entry.name
        if entry.is_symlink():
            yield path, True
        elif entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
        elif entry.is_file(follow_symlinks=False):
            yield path, False


def _add(
    root: Path,
    path: Path,
    parts: tuple[str, ...],
    cycle: str | None,
    kinds: list[FileKind],
    files: list[SourceFile],
    findings: list[Finding],
) -> None:
    found = _kind_of(kinds, parts)
    if found is not None:
        files.append(SourceFile(found[0].name, path, _rel(root, path), cycle, found[1]))
        return
    if path.suffix in (".yaml", ".yml"):
        rel = _rel(root, path)
        hint = _placement_hint(parts, cycle is not None)
        findings.append(
            warning(rel, "LC020", f"{rel} is not a file leercyclus knows, so it is ignored: {hint}")
        )


def _placement_hint(parts: tuple[str, ...], in_cycle: bool) -> str:
    kinds = [k for k in file_kinds().values() if k.in_cycle == in_cycle and k.name not in _FIRST]
    if parts[-1].endswith(".yml"):
        return "rename it to end in .yaml"
    flat = [k for k in kinds if k.parts[0] == parts[0]]
    if flat and len(parts) > 2 and all(len(k.parts) == 2 and "**" not in k.parts for k in flat):
        return f"{parts[0]}/ takes no sub-folders: move it directly into {parts[0]}/"
    places = list(dict.fromkeys(k.parts[0] + ("/" if len(k.parts) > 1 else "") for k in kinds))
    places.sort(key=lambda p: p.endswith("/"))  # files first, then folders, each in kind order
    where = "a cycle folder" if in_cycle else "the repository's root"
    listed = ", ".join(places[:-1]) + " and " + places[-1] if len(places) > 1 else places[0]
    return f"{where} holds {listed}"
