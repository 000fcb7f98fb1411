"""Read YAML fast with libyaml: plain data (as JSON) for loading, positions only on demand."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import yaml

from leercyclus.repository import tojson
from leercyclus.repository.tojson import MAP, MAX_DEPTH, SEQ, STR
from leercyclus.repository.tojson import (
    YamlProblem as YamlProblem,  # reading's error, for its users
)

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml: same result, slower
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

Path_ = tuple[str | int, ...]
"""Where a value sits in a document: mapping keys and list indices from the root."""


class _ComposeLoader(_BaseLoader):
    """libyaml composer with no implicit typing, for finding positions (loading uses events)."""

    yaml_implicit_resolvers: dict[str, Any] = {}
    _DEFAULT_TAGS = {yaml.ScalarNode: STR, yaml.SequenceNode: SEQ, yaml.MappingNode: MAP}

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:  # noqa: ARG002
        """Every untagged node gets its kind's default tag (the only resolving we want)."""
        return self._DEFAULT_TAGS[kind]

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        """No path resolvers: nothing to track while descending."""

    def ascend_resolver(self) -> None:
        """No path resolvers: nothing to track while ascending."""


_BOM = b"\xef\xbb\xbf"


def decode(raw: bytes) -> str:
    """Decode a file's bytes as UTF-8 (a BOM is allowed), or raise a YamlProblem at the bad byte."""
    body = raw[len(_BOM) :] if raw.startswith(_BOM) else raw
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = body[: exc.start]
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        raise YamlProblem(
            "LC001",
            f"the file is not UTF-8 text (byte 0x{body[exc.start]:02x}): "
            "save it as UTF-8 in your editor",
            before.count(b"\n") + 1,
            column,
        ) from None
    if "\x00" in text:
        raise YamlProblem("LC001", "the file contains NUL characters: it is not a text file")
    return text


SAFE_NESTING = 5_000
"""Nesting libyaml's (recursive) composer survives with room to spare; deeper input is walked
first as events, which needs no recursion."""


def compose(text: str) -> yaml.Node | None:
    """Compose one YAML document into nodes with their marks, or raise a YamlProblem."""
    if _nesting_bound(text) > SAFE_NESTING:
        _check_depth(text)
    loader = _ComposeLoader(text)
    try:
        with _problems(text):
            node: yaml.Node | None = loader.get_single_node()
    except RecursionError:
        raise YamlProblem("LC005", f"the file nests deeper than {MAX_DEPTH} levels") from None
    finally:
        loader.dispose()
    return node


@contextmanager
def _problems(text: str) -> Iterator[None]:
    """libyaml's errors as YamlProblems, where they start in `text`."""
    try:
        yield
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" in (exc.problem or ""):
            raise _nesting_problem(exc, text) from None
        raise _syntax_problem(exc, text) from None
    except yaml.reader.ReaderError as exc:
        raise _reader_problem(exc, text) from None
    except yaml.YAMLError as exc:
        raise YamlProblem("LC002", f"YAML syntax error: {exc}") from None


def _nesting_bound(text: str) -> int:
    """An upper bound of the nesting depth, cheap to compute: brackets, compact entries, indents.

    A block nested d levels deep by indentation takes about d*d/2 characters of indentation.
    """
    markers = text.count("[") + text.count("{") + text.count("- ") + text.count("? ")
    return markers + int((2 * len(text)) ** 0.5)


def _check_depth(text: str) -> None:
    """Walk the parser's events (no recursion) and stop past MAX_DEPTH (the root is level 0)."""
    depth = -1
    try:
        for event in yaml.parse(text, Loader=_ComposeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlProblem(
                        "LC005", f"the file nests deeper than {MAX_DEPTH} levels", *_mark(event)
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return  # compose reports the syntax error with its position


def _nesting_problem(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    """libyaml's own nesting limit as LC005, where the file first nests past MAX_DEPTH.

    libyaml 0.2.6 (PyYAML 6.0.2 and later) stops at 1,000 levels, and in a flow collection its
    scanner reads every opening bracket ahead before the first event, so loading never sees the
    level where MAX_DEPTH is passed. The text before libyaml's limit is read again: the same
    walk stops where loading would have stopped on a libyaml without that limit.
    """
    mark = exc.problem_mark
    try:
        _convert(text[: mark.index] if mark is not None else text)
    except YamlProblem as problem:  # LC005 at the level past MAX_DEPTH (or a problem before it)
        return problem
    except yaml.YAMLError:  # the cut text ends in the middle of a collection
        pass
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return YamlProblem("LC005", f"the file nests deeper than {MAX_DEPTH} levels", line, column)


def _mark(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    """Point a syntax error where it starts: an unclosed quote or bracket where it opened."""
    context = (exc.context or "").strip()
    problem = (exc.problem or "").strip()
    scanning = context.startswith("while scanning") and exc.context_mark is not None
    end = len(text.rstrip())
    at_end = exc.problem_mark is not None and exc.problem_mark.index >= end
    use_context = exc.context_mark is not None and (scanning or at_end)
    mark = exc.context_mark if use_context else (exc.problem_mark or exc.context_mark)
    tab = _tab_near(text, exc.problem_mark)
    if tab is not None:
        return YamlProblem(
            "LC002", "YAML syntax error: a tab is used for indentation: indent with spaces", *tab
        )
    if scanning and "quoted scalar" in context:
        message = "a quoted text is not closed: add the closing quote"
    elif scanning and "simple key" in context:
        message = "a key is not followed by ':' (a line without 'key: value', or a missing ':')"
    else:
        message = f"{context + ', ' if context else ''}{problem}".strip(", ")
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    return YamlProblem("LC002", f"YAML syntax error: {message}", line, column)


def _tab_near(text: str, mark: Any) -> tuple[int, int] | None:
    """Where a tab indents a line at or just after the error, if one does."""
    if mark is None:
        return None
    lines = text.splitlines()
    for index in (mark.line, mark.line + 1):
        if 0 <= index < len(lines):
            line = lines[index]
            indent = line[: len(line) - len(line.lstrip(" \t"))]
            if "\t" in indent:
                return index + 1, indent.index("\t") + 1
    return None


def _reader_problem(exc: yaml.reader.ReaderError, text: str) -> YamlProblem:
    """A character YAML does not allow (a control character), at its line and column."""
    encoded = text.encode("utf-8")  # libyaml counts the offset in UTF-8 bytes
    before = encoded[: exc.position].decode("utf-8", errors="ignore")
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    char = exc.character if isinstance(exc.character, str) else chr(exc.character)
    return YamlProblem(
        "LC002",
        f"YAML syntax error: the character U+{ord(char):04X} is not allowed in YAML text: "
        "remove it (it may have come in with copied text)",
        line,
        column,
    )


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def load_text(text: str) -> Any:
    """Parse YAML text into plain data, or raise a YamlProblem with its position."""
    return json.loads(load_json(text))


def load_json(text: str) -> str:
    """Parse YAML text into JSON text, or raise a YamlProblem with its position."""
    with _problems(text):
        converted = _convert(text)
    if converted is None:  # nothing but blank lines and comments
        raise YamlProblem("LC003", "the file is empty: fill it in or remove it")
    return converted


def _convert(text: str) -> str | None:
    """`tojson.convert` of `text`, a duplicate key completed with the line of its first use."""
    loader = _BaseLoader(text)
    try:
        return tojson.convert(loader)
    except tojson.DuplicateKey as duplicate:
        if duplicate.first is not None:
            raise
        raise duplicate.located(_first_key_line(text, duplicate.path, duplicate.key)) from None
    finally:
        loader.dispose()


def _first_key_line(text: str, path: Path_, key: str) -> int | None:
    """The 1-based line where the mapping at `path` first has `key` (None if the text cannot be
    composed, as when it was cut short before a nesting problem)."""
    try:
        node = compose(text)
    except (YamlProblem, yaml.YAMLError):
        return None
    for part in path:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            node = node.value[part] if part < len(node.value) else None
        else:
            return None
    if not isinstance(node, yaml.MappingNode):
        return None
    first = next((k for k, _ in node.value if k.value == key), None)
    return None if first is None else int(first.start_mark.line) + 1


def locate(text: str, path: Path_, at_key: bool) -> tuple[int, int]:
    """The 1-based line and column of the value (or its key) at `path`, or of its nearest parent."""
    try:
        node = compose(text)
    except YamlProblem:
        return 1, 1
    if node is None:
        return 1, 1
    best = _pos(node)
    for part in path:
        if isinstance(node, yaml.MappingNode):
            pair = next(
                ((k, v) for k, v in reversed(node.value) if getattr(k, "value", None) == part), None
            )
            if pair is None:
                return best
            key_node, node = pair
            best = _pos(key_node)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if not 0 <= part < len(node.value):
                return best
            node = node.value[part]
            best = _pos(node)
        else:
            return best
    return best if at_key else _pos(node)
