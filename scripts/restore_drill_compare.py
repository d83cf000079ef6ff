"""The restore drill's last step (scripts/restore-drill.sh): two sites, the same certificates.

    python restore_drill_compare.py ORIGINAL_JSON RESTORED_JSON ORIGINAL_URL COPY_URL HOST MEDIA

The JSON files are `manage.py check_certificate_files --json` of each site. The
stored PDFs must have the same SHA-256 in both; then, for up to 20 of them,
the public verification (`/verify/<code>/?format=json`) must answer the same
on both, and the copy must accept its restored PDF as the very file issued.
"""

import http.client
import json
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

ORIGINAL_JSON, RESTORED_JSON, ORIGINAL, COPY, HOST, MEDIA = sys.argv[1:7]
SAMPLE = 20


def request(base: str, method: str, path: str, body: bytes = b"", headers=None):
    address = urlsplit(base)
    conn = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    # Plain HTTP on loopback: say it came through the HTTPS proxy.
    headers = {"Host": HOST, "X-Forwarded-Proto": "https", **(headers or {})}
    conn.request(method, path, body=body or None, headers=headers)
    response = conn.getresponse()
    return response.status, response.read()


def wait_until_up(base: str) -> None:
    for _ in range(200):
        try:
            if request(base, "GET", "/health/live/")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    sys.exit(f"{base} did not start")


def verification(base: str, code: str) -> dict:
    status, body = request(base, "GET", f"/verify/{code}/?format=json")
    if status != 200:
        sys.exit(f"{base}: /verify/{code}/ answered {status}")
    return json.loads(body)


def upload_matches(base: str, code: str, pdf: bytes) -> bool:
    """POST the PDF to the copy's verify page: is it "exactly the certificate we issued"?"""
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="c.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + pdf
        + f"\r\n--{boundary}--\r\n".encode()
    )
    # The verify form is public and CSRF-protected: get a token first.
    status, page = request(base, "GET", f"/verify/{code}/")
    token = page.split(b'name="csrfmiddlewaretoken" value="', 1)[1].split(b'"', 1)[0]
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
        ).encode()
        + token
        + b"\r\n"
        + body
    )
    status, answer = request(
        base,
        "POST",
        f"/verify/{code}/",
        body,
        {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Cookie": f"csrftoken={token.decode()}",
            "Origin": f"https://{HOST}",
            "Referer": f"https://{HOST}/verify/{code}/",
        },
    )
    return status == 200 and b"exactly the certificate we issued" in answer


def main() -> None:
    original = json.loads(Path(ORIGINAL_JSON).read_text())
    restored = json.loads(Path(RESTORED_JSON).read_text())
    if not original:
        sys.exit("The original site has no certificate PDFs: nothing to compare.")
    if original != restored:
        lost = sorted(set(original) - set(restored))
        changed = sorted(
            n for n in original if n in restored and original[n] != restored[n]
        )
        sys.exit(f"The copy differs: missing {lost[:10]}, different {changed[:10]}")
    print(f"{len(original)} certificate PDFs: the same SHA-256 in both copies")
    wait_until_up(ORIGINAL)
    wait_until_up(COPY)
    for number, entry in sorted(original.items())[:SAMPLE]:
        code = entry["verification_code"]
        here, there = verification(ORIGINAL, code), verification(COPY, code)
        if here != there:
            sys.exit(f"{number}: the copy verifies differently: {here} != {there}")
        pdf = (Path(MEDIA) / entry["file"]).read_bytes()
        if not upload_matches(COPY, code, pdf):
            sys.exit(f"{number}: the copy does not accept its restored PDF")
        print(
            f"{number}: verifies the same on both, and its restored PDF is the issued file"
        )


if __name__ == "__main__":
    main()
