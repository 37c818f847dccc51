#!/usr/bin/env python3
"""Serve a directory (the built site, dist/) on 127.0.0.1 only.

    python3 scripts/static_server.py [DIR] [PORT]

Used by scripts/serve.sh and by the browser tests (which import `start`). Every request path is
recorded in `server.requests` so tests can check that the page asked for nothing but its own files.
"""
import functools
import http.server
import os
import sys
import threading

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".txt": "text/plain; charset=utf-8",
}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def end_headers(self):
        # The HTML and the service worker must be revalidated so a new build is picked up; the
        # other files have content hashes in their names.
        if self.path.split("?")[0] in ("/", "/index.html", "/sw.js"):
            self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def do_GET(self):
        self.server.requests.append(self.path)
        super().do_GET()

    def log_message(self, fmt, *args):
        if not self.server.quiet:
            super().log_message(fmt, *args)


def start(directory, port=0, quiet=True):
    """Start a server in a background thread; returns it (`server.server_address[1]` is the port)."""
    handler = functools.partial(Handler, directory=os.fspath(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    server.requests = []
    server.quiet = quiet
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else "dist"
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 8080
    if not os.path.isfile(os.path.join(directory, "index.html")):
        sys.exit(f"{directory}/index.html not found: build the site first (bash scripts/build.sh)")
    handler = functools.partial(Handler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.requests = []
    server.quiet = False
    print(f"budgetlint: serving {directory}/ on http://127.0.0.1:{server.server_address[1]}/  (Ctrl+C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
