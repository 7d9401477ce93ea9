"""Find framework files, check each one fully, and build models for the valid ones.

All problems of all files are collected, so a contributor sees every mistake in one run.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from ladderpress.check.budget import budget_problems
from ladderpress.check.ignores import apply_ignores
from ladderpress.check.lints import check_quality
from ladderpress.check.schema import check_schema
from ladderpress.check.semantics import RESERVED_DEVICE_NAMES, check_semantics
from ladderpress.check.sizes import over_a_limit, statement_count_problems
from ladderpress.core.build_model import build_framework
from ladderpress.core.markdown import statement_html
from ladderpress.core.model import FileMemo, Framework
from ladderpress.core.paths import display_path
from ladderpress.core.problems import InputError, Problem, error, sort_problems
from ladderpress.core.urls import reserved_names
from ladderpress.core.workers import fork_map
from ladderpress.load.document import Document
from ladderpress.load.source import MAX_FILE_BYTES, read_document

FRAMEWORK_SCHEMA = "framework.schema.json"
EXTENSIONS = (".yaml", ".yml")
# `\Z`, not `$`: `$` also matches before a final newline, which a file name may hold.
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")
# Top-level names the site's own pages take, from the page map: a framework slug or a
# translation's language must not shadow them.
RESERVED_NAMES = reserved_names()
RESERVED_SLUGS = frozenset(RESERVED_NAMES)


@dataclass(frozen=True)
class CheckResult:
    frameworks: list[Framework]
    problems: list[Problem]
    files: int

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)


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


# A well-formed BCP 47 tag: language, then optional script, region and variants. In
# lowercase, like every name in a URL: `fr/` and `FR/` are one folder on some systems.
LANGUAGE = re.compile(
    r"[a-z]{2,8}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|[0-9]{3}))?(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"
)


def split_stem(path: Path) -> tuple[str, str | None]:
    """`acme.yaml` is the framework `acme`; `acme.fr.yaml` its French translation."""
    slug, _, language = path.stem.partition(".")
    return slug, language or None


def language_problem(tag: str) -> str | None:
    """Why `tag`, a translation's language and so the folder of its pages, cannot be one."""
    if not LANGUAGE.fullmatch(tag):
        return f"'{tag}' is not a language tag (BCP 47, in lowercase: 'fr', 'pt-br', 'zh-hant')"
    if tag in RESERVED_DEVICE_NAMES:
        return f"'{tag}' is a reserved device name on Windows and cannot be a folder"
    if tag in RESERVED_NAMES:
        return f"'{tag}' cannot be a language: the site's own {RESERVED_NAMES[tag]} is there"
    return None


def _slug_problems(path: Path, shown: str) -> list[Problem]:
    slug, dot, language = path.stem.partition(".")
    wrong = language_problem(language) if dot else None
    if wrong is not None:
        return [
            error(
                shown,
                1,
                1,
                f"file name '{path.name}': {wrong}; name translations "
                "<slug>.<language>.yaml, for example 'acme-engineering.fr.yaml'",
                "slug",
            )
        ]
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
    if slug in RESERVED_NAMES:
        where = RESERVED_NAMES[slug]
        message = f"'{slug}' is reserved: the site's own {where} is there; rename the file"
        return [error(shown, 1, 1, message, "slug")]
    if slug in RESERVED_DEVICE_NAMES:
        return [error(shown, 1, 1, f"'{slug}' is reserved; rename the file", "slug")]
    return []


def check_file(path: Path) -> tuple[Framework | None, list[Problem]]:
    """Load and check one framework file; return its model when it has no errors."""
    framework, problems, _ = _check_document(path)
    return framework, problems


def _semantic_problems(doc: Document, *, schema_ok: bool) -> list[Problem]:
    if schema_ok:
        return check_semantics(doc)
    try:
        return check_semantics(doc)
    except (AttributeError, IndexError, KeyError, TypeError, ValueError):
        # A shape that a check did not expect: the schema's errors, already found,
        # say what is wrong, so the file still fails with a report and no traceback.
        return []


def _check_document(path: Path) -> tuple[Framework | None, list[Problem], Any]:
    shown = display_path(path)
    problems = _slug_problems(path, shown)
    try:
        doc = read_document(path, shown)
    except InputError as exc:
        return None, problems + exc.problems, None
    schema_problems = check_schema(doc, FRAMEWORK_SCHEMA)
    schema_problems.extend(statement_count_problems(doc))
    problems.extend(schema_problems)
    if over_a_limit(schema_problems):
        # Later checks cost more than linear time in what is over the limit (sizes.py).
        return None, problems, None
    # Cross-checks run even when the schema failed, on the parts that have their shape,
    # so that a file's reference mistakes do not wait for its schema errors to be fixed.
    problems.extend(_semantic_problems(doc, schema_ok=not schema_problems))
    if any(p.is_error for p in problems):
        return None, problems, None
    slug, language = split_stem(path)
    framework = replace(build_framework(slug, shown, doc.data, statement_html), language=language)
    over_budget = budget_problems(doc, framework)
    if over_budget:
        return None, problems + over_budget, None
    problems.extend(check_quality(doc, framework))
    return framework, apply_ignores(path, shown, problems), doc.data


PARALLEL_FILES = 8  # below this, starting worker processes costs more than it saves


def _content_digest(path: Path) -> str | None:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None  # check_file reports it without reading it whole
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class CheckStore(Protocol):
    """What earlier checks found, by file content (incremental.checkcache keeps them).

    The check stage uses a store it is given and does not own: where checks are kept, and
    for how long, is the incremental build's business."""

    def lookup(
        self, slug: str, shown: str, digest: str
    ) -> tuple[Framework, list[Problem]] | None: ...

    def keep(
        self, shown: str, digest: str, data: Any, framework: Framework, problems: list[Problem]
    ) -> None: ...


def _reused(store: CheckStore, path: Path, digest: str) -> tuple[Framework, list[Problem]] | None:
    """What an earlier build found checking this very content, if kept."""
    slug, language = split_stem(path)
    found = store.lookup(slug, display_path(path), digest)
    if found is None:
        return None
    return replace(found[0], language=language, digest=digest), found[1]


def _check_one(task: tuple[Path, CheckStore | None]) -> tuple[Framework | None, list[Problem]]:
    """check_file, with the file's digest on its model; kept in `store` for later builds."""
    path, store = task
    digest = _content_digest(path)
    checked, problems, data = _check_document(path)
    if checked is None or digest is None:
        return checked, problems
    # Kept only if the file did not change while it was checked.
    if store is not None and _content_digest(path) == digest:
        store.keep(display_path(path), digest, data, checked, problems)
    return replace(checked, digest=digest), problems


def check_files(
    files: list[Path], memo: FileMemo | None, *, store: CheckStore | None = None
) -> list[tuple[Framework | None, list[Problem]]]:
    """check_file for every file, on every core for many files; with a memo, by content,
    so that an unchanged file is not parsed again; with a `store`, also what earlier
    processes checked."""
    found: dict[Path, tuple[Framework | None, list[Problem]]] = {}
    pending: list[tuple[Path, tuple[str, str] | None]] = []
    for path in files:
        digest = _content_digest(path) if memo is not None or store is not None else None
        key = (str(path.resolve()), digest) if digest is not None else None
        if memo is not None and key is not None and key in memo:
            found[path] = memo[key]
        elif (
            store is not None
            and digest is not None
            and (kept := _reused(store, path, digest)) is not None
        ):
            # Here, not in a worker: sending a model back costs more than making it.
            found[path] = kept
            if memo is not None and key is not None:
                memo[key] = kept
        else:
            pending.append((path, key))
    tasks = [(path, store) for path, _ in pending]
    results = fork_map(_check_one, tasks, parallel_from=PARALLEL_FILES)
    for (path, key), result in zip(pending, results, strict=True):
        found[path] = result
        if memo is not None and key is not None:
            memo[key] = result
    return [found[path] for path in files]


def _base_of(translation: Framework, frameworks: list[Framework]) -> Framework | None:
    return next((f for f in frameworks if f.slug == translation.slug and f.language is None), None)


def _translation_problems(frameworks: list[Framework]) -> list[Problem]:
    """A translation must describe the same ladder: the same tracks, levels, competencies."""
    problems = []
    for translation in (f for f in frameworks if f.language is not None):
        base = _base_of(translation, frameworks)
        if base is None:
            problems.append(
                error(
                    translation.path,
                    1,
                    1,
                    f"translation of '{translation.slug}', which does not exist or is invalid; "
                    f"add {translation.slug}.yaml first",
                    "translation",
                )
            )
            continue
        for what, mine, theirs in (
            ("tracks", [t.id for t in translation.tracks], [t.id for t in base.tracks]),
            ("levels", list(translation.levels), list(base.levels)),
            ("categories", [c.id for c in translation.categories], [c.id for c in base.categories]),
            ("competencies", list(translation.competencies), list(base.competencies)),
        ):
            if mine != theirs:
                missing = [i for i in theirs if i not in mine]
                extra = [i for i in mine if i not in theirs]
                detail = (
                    "; ".join(
                        filter(
                            None,
                            [
                                f"missing {', '.join(missing)}" if missing else "",
                                f"not in the original: {', '.join(extra)}" if extra else "",
                            ],
                        )
                    )
                    or "in a different order"
                )
                problems.append(
                    error(
                        translation.path,
                        1,
                        1,
                        f"{what} differ from {base.path} ({detail}); a translation keeps every id "
                        "and translates only the text",
                        "translation",
                    )
                )
    return problems


def check_paths(
    paths: list[Path],
    *,
    confine_to: Path | None = None,
    memo: FileMemo | None = None,
    store: CheckStore | None = None,
) -> CheckResult:
    files, problems = discover(paths, confine_to=confine_to)
    frameworks: list[Framework] = []
    slugs: dict[str, str] = {}
    for path, (framework, found) in zip(files, check_files(files, memo, store=store), strict=True):
        problems.extend(found)
        key = ".".join(filter(None, split_stem(path)))
        if key in slugs:
            problems.append(
                error(
                    display_path(path),
                    1,
                    1,
                    f"framework '{key}' is also defined by {slugs[key]}; rename one file",
                    "slug-collision",
                )
            )
            continue
        slugs[key] = display_path(path)
        if framework is not None:
            frameworks.append(framework)
    problems.extend(_translation_problems(frameworks))
    frameworks = [f for f in frameworks if f.language is None or _base_of(f, frameworks)]
    frameworks.sort(key=lambda f: (f.organisation.name.lower(), f.slug))
    return CheckResult(frameworks, sort_problems(problems), len(files))
