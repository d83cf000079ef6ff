"""Content-Security-Policy: a strict one on our pages, the Wagtail admin's own.

Our pages load script, style, fonts and images from our own static files and
nothing else: no inline script, no inline style, nothing third-party
(CONTENT_SECURITY_POLICY). The Wagtail admin writes inline styles and scripts
of its own, which we cannot change, so it gets CONTENT_SECURITY_POLICY_ADMIN:
still nothing third-party, but inline code allowed. Wagtail's page previews are
admin URLs and get the admin's policy.
"""

from django.conf import settings
from django.urls import reverse

from csp.middleware import CSPMiddleware
from csp.utils import default_config


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and _in_admin(request):
            parts.config = default_config(
                settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
            )
        return parts


def _in_admin(request) -> bool:
    return request.path_info.startswith(reverse("wagtailadmin_home"))
