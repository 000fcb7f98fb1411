"""YAML text → JSON text, straight from libyaml's parser events, with YAML 1.2's plain types.

No nodes are composed and no Python objects built: the JSON goes to the main process and into
the parse cache as it is. Walking events needs no recursion, so nesting is bounded here (and
libyaml's recursive composer, which crashes on very deep input, is never used for loading).
"""

from __future__ import annotations

from json.encoder import encode_basestring as _quote
from typing import Any

import yaml

MAX_NODES = 250_000
"""Most values one file may expand to, aliases counted each time they are used."""
MAX_DEPTH = 64
"""Deepest nesting a file may have; the file kinds need fewer than ten levels."""
MAX_ALIAS_BYTES = 10_000_000
"""Most text the aliases of one file may add, counted in characters of the JSON they repeat:
one long text repeated through aliases must not grow into gigabytes."""

STR = "tag:yaml.org,2002:str"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"
_PLAIN_JSON = {
    **dict.fromkeys(("", "~", "null", "Null", "NULL"), "null"),
    **dict.fromkeys(("true", "True", "TRUE"), "true"),
    **dict.fromkeys(("false", "False", "FALSE"), "false"),
}
"""YAML 1.2 (core schema, without numbers): the only plain scalars that are not text, as JSON.
Numbers stay text on purpose: ids such as `2025` and `1.10` must not become 2025 and 1.1."""
_UNTAGGED = (None, "!")
"""No tag, or the non-specific `!`: the node's kind decides (and `! true` is text)."""


class YamlProblem(Exception):
    """A file that cannot be read as YAML data; carries a code and a 1-based position."""

    def __init__(self, code: str, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line
        self.column = column


def _problem(code: str, message: str, mark: Any) -> YamlProblem:
    """A YamlProblem at a libyaml mark (0-based line and column)."""
    return YamlProblem(code, message, mark.line + 1, mark.column + 1)


class _Frame:
    """An open mapping or sequence: what was written of it, and where its output started."""

    __slots__ = ("mapping", "items", "keys", "anchor", "start", "count")

    def __init__(self, mapping: bool, anchor: str | None, start: int, count: int) -> None:
        self.mapping = mapping
        self.items = 0
        self.keys: dict[str, Any] | None = {} if mapping else None
        self.anchor = anchor
        self.start = start
        self.count = count


def convert(loader: Any) -> str | None:
    """The single document of a libyaml parser (`loader`) as JSON; None when there is none.

    Raises `YamlProblem` for what is not data (tags, duplicate keys, non-text keys, too deep, too
    many values, undefined aliases, several documents); yaml.YAMLError for a syntax error.
    """
    get = loader.get_event
    get()  # the stream's start
    event = get()
    if type(event) is yaml.StreamEndEvent:
        return None
    out: list[str] = []
    write = out.append
    anchors: dict[str, tuple[str, int, Any]] = {}  # name: (json, values in it, scalar event)
    stack: list[_Frame] = []
    count = 0
    repeated = 0  # characters of JSON the aliases added
    key_next = False  # the next event is a mapping's key (or its end)
    while True:
        event = get()
        kind = type(event)
        if key_next:
            frame = stack[-1]
            if kind is yaml.MappingEndEvent:
                write("}" if frame.items else "{}")
            else:
                key_event = event
                if kind is yaml.AliasEvent:
                    key_event = _key_alias(event, anchors)
                elif kind is not yaml.ScalarEvent:
                    raise _key_problem(event)
                elif event.tag not in _UNTAGGED and event.tag != STR:
                    raise _tag_problem(event)
                elif event.anchor is not None:
                    _define(anchors, event, _quote(event.value), 1, event)
                key = key_event.value
                keys = frame.keys
                assert keys is not None
                if key in keys:
                    line = keys[key].start_mark.line + 1
                    raise _problem(
                        "LC004",
                        f"duplicate key '{key}' (first on line {line}): keep one of the two",
                        event.start_mark,
                    )
                keys[key] = event
                write(("," if frame.items else "{") + _quote(key) + ":")
                frame.items += 1
                key_next = False
                continue
        elif stack and not stack[-1].mapping:
            frame = stack[-1]
            if kind is yaml.SequenceEndEvent:
                write("]")
            else:
                if frame.items:
                    write(",")
                frame.items += 1
        if kind is yaml.ScalarEvent:
            count += 1
            if count > MAX_NODES or len(stack) > MAX_DEPTH:
                raise _size_problem(count, event)
            tag = event.tag
            value = event.value
            if tag is None and event.implicit[0]:  # plain and untagged: YAML 1.2 types
                text = _PLAIN_JSON.get(value) or _quote(value)
            elif tag in _UNTAGGED or tag == STR:
                text = _quote(value)
            else:
                raise _tag_problem(event)
            write(text)
            if event.anchor is not None:
                _define(anchors, event, text, 1, event)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            count += 1
            if count > MAX_NODES or len(stack) > MAX_DEPTH:
                raise _size_problem(count, event)
            mapping = kind is yaml.MappingStartEvent
            if event.tag not in _UNTAGGED and event.tag != (MAP if mapping else SEQ):
                raise _tag_problem(event)
            stack.append(_Frame(mapping, event.anchor, len(out), count))
            if not mapping:
                write("[")
            key_next = mapping
            continue
        elif kind is yaml.AliasEvent:
            if event.anchor not in anchors:
                raise _problem(
                    "LC002",
                    f"the alias '*{event.anchor}' names no anchor defined before it: define "
                    f"'&{event.anchor}' first, or write the value out",
                    event.start_mark,
                )
            text, values, _ = anchors[event.anchor]
            count += values
            repeated += len(text)
            if count > MAX_NODES:
                raise _size_problem(count, event)
            if repeated > MAX_ALIAS_BYTES:
                raise _problem(
                    "LC005",
                    f"aliases repeat more than {MAX_ALIAS_BYTES // 1_000_000} MB of text in this "
                    "file: write the values out or split the file",
                    event.start_mark,
                )
            write(text)
        else:  # the end of a mapping or sequence, written above
            frame = stack.pop()
            if frame.anchor is not None:
                text = "".join(out[frame.start :])
                _define(anchors, event, text, count - frame.count + 1, None, frame.anchor)
        if not stack:
            break
        key_next = stack[-1].mapping
    get()  # the document's end
    event = get()
    if type(event) is not yaml.StreamEndEvent:
        raise _problem(
            "LC002",
            "YAML syntax error: expected a single document in the stream, but found another "
            "document",
            event.start_mark,
        )
    return "".join(out)


def _define(
    anchors: dict[str, tuple[str, int, Any]],
    event: Any,
    text: str,
    values: int,
    scalar: Any,
    name: str | None = None,
) -> None:
    name = name or event.anchor
    if name in anchors:
        raise _problem(
            "LC002",
            f"the anchor '&{name}' is defined twice: give each anchor its own name",
            event.start_mark,
        )
    anchors[name] = (text, values, scalar)


def _key_alias(event: Any, anchors: dict[str, tuple[str, int, Any]]) -> Any:
    """The scalar an alias in a key's place stands for."""
    found = anchors.get(event.anchor)
    if found is None or found[2] is None:
        raise _key_problem(event)
    return found[2]


def _key_problem(event: Any) -> YamlProblem:
    return _problem("LC002", "a key must be plain text, not a list or mapping", event.start_mark)


def _size_problem(count: int, event: Any) -> YamlProblem:
    if count > MAX_NODES:
        return _problem(
            "LC005",
            f"the file expands to more than {MAX_NODES:,} values (anchors and aliases "
            "repeated): write the values out or split the file",
            event.start_mark,
        )
    return _problem("LC005", f"the file nests deeper than {MAX_DEPTH} levels", event.start_mark)


def _tag_problem(event: Any) -> YamlProblem:
    shown = event.tag.replace("tag:yaml.org,2002:", "!!")
    return _problem(
        "LC006",
        f"the YAML tag '{shown}' is not allowed (tags are never executed): remove it",
        event.start_mark,
    )
