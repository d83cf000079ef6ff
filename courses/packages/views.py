"""Playing a package: the player page, the package's own files, and its commits.

The package runs in an iframe sandboxed without `allow-same-origin`, and its
files are served with a CSP `sandbox` too (even when opened on their own): its
pages get an opaque origin, so they can read none of ours, send no cookies of
ours, and reach the runtime in the player page only by postMessage
(scorm-again's cross-frame bridge, injected into each HTML file we serve).
Files and commits are keyed by the launch's token, rotated at every launch, so a
package reaches only its own files. Commits also need the learner's session:
a token alone, or someone else's session, saves nothing.
"""

import json
import mimetypes
import re
from pathlib import PurePosixPath

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import json_script
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from csp.decorators import csp_exempt, csp_update

from ..models import ModulePage, PackageAttempt
from ..permissions import user_can_take_course
from ..selectors.pages import course_of
from . import cmi5
from .archive import CMI5
from .tracking import PackageError, attempt_launch, commit_apply, runtime_data

# What a package's own pages may do inside their sandbox.
SANDBOX = "allow-scripts allow-forms allow-popups allow-modals allow-downloads"
_HEAD = re.compile(rb"<head(\s[^>]*)?>", re.IGNORECASE)


@never_cache
@login_required
@csp_update({"frame-src": ["'self'"]})
def play(request, module_id: int):
    module = get_object_or_404(
        ModulePage.objects.live().select_related("package"), pk=module_id
    )
    course = course_of(module)
    if course is None or not user_can_take_course(request.user, course):
        raise Http404
    try:
        attempt = attempt_launch(user=request.user, module=module)
    except PackageError:
        return redirect(module.url)
    package = attempt.package
    launch = reverse("courses:package-file", args=[attempt.token, package.launch])
    query = [package.launch_parameters] if package.launch_parameters else []
    if package.standard == CMI5:
        query.append(cmi5.launch_query(request, attempt))
    if query:
        launch += "?" + "&".join(query)
    config = {
        "standard": package.standard,
        "commitUrl": reverse("courses:package-commit", args=[attempt.token]),
        "launchUrl": launch,
        "sequence": attempt.sequence,
        "runtime": runtime_data(attempt) if package.standard != CMI5 else None,
    }
    return TemplateResponse(
        request,
        "courses/package_player.html",
        {
            "module": module,
            "course": course,
            "package": package,
            "attempt": attempt,
            "config": config,
            "sandbox": SANDBOX,
        },
    )


@require_GET
@csp_exempt()
@xframe_options_sameorigin
def package_file(request, token: str, path: str):
    attempt = (
        PackageAttempt.objects.select_related("package", "user__employee")
        .filter(token=token)
        .first()
    )
    name = str(PurePosixPath(path))
    if (
        attempt is None
        or ".." in PurePosixPath(path).parts
        or name.startswith("/")
        or name == "."
        or path.endswith("/")
    ):
        raise Http404
    stored = attempt.package.folder + name
    if not default_storage.exists(stored):
        raise Http404
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    try:
        handle = default_storage.open(stored)
    except OSError:  # a folder of the package, not a file
        raise Http404 from None
    if content_type == "text/html":
        with handle:
            body = handle.read()
        if attempt.package.standard != CMI5:
            body = _with_bridge(body, attempt)
        response = HttpResponse(body, content_type=content_type)
    else:
        # Videos and images stream from storage, never whole in memory.
        response = FileResponse(handle, content_type=content_type)
    origin = f"{request.scheme}://{request.get_host()}"
    response["Content-Security-Policy"] = (
        f"sandbox {SANDBOX}; default-src {origin} 'unsafe-inline' 'unsafe-eval' "
        f"data: blob:; frame-ancestors 'self'; "
        f"form-action 'none'; base-uri {origin}"
    )
    # The package's pages have an opaque origin: they may read their own files
    # (which only this launch's token names), and nothing else of ours.
    response["Access-Control-Allow-Origin"] = "*"
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "private, max-age=3600"
    return response


def _with_bridge(body: bytes, attempt: PackageAttempt) -> bytes:
    """The page with the SCORM API bridge first in its head, seeded with saved data."""
    seed = json_script(_flattened({"cmi": runtime_data(attempt)}), "lms-runtime-seed")
    bridge = (
        f"{seed}"
        f'<script src="{static("vendor/scorm-again/cross-frame-api.min.js")}"></script>'
        f'<script src="{static("courses/package-frame.js")}"></script>'
    ).encode()
    match = _HEAD.search(body)
    if match:
        return body[: match.end()] + bridge + body[match.end() :]
    return bridge + body


def _flattened(tree: dict, prefix: str = "") -> dict[str, str]:
    flat = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat |= _flattened(value, f"{name}.")
        else:
            flat[name] = str(value)
    return flat


@csrf_exempt  # the final commit is a beacon, which carries no CSRF header
@require_POST
def commit(request, token: str):
    attempt = (
        PackageAttempt.objects.filter(Q(token=token) | Q(previous_token=token))
        .only("pk", "user_id")
        .first()
    )
    if attempt is None:
        # A launch since replaced this token (another tab), or a guess.
        return JsonResponse({"result": False, "errorCode": 101}, status=404)
    if not request.user.is_authenticated or request.user.pk != attempt.user_id:
        return JsonResponse({"result": False, "errorCode": 101}, status=403)
    try:
        body = json.loads(request.body or b"{}")
        sequence = int(body.get("seq", 0))
        cmi = body.get("cmi") or body.get("runtimeData", {}).get("cmi") or {}
    except (ValueError, TypeError, AttributeError):
        return JsonResponse({"result": False, "errorCode": 201}, status=400)
    if not isinstance(cmi, dict) or not 0 < sequence < 2**62:
        return JsonResponse({"result": False, "errorCode": 201}, status=400)
    commit_apply(attempt_id=attempt.pk, user=request.user, sequence=sequence, cmi=cmi)
    return JsonResponse({"result": True, "errorCode": 0})
