"""What cases derives from its own changes: the history."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import gettext_noop

from innovationskraft.cases.models import Case
from innovationskraft.cases.signals import case_changed, cases_changed
from innovationskraft.cases.versions import versions_record


@receiver(case_changed, dispatch_uid="cases-history")
def keep_history(
    sender, *, case_ids, actor, action, versioned, snapshot, author=None, **kwargs
) -> None:
    if versioned:
        credited = author or actor
        versions_record(case_ids=case_ids, actor=credited, comment=action, snapshot=snapshot)


@receiver(post_delete, sender=Case, dispatch_uid="cases-deleted")
def case_deleted(sender, instance: Case, **kwargs) -> None:
    # Deletes come from the admin and from cascades, never through a service.
    cases_changed(
        case_ids=[instance.pk], actor=None, action=gettext_noop("Deleted"), versioned=False
    )
