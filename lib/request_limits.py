"""How large a request body each view takes, checked before anything reads it.

Django reads a POST body whole as soon as anything touches `request.POST` (the
CSRF check does, before the view runs), and DATA_UPLOAD_MAX_MEMORY_SIZE leaves
file uploads out. training_site.middleware.RequestSizeLimitMiddleware runs
before the CSRF check and refuses a body whose declared length is above the
view's limit with 413, so a 50 MB file posted to a 20 MB form is never read.
"""

from django.conf import settings

# Room for the multipart boundaries, headers and the form's other fields.
FORM_OVERHEAD_BYTES = 64 * 1024


def accepts_uploads_of(max_bytes: int):
    """Decorator of a function view: it takes files of up to `max_bytes`."""

    def decorator(view):
        view.max_upload_bytes = max_bytes
        return view

    return decorator


def max_upload_bytes(view_func) -> int:
    """The largest file `view_func` takes; MAX_REQUEST_BYTES unless it says."""
    view_class = getattr(view_func, "view_class", None)
    for holder in (view_func, view_class):
        limit = getattr(holder, "max_upload_bytes", None)
        if limit is not None:
            return limit
    return settings.MAX_REQUEST_BYTES


def max_body_bytes(view_func) -> int:
    """The largest request body `view_func` takes: its file limit and the form around it."""
    return max_upload_bytes(view_func) + FORM_OVERHEAD_BYTES


def megabytes(size: int) -> str:
    """A byte count as people read it: "20 MB", "2.5 MB"."""
    value = size / (1024 * 1024)
    return (
        f"{value:.0f} MB" if value >= 10 or value == int(value) else f"{value:.1f} MB"
    )
