"""The tests' OpenID Connect provider (core/testing/oidc.py) is a real one: discovery, keys,
a sign-in through its login page, an authorization code, an id_token signed with RS256 and
claims from userinfo, all over HTTP to its own process."""

import base64
import json
import re
import secrets
import time
import urllib.request
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import requests
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from innovationskraft.core.testing.oidc import OidcProvider, oidc_provider_started

# Nothing listens on the discard port: the code is read from the redirect, never delivered.
REDIRECT_URI = "http://127.0.0.1:9/cb"
# As a live server's address is registered before the server has a port.
REDIRECT_URI_ON_LOCALHOST = "http://localhost/cb"
SARA = {
    "username": "sara",
    "password": "ett-långt-lösenord",
    "email": "sara@eskilstuna.example",
    "given_name": "Sara",
    "family_name": "Lind",
    "organisation": "eskilstuna-kommun",
}
OLLE = {"username": "olle", "password": "ett-annat-lösenord", "email": "olle@example.org"}


@pytest.fixture(scope="module")
def provider():
    started = oidc_provider_started(
        redirect_uris=[REDIRECT_URI, REDIRECT_URI_ON_LOCALHOST], users=[SARA, OLLE]
    )
    yield started
    started.stop()


def fetched_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.load(response)


def base64url_decoded(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def verified_jwt_claims(token: str, jwks: dict) -> dict:
    """The claims of an RS256 JWT whose signature the key named in its header confirms."""
    encoded_header, encoded_claims, encoded_signature = token.split(".")
    header = json.loads(base64url_decoded(encoded_header))
    assert header["alg"] == "RS256"
    [jwk] = [key for key in jwks["keys"] if key["kid"] == header["kid"]]
    public_key = rsa.RSAPublicNumbers(
        e=int.from_bytes(base64url_decoded(jwk["e"])),
        n=int.from_bytes(base64url_decoded(jwk["n"])),
    ).public_key()
    # Raises InvalidSignature unless the provider's private key signed exactly these bytes.
    public_key.verify(
        base64url_decoded(encoded_signature),
        f"{encoded_header}.{encoded_claims}".encode(),
        padding.PKCS1v15(),
        hashes.SHA256(),
    )
    return json.loads(base64url_decoded(encoded_claims))


def hidden_field(html: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert match, f"no hidden field {name!r} in:\n{html}"
    return match.group(1).replace("&amp;", "&")


def authorization_requested(
    provider: OidcProvider,
    session: requests.Session,
    *,
    redirect_uri: str = REDIRECT_URI,
    state: str = "state",
    nonce: str = "nonce",
) -> requests.Response:
    return session.get(
        provider.authorization_endpoint,
        params={
            "response_type": "code",
            "client_id": provider.client_id,
            "redirect_uri": redirect_uri,
            "scope": "openid email profile",
            "state": state,
            "nonce": nonce,
        },
        allow_redirects=False,
        timeout=5,
    )


def code_in(redirect: requests.Response, *, redirect_uri: str, state: str) -> str:
    assert redirect.status_code == 302, redirect.text
    location = redirect.headers["Location"]
    assert location.startswith(f"{redirect_uri}?")
    query = parse_qs(urlsplit(location).query)
    assert query["state"] == [state]
    return query["code"][0]


def authorization_code_after_signing_in(
    provider: OidcProvider, session: requests.Session, user: dict, *, state: str, nonce: str
) -> str:
    authorization = authorization_requested(provider, session, state=state, nonce=nonce)
    assert authorization.status_code == 302, provider.output()
    login_url = urljoin(authorization.url, authorization.headers["Location"])
    assert urlsplit(login_url).path == "/accounts/login/"

    login_page = session.get(login_url, timeout=5)
    assert login_page.status_code == 200
    signed_in = session.post(
        login_url,
        data={
            "csrfmiddlewaretoken": hidden_field(login_page.text, "csrfmiddlewaretoken"),
            "username": user["username"],
            "password": user["password"],
            "next": hidden_field(login_page.text, "next"),
        },
        allow_redirects=False,
        timeout=5,
    )
    assert signed_in.status_code == 302, signed_in.text
    back_to_authorization = urljoin(login_url, signed_in.headers["Location"])
    assert back_to_authorization.startswith(provider.authorization_endpoint)

    # No consent screen: the signed-in browser is sent straight back to the relying party.
    redirect = session.get(back_to_authorization, allow_redirects=False, timeout=5)
    return code_in(redirect, redirect_uri=REDIRECT_URI, state=state)


def tokens_for(provider: OidcProvider, code: str) -> dict:
    response = requests.post(
        provider.token_endpoint,
        data={"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT_URI},
        auth=(provider.client_id, provider.client_secret),
        timeout=5,
    )
    assert response.status_code == 200, response.text
    return response.json()


def userinfo_for(provider: OidcProvider, access_token: str) -> dict:
    response = requests.get(
        provider.userinfo_endpoint,
        headers={"Authorization": f"Bearer {access_token}"},
        timeout=5,
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_discovery_names_the_endpoints_and_the_jwks_holds_an_rs256_key(provider):
    discovery = fetched_json(provider.discovery_url)

    assert discovery["issuer"] == provider.issuer
    assert discovery["jwks_uri"] == provider.jwks_endpoint
    assert "RS256" in discovery["id_token_signing_alg_values_supported"]
    assert {"openid", "email", "profile"} <= set(discovery["scopes_supported"])
    assert "organisation" in discovery["claims_supported"]
    [key] = fetched_json(provider.jwks_endpoint)["keys"]
    assert (key["kty"], key["alg"], key["use"]) == ("RSA", "RS256", "sig")


def test_a_user_signs_in_on_the_provider_and_the_client_gets_a_signed_id_token_and_claims(
    provider,
):
    state, nonce = secrets.token_urlsafe(8), secrets.token_urlsafe(8)
    code = authorization_code_after_signing_in(
        provider, requests.Session(), SARA, state=state, nonce=nonce
    )

    tokens = tokens_for(provider, code)
    claims = verified_jwt_claims(tokens["id_token"], fetched_json(provider.jwks_endpoint))
    assert claims["iss"] == provider.issuer
    assert claims["aud"] == provider.client_id
    assert claims["nonce"] == nonce
    assert claims["exp"] > time.time()
    assert claims["email"] == SARA["email"]
    assert claims["organisation"] == SARA["organisation"]

    userinfo = userinfo_for(provider, tokens["access_token"])
    assert userinfo == {
        "sub": claims["sub"],
        "email": SARA["email"],
        "email_verified": True,
        "given_name": SARA["given_name"],
        "family_name": SARA["family_name"],
        "organisation": SARA["organisation"],
    }


def test_a_user_without_an_organisation_gets_no_organisation_claim(provider):
    code = authorization_code_after_signing_in(
        provider, requests.Session(), OLLE, state="s", nonce="n"
    )

    userinfo = userinfo_for(provider, tokens_for(provider, code)["access_token"])

    assert userinfo["email"] == OLLE["email"]
    assert "organisation" not in userinfo


def test_a_loopback_redirect_uri_may_name_any_port_but_not_another_path(provider):
    session = requests.Session()
    authorization_code_after_signing_in(provider, session, SARA, state="s", nonce="n")

    on_another_port = authorization_requested(
        provider, session, redirect_uri="http://127.0.0.1:54321/cb", state="port"
    )
    on_localhost = authorization_requested(
        provider, session, redirect_uri="http://localhost:54322/cb", state="localhost"
    )
    on_another_path = authorization_requested(
        provider, session, redirect_uri="http://127.0.0.1:9/elsewhere", state="path"
    )

    assert code_in(on_another_port, redirect_uri="http://127.0.0.1:54321/cb", state="port")
    assert code_in(on_localhost, redirect_uri="http://localhost:54322/cb", state="localhost")
    assert on_another_path.status_code == 400
    assert "Location" not in on_another_path.headers
