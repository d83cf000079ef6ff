"""Request ids, the access log and JSON log lines (docs/deployment.md, "Logs").

Every request gets an id: the reverse proxy's `X-Request-ID` when it sends a
sane one (nginx: `proxy_set_header X-Request-ID $request_id;`), else a new
one. The response carries it back, every log line written while the request
runs carries it, and the access log's line for the request ends with it, so
one id finds a user's complaint, the proxy's line and the traceback.
"""

import contextvars
import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

REQUEST_ID_HEADER = "X-Request-ID"
_SANE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}\Z")
_request_id: contextvars.ContextVar[str] = contextvars.ContextVar(
    "request_id", default="-"
)
_user_id: contextvars.ContextVar[str] = contextvars.ContextVar("user_id", default="-")

access_log = logging.getLogger("training_site.access")


def current_request_id() -> str:
    """The id of the request being served ("-" outside one)."""
    return _request_id.get()


class RequestIdMiddleware:
    """First in MIDDLEWARE: give the request its id, and log it when it is done."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = incoming if _SANE_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        tokens = (_request_id.set(request_id), _user_id.set("-"))
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                _user_id.set(str(user.pk))
            access_log.info(
                '%s %s %s %s %.0fms "%s"',
                request.META.get("REMOTE_ADDR", "-"),
                request.method,
                request.get_full_path(),
                response.status_code,
                (time.perf_counter() - started) * 1000,
                request.headers.get("User-Agent", ""),
                extra={
                    "remote_addr": request.META.get("REMOTE_ADDR", ""),
                    "method": request.method,
                    "path": request.get_full_path(),
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "user_agent": request.headers.get("User-Agent", ""),
                },
            )
            return response
        finally:
            _request_id.reset(tokens[0])
            _user_id.reset(tokens[1])


class RequestContextFilter(logging.Filter):
    """Put the request id and the signed-in user's id on every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _request_id.get()
        if not hasattr(record, "user_id"):
            request = getattr(record, "request", None)
            user = getattr(request, "user", None) if request is not None else None
            if user is not None and getattr(user, "is_authenticated", False):
                record.user_id = str(user.pk)
            else:
                record.user_id = _user_id.get()
        return True


# Attributes every LogRecord has; anything else on a record was passed in `extra`.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}
# Set by the filter or handled below rather than copied.
_OWN = {"request_id", "user_id", "request", "status_code"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, context."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
            "user_id": getattr(record, "user_id", "-"),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            # Django's own error records carry the request: say which it was.
            line["method"] = request.method
            line["path"] = request.get_full_path()
        if hasattr(record, "status_code"):
            line["status"] = record.status_code
        for name, value in vars(record).items():
            if name not in _STANDARD and name not in _OWN:
                line[name] = value if _plain(value) else repr(value)
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            line["stack"] = self.formatStack(record.stack_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def _plain(value) -> bool:
    return value is None or isinstance(value, str | int | float | bool | list | dict)


TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


def logging_config(*, log_format: str, level: str, access: bool) -> dict:
    """LOGGING for LOG_FORMAT (text or json), LOG_LEVEL and LOG_ACCESS."""
    formatter = (
        {"()": JsonFormatter} if log_format == "json" else {"format": TEXT_FORMAT}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request": {"()": RequestContextFilter}},
        "formatters": {"default": formatter},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "default",
                "filters": ["request"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # WeasyPrint warns here when it falls back to slow font subsetting.
            "weasyprint": {
                "handlers": ["console"],
                "level": "WARNING",
                "propagate": False,
            },
            "training_site.access": {
                "handlers": ["console"],
                "level": "INFO" if access else "WARNING",
                "propagate": False,
            },
        },
    }
