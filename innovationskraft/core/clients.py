"""Who is asking: the client's network address, and a keyed hash of it that can count
requests from one address without keeping the address."""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import salted_hmac

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    try:
        return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)
    except ValueError as error:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES: {error}") from None


def trusted_networks() -> tuple[Network, ...]:
    """TRUSTED_PROXIES as networks; ImproperlyConfigured names an entry that is neither an
    address nor a network."""
    return _networks(tuple(settings.TRUSTED_PROXIES))


def _parsed(text: str) -> Address | None:
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    # A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d; the networks name them as IPv4.
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def client_address(request: HttpRequest) -> str:
    """REMOTE_ADDR, unless it is a trusted proxy: then the right-most address in
    X-Forwarded-For that is not a trusted proxy. Every address left of that one was written by
    the client itself and proves nothing, so the header is read from the right and only as far
    as trusted proxies wrote it."""
    remote = request.META.get("REMOTE_ADDR", "")
    networks = trusted_networks()
    peer = _parsed(remote)
    if peer is None or not any(peer in network for network in networks):
        return remote
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    origin = None
    for hop in reversed(hops):
        address = _parsed(hop)
        if address is None:
            # A proxy we trust writes addresses; anything else is not worth guessing at.
            return remote
        if not any(address in network for network in networks):
            return str(address)
        origin = address
    # Every hop is one of ours (a health check from the proxy network, say).
    return str(origin) if origin is not None else remote


def address_key(address: str) -> str:
    """A keyed hash of a network address that changes each day (UTC): it can count requests
    from one address, and stored values cannot be joined across days or read back without
    the SECRET_KEY. 32 hexadecimal characters, the width of the columns that store it."""
    day = timezone.now().date().isoformat()
    salt = f"innovationskraft.core.clients.address_key:{day}"
    return salted_hmac(salt, address, algorithm="sha256").hexdigest()[:32]
