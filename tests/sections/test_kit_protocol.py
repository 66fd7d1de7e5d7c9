"""The kit a section renderer is given: the layout's widget kit provides every member of it.

mypy checks the same where the layout calls each renderer; this checks the names and parameters
at run time, so a renderer tested alone and the layout agree on the interface.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

import pytest

from medleaflet.layout import widgets
from medleaflet.sections.registry import Kit
from tests.sections.kit import LEAFLETS, kit, leaflet

MEMBERS = sorted(name for name in vars(Kit) if not name.startswith("_"))
METHODS = [name for name in MEMBERS if inspect.isfunction(vars(Kit)[name])]


def test_the_protocol_is_read_as_methods_and_properties() -> None:
    assert METHODS and set(MEMBERS) - set(METHODS)


@pytest.mark.parametrize("leaflet_id", LEAFLETS)
def test_the_layouts_widget_kit_is_a_section_kit(leaflet_id: str) -> None:
    the_kit = kit(leaflet(leaflet_id))
    assert isinstance(the_kit, Kit)
    assert [name for name in MEMBERS if not hasattr(the_kit, name)] == []


@pytest.mark.parametrize("name", METHODS)
def test_each_method_takes_the_parameters_the_protocol_names(name: str) -> None:
    def parameters(function: Callable[..., object]) -> list[tuple[str, object, object]]:
        return [(p.name, p.kind, p.default) for p in inspect.signature(function).parameters.values()]

    assert parameters(getattr(widgets.Kit, name)) == parameters(getattr(Kit, name))
