"""The parels site in a build: made in the guard step, the last before publishing (only then
does the build know which national reports it holds), and read whole by the leak guard there.
What the site holds is site.py's."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from leercyclus.methods.nationalday.site import (
    INDEX,
    SCRIPT,
    STYLE,
    Scrub,
    catalogue,
    data_of,
    folder,
    national_reports,
    render,
    shared_contacts,
)
from leercyclus.publishing.scopes import PUBLIC

if TYPE_CHECKING:
    from leercyclus.loading.method import ReportRun
    from leercyclus.loading.network import Network

DEIDENTIFIED = "deidentified"
"""The folder of de-identified texts in the repository's cache, shared with the national report:
a parel's text is the same text there, and de-identified once."""


def static_file(name: str) -> str:
    """The site's script or stylesheet as leercyclus ships it (never a repository's: the page
    runs it)."""
    from leercyclus.publishing.render import packaged_templates

    return (packaged_templates() / name).read_text(encoding="utf-8")


def scrubber(net: Network) -> Scrub:
    """A text as the national report prints it: known terms replaced, identifying forms and
    what deduce finds too; in a parel (`mine`), claims and own scores left out too."""
    from leercyclus.privacy.anonymize import Scrubber, known_terms
    from leercyclus.privacy.deidentify import Deidentifier
    from leercyclus.repository.cache import repository_cache

    scrub = Scrubber(known_terms(net), Deidentifier(repository_cache(net.root) / DEIDENTIFIED))
    return lambda text, mine: scrub.scrub(text, claims=mine, figures=mine)


def wanted(run: ReportRun) -> bool:
    """The site comes with the HTML outputs of a build of the whole network."""
    data = run.network.cycles.get(run.cycle)
    return (
        run.institutions is None and "html" in run.formats and data is not None
        and data.cycle is not None
    )  # fmt: skip


def make(run: ReportRun) -> list[Path]:
    """Emit the site of `run.cycle` into the build; its files as the build will hold them."""
    from leercyclus.publishing.provenance import provenance

    net = run.network
    public = run.build.guarded_files().get(PUBLIC.name, [])
    built = [_built_rel(p, run.cycle) for p in public]
    scrub = scrubber(net)
    cat = catalogue(net, run.cycle, run.language, scrub)
    made = [b for b in built if b is not None]
    # the build's folder: the reports of earlier cycles' builds are there
    cat.reports = national_reports(net, run.cycle, made, run.build.out, scrub)
    here = Path(folder(run.cycle))
    run.tell.advance("parels site")
    files = {
        INDEX: render(cat, {"provenance": provenance(net.root)}),
        SCRIPT: static_file("nationalday-site.js"),
        # the reports' house style (base.html.j2 holds it inline), then the site's own rules
        STYLE: static_file("house-style.css") + static_file("nationalday-site.css"),
    }
    for name, content in files.items():
        run.build.emit_file(here / name, PUBLIC.name, None, content)
    mine = {folder(run.cycle) / name for name in files}
    return [
        path
        for path in run.build.guarded_files().get(PUBLIC.name, [])
        if _built_rel(path, run.cycle) in mine
    ]


def _built_rel(path: Path, cycle: str) -> PurePosixPath | None:
    """A public output's path relative to the build folder (`<cycle>/public/...`)."""
    parts = path.parts
    for i in range(len(parts) - 2, -1, -1):
        if parts[i] == cycle and parts[i + 1] == "public":
            return PurePosixPath(*parts[i:])
    return None


def guard(run: ReportRun, files: list[Path]) -> None:
    """Read every byte of the site with the leak guard: the page as a reader sees it, the page
    as it is (the JSON inside it included), every text of that JSON decoded, the script and the
    stylesheet. Only the contacts of shared parels may appear."""
    from leercyclus.errors import DataError
    from leercyclus.privacy.anonymize import known_terms
    from leercyclus.privacy.leakguard import extract_text, leaks_in

    allowed = shared_contacts(run.network, run.cycle)
    readings = [(path, extract_text(path)) for path in files]
    for path in files:
        raw = path.read_text(encoding="utf-8")
        readings.append((path, raw))
        if path.name == INDEX:
            readings.append((path, "\n".join(_strings(data_of(raw)))))
    leaks = leaks_in(readings, known_terms(run.network), allowed)
    if leaks:
        first = leaks[0]
        raise DataError(
            f"'{first.found}' ({first.origin}) appears in the parels site"
            f" ({first.output.name}), which anyone can read: nothing was written.",
            "rephrase that parel's title or text in its visit file; only the contact of a"
            " shared parel may be named",
        )
    run.build.mark_guarded(files)


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
