"""Tickets reach attendees: ticket e-mails (text + HTML with the signed QR inline + a one-page
PDF ticket), sent over SMTP with a durable send log as stage events, and a mail-merge export
for lists managed elsewhere. No Qt here: the command line and the desk's dialog both use it.
"""

from .message import TicketMailBuilder, attendee_language
from .run import PURPOSES, SendLog, SendResult, plan_run, resend_one, send_run
from .smtp import SECURITY_MODES, MailServerError, SmtpConfig
from .templates import MailTemplate, TemplateInvalid, load_template

__all__ = [
    "PURPOSES",
    "SECURITY_MODES",
    "MailServerError",
    "MailTemplate",
    "SendLog",
    "SendResult",
    "SmtpConfig",
    "TemplateInvalid",
    "TicketMailBuilder",
    "attendee_language",
    "load_template",
    "plan_run",
    "resend_one",
    "send_run",
]
