"""The closed vocabularies of an organisation profile, and checks of codes against ISO lists."""

from enum import StrEnum
from functools import cache

import pycountry


class ValueChain(StrEnum):
    FASHION_TEXTILE = "fashion_textile"
    CIRCULAR_ECONOMY = "circular_economy"
    CREATIVE_INDUSTRIES = "creative_industries"
    DIGITAL_TECHNOLOGY = "digital_technology"


class SizeBand(StrEnum):
    """EU SME size classes by headcount, plus large."""

    MICRO = "micro"  # fewer than 10
    SMALL = "small"  # 10-49
    MEDIUM = "medium"  # 50-249
    LARGE = "large"  # 250 or more


@cache
def _countries() -> frozenset[str]:
    return frozenset(country.alpha_2 for country in pycountry.countries)


@cache
def _languages() -> frozenset[str]:
    return frozenset(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))


def country_codes() -> list[str]:
    """Every ISO 3166-1 alpha-2 code, sorted: what a country field accepts."""
    return sorted(_countries())


def language_codes() -> list[str]:
    """Every ISO 639-1 code, sorted: what a language field accepts."""
    return sorted(_languages())


def is_country(code: str) -> bool:
    """An ISO 3166-1 alpha-2 code in upper case, e.g. ES."""
    return code in _countries()


def is_language(code: str) -> bool:
    """An ISO 639-1 code in lower case, e.g. ca."""
    return code in _languages()
