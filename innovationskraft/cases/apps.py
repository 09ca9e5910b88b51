from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_vocabularies(sender, **kwargs):
    from innovationskraft.cases.vocabularies import vocabularies_sync

    vocabularies_sync()


class CasesConfig(AppConfig):
    name = "innovationskraft.cases"
    verbose_name = _("Case library")

    def ready(self):
        # Like content types and permissions, the vocabularies are reference data that every
        # database needs, so they follow each migrate (and each test-database flush).
        post_migrate.connect(_sync_vocabularies, sender=self)
