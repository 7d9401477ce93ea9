"""Find framework files, check each one fully, and build models for the valid ones.

All problems of all files are collected, so a contributor sees every mistake in one run.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path

from .lints import check_quality
from .model import Framework, build_framework
from .problems import InputError, Problem, error, sort_problems
from .schema_check import check_schema
from .semantics import RESERVED_DEVICE_NAMES, check_semantics
from .source import MAX_FILE_BYTES, read_document

FRAMEWORK_SCHEMA = "framework.schema.json"
EXTENSIONS = (".yaml", ".yml")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Top-level URL segments the site itself uses; a framework slug must not shadow them.
RESERVED_SLUGS = frozenset({"assets", "compare", "tags", "search", "schema", "static", "404"})


@dataclass(frozen=True)
class CheckResult:
    frameworks: list[Framework]
    problems: list[Problem]
    files: int

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def discover(
    paths: list[Path], *, confine_to: Path | None = None
) -> tuple[list[Path], list[Problem]]:
    """Expand folders into their framework files; refuse files that escape `confine_to`."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            candidates = sorted(p for p in path.iterdir() if p.suffix in EXTENSIONS)
        elif path.exists():
            candidates = [path]
        else:
            problems.append(error(display_path(path), 1, 1, "no such file or folder", "io"))
            continue
        for candidate in candidates:
            real = candidate.resolve()
            if confine_to is not None and not real.is_relative_to(confine_to.resolve()):
                problems.append(
                    error(
                        display_path(candidate),
                        1,
                        1,
                        "this file links to a place outside the site folder; "
                        "copy the file in instead",
                        "outside-site",
                    )
                )
            elif real.is_file():
                files.append(candidate)
    return files, problems


def _slug_problems(path: Path, shown: str) -> list[Problem]:
    slug = path.stem
    if not SLUG.match(slug):
        return [
            error(
                shown,
                1,
                1,
                f"file name '{path.name}' cannot be a framework slug: use lowercase letters a-z, "
                "digits and single hyphens, for example 'acme-engineering.yaml'",
                "slug",
            )
        ]
    if slug in RESERVED_SLUGS or slug in RESERVED_DEVICE_NAMES:
        return [error(shown, 1, 1, f"'{slug}' is reserved; rename the file", "slug")]
    return []


def check_file(path: Path) -> tuple[Framework | None, list[Problem]]:
    """Load and check one framework file; return its model when it has no errors."""
    shown = display_path(path)
    problems = _slug_problems(path, shown)
    try:
        doc = read_document(path, shown)
    except InputError as exc:
        return None, problems + exc.problems
    schema_problems = check_schema(doc, FRAMEWORK_SCHEMA)
    problems.extend(schema_problems)
    if schema_problems:
        return None, problems
    problems.extend(check_semantics(doc))
    if any(p.is_error for p in problems):
        return None, problems
    framework = build_framework(path.stem, shown, doc.data)
    problems.extend(check_quality(doc, framework))
    return framework, problems


FileMemo = dict[tuple[str, str], tuple[Framework | None, list[Problem]]]


def _checked(path: Path, memo: FileMemo | None) -> tuple[Framework | None, list[Problem]]:
    """check_file, remembered by content so that an unchanged file is not parsed again."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return check_file(path)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return check_file(path)
    key = (str(path.resolve()), digest)
    if memo is not None and key in memo:
        return memo[key]
    framework, problems = check_file(path)
    if framework is not None:
        framework = replace(framework, digest=digest)
    if memo is not None:
        memo[key] = (framework, problems)
    return framework, problems


def check_paths(
    paths: list[Path], *, confine_to: Path | None = None, memo: FileMemo | None = None
) -> CheckResult:
    files, problems = discover(paths, confine_to=confine_to)
    frameworks: list[Framework] = []
    slugs: dict[str, str] = {}
    for path in files:
        framework, found = _checked(path, memo)
        problems.extend(found)
        if path.stem in slugs:
            problems.append(
                error(
                    display_path(path),
                    1,
                    1,
                    f"framework slug '{path.stem}' is also used by {slugs[path.stem]}; "
                    "rename one file",
                    "slug-collision",
                )
            )
            continue
        slugs[path.stem] = display_path(path)
        if framework is not None:
            frameworks.append(framework)
    frameworks.sort(key=lambda f: (f.organisation.name.lower(), f.slug))
    return CheckResult(frameworks, sort_problems(problems), len(files))
