"""Codes as people write them: the code, or the Swedish or English label, in any case, with or
without accents and punctuation; SDGs by number; start years as dates; organisation types in
everyday words. What matches nothing lists the valid codes and the nearest one."""

import pytest
from django.utils.translation import override

from innovationskraft.cases.models import Case, Organisation
from innovationskraft.opendata.tests.conftest import plan_of
from innovationskraft.opendata.tests.rows import imported, jsonl, only_error, record

pytestmark = pytest.mark.django_db


def case_of(**fields) -> Case:
    imported(jsonl(record(**fields)))
    return Case.objects.get()


@pytest.mark.parametrize(
    "written", ["pilot", "PILOT", " Pilot. ", "Utveckling eller pilot", "development or pilot"]
)
def test_a_stage_is_read_from_its_code_or_either_label(eskilstuna, written):
    assert case_of(stage=written).stage == Case.Stage.PILOT


def test_a_label_is_read_without_its_accents(eskilstuna):
    assert case_of(stage="Ide").stage == Case.Stage.IDEA


def test_a_facet_and_a_language_are_read_from_their_labels(eskilstuna):
    case = case_of(facet="Mission-oriented", language="Engelska")
    assert (case.facet, case.language) == (Case.Facet.MISSION, Case.Language.ENGLISH)


def test_vocabulary_terms_are_read_from_codes_and_labels_in_both_languages(eskilstuna):
    case = case_of(
        sector="ÄLDREOMSORG",
        innovation_types=["Service innovation", "processinnovation"],
        target_groups=["barn och unga"],
        effects=["Higher quality"],
    )
    assert case.sector.code == "elderly_care"
    assert sorted(t.code for t in case.innovation_types.all()) == ["process", "service"]
    assert [t.code for t in case.target_groups.all()] == ["children_youth"]
    assert [t.code for t in case.effects.all()] == ["quality"]


def test_barriers_and_enablers_are_read_from_their_labels(eskilstuna, term):
    barrier, enabler = term("barrier", "legal_uncertainty"), term("enabler", "co_creation")
    case = case_of(barriers=[barrier.label_en.upper()], enablers=[f"  {enabler.label_sv}!"])
    assert [t.code for t in case.barriers.all()] == ["legal_uncertainty"]
    assert [t.code for t in case.enablers.all()] == ["co_creation"]


@pytest.mark.parametrize(
    "written", ["3", "SDG 3", "sdg3", "Goal 3", "Mål 3", "3 God hälsa och välbefinnande"]
)
def test_a_sustainable_development_goal_is_read_from_its_number(eskilstuna, written):
    assert [t.code for t in case_of(sdgs=[written]).sdgs.all()] == ["sdg3"]


def test_a_goal_written_twice_is_linked_once(eskilstuna):
    assert [t.code for t in case_of(sdgs=["3", "SDG 3"]).sdgs.all()] == ["sdg3"]


@pytest.mark.parametrize("written", ["2019", "2019-05", "2019-05-12", "maj 2019", "May 2019"])
def test_a_start_year_is_read_from_a_date(eskilstuna, written):
    assert case_of(start_year=written).start_year == 2019


def test_a_start_year_that_is_no_date_is_an_error(eskilstuna):
    assert only_error(jsonl(record(start_year="snart"))).field == "start_year"


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("myndighet", "agency"),
        ("Government agency", "agency"),
        ("kommun", "municipality"),
        ("Företag", "company"),
        ("ideell", "non_profit"),
        ("NGO", "non_profit"),
        ("lärosäte", "university"),
        ("Universitet", "university"),
        ("other", "other"),
    ],
)
def test_an_organisation_type_is_read_from_everyday_words(db, written, kind):
    case_of(
        lead_organisation="ny-organisation",
        lead_organisation_name="Ny organisation",
        lead_organisation_type=written,
    )
    assert Organisation.objects.get(slug="ny-organisation").kind == kind


def test_an_unknown_stage_lists_the_valid_codes_and_the_nearest_in_english(eskilstuna):
    with override("en"):
        error = only_error(jsonl(record(stage="pilotfas")))
    assert (error.field, error.code) == ("stage", "invalid_choice")
    assert error.message == (
        'Unknown stage "pilotfas". Valid: idea, pilot, implemented, spread, ended. '
        'Did you mean "pilot"?'
    )


def test_an_unknown_stage_is_explained_in_swedish(eskilstuna):
    with override("sv"):
        error = only_error(jsonl(record(stage="pilotfas")))
    assert error.message.startswith('Okänt värde för skede: "pilotfas". Giltiga: idea, pilot,')
    assert error.message.endswith('Menade du "pilot"?')


def test_each_unknown_term_is_an_error_of_its_own_with_the_nearest_code(eskilstuna):
    plan = plan_of(jsonl(record(effects=["qualty", "nothing like it at all"])))
    first, second = plan.errors
    assert (first.field, first.code, first.value) == ("effects", "unknown_code", "qualty")
    assert 'Menade du "quality"?' in first.message
    assert "Menade du" not in second.message
    assert "user_satisfaction" in second.message


def test_an_unknown_organisation_type_lists_the_types_and_the_nearest(db):
    error = only_error(
        jsonl(
            record(
                lead_organisation="ny",
                lead_organisation_name="Ny",
                lead_organisation_type="municipalty",
            )
        )
    )
    assert (error.field, error.code) == ("lead_organisation_type", "invalid_choice")
    assert "other" in error.message
    assert 'Menade du "municipality"?' in error.message
