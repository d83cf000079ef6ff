"""Admin screens: the design preview; revoke; bulk issue with progress; the ZIP download."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.generic import View

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import MenuItem
from wagtail.snippets.views.snippets import PreviewOnCreateView, PreviewOnEditView
from wagtail.utils.decorators import xframe_options_sameorigin_override

from courses.models import CoursePage

from .bulk import certificates_zip_stream
from .forms import BulkIssueForm, RevokeForm
from .models import BulkCertificateJob, Certificate
from .permissions import user_can_bulk_issue_certificates, user_can_revoke_certificate
from .rendering import preview_pdf
from .selectors import bulk_certificates, verification_facts
from .services import CertificateError, certificate_revoke
from .tasks import bulk_job_start

JOB_LISTING_LIMIT = 500
RECENT_JOBS = 10


class DesignPreviewMixin:
    """A design's preview is the real PDF, rendered from the editor's unsaved form.

    Wagtail's preview view would call `CertificateDesign.serve_preview`; it is
    served here instead so that the models never import rendering. As Wagtail's
    `PreviewOnEdit.get`, less the dummy request a PDF has no use for.
    """

    @method_decorator(xframe_options_sameorigin_override)
    def get(self, request, *args, **kwargs):
        form = self.get_form(self._get_form_data(self._get_form_state()))
        if not self.validate_form(form):
            return self.error_response()
        form.save(commit=False)
        response = HttpResponse(
            preview_pdf(design=self.object), content_type="application/pdf"
        )
        response["Content-Disposition"] = 'inline; filename="certificate-preview.pdf"'
        patch_cache_control(response, private=True)
        return response


class DesignPreviewOnCreateView(DesignPreviewMixin, PreviewOnCreateView):
    pass


class DesignPreviewOnEditView(DesignPreviewMixin, PreviewOnEditView):
    pass


def revoke_menu_item(certificate: Certificate) -> MenuItem:
    return MenuItem(
        _("Revoke"),
        url=reverse("certificates_admin:revoke", args=[certificate.pk]),
        icon_name="warning",
        priority=40,
    )


class RevokeView(WagtailAdminTemplateMixin, View):
    """Revoke a certificate for good, with a reason the public will see."""

    template_name = "certificates/admin/revoke.html"
    page_title = gettext_lazy("Revoke certificate")
    header_icon = "warning"

    def dispatch(self, request, pk):
        self.certificate = get_object_or_404(Certificate, pk=pk)
        if not user_can_revoke_certificate(request.user):
            raise PermissionDenied
        return super().dispatch(request, pk)

    def get(self, request, pk):
        return self.render(form=RevokeForm())

    def post(self, request, pk):
        form = RevokeForm(request.POST)
        if form.is_valid():
            try:
                certificate_revoke(
                    certificate=self.certificate,
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except CertificateError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("Certificate %(number)s is revoked.")
                    % {"number": self.certificate.number},
                )
                return redirect("certificates_issued:index")
        return self.render(form=form)

    def render(self, **context):
        return self.render_to_response(
            self.get_context_data(
                certificate=self.certificate,
                facts=verification_facts(certificate=self.certificate),
                **context,
            )
        )


class BulkIssueView(WagtailAdminTemplateMixin, View):
    """Pick a course (and an org unit) to issue every missing certificate."""

    template_name = "certificates/admin/bulk.html"
    page_title = gettext_lazy("Bulk issue and download")
    header_icon = "download"

    def dispatch(self, request, *args, **kwargs):
        if not user_can_bulk_issue_certificates(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.render(form=BulkIssueForm())

    def post(self, request):
        form = BulkIssueForm(request.POST)
        if not form.is_valid():
            return self.render(form=form)
        job = bulk_job_start(
            actor=request.user,
            course=form.cleaned_data["course"],
            org_unit=form.cleaned_data["org_unit"],
        )
        return redirect("certificates_admin:job", job_id=job.pk)

    def render(self, **context):
        jobs = BulkCertificateJob.objects.select_related("org_unit", "created_by")[
            :RECENT_JOBS
        ]
        titles = dict(
            CoursePage.objects.filter(pk__in=[j.course_id for j in jobs]).values_list(
                "pk", "title"
            )
        )
        return self.render_to_response(
            self.get_context_data(
                jobs=[(job, titles.get(job.course_id, "")) for job in jobs], **context
            )
        )


class BulkJobView(WagtailAdminTemplateMixin, View):
    """A bulk job's progress (refreshing while it runs) and its certificates."""

    template_name = "certificates/admin/bulk_job.html"
    page_title = gettext_lazy("Bulk certificates")
    header_icon = "download"

    def dispatch(self, request, job_id):
        if not user_can_bulk_issue_certificates(request.user):
            raise PermissionDenied
        self.job = get_object_or_404(
            BulkCertificateJob.objects.select_related("org_unit"), pk=job_id
        )
        return super().dispatch(request, job_id)

    def get(self, request, job_id):
        certificates = list(
            bulk_certificates(job=self.job, user=request.user)[: JOB_LISTING_LIMIT + 1]
        )
        course = CoursePage.objects.filter(pk=self.job.course_id).first()
        return self.render_to_response(
            self.get_context_data(
                job=self.job,
                course=course,
                certificates=certificates[:JOB_LISTING_LIMIT],
                more=len(certificates) > JOB_LISTING_LIMIT,
                running=not self.job.is_finished,
            )
        )


@never_cache
def bulk_job_zip(request, job_id):
    """Every current certificate of the job, as a ZIP streamed while it is written."""
    if not user_can_bulk_issue_certificates(request.user):
        raise PermissionDenied
    job = get_object_or_404(BulkCertificateJob, pk=job_id)
    certificates = bulk_certificates(job=job, user=request.user).iterator(
        chunk_size=200
    )
    response = StreamingHttpResponse(
        certificates_zip_stream(certificates), content_type="application/zip"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="certificates-course-{job.course_id}-job-{job.pk}.zip"'
    )
    return response
