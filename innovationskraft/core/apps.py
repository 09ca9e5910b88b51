from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "innovationskraft.core"
    verbose_name = _("Core")

    def ready(self):
        from innovationskraft.core import checks  # noqa: F401 - registers the checks
        from innovationskraft.core.schedule import schedule_add
        from innovationskraft.core.tasks import mail_outbox_flush

        schedule_add(name="mail-outbox", task=mail_outbox_flush, every=timedelta(minutes=1))
