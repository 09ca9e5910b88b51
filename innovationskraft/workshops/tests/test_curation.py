import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from innovationskraft.cases.models import Case
from innovationskraft.workshops import services

pytestmark = pytest.mark.django_db


def test_an_example_becomes_a_prefilled_draft_case_linked_to_the_workshop(
    facilitator, workshop, send, eskilstuna, term
):
    example = send("ReTuna återbruksgalleria. Allt som säljs är återbrukat eller ekologiskt.")
    services.contribution_set_terms(
        actor=facilitator, contribution=example, terms=[term("barrier", "procurement")]
    )
    case = services.contribution_to_case(
        actor=facilitator, contribution=example, organisation=eskilstuna
    )
    assert case.status == Case.Status.DRAFT
    assert case.lead_organisation == eskilstuna
    assert case.title == "ReTuna återbruksgalleria"
    assert case.summary == example.text
    assert workshop.title in case.description
    assert list(case.barriers.values_list("code", flat=True)) == ["procurement"]
    assert list(case.workshop_contributions.all()) == [example]
    with pytest.raises(ValidationError, match="redan kopplat"):
        services.contribution_to_case(
            actor=facilitator, contribution=example, organisation=eskilstuna
        )


def test_a_barrier_does_not_become_a_case(facilitator, send, eskilstuna):
    with pytest.raises(ValidationError):
        services.contribution_to_case(
            actor=facilitator,
            contribution=send("Upphandling", kind="barrier"),
            organisation=eskilstuna,
        )


def test_the_case_is_drafted_only_for_an_organisation_of_the_facilitator(
    facilitator, send, vasteras
):
    with pytest.raises(PermissionDenied):
        services.contribution_to_case(
            actor=facilitator, contribution=send("1177"), organisation=vasteras
        )


def test_a_duplicate_example_is_linked_to_the_published_case(facilitator, send, make_case):
    published = make_case(title="1177 Vårdguiden", status=Case.Status.PUBLISHED)
    draft = make_case(title="Utkast")
    example = send("1177")
    services.contribution_link_case(actor=facilitator, contribution=example, case=published)
    assert example.case == published
    with pytest.raises(ValidationError):
        services.contribution_link_case(actor=facilitator, contribution=example, case=draft)


def test_the_case_page_links_the_published_reports_that_named_it(
    client, facilitator, workshop, send, make_case
):
    case = make_case(title="ReTuna", status=Case.Status.PUBLISHED)
    services.contribution_link_case(actor=facilitator, contribution=send("ReTuna"), case=case)
    assert workshop.title not in client.get(case.get_absolute_url()).text
    services.workshop_close(actor=facilitator, workshop=workshop)
    services.workshop_publish(actor=facilitator, workshop=workshop)
    page = client.get(case.get_absolute_url())
    assert "Nämnd vid workshoppar" in page.text
    assert workshop.title in page.text


def test_a_hidden_answer_does_not_name_the_case_in_a_published_report(
    client, facilitator, workshop, send, make_case
):
    case = make_case(title="ReTuna", status=Case.Status.PUBLISHED)
    example = send("ReTuna")
    services.contribution_link_case(actor=facilitator, contribution=example, case=case)
    services.contribution_set_status(
        actor=facilitator, contribution=example, status=example.Status.HIDDEN
    )
    services.workshop_close(actor=facilitator, workshop=workshop)
    services.workshop_publish(actor=facilitator, workshop=workshop)
    assert "Nämnd vid workshoppar" not in client.get(case.get_absolute_url()).text
