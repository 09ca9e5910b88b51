"""A trusted organisation's editors change published cases at once (post-moderation), and the
moderators are told."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from innovationskraft.cases import services
from innovationskraft.cases.contract import input_from_case
from innovationskraft.cases.models import PendingRevision
from innovationskraft.cases.signals import CaseEvent, case_changed

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(make_case):
    return make_case(title="Återbruksgalleria", status="published")


def renamed(case, title: str):
    data = input_from_case(case)
    data.title = title
    return data


def test_a_trusted_organisations_change_goes_live_and_the_moderators_are_told(
    published, editor, eskilstuna, moderator
):
    services.organisation_set_trusted(actor=moderator, organisation=eskilstuna, trusted=True)
    events = []
    case_changed.connect(lambda event, **kw: events.append(event), weak=False, dispatch_uid="t")
    try:
        edit = services.case_edit(actor=editor, case=published, data=renamed(published, "Ny"))
    finally:
        case_changed.disconnect(dispatch_uid="t")

    published.refresh_from_db()
    assert (edit.pending, published.title) == (None, "Ny")
    assert not PendingRevision.objects.exists()
    assert [event.kind for event in events] == [CaseEvent.Kind.CHANGED_LIVE]


def test_an_untrusted_organisations_change_waits_again_once_trust_is_withdrawn(
    published, editor, eskilstuna, moderator
):
    services.organisation_set_trusted(actor=moderator, organisation=eskilstuna, trusted=True)
    services.organisation_set_trusted(actor=moderator, organisation=eskilstuna, trusted=False)
    published.lead_organisation.refresh_from_db()

    edit = services.case_edit(actor=editor, case=published, data=renamed(published, "Ny"))

    assert edit.pending is not None


def test_only_a_moderator_may_trust_an_organisation(editor, eskilstuna):
    with pytest.raises(PermissionDenied):
        services.organisation_set_trusted(actor=editor, organisation=eskilstuna, trusted=True)
    eskilstuna.refresh_from_db()
    assert not eskilstuna.trusted


def test_a_moderator_trusts_an_organisation_on_its_page(client, moderator, eskilstuna):
    client.force_login(moderator)
    page = client.get(eskilstuna.get_absolute_url()).content.decode()
    assert 'name="trusted"' in page

    response = client.post(
        reverse("cases:organisation_trust", args=[eskilstuna.slug]), {"trusted": "on"}
    )

    assert response.status_code == 302
    eskilstuna.refresh_from_db()
    assert eskilstuna.trusted


def test_an_editor_can_neither_see_nor_use_the_trust_form(client, editor, eskilstuna):
    client.force_login(editor)
    page = client.get(eskilstuna.get_absolute_url()).content.decode()
    assert 'name="trusted"' not in page

    response = client.post(
        reverse("cases:organisation_trust", args=[eskilstuna.slug]), {"trusted": "on"}
    )

    assert response.status_code == 403
    eskilstuna.refresh_from_db()
    assert not eskilstuna.trusted


def test_the_admin_trusts_through_the_service_and_does_not_edit_the_flag(
    client, moderator, eskilstuna
):
    moderator.is_staff = moderator.is_superuser = True
    moderator.save()
    client.force_login(moderator)
    changelist = reverse("admin:cases_organisation_changelist")

    response = client.post(
        changelist, {"action": "trust", "_selected_action": [eskilstuna.pk]}, follow=True
    )

    assert response.status_code == 200
    eskilstuna.refresh_from_db()
    assert eskilstuna.trusted
    form = client.get(reverse("admin:cases_organisation_change", args=[eskilstuna.pk]))
    assert "trusted" not in form.context["adminform"].form.fields
