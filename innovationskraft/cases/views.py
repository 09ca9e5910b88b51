from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from innovationskraft.accounts.selectors import organisation_ids_of
from innovationskraft.cases import (
    history,
    moderation_selectors,
    permissions,
    selectors,
    services,
)
from innovationskraft.cases.access import (
    access_case_for_edit,
    access_case_for_review,
    access_case_for_view,
)
from innovationskraft.cases.conflicts import conflict_changes, form_at_revision
from innovationskraft.cases.forms import AdoptionForm, CaseForm, ReviewForm
from innovationskraft.cases.models import Case, Organisation, Term, Vocabulary
from innovationskraft.cases.pending_data import input_from_data
from innovationskraft.cases.pending_diff import pending_changes
from innovationskraft.cases.relations import partner_rows, tags_in_order
from innovationskraft.cases.sources import source_name
from innovationskraft.cases.structured_data import case_json_ld
from innovationskraft.core.panels import panels_rendered

WAITS_FOR_REVIEW = gettext_lazy(
    "Your change is saved and waits for a moderator's review. Until it is approved, the "
    "published case keeps its reviewed text."
)


def case_detail(request: HttpRequest, slug: str):
    case = access_case_for_view(request.user, slug)
    can_edit = permissions.can_edit_case(request.user, case)
    barriers = case.barriers.select_related("parent")
    enablers = case.enablers.select_related("parent")
    return render(
        request,
        "cases/case_detail.html",
        {
            "case": case,
            # The public sees the partners that confirmed; editors see who has yet to.
            "partners": partner_rows(case, confirmed_only=not can_edit),
            "tags": tags_in_order(case),
            "can_edit": can_edit,
            "pending": moderation_selectors.pending_revision_of(case=case) if can_edit else None,
            # Her edit goes on from the change that waits (the notice says so).
            "edits_wait": can_edit and not permissions.can_edit_live(request.user, case),
            "barrier_groups": selectors.terms_by_parent(terms=barriers),
            "enabler_groups": selectors.terms_by_parent(terms=enablers),
            "adoptions": selectors.case_adoptions(case=case),
            "own_organisation_ids": organisation_ids_of(request.user),
            "inspired": selectors.cases_inspired_by(case=case),
            "inspirations": selectors.case_inspirations(case=case),
            "adoptable_organisations": selectors.adoptable_organisations(
                user=request.user, case=case
            ),
            "json_ld": case_json_ld(case=case, url=request.build_absolute_uri()),
            "latest_review": case.reviews.first() if case.status == Case.Status.DRAFT else None,
            "panels": panels_rendered(page="case", request=request, obj=case),
            "source_name": source_name(case.source) if case.source else "",
        },
    )


@login_required
def case_create(request):
    organisations = selectors.organisations_user_writes_for(user=request.user)
    if not organisations.exists():
        return render(request, "cases/no_membership.html", status=403)
    form = CaseForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        case = services.case_create(
            actor=request.user,
            lead_organisation=form.cleaned_data["lead_organisation"],
            data=form.to_input(),
        )
        messages.success(request, _("The draft is saved. Submit it for review when it is ready."))
        return redirect(case)
    return render(request, "cases/case_form.html", {"form": form, "case": None})


@login_required
def case_edit(request: HttpRequest, slug: str):
    case = access_case_for_edit(request.user, slug)
    organisations = Organisation.objects.filter(pk=case.lead_organisation_id)
    pending = moderation_selectors.pending_revision_of(case=case)
    initial = CaseForm.initial_from(case)
    if permissions.can_edit_live(request.user, case):
        pending = None  # a moderator's or a trusted editor's edit starts from the live text
    elif pending is not None:
        # She goes on from the change that waits (or came back), not from the live text.
        written = input_from_data(pending.data)
        initial = CaseForm.initial_from(case, written=written, revision=pending.base_revision)
    form = CaseForm(request.POST or None, organisations=organisations, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        loaded = form.cleaned_data["revision"]
        try:
            edit = services.case_edit(
                actor=request.user, case=case, data=form.to_input(case=case), loaded_revision=loaded
            )
        except services.EditConflict as error:
            # Nothing is lost: the form keeps what this person wrote, the page shows what the
            # other person saved, and saving again (now at the new revision) keeps this form.
            conflict = conflict_changes(case=error.case, loaded_revision=loaded, form=form)
            form = form_at_revision(form, revision=error.case.revision)
        else:
            if edit.pending is not None:
                messages.success(request, WAITS_FOR_REVIEW)
            else:
                messages.success(request, _("Your changes are saved."))
            return redirect(case)
    context = {"form": form, "case": case, "conflict": conflict, "pending": pending}
    status = 409 if conflict is not None else 200
    return render(request, "cases/case_form.html", context, status=status)


@login_required
@require_POST
def case_submit(request, slug):
    case = access_case_for_edit(request.user, slug)
    try:
        services.case_submit_for_review(actor=request.user, case=case)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Thank you! A moderator will review the case."))
    return redirect(case)


@login_required
def review_queue(request):
    if not permissions.can_review_cases(request.user):
        raise PermissionDenied(_("Only moderators review innovations."))
    context = {
        "cases": selectors.review_queue(),
        "changes": [
            (pending, pending_changes(pending=pending))
            for pending in moderation_selectors.pending_revisions_waiting()
        ],
    }
    return render(request, "cases/review_queue.html", context)


@login_required
def case_review(request, slug):
    case = access_case_for_review(request.user, slug)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        comment = form.cleaned_data["comment"]
        try:
            if form.cleaned_data["decision"] == "publish":
                services.case_publish(actor=request.user, case=case, comment=comment)
                messages.success(request, _("The case is published."))
            else:
                services.case_return_to_owner(actor=request.user, case=case, comment=comment)
                messages.success(request, _("The case is returned to its owner."))
            return redirect("cases:review_queue")
        except ValidationError as error:
            form.add_error(None, error)
    return render(request, "cases/case_review.html", {"case": case, "form": form})


@login_required
def my_cases(request):
    return render(
        request,
        "cases/my_cases.html",
        {
            "cases": selectors.cases_of_user_organisations(user=request.user),
            "partnership_requests": moderation_selectors.partnership_requests(user=request.user),
        },
    )


def case_history(request, slug):
    case = access_case_for_view(request.user, slug)
    editor = permissions.can_edit_case(request.user, case)
    return render(
        request,
        "cases/case_history.html",
        {
            "case": case,
            "versions": history.case_versions(case=case, public=not editor),
            "show_people": editor,
        },
    )


def case_version(request, slug, version_id):
    case = access_case_for_view(request.user, slug)
    public = not permissions.can_edit_case(request.user, case)
    version, older = history.version_of(case=case, version_id=version_id, public=public)
    return render(
        request,
        "cases/case_version.html",
        {
            "case": case,
            "version": version,
            "older": older,
            "fields": history.version_fields(version=version),
            "changes": history.version_changes(version=version, older=older),
        },
    )


@login_required
def adoption_create(request, slug):
    case = access_case_for_view(request.user, slug)
    organisations = selectors.adoptable_organisations(user=request.user, case=case)
    if not organisations or not case.is_public:
        raise PermissionDenied
    form = AdoptionForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            services.adoption_record(actor=request.user, case=case, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you! The adoption is recorded on the case."))
            return redirect(case)
    return render(request, "cases/adoption_form.html", {"case": case, "form": form})


@login_required
@require_POST
def adoption_withdraw(request, slug, adoption_id: int):
    """The adopting organisation takes back its record that it adopted the case."""
    case = access_case_for_view(request.user, slug)
    adoption = get_object_or_404(case.adoptions.select_related("organisation"), pk=adoption_id)
    services.adoption_remove(actor=request.user, adoption=adoption)
    messages.success(
        request,
        _("The adoption by %(organisation)s is withdrawn.")
        % {"organisation": adoption.organisation.name},
    )
    return redirect(case)


def organisation_list(request):
    name = request.GET.get("q", "").replace("\x00", "").strip()[:100]
    kind = request.GET.get("kind", "")
    if kind not in Organisation.Kind.values:
        kind = ""
    organisations = selectors.organisation_directory(name=name, kind=kind)
    page = Paginator(organisations, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "cases/organisation_list.html",
        {"page": page, "q": name, "kind": kind, "kinds": Organisation.Kind.choices},
    )


def organisation_detail(request: HttpRequest, slug: str):
    organisation = get_object_or_404(Organisation, slug=slug)
    return render(
        request,
        "cases/organisation_detail.html",
        {
            "organisation": organisation,
            "panels": panels_rendered(page="organisation", request=request, obj=organisation),
            "adopted": selectors.organisation_adopted_cases(organisation=organisation),
            "portfolio": selectors.organisation_portfolio(organisation=organisation),
            "partnership_requests": moderation_selectors.partnership_requests(
                user=request.user, organisation=organisation
            ),
            "can_trust": permissions.can_review_cases(request.user),
        },
    )


def vocabulary_detail(request, vocabulary):
    if vocabulary not in Vocabulary.values:
        raise Http404
    terms = Term.objects.filter(vocabulary=vocabulary, parent=None).prefetch_related("children")
    return render(
        request,
        "cases/vocabulary_detail.html",
        {"vocabulary": Vocabulary(vocabulary), "terms": terms},
    )


def term_detail(request, vocabulary, code):
    term = get_object_or_404(
        Term.objects.select_related("parent"), vocabulary=vocabulary, code=code
    )
    return render(
        request,
        "cases/term_detail.html",
        {"term": term, "panels": panels_rendered(page="term", request=request, obj=term)},
    )
