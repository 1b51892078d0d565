"""New passwords follow NIST SP 800-63B: long, no control characters, not common, not your own data."""

import pytest

from membership.adapters.password_policy import ZxcvbnPasswordPolicy
from membership.domain.passwords import WeakPassword
from membership.service_layer import accounts
from membership.service_layer.accounts import SignUp

from .builders import a_person, signed_in
from .fakes import FakeMembershipUnitOfWork, fake_identity

EMAIL = "marta.puig@example.org"


def sign_up_with(password: str) -> SignUp:
    return SignUp(email=EMAIL, password=password, display_name="Marta Puig", language="ca")


@pytest.mark.parametrize(
    "password",
    [
        " " * 12,  # one repeated character
        "\x00" * 12,
        "1234567890",  # too short
        "password\x00long",
        "password1234",  # common
        "PASSWORD1234",  # common, whatever the case
        EMAIL,
        "Marta Puig",  # too short anyway, and the name
        "MARTA.PUIG@EXAMPLE.ORG",
    ],
)
async def test_a_weak_password_is_refused_at_sign_up_and_nothing_is_stored(password: str) -> None:
    uow = FakeMembershipUnitOfWork()
    with pytest.raises(WeakPassword):
        await accounts.sign_up(uow, fake_identity(), sign_up_with(password))
    assert uow.database.people == {}


async def test_a_long_uncommon_password_is_accepted() -> None:
    uow = FakeMembershipUnitOfWork()
    await accounts.sign_up(uow, fake_identity(), sign_up_with("correct horse battery"))
    assert len(uow.database.people) == 1


async def test_a_password_change_follows_the_same_policy() -> None:
    uow = FakeMembershipUnitOfWork()
    person = a_person(uow, password="old")
    with pytest.raises(WeakPassword):
        await accounts.change_password(
            uow, fake_identity(), signed_in(person), current="old", new=str(person.email)
        )


@pytest.mark.parametrize(
    "password", ["123456789012", "qwertyuiopasdf", "passwordpassword", "aaaaaaaaaaaa", "1q2w3e4r5t6y"]
)
def test_the_bundled_list_and_estimator_find_common_and_patterned_passwords(password: str) -> None:
    policy = ZxcvbnPasswordPolicy()
    assert password in policy.common or policy.guessable(password, personal=[])


def test_the_estimator_accepts_a_passphrase_and_uses_the_persons_own_data() -> None:
    policy = ZxcvbnPasswordPolicy()
    assert not policy.guessable("correct horse battery", personal=[])
    assert policy.guessable("martapuig2024", personal=["martapuig"])


def test_a_passphrase_longer_than_zxcvbn_measures_is_judged_not_a_crash() -> None:
    policy = ZxcvbnPasswordPolicy()
    assert not policy.guessable("correct horse battery staple " * 3, personal=[])
    assert policy.guessable("a" * 150, personal=[])
