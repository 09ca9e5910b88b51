"""Property-based fuzzing of every operation from the OpenAPI document (schemathesis): no
answer is a server error, and every answer has a documented status code, content type and
body. In process (WSGI), with an editor's token so the writes run too, a bounded number of
examples per operation and a fixed seed, so a run takes seconds and repeats exactly."""

import datetime

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from innovationskraft.accounts.services import api_token_create, membership_grant
from innovationskraft.cases import services
from innovationskraft.cases.models import Case
from innovationskraft.workshops import services as workshop_services
from innovationskraft.workshops.models import Workshop

# Selectable with -m fuzzing; not excluded anywhere, so `make test` runs it.
pytestmark = [pytest.mark.django_db, pytest.mark.fuzzing]

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXAMPLES = 20
OPERATIONS = [
    ("GET", "/api/v1/cases"),
    ("POST", "/api/v1/cases"),
    ("GET", "/api/v1/cases/{identifier}"),
    ("PUT", "/api/v1/cases/{identifier}"),
    ("PATCH", "/api/v1/cases/{identifier}"),
    ("POST", "/api/v1/cases/{identifier}/adoptions"),
    ("GET", "/api/v1/adoptions"),
    ("GET", "/api/v1/organisations"),
    ("GET", "/api/v1/organisations/{slug}"),
    ("GET", "/api/v1/vocabularies"),
    ("GET", "/api/v1/vocabularies/{vocabulary}"),
    ("GET", "/api/v1/reports"),
    ("GET", "/api/v1/reports/{slug}"),
]
PAGED = [
    ("GET", "/api/v1/cases"),
    ("GET", "/api/v1/adoptions"),
    ("GET", "/api/v1/organisations"),
    ("GET", "/api/v1/reports"),
]
# What the generated values are sometimes replaced with, so that the fuzzer also reaches the
# answers behind a lookup: a real case, organisation, vocabulary and term.
KNOWN = {
    "identifier": "fuzz-case",
    "slug": "eskilstuna-kommun",
    "vocabulary": "barrier",
    "lead_organisation": "eskilstuna-kommun",
    "organisation": "vasteras-stad",
    "sector": "health",
}
KNOWN_REPORT = "fuzz-report"


@pytest.fixture
def library(make_case, vasteras, term, editor, eskilstuna):
    case = make_case(
        title="Fuzzad",
        barriers=[term("barrier", "procurement")],
        contact_email="hemlig@eskilstuna.example",
        status=Case.Status.PUBLISHED,
    )
    Case.objects.filter(pk=case.pk).update(identifier=KNOWN["identifier"])
    other = make_case(title="Annan", status=Case.Status.PUBLISHED)
    services.adoption_record(actor=None, case=other, organisation=vasteras)
    workshop = workshop_services.workshop_create(
        actor=editor, organiser=eskilstuna, title="Fuzz", date=datetime.date(2026, 1, 1)
    )
    workshop_services.workshop_open(actor=editor, workshop=workshop)
    workshop_services.workshop_close(actor=editor, workshop=workshop)
    workshop_services.workshop_publish(actor=editor, workshop=workshop)
    Workshop.objects.filter(pk=workshop.pk).update(slug=KNOWN_REPORT)
    return case


@pytest.fixture
def secret(editor, other_editor, settings):
    settings.API_REQUESTS_PER_MINUTE_ANONYMOUS = 100_000
    settings.API_REQUESTS_PER_MINUTE_TOKEN = 100_000
    settings.ALLOWED_HOSTS = ["localhost", "testserver"]  # schemathesis's WSGI client: localhost
    # An editor of both organisations: she may write the case and record adoptions.
    membership_grant(user=editor, organisation=other_editor.memberships.get().organisation)
    return api_token_create(user=editor, name="Fuzz", scope="write")[1]


@pytest.fixture
def connection_kept_open():
    """As Django's test client does: a plain WSGI request would close the database connection
    when it finishes, and with it (on PostgreSQL) the test's transaction."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def api_schema(library, secret, connection_kept_open):
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


def _known_values(case, data, path: str) -> None:
    known = KNOWN | ({"slug": KNOWN_REPORT} if path.startswith("/api/v1/reports") else {})
    for parameters in (case.path_parameters, case.query, case.body):
        if not isinstance(parameters, dict):
            continue
        for name in parameters.keys() & known.keys():
            if data.draw(st.booleans(), label=f"known {name}"):
                parameters[name] = known[name]


def _cases(operations, modes):
    return [(method, path, mode) for method, path in operations for mode in modes]


# Invalid input needs something typed to break: a body, or a number in the query.
NEGATIVE = [(m, p) for m, p in OPERATIONS if m != "GET" or p in {o for _m, o in PAGED}]


# Run as plain Hypothesis tests, one per operation and mode: schemathesis's own pytest
# integration does not run under pytest 9 (it renames nodes through a private attribute).
@pytest.mark.parametrize(
    ("method", "path", "mode"),
    _cases(OPERATIONS, [GenerationMode.POSITIVE]) + _cases(NEGATIVE, [GenerationMode.NEGATIVE]),
    ids=lambda value: str(getattr(value, "value", value)),
)
def test_every_answer_is_documented_and_none_is_a_server_error(
    api_schema, secret, method, path, mode
):
    strategy = api_schema[path][method].as_strategy(
        generation_mode=mode, headers={"Authorization": f"Bearer {secret}"}
    )

    @given(case=strategy, data=st.data())
    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    def fuzz(case, data):
        _known_values(case, data, path)
        response = case.call_and_validate(checks=CHECKS)
        assert "hemlig@" not in response.text

    fuzz()
