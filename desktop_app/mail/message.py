"""One ticket e-mail: plain text + HTML with the signed QR inline (a `cid:` image) and the
one-page PDF ticket attached, in the attendee's language."""

from __future__ import annotations

import unicodedata
from datetime import date
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr, formatdate, make_msgid
from pathlib import Path

from desktop_app.badges.batch import TicketSource
from desktop_app.badges.layout import categories_for
from desktop_app.badges.render import BadgeRenderer, attendee_values
from desktop_app.core.model import Attendee, StageInfo
from desktop_app.core.qr import qr_png_bytes

from .templates import LANGUAGES, MailTemplate, load_template

# Column names registration systems use for the attendee's language (kept in `extra`).
_LANGUAGE_KEYS = ("language", "lingua", "lang", "idioma", "langue", "sprache")
_LANGUAGE_WORDS = {
    "it": ("it", "ita", "italiano", "italian", "it-it", "it_it"),
    "en": ("en", "eng", "english", "inglese", "en-gb", "en-us", "en_gb", "en_us"),
}
_MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def attendee_language(attendee: Attendee, default: str = "it") -> str:
    """'it' or 'en': the person's language field (an imported Language/Lingua column), else
    the default."""
    for key, value in attendee.extra.items():
        if key.strip().casefold() in _LANGUAGE_KEYS:
            word = value.strip().casefold()
            for lang, words in _LANGUAGE_WORDS.items():
                if word in words:
                    return lang
    return default if default in LANGUAGES else "it"


def _date(value: str, lang: str) -> str:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return value
    if lang == "it":
        return day.strftime("%d/%m/%Y")
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c if c.isalnum() else "-" for c in folded).strip("-") or "ticket"


class TicketMailBuilder:
    """Builds the ticket e-mails of one stage. Templates, layouts and fonts load once."""

    def __init__(
        self,
        info: StageInfo,
        data_dir: Path,
        from_address: str,
        *,
        default_lang: str = "it",
        ticket_source: TicketSource | None = None,
        sender_name: str = "",
    ) -> None:
        self.info = info
        self.data_dir = data_dir
        self.from_address = from_address
        self.sender_name = sender_name
        self.default_lang = default_lang
        self.tickets = ticket_source or TicketSource.for_stage(info, data_dir)
        self.domain = from_address.rpartition("@")[2] or "roadshow-desk.invalid"
        self._templates: dict[tuple[str, str], MailTemplate] = {}
        self._renderers: dict[tuple[str, str], BadgeRenderer] = {}

    def template(self, purpose: str, lang: str) -> MailTemplate:
        key = (purpose, lang)
        if key not in self._templates:
            self._templates[key] = load_template(purpose, lang, self.data_dir, self.info.slug)
        return self._templates[key]

    def _renderer(self, template: MailTemplate) -> BadgeRenderer:
        key = (template.purpose, template.lang)
        if key not in self._renderers:
            layout = template.ticket_layout
            categories = categories_for(layout, self.data_dir, self.info.slug)
            self._renderers[key] = BadgeRenderer(layout, self.info, categories)
        return self._renderers[key]

    def values(
        self,
        attendee: Attendee,
        lang: str,
        ticket: str,
        qr_cid: str,
        categories: dict[str, dict[str, str]] | None = None,
    ) -> dict[str, str]:
        """The template's $names: the badge's own person values, the ticket and the stage."""
        info = self.info
        place = ", ".join(p for p in (info.venue, info.city) if p)
        return attendee_values(attendee, categories or {}) | {
            "ticket": ticket,
            "qr_cid": qr_cid,
            "stage_title": info.title,
            "stage_date": _date(info.date, lang),
            "stage_city": info.city,
            "stage_venue": info.venue,
            "stage_place": place or info.city,
            "stage_theme": info.theme,
        }

    def ticket_pdf(self, attendee: Attendee, ticket: str, template: MailTemplate) -> bytes:
        pdf, _count, _pages, _stopped = self._renderer(template).render([(attendee, ticket)])
        return pdf

    def build(self, attendee: Attendee, purpose: str = "ticket") -> MIMEMultipart:
        lang = attendee_language(attendee, self.default_lang)
        template = self.template(purpose, lang)
        ticket = self.tickets.payload(attendee)
        qr_cid = make_msgid("qr", self.domain)  # "<...>"
        subject, text, body_html = template.render(
            self.values(attendee, lang, ticket, qr_cid[1:-1], self._renderer(template).categories)
        )
        # The legacy MIME classes with the compat32 policy build and flatten a message in about
        # a third of the time EmailMessage takes (its header registry parses every header).
        html_part = MIMEText(body_html, "html", "utf-8")
        qr_part = MIMEImage(qr_png_bytes(ticket, box_size=6), "png")
        qr_part["Content-ID"] = qr_cid
        qr_part.add_header("Content-Disposition", "inline", filename="qr.png")
        related = MIMEMultipart("related", _subparts=[html_part, qr_part])
        alternative = MIMEMultipart(
            "alternative", _subparts=[MIMEText(text, "plain", "utf-8"), related]
        )
        name = _ascii(attendee.last_name or attendee.full_name)
        label = "biglietto" if lang == "it" else "ticket"
        pdf_part = MIMEApplication(self.ticket_pdf(attendee, ticket, template), "pdf")
        pdf_part.add_header(
            "Content-Disposition",
            "attachment",
            filename=f"{label}-{_ascii(self.info.slug)}-{name}.pdf",
        )
        msg = MIMEMultipart("mixed", _subparts=[alternative, pdf_part])
        msg["Subject"] = Header(subject, "utf-8").encode() if not subject.isascii() else subject
        msg["From"] = formataddr((self.sender_name, self.from_address), "utf-8")
        msg["To"] = formataddr((attendee.full_name, attendee.email), "utf-8")
        msg["Date"] = formatdate(localtime=True)
        msg["Message-ID"] = make_msgid("ticket", self.domain)
        msg["Content-Language"] = lang
        msg["X-Roadshow-Attendee"] = attendee.code
        return msg
