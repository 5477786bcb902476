"""Tests of harness/network.py: nothing but this machine is reached, in process or in a subprocess."""

from __future__ import annotations

import os
import socket

import pytest

from harness.network import PROXY_VARS, NetworkBlocked, NetworkGuard
from synthetic_pages import fails, page, question


def test_an_example_reaching_the_network_fails_even_if_it_catches_the_error(tmp_path):
    code = """
    import socket

    try:
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    except OSError as exc:
        error = exc
    """
    message = fails(tmp_path, page(question("q", ("python", code))), {"q.yml": "1:\n  run: {}\n"}, "q-1")
    assert "tried to reach the network" in message and "192.0.2.1" in message


def test_the_guard_refuses_remote_hosts_and_allows_loopback():
    before = (socket.socket.connect, socket.getaddrinfo)
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    with NetworkGuard() as guard:
        with pytest.raises(NetworkBlocked):
            socket.getaddrinfo("example.com", 80)
        with socket.socket() as client, pytest.raises(NetworkBlocked):
            client.connect(("203.0.113.5", 443))
        with socket.create_connection(server.getsockname(), timeout=5):
            pass
        assert socket.getaddrinfo("localhost", 80)
    server.close()
    assert guard.attempts == ["getaddrinfo('example.com')", "connect to ('203.0.113.5', 443)"]
    assert (socket.socket.connect, socket.getaddrinfo) == before  # uninstalled cleanly


def test_proxies_are_unset_for_the_tests():
    assert not any(var in os.environ for var in PROXY_VARS)


def test_subprocesses_have_no_network_either(tmp_path):
    code = """
    import socket


    def test_connect():
        try:
            socket.create_connection(("192.0.2.1", 80), timeout=1)
        except OSError as exc:
            assert "blocked" in str(exc)
    """
    message = fails(tmp_path, page(question("q", ("python", code))), {"q.yml": "1:\n  pytest: true\n"}, "q-1")
    assert "tried to reach the network" in message and "192.0.2.1" in message
