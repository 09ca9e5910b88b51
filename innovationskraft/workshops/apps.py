from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "innovationskraft.workshops"
    verbose_name = _("Workshops")
