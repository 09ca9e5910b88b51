from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from innovationskraft.accounts import selectors, services
from innovationskraft.accounts.forms import ApiTokenForm
from innovationskraft.accounts.models import ApiToken


def _profile(request, *, form: ApiTokenForm, new_secret: str = "", status: int = 200):
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "tokens": selectors.active_api_tokens(user=request.user),
            "new_secret": new_secret,
        },
        status=status,
    )


@login_required
@never_cache
def profile(request):
    return _profile(request, form=ApiTokenForm())


@login_required
@never_cache
@require_POST
def api_token_create(request):
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        return _profile(request, form=form, status=400)
    _token, secret = services.api_token_create(user=request.user, name=form.cleaned_data["name"])
    # Shown in this answer only: the secret is not stored, so a reload cannot show it again.
    return _profile(request, form=ApiTokenForm(), new_secret=secret)


@login_required
@require_POST
def api_token_revoke(request, token_id: int):
    try:
        token = services.api_token_revoke(user=request.user, token_id=token_id)
    except ApiToken.DoesNotExist:
        raise Http404 from None
    messages.success(request, _("The token %(name)s no longer works.") % {"name": token.name})
    return redirect("accounts:profile")
