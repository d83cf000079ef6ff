"""What every browser test checks on its pages: no WCAG 2.0/2.1 A or AA violation
(axe-core) and valid HTML as served (the W3C Nu HTML checker, vnu.jar, run once per
session as a local HTTP service that tests/browser/conftest.py starts and stops).
"""

import fcntl
import hashlib
import json
import re
import socket
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Below 32768, Linux's ephemeral range, so no outgoing connection holds the port;
# each session (CI runs the SQLite and PostgreSQL suites side by side) locks its own.
NU_FIRST_PORT = 28888
NU_PORTS_TRIED = 100


# Widgets inside the Wagtail 8.0 page editor that axe flags and that we cannot
# change from this project: Draftail's rich-text boxes (no accessible name on the
# contenteditable) and the tag field's jQuery autocomplete input (no label).
# Only admin pages pass these; every page of our own is checked whole.
WAGTAIL_EDITOR_UPSTREAM = [[".DraftEditor-root"], [".ui-autocomplete-input"]]


def assert_accessible(page, *, exclude: list[list[str]] | None = None) -> None:
    """Fail with a readable list if axe finds a WCAG 2.0/2.1 A or AA violation or
    the Nu HTML checker finds an error in the page's HTML as served."""
    # Colours are only final once transitions (messages fading in) have ended.
    page.evaluate(
        "() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))"
    )
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated, not added as a <script>: the page's Content-Security-Policy
        # refuses inline scripts, and is meant to.
        page.evaluate(_axe_source())
    result = page.evaluate(
        """([tags, exclude]) => axe.run(
            exclude.length ? {include: [["html"]], exclude: exclude} : document,
            {runOnly: {type: 'tag', values: tags}},
        )""",
        [WCAG_AA_TAGS, exclude or []],
    )
    violations = [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]
    assert not violations, (
        f"axe found on {page.url}:\n{json.dumps(violations, indent=2)}"
    )
    assert_no_csp_violations(page)
    assert_valid_html(page)


def _axe_source() -> str:
    if "axe" not in _sources:
        _sources["axe"] = AXE_JS.read_text()
    return _sources["axe"]


_sources: dict[str, str] = {}

# Added to every page before its own scripts run (tests/browser/conftest.py):
# whatever the Content-Security-Policy blocks is kept for the check below.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push({
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        source: event.sourceFile + ':' + event.lineNumber,
        sample: event.sample,
    });
});
"""


def assert_no_csp_violations(page) -> None:
    """Fail if the page's Content-Security-Policy blocked anything it tried to use."""
    blocked = page.evaluate("window.__cspViolations || []")
    assert not blocked, (
        f"Content-Security-Policy blocked on {page.url}:\n{json.dumps(blocked, indent=2)}"
    )


# --- Valid HTML: the W3C Nu HTML checker on every page assert_accessible sees ---

# Errors in markup that Wagtail 8.0's admin renders itself and that we cannot
# change from this project: (the exact message, a piece of the Wagtail markup the
# checker quotes with it). Only pages under /admin/ pass these, and only when both
# match; every page of our own, and our own admin templates, must be error-free.
WAGTAIL_ADMIN_UPSTREAM_HTML = [
    # shared/breadcrumbs.html: the breadcrumb dropdown is a <div type="button">.
    (
        "Attribute “type” not allowed on element “div” at this point.",
        'data-controller="w-dropdown"',
    ),
    # shared/headers/_filters.html (the Filters toggle) and shared/side_panels
    # (the editor's panel toggles) put a <div> inside a <button>.
    (
        "Element “div” not allowed as child of element “button” in this context. "
        r"\(Suppressing further errors from this subtree\.\)",
        'class="w-flex w-items-center w-gap-2"|data-side-panel-toggle-counter',
    ),
    # generic/listing_results.html announces the result count: <h2 role="alert">.
    ("Bad value “alert” for attribute “role” on element “h2”.", '<h2 role="alert">'),
    # human_readable_date.html (dashboard panels, page listings): date:"c" writes
    # microseconds. Our own date columns use lib.dates.html_datetime instead.
    (
        "Bad value “[^”]+” for attribute “datetime” on element “time”: "
        "A fraction of a second must be one, two, or three digits.",
        'class="w-human-readable-date__date"',
    ),
    # The page editor: side_panels.html's resize grip inside a <label>, the
    # preview panel's fallback text inside <iframe>, the image chooser's empty
    # <img> and its hidden input with aria-describedby, and field labels whose
    # control is a hidden input (Draftail rich text, choosers).
    (
        "Element “div” not allowed as child of element “label” in this context. "
        r"\(Suppressing further errors from this subtree\.\)",
        "form-side__resize-grip-icon",
    ),
    ("Text not allowed in element “iframe” in this context.", "</div>|<div>"),
    (
        "Bad value “” for attribute “(height|src|width)” on element “img”: .*",
        "data-chooser-image",
    ),
    (
        "An “input” element with a “type” attribute whose value is “hidden” must "
        "not have any “aria-\\*” attributes.",
        'type="hidden"[^>]* aria-describedby="panel-',
    ),
    (
        "The value of the “for” attribute of the “label” element must be the ID "
        "of a non-hidden form control.",
        '<label for="id_[^"]+" id="id_[^"]+-label">',
    ),
]

_served: dict = {}  # page -> the Response of its current main document
_nu: dict = {"url": None, "process": None, "checked": set()}


def record_document(response) -> None:
    """Remember `response` if it is a main HTML document, as the page it shows."""
    # The HTML the server sent, not the live DOM scripts have since changed;
    # redirects and downloads (CSV, PDF) leave the page showing the last HTML one.
    frame = response.frame
    if (
        response.request.resource_type == "document"
        and frame.parent_frame is None
        and "html" in response.headers.get("content-type", "")
    ):
        _served[frame.page] = response


def forget_documents() -> None:
    """Drop every recorded document (the session's browser is closing)."""
    _served.clear()


def nu_start() -> None:
    """Start the session's Nu HTML checker service; the first check waits for it."""
    lock, port = _claim_nu_port()
    log = tempfile.TemporaryFile()  # noqa: SIM115 (closed by nu_stop)
    # The system's Java 17 (scripts/sysdeps.sh) and the jar npm installed.
    process = subprocess.Popen(  # noqa: S603
        [  # noqa: S607
            "java",
            "-Dnu.validator.servlet.bind-address=127.0.0.1",
            "-cp",
            str(VNU_JAR),
            "nu.validator.servlet.Main",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    _nu.update(
        url=f"http://127.0.0.1:{port}/?out=json", process=process, log=log, lock=lock
    )


def nu_stop() -> None:
    """Stop the service nu_start started and release its port."""
    process = _nu["process"]
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    _nu["log"].close()
    _nu["lock"].close()
    _nu.update(url=None, process=None)


def _claim_nu_port():
    """Lock the first free port of our range for this session (a lock file per port)."""
    for port in range(NU_FIRST_PORT, NU_FIRST_PORT + NU_PORTS_TRIED):
        lock = open(Path(tempfile.gettempdir()) / f"nu-checker-{port}.lock", "w")  # noqa: SIM115 (held all session)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", port))
        except OSError:
            lock.close()
            continue
        return lock, port
    raise RuntimeError(f"No free port for the Nu HTML checker from {NU_FIRST_PORT}")


def _nu_check(html: bytes) -> list[dict]:
    """The Nu checker's messages for one HTML document, waiting for it to start."""
    deadline = time.monotonic() + 180
    while True:
        request = urllib.request.Request(  # noqa: S310 (our own http://127.0.0.1 URL)
            _nu["url"],
            data=html,
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:  # noqa: S310
                return json.load(answer)["messages"]
        except (ConnectionError, urllib.error.URLError):
            if _nu["process"].poll() is not None or time.monotonic() > deadline:
                _nu["log"].seek(0)
                output = _nu["log"].read().decode(errors="replace")[-2000:]
                raise RuntimeError(
                    f"The Nu HTML checker did not start ({VNU_JAR}):\n{output}"
                ) from None
            time.sleep(0.5)


def _from_wagtail(message: dict) -> bool:
    return any(
        re.fullmatch(text, message["message"])
        and re.search(markup, message.get("extract", ""))
        for text, markup in WAGTAIL_ADMIN_UPSTREAM_HTML
    )


def assert_valid_html(page) -> None:
    """Fail naming the page and the messages if the Nu checker finds an HTML error."""
    response = _served.get(page)
    assert response is not None, f"No HTML document was recorded for {page.url}"
    html = response.body()
    key = (response.url, hashlib.sha256(html).hexdigest())
    if key in _nu["checked"]:
        return
    errors = [m for m in _nu_check(html) if m["type"] != "info"]
    if urllib.parse.urlsplit(response.url).path.startswith("/admin/"):
        errors = [m for m in errors if not _from_wagtail(m)]
    assert not errors, f"Nu HTML checker found on {response.url}:\n" + "\n".join(
        f"  line {m.get('lastLine')}: {m['message']}\n    {m.get('extract', '')!r}"
        for m in errors
    )
    _nu["checked"].add(key)
