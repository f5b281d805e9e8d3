"""Modern.gov: the HTTP client, the CLI and the services against a fictional council on 127.0.0.1,
and every fault the network can produce: one sentence for the clerk, nothing half-imported."""

import hashlib
import socket
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import func, select
from support import moderngov_site
from support.moderngov_site import fixture_bytes
from werkzeug import Response

from clerkdesk.cli.main import main
from clerkdesk.domain.enums import Role
from clerkdesk.net.moderngov import ModernGovClient, SiteUnavailable, service_root
from clerkdesk.storage.models import AgendaItem, Meeting, SupportingDocument

# The fictional council's site and its fixtures (tests/support/moderngov_site.py).
site = moderngov_site.site
no_proxy_env = moderngov_site.no_proxy_env
httpserver_listen_address = moderngov_site.httpserver_listen_address


def run_cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def file_hash(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count(db, model) -> int:
    with db.transaction() as session:
        return session.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize(("typed", "root"), [
    ("democracy.fernleigh.example", "https://democracy.fernleigh.example"),
    ("https://democracy.fernleigh.example/mgWebService.asmx", "https://democracy.fernleigh.example"),
    ("https://x.example/democracy/ieListMeetings.aspx?CId=41", "https://x.example/democracy"),
])
def test_service_root_accepts_what_a_clerk_pastes(typed, root):
    assert service_root(typed) == root


def test_cli_lists_committees_and_meetings(site, capsys):
    code, out, _ = run_cli(capsys, "moderngov", "committees", site.address)
    assert code == 0
    assert out.splitlines() == ["17\tAudit and Governance Committee", "41\tPlanning Committee"]
    code, out, _ = run_cli(capsys, "moderngov", "meetings", site.address, "41",
                           "--from", "2026-12-01", "--to", "2027-02-01")
    assert code == 0
    assert out.splitlines()[0] == "3301\t2026-12-10\t10:00\tCommittee Room 2, Fernleigh House"
    assert "sFromDate=01%2F12%2F2026" in site.requests[-1]


def test_cli_import_creates_the_meeting_from_the_agenda(site, capsys, db_path):
    code, out, err = run_cli(capsys, "moderngov", "import", site.address, "3301",
                             "--db", str(db_path))
    assert (code, err) == (0, "")
    assert "agenda: 5 items (1 exempt), 3 documents" in out
    from clerkdesk.storage.database import open_database

    db = open_database(db_path)
    try:
        with db.transaction() as session:
            meeting = session.scalars(select(Meeting)).one()
            assert meeting.committee.name == "Planning Committee"
            assert meeting.committee.moderngov_committee_id == 41
            assert meeting.moderngov_meeting_id == 3301
            assert meeting.venue == "Committee Room 2, Fernleigh House"
            items = [(i.title, i.number_label, i.exempt, i.exempt_paragraph)
                     for i in meeting.items]
            assert items == [
                ("Apologies for absence", None, False, None),
                ("Declarations of interest", None, False, None),
                ("Land at Orchard Lane, Brookfield", None, False, None),
                ("Tree preservation order, Mill Street", "3a", False, None),
                ("Enforcement case update", None, True, 3),
            ]
            documents = [(d.title, d.location) for d in meeting.items[2].documents]
            assert documents[1] == ("Appendix A: site plan",
                                    "http://127.0.0.1/documents/s902/Plan.pdf")
    finally:
        db.close()
    code, _, err = run_cli(capsys, "moderngov", "import", site.address, "3301",
                           "--db", str(db_path))
    assert code == 2 and "already brought from the site" in err


def _meeting_rows(db_path):
    from clerkdesk.storage.database import open_database

    db = open_database(db_path)
    try:
        return count(db, Meeting), count(db, AgendaItem), count(db, SupportingDocument)
    finally:
        db.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _slow(release: threading.Event):
    def answer(_request):
        release.wait(10)
        return Response(fixture_bytes("meeting_3301.xml"), content_type="text/xml")
    return answer


def _huge(_request):
    chunk = b"<x>" + b"a" * (1024 * 1024) + b"</x>"
    body = (chunk for _ in range(50))  # 50 MB, streamed without a declared length
    return Response(body, content_type="text/xml")


FAULTS = {
    "not found": (lambda r: Response("Not found", status=404), "404"),
    "login page": (lambda r: Response(fixture_bytes("login_page.html"), content_type="text/html"),
                   "web page instead of data"),
    "malformed": (lambda r: Response(b"<meeting><meetingid>3301</meeting>",
                                     content_type="text/xml"), "not well-formed"),
    "xml bomb": (lambda r: Response(
        b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        b"<meeting><meetingid>3301</meetingid><meetingdate>10/12/2026</meetingdate>"
        b"<committeetitle>&c;</committeetitle></meeting>", content_type="text/xml"),
        "refuses to read"),
    "50 MB": (_huge, "more than 5 MB"),
    "server error": (lambda r: Response("oops", status=500), "error (500)"),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_each_fault_is_one_sentence_and_nothing_is_imported(site, capsys, db_path, fault):
    handler, words = FAULTS[fault]
    site.override("GetMeeting", handler)
    run_cli(capsys, "meetings", "--db", str(db_path))  # no database yet: refused, none made
    from clerkdesk.storage.database import open_database

    open_database(db_path).close()
    before = file_hash(db_path)
    code, out, err = run_cli(capsys, "moderngov", "import", site.address, "3301",
                             "--db", str(db_path))
    assert code == 2 and out == ""
    assert words in err and len(err.strip().splitlines()) == 1, err
    assert file_hash(db_path) == before
    assert _meeting_rows(db_path) == (0, 0, 0)


def test_connection_refused(capsys, no_proxy_env):
    code, _, err = run_cli(capsys, "moderngov", "committees", f"http://127.0.0.1:{_free_port()}")
    assert code == 2 and "refused the connection" in err and len(err.splitlines()) == 1


def test_slow_server_times_out(site):
    release = threading.Event()
    site.override("GetCommittees", _slow(release))
    try:
        with ModernGovClient(site.address, timeout=0.3) as client, \
                pytest.raises(SiteUnavailable, match="did not answer in time"):
            client.committees()
    finally:
        release.set()


def test_cancel_from_another_thread_stops_the_fetch(site):
    release = threading.Event()
    site.override("GetCouncillorsByWard", _slow(release))
    client = ModernGovClient(site.address, timeout=5)
    errors = []

    def fetch():
        try:
            client.members(41)
        except Exception as error:  # noqa: BLE001 (the test inspects it)
            errors.append(error)

    worker = threading.Thread(target=fetch)
    worker.start()
    client.cancel()
    release.set()
    worker.join(10)
    client.close()
    assert [type(e).__name__ for e in errors] == ["Cancelled"]


class _RefusingProxy(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(403, "Forbidden by policy")
        self.end_headers()

    do_CONNECT = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture
def refusing_proxy(monkeypatch):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _RefusingProxy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    address = f"http://127.0.0.1:{server.server_address[1]}"
    for name in ("HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.setenv(name, address)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    yield address
    server.shutdown()


def test_a_proxy_that_refuses(refusing_proxy, capsys):
    port = _free_port()  # the proxy answers before anything is tried here
    code, _, err = run_cli(capsys, "moderngov", "committees", f"http://127.0.0.1:{port}")
    assert code == 2 and "refused the request (403)" in err
    code, _, err = run_cli(capsys, "moderngov", "committees", f"https://127.0.0.1:{port}")
    assert code == 2 and "proxy refused" in err and len(err.splitlines()) == 1


@pytest.fixture
def self_signed_site(tmp_path):
    trustme = pytest.importorskip("trustme")
    authority = trustme.CA()  # not in the operating system's trust store
    certificate = authority.issue_cert("127.0.0.1")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    certificate.configure_cert(context)

    class Answer(BaseHTTPRequestHandler):
        def do_GET(self):
            body = fixture_bytes("committees.xml")
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Answer)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}", authority
    server.shutdown()


def test_a_certificate_the_trust_store_rejects(self_signed_site, capsys, no_proxy_env):
    address, authority = self_signed_site
    code, _, err = run_cli(capsys, "moderngov", "committees", address)
    assert code == 2 and "not trusted by this computer" in err and len(err.splitlines()) == 1
    context = ssl.create_default_context()
    authority.configure_trust(context)  # once trusted (as IT would install the root), it works
    with ModernGovClient(address, verify=context) as client:
        assert [c.id for c in client.committees()] == [17, 41]


def test_members_with_roles_from_the_site(site):
    with ModernGovClient(site.address) as client:
        seats = client.members(41)
    assert [(s.councillor.name.family, s.role) for s in seats] == [
        ("Castleford", Role.CHAIR), ("Tennyson-Vale", Role.VICE_CHAIR),
        ("Hammond", Role.MEMBER), ("Pryce", Role.SUBSTITUTE)]


