"""Linux: SO_PEERCRED gives the uid of the process that connected (or listens)."""

from __future__ import annotations

import socket
import struct

from desktop_helper.platform.local_socket.posix import PosixLocalSocket

#: struct ucred: pid, uid, gid
_UCRED = struct.Struct("=iII")
#: SO_PEERCRED's value on Linux, for Pythons built without the constant
_SO_PEERCRED = getattr(socket, "SO_PEERCRED", 17)


class LinuxLocalSocket(PosixLocalSocket):
    def peer_uid(self, connection: socket.socket) -> int:
        data = connection.getsockopt(socket.SOL_SOCKET, _SO_PEERCRED, _UCRED.size)
        return int(_UCRED.unpack(data)[1])
