"""The physics layer of nickelate_utils: reusable apart from the book's bookkeeping.

Each physics module names its public API in ``__all__``, shows one ``>>>`` example per public
function (run as a doctest by the test command, see pyproject.toml), and imports neither the
register nor the book's data, paths or plotting. Every module has a page in the code reference.
"""

from __future__ import annotations

import ast
import importlib
import inspect

import pytest

from nickelate_utils.paths import REPO_ROOT

PACKAGE = REPO_ROOT / "nickelate_utils"
PHYSICS = tuple(sorted(p.stem for p in (PACKAGE / "physics").glob("*.py") if p.stem != "__init__"))
BOOKKEEPING = {"claims", "register", "findings", "data", "paths", "plotting", "provenance", "display",
               "figure_index", "catalog", "crate", "chapters"}
MAX_LINES = 500


def _modules() -> list[str]:
    """Every module of the package as a dotted path below ``nickelate_utils`` (``physics.lattice``)."""
    return sorted(".".join(p.relative_to(PACKAGE).with_suffix("").parts)
                  for p in PACKAGE.rglob("*.py") if p.stem != "__init__")


def test_the_physics_layer_is_what_the_readme_says() -> None:
    assert len(PHYSICS) >= 10
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    contributing = (REPO_ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for name in PHYSICS:
        assert f"`{name}`" in readme, f"README's layout section does not name physics.{name}"
    assert "nickelate_utils/physics" in contributing and "nickelate_utils/chapters" in contributing


@pytest.mark.parametrize("name", _modules())
def test_no_module_is_over_the_size_limit(name: str) -> None:
    lines = (PACKAGE / (name.replace(".", "/") + ".py")).read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"nickelate_utils.{name} has {lines} lines (limit {MAX_LINES}): split it by subject"


@pytest.mark.parametrize("name", PHYSICS)
def test_physics_module_is_independent_of_the_book(name: str) -> None:
    tree = ast.parse((PACKAGE / "physics" / f"{name}.py").read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("nickelate_utils"):
            module = node.module.removeprefix("nickelate_utils").lstrip(".")
            imported.add(module.split(".")[0])
            imported |= {a.name for a in node.names} if node.module == "nickelate_utils" else set()
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names if a.name.startswith("nickelate_utils")]
            imported |= {n.removeprefix("nickelate_utils.").split(".")[0] for n in names}
    assert not imported & BOOKKEEPING, f"nickelate_utils.physics.{name} imports {sorted(imported & BOOKKEEPING)}"


@pytest.mark.parametrize("name", PHYSICS)
def test_physics_module_declares_its_api_with_examples(name: str) -> None:
    module = importlib.import_module(f"nickelate_utils.physics.{name}")
    public = getattr(module, "__all__", None)
    assert public, f"nickelate_utils.physics.{name} has no __all__"
    for item in public:
        obj = getattr(module, item)  # every name in __all__ exists
        if inspect.isfunction(obj) and obj.__module__ == module.__name__:
            assert ">>>" in (obj.__doc__ or ""), f"{name}.{item} shows no >>> example"


def test_every_module_has_a_code_reference_page() -> None:
    modules = _modules()
    api = REPO_ROOT / "book" / "api"
    pages = sorted(".".join(p.relative_to(api).with_suffix("").parts) for p in api.rglob("*.md") if p.stem != "index")
    assert modules == pages
    toc = (REPO_ROOT / "_toc.yml").read_text(encoding="utf-8")
    index = (api / "index.md").read_text(encoding="utf-8")
    for name in modules:
        path = name.replace(".", "/")
        assert f"book/api/{path}" in toc, name
        assert f"({path}.md)" in index, name
        assert f"automodule:: nickelate_utils.{name}" in (api / f"{path}.md").read_text(encoding="utf-8")


def test_the_code_reference_example_runs() -> None:
    """The 'Use with your own data' block of the code reference runs as printed."""
    import contextlib
    import io
    import re

    page = (REPO_ROOT / "book" / "api" / "index.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", page, flags=re.S)
    assert blocks, "the code reference shows no example"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for block in blocks:
            exec(compile(block, "book/api/index.md", "exec"), {})  # noqa: S102 - our own page
    assert len(out.getvalue().splitlines()) == 3
