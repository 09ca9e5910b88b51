from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from innovationskraft.core.demo import register_demo_loader


def _load_demo() -> list[str]:
    from innovationskraft.workshops.demo import demo_workshop_load

    return ["A published demo workshop."] if demo_workshop_load() else []


class WorkshopsConfig(AppConfig):
    name = "innovationskraft.workshops"
    verbose_name = _("Workshops")

    def ready(self):
        # After the cases: the demo workshop names the demo cases and their organisations.
        register_demo_loader(20, _load_demo)
        from innovationskraft.core.panels import panel_add
        from innovationskraft.core.personal_data import personal_data_add
        from innovationskraft.core.schedule import schedule_add
        from innovationskraft.core.term_counts import term_source_add
        from innovationskraft.workshops import panels, term_counts
        from innovationskraft.workshops.personal_data import workshops_personal_data
        from innovationskraft.workshops.tasks import workshop_participants_forget

        panel_add(page="case", order=20, render=panels.case_reports)
        term_source_add(term_counts.SOURCE)
        personal_data_add(app="workshops", export=workshops_personal_data)
        schedule_add(
            name="workshop-participants-forget",
            task=workshop_participants_forget,
            every=timedelta(hours=1),
        )
