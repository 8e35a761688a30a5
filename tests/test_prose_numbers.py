"""No number is typed into the prose of a page: every value is glued from code that reads data/
(`{glue:text}`), so it can be traced to its source.

What the check ignores: glue roles, code (cells and inline `code`), chemical subscripts and
superscripts, citations and cross-references, figure/table/equation/reference/crystal/panel/row
numbers, claim ids, DOIs, arXiv ids, years, headings, and single digits. Display or inline math
may hold formula constants written as such ($\\chi = -1$, $3\\pi/4$), but no decimal number and no
number of two digits or more: those are data and are glued.
"""

from __future__ import annotations

import re
from pathlib import Path

import jupytext
import pytest

from nickelate_utils.paths import REPO_ROOT

BIBLIOGRAPHIC = {"how-to-cite.md"}
"""Pages of citations only: titles ('... up to 96 K ...') and version numbers are not data."""

PAGES = sorted((REPO_ROOT / "notebooks").glob("*.md")) + sorted(
    p for p in (REPO_ROOT / "book").glob("*.md") if p.name not in BIBLIOGRAPHIC)

_STRIP = [
    (r"```.*?```", re.S),                       # fenced blocks (code cells, directives)
    (r"\{glue:[a-z]+\}`[^`]*`", 0),             # glued values
    (r"\{(sub|sup|cite:[tp]|cite|numref|ref|eq|doc|download)\}`[^`]*`", 0),
    (r"`[^`]*`", 0),                             # inline code: identifiers, file names
    (r"\]\([^)]*\)", 0),                         # link targets
    (r"<[^>]+>", 0),                             # inline HTML tags and their attributes
    (r"\b10\.\d{4,}/\S+", 0),                    # DOIs
    (r"arXiv:\s*\d+\.\d+", re.I),
    (r"\bCCDC\b[^.;)]*", 0),                      # deposition numbers
    (r"(Extended Data |Ext\. Data |Supplementary )?(Figs?|Tables?|Eqs?|Equations?|[Rr]efs?|Crystals?|[Pp]anels?|"
     r"[Cc]hapters?|[Ss]ections?|[Rr]ows?|[Pp]aragraphs?|[Pp]arts?)\.?\s*#?\d+[a-z]?"
     r"(\s*(,|and|-|–|to)\s*#?\d+[a-z]?)*", 0),
    (r"#\d+", 0),                                # crystal labels
    (r"\b[A-Z]{1,2}\d{1,3}[a-z]?\b", 0),         # claim ids, element-number labels
    (r"\b(19|20)\d\d\b", 0),                     # years
    (r"^#+ .*$", re.M),                          # headings
]
_MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$", re.S)
_NUMBER = re.compile(r"(?<![\w.])[-−]?\d+(?:\.\d+)?")


def typed_numbers(markdown: str) -> list[str]:
    """Numbers typed into a page's prose (see the module docstring)."""
    text = markdown
    for pattern, flags in _STRIP:
        text = re.sub(pattern, " ", text, flags=flags)
    found: list[str] = []
    for math in _MATH.findall(text):
        found += [n for n in _NUMBER.findall(math) if "." in n or len(n.lstrip("-−")) > 1]
    text = _MATH.sub(" ", text)
    found += [n for n in _NUMBER.findall(text) if "." in n or len(n.lstrip("-−")) > 1]
    return found


def test_the_check_finds_typed_numbers() -> None:
    assert typed_numbers("Tc reaches 92 K at 21.6 GPa.") == ["92", "21.6"]
    assert typed_numbers("Tc reaches {glue:text}`tc:.0f` K in Fig. 3c (crystal #6, claim R12).") == []
    assert typed_numbers("with $N = 0.849$ and $\\chi = -1$") == ["0.849"]
    assert typed_numbers("La{sub}`2`SmNi{sub}`2`O{sub}`7`, Extended Data Table 1, 2025") == []


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_no_number_is_typed_into_the_prose(page: Path) -> None:
    nb = jupytext.read(page)
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert typed_numbers(prose) == [], f"{page.relative_to(REPO_ROOT)}: glue these from data"
