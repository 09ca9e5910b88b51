"""Tags keep the case they were written in, and tags and partners the order they were given
in: in the exports, the API and on the case page."""

import json

import pytest
from django.urls import reverse

from innovationskraft.cases import services
from innovationskraft.cases.models import Case, Organisation, Tag
from innovationskraft.cases.relations import partners_in_order, tags_in_order
from innovationskraft.cases.tests.conftest import case_input
from innovationskraft.opendata.tests.conftest import exported
from innovationskraft.opendata.tests.rows import imported, jsonl, record

pytestmark = pytest.mark.django_db


@pytest.fixture
def partners(db):
    """Three organisations whose order by name is not the order a file gives."""
    return [
        Organisation.objects.create(name=name, slug=slug, kind=Organisation.Kind.COMPANY)
        for name, slug in [("Östra bolaget", "ostra"), ("Alfa AB", "alfa"), ("Mitt AB", "mitt")]
    ]


def test_imported_tags_keep_their_case_and_order(eskilstuna):
    imported(jsonl(record(tags=["Öppna data", "AI", "cirkulär ekonomi", "ai"])))
    case = Case.objects.get()
    assert [tag.name for tag in tags_in_order(case)] == ["Öppna data", "AI", "cirkulär ekonomi"]


def test_a_tag_the_library_has_in_another_case_keeps_its_first_spelling(eskilstuna):
    Tag.objects.create(name="Återbruk")
    imported(jsonl(record(tags=["återbruk", "ÅTERBRUK"])))
    assert [tag.name for tag in tags_in_order(Case.objects.get())] == ["Återbruk"]
    assert Tag.objects.count() == 1


def test_imported_partners_keep_their_order_new_and_existing_alike(eskilstuna, partners):
    text = jsonl(
        record(
            partners=["ostra", "ny-partner", "alfa", "mitt"],
            partners_names=["", "Ny partner", "", ""],
            partners_types=["", "company", "", ""],
        )
    )
    imported(text)
    slugs = [o.slug for o in partners_in_order(Case.objects.get())]
    assert slugs == ["ostra", "ny-partner", "alfa", "mitt"]


def test_the_exports_give_tags_and_partners_in_their_order(eskilstuna, partners):
    imported(jsonl(record(tags=["Zebra", "Apa"], partners=["ostra", "alfa", "mitt"])))
    [line] = exported("jsonl").splitlines()
    row = json.loads(line)
    assert row["tags"] == ["Zebra", "Apa"]
    assert row["partners"] == ["ostra", "alfa", "mitt"]
    assert row["partners_names"] == ["Östra bolaget", "Alfa AB", "Mitt AB"]
    csv_row = exported("csv").splitlines()[1]
    assert "Zebra|Apa" in csv_row
    assert "ostra|alfa|mitt" in csv_row


def test_the_api_gives_tags_and_partners_in_their_order(client, eskilstuna, partners):
    imported(jsonl(record(tags=["Zebra", "Apa"], partners=["mitt", "ostra", "alfa"])))
    response = client.get("/api/v1/cases/opsi-1")
    assert response.status_code == 200
    assert response.json()["tags"] == ["Zebra", "Apa"]
    assert response.json()["partners"] == ["mitt", "ostra", "alfa"]


def test_the_case_page_shows_tags_and_partners_in_their_order(client, eskilstuna, partners):
    imported(jsonl(record(tags=["Zebra", "Apa"], partners=["mitt", "ostra", "alfa"])))
    page = client.get(Case.objects.get().get_absolute_url()).content.decode()
    assert page.index("Mitt AB") < page.index("Östra bolaget") < page.index("Alfa AB")
    assert page.index(">Zebra<") < page.index(">Apa<")


def test_a_write_through_the_services_keeps_the_order_and_case_given(eskilstuna, partners):
    data = case_input(partners=partners[::-1], tags=["Zebra", "apa", "APA"])
    case = services.case_create(actor=None, lead_organisation=eskilstuna, data=data)
    assert partners_in_order(case) == partners[::-1]
    assert [tag.name for tag in tags_in_order(case)] == ["Zebra", "apa"]


def test_the_edit_form_lists_the_tags_in_their_order(client, editor, eskilstuna):
    data = case_input(tags=["Zebra", "Apa"])
    case = services.case_create(actor=editor, lead_organisation=eskilstuna, data=data)
    client.force_login(editor)
    page = client.get(reverse("cases:edit", args=[case.slug])).content.decode()
    assert 'value="Zebra, Apa"' in page
