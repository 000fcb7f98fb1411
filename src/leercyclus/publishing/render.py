"""The Jinja environments: a repository's templates/ first, the packaged templates after."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

import jinja2
import jinja2.exceptions
import jinja2.loaders
import jinja2.sandbox

from leercyclus.errors import DataError
from leercyclus.publishing.texts import LABELS, TEXTS, count, long_date, percent
from leercyclus.repository.listing import escapes


def packaged_templates() -> Path:
    """The templates shipped inside the wheel, or those of a source checkout."""
    inside = Path(__file__).parents[1] / "templates"
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parents[3] / "templates"


class Markdown(str):
    """Text that is Markdown already: written by a template, or data escaped by `md_escape`."""

    __slots__ = ()


_MD_SPECIAL = re.compile(
    r"([\\`*<>|$~^\[\]{]|(?<!\w)_|_(?!\w)|(?<![A-Za-z0-9])@|&(?=#?\w+;)|#(?=#*\s*$))"
)
"""Everything that can start markup anywhere in a line: escaped with a backslash, which pandoc
reads as the character itself. Covers raw HTML/Typst/OpenXML (`<`, backticks), links, images,
link definitions and autolinks (`[ ] <`), attributes (`{`), notes, citations, math, emphasis,
entities, and `#` at the end (a heading's closing marks). Quotes, dashes and dots are left
to pandoc's typography (curly quotes)."""
_ELISION = re.compile(r"(?<![\w'’])'(?=(?:s|t|n)\b)")
"""Dutch elisions ('s nachts, 't): an apostrophe, not an opening quote."""
_MD_LINE_START = re.compile(
    r"^(\s*)(?:([#+\-=:%])|(\(?(?:\d+|[a-zA-Z]|[ivxlcdmIVXLCDM]+|#))([.)]))(?=\s|$)",
    re.MULTILINE,
)
"""What starts a block at the beginning of a line: headings, list items (also `a)`, `iv.`,
`(b)`, `#.`), definitions, setext underlines, fenced divs, title blocks."""


def md_escape(text: object) -> Markdown:
    """Any value as Markdown that shows it as it is: the one escaping of data for pandoc.

    Markdown (a template's own text, already escaped data) is returned as it is; whitespace
    runs become one space, so a value never starts a new line, paragraph or block."""
    if isinstance(text, Markdown):
        return text
    one_line = _WHITESPACE.sub(" ", _ELISION.sub("’", str(text)))
    return Markdown(_MD_LINE_START.sub(_escape_line_start, _MD_SPECIAL.sub(r"\\\1", one_line)))


_WHITESPACE = re.compile(r"\s+")


def _escape_line_start(match: re.Match[str]) -> str:
    indent, marker, item, end = match.groups()
    if marker is not None:
        return f"{indent}\\{marker}"
    return f"{indent}{item}\\{end}"  # "1." or "a)" starts a list: escape the dot or bracket


def md_cell(text: object) -> Markdown:
    """Free text for one table cell: escaped, on one line."""
    return md_escape(text)


def md_paragraphs(text: object) -> Markdown:
    """Free text as Markdown paragraphs: single line breaks joined, blank lines kept."""
    if isinstance(text, Markdown):
        return text
    paragraphs = re.split(r"\n\s*\n", str(text).strip())
    return Markdown("\n\n".join(md_escape(p).strip() for p in paragraphs))


def yaml_string(text: object) -> Markdown:
    """A value for a YAML metadata block (title, subtitle): escaped Markdown, quoted. pandoc
    reads metadata values as Markdown too."""
    return Markdown(json.dumps(md_escape(text).strip(), ensure_ascii=False))


def _markdown_concat(parts: Iterable[str]) -> Markdown:
    """What a template, block or macro wrote: Markdown, not data to escape again."""
    return Markdown("".join(parts))


@dataclass(frozen=True)
class Renderer:
    """Renders the report templates of one language, for Markdown or HTML."""

    md: jinja2.Environment
    html: jinja2.Environment

    def render(self, name: str, **context: Any) -> str:
        env = self.html if name.endswith(".html.j2") else self.md
        try:
            return env.get_template(name).render(**context)
        except jinja2.TemplateSyntaxError as exc:
            raise DataError(
                f"{exc.filename or exc.name}, line {exc.lineno}: template error: {exc.message}",
                "fix the template in your repository's templates/ folder, or remove it to use "
                "the packaged one",
            ) from None
        except jinja2.UndefinedError as exc:
            raise DataError(
                f"{_template_place(exc, name)}: {exc.message}",
                "a template in your repository's templates/ uses a name the report does not "
                "have: see docs/templates.md for the names",
            ) from None
        except jinja2.TemplateError as exc:
            raise DataError(
                f"{_template_place(exc, name)}: template error: {exc.message}",
                "fix the template in your repository's templates/ folder, or remove it to use "
                "the packaged one",
            ) from None


def _template_place(exc: BaseException, name: str) -> str:
    """'templates/x.html.j2, line 12' from the innermost template frame of a render error."""
    place = f"template {name}"
    trace = exc.__traceback__
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            place = f"{filename}, line {trace.tb_lineno}"
        trace = trace.tb_next
    return place


def renderer(repo: Path | None, language: str) -> Renderer:
    """Environments whose loaders look in `repo`/templates before the packaged templates.

    The packaged templates are also reachable as `leercyclus/<name>`, so a repository's
    template can extend the one it replaces. A repository's templates are someone else's
    code: they run sandboxed, and only files that stay inside the repository are read.
    """
    packaged = _Folder(packaged_templates(), None)
    folders: list[jinja2.BaseLoader] = [packaged]
    if repo is not None:
        own = repo / "templates"
        if own.is_symlink() and escapes(repo, own):
            raise DataError(
                "templates is a symbolic link that leads out of the repository: it is not read",
                "put the templates themselves in the repository's templates/ folder",
            )
        if own.is_dir():
            folders.insert(0, _Folder(own, repo))
    loader = jinja2.ChoiceLoader(
        [jinja2.PrefixLoader({"leercyclus": packaged}), jinja2.ChoiceLoader(folders)]
    )
    return Renderer(_env(loader, language, html=False), _env(loader, language, html=True))


class _Folder(jinja2.BaseLoader):
    """The templates of one folder; with a repository `root`, never a file that a link takes
    out of it (checked before the file is opened)."""

    def __init__(self, folder: Path, root: Path | None) -> None:
        self.folder = folder
        self.root = root

    def get_source(
        self,
        environment: jinja2.Environment,  # noqa: ARG002 - Jinja's signature
        template: str,
    ) -> tuple[str, str, Callable[[], bool]]:
        path = self.folder.joinpath(*jinja2.loaders.split_template_path(template))
        if self.root is not None and path.is_symlink() and escapes(self.root, path):
            rel = path.relative_to(self.root).as_posix()
            raise DataError(
                f"{rel} is a symbolic link that leads out of the repository: it is not read",
                "put the template itself in the repository's templates/ folder",
            )
        if not path.is_file():
            raise jinja2.TemplateNotFound(template)
        mtime = path.stat().st_mtime
        text = path.read_text(encoding="utf-8")
        return text, str(path), lambda: path.is_file() and path.stat().st_mtime == mtime


class _Sandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """Jinja's sandbox (no private attributes, no changing data), and further: no file paths,
    modules or files reachable from a template, and no operator that makes a huge value."""

    intercepted_binops = frozenset(("*", "**", "%"))

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return (
            super().is_safe_attribute(obj, attr, value)
            and not isinstance(obj, _OFF_LIMITS)
            and not isinstance(value, _OFF_LIMITS)
        )

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int | float) and abs(right) > 64:
            raise jinja2.exceptions.SecurityError("a power above 64 is not allowed in a template")
        if operator == "*":
            sizes = [len(v) for v in (left, right) if isinstance(v, str | list | tuple)]
            times = [v for v in (left, right) if isinstance(v, int)]
            if sizes and times and sizes[0] * max(times[0], 0) > MAX_PRODUCT:
                raise jinja2.exceptions.SecurityError("a repeated text or list would be too long")
        if operator == "%" and isinstance(left, str) and _WIDE.search(left):
            raise jinja2.exceptions.SecurityError("a formatting width above 999 is not allowed")
        return super().call_binop(context, operator, left, right)


_OFF_LIMITS = (Path, ModuleType, type)
"""What a template must never reach: a path (it could read or write files), a module, a class."""
MAX_PRODUCT = 1_000_000
"""The longest text or list a template may make by repeating one."""
_WIDE = re.compile(r"%[^a-zA-Z%]*(\*|\d{4,})")


def _env(loader: jinja2.BaseLoader, language: str, *, html: bool) -> jinja2.Environment:
    env = _Sandbox(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=html,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=None if html else md_escape,
    )
    texts = TEXTS[language]
    labels = LABELS[language]

    def text(key: str, **values: object) -> str:
        return texts[key].format(**values) if values else texts[key]

    def markdown_text(key: str, **values: object) -> Markdown:
        """A fixed text of the report, with data values in it shown as they are."""
        escaped = {name: md_escape(value) for name, value in values.items()}
        return Markdown(texts[key].format(**escaped) if values else texts[key])

    env.globals.update(
        t=text if html else markdown_text, lang=language, count=partial(count, language=language)
    )
    env.filters.update(
        label=lambda value: labels.get(str(value), str(value)),
        longdate=partial(_long_date, language=language),
        md=md_escape,
        cell=md_cell,
        paragraphs=md_paragraphs,
        pct=lambda value: f"{percent(value)}%",
    )
    if not html:  # every {{ value }} is escaped once (finalize); what templates write is not
        env.concat = _markdown_concat  # type: ignore[method-assign]
        env.filters["tojson"] = yaml_string
    return env


def _long_date(value: Any, language: str) -> str:
    return long_date(value, language)
