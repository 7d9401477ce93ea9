"""`ladderpress serve` as a real process on loopback: start, edit, break, recover, stop."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.support.paths import FIXTURES


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(check: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path, list[str]]]:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "site", site)
    shutil.copy(site / "frameworks/acme-engineering.yaml", site / "frameworks/other.yaml")
    process = subprocess.Popen(
        [sys.executable, "-u", "-m", "ladderpress", "serve", "--site", str(site), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    try:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line)
            match = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
            if match:
                break
        else:
            raise AssertionError("serve did not start:\n" + "".join(lines))
        url = match.group(1)
        wait_for(lambda: bool(fetch(url)), "the server to listen")

        import threading

        def pump() -> None:
            assert process.stdout is not None
            for out_line in process.stdout:
                lines.append(out_line)

        threading.Thread(target=pump, daemon=True).start()
        yield url, site, lines
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert process.returncode is not None


def test_edit_break_recover(served: tuple[str, Path, list[str]]) -> None:
    url, site, lines = served
    level = url + "acme-engineering/levels/junior/"
    assert "Learning the ropes." in fetch(level)
    assert "/__ladderpress/overlay.js" in fetch(level)
    framework = site / "frameworks/acme-engineering.yaml"
    good = framework.read_text()

    builds_before = sum("Built " in line for line in lines)
    framework.write_text(good.replace("Learning the ropes.", "Learning fast."))
    wait_for(lambda: "Learning fast." in fetch(level), "the edit to show")
    wait_for(lambda: sum("Built " in line for line in lines) > builds_before, "build log")
    # The edited framework's pages were written at once, before the full rebuild...
    [quick] = [line for line in lines if line.startswith("Updated ")]
    edited_pages = len(list((site / "_site/acme-engineering").rglob("*.html")))
    assert f"Updated {edited_pages} pages of acme-engineering.yaml" in quick
    # ...which then reused them, and the other framework's, and rendered the site-wide ones.
    summary = [line for line in lines if "Built " in line][-1]
    assert lines.index(quick) < lines.index(summary)
    rendered = int(re.search(r"pages rendered (\d+)", summary).group(1))
    reused = int(re.search(r"reused (\d+)", summary).group(1))
    other_pages = len(list((site / "_site/other").rglob("*.html")))
    assert reused == other_pages + edited_pages and other_pages > 0 and rendered > 0

    framework.write_text(good.replace("category: people", "category: peple"))
    wait_for(lambda: json.loads(fetch(url + "__ladderpress/status"))["problems"], "the error")
    problems = json.loads(fetch(url + "__ladderpress/status"))["problems"]
    [problem] = [p for p in problems if ": error: " in p]
    assert re.search(r"acme-engineering\.yaml:\d+:\d+: error: unknown category 'peple'", problem)
    assert "Learning fast." in fetch(level)  # the last good site is still served
    wait_for(lambda: any("still serving the last good site" in line for line in lines), "log")

    for attempt in range(100):  # a hundred broken saves in a row
        framework.write_text(f"title: [unclosed {attempt}\n")
        time.sleep(0.02)
    time.sleep(0.5)
    wait_for(lambda: "invalid YAML" in fetch(url + "__ladderpress/status"), "syntax error")

    framework.write_text(good)
    wait_for(lambda: not json.loads(fetch(url + "__ladderpress/status"))["problems"], "recovery")
    wait_for(lambda: "Learning the ropes." in fetch(level), "the fixed page")
    assert not any("Traceback" in line for line in lines)


def test_template_edit_rerenders_only_its_pages(served: tuple[str, Path, list[str]]) -> None:
    url, site, lines = served
    templates = site / "theme/templates"
    templates.mkdir(parents=True)
    before = sum("Built " in line for line in lines)
    (templates / "404.html").write_text(
        "{% extends 'base.html' %}{% block content %}<h1>Lost here</h1>{% endblock %}"
    )
    wait_for(lambda: "Lost here" in fetch(url + "404.html"), "the new template")
    wait_for(lambda: sum("Built " in line for line in lines) > before, "build log")
    summary = [line for line in lines if "Built " in line][-1]
    assert "pages rendered 1," in summary


def test_a_burst_of_saves_causes_one_rebuild(served: tuple[str, Path, list[str]]) -> None:
    url, site, lines = served
    framework = site / "frameworks/acme-engineering.yaml"
    good = framework.read_text()
    before = sum("Built " in line for line in lines)
    for attempt in range(10):
        framework.write_text(good.replace("Learning the ropes.", f"Learning, take {attempt}."))
        time.sleep(0.03)
    level = url + "acme-engineering/levels/junior/"
    wait_for(lambda: "Learning, take 9." in fetch(level), "the last save to show")
    time.sleep(1.5)  # room for any extra rebuild to happen
    assert sum("Built " in line for line in lines) == before + 1
