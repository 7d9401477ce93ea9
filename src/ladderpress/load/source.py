"""Read YAML safely into plain data, remembering where every node came from.

This is the only module that touches the YAML library. It refuses what a stranger's pull
request could use against us: huge files, alias bombs, deep nesting, custom tags, duplicate
keys and undecodable bytes. Dates stay strings: a framework's `last_reviewed` is text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ladderpress.core.problems import InputError, error
from ladderpress.load.characters import check_characters
from ladderpress.load.document import Document, JsonPath, Position

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 64

_PROPERTY_NAME = re.compile(r"\A[a-z_]+\Z")

_STR = "tag:yaml.org,2002:str"
_PLAIN_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_constructor = yaml.constructor.SafeConstructor()
_resolver = yaml.resolver.Resolver()


def _mark(event: yaml.Event) -> Position:
    mark = event.start_mark
    return Position(mark.line + 1, mark.column + 1) if mark is not None else Position(1, 1)


@dataclass
class _Frame:
    value: dict[str, Any] | list[Any]
    path: JsonPath
    count_at_start: int
    anchor: str | None
    pending_key: str | None = None


class _Builder:
    """Builds plain data straight from the YAML event stream.

    Working from events rather than `yaml.compose` keeps memory flat and avoids the
    recursive composer, which crashes the interpreter on very deep flow nesting.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.count = 0
        self.doc = Document(path=path, data=None)
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.documents = 0

    def fail(self, event: yaml.Event, message: str, rule: str) -> InputError:
        pos = _mark(event)
        return InputError([error(self.path, pos.line, pos.col, message, rule)])

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self.fail(event, "only one YAML document per file is allowed", "yaml-multi")
        elif isinstance(event, yaml.ScalarEvent):
            if self._expects_key():
                self._key(event)
            else:
                value = self._scalar(event)
                self._attach(event, value)
                self._remember(event.anchor, value, 1)
        elif isinstance(event, yaml.AliasEvent):
            self._alias(event)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self._open(event)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frame = self.stack.pop()
            self._remember(frame.anchor, frame.value, self.count - frame.count_at_start)

    def _expects_key(self) -> bool:
        return (
            bool(self.stack)
            and isinstance(self.stack[-1].value, dict)
            and (self.stack[-1].pending_key is None)
        )

    def _tick(self, event: yaml.Event, amount: int = 1) -> None:
        self.count += amount
        if self.count > MAX_NODES:
            raise self.fail(
                event,
                f"the document expands to more than {MAX_NODES:,} values "
                "(aliases repeated too often?); simplify it",
                "yaml-too-large",
            )

    def _remember(self, anchor: str | None, value: Any, size: int) -> None:
        if anchor is not None:
            self.anchors[anchor] = (value, size)

    def _child_path(self) -> JsonPath:
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if isinstance(frame.value, dict):
            assert frame.pending_key is not None
            return (*frame.path, frame.pending_key)
        return (*frame.path, len(frame.value))

    def _attach(self, event: yaml.Event, value: Any, *, size: int = 1) -> JsonPath:
        self._tick(event, size)
        where = self._child_path()
        self.doc.values[where] = _mark(event)
        if not self.stack:
            self.doc.data = value
        else:
            frame = self.stack[-1]
            if isinstance(frame.value, dict):
                assert frame.pending_key is not None
                frame.value[frame.pending_key] = value
                frame.pending_key = None
            else:
                frame.value.append(value)
        return where

    def _open(self, event: yaml.MappingStartEvent | yaml.SequenceStartEvent) -> None:
        is_map = isinstance(event, yaml.MappingStartEvent)
        if self._expects_key():
            raise self.fail(event, "mapping keys must be plain text", "yaml-key")
        expected = "tag:yaml.org,2002:map" if is_map else "tag:yaml.org,2002:seq"
        if event.tag not in (None, "!", expected):
            raise self.fail(event, f"unsupported tag {event.tag!r}", "yaml-tag")
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail(event, f"nesting deeper than {MAX_DEPTH} levels", "yaml-too-deep")
        container: dict[str, Any] | list[Any] = {} if is_map else []
        where = self._attach(event, container)
        self.stack.append(_Frame(container, where, self.count, event.anchor))

    def _alias(self, event: yaml.AliasEvent) -> None:
        if self._expects_key():
            raise self.fail(event, "mapping keys must be plain text", "yaml-key")
        if event.anchor not in self.anchors:
            raise self.fail(event, f"unknown alias *{event.anchor}", "yaml-syntax")
        value, size = self.anchors[event.anchor]
        self._attach(event, value, size=size)

    def _key(self, event: yaml.ScalarEvent) -> None:
        frame = self.stack[-1]
        tag = self._tag_of(event)
        if tag == "tag:yaml.org,2002:merge":
            raise self.fail(
                event, "merge keys (<<) are not supported; write the keys out", "yaml-merge"
            )
        key = event.value if tag == _STR else str(self._scalar(event))
        where = (*frame.path, key)
        assert isinstance(frame.value, dict)
        if key in frame.value:
            first = self.doc.keys[where]
            raise self.fail(
                event,
                f"duplicate key {key!r} (first defined at line {first.line}); remove one of them",
                "yaml-duplicate-key",
            )
        self.doc.keys[where] = _mark(event)
        frame.pending_key = key

    @staticmethod
    def _tag_of(event: yaml.ScalarEvent) -> str:
        if event.tag in (None, "!"):
            if event.implicit[0]:
                resolved = _resolver.resolve(  # type: ignore[no-untyped-call]
                    yaml.ScalarNode, event.value, (True, False)
                )
                return str(resolved)
            return _STR
        return str(event.tag)

    def _scalar(self, event: yaml.ScalarEvent) -> Any:
        tag = self._tag_of(event)
        if tag not in _PLAIN_SCALAR_TAGS:
            raise self.fail(event, f"unsupported tag {tag!r}", "yaml-tag")
        if tag in (_STR, "tag:yaml.org,2002:timestamp"):
            return event.value
        node = yaml.ScalarNode(tag, event.value)
        if tag == "tag:yaml.org,2002:int":
            return _constructor.construct_yaml_int(node)
        if tag == "tag:yaml.org,2002:float":
            return _constructor.construct_yaml_float(node)
        if tag == "tag:yaml.org,2002:bool":
            return _constructor.construct_yaml_bool(node)
        return None


def decode_utf8(path: str, raw: bytes, advice: str = "save it with UTF-8 encoding") -> str:
    """Text of a UTF-8 file (a byte order mark is fine); an error points at a bad byte."""
    try:
        return codecs.decode(raw, "utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        message = f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); {advice}"
        raise InputError([error(path, line, col, message, "encoding")]) from None


def _quote_hint(text: str, line: int, col: int) -> str:
    """The usual cause of "mapping values are not allowed": ': ' inside unquoted text,
    as in `summary: Owns: the roadmap`. Shows the line with its text quoted."""
    lines = text.split("\n")
    source = lines[line][:col] if line < len(lines) else ""
    rest = lines[line][col:] if line < len(lines) else ""
    head = source.lstrip()
    dash = "- " if head.startswith("- ") else ""
    head = head.removeprefix(dash)
    key, sep, value = head.partition(": ")
    # Property names are lowercase words; anything else before ': ' is the text itself.
    if not sep or not _PROPERTY_NAME.match(key):
        key, value = "", head
    value = (value + rest).strip()
    advice = "; if the ': ' is part of the text, put the statement in quotes"
    if not value or value[0] in "\"'" or " #" in value:
        return advice
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{advice}: {dash}{key + ': ' if key else ''}{quoted}"


def parse_text(path: str, text: str) -> Document:
    """Parse YAML text into a Document; raises InputError with a positioned problem."""
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise InputError([error(path, line, 1, "the file contains a NUL byte", "encoding")])
    try:
        builder = _Builder(path)
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = exc.problem or exc.context or "invalid YAML"
        if "maximum nesting depth" in message:  # libyaml 0.2.6+ stops at its own limit
            too_deep = f"nesting deeper than {MAX_DEPTH} levels"
            raise InputError([error(path, line, col, too_deep, "yaml-too-deep")]) from None
        context = exc.context_mark
        if exc.context and context is not None and context.line != getattr(mark, "line", None):
            start = f"line {context.line + 1}, column {context.column + 1}"
            message += f" ({exc.context} that starts at {start})"
        if mark is not None and text[mark.index : mark.index + 1] == "\t":
            message += " (a tab: YAML indentation must use spaces)"
        if mark is not None and "mapping values are not allowed" in message:
            message += _quote_hint(text, mark.line, mark.column)
        raise InputError(
            [error(path, line, col, f"invalid YAML: {message}", "yaml-syntax")]
        ) from None
    except yaml.YAMLError as exc:
        raise InputError([error(path, 1, 1, f"invalid YAML: {exc}", "yaml-syntax")]) from None
    except RecursionError:
        raise InputError(
            [error(path, 1, 1, f"nesting deeper than {MAX_DEPTH} levels", "yaml-too-deep")]
        ) from None
    # Controls and bidi overrides that escapes let in (characters.py), refused here so
    # that no later stage, nor any output, ever holds one.
    refused = check_characters(builder.doc, text)
    if refused:
        raise InputError(refused)
    return builder.doc


def read_document(file: Path, display: str | None = None) -> Document:
    """Read and parse one file, enforcing the size limit before reading it whole."""
    shown = display or str(file)
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(
                [
                    error(
                        shown,
                        1,
                        1,
                        f"file is {size / 1024 / 1024:.1f} MB, over the "
                        f"{MAX_FILE_BYTES // 1024 // 1024} MB limit; split or shorten it",
                        "file-too-large",
                    )
                ]
            )
        with file.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise InputError(
            [error(shown, 1, 1, f"cannot read file: {exc.strerror or exc}", "io")]
        ) from None
    return parse_text(shown, decode_utf8(shown, raw))
