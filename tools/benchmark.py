"""Benchmark of the book, measured in one run on one machine (`make bench`).

Times, as medians over --repeat runs: a clean full build (every notebook executed), a rebuild
with nothing changed, and the stock `jupyter-book create` template book built clean as the
reference; then the test suite once. Prints a Markdown table and writes bench/results.json.
Budget (2-core machine): clean build < 30 s and < 8x the template, no-change rebuild < 10 s,
test suite < 5 min, no page over 3 MB with its images.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def timed(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return elapsed


def page_weights(site: Path) -> dict[str, int]:
    import re

    weights = {}
    for html in site.rglob("*.html"):
        if "_static" in html.parts:
            continue
        total = html.stat().st_size
        for src in re.findall(r'src="([^"]+\.(?:png|jpg|svg))"', html.read_text(errors="replace")):
            img = (html.parent / src).resolve()
            if img.exists():
                total += img.stat().st_size
        weights[html.relative_to(site).as_posix()] = total
    return weights


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-tests", action="store_true")
    args = parser.parse_args()
    build = [sys.executable, str(ROOT / "tools" / "build_book.py")]
    clean, rebuild, template = [], [], []
    for _ in range(args.repeat):
        shutil.rmtree(ROOT / "_build", ignore_errors=True)
        clean.append(timed(build, ROOT))
        rebuild.append(timed(build, ROOT))
    weights = page_weights(ROOT / "_build" / "html")
    with tempfile.TemporaryDirectory() as tmp:
        ref = Path(tmp) / "template"
        timed([str(BIN / "jupyter-book"), "create", str(ref)], Path(tmp))
        for _ in range(args.repeat):
            shutil.rmtree(ref / "_build", ignore_errors=True)
            template.append(timed([str(BIN / "jupyter-book"), "build", str(ref)], Path(tmp)))
    tests = None
    if not args.skip_tests:
        tests = timed([sys.executable, "-m", "pytest", "-q", "-n", "2", "--dist", "loadscope"], ROOT)  # as `make test`
    results = {
        "repeat": args.repeat,
        "clean_build_s": statistics.median(clean),
        "no_change_rebuild_s": statistics.median(rebuild),
        "template_clean_build_s": statistics.median(template),
        "ratio_to_template": statistics.median(clean) / statistics.median(template),
        "test_suite_s": tests,
        "largest_page": max(weights.items(), key=lambda kv: kv[1]),
        "all_runs": {"clean": clean, "rebuild": rebuild, "template": template},
    }
    out = ROOT / "bench"
    out.mkdir(exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    page, size = results["largest_page"]
    print("| measure | median | budget |\n|---|---|---|")
    print(f"| clean full build | {results['clean_build_s']:.1f} s | < 30 s |")
    print(f"| no-change rebuild | {results['no_change_rebuild_s']:.1f} s | < 10 s |")
    print(f"| template book, clean build | {results['template_clean_build_s']:.1f} s | reference |")
    print(f"| ratio to template | {results['ratio_to_template']:.1f}x | < 8x |")
    if tests is not None:
        print(f"| test suite (incl. browser) | {tests:.0f} s | < 300 s |")
    print(f"| largest page with images | {size / 1e6:.2f} MB ({page}) | < 3 MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
