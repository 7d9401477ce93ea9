"""The preview server's HTTP side: what it listens on, whom it answers, what it logs.

It is livereload's server (static files, the live-reload WebSocket, `/livereload.js`)
with every handler narrowed to what a preview needs, since any web page the author
visits may send requests to it:

- a request naming a host other than the one listened on, an IP address or `localhost`
  is refused (403): a page on another site cannot reach the preview by pointing its own
  name at 127.0.0.1 (DNS rebinding);
- the WebSocket and `/forcereload` (POST only) refuse other origins (403): another
  page can neither listen for rebuilds nor trigger reloads;
- the output folder's bookkeeping (`.ladderpress-*`) is not served (404), and odd paths
  get a 4xx, never a traceback;
- a page that does not exist is answered with the site's own 404 page, status 404, as a
  static host serves it once the site is published;
- what is logged passes through `printable`: request paths and what a browser sends
  cannot reach the terminal as control sequences.
"""

from __future__ import annotations

import errno
import ipaddress
import json
import logging
import os
import re
import socket
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from livereload import Server
from livereload.handlers import (
    ForceReloadHandler,
    LiveReloadHandler,
    LiveReloadJSHandler,
    StaticFileHandler,
)
from livereload.server import LiveScriptInjector
from tornado import httpserver, httputil, netutil, web
from tornado.log import LogFormatter

from ladderpress.core.terminal import printable
from ladderpress.core.urls import not_found_url

OVERLAY_JS = """(function () {
  "use strict";
  fetch("/__ladderpress/status", {cache: "no-store"}).then(function (r) { return r.json(); })
    .then(function (status) {
      if (!status.problems.length) { return; }
      var box = document.createElement("div");
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;max-height:60vh;" +
        "overflow:auto;z-index:1000;background:#2b0d0e;color:#fff;padding:1rem 1.25rem;" +
        "border-radius:10px;box-shadow:0 8px 30px rgba(0,0,0,.4);font:14px/1.5 monospace";
      var title = document.createElement("strong");
      title.textContent = "The last edit broke the build; this is the last good version.";
      box.appendChild(title);
      status.problems.forEach(function (line) {
        var p = document.createElement("div");
        p.textContent = line;
        p.style.marginTop = ".4rem";
        box.appendChild(p);
      });
      document.body.appendChild(box);
    }).catch(function () {});
})();
"""

# livereload's own snippet, which it adds before </head> of every page it serves.
LIVE_SCRIPT = (
    b'<script type="text/javascript">(function(){'
    b'var s=document.createElement("script");'
    b"var port=(window.location.port || (window.location.protocol == 'https:' ? 443: 80));"
    b's.src="//"+window.location.hostname+":"+port'
    b'+ "/livereload.js?port=" + port;'
    b"document.head.appendChild(s);"
    b"})();</script>"
)

MAX_TARGET = 2048  # characters of path and query; no page of a site comes near
STATE_PREFIX = ".ladderpress"  # the output folder's bookkeeping: manifest, state, temporaries


class ListenError(Exception):
    """The server cannot listen where it was told to; the message says what to do."""


def is_loopback(host: str) -> bool:
    """Whether `host` names this machine only, so that no other machine can connect."""
    name = host.strip().strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        pass
    try:
        found = socket.getaddrinfo(name, None)
    except (OSError, UnicodeError):
        return False
    addresses = {str(info[4][0]).split("%")[0] for info in found}
    return bool(addresses) and all(ipaddress.ip_address(a).is_loopback for a in addresses)


def listen(host: str, port: int) -> list[socket.socket]:
    """Sockets listening on host:port (port 0: a free one), or a ListenError saying why not."""
    try:
        return netutil.bind_sockets(port, address=host)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            why = f"port {port} is in use; use --port N or --port 0 for a free one"
        elif exc.errno == errno.EACCES:
            why = f"no permission to listen on port {port}; use --port 0 for a free one"
        else:
            reason = exc.strerror or str(exc)
            why = f"cannot listen on {host} port {port}: {reason}; check --host and --port"
        raise ListenError(printable(why)) from None


def is_state_file(relative: str) -> bool:
    """Whether a path inside the output folder is the build's bookkeeping, not the site."""
    # In any case: on macOS and Windows `.LADDERPRESS-STATE.JSON` opens the same file.
    return any(part.lower().startswith(STATE_PREFIX) for part in re.split(r"[\\/]", relative))


def _host_and_port(value: str) -> tuple[str, int] | None:
    """The host name (lowercase, no brackets) and port of a Host header or a URL's netloc."""
    try:
        split = urlsplit("//" + value)
        name, port = split.hostname, split.port
    except ValueError:
        return None
    return (name, 80 if port is None else port) if name else None


class Guard:
    """What a request must show to be answered: the address this server listens on."""

    def __init__(self, host: str, port: int) -> None:
        self.port = port
        self.names = {"localhost", host.strip("[]").lower()}

    def refusal(self, request: httputil.HTTPServerRequest) -> tuple[int, str] | None:
        """The status and reason to refuse a request with, before any handler sees it."""
        if len(request.uri or "") > MAX_TARGET:
            return 414, f"request target over {MAX_TARGET} characters"
        named = _host_and_port(request.headers.get("Host", ""))
        if named is None or named[1] != self.port:
            return 403, f"not this server: Host {request.headers.get('Host')!r}"
        name = named[0]
        if name not in self.names and not name.endswith(".localhost"):
            try:
                ipaddress.ip_address(name)  # an address cannot be pointed elsewhere
            except ValueError:
                return 403, f"Host {name!r} is not an address this server listens on"
        return None

    def is_own(self, url: str, request: httputil.HTTPServerRequest) -> bool:
        """Whether `url` (an Origin or a Referer) is on this server, as the request names it."""
        try:
            split = urlsplit(url)
            theirs = (split.hostname, 80 if split.port is None else split.port)
        except ValueError:
            return False
        own = _host_and_port(request.headers.get("Host", ""))
        return split.scheme == "http" and own is not None and theirs == own

    def cross_site(self, request: httputil.HTTPServerRequest) -> str | None:
        """Why a request that changes something comes from another site, if it does."""
        headers = request.headers
        site = headers.get("Sec-Fetch-Site")
        if site is not None and site not in ("same-origin", "none"):
            return f"Sec-Fetch-Site {site!r}"
        for name in ("Origin", "Referer"):
            value = headers.get(name)
            if value is not None and not self.is_own(value, request):
                return f"{name} {value!r}"
        return None


class PreviewApplication(web.Application):
    """Refuses a request for another host, or an overlong one, before routing it."""

    def __init__(self, handlers: list[Any], guard: Guard, **settings: Any) -> None:
        super().__init__(handlers, **settings)
        self.guard = guard

    def find_handler(self, request: httputil.HTTPServerRequest, **kwargs: Any) -> Any:
        refused = self.guard.refusal(request)
        if refused is not None:
            status, why = refused
            return self.get_handler_delegate(request, Refused, {"status": status, "why": why})
        return super().find_handler(request, **kwargs)


class Refused(web.RequestHandler):
    def initialize(self, status: int, why: str) -> None:
        self.status, self.why = status, why

    def prepare(self) -> None:
        raise web.HTTPError(self.status, "%s", self.why)  # logged, through printable


class StatusHandler(web.RequestHandler):
    def initialize(self, status: Callable[[], str]) -> None:
        self.status = status

    def get(self) -> None:
        self.set_header("Content-Type", "application/json")
        self.set_header("Cache-Control", "no-store")
        self.write(self.status())


class OverlayHandler(web.RequestHandler):
    def get(self) -> None:
        self.set_header("Content-Type", "text/javascript")
        self.set_header("Cache-Control", "no-store")
        self.write(OVERLAY_JS)


class LiveSocket(LiveReloadHandler):  # type: ignore[misc]
    """livereload's WebSocket, for this server's own pages only."""

    def initialize(self, guard: Guard) -> None:
        self.guard = guard

    def prepare(self) -> None:
        # Here rather than only in check_origin, which tornado skips when the Origin's
        # host and port match, whatever its scheme. Browsers send Origin on every
        # WebSocket; tools that send none are let in.
        origin = self.request.headers.get("Origin")
        if origin is not None and not self.check_origin(origin):
            raise web.HTTPError(403, "WebSocket from another origin: %r", origin)

    def check_origin(self, origin: str) -> bool:
        return self.guard.is_own(origin, self.request)

    def on_message(self, message: str | bytes) -> None:
        try:
            parsed = json.loads(message)
        except ValueError:
            parsed = None
        if not isinstance(parsed, dict) or not isinstance(parsed.get("command"), str):
            self.close(1003, "not a livereload message")
            return
        super().on_message(message)


class ForceReload(ForceReloadHandler):  # type: ignore[misc]
    """Reloads every open page; POST only, from this server's pages or from a tool.

    A GET can come from any page the author visits (an image, a link), with no Origin
    and often no Referer; a POST from a browser always carries its Origin.
    """

    def initialize(self, guard: Guard) -> None:
        self.guard = guard

    def get(self) -> None:
        self.set_status(405)  # not an HTTPError: its error page would drop the Allow header
        self.set_header("Allow", "POST")
        self.finish("GET does not reload; POST does\n")

    def post(self) -> None:
        foreign = self.guard.cross_site(self.request)
        if foreign is not None:
            raise web.HTTPError(403, "reload from another site refused: %s", foreign)
        ForceReloadHandler.get(self)


class SiteFiles(StaticFileHandler):  # type: ignore[misc]
    """The output folder's files, without its bookkeeping; an odd path gets a 4xx, and a
    missing page the site's 404 page."""

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        if status_code == 404:
            try:
                with open(os.path.join(self.root, not_found_url()), "rb") as file:
                    page = file.read()
            except OSError:  # no 404 page built (yet): tornado's own
                pass
            else:
                self.set_header("Content-Type", "text/html; charset=UTF-8")
                self.finish(page)
                return
        super().write_error(status_code, **kwargs)

    def parse_url_path(self, url_path: str) -> str:
        if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in url_path):
            raise web.HTTPError(400, "control character in path")  # NUL made a 500
        if is_state_file(url_path):
            raise web.HTTPError(404)
        return str(super().parse_url_path(url_path))

    def validate_absolute_path(self, root: str, absolute_path: str) -> str | None:
        if self.path.endswith(("/", os.sep)) and os.path.isfile(absolute_path):
            raise web.HTTPError(404)  # `page.html/`: a file is no folder, as when published
        try:
            found: str | None = super().validate_absolute_path(root, absolute_path)
        except (OSError, ValueError):
            raise web.HTTPError(404) from None
        # Checked again on the file that would be opened, as the file system names it.
        if found is not None and is_state_file(os.path.relpath(found, os.path.realpath(root))):
            raise web.HTTPError(404)
        return found


class PrintableRecords(logging.Filter):
    """Log records with what requests put in them escaped (see terminal.printable)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        try:
            if isinstance(args, tuple) and args:
                # The template is the library's own and may hold line breaks; values not.
                text = str(record.msg) % tuple(
                    printable(arg) if isinstance(arg, str) else arg for arg in args
                )
                message = "\n".join(printable(line) for line in text.split("\n"))
            else:
                message = printable(record.getMessage())  # may have been formatted already
        except Exception:  # a filter that raised would fail the code that logged
            message = printable(f"{record.msg!s} {args!r}")
        record.msg, record.args = message, None
        if record.exc_info and not record.exc_text:
            trace = logging.Formatter().formatException(record.exc_info)
            record.exc_text = "\n".join(printable(line) for line in trace.split("\n"))
        return True


def url_for(host: str, port: int) -> str:
    name = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{name}:{port}/"


class PreviewServer(Server):  # type: ignore[misc]
    """livereload's Server on sockets bound beforehand, with the handlers above."""

    def __init__(
        self, watcher: Any, sockets: list[socket.socket], host: str, status: Callable[[], str]
    ) -> None:
        super().__init__(watcher=watcher)
        self.sockets = sockets
        self.guard = Guard(host, int(sockets[0].getsockname()[1]))
        self.status = status

    def _setup_logging(self) -> None:
        logging.getLogger("livereload").setLevel(logging.INFO)
        channel = logging.StreamHandler()
        channel.setFormatter(LogFormatter())
        channel.addFilter(PrintableRecords())
        logging.getLogger().addHandler(channel)  # tornado's, livereload's, any other's

    def application(self, *args: Any, live_css: bool = True, **kwargs: Any) -> None:
        LiveReloadHandler.watcher = self.watcher
        LiveReloadHandler.live_css = live_css
        guarded = {"guard": self.guard}
        handlers = [
            (r"/livereload", LiveSocket, guarded),
            (r"/forcereload", ForceReload, guarded),
            (r"/livereload.js", LiveReloadJSHandler),
            (r"/__ladderpress/status", StatusHandler, {"status": self.status}),
            (r"/__ladderpress/overlay.js", OverlayHandler),
            (r"/(.*)", SiteFiles, {"path": self.root, "default_filename": "index.html"}),
        ]

        class WithLiveScript(LiveScriptInjector):  # type: ignore[misc]
            script = LIVE_SCRIPT

        app = PreviewApplication(
            handlers,
            self.guard,
            transforms=[WithLiveScript],
            websocket_max_message_size=64 * 1024,  # livereload's messages are a few bytes
        )
        httpserver.HTTPServer(app).add_sockets(self.sockets)
