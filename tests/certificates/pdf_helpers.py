"""Reading certificate PDFs in tests (pypdf)."""

import io
import json
import re

from pypdf import PdfReader

A4_LANDSCAPE = (841.89, 595.28)


def read_pdf(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def squeeze(text: str) -> str:
    """Text without any whitespace: PDF text extraction breaks lines anywhere."""
    return re.sub(r"\s+", "", text)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in read_pdf(data).pages)


def attached_json(data: bytes, name: str = "certificate.json") -> dict:
    return json.loads(read_pdf(data).attachments[name][0])


def xmp(data: bytes) -> str:
    reader = read_pdf(data)
    return reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()


def font_names(data: bytes) -> set[str]:
    fonts = read_pdf(data).pages[0]["/Resources"]["/Font"]
    return {
        str(font.get_object()["/BaseFont"]).split("+")[-1] for font in fonts.values()
    }
