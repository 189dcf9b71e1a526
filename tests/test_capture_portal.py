"""The Wayland route for real over D-Bus: a private bus with a fake xdg-desktop-portal that answers
Screenshot the way the real one does (a Request object, then a Response signal with a file URI)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from desktop_helper.core.errors import CaptureError
from desktop_helper.core.geometry import Monitor, Rect
from desktop_helper.platform.capture.wayland import PortalBackend, portal_screenshot


@pytest.fixture
def session_bus(tmp_path: Path) -> Iterator[str]:
    assert shutil.which("dbus-daemon"), "install dbus (README lists it)"
    config = tmp_path / "bus.conf"
    config.write_text(
        "<!DOCTYPE busconfig PUBLIC '-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN' "
        "'http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd'>\n"
        f"<busconfig><type>session</type><listen>unix:path={tmp_path}/bus</listen>"
        "<auth>EXTERNAL</auth><policy context='default'><allow send_destination='*' eavesdrop='true'/>"
        "<allow eavesdrop='true'/><allow own='*'/></policy></busconfig>\n"
    )
    daemon = subprocess.Popen(
        ["dbus-daemon", "--config-file", str(config), "--nofork", "--print-address"], stdout=subprocess.PIPE, text=True
    )
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    try:
        yield address
    finally:
        daemon.terminate()
        daemon.wait(10)
        daemon.stdout.close()


class FakePortal:
    """Owns org.freedesktop.portal.Desktop and answers Screenshot calls."""

    def __init__(self, address: str, response: int, picture: Path) -> None:
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import Proxy, open_dbus_connection

        self.connection = open_dbus_connection(bus=address)
        Proxy(message_bus, self.connection).RequestName("org.freedesktop.portal.Desktop")
        self.response = response
        self.picture = picture
        self.calls: list[dict[str, object]] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, name="fake-portal")
        self.thread.start()

    def _serve(self) -> None:
        from jeepney import DBusAddress, HeaderFields, MessageType, new_method_return, new_signal

        while not self.stop.is_set():
            try:
                message = self.connection.receive(timeout=0.1)
            except TimeoutError:
                continue
            header = message.header
            if header.message_type != MessageType.method_call or header.fields.get(HeaderFields.member) != "Screenshot":
                continue
            _parent, options = message.body
            self.calls.append(options)
            sender = str(header.fields[HeaderFields.sender]).lstrip(":").replace(".", "_")
            path = f"/org/freedesktop/portal/desktop/request/{sender}/{options['handle_token'][1]}"
            self.connection.send(new_method_return(message, "o", (path,)))
            results = {"uri": ("s", self.picture.as_uri())} if self.response == 0 else {}
            self.connection.send(
                new_signal(
                    DBusAddress(path, interface="org.freedesktop.portal.Request"), "Response", "ua{sv}", (self.response, results)
                )
            )

    def close(self) -> None:
        self.stop.set()
        self.thread.join(10)
        self.connection.close()


def _picture(path: Path) -> Path:
    image = Image.new("RGB", (400, 300), (0, 0, 255))
    image.paste((255, 0, 0), (200, 0, 400, 300))
    image.save(path)
    return path


def test_portal_screenshot_round_trip(session_bus: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    picture = _picture(tmp_path / "Screenshot.png")
    portal = FakePortal(session_bus, 0, picture)
    try:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session_bus)
        data = portal_screenshot(timeout=10)
        with Image.open(io.BytesIO(data)) as image:
            assert image.size == (400, 300)
        assert portal.calls[0]["interactive"] == ("b", False)
        assert not picture.exists(), "the portal's file in the user's pictures is removed once read"

        _picture(picture)
        backend = PortalBackend()
        backend.set_monitors([Monitor(1, "left", Rect(0, 0, 200, 300)), Monitor(2, "right", Rect(200, 0, 200, 300), 2.0)])
        frame = backend.grab_monitor(backend.monitors()[1])
        assert (frame.width, frame.height) == (200, 300)
        assert tuple(frame.pixels[10, 10, :3]) == (0, 0, 255)  # BGRA of red
        assert frame.geometry.monitor.scale == 2.0
    finally:
        portal.close()


def test_denied_portal_screenshot_is_a_clear_error(session_bus: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    portal = FakePortal(session_bus, 1, tmp_path / "none.png")
    try:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session_bus)
        with pytest.raises(CaptureError, match="refused"):
            portal_screenshot(timeout=10)
    finally:
        portal.close()


def test_no_portal_on_the_bus_names_the_fallbacks(session_bus: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session_bus)
    monkeypatch.setenv("PATH", os.defpath if shutil.which("grim") is None else "/nonexistent")
    with pytest.raises(CaptureError) as caught:
        portal_screenshot(timeout=5)
    assert "xdg-desktop-portal" in (caught.value.fix or "")
