"""A partner organisation's answer to a case that names it: a case counts among a partner's
innovations (its page, the library's organisation filter) only once the partner confirms."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from innovationskraft.accounts.selectors import organisation_ids_of
from innovationskraft.accounts.types import Actor
from innovationskraft.cases import permissions
from innovationskraft.cases.contract import CaseInput
from innovationskraft.cases.models import Case, CasePartner
from innovationskraft.cases.services.common import require, user_or_none
from innovationskraft.cases.signals import cases_changed


def partners_to_confirm(writer: Actor, case: Case, data: CaseInput) -> frozenset[int]:
    """The partners a writer names for other organisations, which must confirm. A moderator,
    an import or a system process (writer None) vouches for what it writes: it answers for
    the library, not for one organisation. The lead organisation and the writer's own
    organisations need not confirm their own part."""
    writer = user_or_none(writer)
    if writer is None or writer.is_moderator:
        return frozenset()
    own = organisation_ids_of(writer) | {case.lead_organisation_id}
    return frozenset(o.pk for o in data.partners) - own


def _answerable(actor: Actor, partnership: CasePartner) -> None:
    require(permissions.can_answer_partnership(actor, partnership.organisation))
    if partnership.confirmed:
        raise ValidationError(_("The partnership is already confirmed."))


@transaction.atomic
def partnership_confirm(*, actor: Actor, partnership: CasePartner) -> CasePartner:
    _answerable(actor, partnership)
    partnership.confirmed = True
    partnership.save(update_fields=["confirmed"])
    # What the case says is unchanged (no new version), but the library's lists now count it
    # among the partner's innovations.
    cases_changed(
        case_ids=[partnership.case_id],
        actor=actor,
        action=gettext_noop("Partnership confirmed"),
        versioned=False,
    )
    return partnership


@transaction.atomic
def partnership_decline(*, actor: Actor, partnership: CasePartner) -> None:
    """The organisation did not take part: it is no longer named as a partner."""
    _answerable(actor, partnership)
    partnership.delete()
    # What the case says changed: a form loaded before must not put the partner back.
    Case.objects.filter(pk=partnership.case_id).update(revision=F("revision") + 1)
    cases_changed(
        case_ids=[partnership.case_id], actor=actor, action=gettext_noop("Partnership declined")
    )
