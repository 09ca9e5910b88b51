import pytest
from django.utils import translation

from innovationskraft.cases.models import Case
from innovationskraft.search.similarity import (
    organisations_working_on,
    possible_duplicates,
    similar_cases,
)

pytestmark = pytest.mark.django_db
PUBLISHED = Case.Status.PUBLISHED


@pytest.fixture
def home_care(make_case, vasteras, region_skane, term):
    health = term("sector", "health")
    elderly = term("target_group", "older_people")
    procurement = term("barrier", "procurement")
    own = make_case(
        title="Avancerad hemsjukvård för äldre",
        summary="Läkare och sjuksköterskor vårdar svårt sjuka äldre i hemmet.",
        sector=health,
        target_groups=[elderly],
        barriers=[procurement],
        status=PUBLISHED,
    )
    make_case(
        title="Hemsjukvård med digitala besök",
        summary="Sjuksköterskor gör en del av besöken i hemmet via video.",
        sector=health,
        target_groups=[elderly],
        barriers=[procurement],
        organisation=vasteras,
        status=PUBLISHED,
    )
    make_case(
        title="Mobil hemsjukvård på landsbygden",
        summary="Ett team åker ut till äldre i glesbygd.",
        sector=health,
        organisation=region_skane,
        status=PUBLISHED,
    )
    make_case(
        title="Hemsjukvård i utkastform",
        summary="Ett utkast om hemsjukvård för äldre.",
        organisation=vasteras,
    )
    make_case(
        title="Skolskjuts på beställning",
        summary="Bussen går när barnen behöver.",
        status=PUBLISHED,
    )
    return own


def test_similar_cases_are_published_others_with_the_reason(home_care):
    with translation.override("en"):
        similar = similar_cases(case=home_care)
    titles = [s.case.title for s in similar]
    assert titles == ["Hemsjukvård med digitala besök", "Mobil hemsjukvård på landsbygden"]
    reasons = similar[0].reasons
    assert "also about hemsjukvård" in reasons
    assert "also in health care" in reasons
    assert "also for older people" in reasons
    assert "also met: procurement difficulties" in reasons


def test_who_else_names_the_other_organisations_with_related_cases(home_care):
    names = [organisation.name for organisation, _n in organisations_working_on(case=home_care)]
    assert sorted(names) == ["Region Skåne", "Västerås stad"]
    assert "Eskilstuna kommun" not in names


def test_a_nearly_identical_title_is_a_possible_duplicate(home_care):
    found = possible_duplicates(title="Avancerad hemsjukvård för äldre personer")
    assert [case.title for case in found] == ["Avancerad hemsjukvård för äldre"]


def test_a_matching_summary_strengthens_a_partial_title_match(home_care):
    summary = "Sjuksköterskor gör besöken i hemmet via video."
    found = possible_duplicates(title="Digitala hembesök", summary=summary)
    assert [case.title for case in found] == ["Hemsjukvård med digitala besök"]


def test_an_unrelated_title_and_an_empty_one_warn_of_nothing(home_care):
    assert possible_duplicates(title="Simskola för nyanlända") == []
    assert possible_duplicates(title="") == []
    assert possible_duplicates(title="och") == []


def test_a_case_being_edited_is_not_its_own_duplicate(home_care):
    found = possible_duplicates(title=home_care.title, exclude_slug=home_care.slug)
    assert home_care not in found
