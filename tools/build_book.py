"""Build the book with every notebook executed; fail on any cell error or Sphinx warning.

Run by `make book`. Equivalent to `jupyter-book build . -W -n --keep-going`, except that Sphinx
reads (and so executes) the notebooks in parallel processes, and that every page is rebuilt
when anything the notebooks read has changed (data/, nickelate_utils/, book/_ext/,
requirements.txt): Sphinx alone only re-reads pages whose own source changed, which would leave
pages computed from old data. Otherwise Sphinx reads: the `jupyter-book` command line
has no `-j` option, so `jupyter_book.sphinx.build_sphinx` (imported by the command when it
runs) is called with `jobs=BOOK_JOBS` (default 4; on the 2-core build machine 4 processes beat 2,
because much of a notebook's time is kernel start-up spent waiting; BOOK_JOBS=1 gives the
serial build). On failure, prints the execution
reports of the notebooks that failed (Jupyter Book keeps them in _build/html/reports/).
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANSI = re.compile(r"\x1b\[[0-9;]*m")
INPUTS = ("data", "nickelate_utils", "book/_ext", "requirements.txt", "_config.yml", "_toc.yml")
DIGEST_FILE = ROOT / "_build" / ".inputs-sha256"


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


def report_failure(exc: BaseException) -> None:
    """Print the whole cause chain of a failed build: for a notebook cell that raised, this
    names the notebook, shows the cell's source and the error (e.g. a DataError naming the data
    file, line and column)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    print("\n===== why the build failed =====", file=sys.stderr)
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        text = ANSI.sub("", str(current))
        print(f"{type(current).__name__}: {text}", file=sys.stderr)
        lines = [line for line in text.splitlines() if line.strip()]
        if lines and type(current).__name__ == "CellExecutionError":
            print(f"\n>>> {lines[-1]}", file=sys.stderr)  # the error itself, e.g. DataError: ...
        current = current.__cause__ or current.__context__


def main() -> int:
    import jupyter_book.cli.main as jb_cli
    import jupyter_book.sphinx as jb_sphinx

    jobs = int(os.environ.get("BOOK_JOBS", "4"))
    original = jb_sphinx.build_sphinx
    failures: list[BaseException] = []

    def build_sphinx(*args: object, **kwargs: object) -> object:
        result = original(*args, **{**kwargs, "jobs": jobs})
        if isinstance(result, BaseException):
            failures.append(result)  # jupyter-book only says "error in building your book"
        return result

    jb_sphinx.build_sphinx = build_sphinx
    digest = inputs_digest()
    args = ["build", str(ROOT), "-W", "-n", "--keep-going"]
    if not DIGEST_FILE.exists() or DIGEST_FILE.read_text() != digest:
        args.append("--all")  # inputs changed (or first build): re-read and re-execute every page
    start = time.perf_counter()
    try:
        jb_cli.main(args, standalone_mode=False)
        code = 0
    except SystemExit as exc:  # jupyter-book exits non-zero on a failed build
        code = int(exc.code or 0)
    except Exception as exc:  # noqa: BLE001 - reported below with the notebook logs
        print(f"book build raised {type(exc).__name__}: {exc}", file=sys.stderr)
        code = 1
    elapsed = time.perf_counter() - start
    if code != 0:
        for failure in failures:
            report_failure(failure)
        for log in sorted((ROOT / "_build" / "html" / "reports").glob("**/*.err.log")):
            print(f"\n===== {log.relative_to(ROOT)} =====\n{log.read_text()}", file=sys.stderr)
        print(f"book build FAILED after {elapsed:.1f} s", file=sys.stderr)
        return code
    DIGEST_FILE.write_text(digest)
    print(f"book built in {elapsed:.1f} s with {jobs} job(s): {ROOT / '_build' / 'html' / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
