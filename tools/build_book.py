"""Build the book: validate the data, execute the notebooks that need it, then run Sphinx.

Run by `make book`. Three stages, each stopping the build with a message that names the cause:

1. **Data** (about a second): every data package (schema and frictionless' sha256 check) and
   every file under ``data/source/`` (its Table Schema in ``nickelate_utils/schemas``) is
   validated by :func:`nickelate_utils.data.validate_all` before anything else starts. A
   failure prints the file, line, column and remedy (``make checksums`` after a deliberate edit)
   and exits 2; no kernel is started.
2. **Execution** (tools/build_book.py itself, not Sphinx): every notebook page of ``_toc.yml``
   whose code is not in the execution cache (``_build/.jupyter_cache``, jupyter-cache, keyed by
   the notebook's code cells) is executed, ``BOOK_JOBS`` (default 4) at a time, with the
   settings of ``_config.yml``. The cache is emptied whenever anything the notebooks read
   changes (data/, nickelate_utils/, book/_ext/, requirements, _config.yml, _toc.yml: the
   ``inputs digest``), so a notebook re-executes when its own code or any shared input changed,
   and only then. A failing cell prints the notebook, the cell's source and the error, and
   exits 3 before Sphinx starts. Per-notebook execution times go to
   ``_build/.execution-times.json`` (read by ``make bench``).
3. **Sphinx** (Jupyter Book 1.x, ``execute_notebooks: cache``): pages take their outputs from
   the cache; with ``-W -n --keep-going`` any warning fails the build. Sphinx re-reads only
   changed pages, or all of them (``--all``) when the inputs digest changed. The ``jupyter-book``
   command line has no ``-j`` option, so ``jupyter_book.sphinx.build_sphinx`` is called with
   ``jobs=SPHINX_JOBS`` (default 2).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
ANSI = re.compile(r"\x1b\[[0-9;]*m")
INPUTS = (
    "data", "nickelate_utils", "book/_ext", "requirements.txt", "requirements-test.txt", "pyproject.toml",
    "_config.yml", "_toc.yml",
)
BUILD = ROOT / "_build"
DIGEST_FILE = BUILD / ".inputs-sha256"  # inputs of the last successful Sphinx build
CACHE_STAMP = BUILD / ".cache-inputs-sha256"  # inputs the execution cache was filled with
CACHE_DIR = BUILD / ".jupyter_cache"
TIMES_FILE = BUILD / ".execution-times.json"
VALIDATED_FILE = BUILD / ".validated.json"  # (path, sha256, schema) keys validated by stage 1
REGISTER_FILE = BUILD / ".register.pickle"  # the claims register, computed once per change of inputs


def inputs_digest() -> str:
    """sha256 over the paths and bytes of every file the notebooks depend on, besides themselves."""
    digest = hashlib.sha256()
    for name in INPUTS:
        path = ROOT / name
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for f in files:
            if f.is_file() and "__pycache__" not in f.parts:
                digest.update(f.relative_to(ROOT).as_posix().encode())
                digest.update(f.read_bytes())
    return digest.hexdigest()


# --------------------------------------------------------------------------- stage 1: data


def validate_data() -> bool:
    """Validate every data package and source file of this checkout; print the cause and return
    False on the first failure."""
    sys.path.insert(0, str(ROOT))  # the package of this checkout (a test copy has its own)
    from nickelate_utils.data import VALIDATED_ENV, DataError, validate_all, write_validated

    start = time.perf_counter()
    try:
        validated = validate_all(ROOT / "data")
    except DataError as exc:
        print(f"\n===== data validation failed: the book was not built =====\nDataError: {exc}", file=sys.stderr)
        if "checksum mismatch" not in str(exc):
            print(
                "Fix the file at the line and column named above (its schema is in the package's "
                "datapackage.json, or nickelate_utils/schemas/source_data.json for data/source/); after a "
                "deliberate edit of a data package, run `make checksums`.",
                file=sys.stderr,
            )
        return False
    BUILD.mkdir(exist_ok=True)
    write_validated(VALIDATED_FILE)  # the kernels of this build read these tables without validating again
    os.environ[VALIDATED_ENV] = str(VALIDATED_FILE)
    print(f"data valid: {len(validated)} tables in {time.perf_counter() - start:.1f} s")
    return True


# --------------------------------------------------------------------------- stage 2: execution


def _config() -> dict[str, Any]:
    import yaml

    return yaml.safe_load((ROOT / "_config.yml").read_text())


def notebook_pages() -> list[Path]:
    """The .md pages of _toc.yml that are MyST notebooks (they have a kernelspec), in toc order."""
    from myst_nb.core.read import is_myst_markdown_notebook

    from nickelate_utils.paths import toc_pages

    files = toc_pages(ROOT / "_toc.yml")
    pages = []
    for name in files:
        path = ROOT / f"{name}.md"
        if path.is_file() and is_myst_markdown_notebook(path.read_text(encoding="utf-8")):
            pages.append(path)
    return pages


def read_notebook(path: Path) -> Any:
    """Read a MyST notebook exactly as myst-nb does inside Sphinx (same cells and metadata, so the
    jupyter-cache key is the one Sphinx will look up)."""
    from myst_nb.core.read import read_myst_markdown_notebook
    from myst_parser.config.main import MdParserConfig

    extensions = _config().get("parse", {}).get("myst_enable_extensions", [])
    config = MdParserConfig(enable_extensions=set(extensions))
    return read_myst_markdown_notebook(
        path.read_text(encoding="utf-8"), config=config, add_source_map=True, path=str(path)
    )


def _execute(path_str: str, timeout: int) -> tuple[str, dict[str, Any] | None, float, str | None]:
    """Worker: execute one notebook in its own folder; return (path, notebook or None, seconds,
    error report or None).

    The kernel talks over Unix sockets in a private temporary folder (``transport="ipc"``): with
    TCP, kernels started at the same moment by parallel workers can pick the same free port and
    die with "Address already in use"."""
    import tempfile

    import nbformat
    from jupyter_cache.executors.utils import single_nb_execution
    from jupyter_client.manager import KernelManager

    path = Path(path_str)
    nb = read_notebook(path)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="nb-kernel-") as sockets:
        kernel = nb.metadata.get("kernelspec", {}).get("name", "python3")
        km = KernelManager(kernel_name=kernel, transport="ipc", ip=str(Path(sockets) / "kernel"))
        try:
            result = single_nb_execution(nb, cwd=str(path.parent), timeout=timeout, allow_errors=False, km=km)
        except Exception as exc:  # noqa: BLE001 - the kernel did not start or died: report, do not hang
            return path_str, None, time.perf_counter() - start, _cell_error_report(exc, "")
        finally:
            if km.has_kernel:  # nbclient leaves a kernel it did not create running
                km.shutdown_kernel(now=False)
    if result.err is not None:
        return path_str, None, result.time, _cell_error_report(result.err, result.exc_string or "")
    return path_str, nbformat.from_dict(nb), result.time, None


def _cell_error_report(err: BaseException, exc_string: str) -> str:
    text = ANSI.sub("", str(err))
    lines = [line for line in text.splitlines() if line.strip()]
    last = lines[-1] if lines else type(err).__name__
    return f"{type(err).__name__}:\n{text}\n\n>>> {last}"


def prepare_register() -> None:
    """Compute the claims register once (unless the stored one matches the inputs) and hand it to
    the kernels and to Sphinx (``claims.json``) through ``$NICKELATE_REGISTER_CACHE``: four pages
    show the whole register, and each would otherwise recompute it."""
    from nickelate_utils.register import REGISTER_CACHE_ENV, read_cache, write_cache

    os.environ[REGISTER_CACHE_ENV] = str(REGISTER_FILE)
    if read_cache(REGISTER_FILE) is None:
        start = time.perf_counter()
        write_cache(REGISTER_FILE)
        print(f"claims register computed in {time.perf_counter() - start:.1f} s", flush=True)


def execute_notebooks(jobs: int) -> bool:
    """Execute every notebook page missing from the cache; record times; stop on the first error."""
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    timeout = int(_config().get("execute", {}).get("timeout", 120))
    cache = get_cache(str(CACHE_DIR))
    times: dict[str, Any] = {}
    todo: list[Path] = []
    for path in notebook_pages():
        name = path.relative_to(ROOT).as_posix()
        try:
            cache.match_cache_notebook(read_notebook(path))
            times[name] = {"executed": False, "seconds": None}
        except KeyError:
            todo.append(path)
    start = time.perf_counter()
    failed = False
    if todo:
        print(f"executing {len(todo)} notebook(s), {min(jobs, len(todo))} at a time", flush=True)
        with ProcessPoolExecutor(max_workers=max(1, min(jobs, len(todo)))) as pool:
            futures: list[Future[Any]] = [pool.submit(_execute, str(p), timeout) for p in todo]
            pending = set(futures)
            while pending and not failed:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    path_str, nb, seconds, error = future.result()
                    name = Path(path_str).relative_to(ROOT).as_posix()
                    if error is not None:
                        failed = True
                        print(
                            f"\n===== why the build failed =====\nnotebook {name} raised an error in a cell "
                            f"(after {seconds:.1f} s); the book was not built.\n{error}",
                            file=sys.stderr,
                        )
                        continue
                    for old in cache.list_cache_records():  # one cached version per notebook
                        if old.uri == path_str:
                            cache.remove_cache(old.pk)
                    cache.cache_notebook_bundle(
                        CacheBundleIn(nb, path_str, data={"execution_seconds": seconds}),
                        check_validity=False, overwrite=True,
                    )
                    times[name] = {"executed": True, "seconds": round(seconds, 3)}
                    print(f"  {seconds:6.2f} s  {name}", flush=True)
            if failed:
                for future in pending:
                    future.cancel()
    if failed:
        return False
    TIMES_FILE.write_text(json.dumps({"wall_seconds": round(time.perf_counter() - start, 3), "notebooks": times},
                                     indent=2) + "\n")
    return True


# --------------------------------------------------------------------------- stage 3: Sphinx


def report_failure(exc: BaseException) -> None:
    """Print the whole cause chain of a failed Sphinx build."""
    seen: set[int] = set()
    current: BaseException | None = exc
    print("\n===== why the build failed =====", file=sys.stderr)
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        text = ANSI.sub("", str(current))
        print(f"{type(current).__name__}: {text}", file=sys.stderr)
        tb = getattr(current, "traceback", None)  # SphinxParallelError keeps the worker's traceback
        if tb:
            print(ANSI.sub("", str(tb)), file=sys.stderr)
        current = current.__cause__ or current.__context__


def run_sphinx(rebuild_all: bool, jobs: int) -> int:
    import jupyter_book.cli.main as jb_cli
    import jupyter_book.sphinx as jb_sphinx

    original = jb_sphinx.build_sphinx
    failures: list[BaseException] = []

    def build_sphinx(*args: object, **kwargs: object) -> object:
        result = original(*args, **{**kwargs, "jobs": jobs})
        if isinstance(result, BaseException):
            failures.append(result)  # jupyter-book only says "error in building your book"
        return result

    jb_sphinx.build_sphinx = build_sphinx
    args = ["build", str(ROOT), "-W", "-n", "--keep-going"]
    if rebuild_all:
        args.append("--all")
    try:
        jb_cli.main(args, standalone_mode=False)
        code = 0
    except SystemExit as exc:  # jupyter-book exits non-zero on a failed build
        code = int(exc.code or 0)
    except Exception as exc:  # noqa: BLE001 - reported below with the notebook logs
        print(f"book build raised {type(exc).__name__}: {exc}", file=sys.stderr)
        code = 1
    if code != 0:
        for failure in failures:
            report_failure(failure)
        for log in sorted((BUILD / "html" / "reports").glob("**/*.err.log")):
            print(f"\n===== {log.relative_to(ROOT)} =====\n{log.read_text()}", file=sys.stderr)
    return code


SPHINX_PAGES = {"index.html", "genindex.html", "py-modindex.html", "search.html"}
"""Pages Sphinx writes itself, with no source file (index.html is Jupyter Book's redirect)."""


def remove_orphan_pages(html: Path = BUILD / "html") -> list[str]:
    """Delete the HTML (and its ``_sources`` copy) of pages that are no longer in ``_toc.yml``.

    Sphinx never deletes the output of a removed or renamed page, so an incremental build would
    keep serving it (and its broken links); a clean build has none. Returns what was removed."""
    from nickelate_utils.paths import toc_pages

    keep = {f"{page}.html" for page in toc_pages()} | SPHINX_PAGES
    removed = []
    for page in sorted(html.rglob("*.html")):
        rel = page.relative_to(html).as_posix()
        if rel.split("/")[0] in {"_static", "_sources", "_images", "reports", "data"} or rel in keep:
            continue
        page.unlink()
        for source in (html / "_sources").glob(f"{rel.removesuffix('.html')}.*"):
            source.unlink()
        removed.append(rel)
    return removed


def main() -> int:
    os.chdir(ROOT)  # _config.yml's relative cache path
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # progress in order with stderr
    start = time.perf_counter()
    if not validate_data():
        return 2
    jobs = int(os.environ.get("BOOK_JOBS", "4"))
    sphinx_jobs = int(os.environ.get("SPHINX_JOBS", "2"))
    digest = inputs_digest()
    BUILD.mkdir(exist_ok=True)
    if not CACHE_STAMP.exists() or CACHE_STAMP.read_text() != digest:
        shutil.rmtree(CACHE_DIR, ignore_errors=True)  # shared inputs changed: execute everything again
        CACHE_STAMP.write_text(digest)
    prepare_register()
    executed_at = time.perf_counter()
    if not execute_notebooks(jobs):
        print(f"book build FAILED after {time.perf_counter() - start:.1f} s", file=sys.stderr)
        return 3
    sphinx_at = time.perf_counter()
    changed = not DIGEST_FILE.exists() or DIGEST_FILE.read_text() != digest
    code = run_sphinx(changed, sphinx_jobs)
    elapsed = time.perf_counter() - start
    if code != 0:
        print(f"book build FAILED after {elapsed:.1f} s", file=sys.stderr)
        return code
    DIGEST_FILE.write_text(digest)
    for orphan in remove_orphan_pages():
        print(f"removed {orphan}: no longer in _toc.yml")
    print(
        f"book built in {elapsed:.1f} s (data {executed_at - start:.1f} s, execution {sphinx_at - executed_at:.1f} s, "
        f"Sphinx {time.perf_counter() - sphinx_at:.1f} s): {BUILD / 'html' / 'index.html'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
