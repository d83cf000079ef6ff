"""Wait (60 s at most) until db_worker has rendered a certificate; fail otherwise.

Run with `manage.py shell` by scripts/prod-smoke.sh after the employee finished
the course: the render task is queued on completion, and only a worker runs it.
"""

import sys
import time

from django_tasks_db.models import DBTaskResult

deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    renders = DBTaskResult.objects.filter(task_path__endswith=".render_certificate")
    if renders.filter(status="SUCCESSFUL").exists():
        print("db_worker rendered the certificate")
        sys.exit(0)
    if renders.filter(status="FAILED").exists():
        print(renders.filter(status="FAILED").values_list("traceback", flat=True)[0])
        sys.exit(1)
    time.sleep(0.5)
print("no certificate was rendered within 60 s: is db_worker running?")
sys.exit(1)
