"""A fictional council's Modern.gov web service on 127.0.0.1, serving XML written for the tests."""

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "moderngov"
_OPERATION = re.compile(r"^/mgWebService\.asmx/(\w+)$")


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


class FictionalSite:
    """Answers GetCommittees, GetMeetings, GetMeeting, GetCouncillorsByWard and
    GetCommitteesByUser from tests/fixtures/moderngov; `override` replaces one operation."""

    def __init__(self, server: HTTPServer):
        self.server = server
        self.requests: list[str] = []
        self.overrides: dict[str, Callable[[Request], Response]] = {}
        self.files: dict[str, bytes] = {}
        server.expect_request(re.compile(".*")).respond_with_handler(self._answer)

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self.server.port}"

    def override(self, operation: str, handler: Callable[[Request], Response]) -> None:
        self.overrides[operation] = handler

    def replace_file(self, name: str, data: bytes) -> None:
        self.files[name] = data

    def _answer(self, request: Request) -> Response:
        self.requests.append(f"{request.path}?{request.query_string.decode()}")
        match = _OPERATION.match(request.path)
        if not match:
            return Response("Not found", status=404)
        operation = match.group(1)
        if operation in self.overrides:
            return self.overrides[operation](request)
        name = self._file_for(operation, request.args)
        data = self.files.get(name) if name else None
        if data is None and name and (FIXTURES / name).exists():
            data = fixture_bytes(name)
        if data is None:
            return Response("<error>Unknown</error>", status=500)
        return Response(data, content_type="text/xml; charset=utf-8")

    @staticmethod
    def _file_for(operation: str, args: dict) -> str | None:
        return {
            "GetCommittees": "committees.xml",
            "GetMeetings": f"meetings_{args.get('lCommitteeId')}.xml",
            "GetMeeting": f"meeting_{args.get('lMeetingId')}.xml",
            "GetCouncillorsByWard": "councillors.xml",
            "GetCommitteesByUser": f"committees_by_user_{args.get('lUserId')}.xml",
        }.get(operation)


@pytest.fixture(scope="session")
def httpserver_listen_address():
    return ("127.0.0.1", 0)


@pytest.fixture
def no_proxy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests to the test site go direct, whatever proxy the machine running the tests has."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


@pytest.fixture
def site(httpserver: HTTPServer, no_proxy_env: None) -> FictionalSite:
    return FictionalSite(httpserver)
