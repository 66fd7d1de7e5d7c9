"""Stage 5, render: a laid-out leaflet -> PDF bytes (pages, bookmarks, metadata)."""
