"""A case counts among a partner organisation's innovations only once the partner confirms
that it took part; the public sees confirmed partners only."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from innovationskraft.accounts.services import membership_grant
from innovationskraft.cases import services
from innovationskraft.cases.contract import input_from_case
from innovationskraft.cases.models import Case, CasePartner
from innovationskraft.core.bulk import insert_rows
from innovationskraft.search.filters import CaseFilters
from innovationskraft.search.selectors import case_search

pytestmark = pytest.mark.django_db


def cases_of(organisation) -> set[int]:
    filters = CaseFilters(organisation=organisation.slug)
    return {case.pk for case in case_search(filters=filters).page.object_list}


@pytest.fixture
def named(make_case, editor, vasteras):
    """A published case whose lead's editor named Västerås stad as partner."""
    case = make_case(title="Återbruksgalleria")
    data = input_from_case(case)
    data.partners = [vasteras]
    services.case_update(actor=editor, case=case, data=data)
    services.case_publish(actor=None, case=case)
    return case


def public_page(case) -> str:
    return Client().get(case.get_absolute_url()).content.decode()


def partnership(case, organisation) -> CasePartner:
    return CasePartner.objects.get(case=case, organisation=organisation)


def found(words: str) -> set[int]:
    return {case.pk for case in case_search(filters=CaseFilters(q=words)).page.object_list}


def test_a_partner_named_by_an_editor_waits_for_confirmation(named, vasteras):
    assert not partnership(named, vasteras).confirmed
    assert named.pk not in cases_of(vasteras)
    assert named.pk not in found("Västerås")


def test_once_confirmed_the_case_is_found_by_the_partners_name_too(named, vasteras, other_editor):
    services.partnership_confirm(actor=other_editor, partnership=partnership(named, vasteras))
    assert named.pk in found("Västerås")


def test_the_public_never_sees_an_unconfirmed_partner_but_the_editors_do(client, named, editor):
    public = client.get(named.get_absolute_url()).content.decode()
    client.force_login(editor)
    editors = client.get(named.get_absolute_url()).content.decode()

    assert "Västerås stad" not in public
    assert "Västerås stad" in editors
    assert "väntar på bekräftelse" in editors


def test_a_member_of_the_partner_confirms_and_the_case_joins_its_page(
    client, named, vasteras, other_editor
):
    client.force_login(other_editor)
    page = client.get(vasteras.get_absolute_url()).content.decode()
    assert "Innovationer som anger er som samarbetspart" in page
    answer = reverse("cases:partnership_answer", args=[named.slug, vasteras.slug])

    response = client.post(answer, {"answer": "confirm"})

    assert response.status_code == 302
    assert partnership(named, vasteras).confirmed
    assert named.pk in cases_of(vasteras)
    assert "Återbruksgalleria" in client.get(vasteras.get_absolute_url()).content.decode()
    assert "Västerås stad" in public_page(named)


def test_declining_removes_the_partner(client, named, vasteras, other_editor):
    client.force_login(other_editor)
    revision = named.revision

    client.post(
        reverse("cases:partnership_answer", args=[named.slug, vasteras.slug]),
        {"answer": "decline"},
    )

    named.refresh_from_db()
    assert list(named.partners.all()) == []
    assert named.revision == revision + 1


def test_an_editor_of_another_organisation_cannot_confirm(client, named, vasteras, editor):
    with pytest.raises(PermissionDenied):
        services.partnership_confirm(actor=editor, partnership=partnership(named, vasteras))
    client.force_login(editor)
    response = client.post(
        reverse("cases:partnership_answer", args=[named.slug, vasteras.slug]),
        {"answer": "confirm"},
    )
    assert response.status_code == 403
    assert not partnership(named, vasteras).confirmed


def test_a_moderator_may_confirm(named, vasteras, moderator):
    services.partnership_confirm(actor=moderator, partnership=partnership(named, vasteras))
    assert partnership(named, vasteras).confirmed


def test_the_requests_are_on_the_partners_dashboard(client, named, other_editor):
    client.force_login(other_editor)
    page = client.get(reverse("cases:mine")).content.decode()
    assert "Återbruksgalleria" in page
    assert reverse("cases:partnership_answer", args=[named.slug, "vasteras-stad"]) in page


def test_partners_named_by_a_moderator_or_a_system_process_count_at_once(
    make_case, moderator, vasteras, region_skane
):
    by_system = make_case(partners=[vasteras], status=Case.Status.PUBLISHED)
    by_moderator = make_case(status=Case.Status.PUBLISHED)
    data = input_from_case(by_moderator)
    data.partners = [region_skane]
    services.case_update(actor=moderator, case=by_moderator, data=data)

    assert partnership(by_system, vasteras).confirmed
    assert partnership(by_moderator, region_skane).confirmed
    assert by_system.pk in cases_of(vasteras)


def test_an_editor_naming_her_own_other_organisation_needs_no_confirmation(
    make_case, editor, vasteras
):
    membership_grant(user=editor, organisation=vasteras)
    case = make_case()
    data = input_from_case(case)
    data.partners = [vasteras]
    services.case_update(actor=editor, case=case, data=data)

    assert partnership(case, vasteras).confirmed


def test_an_edit_keeps_the_partners_answer(named, vasteras, other_editor, moderator):
    services.partnership_confirm(actor=other_editor, partnership=partnership(named, vasteras))
    data = input_from_case(named)
    data.title = "Nytt namn"
    services.case_update(actor=moderator, case=named, data=data)
    assert partnership(named, vasteras).confirmed


def test_a_row_written_without_the_flag_counts_as_confirmed(make_case, vasteras):
    """As the import writes them, and as the migration left the rows there were before."""
    case = make_case()
    insert_rows(Case.partners.through, ["case", "organisation"], [(case.pk, vasteras.pk)])
    assert partnership(case, vasteras).confirmed
