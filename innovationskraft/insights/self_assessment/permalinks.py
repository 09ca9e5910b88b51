"""A result's permanent address: the answers and the chosen type of organisation, signed so
that an address cannot be made up, and nothing about the person who answered."""

from django.core import signing
from django.http import Http404

from innovationskraft.cases.models import Organisation
from innovationskraft.insights.self_assessment.profiles import Answers
from innovationskraft.insights.self_assessment.statements import HIGHEST, LOWEST, STATEMENT_CODES

SALT = "insights.self-assessment.result"


def result_token(*, answers: Answers, kind: str = "") -> str:
    return signing.dumps({"a": dict(answers), "k": kind}, salt=SALT, compress=True)


def result_from_token(token: str) -> tuple[dict[str, int], str]:
    """The answers and the type of organisation, or 404 for an address nobody was given."""
    try:
        payload = signing.loads(token, salt=SALT)
        answers = {
            code: value
            for code, value in payload["a"].items()
            if code in STATEMENT_CODES and isinstance(value, int) and LOWEST <= value <= HIGHEST
        }
        kind = payload.get("k") or ""
    except (signing.BadSignature, KeyError, AttributeError, TypeError):
        raise Http404 from None
    if not answers:
        raise Http404
    return answers, kind if kind in Organisation.Kind.values else ""
