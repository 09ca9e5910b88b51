"""The partner field: suggestions for the type-ahead, the ids it sends in the order chosen,
and the names of its form without JavaScript."""

import json
import re

import pytest
from django.urls import reverse

from innovationskraft.cases import services
from innovationskraft.cases.models import Case, Organisation
from innovationskraft.cases.organisation_field import LONG_LIST
from innovationskraft.cases.relations import partners_in_order
from innovationskraft.core.testing.browser import sv

pytestmark = pytest.mark.django_db

SUGGESTIONS = "/organisationer/forslag.json"


def organisation(name: str, kind=Organisation.Kind.COMPANY, aliases=()) -> Organisation:
    made = services.organisation_upsert(name=name, kind=kind)
    made.aliases = list(aliases)
    made.save(update_fields=["aliases"])
    return made


def form_data(lead, **fields) -> dict:
    data = {
        "title": "Digital trygghetskamera",
        "summary": "Nattillsyn i hemtjänsten med kamera i stället för besök.",
        "language": "sv",
        "lead_organisation": lead.pk,
        "stage": Case.Stage.PILOT,
    }
    return data | fields


def test_the_partners_keep_the_order_the_script_sent_them_in(
    client, editor, eskilstuna, vasteras, region_skane
):
    client.force_login(editor)
    partners = [region_skane.pk, vasteras.pk]

    response = client.post(reverse("cases:create"), form_data(eskilstuna, partners=partners))

    assert response.status_code == 302
    case = Case.objects.get(title="Digital trygghetskamera")
    assert partners_in_order(case) == [region_skane, vasteras]


def test_an_id_that_names_no_organisation_is_refused(client, editor, eskilstuna):
    client.force_login(editor)

    response = client.post(reverse("cases:create"), form_data(eskilstuna, partners=["999999"]))

    assert response.status_code == 200
    assert response.context["form"].errors["partners"] == [
        sv("Choose the organisation again from the suggestions.")
    ]


def test_without_javascript_partners_are_written_by_name_one_a_line(
    client, editor, eskilstuna, vasteras, region_skane
):
    client.force_login(editor)
    data = form_data(eskilstuna, **{"partners-names": "region skåne\n\n  Västerås stad \n"})

    response = client.post(reverse("cases:create"), data)

    assert response.status_code == 302
    case = Case.objects.get(title="Digital trygghetskamera")
    assert partners_in_order(case) == [region_skane, vasteras]


def test_an_unknown_name_is_named_in_the_error_and_what_was_written_is_kept(
    client, editor, eskilstuna, vasteras
):
    client.force_login(editor)
    written = "Västerås stad\nVästerås kommun"

    response = client.post(
        reverse("cases:create"), form_data(eskilstuna, **{"partners-names": written})
    )

    assert response.status_code == 200
    message = sv(
        "No organisation is called “%(name)s”. Check the spelling against the list of "
        "organisations, or write another name it goes by."
    ) % {"name": "Västerås kommun"}
    assert response.context["form"].errors["partners"] == [message]
    html = response.content.decode()
    assert f">\n{written}</textarea>" in html
    assert not Case.objects.exists()


def test_a_name_two_organisations_share_asks_for_the_address_and_takes_it(
    client, editor, eskilstuna
):
    first = organisation("Innovationsrådet")
    second = organisation("Innovationsrådet", Organisation.Kind.AGENCY)
    client.force_login(editor)

    response = client.post(
        reverse("cases:create"), form_data(eskilstuna, **{"partners-names": "Innovationsrådet"})
    )
    [error] = response.context["form"].errors["partners"]
    assert first.slug in error
    assert second.slug in error

    response = client.post(
        reverse("cases:create"), form_data(eskilstuna, **{"partners-names": second.slug})
    )
    assert response.status_code == 302
    assert partners_in_order(Case.objects.get()) == [second]


def test_the_edit_form_holds_the_partners_in_order_for_both_ways_of_choosing(
    client, editor, make_case, vasteras, region_skane
):
    case = make_case(partners=[vasteras, region_skane])
    client.force_login(editor)

    html = client.get(reverse("cases:edit", args=[case.slug])).content.decode()

    assert ">\nVästerås stad\nRegion Skåne</textarea>" in html
    chosen = re.search(
        r'<script id="id_partners-chosen" type="application/json">(.*?)</script>', html
    )
    assert chosen is not None
    assert json.loads(chosen.group(1)) == [
        {"id": vasteras.pk, "name": "Västerås stad"},
        {"id": region_skane.pk, "name": "Region Skåne"},
    ]
    assert 'src="/static/cases/organisation-picker.js" defer' in html
    assert "Ctrl" not in html


def test_a_moderator_picks_the_lead_among_every_organisation_and_an_editor_keeps_a_select(
    client, moderator, editor, eskilstuna
):
    assert Organisation.objects.count() > LONG_LIST  # the municipalities and regions

    client.force_login(moderator)
    html = client.get(reverse("cases:create")).content.decode()
    assert 'name="lead_organisation-names"' in html
    client.force_login(editor)
    html = client.get(reverse("cases:create")).content.decode()
    assert '<select name="lead_organisation"' in html


def test_the_lead_is_taken_by_id_or_by_name_but_only_one(client, moderator, vasteras, region_skane):
    client.force_login(moderator)

    response = client.post(
        reverse("cases:create"),
        form_data(vasteras, lead_organisation=[vasteras.pk, region_skane.pk]),
    )
    assert response.context["form"].errors["lead_organisation"] == [sv("Choose one organisation.")]

    data = form_data(vasteras, **{"lead_organisation-names": "Region Skåne"})
    del data["lead_organisation"]
    assert client.post(reverse("cases:create"), data).status_code == 302
    assert Case.objects.get().lead_organisation == region_skane
