"""The figure index: every panel of the paper's figures mapped to the book's figures.

Builds MyST Markdown (rendered by myst-nb from a cell's ``text/markdown`` output) from the
published panel list ``data/figure_index/panels.csv``.
"""

from __future__ import annotations

import re

import pandas as pd

STATUS_ORDER: tuple[str, ...] = (
    "rows recomputed",
    "redrawn from published numbers",
    "partly redrawn from published numbers",
    "reconstruction",
    "not public",
    "not reproducible",
)


def figure_group(panel: str) -> str:
    """'Fig. 3d' -> 'Fig. 3'; 'Ext. Data Fig. 7' -> 'Extended Data'; tables likewise."""
    if panel.startswith("Ext. Data"):
        return "Extended Data figures and tables"
    match = re.match(r"Fig\. (\d+)", panel)
    if not match:
        raise ValueError(f"unrecognised panel name {panel!r}")
    return f"Fig. {match.group(1)}"


def _cell(text: object) -> str:
    return "" if pd.isna(text) else str(text).replace("|", "/")  # type: ignore[arg-type]


def index_markdown(panels: pd.DataFrame, page_dir_depth: int = 1) -> str:
    """Markdown tables, one per figure, with a link to the book's figure for each panel, and a
    gallery of thumbnails (cross-page glue) of the book figures referenced.

    ``page_dir_depth`` is how many folders deep the page rendering it sits (``book/x`` -> 1).
    """
    unknown = sorted(set(panels["book_status"]) - set(STATUS_ORDER))
    if unknown:
        raise ValueError(f"unknown book_status values {unknown}")
    up = "../" * page_dir_depth
    parts: list[str] = []
    for group, rows in panels.groupby(panels["panel"].map(figure_group), sort=False):
        parts += [f"## {group}", "", "| panel | content | status | in this book | note |",
                  "|---|---|---|---|---|"]
        for r in rows.itertuples(index=False):
            if _cell(r.book_figure):
                where = f"{{numref}}`{r.book_figure}`"
            elif _cell(r.book_page):
                where = f"{{doc}}`{up}{r.book_page}`"
            else:
                where = "—"
            parts.append(
                f"| {r.panel} | {_cell(r.content)} | {r.book_status} | {where} | {_cell(r.reason)} |"
            )
        parts.append("")
    figures = panels.dropna(subset=["book_glue_key"]).drop_duplicates("book_glue_key")
    if len(figures):
        parts += ["## Gallery of the book's figures", ""]
        for r in figures.itertuples(index=False):
            parts += [
                ":::{container} nb-thumb",
                f"{{numref}}`{r.book_figure}` ({r.panel})",
                "",
                f"```{{glue}} {r.book_glue_key}",
                f":doc: {up}{r.book_page}.md",
                "```",
                ":::",
                "",
            ]
    return "\n".join(parts)


def status_summary(panels: pd.DataFrame) -> pd.DataFrame:
    """Number of panels per book status."""
    counts = panels["book_status"].value_counts()
    return pd.DataFrame(
        {"status": list(STATUS_ORDER), "panels": [int(counts.get(s, 0)) for s in STATUS_ORDER]}
    )
