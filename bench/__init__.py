"""Benchmarks: `make bench` runs every module listed in bench.__main__.BENCHMARKS.

Figures are printed and written to bench-results/<name>.json. Nothing here fails on a slow machine:
targets are compared and reported, and the engineer reads them (docs/operations/benchmarks.md).
"""
