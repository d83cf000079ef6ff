"""Fit long names and titles to the certificate: shrink, then wrap.

WeasyPrint has no "shrink to fit", so the page is laid out at each type size
of certificate.css (`fit-0`, the design size, down to `fit-4`) until the
holder's name and the body text end above the footer (the QR code, facts and
signature). A name that fits on one line at a smaller size is shrunk rather
than wrapped; one that cannot is wrapped at spaces, then broken anywhere
(`overflow-wrap: anywhere`), and the course title is hyphenated. Layout is
deterministic, so rendering again gives the same size and the same bytes.
"""

import logging
from collections.abc import Callable

from weasyprint.document import Document
from weasyprint.formatting_structure import boxes

logger = logging.getLogger(__name__)

FIT_LEVELS = 5  # fit-0 … fit-4 in certificates/static/certificates/certificate.css
# Clear space between the text and the footer (CSS px; 4 mm).
FOOTER_GAP = 15


def _boxes(document: Document, css_class: str) -> list:
    page = document.pages[0]._page_box
    return [
        box
        for box in page.descendants(placeholders=True)
        if box.element is not None
        and css_class in (box.element.get("class") or "").split()
    ]


def _bottom(box) -> float:
    return box.position_y + box.margin_height()


def _measure(document: Document) -> tuple[bool, int]:
    """Whether the text clears the footer on one page, and the name's line count."""
    found = [_boxes(document, name) for name in ("holder", "body", "footer")]
    if not all(found):
        # Pushed off the first page altogether.
        return False, 0
    holder, body, footer = (boxes_[0] for boxes_ in found)
    text_bottom = max(_bottom(holder), _bottom(body))
    fits = len(document.pages) == 1 and text_bottom + FOOTER_GAP <= footer.position_y
    lines = sum(isinstance(child, boxes.LineBox) for child in holder.children)
    return fits, lines


def fitted_document(layout: Callable[[int], Document]) -> Document:
    """The first layout (largest type) whose text fits, preferring a one-line name."""
    fitting: dict[int, Document] = {}
    for fit in range(FIT_LEVELS):
        document = layout(fit)
        fits, lines = _measure(document)
        if fits and lines == 1:
            return document
        if fits:
            fitting.setdefault(lines, document)
    if fitting:
        # Wrapped after all: the fewest lines at the largest size that fits.
        return fitting[min(fitting)]
    logger.warning("Certificate text does not fit even at the smallest size")
    return document
