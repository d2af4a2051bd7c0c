import socket

import pytest


class NetworkBlocked(RuntimeError):
    pass


def _blocked(*args, **kwargs):
    raise NetworkBlocked(f"network call attempted: {args!r}")


@pytest.fixture(scope="package", autouse=True)
def no_network():
    """Every anonymizer test runs with outbound sockets blocked (models load inside).

    Package scope: the block ends with this package, so other tests reach their services."""
    saved = (socket.socket.connect, socket.socket.connect_ex, socket.create_connection)
    socket.socket.connect = _blocked
    socket.socket.connect_ex = _blocked
    socket.create_connection = _blocked
    try:
        yield
    finally:
        socket.socket.connect, socket.socket.connect_ex, socket.create_connection = saved


@pytest.fixture(scope="package")
def anon(no_network):
    from workers.anonymize import get_anonymizer

    return get_anonymizer()
