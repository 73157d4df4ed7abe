"""The organizer's mail server: plain, STARTTLS or SSL, with login, and a rate limit.

`SmtpSender.send` tells the caller, through `before_data`, the moment the server has accepted
the sender and the recipient and the message itself is about to go: that is when the intent is
recorded, so a crash leaves at most one message whose fate is not known (never a duplicate).
"""

from __future__ import annotations

import re
import smtplib
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from email.policy import compat32

from desktop_app.core.errors import InvalidInput, RoadshowError

SECURITY_MODES = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
_WIRE = compat32.clone(linesep="\r\n")
_ADDRESS = re.compile(r"[^\s<>@]+@[^\s<>@]+")


class MailServerError(RoadshowError):
    """The server cannot be used at all (unreachable, TLS, login): the run stops."""

    code = "mail_server"


class Refused(Exception):
    """The server refused this one message; `definite` is False when it may have been sent."""

    def __init__(self, answer: str, code: int = 0, definite: bool = True) -> None:
        super().__init__(answer)
        self.answer = answer
        self.code = code
        self.definite = definite


def scrub(answer: str) -> str:
    """A server's answer without e-mail addresses (they are personal data), one line, short."""
    return " ".join(_ADDRESS.sub("<address>", answer).split())[:300]


def _answer(code: int, message: bytes | str) -> str:
    text = message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)
    return scrub(f"{code} {text}")


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int = 0  # 0: the usual port of the security mode
    security: str = "starttls"
    user: str = ""
    password: str = ""
    from_address: str = ""
    sender_name: str = ""
    rate_per_minute: float = 60.0  # 0: no limit
    timeout: float = 30.0
    cafile: str = ""  # a private CA (a test server, a company relay); else the system's

    def check(self) -> None:
        if not self.host.strip():
            raise InvalidInput("Set the mail server (SMTP host) first.")
        if self.security not in SECURITY_MODES:
            raise InvalidInput(f"Security must be one of: {', '.join(SECURITY_MODES)}.")
        if not _ADDRESS.fullmatch(self.from_address.strip()):
            raise InvalidInput("Set the sender's e-mail address (From) first.")
        if self.rate_per_minute < 0:
            raise InvalidInput("The rate limit cannot be negative.")

    @property
    def effective_port(self) -> int:
        return self.port or DEFAULT_PORTS[self.security]


class RateLimiter:
    """At most `per_minute` messages a minute, evenly spaced."""

    def __init__(self, per_minute: float, clock=time.monotonic, sleep=time.sleep) -> None:
        self.interval = 60.0 / per_minute if per_minute > 0 else 0.0
        self.clock = clock
        self.sleep = sleep
        self.next_at = 0.0

    def wait(self, should_stop: Callable[[], bool] | None = None) -> bool:
        """Wait for the next slot; False when told to stop while waiting."""
        if self.interval:
            while (delay := self.next_at - self.clock()) > 0:
                if should_stop is not None and should_stop():
                    return False
                self.sleep(min(delay, 0.2))
            self.next_at = max(self.clock(), self.next_at) + self.interval
        return True


class SmtpSender:
    """One connection to the server, reopened when the server closed it between messages."""

    def __init__(self, config: SmtpConfig) -> None:
        config.check()
        self.config = config
        self.smtp: smtplib.SMTP | None = None

    def __enter__(self) -> SmtpSender:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.config.cafile or None)

    def open(self) -> None:
        c = self.config
        where = f"{c.host}:{c.effective_port}"
        try:
            if c.security == "ssl":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    c.host, c.effective_port, timeout=c.timeout, context=self._context()
                )
            else:
                smtp = smtplib.SMTP(c.host, c.effective_port, timeout=c.timeout)
            smtp.ehlo()
            if c.security == "starttls":
                if not smtp.has_extn("starttls"):
                    smtp.close()
                    raise MailServerError(
                        f"The mail server {where} does not offer STARTTLS: choose SSL or "
                        "another port."
                    )
                smtp.starttls(context=self._context())
                smtp.ehlo()
            if c.user:
                smtp.login(c.user, c.password)
        except smtplib.SMTPAuthenticationError as exc:
            raise MailServerError(
                f"The mail server {where} refused the login: {_answer(exc.smtp_code, exc.smtp_error)}"
            ) from exc
        except ssl.SSLError as exc:
            raise MailServerError(
                f"Secure connection to {where} failed ({exc.reason or exc}): check the "
                "security mode and the port."
            ) from exc
        except smtplib.SMTPException as exc:
            raise MailServerError(f"The mail server {where} answered: {scrub(str(exc))}") from exc
        except (TimeoutError, OSError) as exc:
            raise MailServerError(
                f"Cannot reach the mail server {where} ({exc.strerror or exc})."
            ) from exc
        self.smtp = smtp

    def close(self) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (smtplib.SMTPException, OSError):
                self.smtp.close()
            self.smtp = None

    def send(
        self, msg: Message, recipient: str, before_data: Callable[[], None] | None = None
    ) -> str:
        """Hand one message to the server; returns its answer. Raises Refused or
        MailServerError."""
        if self.smtp is None:
            self.open()
        smtp = self.smtp
        assert smtp is not None
        try:
            try:
                code, answer = smtp.mail(self.config.from_address)
            except smtplib.SMTPServerDisconnected:
                # the server closed an idle connection between messages: once more, anew
                smtp.close()
                self.open()
                smtp = self.smtp
                assert smtp is not None
                code, answer = smtp.mail(self.config.from_address)
            if code != 250:
                smtp.rset()
                raise Refused(_answer(code, answer), code)
            code, answer = smtp.rcpt(recipient)
            if code not in (250, 251):
                smtp.rset()
                raise Refused(_answer(code, answer), code)
        except (smtplib.SMTPServerDisconnected, OSError) as exc:
            self.smtp = None
            raise MailServerError(f"The mail server closed the connection ({exc}).") from exc
        if before_data is not None:
            before_data()
        try:
            # bytes go to the server as they are (smtplib fixes line ends only in str): CRLF
            code, answer = smtp.data(msg.as_bytes(policy=_WIRE))
        except smtplib.SMTPDataError as exc:
            smtp.rset()
            raise Refused(_answer(exc.smtp_code, exc.smtp_error), exc.smtp_code) from exc
        except (smtplib.SMTPException, OSError) as exc:
            self.smtp = None
            raise Refused(
                "connection lost before the server confirmed the message", 0, definite=False
            ) from exc
        if code != 250:  # smtplib returns the answer to the message's end without raising
            raise Refused(_answer(code, answer), code)
        return _answer(code, answer)
