"""Her own data: download all of it, or delete her account (docs/privacy.md)."""

import json
from typing import cast

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from innovationskraft.accounts import selectors, services
from innovationskraft.accounts.forms import AccountDeleteForm
from innovationskraft.accounts.models import User
from innovationskraft.core.ratelimit import window_hit

HOUR = 60 * 60
# Wrong passwords a signed-in session may try an hour here before it is told to wait: the form
# must not become a way to guess the password of a session left open.
DELETE_ATTEMPTS_PER_HOUR = 10


@login_required
@never_cache
def data_download(request: HttpRequest):
    data = selectors.personal_data_of(user=cast(User, request.user))  # signed in
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    name = f"innovationskraft-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@never_cache
def account_delete(request: HttpRequest):
    user = cast(User, request.user)  # signed in
    form = AccountDeleteForm(request.POST or None, user=user)
    status = 200
    if request.method == "POST":
        attempts = window_hit(f"account-delete:{user.pk}", seconds=HOUR)
        if attempts.hits > DELETE_ATTEMPTS_PER_HOUR:
            form.add_error(None, _("Too many attempts. Please try again in an hour."))
            status = 429
        elif form.is_valid():
            services.account_delete(user=user)
            logout(request)
            messages.success(request, _("Your account has been deleted."))
            return redirect("home")
        else:
            status = 400
    return render(request, "accounts/delete.html", {"form": form}, status=status)
