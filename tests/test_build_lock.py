"""Dependencies declared, then locked: pyproject.toml lists the direct dependencies (the book set
and the `test` extra), requirements.txt / requirements-test.txt pin them (compiled by
tools/lock.sh with uv), and every third-party module the book's code imports is declared."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from nickelate_utils.paths import REPO_ROOT


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _name(requirement: str) -> str:
    return _norm(re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0])


def _pins(path: str) -> dict[str, str]:
    pins = {}
    for line in (REPO_ROOT / path).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = line.split("==")
            pins[_norm(name)] = version.strip()
    return pins


PROJECT = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
BOOK = {_name(r) for r in PROJECT["dependencies"]}
TEST = {_name(r) for r in PROJECT["optional-dependencies"]["test"]}


def test_every_direct_dependency_is_pinned_and_the_sets_agree() -> None:
    book, test = _pins("requirements.txt"), _pins("requirements-test.txt")
    assert BOOK <= set(book), BOOK - set(book)
    assert BOOK | TEST <= set(test), (BOOK | TEST) - set(test)
    runners = {"pytest", "pytest-xdist", "nbval", "playwright", "pytest-playwright", "ruff"}
    assert runners <= TEST and not runners & set(book), "the book set must not pull in test tools"
    assert {k: test[k] for k in book} == book  # the test set only adds to the book set
    assert {"xraydb", "pymatgen-core", "frictionless", "jupyter-book"} <= BOOK


def _imports(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _code_cells(md: str) -> str:
    cells = re.findall(r"```\{code-cell\}[^\n]*\n(.*?)```", md, re.S)
    return "\n".join("\n".join(line for line in c.splitlines() if not line.startswith(("%", "!", ":"))) for c in cells)


def test_every_imported_module_is_declared() -> None:
    """Book code (package, notebooks, pages, tools) needs only the book set; tests may use the test set."""
    dists = packages_distributions()
    local = {"nickelate_utils", "tests", "tools", "nickelate_book"}
    for folder, allowed, kind in (
        (("nickelate_utils", "book/_ext", "tools"), BOOK, "book"),
        (("tests",), BOOK | TEST, "test"),
    ):
        for top in folder:
            for path in sorted((REPO_ROOT / top).rglob("*.py")):
                if "__pycache__" in path.parts:
                    continue
                # `make pdf` installs the test set (playwright, pypdf) for tools/make_pdf.py
                ok = BOOK | TEST if path.name == "make_pdf.py" else allowed
                for module in _imports(path.read_text()) - local - set(sys.stdlib_module_names):
                    provided = {_norm(d) for d in dists.get(module, [])}
                    assert provided & ok, (
                        f"{path.relative_to(REPO_ROOT)} imports {module} ({provided or 'not installed'}), "
                        f"which is not declared in pyproject.toml ({kind} set)"
                    )
    for page in sorted((REPO_ROOT / "notebooks").glob("*.md")) + sorted((REPO_ROOT / "book").glob("*.md")):
        for module in _imports(_code_cells(page.read_text())) - local - set(sys.stdlib_module_names):
            provided = {_norm(d) for d in dists.get(module, [])}
            assert provided & BOOK, f"{page.relative_to(REPO_ROOT)} imports {module}: not in the book set"
