"""Nothing a browser sends, nor a file's name, reaches the terminal as a control
sequence: the preview prints ESC as `\\x1b`, and so every C0 and C1 control."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from ladderpress.core.terminal import printable

from .serving import Served, connect_page, request, serving

# Retitles the window, clears the screen, and starts a line that looks like ladderpress's.
PAYLOAD = "\x1b]0;owned\x07\x1b[2J\rBuilt 0 pages\n\x9b31m"
RAW_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")  # newline and tab: ours


def test_printable_escapes_every_control_and_nothing_else() -> None:
    assert printable(PAYLOAD) == r"\x1b]0;owned\x07\x1b[2J\x0dBuilt 0 pages\x0a\x9b31m"
    assert printable("Ünïcode – fine, 日本語, tabs\tno") == "Ünïcode – fine, 日本語, tabs\\x09no"
    every = "".join(map(chr, range(0x100)))
    assert not RAW_CONTROLS.search(printable(every)) and "\n" not in printable(every)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with serving(tmp_path_factory.mktemp("serve")) as running:
        yield running


def test_request_paths_are_printed_escaped(served: Served) -> None:
    # Bytes above 0x7f pass tornado's parser and are logged as Latin-1: \x9b is a CSI.
    assert request(served.port, b"/\x9b2J\x9b31mred")[0] == 404
    assert request(served.port, b"/x%1b[2J")[0] == 400
    served.wait_for_output("31mred (")
    assert r"/\x9b2J\x9b31mred" in served.output()
    assert not RAW_CONTROLS.search(served.output())


def test_what_a_page_sends_is_printed_escaped(served: Served) -> None:
    # livereload prints the address each connected page reports.
    page = connect_page(served, url=f"{served.origin}/{PAYLOAD}")
    page.close()
    output = served.output()
    assert r"\x1b]0;owned\x07\x1b[2J\x0dBuilt 0 pages\x0a\x9b31m" in output
    assert not RAW_CONTROLS.search(output)
    assert not any(line.startswith("Built 0 pages") for line in output.splitlines())


def test_a_file_name_is_printed_escaped(served: Served) -> None:
    frameworks = served.site / "frameworks"
    name = "new\x1b[2J\x1b]0;owned\x07.yaml"
    (frameworks / name).write_bytes((frameworks / "acme-engineering.yaml").read_bytes())
    try:
        served.wait_for_output("still serving the last good site")
        assert r"new\x1b[2J\x1b]0;owned\x07.yaml" in served.output()
        assert not RAW_CONTROLS.search(served.output())
    finally:
        (frameworks / name).unlink()
