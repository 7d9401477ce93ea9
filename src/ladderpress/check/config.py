"""Site configuration: ladderpress.yaml, validated, with defaults filled in."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ladderpress.check.schema import check_schema
from ladderpress.core.paths import display_path
from ladderpress.core.problems import InputError, Problem
from ladderpress.core.site import CONFIG_NAME, NavLink, SiteConfig
from ladderpress.core.terms import read_terms
from ladderpress.load.document import problem_at
from ladderpress.load.source import read_document

CONFIG_SCHEMA = "config.schema.json"


# What config.schema.json's base_url pattern allows, before the final slash is added.
_BASE_URL = re.compile(r"^https?://[^\s/?#][^\s?#]*\Z")


def normalise_base_url(value: str) -> str:
    """The address the site is published at, ending with a slash (one is added if missing).

    `--base-url` and the config's `base_url` both go through here, so that they accept
    the same values. Raises ValueError, saying why, when it is not an absolute web address.
    """
    if _BASE_URL.match(value):
        return value if value.endswith("/") else value + "/"
    if "://" not in value and value.strip() and not any(c.isspace() for c in value):
        # A missing scheme is not guessed: http and https give different canonical links.
        example = f"https://{value.rstrip('/')}/"
        raise ValueError(
            f"'{value}' has no scheme; write the full address, for example '{example}'"
        )
    raise ValueError(
        f"'{value}' is not an absolute web address: use http:// or https:// and a host, "
        "with no spaces, '?' or '#', for example 'https://example.org/ladders/'"
    )


def load_config(root: Path, config_file: Path | None = None) -> SiteConfig:
    """Read the site config, or use defaults when the site has none.

    Raises InputError with positioned problems when the file is invalid.
    """
    root = root.resolve()
    path = config_file if config_file is not None else root / CONFIG_NAME
    defaults = SiteConfig(
        root=root,
        frameworks_dir=root / "frameworks",
        theme_dir=root / "theme",
        output_dir=root / "_site",
    )
    if config_file is None and not path.exists():
        return defaults
    doc = read_document(path, display_path(path))
    data = {} if doc.data is None else doc.data
    doc.data = data
    problems: list[Problem] = []
    if isinstance(data, dict) and isinstance(data.get("base_url"), str):
        try:
            data["base_url"] = normalise_base_url(data["base_url"])
        except ValueError as exc:
            problems.append(problem_at(doc, ("base_url",), f"base_url: {exc}", "config"))
            del data["base_url"]  # reported here, with the same words as --base-url's
    problems.extend(check_schema(doc, CONFIG_SCHEMA))
    if problems:
        raise InputError(problems)
    return replace(
        defaults,
        title=data.get("title", defaults.title),
        description=data.get("description", defaults.description),
        base_url=data.get("base_url"),
        language=data.get("language", defaults.language),
        frameworks_dir=root / data.get("frameworks", "frameworks"),
        theme_dir=root / data.get("theme", "theme"),
        output_dir=root / data.get("output", "_site"),
        navigation=tuple(NavLink(i["title"], i["url"]) for i in data.get("navigation", ())),
        include=tuple(data["include"]) if "include" in data else None,
        repository=data.get("repository"),
        labels=tuple(data.get("labels", {}).items()),
        lints=tuple((rule, _lint_setting(value)) for rule, value in data.get("lints", {}).items()),
        terms=read_terms(data.get("terms", {})),
    )


def _lint_setting(value: str | bool) -> str:
    # YAML 1.1 reads a bare `off` as false and `on` as true; the schema allows both.
    if isinstance(value, bool):
        return "warning" if value else "off"
    return value
