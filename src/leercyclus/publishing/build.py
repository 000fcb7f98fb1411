"""Render into a staging folder, convert, and rebuild only outputs whose content changed."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leercyclus import __version__
from leercyclus.errors import OutputError
from leercyclus.publishing.convert import Conversion, convert_all
from leercyclus.publishing.render import Renderer
from leercyclus.publishing.scopes import SCOPES
from leercyclus.repository.write import publish, write_atomic, write_text

MANIFEST = ".manifest.json"
"""Per cycle folder of the output: each output's content key, for incremental builds."""


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
    _old: dict[str, dict[str, str]] = field(default_factory=dict)
    _templates_key: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._templates_key = [
            hashlib.sha256((folder / name).read_bytes()).hexdigest()
            for folder in self.templates
            for name in ("reference.docx", "report.typ")
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
                Conversion(source, self.stage / target, scratch, self.epoch, self.templates)
            )
            self._add(target, scope, inst, fmt, rebuilt=True)

    def emit_file(self, rel: Path, text: str | bytes, scope: str, inst: str | None) -> None:
        """Write one output that is its own format (a calendar file: `rel`'s suffix), whatever
        formats were asked for; `rel` must lie in the folder of its `scope`."""
        if scope not in SCOPES or not SCOPES[scope].holds(rel):
            raise ValueError(f"{rel} is not in the folder of scope {scope!r}")
        fmt = rel.suffix.lstrip(".")
        content = text if isinstance(text, str) else hashlib.sha256(text).hexdigest()
        if self._changed(rel, self._key(fmt, content)):
            if isinstance(text, str):
                write_text(self.stage / rel, text)
            else:
                (self.stage / rel).parent.mkdir(parents=True, exist_ok=True)
                (self.stage / rel).write_bytes(text)
            self._add(rel, scope, inst, fmt, rebuilt=True)
        else:
            self._add(rel, scope, inst, fmt, rebuilt=False)

    def convert(self, workers: int) -> None:
        """Run the queued DOCX and PDF conversions."""
        convert_all(self.jobs, workers)

    def public_files(self) -> list[Path]:
        """Every public output as it will be after this build: new ones staged, others in place."""
        return [self._current(o) for o in self.outputs if o.scope == "public"]

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
        """Move the rebuilt files into place, then record the manifest; refused while an output
        that leaves an institution has not been read by a leak guard."""
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
        manifest = {**self._old.get(cycle, {}), **self.keys}
        write_atomic(self.out / cycle / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True))
        return [Output(self.out / o.path, o.scope, o.institution, o.format, o.rebuilt)
                for o in self.outputs]  # fmt: skip

    def load_manifest(self, cycle: str) -> None:
        """What the last build wrote; a missing or damaged manifest means: rebuild all."""
        try:
            data = json.loads((self.out / cycle / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if isinstance(data, dict):
            self._old[cycle] = {str(k): str(v) for k, v in data.items()}

    def _changed(self, rel: Path, key: str) -> bool:
        name = rel.as_posix()
        cycle = rel.parts[0]
        self.keys[name] = key
        if self.force or not (self.out / rel).is_file():
            return True
        return self._old.get(cycle, {}).get(name) != key

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
