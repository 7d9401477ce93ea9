"""The profile of one cold build (``run.py --profile``): cProfile's top functions, with
rendering kept in one process so that the profiler sees it.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import corpus
from measure import CACHE, measure
from tools import USER_CACHE, Ladderpress


def profile(size: int, args: argparse.Namespace, lp: Ladderpress) -> str:
    """cProfile of one cold build: the top 15 functions by cumulative time."""
    base = CACHE / f"profile-{size}"
    shutil.rmtree(base, ignore_errors=True)
    corpus.generate_site(base / "site", size, args.seed)
    python = Path(lp.cmd[0]) if lp.cmd[0].endswith("python") else Path(lp.cmd[0]).parent / "python"
    if not python.exists():
        python = Path(sys.executable)
    stats = base / "build.prof"
    # Render in this process (no worker pool), or cProfile sees only the parent waiting.
    script = (
        "import cProfile, sys\n"
        "try:\n"
        "    import ladderpress.render.parallel as parallel\n"
        "    parallel.PARALLEL_FROM = 1 << 60\n"
        "except ImportError:\n"
        "    pass\n"
        "from ladderpress.app.cli import main\n"
        "cProfile.run('main(sys.argv[2:])', sys.argv[1])\n"
    )
    cmd = [
        str(python), "-c", script, str(stats), "build",
        "--site", str(base / "site"), "--out", str(base / "out"), "--verbose",
    ]  # fmt: skip
    print(f"\n== profiling a cold build of {size} frameworks", flush=True)
    shutil.rmtree(USER_CACHE, ignore_errors=True)
    run = measure(cmd, timeout=args.timeout, env=lp.env)
    if not run.ok:
        return f"profile run failed:\n{run.output_tail}"
    report = (
        "import pstats, sys\n"
        "s = pstats.Stats(sys.argv[1]); s.strip_dirs()\n"
        "print('== top 15 by cumulative time'); s.sort_stats('cumulative').print_stats(15)\n"
        "print('== top 15 by own time'); s.sort_stats('tottime').print_stats(15)\n"
    )
    result = subprocess.run(
        [str(python), "-c", report, str(stats)],
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ, **lp.env),
    )
    # Keep the tables, drop pstats's preamble (file name, call counts, ordering).
    kept = [
        line
        for line in result.stdout.splitlines()
        if line.strip()
        and not line.rstrip().endswith(".prof")  # pstats's date and file name
        and not re.match(r"^\s*(\d+ function calls|Ordered by|List reduced)", line)
    ]
    if not args.keep:
        shutil.rmtree(base / "out", ignore_errors=True)
    stages = ", ".join(f"{k} {v:,.0f} ms" for k, v in run.stages_ms.items())
    header = (
        f"cProfile of a cold build, {size} frameworks, rendering in one process: "
        f"{run.wall_s:.1f} s under the profiler ({stages})"
    )
    return header + "\n" + "\n".join(kept)
