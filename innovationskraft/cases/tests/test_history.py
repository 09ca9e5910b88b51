"""A case's history: every change is a version, readable by whoever may read the case, and
only the case's editors see who made it."""

import pytest
from django.urls import reverse
from reversion.models import Version

from innovationskraft.cases import history, services
from innovationskraft.cases.models import Case, PendingRevision
from innovationskraft.cases.tests.conftest import case_input

pytestmark = pytest.mark.django_db


@pytest.fixture
def edited_case(editor, eskilstuna):
    """A draft created and then edited by the editor: a new title and a new stage."""
    case = services.case_create(
        actor=editor,
        lead_organisation=eskilstuna,
        data=case_input(
            title="Återbruk i Eskilstuna",
            summary="En galleria för begagnade saker.",
            stage=Case.Stage.PILOT,
        ),
    )
    services.case_update(
        actor=editor,
        case=case,
        data=case_input(
            title="Återbruk i Västerås",
            summary="En galleria för begagnade saker.",
            stage=Case.Stage.IMPLEMENTED,
        ),
    )
    return case


def versions_of(case) -> list[Version]:
    return list(Version.objects.get_for_object(case))


def test_creating_then_editing_a_case_makes_two_versions(edited_case, editor):
    versions = versions_of(edited_case)
    assert len(versions) == 2
    newest, oldest = versions
    assert oldest.field_dict["title"] == "Återbruk i Eskilstuna"
    assert newest.field_dict["title"] == "Återbruk i Västerås"
    assert [v.revision.comment for v in versions] == ["Edited", "Created"]
    assert {v.revision.user for v in versions} == {editor}


def test_a_version_keeps_swedish_letters_as_they_are_and_reads_back(edited_case):
    latest = versions_of(edited_case)[0]
    # As Django's own serializer writes them, not escaped (half the time for an import).
    assert "Återbruk i Västerås" in latest.serialized_data
    assert latest.field_dict["title"] == "Återbruk i Västerås"


def test_each_change_of_status_is_a_version_too(edited_case, editor, moderator):
    services.case_submit_for_review(actor=editor, case=edited_case)
    services.case_publish(actor=moderator, case=edited_case)
    versions = versions_of(edited_case)
    assert [v.field_dict["status"] for v in versions] == [
        "published",
        "in_review",
        "draft",
        "draft",
    ]
    assert versions[0].revision.user == moderator


def test_the_changes_of_a_version_name_the_field_with_the_old_and_new_words(edited_case):
    newest, oldest = versions_of(edited_case)
    label = {name: str(Case._meta.get_field(name).verbose_name) for name in ["title", "stage"]}
    changes = {c.label: c for c in history.version_changes(version=newest, older=oldest)}
    assert set(changes) == {label["title"], label["stage"]}
    changes = {name: changes[label[name]] for name in label}
    assert ("removed", "Eskilstuna") in changes["title"].segments
    assert ("added", "Västerås") in changes["title"].segments
    assert ("same", "Återbruk i") in changes["title"].segments
    assert (changes["stage"].old, changes["stage"].new) == (
        str(Case.Stage.PILOT.label),
        str(Case.Stage.IMPLEMENTED.label),
    )


def test_the_version_page_shows_the_changed_field_with_the_old_and_new_words(
    client, edited_case, editor
):
    newest = versions_of(edited_case)[0]
    client.force_login(editor)
    response = client.get(reverse("cases:version", args=[edited_case.slug, newest.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    removed = '<del><span class="visually-hidden">[borttaget:</span>Eskilstuna<span'
    added = '<ins><span class="visually-hidden">[tillagt:</span>Västerås<span'
    assert removed in html
    assert added in html
    assert f"<del>{Case.Stage.PILOT.label}</del>" in html
    assert f"<ins>{Case.Stage.IMPLEMENTED.label}</ins>" in html
    changed = html.split('id="changes-heading"')[1].split("</section>")[0]
    assert "En galleria för begagnade saker." not in changed  # the summary did not change


def test_the_first_version_page_shows_the_case_as_it_was_created(client, edited_case, editor):
    oldest = versions_of(edited_case)[-1]
    client.force_login(editor)
    html = client.get(reverse("cases:version", args=[edited_case.slug, oldest.pk])).content
    html = html.decode()
    assert "<ins>Återbruk i Eskilstuna</ins>" in html
    as_it_was = html.split('id="changes-heading"')[1]
    assert "Återbruk i Eskilstuna" in as_it_was.split('id="fields-heading"')[1]
    assert "Västerås" not in as_it_was


def test_a_version_of_another_case_is_not_found_under_this_case(client, make_case, edited_case):
    other = make_case(title="Annat", status=Case.Status.PUBLISHED)
    services.case_publish(actor=None, case=edited_case)
    foreign = versions_of(other)[0]
    url = reverse("cases:version", args=[edited_case.slug, foreign.pk])
    assert client.get(url).status_code == 404


@pytest.fixture
def published_case(edited_case, editor, moderator):
    services.case_submit_for_review(actor=editor, case=edited_case)
    services.case_publish(actor=moderator, case=edited_case)
    return edited_case


def test_the_history_of_a_published_case_is_public_but_does_not_name_anyone(
    client, published_case, editor, moderator
):
    response = client.get(reverse("cases:history", args=[published_case.slug]))
    assert response.status_code == 200
    # The public history starts at the first publication: drafts stay with the editors.
    assert [v.revision.comment for v in response.context["versions"]] == ["Published"]
    html = response.content.decode()
    for version in response.context["versions"]:
        assert reverse("cases:version", args=[published_case.slug, version.pk]) in html
    for person in [editor, moderator]:
        assert person.email not in html
        assert str(person) not in html
    assert "Anna Andersson" not in html


@pytest.mark.parametrize("who", [None, "other_editor", "outsider"])
def test_the_version_pages_do_not_name_anyone_for_the_public(
    client, request, published_case, editor, moderator, who
):
    if who:
        client.force_login(request.getfixturevalue(who))
    assert not client.get(reverse("cases:history", args=[published_case.slug])).context[
        "show_people"
    ]
    for version in versions_of(published_case):
        html = client.get(reverse("cases:version", args=[published_case.slug, version.pk]))
        html = html.content.decode()
        assert "Anna Andersson" not in html
        assert editor.email not in html
        assert moderator.email not in html


@pytest.mark.parametrize("who", ["editor", "moderator"])
def test_the_history_names_the_people_for_the_cases_editors(client, request, published_case, who):
    client.force_login(request.getfixturevalue(who))
    html = client.get(reverse("cases:history", args=[published_case.slug])).content.decode()
    assert "Anna Andersson" in html
    assert "mona@moderator.example" not in html  # names, never e-mail addresses


def test_an_edit_through_the_form_is_recorded_with_its_author_once_approved(
    client, editor, eskilstuna, published_case, moderator
):
    client.force_login(editor)
    client.post(
        reverse("cases:edit", args=[published_case.slug]),
        {
            "title": "Återbruk i hela länet",
            "summary": "En galleria för begagnade saker.",
            "language": "sv",
            "lead_organisation": eskilstuna.pk,
            "stage": Case.Stage.SPREAD,
        },
    )
    pending = PendingRevision.objects.get(case=published_case)
    services.pending_revision_approve(actor=moderator, pending=pending)
    newest = versions_of(published_case)[0]
    assert newest.field_dict["title"] == "Återbruk i hela länet"
    assert newest.revision.user == editor
