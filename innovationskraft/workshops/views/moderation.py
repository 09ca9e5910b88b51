"""The facilitator's list of contributions and what she can do with each one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from innovationskraft.cases.models import Case, Term
from innovationskraft.cases.selectors import organisations_user_writes_for
from innovationskraft.search.similarity import possible_duplicates
from innovationskraft.workshops import selectors, services
from innovationskraft.workshops.access import (
    access_contribution_for_facilitation,
    access_workshop_for_facilitation,
    safe_next,
)
from innovationskraft.workshops.forms import CurateForm
from innovationskraft.workshops.models import Contribution, Prompt, Theme
from innovationskraft.workshops.suggestions import suggested_term_ids, term_index

FILTERS = ("all", "pending", "flagged", "hidden")


@login_required
def moderate(request, slug):
    workshop = access_workshop_for_facilitation(request.user, slug)
    show = request.GET.get("visa", "all")
    show = show if show in FILTERS else "all"
    return render(
        request,
        "workshops/facilitator/moderate.html",
        {
            "workshop": workshop,
            "show": show,
            "contributions": selectors.moderation_list(workshop=workshop, show=show),
            "counts": selectors.counts_for_facilitator(workshop=workshop),
            "themes": Theme.objects.filter(prompt__workshop=workshop).select_related("prompt"),
        },
    )


def _bool(request, name: str) -> bool:
    return request.POST.get(name) == "1"


def _act(request, contribution: Contribution, action: str) -> str:
    """Carry out one action; returns the message that confirms it."""
    actor, post = request.user, request.POST
    if action in ("show", "hide"):
        status = Contribution.Status.VISIBLE if action == "show" else Contribution.Status.HIDDEN
        services.contribution_set_status(actor=actor, contribution=contribution, status=status)
        return _("Shown on the board.") if action == "show" else _("Hidden from the board.")
    if action == "highlight":
        services.contribution_set_flags(
            actor=actor, contribution=contribution, highlighted=_bool(request, "value")
        )
        return _("Highlight changed.")
    if action == "done":
        services.contribution_set_flags(
            actor=actor, contribution=contribution, done=_bool(request, "value")
        )
        return _("Marked.")
    if action == "correct":
        services.contribution_correct(
            actor=actor, contribution=contribution, text=post.get("text", "")
        )
        return _("The text is corrected.")
    if action == "merge":
        into = access_contribution_for_facilitation(
            contribution.workshop, int(post.get("into") or 0)
        )
        services.contribution_merge(actor=actor, duplicate=contribution, into=into)
        return _("Merged as a duplicate.")
    if action == "unmerge":
        services.contribution_unmerge(actor=actor, contribution=contribution)
        return _("Back on the board on its own.")
    if action == "move":
        theme_id = post.get("theme") or ""
        theme = (
            Theme.objects.filter(pk=theme_id, prompt__workshop=contribution.workshop).first()
            if theme_id
            else None
        )
        if theme_id and theme is None:
            raise ValidationError(_("Choose a theme of this workshop."))
        services.contribution_move(actor=actor, contribution=contribution, theme=theme)
        return _("Moved.")
    if action == "tags":
        terms = list(Term.objects.filter(pk__in=post.getlist("terms")))
        services.contribution_set_terms(actor=actor, contribution=contribution, terms=terms)
        return _("Tags saved.")
    if action == "link":
        case = Case.objects.filter(slug=post.get("case", "")).first()
        if post.get("case") and case is None:
            raise ValidationError(_("No case has that address."))
        services.contribution_link_case(actor=actor, contribution=contribution, case=case)
        return _("Linked to the case.") if case else _("The link to the case is removed.")
    raise ValidationError(_("Unknown action."))


@login_required
@require_POST
def contribution_action(request, slug, contribution_id):
    workshop = access_workshop_for_facilitation(request.user, slug)
    contribution = access_contribution_for_facilitation(workshop, contribution_id)
    contribution.workshop = workshop
    try:
        messages.success(request, _act(request, contribution, request.POST.get("action", "")))
    except (ValidationError, ValueError) as error:
        text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        messages.error(request, text)
    back = safe_next(request, reverse("workshops:moderate", args=[slug]))
    return redirect(f"{back}#bidrag-{contribution.pk}")


@login_required
def contribution_detail(request, slug, contribution_id):
    """One contribution up close: correct, tag with suggestions, curate into a case."""
    workshop = access_workshop_for_facilitation(request.user, slug)
    contribution = access_contribution_for_facilitation(workshop, contribution_id)
    suggested = suggested_term_ids(
        contribution.text,
        index=term_index(),
        kind=contribution.prompt.kind,
        language=workshop.language,
    )
    is_example = contribution.prompt.kind == Prompt.Kind.EXAMPLE
    organisations = organisations_user_writes_for(user=request.user)
    return render(
        request,
        "workshops/facilitator/contribution.html",
        {
            "workshop": workshop,
            "contribution": contribution,
            "terms": selectors.tag_terms(),
            "chosen": set(contribution.terms.values_list("pk", flat=True)),
            "suggested": set(suggested),
            "is_example": is_example,
            "duplicates": possible_duplicates(title=contribution.text, summary="")
            if is_example
            else [],
            "curate_form": CurateForm(
                organisations=organisations,
                initial={"organisation": workshop.organiser_id, "title": contribution.text[:120]},
            )
            if is_example
            else None,
            "merge_candidates": selectors.board_contributions(workshop=workshop)
            .filter(prompt=contribution.prompt)
            .exclude(pk=contribution.pk),
        },
    )


@login_required
@require_POST
def contribution_curate(request, slug, contribution_id):
    workshop = access_workshop_for_facilitation(request.user, slug)
    contribution = access_contribution_for_facilitation(workshop, contribution_id)
    contribution.workshop = workshop
    form = CurateForm(request.POST, organisations=organisations_user_writes_for(user=request.user))
    if not form.is_valid():
        messages.error(request, _("Choose the organisation and give the case a title."))
        return redirect("workshops:contribution", slug=slug, contribution_id=contribution.pk)
    try:
        case = services.contribution_to_case(
            actor=request.user,
            contribution=contribution,
            organisation=form.cleaned_data["organisation"],
            title=form.cleaned_data["title"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("workshops:contribution", slug=slug, contribution_id=contribution.pk)
    messages.success(request, _("A draft case is created. Complete it and send it for review."))
    return redirect("cases:edit", slug=case.slug)
