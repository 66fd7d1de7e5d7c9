"""Keep-with-next: a heading never ends a page; it moves to the next page with the start of what follows.

The widget kit marks every flowable that must not end a page with
``keepWithNext`` (a section heading and its rule, a sub-heading, a paragraph
that introduces a list). :func:`keep_with_next` takes a block's flowables and
puts each run of such flowables, with the flowable after them, in a
:class:`KeepWithStart`.

ReportLab's own ``keepWithNext`` keeps the *whole* next flowable with the
heading: a heading over a long table or box then leaves most of a page empty,
or, where the pair is taller than a page, is set alone after all. A
:class:`KeepWithStart` asks the follower to split, and keeps the heading on
this page if the follower's first part fits below it (two lines of a
paragraph, the first rows of a table, a box's title and first paragraph), else
moves the heading on with it. A list's introduction (marked by
:func:`may_split`) that leads a group may leave its first lines on this page,
its last ones moving on with the list. Only at the top of a page, where moving
on would gain nothing, is the heading set over whatever fits.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

#: Height reported by :meth:`KeepWithStart.wrap`: larger than any frame, so the frame always splits it.
_ALWAYS_SPLIT = 0xFFFFFF


def may_split(flowable: Flowable) -> Flowable:
    """Mark ``flowable`` (a paragraph that introduces a list, not a heading) as one whose first lines
    may stay on this page when it leads a :class:`KeepWithStart`: only its last lines then move on
    with what follows. Returns ``flowable``."""
    flowable.keepsOnlyLastLines = True
    return flowable


def _height(flowable: Flowable, width: float, height: float) -> float:
    """The room ``flowable`` takes in a frame ``width`` wide: its height and the space after it."""
    return flowable.wrap(width, height)[1] + flowable.getSpaceAfter()


class KeepWithStart(Flowable):
    """``lead`` flowables (a heading, its rule...) kept on the page with the start of ``follower``.

    The frame always splits it (:meth:`wrap` says it is taller than any page);
    :meth:`split` gives the lead and the follower's parts back to the frame,
    each drawn as itself, so the render stage sees the heading drawn.
    """

    def __init__(self, lead: Sequence[Flowable], follower: Flowable) -> None:
        super().__init__()
        self.lead = list(lead)
        self.follower = follower
        for flowable in self.lead:
            flowable.keepWithNext = False  # handled here; ReportLab would group them again

    @property
    def content(self) -> list[Flowable]:
        """The lead, then the follower."""
        return [*self.lead, self.follower]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - ReportLab API
        return availWidth, _ALWAYS_SPLIT

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - ReportLab API
        frame = getattr(self, "_frame", None)
        at_top = bool(getattr(frame, "_atTop", False))
        return self.arrange(availWidth, availHeight, at_top)

    def arrange(self, width: float, height: float, at_top: bool) -> list[Flowable]:
        """The flowables to give the frame with ``height`` left in it: the lead and the follower's
        parts, if the follower's first part fits below the lead; else none (everything moves on to
        the next page), unless ``at_top`` of a page."""
        lead_height = sum(
            (0 if at_top and not index else flowable.getSpaceBefore()) + _height(flowable, width, height)
            for index, flowable in enumerate(self.lead)
        )
        room = height - lead_height - self.follower.getSpaceBefore()
        start = self._start(width, room) if room > 0 else None
        if start is not None:
            return [*self.lead, *start]
        split = self._split_last_lead(width, height, at_top)
        if split is not None:
            return split
        return [*self.lead, self.follower] if at_top else []

    def _split_last_lead(self, width: float, height: float, at_top: bool) -> list[Flowable] | None:
        """With a last lead marked by :func:`may_split` (a list's introduction), its first lines on
        this page and the rest kept with the follower; None if it is not marked or does not split."""
        *head, last = self.lead
        if not head or not getattr(last, "keepsOnlyLastLines", False):
            return None
        head_height = sum(
            (0 if at_top and not index else flowable.getSpaceBefore()) + _height(flowable, width, height)
            for index, flowable in enumerate(head)
        )
        room = height - head_height - last.getSpaceBefore()
        parts = last.split(width, room) if room > 0 else []
        if len(parts) != 2 or parts[0].wrap(width, room)[1] > room:
            return None
        return [*head, parts[0], KeepWithStart([parts[1]], self.follower)]

    def _start(self, width: float, room: float) -> list[Flowable] | None:
        """The follower whole, or split, with its first part fitting in ``room``; None if neither."""
        follower = self.follower
        if isinstance(follower, KeepWithStart):
            return follower.arrange(width, room, at_top=False) or None
        if follower.wrap(width, room)[1] <= room:
            return [follower]
        parts = follower.split(width, room)
        if not parts or parts[0].wrap(width, room)[1] > room:
            return None
        return list(parts)

    def draw(self) -> None:  # never drawn whole: the frame always splits it
        raise AssertionError("KeepWithStart is split by its frame, never drawn")


def keep_with_next(flowables: Sequence[Flowable]) -> list[Flowable]:
    """``flowables`` with each run marked ``keepWithNext`` grouped with the flowable after it in a
    :class:`KeepWithStart`; a run at the very end stays as it is."""
    result: list[Flowable] = []
    run: list[Flowable] = []
    for flowable in flowables:
        if getattr(flowable, "keepWithNext", False):
            run.append(flowable)
            continue
        result.append(KeepWithStart(run, flowable) if run else flowable)
        run = []
    return result + run
