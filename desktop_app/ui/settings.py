"""Every user setting, declared once: name, type, default. Stored per user with QSettings.

Code reads settings only through `Settings.get(NAME)`; a test checks that no undeclared
setting is read or written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings


@dataclass(frozen=True)
class Setting:
    name: str
    type: type
    default: Any
    label: str  # shown in the settings dialog (translated there)


DECLARED: tuple[Setting, ...] = (
    Setting("desk/operator", str, "", "Operator"),
    Setting("ui/language", str, "", "Language (empty = system)"),
    Setting("ui/last_stage", str, "", "Last stage opened"),
    Setting("ui/font_scale", float, 1.0, "Text size"),
    Setting("ui/high_contrast", bool, False, "High contrast"),
    Setting("checkin/sounds", bool, True, "Sounds"),
    Setting("checkin/scan_idle_ms", int, 150, "Scanner idle timeout (ms)"),
    Setting("checkin/session_id", str, "", "Session door (empty = stage entrance)"),
    Setting("camera/enabled", bool, False, "Camera scanning"),
    Setting("camera/device", str, "", "Camera"),
    Setting("sync/hub_url", str, "", "Hub address"),
    Setting("sync/token", str, "", "Desk token"),
    Setting("sync/enabled", bool, False, "Sync automatically"),
    # The stages this desk was given (setup code, Connect to a hub, or chosen in Settings
    # while the stage was open), comma-separated: the hub settings apply to these only.
    Setting("sync/stages", str, "", "Stages this desk syncs"),
    Setting("sync/interval_s", float, 2.0, "Sync every (seconds)"),
    Setting("badges/layout", str, "a6-portrait", "Badge layout"),
    Setting("badges/printer", str, "", "Badge printer (empty = ask / PDF)"),
    Setting("badges/auto_print", bool, False, "Print a badge at check-in"),
    # the organizer's mail server for ticket e-mails (desktop_app/mail); the password is kept
    # like the desk token, in these per-user settings
    Setting("mail/smtp_host", str, "", "Mail server (SMTP)"),
    Setting("mail/smtp_port", int, 0, "Port (0 = usual for the security)"),
    Setting("mail/smtp_security", str, "starttls", "Security"),
    Setting("mail/smtp_user", str, "", "Login"),
    Setting("mail/smtp_password", str, "", "Password"),
    Setting("mail/from_address", str, "", "Sender's e-mail address"),
    Setting("mail/sender_name", str, "", "Sender's name"),
    Setting("mail/rate_per_minute", int, 60, "Messages per minute"),
    Setting("mail/default_language", str, "it", "Language when a person has none"),
)
BY_NAME = {s.name: s for s in DECLARED}


class Settings:
    """Typed access to the declared settings. `store` defaults to the user's QSettings."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings("Roadshow Desk", "roadshow-desk")

    def get(self, name: str) -> Any:
        setting = BY_NAME[name]  # KeyError: an undeclared setting is a programming error
        value = self.store.value(name, setting.default)
        if value is None:
            return setting.default
        if setting.type is bool:
            if isinstance(value, str):
                return value.lower() in ("1", "true", "yes")
            return bool(value)
        try:
            return setting.type(value)
        except (TypeError, ValueError):
            return setting.default

    def is_set(self, name: str) -> bool:
        """Whether the setting was ever written (else `get` answers its default)."""
        BY_NAME[name]
        return bool(self.store.contains(name))

    def set(self, name: str, value: Any) -> None:
        setting = BY_NAME[name]
        self.store.setValue(name, setting.type(value))
        self.store.sync()


# --- the stages a desk was given ------------------------------------------------------------


def given_stages(settings: Settings) -> list[str]:
    raw = str(settings.get("sync/stages") or "")
    return [s for s in (p.strip() for p in raw.split(",")) if s]


def give_stages(settings: Settings, slugs: list[str], *, replace: bool = False) -> None:
    """Record that this desk syncs these stages with the hub in its settings."""
    current = [] if replace else given_stages(settings)
    for slug in slugs:
        if slug not in current:
            current.append(slug)
    settings.set("sync/stages", ",".join(current))
