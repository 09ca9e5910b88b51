from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from innovationskraft.connect.access import access_case_for_contact
from innovationskraft.connect.bot import challenge
from innovationskraft.connect.forms import ContactForm
from innovationskraft.connect.notifications import Kind, opt_out_by_token
from innovationskraft.connect.selectors import contact_possible
from innovationskraft.connect.services import (
    ContactRefused,
    contact_message_send,
    notification_opt_in,
    notification_opt_out,
)
from innovationskraft.core.clients import client_address


def contact(request: HttpRequest, slug: str):
    case = access_case_for_contact(request.user, slug)
    reachable = contact_possible(case=case)
    form = ContactForm(request.POST or None)
    status = 200
    if request.method == "POST" and reachable:
        if form.is_valid():
            data = form.cleaned_data
            try:
                contact_message_send(
                    case=case,
                    name=data["name"],
                    email=data["email"],
                    organisation=data["organisation"],
                    message=data["message"],
                    address=client_address(request),
                    case_url=request.build_absolute_uri(case.get_absolute_url()),
                )
            except ContactRefused as refusal:
                form.add_error(None, str(refusal))
                status = 429
            else:
                return redirect("connect:contact_sent", slug=case.slug)
        else:
            status = 400
    context = {
        "case": case,
        "form": form,
        "reachable": reachable,
        "keep_days": settings.CONTACT_MESSAGE_KEEP_DAYS,
    }
    return render(request, "connect/contact.html", context, status=status)


def contact_sent(request: HttpRequest, slug: str):
    case = access_case_for_contact(request.user, slug)
    return render(request, "connect/contact_sent.html", {"case": case})


@require_GET
@never_cache
def bot_challenge(request: HttpRequest):
    """A new proof-of-work challenge for the form's widget."""
    return JsonResponse(challenge())


# A mail program unsubscribes with one POST and no form of ours (RFC 8058): the signed token in
# the address is what allows it, so there is no CSRF token to check.
@csrf_exempt
@never_cache
def unsubscribe(request: HttpRequest, token: str):
    found = opt_out_by_token(token)
    if found is None:
        return render(request, "connect/unsubscribe_invalid.html", status=400)
    user, kind = found
    context = {"kind": Kind(kind), "email": user.email}
    if request.method == "POST":
        if request.POST.get("again"):
            notification_opt_in(user=user, kind=kind)
            return render(request, "connect/unsubscribe.html", context)
        notification_opt_out(user=user, kind=kind)
        return render(request, "connect/unsubscribed.html", context)
    return render(request, "connect/unsubscribe.html", context)
