"""Read YAML fast with libyaml and positions on demand; write it back with ruamel, comments kept."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from leercyclus import tojson
from leercyclus.tojson import MAP, MAX_DEPTH, SEQ, STR

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


class YamlProblem(Exception):
    """A file that cannot be read as YAML data; carries a code and a 1-based position."""

    def __init__(self, code: str, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line
        self.column = column


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
        node: yaml.Node | None = loader.get_single_node()
        return node
    except yaml.MarkedYAMLError as exc:
        raise _syntax_problem(exc, text) from None
    except yaml.reader.ReaderError as exc:
        raise _reader_problem(exc, text) from None
    except yaml.YAMLError as exc:
        raise YamlProblem("LC002", f"YAML syntax error: {exc}") from None
    except RecursionError:
        raise YamlProblem("LC005", f"the file nests deeper than {MAX_DEPTH} levels") from None
    finally:
        loader.dispose()


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
    loader = _BaseLoader(text)
    try:
        converted = tojson.convert(loader)
    except tojson.Problem as problem:
        raise YamlProblem(problem.code, problem.message, problem.line, problem.column) from None
    except yaml.MarkedYAMLError as exc:
        raise _syntax_problem(exc, text) from None
    except yaml.reader.ReaderError as exc:
        raise _reader_problem(exc, text) from None
    except yaml.YAMLError as exc:
        raise YamlProblem("LC002", f"YAML syntax error: {exc}") from None
    finally:
        loader.dispose()
    if converted is None:  # nothing but blank lines and comments
        raise YamlProblem("LC003", "the file is empty: fill it in or remove it")
    return converted


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


def suggest(word: str, options: Iterator[str] | list[str] | set[str]) -> str | None:
    """The closest option to a misspelled word, if one is close enough."""
    matches = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.6)
    if not matches:
        lowered = {o.lower(): o for o in options}
        return lowered.get(str(word).lower())
    return matches[0]


@dataclass(frozen=True, slots=True)
class RoundTrip:
    """A YAML file loaded with ruamel for editing; `save` keeps comments, order and quoting."""

    path: Path
    data: Any

    @classmethod
    def read(cls, path: Path) -> RoundTrip:
        """Load `path` for editing."""
        return cls(path, _ruamel().load(path.read_text(encoding="utf-8")))

    def dumps(self) -> str:
        """The document as text, long lines folded at the writer's width."""
        import io

        buffer = io.StringIO()
        _ruamel().dump(self.data, buffer)
        return buffer.getvalue()


def _ruamel() -> Any:
    from ruamel.yaml import YAML

    handler = YAML(typ="rt")
    handler.preserve_quotes = True
    handler.indent(mapping=2, sequence=4, offset=2)
    handler.width = 100
    return handler


# Round-trip editing that keeps comments ---------------------------------------------------------
# Everything below works on ruamel's round-trip objects (mappings and lists that carry their
# comments); other modules treat those as plain mappings and lists and edit them only through
# these functions.

WIDTH = 100
"""Longest line the writer aims for; longer texts are folded (>-) at spaces."""


def load_for_edit(text: str) -> Any:
    """A YAML text loaded for editing: mappings and lists that keep comments, order and quoting."""
    return _ruamel().load(text)


def read_for_edit(path: Path) -> Any:
    """A YAML file loaded for editing (see `load_for_edit`); a YamlProblem if it cannot be read."""
    try:
        return RoundTrip.read(path).data
    except Exception as exc:  # ruamel's and the file system's errors end here, as one kind
        raise YamlProblem("LC002", str(exc)) from None


def dump(data: Any) -> str:
    """The document as text; lines are never re-wrapped, so untouched values stay byte-equal."""
    import io

    handler = _ruamel()
    handler.width = 1 << 16
    buffer = io.StringIO()
    handler.dump(data, buffer)
    return buffer.getvalue()


def dump_body(data: Any) -> str:
    """The document as `RoundTrip.dumps` writes it, without its leading comment and blank lines."""
    body = RoundTrip(Path(), data).dumps().splitlines(keepends=True)
    while body and (not body[0].strip() or body[0].lstrip().startswith("#")):
        body.pop(0)
    return "".join(body)


def new_map() -> Any:
    """An empty mapping that can carry comments."""
    from ruamel.yaml.comments import CommentedMap

    return CommentedMap()


def new_seq(items: list[str], like: Any = None) -> Any:
    """A list that can carry comments, in flow style ([a, b]) if `like` was."""
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(items)
    if isinstance(like, CommentedSeq) and like.fa.flow_style():
        seq.fa.set_flow_style()
    return seq


def same_style(old: Any, new: str) -> Any:
    """`new` as a scalar of the same kind as `old` (so `"2025"` stays double-quoted)."""
    return type(old)(new) if isinstance(old, str) else new


def styled(text: str, old: object, indent: int, key: str) -> Any:
    """`text` in the style of the value it replaces: quoted stays quoted, long texts fold (>-)."""
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString, ScalarString

    if "\n" in text:
        return LiteralScalarString(text)
    block = isinstance(old, FoldedScalarString | LiteralScalarString)
    if isinstance(old, ScalarString) and not block:
        return type(old)(text)
    if block or indent + len(key) + 2 + len(text) > WIDTH:
        folded = FoldedScalarString(text)
        folded.fold_pos = _folds(text, WIDTH - indent - 2)
        return folded
    return text


def _folds(text: str, width: int) -> list[int]:
    """Positions of the spaces at which to fold `text` into lines of at most `width`."""
    folds: list[int] = []
    start, candidate = 0, -1
    for i, ch in enumerate(text):
        if ch != " " or not 0 < i < len(text) - 1 or " " in (text[i - 1], text[i + 1]):
            continue
        if i - start > width and candidate > start:
            folds.append(candidate)
            start = candidate + 1
        candidate = i
    if len(text) - start > width and candidate > start:
        folds.append(candidate)
    return folds


def put(mapping: Any, key: str, value: Any, order: Sequence[str]) -> None:
    """Set `key`; a new key goes after the keys that precede it in `order`, comments kept."""
    if key in mapping:
        rest = _detach(mapping, key)
        mapping[key] = value
        _attach(mapping, key, rest)
        return
    keys = list(mapping)
    before = set(order[: order.index(key)]) if key in order else set(keys)
    pos = max((n + 1 for n, k in enumerate(keys) if k in before), default=0)
    rest = _detach(mapping, keys[pos - 1]) if pos else ""
    mapping.insert(pos, key, value)
    _attach(mapping, key, rest)


def insert(mapping: Any, pos: int, key: str, value: Any) -> None:
    """Insert `key` at position `pos` of the mapping, as it is (comments stay where they were)."""
    mapping.insert(pos, key, value)


def drop(mapping: Any, key: str) -> None:
    """Remove `key`; comment lines that followed its value stay where they were."""
    if key not in mapping:
        return
    keys = list(mapping)
    n = keys.index(key)
    rest = _detach(mapping, key)
    del mapping[key]
    mapping.ca.items.pop(key, None)
    if n:
        _attach(mapping, keys[n - 1], rest)


def drop_with_comments(mapping: Any, key: str) -> None:
    """Remove `key` and the comment lines above it (they are about it); comment lines after its
    value that belong to the next key stay."""
    keys = list(mapping)
    if key not in keys:
        return
    n = keys.index(key)
    if n:
        _detach(mapping, keys[n - 1])  # the lines above `key`, cut and left out
    drop(mapping, key)


def comment_before(mapping: Any, key: str, text: str) -> None:
    """Comment lines (`text`, one per line, without the '# ') above `key` at the top level."""
    mapping.yaml_set_comment_before_after_key(key, before=text, indent=0)


def drop_comments_above(mapping: Any, key: str) -> None:
    """Remove the comment lines above `key` in a mapping, keeping an end-of-line comment of the
    value before it. ruamel keeps those lines with the previous value; where that value is a
    list or mapping they sit deeper, and are left alone."""
    keys = list(mapping)
    at = keys.index(key)
    entry = mapping.ca.items.get(keys[at - 1]) if at else None
    if not entry or len(entry) < 3 or entry[2] is None:
        return
    end_of_line = entry[2].value.partition("\n")[0]
    if end_of_line.strip():
        entry[2].value = end_of_line + "\n"
    else:
        entry[2] = None


def _tail(container: Any, key: Any) -> tuple[Any, Any, int]:
    """Where ruamel keeps the comment after container[key]: its deepest last block item."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    node = container[key]
    while isinstance(node, CommentedMap | CommentedSeq) and len(node) and not node.fa.flow_style():
        container, key = node, list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        node = container[key]
    return container, key, 0 if isinstance(container, CommentedSeq) else 2


def _detach(container: Any, key: Any) -> str:
    """Cut the comment lines after container[key] that belong to whatever follows it.

    Its end-of-line comment stays, and so do lines indented deeper than the container's keys:
    they comment on container[key]'s own content."""
    holder, k, slot = _tail(container, key)
    entry = holder.ca.items.get(k)
    token = entry[slot] if entry else None
    if token is None:
        return ""
    lines = token.value.splitlines(keepends=True)
    if _is_block(holder[k]):  # a block text ends its line: the first comment line is a whole one
        lines[0] = " " * token.column + lines[0]
        n = 0
    else:
        n = 1  # the first line ends the value's own line: its end-of-line comment, or nothing
    column = getattr(getattr(container, "lc", None), "col", None)
    while n < len(lines) and column is not None and _indent(lines[n]) > column:
        n += 1
    keep, rest = "".join(lines[:n]), "".join(lines[n:])
    if rest:
        if keep.strip():
            token.value = keep.lstrip(" ") if _is_block(holder[k]) else keep
        else:
            entry[slot] = None
    return rest


def _is_block(value: object) -> bool:
    """Whether a value is a block text (>- or |-), after which comments start on a new line."""
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    return isinstance(value, FoldedScalarString | LiteralScalarString)


def _indent(line: str) -> int:
    """A comment line's indentation; -1 for a blank line, which always ends what precedes it."""
    return len(line) - len(line.lstrip(" ")) if line.strip() else -1


def _attach(container: Any, key: Any, rest: str) -> None:
    """Put comment lines cut by `_detach` after container[key]."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    if not rest:
        return
    holder, k, slot = _tail(container, key)
    entry = holder.ca.items.setdefault(k, [None, None, None, None])
    if entry[slot] is None:
        start = "" if _is_block(holder[k]) else "\n"
        entry[slot] = CommentToken(start + rest, CommentMark(0), None)
    else:
        entry[slot].value += rest
