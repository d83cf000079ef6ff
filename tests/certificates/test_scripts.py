"""Names in every script print, with only the fonts the product installs.

Each certificate is rendered in a child process whose fontconfig knows only the
font packages that scripts/sysdeps.sh installs, so a font that happens to be on
this machine cannot hide a missing one.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.certificates.pdf_helpers import run_tool, squeeze

ROOT = Path(__file__).resolve().parents[2]

BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")

NAMES = {
    "latin": ("Zoë Łukasiewicz-Nuñez", "DejaVu"),
    "vietnamese": ("Nguyễn Thị Minh Khai", "DejaVu"),
    "chinese": ("王秀英", "WenQuanYi"),
    "japanese": ("田中 さくら", "WenQuanYi"),
    "korean": ("김민준", "WenQuanYi"),
    "arabic": ("فاطمة الزهراء", "DejaVu"),
    "devanagari": ("अनिल कुमार", "Lohit-Devanagari"),
}

RENDER = """
import json, logging, os, sys
sys.path.insert(0, os.getcwd())
logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
import django
django.setup()
from certificates.rendering.document import render_record_pdf, sample_record
names, out = json.loads(sys.argv[1]), sys.argv[2]
design = {"heading": "Certificate of Completion", "body": "{holder} has completed {course}."}
for key, name in names.items():
    record = {**sample_record(issuer="City"), "holder": name}
    with open(os.path.join(out, key + ".pdf"), "wb") as file:
        file.write(render_record_pdf(record=record, design=design))
"""


def product_font_dirs() -> list[str]:
    """The folders of the font packages scripts/sysdeps.sh installs."""
    script = (ROOT / "scripts" / "sysdeps.sh").read_text()
    packages = re.search(r"^font_packages=\(([^)]*)\)", script, re.MULTILINE)
    assert packages, "scripts/sysdeps.sh names no font_packages"
    dirs = set()
    for package in packages.group(1).split():
        listed = run_tool("dpkg", "-L", package, check=False)
        assert listed.returncode == 0, f"{package} is not installed: scripts/sysdeps.sh"
        dirs |= {
            str(Path(path).parent)
            for path in listed.stdout.splitlines()
            if path.endswith((".ttf", ".ttc", ".otf"))
        }
    return sorted(dirs)


def render_names(names: dict[str, str], out: Path, font_dirs: list[str]) -> str:
    """Render one certificate per name into `out`; WeasyPrint's log is returned."""
    conf = out / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        "<fontconfig>\n"
        + "".join(f"  <dir>{folder}</dir>\n" for folder in font_dirs)
        + f"  <cachedir>{out / 'cache'}</cachedir>\n</fontconfig>\n"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(out),
        "DJANGO_SETTINGS_MODULE": "training_site.settings.test",
        "FONTCONFIG_FILE": str(conf),
    }
    result = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", RENDER, json.dumps(names), str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stderr


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("scripts")
    log = render_names(
        {key: name for key, (name, _font) in NAMES.items()}, out, product_font_dirs()
    )
    return out, log


def test_no_glyph_is_missing(rendered):
    _out, log = rendered
    assert ".notdef" not in log, log


@pytest.mark.parametrize("key", NAMES)
def test_the_name_prints_in_its_own_script(rendered, key):
    out, _log = rendered
    name, font = NAMES[key]
    pdf = out / f"{key}.pdf"
    text = run_tool("pdftotext", "-enc", "UTF-8", str(pdf), "-").stdout
    # The holder's line reads back as the very name, letter for letter and in
    # order. Spaces are ignored: extractors add some between Devanagari glyphs
    # placed apart (a vowel sign), and wrap Arabic in bidi embedding marks.
    lines = [squeeze(BIDI_MARKS.sub("", line)) for line in text.splitlines()]
    assert squeeze(name) in lines, text
    fonts = run_tool("pdffonts", str(pdf)).stdout
    rows = fonts.splitlines()[2:]
    assert any(font in row for row in rows), fonts
    # Every font is embedded (a PDF/A rule, and what makes it print anywhere).
    assert all(" yes " in row for row in rows), fonts
