"""The logical structure of a laid-out leaflet: what each block *is*, for tagging.

Every flowable the widget kit makes declares a :class:`Role` (heading of
level n, paragraph, list and item, table, row and cell, figure with its
alternative text, artifact). The roles form a tree of :class:`Node` values
kept beside the flowables, never on them: a :class:`StructureRecorder` remembers
the node of each flowable it is shown, and :meth:`StructureRecorder.nodes` reads
a list of flowables back as nodes in reading order.

Nothing here draws or changes a flowable: the tree is what a tagged PDF
(PDF/UA) will be written from, and what tests check the layout against.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum

from reportlab.platypus import CondPageBreak, Flowable, HRFlowable, KeepTogether, Spacer

from medleaflet.layout.keep import KeepWithStart


class Role(Enum):
    """A structural role; the value is the PDF standard structure type it maps to."""

    DOCUMENT = "Document"
    SECTION = "Sect"
    GROUP = "Div"
    HEADING = "H"
    PARAGRAPH = "P"
    LIST = "L"
    LIST_ITEM = "LI"
    TABLE = "Table"
    ROW = "TR"
    CELL = "TD"
    FIGURE = "Figure"
    ARTIFACT = "Artifact"


@dataclass(frozen=True)
class Node:
    """One element of the structure tree.

    ``level`` is set for headings (1 is the medicine's name, 2 a section),
    ``alt`` for figures (what a screen reader says instead), ``text`` for
    paragraphs and headings (the logical text), ``lang`` where the language
    changes (each block of a bilingual page).
    """

    role: Role
    children: tuple[Node, ...] = ()
    level: int | None = None
    alt: str | None = None
    text: str | None = None
    lang: str | None = None

    def walk(self) -> Iterator[Node]:
        """This node and all its descendants, depth first, in reading order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, role: Role) -> list[Node]:
        """Every node of ``role`` in this subtree, in reading order."""
        return [node for node in self.walk() if node.role is role]


#: Flowables that only steer the page flow: they have no place in the structure.
_FLOW_ONLY = (Spacer, CondPageBreak)


@dataclass
class StructureRecorder:
    """Remembers the structure node of each flowable (flowables compare by identity)."""

    _nodes: dict[Flowable, Node] = field(default_factory=dict)

    def mark(self, flowable: Flowable, node: Node) -> Node:
        """Record ``node`` as the structure of ``flowable`` (replacing any earlier record)."""
        self._nodes[flowable] = node
        return node

    def node(self, flowable: Flowable) -> Node | None:
        """The node recorded for ``flowable``, if any."""
        return self._nodes.get(flowable)

    def nodes(self, flowables: Iterable[Flowable]) -> tuple[Node, ...]:
        """The structure of ``flowables`` in reading order.

        Spacers and page-break conditions have none; a rule is an artifact; a
        :class:`~reportlab.platypus.KeepTogether` or
        :class:`~medleaflet.layout.keep.KeepWithStart` group gives its content's
        nodes; the items of one list give the list once. Any other flowable
        the recorder was never shown is a programming error (it would be
        untagged), raised as :class:`TypeError`.
        """
        found: list[Node] = []
        for flowable in flowables:
            node = self.node(flowable)
            if node is not None:
                if not found or found[-1] is not node:  # the next item of the same list
                    found.append(node)
            elif isinstance(flowable, KeepTogether):
                found += self.nodes(flowable._content)
            elif isinstance(flowable, KeepWithStart):
                found += self.nodes(flowable.content)
            elif isinstance(flowable, HRFlowable):
                found.append(Node(Role.ARTIFACT))
            elif not isinstance(flowable, _FLOW_ONLY):
                raise TypeError(f"{type(flowable).__name__} has no structural role: make it with the widget kit")
        return tuple(found)
