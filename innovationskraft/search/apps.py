from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "innovationskraft.search"
    verbose_name = _("Search")

    def ready(self):
        from innovationskraft.core.panels import panel_add
        from innovationskraft.search import panels, receivers  # noqa: F401

        panel_add(page="case", order=10, render=panels.case_related)
        panel_add(page="organisation", order=10, render=panels.organisation_cases)
        panel_add(page="term", order=10, render=panels.term_cases)
