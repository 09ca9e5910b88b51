from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpenDataConfig(AppConfig):
    name = "innovationskraft.opendata"
    verbose_name = _("Open data")

    def ready(self):
        from innovationskraft.cases.sources import source_add
        from innovationskraft.opendata.harvest import dpg

        # The case page names the catalogue a harvested case comes from.
        source_add(code=dpg.SOURCE, name=_("Digital Public Goods registry"))
