from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from innovationskraft.accounts.selectors import memberships_of
from innovationskraft.cases.models import Organisation
from innovationskraft.core.throttle import throttled
from innovationskraft.insights.self_assessment import pdf
from innovationskraft.insights.self_assessment.access import access_organisation_for_assessment
from innovationskraft.insights.self_assessment.forms import AssessmentForm
from innovationskraft.insights.self_assessment.next_steps import next_steps
from innovationskraft.insights.self_assessment.permalinks import result_from_token, result_token
from innovationskraft.insights.self_assessment.profiles import (
    Profile,
    profile_caption,
    profile_chart,
    profile_of,
)
from innovationskraft.insights.self_assessment.selectors import (
    SMALLEST_TEAM,
    comparisons,
    latest_own_answers,
    team_profile,
)
from innovationskraft.insights.self_assessment.services import assessment_save


def _memberships(user) -> list:
    return list(memberships_of(user=user)) if user.is_authenticated else []


def _profile_context(profile: Profile, *, kind: str, country: str = "SE", excluding=None) -> dict:
    found = comparisons(kind=kind, country=country, excluding=excluding)
    shown = [c for c in found if c.profile is not None]
    rows = [
        (d, score, [c.profile.score(d) for c in shown if c.profile is not None])
        for d, score in profile.rows()
    ]
    return {
        "profile": profile,
        "chart": profile_chart(profile),
        "caption": profile_caption(profile),
        "comparisons": found,
        "shown_comparisons": shown,
        "rows": rows,
        "next_steps": next_steps(profile),
    }


def self_assessment(request):
    memberships = _memberships(request.user)
    initial = {"kind": memberships[0].organisation.kind} if memberships else {}
    form = AssessmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        token = result_token(answers=form.answers(), kind=form.cleaned_data["kind"])
        return redirect("insights:self_assessment_result", token=token)
    return render(
        request,
        "insights/self_assessment/form.html",
        {"form": form, "memberships": memberships},
        status=400 if form.errors else 200,
    )


def self_assessment_result(request, token: str):
    answers, kind = result_from_token(token)
    context = _profile_context(profile_of(answers), kind=kind)
    context |= {"token": token, "memberships": _memberships(request.user)}
    return render(request, "insights/self_assessment/result.html", context)


@throttled("pdf", per_minute_setting="PDF_REQUESTS_PER_MINUTE")
def self_assessment_pdf(request, token: str):
    answers, kind = result_from_token(token)
    context = _profile_context(profile_of(answers), kind=kind)
    context["kind_label"] = Organisation.Kind(kind).label if kind else ""
    response = HttpResponse(pdf.result_pdf(context, request=request), "application/pdf")
    response["Content-Disposition"] = 'attachment; filename="sjalvskattning.pdf"'
    return response


@login_required
@require_POST
def self_assessment_save(request):
    answers, _kind = result_from_token(request.POST.get("token", ""))
    organisation = access_organisation_for_assessment(
        request.user, request.POST.get("organisation", "")
    )
    assessment_save(user=request.user, organisation=organisation, answers=answers)
    messages.success(
        request,
        _("Your answers are saved for %(organisation)s.") % {"organisation": organisation.name},
    )
    return redirect("insights:self_assessment_team", slug=organisation.slug)


@login_required
def self_assessment_team(request, slug: str):
    """The organisation's team profile, for its members."""
    organisation = access_organisation_for_assessment(request.user, slug)
    team = team_profile(organisation=organisation)
    own = latest_own_answers(user=request.user, organisation=organisation)
    context = {
        "organisation": organisation,
        "team": team,
        "respondents": team.respondents if team else 0,
        "smallest_team": SMALLEST_TEAM,
        "own_token": result_token(answers=own, kind=organisation.kind) if own else "",
    }
    if team is not None and team.respondents >= SMALLEST_TEAM:
        context |= _profile_context(
            team, kind=organisation.kind, country=organisation.country, excluding=organisation
        )
    return render(request, "insights/self_assessment/team.html", context)
