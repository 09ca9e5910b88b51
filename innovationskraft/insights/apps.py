from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from innovationskraft.core.demo import register_demo_loader


def _load_demo() -> list[str]:
    from innovationskraft.insights.demo import demo_resources_load

    added = demo_resources_load()
    return [f"{added} demo resources."] if added else []


class InsightsConfig(AppConfig):
    name = "innovationskraft.insights"
    verbose_name = _("Insights")

    def ready(self):
        # After the cases, whose vocabularies the resources name.
        register_demo_loader(30, _load_demo)
        from innovationskraft.core.panels import panel_add
        from innovationskraft.core.personal_data import personal_data_add
        from innovationskraft.insights import panels, receivers  # noqa: F401 - listens
        from innovationskraft.insights.personal_data import insights_personal_data

        panel_add(page="case", order=12, render=panels.case_adoption_map)
        panel_add(page="case", order=15, render=panels.case_resources)
        panel_add(page="term", order=20, render=panels.term_resources)
        panel_add(page="term", order=15, render=panels.term_insights)
        panel_add(page="organisation", order=15, render=panels.organisation_insights)
        personal_data_add(app="insights", export=insights_personal_data)
