"""Find the network repository's root and list its data files by kind."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
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
    return _text(path.relative_to(root).as_posix())


def _text(rel: str) -> str:
    """`rel` if it is UTF-8 text, else a UsageError naming it."""
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:  # bytes the file system could not decode: a foreign name
        shown = rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        raise UsageError(
            f"the name of {shown} is not UTF-8 text",
            "rename it with letters, digits and '-' (it was saved with another character set)",
        ) from None
    return rel


def _kind_of(kinds: list[FileKind], parts: tuple[str, ...]) -> tuple[FileKind, str] | None:
    """The first kind whose place `parts` are (below a cycle folder, or the root), with its key."""
    for kind in kinds:
        key = kind.match(parts)
        if key is not None:
            return kind, key
    return None


@cache
def _pattern(parts: tuple[str, ...]) -> re.Pattern[str] | None:
    """A kind's place (`FileKind.parts`) as one regular expression over the file's names joined
    by '/', its groups the values of the placeholders: what `FileKind.match` says, at a fraction
    of the cost per file; None for a place of another shape (`FileKind.match` then decides)."""
    if not parts or parts[-1] == "**":
        return None
    pieces = []
    for part in parts[:-1]:
        if part == "**":  # any number of folders, the fewest first
            pieces.append("(?:[^/]+/)*?")
        elif part.startswith("<") and part.endswith(">") and part.count("<") == 1:
            pieces.append(r"((?!\.)[^/]+)/")  # a folder's name: not hidden
        elif "<" in part or "*" in part:
            return None
        else:
            pieces.append(re.escape(part) + "/")
    prefix, opened, tail = parts[-1].partition("<")
    _, closed, suffix = tail.partition(">")
    if not (opened and closed):
        pieces.append(re.escape(parts[-1]))
    elif suffix and not prefix.startswith(".") and "<" not in suffix and "*" not in parts[-1]:
        hidden = "" if prefix else r"(?!\.)"  # the file's name is not hidden
        pieces.append(f"{hidden}{re.escape(prefix)}([^/]+){re.escape(suffix)}")
    elif not suffix:
        pieces.append("(?!)")  # a name with no fixed end is no file's
    else:
        return None
    return re.compile("".join(pieces), re.DOTALL)


class _Kinds:
    """The kinds a folder may hold, by the first part of their place: a file is matched
    against the few kinds that can be its own, in their table order (by one expression for
    them all, `_Choice`, where every place has one)."""

    def __init__(self, kinds: list[FileKind]) -> None:
        self.kinds = kinds
        loose = [k for k in kinds if "<" in k.parts[0] or "*" in k.parts[0]]
        self.by_head: dict[str, list[FileKind]] = {}
        for kind in kinds:
            if kind not in loose:
                self.by_head.setdefault(kind.parts[0], [])
        for head, found in self.by_head.items():
            found += [k for k in kinds if k.parts[0] == head or k in loose]
        self.loose = loose
        self.choices = {head: _choice(tuple(found)) for head, found in self.by_head.items()}
        self.loose_choice = _choice(tuple(loose))

    def of(self, parts: tuple[str, ...]) -> tuple[FileKind, str] | None:
        head = parts[0]
        choice = self.choices[head] if head in self.choices else self.loose_choice
        if choice is None:
            return _kind_of(self.by_head.get(head, self.loose), parts)
        found = choice.pattern.fullmatch("/".join(parts))
        if found is None:
            return None
        kind, first, count = choice.kinds[found.lastindex or 0]
        return kind, "/".join(found.groups()[first : first + count])


@dataclass(frozen=True, slots=True)
class _Choice:
    """Kinds' places as one expression, `(place 1)|(place 2)|...`: the first that matches is
    the file's kind, as `_kind_of` says."""

    pattern: re.Pattern[str]
    kinds: dict[int, tuple[FileKind, int, int]]
    """By the number of a place's own group: its kind, and where its placeholders' groups are
    among all groups, and how many."""


@cache
def _choice(kinds: tuple[FileKind, ...]) -> _Choice | None:
    """The kinds' places as one expression, or None if a place has none (`_pattern`)."""
    patterns = [_pattern(kind.parts) for kind in kinds]
    if not kinds or any(p is None for p in patterns):
        return None
    pieces = []
    found: dict[int, tuple[FileKind, int, int]] = {}
    group = 0
    for kind, pattern in zip(kinds, patterns, strict=True):
        assert pattern is not None
        group += 1  # the place's own group, closed after its placeholders' (lastindex)
        found[group] = (kind, group, pattern.groups)
        pieces.append(f"({pattern.pattern})")
        group += pattern.groups
    return _Choice(re.compile("|".join(pieces), re.DOTALL), found)


def _list_root(root: Path, files: list[SourceFile], findings: list[Finding]) -> None:
    """The files outside cycles/ that learning methods add (people.yaml, indicators/, ...)."""
    kinds = [k for k in file_kinds().values() if not k.in_cycle and k.name not in _FIRST]
    table = _Kinds(kinds)
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
        for parts, link in _walk(place):
            path = place.joinpath(*parts)
            if link and escapes(root, path):
                findings.append(_link_finding(root, path))
            elif not parts[-1].startswith(".") and (not link or path.is_file()):
                _add(path, "", (name, *parts), None, table, files, findings)


def _list_cycle(root: Path, folder: Path, files: list[SourceFile], findings: list[Finding]) -> None:
    cycle = folder.name
    kinds = [k for k in file_kinds().values() if k.in_cycle]
    entries = _walk(folder)
    outside = {parts for parts, link in entries if link and escapes(root, folder.joinpath(*parts))}
    findings += [_link_finding(root, folder.joinpath(*parts)) for parts in sorted(outside)]
    if not (folder / "cycle.yaml").is_file() and ("cycle.yaml",) not in outside:
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
        if path.is_file() and kind.parts not in outside:
            files.append(SourceFile(kind.name, path, _rel(root, path), cycle))
    top_parts = {k.parts for k in tops}
    base = _rel(root, folder) + "/"
    table = _Kinds([k for k in kinds if len(k.parts) > 1])
    for parts, link in entries:
        if parts in outside or parts[-1].startswith(".") or parts in top_parts:
            continue
        path = folder.joinpath(*parts)
        if link and not path.is_file():
            continue
        _add(path, base, parts, cycle, table, files, findings)


_Entry = tuple[tuple[str, ...], bool]
"""A file's names below the folder walked, and whether it is a symbolic link."""


def _walk(folder: Path) -> list[_Entry]:
    """Every file under `folder`, as its names below `folder` in sorted order, and whether it is
    a symbolic link; a link to a folder is listed as such, not entered. Names, not Path objects:
    a large repository has thousands of files, most of which only need their names matched."""
    found: list[_Entry] = []
    _walk_into(str(folder), (), found)
    found.sort()
    return found


def _walk_into(folder: str, parts: tuple[str, ...], found: list[_Entry]) -> None:
    try:
        with os.scandir(folder) as scan:
            entries = list(scan)
    except OSError:
        return
    for entry in entries:
        here = (*parts, entry.name)
        if entry.is_symlink():
            found.append((here, True))
        elif entry.is_dir(follow_symlinks=False):
            _walk_into(entry.path, here, found)
        elif entry.is_file(follow_symlinks=False):
            found.append((here, False))


def _add(
    path: Path,
    base: str,
    parts: tuple[str, ...],
    cycle: str | None,
    kinds: _Kinds,
    files: list[SourceFile],
    findings: list[Finding],
) -> None:
    """Add the file at `path` (`parts` below the folder whose relative path is `base`) as its
    kind's, or warn about a YAML file of no kind."""
    found = kinds.of(parts)
    if found is not None:
        rel = _text(base + "/".join(parts))
        files.append(SourceFile(found[0].name, path, rel, cycle, found[1]))
        return
    if path.suffix in (".yaml", ".yml"):
        rel = _text(base + "/".join(parts))
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
