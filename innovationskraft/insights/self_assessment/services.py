"""Saving a self-assessment for an organisation."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from innovationskraft.accounts.models import User
from innovationskraft.accounts.selectors import is_member_of
from innovationskraft.cases.models import Organisation
from innovationskraft.insights.models import Assessment
from innovationskraft.insights.self_assessment.profiles import Answers
from innovationskraft.insights.self_assessment.selectors import assessments_changed
from innovationskraft.insights.self_assessment.statements import HIGHEST, LOWEST, STATEMENTS


def check_answers(answers: Answers) -> dict[str, int]:
    """Every statement answered with a step of the scale, and nothing else."""
    checked = {s.code: answers.get(s.code) for s in STATEMENTS}
    if any(not isinstance(v, int) or not LOWEST <= v <= HIGHEST for v in checked.values()):
        raise ValidationError(_("Every statement needs an answer from 1 to 5."))
    return {code: int(value) for code, value in checked.items() if value is not None}


def assessment_save(*, user: User, organisation: Organisation, answers: Answers) -> Assessment:
    """Only a member may save for her organisation; her earlier answers stay, and the
    latest counts in the team profile."""
    if not (user.is_active and is_member_of(user, organisation.pk)):
        raise PermissionDenied
    checked = check_answers(answers)
    with transaction.atomic():
        assessment = Assessment.objects.create(
            organisation=organisation, user=user, answers=checked
        )
    assessments_changed()
    return assessment
