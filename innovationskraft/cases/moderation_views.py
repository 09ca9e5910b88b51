"""The moderators' decision on a change to a published case, their trust in an organisation,
and a partner organisation's answer to a case that names it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from innovationskraft.cases import permissions, services
from innovationskraft.cases.access import access_partnership_for_answer, access_pending_for_review
from innovationskraft.cases.forms import ChangeReviewForm
from innovationskraft.cases.models import Organisation
from innovationskraft.cases.pending_diff import pending_changes


@login_required
def change_review(request: HttpRequest, slug: str):
    pending = access_pending_for_review(request.user, slug)
    form = ChangeReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        comment = form.cleaned_data["comment"]
        try:
            if form.cleaned_data["decision"] == "publish":
                services.pending_revision_approve(
                    actor=request.user, pending=pending, comment=comment
                )
                messages.success(request, _("The change is published."))
            else:
                services.pending_revision_return(
                    actor=request.user, pending=pending, comment=comment
                )
                messages.success(request, _("The change is returned to its owner."))
            return redirect("cases:review_queue")
        except ValidationError as error:
            form.add_error(None, error)
    context = {
        "case": pending.case,
        "pending": pending,
        "changes": pending_changes(pending=pending),
        "form": form,
    }
    return render(request, "cases/change_review.html", context)


def _back(request: HttpRequest, fallback: str):
    wanted = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(wanted, {request.get_host()}, request.is_secure()):
        return redirect(wanted)
    return redirect(fallback)


@login_required
@require_POST
def partnership_answer(request: HttpRequest, slug: str, organisation_slug: str):
    partnership = access_partnership_for_answer(request.user, slug, organisation_slug)
    names = {"organisation": partnership.organisation.name, "title": partnership.case.title}
    try:
        if request.POST.get("answer") == "confirm":
            services.partnership_confirm(actor=request.user, partnership=partnership)
            message = _("%(organisation)s is confirmed as a partner in “%(title)s”.")
        else:
            services.partnership_decline(actor=request.user, partnership=partnership)
            message = _("%(organisation)s is no longer named as a partner in “%(title)s”.")
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, message % names)
    return _back(request, partnership.organisation.get_absolute_url())


@login_required
@require_POST
def organisation_trust(request: HttpRequest, slug: str):
    if not permissions.can_review_cases(request.user):
        raise PermissionDenied(_("Only moderators decide which organisations are trusted."))
    organisation = get_object_or_404(Organisation, slug=slug)
    trusted = request.POST.get("trusted") == "on"
    services.organisation_set_trusted(
        actor=request.user, organisation=organisation, trusted=trusted
    )
    if trusted:
        message = _("Changes by the editors of %(organisation)s now go live at once.")
    else:
        message = _("Changes by the editors of %(organisation)s now wait for review.")
    messages.success(request, message % {"organisation": organisation.name})
    return redirect(organisation)
