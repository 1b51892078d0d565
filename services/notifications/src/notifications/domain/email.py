"""E-mail deliveries: what is sent to whom, in which language, and what follows each attempt.

A delivery row moves pending → sending (claimed by one sender, for a lease) → sent, or back to
pending with a later `next_attempt_at` after a temporary refusal, or to failed after the last
attempt or a permanent refusal. Pure rules: the sender, the SMTP client and the SQL apply them.
"""

import math
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal
from urllib.parse import urlencode
from uuid import UUID, uuid5

DeliveryStatus = Literal["pending", "sending", "sent", "failed"]

# The platform's languages; anything else is written to in English.
PLATFORM_LANGUAGES = ("en", "es", "ca", "bg", "fr", "ro", "da")
FALLBACK_LANGUAGE = "en"
SUBJECT_MAX_LENGTH = 200

# Templates every person receives whatever their preferences or verification state: they are
# how an address gets verified and how an account owner learns of a sign-up in their name.
SECURITY_TEMPLATES = frozenset({"address_verification", "existing_account_signup"})
# Templates whose context carries a secret (a single-use link): emptied once the delivery ends.
SECRET_TEMPLATES = frozenset({"address_verification"})


@dataclass(frozen=True, slots=True)
class EmailDelivery:
    """One e-mail to one address. `context` is the template's JSON input (see adapters/email_templates)."""

    id: UUID
    to_address: str
    language: str
    template: str
    context: Mapping[str, Any]
    notification_id: UUID | None = None
    person_id: UUID | None = None
    status: DeliveryStatus = "pending"
    attempts: int = 0
    next_attempt_at: datetime | None = None
    last_error: str | None = None
    created_at: datetime | None = None
    sent_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class RenderedEmail:
    subject: str
    text: str
    html: str
    language: str


@dataclass(frozen=True, slots=True)
class OutgoingEmail:
    """A rendered e-mail ready for the SMTP server; its Message-ID derives from `delivery_id`."""

    delivery_id: UUID
    to_address: str
    content: RenderedEmail


@dataclass(frozen=True, slots=True)
class Accepted:
    """The SMTP server took responsibility for the message (250 after DATA)."""


@dataclass(frozen=True, slots=True)
class Refused:
    reason: str
    permanent: bool = False


@dataclass(frozen=True, slots=True)
class NotTried:
    """Left unsent (the claim's lease was running out): given back without costing an attempt."""


SendOutcome = Accepted | Refused | NotTried


@dataclass(frozen=True, slots=True)
class RetryLater:
    delay_seconds: float


@dataclass(frozen=True, slots=True)
class GiveUp:
    reason: str


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential backoff with "equal jitter": attempt n waits between half and all of
    min(cap, base · 2^(n-1)). The fixed half keeps retries from hammering a refusing server;
    the random half spreads senders that failed together. Defaults: 8 attempts over about
    two hours (30 s … 64 min between them)."""

    max_attempts: int = 8
    base_seconds: float = 60.0
    cap_seconds: float = 4 * 3600.0

    def delay(self, attempt: int, random: Callable[[], float]) -> float:
        step = min(self.cap_seconds, self.base_seconds * 2.0 ** max(attempt - 1, 0))
        return step / 2 + random() * step / 2

    def after_refusal(
        self, attempts: int, refused: Refused, random: Callable[[], float]
    ) -> RetryLater | GiveUp:
        """What follows a refusal of the `attempts`-th attempt."""
        if refused.permanent:
            return GiveUp(refused.reason)
        if attempts >= self.max_attempts:
            return GiveUp(f"gave up after {attempts} attempts: {refused.reason}")
        return RetryLater(self.delay(attempts, random))


def platform_language(code: str | None) -> str:
    """The platform language to write in: 'bg-BG' → 'bg'; unknown → English."""
    primary = (code or "").strip().lower().replace("_", "-").split("-")[0]
    return primary if primary in PLATFORM_LANGUAGES else FALLBACK_LANGUAGE


def clean_subject(text: str) -> str:
    """One line of visible text: control, format (bidi, zero-width) and line-break characters
    become spaces, runs of spaces one, and the length is capped (a header cannot be smuggled in)."""
    visible = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in text)
    one_line = " ".join(visible.split())
    if len(one_line) > SUBJECT_MAX_LENGTH:
        one_line = one_line[: SUBJECT_MAX_LENGTH - 1].rstrip() + "…"
    return one_line


def message_id(delivery_id: UUID, domain: str) -> str:
    """The same for every attempt of one delivery, so a receiver can drop a resent copy."""
    return f"<{delivery_id}@{domain}>"


def delivery_id_for(event_id: UUID, template: str) -> UUID:
    """The same id for the same e-mail of the same event: a replay stores no second row."""
    return uuid5(event_id, f"email/{template}")


@dataclass(frozen=True, slots=True)
class AccountLinks:
    """Links the account e-mails point at: pages of the web app, which post to membership."""

    web_url: str

    def verify(self, token: str) -> str:
        return f"{self.web_url.rstrip('/')}/verify-email?{urlencode({'token': token})}"

    def sign_in(self) -> str:
        return f"{self.web_url.rstrip('/')}/sign-in"


def hours_left(expires_at: datetime, now: datetime) -> int:
    """Whole hours a link still works, rounded up (a link that has expired has none)."""
    return max(0, math.ceil((expires_at - now).total_seconds() / 3600))


def needs_verified_address(delivery: EmailDelivery) -> bool:
    """A person's e-mail goes only to an address they verified, account e-mails excepted."""
    return delivery.person_id is not None and delivery.template not in SECURITY_TEMPLATES


# Mail refused for an unverified address and written at most this long before the person verified
# it (membership's links last 36 h) goes out once they do: what they were told while verifying.
HELD_WHILE_VERIFYING = timedelta(hours=36)

NOT_VERIFIED = Refused("the address is not verified: only account e-mails go to it", permanent=True)
