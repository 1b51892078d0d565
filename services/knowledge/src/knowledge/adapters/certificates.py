"""The certificate of completion as a PDF (fpdf2), with a QR code (segno) to its verification.

Holder names come in every alphabet the alliance writes (Bulgarian is Cyrillic): the text is set
in a Unicode TrueType font. The image installs DejaVu Sans (fonts-dejavu-core); where no such font
is found the PDF core font is used and characters outside Latin-1 show as "?" rather than fail.
"""

import io
from pathlib import Path
from typing import TYPE_CHECKING

import segno

if TYPE_CHECKING:
    from fpdf import FPDF

from knowledge.domain.training.certificates import HOLDER_ERASED, Certificate

UNICODE_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def verification_url(public_base_url: str, verification_code: str) -> str:
    return f"{public_base_url.rstrip('/')}/certificates/verify/{verification_code}"


def render_certificate(certificate: Certificate, *, verify_at: str) -> bytes:
    """The PDF a holder downloads; `verify_at` is the public verification URL the QR code holds."""
    # Imported on the first download, not at start: fpdf2 (with Pillow and fontTools) is ~30 MB
    # of a worker's memory, which kept knowledge at the 150 MB budget before any request.
    from fpdf import FPDF

    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_title(f"Certificate of completion: {certificate.course_title}")
    pdf.set_creator("CLOTH Platform")
    pdf.add_page()
    font = _font(pdf)
    holder = HOLDER_ERASED if certificate.holder_erased else (certificate.holder_name or "")
    lines = [
        (28, "Certificate of completion"),
        (14, "This certifies that"),
        (24, holder),
        (14, "completed the course"),
        (20, certificate.course_title),
        (12, f"on {certificate.completed_on.isoformat()}"),
    ]
    pdf.set_y(30)
    for size, text in lines:
        pdf.set_font(font, size=size)
        pdf.multi_cell(0, size * 0.6, _printable(text, font), align="C")
        pdf.ln(4)
    qr = io.BytesIO()
    segno.make(verify_at, error="m", micro=False).save(qr, kind="png", scale=8, border=2)
    qr.seek(0)
    pdf.image(qr, x=pdf.w - 70, y=pdf.h - 75, w=50, h=50)
    pdf.set_font(font, size=9)
    pdf.set_xy(15, pdf.h - 30)
    pdf.multi_cell(
        pdf.w - 100, 5, f"Verification code: {certificate.verification_code}\nVerify at {verify_at}"
    )
    return bytes(pdf.output())


def _font(pdf: "FPDF") -> str:
    if UNICODE_FONT.exists():
        pdf.add_font("DejaVu", fname=str(UNICODE_FONT))
        return "DejaVu"
    return "Helvetica"


def _printable(text: str, font: str) -> str:
    return text if font != "Helvetica" else text.encode("latin-1", "replace").decode("latin-1")
