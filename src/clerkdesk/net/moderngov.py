"""Fetch from a council's Modern.gov web service: GET only, verified HTTPS, proxy, size limit.

httpx (well kept, typed, streaming, timeouts per phase) with truststore, so HTTPS is checked
against the operating system's trust store: a council that re-signs TLS with its own root
installs that root in the OS, not in Python. Proxies come from the environment (HTTPS_PROXY,
HTTP_PROXY, NO_PROXY); the window also passes the proxy Qt reads from the OS settings.
"""

import datetime as dt
import ssl
import threading
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

import httpx
import truststore

from clerkdesk.domain.moderngov import (
    SiteAgenda,
    SiteCommittee,
    SiteMeeting,
    SiteMember,
)
from clerkdesk.errors import ClerkDeskError
from clerkdesk.importers import moderngov_xml

MAX_RESPONSE_BYTES = 5 * 1024 * 1024  # the largest real agenda seen is well under 1 MB
TIMEOUT_SECONDS = 20.0
SERVICE = "mgWebService.asmx"
Progress = Callable[[str], None]


class SiteUnavailable(ClerkDeskError):
    """The site could not be reached or refused the request; nothing was changed."""


class Cancelled(ClerkDeskError):
    """The clerk pressed Cancel; nothing was changed."""


def service_root(site: str) -> str:
    """The site's address without the service or page part: "democracy.x.gov.uk/" -> https://…"""
    text = site.strip()
    if not text:
        raise ClerkDeskError("Type the council's Modern.gov site address first.")
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ClerkDeskError(f"“{site}” is not a web address.")
    path = parts.path
    lowered = path.lower()
    for marker in ("/mgwebservice.asmx", "/mg", "/ie"):
        if marker in lowered:
            path = path[: lowered.index(marker)]
            break
    return urlunsplit((parts.scheme, parts.netloc, path.rstrip("/"), "", ""))


class ModernGovClient:
    """One site's web service; `cancel()` from another thread stops the current fetch."""

    def __init__(self, site: str, *, timeout: float = TIMEOUT_SECONDS,
                 max_bytes: int = MAX_RESPONSE_BYTES, proxy: str | None = None,
                 verify: ssl.SSLContext | None = None) -> None:
        self.root = service_root(site)
        self.max_bytes = max_bytes
        self._cancelled = threading.Event()
        self._http = httpx.Client(
            timeout=httpx.Timeout(timeout), follow_redirects=True, trust_env=True,
            verify=verify or truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT), proxy=proxy,
            headers={"User-Agent": "ClerkDesk (reads committee data only)"},
        )

    def __enter__(self) -> "ModernGovClient":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def cancel(self) -> None:
        self._cancelled.set()

    def committees(self) -> list[SiteCommittee]:
        return moderngov_xml.committees(self.get("GetCommittees", lDays=0))

    def meetings(self, committee_id: int, start: dt.date, end: dt.date) -> list[SiteMeeting]:
        data = self.get("GetMeetings", lCommitteeId=committee_id,
                        sFromDate=start.strftime("%d/%m/%Y"), sToDate=end.strftime("%d/%m/%Y"))
        return moderngov_xml.meetings(data)

    def agenda(self, meeting_id: int) -> SiteAgenda:
        return moderngov_xml.agenda(self.get("GetMeeting", lMeetingId=meeting_id))

    def members(self, committee_id: int, progress: Progress | None = None) -> list[SiteMember]:
        """The committee's members with roles: each councillor's committees, one by one."""
        everyone = moderngov_xml.councillors(self.get("GetCouncillorsByWard"))
        seats = []
        for number, councillor in enumerate(everyone, start=1):
            if progress:
                progress(f"Reading councillor {number} of {len(everyone)}…")
            data = self.get("GetCommitteesByUser", lUserId=councillor.id)
            seat = moderngov_xml.seat_on(data, councillor, committee_id)
            if seat is not None:
                seats.append(seat)
        return seats

    def get(self, operation: str, **params: str | int) -> bytes:
        """The body of one GET to the service, at most `max_bytes`; one-sentence errors."""
        self._check_cancelled()
        url = f"{self.root}/{SERVICE}/{operation}"
        try:
            with self._http.stream("GET", url, params=params) as response:
                self._check_status(response)
                return self._read_limited(response)
        except httpx.ProxyError as error:
            raise SiteUnavailable(f"The proxy refused the connection to {self._host} "
                                  f"({_reason(error)}).") from error
        except httpx.ConnectError as error:
            raise SiteUnavailable(_connect_message(self._host, error)) from error
        except httpx.TimeoutException as error:
            raise SiteUnavailable(f"{self._host} did not answer in time; try again later."
                                  ) from error
        except httpx.HTTPError as error:
            raise SiteUnavailable(f"The connection to {self._host} failed ({_reason(error)})."
                                  ) from error

    @property
    def _host(self) -> str:
        return urlsplit(self.root).netloc

    def _check_cancelled(self) -> None:
        if self._cancelled.is_set():
            raise Cancelled("Cancelled; nothing was changed.")

    def _check_status(self, response: httpx.Response) -> None:
        if response.status_code == 404:
            raise SiteUnavailable(f"{self._host} has no Modern.gov web service at this address "
                                  f"(404): check the site address.")
        if response.status_code in (401, 403, 407):
            raise SiteUnavailable(f"{self._host} refused the request ({response.status_code}): "
                                  f"the service may need a login or be blocked by a proxy.")
        if response.status_code >= 400:
            raise SiteUnavailable(f"{self._host} answered with an error "
                                  f"({response.status_code}); try again later.")

    def _read_limited(self, response: httpx.Response) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise SiteUnavailable(self._too_big())
        body = bytearray()
        for chunk in response.iter_bytes():
            self._check_cancelled()
            body += chunk
            if len(body) > self.max_bytes:
                raise SiteUnavailable(self._too_big())
        return bytes(body)

    def _too_big(self) -> str:
        limit = self.max_bytes // (1024 * 1024)
        return (f"{self._host} sent more than {limit} MB, more than any agenda needs, so "
                f"nothing was imported.")


def _reason(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text and text[0] else type(error).__name__


def _connect_message(host: str, error: httpx.ConnectError) -> str:
    text = str(error)
    if "CERTIFICATE_VERIFY_FAILED" in text or "certificate" in text.lower():
        return (f"The certificate of {host} is not trusted by this computer, so ClerkDesk did "
                f"not connect (ask IT to install the council's root certificate).")
    if "refused" in text.lower():
        return f"{host} refused the connection: the site may be down; try again later."
    return f"{host} could not be reached ({_reason(error)}); check the address and network."
