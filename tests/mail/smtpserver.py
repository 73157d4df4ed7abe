"""A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it receives, for the tests and
the benchmark. Optional STARTTLS or SSL, login, and faults: refuse some recipients, hang or
drop the connection in the middle of a message."""

from __future__ import annotations

import asyncio
import email
import email.policy
import socket
import ssl
import threading
import warnings
from email.message import EmailMessage

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Handler:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], bytes]] = []
        self.refuse: set[str] = set()  # recipients answered 550
        self.drop_on: set[int] = set()  # message numbers (1-based) whose DATA drops the line
        self.hang_on: set[int] = set()  # ... whose DATA never answers
        self.reject_on: set[int] = set()  # ... refused once the whole message is in
        self.data_count = 0
        self.hanging = threading.Event()
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.data_count += 1
            number = self.data_count
        if number in self.hang_on:
            self.hanging.set()
            await asyncio.sleep(60)
        if number in self.reject_on:
            return "554 5.7.1 Message rejected as spam"
        if number in self.drop_on:
            server.transport.close()
            return None
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), envelope.original_content))
        return f"250 2.0.0 Ok: queued as TEST{number:04d}"

    def parsed(self) -> list[EmailMessage]:
        with self.lock:
            raw = [content for _to, content in self.messages]
        return [email.message_from_bytes(c, policy=email.policy.default) for c in raw]

    def recipients(self) -> list[str]:
        with self.lock:
            return [to for tos, _c in self.messages for to in tos]


class Authenticator:
    def __init__(self, user: str, password: str) -> None:
        self.user, self.password = user.encode(), password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and (
            auth_data.login == self.user and auth_data.password == self.password
        )
        return AuthResult(success=ok, handled=False)


class SmtpServer:
    def __init__(
        self,
        *,
        security: str = "none",
        cert: tuple[str, str] | None = None,
        user: str = "",
        password: str = "",
    ) -> None:
        self.handler = Handler()
        self.port = free_port()
        self.security = security
        kwargs: dict = {}
        context = None
        if cert is not None:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(*cert)
        if security == "starttls":
            kwargs.update(tls_context=context, require_starttls=True)
        elif security == "ssl":
            kwargs.update(ssl_context=context)
        if user:
            kwargs.update(
                authenticator=Authenticator(user, password),
                auth_required=True,
                # aiosmtpd counts only STARTTLS as TLS; SMTPS is TLS from the first byte
                auth_require_tls=security == "starttls",
            )
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port, **kwargs)

    def __enter__(self) -> SmtpServer:
        with warnings.catch_warnings():  # SMTPS + AUTH: aiosmtpd warns it sees no STARTTLS
            warnings.simplefilter("ignore", UserWarning)
            self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop(no_assert=True)
