"""Organisations are found by slug, name or another name, in any case and without accents, so
an import never creates one twice; a new one may come with other names of its own."""

import pytest
from django.urls import reverse

from innovationskraft.cases.models import Case, Organisation
from innovationskraft.opendata.tests.conftest import plan_of
from innovationskraft.opendata.tests.rows import imported, jsonl, record

pytestmark = pytest.mark.django_db

UNDP = {
    "lead_organisation_name": "United Nations Development Programme",
    "lead_organisation_type": "international",
}


@pytest.fixture
def undp():
    return Organisation.objects.create(
        name="United Nations Development Programme",
        slug="undp",
        kind=Organisation.Kind.INTERNATIONAL,
        aliases=["PNUD", "FN:s utvecklingsprogram"],
    )


def test_an_organisation_is_found_by_its_name_whatever_slug_the_row_gives(undp):
    result = imported(jsonl(record(lead_organisation="un-development", **UNDP)))
    assert result.organisations_created == 0
    assert Case.objects.get().lead_organisation == undp


def test_an_organisation_is_found_by_another_name_in_any_case_without_accents(undp):
    result = imported(jsonl(record(lead_organisation="fn-s-utvecklingsprogram")))
    assert result.organisations_created == 0
    assert Case.objects.get().lead_organisation == undp


def test_a_national_organisation_named_in_english_or_by_its_acronym_is_the_registrys(db):
    result = imported(
        jsonl(
            record(
                identifier="a",
                lead_organisation="statistics-sweden",
                lead_organisation_name="Statistics Sweden",
                lead_organisation_type="international",
            ),
            record(identifier="b", lead_organisation="scb"),
        )
    )
    assert result.organisations_created == 0
    leads = {case.lead_organisation.name for case in Case.objects.all()}
    assert leads == {"Statistiska centralbyrån"}


def test_a_partner_is_found_by_a_name_written_as_the_slug(undp, eskilstuna):
    imported(jsonl(record(partners=["Pnud"])))
    assert list(Case.objects.get().partners.all()) == [undp]


def test_a_new_organisation_named_two_ways_in_one_file_is_created_once(db):
    text = jsonl(
        record(
            identifier="a", lead_organisation="undp", lead_organisation_aliases=["PNUD"], **UNDP
        ),
        record(identifier="b", lead_organisation="pnud", lead_organisation_type="international"),
        record(
            identifier="c",
            lead_organisation="un-dev",
            lead_organisation_name="united nations development programme",
            lead_organisation_type="international",
        ),
    )
    assert imported(text).organisations_created == 1
    organisation = Organisation.objects.get(slug="undp")
    assert organisation.aliases == ["PNUD"]
    assert {c.lead_organisation_id for c in Case.objects.all()} == {organisation.pk}


def test_other_names_come_from_a_csv_cell_joined_with_bars(db):
    text = (
        "title,summary,stage,lead_organisation,lead_organisation_name,lead_organisation_type,"
        "lead_organisation_aliases,partners,partners_names,partners_types,partners_aliases\n"
        "A,B,idea,nif,Nordiska innovationsförbundet,ideell,NIF|Nordic Innovation Union,"
        "ir,Innovationsrådet,myndighet,Rådet för innovation;IR\n"
    )
    imported(text, "csv")
    assert Organisation.objects.get(slug="nif").aliases == ["NIF", "Nordic Innovation Union"]
    assert Organisation.objects.get(slug="ir").aliases == ["Rådet för innovation", "IR"]


def test_one_slug_with_two_names_keeps_the_first_and_warns_naming_row_slug_and_names(db):
    text = jsonl(
        record(identifier="a", lead_organisation="undp", **UNDP),
        record(
            identifier="b",
            lead_organisation="undp",
            lead_organisation_name="UN Development Programme",
            lead_organisation_type="international",
        ),
    )
    plan = plan_of(text)
    assert plan.errors == []
    [warning] = plan.warnings
    assert (warning.row, warning.field, warning.code) == (
        2,
        "lead_organisation_name",
        "organisation_renamed",
    )
    for part in ("undp", "UN Development Programme", UNDP["lead_organisation_name"], "rad 1"):
        assert part in warning.message
    imported(text)
    assert Organisation.objects.get(slug="undp").name == UNDP["lead_organisation_name"]


def test_the_organisation_admin_shows_and_edits_other_names(admin_client, undp):
    listing = admin_client.get(reverse("admin:cases_organisation_changelist"), {"q": "PNUD"})
    assert "PNUD, FN:s utvecklingsprogram" in listing.content.decode()
    url = reverse("admin:cases_organisation_change", args=[undp.pk])
    form = admin_client.get(url).content.decode()
    assert "PNUD\nFN:s utvecklingsprogram" in form
    data = {
        "name": undp.name,
        "slug": undp.slug,
        "kind": undp.kind,
        "country": "SE",
        "aliases": "UNDP\n PNUD \n\nUNDP",
    }
    assert admin_client.post(url, data).status_code == 302
    undp.refresh_from_db()
    assert undp.aliases == ["UNDP", "PNUD"]
