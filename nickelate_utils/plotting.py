"""Shared figure style and the visible label of reconstructed curves.

Plotting helpers only: physics functions never plot. Use the style as a context manager
(``with plt.style.context(STYLE): ...``) so that no global matplotlib state changes.
"""

from __future__ import annotations

from matplotlib.axes import Axes

STYLE: dict[str, object] = {
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "figure.figsize": (7.0, 4.0),
    "font.size": 10,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.frameon": False,
    "svg.hashsalt": "nickelate-book",
}
"""Figure style for every chapter (small PNGs, same look)."""

RECONSTRUCTION_LABEL = "RECONSTRUCTION: model curve from published parameters, not measured data"

NOT_PUBLIC_LABEL = "not public"


def label_reconstruction(ax: Axes, text: str = RECONSTRUCTION_LABEL) -> None:
    """Write the reconstruction warning across the top of ``ax`` (visible in every export)."""
    ax.text(
        0.5,
        0.98,
        text,
        transform=ax.transAxes,
        ha="center",
        va="top",
        fontsize=8,
        fontweight="bold",
        color="#b22222",
        bbox={"boxstyle": "round,pad=0.25", "fc": "#fff4f4", "ec": "#b22222", "lw": 0.8},
        zorder=10,
    )
