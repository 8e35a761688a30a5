"""What a chapter read and with which software: the provenance box at the end of each chapter."""

from __future__ import annotations

import html
import re
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


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]|~$])")


def escape_markdown(text: object) -> str:
    """``text`` made inert for MyST Markdown: HTML special characters become entities
    (``<img ...>`` is shown, not inserted), the Markdown/MyST characters that open markup
    (backslash, backtick, ``* _ [ ] { } | ~ $``) are backslash-escaped (no link, role, emphasis,
    table or math), and line breaks become spaces (no new block, no fence end).
    Used for every value interpolated into generated Markdown."""
    flat = " ".join(str(text).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))


def code_span(text: object) -> str:
    """``text`` as an inline code span that cannot be closed early (backticks and line breaks
    removed; a code span shows ``<`` literally and never renders markup)."""
    flat = " ".join(str(text).split()).replace("`", "'")
    return f"`{flat}`"


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
    ``nickelate_utils`` functions used, and the versions of the key packages. Every interpolated
    value is escaped (:func:`escape_markdown`, :func:`code_span`): a title or note from a data
    file cannot become markup. ``extra_files`` are plain text (escaped too).
    """
    lines = [
        "```{admonition} Provenance of this chapter",
        ":class: dropdown note",
        "",
        "**Data files read** (class; sha256, first 16 hex digits):",
        "",
    ]
    for info in tables_read(frames):
        lines.append(
            f"- {code_span(info.path)}: {escape_markdown(info.title)} "
            f"({escape_markdown(info.data_class)}; {code_span(info.sha256[:16])})"
        )
    for extra in extra_files:
        lines.append(f"- {escape_markdown(extra)}")
    lines += ["", "**Functions of `nickelate_utils` used:**", ""]
    for func in functions:
        lines.append(f"- {code_span(f'{func.__module__}.{func.__qualname__}')}")
    software = ", ".join(f"{escape_markdown(k)} {escape_markdown(v)}" for k, v in package_versions().items())
    lines += ["", "**Software:** " + software]
    lines += ["```"]
    return "\n".join(lines)
