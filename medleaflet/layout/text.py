"""Text lookup for the layout: every string in the output language, ready to be set.

:class:`LeafletText` takes a leaflet, its localiser and the font stack, and
returns plain strings: :meth:`~LeafletText.t` for the leaflet's own text
(numbers bound to their units) and :meth:`~LeafletText.u` for the layout's
messages (values isolated left to right on a right-to-left page). The glyph
coverage of both is checked before layout (:mod:`medleaflet.i18n.coverage`).
:meth:`~LeafletText.markup` and :meth:`~LeafletText.width` give a string as
escaped Paragraph markup in the fonts of its scripts, and its width on one line.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from medleaflet.content.model import Leaflet, Text
from medleaflet.i18n import ui
from medleaflet.i18n.localise import LocalisedLeaflet
from medleaflet.i18n.qa.language import expected_scripts
from medleaflet.layout.markup import bind_units, escape
from textengine.itemise import FontStack
from textengine.scripts import RTL_SCRIPTS


class LeafletText:
    """The strings of one leaflet in one language."""

    def __init__(self, leaflet: Leaflet, localiser: LocalisedLeaflet, fonts: FontStack) -> None:
        self.leaflet = leaflet
        self.loc = localiser
        self.fonts = fonts
        self.rtl = localiser.language.direction == "rtl"

    @property
    def line_height(self) -> float:
        """How much taller than usual the language's lines are: the tallest ``line_height`` of
        the families of its scripts (Nastaliq for Urdu), 1 for most."""
        scripts = expected_scripts(self.loc.language.locale)
        families = [self.fonts.by_script[script] for script in scripts if script in self.fonts.by_script]
        return max((family.line_height for family in families), default=1.0)

    def t(self, text: Text) -> str:
        """A leaflet string in the output language, each number bound to its unit.

        Its glyph coverage was checked before layout, with every other string
        of the leaflet (:func:`medleaflet.i18n.coverage.require_coverage`).
        """
        return bind_units(self.loc.text(text, self.leaflet.id), self.loc.language.code)

    def u(self, item: ui.UIText, **params: str) -> str:
        """A layout string in the output language.

        In a right-to-left language, a value with no right-to-left letters
        (a phone number, a Latin name, a version) is isolated as left-to-right
        (U+2066 ... U+2069), so "+1 416 555 0199" keeps its order.
        """
        if self.rtl:
            params = {name: self.isolate(value) for name, value in params.items()}
        return self.loc.ui(item, **params)

    def isolate(self, value: str) -> str:
        """``value`` as a left-to-right isolate when it has no right-to-left letters."""
        if any(run.script in RTL_SCRIPTS for run in self.fonts.runs(value)):
            return value
        return f"\u2066{value}\u2069"

    @property
    def medicine(self) -> str:
        """The medicine's generic name in the output language."""
        return self.t(self.leaflet.identity.generic_name)

    def markup(self, text: str, style: ParagraphStyle | None = None) -> str:
        """Escaped ``text`` with a ``<font>`` tag around each run not in the base
        family, in the weight of ``style``."""
        bold = style is not None and style.fontName == self.fonts.base.bold
        return "".join(
            escape(run.text)
            if run.family is self.fonts.base
            else f'<font face="{run.family.bold if bold else run.family.regular}">{escape(run.text)}</font>'
            for run in self.fonts.runs(text)
        )

    def width(self, text: str, style: ParagraphStyle) -> float:
        """The width of ``text`` on one line, run by run."""
        bold = style.fontName == self.fonts.base.bold
        return sum(
            stringWidth(run.text, run.family.bold if bold else run.family.regular, style.fontSize)
            for run in self.fonts.runs(text)
        )
