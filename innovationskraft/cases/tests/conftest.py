"""Small fixtures for the case library: two municipalities with an editor each, a moderator,
a user without membership, and a factory that makes cases through the services."""

import pytest

from innovationskraft.accounts.models import User
from innovationskraft.accounts.services import membership_grant
from innovationskraft.cases import services
from innovationskraft.cases.contract import CaseInput
from innovationskraft.cases.models import Case, Organisation, Term

PASSWORD = "a-long-test-password"


@pytest.fixture
def eskilstuna():
    return services.organisation_upsert(
        name="Eskilstuna kommun",
        kind=Organisation.Kind.MUNICIPALITY,
        official_code="0484",
        county_code="04",
    )


@pytest.fixture
def vasteras():
    return services.organisation_upsert(
        name="Västerås stad",
        kind=Organisation.Kind.MUNICIPALITY,
        official_code="1980",
        county_code="19",
    )


@pytest.fixture
def region_skane():
    return services.organisation_upsert(
        name="Region Skåne",
        kind=Organisation.Kind.REGION,
        official_code="12",
        county_code="12",
    )


@pytest.fixture
def editor(eskilstuna):
    """An editor of Eskilstuna kommun, the organisation that leads the cases made below."""
    user = User.objects.create_user(email="anna@eskilstuna.example", password=PASSWORD)
    user.first_name, user.last_name = "Anna", "Andersson"
    user.save()
    membership_grant(user=user, organisation=eskilstuna)
    return user


@pytest.fixture
def other_editor(vasteras):
    """An editor of Västerås stad: another organisation than the cases' lead."""
    user = User.objects.create_user(email="bo@vasteras.example", password=PASSWORD)
    membership_grant(user=user, organisation=vasteras)
    return user


@pytest.fixture
def moderator():
    return User.objects.create_user(
        email="mona@moderator.example", password=PASSWORD, site_role=User.SiteRole.MODERATOR
    )


@pytest.fixture
def outsider():
    """Signed in, but a member of no organisation."""
    return User.objects.create_user(email="olle@nowhere.example", password=PASSWORD)


@pytest.fixture
def term():
    def get(vocabulary: str, code: str) -> Term:
        return Term.objects.get(vocabulary=vocabulary, code=code)

    return get


def case_input(**fields) -> CaseInput:
    values = {
        "title": "Återbruksgalleria",
        "summary": "En galleria där allt som säljs är återbrukat.",
        "stage": Case.Stage.IMPLEMENTED,
    }
    return CaseInput(**(values | fields))


@pytest.fixture
def make_case(eskilstuna, moderator):
    """make_case(title=..., status="published", organisation=..., **CaseInput fields)."""

    def make(
        *, organisation: Organisation | None = None, status: str = Case.Status.DRAFT, **fields
    ) -> Case:
        case = services.case_create(
            actor=None, lead_organisation=organisation or eskilstuna, data=case_input(**fields)
        )
        if status == Case.Status.PUBLISHED:
            services.case_publish(actor=None, case=case)
        elif status == Case.Status.IN_REVIEW:
            services.case_submit_for_review(actor=moderator, case=case)
        elif status == Case.Status.ARCHIVED:
            services.case_archive(actor=moderator, case=case)
        case.refresh_from_db()
        return case

    return make
