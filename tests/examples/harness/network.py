"""No network while the guide's examples run.

This module imports nothing but the standard library and nothing from the
harness: ``commands.run_subprocess`` loads it by path into every example
subprocess (through a ``sitecustomize``) to install the same guard there.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from typing import Any

PROXY_VARS = tuple(
    name
    for base in ("http_proxy", "https_proxy", "ftp_proxy", "all_proxy", "no_proxy")
    for name in (base, base.upper())
)


NETGUARD_LOG_VAR = "EXAMPLES_NETGUARD_LOG"
NETGUARD_MESSAGE = "network access is blocked while the guide's examples run"


class NetworkBlocked(OSError):
    """Raised instead of reaching anything but this machine."""


_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


def _is_local_host(host: Any, *, allow_own_name: bool = False) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    name = host.strip().strip("[]").lower().rstrip(".")
    if not name or name in _LOCAL_NAMES or name.endswith(".localhost"):
        return True
    if allow_own_name and name == socket.gethostname().lower():
        return True
    try:
        address = ipaddress.ip_address(name.split("%")[0])
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _is_local_address(family: int, address: Any) -> bool:
    if family == getattr(socket, "AF_UNIX", object()):
        return True
    if family in (socket.AF_INET, socket.AF_INET6) and isinstance(address, tuple) and address:
        return _is_local_host(address[0])
    return False


class NetworkGuard:
    """Make connections and name lookups for anything but this machine raise.

    Patches ``socket.socket.connect``/``connect_ex``/``sendto`` and the module
    functions that resolve names; every refused attempt is kept in
    ``attempts`` (and appended to ``log_path`` when given, for subprocesses).
    Guards nest: uninstall restores exactly what install replaced.
    """

    def __init__(self, log_path: str | os.PathLike | None = None):
        self.attempts: list[str] = []
        self.log_path = log_path
        self._saved: list[tuple[Any, str, Any, bool]] = []

    def _refuse(self, what: str) -> NetworkBlocked:
        self.attempts.append(what)
        if self.log_path:
            with open(self.log_path, "a", encoding="utf-8") as log:
                log.write(what + "\n")
        return NetworkBlocked(f"{NETGUARD_MESSAGE}: {what}")

    def _patch(self, owner: Any, name: str, replacement: Any) -> None:
        had = name in vars(owner)
        self._saved.append((owner, name, vars(owner).get(name), had))
        setattr(owner, name, replacement)

    def install(self) -> NetworkGuard:
        guard = self
        sock_cls = socket.socket
        connect, connect_ex, sendto = sock_cls.connect, sock_cls.connect_ex, sock_cls.sendto

        def checked_connect(sock, address):
            if not _is_local_address(sock.family, address):
                raise guard._refuse(f"connect to {address!r}")
            return connect(sock, address)

        def checked_connect_ex(sock, address):
            if not _is_local_address(sock.family, address):
                raise guard._refuse(f"connect to {address!r}")
            return connect_ex(sock, address)

        def checked_sendto(sock, data, *args):
            address = args[-1] if args else None
            if not _is_local_address(sock.family, address):
                raise guard._refuse(f"send to {address!r}")
            return sendto(sock, data, *args)

        def lookup(original, label):
            def checked(host, *args, **kwargs):
                if not _is_local_host(host, allow_own_name=True):
                    raise guard._refuse(f"{label}({host!r})")
                return original(host, *args, **kwargs)

            return checked

        self._patch(sock_cls, "connect", checked_connect)
        self._patch(sock_cls, "connect_ex", checked_connect_ex)
        self._patch(sock_cls, "sendto", checked_sendto)
        for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
            self._patch(socket, name, lookup(getattr(socket, name), name))
        return self

    def uninstall(self) -> None:
        while self._saved:
            owner, name, value, had = self._saved.pop()
            if had:
                setattr(owner, name, value)
            else:
                delattr(owner, name)

    def __enter__(self) -> NetworkGuard:
        return self.install()

    def __exit__(self, *exc: Any) -> None:
        self.uninstall()


def install_guard_from_env() -> None:
    """Entry point for the sitecustomize written for example subprocesses."""
    NetworkGuard(os.environ.get(NETGUARD_LOG_VAR) or None).install()
