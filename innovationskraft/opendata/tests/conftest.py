import io

import pytest

from innovationskraft.cases.selectors import published_cases
from innovationskraft.cases.tests.conftest import (  # noqa: F401 - fixtures shared with cases
    editor,
    eskilstuna,
    make_case,
    moderator,
    outsider,
    term,
    vasteras,
)
from innovationskraft.opendata.exports import EXPORTS
from innovationskraft.opendata.importing import import_plan

BASE_URL = "https://innovationskraft.example"


def exported(extension: str, cases=None) -> str:
    cases = published_cases() if cases is None else cases
    return "".join(EXPORTS[extension].lines(cases, base_url=BASE_URL))


def plan_of(text: str, file_format: str = "jsonl"):
    return import_plan(io.BytesIO(text.encode("utf-8")), file_format=file_format)


@pytest.fixture
def published(make_case, term):  # noqa: F811 - fixtures as parameters
    """A published case with something in every kind of field."""
    return make_case(
        status="published",
        title="Återbruksgalleria",
        description="Allt som säljs är **återbrukat**.",
        start_year=2015,
        sector=term("sector", "environment"),
        facet="mission",
        barriers=[term("barrier", "legal_uncertainty")],
        enablers=[term("enabler", "co_creation")],
        tags=["återbruk", "cirkulär ekonomi"],
        links=[("Galleria | webbplats", "https://retuna.example/")],
        contact_name="Karin Kontakt",
        contact_email="karin@eskilstuna.example",
    )
