"""Benchmarks of medleaflet against a peer renderer (WeasyPrint); run ``python3 bench/run.py``."""
