"""Leaflets with more text: the same leaflet with its lists and paragraphs repeated, still schema-valid.

:func:`grown_leaflet` takes the parsed YAML of a leaflet and a factor and gives
the YAML text of a leaflet with the given id whose every repeatable mapping
under ``sections`` (a list of items, paragraphs or boxes, keyed by stable
keys) holds each entry ``factor`` times, the copies keyed ``{key}_x{n}``.
Which mappings are repeatable is found by trial against the project's own
validation (:func:`medleaflet.content.validate.validate_leaflet`), so no
section's schema is written down here.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import yaml

from medleaflet.content.load import parse_yaml
from medleaflet.content.validate import validate_leaflet
from medleaflet.errors import MedleafletError

Path_ = tuple[str, ...]


def _candidates(node: Any, path: Path_ = ()) -> Iterator[Path_]:
    """Paths, parents before children, of the mappings under ``node`` whose values are all
    texts or all mappings: the shapes a list of items, paragraphs or boxes has."""
    if not isinstance(node, dict):
        return
    values = list(node.values())
    if values and (all(isinstance(v, str) for v in values) or all(isinstance(v, dict) for v in values)):
        yield path
    for key, value in node.items():
        yield from _candidates(value, (*path, key))


def _at(data: dict[str, Any], path: Path_) -> dict[str, Any]:
    """The mapping at ``path`` inside ``data``."""
    node = data
    for key in path:
        node = node[key]
    return node


def _repeat(mapping: dict[str, Any], factor: int) -> dict[str, Any]:
    """``mapping`` with its entries ``factor`` times over (copies keyed ``{key}_x{n}``)."""
    grown = dict(mapping)
    for n in range(2, factor + 1):
        grown.update({f"{key}_x{n}": copy.deepcopy(value) for key, value in mapping.items()})
    return grown


def _dump(data: dict[str, Any]) -> str:
    """``data`` as leaflet YAML."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def _is_valid(data: dict[str, Any], leaflet_id: str) -> bool:
    """Whether ``data`` is a valid leaflet with id ``leaflet_id``."""
    try:
        validate_leaflet(parse_yaml(_dump(data), f"{leaflet_id}.yaml"), expected_id=leaflet_id)
    except MedleafletError:
        return False
    return True


def repeatable_paths(data: dict[str, Any]) -> list[Path_]:
    """The mappings under ``sections`` that stay valid with their entries doubled, none inside another."""
    leaflet_id = str(data["id"])
    chosen: list[Path_] = []
    for path in _candidates(data["sections"], ("sections",)):
        if path == ("sections",) or any(path[: len(parent)] == parent for parent in chosen):
            continue
        trial = copy.deepcopy(data)
        parent = _at(trial, path[:-1])
        parent[path[-1]] = _repeat(parent[path[-1]], 2)
        if _is_valid(trial, leaflet_id):
            chosen.append(path)
    return chosen


def grown_leaflet(data: dict[str, Any], paths: list[Path_], factor: int, new_id: str) -> str:
    """The YAML of ``data`` as leaflet ``new_id``, each mapping of ``paths`` repeated ``factor`` times;
    raises :class:`~medleaflet.errors.MedleafletError` if the result is not a valid leaflet."""
    grown = copy.deepcopy(data)
    grown["id"] = new_id
    for path in paths:
        parent = _at(grown, path[:-1])
        parent[path[-1]] = _repeat(parent[path[-1]], factor)
    text = _dump(grown)
    validate_leaflet(parse_yaml(text, f"{new_id}.yaml"), expected_id=new_id)
    return text


def text_chars(node: Any) -> int:
    """How many characters of text ``node`` holds, in all its strings."""
    if isinstance(node, str):
        return len(node)
    if isinstance(node, dict):
        return sum(text_chars(value) for value in node.values())
    if isinstance(node, list):
        return sum(text_chars(value) for value in node)
    return 0
