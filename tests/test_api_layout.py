"""The physics layer of nickelate_utils: reusable apart from the book's bookkeeping.

Each physics module names its public API in ``__all__``, shows one ``>>>`` example per public
function (run as a doctest by the test command, see pyproject.toml), and imports neither the
register nor the book's data, paths or plotting. Every module has a page in the code reference.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest

from nickelate_utils.paths import REPO_ROOT

PHYSICS = ("crystal", "crystallography_lattice", "crystallography_eos", "crystallography_powder",
           "demagnetization", "transport_normal", "transport_criteria", "transport_model")
BOOKKEEPING = {"claims", "register", "findings", "data", "paths", "plotting", "provenance", "display"}


@pytest.mark.parametrize("name", PHYSICS)
def test_physics_module_is_independent_of_the_book(name: str) -> None:
    tree = ast.parse((REPO_ROOT / "nickelate_utils" / f"{name}.py").read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("nickelate_utils"):
            imported.add(node.module.removeprefix("nickelate_utils").lstrip("."))
            imported |= {a.name for a in node.names} if node.module == "nickelate_utils" else set()
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names if a.name.startswith("nickelate_utils")]
            imported |= {n.removeprefix("nickelate_utils.") for n in names}
    assert not imported & BOOKKEEPING, f"nickelate_utils.{name} imports {sorted(imported & BOOKKEEPING)}"


@pytest.mark.parametrize("name", PHYSICS)
def test_physics_module_declares_its_api_with_examples(name: str) -> None:
    module = importlib.import_module(f"nickelate_utils.{name}")
    public = getattr(module, "__all__", None)
    assert public, f"nickelate_utils.{name} has no __all__"
    for item in public:
        obj = getattr(module, item)  # every name in __all__ exists
        if inspect.isfunction(obj) and obj.__module__ == module.__name__:
            assert ">>>" in (obj.__doc__ or ""), f"{name}.{item} shows no >>> example"


def test_every_module_has_a_code_reference_page() -> None:
    modules = sorted(p.stem for p in (REPO_ROOT / "nickelate_utils").glob("*.py") if p.stem != "__init__")
    pages = sorted(p.stem for p in (REPO_ROOT / "book" / "api").glob("*.md") if p.stem != "index")
    assert modules == pages
    toc = (REPO_ROOT / "_toc.yml").read_text(encoding="utf-8")
    for name in modules:
        assert f"book/api/{name}" in toc, name
        assert f"automodule:: nickelate_utils.{name}" in Path(REPO_ROOT / "book" / "api" / f"{name}.md").read_text()
