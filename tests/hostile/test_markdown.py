"""Class 1: free text reaches pandoc as Markdown. Every text is literal; pandoc and typst read
and fetch nothing; typst has a time bound."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hostile.conftest import (
    CYCLE,
    SECRET,
    SELF_REVIEW,
    VISIT,
    Hostile,
    Listener,
    all_bytes,
    children,
    make_hostile,
    report,
    serving,
)
from leercyclus.publishing import convert


def _plant(h: Hostile, url: str) -> None:
    def review(data: Any) -> None:
        s = data["standards"]
        s["A1"]["explanation"] = (
            f"Local ![x]({h.outside / 'secret.txt'}) and ![y](../../../../outside/secret.txt)"
        )
        s["A2"]["explanation"] = f"Remote ![r]({url}/remote.png) image"
        s["A3"]["explanation"] = f"[pic]: {url}/definition.png\n\nSee ![pic] and [pic] here"
        s["B1"]["explanation"] = (
            '```{=typst}\n#read("/etc/hostname")\n```\n\nInline `#pagebreak()`{=typst} raw'
        )
        s["B2"]["explanation"] = "`<w:p><w:r><w:t>OPENXML-INJECTED</w:t></w:r></w:p>`{=openxml}"

    def visit(data: Any) -> None:
        notes = list(data["standards"].values())
        notes[0]["note"] = f'<script>alert("x")</script><img src="{url}/html.png">'
        notes[1]["note"] = f"[click](javascript:alert(1)) and <{url}/autolink> ^[a note] [@cite]"

    h.edit(SELF_REVIEW, review)
    h.edit(VISIT, visit)
    h.edit(CYCLE, lambda d: d.update(title=f"Cyclus <script>T</script> [t]({url}/title) *b*"))
    h.edit("leercyclus.yaml", lambda d: d.update(network=f"Netwerk <b>N</b> ![n]({url}/n.png)"))

    def institution(data: Any) -> None:
        data["institutions"][0]["name"] = f"Zorggroep <i>X</i> ![i]({url}/i.png)"

    h.edit("institutions.yaml", institution)
    h.commit()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Listener, int]]:
    """One build of every format, the national report too, with every attack planted."""
    with serving() as listener:
        h = make_hostile(tmp_path_factory.mktemp("markdown"))
        _plant(h, listener.url)
        ran = report(h.root, "md,html,docx,pdf", national=True)
        assert ran.code == 0, ran.err
        yield h.root / "build", listener, ran.code


def test_no_text_makes_pandoc_or_typst_fetch_anything(built: tuple[Path, Listener, int]) -> None:
    """Images, link definitions, autolinks and raw HTML pointing at a server: no request."""
    assert built[1].requests == []


def test_no_text_makes_pandoc_embed_a_local_file(built: tuple[Path, Listener, int]) -> None:
    assert SECRET.encode() not in all_bytes(built[0])


def test_a_docx_embeds_only_the_build_s_charts(built: tuple[Path, Listener, int]) -> None:
    for docx in built[0].rglob("*.docx"):
        with zipfile.ZipFile(docx) as archive:
            media = [n for n in archive.namelist() if n.startswith("word/media/")]
        charts = docx.with_suffix(".html").read_text(encoding="utf-8").count("<svg")
        assert len(media) == charts, (docx, media)  # the charts its HTML twin shows, no more


def test_raw_openxml_in_a_text_stays_text(built: tuple[Path, Listener, int]) -> None:
    docx = next(built[0].rglob("confidential/*/institution-report.docx"))
    with zipfile.ZipFile(docx) as archive:
        body = archive.read("word/document.xml")
    assert b"<w:t>OPENXML-INJECTED</w:t>" not in body
    assert b"OPENXML-INJECTED" in body  # shown, as the text it is


def test_raw_html_never_reaches_an_output(built: tuple[Path, Listener, int]) -> None:
    for path in built[0].rglob("*"):
        if path.suffix in (".md", ".html"):  # in Markdown only escaped: \<script\>
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"(?<!\\)<(script|img|i)\b", text), path
    md = (built[0] / "2026/public/national-report.md").read_text(encoding="utf-8")
    assert r"\\<script\\>T\\</script\\>" in md  # the cycle title, in the subtitle, literal


def test_metadata_fields_are_literal(built: tuple[Path, Listener, int]) -> None:
    """The title block (YAML metadata) holds the network, cycle and institution names."""
    md = (built[0] / "2026/confidential/de-linde/institution-report.md").read_text("utf-8")
    front = md.split("---")[1]
    assert not re.search(r"(?<!\\\\)(<i>|<script>|\]\()", front), front  # only \\< and \\]
    docx = next(built[0].rglob("confidential/*/institution-report.docx"))
    with zipfile.ZipFile(docx) as archive:
        core = archive.read("docProps/core.xml").decode()
    assert "&lt;i&gt;X&lt;/i&gt;" in core  # the name as text, not as markup


def test_no_link_other_than_web_or_mail_reaches_a_docx(built: tuple[Path, Listener, int]) -> None:
    for docx in built[0].rglob("*.docx"):
        with zipfile.ZipFile(docx) as archive:
            rels = archive.read("word/_rels/document.xml.rels").decode()
        assert "javascript" not in rels and "127.0.0.1" not in rels


def test_raw_typst_in_a_text_stays_text(built: tuple[Path, Listener, int]) -> None:
    from pypdf import PdfReader

    pdf = next(built[0].rglob("confidential/*/institution-report.pdf"))
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "pagebreak()" in text and "{=typst}" in text


LOOP = "#for i in range(100000) { for j in range(100000) { let x = i * j } }\n$body$\n"


def test_a_typst_loop_is_stopped_and_leaves_no_process(
    hostile: Hostile, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(convert, "TYPST_SECONDS", 3)
    hostile.write("templates/report.typ", LOOP)
    ran = report(hostile.root, "pdf")
    assert ran.code == 1
    assert "typst took longer than 3 s" in " ".join(ran.err.split())
    assert not [c for c in children() if "typst" in c]
    assert not list((hostile.root / "build").rglob("*.pdf"))


def test_a_typst_package_is_never_downloaded(
    hostile: Hostile, listener: Listener, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A template's package import: even a proxy set by the user is never asked."""
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "ALL_PROXY"):
        monkeypatch.setenv(name, listener.url)
    hostile.write("templates/report.typ", '#import "@preview/cetz:0.2.2": canvas\n$body$\n')
    ran = report(hostile.root, "pdf")
    assert ran.code == 1 and listener.requests == []


@pytest.mark.parametrize("partial", ["${ ../outside/secret.txt() }", "$../outside/secret.txt()$"])
def test_a_pandoc_partial_in_report_typ_is_refused(hostile: Hostile, partial: str) -> None:
    hostile.write("templates/report.typ", f"$body$\n{partial}\n")
    ran = report(hostile.root, "pdf")
    assert ran.code == 1 and "partial" in ran.err
    assert SECRET not in ran.err + ran.out
    assert not list((hostile.root / "build").rglob("*.pdf"))


def test_a_template_s_own_image_or_raw_block_is_dropped(hostile: Hostile) -> None:
    """A repository template may write Markdown, but pandoc still reads no file for it."""
    hostile.write(
        "templates/institution-report.md.j2",
        '{% extends "leercyclus/institution-report.md.j2" %}{% block team %}'
        "![t](../../outside/secret.txt)\n\n```{=openxml}\n<w:p><w:r><w:t>RAW</w:t></w:r></w:p>\n"
        "```\n{% endblock %}",
    )
    ran = report(hostile.root, "docx")
    assert ran.code == 0, ran.err
    found = all_bytes(hostile.root / "build")
    assert SECRET.encode() not in found and b"<w:t>RAW</w:t>" not in found
