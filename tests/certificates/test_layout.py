"""Long names and titles fit the certificate: nothing over the QR code or off the page.

Checked the way a person would: the page is rasterised (pdftoppm) and the QR
code read back (zbarimg); words are located with pdftotext -bbox.
"""

import re
from pathlib import Path

import pytest

from certificates.models import CertificateDesign
from certificates.rendering import design_snapshot, verification_url
from certificates.rendering.document import render_record_pdf, sample_record
from tests.certificates.pdf_helpers import (
    A4_LANDSCAPE,
    figures,
    read_pdf,
    run_tool,
    squeeze,
    text_runs,
)

CODE = "Zx9-Qw3_Er5tY7uI1oP0aS2dF4gH6jKl"  # as long as a real token_urlsafe(24)
LONG_TITLE = (
    "Occupational health and safety for supervisors of municipal road, water, "
    "wastewater and solid waste operations under the Occupational Health and "
    "Safety Act: due diligence, incident reporting"
)
CASES = {
    "long name, long title": (
        "Maria-Fernanda Alexandrina Concepción de los Ángeles Villanueva-Rodríguez",
        LONG_TITLE,
    ),
    "name without spaces": (
        "Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaftschaferswessen",
        LONG_TITLE,
    ),
    "longest name the model allows": ("Alexandra Ng " * 23, LONG_TITLE),
}


def test_the_worst_cases_are_as_long_as_reported():
    name, title = CASES["long name, long title"]
    assert len(name) >= 70
    assert len(title) >= 190
    assert len(CASES["longest name the model allows"][0]) <= 300


def render(name: str, title: str) -> bytes:
    design = design_snapshot(
        CertificateDesign(
            name="Standard", signatory_name="Jordan Lee", signatory_title="Director"
        )
    )
    record = {
        **sample_record(issuer="City Learning Hub"),
        "holder": name,
        "title": title,
        "verification_code": CODE,
        "verification_url": verification_url(CODE),
    }
    return render_record_pdf(record=record, design=design)


@pytest.fixture(scope="module", params=CASES, ids=list(CASES))
def case(request, tmp_path_factory):
    name, title = CASES[request.param]
    path = tmp_path_factory.mktemp("layout") / "certificate.pdf"
    path.write_bytes(render(name, title))
    return name, title, path


def words(path: Path) -> list[tuple[str, float, float, float, float]]:
    """Every word with its box (x0, y0, x1, y1) in points from the top left."""
    html = run_tool("pdftotext", "-bbox", str(path), "-").stdout
    pattern = re.compile(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
        r"(.*?)</word>"
    )
    return [
        (text, float(x0), float(y0), float(x1), float(y1))
        for x0, y0, x1, y1, text in pattern.findall(html)
    ]


def qr_box(path: Path) -> tuple[float, float, float, float]:
    """The QR code's box in points from the top left, from its tagged figure."""
    found = [
        [value * 0.75 for value in figure.bbox]  # CSS px → pt
        for figure in figures(path.read_bytes())
        if "QR" in figure.alt and figure.bbox
    ]
    assert len(found) == 1, found
    return tuple(found[0])


def test_the_qr_code_decodes(case, tmp_path):
    _name, _title, path = case
    run_tool("pdftoppm", "-r", "150", "-png", "-singlefile", str(path), f"{tmp_path}/p")
    decoded = run_tool("zbarimg", "--raw", "-q", f"{tmp_path}/p.png", check=False)
    assert decoded.stdout.strip() == verification_url(CODE)


def test_no_text_overlaps_the_qr_code(case):
    _name, _title, path = case
    left, top, right, bottom = qr_box(path)
    # The QR code's quiet zone: at least two modules (1.5 mm) clear all round.
    margin = 4.3
    for text, x0, y0, x1, y1 in words(path):
        apart = (
            x1 <= left - margin
            or x0 >= right + margin
            or y1 <= top - margin
            or y0 >= bottom + margin
        )
        assert apart, f"{text!r} at {(x0, y0, x1, y1)} overlaps the QR code"


def test_everything_stays_on_one_page_inside_the_frame(case):
    name, title, path = case
    data = path.read_bytes()
    assert len(read_pdf(data).pages) == 1
    width, height = A4_LANDSCAPE
    frame = 13 * 72 / 25.4  # the inner border is 12.6 mm in from the edge
    for text, x0, y0, x1, y1 in words(path):
        assert frame <= x0 and x1 <= width - frame, f"{text!r} runs off the page"
        assert frame <= y0 and y1 <= height - frame, f"{text!r} runs off the page"
    # Nothing cut: the whole name and title are there (wrapped lines, hyphens).
    printed = unhyphenated(" ".join(run.text for run in text_runs(data)))
    assert unhyphenated(name) in printed
    assert unhyphenated(title) in printed


def unhyphenated(text: str) -> str:
    # WeasyPrint hyphenates with U+2010; names may have their own hyphens.
    return squeeze(text).replace("\u2010", "").replace("-", "")


def _one_line_sizes(data: bytes, name: str) -> list[float]:
    """The sizes of the lines that hold the whole name on one line."""
    return [run.size_pt for run in text_runs(data) if run.text.strip() == name]


def test_an_ordinary_name_keeps_the_full_size():
    data = render("Alice Arsenault", "Cybersecurity essentials")
    assert _one_line_sizes(data, "Alice Arsenault") == [30.0]


def test_a_long_name_shrinks_to_one_line_before_it_wraps():
    name = "Maria-Fernanda Concepción Villanueva-Rodríguez"
    data = render(name, "Cybersecurity essentials")
    # One line (the whole name in one run), in smaller type than the design's.
    sizes = _one_line_sizes(data, name)
    assert len(sizes) == 1
    assert sizes[0] < 30
