"""The input policy every request schema uses: text, numbers and e-mail addresses that are safe.

Use these types in request bodies and query parameters instead of bare `str`/`float`/`bool`:

    from cloth_shared.inputs import Email, SingleLine, StrictBool, StrictNumber
    Name = Annotated[str, StringConstraints(strip_whitespace=True, max_length=100), SingleLine]

- Text never carries control characters (NUL would reach PostgreSQL and fail there), lone
  surrogates, or invisible and bidirectional formatting characters (they disguise one string as
  another); multi-line text may carry tabs and line breaks.
- Numbers and booleans are strict in bodies: `"41.5"` or `true` is not a latitude.
- E-mail addresses are compared in one form: NFKC, case-folded, the domain as IDNA (checked by
  email-validator, without any network look-up); a label mixing scripts (Latin with Cyrillic,
  say) is refused, since it is how a look-alike of someone else's address is made.
"""

import sys
import unicodedata
from functools import cache
from typing import Annotated, Any

import email_validator
from email_validator import EmailNotValidError, validate_email
from pydantic import (
    BeforeValidator,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    Strict,
    StringConstraints,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

_LINE_BREAKS = frozenset("\t\n\r")
# Zero-width and bidirectional controls, word joiner, BOM: invisible, and used to disguise text.
_INVISIBLE = frozenset(
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)


def refuse_hidden_characters(value: str, *, multiline: bool = False) -> str:
    """The value unchanged, or ValueError naming the first control or invisible character."""
    for position, char in enumerate(value):
        category = unicodedata.category(char)
        if multiline and char in _LINE_BREAKS:
            continue
        if category in ("Cc", "Cs") or char in _INVISIBLE or (category == "Cf" and not multiline):
            raise ValueError(f"control or invisible character U+{ord(char):04X} at position {position}")
    return value


def _refused(char: str, *, multiline: bool) -> bool:
    if multiline and char in _LINE_BREAKS:
        return False
    category = unicodedata.category(char)
    return category == "Cc" or char in _INVISIBLE or (category == "Cf" and not multiline)


def _escaped(char: str) -> str:
    # BMP characters as \uXXXX (ECMA-262 and Python alike); others literally, since ECMA-262
    # spells them \u{...} only in its Unicode mode.
    return f"\\u{ord(char):04X}" if ord(char) <= 0xFFFF else char


def _character_class(chars: list[str]) -> str:
    """`chars` (sorted) as the inside of a regular-expression character class, in ranges."""
    parts: list[str] = []
    start = previous = chars[0]
    for char in [*chars[1:], ""]:
        if char and ord(char) == ord(previous) + 1:
            previous = char
            continue
        parts.append(_escaped(start) if start == previous else f"{_escaped(start)}-{_escaped(previous)}")
        start = previous = char
    return "".join(parts)


@cache
def _refused_characters(multiline: bool) -> list[str]:
    every = (chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)
    return [char for char in every if _refused(char, multiline=multiline)]


@cache
def text_pattern(*, multiline: bool, min_stripped_length: int = 0) -> str:
    """The policy as a JSON Schema `pattern`, so the OpenAPI document states what is accepted.

    Lone surrogates are left out: they cannot be written in UTF-8 JSON at all. With a minimum
    length after stripping, the value has that many characters between its first and last
    non-blank one.
    """
    refused = _refused_characters(multiline)
    blank = [
        chr(code)
        for code in range(0x3001)
        if chr(code).isspace() and not _refused(chr(code), multiline=multiline)
    ]
    allowed, visible = f"[^{_character_class(refused)}]", f"[^{_character_class(sorted(blank + refused))}]"
    if min_stripped_length <= 0:
        return f"^{allowed}*$"
    if min_stripped_length == 1:
        return f"^[{_character_class(blank)}]*{visible}{allowed}*$"
    return (
        f"^[{_character_class(blank)}]*{visible}{allowed}{{{min_stripped_length - 2},}}{visible}{allowed}*$"
    )


class _TextPolicy:
    """A marker for `Annotated[str, ...]`: validates the policy, and documents it as a `pattern`."""

    def __init__(self, *, multiline: bool) -> None:
        self._multiline = multiline

    def _check(self, value: str) -> str:
        return refuse_hidden_characters(value, multiline=self._multiline)

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_after_validator_function(self._check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        text = schema.get("schema", {})
        stripped = text.get("min_length", 0) if text.get("strip_whitespace") else 0
        if "pattern" not in json_schema:  # a code's own pattern (^[A-Z]{2}$) is already narrower
            json_schema["pattern"] = text_pattern(multiline=self._multiline, min_stripped_length=stripped)
        return json_schema


# Markers to put in an `Annotated[str, ...]`: every text type of a request carries one of them.
SingleLine = _TextPolicy(multiline=False)
MultiLine = _TextPolicy(multiline=True)


SafeText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), SingleLine]
SafeMultilineText = Annotated[str, StringConstraints(max_length=4000), MultiLine]
StrictNumber = Annotated[float, Strict()]
StrictInt = Annotated[int, Strict()]
StrictBool = Annotated[bool, Strict()]
Latitude = Annotated[float, Strict(), Field(ge=-90, le=90)]
Longitude = Annotated[float, Strict(), Field(ge=-180, le=180)]


# Development and test addresses live under .local and .test (admin@cloth.local): email-validator
# refuses those special-use names unless removed from this list, as its documentation says to.
for _allowed in ("local", "test"):
    if _allowed in email_validator.SPECIAL_USE_DOMAIN_NAMES:
        email_validator.SPECIAL_USE_DOMAIN_NAMES.remove(_allowed)


def _script(char: str) -> str:
    """The script of a letter, from its Unicode name (LATIN, CYRILLIC, GREEK …)."""
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]


def _single_script(label: str) -> None:
    scripts = {_script(char) for char in label if char.isalpha()}
    if len(scripts) > 1:
        raise ValueError(f"mixes scripts ({', '.join(sorted(scripts))}): a look-alike address")


def normalise_email(value: str) -> str:
    """One form per address: NFKC, case-folded local part, IDNA (ASCII) domain; look-alikes refused."""
    if not isinstance(value, str):
        raise ValueError("an e-mail address is a string")
    refuse_hidden_characters(value)
    folded = unicodedata.normalize("NFKC", value.strip()).casefold()
    refuse_hidden_characters(folded)
    try:
        checked = validate_email(folded, check_deliverability=False)
    except EmailNotValidError as error:
        raise ValueError(str(error)) from None
    _single_script(checked.local_part)
    for label in checked.domain.split("."):
        _single_script(label)
    return f"{checked.local_part}@{checked.ascii_domain}"


# An address wholly in one non-Latin script (иван@пример.рф, Greek, Arabic …) is accepted, on
# purpose: it is a valid internationalised address (RFC 6531), people in the platform's countries
# have them, and OWASP's input-validation guidance for e-mail is to check the syntax loosely and
# prove ownership by writing to it, not to narrow who may sign up. What makes one address look like
# another's is refused (scripts mixed within a label, invisible characters); the domain is kept and
# shown in its ASCII form (xn--…), so a Cyrillic domain never reads as a Latin one.
Email = Annotated[
    str,
    BeforeValidator(normalise_email),
    StringConstraints(max_length=254),
    Field(
        description="An e-mail address; compared case-insensitively, IDNA domain.",
        json_schema_extra={"format": "email", "examples": ["ana.puig@example.org"]},
    ),
]
