"""Moderation that holds: an editor's change to a published case waits for a moderator, while
the public page, the search and the history keep the reviewed text."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from reversion.models import Version

from innovationskraft.cases import services
from innovationskraft.cases.contract import input_from_case
from innovationskraft.cases.models import Case, PendingRevision, ReviewDecision
from innovationskraft.cases.signals import case_changed
from innovationskraft.search.filters import CaseFilters
from innovationskraft.search.selectors import case_search

pytestmark = pytest.mark.django_db

OLD, NEW = "Återbruksgalleria", "Cirkulär galleria i Eskilstuna"


@pytest.fixture
def published(make_case):
    return make_case(title=OLD, summary="Allt som säljs är återbrukat.", status="published")


def changed(case: Case, **fields):
    data = input_from_case(case)
    for name, value in fields.items():
        setattr(data, name, value)
    return data


def found(words: str) -> set[int]:
    return {case.pk for case in case_search(filters=CaseFilters(q=words)).page.object_list}


def edit_form(case: Case, **fields) -> dict:
    data = {
        "title": case.title,
        "summary": case.summary,
        "language": case.language,
        "lead_organisation": case.lead_organisation_id,
        "stage": case.stage,
        "revision": case.revision,
    }
    return data | fields


def test_an_editors_change_to_a_published_case_waits_for_review(published, editor):
    edit = services.case_edit(actor=editor, case=published, data=changed(published, title=NEW))

    assert edit.pending is not None
    published.refresh_from_db()
    assert published.title == OLD
    assert published.revision == 1
    assert PendingRevision.objects.get(case=published).data["title"] == NEW
    assert published.pk in found("återbruksgalleria")
    assert published.pk not in found("cirkulär")


def test_the_public_page_never_shows_the_pending_text(client, published, editor):
    services.case_edit(actor=editor, case=published, data=changed(published, title=NEW))

    html = client.get(published.get_absolute_url()).content.decode()

    assert OLD in html
    assert NEW not in html
    assert "väntar på granskning" not in html.lower()


def test_the_editor_sees_that_her_change_waits_and_the_form_goes_on_from_it(
    client, published, editor
):
    client.force_login(editor)
    response = client.post(
        reverse("cases:edit", args=[published.slug]), edit_form(published, title=NEW)
    )
    assert response.status_code == 302

    page = client.get(published.get_absolute_url()).content.decode()
    assert "En ändring väntar på granskning" in page
    assert f"<h1>{OLD}</h1>" in page
    form = client.get(reverse("cases:edit", args=[published.slug]))
    assert form.context["form"].initial["title"] == NEW
    assert "En ändring väntar på granskning" in form.content.decode()


def test_a_newer_change_replaces_the_one_that_waits(published, editor):
    services.case_edit(actor=editor, case=published, data=changed(published, title="Först"))
    services.case_edit(actor=editor, case=published, data=changed(published, title=NEW))

    assert PendingRevision.objects.filter(case=published).count() == 1
    assert PendingRevision.objects.get(case=published).data["title"] == NEW


def test_drafts_and_cases_in_review_are_still_edited_directly(make_case, editor):
    for status in (Case.Status.DRAFT, Case.Status.IN_REVIEW):
        case = make_case(title=OLD, status=status)
        edit = services.case_edit(actor=editor, case=case, data=changed(case, title=NEW))
        case.refresh_from_db()
        assert (edit.pending, case.title) == (None, NEW)
    assert not PendingRevision.objects.exists()


def test_a_moderators_own_edit_goes_live_at_once(published, moderator):
    edit = services.case_edit(actor=moderator, case=published, data=changed(published, title=NEW))

    published.refresh_from_db()
    assert (edit.pending, published.title) == (None, NEW)


def test_an_editor_cannot_bypass_review_through_case_update(published, editor):
    with pytest.raises(PermissionDenied):
        services.case_update(actor=editor, case=published, data=changed(published, title=NEW))


def test_an_editor_of_another_organisation_cannot_submit_a_change(published, other_editor):
    with pytest.raises(PermissionDenied):
        services.case_edit(actor=other_editor, case=published, data=changed(published, title=NEW))
    assert not PendingRevision.objects.exists()


def test_approving_applies_the_change_once_credited_to_its_author(published, editor, moderator):
    services.case_edit(actor=editor, case=published, data=changed(published, title=NEW))
    pending = PendingRevision.objects.get(case=published)
    sent = []
    case_changed.connect(lambda **kwargs: sent.append(kwargs), weak=False, dispatch_uid="t")
    try:
        services.pending_revision_approve(actor=moderator, pending=pending, comment="Bra.")
    finally:
        case_changed.disconnect(dispatch_uid="t")

    published.refresh_from_db()
    assert published.title == NEW
    assert len(sent) == 1
    assert Version.objects.get_for_object(published).first().revision.user == editor
    decision = ReviewDecision.objects.get(case=published)
    assert (decision.outcome, decision.moderator, decision.comment) == (
        ReviewDecision.Outcome.CHANGE_APPROVED,
        moderator,
        "Bra.",
    )
    assert not PendingRevision.objects.exists()
    assert published.pk in found("cirkulär")


def test_returning_keeps_the_change_for_its_editor_with_the_comment(
    client, published, editor, moderator
):
    services.case_edit(actor=editor, case=published, data=changed(published, title=NEW))
    pending = PendingRevision.objects.get(case=published)
    with pytest.raises(ValidationError):
        services.pending_revision_return(actor=moderator, pending=pending, comment=" ")

    services.pending_revision_return(actor=moderator, pending=pending, comment="Kortare titel.")

    published.refresh_from_db()
    assert published.title == OLD
    assert ReviewDecision.objects.get(case=published).outcome == "change_returned"
    client.force_login(editor)
    page = client.get(published.get_absolute_url()).content.decode()
    assert "Kortare titel." in page
    form = client.get(reverse("cases:edit", args=[published.slug]))
    assert form.context["form"].initial["title"] == NEW


def test_only_moderators_decide_on_a_change(published, editor):
    services.case_edit(actor=editor, case=published, data=changed(published, title=NEW))
    pending = PendingRevision.objects.get(case=published)
    with pytest.raises(PermissionDenied):
        services.pending_revision_approve(actor=editor, pending=pending)


def test_the_queue_lists_the_change_with_its_difference(client, published, editor, moderator):
    services.case_edit(actor=editor, case=published, data=changed(published, title=NEW))
    client.force_login(moderator)

    queue = client.get(reverse("cases:review_queue")).content.decode()
    review = client.get(reverse("cases:change_review", args=[published.slug]))

    assert reverse("cases:change_review", args=[published.slug]) in queue
    assert "Titel" in queue
    html = review.content.decode()
    assert "[tillagt:</span>Cirkulär" in html
    assert "[borttaget:</span>Återbruksgalleria" in html


def test_the_queue_says_when_the_live_case_changed_since_and_approving_still_works(
    client, published, editor, moderator
):
    services.case_edit(actor=editor, case=published, data=changed(published, title=NEW))
    services.case_update(
        actor=moderator, case=published, data=changed(published, summary="Ny sammanfattning.")
    )
    client.force_login(moderator)

    queue = client.get(reverse("cases:review_queue")).content.decode()
    assert "Den publicerade innovationen har ändrats sedan ändringen skrevs." in queue
    response = client.post(
        reverse("cases:change_review", args=[published.slug]), {"decision": "publish"}
    )

    assert response.status_code == 302
    published.refresh_from_db()
    assert published.title == NEW


def test_a_moderator_returns_a_change_through_the_review_page(client, published, editor, moderator):
    services.case_edit(actor=editor, case=published, data=changed(published, title=NEW))
    client.force_login(moderator)
    url = reverse("cases:change_review", args=[published.slug])

    missing = client.post(url, {"decision": "return"})
    returned = client.post(url, {"decision": "return", "comment": "Kortare titel."})

    assert missing.status_code == 200
    assert returned.status_code == 302
    assert PendingRevision.objects.get(case=published).state == "returned"


def test_an_editor_cannot_open_the_review_of_a_change(client, published, editor):
    services.case_edit(actor=editor, case=published, data=changed(published, title=NEW))
    client.force_login(editor)
    assert client.get(reverse("cases:change_review", args=[published.slug])).status_code == 403


def test_her_dashboard_says_which_changes_wait_or_came_back(client, published, editor, moderator):
    services.case_edit(actor=editor, case=published, data=changed(published, title=NEW))
    client.force_login(editor)
    assert "En ändring väntar på granskning" in client.get(reverse("cases:mine")).content.decode()

    pending = PendingRevision.objects.get(case=published)
    services.pending_revision_return(actor=moderator, pending=pending, comment="Kortare.")
    page = client.get(reverse("cases:mine")).content.decode()
    assert "En ändring skickades tillbaka med en kommentar" in page


def test_going_on_from_a_change_over_a_newer_live_case_shows_the_conflict(
    client, published, editor, moderator
):
    services.case_edit(actor=editor, case=published, data=changed(published, title=NEW))
    services.case_update(
        actor=moderator, case=published, data=changed(published, summary="Moderatorns text.")
    )
    client.force_login(editor)
    form = client.get(reverse("cases:edit", args=[published.slug])).context["form"]
    sent = edit_form(published, title=NEW, revision=form.initial["revision"])

    conflict = client.post(reverse("cases:edit", args=[published.slug]), sent)
    again = client.post(reverse("cases:edit", args=[published.slug]), sent | {"revision": 2})

    assert conflict.status_code == 409
    assert again.status_code == 302
    assert PendingRevision.objects.get(case=published).base_revision == 2


def test_a_change_back_to_the_reviewed_text_withdraws_the_waiting_one(published, editor):
    services.case_edit(actor=editor, case=published, data=changed(published, title=NEW))

    edit = services.case_edit(actor=editor, case=published, data=changed(published))

    assert edit.pending is None
    assert not PendingRevision.objects.exists()


def test_a_moderator_edits_from_the_live_text_and_is_offered_the_review(
    client, published, editor, moderator
):
    services.case_edit(actor=editor, case=published, data=changed(published, title=NEW))
    client.force_login(moderator)

    form = client.get(reverse("cases:edit", args=[published.slug]))
    page = client.get(published.get_absolute_url()).content.decode()

    assert form.context["form"].initial["title"] == OLD
    assert reverse("cases:change_review", args=[published.slug]) in page
    assert "En ändring väntar på granskning" not in page
