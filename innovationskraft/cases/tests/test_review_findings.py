"""Privacy and filter behaviour found in a review of the case library."""

import pytest
from django.urls import reverse
from reversion.models import Version

from innovationskraft.cases import services
from innovationskraft.cases.inputs import CaseInput
from innovationskraft.cases.models import Case

pytestmark = pytest.mark.django_db


@pytest.fixture
def published_after_a_draft(make_case, editor, moderator):
    case = make_case(summary="Utkast med 19800101-1234 i texten")
    data = CaseInput.from_case(case)
    data.summary = "Rensad sammanfattning"
    services.case_update(actor=editor, case=case, data=data)
    services.case_submit_for_review(actor=editor, case=case)
    services.case_publish(actor=moderator, case=case)
    return case


def test_the_public_history_starts_at_the_first_publication(client, published_after_a_draft):
    case = published_after_a_draft
    public = client.get(reverse("cases:history", args=[case.slug])).context["versions"]
    assert [v.revision.comment for v in public] == ["Published"]
    draft = Version.objects.get_for_object(case).last()
    url = reverse("cases:version", args=[case.slug, draft.pk])
    assert client.get(url).status_code == 404
    html = client.get(reverse("cases:version", args=[case.slug, public[0].pk])).content.decode()
    assert "19800101-1234" not in html


def test_the_cases_editors_still_see_every_version(client, published_after_a_draft, editor):
    client.force_login(editor)
    versions = client.get(reverse("cases:history", args=[published_after_a_draft.slug]))
    assert len(versions.context["versions"]) == 4


def test_contact_details_are_never_kept_in_the_history(make_case):
    case = make_case(contact_name="Anna Andersson", contact_email="anna@kommun.example")
    for version in Version.objects.get_for_object(case):
        assert "anna@kommun.example" not in version.serialized_data
        assert "Anna Andersson" not in version.serialized_data


def test_a_case_titled_like_a_page_gets_its_own_address(client, make_case):
    case = make_case(title="Ny", status=Case.Status.PUBLISHED)
    assert case.slug != "ny"
    assert client.get(case.get_absolute_url()).context["case"] == case


def test_an_unknown_sector_finds_nothing_rather_than_cases_without_sector(client, make_case):
    make_case(title="Utan sektor", status=Case.Status.PUBLISHED)
    response = client.get(reverse("cases:list"), {"sector": "finns-inte"})
    assert response.context["page"].paginator.count == 0


def test_a_chosen_filter_stays_visible_when_nothing_matches(client, make_case):
    make_case(title="Något", status=Case.Status.PUBLISHED, stage="spread")
    response = client.get(reverse("cases:list"), {"stage": "idea", "q": "zzz"})
    stage = next(f for f in response.context["facets"] if f.name == "stage")
    assert [(o.value, o.count, o.selected) for o in stage.options] == [("idea", 0, True)]
