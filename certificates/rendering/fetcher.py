"""The only way the certificate renderer may read anything: deny by default.

WeasyPrint fetches every stylesheet, image and font through a URL fetcher.
Its default one opens `file://`, `http(s)://` and `ftp://` URLs and follows
redirects, so a name or title containing markup could read local files or
reach internal services (169.254.169.254) from the server. Ours answers two
kinds of URL and refuses everything else:

- `static:<path>` — one of our own static files, found by Django's
  staticfiles finders (so it works before and after `collectstatic`);
- `data:` URIs, which carry their bytes with them (logos, signatures).

All user text is escaped by the templates anyway; this is the second wall.
"""

import base64
import mimetypes
from pathlib import PurePosixPath
from urllib.parse import unquote, unquote_to_bytes

from django.contrib.staticfiles import finders

from weasyprint.urls import URLFetcher, URLFetcherResponse

from lib.errors import DomainError

STATIC_SCHEME = "static:"
MAX_DATA_URI_BYTES = 5 * 1024 * 1024


class FetchRefused(DomainError, ValueError):
    """A URL the certificate renderer will not open; `code` says why."""


def static_url(path: str) -> str:
    """The renderer's URL for one of our static files (`certificates/seal.svg`)."""
    return f"{STATIC_SCHEME}{path}"


class CertificateURLFetcher(URLFetcher):
    """Reads our static files and `data:` URIs; refuses files, networks and redirects."""

    def __init__(self):
        # The parent's handlers are never used (fetch is replaced), but keep
        # its settings strict in case a WeasyPrint upgrade calls it anyway.
        super().__init__(timeout=1, allowed_protocols=("data",), allow_redirects=False)

    def fetch(self, url, headers=None):
        lowered = url[:16].lower()
        if lowered.startswith("data:"):
            return self._data(url)
        if lowered.startswith(STATIC_SCHEME):
            return self._static(url)
        raise FetchRefused(f"Refused to fetch {url[:80]!r}", code="scheme_refused")

    def _static(self, url: str) -> URLFetcherResponse:
        path = unquote(url[len(STATIC_SCHEME) :].split("?")[0].split("#")[0])
        parts = PurePosixPath(path).parts
        if not path or path.startswith("/") or "\\" in path or ".." in parts:
            raise FetchRefused(f"Refused static path {path[:80]!r}", code="bad_path")
        found = finders.find(path)
        if not found:
            raise FetchRefused(f"No static file {path[:80]!r}", code="not_found")
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        with open(found, "rb") as file:
            body = file.read()
        return URLFetcherResponse(url, body, {"Content-Type": content_type})

    def _data(self, url: str) -> URLFetcherResponse:
        header, sep, payload = url[len("data:") :].partition(",")
        if not sep:
            raise FetchRefused("Malformed data URI", code="bad_data_uri")
        params = header.split(";")
        content_type = params[0] or "text/plain"
        if "base64" in params[1:]:
            body = base64.b64decode(unquote(payload), validate=False)
        else:
            body = unquote_to_bytes(payload)
        if len(body) > MAX_DATA_URI_BYTES:
            raise FetchRefused("data: URI too large", code="too_large")
        return URLFetcherResponse(url, body, {"Content-Type": content_type})
