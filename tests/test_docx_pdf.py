"""The example's institution report as DOCX and PDF, checked by the text and styles inside."""

from __future__ import annotations

import re
import shutil
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.shared import Cm, RGBColor
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from leercyclus.cli import run
from leercyclus.loading.network import load_network
from leercyclus.publishing.texts import TEXTS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "herstelnetwerk"
INSTITUTION = "de-linde"
ACCENT = RGBColor(0x1F, 0x4E, 0x79)


@dataclass(frozen=True)
class Facts:
    """What the example's data says the report must contain."""

    institution: str
    standard_title: str
    explanation: str
    parel: str


@dataclass(frozen=True)
class Built:
    """One build of the report: its files and their extracted text."""

    docx: Path
    pdf: Path
    docx_text: str
    pdf_text: str


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example network, copied so that the build leaves the repository alone."""
    repo = tmp_path_factory.mktemp("docx-pdf") / "herstelnetwerk"
    shutil.copytree(EXAMPLE, repo, ignore=shutil.ignore_patterns("build", ".leercyclus"))
    return repo


@pytest.fixture(scope="module")
def facts(example: Path) -> Facts:
    """The institution's name, a standard with its self-review explanation, and a parel."""
    net = load_network(example, use_cache=False)
    cycle = net.cycles[net.cycle_order()[-1]]
    assert net.register is not None
    name = next(i.name for i in net.register.model.institutions if i.id == INSTITUTION)
    review = cycle.self_reviews[INSTITUTION].model
    sid, answer = next((s, a) for s, a in sorted(review.standards.items()) if a.explanation)
    assert answer.explanation is not None
    visit = cycle.visits[INSTITUTION].model
    return Facts(name, cycle.standards[sid].model.title, answer.explanation, visit.parels[0].title)


def _build(example: Path, out: Path, *extra: str) -> Built:
    args = ["report", str(example), "--no-national", "--format", "docx,pdf"]
    assert run([*args, "--institution", INSTITUTION, "--out", str(out), *extra]) == 0
    [docx_path] = out.rglob("institution-report.docx")
    [pdf_path] = out.rglob("institution-report.pdf")
    return Built(docx_path, pdf_path, _docx_text(docx_path), _pdf_text(pdf_path))


@pytest.fixture(scope="module")
def dutch(example: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The report in the network's own language, Dutch."""
    return _build(example, tmp_path_factory.mktemp("nl"))


@pytest.fixture(scope="module")
def english(example: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The report with --language en."""
    return _build(example, tmp_path_factory.mktemp("en"), "--language", "en")


def _docx_text(path: Path) -> str:
    """Every paragraph of the body, tables included, one a line."""
    body = docx.Document(str(path)).element.body
    tag_p = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"
    tag_t = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"
    return "\n".join("".join(t.text or "" for t in p.iter(tag_t)) for p in body.iter(tag_p))


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def squeeze(text: str) -> str:
    """Text compared across layouts: no whitespace or hyphens (line breaks, hyphenation), plain
    quotes (smart quotes), compatibility forms (ligatures)."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(str.maketrans("‘’“”", "''\"\""))
    text = text.replace("\\", "")
    return re.sub(r"[\s\-\u00ad\u2010\u2011]+", "", text)


def missing(text: str, expected: list[str]) -> list[str]:
    """The expected strings that `text` does not contain (as squeezed)."""
    haystack = squeeze(text)
    return [e for e in expected if squeeze(e) not in haystack]


def key_content(facts: Facts, language: str) -> list[str]:
    """What every institution report holds, in `language`."""
    texts = TEXTS[language]
    return [
        facts.institution,
        texts["confidential"],
        facts.standard_title,
        facts.explanation,
        facts.parel,
        "14 april 2026" if language == "nl" else "14 April 2026",
    ]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_trend_over_three_cycles_is_in_both_formats(dutch: Built, fmt: str) -> None:
    texts = TEXTS["nl"]
    text = dutch.docx_text if fmt == "docx" else dutch.pdf_text
    expected = [texts["trend"].format(first="2024", last="2026"), texts["trend_standards"]]
    assert missing(text, expected) == []


def test_the_docx_holds_both_charts(dutch: Built) -> None:
    """The overview and the trend: each an image in the Word file."""
    with zipfile.ZipFile(dutch.docx) as archive:
        images = [n for n in archive.namelist() if n.startswith("word/media/")]
    assert len(images) == 2


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_key_content_is_in_both_formats(dutch: Built, facts: Facts, fmt: str) -> None:
    text = dutch.docx_text if fmt == "docx" else dutch.pdf_text
    assert missing(text, key_content(facts, "nl")) == []


def test_the_dutch_date_is_written_as_a_dutch_reader_writes_it(dutch: Built) -> None:
    assert "14 april 2026" in dutch.docx_text
    assert "14 april 2026" in dutch.pdf_text


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_language_en_gives_the_english_fixed_texts(english: Built, facts: Facts, fmt: str) -> None:
    text = english.docx_text if fmt == "docx" else english.pdf_text
    assert missing(text, key_content(facts, "en")) == []
    assert missing(text, [TEXTS["en"]["institution_report"], TEXTS["en"]["method"]]) == []
    assert squeeze(TEXTS["nl"]["confidential"]) not in squeeze(text)
    assert "14 april 2026" not in text


def _fonts(resources: Any, seen: set[int]) -> Iterator[DictionaryObject]:
    """Every font dictionary under a resources dictionary, form XObjects (charts) included."""
    if isinstance(resources, IndirectObject):
        if resources.idnum in seen:
            return
        seen.add(resources.idnum)
        resources = resources.get_object()
    if not isinstance(resources, DictionaryObject):
        return
    for font in resources.get("/Font", DictionaryObject()).get_object().values():
        font = font.get_object()
        yield font
        for descendant in font.get("/DescendantFonts", []):
            yield descendant.get_object()
    for xobject in resources.get("/XObject", DictionaryObject()).get_object().values():
        form = xobject.get_object()
        if form.get("/Subtype") == "/Form" and "/Resources" in form:
            yield from _fonts(form.raw_get("/Resources"), seen)


def _dict(value: Any) -> DictionaryObject:
    obj = value.get_object()
    assert isinstance(obj, DictionaryObject)
    return obj


def test_the_pdf_embeds_every_font(dutch: Built) -> None:
    reader = PdfReader(dutch.pdf)
    seen: set[int] = set()
    fonts = [f for page in reader.pages for f in _fonts(page.get("/Resources"), seen)]
    described = [f for f in fonts if "/FontDescriptor" in f]
    assert described, "no fonts found in the PDF"
    bare = {
        str(f.get("/BaseFont"))
        for f in described
        if not {"/FontFile", "/FontFile2", "/FontFile3"} & set(_dict(f["/FontDescriptor"]))
    }
    assert bare == set()


def test_the_pdf_is_a4_in_dutch_with_the_title_in_every_footer(dutch: Built, facts: Facts) -> None:
    reader = PdfReader(dutch.pdf)
    assert str(reader.root_object["/Lang"]) == "nl"
    title = f"{TEXTS['nl']['institution_report']} {facts.institution}"
    assert reader.metadata is not None and reader.metadata.title == title
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
        assert missing(page.extract_text(), [title, f"{number} / {total}"]) == []


def test_the_docx_uses_the_reference_styles(dutch: Built) -> None:
    document = docx.Document(str(dutch.docx))
    heading = document.styles["Heading 1"]
    assert heading.font.color.rgb == ACCENT
    assert heading.font.name == "Calibri"
    assert any(p.style is not None and p.style.name == "Heading 1" for p in document.paragraphs)
    assert {t.style.name for t in document.tables if t.style is not None} == {"Table"}
    header_fill = document.styles["Table"].element.xpath(
        ".//w:tblStylePr[@w:type='firstRow']//w:shd/@w:fill"
    )
    assert header_fill == ["E3EBF3"]


def test_the_docx_page_is_a4_with_2_cm_margins_and_numbered(dutch: Built) -> None:
    section = docx.Document(str(dutch.docx)).sections[0]
    sizes = [
        (section.page_width, Cm(21.0)),
        (section.page_height, Cm(29.7)),
        (section.left_margin, Cm(2)),
        (section.right_margin, Cm(2)),
        (section.top_margin, Cm(2)),
    ]
    assert all(got is not None and abs(got - want) < Cm(0.01) for got, want in sizes)
    fields = section.footer._element.xpath(".//w:instrText/text()")
    assert [f.strip() for f in fields] == ["TITLE", "PAGE", "NUMPAGES"]
