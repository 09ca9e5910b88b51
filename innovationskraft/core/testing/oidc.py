"""A real OpenID Connect provider for the tests (django-oauth-toolkit), in a process of its own:
the site's single sign-on is tested against the HTTP a provider answers, not against mocks.

    provider = oidc_provider_started(
        redirect_uris=["http://127.0.0.1/oidc/callback/"],
        users=[{"username": "sara", "password": "...", "email": "sara@eskilstuna.example",
                "given_name": "Sara", "family_name": "Lind", "organisation": "eskilstuna-kommun"}],
    )
    ...
    provider.stop()

Redirect URIs on http://127.0.0.1 and http://localhost match whatever port the request names
(RFC 8252's loopback rule), so the provider can start before the live server has its port;
scheme, host and path must match exactly. The provider's own sign-in page at
/accounts/login/ takes `username` and `password`; consent is skipped.
"""

import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from innovationskraft.core.testing.ports import free_port

SERVE_MODULE = "innovationskraft.core.testing.oidc_provider.serve"
START_TIMEOUT_SECONDS = 20.0


class OidcProviderFailedToStart(RuntimeError):
    """The provider's process exited, or did not answer discovery in time; the message carries
    what it wrote."""


@dataclass
class OidcProvider:
    issuer: str
    client_id: str
    client_secret: str
    authorization_endpoint: str
    token_endpoint: str
    userinfo_endpoint: str
    jwks_endpoint: str
    process: subprocess.Popen[bytes]
    data_dir: Path = field(repr=False)
    log_path: Path = field(repr=False)
    output_at_stop: str | None = field(default=None, repr=False)

    @property
    def discovery_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    @property
    def login_url(self) -> str:
        return f"{self.issuer.removesuffix('/o')}/accounts/login/"

    def output(self) -> str:
        """What the provider wrote: its request log and any traceback."""
        if self.output_at_stop is not None:
            return self.output_at_stop
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.output_at_stop is None:
            # The log lives in the data directory, which goes; a failing test may still ask.
            self.output_at_stop = self.log_path.read_text(errors="replace")
        shutil.rmtree(self.data_dir, ignore_errors=True)

    def __enter__(self) -> "OidcProvider":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def oidc_provider_started(
    *,
    redirect_uris: list[str],
    users: list[dict[str, str]],
    timeout: float = START_TIMEOUT_SECONDS,
) -> OidcProvider:
    port = free_port()
    issuer = f"http://127.0.0.1:{port}/o"
    client_id = secrets.token_urlsafe(16)
    client_secret = secrets.token_urlsafe(32)
    data_dir = Path(tempfile.mkdtemp(prefix="oidc-provider-"))
    log_path = data_dir / "provider.log"
    environment = {
        **os.environ,
        "OIDC_PROVIDER_PORT": str(port),
        "OIDC_PROVIDER_DATA_DIR": str(data_dir),
        "OIDC_PROVIDER_CLIENT_ID": client_id,
        "OIDC_PROVIDER_CLIENT_SECRET": client_secret,
        "OIDC_PROVIDER_REDIRECT_URIS": " ".join(redirect_uris),
        "OIDC_PROVIDER_USERS": json.dumps(users),
        "PYTHONUNBUFFERED": "1",
    }
    # Output to a file, not a pipe: a pipe nobody reads fills up with the request log and
    # stalls the server in the middle of a test.
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", SERVE_MODULE],
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        discovery = discovery_awaited(
            f"{issuer}/.well-known/openid-configuration", process, log_path, timeout
        )
    except BaseException:
        process.kill()
        process.wait()
        shutil.rmtree(data_dir, ignore_errors=True)
        raise
    return OidcProvider(
        issuer=discovery["issuer"],
        client_id=client_id,
        client_secret=client_secret,
        authorization_endpoint=discovery["authorization_endpoint"],
        token_endpoint=discovery["token_endpoint"],
        userinfo_endpoint=discovery["userinfo_endpoint"],
        jwks_endpoint=discovery["jwks_uri"],
        process=process,
        data_dir=data_dir,
        log_path=log_path,
    )


def discovery_awaited(
    url: str, process: subprocess.Popen[bytes], log_path: Path, timeout: float
) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise OidcProviderFailedToStart(
                f"the OpenID Connect provider exited with {process.returncode} before it "
                f"answered:\n{log_path.read_text(errors='replace')}"
            )
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                document: dict[str, Any] = json.load(response)
                return document
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > deadline:
                raise OidcProviderFailedToStart(
                    f"the OpenID Connect provider did not answer {url} within {timeout:.0f} s:\n"
                    f"{log_path.read_text(errors='replace')}"
                ) from None
            time.sleep(0.05)
