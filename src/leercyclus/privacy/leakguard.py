"""Read public outputs back, as a reader would see them, and find every forbidden term in them."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

# Only our own outputs are parsed (pandoc's XML, typst's XMP), never a repository's file:
from xml.etree import ElementTree  # nosec B405

from leercyclus.errors import LeercyclusError
from leercyclus.privacy.match import Matcher, Term, matcher_for, trie_pattern
from leercyclus.privacy.normalize import fold, key
from leercyclus.privacy.patterns import contact_data_at


@dataclass(frozen=True)
class Leak:
    """A forbidden term, or contact data, found in a public output."""

    output: Path
    found: str
    """What was found: the term, or the contact detail as the output has it."""
    origin: str
    """Where the repository holds the term, or what the contact detail is."""
    context: str
    """A short snippet around the hit."""
    term: Term | None = None
    """The term found (None for contact data found by its form)."""


def find_leaks(
    outputs: Iterable[Path],
    terms: Sequence[Term],
    allowed: Iterable[str] = (),
    lists: Iterable[Sequence[str]] = (),
) -> list[Leak]:
    """Every term, and every contact detail, found in the text of `outputs`, once per output.

    The text is read as a reader sees it (`extract_text`), through the normalisation the
    scrubber uses. Strings in `allowed` (the contacts of shared parels: name, e-mail, phone)
    may appear; they are blanked out before the search. Each of `lists` (the participants,
    where the network lists them) may appear only whole: all its names in order, one after the
    other with nothing but punctuation, bullets or spaces between. That run is blanked out;
    the same names anywhere else are still found.
    """
    return leaks_in(((output, extract_text(output)) for output in outputs), terms, allowed, lists)


def leaks_in(
    readings: Iterable[tuple[Path, str]],
    terms: Sequence[Term],
    allowed: Iterable[str] = (),
    lists: Iterable[Sequence[str]] = (),
) -> list[Leak]:
    """`find_leaks` over texts already read: (the output, a text of it) pairs, an output as
    often as it has readings (a page as it shows and as its source, a calendar unfolded); each
    leak names the output, once per reading."""
    matcher = matcher_for(tuple(terms))
    masks = [_list_pattern(names) for names in lists if names]
    mask = _mask_pattern(allowed)
    if mask is not None:
        masks.append(mask)
    leaks: list[Leak] = []
    for output, reading in readings:
        seen: set[tuple[str, str]] = set()
        for text in _readings(normalize(reading)):
            for pattern in masks:
                text = pattern.sub(lambda m: " " * len(m.group()), text)
            for hit in matcher.finditer(text):
                if ("term", hit.term.text) not in seen:
                    seen.add(("term", hit.term.text))
                    snippet = _snippet(text, hit.start, hit.end)
                    leaks.append(Leak(output, hit.term.text, hit.term.origin, snippet, hit.term))
            for what, found, start, end in contact_data_at(text):
                if (what, found) not in seen:
                    seen.add((what, found))
                    leaks.append(Leak(output, found, what, _snippet(text, start, end)))
    return leaks


def sources_of(leak: Leak, texts: Iterable[tuple[str, str]]) -> list[str]:
    """The origins, of (origin, text) pairs, whose text holds what `leak` found."""
    if leak.term is not None:
        matcher = Matcher([leak.term])
        return [origin for origin, text in texts if next(matcher.finditer(text), None) is not None]
    wanted = key(leak.found)
    return [origin for origin, text in texts if wanted in key(text)]


def normalize(text: str) -> str:
    """Text as a reader sees it: the shared normalisation (privacy/normalize.py)."""
    return fold(text).text


def _readings(text: str) -> list[str]:
    """The text, and the text with words hyphenated over a line joined again."""
    joined = re.sub(r"(\w)- (\w)", r"\1\2", text)
    return [text] if joined == text else [text, joined]


def _mask_pattern(allowed: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for every allowed string (a trie: fast for thousands of contacts), which
    also finds it hyphenated over a line ("Hoek- stra")."""
    keys = {key(a) for a in allowed} - {""}
    if not keys:
        return None
    trie = trie_pattern(keys, r"[\s-]+", breaks=True)
    return re.compile(f"(?i:{trie})")


def _list_pattern(names: Sequence[str]) -> re.Pattern[str]:
    """The names in order, separated by anything that is not a letter or digit."""
    words = [r"\s+".join(map(re.escape, normalize(n).split())) for n in names]
    return re.compile("(?i:" + r"[\W_]+".join(words) + ")")


def _snippet(text: str, start: int, end: int, width: int = 40) -> str:
    head = "…" if start > width else ""
    tail = "…" if end + width < len(text) else ""
    return f"{head}{text[max(0, start - width) : end + width]}{tail}"


def extract_text(path: Path) -> str:
    """All text a reader of `path` can see or find: body, attributes, metadata."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".html" or suffix == ".htm":
            return _html_text(path.read_text(encoding="utf-8"))
        if suffix == ".docx":
            return _docx_text(path)
        if suffix == ".pdf":
            return _pdf_text(path)
        if suffix == ".md":  # as a reader sees it: `\[` is `[` (free text is escaped)
            return _MD_ESCAPE.sub(r"\1", path.read_text(encoding="utf-8"))
        return path.read_text(encoding="utf-8")
    except (OSError, ValueError, zipfile.BadZipFile, ElementTree.ParseError) as exc:
        raise LeercyclusError(
            f"{path}: cannot read it back to check it for names ({exc})",
            "nothing public was written; report this as a bug if it happens again",
        ) from None


_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
"""A backslash escape of Markdown: the punctuation character itself."""
_DATA_URI = re.compile(r"data:[\w/+.-]*;base64,[A-Za-z0-9+/=\s]*")
_INLINE = frozenset(
    "a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong sub sup time u "
    "var".split()
)


_READ = frozenset(
    "alt title aria-label aria-description aria-roledescription href src content label "
    "placeholder value summary abbr id name download cite".split()
)
"""Attributes a reader can see or follow (not layout: a chart's coordinates are no text)."""


class _HtmlText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.body: list[str] = []
        self.attributes: list[str] = []
        self.skipping = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skipping = tag in ("style", "script")
        if tag not in _INLINE:
            self.body.append("\n")
        self.attributes.extend(
            value for name, value in attrs if value and (name in _READ or name.startswith("data-"))
        )

    def handle_endtag(self, tag: str) -> None:
        self.skipping = False
        if tag not in _INLINE:
            self.body.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:  # a stylesheet or script is ours, not the data's
            self.body.append(data)

    def handle_comment(self, data: str) -> None:
        self.body.append(f"\n{data}\n")


def _html_text(html: str) -> str:
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    text = "".join(parser.body) + "\n" + "\n".join(parser.attributes)
    return _DATA_URI.sub(" ", text)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WORD_TEXT = {f"{_W}t", f"{_W}instrText", f"{_W}delText"}
_WORD_BREAK = {f"{_W}tab", f"{_W}br", f"{_W}cr"}


def _docx_text(path: Path) -> str:
    parts: list[str] = []
    with zipfile.ZipFile(path) as docx:
        for name in sorted(docx.namelist()):
            if not name.endswith((".xml", ".rels")):
                continue
            root = ElementTree.fromstring(docx.read(name))  # nosec B314
            if name.startswith("word/") and name.endswith(".xml"):
                parts.append(_word_part_text(root))
            elif name.startswith("docProps/"):
                parts.extend(e.text for e in root.iter() if e.text and e.text.strip())
            if name.endswith(".rels"):  # the targets of hyperlinks
                parts.extend(
                    e.get("Target", "") for e in root.iter() if e.get("TargetMode") == "External"
                )
    return "\n".join(parts)


def _word_part_text(root: ElementTree.Element) -> str:
    """Paragraphs of a word/*.xml part, runs joined as Word shows them; alt texts after them."""
    lines: list[str] = []
    line: list[str] = []
    for element in root.iter():
        if element.tag == f"{_W}p":
            lines.append("".join(line))
            line = []
        elif element.tag in _WORD_TEXT and element.text:
            line.append(element.text)
        elif element.tag in _WORD_BREAK:
            line.append(" ")
        if element.tag.endswith("}docPr"):  # a picture's name, title and alt text
            lines.extend(v for a in ("name", "title", "descr") if (v := element.get(a)))
    lines.append("".join(line))
    return "\n".join(lines)


_PDF_INFO = ("/Title", "/Author", "/Subject", "/Keywords", "/Creator", "/Producer")
"""The document information a reader sees (not its dates)."""
_XMP_TEXT = ("{http://purl.org/dc/elements/1.1/}", "{http://ns.adobe.com/pdf/1.3/}")


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(path)
    parts = [page.extract_text() or "" for page in reader.pages]
    info = reader.metadata
    if info is not None:
        parts.extend(str(info[name]) for name in _PDF_INFO if name in info)
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                parts.append(str(action["/URI"]))
    parts.extend(_outline_titles(reader.outline))
    xmp = reader.xmp_metadata
    if xmp is not None:  # title, author, keywords again; not the random ids beside them
        root = ElementTree.fromstring(xmp.stream.get_data())  # nosec B314
        parts.extend("".join(e.itertext()) for e in root.iter() if str(e.tag).startswith(_XMP_TEXT))
    return "\n".join(parts)


def _outline_titles(outline: object) -> list[str]:
    if isinstance(outline, list):
        return [title for item in outline for title in _outline_titles(item)]
    title = getattr(outline, "title", None)
    return [title] if isinstance(title, str) else []
