"""gunicorn's settings, read from the folder it starts in (docs/deployment.md, step 5)."""

import os

# Behind the reverse proxy on the same host; GUNICORN_BIND=0.0.0.0:8000 otherwise.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "4"))
# No access log of gunicorn's own: Django writes one line per request, with
# the request id and the user (LOG_ACCESS, training_site.observability).
accesslog = None
# gunicorn 25+ opens a control socket in $HOME by default; nothing here uses it.
control_socket_disable = True
