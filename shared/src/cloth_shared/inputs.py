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

import unicodedata
from typing import Annotated

import email_validator
from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, BeforeValidator, Field, Strict, StringConstraints

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


def _single_line(value: str) -> str:
    return refuse_hidden_characters(value)


def _multiline(value: str) -> str:
    return refuse_hidden_characters(value, multiline=True)


# Markers to put in an `Annotated[str, ...]`: every text type of a request carries one of them.
SingleLine = AfterValidator(_single_line)
MultiLine = AfterValidator(_multiline)

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


Email = Annotated[
    str,
    BeforeValidator(normalise_email),
    StringConstraints(max_length=254),
    Field(description="An e-mail address; compared case-insensitively, IDNA domain."),
]
