from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "innovationskraft.api"
    verbose_name = _("API")

    def ready(self) -> None:
        # Registers the {anytext:...} path converter before the URLs are built.
        from innovationskraft.api import converters  # noqa: F401
