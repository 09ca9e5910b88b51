"""Pages for becoming a member: asking to join, deciding on requests, inviting, accepting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from innovationskraft.cases.models import Organisation
from innovationskraft.connect import joining
from innovationskraft.connect.forms import InvitationForm, JoinForm, RoleForm
from innovationskraft.connect.models import JoinRequest
from innovationskraft.connect.selectors import join_requests_to_decide


def _absolute(request: HttpRequest, name: str, *args) -> str:
    return request.build_absolute_uri(reverse(name, args=args))


@login_required
def join(request):
    form = JoinForm(request.POST or None, initial={"organisation": request.GET.get("org")})
    if request.method == "POST":
        if form.is_valid():
            try:
                joining.join_request_create(
                    user=request.user,
                    organisation=form.cleaned_data["organisation"],
                    message=form.cleaned_data["message"],
                    decide_url=_absolute(request, "connect:join_requests"),
                )
            except joining.JoinRefused as refusal:
                form.add_error("organisation", str(refusal))
            else:
                messages.success(
                    request,
                    _("Your request has been sent. You get an e-mail when it has been decided."),
                )
                return redirect("accounts:profile")
        return render(request, "connect/join.html", {"form": form}, status=400)
    return render(request, "connect/join.html", {"form": form})


@login_required
def join_requests(request):
    pending = join_requests_to_decide(user=request.user)
    return render(
        request, "connect/join_requests.html", {"pending": pending, "role_form": RoleForm()}
    )


@login_required
@require_POST
def join_request_decide(request, request_id: int):
    join_request = get_object_or_404(
        JoinRequest.objects.select_related("user", "organisation"), pk=request_id
    )
    form = RoleForm(request.POST)
    role = form.cleaned_data["role"] if form.is_valid() else RoleForm.base_fields["role"].initial
    approve = request.POST.get("decision") == "approve"
    try:
        joining.join_request_decide(
            actor=request.user,
            join_request=join_request,
            approve=approve,
            role=role,
            account_url=_absolute(request, "accounts:profile"),
        )
    except joining.JoinRefused as refusal:
        messages.error(request, str(refusal))
    else:
        text = (
            _("%(person)s is now a member of %(organisation)s.")
            if approve
            else _("The request of %(person)s to join %(organisation)s was refused.")
        )
        messages.success(
            request, text % {"person": join_request.user, "organisation": join_request.organisation}
        )
    return redirect("connect:join_requests")


@login_required
def invite(request, slug: str):
    organisation = get_object_or_404(Organisation, slug=slug)
    if not joining.can_manage_members(request.user, organisation):
        raise PermissionDenied
    form = InvitationForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            joining.invitation_create(
                actor=request.user,
                organisation=organisation,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                language=translation.get_language() or "sv",
                accept_link=lambda token: _absolute(request, "connect:invitation", token),
            )
            messages.success(
                request,
                _("An invitation has been sent to %(email)s.")
                % {"email": form.cleaned_data["email"]},
            )
            return redirect("connect:invite", slug=organisation.slug)
        status = 400
    else:
        status = 200
    context = {"organisation": organisation, "form": form}
    return render(request, "connect/invite.html", context, status=status)


@login_required
def invitation(request, token: str):
    found = joining.invitation_by_token(token)
    if found is None:
        return render(request, "connect/invitation_invalid.html", status=400)
    error = ""
    if request.method == "POST":
        try:
            joining.invitation_accept(user=request.user, invitation=found)
        except joining.JoinRefused as refusal:
            error = str(refusal)
        else:
            messages.success(
                request,
                _("You are now a member of %(organisation)s.")
                % {"organisation": found.organisation},
            )
            return redirect("accounts:profile")
    context = {"invitation": found, "error": error}
    return render(request, "connect/invitation.html", context, status=400 if error else 200)
