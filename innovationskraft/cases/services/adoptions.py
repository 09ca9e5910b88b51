"""Adoptions: organisation B records that it adopted case A."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from innovationskraft.accounts.types import Actor
from innovationskraft.cases import permissions
from innovationskraft.cases.models import Adoption, Case, Organisation
from innovationskraft.cases.services.common import require, user_or_none
from innovationskraft.cases.signals import CaseEvent, cases_changed

ADOPTIONS_CHANGED = gettext_noop("Adoptions changed")


def _count_changed(case_id: int, actor: Actor, event: CaseEvent | None = None) -> None:
    # What the case says is the same: no version, but the order by adoptions changed.
    cases_changed(
        case_ids=[case_id], actor=actor, action=ADOPTIONS_CHANGED, versioned=False, event=event
    )


@transaction.atomic
def adoption_record(
    *,
    actor: Actor,
    case: Case,
    organisation: Organisation,
    year: int | None = None,
    how: str = Adoption.How.ADAPTED,
    note: str = "",
) -> Adoption:
    if actor is not None:
        require(permissions.can_record_adoption(actor, case, organisation))
    if organisation.pk == case.lead_organisation_id:
        raise ValidationError(_("An organisation cannot adopt its own case."))
    try:
        with transaction.atomic():
            adoption = Adoption.objects.create(
                case=case,
                organisation=organisation,
                year=year,
                how=how,
                note=note,
                recorded_by=user_or_none(actor),
            )
    except IntegrityError:
        raise ValidationError(
            _("%(organisation)s has already recorded that it adopted this case.")
            % {"organisation": organisation.name}
        ) from None
    Case.objects.filter(pk=case.pk).update(adoption_count=F("adoption_count") + 1)
    _count_changed(
        case.pk, actor, CaseEvent(CaseEvent.Kind.ADOPTED, organisation_id=organisation.pk)
    )
    return adoption


@transaction.atomic
def adoption_remove(*, actor: Actor, adoption: Adoption) -> None:
    if actor is not None:
        require(
            permissions.can_review_cases(actor)
            or permissions.can_record_adoption(actor, adoption.case, adoption.organisation)
        )
    Case.objects.filter(pk=adoption.case_id).update(adoption_count=F("adoption_count") - 1)
    adoption.delete()
    _count_changed(adoption.case_id, actor)


@transaction.atomic
def case_recount_adoptions(*, actor: Actor, case: Case) -> None:
    """For writes outside these services (the admin): make the kept count true again."""
    Case.objects.filter(pk=case.pk).update(adoption_count=case.adoptions.count())
    _count_changed(case.pk, actor)
