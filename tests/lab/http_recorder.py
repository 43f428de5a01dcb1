#!/usr/bin/env python3
"""A tiny HTTP server for the lab tests: records every request it gets as
one JSON line {method, path, body} in LOG and answers 200 {"ok": true}.
A path containing /flaky/ answers 503 to its first request (a retry test).
Usage: http_recorder.py ADDRESS LOG PORTFILE  (binds port 0, writes the port
to PORTFILE once it listens)."""
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

addr, log, portfile = sys.argv[1], sys.argv[2], sys.argv[3]
seen = set()


class Recorder(BaseHTTPRequestHandler):
    def handle_any(self):
        n = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(n).decode("utf-8", "replace") if n else ""
        with open(log, "a") as f:
            f.write(json.dumps({"method": self.command, "path": self.path, "body": body}) + "\n")
        status = 200
        if "/flaky/" in self.path and self.path not in seen:
            seen.add(self.path)
            status = 503
        out = b'{"ok": true}'
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = handle_any

    def log_message(self, *args):
        pass


srv = HTTPServer((addr, 0), Recorder)
with open(portfile + ".tmp", "w") as f:
    f.write(str(srv.server_address[1]))
import os
os.rename(portfile + ".tmp", portfile)
srv.serve_forever()
