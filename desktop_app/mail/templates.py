"""The organizer-editable e-mail templates: `resources/mail/PURPOSE.LANG.txt|.html|.json`.

A `.txt` template starts with a `Subject: ...` line and a blank line, then the plain-text body;
the `.html` file is the HTML body (it shows the QR with `<img src="cid:$qr_cid">`); the `.json`
file is the one-page PDF ticket, a badge layout (see `desktop_app/badges/layout.py`).
Placeholders are `$name` (string.Template): values are HTML-escaped in the HTML body.

An organizer's own copy wins: `<data dir>/mail/templates/SLUG/` (this stage only), then
`<data dir>/mail/templates/`, then the shipped ones. Any of the three files may be overridden
alone.
"""

from __future__ import annotations

import html
import string
from dataclasses import dataclass
from pathlib import Path

from desktop_app.badges.layout import Layout, load_layout_file
from desktop_app.core import paths
from desktop_app.core.errors import RoadshowError

LANGUAGES = ("it", "en")


class TemplateInvalid(RoadshowError):
    code = "template_invalid"


def template_folders(data_dir: Path | None, slug: str = "") -> list[Path]:
    folders = [paths.resource("mail")]
    if data_dir is not None:
        folders.insert(0, data_dir / "mail" / "templates")
        if slug:
            folders.insert(0, data_dir / "mail" / "templates" / slug)
    return folders


def _find(name: str, folders: list[Path]) -> Path:
    for folder in folders:
        path = folder / name
        if path.is_file():
            return path
    raise TemplateInvalid(f"There is no e-mail template {name}.")


@dataclass(frozen=True)
class MailTemplate:
    purpose: str
    lang: str
    subject: str
    text: str
    html: str
    ticket_layout: Layout

    def render(self, values: dict[str, str]) -> tuple[str, str, str]:
        """(subject, plain text, HTML) for one person."""
        escaped = {k: html.escape(v, quote=True) for k, v in values.items()}
        subject = string.Template(self.subject).safe_substitute(values)
        return (
            " ".join(subject.split()),
            string.Template(self.text).safe_substitute(values),
            string.Template(self.html).safe_substitute(escaped),
        )


def load_template(
    purpose: str, lang: str, data_dir: Path | None = None, slug: str = ""
) -> MailTemplate:
    if lang not in LANGUAGES:
        lang = "en"
    folders = template_folders(data_dir, slug)
    text_path = _find(f"{purpose}.{lang}.txt", folders)
    try:
        raw = text_path.read_text("utf-8")
        body_html = _find(f"{purpose}.{lang}.html", folders).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateInvalid(f"The e-mail template {text_path.name} cannot be read.") from exc
    first, _, rest = raw.replace("\r\n", "\n").partition("\n")
    if not first.lower().startswith("subject:"):
        raise TemplateInvalid(
            f"E-mail template {text_path.name}: the first line must be 'Subject: ...'."
        )
    layout = load_layout_file(_find(f"ticket.{lang}.json", folders))
    return MailTemplate(
        purpose=purpose,
        lang=lang,
        subject=first.split(":", 1)[1].strip(),
        text=rest.lstrip("\n"),
        html=body_html,
        ticket_layout=layout,
    )
