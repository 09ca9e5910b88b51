"""The participant's phone: no account, a join code and a cookie that says who she is."""

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from innovationskraft.cases.models import Organisation
from innovationskraft.core.clients import client_address
from innovationskraft.workshops import selectors, services
from innovationskraft.workshops.access import (
    access_board,
    access_own_contribution,
    normalise_code,
    participant_from_request,
    remember_participant,
    workshop_for_code,
)
from innovationskraft.workshops.forms import CodeForm, ContributionForm, JoinForm
from innovationskraft.workshops.models import Contribution, Theme, Workshop
from innovationskraft.workshops.services.joining import new_join_key

TOO_MANY = 429
ORGANISATIONS_KEY = "workshops:join:organisations"
ORGANISATIONS_SECONDS = 5 * 60


def _workshop_or_retry(request, code: str):
    workshop = workshop_for_code(code)
    if workshop is None or workshop.state == Workshop.State.DRAFT:
        response = render(
            request,
            "workshops/participant/enter_code.html",
            {"form": CodeForm(initial={"kod": code}), "unknown_code": code, "minimal_page": True},
            status=404,
        )
        return None, response
    return workshop, None


def enter_code(request):
    """`/w/`: the field for the code, and where a wrong code leads."""
    form = CodeForm(request.GET or None)
    if form.is_valid():
        return redirect("workshops:participate", code=normalise_code(form.cleaned_data["kod"]))
    return render(
        request, "workshops/participant/enter_code.html", {"form": form, "minimal_page": True}
    )


def _organisation_names() -> list[str]:
    """The registry for the join form's suggestions; a whole room asks for it within a minute.
    Only suggestions: the join itself matches the name against the database."""
    names = cache.get(ORGANISATIONS_KEY)
    if names is None:
        names = list(Organisation.objects.order_by("name").values_list("name", flat=True))
        cache.set(ORGANISATIONS_KEY, names, ORGANISATIONS_SECONDS)
    return names


def _join_page(request, workshop, form, *, status=200):
    return render(
        request,
        "workshops/participant/join.html",
        {
            "workshop": workshop,
            "form": form,
            "organisations": _organisation_names(),
            "keep_days": settings.WORKSHOP_PARTICIPANT_KEEP_DAYS,
            "minimal_page": True,
        },
        status=status,
    )


def _page_context(request, workshop, participant, **extra) -> dict:
    voting_round = selectors.open_round(workshop=workshop)
    context = {
        "workshop": workshop,
        "participant": participant,
        "minimal_page": True,
        "prompts": list(workshop.prompts.all()),
        "mine": selectors.participant_contributions(participant=participant) if participant else [],
        "voting_round": voting_round,
    }
    if participant and voting_round:
        mine = selectors.votes_of(participant=participant, voting_round=voting_round)
        context["votes_left"] = voting_round.budget - sum(mine.values())
        context["vote_items"] = _vote_items(workshop, voting_round, mine)
    elif voting_round is None:
        context |= _results_context(workshop)
    return context | extra


def _results_context(workshop) -> dict:
    closed = selectors.latest_closed_round(workshop=workshop)
    if closed is None:
        return {}
    return {"results_round": closed, "results": selectors.round_results(voting_round=closed)}


def _vote_items(workshop, voting_round, mine) -> list[tuple[str, object, int]]:
    """(kind, item, her dots on it)."""
    if voting_round.target == voting_round.Target.THEMES:
        themes = Theme.objects.filter(prompt__workshop=workshop).select_related("prompt")
        return [("theme", theme, mine[("theme", theme.pk)]) for theme in themes]
    return [
        ("contribution", c, mine[("contribution", c.pk)])
        for c in selectors.board_contributions(workshop=workshop)
    ]


def participate(request, code):
    workshop, retry = _workshop_or_retry(request, code)
    if retry:
        return retry
    if workshop.state != Workshop.State.OPEN:
        return render(
            request,
            "workshops/participant/closed.html",
            {"workshop": workshop, "minimal_page": True},
        )
    participant = participant_from_request(request, workshop)
    if participant is None:
        return _join_page(request, workshop, JoinForm(initial={"join_key": new_join_key()}))
    response = render(
        request,
        "workshops/participant/page.html",
        _page_context(request, workshop, participant),
    )
    # Renewed on every visit, so that it lasts as long as the workshop stays open.
    remember_participant(request, response, participant)
    return response


@require_POST
def join(request, code):
    workshop, retry = _workshop_or_retry(request, code)
    if retry:
        return retry
    target = redirect("workshops:participate", code=workshop.join_code)
    # Joining again from the same browser keeps her the participant she was.
    participant = participant_from_request(request, workshop)
    if participant is not None:
        return target
    form = JoinForm(request.POST)
    if not form.is_valid():
        return _join_page(request, workshop, form, status=400)
    try:
        participant = services.participant_join(
            workshop=workshop,
            name=form.cleaned_data["name"],
            organisation_name=form.cleaned_data["organisation"],
            address=client_address(request),
            join_key=form.cleaned_data["join_key"],
        )
    except services.RateLimited:
        messages.error(
            request, _("Too many people joined from your network just now. Try again in a minute.")
        )
        return target
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return target
    remember_participant(request, target, participant)
    return target


def _participant_or_rejoin(request, code):
    workshop = workshop_for_code(code)
    if workshop is None:
        raise Http404
    participant = participant_from_request(request, workshop)
    return workshop, participant


def _answer(request, workshop, participant, *, status=200, error="", text="", prompt_id=None):
    """`fetch` gets the list of her contributions; a plain form gets the page again."""
    if request.headers.get("X-Requested-With") == "fetch":
        # The phone swaps in only the list of her contributions: the questions and the voting
        # round of the whole page would cost two queries per contribution for nothing.
        mine = selectors.participant_contributions(participant=participant)
        response = render(
            request,
            "workshops/participant/mine.html",
            {"workshop": workshop, "participant": participant, "mine": mine},
            status=status,
        )
        response["X-Message"] = error.encode("ascii", "xmlcharrefreplace").decode() if error else ""
        return response
    if status == 200:
        messages.success(request, _("Thank you! Your contribution is sent."))
        return redirect("workshops:participate", code=workshop.join_code)
    return render(
        request,
        "workshops/participant/page.html",
        _page_context(
            request, workshop, participant, error=error, failed_text=text, failed_prompt=prompt_id
        ),
        status=status,
    )


@require_POST
def contribute(request, code):
    workshop, participant = _participant_or_rejoin(request, code)
    if participant is None:
        return redirect("workshops:participate", code=workshop.join_code)
    form = ContributionForm(request.POST)
    try:
        if not form.is_valid():
            errors = form.errors.get("text") or [_("Choose a question and write your answer.")]
            raise ValidationError(errors[0])
        prompt = workshop.prompts.filter(pk=form.cleaned_data["prompt"]).first()
        if prompt is None:
            raise ValidationError(_("This question belongs to another workshop."))
        services.contribution_send(
            participant=participant,
            prompt=prompt,
            text=form.cleaned_data["text"],
            address=client_address(request),
            client_key=form.cleaned_data["client_key"],
        )
    except services.RateLimited:
        status = TOO_MANY
        error = _("You are sending faster than the room can read. Wait a moment and send again.")
    except ValidationError as refused:
        status, error = 400, " ".join(refused.messages)
    else:
        return _answer(request, workshop, participant)
    return _answer(
        request,
        workshop,
        participant,
        status=status,
        error=error,
        text=request.POST.get("text", ""),
        prompt_id=request.POST.get("prompt"),
    )


def _refused(request, workshop: Workshop, error: ValidationError) -> None:
    # A locked workshop's page says so itself: the refusal would say it a second time.
    if not workshop.locked:
        messages.error(request, " ".join(error.messages))


@require_POST
def change_own(request, code, contribution_id):
    workshop, participant = _participant_or_rejoin(request, code)
    if participant is None:
        raise Http404
    contribution = access_own_contribution(participant, contribution_id)
    contribution.workshop = workshop
    try:
        if request.POST.get("action") == "withdraw":
            services.contribution_withdraw(participant=participant, contribution=contribution)
            messages.success(request, _("Your contribution is withdrawn."))
        else:
            services.contribution_edit_own(
                participant=participant,
                contribution=contribution,
                text=request.POST.get("text", ""),
            )
            messages.success(request, _("Your contribution is changed."))
    except ValidationError as error:
        _refused(request, workshop, error)
    return redirect(reverse("workshops:participate", args=[workshop.join_code]) + "#mina")


@require_POST
def vote(request, code):
    workshop, participant = _participant_or_rejoin(request, code)
    voting_round = selectors.open_round(workshop=workshop)
    if participant is None or voting_round is None:
        messages.error(request, _("Voting has closed."))
        return redirect("workshops:participate", code=workshop.join_code)
    model = Theme if voting_round.target == voting_round.Target.THEMES else Contribution
    item_id = request.POST.get("item", "")
    item = model.objects.filter(pk=item_id).first() if item_id.isdigit() else None
    try:
        if item is None:
            raise services.VoteRefused(_("This cannot be voted on in this round."))
        if request.POST.get("action") == "withdraw":
            services.vote_withdraw(participant=participant, voting_round=voting_round, item=item)
        else:
            services.vote_cast(participant=participant, voting_round=voting_round, item=item)
    except ValidationError as error:
        _refused(request, workshop, error)
    return redirect(reverse("workshops:participate", args=[workshop.join_code]) + "#rosta")


def voting_panel(request, code):
    """Polled by the phone: 204 while the voting round it shows is still the current one."""
    workshop = access_board(request.user, code)
    voting_round = selectors.open_round(workshop=workshop)
    current = str(voting_round.pk) if voting_round else ""
    locked = "1" if workshop.locked else ""
    if request.GET.get("round", "") == current and request.GET.get("locked", "") == locked:
        return HttpResponse(status=204)  # every open phone asks every 15 s: answer it cheaply
    participant = participant_from_request(request, workshop)
    if participant is None:
        return HttpResponse(status=204)
    return render(
        request,
        "workshops/participant/voting.html",
        _page_context(request, workshop, participant),
    )
