"""A real SMTP server for the tests (aiosmtpd), on a free local port: the site sends through
Django's SMTP backend to it, and a test reads what arrived, headers and all."""

import re
import threading
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller

from innovationskraft.core.testing.ports import free_port


@dataclass(frozen=True)
class Received:
    sender: str
    recipients: list[str]
    message: EmailMessage

    @property
    def text(self) -> str:
        part = self.message.get_body(preferencelist=("plain",))
        return part.get_content() if part else ""

    def link(self, containing: str = "") -> str:
        """The first address in the plain text that contains `containing`."""
        found = [url for url in re.findall(r"https?://\S+", self.text) if containing in url]
        assert found, f"no link with {containing!r} in:\n{self.text}"
        return found[0]

    @property
    def html(self) -> str:
        part = self.message.get_body(preferencelist=("html",))
        return part.get_content() if part else ""


class Inbox:
    """The server's handler: keeps every message, or refuses them all while `refusing`."""

    def __init__(self) -> None:
        self.messages: list[Received] = []
        self.refusing = False
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope) -> str:
        if self.refusing:
            return "451 4.3.0 Try again later"
        message = message_from_bytes(envelope.content, policy=policy.default)
        with self._lock:
            self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 OK"

    def clear(self) -> None:
        with self._lock:
            self.messages.clear()
        self.refusing = False


def smtp_server_started() -> tuple[Controller, Inbox]:
    inbox = Inbox()
    # aiosmtpd checks that its server answers on the port it was given, so it needs a number.
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    return controller, inbox
