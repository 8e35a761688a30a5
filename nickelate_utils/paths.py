"""Where the project's files are, resolved from this file and never from the working directory.

Notebooks run with different working directories (the book build, nbval, a reader's Jupyter),
so every path is computed from the package location. Functions that read data take an explicit
``data_dir`` argument; ``None`` means the repository's own ``data/`` folder.
"""

from __future__ import annotations

from pathlib import Path

REPO_ROOT: Path = Path(__file__).resolve().parents[1]
"""Repository root (the folder holding ``_config.yml``)."""

DATA_DIR: Path = REPO_ROOT / "data"
"""Default folder of the data packages (one sub-folder per package)."""


def data_dir(override: str | Path | None = None) -> Path:
    """Return ``override`` as a Path, or the repository's ``data/`` folder when it is None."""
    return Path(override) if override is not None else DATA_DIR


def source_dir(override: str | Path | None = None) -> Path:
    """Folder reserved for the authors' source data (Zenodo 10.5281/zenodo.17310348).

    It lives at ``<data_dir>/source``; its expected layout is documented in the README. The
    notebooks use files found there instead of reconstructions.
    """
    return data_dir(override) / "source"


def toc_pages(toc_file: str | Path | None = None) -> list[str]:
    """Document names (without suffix) of every page of the book's table of contents
    (``_toc.yml``), in book order, read with the parser Jupyter Book itself uses
    (``sphinx_external_toc``)."""
    from sphinx_external_toc.parsing import parse_toc_yaml

    site_map = parse_toc_yaml(str(toc_file if toc_file is not None else REPO_ROOT / "_toc.yml"))

    def walk(doc: str) -> list[str]:
        out = [doc]
        for subtree in site_map[doc].subtrees:
            for item in subtree.items:
                name = getattr(item, "docname", item)
                if isinstance(name, str) and name in site_map:
                    out += walk(name)
        return out

    return walk(site_map.root.docname)
