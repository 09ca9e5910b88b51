"""Harvesting the Digital Public Goods registry (`manage.py harvest_dpg FILE`): each product a
published English case with its provenance, through the import; a second harvest updates."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import dateformat, timezone, translation
from django.utils.text import slugify

from innovationskraft.cases import contract
from innovationskraft.cases.contract import CaseInput
from innovationskraft.cases.forms import CaseForm
from innovationskraft.cases.models import Case, Organisation
from innovationskraft.opendata.columns import COLUMNS
from innovationskraft.opendata.harvest.services import registry_harvested
from innovationskraft.opendata.services import cases_import
from innovationskraft.opendata.tests.conftest import exported, plan_of

pytestmark = pytest.mark.django_db

REGISTRY = Path(__file__).parent / "data" / "dpg-registry.jsonl"
# Archived records of products whose current record is in nominees/ (geoprism-registry,
# growstuff, oer-commons, open-concept-lab, opentelerehab).
SUPERSEDED_LINES = [394, 402, 488, 498, 552]


def entry(**fields) -> dict:
    """A registry record as the registry writes it."""
    return {
        "registry_folder": "nominees",
        "file": "open-clinic.json",
        "name": "Open Clinic",
        "description": "Patient records for small clinics. It works offline.",
        "website": "https://openclinic.example/",
        "license": [{"spdx": "MIT", "licenseURL": "https://code.example/open-clinic/LICENSE"}],
        "SDGs": [{"SDGNumber": 3, "evidenceText": "Health for all."}],
        "sectors": ["Health"],
        "type": ["software"],
        "repositories": [{"name": "main", "url": "https://code.example/open-clinic"}],
        "organizations": [
            {"name": "Open Clinic Foundation", "website": "https://oc.example", "org_type": "owner"}
        ],
        "stage": "nominee",
    } | fields


def write(path: Path, *entries: dict) -> Path:
    path.write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    return path


def harvest(tmp_path: Path, *entries: dict):
    return registry_harvested(path=write(tmp_path / "registry.jsonl", *entries))


@pytest.fixture
def registry():
    """The report of harvesting the whole fixture."""
    return registry_harvested(path=REGISTRY)


def test_every_product_of_the_registry_becomes_a_published_english_case(registry):
    assert registry.total == 755
    assert [r.line for r in registry.refused] == SUPERSEDED_LINES
    assert (registry.created, registry.updated) == (750, 0)
    assert Case.objects.count() == 750
    assert set(Case.objects.values_list("status", "language", "source").distinct()) == {
        (Case.Status.PUBLISHED, "en", "dpg")
    }


def test_a_harvested_case_has_the_slug_of_its_name_and_the_registry_key(registry):
    for line in REGISTRY.read_text(encoding="utf-8").splitlines()[:300]:
        record = json.loads(line)
        case = Case.objects.get(source_identifier=record["file"].removesuffix(".json"))
        assert case.slug == slugify(record["name"])
        assert case.title == record["name"].strip()
    assert not Case.objects.filter(harvested_at=None).exists()


def test_harvesting_the_registry_again_updates_instead_of_adding(registry, tmp_path):
    lines = REGISTRY.read_text(encoding="utf-8").splitlines(keepends=True)
    first = json.loads(lines[0])
    assert first["file"] == "aajeevika.json"
    lines[0] = json.dumps(first | {"description": "A new description."}) + "\n"
    changed = tmp_path / "changed.jsonl"
    changed.write_text("".join(lines), encoding="utf-8")

    again = registry_harvested(path=changed)

    assert (again.created, again.updated, again.unchanged) == (0, 1, 749)
    assert Case.objects.count() == 755 - len(again.refused)
    case = Case.objects.get(source="dpg", source_identifier="aajeevika")
    assert (case.summary, case.description) == ("A new description.", "")


def test_a_second_harvest_of_an_unchanged_file_writes_nothing(tmp_path):
    path = write(tmp_path / "registry.jsonl", entry(), entry(file="b.json", name="Open B"))
    registry_harvested(path=path)
    before = list(Case.objects.values_list("pk", "updated_at", "revision", "harvested_at"))

    with CaptureQueriesContext(connection) as queries:
        again = registry_harvested(path=path)

    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []
    after = list(Case.objects.values_list("pk", "updated_at", "revision", "harvested_at"))
    assert after == before


def test_the_texts_stage_and_language_are_the_records(tmp_path):
    harvest(tmp_path, entry(), entry(file="b.json", name="Open B", stage="DPG"))

    case = Case.objects.get(source_identifier="open-clinic")
    assert (case.title, case.slug, case.language) == ("Open Clinic", "open-clinic", "en")
    assert case.summary == "Patient records for small clinics. It works offline."
    assert case.description == ""
    assert case.stage == Case.Stage.IMPLEMENTED
    assert Case.objects.get(source_identifier="b").stage == Case.Stage.SPREAD


def test_a_long_description_is_cut_at_a_sentence_end_for_the_summary_and_kept_whole(tmp_path):
    sentence = "Farmers share prices by text message across the whole district. "
    description = sentence * 12 + "The end"
    harvest(tmp_path, entry(description=description))

    case = Case.objects.get()
    assert len(case.summary) <= 600
    assert case.summary == (sentence * 9).strip() + " …"
    assert case.description == description


def test_sdgs_become_the_goals_of_the_vocabulary_however_the_record_writes_them(tmp_path):
    sdgs = [{"SDGNumber": 3}, {"SDGNumber": "16"}, [4, "Quality Education"], {"SDGNumber": 99}]
    report = harvest(tmp_path, entry(SDGs=sdgs))

    assert [t.code for t in Case.objects.get().sdgs.order_by("position")] == [
        "sdg3",
        "sdg4",
        "sdg16",
    ]
    assert [n.message for n in report.notes] == ["Inte ett av de 17 målen, utelämnat: 99"]


def test_the_owner_leads_and_the_others_are_partners_in_the_records_order(tmp_path):
    organisations = [
        {"name": "Ministry of Health, Ghana", "org_type": "funder"},
        {"name": "Open Clinic Foundation", "org_type": "owner"},
        {"name": "Clinic Tech Ltd", "org_type": "maintainer"},
        {"name": "Another Owner", "org_type": "owner"},
    ]
    harvest(tmp_path, entry(organizations=organisations))

    case = Case.objects.get()
    assert case.lead_organisation.name == "Open Clinic Foundation"
    partners = Case.partners.through.objects.filter(case=case).order_by("pk")
    assert [p.organisation.name for p in partners] == [
        "Ministry of Health, Ghana",
        "Clinic Tech Ltd",
        "Another Owner",
    ]


def test_without_an_owner_the_maintainer_leads_and_a_funder_never_does(tmp_path):
    maintained = [
        {"name": "UNICEF Ventures Fund", "org_type": "funder"},
        {"name": "Clinic Tech Ltd", "org_type": "maintainer"},
    ]
    funded = [{"name": "UNICEF Ventures Fund", "org_type": "funder"}]
    harvest(
        tmp_path,
        entry(organizations=maintained),
        entry(file="b.json", name="Open B", organizations=funded),
        entry(file="c.json", name="Open C", organizations=[]),
    )

    assert Case.objects.get(source_identifier="open-clinic").lead_organisation.name == (
        "Clinic Tech Ltd"
    )
    funded_case = Case.objects.get(source_identifier="b")
    assert funded_case.lead_organisation.name == "Open B"
    assert [o.name for o in funded_case.partners.all()] == ["UNICEF Ventures Fund"]
    assert Case.objects.get(source_identifier="c").lead_organisation.name == "Open C"


def test_organisations_get_the_type_their_name_makes_evident_and_no_country(tmp_path):
    organisations = [
        {"name": "University of Oslo", "org_type": "owner"},
        {"name": "UNICEF", "org_type": "funder"},
        {"name": "Clinic Tech Ltd", "org_type": "maintainer"},
        {"name": "Brenda Wallace (person)", "org_type": "maintainer"},
    ]
    report = harvest(tmp_path, entry(organizations=organisations))

    assert report.organisations_created == 4
    created = Organisation.objects.filter(led_cases__isnull=False) | Organisation.objects.filter(
        partner_cases__isnull=False
    )
    assert dict(created.values_list("name", "kind")) == {
        "University of Oslo": Organisation.Kind.UNIVERSITY,
        "UNICEF": Organisation.Kind.INTERNATIONAL,
        "Clinic Tech Ltd": Organisation.Kind.COMPANY,
        "Brenda Wallace (person)": Organisation.Kind.OTHER,
    }
    assert set(created.values_list("country", flat=True)) == {""}


def test_an_organisation_named_by_many_records_is_one_organisation(tmp_path):
    unicef = [{"name": "UNICEF", "org_type": "owner"}]
    harvest(
        tmp_path,
        entry(organizations=unicef),
        entry(file="b.json", name="Open B", organizations=unicef),
    )

    assert Organisation.objects.get(name="UNICEF").led_cases.count() == 2
    assert not Organisation.objects.filter(name__startswith="UNICEF").exclude(slug="unicef")


def test_the_website_every_repository_and_each_licence_become_links(tmp_path):
    harvest(
        tmp_path,
        entry(
            website="https://openclinic.example/",
            repositories=[
                {"name": "main", "url": "https://code.example/open-clinic"},
                {"name": "Mobile app", "url": "https://code.example/open-clinic-app"},
                {"name": "backend", "url": "backend\uff1ahttps://code.example/backend"},
            ],
            license=[
                {"spdx": "MIT", "licenseURL": "https://code.example/open-clinic/LICENSE"},
                {"spdx": "CC-BY-4.0", "licenseURL": "https://creativecommons.org/by/4.0/"},
            ],
        ),
    )

    assert [(link.title, link.url) for link in Case.objects.get().links.all()] == [
        ("Website", "https://openclinic.example/"),
        ("Source code", "https://code.example/open-clinic"),
        ("Source code: Mobile app", "https://code.example/open-clinic-app"),
        ("Source code: backend", "https://code.example/backend"),
        ("Licence: MIT", "https://code.example/open-clinic/LICENSE"),
        ("Licence: CC-BY-4.0", "https://creativecommons.org/by/4.0/"),
    ]


def test_licences_types_and_sectors_become_tags_as_the_registry_writes_them(tmp_path):
    harvest(
        tmp_path,
        entry(
            license=[{"spdx": "GPL-3.0", "licenseURL": "https://code.example/GPL"}],
            type=["software", "aimodel"],
            sectors=["Health", "Digital/Data/Tech"],
        ),
    )

    assert {t.name for t in Case.objects.get().tags.all()} == {
        "GPL-3.0",
        "software",
        "AI model",
        "Health",
        "Digital/Data/Tech",
    }


def test_a_product_in_two_folders_is_harvested_from_the_current_one(tmp_path):
    report = harvest(
        tmp_path,
        entry(registry_folder="archive", description="The old record."),
        entry(description="The current record."),
    )

    assert Case.objects.get().summary == "The current record."
    [refusal] = report.refused
    assert (refusal.line, refusal.key) == (1, "open-clinic")
    assert "rad 2" in refusal.reasons[0]


def test_a_taken_slug_gets_the_usual_number(tmp_path, make_case):
    make_case(title="Open Clinic")
    harvest(tmp_path, entry())

    assert Case.objects.get(source="dpg").slug == "open-clinic-2"


def test_records_that_cannot_become_cases_are_refused_with_their_reasons(tmp_path):
    path = tmp_path / "registry.jsonl"
    lines = [entry(), entry(file="b.json", name=""), entry(file="c.json", name="C", description="")]
    path.write_text("".join(json.dumps(e) + "\n" for e in lines) + "{not json\n", "utf-8")

    report = registry_harvested(path=path)

    assert report.created == 1
    assert [(r.line, r.key) for r in report.refused] == [(2, "b"), (3, "c"), (4, "")]
    assert report.refused[0].reasons == ["Posten har inget namn."]
    assert report.refused[1].reasons[0].startswith("summary: ")


def test_the_export_carries_the_provenance_and_imports_back_into_the_same_case(tmp_path):
    harvest(tmp_path, entry())
    case = Case.objects.get()
    [record] = [json.loads(line) for line in exported("jsonl").splitlines()]

    assert (record["source"], record["source_identifier"]) == ("dpg", "open-clinic")
    assert record["harvested_at"] == case.harvested_at.isoformat()
    assert "source,source_identifier,harvested_at" in exported("csv").splitlines()[0]
    result = cases_import(actor=None, plan=plan_of(json.dumps(record | {"identifier": ""})))
    assert (result.created, result.updated) == (0, 1)


def test_another_librarys_record_of_a_harvested_product_updates_the_case_here(tmp_path):
    harvest(tmp_path, entry())
    case = Case.objects.get()
    [record] = [json.loads(line) for line in exported("jsonl").splitlines()]

    plan = plan_of(json.dumps(record | {"identifier": "elsewhere-1", "title": "Open Clinic 2"}))
    result = cases_import(actor=None, plan=plan)

    assert (result.created, result.updated) == (0, 1)
    assert Case.objects.get().identifier == case.identifier
    assert Case.objects.get().title == "Open Clinic 2"


def test_an_import_refuses_a_source_key_another_case_has_or_a_file_repeats(tmp_path, make_case):
    harvest(tmp_path, entry())
    other = make_case(title="Another", status=Case.Status.PUBLISHED)
    [record, *_] = [json.loads(line) for line in exported("jsonl").splitlines()]
    provenance = {"source": "dpg", "source_identifier": "elsewhere"}
    theirs = record | {"identifier": other.identifier, "source_identifier": "open-clinic"}

    plan = plan_of(
        "".join(
            json.dumps(r) + "\n"
            for r in [theirs, record | provenance, record | provenance | {"identifier": "x"}]
        )
    )

    assert [(e.row, e.field, e.code) for e in plan.errors] == [
        (1, "source_identifier", "taken"),
        (3, "source_identifier", "duplicate"),
    ]


def test_only_an_import_writes_the_provenance_and_every_export_carries_it():
    provenance = {"source", "source_identifier", "harvested_at"}

    assert set(contract.IMPORT_ONLY) == provenance
    assert not provenance & set(CaseInput.__dataclass_fields__)
    assert not provenance & set(CaseForm.base_fields)
    assert provenance <= set(COLUMNS)


def test_the_case_page_names_the_source_and_the_harvest_date(tmp_path, client):
    harvest(tmp_path, entry())
    case = Case.objects.get()

    page = client.get(case.get_absolute_url()).content.decode()

    with translation.override("sv"):
        date = dateformat.format(timezone.localtime(case.harvested_at), "j F Y")
    assert f"Källa: Digital Public Goods-registret (hämtad {date})." in page


def test_the_command_prints_its_report(tmp_path, capsys):
    path = write(tmp_path / "registry.jsonl", entry(), entry(file="b.json", name=""))

    call_command("harvest_dpg", str(path), verbosity=0)

    out = capsys.readouterr().out
    assert "Avvisad, rad 2 (b): Posten har inget namn." in out
    assert "2 poster: 1 skapade, 0 uppdaterade, 0 oförändrade, 1 avvisade" in out
