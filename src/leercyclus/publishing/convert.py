"""Markdown to DOCX (pandoc) and PDF (pandoc to Typst, compiled by the typst package)."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from leercyclus.errors import OutputError
from leercyclus.parallel import context
from leercyclus.publishing.render import packaged_templates

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
    """Run one conversion; the target's suffix says which. Failures become OutputErrors."""
    import pypandoc

    if job.epoch is not None:  # pandoc dates the DOCX by it: a build of one commit is stable
        os.environ["SOURCE_DATE_EPOCH"] = str(job.epoch)
    common = ["--resource-path", str(job.resources), "--quiet"]
    try:
        if job.target.suffix == ".docx":
            _charts_as_png(job.resources)
            extra = [*common, "--default-image-extension=png"]
            reference = _find(job.templates, "reference.docx")
            if reference is not None:
                extra += ["--reference-doc", str(reference)]
            pypandoc.convert_file(
                str(job.source), "docx", format="markdown", outputfile=str(job.target),
                extra_args=extra,
            )  # fmt: skip
            return job.target
        if job.target.suffix == ".pdf":
            extra = [*common, "--standalone", "--default-image-extension=svg"]
            template = _find(job.templates, "report.typ")
            if template is not None:
                extra += ["--template", str(template)]
            typ = job.resources / f"{job.target.stem}.typ"
            pypandoc.convert_file(
                str(job.source), "typst", format="markdown", outputfile=str(typ), extra_args=extra
            )
            _typst(typ, job.target, job.resources, timestamp=job.epoch)
            return job.target
    except RuntimeError as exc:  # pandoc's own failure, e.g. a broken reference.docx
        raise OutputError(
            f"pandoc could not make {job.target.name}: {str(exc).strip()[:500]}",
            "check templates/reference.docx or templates/report.typ in your repository",
        ) from None
    raise ValueError(f"no conversion to {job.target.suffix}")


def pptx(markdown: str, target: Path, epoch: int | None) -> bytes:
    """A PowerPoint deck of `markdown` (pandoc's slide conventions: `## ` starts a slide,
    `::: notes` holds speaker notes); returns its bytes, `target` names it in messages."""
    import tempfile

    import pypandoc

    if epoch is not None:
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "deck.pptx"
        try:
            pypandoc.convert_text(
                markdown, "pptx", format="markdown", outputfile=str(out), extra_args=["--quiet"]
            )
        except RuntimeError as exc:
            message = f"pandoc could not make {target.name}: {str(exc).strip()[:500]}"
            raise OutputError(message) from None
        return out.read_bytes()


def _typst(
    source: Path,
    target: Path,
    root: Path,
    *,
    png: bool = False,
    timestamp: int | None = None,
) -> None:
    """Compile with typst's own fonts only, so a PDF is the same on every machine."""
    import typst

    try:
        typst.compile(
            str(source),
            output=str(target),
            root=str(root),
            ignore_system_fonts=True,
            format="png" if png else "pdf",
            ppi=150 if png else None,
            timestamp=timestamp,
        )
    except typst.TypstError as exc:
        where = getattr(exc, "diagnostic", None) or ""
        raise OutputError(
            f"typst could not make {target.name}: {exc}\n{where}".strip(),
            "check templates/report.typ in your repository, or remove it to use ours",
        ) from None


def _charts_as_png(folder: Path) -> None:
    """PNG copies of the SVG charts, for Word versions and LibreOffice that show no SVG."""
    for svg in sorted(folder.glob("*.svg")):
        png = svg.with_suffix(".png")
        if png.exists():
            continue
        page = folder / f"{svg.stem}.chart.typ"
        page.write_text(
            "#set page(width: auto, height: auto, margin: 0pt)\n"
            f'#image("{svg.name}", width: 17cm)\n',
            encoding="utf-8",
        )
        _typst(page, png, folder, png=True)
        page.unlink(missing_ok=True)


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
    with ProcessPoolExecutor(max_workers=workers, mp_context=context()) as pool:
        return list(pool.map(convert, jobs))
