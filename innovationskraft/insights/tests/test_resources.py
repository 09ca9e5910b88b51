"""Resources: curated courses, guides and toolkits linked to the barriers they help with,
listed on their own page and beside the cases and terms that name those barriers."""

import pytest
from django.urls import reverse

from innovationskraft.cases.models import Case
from innovationskraft.insights.demo import demo_resources_load
from innovationskraft.insights.models import Resource
from innovationskraft.insights.resources import resource_list

pytestmark = pytest.mark.django_db


@pytest.fixture
def procurement_guide(term):
    resource = Resource.objects.create(
        title="Köp det som inte finns",
        slug="kop-det-som-inte-finns",
        kind=Resource.Kind.GUIDE,
        description="Dialog med marknaden före upphandlingen.",
        url="https://upphandling.example/guide",
        stages=["idea"],
    )
    resource.barriers.set([term("barrier", "procurement")])
    return resource


def test_a_barrier_group_lists_the_resources_of_its_narrower_barriers(procurement_guide, term):
    assert resource_list(term=term("barrier", "silos")) == [procurement_guide]
    assert resource_list(term=term("barrier", "procurement")) == [procurement_guide]
    assert resource_list(term=term("barrier", "governance")) == []


def test_the_list_filters_by_type_and_stage(procurement_guide):
    assert resource_list(kind=Resource.Kind.GUIDE) == [procurement_guide]
    assert resource_list(kind=Resource.Kind.COURSE) == []
    assert resource_list(stage="idea") == [procurement_guide]
    assert resource_list(stage="spread") == []


def test_a_resource_taken_off_the_site_is_not_listed(client, procurement_guide):
    procurement_guide.is_published = False
    procurement_guide.save()
    response = client.get(reverse("insights:resources"))
    assert "Köp det som inte finns" not in response.content.decode()
    assert (
        "Inga resurser matchar" in response.content.decode() or response.context["resources"] == []
    )


def test_the_page_filters_by_the_term_in_the_address(client, procurement_guide):
    response = client.get(reverse("insights:resources"), {"term": "barrier:silos"})
    assert response.context["resources"] == [procurement_guide]
    assert '<option value="barrier:silos" selected>' in response.content.decode()
    response = client.get(reverse("insights:resources"), {"term": "barrier:governance"})
    assert response.context["resources"] == []


def test_a_case_page_shows_what_helped_others_past_its_barriers(
    client,
    make_case,
    term,
    procurement_guide,
):
    case = make_case(
        title="Innovationsupphandling av hemtjänst",
        status=Case.Status.PUBLISHED,
        barriers=[term("barrier", "procurement")],
    )
    html = client.get(case.get_absolute_url()).content.decode()
    assert "Andra kom förbi de här hindren med" in html
    assert 'href="https://upphandling.example/guide"' in html


def test_a_case_without_those_barriers_shows_no_resources(client, make_case, procurement_guide):
    case = make_case(title="Utan hinder", status=Case.Status.PUBLISHED)
    assert "Andra kom förbi" not in client.get(case.get_absolute_url()).content.decode()


def test_a_barrier_page_lists_its_resources(client, procurement_guide, term):
    html = client.get(term("barrier", "procurement").get_absolute_url()).content.decode()
    assert "Köp det som inte finns" in html


def test_the_demo_holds_the_leadership_course_and_loads_once():
    assert demo_resources_load() >= 5
    assert demo_resources_load() == 0
    course = Resource.objects.get(slug="leda-och-organisera-for-transformation")
    assert course.kind == Resource.Kind.COURSE
    assert {t.code for t in course.barriers.all()} >= {"governance", "silos"}


def test_a_changed_resource_is_shown_beside_cases_at_once(
    client, make_case, term, procurement_guide
):
    case = make_case(
        title="Upphandling", status=Case.Status.PUBLISHED, barriers=[term("barrier", "procurement")]
    )
    assert "Köp det som inte finns" in client.get(case.get_absolute_url()).content.decode()
    procurement_guide.title = "Innovationsupphandling steg för steg"
    procurement_guide.save()
    html = client.get(case.get_absolute_url()).content.decode()
    assert "Innovationsupphandling steg för steg" in html
    procurement_guide.barriers.clear()
    assert "Andra kom förbi" not in client.get(case.get_absolute_url()).content.decode()


def test_moderators_curate_the_resources_in_the_admin_and_see_nothing_else_there(
    client, moderator, outsider
):
    client.force_login(moderator)
    index = client.get("/admin/")
    assert index.status_code == 200
    assert "/admin/insights/resource/" in index.content.decode()
    assert "/admin/accounts/user/" not in index.content.decode()
    assert client.get("/admin/insights/resource/add/").status_code == 200
    assert client.get("/admin/accounts/user/").status_code == 403
    assert client.get("/admin/cases/case/").status_code == 403
    assert client.get("/admin/cases/case/import/").status_code == 403

    client.force_login(outsider)
    assert client.get("/admin/insights/resource/").status_code == 302  # to the admin sign-in
