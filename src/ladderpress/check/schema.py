"""JSON Schema validation that explains each error in plain words, at the right spot."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, ValidationError
from jsonschema.exceptions import best_match

from ladderpress.check.sizes import KEYWORDS as LIMIT_KEYWORDS
from ladderpress.check.sizes import limit_problem, tightest
from ladderpress.core.problems import Problem
from ladderpress.core.resources import load_schema
from ladderpress.load.characters import describe
from ladderpress.load.document import Document, JsonPath, problem_at

_ID_HINT = "use lowercase letters a-z, digits and single hyphens, for example 'senior-engineer'"
_ID_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


def _not_an_id(value: Any) -> str:
    """Why `value` is not an id, naming a character that does not show for what it is:
    a line break, an invisible format character, a look-alike letter from another script."""
    odd = next((ch for ch in str(value) if ch not in _ID_CHARACTERS), None)
    named = ""
    if odd is not None and not ("!" <= odd <= "~"):
        named = f" (it contains {describe(odd)})"
    return f"{_short(value)} is not a valid id{named}: {_ID_HINT}"


_ANNOTATIONS = frozenset({"title", "description", "examples", "default", "$comment"})


def _inline_refs(node: Any, defs: dict[str, Any], seen: tuple[str, ...] = ()) -> Any:
    """The schema with each local `$ref` replaced by what it points to.

    Looking references up costs jsonschema about half of its time on a framework file
    (a statement's shape is a reference, and there are thousands of statements).
    A reference with anything but annotations beside it, or a recursive one, stays.
    """
    if isinstance(node, list):
        return [_inline_refs(item, defs, seen) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/") and ref not in seen:
        target = defs.get(ref.removeprefix("#/$defs/"))
        rest = {key: value for key, value in node.items() if key != "$ref"}
        if isinstance(target, dict) and set(rest) <= _ANNOTATIONS:
            return {**_inline_refs(target, defs, (*seen, ref)), **rest}
    return {key: _inline_refs(value, defs, seen) for key, value in node.items()}


@cache
def validator_for(schema_name: str) -> Draft202012Validator:
    schema = load_schema(schema_name)
    Draft202012Validator.check_schema(schema)
    fast = _inline_refs(schema, schema.get("$defs", {}))
    return Draft202012Validator(fast, format_checker=Draft202012Validator.FORMAT_CHECKER)


# The stubs type these attributes as possibly unset; after iter_errors they are always set.
def _instance(error: ValidationError) -> Any:
    return error.instance


def _expected(error: ValidationError) -> Any:
    return error.validator_value


def _schema(error: ValidationError) -> dict[str, Any]:
    return error.schema if isinstance(error.schema, dict) else {}


def _kind(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return "text"


_TYPE_WORDS = {
    "object": "a mapping (key: value pairs)",
    "array": "a list",
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
}


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _path_label(path: JsonPath) -> str:
    label = ""
    for part in path:
        label += f"[{part}]" if isinstance(part, int) else (f".{part}" if label else str(part))
    return label or "the document"


def _pattern_message(error: ValidationError) -> str:
    pattern = str(_schema(error).get("pattern", ""))
    value = _short(_instance(error))
    if pattern.startswith("^[a-z0-9]+"):
        return _not_an_id(_instance(error))
    if pattern.startswith("^[0-9]{4}"):
        return f"{value} is not a date: write it as YYYY-MM-DD, for example '2026-09-30'"
    if pattern.startswith("^https?"):
        return f"{value} is not a web address: use an absolute http:// or https:// URL"
    return f"{value} does not match the expected form {pattern}"


def _describe(error: ValidationError) -> str:
    kind = error.validator
    value = _instance(error)
    schema_value = _expected(error)
    if kind == "type":
        wanted = schema_value if isinstance(schema_value, list) else [schema_value]
        words = " or ".join(_TYPE_WORDS.get(str(w), str(w)) for w in wanted)
        return f"expected {words}, found {_kind(value)}"
    if kind == "enum":
        choices = ", ".join(repr(c) for c in schema_value)
        return f"{_short(value)} is not allowed here; use one of: {choices}"
    if kind == "pattern":
        return _pattern_message(error)
    if kind == "format":
        return f"{_short(value)} is not a valid {schema_value}"
    if kind in ("minItems", "minProperties"):
        return (
            "must not be empty" if schema_value == 1 else f"needs at least {schema_value} entries"
        )
    if kind == "uniqueItems":
        # A set for the ids these lists hold: a list's `in` is quadratic on a long list.
        hashable: set[Any] = set()
        others: list[Any] = []
        for item in value:
            try:
                if item in hashable:
                    return f"lists {_short(item)} more than once"
                hashable.add(item)
            except TypeError:
                if item in others:
                    return f"lists {_short(item)} more than once"
                others.append(item)
        return "contains duplicates"
    if kind == "minLength":
        return "must not be empty"
    if kind == "maxLength":
        return f"is too long ({len(value)} characters; at most {schema_value})"
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"):
        bounds = {
            "minimum": f"at least {schema_value}",
            "maximum": f"at most {schema_value}",
            "exclusiveMinimum": f"greater than {schema_value}",
            "exclusiveMaximum": f"less than {schema_value}",
            "multipleOf": f"a multiple of {schema_value}",
        }
        return f"{_short(value)} must be {bounds[str(kind)]}"
    return error.message


def _branch_for(error: ValidationError) -> ValidationError | None:
    """For oneOf/anyOf, the sub-error from the branch that fits the value's shape best."""
    candidates = [e for e in error.context or [] if e.validator != "type" or e.relative_path]
    if not candidates:
        return None
    match: ValidationError | None = best_match(candidates)
    return match


def _wants_text(schema: dict[str, Any]) -> bool:
    branches = [schema, *schema.get("oneOf", []), *schema.get("anyOf", [])]
    return any(isinstance(b, dict) and b.get("type") == "string" for b in branches)


def _known_keys(schema: dict[str, Any]) -> list[str]:
    branches = [schema, *schema.get("oneOf", []), *schema.get("anyOf", [])]
    return [key for b in branches if isinstance(b, dict) for key in b.get("properties", {})]


def _unquoted_colon(doc: Document, error: ValidationError) -> Problem | None:
    """Text with ': ' in it, unquoted, that YAML read as a one-key mapping.

    `- Owns the roadmap: sets direction` is {'Owns the roadmap': 'sets direction'}, and
    the schema alone would only say that 'Owns the roadmap' is not a property.
    """
    value = _instance(error)
    schema = _schema(error)
    if not (isinstance(value, dict) and len(value) == 1 and _wants_text(schema)):
        return None
    [(key, rest)] = value.items()
    known = _known_keys(schema)
    if key in known or difflib.get_close_matches(key, known, n=1):
        return None  # a misspelt property of a mapping, not text
    if isinstance(rest, (dict, list)):
        return None
    where: JsonPath = tuple(error.absolute_path)
    text = f"{key}:" if rest is None else f"{key}: {rest}"
    what = "statement" if "expectations" in where else "text"
    return problem_at(
        doc,
        (*where, key),
        f"{_path_label(where)}: expected text, found a mapping, because YAML reads an "
        f"unquoted ': ' as a key and its value; put the {what} in quotes: {_quoted(text)}",
        "unquoted-colon",
        key=True,
    )


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _problems_for(doc: Document, error: ValidationError) -> Iterator[Problem]:
    where: JsonPath = tuple(error.absolute_path)
    kind = error.validator
    if kind in ("oneOf", "anyOf", "type"):
        colon = _unquoted_colon(doc, error)
        if colon is not None:
            yield colon
            return
    if kind in ("oneOf", "anyOf"):
        branch = _branch_for(error)
        if branch is not None:
            yield from _problems_for(doc, branch)
            return
        if isinstance(_instance(error), (dict, list)) or _instance(error) is None:
            yield problem_at(
                doc,
                where,
                f"expected text or a mapping with 'text', found {_kind(_instance(error))}",
                "schema",
            )
            return
    if kind == "required":
        missing = [name for name in _expected(error) if name not in _instance(error)]
        for name in missing:
            yield problem_at(
                doc,
                where,
                f"{_path_label(where)} is missing the required property '{name}'",
                "schema-required",
            )
        return
    if kind == "additionalProperties":
        allowed = sorted(_schema(error).get("properties", {}))
        for extra in sorted(set(_instance(error)) - set(allowed)):
            hint = difflib.get_close_matches(extra, allowed, n=1)
            suggestion = (
                f" (did you mean '{hint[0]}'?)" if hint else f"; allowed: {', '.join(allowed)}"
            )
            yield problem_at(
                doc,
                (*where, extra),
                f"unknown property '{extra}'{suggestion}",
                "schema-unknown-property",
                key=True,
            )
        return
    if kind == "propertyNames":
        for sub in error.context or []:
            key = _instance(sub)
            yield problem_at(
                doc,
                (*where, key),
                _not_an_id(key),
                "schema",
                key=True,
            )
        return
    if "propertyNames" in error.absolute_schema_path and isinstance(_instance(error), str):
        # A key that is no id: point at the key, not at the mapping that holds it.
        key_path: JsonPath = (*where, _instance(error))
        yield problem_at(
            doc, key_path, f"{_path_label(where)}: {_describe(error)}", "schema", key=True
        )
        return
    if kind in LIMIT_KEYWORDS:
        yield limit_problem(doc, str(kind), where, _instance(error), int(_expected(error)))
        return
    yield problem_at(doc, where, f"{_path_label(where)}: {_describe(error)}", "schema")


def check_schema(doc: Document, schema_name: str) -> list[Problem]:
    validator = validator_for(schema_name)
    errors = list(validator.iter_errors(doc.data))
    # An empty id breaks both its pattern and its minimum length: say it once.
    bad_pattern = {tuple(e.absolute_path) for e in errors if e.validator == "pattern"}
    looser = tightest(errors)
    problems: list[Problem] = []
    for index, error in enumerate(errors):
        if error.validator == "minLength" and tuple(error.absolute_path) in bad_pattern:
            continue
        if index in looser:
            continue
        problems.extend(_problems_for(doc, error))
    return problems
