"""Whether JSON data has the shape a schema describes: its types and structure, fast.

A check kept between builds (checkcache.py) holds data that passed the whole schema when
it was written. Read back, it is looked at again before the model is built from it, so
that a damaged or edited entry is checked afresh instead of ending in a traceback later.
jsonschema itself would cost about as much as the check the entry saves (ten times the
rest of a hit), so this looks only at what the model's code relies on: `type`, `enum`,
`const`, `properties`, `required`, `additionalProperties`, `patternProperties`, `items`,
`minItems`, `minProperties`, `minLength`, `oneOf`/`anyOf`/`allOf` and local `$ref`s.
Maximum lengths, patterns, formats and number ranges are the full check's business.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from ladderpress.core.resources import load_schema

Check = Callable[[Any], bool]


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _integer(value: Any) -> bool:
    return _number(value) and (isinstance(value, int) or float(value).is_integer())


_TYPES: dict[str, Check] = {
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
    "string": lambda value: isinstance(value, str),
    "number": _number,
    "integer": _integer,
    "boolean": lambda value: isinstance(value, bool),
    "null": lambda value: value is None,
}


def _same(value: Any, expected: Any) -> bool:
    # In Python True == 1 and 1 == 1.0; in JSON a boolean is never a number.
    return isinstance(value, bool) == isinstance(expected, bool) and bool(value == expected)


def _all(checks: list[Check]) -> Check:
    if len(checks) == 1:
        return checks[0]

    def check(value: Any) -> bool:
        return all(one(value) for one in checks)

    return check


def _any(checks: list[Check]) -> Check:
    # `oneOf` too: the full check saw that exactly one branch matched; the shape needs one.
    def check(value: Any) -> bool:
        return any(one(value) for one in checks)

    return check


_OBJECT_KEYWORDS = ("properties", "required", "additionalProperties", "patternProperties")


class _Compiler:
    """Turns a schema into nested checks once; `$ref`s resolve lazily (they may recurse)."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.defs: dict[str, Any] = schema.get("$defs", {})
        self.refs: dict[str, Check] = {}

    def ref(self, name: str) -> Check:
        def check(value: Any) -> bool:
            if name not in self.refs:
                self.refs[name] = self.compile(self.defs[name])
            return self.refs[name](value)

        return check

    def compile(self, node: Any) -> Check:
        if node is True or node == {}:
            return lambda value: True
        if node is False:
            return lambda value: False
        checks: list[Check] = []
        if isinstance(ref := node.get("$ref"), str) and ref.startswith("#/$defs/"):
            checks.append(self.ref(ref.removeprefix("#/$defs/")))
        kind = node.get("type")
        # An object or array of a given shape is checked in one pass, its type included.
        strict = kind in ("object", "array")
        if kind is not None and not strict:
            kinds = [_TYPES[name] for name in (kind if isinstance(kind, list) else [kind])]
            checks.append(kinds[0] if len(kinds) == 1 else _any(kinds))
        if "minLength" in node:  # an empty name or statement: one len() is cheap
            shortest = node["minLength"]
            checks.append(lambda value: not isinstance(value, str) or len(value) >= shortest)
        if "enum" in node:
            allowed = list(node["enum"])
            checks.append(lambda value: any(_same(value, item) for item in allowed))
        if "const" in node:
            const = node["const"]
            checks.append(lambda value: _same(value, const))
        for keyword in ("oneOf", "anyOf"):
            if keyword in node:
                checks.append(_any([self.compile(branch) for branch in node[keyword]]))
        if "allOf" in node:
            checks.extend(self.compile(branch) for branch in node["allOf"])
        if kind == "object" or any(k in node for k in _OBJECT_KEYWORDS):
            checks.append(self._object(node, strict=kind == "object"))
        if kind == "array" or "items" in node or "minItems" in node:
            checks.append(self._array(node, strict=kind == "array"))
        return _all(checks) if checks else (lambda value: True)

    def _object(self, node: dict[str, Any], *, strict: bool) -> Check:
        properties = {key: self.compile(sub) for key, sub in node.get("properties", {}).items()}
        patterns = [
            (re.compile(pattern), self.compile(sub))
            for pattern, sub in node.get("patternProperties", {}).items()
        ]
        other = self.compile(node.get("additionalProperties", True))
        required = list(node.get("required", ()))
        least = node.get("minProperties", 0)

        def check(value: Any) -> bool:
            if not isinstance(value, dict):
                return not strict  # else `type` says whether it must be an object
            if len(value) < least:
                return False
            for key in required:
                if key not in value:
                    return False
            for key, item in value.items():
                known = properties.get(key)
                if known is not None and not known(item):
                    return False
                matched = [sub for pattern, sub in patterns if pattern.search(key)]
                for sub in matched:
                    if not sub(item):
                        return False
                if known is None and not matched and not other(item):
                    return False
            return True

        return check

    def _array(self, node: dict[str, Any], *, strict: bool) -> Check:
        items = self.compile(node.get("items", True))
        least = node.get("minItems", 0)

        def check(value: Any) -> bool:
            if not isinstance(value, list):
                return not strict
            if len(value) < least:
                return False
            return all(items(item) for item in value)

        return check


@cache
def shape_check(schema_name: str) -> Check:
    """A function telling whether data has the shape the named schema describes."""
    schema = load_schema(schema_name)
    return _Compiler(schema).compile(schema)
