"""Reading the app's windows the way a screen reader does: AT-SPI over D-Bus (jeepney, no Qt in the test).

The journeys drive the app with real X input only; to know *where* a button is (to click it) and
*what* a page says (to check its language) they ask the accessibility tree the app publishes,
which is what assistive technology sees on a real desktop. A private session bus is started per
test run (:class:`AccessibilityBus`); the app joins it with ``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from jeepney import DBusAddress, MessageType, new_method_call
from jeepney.io.blocking import DBusConnection, open_dbus_connection

ACCESSIBLE = "org.a11y.atspi.Accessible"
COMPONENT = "org.a11y.atspi.Component"
ROOT_PATH = "/org/a11y/atspi/accessible/root"
#: AT-SPI state bits (atspi-constants.h): the object is visible and actually on the screen
STATE_ENABLED = 8
STATE_SELECTED = 23
STATE_SHOWING = 25
STATE_VISIBLE = 30


class AccessibilityBus:
    """A private D-Bus session bus whose a11y bus the app registers on; closed with the test run."""

    def __init__(self) -> None:
        if shutil.which("dbus-daemon") is None:
            raise RuntimeError("dbus-daemon is not installed (apt-get install dbus)")
        if not Path("/usr/share/dbus-1/services/org.a11y.Bus.service").exists():
            raise RuntimeError("the accessibility bus (AT-SPI) is not installed (apt-get install at-spi2-core)")
        read_fd, write_fd = os.pipe()
        self._process = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", f"--print-address={write_fd}"],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_fd)
        with os.fdopen(read_fd, "rb") as reader:
            self.address = reader.readline().decode().strip()
        if not self.address:
            self.close()
            raise RuntimeError("dbus-daemon did not start")

    def env(self) -> dict[str, str]:
        return {"DBUS_SESSION_BUS_ADDRESS": self.address, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_ACCESSIBILITY": "1"}

    def a11y_address(self) -> str:
        session = open_dbus_connection(bus=self.address)
        try:
            call = new_method_call(DBusAddress("/org/a11y/bus", "org.a11y.Bus", "org.a11y.Bus"), "GetAddress")
            reply = session.send_and_get_reply(call, timeout=10)
            return str(reply.body[0])
        finally:
            session.close()

    def close(self) -> None:
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(10)


@dataclass(frozen=True)
class Node:
    """One accessible object: a window, a button, a label, a list item..."""

    tree: AccessibleTree
    bus_name: str
    path: str

    def _call(self, interface: str, method: str, signature: str | None = None, body: tuple[object, ...] = ()) -> tuple:
        return self.tree.call((self.bus_name, self.path, interface), method, signature, body)

    def _property(self, interface: str, name: str) -> object:
        value = self._call("org.freedesktop.DBus.Properties", "Get", "ss", (interface, name))[0]
        return value[1]  # (signature, value)

    @property
    def name(self) -> str:
        return str(self._property(ACCESSIBLE, "Name"))

    @property
    def description(self) -> str:
        return str(self._property(ACCESSIBLE, "Description"))

    @property
    def role(self) -> str:
        return str(self._call(ACCESSIBLE, "GetRoleName")[0])

    def states(self) -> set[int]:
        words = self._call(ACCESSIBLE, "GetState")[0]
        return {bit + 32 * index for index, word in enumerate(words) for bit in range(32) if word >> bit & 1}

    @property
    def showing(self) -> bool:
        return {STATE_SHOWING, STATE_VISIBLE} <= self.states()

    @property
    def enabled(self) -> bool:
        return STATE_ENABLED in self.states()

    @property
    def selected(self) -> bool:
        return STATE_SELECTED in self.states()

    def children(self) -> list[Node]:
        return [Node(self.tree, str(bus), str(path)) for bus, path in self._call(ACCESSIBLE, "GetChildren")[0]]

    def extents(self) -> tuple[int, int, int, int]:
        """x, y, width, height on the screen (physical pixels: the test X server runs at scale 1)."""
        x, y, w, h = self._call(COMPONENT, "GetExtents", "u", (0,))[0]
        return int(x), int(y), int(w), int(h)

    def centre(self) -> tuple[int, int]:
        x, y, w, h = self.extents()
        return x + w // 2, y + h // 2

    def walk(self, only_showing: bool = True, depth: int = 40) -> Iterator[Node]:
        """This node and its descendants, depth first (skipping hidden subtrees)."""
        if only_showing and self.path != ROOT_PATH and not self.showing:
            return
        yield self
        if depth <= 0:
            return
        for child in self.children():
            yield from child.walk(only_showing, depth - 1)

    def find(self, predicate: Callable[[Node], bool], only_showing: bool = True) -> Node | None:
        return next((node for node in self.walk(only_showing) if _safe(predicate, node)), None)

    def texts(self, only_showing: bool = True) -> list[str]:
        """Every non-empty accessible name below (what a screen reader would read)."""
        return [name for node in self.walk(only_showing) if (name := _safe_name(node))]


def _safe(predicate: Callable[[Node], bool], node: Node) -> bool:
    try:
        return predicate(node)
    except (RuntimeError, OSError):
        return False  # the object went away while we looked


def _safe_name(node: Node) -> str:
    try:
        return node.name.strip()
    except (RuntimeError, OSError):
        return ""


class AccessibleTree:
    """The accessibility tree of one application (found by its application name)."""

    def __init__(self, bus: AccessibilityBus) -> None:
        self._bus = bus
        self._connection: DBusConnection | None = None

    def _conn(self) -> DBusConnection:
        if self._connection is None:
            self._connection = open_dbus_connection(bus=self._bus.a11y_address())
        return self._connection

    def call(self, target: tuple[str, str, str], method: str, signature: str | None, body: tuple[object, ...]) -> tuple:
        """Call ``method`` on ``target`` (bus name, object path, interface)."""
        bus_name, path, interface = target
        message = new_method_call(DBusAddress(path, bus_name, interface), method, signature, body)
        reply = self._conn().send_and_get_reply(message, timeout=10)
        if reply.header.message_type == MessageType.error:
            raise RuntimeError(f"{interface}.{method} on {path}: {reply.body}")
        return tuple(reply.body)

    def applications(self) -> list[Node]:
        registry = Node(self, "org.a11y.atspi.Registry", ROOT_PATH)
        return registry.children()

    def application(self, name: str, timeout: float = 30.0) -> Node:
        """The application called ``name`` (Qt: the application name), waiting until it has registered."""
        deadline = time.monotonic() + timeout
        seen: list[str] = []
        while time.monotonic() < deadline:
            try:
                apps = self.applications()
                seen = [_safe_name(a) for a in apps]
                for app in apps:
                    if _safe_name(app) == name:
                        return app
            except (RuntimeError, OSError, TimeoutError):
                self.close()
            time.sleep(0.2)
        raise AssertionError(f"no application {name!r} on the accessibility bus (found: {seen})")

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
