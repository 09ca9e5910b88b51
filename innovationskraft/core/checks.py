"""Start-up checks: a misspelt proxy address should stop `migrate` and `runserver`, not turn
each request into a server error."""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from innovationskraft.core.clients import trusted_networks


@checks.register(checks.Tags.security)
def trusted_proxies_are_addresses(app_configs, **kwargs) -> list[checks.CheckMessage]:
    try:
        trusted_networks()
    except ImproperlyConfigured as error:
        hint = "Comma-separated addresses or networks, such as 127.0.0.1,10.0.0.0/8."
        return [checks.Error(str(error), hint=hint, id="core.E001")]
    return []


@checks.register(checks.Tags.compatibility)
def site_contact_is_set(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """The accessibility statement must offer a way to report a problem, and the privacy page
    an address for data-subject requests: both come from SITE_CONTACT_EMAIL."""
    if settings.SITE_CONTACT_EMAIL or settings.DEBUG:
        return []
    return [
        checks.Warning(
            "SITE_CONTACT_EMAIL is not set: the accessibility statement and the privacy page "
            "give no address, and reports of accessibility problems cannot be sent.",
            hint="Set SITE_CONTACT_EMAIL (and SITE_OPERATOR_NAME) in the environment.",
            id="core.W001",
        )
    ]
