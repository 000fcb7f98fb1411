"""YAML text → JSON text, straight from libyaml's parser events, with YAML 1.2's plain types.

No nodes are composed: the events become lists, dicts and text, written as JSON at once (in C),
which goes to the main process and into the parse cache as it is. Walking events needs no
recursion, so nesting is bounded here (and libyaml's recursive composer, which crashes on very
deep input, is never used for loading).
"""

from __future__ import annotations

import json
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


_VALUES: dict[str, Any] = {
    **dict.fromkeys(("", "~", "null", "Null", "NULL"), None),
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
}
"""YAML 1.2 (core schema, without numbers): the only plain scalars that are not text.
Numbers stay text on purpose: ids such as `2025` and `1.10` must not become 2025 and 1.1."""
_SCALAR = yaml.ScalarEvent
_MAPPING = yaml.MappingStartEvent
_SEQUENCE = yaml.SequenceStartEvent
_ALIAS = yaml.AliasEvent
_STREAM_END = yaml.StreamEndEvent
_NO_KEY: Any = object()
"""An open mapping's state between a value and its next key."""


class DuplicateKey(YamlProblem):
    """LC004 before the first key's line is known: the caller finds it (`first_key_line`) and
    completes the message with `located`."""

    def __init__(
        self, key: str, path: tuple[str | int, ...], mark: Any, first: int | None = None
    ) -> None:
        super().__init__("LC004", "", mark.line + 1, mark.column + 1)
        self.key = key
        self.path = path
        self.first = first  # the first key's line, when it was an alias (the text cannot say)
        self.located(first)

    def located(self, first: int | None) -> YamlProblem:
        where = f" (first on line {first})" if first is not None else ""
        self.message = f"duplicate key '{self.key}'{where}: keep one of the two"
        self.args = (self.message,)
        return self


def to_json(value: Any) -> str:
    """Data as the compact JSON the parse cache keeps (non-ASCII text as it is)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), check_circular=False)


def convert(loader: Any) -> str | None:
    """The single document of a libyaml parser (`loader`) as JSON; None when there is none.

    The data is built as lists, dicts and text and written as JSON at once. Raises
    `YamlProblem` for what is not data (tags, duplicate keys: `DuplicateKey`, non-text keys,
    too deep, too many values, undefined aliases, several documents); yaml.YAMLError for a
    syntax error.
    """
    get = loader.get_event
    get()  # the stream's start
    event = get()
    if type(event) is _STREAM_END:
        return None
    values = _VALUES
    # name: [value, values in it, its scalar event (None for a collection), JSON length or -1]
    anchors: dict[str, list[Any]] = {}
    # per open collection, its parent's state: (container, waiting key, is a mapping, the
    # collection's anchor, count at its start)
    stack: list[tuple[Any, Any, bool, str | None, int]] = []
    top: Any = None  # the open list or dict
    key: Any = _NO_KEY  # in a mapping: the key whose value comes next
    in_mapping = False
    count = 0
    depth = 0
    repeated = 0  # characters of JSON the aliases added
    aliased: dict[tuple[int, str], int] = {}  # (mapping, key) given by an alias: its line
    while True:
        event = get()
        kind = type(event)
        if kind is _SCALAR:
            tag = event.tag
            if in_mapping and key is _NO_KEY:
                if tag not in _UNTAGGED and tag != STR:
                    raise _tag_problem(event)
                key = event.value
                if event.anchor is not None:
                    _define(anchors, event, key, 1, event)
                if key in top:
                    first = aliased.get((id(top), key))
                    raise DuplicateKey(key, _path(stack), event.start_mark, first)
                continue
            count += 1
            if count > MAX_NODES or depth > MAX_DEPTH:
                raise _size_problem(count, event)
            value = event.value
            if tag is None and event.implicit[0]:  # plain and untagged: YAML 1.2 types
                if value in values:
                    value = values[value]
            elif tag not in _UNTAGGED and tag != STR:
                raise _tag_problem(event)
            if event.anchor is not None:
                _define(anchors, event, value, 1, event)
        elif kind is _MAPPING or kind is _SEQUENCE:
            if in_mapping and key is _NO_KEY:
                raise _key_problem(event)
            count += 1
            if count > MAX_NODES or depth > MAX_DEPTH:
                raise _size_problem(count, event)
            mapping = kind is _MAPPING
            if event.tag not in _UNTAGGED and event.tag != (MAP if mapping else SEQ):
                raise _tag_problem(event)
            stack.append((top, key, in_mapping, event.anchor, count))
            top = {} if mapping else []
            key = _NO_KEY
            in_mapping = mapping
            depth += 1
            continue
        elif kind is _ALIAS:
            found = anchors.get(event.anchor)
            if in_mapping and key is _NO_KEY:
                if found is None or found[2] is None:
                    raise _key_problem(event)
                key = found[2].value
                if key in top:
                    first = aliased.get((id(top), key))
                    raise DuplicateKey(key, _path(stack), event.start_mark, first)
                aliased[id(top), key] = event.start_mark.line + 1
                continue
            if found is None:
                raise _problem(
                    "LC002",
                    f"the alias '*{event.anchor}' names no anchor defined before it: define "
                    f"'&{event.anchor}' first, or write the value out",
                    event.start_mark,
                )
            value = found[0]
            count += found[1]
            if found[3] < 0:
                found[3] = len(to_json(value))
            repeated += found[3]
            if count > MAX_NODES:
                raise _size_problem(count, event)
            if repeated > MAX_ALIAS_BYTES:
                raise _problem(
                    "LC005",
                    f"aliases repeat more than {MAX_ALIAS_BYTES // 1_000_000} MB of text in this "
                    "file: write the values out or split the file",
                    event.start_mark,
                )
        else:  # the end of a mapping or sequence
            value = top
            top, key, in_mapping, anchor, started = stack.pop()
            depth -= 1
            if anchor is not None:
                _define(anchors, event, value, count - started + 1, None, anchor)
        if in_mapping:
            top[key] = value
            key = _NO_KEY
        elif stack:
            top.append(value)
        else:  # the document's root
            break
    get()  # the document's end
    event = get()
    if type(event) is not _STREAM_END:
        raise _problem(
            "LC002",
            "YAML syntax error: expected a single document in the stream, but found another "
            "document",
            event.start_mark,
        )
    return to_json(value)


def _path(stack: list[tuple[Any, Any, bool, str | None, int]]) -> tuple[str | int, ...]:
    """Where the open collection sits: per parent from the root, the key or index it is at."""
    return tuple(key if mapping else len(container) for container, key, mapping, _, _ in stack[1:])


def _define(
    anchors: dict[str, list[Any]],
    event: Any,
    value: Any,
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
    anchors[name] = [value, values, scalar, -1]


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
