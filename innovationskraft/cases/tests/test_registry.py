"""`migrate` alone leaves the Swedish registry: 290 municipalities, 21 regions and the national
organisations with their other names, the same ones organisations_seed_swedish_registry()
makes."""

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection

from innovationskraft.cases import services
from innovationskraft.cases.models import Case, Organisation
from innovationskraft.cases.registry import national_organisations
from innovationskraft.search.filters import CaseFilters
from innovationskraft.search.selectors import case_search

pytestmark = pytest.mark.django_db

migration = importlib.import_module("innovationskraft.cases.migrations.0005_swedish_registry")
national_migration = importlib.import_module(
    "innovationskraft.cases.migrations.0011_national_organisations"
)
Kind = Organisation.Kind
NATIONAL = len(national_organisations())
SWEDISH = 290 + 21 + NATIONAL


def registry() -> list[tuple]:
    return sorted(
        Organisation.objects.values_list(
            "kind", "official_code", "county_code", "country", "name", "slug", "aliases"
        )
    )


def test_migrate_leaves_290_municipalities_21_regions_and_the_national_organisations():
    assert Organisation.objects.filter(kind=Kind.MUNICIPALITY).count() == 290
    assert Organisation.objects.filter(kind=Kind.REGION).count() == 21
    assert NATIONAL > 100
    assert Organisation.objects.count() == SWEDISH


def test_a_national_organisation_comes_with_its_acronym_and_its_english_name():
    scb = Organisation.objects.get(name="Statistiska centralbyrån")
    assert (scb.kind, scb.country, scb.aliases) == (Kind.AGENCY, "SE", ["SCB", "Statistics Sweden"])


def test_every_municipality_has_its_code_and_the_county_code_it_begins_with():
    rows = Organisation.objects.filter(kind=Kind.MUNICIPALITY).values_list(
        "official_code", "county_code"
    )
    for code, county_code in rows:
        assert len(code) == 4
        assert code.isdigit()
        assert county_code == code[:2]
    assert Organisation.objects.get(official_code="0484").name == "Eskilstuna kommun"


def test_every_county_has_one_region_and_gotland_is_both():
    counties = set(
        Organisation.objects.filter(kind=Kind.MUNICIPALITY).values_list("county_code", flat=True)
    )
    regions = Organisation.objects.filter(kind=Kind.REGION)
    assert set(regions.values_list("official_code", flat=True)) == counties
    assert set(regions.values_list("county_code", flat=True)) == counties
    gotland = Organisation.objects.filter(name="Region Gotland")
    assert sorted(gotland.values_list("kind", "official_code", "slug")) == [
        (Kind.MUNICIPALITY, "0980", "region-gotland"),
        (Kind.REGION, "09", "region-gotland-2"),
    ]


def test_equal_names_get_numbered_slugs_in_registry_order():
    habo = Organisation.objects.filter(slug__startswith="habo-kommun").order_by("official_code")
    assert list(habo.values_list("official_code", "name", "slug")) == [
        ("0305", "Håbo kommun", "habo-kommun"),
        ("0643", "Habo kommun", "habo-kommun-2"),
    ]


def test_the_seeding_finds_nothing_to_add_or_change_after_migrate():
    migrated = registry()
    assert services.organisations_seed_swedish_registry() == SWEDISH
    assert registry() == migrated


def test_the_migration_and_the_seeding_make_the_same_slugs():
    migrated = registry()
    Organisation.objects.all().delete()
    services.organisations_seed_swedish_registry()
    assert registry() == migrated


def test_the_migration_adds_only_what_an_older_database_lacks():
    Organisation.objects.filter(kind=Kind.REGION, official_code="09").delete()
    Organisation.objects.filter(official_code="0484").update(name="Eskilstuna (lokalt namn)")
    migration.seed_swedish_registry(apps, SimpleNamespace(connection=connection))
    assert Organisation.objects.count() == SWEDISH
    assert Organisation.objects.get(kind=Kind.REGION, official_code="09").slug == (
        "region-gotland-2"
    )
    assert Organisation.objects.get(official_code="0484").name == "Eskilstuna (lokalt namn)"


def test_an_organisation_called_by_one_of_the_names_gains_the_others_and_keeps_its_own():
    Organisation.objects.filter(name="Statistiska centralbyrån").delete()
    own = Organisation.objects.create(
        name="SCB", slug="scb", kind=Kind.AGENCY, aliases=["Statistikmyndigheten"]
    )
    national_migration.seed_national_organisations(apps, SimpleNamespace(connection=connection))
    own.refresh_from_db()
    assert own.name == "SCB"
    assert own.aliases == ["Statistikmyndigheten", "Statistiska centralbyrån", "Statistics Sweden"]
    assert Organisation.objects.count() == SWEDISH


def test_the_seeding_makes_the_cases_of_an_organisation_findable_by_the_names_it_gains(
    make_case,
):
    Organisation.objects.filter(name="Statistiska centralbyrån").delete()
    own = Organisation.objects.create(name="Statistics Sweden", slug="stats", kind=Kind.AGENCY)
    case = make_case(status=Case.Status.PUBLISHED, organisation=own, title="Öppna tabeller")

    def found() -> list[Case]:
        filters = CaseFilters(q="Statistiska centralbyrån", sort="relevance")
        return list(case_search(filters=filters).page.object_list)

    assert case not in found()
    services.organisations_seed_swedish_registry()
    assert case in found()
