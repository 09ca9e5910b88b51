import pytest
from django.urls import reverse

from innovationskraft.cases.models import Case

pytestmark = pytest.mark.django_db


def test_the_directory_lists_organisations_with_the_most_innovations_first(
    client, make_case, eskilstuna, vasteras
):
    make_case(status=Case.Status.PUBLISHED, organisation=vasteras, title="Ett")
    make_case(status=Case.Status.PUBLISHED, organisation=vasteras, title="Två")
    make_case(status=Case.Status.DRAFT, organisation=eskilstuna, title="Utkast")
    # Among the municipalities: the national organisations fill the first page otherwise.
    response = client.get(reverse("cases:organisations"), {"kind": "municipality"})
    rows = list(response.context["page"].object_list)
    assert rows[0] == vasteras
    assert rows[0].case_count == 2
    assert next(o for o in rows if o == eskilstuna).case_count == 0  # drafts do not count


def test_the_directory_finds_by_part_of_the_name_and_type(client, eskilstuna, region_skane):
    found = client.get(reverse("cases:organisations"), {"q": "eskil"}).context["page"]
    assert [o.name for o in found.object_list] == [eskilstuna.name]
    regions = client.get(reverse("cases:organisations"), {"kind": "region"}).context["page"]
    assert region_skane in regions.object_list
    assert {o.kind for o in regions.object_list} == {"region"}


def test_an_unknown_type_is_ignored_and_no_match_says_so(client, eskilstuna):
    response = client.get(reverse("cases:organisations"), {"kind": "bogus", "q": "zzz"})
    assert response.status_code == 200
    assert "Ingen organisation matchar" in response.content.decode()


def test_filtered_by_type_the_list_leaves_the_type_column_out(client, eskilstuna):
    every = client.get(reverse("cases:organisations")).content.decode()
    municipalities = client.get(reverse("cases:organisations"), {"kind": "municipality"})
    assert '<th scope="col">Typ</th>' in every
    assert '<th scope="col">Typ</th>' not in municipalities.content.decode()
    assert eskilstuna.name in municipalities.content.decode()
