"""Webcam scanning: QtMultimedia frames -> zxing-cpp on a worker thread -> the same scan path.

`decode_image` is the one decoding function; tests feed it (through `CameraScanner.feed_image`)
QR images made from files, since there is no camera on the build machine.
"""

from __future__ import annotations

import time

import zxingcpp
from PIL import Image
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from desktop_app.ui.workers import run_task

FRAME_INTERVAL_S = 0.12  # decode at most ~8 frames a second: plenty, and spares the CPU
REPEAT_AFTER_S = 3.0  # the same QR held in front of the camera counts once


def decode_image(image: QImage) -> list[str]:
    """The texts of the QR codes in an image (safe to call on a worker thread)."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    if gray.isNull() or gray.width() == 0:
        return []
    data = bytes(gray.constBits())[: gray.sizeInBytes()]
    pil = Image.frombuffer(
        "L", (gray.width(), gray.height()), data, "raw", "L", gray.bytesPerLine(), 1
    )
    return [
        r.text for r in zxingcpp.read_barcodes(pil, formats=zxingcpp.BarcodeFormat.QRCode) if r.text
    ]


class CameraScanner(QObject):
    scanned = Signal(str)

    def __init__(self, parent=None, device: str = "") -> None:
        super().__init__(parent)
        self.device = device
        self.busy = False
        self._last_frame = 0.0
        self._last_text = ""
        self._last_text_at = 0.0
        self._camera = None
        self._session = None
        self._sink = None

    def start(self, preview_parent=None):
        """Start the camera. Returns a preview widget (or True without a parent to put it in),
        or False when there is no camera or no multimedia backend: the scanner goes on."""
        try:
            from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QMediaDevices
        except ImportError:
            return False
        devices = QMediaDevices.videoInputs()
        if not devices:
            return False
        chosen = next((d for d in devices if d.description() == self.device), devices[0])
        self._camera = QCamera(chosen, self)
        self._session = QMediaCaptureSession(self)
        self._session.setCamera(self._camera)
        preview = None
        if preview_parent is not None:
            from PySide6.QtMultimediaWidgets import QVideoWidget

            preview = QVideoWidget(preview_parent)
            self._session.setVideoOutput(preview)
            self._sink = preview.videoSink()
        else:
            from PySide6.QtMultimedia import QVideoSink

            self._sink = QVideoSink(self)
            self._session.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self._on_frame)
        self._camera.start()
        return preview if preview is not None else True

    def stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()
        self._camera = None

    def _on_frame(self, frame) -> None:
        now = time.monotonic()
        if self.busy or now - self._last_frame < FRAME_INTERVAL_S:
            return
        self._last_frame = now
        self.feed_image(frame.toImage())

    def feed_image(self, image: QImage) -> None:
        """Decode one frame on the worker pool; a QR found becomes a scan."""
        if self.busy:
            return
        self.busy = True
        frame = image.copy()
        run_task(lambda: decode_image(frame), self._decoded, self._failed)

    def _failed(self, _exc: Exception) -> None:
        self.busy = False

    def _decoded(self, texts: list[str]) -> None:
        self.busy = False
        now = time.monotonic()
        for value in texts:
            if value == self._last_text and now - self._last_text_at < REPEAT_AFTER_S:
                continue
            self._last_text, self._last_text_at = value, now
            self.scanned.emit(value)
