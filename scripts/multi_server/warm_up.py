"""Ask each app server for a few pages, so its workers have loaded the code.

    python warm_up.py SERVER_URL...

A gunicorn worker imports most of the site on its first requests, which then
take seconds; the load test measures the site, not its start.
"""

import http.client
import sys
from urllib.parse import urlsplit

PATHS = ["/health/ready/", "/accounts/login/", "/verify/", "/courses/"]

for base in sys.argv[1:]:
    address = urlsplit(base)
    for _ in range(3):  # each of the server's workers, most likely
        for path in PATHS:
            conn = http.client.HTTPConnection(
                address.hostname, address.port, timeout=60
            )
            conn.request(
                "GET",
                path,
                headers={"Host": "learning.city.example", "X-Forwarded-Proto": "https"},
            )
            status = conn.getresponse().status
            conn.close()
            if status >= 500:
                sys.exit(f"{base}{path} answered {status} before the load")
