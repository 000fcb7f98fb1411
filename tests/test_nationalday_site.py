"""The parels catalogue on the web (methods/nationalday/site.py, sitebuild.py): what it holds,
what it never holds, the JSON it carries, its links, its leak guard, and the page in a real
browser.

The browser tests run headless Chromium on file:// URLs; the page applies its search and
filters from the address (`?q=...&domein=...&standaard=...&jaar=...`) as from its fields, so
the dumped DOM shows the filtered list. They are skipped, with the reason, where Chromium is
not installed (.ci/run installs it)."""

from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest

from leercyclus.cli import run
from leercyclus.errors import DataError
from leercyclus.loading.network import Network, load_network
from leercyclus.methods.nationalday import site, sitebuild
from privacy_helpers import copy_example

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (.ci/run installs Debian's chromium package)",
)
HOSTILE = "Parel </script><script>alert(1)</script><!-- & <img src=x>"
"""A shared parel's title in the copy of the example: it must stay text everywhere."""
SECRET = "Verborgen parel zonder toestemming"
"""A parel without `share: true`: it must appear nowhere."""


def _add_parels(repo: Path) -> None:
    path = repo / "cycles" / "2026" / "visits" / "de-linde.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\noesters:" in text
    extra = (
        f"  - title: '{HOSTILE}'\n"
        "    text: Een titel met tekens die een pagina zouden kunnen breken.\n"
        "    standards: [A1]\n"
        "    share: true\n"
        "    contact: {name: Karin de Boer, email: k.deboer@example.org}\n"
        f"  - title: {SECRET}\n"
        "    text: Dit mag niemand buiten de instelling lezen.\n"
        "    standards: [A1]\n"
        "    contact: {name: Wendelien Starreveld, email: geheim@example.org}\n"
    )
    path.write_text(text.replace("\noesters:", f"\n{extra}oesters:", 1), encoding="utf-8")


@dataclass
class Built:
    repo: Path
    out: Path
    net: Network
    files: dict[str, Path] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        return self.out / "2026" / "public" / "parels"

    @property
    def index(self) -> Path:
        return self.folder / "index.html"

    def data(self) -> Any:
        return site.data_of(self.index.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The example (with two extra parels) built for 2025, then 2026, into one folder."""
    repo = copy_example(tmp_path_factory.mktemp("site") / "herstelnetwerk")
    _add_parels(repo)
    out = repo.parent / "out"
    for cycle in ("2025", "2026"):
        args = ["report", str(repo), "--cycle", cycle, "--format", "html", "--out", str(out)]
        assert run(args) == 0
    return Built(repo, out, load_network(repo, use_cache=False))


def _shared(net: Network) -> list[tuple[str, str]]:
    return [
        (cycle, parel.title)
        for cycle in net.cycle_order()
        for visit in net.cycles[cycle].visits.values()
        for parel in visit.model.parels
        if parel.share
    ]


# What the site holds ----------------------------------------------------------------------------


def test_the_site_lands_in_public_parels_with_its_three_files(built: Built) -> None:
    names = sorted(p.name for p in built.folder.iterdir())
    assert names == ["index.html", "parels.css", "parels.js"]
    assert (built.out / "2025" / "public" / "parels" / "index.html").is_file()


def test_every_shared_parel_of_every_cycle_and_nothing_else(built: Built) -> None:
    data = built.data()
    shared = _shared(built.net)
    assert len(data["parels"]) == len(shared) > 10
    assert {p["year"] for p in data["parels"]} == {"2024", "2025", "2026"} == set(data["years"])
    assert data["parels"][0]["year"] == "2026"  # the newest cycle first
    for p in data["parels"]:
        for s in p["standards"]:
            assert s["id"] in built.net.cycles[p["year"]].standards
        assert {d["id"] for d in p["domains"]} == {
            built.net.cycles[p["year"]].standards[s["id"]].model.domain for s in p["standards"]
        }
    raw = b"".join(f.read_bytes() for f in built.folder.iterdir())
    assert SECRET.encode() not in raw and b"geheim@example.org" not in raw
    assert b"Wendelien Starreveld" not in raw


def test_contacts_are_those_of_shared_parels_only(built: Built) -> None:
    consented = {
        parel.contact.email
        for cycle in built.net.cycle_order()
        for visit in built.net.cycles[cycle].visits.values()
        for parel in visit.model.parels
        if parel.share and parel.contact is not None
    }
    shown = {p["contact"]["email"] for p in built.data()["parels"] if p["contact"]}
    assert shown == consented


def test_no_institution_team_member_or_oester_reaches_the_site(built: Built) -> None:
    net = built.net
    assert net.register is not None
    text = "\n".join(f.read_text(encoding="utf-8") for f in built.folder.glob("parels*"))
    text += built.index.read_text(encoding="utf-8")
    for inst in net.register.model.institutions:
        assert inst.name not in text
        assert f'"{inst.id}"' not in text
    for cycle in net.cycle_order():
        for visit in net.cycles[cycle].visits.values():
            for member in visit.model.team:
                assert member.name not in text
            for oester in visit.model.oesters:
                assert oester.title not in text
    assert "[instelling]" in text  # a name in a parel's title was scrubbed, as in the report


def test_the_json_cannot_close_its_element(built: Built) -> None:
    page = built.index.read_text(encoding="utf-8")
    start = page.index(">", page.index('<script type="application/json" id="parels-data">')) + 1
    body = page[start : page.index("</script>", start)]
    assert "</" not in body and "<!--" not in body and "<script" not in body.lower()
    assert page.count("</script>") == 2  # the script tag in head and the data: nothing else
    titles = [p["title"] for p in built.data()["parels"]]
    assert any("</script><script>alert(1)</script><!-- & <img src=x>" in t for t in titles)


def test_embedded_json_escapes_every_markup_character() -> None:
    value = {"t": "</script><!--x-->&amp;\u2028"}
    text = site.embedded_json(value)
    assert not set("<>&") & set(text) and "\u2028" not in text
    assert json.loads(text) == value


def test_a_strict_policy_and_no_inline_script(built: Built) -> None:
    page = built.index.read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(page)
    [policy] = [a["content"] for t, a in parser.tags if t == "meta" and a.get("http-equiv")]
    assert policy == site.CSP
    assert "default-src 'none'" in policy and "'unsafe-inline'" not in policy
    for tag, attrs in parser.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if tag == "script":
            assert attrs.get("src") == "parels.js" or attrs.get("type") == "application/json"
    script = (built.folder / "parels.js").read_text(encoding="utf-8")
    for forbidden in ("innerHTML", "outerHTML", "fetch(", "XMLHttpRequest", "eval(", "http"):
        assert forbidden not in script


def _in_public(built: Built, target: Path) -> bool:
    """Whether `target` lies in the public folder of a cycle of the build."""
    rel = target.relative_to(built.out.resolve()).parts
    return len(rel) > 2 and rel[1] == "public"


def test_links_go_to_public_outputs_of_the_build(built: Built) -> None:
    parser = _Tags()
    parser.feed(built.index.read_text(encoding="utf-8"))
    links = [a.get("href") or a.get("src") for t, a in parser.tags if t in ("a", "link", "script")]
    links = [link for link in links if link]
    assert "../national-report.html" in links
    assert "../../../2025/public/national-report.html" in links
    for link in links:
        target = (built.folder / link).resolve()
        assert target.is_file() and _in_public(built, target), link


def test_a_second_build_publishes_again(built: Built) -> None:
    """The site, unchanged, is read again by the national report's guard of the next build (it
    reads every file of public/): nothing in it may trouble that guard. The same build again
    changes nothing."""
    before = {p.name: p.read_bytes() for p in built.folder.iterdir()}
    args = ["report", str(built.repo), "--format", "html", "--out", str(built.out)]
    assert run(args) == 0
    assert {p.name: p.read_bytes() for p in built.folder.iterdir()} == before


def test_english_on_request(built: Built) -> None:
    cat = site.catalogue(built.net, "2026", "en", lambda text, _mine: text)
    page = site.render(cat, {"provenance": _Provenance()})
    assert '<html lang="en">' in page and "Parels of the network" in page
    assert site.data_of(page)["texts"]["search"] == "Search"


def test_every_text_is_scrubbed_the_way_the_national_report_scrubs_it(built: Built) -> None:
    """Parels as institutions' texts (claims and own scores out); the network's own texts (its
    name, domain, standard and cycle titles) as norms: a norm can name someone too."""
    seen: dict[str, bool] = {}

    def scrub(text: str, mine: bool) -> str:
        seen[text] = mine
        return f"<{text}>"

    cat = site.catalogue(built.net, "2026", "nl", scrub)
    reports = site.national_reports(built.net, "2026", [], built.out, scrub)
    data = built.net.cycles["2026"]
    shared = [p for v in data.visits.values() for p in v.model.parels if p.share]
    assert all(seen[p.title] and seen[p.text] for p in shared)
    assert all(not seen[s.model.title] for s in data.standards.values() if s.model.title in seen)
    assert data.cycle is not None and built.net.settings is not None
    assert not seen[data.cycle.model.domains[0].title]
    assert not seen[built.net.settings.model.network] and cat.network.startswith("<")
    assert all(p.title.startswith("<") and p.text.startswith("<") for p in cat.parels)
    assert all(s.title.startswith("<") for p in cat.parels for s in p.standards)
    assert [r.title for r in reports] == ["<Cyclus 2026>", "<Cyclus 2025>"]


def test_no_site_for_one_institution_or_without_html(tmp_path: Path) -> None:
    repo = copy_example(tmp_path / "herstelnetwerk")
    out = tmp_path / "out"
    args = ["report", str(repo), "--format", "md", "--no-national", "--out", str(out)]
    assert run(args) == 0
    assert not (out / "2026" / "public" / "parels").exists()
    args = ["report", str(repo), "--format", "html", "--no-national", "--institution",
            "de-linde", "--out", str(out)]  # fmt: skip
    assert run(args) == 0
    assert not (out / "2026" / "public" / "parels").exists()


# The leak guard ---------------------------------------------------------------------------------


@dataclass
class _Build:
    guarded: list[Path] = field(default_factory=list)

    def mark_guarded(self, files: list[Path]) -> None:
        self.guarded += files


@dataclass
class _Run:
    network: Network
    cycle: str
    build: _Build


def _copy_site(built: Built, target: Path) -> list[Path]:
    shutil.copytree(built.folder, target)
    return sorted(target.iterdir())


def test_the_guard_passes_the_site_and_marks_every_file(built: Built, tmp_path: Path) -> None:
    files = _copy_site(built, tmp_path / "parels")
    fake = _Run(built.net, "2026", _Build())
    sitebuild.guard(fake, files)  # type: ignore[arg-type]
    assert fake.build.guarded == files


@pytest.mark.parametrize(
    ("where", "planted"),
    [
        ("json", "Hanneke Vos"),  # inside the data only: the page's body shows no parel
        ("json-escaped", "Hanneke Vos"),  # a name hidden by JSON escapes
        ("script", "geheim@example.org"),
        ("style", "06-12345678"),
    ],
)
def test_the_guard_reads_the_json_the_script_and_the_style(
    built: Built, tmp_path: Path, where: str, planted: str
) -> None:
    team = {m.name for v in built.net.cycles["2026"].visits.values() for m in v.model.team}
    if where.startswith("json"):
        assert planted in team  # a reviewer: never on the public site
    files = _copy_site(built, tmp_path / "parels")
    index, script, style = (tmp_path / "parels" / n for n in site.INDEX_FILES)
    if where == "json":
        page = index.read_text(encoding="utf-8")
        index.write_text(page.replace('"text":"', f'"text":"{planted} ', 1), encoding="utf-8")
    elif where == "json-escaped":
        hidden = "".join(f"\\u{ord(ch):04x}" for ch in planted)
        page = index.read_text(encoding="utf-8")
        index.write_text(page.replace('"text":"', f'"text":"{hidden} ', 1), encoding="utf-8")
    elif where == "script":
        script.write_text(script.read_text(encoding="utf-8") + f"// {planted}\n", "utf-8")
    else:
        style.write_text(style.read_text(encoding="utf-8") + f"/* {planted} */\n", "utf-8")
    fake = _Run(built.net, "2026", _Build())
    shown = {"script": site.SCRIPT, "style": site.STYLE}.get(where, site.INDEX)
    with pytest.raises(DataError, match=rf"appears in the parels site \({shown}\)"):
        sitebuild.guard(fake, files)  # type: ignore[arg-type]
    assert fake.build.guarded == []


# In a real browser ------------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.parels: list[str] = []
        self.count = ""
        self._in_count = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        self.tags.append((tag, found))
        if tag == "li" and "parel" in found.get("class", "").split():
            self.parels.append(found["id"])
        self._in_count = found.get("id") == "count"

    def handle_endtag(self, tag: str) -> None:
        del tag
        self._in_count = False

    def handle_data(self, data: str) -> None:
        if self._in_count:
            self.count += data


@dataclass(frozen=True)
class _Provenance:
    version: str = "test"
    commit: str | None = None


def _dom(built: Built, tmp_path: Path, **query: str) -> _Tags:
    assert CHROMIUM is not None
    url = built.index.as_uri() + (f"?{urlencode(query)}" if query else "")
    command = [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
               "--virtual-time-budget=5000", url]  # fmt: skip
    result = subprocess.run(command, capture_output=True, timeout=120, check=False)
    dom = result.stdout.decode()
    assert "</html>" in dom, result.stderr.decode(errors="replace")[-2000:]
    parsed = _Tags()
    parsed.feed(dom)
    return parsed


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _expected(
    built: Built, q: str = "", domein: str = "", standaard: str = "", jaar: str = ""
) -> list[str]:
    """The ids the page should show, by the rules the page states (every word, each filter)."""
    found = []
    for p in built.data()["parels"]:
        parts = [p["title"], p["text"], p["year"]]
        parts += [f"{s['id']} {s['title']}" for s in p["standards"]]
        parts += [f"{d['id']} {d['title']}" for d in p["domains"]]
        parts += [p["contact"]["name"]] if p["contact"] else []
        words = _fold(" ".join(parts))
        if not all(w in words for w in _fold(q).split()):
            continue
        if jaar and p["year"] != jaar:
            continue
        if domein and domein not in {d["id"] for d in p["domains"]}:
            continue
        if standaard and standaard not in {s["id"] for s in p["standards"]}:
            continue
        found.append(p["id"])
    return found


@needs_chromium
def test_the_browser_shows_every_parel(built: Built, tmp_path: Path) -> None:
    dom = _dom(built, tmp_path)
    total = len(built.data()["parels"])
    assert dom.parels == _expected(built) and len(dom.parels) == total
    assert dom.count == f"{total} van {total} parels"


@needs_chromium
@pytest.mark.parametrize(
    "query",
    [
        {"q": "naasten"},
        {"q": "naasten", "jaar": "2026"},
        {"domein": "C"},
        {"standaard": "E4"},
        {"standaard": "E3", "jaar": "2025"},
        {"q": "ervaringsdeskundige cliënten", "domein": "B"},
        {"q": "zzz-niets"},
    ],
)
def test_the_browser_searches_and_filters(
    built: Built, tmp_path: Path, query: dict[str, str]
) -> None:
    dom = _dom(built, tmp_path, **query)
    expected = _expected(built, **query)
    assert dom.parels == expected
    total = len(built.data()["parels"])
    if expected:
        assert len(expected) < total
        assert dom.count == f"{len(expected)} van {total} parels"
    else:
        assert dom.count == "Geen parel past bij deze keuze."


@needs_chromium
def test_the_browser_finds_a_known_parel_and_ignores_an_unknown_filter(
    built: Built, tmp_path: Path
) -> None:
    dom = _dom(built, tmp_path, q="naasten", jaar="2026")
    assert "2026-naasten-leiden-hun-eigen-groep" in dom.parels
    assert not any(p.startswith("2025-") for p in dom.parels)
    everything = _dom(built, tmp_path, domein="Z")  # no such domain: no filter
    assert len(everything.parels) == len(built.data()["parels"])


@needs_chromium
def test_the_browser_shows_markup_in_data_as_text(built: Built, tmp_path: Path) -> None:
    dom = _dom(built, tmp_path, q="tekens die een pagina")
    assert len(dom.parels) == 1
    assert not any(tag == "img" for tag, _ in dom.tags)
    assert sum(1 for tag, _ in dom.tags if tag == "script") == 2


@needs_chromium
def test_every_link_in_the_dom_works(built: Built, tmp_path: Path) -> None:
    dom = _dom(built, tmp_path)
    consented = {p["contact"]["email"] for p in built.data()["parels"] if p["contact"]}
    mails, files = set(), set()
    for tag, attrs in dom.tags:
        for name in ("href", "src"):
            link = attrs.get(name)
            if not link:
                continue
            parts = urlsplit(link)
            if parts.scheme == "mailto":
                mails.add(parts.path)
                continue
            assert not parts.scheme and not parts.netloc, f"external link {link} in <{tag}>"
            target = (built.folder / parts.path).resolve()
            assert target.is_file() and _in_public(built, target), link
            files.add(target.relative_to(built.out.resolve()).as_posix())
    assert mails == consented
    assert {
        "2026/public/parels/parels.js",
        "2026/public/parels/parels.css",
        "2026/public/national-report.html",
        "2025/public/national-report.html",
    } <= files
