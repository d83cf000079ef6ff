"""Reading our own sign-in and sign-out pages in the SSO tests."""

import html
import re


def provider_sign_out(response) -> str:
    """The address the "Signing you out" page sends the browser on to."""
    assert response.status_code == 200, response.status_code
    found = re.search(
        r'id="provider-sign-out" data-follow href="([^"]+)"', response.text
    )
    assert found, response.text
    return html.unescape(found.group(1))
