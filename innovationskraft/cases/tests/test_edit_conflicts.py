"""Two people edit the same case: the later save does not silently overwrite the earlier."""

import pytest
from django.test import Client

from innovationskraft.cases import services
from innovationskraft.cases.contract import input_from_case
from innovationskraft.cases.models import Case

pytestmark = pytest.mark.django_db


def loaded_form(client: Client, case: Case) -> dict:
    form = client.get(f"/innovationer/{case.slug}/redigera/").context["form"]
    data = {name: value for name, value in form.initial.items() if value not in (None, [])}
    data["lead_organisation"] = case.lead_organisation_id
    return data


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_save_over_a_newer_revision_shows_both_versions_and_writes_nothing(
    make_case, editor, moderator
):
    case = make_case(title="Språkcafé", summary="Första texten.")
    mine = loaded_form(signed_in(editor), case)
    theirs = input_from_case(case)
    theirs.summary = "Moderatorns text."
    services.case_update(actor=moderator, case=case, data=theirs)

    response = signed_in(editor).post(
        f"/innovationer/{case.slug}/redigera/", mine | {"summary": "Min text."}
    )

    assert response.status_code == 409
    page = response.content.decode()
    assert "Moderatorns text." in page
    assert "Min text." in page
    [row] = response.context["conflict"]
    assert (row.theirs, row.yours) == ("Moderatorns text.", "Min text.")
    case.refresh_from_db()
    assert case.summary == "Moderatorns text."


def test_saving_again_after_seeing_the_conflict_keeps_ones_own_text(make_case, editor, moderator):
    case = make_case(title="Språkcafé")
    client = signed_in(editor)
    mine = loaded_form(client, case) | {"summary": "Min text."}
    services.case_update(actor=moderator, case=case, data=input_from_case(case))
    conflict = client.post(f"/innovationer/{case.slug}/redigera/", mine)
    again = conflict.context["form"].data.dict()

    response = client.post(f"/innovationer/{case.slug}/redigera/", again)

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.summary == "Min text."


def test_a_form_loaded_before_an_import_or_admin_save_is_stale_too(make_case, editor):
    case = make_case(title="Språkcafé")
    client = signed_in(editor)
    mine = loaded_form(client, case)
    services.case_saved_elsewhere(actor=None, case=case, created=False)

    response = client.post(f"/innovationer/{case.slug}/redigera/", mine | {"title": "Ny"})

    assert response.status_code == 409, response.context["form"].errors


def test_the_service_refuses_a_stale_revision_and_names_the_saved_one(make_case):
    case = make_case(title="Språkcafé")
    loaded = case.revision
    services.case_update(actor=None, case=case, data=input_from_case(case))

    with pytest.raises(services.EditConflict) as conflict:
        services.case_update(
            actor=None,
            case=Case.objects.get(pk=case.pk),
            data=input_from_case(case),
            loaded_revision=loaded,
        )

    assert conflict.value.case.revision == loaded + 1
