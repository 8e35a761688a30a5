"""What a chapter read and with which software: the provenance box at the end of each chapter."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from importlib.metadata import PackageNotFoundError, version

import pandas as pd

from nickelate_utils.data import TableInfo

KEY_PACKAGES: tuple[str, ...] = (
    "numpy",
    "scipy",
    "pandas",
    "matplotlib",
    "lmfit",
    "uncertainties",
    "pymatgen-core",
    "frictionless",
    "jupyter-book",
    "myst-nb",
)


def package_versions(names: Iterable[str] = KEY_PACKAGES) -> dict[str, str]:
    """Installed version of each distribution (``'not installed'`` if absent)."""
    out: dict[str, str] = {}
    for name in names:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "not installed"
    return out


def tables_read(frames: Sequence[pd.DataFrame]) -> list[TableInfo]:
    """The :class:`TableInfo` of each loaded frame, deduplicated, in order."""
    seen: dict[str, TableInfo] = {}
    for frame in frames:
        info = frame.attrs.get("provenance")
        if not isinstance(info, TableInfo):
            raise ValueError("frame was not produced by nickelate_utils.data.load_table")
        seen.setdefault(info.path, info)
    return list(seen.values())


def provenance_markdown(
    frames: Sequence[pd.DataFrame],
    functions: Sequence[Callable[..., object]],
    extra_files: Sequence[str] = (),
) -> str:
    """MyST Markdown for a collapsible provenance admonition.

    Lists each data file with its class and sha256 (first 16 hex digits), the
    ``nickelate_utils`` functions used, and the versions of the key packages.
    """
    lines = [
        "```{admonition} Provenance of this chapter",
        ":class: dropdown note",
        "",
        "**Data files read** (class; sha256, first 16 hex digits):",
        "",
    ]
    for info in tables_read(frames):
        lines.append(f"- `{info.path}`: {info.title} ({info.data_class}; `{info.sha256[:16]}`)")
    for extra in extra_files:
        lines.append(f"- {extra}")
    lines += ["", "**Functions of `nickelate_utils` used:**", ""]
    for func in functions:
        lines.append(f"- `{func.__module__}.{func.__qualname__}`")
    lines += ["", "**Software:** " + ", ".join(f"{k} {v}" for k, v in package_versions().items())]
    lines += ["```"]
    return "\n".join(lines)
