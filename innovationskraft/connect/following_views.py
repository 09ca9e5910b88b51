"""Following a part of the library by e-mail: the page that confirms what is followed and how
often, and stopping."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from innovationskraft.connect.following import (
    follow_create,
    follow_delete,
    follow_filters,
    follow_label,
)
from innovationskraft.connect.forms import FollowForm
from innovationskraft.connect.models import Follow


@login_required
def follow(request):
    """GET: the filters of the list in the query string, to confirm; POST: followed."""
    filters = follow_filters(request.POST if request.method == "POST" else request.GET)
    label = follow_label(filters)
    form = FollowForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        follow_create(
            user=request.user,
            filters=filters,
            label=label,
            frequency=form.cleaned_data["frequency"],
        )
        messages.success(
            request, _("You follow %(what)s. What is new comes by e-mail.") % {"what": label}
        )
        return redirect("accounts:profile")
    context = {"form": form, "filters": filters, "label": label}
    return render(request, "connect/follow.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def unfollow(request, follow_id: int):
    try:
        stopped = follow_delete(user=request.user, follow_id=follow_id)
    except Follow.DoesNotExist:
        raise Http404 from None
    messages.success(request, _("You no longer follow %(what)s.") % {"what": stopped.label})
    return redirect("accounts:profile")
