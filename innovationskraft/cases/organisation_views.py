"""The organisation picker's suggestions (cases/organisation_field.py), as JSON."""

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from innovationskraft.cases.organisation_search import MIN_LENGTH, organisation_suggestions, plain

# Longer than any organisation's name, and an upper bound on the work of one request.
TEXT_LENGTH = 200
EXCLUDED = 100


def _status(text: str, count: int) -> str:
    """What the live region says, in the page's language."""
    if len(plain(text)) < MIN_LENGTH:
        return ""
    if not count:
        return _("No organisation matches “%(text)s”.") % {"text": text}
    return ngettext(
        "%(count)s suggestion. Choose with the up and down arrow keys.",
        "%(count)s suggestions. Choose with the up and down arrow keys.",
        count,
    ) % {"count": count}


@require_GET
@cache_control(private=True, max_age=60)
def suggestions(request: HttpRequest) -> JsonResponse:
    # Only people who write cases and workshops pick organisations; the sign-in keeps the
    # endpoint from being a free search engine, so it needs no rate limit of its own.
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Sign in to search for organisations.")}, status=403)
    text = request.GET.get("q", "").replace("\x00", "").strip()[:TEXT_LENGTH]
    exclude = [int(pk) for pk in request.GET.getlist("exclude")[:EXCLUDED] if pk.isdigit()]
    found = organisation_suggestions(text=text, exclude=exclude)
    results = [{"id": o.pk, "name": o.name, "kind": o.get_kind_display()} for o in found]
    return JsonResponse({"results": results, "status": _status(text, len(found))})
