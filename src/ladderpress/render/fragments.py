"""HTML that thousands of pages repeat, built in Python rather than in templates.

A comparison page lists a couple of hundred changes, and a level page as many
statements; through Jinja each costs tens of microseconds of expression overhead, which
made these lists most of a large build's time. The markup here is the theme's default; a
theme can override compare.html, or `statement_list` in _macros.html, to loop itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from ladderpress.analyse.compare import Change, Kind
from ladderpress.analyse.similarity import Segment
from ladderpress.core.markdown import render_inline
from ladderpress.core.model import Level, Statement

_MARK_TAGS = {"insert": "ins", "delete": "del"}


def rich(text: str, **values: object) -> Markup:
    """A translated message with markup in it: the message is escaped, then each
    `%(name)s` is replaced by its value (escaped too, unless it is Markup already)."""
    html = escape(text)
    for name, value in sorted(values.items()):
        html = html.replace(f"%({name})s", value if isinstance(value, str) else str(value))
    return html


def word_marks(segments: tuple[Segment, ...]) -> Markup:
    """Words of a changed statement, with <ins> and <del> around what changed."""
    parts = []
    for segment in segments:
        text = str(escape(segment.text))
        tag = _MARK_TAGS.get(segment.op)
        parts.append(f"<{tag}>{text}</{tag}>" if tag else text)
    return Markup("".join(parts))


def _side(side: str, level_name: str, wording: str, missing: str) -> str:
    content = f"<p>{wording}</p>" if wording else missing
    name = f'<span class="side-name">{level_name}</span>'
    return f'<div class="side side-{side}">{name}{content}</div>'


def change_items(
    changes: Sequence[Change],
    before_name: str,
    after_name: str,
    label: Callable[[str, str | None], Markup],
    not_expected: str,
) -> Markup:
    """One <li> per change: its label, then the wording at each level side by side, or
    only the one wording of a statement that one level has (added or removed)."""
    a, b = str(escape(before_name)), str(escape(after_name))
    missing = f'<p class="none">{escape(not_expected)}</p>'
    items = []
    labels: dict[tuple[str, str | None], Markup] = {}  # a macro call each, so made once
    for change in changes:
        kind = change.kind.value
        only_at = after_name if kind == "added" else before_name if kind == "removed" else None
        if (kind, only_at) not in labels:
            labels[kind, only_at] = label(kind, only_at)
        if kind == "changed":
            before, after = word_marks(change.before_words), word_marks(change.after_words)
            sides = _side("a", a, before, missing) + _side("b", b, after, missing)
        else:
            statement = change.after or change.before
            sides = f'<div class="side"><p>{statement.html_text if statement else ""}</p></div>'
        items.append(f'<li class="change change-{kind}">{labels[kind, only_at]}{sides}</li>\n')
    return Markup("".join(items))


# The messages statement items use, for the catalogue; the first four in this order.
ITEM_MESSAGES = (
    "Examples %(hidden)sfor this statement%(end_hidden)s",
    "Suggest a change%(hidden)s to this statement%(end_hidden)s",
    "Link to this statement",
    "Now",
    "What changed since %(level)s",
    "%(name)s:",
)


@dataclass(frozen=True)
class ItemWords:
    """What every statement item says besides the statement, in one language."""

    link_title: str
    examples_summary: Markup
    suggest_label: Markup
    now: str
    translate: Callable[..., str]


def statement_item(
    s: Statement,
    change: Change | None,
    before_name: str | None,
    label: Markup | None,
    suggest: str | None,
    words: ItemWords,
) -> Markup:
    """One <li> of a statement list: the statement, what changed, examples, links."""
    anchor = escape(s.anchor)
    parts = [f'<li class="statement" id="{anchor}">\n', label or ""]
    parts.append(f'  <div class="statement-text">{s.html_text}</div>\n')
    if s.proficiency:
        parts.append(f'  <p class="proficiency">{escape(s.proficiency)}</p>\n')
    if change is not None and change.kind is Kind.CHANGED:
        since = escape(words.translate(ITEM_MESSAGES[4], level=before_name))
        old_name = escape(words.translate(ITEM_MESSAGES[5], name=before_name))
        new_name = escape(words.translate(ITEM_MESSAGES[5], name=words.now))
        parts.append(
            f'  <details class="what-changed">\n    <summary>{since}</summary>\n'
            f'    <div class="before-after">\n'
            f'  <p><span class="ba-name">{old_name}</span> {word_marks(change.before_words)}</p>\n'
            f'  <p><span class="ba-name">{new_name}</span> {word_marks(change.after_words)}</p>\n'
            "</div>\n\n  </details>\n"
        )
    if s.examples:
        parts.append(
            f'  <details class="examples">\n    <summary>{words.examples_summary}</summary>\n'
            "    <ul>\n"
        )
        parts.extend(f"      <li>{render_inline(e) if e else ''}</li>\n" for e in s.examples)
        parts.append("    </ul>\n  </details>\n")
    title = escape(words.link_title)
    parts.append(
        f'  <a class="permalink" href="#{anchor}" title="{title}"><span aria-hidden="true">#'
        f'</span><span class="visually-hidden">{title}</span></a>\n'
    )
    if suggest:
        parts.append(
            f'  <a class="suggest" href="{escape(suggest)}" rel="nofollow noopener">'
            f"{words.suggest_label}</a>\n"
        )
    parts.append("</li>\n")
    return Markup("".join(parts))


class FragmentCache:
    """Markup of a macro call that many pages show alike, rendered once per build.

    Templates call it as `cached(key, macro, *args)`; the key must name everything the
    output depends on besides the page language and terms, which are added here.
    Bounded, so that a worker rendering thousands of pages keeps flat memory.
    """

    def __init__(self, language: Callable[[], object], limit: int = 4000) -> None:
        self.language = language
        self.limit = limit
        self._store: dict[tuple[object, ...], Markup] = {}

    def clear(self) -> None:
        self._store.clear()

    def __call__(self, key: tuple[object, ...], macro: Any, *args: Any, **kwargs: Any) -> Markup:
        full = (self.language(), *key)
        found = self._store.get(full)
        if found is None:
            if len(self._store) >= self.limit:
                self._store.clear()
            found = self._store[full] = Markup(macro(*args, **kwargs))
        return found


# How a range of time at a level reads, in whole years when both ends are whole years.
TIME_MESSAGES = {
    ("range", "months"): "%(min)s to %(max)s months",
    ("range", "years"): "%(min)s to %(max)s years",
    ("at least", "months"): "At least %(min)s months",
    ("at least", "years"): "At least %(min)s years",
    ("up to", "months"): "Up to %(max)s months",
    ("up to", "years"): "Up to %(max)s years",
}


def time_at_level(level: Level, translate: Callable[..., str]) -> str | None:
    """The level's typical time, as text in the page's language."""
    if level.time_range is None:
        return level.time_at_level
    low, high = level.time_range.min_months, level.time_range.max_months
    if low is None and high is None:
        return None
    ends = [m for m in (low, high) if m]
    unit = "years" if ends and all(m % 12 == 0 for m in ends) else "months"
    size = 12 if unit == "years" else 1
    shape = (
        "range" if low is not None and high is not None else "at least" if high is None else "up to"
    )
    values = {"min": (low or 0) // size, "max": (high or 0) // size}
    return translate(TIME_MESSAGES[shape, unit], **values)
