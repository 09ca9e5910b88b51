"""Start-up checks: a misspelt proxy address should stop `migrate` and `runserver`, not turn
each request into a server error."""

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
