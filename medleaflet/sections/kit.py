"""What a section renderer is given and gives back: the :class:`Kit` interface and a :data:`Story`.

A renderer, ``render(kit, section) -> Story``, builds its flowables with the
widgets of a :class:`Kit`. The layout stage supplies one
(:class:`medleaflet.layout.widgets.Kit`, which mypy checks against this
protocol where the layout calls each renderer); a section module needs
nothing from the layout itself, not even for type checking.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Protocol, TypeAlias, runtime_checkable

from medleaflet.content.model import Text
from medleaflet.i18n.ui import UIText

if TYPE_CHECKING:
    from reportlab.lib.colors import Color  # ReportLab only for type checking: list and status do not load it
    from reportlab.platypus import Flowable, Table

    # Both import the section registry: at run time they would import it in a cycle.
    from medleaflet.content.clinic import Clinic
    from medleaflet.content.templates import Template

#: The flowables a renderer returns, in reading order.
Story: TypeAlias = "list[Flowable]"
#: A table cell: a flowable, or several stacked.
Cell: TypeAlias = "Flowable | list[Flowable]"


class LocaleFormats(Protocol):
    """The output language's formats a renderer uses."""

    def list(self, items: list[str]) -> str:
        """Items joined the locale's way, e.g. ``a, b and c``."""
        ...

    def parts(self, items: Sequence[str]) -> str:
        """Items joined the locale's way for parts of one thing, without "and": ``yellow, round``."""
        ...


@runtime_checkable
class Kit(Protocol):
    """The widgets and facts of one leaflet in one language that a section renderer uses.

    Text goes in as a leaflet :class:`Text` (``t``) or a layout message
    (``u``) and comes out in the output language; the widgets take that text
    and a style name and return flowables.
    """

    @property
    def template(self) -> Template:
        """The page template: sizes, colours, whether labels are in capitals."""
        ...

    @property
    def clinic(self) -> Clinic | None:
        """The clinic the leaflet is printed for, if any."""
        ...

    @property
    def loc(self) -> LocaleFormats:
        """Dates, numbers and lists in the output language."""
        ...

    @property
    def colour(self) -> Mapping[str, Color]:
        """The template's colours by role (``warning``, ``muted``, ``rule``...)."""
        ...

    @property
    def width(self) -> float:
        """The width of the text column, in points."""
        ...

    @property
    def box_width(self) -> float:
        """The width available for text inside a :meth:`box`."""
        ...

    @property
    def list_columns(self) -> int:
        """How many columns a short list may run in (1 in a narrow column)."""
        ...

    @property
    def rtl(self) -> bool:
        """Whether the output language is written right to left."""
        ...

    def t(self, text: Text) -> str:
        """A leaflet string in the output language."""
        ...

    def u(self, item: UIText, **params: str) -> str:
        """A layout message in the output language, with ``{name}`` placeholders filled."""
        ...

    def caps(self, text: str) -> str:
        """``text`` in capitals, unless the template avoids them."""
        ...

    def p(self, text: str, style: str = "body", bullet: str | None = None) -> Flowable:
        """A paragraph of plain text in the named style."""
        ...

    def bullets(self, items: Sequence[Text], style: str = "bullet", columns: int = 1, width: float = 0) -> Story:
        """One bulleted paragraph per item (in up to ``columns`` columns ``width`` wide), then a little space."""
        ...

    def intro(self, text: Text, style: str = "body") -> Flowable:
        """A paragraph that introduces a list, kept with it."""
        ...

    def subheading(self, text: str, level: int = 3) -> Flowable:
        """A heading inside a section, kept with what follows it."""
        ...

    def box(self, content: Story, kind: str) -> Table:
        """A highlighted box (``warning`` or ``caution``) holding ``content``."""
        ...

    def figure(self, flowable: Flowable, alt: str) -> Flowable:
        """``flowable`` (a drawing or image) as a figure whose alternative text is ``alt``."""
        ...

    def table(
        self,
        rows: list[list[Cell]],
        widths: list[float],
        style: list[tuple],
        split_in_row: bool = False,
        fit: bool = True,
    ) -> Table:
        """A table whose columns run in reading order (mirrored right to left); with ``fit``,
        ``widths`` is a proposal and the columns are sized to their content."""
        ...
