from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from innovationskraft.core.demo import register_demo_loader


def _sync_vocabularies(sender, **kwargs):
    from innovationskraft.cases.vocabularies import vocabularies_sync

    vocabularies_sync()


def _load_demo() -> list[str]:
    from innovationskraft.cases.demo import demo_load

    result = demo_load()
    return [f"{result['organisations']} organisations, {result['cases_created']} new demo cases."]


def _library_in_use() -> bool:
    from innovationskraft.cases.models import Case

    return Case.objects.exists()


def _load_demo_accounts() -> list[str]:
    from innovationskraft.cases.demo import DEMO_PASSWORD, demo_users_load

    return [f"Demo account: {email} / {DEMO_PASSWORD}" for email in demo_users_load()]


class CasesConfig(AppConfig):
    name = "innovationskraft.cases"
    verbose_name = _("Case library")

    def ready(self):
        # Like content types and permissions, the vocabularies are reference data that every
        # database needs, so they follow each migrate (and each test-database flush).
        post_migrate.connect(_sync_vocabularies, sender=self)
        register_demo_loader(10, _load_demo, in_use=_library_in_use, accounts=_load_demo_accounts)
        from innovationskraft.cases import receivers  # noqa: F401
        from innovationskraft.cases.personal_data import cases_personal_data
        from innovationskraft.core.personal_data import personal_data_add

        personal_data_add(app="cases", export=cases_personal_data)
