"""Build the book with every notebook executed; fail on any cell error or Sphinx warning.

Run by `make book`. Equivalent to `jupyter-book build . -W -n --keep-going`, except that Sphinx
reads (and so executes) the notebooks in parallel processes, and that every page is rebuilt
when anything the notebooks read has changed (data/, nickelate_utils/, book/_ext/,
requirements.txt): Sphinx alone only re-reads pages whose own source changed, which would leave
pages computed from old data. Otherwise Sphinx reads: the `jupyter-book` command line
has no `-j` option, so `jupyter_book.sphinx.build_sphinx` (imported by the command when it
runs) is called with `jobs=BOOK_JOBS` (default 2, the
machine's core count; BOOK_JOBS=1 gives the serial build). On failure, prints the execution
reports of the notebooks that failed (Jupyter Book keeps them in _build/html/reports/).
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
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


def main() -> int:
    import jupyter_book.cli.main as jb_cli
    import jupyter_book.sphinx as jb_sphinx

    jobs = int(os.environ.get("BOOK_JOBS", "2"))
    jb_sphinx.build_sphinx = functools.partial(jb_sphinx.build_sphinx, jobs=jobs)
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
        for log in sorted((ROOT / "_build" / "html" / "reports").glob("**/*.err.log")):
            print(f"\n===== {log.relative_to(ROOT)} =====\n{log.read_text()}", file=sys.stderr)
        print(f"book build FAILED after {elapsed:.1f} s", file=sys.stderr)
        return code
    DIGEST_FILE.write_text(digest)
    print(f"book built in {elapsed:.1f} s with {jobs} job(s): {ROOT / '_build' / 'html' / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
