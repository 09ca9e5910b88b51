"""The import pages in the admin: upload a file, then follow its job to the outcome.
Each view is reached through AdminSite.admin_view (staff and moderators) and checks the permission
to add cases."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from innovationskraft.cases.models import Case
from innovationskraft.opendata import jobs
from innovationskraft.opendata.forms import ImportForm, max_bytes
from innovationskraft.opendata.job_texts import (
    job_phase,
    job_state_sentence,
    progress_label,
    progress_text,
)
from innovationskraft.opendata.progress import progress_of
from innovationskraft.opendata.selectors import (
    IMPORT_PERMISSIONS,
    import_errors_csv_lines,
    import_job_for,
)
from innovationskraft.opendata.upload_limit import UploadLimit

# The page lists this many errors; the CSV download has every one.
ERRORS_SHOWN = 100


def _page(request, admin_site, template: str, title: str, **context) -> TemplateResponse:
    context = {**admin_site.each_context(request), "title": title, "opts": Case._meta, **context}
    return TemplateResponse(request, template, context)


def _job_context(job) -> dict:
    progress = progress_of(job.pk) if job.is_running else None
    return {
        "job": job,
        "phase": job_phase(job),
        "progress": progress,
        "state_sentence": job_state_sentence(job),
        "progress_label": progress_label(job, progress),
        "progress_text": progress_text(job, progress),
        "errors_shown": job.errors[:ERRORS_SHOWN],
        "errors_hidden": max(0, len(job.errors) - ERRORS_SHOWN),
        "warnings_shown": job.warnings[:ERRORS_SHOWN],
        "warnings_hidden": max(0, len(job.warnings) - ERRORS_SHOWN),
    }


# The CSRF check reads the body: it comes after the upload's limit is in place, and after a
# refused upload, whose answer only shows the form again.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def import_start(request, admin_site):
    if not request.user.has_perms(IMPORT_PERMISSIONS):
        raise PermissionDenied
    limit = UploadLimit(request, max_bytes=max_bytes())
    request.upload_handlers.insert(0, limit)
    if request.method == "POST":
        files = request.FILES  # the body is read here, through the limit
        if limit.refused:
            form = ImportForm(request.POST, files, upload_refused=True)
            form.is_valid()
            return _start_page(request, admin_site, form)
    return _import_start(request, admin_site)


def _start_page(request, admin_site, form: ImportForm) -> TemplateResponse:
    return _page(
        request, admin_site, "opendata/admin/import_start.html", _("Import cases"), form=form
    )


@csrf_protect
def _import_start(request, admin_site):
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            job = jobs.import_job_start(
                actor=request.user,
                upload=data["file"],
                skip_invalid=data["skip_invalid"],
                check_only=data["check_only"],
                carry_long_summaries=data["carry_long_summaries"],
            )
        except jobs.ImportJobInvalid as invalid:
            form.add_error("file", str(invalid))
        else:
            return redirect("admin:cases_case_import_job", job_id=job.pk)
    return _start_page(request, admin_site, form)


def _given_up_on_stale_jobs() -> None:
    jobs.import_jobs_give_up(older_than=timedelta(minutes=settings.OPEN_DATA_IMPORT_STALE_MINUTES))


@require_GET
def import_job(request, admin_site, job_id: int):
    _given_up_on_stale_jobs()
    job = import_job_for(user=request.user, job_id=job_id)
    title = _("Import of %(file)s") % {"file": job.file_name}
    return _page(request, admin_site, "opendata/admin/import_job.html", title, **_job_context(job))


@require_GET
def import_progress(request, admin_site, job_id: int):
    """The fragment the job page polls; a page without JavaScript reloads the whole page."""
    _given_up_on_stale_jobs()
    job = import_job_for(user=request.user, job_id=job_id)
    if not request.htmx:
        return redirect("admin:cases_case_import_job", job_id=job.pk)
    context = _job_context(job)
    context["state_changed"] = request.GET.get("state") != context["phase"]
    return TemplateResponse(request, "opendata/admin/import_progress.html", context)


@require_GET
def import_errors(request, admin_site, job_id: int):
    job = import_job_for(user=request.user, job_id=job_id)
    response = StreamingHttpResponse(
        import_errors_csv_lines(job), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="importfel-{job.pk}.csv"'
    return response


@require_POST
def import_again(request, admin_site, job_id: int):
    """Import a checked or refused job's file after all, skipping its bad rows if asked."""
    job = import_job_for(user=request.user, job_id=job_id)
    try:
        new = jobs.import_job_restart(
            actor=request.user, job=job, skip_invalid=request.POST.get("skip_invalid") == "1"
        )
    except jobs.ImportJobInvalid as invalid:
        messages.error(request, str(invalid))
        return redirect("admin:cases_case_import_job", job_id=job.pk)
    return redirect("admin:cases_case_import_job", job_id=new.pk)
