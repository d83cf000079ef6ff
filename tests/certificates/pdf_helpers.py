"""Reading certificate PDFs in tests (pypdf for text, pikepdf for structure)."""

import io
import json
import re
import subprocess
from dataclasses import dataclass

import pikepdf
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


def pikepdf_open(data: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(data))


@dataclass
class TextRun:
    """One piece of text as drawn: its marked-content id and its size in points."""

    text: str
    mcid: int | None
    size_pt: float


def text_runs(data: bytes) -> list[TextRun]:
    """Every text run of the first page, in content-stream order."""
    runs: list[TextRun] = []
    marked: list[int | None] = []

    def before(operator, args, cm, tm):
        if operator == b"BDC":
            properties = args[1] if len(args) > 1 else {}
            mcid = properties.get("/MCID") if hasattr(properties, "get") else None
            marked.append(mcid)
        elif operator == b"BMC":
            marked.append(None)
        elif operator == b"EMC" and marked:
            marked.pop()

    def text(content, cm, tm, font, size):
        if content.strip():
            # The size the reader sees: font size times the text and page matrices.
            scale = abs(tm[3] * cm[3]) or 1
            mcid = next((m for m in reversed(marked) if m is not None), None)
            runs.append(TextRun(content, mcid, round(size * scale, 2)))

    read_pdf(data).pages[0].extract_text(
        visitor_operand_before=before, visitor_text=text
    )
    return runs


def structure_mcids(data: bytes) -> list[int]:
    """The marked-content ids in the order of the structure tree (the reading order)."""
    pdf = pikepdf_open(data)
    order: list[int] = []

    def walk(node):
        if isinstance(node, int):
            order.append(node)
        elif isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid)
        elif isinstance(node, pikepdf.Dictionary):
            if node.get("/Type") == "/MCR":
                order.append(int(node.MCID))
            elif "/K" in node:
                walk(node.K)

    walk(pdf.Root.StructTreeRoot.K)
    return order


@dataclass
class Figure:
    """A figure of the structure tree: its alternative text and its box (CSS px)."""

    alt: str
    bbox: list[float] | None


def figures(data: bytes) -> list[Figure]:
    """Every /Figure element of the structure tree, in reading order."""
    found: list[Figure] = []

    def walk(node):
        if isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid)
        elif isinstance(node, pikepdf.Dictionary) and "/K" in node:
            if node.get("/S") == "/Figure":
                box = node.get("/A", {}).get("/BBox")
                bbox = [float(v) for v in box] if box is not None else None
                found.append(Figure(str(node.get("/Alt", "")), bbox))
            walk(node.K)

    pdf = pikepdf_open(data)  # held: its objects die with it
    walk(pdf.Root.StructTreeRoot.K)
    return found


def reading_order_text(data: bytes) -> str:
    """The page's text in structure-tree order, whitespace removed."""
    by_mcid: dict[int, str] = {}
    for run in text_runs(data):
        if run.mcid is not None:
            by_mcid[run.mcid] = by_mcid.get(run.mcid, "") + run.text
    return squeeze("".join(by_mcid.get(mcid, "") for mcid in structure_mcids(data)))


def run_tool(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run one of Debian's tools (poppler-utils, zbar-tools, dpkg) on test files."""
    return subprocess.run(  # noqa: S603 (fixed tool names, our own temporary files)
        args, capture_output=True, text=True, check=check
    )
