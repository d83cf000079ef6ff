"""gunicorn's settings, read from the folder it starts in (docs/deployment.md, step 5)."""

import os

# Behind the reverse proxy on the same host; GUNICORN_BIND=0.0.0.0:8000 otherwise.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "4"))
# One line per request on standard output (journald keeps it under systemd).
accesslog = "-"
# gunicorn 25+ opens a control socket in $HOME by default; nothing here uses it.
control_socket_disable = True
