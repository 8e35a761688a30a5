"""Refresh the stored outputs of the paired .ipynb notebooks from their MyST .md sources.

Run after a deliberate change (`make outputs`, or `make outputs NB=notebooks/ch01_growth.md`):
each notebooks/*.md is read with jupytext, executed with nbclient in the current environment,
and written to the paired .ipynb, so nbval compares later runs against intended results.
Execution counts and timing metadata are normalised so that re-running changes nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def refresh(md: Path) -> Path:
    nb = jupytext.read(md)
    nb.metadata.setdefault("kernelspec", {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                          "language": "python"})
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(md.parent)}})
    client.execute()
    for i, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
        cell.execution_count = i + 1
        cell.metadata.pop("execution", None)
        for out in cell.get("outputs", []):
            if "execution_count" in out:
                out["execution_count"] = i + 1
    nb.metadata.pop("widgets", None)
    target = md.with_suffix(".ipynb")
    nbformat.write(nb, target)
    return target


def main(argv: list[str]) -> int:
    sources = [Path(a).resolve() for a in argv] or sorted((ROOT / "notebooks").glob("*.md"))
    for md in sources:
        print(f"refreshed {refresh(md).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
