"""Benchmark of the book build, measured in one run on one machine (`make bench`).

Works on a private copy of the repository (the working tree and its _build/ are not touched)
and measures, as medians over --repeat runs:

- the clean full build (every notebook executed, `tools/build_book.py` as `make book`);
- the rebuild with nothing changed;
- the stock `jupyter-book create` template book built clean (the reference), and the ratio;
- a change to one chapter's code: which notebooks were executed again, and the rebuild time;
- a change to one chapter's prose only: which notebooks were executed again;
- per-notebook execution times, both as measured in the parallel clean build and alone (one
  clean build with BOOK_JOBS=1, which is the time a notebook costs by itself);
- determinism: claims.json and the text outputs (text/plain, text/html, text/markdown,
  text/latex) of every executed notebook are byte-identical between two clean builds.

Prints Markdown tables and writes bench/results.json. Exit status 1 if a goal is missed:
clean build <= 4x the template, every notebook <= 3 s alone, a one-chapter code change
re-executes that chapter only, no-change rebuild < 10 s, two clean builds identical.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
COPY = ("book", "nickelate_utils", "data", "tools", "notebooks", "_vendor")
CHANGED_CHAPTER = "notebooks/ch04_upper_critical_field.md"
TEXT_MIMES = ("text/plain", "text/html", "text/markdown", "text/latex")

GOAL_RATIO = 4.0
GOAL_NOTEBOOK_S = 3.0
GOAL_REBUILD_S = 10.0


def copy_repository(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in COPY:
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
    for path in ROOT.iterdir():  # _config.yml, _toc.yml, CITATION.cff, pyproject.toml, ...
        if path.is_file():
            shutil.copy(path, target / path.name)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


def timed(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{result.stdout[-3000:]}\n{result.stderr[-5000:]}")
    return elapsed


def build(root: Path, jobs: int | None = None) -> tuple[float, dict[str, Any]]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    if jobs is not None:
        env["BOOK_JOBS"] = str(jobs)
    elapsed = timed([sys.executable, str(root / "tools" / "build_book.py")], root, env)
    times = json.loads((root / "_build" / ".execution-times.json").read_text())
    return elapsed, times


def executed(times: dict[str, Any]) -> list[str]:
    return sorted(name for name, t in times["notebooks"].items() if t["executed"])


def fingerprint(root: Path) -> dict[str, str]:
    """sha256 of claims.json and of the text outputs of every executed notebook."""
    out = {"claims.json": hashlib.sha256((root / "_build" / "html" / "claims.json").read_bytes()).hexdigest()}
    for nb_path in sorted((root / "_build" / "jupyter_execute").rglob("*.ipynb")):
        nb = json.loads(nb_path.read_text())
        digest = hashlib.sha256()
        for cell in nb["cells"]:
            for output in cell.get("outputs", []):
                if output.get("output_type") == "stream":
                    digest.update(("".join(output["text"])).encode())
                for mime in TEXT_MIMES:
                    value = output.get("data", {}).get(mime)
                    if value is not None:
                        digest.update(("".join(value) if isinstance(value, list) else value).encode())
        out[nb_path.relative_to(root / "_build" / "jupyter_execute").as_posix()] = digest.hexdigest()
    return out


def clean(root: Path) -> None:
    shutil.rmtree(root / "_build", ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_repository(Path(tmp) / "book")
        clean_s, rebuild_s, prints, parallel_times = [], [], [], []
        for _ in range(args.repeat):
            clean(root)
            elapsed, times = build(root)
            clean_s.append(elapsed)
            parallel_times.append(times)
            prints.append(fingerprint(root))
            elapsed, times = build(root)
            rebuild_s.append(elapsed)
            if executed(times):
                raise SystemExit(f"a no-change rebuild executed {executed(times)}")
        # one chapter's code changes, then only its prose
        chapter = root / CHANGED_CHAPTER
        original = chapter.read_text()
        first_cell = original.index("```{code-cell}")
        cell_end = original.index("\n```", first_cell + 3) + 1  # the closing fence of that cell
        chapter.write_text(original[:cell_end] + "# benchmark: changed code\n" + original[cell_end:])
        change_s, times = build(root)
        code_change = executed(times)
        changed = chapter.read_text()  # the code as just built: only the prose changes now
        chapter.write_text(changed[:first_cell] + "Benchmark: changed prose.\n\n" + changed[first_cell:])
        prose_s, times = build(root)
        prose_change = executed(times)
        chapter.write_text(original)
        # every notebook alone
        clean(root)
        _, serial = build(root, jobs=1)
        # the stock template
        template_s = []
        ref = Path(tmp) / "template"
        timed([str(BIN / "jupyter-book"), "create", str(ref)], Path(tmp))
        for _ in range(args.repeat):
            clean(ref)
            template_s.append(timed([str(BIN / "jupyter-book"), "build", str(ref)], Path(tmp)))

    names = list(serial["notebooks"])
    alone = {n: serial["notebooks"][n]["seconds"] for n in names}
    in_parallel = {n: statistics.median(t["notebooks"][n]["seconds"] for t in parallel_times) for n in names}
    deterministic = all(p == prints[0] for p in prints)
    differing = sorted({k for p in prints[1:] for k in p if p.get(k) != prints[0].get(k)})
    results = {
        "repeat": args.repeat,
        "clean_build_s": statistics.median(clean_s),
        "no_change_rebuild_s": statistics.median(rebuild_s),
        "template_clean_build_s": statistics.median(template_s),
        "ratio_to_template": statistics.median(clean_s) / statistics.median(template_s),
        "one_chapter_code_change": {"chapter": CHANGED_CHAPTER, "rebuild_s": change_s, "executed": code_change},
        "one_chapter_prose_change": {"chapter": CHANGED_CHAPTER, "rebuild_s": prose_s, "executed": prose_change},
        "notebook_seconds_alone": alone,
        "notebook_seconds_in_parallel_build": in_parallel,
        "execution_wall_s_parallel": statistics.median(t["wall_seconds"] for t in parallel_times),
        "execution_wall_s_serial": serial["wall_seconds"],
        "deterministic": deterministic,
        "differing_outputs": differing,
        "all_runs": {"clean": clean_s, "rebuild": rebuild_s, "template": template_s},
    }
    goals = {
        f"clean build <= {GOAL_RATIO:g}x template": results["ratio_to_template"] <= GOAL_RATIO,
        f"every notebook <= {GOAL_NOTEBOOK_S:g} s alone": max(alone.values()) <= GOAL_NOTEBOOK_S,
        "code change re-executes that chapter only": code_change == [CHANGED_CHAPTER],
        "prose change re-executes nothing": prose_change == [],
        f"no-change rebuild < {GOAL_REBUILD_S:g} s": results["no_change_rebuild_s"] < GOAL_REBUILD_S,
        "two clean builds identical (claims.json, text outputs)": deterministic,
    }
    results["goals"] = goals
    out = ROOT / "bench"
    out.mkdir(exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n")

    print(f"| measure | median of {args.repeat} |\n|---|---|")
    print(f"| clean full build | {results['clean_build_s']:.1f} s |")
    print(f"| stock template, clean build | {results['template_clean_build_s']:.1f} s |")
    print(f"| ratio to the template | {results['ratio_to_template']:.1f}x |")
    print(f"| no-change rebuild | {results['no_change_rebuild_s']:.1f} s |")
    print(f"| rebuild after a code change in {CHANGED_CHAPTER} | {change_s:.1f} s, executed: "
          f"{', '.join(code_change) or 'none'} |")
    print(f"| rebuild after a prose change in {CHANGED_CHAPTER} | {prose_s:.1f} s, executed: "
          f"{', '.join(prose_change) or 'none'} |")
    print(f"| notebook execution, wall time (parallel / serial) | {results['execution_wall_s_parallel']:.1f} s / "
          f"{results['execution_wall_s_serial']:.1f} s |")
    print(f"| two clean builds identical | {'yes' if deterministic else 'NO: ' + ', '.join(differing)} |")
    print("\n| notebook | alone | in the parallel build |\n|---|---|---|")
    for name in names:
        print(f"| {name} | {alone[name]:.1f} s | {in_parallel[name]:.1f} s |")
    print("\n| goal | met |\n|---|---|")
    for goal, met in goals.items():
        print(f"| {goal} | {'yes' if met else 'NO'} |")
    return 0 if all(goals.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
