"""Markdown to DOCX (pandoc) and PDF (pandoc to Typst, compiled by typst).

pandoc and typst each run as a child process with a time bound, and read nothing but what the
build hands them: pandoc runs with --sandbox and a filter that keeps only the build's own
charts; typst runs with the build's folder as its root, no packages and no network. A
repository's reference.docx and report.typ are checked before either sees them.
"""

from __future__ import annotations

import os
import re

# pandoc and typst only, with fixed argument lists and no shell:
import subprocess  # nosec B404
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from leercyclus.errors import DataError, OutputError
from leercyclus.publishing.render import packaged_templates
from leercyclus.repository.listing import escapes

FORMATS = ("md", "html", "docx", "pdf")
"""Every output format, in the order reports are written."""
TOC = ("--toc", "--toc-depth=1")
"""The PDF opens with a table of contents of the chapters (the DOCX gets one from contents.lua)."""

PANDOC_SECONDS = 120
"""The longest one pandoc run may take before it is stopped."""
TYPST_SECONDS = 60
"""The longest one typst compilation may take before it is stopped (a template can loop)."""

FILTER = Path(__file__).with_name("only_charts.lua")
NO_NETWORK = "http://127.0.0.1:9"
"""The proxy the children are given: nothing listens there, so nothing is downloaded."""


@dataclass(frozen=True, slots=True)
class Conversion:
    """One Markdown file to convert into `target`, with its charts in `resources`."""

    source: Path
    target: Path
    resources: Path
    epoch: int | None
    templates: tuple[Path, ...]
    charts: tuple[str, ...] = ()


def convert(job: Conversion) -> Path:
    """Run one conversion; the target's suffix says which. Failures become OutputErrors."""
    env = _child_environment(job)
    if job.target.suffix == ".docx":
        _charts_as_png(job.resources)
        contents = packaged_templates() / "contents.lua"  # ours only: a filter runs code
        extra = [f"--lua-filter={contents}"]
        reference = _find(job.templates, "reference.docx")
        if reference is not None:
            extra += ["--reference-doc", str(reference)]
        _pandoc(job, "docx", job.target, extra, env)
        return job.target
    if job.target.suffix == ".pptx":  # slides: one per heading, `::: notes` as speaker notes
        _pandoc(job, "pptx", job.target, [], env)
        return job.target
    if job.target.suffix == ".pdf":
        extra = [*TOC, "--standalone"]
        template = _find(job.templates, "report.typ")
        if template is not None:
            extra += ["--template", str(template)]
        typ = job.resources / f"{job.target.stem}.typ"
        # typst-smart: pandoc writes ’ and “ ” as they are, so Typst cannot turn the
        # apostrophe of 's avonds into an opening quote
        _pandoc(job, "typst-smart", typ, extra, env)
        _typst(typ, job.target, job.resources, timestamp=job.epoch)
        return job.target
    raise ValueError(f"no conversion to {job.target.suffix}")


def _child_environment(job: Conversion) -> dict[str, str]:
    env = {**os.environ, **_offline()}
    env["LEERCYCLUS_CHARTS"] = " ".join(job.charts)
    env["LEERCYCLUS_CHART_FOLDER"] = str(job.resources)
    if job.epoch is not None:  # pandoc dates the DOCX by it: a build of one commit is stable
        env["SOURCE_DATE_EPOCH"] = str(job.epoch)
    return env


def _offline() -> dict[str, str]:
    """Environment settings under which a child reaches no server (it asks a dead proxy)."""
    proxies = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy")
    return dict.fromkeys(proxies, NO_NETWORK) | {"NO_PROXY": "", "no_proxy": ""}


def _pandoc(job: Conversion, to: str, target: Path, extra: list[str], env: dict[str, str]) -> None:
    import pypandoc

    command = [
        pypandoc.get_pandoc_path(),
        str(job.source),
        "--from=markdown",
        f"--to={to}",
        f"--output={target}",
        "--sandbox",
        f"--lua-filter={FILTER}",
        "--quiet",
        *extra,
    ]
    try:
        # pandoc's own path, arguments as a list, no shell:
        done = subprocess.run(  # nosec B603
            command,
            capture_output=True,
            timeout=PANDOC_SECONDS,
            env=env,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise OutputError(
            f"pandoc took longer than {PANDOC_SECONDS} s to make {job.target.name}: stopped",
            "check templates/reference.docx or templates/report.typ in your repository",
        ) from None
    if done.returncode != 0:  # e.g. a broken reference.docx
        message = done.stderr.decode("utf-8", errors="replace").strip()[:500]
        raise OutputError(
            f"pandoc could not make {job.target.name}: {message}",
            "check templates/reference.docx or templates/report.typ in your repository",
        )


_TYPST = """
import sys
import typst
source, output, root, fmt, ppi, timestamp, packages = sys.argv[1:]
try:
    typst.compile(source, output=output, root=root, ignore_system_fonts=True, format=fmt,
                  ppi=float(ppi) if ppi else None, timestamp=int(timestamp) if timestamp else None,
                  package_path=packages, package_cache_path=packages)
except typst.TypstError as exc:
    sys.stderr.write(f"{exc}\\n{getattr(exc, 'diagnostic', '') or ''}".strip())
    sys.exit(1)
"""
"""The typst child: isolated (-I: neither the current folder nor PYTHONPATH is searched, so a
repository cannot bring a module of its own), with an empty folder for packages."""


_NEXT = "<!-- leercyclus:next-document -->"


def markdown_to_html(texts: list[str]) -> list[str]:
    """An HTML fragment of each Markdown text (for reports whose HTML follows their Markdown),
    converted by one pandoc run: a pandoc run costs more than the conversion itself."""
    import pypandoc

    if not texts:
        return []
    joined = f"\n\n{_NEXT}\n\n".join(texts)
    html: str = pypandoc.convert_text(joined, "html", format="markdown", extra_args=["--quiet"])
    parts = html.split(_NEXT)
    if len(parts) == len(texts):
        return [part.strip() + "\n" for part in parts]
    return [  # a text swallowed the marker (inside a list, a code block): one run each
        str(pypandoc.convert_text(text, "html", format="markdown", extra_args=["--quiet"]))
        for text in texts
    ]


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
    """Compile with typst's own fonts only, so a PDF is the same on every machine. typst runs
    in a child process (never in this one, which may fork workers) and is stopped after
    TYPST_SECONDS."""
    packages = root / ".no-packages"
    packages.mkdir(exist_ok=True)
    arguments = [
        *(str(source), str(target), str(root), "png" if png else "pdf"),
        *("150" if png else "", "" if timestamp is None else str(timestamp), str(packages)),
    ]
    try:
        # this Python, our fixed code, arguments as a list, no shell:
        done = subprocess.run(  # nosec B603
            [sys.executable, "-I", "-c", _TYPST, *arguments],
            capture_output=True,
            timeout=TYPST_SECONDS,
            env={**os.environ, **_offline()},
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise OutputError(
            f"typst took longer than {TYPST_SECONDS} s to make {target.name}: stopped",
            "check templates/report.typ in your repository (a loop?), or remove it to use ours",
        ) from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", errors="replace").strip()
        raise OutputError(
            f"typst could not make {target.name}: {message}".strip(),
            "check templates/report.typ in your repository, or remove it to use ours",
        )


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
    """Where conversion templates are looked up: the repository's templates/, then ours.

    A repository's reference.docx and report.typ are checked first (see `check_reference_doc`
    and `check_typst_template`); one that a link takes out of the repository is refused.
    """
    own = repo / "templates"
    folders = []
    if own.is_dir() and not escapes(repo, own):
        for name in ("reference.docx", "report.typ"):
            path = own / name
            if path.is_symlink() and escapes(repo, path):
                raise DataError(
                    f"templates/{name} is a symbolic link that leads out of the repository: "
                    "it is not read",
                    f"put the {name} itself in the repository's templates/ folder",
                )
            if path.is_file():
                (check_reference_doc if name == "reference.docx" else check_typst_template)(path)
        folders.append(own)
    return (*folders, packaged_templates())


MAX_TEMPLATE_BYTES = 50_000_000
"""The most a reference.docx may unpack to (ours: about 50 KB)."""
_EXTERNAL = re.compile(rb"""TargetMode\s*=\s*["']External["']""")
_EMBEDDED = re.compile(
    rb"/(oleObject|package|vbaProject|activeX|control|aFChunk|attachedTemplate)[\"']"
)
_FIELD = re.compile(
    rb"(instrText[^>]*>|instr\s*=\s*[\"'])\s*(INCLUDETEXT|INCLUDEPICTURE|DDEAUTO|DDE|LINK|IMPORT)\b",
    re.IGNORECASE,
)


def check_reference_doc(path: Path) -> None:
    """A DataError unless `path` is a Word file that brings nothing from elsewhere: no external
    relationship (a linked template, image or share that Word would fetch), no embedded object
    or macro, no field that includes another file, and no zip bomb."""
    problem = _reference_problem(path)
    if problem is not None:
        raise DataError(
            f"templates/reference.docx {problem}: it is not used",
            "make the reference document from ours (see docs/templates.md), with styles only",
        )


def _reference_problem(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            if len(parts) > 1000 or sum(p.file_size for p in parts) > MAX_TEMPLATE_BYTES:
                return "unpacks to too much"
            for part in parts:
                if not part.filename.endswith((".xml", ".rels")):
                    continue
                xml = archive.read(part)
                if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
                    return f"declares XML entities ({part.filename})"
                if _EXTERNAL.search(xml):
                    return f"links to something outside the document ({part.filename})"
                if _EMBEDDED.search(xml):
                    return f"holds an embedded object, macro or linked template ({part.filename})"
                if _FIELD.search(xml):
                    return f"has a field that brings in another file ({part.filename})"
    except (OSError, zipfile.BadZipFile, RuntimeError, ValueError):
        return "cannot be read as a Word file"
    return None


_PARTIAL = re.compile(r"\(\s*\)\s*(\[[^\]\n]*\]\s*)?(\}|\$(?!\$))")
"""A pandoc template partial, `$name()$` or `${ name() }`: it reads another file."""


def check_typst_template(path: Path) -> None:
    """A DataError if a repository's report.typ uses a pandoc partial: a partial reads another
    file, by a path that may leave the repository."""
    text = path.read_text(encoding="utf-8", errors="replace")
    found = _PARTIAL.search(text)
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        raise DataError(
            f"templates/report.typ, line {line}: a pandoc partial (`name()`) reads another "
            "file: it is not allowed",
            "put everything in report.typ itself",
        )


def convert_all(jobs: list[Conversion], workers: int | None = None) -> list[Path]:
    """Run conversions side by side; each is a pandoc and a typst child, so threads suffice."""
    workers = min(workers or os.cpu_count() or 1, len(jobs))
    if workers <= 1:
        return [convert(job) for job in jobs]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(convert, jobs))
