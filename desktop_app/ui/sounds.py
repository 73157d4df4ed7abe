"""A short sound per outcome (QSoundEffect). Silent, and harmless, without an audio device."""

from __future__ import annotations

from desktop_app.core import checkin, paths

_FILES = {
    checkin.CHECKED_IN: "checked_in.wav",
    checkin.ALREADY_CHECKED_IN: "already_checked_in.wav",
    checkin.SESSION_FULL: "session_full.wav",
}
_ERROR_FILE = "error.wav"  # not found, wrong stage, invalid, cancelled: one low buzz


def sound_file(outcome: str):
    return paths.resource("sounds", _FILES.get(outcome, _ERROR_FILE))


class Sounds:
    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._effects: dict[str, object] = {}
        self.last_played: str | None = None  # what a test (or a log) can check

    def _effect(self, outcome: str):
        effect = self._effects.get(outcome)
        if effect is None:
            from PySide6.QtCore import QUrl
            from PySide6.QtMultimedia import QSoundEffect

            effect = QSoundEffect()
            effect.setSource(QUrl.fromLocalFile(str(sound_file(outcome))))
            effect.setVolume(0.8)
            self._effects[outcome] = effect
        return effect

    def preload(self) -> None:
        """Load the multimedia backend and the sounds now, not on the first scan."""
        if not self.enabled:
            return
        try:
            for outcome in checkin.OUTCOMES:
                self._effect(outcome)
        except (ImportError, RuntimeError):
            self.enabled = False

    def play(self, outcome: str) -> None:
        if not self.enabled:
            return
        self.last_played = outcome
        try:
            self._effect(outcome).play()
        except (ImportError, RuntimeError):
            self.enabled = False  # no multimedia backend here: carry on silently
