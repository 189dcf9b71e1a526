"""macOS: LOCAL_PEERCRED (what getpeereid() reads) gives the uid at the other end of the socket."""

from __future__ import annotations

import socket
import struct

from desktop_helper.platform.local_socket.posix import PosixLocalSocket

#: <sys/un.h>: SOL_LOCAL and LOCAL_PEERCRED (Python's socket module does not name them)
SOL_LOCAL = 0
LOCAL_PEERCRED = 0x001
#: struct xucred: u_int cr_version; uid_t cr_uid; short cr_ngroups; gid_t cr_groups[16]
XUCRED_SIZE = 76
XUCRED_VERSION = 0


def parse_xucred(data: bytes) -> int:
    """The uid in a ``struct xucred``; ValueError when it is not one."""
    if len(data) < 8:
        raise ValueError(f"xucred too short ({len(data)} bytes)")
    version, uid = struct.unpack_from("=II", data)
    if version != XUCRED_VERSION:
        raise ValueError(f"unknown xucred version {version}")
    return int(uid)


class MacLocalSocket(PosixLocalSocket):
    def peer_uid(self, connection: socket.socket) -> int:
        data = connection.getsockopt(SOL_LOCAL, LOCAL_PEERCRED, XUCRED_SIZE)
        try:
            return parse_xucred(data)
        except ValueError as exc:
            raise OSError(f"cannot read the peer's credentials: {exc}") from exc
