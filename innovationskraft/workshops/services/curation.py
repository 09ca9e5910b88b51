"""From a contribution in the room to a case in the library."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from innovationskraft.accounts.types import Actor
from innovationskraft.cases import services as case_services
from innovationskraft.cases.contract import CaseInput
from innovationskraft.cases.models import Case, Organisation
from innovationskraft.workshops.models import Contribution, Prompt
from innovationskraft.workshops.services.common import board_changed, require_facilitator


def _title_of(text: str) -> str:
    first = text.split(". ")[0].strip().rstrip(".")
    return (first if len(first) <= 120 else first[:117].rstrip() + "…") or text[:120]


@transaction.atomic
def contribution_to_case(
    *, actor: Actor, contribution: Contribution, organisation: Organisation, title: str = ""
) -> Case:
    """A draft case for the facilitator's organisation, prefilled from the example."""
    workshop = contribution.workshop
    require_facilitator(actor, workshop)
    if contribution.prompt.kind != Prompt.Kind.EXAMPLE:
        raise ValidationError(_("Only examples of innovations become cases."))
    if contribution.case_id:
        raise ValidationError(_("This example is already linked to a case."))
    terms = list(contribution.terms.all())
    case = case_services.case_create(
        actor=actor,
        lead_organisation=organisation,
        data=CaseInput(
            title=(title or _title_of(contribution.text))[:200],
            summary=contribution.text,
            description=_("Named at the workshop “%(workshop)s” on %(date)s.")
            % {"workshop": workshop.title, "date": workshop.date.isoformat()},
            stage=Case.Stage.IDEA,
            language=workshop.language,
            barriers=[t for t in terms if t.vocabulary == "barrier"],
            enablers=[t for t in terms if t.vocabulary == "enabler"],
        ),
    )
    contribution.case = case
    contribution.save(update_fields=["case", "updated_at"])
    board_changed(workshop)
    return case


@transaction.atomic
def contribution_link_case(
    *, actor: Actor, contribution: Contribution, case: Case | None
) -> Contribution:
    """Link the example to a case already in the library (or unlink it with None)."""
    require_facilitator(actor, contribution.workshop)
    if case is not None and not case.is_public:
        raise ValidationError(_("Link to a published case."))
    contribution.case = case
    contribution.save(update_fields=["case", "updated_at"])
    board_changed(contribution.workshop)
    return contribution
