"""Measuring one run: its wall and CPU time, its peak memory, and what it printed.

Each run is its own subprocess, started through a small launcher (see _LAUNCHER), in a
session of its own so that its whole process tree can be sampled and, on a timeout,
killed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache"

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
