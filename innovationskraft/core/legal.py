"""The pages a Swedish public body must have: the accessibility statement (lagen om
tillgänglighet till digital offentlig service, in the structure Digg prescribes) with a form to
report a problem, and how the site handles personal data. Both state the real settings."""

from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from innovationskraft.core.clients import client_address
from innovationskraft.core.forms import AccessibilityReportForm
from innovationskraft.core.services import ReportRefused, accessibility_report_send

# Where Digg, the supervisory authority, takes complaints about accessibility.
DIGG_COMPLAINTS_URL = "https://www.digg.se/tdosanmalan"
IMY_URL = "https://www.imy.se/"
DAY_SECONDS = 24 * 60 * 60


def _operator() -> dict:
    return {
        "operator": settings.SITE_OPERATOR_NAME or _("The organisation that runs the site"),
        "operator_named": bool(settings.SITE_OPERATOR_NAME),
        "contact_email": settings.SITE_CONTACT_EMAIL,
        "site_url": settings.SITE_URL,
    }


def accessibility(request: HttpRequest):
    context = _operator() | {
        "digg_url": DIGG_COMPLAINTS_URL,
        "assessed_on": settings.ACCESSIBILITY_ASSESSED_ON,
        "updated_on": settings.ACCESSIBILITY_STATEMENT_UPDATED_ON,
    }
    return render(request, "core/accessibility.html", context)


def accessibility_report(request: HttpRequest):
    form = AccessibilityReportForm(request.POST or None, initial={"page": request.GET.get("sida")})
    status = 200
    # Without an address the page says so and shows no form; a post changes nothing.
    if request.method == "POST" and settings.SITE_CONTACT_EMAIL:
        if form.is_valid():
            data = form.cleaned_data
            try:
                accessibility_report_send(
                    name=data["name"],
                    email=data["email"],
                    page=data["page"],
                    description=data["description"],
                    address=client_address(request),
                )
            except ReportRefused as refusal:
                form.add_error(None, str(refusal))
                status = 429
            else:
                return redirect("core:accessibility_report_sent")
        else:
            status = 400
    context = _operator() | {"form": form, "digg_url": DIGG_COMPLAINTS_URL}
    return render(request, "core/accessibility_report.html", context, status=status)


def accessibility_report_sent(request: HttpRequest):
    return render(request, "core/accessibility_report_sent.html", _operator())


def privacy(request: HttpRequest):
    context = _operator() | {
        "officer_email": settings.SITE_DATA_PROTECTION_OFFICER_EMAIL,
        "public_task": settings.PRIVACY_LEGAL_BASIS == "public_task",
        "contact_keep_days": settings.CONTACT_MESSAGE_KEEP_DAYS,
        "participant_keep_days": settings.WORKSHOP_PARTICIPANT_KEEP_DAYS,
        "mail_keep_days": settings.MAIL_SENT_KEEP_DAYS,
        "import_keep_hours": settings.OPEN_DATA_IMPORT_KEEP_HOURS,
        "session_days": max(1, settings.SESSION_COOKIE_AGE // DAY_SECONDS),
        "imy_url": IMY_URL,
    }
    return render(request, "core/privacy.html", context)
