"""Markdown bodies made safe to show: rendered by markdown-it, then cleaned by an allow-list.

Raw HTML in the source is never rendered (markdown-it's `html` option is off, so it comes out
escaped as text), and the rendered HTML still goes through nh3 (ammonia): only the tags and
attributes below survive, links get `rel="noopener noreferrer nofollow"`, and only http(s) and
mailto URLs are kept. Two independent guards, so a bug in one does not reach a reader.
"""

import nh3
from markdown_it import MarkdownIt

_PARSER = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table").enable("strikethrough")

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "hr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "strong",
        "em",
        "s",
        "del",
        "code",
        "pre",
        "blockquote",
        "ul",
        "ol",
        "li",
        "a",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


def to_html(markdown: str) -> str:
    """The body as HTML a browser may show as it is."""
    return nh3.clean(
        _PARSER.render(markdown),
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
    )


def to_text(markdown: str) -> str:
    """The words of the body without markup: what search indexes and quotes in snippets."""
    words: list[str] = []
    for token in _PARSER.parse(markdown):
        if token.type == "inline" and token.children:
            words.extend(child.content for child in token.children if child.type in {"text", "code_inline"})
            words.append("\n")
        elif token.type in {"code_block", "fence"}:
            words.append(token.content)
    return "".join(words).strip()
