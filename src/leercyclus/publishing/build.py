"""Render into a staging folder, convert, and rebuild only outputs whose content changed.

What an earlier build wrote is known from its manifest, kept in the user's cache (never in the
output folder, which may be committed to the repository): per output the key of the content it
was made from, and the bytes it had. An output is kept only if the manifest names it with the
same key and the file still holds those bytes; anything else is built again.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leercyclus import __version__
from leercyclus.errors import OutputError
from leercyclus.publishing.convert import Conversion, convert_all
from leercyclus.publishing.render import Renderer
from leercyclus.publishing.scopes import SCOPES
from leercyclus.repository.cache import output_cache, private_folder
from leercyclus.repository.write import publish, write_atomic, write_text

Made = dict[str, Any]
"""What the manifest says of one output: {"key": content key, "sha256": ..., "stat": [...]}."""


@dataclass(frozen=True, slots=True)
class Output:
    """One report file: where it is, what it is, and whether this build wrote it."""

    path: Path
    scope: str
    institution: str | None
    format: str
    rebuilt: bool = True


@dataclass
class Build:
    """One `report` run: what to write where, and what the last run already wrote."""

    out: Path
    stage: Path
    formats: list[str]
    render: Renderer
    templates: tuple[Path, ...]
    epoch: int | None
    force: bool = False
    volatile: tuple[str, ...] = ()
    """Texts left out of content keys: the commit id and date, so that a new commit rebuilds
    only the reports whose content changed (an unchanged report keeps its older, still true,
    provenance)."""
    outputs: list[Output] = field(default_factory=list)
    jobs: list[Conversion] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)
    guarded: set[Path] = field(default_factory=set)
    """Outputs in a guarded scope that a leak guard has read (`mark_guarded`)."""
    _old: dict[str, dict[str, Made]] = field(default_factory=dict)
    _templates_key: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._templates_key = [
            hashlib.sha256((folder / name).read_bytes()).hexdigest()
            for folder in self.templates
            for name in ("reference.docx", "report.typ", "contents.lua")
            if (folder / name).is_file()
        ]

    def emit(self, rel: Path, template: str, scope: str, inst: str | None, **context: Any) -> None:
        """Render one report in every requested format (conversions are queued); `rel` must lie
        in the folder of its `scope` (publishing/scopes.py)."""
        if scope not in SCOPES or not SCOPES[scope].holds(rel):
            raise ValueError(f"{rel} is not in the folder of scope {scope!r}")
        for fmt in ("md", "html"):
            if fmt in self.formats:
                text = self.render.render(f"{template}.{fmt}.j2", **context)
                target = rel.with_suffix(f".{fmt}")
                if self._changed(target, self._key(fmt, text)):
                    write_text(self.stage / target, text)
                    self._add(target, scope, inst, fmt, rebuilt=True)
                else:
                    self._add(target, scope, inst, fmt, rebuilt=False)
        converted = [f for f in ("docx", "pdf") if f in self.formats]
        if not converted:
            return
        svgs: dict[str, str] = context.get("svg", {})
        charts = {name: name for name in svgs}  # the extension is chosen per format
        md = self.render.render(f"{template}.md.j2", **{**context, "charts": charts})
        scratch = self.stage / ".work" / rel  # one folder per output: two may share a folder
        source = scratch / "report.md"
        for fmt in converted:
            target = rel.with_suffix(f".{fmt}")
            if not self._changed(target, self._key(fmt, md, *svgs.values(), *self._templates_key)):
                self._add(target, scope, inst, fmt, rebuilt=False)
                continue
            if not source.exists():
                for name, svg in svgs.items():
                    write_text(scratch / f"{name}.svg", svg)
                write_text(source, md)
            (self.stage / target).parent.mkdir(parents=True, exist_ok=True)
            self.jobs.append(
                Conversion(
                    source, self.stage / target, scratch, self.epoch, self.templates, tuple(svgs)
                )
            )
            self._add(target, scope, inst, fmt, rebuilt=True)

    def emit_file(self, rel: Path, scope: str, inst: str | None, text: str | bytes) -> None:
        """Write one output as it is (a CSV, a calendar, slides made elsewhere); its suffix is
        its format, whatever formats were asked for."""
        self._in_scope(rel, scope)
        fmt = rel.suffix.lstrip(".")
        content = text if isinstance(text, str) else hashlib.sha256(text).hexdigest()
        rebuilt = self._changed(rel, self._key(fmt, content))
        if rebuilt and isinstance(text, str):
            write_text(self.stage / rel, text)
        elif rebuilt and isinstance(text, bytes):
            (self.stage / rel).parent.mkdir(parents=True, exist_ok=True)
            (self.stage / rel).write_bytes(text)
        self._add(rel, scope, inst, fmt, rebuilt=rebuilt)

    def emit_slides(self, rel: Path, scope: str, inst: str | None, markdown: str) -> None:
        """A slide deck (`rel`.pptx) from pandoc Markdown: a slide per heading, `::: notes` as
        speaker notes; converted with the other documents."""
        self._in_scope(rel, scope)
        target = rel.with_suffix(".pptx")
        if not self._changed(target, self._key("pptx", markdown, *self._templates_key)):
            self._add(target, scope, inst, "pptx", rebuilt=False)
            return
        scratch = self.stage / ".work" / target
        write_text(scratch / "slides.md", markdown)
        (self.stage / target).parent.mkdir(parents=True, exist_ok=True)
        self.jobs.append(
            Conversion(
                scratch / "slides.md", self.stage / target, scratch, self.epoch, self.templates
            )
        )
        self._add(target, scope, inst, "pptx", rebuilt=True)

    def _in_scope(self, rel: Path, scope: str) -> None:
        if scope not in SCOPES or not SCOPES[scope].holds(rel):
            raise ValueError(f"{rel} is not in the folder of scope {scope!r}")

    def convert(self, workers: int) -> None:
        """Run the queued DOCX and PDF conversions."""
        convert_all(self.jobs, workers)

    def public_files(self, cycle: str) -> list[Path]:
        """Every file public/ will hold after this build, as it will be: new outputs staged,
        the others in place. A file there that leercyclus did not make is an error: public/ is
        published as it is."""
        public = Path(cycle, "public")
        ours = {o.path: self._current(o) for o in self.outputs if o.scope == "public"}
        found = dict(ours)
        strangers = []
        for path in _files_under(self.out / public):
            rel = path.relative_to(self.out)
            if rel in ours:
                continue
            made = self._old.get(cycle, {}).get(rel.as_posix())
            if made is None or not _made_here(path, made):
                strangers.append(rel.as_posix())
            found[rel] = path
        if strangers:
            shown = ", ".join(strangers[:5]) + (
                f" and {len(strangers) - 5} more" if len(strangers) > 5 else ""
            )
            raise OutputError(
                f"{self.out / public} holds files leercyclus did not make: {shown}; "
                "public/ is published as it is, so nothing was written",
                "remove them (or build into an empty folder with --out)",
            )
        return sorted(found.values())

    def guarded_files(self) -> dict[str, list[Path]]:
        """Per scope that leaves an institution, its outputs as they will be after this build."""
        found: dict[str, list[Path]] = {}
        for output in self.outputs:
            if SCOPES[output.scope].guarded:
                found.setdefault(output.scope, []).append(self._current(output))
        return found

    def mark_guarded(self, files: list[Path]) -> None:
        """Record that a leak guard has read `files` (as `guarded_files` gave them)."""
        self.guarded.update(files)

    def publish(self, cycle: str) -> list[Output]:
        """Move the rebuilt files into place, then record what was made in the manifest;
        refused while an output that leaves an institution has not been read by a leak guard."""
        unread = [
            f for files in self.guarded_files().values() for f in files if f not in self.guarded
        ]
        if unread:
            raise OutputError(
                f"no leak guard read {unread[0].name} before it would leave its institution: "
                "nothing was written (this is a bug in leercyclus: please report it)"
            )
        rebuilt = [o for o in self.outputs if o.rebuilt]
        publish([self.stage / o.path for o in rebuilt], self.stage, self.out)
        manifest = dict(self._old.get(cycle, {}))
        for output in rebuilt:
            name = output.path.as_posix()
            manifest[name] = {"key": self.keys[name], **_fingerprint(self.out / output.path)}
        (self.out / cycle / ".manifest.json").unlink(missing_ok=True)  # where it used to be
        try:
            folder = private_folder(output_cache(self.out))
            write_atomic(folder / f"{cycle}.json", json.dumps(manifest, indent=1, sort_keys=True))
        except OSError:
            pass  # no manifest: the next build makes everything again
        return [Output(self.out / o.path, o.scope, o.institution, o.format, o.rebuilt)
                for o in self.outputs]  # fmt: skip

    def load_manifest(self, cycle: str) -> None:
        """What earlier builds wrote; a missing or damaged manifest means: rebuild all."""
        try:
            path = output_cache(self.out) / f"{cycle}.json"
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if isinstance(data, dict):
            self._old[cycle] = {
                str(name): made
                for name, made in data.items()
                if isinstance(made, dict)
                and isinstance(made.get("key"), str)
                and isinstance(made.get("sha256"), str)
            }

    def _changed(self, rel: Path, key: str) -> bool:
        name = rel.as_posix()
        cycle = rel.parts[0]
        self.keys[name] = key
        made = self._old.get(cycle, {}).get(name)
        if self.force or made is None or made["key"] != key:
            return True
        return not _made_here(self.out / rel, made)

    def _add(self, rel: Path, scope: str, inst: str | None, fmt: str, *, rebuilt: bool) -> None:
        self.outputs.append(Output(rel, scope, inst, fmt, rebuilt))

    def _current(self, output: Output) -> Path:
        return (self.stage if output.rebuilt else self.out) / output.path

    def _key(self, fmt: str, *parts: str) -> str:
        digest = hashlib.sha256(f"{__version__}\0{fmt}".encode())
        for part in parts:
            for text in self.volatile:
                part = part.replace(text, "")
            digest.update(b"\0" + part.encode())
        return digest.hexdigest()


def _fingerprint(path: Path) -> dict[str, Any]:
    """What the manifest keeps of a file leercyclus wrote: its bytes' hash and its identity."""
    info = path.lstat()
    return {
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "stat": [info.st_size, info.st_mtime_ns, info.st_ino],
    }


def _made_here(path: Path, made: Made) -> bool:
    """Whether `path` is a plain file with the bytes leercyclus wrote there (by the manifest)."""
    try:
        info = path.lstat()
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False  # a link or a folder where an output was: not ours
    if made.get("stat") == [info.st_size, info.st_mtime_ns, info.st_ino]:
        return True  # untouched since it was written
    try:
        return bool(hashlib.sha256(path.read_bytes()).hexdigest() == made["sha256"])
    except OSError:
        return False


def _files_under(folder: Path) -> list[Path]:
    """Every entry under `folder` that is not a folder (links included, never followed)."""
    found: list[Path] = []
    if not folder.is_dir() or folder.is_symlink():
        return found
    for base, dirs, files in os.walk(folder):
        here = Path(base)
        found += [here / name for name in files]
        found += [here / name for name in dirs if (here / name).is_symlink()]
    return sorted(found)
