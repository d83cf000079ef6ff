"""Site views: public verification (no login) and the PDF download."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from lib.request_limits import accepts_uploads_of

from .forms import MAX_UPLOAD_BYTES, VerifyLookupForm, VerifyUploadForm
from .permissions import user_can_download_certificate
from .ratelimit import rate_limit, wants_json
from .rendering import verification_url
from .selectors import (
    certificate_by_code,
    certificate_file_matches,
    certificate_lookup,
    verification_facts,
)
from .services import certificate_pdf_ensure

VERIFY_LIMIT = {"setting": "CERTIFICATE_VERIFY_RATE_LIMIT", "default": 60}


def _to_certificate(request, certificate):
    url = reverse("certificates:verify", args=[certificate.verification_code])
    return redirect(f"{url}?format=json" if wants_json(request) else url)


def _not_found(request, typed: str, form: VerifyLookupForm | None = None):
    """404 that says what was not found and offers the lookup again, or JSON."""
    if wants_json(request):
        return JsonResponse({"status": "not_found"}, status=404)
    form = form or VerifyLookupForm(initial={"code": typed})
    return render(
        request,
        "certificates/verify_lookup.html",
        {"form": form, "not_found": typed},
        status=404,
    )


@never_cache
@require_GET
@rate_limit("verify", **VERIFY_LIMIT)
def verify_lookup(request):
    form = VerifyLookupForm(request.GET or None)
    if not form.is_valid():
        if wants_json(request):
            # Blank or overlong finds nothing, like an unknown code.
            return _not_found(request, "")
        return render(request, "certificates/verify_lookup.html", {"form": form})
    certificate = certificate_lookup(value=form.cleaned_data["code"])
    if certificate is None:
        return _not_found(request, form.cleaned_data["code"], form)
    return _to_certificate(request, certificate)


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limit("verify", **VERIFY_LIMIT)
@accepts_uploads_of(MAX_UPLOAD_BYTES)
def verify(request, code):
    certificate = certificate_by_code(code=code)
    if certificate is None:
        # A printed number typed into the address bar finds its certificate too.
        found = certificate_lookup(value=code)
        return _to_certificate(request, found) if found else _not_found(request, code)
    facts = verification_facts(certificate=certificate)
    if wants_json(request):
        return JsonResponse({**facts, "verification_url": verification_url(code)})
    form, file_matches = VerifyUploadForm(), None
    if request.method == "POST":
        form = VerifyUploadForm(request.POST, request.FILES)
        if form.is_valid():
            file_matches = certificate_file_matches(
                certificate=certificate, sha256=form.sha256()
            )
    return render(
        request,
        "certificates/verify.html",
        {"facts": facts, "form": form, "file_matches": file_matches, "code": code},
    )


@never_cache
@login_required
@require_GET
def download(request, code):
    certificate = certificate_by_code(code=code)
    # Someone else's certificate looks exactly like one that does not exist.
    if certificate is None or not user_can_download_certificate(
        request.user, certificate
    ):
        raise Http404
    certificate = certificate_pdf_ensure(certificate=certificate)
    return FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"certificate-{certificate.number}.pdf",
        content_type="application/pdf",
    )
