import pytest
from altcha import Challenge, Payload, solve_challenge
from django.urls import reverse

from innovationskraft.cases.models import Case
from innovationskraft.cases.tests.conftest import (  # noqa: F401 - fixtures shared with cases
    PASSWORD,
    editor,
    eskilstuna,
    make_case,
    moderator,
    other_editor,
    vasteras,
)


def solution(client) -> str:
    """What the form's widget posts: a challenge from the site, solved as a browser would."""
    challenge = Challenge.from_dict(client.get(reverse("connect:bot_challenge")).json())
    solved = solve_challenge(challenge)
    assert solved is not None
    return Payload(challenge, solved).to_base64()


@pytest.fixture
def case(make_case) -> Case:  # noqa: F811 - the fixture imported above
    return make_case(
        title="Digital nattillsyn",
        status=Case.Status.PUBLISHED,
        contact_name="Karin Berg",
        contact_email="karin.berg@eskilstuna.example",
    )


def contact_url(case: Case) -> str:
    return reverse("connect:contact", args=[case.slug])


def message(client, **overrides) -> dict:
    fields = {
        "name": "Per Holm",
        "email": "per.holm@region.example",
        "organisation": "Region Örebro län",
        "message": "Hej! Hur kom ni igång med nattillsynen, och vad kostade den?",
        "website": "",
        "altcha": solution(client),
    }
    return fields | overrides
