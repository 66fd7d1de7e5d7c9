"""Stage 5, render: a :class:`~medleaflet.layout.document.LaidOutLeaflet` -> PDF bytes.

:mod:`~medleaflet.render.pdf` lays the story out on pages (holding them back for "page X of Y"),
:mod:`~medleaflet.render.balance` lays it out again to avoid a nearly empty last page,
:mod:`~medleaflet.render.bookmarks` adds the outline, :mod:`~medleaflet.render.metadata`
the document information and its reproducible date.
"""
