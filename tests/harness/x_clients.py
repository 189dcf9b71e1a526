"""Other programs' X connections, found through the X-Resource extension: for faults such as a connection the server drops."""

from __future__ import annotations

from tests.harness.xserver import XServer


def record_connections(display_name: str, pid: int) -> list[int]:
    """Resource bases of ``pid``'s X connections that own a RECORD context: pynput's listener."""
    from Xlib import display as xdisplay
    from Xlib.ext import res

    connection = xdisplay.Display(display_name)
    try:
        bases = []
        ids = connection.res_query_client_ids([{"client": 0, "mask": res.LocalClientPIDMask}])
        ours = {spec.spec.client for spec in ids.ids if spec.spec.mask == res.LocalClientPIDMask and spec.value[0] == pid}
        for client in connection.res_query_clients().clients:
            if client.resource_base not in ours:
                continue
            types = connection.res_query_client_resources(client.resource_base).types
            if any("RECORD" in (connection.get_atom_name(t.resource_type) or "").upper() for t in types):
                bases.append(client.resource_base)
        return bases
    finally:
        connection.close()


def kill_listener_connections(x_server: XServer, pid: int) -> None:
    """The X server drops the listener's connection, as when it is reset or the client is killed."""
    from Xlib import display as xdisplay
    from Xlib.xobject.resource import Resource

    x_server.wait_for(lambda: record_connections(x_server.display, pid), "the hotkey listener's X connection")
    bases = record_connections(x_server.display, pid)
    connection = xdisplay.Display(x_server.display)
    try:
        for base in bases:
            Resource(connection.display, base).kill_client()
        connection.sync()
    finally:
        connection.close()
