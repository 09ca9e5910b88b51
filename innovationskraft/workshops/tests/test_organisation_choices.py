"""A moderator names a workshop's organiser, or the organisation of a case made from an
example, among every organisation with the type-ahead; a facilitator of one organisation
keeps the select."""

import pytest
from django.urls import reverse

from innovationskraft.cases.models import Case
from innovationskraft.workshops.models import Workshop

pytestmark = pytest.mark.django_db


def create_data(organiser) -> dict:
    return {
        "title": "Innovationsverkstad",
        "organiser": organiser.pk,
        "date": "2026-12-10",
        "language": "sv",
        "template": "opsi",
    }


def test_a_moderator_names_the_organiser_with_the_picker_and_it_is_saved(
    client, moderator, vasteras
):
    client.force_login(moderator)

    html = client.get(reverse("workshops:create")).content.decode()
    assert 'name="organiser-names"' in html
    assert 'src="/static/cases/organisation-picker.js" defer' in html

    data = create_data(vasteras)
    del data["organiser"]
    data["organiser-names"] = "Västerås stad"
    response = client.post(reverse("workshops:create"), data)
    assert response.status_code == 302
    assert Workshop.objects.get(title="Innovationsverkstad").organiser == vasteras


def test_a_facilitator_of_one_organisation_keeps_the_select(client, facilitator, eskilstuna):
    client.force_login(facilitator)

    html = client.get(reverse("workshops:create")).content.decode()

    assert '<select name="organiser"' in html
    assert client.post(reverse("workshops:create"), create_data(eskilstuna)).status_code == 302


def test_the_case_made_from_an_example_is_led_by_the_organisation_a_moderator_picks(
    client, moderator, workshop, send, vasteras
):
    contribution = send("Mobil bibliotekstjänst")
    client.force_login(moderator)
    address = reverse("workshops:contribution", args=[workshop.slug, contribution.pk])

    html = client.get(address).content.decode()
    assert 'name="organisation-names"' in html
    assert 'src="/static/cases/organisation-picker.js" defer' in html

    curate = reverse("workshops:curate", args=[workshop.slug, contribution.pk])
    data = {"organisation-names": "Västerås stad", "title": "Mobil bibliotekstjänst"}
    client.post(curate, data)
    assert Case.objects.get(title="Mobil bibliotekstjänst").lead_organisation == vasteras
