"""HTML that thousands of pages repeat, built in Python rather than in templates.

A comparison page lists a couple of hundred changes, and a level page as many
statements; through Jinja each costs tens of microseconds of expression overhead, which
made these lists most of a large build's time. The markup here is the theme's default; a
theme can override compare.html, or `statement_list` in _macros.html, to loop itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from ladderpress.analyse.compare import Change, Kind
from ladderpress.analyse.similarity import Segment
from ladderpress.core.markdown import render_inline
from ladderpress.core.model import Statement

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
