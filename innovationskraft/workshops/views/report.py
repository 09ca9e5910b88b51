"""The synthesis: edited by the facilitator, exported, and published as a public page."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from innovationskraft.core.spreadsheets import PLAIN, dialect_named
from innovationskraft.core.throttle import throttled
from innovationskraft.workshops import exports, selectors, services
from innovationskraft.workshops.access import access_workshop_for_facilitation
from innovationskraft.workshops.forms import ConclusionsForm
from innovationskraft.workshops.models import Workshop
from innovationskraft.workshops.permissions import can_facilitate
from innovationskraft.workshops.report import workshop_report


def _readable_workshop(request, slug) -> Workshop:
    """Published reports are public; before that only the facilitators see them."""
    workshop = Workshop.objects.select_related("organiser").filter(slug=slug).first()
    if workshop is None:
        raise Http404
    if workshop.state != Workshop.State.PUBLISHED and not can_facilitate(request.user, workshop):
        raise Http404
    return workshop


def report_list(request):
    return render(
        request, "workshops/report_list.html", {"workshops": selectors.published_reports()}
    )


def report(request, slug):
    workshop = _readable_workshop(request, slug)
    return render(
        request,
        "workshops/report.html",
        {
            "report": workshop_report(workshop=workshop),
            "can_facilitate": can_facilitate(request.user, workshop),
        },
    )


@login_required
def report_edit(request, slug):
    workshop = access_workshop_for_facilitation(request.user, slug)
    form = ConclusionsForm(request.POST or None, initial={"conclusions": workshop.conclusions})
    if request.method == "POST" and form.is_valid():
        services.workshop_save_conclusions(
            actor=request.user, workshop=workshop, conclusions=form.cleaned_data["conclusions"]
        )
        messages.success(request, _("The conclusions are saved."))
        return redirect("workshops:report_edit", slug=slug)
    return render(
        request,
        "workshops/facilitator/report_edit.html",
        {"workshop": workshop, "form": form, "report": workshop_report(workshop=workshop)},
    )


def _download(content, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def report_markdown(request, slug):
    workshop = _readable_workshop(request, slug)
    text = exports.report_markdown(workshop_report(workshop=workshop), request=request)
    return _download(text, "text/markdown; charset=utf-8", f"{workshop.slug}.md")


def report_html(request, slug):
    workshop = _readable_workshop(request, slug)
    html = exports.report_html(workshop_report(workshop=workshop), request=request)
    return _download(html, "text/html; charset=utf-8", f"{workshop.slug}.html")


@throttled("pdf", per_minute_setting="PDF_REQUESTS_PER_MINUTE")
def report_pdf(request, slug):
    workshop = _readable_workshop(request, slug)
    pdf = exports.report_pdf(workshop_report(workshop=workshop), request=request)
    return _download(pdf, "application/pdf", f"{workshop.slug}.pdf")


class _Echo:
    def write(self, value):
        return value


@login_required
def contributions_csv(request, slug):
    """Every contribution, hidden and withdrawn ones included, for the facilitator's archive."""
    workshop = access_workshop_for_facilitation(request.user, slug)
    # ?dialect=excel-sv: semicolons, for Excel in Swedish; commas otherwise.
    dialect = dialect_named(request.GET.get("dialect"), default=PLAIN)
    writer = csv.writer(_Echo(), delimiter=dialect.delimiter)
    rows = (writer.writerow(row) for row in exports.contribution_rows(workshop=workshop))
    response = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{workshop.slug}-bidrag.csv"'
    return response
