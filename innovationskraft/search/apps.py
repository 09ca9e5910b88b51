from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "innovationskraft.search"
    verbose_name = _("Search")

    def ready(self):
        from innovationskraft.search import signals  # noqa: F401
