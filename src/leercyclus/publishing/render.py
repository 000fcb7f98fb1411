"""The Jinja environments: a repository's templates/ first, the packaged templates after."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import jinja2

from leercyclus.errors import DataError
from leercyclus.publishing.texts import LABELS, TEXTS, count, long_date, percent


def packaged_templates() -> Path:
    """The templates shipped inside the wheel, or those of a source checkout."""
    inside = Path(__file__).parents[1] / "templates"
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parents[3] / "templates"


_MD_SPECIAL = re.compile(r"([\\`*<>|$~^]|\[(?=[^\]]*\][(\[{])|(?<![\w.])@)")
_MD_LINE_START = re.compile(r"^(\s*)([#+\-=]|\d+[.)])(?=\s|$)", re.MULTILINE)


_ELISION = re.compile(r"(?<![\w'’])'(?=(?:s|t|n)\b)")
"""Dutch elisions ('s nachts, 't): an apostrophe, not an opening quote."""


def md_escape(text: object) -> str:
    """Free text made safe for pandoc Markdown: no accidental markup, headings or lists."""
    escaped = _MD_SPECIAL.sub(r"\\\1", _ELISION.sub("’", str(text)))
    return _MD_LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(match: re.Match[str]) -> str:
    indent, marker = match.group(1), match.group(2)
    if marker[0].isdigit():  # "1." starts a list: escape the dot, not the digit
        return f"{indent}{marker[:-1]}\\{marker[-1]}"
    return f"{indent}\\{marker}"


def md_cell(text: object) -> str:
    """Free text for one table cell: escaped, on one line."""
    return " ".join(md_escape(text).split())


def md_paragraphs(text: object) -> str:
    """Free text as Markdown paragraphs: single line breaks joined, blank lines kept."""
    paragraphs = re.split(r"\n\s*\n", str(text).strip())
    return "\n\n".join(" ".join(md_escape(p).split()) for p in paragraphs)


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
    template can extend the one it replaces.
    """
    folders = [str(packaged_templates())]
    if repo is not None and (repo / "templates").is_dir():
        folders.insert(0, str(repo / "templates"))
    loader = jinja2.ChoiceLoader(
        [
            jinja2.PrefixLoader({"leercyclus": jinja2.FileSystemLoader(folders[-1])}),
            jinja2.FileSystemLoader(folders),
        ]
    )
    return Renderer(_env(loader, language, html=False), _env(loader, language, html=True))


def _env(loader: jinja2.BaseLoader, language: str, *, html: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=html,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    texts = TEXTS[language]
    labels = LABELS[language]

    def text(key: str, **values: object) -> str:
        return texts[key].format(**values) if values else texts[key]

    env.globals.update(t=text, lang=language, count=partial(count, language=language))
    env.filters.update(
        label=lambda value: labels.get(str(value), str(value)),
        longdate=partial(_long_date, language=language),
        md=md_escape,
        cell=md_cell,
        paragraphs=md_paragraphs,
        pct=lambda value: f"{percent(value)}%",
    )
    return env


def _long_date(value: Any, language: str) -> str:
    return long_date(value, language)
