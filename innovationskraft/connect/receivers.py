"""What connect does when a case changes: tell the people concerned (notifications.py). The
mail is written inside the transaction of the change and sent once it has committed."""

from django.conf import settings
from django.dispatch import receiver
from django.urls import reverse

from innovationskraft.accounts.models import User
from innovationskraft.cases.models import Case, Organisation
from innovationskraft.cases.signals import CaseEvent, case_changed, case_noticed
from innovationskraft.connect.notifications import Kind, notify
from innovationskraft.connect.selectors import moderators

KINDS = {
    CaseEvent.Kind.SUBMITTED: Kind.REVIEW_REQUESTED,
    CaseEvent.Kind.PUBLISHED: Kind.REVIEW_DECIDED,
    CaseEvent.Kind.RETURNED: Kind.REVIEW_DECIDED,
    CaseEvent.Kind.ADOPTED: Kind.ADOPTED,
    CaseEvent.Kind.CHANGE_SUBMITTED: Kind.CHANGE_REVIEW,
    CaseEvent.Kind.CHANGED_LIVE: Kind.CHANGE_REVIEW,
    CaseEvent.Kind.CHANGE_APPROVED: Kind.REVIEW_DECIDED,
    CaseEvent.Kind.CHANGE_RETURNED: Kind.REVIEW_DECIDED,
}
# Told to the moderators; the rest to the people of the case's lead organisation.
FOR_MODERATORS = {
    CaseEvent.Kind.SUBMITTED,
    CaseEvent.Kind.CHANGE_SUBMITTED,
    CaseEvent.Kind.CHANGED_LIVE,
}


def _members_of(organisation_id: int):
    return User.objects.filter(memberships__organisation_id=organisation_id).distinct()


@receiver(case_noticed, dispatch_uid="connect-notices")
@receiver(case_changed, dispatch_uid="connect-notifications")
def notify_of_case_events(sender, *, case_ids, actor=None, event=None, **kwargs) -> None:
    if event is None:
        return
    for case in Case.objects.filter(pk__in=case_ids).select_related("lead_organisation"):
        if event.kind in FOR_MODERATORS:
            recipients = moderators()
        else:
            recipients = _members_of(case.lead_organisation_id)
        if actor is not None and getattr(actor, "pk", None):
            recipients = recipients.exclude(pk=actor.pk)
        context = {
            "case": case,
            "event": event,
            "case_url": f"{settings.SITE_URL}{case.get_absolute_url()}",
            "review_url": settings.SITE_URL + reverse("cases:change_review", args=[case.slug]),
            "adopter": (
                Organisation.objects.filter(pk=event.organisation_id).first()
                if event.organisation_id
                else None
            ),
        }
        template = "connect/mail/case_event"
        notify(recipients, kind=KINDS[event.kind], template=template, context=context)
        if event.kind == CaseEvent.Kind.PUBLISHED:
            _notify_inspirations(case)


def _notify_inspirations(case: Case) -> None:
    """A case made public that names others as its inspiration tells their organisations."""
    for inspiration in case.inspired_by.select_related("lead_organisation"):
        if inspiration.lead_organisation_id == case.lead_organisation_id:
            continue
        context = {
            "case": inspiration,
            "event": CaseEvent(CaseEvent.Kind.PUBLISHED),
            "inspired": case,
            "inspired_url": f"{settings.SITE_URL}{case.get_absolute_url()}",
            "case_url": f"{settings.SITE_URL}{inspiration.get_absolute_url()}",
        }
        notify(
            _members_of(inspiration.lead_organisation_id),
            kind=Kind.INSPIRED,
            template="connect/mail/inspiration",
            context=context,
        )
