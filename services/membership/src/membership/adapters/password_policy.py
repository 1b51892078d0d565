"""The blocklist and guessability of new passwords, from zxcvbn's bundled data (no network).

zxcvbn (Dropbox's estimator, Python port) ships the 30,000 most common passwords of public
leaks and estimates how many guesses a password needs given dictionaries, keyboard patterns,
repetitions, sequences and the person's own data.
"""

from collections.abc import Sequence

from zxcvbn import zxcvbn
from zxcvbn.frequency_lists import FREQUENCY_LISTS

from membership.domain.passwords import MAX_LENGTH

# Score 3 is "safely unguessable: moderate protection from an offline attack" (>= 10^8 guesses).
MIN_SCORE = 3
ZXCVBN_MAX_LENGTH = 72


class ZxcvbnPasswordPolicy:
    def __init__(self) -> None:
        self.common = frozenset(p.casefold() for p in FREQUENCY_LISTS["passwords"])

    def guessable(self, password: str, *, personal: Sequence[str]) -> bool:
        # zxcvbn's matching grows with the length; past the limit the length check refuses it.
        if len(password) > MAX_LENGTH:
            return False
        # zxcvbn raises beyond its own limit (72), which made a longer passphrase a 500: it judges
        # the first 72 characters, and a passphrase whose start is strong is strong.
        return bool(zxcvbn(password[:ZXCVBN_MAX_LENGTH], user_inputs=list(personal))["score"] < MIN_SCORE)
