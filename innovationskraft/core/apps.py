from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "innovationskraft.core"
    verbose_name = _("Core")

    def ready(self):
        from innovationskraft.core import checks  # noqa: F401 - registers the checks
        from innovationskraft.core.audit import audit_entries_export
        from innovationskraft.core.personal_data import personal_data_add
        from innovationskraft.core.schedule import schedule_add
        from innovationskraft.core.tasks import mail_outbox_flush

        # Her entries stay when her account goes (the log is kept): only her link to them ends.
        personal_data_add(app="core", export=audit_entries_export)
        schedule_add(name="mail-outbox", task=mail_outbox_flush, every=timedelta(minutes=1))
