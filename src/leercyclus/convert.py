"""Markdown to DOCX (pandoc) and PDF (pandoc to Typst, compiled by the typst package)."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from leercyclus.render import packaged_templates

FORMATS = ("md", "html", "docx", "pdf")
"""Every output format, in the order reports are written."""


@dataclass(frozen=True, slots=True)
class Conversion:
    """One Markdown file to convert into `target`, with images under `resources`."""

    source: Path
    target: Path
    resources: Path
    epoch: int | None
    templates: tuple[Path, ...]


def convert(job: Conversion) -> Path:
    """Run one conversion; the target's suffix says which."""
    import pypandoc

    env_epoch = {"SOURCE_DATE_EPOCH": str(job.epoch)} if job.epoch is not None else {}
    os.environ.update(env_epoch)
    common = ["--resource-path", str(job.resources), "--quiet"]
    if job.target.suffix == ".docx":
        reference = _find(job.templates, "reference.docx")
        extra = [*common, "--toc", "--toc-depth=1"]
        if reference is not None:
            extra += ["--reference-doc", str(reference)]
        pypandoc.convert_file(
            str(job.source),
            "docx",
            format="markdown",
            outputfile=str(job.target),
            extra_args=extra,
        )
        return job.target
    if job.target.suffix == ".pdf":
        import typst

        template = _find(job.templates, "report.typ")
        extra = [*common, "--standalone"]
        if template is not None:
            extra += ["--template", str(template)]
        typ = job.resources / f"{job.target.stem}.typ"
        pypandoc.convert_file(
            str(job.source), "typst", format="markdown", outputfile=str(typ), extra_args=extra
        )
        try:
            typst.compile(
                str(typ), output=str(job.target), root=str(job.resources), timestamp=job.epoch
            )
        finally:
            typ.unlink(missing_ok=True)
        return job.target
    raise ValueError(f"no conversion to {job.target.suffix}")


def _find(folders: tuple[Path, ...], name: str) -> Path | None:
    for folder in folders:
        if (folder / name).is_file():
            return folder / name
    return None


def template_folders(repo: Path) -> tuple[Path, ...]:
    """Where conversion templates are looked up: the repository's templates/, then ours."""
    return tuple(p for p in (repo / "templates", packaged_templates()) if p.is_dir())


def convert_all(jobs: list[Conversion], workers: int | None = None) -> list[Path]:
    """Run conversions over the machine's cores; each pandoc/typst run is independent."""
    workers = min(workers or os.cpu_count() or 1, len(jobs))
    if workers <= 1:
        return [convert(job) for job in jobs]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(convert, jobs))
