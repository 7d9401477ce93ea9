"""`ladderpress init` and `ladderpress new`: a ready site folder and new framework files."""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ladderpress import __version__
from ladderpress.check import placeholders
from ladderpress.check.files import RESERVED_SLUGS, SLUG
from ladderpress.core.resources import schema_dir

SKELETON = Path(__file__).resolve().parent / "skeleton"
SCHEMA_BASE = "https://ladderpress.dev/schema/v1/"
# The repository that action.yml is published from: pyproject's Source URL names it too.
ACTION_REPOSITORY = "ladderpress/ladderpress"
RELEASE = re.compile(r"\d+\.\d+\.\d+")  # a version that has a tag, vX.Y.Z
DEFAULT_LEVELS = ("Junior", "Mid-level", "Senior", "Staff")


@dataclass(frozen=True)
class LevelDraft:
    id: str
    name: str
    position: float


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(SKELETON),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # renders YAML, not HTML; values pass through the yaml filter
    )
    # A JSON string is a valid double-quoted YAML scalar: safe for any text.
    env.filters["yaml"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    return env


def slug_problem(slug: str) -> str | None:
    if not SLUG.match(slug):
        return (
            "use lowercase letters a-z, digits and single hyphens, for example 'acme-engineering'"
        )
    if slug in RESERVED_SLUGS:
        return f"'{slug}' is reserved by the site"
    return None


def level_drafts(names: list[str]) -> list[LevelDraft]:
    drafts: list[LevelDraft] = []
    for index, name in enumerate(names):
        base = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
        level_id = "-".join(part for part in base.split("-") if part) or f"level-{index + 1}"
        while level_id in {d.id for d in drafts}:
            level_id += f"-{index + 1}"
        # Spread the levels over the reference scale from 1.5 upward, one step each.
        drafts.append(LevelDraft(level_id, name, min(8.0, 1.5 + index)))
    return drafts


def framework_text(
    *,
    title: str,
    organisation: str,
    levels: list[str],
    management: bool,
    discipline: str = "engineering",
    schema_url: str = SCHEMA_BASE + "framework.schema.json",
) -> str:
    drafts = level_drafts(levels or list(DEFAULT_LEVELS))
    return (
        _env()
        .get_template("framework.yaml.j2")
        .render(
            title=title,
            organisation=organisation,
            levels=drafts,
            level_ids=[d.id for d in drafts],
            management=management and len(drafts) >= 3,
            discipline=discipline,
            today=datetime.date.today().isoformat(),
            # What the author is to replace, from where the placeholder lint reads it.
            introduction_prompt=placeholders.INTRODUCTION_PROMPT,
            level_summary_prompt=placeholders.LEVEL_SUMMARY_PROMPT,
            quality=placeholders.QUALITY_STARTERS,
            communication=placeholders.COMMUNICATION_STARTERS,
            manager_starters=placeholders.MANAGER_STARTERS,
            schema_url=schema_url,
        )
    )


def schema_reference(site_root: Path, frameworks_dir: Path, base_url: str | None) -> str:
    """What a new framework's `$schema` line should point at for this site."""
    local = site_root / "schema" / "framework.schema.json"
    if local.is_file():
        return os.path.relpath(local, frameworks_dir).replace(os.sep, "/")
    if base_url:
        return base_url + "schema/framework.schema.json"
    return SCHEMA_BASE + "framework.schema.json"


def action_ref(version: str = __version__) -> str:
    """What the workflow that `init` writes names in `uses:`: the release that wrote it, or
    the main branch when a development version (which has no tag) wrote it."""
    if RELEASE.fullmatch(version):
        return f"{ACTION_REPOSITORY}@v{version}"
    return f"{ACTION_REPOSITORY}@main"


def _pin_comment(version: str) -> list[str]:
    if RELEASE.fullmatch(version):
        return [
            f"ladderpress {version} wrote this workflow, and the step below runs that release.",
            "To upgrade, put a newer version after the @ (what changed is in CHANGELOG.md",
            f"at https://github.com/{ACTION_REPOSITORY}); Dependabot (.github/dependabot.yml)",
            "proposes each new release as a pull request.",
        ]
    return [
        f"A development version of ladderpress ({version}) wrote this workflow, so the step",
        "below follows ladderpress's main branch. Put a release after the @ (@vX.Y.Z) to pin",
        "it; Dependabot (.github/dependabot.yml) then proposes each newer release.",
    ]


def workflow_text(version: str = __version__) -> str:
    """The GitHub workflow of a new site: validate, build and publish with the action."""
    text = (SKELETON / "github" / "pages.yml").read_text(encoding="utf-8")
    comment = "".join(f"      # {line}\n" for line in _pin_comment(version))
    text = text.replace("      # LADDERPRESS_PIN_COMMENT\n", comment)
    return text.replace("LADDERPRESS_ACTION", action_ref(version))


def init_site(folder: Path, *, title: str, force: bool = False) -> list[Path]:
    """Create a site folder that builds at once; refuse to overwrite anything."""
    planned = {
        folder / "ladderpress.yaml": _env()
        .get_template("ladderpress.yaml.j2")
        .render(title=title, config_schema_url="schema/config.schema.json"),
        folder / "frameworks" / "example-engineering.yaml": framework_text(
            title="Engineering career framework",
            organisation=placeholders.EXAMPLE_ORGANISATION,
            levels=list(DEFAULT_LEVELS),
            management=True,
            schema_url="../schema/framework.schema.json",
        ),
        folder / ".github" / "workflows" / "pages.yml": workflow_text(),
        folder / ".gitignore": (SKELETON / "gitignore").read_text(),
    }
    # A local copy of the schemas lets editors autocomplete offline, before any deploy.
    for schema in sorted(schema_dir().glob("*.schema.json")):
        planned[folder / "schema" / schema.name] = schema.read_text(encoding="utf-8")
    existing = [path for path in planned if path.exists()]
    if existing and not force:
        raise FileExistsError(", ".join(str(p) for p in existing))
    for path, text in planned.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    theme = folder / "theme"
    if not theme.exists():
        shutil.copytree(SKELETON / "theme", theme)
    # A repository's own Dependabot settings are kept, even with --force: they cover more
    # than this site.
    dependabot = folder / ".github" / "dependabot.yml"
    extra = [] if dependabot.exists() else [dependabot]
    if extra:
        shutil.copyfile(SKELETON / "github" / "dependabot.yml", dependabot)
    return [*planned, theme, *extra]
