"""The facilitator's pages: set up, run, moderate, cluster, vote and write the synthesis."""

import io

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override
from django.views.decorators.http import require_POST

from innovationskraft.cases.models import Organisation
from innovationskraft.cases.selectors import organisations_user_writes_for
from innovationskraft.workshops import selectors, services
from innovationskraft.workshops.access import access_workshop_for_facilitation, safe_next
from innovationskraft.workshops.forms import (
    PromptForm,
    RoundForm,
    WorkshopCreateForm,
    WorkshopForm,
)
from innovationskraft.workshops.models import Prompt, VotingRound


def _errors(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


def join_url(request, workshop) -> str:
    """In the workshop's language: an English workshop's phones open the English pages."""
    with override(workshop.language):
        path = reverse("workshops:participate", args=[workshop.join_code])
    return request.build_absolute_uri(path)


@login_required
def workshop_list(request):
    return render(
        request,
        "workshops/facilitator/list.html",
        {
            "workshops": selectors.workshops_for_facilitator(user=request.user),
            "can_create": organisations_user_writes_for(user=request.user).exists(),
        },
    )


@login_required
def workshop_create(request):
    organisations = organisations_user_writes_for(user=request.user)
    if not organisations.exists():
        return render(request, "workshops/facilitator/no_membership.html", status=403)
    form = WorkshopCreateForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        workshop = services.workshop_create(
            actor=request.user,
            organiser=data["organiser"],
            title=data["title"],
            date=data["date"],
            description=data["description"],
            language=data["language"],
            approve_first=data["approve_first"],
            template=data["template"],
        )
        messages.success(request, _("The workshop is created. Check the questions, then open it."))
        return redirect("workshops:manage", slug=workshop.slug)
    return render(
        request, "workshops/facilitator/form.html", {"form": form, "organisations": organisations}
    )


@login_required
def workshop_edit(request, slug):
    workshop = access_workshop_for_facilitation(request.user, slug)
    # The organiser is fixed once the workshop exists; every facilitator may still edit it.
    organiser = Organisation.objects.filter(pk=workshop.organiser_id)
    form = WorkshopForm(request.POST or None, instance=workshop, organisations=organiser)
    form.fields["organiser"].disabled = True
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.workshop_update(
            actor=request.user,
            workshop=workshop,
            title=data["title"],
            date=data["date"],
            description=data["description"],
            language=data["language"],
            approve_first=data["approve_first"],
        )
        messages.success(request, _("The workshop is saved."))
        return redirect("workshops:manage", slug=workshop.slug)
    return render(request, "workshops/facilitator/form.html", {"form": form, "workshop": workshop})


@login_required
def workshop_manage(request, slug):
    workshop = access_workshop_for_facilitation(request.user, slug)
    return render(
        request,
        "workshops/facilitator/manage.html",
        {
            "workshop": workshop,
            "counts": selectors.counts_for_facilitator(workshop=workshop),
            "prompts": workshop.prompts.annotate(
                answers=Count("contributions", filter=~Q(contributions__status="withdrawn"))
            ),
            "prompt_form": PromptForm(),
            "join_url": join_url(request, workshop),
        },
    )


STATE_ACTIONS = {
    "open": services.workshop_open,
    "close": services.workshop_close,
    "publish": services.workshop_publish,
    "unpublish": services.workshop_unpublish,
}
STATE_MESSAGES = {
    "open": gettext_lazy("The workshop is open: show the join code."),
    "close": gettext_lazy("The workshop is closed. Write the conclusions and publish the report."),
    "publish": gettext_lazy("The report is published."),
    "unpublish": gettext_lazy("The report is no longer public."),
    "lock": gettext_lazy("The workshop is locked: no new contributions or votes."),
    "unlock": gettext_lazy("The workshop takes contributions again."),
}


@login_required
@require_POST
def workshop_state(request, slug):
    workshop = access_workshop_for_facilitation(request.user, slug)
    action = request.POST.get("action", "")
    try:
        if action in ("lock", "unlock"):
            services.workshop_set_locked(
                actor=request.user, workshop=workshop, locked=action == "lock"
            )
        elif action in STATE_ACTIONS:
            STATE_ACTIONS[action](actor=request.user, workshop=workshop)
        else:
            raise ValidationError(_("Unknown action."))
        messages.success(request, str(STATE_MESSAGES[action]))
    except ValidationError as error:
        _errors(request, error)
    return redirect(safe_next(request, reverse("workshops:manage", args=[slug])))


@login_required
@require_POST
def prompt_add(request, slug):
    workshop = access_workshop_for_facilitation(request.user, slug)
    form = PromptForm(request.POST)
    if form.is_valid():
        try:
            services.prompt_add(actor=request.user, workshop=workshop, **form.cleaned_data)
            messages.success(request, _("The question is added."))
        except ValidationError as error:
            _errors(request, error)
    else:
        messages.error(request, _("Write the question and choose its kind."))
    return redirect(reverse("workshops:manage", args=[slug]) + "#fragor")


@login_required
@require_POST
def prompt_remove(request, slug, prompt_id):
    workshop = access_workshop_for_facilitation(request.user, slug)
    prompt = get_object_or_404(Prompt, pk=prompt_id, workshop=workshop)
    try:
        services.prompt_remove(actor=request.user, prompt=prompt)
        messages.success(request, _("The question is removed."))
    except ValidationError as error:
        _errors(request, error)
    return redirect(reverse("workshops:manage", args=[slug]) + "#fragor")


@login_required
def presenter(request, slug):
    workshop = access_workshop_for_facilitation(request.user, slug)
    return render(
        request,
        "workshops/facilitator/presenter.html",
        {"workshop": workshop, "join_url": join_url(request, workshop), "minimal_page": True},
    )


@login_required
def qr_code(request, slug):
    workshop = access_workshop_for_facilitation(request.user, slug)
    # A standalone document for <img>: with its namespace (or the browser draws nothing) and
    # its size; svg_inline() leaves both out, as HTML needs neither.
    svg = io.BytesIO()
    segno.make(join_url(request, workshop), error="m").save(
        svg,
        kind="svg",
        scale=10,
        border=2,
        xmldecl=False,
        title=_("QR code for %(code)s") % {"code": workshop.join_code},
    )
    return HttpResponse(svg.getvalue(), content_type="image/svg+xml")


@login_required
def voting(request, slug):
    workshop = access_workshop_for_facilitation(request.user, slug)
    voting_round = selectors.open_round(workshop=workshop)
    closed = None if voting_round else selectors.latest_closed_round(workshop=workshop)
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.round_open(actor=request.user, workshop=workshop, **form.cleaned_data)
            messages.success(request, _("Voting is open: results show live on the board."))
            return redirect("workshops:voting", slug=slug)
        except ValidationError as error:
            _errors(request, error)
    return render(
        request,
        "workshops/facilitator/voting.html",
        {
            "workshop": workshop,
            "form": form,
            "voting_round": voting_round,
            "prompts": selectors.board(workshop=workshop),
            "rounds": workshop.rounds.all(),
            "results_round": closed,
            "results": selectors.round_results(voting_round=closed) if closed else [],
        },
    )


@login_required
@require_POST
def round_close(request, slug, round_id):
    workshop = access_workshop_for_facilitation(request.user, slug)
    voting_round = get_object_or_404(VotingRound, pk=round_id, workshop=workshop)
    services.round_close(actor=request.user, voting_round=voting_round)
    messages.success(request, _("Voting is closed."))
    return redirect("workshops:voting", slug=slug)
