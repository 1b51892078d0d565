"""What a new password must be (NIST SP 800-63B): long, not common, not the person's own data.

No composition rules (upper case, digits…) and no expiry: length and a blocklist do the work.
"""

import unicodedata
from collections.abc import Container

from cloth_shared.errors import InvalidInput

MIN_LENGTH = 12
MAX_LENGTH = 200


class WeakPassword(InvalidInput):
    code = "weak-password"


def _comparable(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().strip()


def check_new_password(
    password: str, *, email: str | None, name: str | None, common: Container[str], guessable: bool
) -> None:
    """Refuse a password too short, with control characters, in the common list, equal to
    the e-mail, its local part or the name, or that a guesser finds quickly (`guessable`)."""
    if not MIN_LENGTH <= len(password) <= MAX_LENGTH:
        raise WeakPassword(f"a password has {MIN_LENGTH} to {MAX_LENGTH} characters", field="password")
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in password):
        raise WeakPassword("a password has no control or invisible characters", field="password")
    candidate = _comparable(password)
    own = {_comparable(v) for v in (email, email.split("@")[0] if email else None, name) if v}
    if candidate in own:
        raise WeakPassword("a password must not be your e-mail address or name", field="password")
    if candidate in common or guessable:
        raise WeakPassword("this password is too common or too easy to guess", field="password")
