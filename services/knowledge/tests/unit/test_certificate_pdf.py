"""The certificate PDF renders names in any of the alliance's alphabets, and erased holders."""

from datetime import UTC, date, datetime
from pathlib import Path
from uuid import uuid4

import pytest

from knowledge.adapters import certificates
from knowledge.adapters.certificates import render_certificate, verification_url
from knowledge.domain.training.certificates import Certificate, erase_holder


def a_certificate(holder_name: str) -> Certificate:
    return Certificate(
        certificate_id=uuid4(),
        enrolment_id=uuid4(),
        session_id=uuid4(),
        course_id=uuid4(),
        person_id=uuid4(),
        verification_code="7KQ2M4XJ5N3P6R2T4V5W6X7Y2Z",
        holder_name=holder_name,
        course_title="Кръгов дизайн / Disseny circular",
        completed_on=date(2027, 3, 8),
        issued_at=datetime(2027, 3, 8, tzinfo=UTC),
    )


@pytest.mark.parametrize("holder", ["Laia Puig i Solà", "Мария Иванова", "Ștefan Năstase"])
def test_a_certificate_is_a_pdf_whatever_the_alphabet_of_the_name(holder: str) -> None:
    pdf = render_certificate(a_certificate(holder), verify_at="https://cloth.example/certificates/verify/X")
    assert pdf.startswith(b"%PDF-")
    assert len(pdf) > 1000


def test_an_erased_holders_certificate_still_renders() -> None:
    pdf = render_certificate(erase_holder(a_certificate("Laia")), verify_at="https://cloth.example/v")
    assert pdf.startswith(b"%PDF-")


def test_the_qr_code_points_to_the_public_verification_endpoint() -> None:
    url = verification_url("https://knowledge.cloth.example/", "7KQ2M4XJ5N3P6R2T4V5W6X7Y2Z")
    assert url == "https://knowledge.cloth.example/certificates/verify/7KQ2M4XJ5N3P6R2T4V5W6X7Y2Z"


def test_without_a_unicode_font_the_certificate_still_renders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(certificates, "UNICODE_FONT", Path("/nonexistent/font.ttf"))
    pdf = render_certificate(a_certificate("Мария Иванова"), verify_at="https://cloth.example/v")
    assert pdf.startswith(b"%PDF-")
