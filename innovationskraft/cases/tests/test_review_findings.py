"""Privacy and filter behaviour found in a review of the case library."""

import pytest
from django.urls import reverse
from reversion.models import Version

from innovationskraft.cases import services
from innovationskraft.cases.contract import input_from_case
from innovationskraft.cases.models import Case

pytestmark = pytest.mark.django_db


@pytest.fixture
def published_after_a_draft(make_case, editor, moderator):
    case = make_case(summary="Utkast med 19800101-1234 i texten")
    data = input_from_case(case)
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
    response = client.get(reverse("search:cases"), {"sector": "finns-inte"})
    assert response.context["page"].paginator.count == 0


def test_a_chosen_filter_stays_visible_when_nothing_matches(client, make_case):
    make_case(title="Något", status=Case.Status.PUBLISHED, stage="spread")
    response = client.get(reverse("search:results"), {"stage": "idea", "q": "zzz"})
    stage = next(f for f in response.context["results"].facets if f.name == "stage")
    assert [(o.value, o.count, o.selected) for o in stage.options] == [("idea", 0, True)]


def test_signing_in_ignores_the_case_of_the_address(client, editor):
    editor.set_password("hemligt-lösen")
    editor.save()
    assert client.login(username=editor.email.upper(), password="hemligt-lösen")


def test_a_too_long_link_is_a_clear_form_error(client, editor):
    client.force_login(editor)
    long_url = "https://example.org/" + "a" * 2000
    response = client.post(reverse("cases:create"), {"links": long_url})
    assert "2020 tecken, fler än 2000" in response.content.decode()


def test_a_nul_character_in_the_query_does_not_break_the_list(client):
    assert client.get(reverse("search:cases"), {"q": "vård\x00"}, follow=True).status_code == 200
    assert client.get(reverse("cases:organisations"), {"q": "a\x00"}).status_code == 200


def test_an_edit_does_not_undo_a_publication_made_meanwhile(make_case, editor, moderator):
    case = make_case(status=Case.Status.IN_REVIEW)
    stale = Case.objects.get(pk=case.pk)
    services.case_publish(actor=moderator, case=case)
    data = input_from_case(stale)
    data.title = "Ny titel"
    services.case_update(actor=editor, case=stale, data=data)
    case.refresh_from_db()
    assert case.status == Case.Status.PUBLISHED
    assert case.title == "Ny titel"


def test_seeding_finds_a_free_address_when_the_usual_ones_are_taken():
    from innovationskraft.cases.models import Organisation

    Organisation.objects.all().delete()  # the registry that migrate left
    Organisation.objects.bulk_create(
        Organisation(name="Annan", slug=slug, kind="company")
        for slug in ["eskilstuna-kommun", "eskilstuna-kommun-2"]
    )
    services.organisations_seed_swedish_registry()
    eskilstuna = Organisation.objects.get(kind="municipality", official_code="0484")
    assert eskilstuna.slug == "eskilstuna-kommun-3"


def test_the_directory_counts_only_adoptions_of_published_cases(client, make_case, vasteras):
    published = make_case(title="Publik", status=Case.Status.PUBLISHED)
    services.adoption_record(actor=None, case=published, organisation=vasteras)
    archived = make_case(title="Arkiverad", status=Case.Status.PUBLISHED)
    services.adoption_record(actor=None, case=archived, organisation=vasteras)
    Case.objects.filter(pk=archived.pk).update(status=Case.Status.ARCHIVED)
    rows = client.get(reverse("cases:organisations"), {"q": vasteras.name}).context["page"]
    assert next(o for o in rows.object_list if o == vasteras).adopted_count == 1
