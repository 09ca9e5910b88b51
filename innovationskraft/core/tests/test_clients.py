"""Client addresses behind proxies, and the one keyed hash of them."""

import datetime
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from innovationskraft.core.checks import trusted_proxies_are_addresses
from innovationskraft.core.clients import address_key, client_address


def request_from(remote: str, forwarded: str | None = None):
    headers: dict[str, Any] = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_without_trusted_proxies_a_spoofed_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert client_address(request_from("198.51.100.7", "203.0.113.1")) == "198.51.100.7"


def test_the_header_counts_only_when_it_comes_from_a_trusted_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.5"]
    assert client_address(request_from("10.0.0.5", "203.0.113.1")) == "203.0.113.1"
    assert client_address(request_from("198.51.100.7", "203.0.113.1")) == "198.51.100.7"


def test_a_trusted_network_is_written_as_cidr(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "2001:db8::/32"]
    assert client_address(request_from("10.20.30.40", "203.0.113.1")) == "203.0.113.1"
    assert client_address(request_from("2001:db8::1", "2001:db8:ffff::9, 203.0.113.2")) == (
        "203.0.113.2"
    )


def test_the_right_most_untrusted_hop_of_a_chain_is_the_client(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    # The client wrote the first entry itself; our two proxies appended the rest.
    chain = "192.0.2.66, 203.0.113.1, 10.1.1.1"
    assert client_address(request_from("10.0.0.5", chain)) == "203.0.113.1"


def test_a_chain_of_only_trusted_proxies_gives_the_first_of_them(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_address(request_from("10.0.0.5", "10.9.9.9, 10.1.1.1")) == "10.9.9.9"


def test_a_garbage_or_missing_header_falls_back_to_the_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.5"]
    assert client_address(request_from("10.0.0.5", "<script>, 10.0.0.5")) == "10.0.0.5"
    assert client_address(request_from("10.0.0.5", "unknown")) == "10.0.0.5"
    assert client_address(request_from("10.0.0.5", "")) == "10.0.0.5"
    assert client_address(request_from("10.0.0.5")) == "10.0.0.5"


def test_garbage_left_of_the_client_does_not_matter(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.5"]
    assert client_address(request_from("10.0.0.5", "not-an-ip, 203.0.113.1")) == "203.0.113.1"


def test_an_ipv4_peer_on_a_dual_stack_socket_is_still_trusted(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.5"]
    assert client_address(request_from("::ffff:10.0.0.5", "203.0.113.1")) == "203.0.113.1"


def test_a_misspelt_trusted_proxy_is_a_configuration_error(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.300"]
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        client_address(request_from("10.0.0.5", "203.0.113.1"))


def test_the_address_key_hides_the_address_and_changes_with_the_day(settings, monkeypatch):
    key = address_key("198.51.100.7")
    assert len(key) == 32
    assert "198.51.100.7" not in key
    assert key == address_key("198.51.100.7") != address_key("198.51.100.8")
    tomorrow = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1)
    monkeypatch.setattr("innovationskraft.core.clients.timezone.now", lambda: tomorrow)
    assert address_key("198.51.100.7") != key


def test_the_address_key_depends_on_the_secret_key(settings):
    key = address_key("198.51.100.7")
    settings.SECRET_KEY = "another-secret-key"
    assert address_key("198.51.100.7") != key


def test_the_system_check_names_a_misspelt_trusted_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "proxy.example"]
    [error] = trusted_proxies_are_addresses(None)
    assert error.id == "core.E001"
    assert "proxy.example" in error.msg
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert trusted_proxies_are_addresses(None) == []
