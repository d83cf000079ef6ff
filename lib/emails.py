"""E-mails made of three templates (subject, text, HTML), with absolute links.

Written once for every app that e-mails people (training reminders, change
check-ins): `<template>_subject.txt`, `<template>.txt` and `<template>.html`.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def absolute_url(url: str) -> str:
    """A link that works from a mail client: the site's base URL before a path."""
    if url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def send_templated(*, template: str, context: dict, to: str) -> None:
    """Send one message to `to` from the three templates named by `template`.

    Raises OSError when the mail server refuses, for the caller to release
    its claim (so the next run tries again).
    """
    subject = render_to_string(f"{template}_subject.txt", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=render_to_string(f"{template}.txt", context),
        to=[to],
    )
    message.attach_alternative(
        render_to_string(f"{template}.html", context), "text/html"
    )
    message.send()
