"""The parels catalogue on the web: a static site of every shared parel, for anyone to read.

Three files in the public folder of the cycle built, `<cycle>/public/parels/`: `index.html`
with the catalogue as JSON inside it, `parels.js` that searches and filters it (by words, domain,
standard and year, from its fields or from the address: `?q=...&domein=...&standaard=...&jaar=...`)
and `parels.css`. No server and no build tool: a folder that GitHub or GitLab Pages serves as it
is. A strict Content-Security-Policy lets the page run only its own script and fetch nothing.

What it shows: the parels of every cycle up to the one built whose institution agreed to share
them (`share: true`), their texts scrubbed as the national report scrubs them, the contact of
each (their consent), and a link to the public national report of each cycle where the same
output folder holds one (`../national-report.html`, `../../../<earlier cycle>/public/...`).
Never the institution of a parel, nothing of another scope.

This module says what the site holds; sitebuild.py makes it in a build and guards it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from leercyclus.methods.nationalday.texts import SITE_TEXTS
from leercyclus.models.refs import slug, unused
from leercyclus.publishing.scopes import PUBLIC, PUBLIC_SITE

if TYPE_CHECKING:
    from leercyclus.loading.network import Network

INDEX = "index.html"
SCRIPT = "parels.js"
STYLE = "parels.css"
INDEX_FILES = (INDEX, SCRIPT, STYLE)
"""The files of the site."""
TEMPLATE = "nationalday-site.html.j2"
NATIONAL = "national-report"
LINKED_FORMATS = ("html", "pdf")
"""The national report's formats the site links to, the first one the build holds."""
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
    " base-uri 'none'; form-action 'none'"
)
"""Only the site's own script and stylesheet run; nothing is fetched, no form is sent."""


@dataclass(frozen=True, slots=True)
class Named:
    id: str
    title: str


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    email: str | None
    phone: str | None


@dataclass(frozen=True, slots=True)
class SiteParel:
    """One shared parel as the site shows it: never its institution."""

    id: str
    """A stable anchor: the cycle and the slug of its title (a number added for equal ones)."""
    title: str
    text: str
    year: str
    """The cycle it was found in (its id: cycles are years)."""
    domains: list[Named]
    standards: list[Named]
    contact: Contact | None


@dataclass(frozen=True, slots=True)
class Report:
    """The public national report of one cycle, as a link relative to the site's index."""

    year: str
    title: str
    href: str


@dataclass
class Catalogue:
    network: str
    cycle: str
    language: str
    parels: list[SiteParel]
    reports: list[Report] = field(default_factory=list)
    years: list[str] = field(default_factory=list)
    domains: list[Named] = field(default_factory=list)
    standards: list[Named] = field(default_factory=list)

    def as_json(self, texts: dict[str, str]) -> dict[str, Any]:
        return {
            "language": self.language,
            "texts": texts,
            "years": self.years,
            "domains": [asdict(d) for d in self.domains],
            "standards": [asdict(s) for s in self.standards],
            "parels": [asdict(p) for p in self.parels],
        }


def folder(cycle: str) -> PurePosixPath:
    """Where the site lands, relative to the build folder: `<cycle>/public/parels`."""
    return PurePosixPath(PUBLIC.path(cycle, None, PUBLIC_SITE).as_posix())


def shared_contacts(net: Network, cycle: str) -> list[str]:
    """Name, e-mail and phone of the contact of every shared parel the site may show."""
    found = []
    for c in net.cycles_up_to(cycle):
        for visit in net.cycles[c].visits.values():
            for parel in visit.model.parels:
                if parel.share and parel.contact is not None:
                    contact = parel.contact
                    found += [v for v in (contact.name, contact.email, contact.phone) if v]
    return found


Scrub = Callable[[str, bool], str]
"""A text as the public may read it; the flag says an institution wrote it (a parel), else the
network did (its name, a domain's or a standard's title), as the national report tells them."""


def catalogue(net: Network, cycle: str, language: str, scrub: Scrub) -> Catalogue:
    """Every shared parel of the cycles up to `cycle`, newest cycle first, every text scrubbed.

    Within a cycle the order follows titles, never institutions (`sorted` on the scrubbed title
    and text), so the list tells nobody whose parel comes first.
    """
    network = scrub(net.settings.model.network, False) if net.settings is not None else ""
    parels: list[SiteParel] = []
    domains: dict[str, str] = {}
    standards: dict[str, str] = {}
    years = []
    for c in reversed(net.cycles_up_to(cycle)):
        data = net.cycles[c]
        domain_titles = data.cycle.model.domains if data.cycle else []
        titles = {d.id: scrub(d.title, False) for d in domain_titles}
        found = []
        for visit in data.visits.values():
            for parel in visit.model.parels:
                if not parel.share:
                    continue
                linked = [data.standards[s].model for s in parel.standards if s in data.standards]
                given = parel.contact
                found.append(
                    (
                        scrub(parel.title, True),
                        scrub(parel.text, True),
                        [Named(s.id, scrub(s.title, False)) for s in linked],
                        sorted({s.domain for s in linked}),
                        Contact(given.name, given.email, given.phone) if given else None,
                    )
                )
        found.sort(key=lambda f: (f[0].casefold(), f[1]))
        if found:
            years.append(c)
        used: set[str] = set()
        for title, text, named, domain_ids, contact in found:
            anchor = unused(f"{c}-{slug(title)}", used)
            in_domains = [Named(d, titles.get(d, d)) for d in domain_ids]
            parels.append(SiteParel(anchor, title, text, c, in_domains, named, contact))
            for d in in_domains:
                domains.setdefault(d.id, d.title)  # the newest cycle's title
            for s in named:
                standards.setdefault(s.id, s.title)
    from leercyclus.loading.network import natural_key

    return Catalogue(
        network,
        cycle,
        language,
        parels,
        years=years,
        domains=[Named(k, v) for k, v in sorted(domains.items(), key=lambda i: natural_key(i[0]))],
        standards=[
            Named(k, v) for k, v in sorted(standards.items(), key=lambda i: natural_key(i[0]))
        ],
    )


def embedded_json(data: object) -> str:
    """`data` as JSON that can stand inside <script type="application/json">: no `<`, `>` or
    `&` appears as itself, so no text in the data can close the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def national_reports(
    net: Network, cycle: str, built: Iterable[PurePosixPath], out: Path | None, scrub: Scrub
) -> list[Report]:
    """The public national report of each cycle up to `cycle` that the output folder will hold
    after this build, as links relative to the site: made in this build (`built`, paths
    relative to the build folder), or by an earlier build into the same folder `out` (a plain
    file, never through a link).

    Earlier cycles' reports are linked where their own build left them
    (`../../../<cycle>/public/`), never copied beside the site: a copy would hold contacts of
    that cycle's parels, which the national report's guard of this cycle rightly refuses."""
    made = set(built)
    here = folder(cycle)
    reports = []
    for c in reversed(net.cycles_up_to(cycle)):
        data = net.cycles[c]
        title = scrub(data.cycle.model.title, False) if data.cycle is not None else c
        for fmt in LINKED_FORMATS:
            target = PurePosixPath(c, "public", f"{NATIONAL}.{fmt}")
            if target in made or (out is not None and _plain_file(out, target)):
                reports.append(Report(c, title, _relative(here, target)))
                break
    return reports


def _relative(start: PurePosixPath, target: PurePosixPath) -> str:
    """`target` as a link from a page in the folder `start` (both relative to the build)."""
    common = 0
    while common < min(len(start.parts), len(target.parts)) and (
        start.parts[common] == target.parts[common]
    ):
        common += 1
    return "/".join([".."] * (len(start.parts) - common) + list(target.parts[common:]))


def _plain_file(out: Path, rel: PurePosixPath) -> bool:
    current = out
    for part in rel.parts:
        current = current / part
        if current.is_symlink():
            return False
    return current.is_file()


def render(cat: Catalogue, meta: dict[str, Any]) -> str:
    """The index page, from leercyclus's own template only (it carries the policy and the
    script: a repository's template may not replace them)."""
    from leercyclus.publishing.render import renderer

    texts = SITE_TEXTS[cat.language]
    page = renderer(None, cat.language).render(
        TEMPLATE,
        c=cat,
        w=texts,
        csp=CSP,
        data=embedded_json(cat.as_json(texts)),
        script=SCRIPT,
        style=STYLE,
        meta=meta,
    )
    return page


def data_of(page: str) -> Any:
    """The catalogue embedded in the index page."""
    start = page.index('<script type="application/json" id="parels-data">')
    body = page[page.index(">", start) + 1 : page.index("</script>", start)]
    return json.loads(body)
