"""nickelate_utils: the small, typed, pure package behind the executable companion to
Li, F. et al., "Bulk superconductivity up to 96 K in pressurized nickelate single crystals",
Nature (2025), doi:10.1038/s41586-025-09954-4.

Modules
-------
paths        where the repository's files are (from ``__file__``, never the CWD)
data         validated loading of the Frictionless data packages under ``data/``
claims       the claims register (statuses, assessment, tables)
register     the list of chapter modules that contribute claims
crystal      unit-cell arithmetic with uncertainties (volume, density, distortion)
growth       chapter 1: flux-growth compositions and Extended Data Table 1
plotting     shared figure style and the visible "reconstruction" label
provenance   what a chapter read and with which software
"""

__version__ = "0.1.0"

PAPER_DOI = "10.1038/s41586-025-09954-4"
"""DOI of the reproduced paper (the source of every *published* value)."""
