"""Regenerate templates/reference.docx, the pandoc reference document of the DOCX reports.

Usage: python scripts/make_reference_docx.py [--check]   (--check: change nothing, exit 1 if stale)

Starts from the default reference.docx of the pandoc that pypandoc bundles and edits its XML:
Calibri, headings in #1f4e79, the "Table" style with a shaded header and thin rules, an A4 page
with 2 cm margins and a footer with the document title and "page / pages". The zip is written
with fixed timestamps and order, so the same pandoc gives a byte-identical file.
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pypandoc  # noqa: TID251 (a build script, outside the package: only the pandoc path)
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "templates" / "reference.docx"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS = {"w": W, "r": R, "a": A}

FONT = "Calibri"
ACCENT = "1F4E79"
MUTED = "595959"
RULE = "B8C6D4"
HEADER_FILL = "E3EBF3"
A4 = {"w": "11906", "h": "16838"}
MARGIN = "1134"  # 2 cm in twentieths of a point
TEXT_WIDTH = str(11906 - 2 * 1134)

FOOTER_ID = "rIdLeercyclusFooter"


def field(code: str, shown: str) -> str:
    """A Word field (TITLE, PAGE, NUMPAGES) with the text shown until Word updates it."""
    run = "<w:r>{}</w:r>".format
    return (
        run('<w:fldChar w:fldCharType="begin"/>')
        + run(f'<w:instrText xml:space="preserve"> {code} </w:instrText>')
        + run('<w:fldChar w:fldCharType="separate"/>')
        + run(f"<w:t>{shown}</w:t>")
        + run('<w:fldChar w:fldCharType="end"/>')
    )


FOOTER = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:ftr xmlns:w="{W}" xmlns:r="{R}"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>'
    + field("TITLE", "")
    + "<w:r><w:tab/></w:r>"
    + field("PAGE", "1")
    + '<w:r><w:t xml:space="preserve"> / </w:t></w:r>'
    + field("NUMPAGES", "1")
    + "</w:p></w:ftr>\n"
)
"""The footer: the document's title at the left, "page / pages" at the right."""

# Paragraph and character styles: (styleId, run properties, paragraph properties), as XML.
STYLES: dict[str, tuple[str, str]] = {
    "BodyText": ("", '<w:spacing w:before="0" w:after="140" w:line="264" w:lineRule="auto"/>'),
    "Compact": ("", '<w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/>'),
    "Title": (
        f'<w:b/><w:color w:val="{ACCENT}"/><w:sz w:val="52"/><w:szCs w:val="52"/>',
        '<w:spacing w:before="0" w:after="60" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>',
    ),
    "Subtitle": (
        f'<w:b w:val="0"/><w:color w:val="{MUTED}"/><w:spacing w:val="0"/><w:sz w:val="26"/>'
        '<w:szCs w:val="26"/>',
        '<w:spacing w:before="0" w:after="60"/><w:jc w:val="left"/>',
    ),
    "Author": (f'<w:b w:val="0"/><w:color w:val="{MUTED}"/>', '<w:jc w:val="left"/>'),
    "Date": (
        f'<w:b w:val="0"/><w:color w:val="{MUTED}"/><w:sz w:val="22"/><w:szCs w:val="22"/>',
        '<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="6" w:color="'
        + ACCENT
        + '"/></w:pBdr><w:spacing w:before="0" w:after="360"/><w:jc w:val="left"/>',
    ),
    "Heading1": (
        f'<w:b/><w:color w:val="{ACCENT}"/><w:sz w:val="32"/><w:szCs w:val="32"/>',
        '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="2" w:color="'
        + ACCENT
        + '"/></w:pBdr><w:spacing w:before="480" w:after="160"/>',
    ),
    "Heading2": (
        f'<w:b/><w:color w:val="{ACCENT}"/><w:sz w:val="26"/><w:szCs w:val="26"/>',
        '<w:spacing w:before="300" w:after="80"/>',
    ),
    "Heading3": (
        f'<w:b/><w:color w:val="{ACCENT}"/><w:sz w:val="23"/><w:szCs w:val="23"/>',
        '<w:spacing w:before="200" w:after="60"/>',
    ),
    "Caption": (
        f'<w:i/><w:color w:val="{MUTED}"/><w:sz w:val="18"/><w:szCs w:val="18"/>',
        '<w:spacing w:before="60" w:after="200"/><w:jc w:val="center"/>',
    ),
    "Hyperlink": (f'<w:color w:val="{ACCENT}"/><w:u w:val="single"/>', ""),
    "TOCHeading": (f'<w:b/><w:color w:val="{ACCENT}"/>', ""),
}

TABLE_STYLE = f"""<w:style xmlns:w="{W}" w:type="table" w:default="1" w:styleId="Table">
<w:name w:val="Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>
<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
<w:rPr><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>
<w:tblPr><w:tblInd w:w="0" w:type="dxa"/>
<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>
<w:bottom w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>
<w:insideH w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/></w:tblBorders>
<w:tblCellMar><w:top w:w="50" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>
<w:bottom w:w="50" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr>
<w:tblStylePr w:type="firstRow"><w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr>
<w:tblPr/><w:trPr><w:tblHeader/></w:trPr>
<w:tcPr><w:tcBorders>
<w:bottom w:val="single" w:sz="8" w:space="0" w:color="{ACCENT}"/></w:tcBorders>
<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/><w:vAlign w:val="bottom"/></w:tcPr>
</w:tblStylePr></w:style>"""

FOOTER_STYLE = f"""<w:style xmlns:w="{W}" w:type="paragraph" w:styleId="Footer">
<w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
<w:pPr><w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="{RULE}"/></w:pBdr>
<w:tabs><w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs>
<w:spacing w:before="0" w:after="0"/></w:pPr>
<w:rPr><w:color w:val="{MUTED}"/><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>"""


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML tag."""
    return f"{{{W}}}{tag}"


def serialize(root: etree._Element) -> bytes:
    """An edited part, as Word writes parts: UTF-8 with a standalone declaration."""
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def default_reference() -> bytes:
    """The bundled pandoc's default reference.docx."""
    pandoc = pypandoc.get_pandoc_path()
    return subprocess.run(
        [pandoc, "--print-default-data-file", "reference.docx"], check=True, capture_output=True
    ).stdout


def fragment(xml: str) -> list[etree._Element]:
    """Parse a sequence of WordprocessingML elements."""
    return list(etree.fromstring(f'<w:x xmlns:w="{W}">{xml}</w:x>'))


P_ORDER = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "widowControl", "numPr", "pBdr"]
P_ORDER += ["shd", "tabs", "spacing", "ind", "contextualSpacing", "jc", "outlineLvl"]
R_ORDER = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "color", "spacing", "sz", "szCs"]
R_ORDER += ["u", "lang"]
"""The schema's order of the pPr and rPr children used here (Word refuses other orders)."""


def set_props(style: etree._Element, tag: str, xml: str) -> None:
    """Replace the style's pPr or rPr children named in `xml`, keeping the others, in order."""
    if not xml:
        return
    props = style.find(w(tag))
    if props is None:
        props = etree.SubElement(style, w(tag))
    for new in fragment(xml):
        for old in props.findall(new.tag):
            props.remove(old)
        props.append(new)
    order = P_ORDER if tag == "pPr" else R_ORDER
    unknown = [e for e in props if etree.QName(e).localname not in order]
    assert not unknown, f"add {[etree.QName(e).localname for e in unknown]} to the order"
    props[:] = sorted(props, key=lambda e: order.index(etree.QName(e).localname))


def edit_styles(xml: bytes) -> bytes:
    """Fonts, sizes, colours and spacing of the styles pandoc uses."""
    root = etree.fromstring(xml)
    for fonts in root.iter(w("rFonts")):
        if not any(key.endswith("Theme") or key.endswith("theme") for key in fonts.attrib):
            continue  # an explicit font, such as the code font
        for key in list(fonts.attrib):
            del fonts.attrib[key]
        for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
            fonts.set(w(attr), FONT)
    for colour in root.iter(w("color")):
        for attr in ("themeColor", "themeShade", "themeTint"):
            colour.attrib.pop(w(attr), None)
    defaults = root.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert defaults is not None
    for old in defaults.findall(w("sz")) + defaults.findall(w("szCs")):
        old.set(w("val"), "21")
    lang = defaults.find(w("lang"))
    if lang is not None:
        lang.set(w("val"), "nl-NL")
    for style in root.findall("w:style", NS):
        sid = style.get(w("styleId"))
        if sid is not None and sid.endswith("Char") and sid[:-4] in STYLES:
            set_props(style, "rPr", STYLES[sid[:-4]][0])  # the linked character style
        if sid in STYLES:
            run, para = STYLES[sid]
            numbering = style.find("w:pPr/w:numPr", NS)
            if numbering is not None:
                numbering.getparent().remove(numbering)
            set_props(style, "pPr", para)
            set_props(style, "rPr", run)
            rpr, ppr = style.find(w("rPr")), style.find(w("pPr"))
            if rpr is not None and ppr is not None and style.index(rpr) < style.index(ppr):
                style.remove(rpr)
                ppr.addnext(rpr)
        if sid in ("Table", "Footer"):
            root.remove(style)
    for extra in (TABLE_STYLE, FOOTER_STYLE):
        root.append(etree.fromstring(extra))
    return serialize(root)


def edit_theme(xml: bytes) -> bytes:
    """Heading and body theme fonts: Calibri (Aptos is missing in older Word and LibreOffice)."""
    root = etree.fromstring(xml)
    for latin in root.iterfind(".//a:fontScheme/*/a:latin", NS):
        latin.set("typeface", FONT)
        latin.set("panose", "020F0502020204030204")
    return serialize(root)


def edit_document(xml: bytes) -> bytes:
    """The section pandoc copies into every document: A4, 2 cm margins, our footer."""
    root = etree.fromstring(xml)
    section = root.find("w:body/w:sectPr", NS)
    assert section is not None
    for child in list(section):
        if etree.QName(child).localname in {"footerReference", "headerReference", "pgSz", "pgMar"}:
            section.remove(child)
    footer = etree.Element(w("footerReference"))
    footer.set(w("type"), "default")
    footer.set(f"{{{R}}}id", FOOTER_ID)
    section.insert(0, footer)
    size = etree.SubElement(section, w("pgSz"))
    for key, value in A4.items():
        size.set(w(key), value)
    margins = etree.SubElement(section, w("pgMar"))
    for key in ("top", "right", "bottom", "left"):
        margins.set(w(key), MARGIN)
    for key, value in (("header", "567"), ("footer", "567"), ("gutter", "0")):
        margins.set(w(key), value)
    return serialize(root)


def edit_rels(xml: bytes) -> bytes:
    """Relate the footer part to the document."""
    root = etree.fromstring(xml)
    ns = root.nsmap[None]
    rel = etree.SubElement(root, f"{{{ns}}}Relationship")
    rel.set("Id", FOOTER_ID)
    rel.set("Type", f"{R}/footer")
    rel.set("Target", "footer1.xml")
    return serialize(root)


def edit_content_types(xml: bytes) -> bytes:
    """Declare the footer part."""
    root = etree.fromstring(xml)
    ns = root.nsmap[None]
    override = etree.SubElement(root, f"{{{ns}}}Override")
    override.set("PartName", "/word/footer1.xml")
    override.set(
        "ContentType", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
    )
    return serialize(root)


def edit_settings(xml: bytes) -> bytes:
    """Dutch as the theme language, decimal comma."""
    text = xml.decode("utf-8")
    text = text.replace('w:themeFontLang w:val="en-US"', 'w:themeFontLang w:val="nl-NL"')
    text = text.replace('<w:decimalSymbol w:val="." />', '<w:decimalSymbol w:val="," />')
    text = text.replace('<w:listSeparator w:val="," />', '<w:listSeparator w:val=";" />')
    return text.encode("utf-8")


EDITS = {
    "word/styles.xml": edit_styles,
    "word/theme/theme1.xml": edit_theme,
    "word/document.xml": edit_document,
    "word/_rels/document.xml.rels": edit_rels,
    "[Content_Types].xml": edit_content_types,
    "word/settings.xml": edit_settings,
}


def build(source: bytes) -> bytes:
    """The edited reference document, as a deterministic zip."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(out, "w") as new:
        parts = {name: old.read(name) for name in old.namelist()}
        for name, edit in EDITS.items():
            parts[name] = edit(parts[name])
        parts["word/footer1.xml"] = FOOTER.encode("utf-8")
        order = ["[Content_Types].xml"] + sorted(n for n in parts if n != "[Content_Types].xml")
        for name in order:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            new.writestr(info, parts[name], compresslevel=9)
    return out.getvalue()


def main(argv: list[str]) -> int:
    """Write templates/reference.docx when it differs; --check only reports."""
    data = build(default_reference())
    current = TARGET.read_bytes() if TARGET.is_file() else None
    if current == data:
        print("templates/reference.docx is up to date")
        return 0
    if "--check" in argv:
        print("stale: templates/reference.docx: run python scripts/make_reference_docx.py")
        return 1
    TARGET.write_bytes(data)
    print(f"wrote templates/reference.docx ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
