"""The bundled site, built once per module and served, and a browser to read it with."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from ladderpress.build import build
from ladderpress.check.config import load_config
from tests.support.browser import launched_chromium, serve_folder
from tests.support.pages import PAGE_TYPES, output_file
from tests.support.paths import REPO


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("quality") / "site"
    build(load_config(REPO), out=out)
    return out


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    with serve_folder(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched_chromium() as launched:
        yield launched


@pytest.fixture
def open_page(browser: Any, site_url: str, built_site: Path) -> Iterator[Callable[..., Any]]:
    """Open a page type in a fresh context; fail the test on any script error."""
    contexts: list[Any] = []
    errors: list[str] = []

    def opener(kind: str, **context_options: Any) -> Any:
        page_type = PAGE_TYPES[kind]
        if page_type.optional and not output_file(built_site, page_type.path).exists():
            pytest.skip(f"this build has no {kind} page (an optional dependency is missing)")
        context = browser.new_context(reduced_motion="reduce", **context_options)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(f"{kind}: {error}"))
        page.goto(site_url + page_type.path)
        if page_type.prepare:
            page_type.prepare(page)
        return page

    yield opener
    for context in contexts:
        context.close()
    assert errors == []
