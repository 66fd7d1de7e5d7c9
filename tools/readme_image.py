#!/usr/bin/env python3
"""Make docs/page1.png, the picture of page 1 shown in the README.

Usage: python tools/readme_image.py [--leaflet baclofen] [--lang en] [--width 600]

It renders the leaflet through the normal pipeline (no file in out/ is
touched) and rasterises page 1 with pypdfium2, so it needs no system tools.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pypdfium2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from medleaflet.content.templates import DEFAULT_TEMPLATE  # noqa: E402
from medleaflet.pipeline import BuildOptions, render_leaflet  # noqa: E402
from medleaflet.project import Project  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leaflet", default="baclofen")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--width", type=int, default=600, help="image width in pixels")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "page1.png")
    args = parser.parse_args()

    pdf = render_leaflet(Project(ROOT), args.leaflet, args.lang, BuildOptions(DEFAULT_TEMPLATE))
    document = pypdfium2.PdfDocument(pdf.data)
    page = document[0]
    image = page.render(scale=args.width / page.get_width()).to_pil()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    image.save(args.out, optimize=True)
    print(f"wrote {args.out} ({image.width}x{image.height})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
