"""Keeps the cached resource lists current (resources.py)."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from innovationskraft.insights.models import Resource
from innovationskraft.insights.resources import resources_changed


@receiver(post_save, sender=Resource)
@receiver(post_delete, sender=Resource)
@receiver(m2m_changed, sender=Resource.barriers.through)
@receiver(m2m_changed, sender=Resource.enablers.through)
def _resource_changed(**kwargs) -> None:
    resources_changed()
