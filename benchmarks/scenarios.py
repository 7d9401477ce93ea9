"""The scenarios of one corpus size: generate the site, then measure each scenario asked
for (cold, noop, edit-framework, edit-template, validate, serve-edit, and Hugo and MkDocs
on the same pages as Markdown), and gather the runs into that size's results.
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import corpus
import markdown_pages
from measure import CACHE, Run, TreeSampler, _stop, combine, launched, measure, peak_rss_mb
from report import SCENARIOS, ratios, targets
from tools import USER_CACHE, Ladderpress

TEMPLATE_MARK = "<!-- benchmark: edited template {n} -->"


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
