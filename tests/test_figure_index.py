"""The figure index lists every panel of the paper and points at figures that exist."""

from __future__ import annotations

import re

import pytest

from nickelate_utils.data import load_table
from nickelate_utils.figure_index import figure_group, index_markdown, status_summary
from nickelate_utils.paths import REPO_ROOT

EXPECTED = (
    [f"Fig. 1{c}" for c in "abcdefghijkl"]
    + [f"Fig. 2{c}" for c in "abcdef"]
    + [f"Fig. 3{c}" for c in "abcde"]
    + [f"Fig. 4{c}" for c in "abcdefgh"]
    + [f"Fig. 5{c}" for c in "ab"]
    + [f"Ext. Data Fig. {n}" for n in range(1, 11)]
    + ["Ext. Data Table 1", "Ext. Data Table 2"]
)


def test_every_panel_of_the_paper_is_listed_once() -> None:
    panels = load_table("figure_index", "panels")
    assert sorted(panels["panel"]) == sorted(EXPECTED)


def test_images_are_listed_as_not_reproducible() -> None:
    panels = load_table("figure_index", "panels")
    images = panels[panels["kind"].isin(["image", "schematic"])]
    assert set(images["book_status"]) <= {"not reproducible", "not public", "partly redrawn from published numbers"}
    assert len(images) >= 12


def test_referenced_figures_exist_in_the_notebooks() -> None:
    names = set()
    for md in (REPO_ROOT / "notebooks").glob("*.md"):
        names |= set(re.findall(r"^:name: (\S+)$", md.read_text(), flags=re.M))
    panels = load_table("figure_index", "panels")
    for row in panels.dropna(subset=["book_figure"]).itertuples():
        assert row.book_figure in names, f"{row.panel}: no figure named {row.book_figure}"
        assert row.book_glue_key == row.book_figure.replace("-", "_")
        assert (REPO_ROOT / f"{row.book_page}.md").exists(), row.book_page


def test_markdown_has_a_table_per_figure_and_a_gallery() -> None:
    md = index_markdown(load_table("figure_index", "panels"))
    for heading in ("## Fig. 1", "## Fig. 5", "## Extended Data figures and tables", "## Gallery"):
        assert heading in md
    assert "{numref}`fig-growth-xmax`" in md


def test_status_summary_counts_every_panel() -> None:
    panels = load_table("figure_index", "panels")
    assert status_summary(panels)["panels"].sum() == len(panels)


def test_group_names_and_bad_names() -> None:
    assert figure_group("Fig. 3d") == "Fig. 3"
    assert figure_group("Ext. Data Fig. 7") == "Extended Data figures and tables"
    with pytest.raises(ValueError, match="unrecognised panel"):
        figure_group("Supplementary Fig. 2")
