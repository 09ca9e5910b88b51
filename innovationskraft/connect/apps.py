from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConnectConfig(AppConfig):
    name = "innovationskraft.connect"
    verbose_name = _("Connect")

    def ready(self):
        from innovationskraft.connect import panels
        from innovationskraft.connect.tasks import contact_messages_expire
        from innovationskraft.core.panels import panel_add
        from innovationskraft.core.schedule import schedule_add

        panel_add(page="case", order=5, render=panels.case_contact)
        panel_add(page="account", order=10, render=panels.account_memberships)
        schedule_add(
            name="contact-messages-expire", task=contact_messages_expire, every=timedelta(hours=1)
        )
