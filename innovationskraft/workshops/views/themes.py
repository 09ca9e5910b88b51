"""Clustering and the facilitator's own arrangement of themes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from innovationskraft.cases.models import Term
from innovationskraft.workshops import selectors, services
from innovationskraft.workshops.access import access_workshop_for_facilitation
from innovationskraft.workshops.models import Theme
from innovationskraft.workshops.suggestions import suggested_term_ids, term_index


@login_required
def themes(request, slug):
    workshop = access_workshop_for_facilitation(request.user, slug)
    prompts = selectors.board(workshop=workshop)
    index = term_index()
    for prompt_board in prompts:
        for group in prompt_board.groups:
            if group.theme is not None:
                text = " ".join([group.theme.name] + [c.text for c in group.contributions])
                group.suggested = suggested_term_ids(
                    text, index=index, kind=prompt_board.prompt.kind, language=workshop.language
                )
                group.chosen = {term.pk for term in group.theme.terms.all()}
    return render(
        request,
        "workshops/facilitator/themes.html",
        {
            "workshop": workshop,
            "prompts": prompts,
            "terms": selectors.tag_terms(),
        },
    )


@login_required
@require_POST
def cluster(request, slug):
    workshop = access_workshop_for_facilitation(request.user, slug)
    outcome = services.themes_cluster(actor=request.user, workshop=workshop)
    messages.success(
        request,
        _("%(joined)d contributions joined existing themes and %(new)d new themes were found.")
        % {"joined": outcome.joined, "new": outcome.new_themes},
    )
    return redirect("workshops:themes", slug=slug)


def _theme_action(request, theme: Theme) -> str:
    actor, post = request.user, request.POST
    action = post.get("action", "")
    if action == "rename":
        services.theme_rename(actor=actor, theme=theme, name=post.get("name", ""))
        return _("The theme is renamed.")
    if action == "split":
        chosen = list(theme.contributions.filter(pk__in=post.getlist("contributions")))
        services.theme_split(
            actor=actor, theme=theme, contributions=chosen, name=post.get("name", "")
        )
        return _("The chosen contributions form a new theme.")
    if action == "dissolve":
        services.theme_dissolve(actor=actor, theme=theme)
        return _("The theme is dissolved; its contributions stay where they are, without a theme.")
    if action == "tags":
        terms = list(Term.objects.filter(pk__in=post.getlist("terms")))
        services.theme_set_terms(actor=actor, theme=theme, terms=terms)
        return _("Tags saved.")
    raise ValidationError(_("Unknown action."))


@login_required
@require_POST
def theme_action(request, slug, theme_id):
    workshop = access_workshop_for_facilitation(request.user, slug)
    theme = get_object_or_404(Theme, pk=theme_id, prompt__workshop=workshop)
    try:
        messages.success(request, _theme_action(request, theme))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(reverse("workshops:themes", args=[slug]) + f"#tema-{theme_id}")
