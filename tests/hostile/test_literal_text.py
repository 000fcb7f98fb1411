"""Property: any string in any text field comes out as the literal text in the Markdown (as
pandoc reads it), the HTML, the DOCX and the Typst source (as typst reads it).

Literal up to typography: pandoc makes straight quotes curly, `--` a dash and `...` an
ellipsis; runs of whitespace become one space. Nothing else may change: no markup, no link,
no image, no raw block, nothing dropped."""

from __future__ import annotations

import html.parser
import json
import re
import shutil
import subprocess
import textwrap
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from helpers import CYCLE_FILE, MINIMAL, REGISTER, SELF_REVIEW, SETTINGS, STANDARD_A1, VISIT
from hostile.conftest import cli
from leercyclus.repository.yamlread import load_text

TOKENS = [
    *("*", "**", "_", "__", "`", "```", "~", "~~", "^", "$", "$$", "\\", "|", "#", "##", "> "),
    *("- ", "+ ", "1. ", "a) ", "(i) ", "#. ", ": ", "::: ", "=", "===", "---", "***", "%"),
    *("<b>", "</script>", "<!-- ", " -->", "<http://x.nl>", "&amp;", "&#60;", "[x](y)", "]"),
    *("![i](/etc/passwd)", "[a]: /b", "[^1]", "^[n]", "[@c]", "@c", "{=typst}", "{.x}", "["),
    *("#set page(", "#pagebreak()", "//", "/*", "*/", "\\(", "<x>", "@x", "'s ", "'", '"'),
    *("--", "...", "\n", "\n\n", "    ", "\t", " ", "é", "ß", "—", "ﬁ", "日本", "🙂", "x_y_z"),
]
"""Pieces of Markdown, Typst, HTML and OpenXML, so the strings try every kind of markup."""

ALPHABET = st.characters(
    blacklist_categories=("Cs", "Cc", "Co", "Cn", "Zl", "Zp"), blacklist_characters="\ufeff"
)
strings = (
    st.lists(st.one_of(st.sampled_from(TOKENS), st.text(ALPHABET, max_size=4)), max_size=10)
    .map("".join)
    .filter(lambda s: len(s.strip()) > 0)
)

FIELDS: dict[str, tuple[str, tuple[Any, ...]]] = {
    "network": (SETTINGS, ("network",)),
    "institution name": (REGISTER, ("institutions", 0, "name")),
    "cycle title": (CYCLE_FILE, ("title",)),
    "domain title": (CYCLE_FILE, ("domains", 0, "title")),
    "standard title": (STANDARD_A1, ("title",)),
    "standard text": (STANDARD_A1, ("text",)),
    "explanation": (SELF_REVIEW, ("standards", "A1", "explanation")),
    "evidence": (SELF_REVIEW, ("standards", "A1", "evidence", 0)),
    "team note": (VISIT, ("standards", "A1", "note")),
    "parel title": (VISIT, ("parels", 0, "title")),
    "parel text": (VISIT, ("parels", 0, "text")),
    "oester title": (VISIT, ("oesters", 0, "title")),
}
"""Text fields the institution report prints, and where each is in the data."""

TYPOGRAPHY = [("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'), ("—", "---"), ("–", "--"), ("−", "-")]


def norm(text: str) -> str:
    """Whitespace runs as one space, pandoc's typographic characters as typed; a soft hyphen
    (which Word keeps as a hyphenation point, not a character) left out. typst writes a
    minus sign for a hyphen before a digit."""
    text = " ".join(text.replace("\xad", "").split())
    for curly, straight in TYPOGRAPHY:
        text = text.replace(curly, straight)
    return text.replace("…", "...")


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("literal")


def _network(root: Path, values: dict[str, str]) -> None:
    shutil.rmtree(root, ignore_errors=True)
    texts = {rel: load_text(textwrap.dedent(text)) for rel, text in MINIMAL.items()}
    for name, (rel, path) in FIELDS.items():
        node = texts[rel]
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = values[name]
    for rel, data in texts.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(path: Path) -> str:
    reader = _Text()
    reader.feed(path.read_text(encoding="utf-8"))
    return " ".join(reader.parts)


def docx_text(path: Path) -> str:
    from xml.sax.saxutils import unescape

    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode()
    xml = re.sub(r"</w:p>|<w:tab/>|</w:tc>", "<w:t> </w:t>", xml)  # a break between them
    return unescape("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)))


def _pandoc(source: Path, to: str, *extra: str) -> str:
    import pypandoc

    done = subprocess.run(
        [pypandoc.get_pandoc_path(), str(source), "--from=markdown", f"--to={to}", *extra],
        capture_output=True,
        check=True,
    )
    return done.stdout.decode()


FORBIDDEN = {"RawInline", "RawBlock", "Link", "Image", "Note", "Cite", "Math", "Code"}


def markdown_text(path: Path) -> str:
    """The text pandoc reads from the Markdown; no node a text could not have made."""
    ast = json.loads(_pandoc(path, "json"))
    parts: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict) and "t" not in node:  # the metadata: a mapping of fields
            for value in node.values():
                walk(value)
        elif isinstance(node, dict):
            kind = node.get("t")
            assert kind not in FORBIDDEN, node
            if kind == "Str":
                parts.append(node["c"])
            elif kind in ("Space", "SoftBreak", "LineBreak"):
                parts.append(" ")
            elif kind == "Quoted":
                mark = '"' if node["c"][0]["t"] == "DoubleQuote" else "'"
                parts.append(mark)
                walk(node["c"][1])
                parts.append(mark)
            else:
                walk(node.get("c"))
                if kind in ("Para", "Plain", "Header"):
                    parts.append(" ")
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(ast["blocks"])
    walk(ast["meta"])
    return "".join(parts)


PLAIN = """
#let horizontalrule = line(length: 100%)
#let plain(it) = {
  if it == none { "" }
  else if type(it) == str { it }
  else if it.func() == text { it.text }
  else if it.func() == smartquote { if it.double { "\\"" } else { "'" } }
  else if it.func() in (linebreak, parbreak) or it == [ ] { " " }
  else if it.func() in (table, grid, list, enum, terms) { it.children.map(plain).join(" ") }
  else if it.has("children") { it.children.map(plain).join("", default: "") }
  else if it.func() in (heading, block, quote, figure) { plain(it.body) + " " }
  else if it.has("body") { plain(it.body) }
  else if it.has("child") { plain(it.child) }
  else if it.has("text") { it.text }
  else { " " }
}
#let meta = [$if(title)$$title$$endif$ $if(subtitle)$$subtitle$$endif$]
#let body = [
$body$
]
#metadata(plain(meta) + " " + plain(body)) <out>
"""
"""A pandoc template: the title block and the body, as typst reads them, into one text."""


def typst_text(md: Path) -> str:
    """The text typst reads from the Typst source pandoc makes of the Markdown."""
    import typst

    template = md.with_name("plain.typ")
    template.write_text(PLAIN, encoding="utf-8")
    source = md.with_suffix(".typ")
    source.write_text(_pandoc(md, "typst", "--standalone", f"--template={template}"), "utf-8")
    return str(json.loads(typst.query(str(source), "<out>", field="value", one=True)))


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.fixed_dictionaries(dict.fromkeys(FIELDS, strings)))
def test_any_text_comes_out_literal_in_every_format(work: Path, values: dict[str, str]) -> None:
    root, out = work / "net", work / "out"
    _network(root, values)
    shutil.rmtree(out, ignore_errors=True)
    ran = cli("report", str(root), "--format", "md,html,docx", "--no-national", "--out", str(out))
    assume(ran.code == 0)  # a value the data contract refuses (an empty title) is no case
    base = out / "2025" / "confidential" / "de-linde" / "institution-report"
    md = base.with_suffix(".md")
    texts = {
        "md": norm(markdown_text(md)),
        "html": norm(html_text(base.with_suffix(".html"))),
        "docx": norm(docx_text(base.with_suffix(".docx"))),
        "typst": norm(typst_text(md)),
    }
    for name, value in values.items():
        for fmt, text in texts.items():
            if fmt == "docx" and name in ("network", "cycle title", "institution name"):
                continue  # the DOCX title block holds them: checked in the Markdown's metadata
            assert norm(value) in text, (name, fmt, value)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("T ##", r"T \#\#"),  # a heading's closing marks would be dropped
        ("+ _@c", r"\+ \_\@c"),  # a citation after an escaped character
        ("a@b.nl", "a@b.nl"),  # an e-mail address stays readable
        ("a)\n\nb", r"a\) b"),  # one line: no list, no new paragraph
        ("[x]: /etc/passwd", r"\[x\]: /etc/passwd"),  # no link definition
    ],
)
def test_markdown_escaping_cases(text: str, escaped: str) -> None:
    from leercyclus.publishing.render import md_escape

    assert md_escape(text) == escaped
