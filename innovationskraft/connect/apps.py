from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConnectConfig(AppConfig):
    name = "innovationskraft.connect"
    verbose_name = _("Connect")

    def ready(self):
        from innovationskraft.connect import panels, receivers  # noqa: F401 - listens
        from innovationskraft.connect.personal_data import (
            connect_personal_data,
            connect_personal_data_erase,
        )
        from innovationskraft.connect.tasks import (
            contact_messages_expire,
            daily_digests_send,
            weekly_digests_send,
        )
        from innovationskraft.core.panels import panel_add
        from innovationskraft.core.personal_data import personal_data_add
        from innovationskraft.core.schedule import schedule_add

        panel_add(page="case", order=5, render=panels.case_contact)
        panel_add(page="account", order=10, render=panels.account_memberships)
        panel_add(page="account", order=20, render=panels.account_follows)
        panel_add(page="search", order=10, render=panels.search_follow)
        panel_add(page="organisation", order=5, render=panels.organisation_follow)
        panel_add(page="term", order=5, render=panels.term_follow)
        schedule_add(
            name="contact-messages-expire", task=contact_messages_expire, every=timedelta(hours=1)
        )
        schedule_add(name="digests-daily", task=daily_digests_send, every=timedelta(days=1))
        schedule_add(name="digests-weekly", task=weekly_digests_send, every=timedelta(days=7))
        personal_data_add(
            app="connect", export=connect_personal_data, erase=connect_personal_data_erase
        )
