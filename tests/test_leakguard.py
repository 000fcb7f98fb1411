"""Reading public outputs back (Markdown, HTML, DOCX, PDF) and finding forbidden terms in them."""

from __future__ import annotations

from pathlib import Path

import pypandoc
import pytest
import typst

from leercyclus.errors import LeercyclusError
from leercyclus.privacy.leakguard import Leak, extract_text, find_leaks, normalize, sources_of
from leercyclus.privacy.match import Term

LINDE = Term("De Linde", "institution", "institutions.yaml: de-linde (alias)")
ZWOLLE = Term("Zwolle", "place", "institutions.yaml: de-linde (city)")
PETRA = Term("Petra Jansen", "person", "cycles/2025/visits/de-linde.yaml: team[0].name")
KARIN = Term("Karin de Boer", "person", "cycles/2025/visits/de-linde.yaml: parels[0].contact")
ZGL = Term("ZGL", "institution", "institutions.yaml: de-linde (alias)")
TERMS = [LINDE, ZWOLLE, PETRA, KARIN, ZGL]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def found(path: Path, terms: list[Term] = TERMS, allowed: tuple[str, ...] = ()) -> set[str]:
    """What the guard found: terms, and contact data such as a web address."""
    return {leak.found for leak in find_leaks([path], terms, allowed)}


def test_markdown_is_read_as_it_is(tmp_path: Path) -> None:
    path = write(tmp_path / "r.md", "# Rapport\n\nDe parel van de\nLinde's team.\n")
    assert found(path) == {"De Linde"}
    [leak] = find_leaks([path], TERMS)
    assert leak.output == path
    assert leak.context == "# Rapport De parel van de Linde's team."


def test_html_text_attributes_and_title(tmp_path: Path) -> None:
    html = """<html><head><title>Rapport Zwolle</title>
    <meta name="author" content="Petra Jansen"></head><body>
    <p>Tekst van <b>De</b> <i>Lin</i>de.</p>
    <img alt="foto van ZGL" src="x.png">
    <a href="https://example.org" aria-label="x" data-who="Karin de Boer">link</a>
    </body></html>"""
    path = write(tmp_path / "r.html", html)
    assert found(path) == {
        "De Linde", "Zwolle", "Petra Jansen", "Karin de Boer", "ZGL", "https://example.org"
    }  # fmt: skip


def test_embedded_images_are_not_read_as_text(tmp_path: Path) -> None:
    html = '<img src="data:image/png;base64,AAAA/ZGL+Zwolle/de/Boer==" alt="">'
    path = write(
        tmp_path / "r.html",
        f"<style>a{{background:url(data:font/woff2;base64,ZGL/)}}</style>{html}",
    )
    assert found(path) == set()


def test_html_blocks_do_not_glue_words(tmp_path: Path) -> None:
    path = write(tmp_path / "r.html", "<p>Einde</p><p>ZGL</p><div>x</div>Zwolle")
    text = normalize(extract_text(path))
    assert text == "Einde ZGL x Zwolle"
    assert found(path) == {"ZGL", "Zwolle"}


def test_html_from_pandoc(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Rapport Zwolle\n---\n\n"
        "Tekst [link](https://example.org 'ZGL'){data-x=\"Petra Jansen\"} en **Lin**de.\n"
    )
    path = tmp_path / "r.html"
    pypandoc.convert_text(markdown, "html", format="md", outputfile=str(path), extra_args=["-s"])
    assert found(path) == {"Zwolle", "ZGL", "Petra Jansen", "https://example.org"}


def test_docx_body_tables_links_and_properties(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Rapport\nauthor: Petra Jansen\n---\n\n"
        "Bij **De** Lin*de*. [site](https://zgl.example.org)\n\n"
        "| a | b |\n|---|---|\n| Zwolle | x |\n"
    )
    path = tmp_path / "r.docx"
    pypandoc.convert_text(markdown, "docx", format="md", outputfile=str(path))
    assert found(path) == {"Petra Jansen", "De Linde", "Zwolle", "ZGL", "https://zgl.example.org"}
    assert "Petra Jansen" in extract_text(path)  # from docProps/core.xml, the author


def test_docx_headers_and_footers(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Gewone tekst.")
    document.sections[0].header.paragraphs[0].text = "Kop van ZGL"
    document.sections[0].footer.paragraphs[0].text = "Voet uit Zwolle"
    document.core_properties.title = "Karin de Boer"
    path = tmp_path / "r.docx"
    document.save(str(path))
    assert found(path) == {"ZGL", "Zwolle", "Karin de Boer"}


def test_pdf_text_metadata_links_and_broken_words(tmp_path: Path) -> None:
    source = write(
        tmp_path / "r.typ",
        '#set document(title: "Rapport ZGL", author: "Petra Jansen")\n'
        "#set page(width: 10cm, height: auto)\n"
        "Tekst van De Lin-\\ de.\n"
        '#link("https://example.org/zwolle")[meer]\n',
    )
    path = tmp_path / "r.pdf"
    typst.compile(str(source), output=str(path))
    assert found(path) == {
        "ZGL", "Petra Jansen", "De Linde", "Zwolle", "https://example.org/zwolle"
    }  # fmt: skip


def test_ligatures_and_soft_hyphens_are_resolved() -> None:
    assert normalize("Of\ufb01ce  De\u00a0Lin\u00adde\n") == "Office De Linde"


def test_allowed_contacts_may_appear(tmp_path: Path) -> None:
    path = write(
        tmp_path / "r.md",
        "Contact: Karin de Boer, k.deboer@example.org. Met dank aan Petra Jansen.",
    )
    boer = Term("k.deboer@example.org", "email", "x")
    terms = [*TERMS, boer, Term("Karin", "person", "x")]
    allowed = ("Karin de Boer", "k.deboer@example.org")
    assert found(path, terms, allowed) == {"Petra Jansen"}


def test_each_term_is_reported_once_per_output(tmp_path: Path) -> None:
    one = write(tmp_path / "a.md", "ZGL en ZGL en zgl")
    two = write(tmp_path / "b.md", "ZGL")
    leaks = find_leaks([one, two], TERMS)
    assert [(leak.output.name, leak.term) for leak in leaks] == [("a.md", ZGL), ("b.md", ZGL)]
    assert [leak.origin for leak in leaks] == [ZGL.origin, ZGL.origin]


def test_a_clean_output_has_no_leaks(tmp_path: Path) -> None:
    path = write(
        tmp_path / "r.md", "Bij [instelling] in [plaats] vertelde [persoon] over de lindeboom."
    )
    assert find_leaks([path], TERMS) == []


def test_an_unreadable_output_is_a_clear_error(tmp_path: Path) -> None:
    path = write(tmp_path / "r.docx", "not a zip")
    with pytest.raises(LeercyclusError) as caught:
        extract_text(path)
    assert caught.value.message == (
        f"{path}: cannot read it back to check it for names (File is not a zip file)"
    )


def test_sources_of_a_term() -> None:
    texts = [
        ("cycles/2025/visits/de-linde.yaml: parels[0].text", "Het team van De Linde's kliniek"),
        ("cycles/2025/visits/het-anker.yaml: oesters[1].text", "Niets bijzonders"),
        ("cycles/2025/evaluation.yaml: process", "Zoals bij de linde"),
    ]
    leak = Leak(Path("r.md"), LINDE.text, LINDE.origin, "", LINDE)
    assert sources_of(leak, texts) == [
        "cycles/2025/visits/de-linde.yaml: parels[0].text",
        "cycles/2025/evaluation.yaml: process",
    ]


def test_contact_data_is_refused_unless_allowed(tmp_path: Path) -> None:
    path = write(
        tmp_path / "r.md",
        "Mail naam (at) zorg punt nl, bel 06-12345678 of volg @zorglinde. "
        "Contact: Karin de Boer, 06-11223344, k.deboer@example.org.",
    )
    leaks = find_leaks([path], TERMS, ["Karin de Boer", "06-11223344", "k.deboer@example.org"])
    assert [(leak.found, leak.origin, leak.term) for leak in leaks] == [
        ("naam (at) zorg punt nl", "an e-mail address written out", None),
        ("06-12345678", "a phone number", None),
        ("@zorglinde", "a social-media account", None),
    ]
    texts = [
        ("cycles/2025/visits/x.yaml: parels[0].text", "Bel 06 - 12345678."),
        ("cycles/2025/visits/y.yaml: parels[0].text", "Bel 06-87654321."),
    ]
    assert sources_of(leaks[1], texts) == ["cycles/2025/visits/x.yaml: parels[0].text"]


def test_the_guard_reads_through_the_scrubbers_normalisation(tmp_path: Path) -> None:
    path = write(tmp_path / "r.md", "Bij ZGL\u200b en de Lin\u00adde, ook Zwоlle (Cyrillic o).")
    assert found(path) == {"ZGL", "De Linde", "Zwolle"}


def test_an_allowed_contact_hyphenated_over_a_line_is_still_allowed(tmp_path: Path) -> None:
    path = write(tmp_path / "r.md", "Contact: Karin de Boer- man.")
    terms = [Term("Karin de Boerman", "person", "x"), Term("Karin", "person", "x")]
    assert found(path, terms, ("Karin de Boerman",)) == set()
