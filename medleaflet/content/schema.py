"""JSON Schema checks for YAML documents, reported as located problems.

:func:`check` runs a schema from ``medleaflet/content/schemas/`` over a loaded
:class:`~medleaflet.content.load.Document` and returns every violation as a
:class:`~medleaflet.errors.Problem` with ``file:line`` and a field path, in
words an editor understands. A subschema may carry an ``errorMessage``
keyword to replace the generic wording for ``pattern`` failures.

The leaflet schema is assembled: ``leaflet.schema.json`` describes everything
but the sections, and :func:`leaflet_schema` adds ``sections`` from the
fragment each registered section declares (:mod:`medleaflet.sections`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

from medleaflet.content.load import Document, PathKey
from medleaflet.content.texts import slug
from medleaflet.errors import Problem, ValidationError
from medleaflet.sections import SECTIONS, custom
from medleaflet.sections.kinds import TEXT, fields

_TYPE_NAMES = {
    "object": "a mapping (key: value)",
    "array": "a list",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty (null)",
}


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The schema ``medleaflet/content/schemas/{name}.schema.json``, parsed."""
    text = resources.files("medleaflet.content.schemas").joinpath(f"{name}.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def sections_schema() -> dict[str, Any]:
    """The schema of a leaflet's ``sections``: every registered section (required or optional,
    as it declares) and the leaflet's own sections under ``custom``."""
    return fields(
        {key: _with_heading(section.schema) for key, section in SECTIONS.items() if section.required},
        {
            **{key: _with_heading(section.schema) for key, section in SECTIONS.items() if not section.required},
            custom.KEY_NAME: custom.SCHEMA,
        },
    )


def _with_heading(schema: Mapping[str, Any]) -> dict[str, Any]:
    """A section's schema with an optional ``heading`` (leaflet text in place of the tool's
    heading, e.g. "How to use it" for a cream), where the section is a mapping of named fields."""
    if "properties" not in schema:
        return dict(schema)  # a mapping of blocks: any key is a block
    return {**schema, "properties": {**schema["properties"], "heading": TEXT}}


def leaflet_schema() -> dict[str, Any]:
    """The whole leaflet schema: ``leaflet.schema.json`` with :func:`sections_schema` in place."""
    base = load_schema("leaflet")
    return {**base, "properties": {**base["properties"], "sections": sections_schema()}}


def schema_for(name: str) -> dict[str, Any]:
    """The schema called ``name`` (``leaflet``, ``template``, ``clinic``), assembled if need be."""
    return leaflet_schema() if name == "leaflet" else load_schema(name)


def check(document: Document, schema_name: str) -> list[Problem]:
    """Every schema violation in ``document``, sorted by line."""
    schema = schema_for(schema_name)
    validator = jsonschema.Draft202012Validator(schema)
    problems = {problem for error in validator.iter_errors(document.data) for problem in _to_problems(document, error)}
    return sorted(problems)


def merge_problems(schema_problems: list[Problem], rule_problems: list[Problem]) -> list[Problem]:
    """Every schema problem, and every rule problem not about a field the schema already flags
    (the same field, or one inside it), sorted."""
    flagged = [problem.path for problem in schema_problems]

    def inside_flagged(path: str) -> bool:
        return any(path == other or path.startswith((f"{other}.", f"{other}[")) for other in flagged if other)

    kept = [problem for problem in rule_problems if not inside_flagged(problem.path)]
    return sorted({*schema_problems, *kept})


def require_valid(document: Document, schema_name: str, rule_problems: list[Problem]) -> None:
    """Raise :class:`~medleaflet.errors.ValidationError` listing every problem of ``document`` at once:
    its violations of the schema ``schema_name`` and its ``rule_problems`` (as :func:`merge_problems`);
    return if it has none."""
    problems = merge_problems(check(document, schema_name), rule_problems)
    if problems:
        raise ValidationError(problems)


def _describe(value: Any) -> str:
    for json_type, words in _TYPE_NAMES.items():
        if json_type == "number" and isinstance(value, bool):
            continue
        if jsonschema.Draft202012Validator.TYPE_CHECKER.is_type(value, json_type):
            return words
    return type(value).__name__


def _expected(types: str | list[str]) -> str:
    names = [types] if isinstance(types, str) else types
    return " or ".join(_TYPE_NAMES.get(name, name) for name in names)


def _to_problems(document: Document, error: jsonschema.ValidationError) -> list[Problem]:
    path: PathKey = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    if "propertyNames" in error.relative_schema_path and isinstance(error.instance, str):
        return [_key_problem(document, error, path, schema)]
    if error.validator == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        hint = f" (expected one of: {', '.join(allowed)})" if allowed else ""
        return [document.problem((*path, key), f"unknown field{hint}") for key in error.instance if key not in allowed]
    return [_to_problem(document, error, path, schema)]


def _to_problem(
    document: Document, error: jsonschema.ValidationError, path: PathKey, schema: dict[str, Any]
) -> Problem:
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        return document.problem((*path, missing), "required field is missing")
    if kind == "type":
        return document.problem(path, f"expected {_expected(error.validator_value)}, got {_describe(error.instance)}")
    if kind == "enum":
        options = ", ".join(str(option) for option in error.validator_value)
        return document.problem(path, f"{error.instance!r} is not allowed; expected one of: {options}")
    if "errorMessage" in schema and kind in ("pattern", "const", "minimum", "format"):
        return document.problem(path, str(schema["errorMessage"]))
    if kind == "pattern":
        return document.problem(path, f"{error.instance!r} does not match the expected form")
    if kind == "minimum":
        return document.problem(path, f"must be at least {error.validator_value}")
    if kind == "maximum":
        return document.problem(path, f"must be at most {error.validator_value}")
    if kind == "minLength":
        return document.problem(path, "must not be empty")
    if kind == "maxLength":
        return document.problem(path, f"is too long (at most {error.validator_value} characters)")
    if kind in ("minItems", "minProperties"):
        count = error.validator_value
        return document.problem(path, f"needs at least {count} {'entry' if count == 1 else 'entries'}")
    if kind == "oneOf":
        return document.problem(path, _one_of_message(error))
    return document.problem(path, error.message)


def _key_problem(
    document: Document, error: jsonschema.ValidationError, path: PathKey, schema: dict[str, Any]
) -> Problem:
    """A mapping key that breaks the ``propertyNames`` rule, at the key's own line, naming it (jsonschema
    reports it at the mapping, with the key as the instance), with the key to write when there is one."""
    key = str(error.instance)
    reason = _to_problem(document, error, path, schema).message.removeprefix(f"{key!r} ")
    suggested = slug(key)
    hint = f" (write it as {suggested!r})" if suggested != key and suggested[:1].isalpha() else ""
    return document.problem((*path, key), f"key {key!r} {reason}{hint}")


def _one_of_message(error: jsonschema.ValidationError) -> str:
    for sub in error.context or ():
        sub_schema = sub.schema if isinstance(sub.schema, dict) else {}
        if "errorMessage" in sub_schema and sub.validator == "pattern":
            return str(sub_schema["errorMessage"]) + " or be empty"
    return f"{error.instance!r} is not valid here"
