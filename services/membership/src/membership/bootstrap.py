"""Composition root: what the membership service is made of, and its app."""

from datetime import timedelta
from pathlib import Path

from cloth_shared.auth.verifier import TokenVerifier
from cloth_shared.client_address import ClientAddresses
from cloth_shared.contracts import topics
from cloth_shared.service import Infrastructure, ServiceDefinition
from membership.adapters.password_policy import ZxcvbnPasswordPolicy
from membership.adapters.passwords import Argon2Passwords
from membership.adapters.tokens import TokenIssuer, generate_private_key_pem
from membership.config import MembershipSettings
from membership.domain.sign_in import Throttle
from membership.entrypoints.http import routers
from membership.service_layer.ports import BootstrapAdmin, Identity

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def build_identity(settings: MembershipSettings) -> Identity:
    """Hashing, signing and sign-in limits from settings; a throwaway key outside production."""
    pem = (
        settings.signing_key_pem.get_secret_value()
        if settings.signing_key_pem
        else generate_private_key_pem()
    )
    admin = None
    if settings.bootstrap_admin_email and settings.bootstrap_admin_password:
        admin = BootstrapAdmin(
            settings.bootstrap_admin_email, settings.bootstrap_admin_password.get_secret_value()
        )
    return Identity(
        passwords=Argon2Passwords(
            time_cost=settings.argon2_time_cost,
            memory_kib=settings.argon2_memory_kib,
            parallelism=settings.argon2_parallelism,
        ),
        password_policy=ZxcvbnPasswordPolicy(),
        tokens=TokenIssuer(
            pem,
            lifetime=timedelta(minutes=settings.access_token_minutes),
            retired_public_keys_pem=settings.retired_public_keys_pem,
        ),
        throttle=Throttle(
            max_failures=settings.login_max_failures, window=timedelta(minutes=settings.login_window_minutes)
        ),
        bootstrap_admin=admin,
        session_lifetime=timedelta(hours=settings.session_hours),
    )


def provide_identity(infra: Infrastructure) -> None:
    """Build the identity (keys, hasher, sign-in limits) once at start-up; tokens are verified
    with its own keys, so the service needs no JWKS URL of its own."""
    settings = infra.settings
    assert isinstance(settings, MembershipSettings)
    identity = build_identity(settings)
    infra.provide(identity)
    infra.provide(ClientAddresses(settings.trusted_proxies))
    infra.provide(identity.tokens.verifier, as_type=TokenVerifier)


DEFINITION = ServiceDefinition(
    name="membership",
    title="CLOTH membership",
    description="Clusters, organisations and their applications, people and roles, tokens, the industry map.",
    migrations_dir=MIGRATIONS,
    http_routers=routers,
    produces=[topics.MEMBERSHIP_ORGANISATIONS, topics.MEMBERSHIP_PEOPLE, topics.MEMBERSHIP_ACCOUNT_EMAILS],
    on_start=provide_identity,
)
