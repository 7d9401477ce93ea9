"""Render pages through Jinja: autoescape, strict undefined, site theme over the default."""

from __future__ import annotations

from contextlib import suppress
from contextvars import ContextVar
from functools import lru_cache, partial
from typing import Any
from urllib.parse import urlencode, urlsplit

import jinja2
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from ladderpress import __version__
from ladderpress.analyse.assessment import assessment_data
from ladderpress.analyse.compare import Analysis, Change, LevelComparison, Step
from ladderpress.core.labels import display_label
from ladderpress.core.markdown import render_block, render_inline
from ladderpress.core.model import Competency, Framework, Statement
from ladderpress.core.problems import InputError, error
from ladderpress.core.site import SiteConfig
from ladderpress.core.terms import TERM_KEYS
from ladderpress.core.urls import URLS, level_url
from ladderpress.plan.pages import Page
from ladderpress.render.fragments import (
    ITEM_MESSAGES,
    FragmentCache,
    ItemWords,
    change_items,
    rich,
    statement_item,
    time_at_level,
    word_marks,
)
from ladderpress.render.messages import JS_MESSAGES, catalogue_chain, language_name, translate
from ladderpress.render.terms import Terms, apply_terms, read_words
from ladderpress.render.themes import Asset, theme_chain
from ladderpress.render.views import page_view

_page_language: ContextVar[str | None] = ContextVar("page_language", default=None)
# How many frameworks' comparisons a renderer keeps: each holds at most one framework's
# statements and their scores, and a render worker's chunks span a few frameworks.
ANALYSES_KEPT = 16
# The words of the page's framework for statements, competencies, categories and levels.
_page_terms: ContextVar[Terms] = ContextVar("page_terms", default=())


def _voice() -> tuple[str | None, Terms]:
    """What a page's messages depend on besides their id: its language and its terms."""
    return _page_language.get(), _page_terms.get()


def relative_url(target: str, current: str) -> str:
    """The shortest link from the page at `current` to `target`, both site-relative."""
    base = current.split("/")[:-1]  # the folder the current page is in
    parts = target.split("/")
    common = 0
    while common < min(len(base), len(parts) - 1) and base[common] == parts[common]:
        common += 1
    relative = "../" * (len(base) - common) + "/".join(parts[common:])
    return relative or "./"


def link_label(url: str) -> str:
    """A web address as people read it: no scheme, no trailing slash."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/") or url


def _base_path(config: SiteConfig) -> str:
    return urlsplit(config.base_url).path if config.base_url else "/"


class Renderer:
    def __init__(
        self,
        config: SiteConfig,
        assets: dict[str, Asset],
        *,
        search: bool = False,
        preview: bool = False,
    ) -> None:
        self.config = config
        self.preview = preview
        self.search = search
        self.themes = tuple(theme_chain(config))
        self.assets = assets
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(
                [jinja2.FileSystemLoader(theme / "templates") for theme in theme_chain(config)]
            ),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        # What this build remembers; none of it outlives the renderer.
        self.fragments = FragmentCache(_voice)
        self._item_words: dict[tuple[str, Terms], ItemWords] = {}
        self._analyses: dict[int, Analysis] = {}
        self._relative_url = lru_cache(maxsize=8192)(relative_url)
        self._plain_translation = lru_cache(maxsize=4096)(self._translate_plain)
        self._catalogues = lru_cache(maxsize=16)(self._read_catalogues)
        self._term_words = lru_cache(maxsize=16)(partial(read_words, self.themes))
        block = lru_cache(maxsize=2048)(render_block)
        inline = lru_cache(maxsize=2048)(render_inline)
        self.env.filters["markdown"] = lambda text: block(text) if text else ""
        self.env.filters["markdown_inline"] = lambda text: inline(text) if text else ""
        self.env.filters["link_label"] = link_label
        self.env.filters["time_at_level"] = lambda level: time_at_level(level, self._translate)
        self.env.filters["word_marks"] = word_marks
        self.env.globals.update(
            assessment_data=assessment_data,
            compare_levels=self._compare_levels,
            cached=self.fragments,
            change_items=self._change_items,
            statement_items=self._statement_items,
            rich=rich,
            step=self._step,
            _=self._translate,
            language_name=language_name,
            label_of=partial(display_label, names=dict(config.labels)),  # 'sre': "SRE"
            title_of=lambda page: self._translate(page.title, **page.title_params),
            js_messages=lambda: {m: self._translate(m) for m in JS_MESSAGES},
            url=self._url,
            site_path=self._site_path,
            feedback_url=self._feedback_url,
            asset=self._asset,
            site=config,
            search_enabled=search,
            preview=preview,
            generator=f"ladderpress {__version__}",
        )

    def _link(self, context: Context, target: str) -> str:
        page: Page = context["page"]
        if page.absolute_links:  # the preview serves the site at its root
            return ("/" if context["preview"] else _base_path(context["site"])) + target
        return self._relative_url(target, page.url)

    def analysis(self, framework: Framework) -> Analysis:
        """The comparisons of a framework's levels, shared by all its pages."""
        key = id(framework)  # identity: equal frameworks of two builds must not share
        found = self._analyses.pop(key, None)
        if found is None or found.framework is not framework:
            found = Analysis(framework)
        self._analyses[key] = found  # the most recently used last
        # A worker's pages come a few frameworks at a time: keep the last ones it used.
        while len(self._analyses) > ANALYSES_KEPT:
            del self._analyses[next(iter(self._analyses))]
        return found

    def _compare_levels(self, framework: Framework, a_id: str, b_id: str) -> LevelComparison:
        return self.analysis(framework).compare(a_id, b_id)

    def _step(self, framework: Framework, competency: Competency, level_id: str) -> Step | None:
        return self.analysis(framework).step(competency, level_id)

    @pass_context
    def _url(self, context: Context, kind: str, *args: Any) -> str:
        return self._link(context, URLS[kind](*args))

    def _change_items(
        self, changes: list[Change], before_name: str, after_name: str, label: Any, missing: str
    ) -> Markup:
        return change_items(
            changes,
            before_name,
            after_name,
            lambda kind, only_at: self.fragments(
                ("label", _name(label), kind, only_at), label, kind, only_at
            ),
            missing,
        )

    def _statement_items(
        self,
        statements: list[Statement],
        changes: Step | None,
        before_name: str | None,
        framework: Framework | None,
        label: Any,
    ) -> Markup:
        """A statement list's items; each made once per build however many pages list it,
        and so is a whole list without changes (the statements a level carries)."""
        if changes is None:
            root = framework.url_root if framework else ""
            key = ("statements", root, *(s.id for s in statements))
            return self.fragments(key, self._items, statements, None, None, framework, label)
        return self._items(statements, changes, before_name, framework, label)

    def _items(
        self,
        statements: list[Statement],
        changes: Step | None,
        before_name: str | None,
        framework: Framework | None,
        label: Any,
    ) -> Markup:
        words = self._words()
        root = framework.url_root if framework else ""
        items = []
        for s in statements:
            mark = changes.mark(s) if changes else None
            name = before_name if mark else None
            # Everything the item shows besides the page language and terms (`fragments` adds them).
            key = (
                "statement",
                root,
                s.id,
                mark.kind.value if mark else None,
                mark.before.id if mark and mark.before else None,
                name,
            )
            items.append(
                self.fragments(key, self._statement_item, s, mark, name, framework, label, words)
            )
        return Markup("".join(f"{item}\n" for item in items))

    def _statement_item(
        self,
        s: Statement,
        mark: Change | None,
        before_name: str | None,
        framework: Framework | None,
        label: Any,
        words: ItemWords,
    ) -> Markup:
        kind = mark.kind.value if mark else None
        badge = (
            self.fragments(("label", _name(label), kind, None), label, kind, None) if mark else None
        )
        suggest = self._feedback_url(framework, s) if framework else None
        return statement_item(s, mark, before_name, badge, suggest, words)

    def _words(self) -> ItemWords:
        language = _page_language.get() or self.config.language
        key = (language, _page_terms.get())
        found = self._item_words.get(key)
        if found is None:
            hidden, end = Markup('<span class="visually-hidden">'), Markup("</span>")
            examples, suggest, link, now = (self._translate(m) for m in ITEM_MESSAGES[:4])
            found = self._item_words[key] = ItemWords(
                link_title=link,
                examples_summary=rich(examples, hidden=hidden, end_hidden=end),
                suggest_label=rich(suggest, hidden=hidden, end_hidden=end),
                now=now,
                translate=self._translate,
            )
        return found

    def _translate(self, msgid: str, **params: object) -> str:
        # Macros imported without context cannot see the page: the language is set per render.
        language = _page_language.get() or self.config.language
        terms = _page_terms.get()
        if not params:
            return self._plain_translation(language, terms, msgid)
        if not terms:
            return translate(self._catalogues(language), msgid, params)
        text = translate(self._catalogues(language), msgid, {})
        return apply_terms(text, self._term_words(language), terms) % params

    def _translate_plain(self, language: str, terms: Terms, msgid: str) -> str:
        text = translate(self._catalogues(language), msgid, {})
        return apply_terms(text, self._term_words(language), terms) if terms else text

    def _read_catalogues(self, language: str) -> tuple[dict[str, str], ...]:
        return catalogue_chain(self.themes, language)

    @pass_context
    def _site_path(self, context: Context, path: str) -> str:
        """A link to any path inside the site, e.g. from the config's navigation."""
        return self._link(context, path.lstrip("/"))

    def _feedback_url(self, framework: Framework, statement: Statement) -> str | None:
        """A prefilled "new issue" link in the site's repository, if it names one."""
        if not self.config.repository:
            return None
        level = framework.levels[statement.level].name
        competency = framework.competencies[statement.competency].name
        page = level_url(framework, statement.level) + "#" + statement.anchor
        body = "\n".join(
            [
                f"**Framework:** {framework.title} ({framework.slug})",
                f"**Level:** {level}",
                f"**Competency:** {competency}",
                f"**Statement:** `{statement.id}`",
                f"**Page:** {(self.config.base_url or '/') + page}",
                "",
                "> " + statement.text.replace("\n", "\n> "),
                "",
                "**Suggestion:**",
                "",
            ]
        )
        query = urlencode({"title": f"{framework.slug}: {competency} at {level}", "body": body})
        return f"{self.config.repository}/issues/new?{query}"

    @pass_context
    def _asset(self, context: Context, name: str) -> str:
        asset = self.assets[name]
        return f"{self._link(context, asset.url)}?v={asset.version}"

    def compile(self, names: set[str]) -> None:
        """Load templates now, so that worker processes forked later share them."""
        for name in names:
            # A broken template is reported by render(), with the page that needs it.
            with suppress(jinja2.TemplateError):
                self.env.get_template(name)

    def _terms_of(self, framework: object) -> Terms:
        """The site's words, each replaced by the page's framework's own where it has one."""
        own = framework.terms if isinstance(framework, Framework) else ()
        if not self.config.terms:
            return own
        chosen = {key: (key, one, many) for key, one, many in (*self.config.terms, *own)}
        return tuple(chosen[key] for key in TERM_KEYS if key in chosen)

    def canonical(self, page: Page) -> str | None:
        return self.config.base_url + page.url if self.config.base_url else None

    def render(self, page: Page) -> bytes:
        token = _page_language.set(page.language)
        framework = page.context.get("framework")
        terms_token = _page_terms.set(self._terms_of(framework))
        try:
            template = self.env.get_template(page.template)
            view = page_view(self.analysis, page.template, page.context)
            html = template.render(
                page=page, canonical=self.canonical(page), **page.context, **view
            )
        except jinja2.TemplateSyntaxError as exc:
            where = exc.filename or page.template
            raise InputError(
                [error(where, exc.lineno or 1, 1, f"template error: {exc.message}", "template")]
            ) from None
        except jinja2.TemplateNotFound as exc:
            raise InputError(
                [error(page.template, 1, 1, f"template not found: {exc.name}", "template")]
            ) from None
        except Exception as exc:  # a theme is code: report its failure, keep the old site
            where, line = _template_position(exc, _template_file(self.env, page.template))
            raise InputError(
                [
                    error(
                        where,
                        line,
                        1,
                        f"rendering {page.url or 'the home page'} failed: "
                        f"{type(exc).__name__}: {exc}",
                        "template",
                    )
                ]
            ) from None
        finally:
            _page_language.reset(token)
            _page_terms.reset(terms_token)
        return html.encode("utf-8")


def _template_file(env: jinja2.Environment, name: str) -> str:
    try:
        source = env.loader.get_source(env, name) if env.loader else None
    except jinja2.TemplateNotFound:
        return name
    return source[1] or name if source else name


def _template_position(exc: BaseException, fallback: str) -> tuple[str, int]:
    """The innermost template frame of the error: Jinja maps its lines to the template's."""
    tb = exc.__traceback__
    found = (fallback, 1)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".xml", ".txt")):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _name(macro: Any) -> str:
    """Which macro makes a label (`label`, `path_label`): part of its fragment's key."""
    return str(getattr(macro, "name", getattr(macro, "__name__", "")))
