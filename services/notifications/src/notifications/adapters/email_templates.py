"""E-mail content from Jinja2 templates, one set per platform language, English as fallback.

`templates/email/<lang>/<name>.txt` holds a message's `subject` and `body` blocks (plain text);
`<lang>/_common.txt` the greeting, signature and footers of that language. The plain-text part
is those pieces joined; the HTML part is the one language-independent `_layout.html`, which
escapes every piece (autoescape on for .html) and links only the context's URLs.

Template names are those of delivery rows: an event type (`SMEJoined`, `ExchangeRequested`, …),
'digest', 'address_verification' or 'existing_account_signup'. An event type without a template
of its own gets 'generic'. Each template's first line lists the context keys it reads; every
template also reads `display_name` (optional). A missing required key is an error (StrictUndefined):
the delivery fails loudly rather than sending an e-mail with a hole in it.

Rows about events keep what happened as codes (`event_type`, `facts`: `[field, value]` pairs,
also per digest item): the renderer words them in the mail's language (adapters/email_words.py)
as the `title` and `lines` the `generic` and `digest` templates read. A row (or item) that
carries its own `title` and `lines` (written before `facts`, or a partner's notice) keeps them.

Rows about events carry `action_path`, a page of the web app (domain/email_context.py): the
renderer makes it `action_url` under the configured web address, so a link follows the address
the platform is served at when the mail goes, and a row never holds a URL a person typed.
"""

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, select_autoescape

from notifications.adapters.email_words import Words, load_words
from notifications.domain.email import (
    FALLBACK_LANGUAGE,
    PLATFORM_LANGUAGES,
    SECURITY_TEMPLATES,
    RenderedEmail,
    clean_subject,
    platform_language,
)

TEMPLATES = Path(__file__).resolve().parents[1] / "templates" / "email"

# Several event types share one message.
ALIASES = {"SMEJoined": "welcome", "StakeholderJoined": "welcome"}
GENERIC = "generic"
# Context keys whose values the platform sets to its own URLs: the only text made a link.
LINK_KEYS = ("action_url", "verify_url", "sign_in_url")
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,63}")
_PATH = re.compile(r"/(?:[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*)?")


class TemplateError(ValueError):
    """The delivery's context does not fit its template: retrying will not help."""


class JinjaEmailRenderer:
    def __init__(self, directory: Path = TEMPLATES, *, web_url: str | None = None) -> None:
        self._web_url = web_url.rstrip("/") if web_url else None
        self._env = Environment(
            loader=FileSystemLoader(directory),
            autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self._known = {path.stem for path in (directory / FALLBACK_LANGUAGE).glob("*.txt")}
        self._directory = directory
        self._words = load_words(directory, PLATFORM_LANGUAGES)

    def render(self, template: str, language: str, context: Mapping[str, Any]) -> RenderedEmail:
        """Subject, plain text and HTML of a delivery in the person's language (or English)."""
        name = ALIASES.get(template, template)
        if not _NAME.fullmatch(name) or name not in self._known or name.startswith("_"):
            name = GENERIC
        language = platform_language(language)
        if not (self._directory / language / f"{name}.txt").is_file():
            language = FALLBACK_LANGUAGE
        message = self._env.get_template(f"{language}/{name}.txt")
        common = self._env.get_template(f"{language}/_common.txt")
        try:
            values = _worded(self._with_link(context), self._words[language])
            subject = clean_subject(_block(message, "subject", values))
            body = _block(message, "body", values)
            greeting = _block(common, "greeting", values)
            signature = _block(common, "signature", values)
            footer = _block(common, "security_footer" if name in SECURITY_TEMPLATES else "footer", values)
        except Exception as error:  # undefined key, wrong type: the row's data, not a passing fault
            raise TemplateError(f"template {name!r} cannot render this context: {error}") from error
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
        text = "\n\n".join([greeting, *paragraphs, signature, f"-- \n{footer}"]) + "\n"
        html = self._env.get_template("_layout.html").render(
            language=language,
            subject=subject,
            greeting=greeting,
            paragraphs=[p.splitlines() for p in paragraphs],
            links=_links(values),
            signature=signature,
            footer=footer,
        )
        return RenderedEmail(subject=subject, text=text, html=html, language=language)

    def _with_link(self, context: Mapping[str, Any]) -> dict[str, Any]:
        values = dict(context)
        path = values.get("action_path")
        if "action_url" not in values and self._web_url and isinstance(path, str) and _PATH.fullmatch(path):
            values["action_url"] = self._web_url + path
        return values


def _worded(values: dict[str, Any], words: Words) -> dict[str, Any]:
    """The row's, and each digest item's, title and lines in `words`, where they kept codes; and
    `words` itself, for templates that write a coded value or a date (`words.value(field, value)`)."""
    values |= _words_of(values, words) | {"words": words}
    items = values.get("items")
    if isinstance(items, list):
        values["items"] = [
            {**item, **_words_of(item, words)} if isinstance(item, Mapping) else item for item in items
        ]
    return values


def _words_of(values: Mapping[str, Any], words: Words) -> dict[str, Any]:
    worded: dict[str, Any] = {}
    if "title" not in values and isinstance(values.get("event_type"), str):
        worded["title"] = words.title(values["event_type"])
    if "lines" not in values and isinstance(values.get("facts"), list):
        worded["lines"] = [words.fact(str(field), str(value)) for field, value in values["facts"]]
    return worded


def _block(template: Template, block: str, values: dict[str, Any]) -> str:
    return "".join(template.blocks[block](template.new_context(values))).strip()


def _links(values: Mapping[str, Any]) -> set[str]:
    found = (values.get(key) for key in LINK_KEYS)
    return {url for url in found if isinstance(url, str) and url.startswith(("https://", "http://"))}
