"""Build the book with every notebook executed; fail on any cell error or Sphinx warning.

Run by `make book`. On failure, prints the execution reports of the notebooks that failed
(Jupyter Book keeps them in _build/html/reports/).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    start = time.perf_counter()
    cmd = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(ROOT),
           "-W", "-n", "--keep-going"]
    result = subprocess.run(cmd, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        for log in sorted((ROOT / "_build" / "html" / "reports").glob("**/*.err.log")):
            print(f"\n===== {log.relative_to(ROOT)} =====\n{log.read_text()}", file=sys.stderr)
        print(f"book build FAILED after {elapsed:.1f} s", file=sys.stderr)
        return result.returncode
    print(f"book built in {elapsed:.1f} s: {ROOT / '_build' / 'html' / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
