"""Who may write what: every write path in services.py and every view that writes."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from innovationskraft.cases import services
from innovationskraft.cases.models import Adoption, Case, ReviewDecision
from innovationskraft.cases.tests.conftest import case_input

pytestmark = pytest.mark.django_db

LOGIN_URL = reverse("accounts:login")


def form_data(organisation, **overrides) -> dict:
    data = {
        "title": "Digital trygghetskamera",
        "summary": "Nattillsyn i hemtjänsten med kamera i stället för besök.",
        "description": "",
        "language": "sv",
        "lead_organisation": organisation.pk,
        "stage": Case.Stage.PILOT,
        "start_year": "2020",
        "tags": "",
        "links": "",
    }
    return data | overrides


def assert_redirects_to_login(response):
    assert response.status_code == 302
    assert response.url.startswith(LOGIN_URL)


# --- case_create ---------------------------------------------------------------------------


def test_an_editor_can_create_a_case_for_their_organisation(editor, eskilstuna):
    case = services.case_create(actor=editor, lead_organisation=eskilstuna, data=case_input())
    assert case.lead_organisation == eskilstuna
    assert case.status == Case.Status.DRAFT
    assert case.created_by == editor


def test_a_moderator_can_create_a_case_for_any_organisation(moderator, vasteras):
    case = services.case_create(actor=moderator, lead_organisation=vasteras, data=case_input())
    assert Case.objects.get(pk=case.pk).lead_organisation == vasteras


@pytest.mark.parametrize("who", ["other_editor", "outsider", "anonymous"])
def test_only_members_can_create_a_case_for_an_organisation(request, who, eskilstuna):
    actor = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.case_create(actor=actor, lead_organisation=eskilstuna, data=case_input())
    assert not Case.objects.exists()


def test_an_inactive_editor_cannot_create_a_case(editor, eskilstuna):
    editor.is_active = False
    editor.save()
    with pytest.raises(PermissionDenied):
        services.case_create(actor=editor, lead_organisation=eskilstuna, data=case_input())


def test_the_create_view_saves_a_draft_for_an_editor(client, editor, eskilstuna):
    client.force_login(editor)
    response = client.post(reverse("cases:create"), form_data(eskilstuna))
    case = Case.objects.get()
    assert response.status_code == 302
    assert response.url == case.get_absolute_url()
    assert (case.title, case.lead_organisation, case.status) == (
        "Digital trygghetskamera",
        eskilstuna,
        Case.Status.DRAFT,
    )


def test_an_editor_cannot_create_a_case_for_another_organisation_with_a_crafted_post(
    client, editor, vasteras
):
    client.force_login(editor)
    response = client.post(reverse("cases:create"), form_data(vasteras))
    assert response.status_code == 200
    assert "lead_organisation" in response.context["form"].errors
    assert not Case.objects.exists()


def test_a_user_with_no_membership_is_refused_the_create_view(client, outsider, eskilstuna):
    client.force_login(outsider)
    assert client.get(reverse("cases:create")).status_code == 403
    assert client.post(reverse("cases:create"), form_data(eskilstuna)).status_code == 403
    assert not Case.objects.exists()


def test_an_anonymous_user_is_sent_to_sign_in_before_creating_a_case(client, eskilstuna):
    assert_redirects_to_login(client.get(reverse("cases:create")))
    assert_redirects_to_login(client.post(reverse("cases:create"), form_data(eskilstuna)))
    assert not Case.objects.exists()


# --- case_update ---------------------------------------------------------------------------


def test_an_editor_can_update_a_case_of_their_organisation(editor, make_case):
    case = make_case(title="Före")
    services.case_update(actor=editor, case=case, data=case_input(title="Efter"))
    assert Case.objects.get(pk=case.pk).title == "Efter"


def test_a_moderator_can_update_any_case(moderator, make_case):
    case = make_case(title="Före")
    services.case_update(actor=moderator, case=case, data=case_input(title="Efter"))
    assert Case.objects.get(pk=case.pk).title == "Efter"


@pytest.mark.parametrize("who", ["other_editor", "outsider", "anonymous"])
def test_only_editors_of_the_lead_organisation_can_update_a_case(request, who, make_case):
    actor = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)
    case = make_case(title="Före", status=Case.Status.PUBLISHED)
    with pytest.raises(PermissionDenied):
        services.case_update(actor=actor, case=case, data=case_input(title="Efter"))
    assert Case.objects.get(pk=case.pk).title == "Före"


def test_the_edit_view_saves_the_changes_of_an_editor(client, editor, eskilstuna, make_case):
    case = make_case(title="Före")
    client.force_login(editor)
    response = client.post(
        reverse("cases:edit", args=[case.slug]), form_data(eskilstuna, title="Efter")
    )
    assert response.status_code == 302
    assert Case.objects.get(pk=case.pk).title == "Efter"


def test_an_editor_of_another_organisation_cannot_edit_the_case(
    client, other_editor, eskilstuna, make_case
):
    case = make_case(title="Före", status=Case.Status.PUBLISHED)
    client.force_login(other_editor)
    url = reverse("cases:edit", args=[case.slug])
    assert client.get(url).status_code == 403
    response = client.post(url, form_data(eskilstuna, title="Kapad"))
    assert response.status_code == 403
    assert Case.objects.get(pk=case.pk).title == "Före"


def test_a_crafted_post_to_another_organisations_draft_is_not_found(
    client, other_editor, eskilstuna, make_case
):
    case = make_case(title="Före")
    client.force_login(other_editor)
    response = client.post(
        reverse("cases:edit", args=[case.slug]), form_data(eskilstuna, title="Kapad")
    )
    assert response.status_code == 404
    assert Case.objects.get(pk=case.pk).title == "Före"


def test_a_user_with_no_membership_cannot_edit_a_published_case(
    client, outsider, eskilstuna, make_case
):
    case = make_case(title="Före", status=Case.Status.PUBLISHED)
    client.force_login(outsider)
    response = client.post(
        reverse("cases:edit", args=[case.slug]), form_data(eskilstuna, title="Kapad")
    )
    assert response.status_code == 403
    assert Case.objects.get(pk=case.pk).title == "Före"


def test_an_anonymous_user_is_sent_to_sign_in_before_editing(client, eskilstuna, make_case):
    case = make_case(title="Före", status=Case.Status.PUBLISHED)
    url = reverse("cases:edit", args=[case.slug])
    assert_redirects_to_login(client.get(url))
    assert_redirects_to_login(client.post(url, form_data(eskilstuna, title="Kapad")))
    assert Case.objects.get(pk=case.pk).title == "Före"


def test_the_edit_view_cannot_move_a_case_to_another_organisation(
    client, editor, vasteras, make_case
):
    case = make_case(title="Före")
    client.force_login(editor)
    response = client.post(reverse("cases:edit", args=[case.slug]), form_data(vasteras))
    assert response.status_code == 200
    assert "lead_organisation" in response.context["form"].errors
    assert Case.objects.get(pk=case.pk).lead_organisation.name == "Eskilstuna kommun"


def test_a_post_without_the_csrf_token_is_refused(editor, eskilstuna, make_case):
    case = make_case(title="Före")
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(
        reverse("cases:edit", args=[case.slug]), form_data(eskilstuna, title="Efter")
    )
    assert response.status_code == 403
    assert Case.objects.get(pk=case.pk).title == "Före"


# --- submit for review ---------------------------------------------------------------------


def test_an_editor_can_submit_a_draft_for_review(editor, make_case):
    case = make_case()
    services.case_submit_for_review(actor=editor, case=case)
    assert Case.objects.get(pk=case.pk).status == Case.Status.IN_REVIEW


@pytest.mark.parametrize("who", ["other_editor", "outsider", "anonymous"])
def test_only_editors_of_the_lead_organisation_can_submit_for_review(request, who, make_case):
    actor = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)
    case = make_case()
    with pytest.raises(PermissionDenied):
        services.case_submit_for_review(actor=actor, case=case)
    assert Case.objects.get(pk=case.pk).status == Case.Status.DRAFT


def test_only_a_draft_can_be_submitted_for_review(editor, make_case):
    case = make_case(status=Case.Status.PUBLISHED)
    with pytest.raises(ValidationError):
        services.case_submit_for_review(actor=editor, case=case)
    assert Case.objects.get(pk=case.pk).status == Case.Status.PUBLISHED


def test_the_submit_view_puts_the_draft_in_review(client, editor, make_case):
    case = make_case()
    client.force_login(editor)
    response = client.post(reverse("cases:submit", args=[case.slug]))
    assert response.status_code == 302
    assert Case.objects.get(pk=case.pk).status == Case.Status.IN_REVIEW


def test_the_submit_view_accepts_only_post(client, editor, make_case):
    case = make_case()
    client.force_login(editor)
    assert client.get(reverse("cases:submit", args=[case.slug])).status_code == 405
    assert Case.objects.get(pk=case.pk).status == Case.Status.DRAFT


def test_an_editor_of_another_organisation_cannot_submit_the_case(client, other_editor, make_case):
    draft = make_case(title="Utkast")
    client.force_login(other_editor)
    assert client.post(reverse("cases:submit", args=[draft.slug])).status_code == 404
    assert Case.objects.get(pk=draft.pk).status == Case.Status.DRAFT


def test_an_editor_of_another_organisation_is_refused_submitting_a_published_case(
    client, other_editor, make_case
):
    case = make_case(status=Case.Status.PUBLISHED)
    client.force_login(other_editor)
    assert client.post(reverse("cases:submit", args=[case.slug])).status_code == 403
    assert Case.objects.get(pk=case.pk).status == Case.Status.PUBLISHED


def test_a_user_with_no_membership_cannot_submit_a_case(client, outsider, make_case):
    draft = make_case()
    client.force_login(outsider)
    assert client.post(reverse("cases:submit", args=[draft.slug])).status_code == 404
    assert Case.objects.get(pk=draft.pk).status == Case.Status.DRAFT


def test_an_anonymous_user_is_sent_to_sign_in_before_submitting(client, make_case):
    draft = make_case()
    assert_redirects_to_login(client.post(reverse("cases:submit", args=[draft.slug])))
    assert Case.objects.get(pk=draft.pk).status == Case.Status.DRAFT


# --- archive -------------------------------------------------------------------------------


def test_an_editor_can_archive_a_case_of_their_organisation(editor, make_case):
    case = make_case(status=Case.Status.PUBLISHED)
    services.case_archive(actor=editor, case=case)
    assert Case.objects.get(pk=case.pk).status == Case.Status.ARCHIVED


@pytest.mark.parametrize("who", ["other_editor", "outsider", "anonymous"])
def test_only_editors_of_the_lead_organisation_can_archive_a_case(request, who, make_case):
    actor = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)
    case = make_case(status=Case.Status.PUBLISHED)
    with pytest.raises(PermissionDenied):
        services.case_archive(actor=actor, case=case)
    assert Case.objects.get(pk=case.pk).status == Case.Status.PUBLISHED


# --- review: publish and return ------------------------------------------------------------


def test_a_moderator_can_publish_a_case_in_review(moderator, make_case):
    case = make_case(status=Case.Status.IN_REVIEW)
    services.case_publish(actor=moderator, case=case, comment="Fint!")
    case.refresh_from_db()
    assert case.status == Case.Status.PUBLISHED
    assert case.published_at is not None
    decision = ReviewDecision.objects.get(case=case)
    assert (decision.moderator, decision.outcome, decision.comment) == (
        moderator,
        ReviewDecision.Outcome.PUBLISHED,
        "Fint!",
    )


@pytest.mark.parametrize("who", ["editor", "other_editor", "outsider", "anonymous"])
def test_only_moderators_can_publish(request, who, make_case):
    actor = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)
    case = make_case(status=Case.Status.IN_REVIEW)
    with pytest.raises(PermissionDenied):
        services.case_publish(actor=actor, case=case)
    assert Case.objects.get(pk=case.pk).status == Case.Status.IN_REVIEW
    assert not ReviewDecision.objects.exists()


def test_a_moderator_can_return_a_case_with_a_comment(moderator, make_case):
    case = make_case(status=Case.Status.IN_REVIEW)
    services.case_return_to_owner(actor=moderator, case=case, comment="Lägg till effekter.")
    assert Case.objects.get(pk=case.pk).status == Case.Status.DRAFT
    decision = ReviewDecision.objects.get(case=case)
    assert (decision.outcome, decision.comment) == (
        ReviewDecision.Outcome.RETURNED,
        "Lägg till effekter.",
    )


@pytest.mark.parametrize("comment", ["", "   \n "])
def test_returning_a_case_without_a_comment_fails_with_a_clear_error(moderator, make_case, comment):
    case = make_case(status=Case.Status.IN_REVIEW)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.case_return_to_owner(actor=moderator, case=case, comment=comment)
    assert error.value.messages == ["Tell the owner what to change."]
    assert Case.objects.get(pk=case.pk).status == Case.Status.IN_REVIEW
    assert not ReviewDecision.objects.exists()


def test_only_a_case_in_review_can_be_returned(moderator, make_case):
    case = make_case(status=Case.Status.PUBLISHED)
    with pytest.raises(ValidationError):
        services.case_return_to_owner(actor=moderator, case=case, comment="Ändra")
    assert Case.objects.get(pk=case.pk).status == Case.Status.PUBLISHED


@pytest.mark.parametrize("who", ["editor", "other_editor", "outsider", "anonymous"])
def test_only_moderators_can_return_a_case(request, who, make_case):
    actor = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)
    case = make_case(status=Case.Status.IN_REVIEW)
    with pytest.raises(PermissionDenied):
        services.case_return_to_owner(actor=actor, case=case, comment="Ändra")
    assert Case.objects.get(pk=case.pk).status == Case.Status.IN_REVIEW


def test_the_review_view_publishes_for_a_moderator(client, moderator, make_case):
    case = make_case(status=Case.Status.IN_REVIEW)
    client.force_login(moderator)
    response = client.post(reverse("cases:review", args=[case.slug]), {"decision": "publish"})
    assert response.status_code == 302
    assert response.url == reverse("cases:review_queue")
    assert Case.objects.get(pk=case.pk).status == Case.Status.PUBLISHED


def test_the_review_view_returns_a_case_with_the_comment(client, moderator, make_case):
    case = make_case(status=Case.Status.IN_REVIEW)
    client.force_login(moderator)
    response = client.post(
        reverse("cases:review", args=[case.slug]),
        {"decision": "return", "comment": "Beskriv effekterna."},
    )
    assert response.status_code == 302
    assert Case.objects.get(pk=case.pk).status == Case.Status.DRAFT
    assert ReviewDecision.objects.get(case=case).comment == "Beskriv effekterna."


def test_the_review_view_refuses_a_return_without_a_comment(client, moderator, make_case):
    case = make_case(status=Case.Status.IN_REVIEW)
    client.force_login(moderator)
    response = client.post(reverse("cases:review", args=[case.slug]), {"decision": "return"})
    assert response.status_code == 200
    assert "comment" in response.context["form"].errors
    assert Case.objects.get(pk=case.pk).status == Case.Status.IN_REVIEW
    assert not ReviewDecision.objects.exists()


def test_the_returned_comment_is_shown_to_the_editor_on_the_draft(
    client, editor, moderator, make_case
):
    case = make_case(status=Case.Status.IN_REVIEW)
    services.case_return_to_owner(actor=moderator, case=case, comment="Beskriv effekterna.")
    client.force_login(editor)
    assert "Beskriv effekterna." in client.get(case.get_absolute_url()).content.decode()


@pytest.mark.parametrize("who", ["editor", "other_editor", "outsider"])
def test_a_user_who_is_not_a_moderator_cannot_review(client, request, who, make_case):
    case = make_case(status=Case.Status.IN_REVIEW)
    client.force_login(request.getfixturevalue(who))
    url = reverse("cases:review", args=[case.slug])
    assert client.get(url).status_code == 403
    assert client.post(url, {"decision": "publish"}).status_code == 403
    assert Case.objects.get(pk=case.pk).status == Case.Status.IN_REVIEW


def test_an_anonymous_user_is_sent_to_sign_in_before_reviewing(client, make_case):
    case = make_case(status=Case.Status.IN_REVIEW)
    url = reverse("cases:review", args=[case.slug])
    assert_redirects_to_login(client.post(url, {"decision": "publish"}))
    assert_redirects_to_login(client.get(reverse("cases:review_queue")))
    assert Case.objects.get(pk=case.pk).status == Case.Status.IN_REVIEW


def test_the_review_queue_is_only_for_moderators(client, editor, moderator, make_case):
    make_case(title="Väntar på granskning", status=Case.Status.IN_REVIEW)
    client.force_login(editor)
    assert client.get(reverse("cases:review_queue")).status_code == 403
    client.force_login(moderator)
    response = client.get(reverse("cases:review_queue"))
    assert "Väntar på granskning" in response.content.decode()


# --- who can see a draft -------------------------------------------------------------------


PAGES_OF_A_CASE = ["cases:detail", "cases:history"]


@pytest.mark.parametrize("page", PAGES_OF_A_CASE)
@pytest.mark.parametrize("status", [Case.Status.DRAFT, Case.Status.IN_REVIEW])
def test_a_case_that_is_not_published_is_not_found_by_the_public(client, make_case, page, status):
    case = make_case(status=status)
    assert client.get(reverse(page, args=[case.slug])).status_code == 404


@pytest.mark.parametrize("page", PAGES_OF_A_CASE)
@pytest.mark.parametrize("who", ["other_editor", "outsider"])
def test_a_draft_is_not_found_by_other_organisations(client, request, make_case, page, who):
    case = make_case()
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse(page, args=[case.slug])).status_code == 404


@pytest.mark.parametrize("page", PAGES_OF_A_CASE)
@pytest.mark.parametrize("who", ["editor", "moderator"])
def test_a_draft_is_visible_to_its_own_editors_and_moderators(
    client, request, make_case, page, who
):
    case = make_case(title="Hemligt utkast")
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse(page, args=[case.slug]))
    assert response.status_code == 200
    assert "Hemligt utkast" in response.content.decode()


@pytest.mark.parametrize(
    ("who", "status"),
    [(None, 404), ("other_editor", 404), ("outsider", 404), ("editor", 200), ("moderator", 200)],
)
def test_the_version_page_of_a_draft_is_only_for_its_editors_and_moderators(
    client, request, make_case, who, status
):
    if who:
        client.force_login(request.getfixturevalue(who))
    case = make_case()
    version = Version.objects.get_for_object(case).first()
    url = reverse("cases:version", args=[case.slug, version.pk])
    assert client.get(url).status_code == status


def test_a_draft_is_not_in_the_public_list(client, make_case):
    make_case(title="Hemligt utkast")
    make_case(title="Publicerad galleria", status=Case.Status.PUBLISHED)
    html = client.get(reverse("search:cases")).content.decode()
    assert "Publicerad galleria" in html
    assert "Hemligt utkast" not in html


def test_an_archived_case_is_not_found_by_the_public(client, make_case):
    case = make_case(status=Case.Status.ARCHIVED)
    assert client.get(case.get_absolute_url()).status_code == 404


# --- adoption ------------------------------------------------------------------------------


def test_an_editor_can_record_that_their_organisation_adopted_a_case(
    other_editor, vasteras, make_case
):
    case = make_case(status=Case.Status.PUBLISHED)
    adoption = services.adoption_record(
        actor=other_editor, case=case, organisation=vasteras, year=2023
    )
    assert (adoption.case, adoption.organisation, adoption.recorded_by) == (
        case,
        vasteras,
        other_editor,
    )
    assert Case.objects.get(pk=case.pk).adoption_count == 1


def test_an_organisation_cannot_adopt_its_own_case(eskilstuna, make_case):
    case = make_case(status=Case.Status.PUBLISHED)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.adoption_record(actor=None, case=case, organisation=eskilstuna)
    assert error.value.messages == ["An organisation cannot adopt its own case."]
    assert not Adoption.objects.exists()
    assert Case.objects.get(pk=case.pk).adoption_count == 0


def test_an_editor_cannot_record_that_their_own_organisation_adopted_its_case(
    editor, eskilstuna, make_case
):
    case = make_case(status=Case.Status.PUBLISHED)
    with pytest.raises((PermissionDenied, ValidationError)):
        services.adoption_record(actor=editor, case=case, organisation=eskilstuna)
    assert not Adoption.objects.exists()
    assert Case.objects.get(pk=case.pk).adoption_count == 0


def test_adopting_twice_gives_a_clear_error_and_the_count_stays_right(
    other_editor, vasteras, make_case
):
    case = make_case(status=Case.Status.PUBLISHED)
    services.adoption_record(actor=other_editor, case=case, organisation=vasteras)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.adoption_record(actor=other_editor, case=case, organisation=vasteras)
    assert error.value.messages == ["Västerås stad has already recorded that it adopted this case."]
    assert Adoption.objects.filter(case=case).count() == 1
    assert Case.objects.get(pk=case.pk).adoption_count == 1


@pytest.mark.parametrize("who", ["editor", "outsider", "moderator", "anonymous"])
def test_only_members_of_the_adopting_organisation_can_record_an_adoption(
    request, who, vasteras, make_case
):
    actor = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)
    case = make_case(status=Case.Status.PUBLISHED)
    with pytest.raises(PermissionDenied):
        services.adoption_record(actor=actor, case=case, organisation=vasteras)
    assert Case.objects.get(pk=case.pk).adoption_count == 0


def test_a_draft_cannot_be_adopted(other_editor, vasteras, make_case):
    case = make_case()
    with pytest.raises(PermissionDenied):
        services.adoption_record(actor=other_editor, case=case, organisation=vasteras)
    assert not Adoption.objects.exists()


def test_the_adopting_organisation_can_remove_its_adoption(other_editor, vasteras, make_case):
    case = make_case(status=Case.Status.PUBLISHED)
    adoption = services.adoption_record(actor=other_editor, case=case, organisation=vasteras)
    services.adoption_remove(actor=other_editor, adoption=adoption)
    assert not Adoption.objects.exists()
    assert Case.objects.get(pk=case.pk).adoption_count == 0


def test_a_moderator_can_remove_an_adoption(moderator, vasteras, make_case):
    case = make_case(status=Case.Status.PUBLISHED)
    adoption = services.adoption_record(actor=None, case=case, organisation=vasteras)
    services.adoption_remove(actor=moderator, adoption=adoption)
    assert Case.objects.get(pk=case.pk).adoption_count == 0


@pytest.mark.parametrize("who", ["editor", "outsider", "anonymous"])
def test_others_cannot_remove_an_adoption(request, who, vasteras, make_case):
    actor = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)
    case = make_case(status=Case.Status.PUBLISHED)
    adoption = services.adoption_record(actor=None, case=case, organisation=vasteras)
    with pytest.raises(PermissionDenied):
        services.adoption_remove(actor=actor, adoption=adoption)
    assert Adoption.objects.filter(pk=adoption.pk).exists()
    assert Case.objects.get(pk=case.pk).adoption_count == 1


def test_the_adopt_view_records_the_adoption(client, other_editor, vasteras, make_case):
    case = make_case(status=Case.Status.PUBLISHED)
    client.force_login(other_editor)
    response = client.post(
        reverse("cases:adopt", args=[case.slug]),
        {"organisation": vasteras.pk, "year": "2024", "how": "copied", "note": "Som den var."},
    )
    assert response.status_code == 302
    adoption = Adoption.objects.get(case=case)
    assert (adoption.organisation, adoption.year, adoption.how) == (vasteras, 2024, "copied")
    assert Case.objects.get(pk=case.pk).adoption_count == 1


def test_the_adopt_view_refuses_the_editor_of_the_lead_organisation(
    client, editor, eskilstuna, make_case
):
    case = make_case(status=Case.Status.PUBLISHED)
    client.force_login(editor)
    response = client.post(
        reverse("cases:adopt", args=[case.slug]), {"organisation": eskilstuna.pk, "how": "copied"}
    )
    assert response.status_code == 403
    assert not Adoption.objects.exists()


def test_the_adopt_view_refuses_an_organisation_the_user_is_not_a_member_of(
    client, other_editor, region_skane, make_case
):
    case = make_case(status=Case.Status.PUBLISHED)
    client.force_login(other_editor)
    response = client.post(
        reverse("cases:adopt", args=[case.slug]),
        {"organisation": region_skane.pk, "how": "copied"},
    )
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not Adoption.objects.exists()


def test_the_adopt_view_refuses_a_second_adoption_by_the_same_organisation(
    client, other_editor, vasteras, make_case
):
    case = make_case(status=Case.Status.PUBLISHED)
    services.adoption_record(actor=other_editor, case=case, organisation=vasteras)
    client.force_login(other_editor)
    response = client.post(
        reverse("cases:adopt", args=[case.slug]), {"organisation": vasteras.pk, "how": "copied"}
    )
    assert response.status_code == 403
    assert Adoption.objects.filter(case=case).count() == 1
    assert Case.objects.get(pk=case.pk).adoption_count == 1


def test_a_draft_cannot_be_adopted_through_the_view(client, other_editor, vasteras, make_case):
    case = make_case()
    client.force_login(other_editor)
    response = client.post(
        reverse("cases:adopt", args=[case.slug]), {"organisation": vasteras.pk, "how": "copied"}
    )
    assert response.status_code == 404
    assert not Adoption.objects.exists()


@pytest.mark.parametrize("who", ["outsider", "moderator"])
def test_a_user_with_no_membership_cannot_adopt_through_the_view(
    client, request, who, vasteras, make_case
):
    case = make_case(status=Case.Status.PUBLISHED)
    client.force_login(request.getfixturevalue(who))
    response = client.post(
        reverse("cases:adopt", args=[case.slug]), {"organisation": vasteras.pk, "how": "copied"}
    )
    assert response.status_code == 403
    assert not Adoption.objects.exists()


def test_an_anonymous_user_is_sent_to_sign_in_before_adopting(client, vasteras, make_case):
    case = make_case(status=Case.Status.PUBLISHED)
    response = client.post(
        reverse("cases:adopt", args=[case.slug]), {"organisation": vasteras.pk, "how": "copied"}
    )
    assert_redirects_to_login(response)
    assert not Adoption.objects.exists()


@pytest.mark.parametrize("status", [Case.Status.DRAFT, Case.Status.ARCHIVED])
def test_a_moderator_publishes_only_a_case_in_review(make_case, moderator, status):
    case = make_case(status=status)
    with pytest.raises(ValidationError):
        services.case_publish(actor=moderator, case=case)
    case.refresh_from_db()
    assert case.status == status
    assert not case.reviews.exists()
