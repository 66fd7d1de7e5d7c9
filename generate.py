#!/usr/bin/env python3
"""Command-line entry point: ``python generate.py --help``.

All the work happens in the ``medleaflet`` package; this file only hands the
arguments to :func:`medleaflet.cli.main` (the ``medleaflet`` console script
does the same).
"""

import sys

from medleaflet.cli import main

if __name__ == "__main__":
    sys.exit(main())
