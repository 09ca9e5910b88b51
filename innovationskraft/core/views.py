import logging

from django.db import connection
from django.db.utils import InterfaceError, OperationalError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """For a load balancer: 200 while the app and its database answer, 503 when the database
    does not (the reason goes to the log, never to the caller)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except (OperationalError, InterfaceError) as error:
        logger.error("Health check: the database cannot be reached: %s", error)
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok"})


ERRORS = {
    400: (
        _("Bad request"),
        _("The request could not be understood. Check the address and try again."),
    ),
    403: (
        _("Access denied"),
        _("You do not have permission to see this page. Sign in with an account that has access."),
    ),
    404: (
        _("Page not found"),
        _("We could not find the page you asked for. It may have moved or been removed."),
    ),
    500: (
        _("Something went wrong"),
        _("An error occurred on our side. It has been logged; please try again in a while."),
    ),
}


def _error_page(request, status: int):
    title, text = ERRORS[status]
    context = {"error_code": status, "error_title": title, "error_text": text}
    # The 500 page must not touch the database, which may be why it is shown.
    context["minimal_page"] = status == 500
    return render(request, "error.html", context, status=status)


def bad_request(request, exception=None):
    return _error_page(request, 400)


def permission_denied(request, exception=None):
    """Someone signed in is told who she is signed in as and, where the code that refused
    gave one (PermissionDenied(_("...")): a sentence for her), why; only others are asked
    to sign in."""
    if not request.user.is_authenticated:
        return _error_page(request, 403)
    reason = exception.args[0] if exception and exception.args else ""
    text = _("You are signed in as %(user)s, but you do not have access to this page.") % {
        "user": request.user.email
    }
    context = {
        "error_code": 403,
        "error_title": ERRORS[403][0],
        "error_text": text,
        "error_reason": str(reason),
    }
    return render(request, "error.html", context, status=403)


def csrf_failure(request, reason=""):
    context = {
        "error_code": 403,
        "error_title": _("The form has expired"),
        "error_text": _(
            "For your security the form could only be sent for a while. Go back, reload the "
            "page and send it again."
        ),
    }
    return render(request, "error.html", context, status=403)


def page_not_found(request, exception=None):
    return _error_page(request, 404)


def server_error(request):
    return _error_page(request, 500)
