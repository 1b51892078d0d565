"""A language's words for what rows keep as codes: event titles, fact labels, coded values, dates.

`templates/email/<lang>/_words.toml` holds them beside that language's templates: `[titles]` by
event type, `[labels]` by payload field, `[codes.<field>]` by value, `fact` (how "label: value"
is written, e.g. French puts a no-break space before the colon) and `locale` (the CLDR locale
Babel writes dates and amounts in). English lies beneath every language: a word a language lacks
is the English one, and an event English lacks is named from its type (`title_of`).

Why a catalogue keyed by code and not gettext: what is translated here is a fixed vocabulary
looked up by stable keys (event types, field names), not sentences extracted from code; the
sentences already live in the per-language templates. One TOML file per language, read by the
standard library, keeps every word of a language in its folder with no compile step; Babel
(CLDR) does what a table cannot: month names, date order and decimal marks per language.
"""

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from notifications.domain.email import FALLBACK_LANGUAGE
from notifications.domain.email_context import AMOUNT_FIELDS, DATE_FIELDS, title_of

WORDS_FILE = "_words.toml"
# A code of a coded field that no catalogue names yet still reads better as words.
_CODE = re.compile(r"[a-z]+(_[a-z]+)+")


@dataclass(frozen=True, slots=True)
class Words:
    """One language's words, English beneath."""

    locale: Locale  # parsed once: Babel formats about 3 times faster than from a locale's name
    fact_format: str
    titles: Mapping[str, str]
    labels: Mapping[str, str]
    codes: Mapping[str, Mapping[str, str]]

    def title(self, event_type: str) -> str:
        return self.titles.get(event_type) or title_of(event_type)

    def fact(self, field: str, value: str) -> str:
        label = self.labels.get(field) or field.replace("_", " ").capitalize()
        return self.fact_format.format(label=label, value=self.value(field, value))

    def value(self, field: str, value: str) -> str:
        """A fact's value as this language writes it: dates, amounts and codes; data as it is."""
        if field in DATE_FIELDS:
            return _date(value, self.locale)
        if field in AMOUNT_FIELDS:
            return _amount(value, self.locale)
        if field not in self.codes:
            return value
        return self.codes[field].get(value) or (value.replace("_", " ") if _CODE.fullmatch(value) else value)


def load_words(directory: Path, languages: tuple[str, ...]) -> dict[str, Words]:
    """Every language's words from its `_words.toml` (a language without one speaks English)."""
    english = _read(directory / FALLBACK_LANGUAGE / WORDS_FILE)
    return {language: _over(english, _read(directory / language / WORDS_FILE)) for language in languages}


def _over(english: Mapping[str, Any], own: Mapping[str, Any]) -> Words:
    fields = {**english.get("codes", {}), **own.get("codes", {})}
    return Words(
        locale=Locale.parse(own.get("locale") or english["locale"]),
        fact_format=own.get("fact") or english["fact"],
        titles={**english.get("titles", {}), **own.get("titles", {})},
        labels={**english.get("labels", {}), **own.get("labels", {})},
        codes={
            field: {**english.get("codes", {}).get(field, {}), **own.get("codes", {}).get(field, {})}
            for field in fields
        },
    )


def _read(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    with path.open("rb") as file:
        return tomllib.load(file)


def _date(value: str, locale: Locale) -> str:
    try:
        return format_date(date.fromisoformat(value), format="long", locale=locale)
    except ValueError:
        return value


def _amount(value: str, locale: Locale) -> str:
    try:
        return format_decimal(Decimal(value), format="#,##0.00", locale=locale)
    except InvalidOperation:
        return value
