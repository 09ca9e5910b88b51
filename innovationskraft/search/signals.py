from django.db.models.signals import post_delete
from django.dispatch import receiver

from innovationskraft.cases.models import Case
from innovationskraft.search.backends import get_backend


@receiver(post_delete, sender=Case, dispatch_uid="search-case-deleted")
def case_deleted(sender, instance: Case, **kwargs) -> None:
    # Deletes happen outside the services (the admin, cascades), so a signal catches them all.
    get_backend().remove([instance.pk])
