// The fake API server, kept as Swift source so SwiftPM does not warn about an unhandled resource;
// FakeAPIServer writes it to a temporary file and runs it with python3.
let fakeAPIServerScript = #"""
#!/usr/bin/env python3
"""A small fake kube-apiserver for the Kube client tests.

HTTPS on 127.0.0.1 with an ephemeral port (printed as "PORT n" on stdout). It keeps
objects in memory and implements the parts of the API the client tests exercise,
plus fault scenarios (429, 503, split frames, mid-stream close, 410) that a real
server cannot be made to produce on demand. Standard library only.
"""
import argparse
import base64
import copy
import json
import socket
import ssl
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qs, unquote

LOCK = threading.Lock()
STORE = {}          # (group, version, resource, namespace) -> {name: obj}
RV = [1000]
COUNTERS = {}       # fault key -> count
REQUESTS = []       # request log for /debug/requests

DISCOVERY = {
    "/api/v1": {"kind": "APIResourceList", "groupVersion": "v1", "resources": [
        {"name": "configmaps", "singularName": "configmap", "namespaced": True, "kind": "ConfigMap",
         "verbs": ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"], "shortNames": ["cm"]},
        {"name": "namespaces", "singularName": "namespace", "namespaced": False, "kind": "Namespace",
         "verbs": ["create", "delete", "get", "list", "patch", "update", "watch"], "shortNames": ["ns"]},
        {"name": "namespaces/status", "singularName": "", "namespaced": False, "kind": "Namespace", "verbs": ["get", "patch", "update"]},
    ]},
    "/apis/example.com/v1": {"kind": "APIResourceList", "groupVersion": "example.com/v1", "resources": [
        {"name": "widgets", "singularName": "widget", "namespaced": True, "kind": "Widget",
         "verbs": ["create", "delete", "get", "list", "patch", "update", "watch"], "categories": ["all"]},
        {"name": "widgets/status", "singularName": "", "namespaced": True, "kind": "Widget", "verbs": ["get", "patch", "update"]},
    ]},
}


def next_rv():
    RV[0] += 1
    return str(RV[0])


def status(code, reason, message, causes=None, name=None):
    s = {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
         "message": message, "reason": reason, "code": code}
    if causes is not None or name is not None:
        s["details"] = {}
        if name is not None:
            s["details"]["name"] = name
        if causes is not None:
            s["details"]["causes"] = causes
    return s


def merge_patch(target, patch):
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    if not isinstance(target, dict):
        target = {}
    out = dict(target)
    for k, v in patch.items():
        if v is None:
            out.pop(k, None)
        else:
            out[k] = merge_patch(out.get(k), v)
    return out


def json_pointer(path):
    if path == "":
        return []
    return [p.replace("~1", "/").replace("~0", "~") for p in path.lstrip("/").split("/")]


def json_patch(doc, ops):
    doc = copy.deepcopy(doc)
    for op in ops:
        parts = json_pointer(op["path"])
        parent = doc
        for p in parts[:-1]:
            parent = parent[int(p)] if isinstance(parent, list) else parent[p]
        last = parts[-1]
        kind = op["op"]
        if kind == "test":
            cur = parent[int(last)] if isinstance(parent, list) else parent.get(last)
            if cur != op["value"]:
                raise ValueError("test operation failed at %s" % op["path"])
        elif kind in ("add", "replace"):
            if isinstance(parent, list):
                if last == "-":
                    parent.append(op["value"])
                elif kind == "add":
                    parent.insert(int(last), op["value"])
                else:
                    parent[int(last)] = op["value"]
            else:
                if kind == "replace" and last not in parent:
                    raise ValueError("replace of missing path %s" % op["path"])
                parent[last] = op["value"]
        elif kind == "remove":
            if isinstance(parent, list):
                del parent[int(last)]
            else:
                if last not in parent:
                    raise ValueError("remove of missing path %s" % op["path"])
                del parent[last]
        else:
            raise ValueError("unsupported op %s" % kind)
    return doc


def parse_path(path):
    """Returns (group, version, namespace, resource, name, subresource) or None."""
    parts = [unquote(p) for p in path.strip("/").split("/")]
    if len(parts) >= 2 and parts[0] == "api":
        group, version, rest = "", parts[1], parts[2:]
    elif len(parts) >= 3 and parts[0] == "apis":
        group, version, rest = parts[1], parts[2], parts[3:]
    else:
        return None
    ns = None
    if len(rest) >= 3 and rest[0] == "namespaces":
        ns, rest = rest[1], rest[2:]
    if not rest:
        return None
    resource = rest[0]
    name = rest[1] if len(rest) > 1 else None
    sub = rest[2] if len(rest) > 2 else None
    return group, version, ns, resource, name, sub


def selector_matches(obj, label_selector, field_selector):
    labels = obj.get("metadata", {}).get("labels") or {}
    if label_selector:
        for term in label_selector.split(","):
            if "!=" in term:
                k, v = term.split("!=", 1)
                if labels.get(k) == v:
                    return False
            elif "=" in term:
                k, v = term.split("=", 1)
                if labels.get(k.rstrip("=")) != v.lstrip("="):
                    return False
            elif labels.get(term) is None:
                return False
    if field_selector:
        for term in field_selector.split(","):
            k, v = term.split("=", 1)
            cur = obj
            for p in k.split("."):
                cur = cur.get(p, {}) if isinstance(cur, dict) else {}
            if cur != v:
                return False
    return True


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def setup(self):
        # The TLS handshake runs here, in the connection's thread, so many clients connecting
        # at once do not queue behind each other in the accept loop.
        try:
            self.request.do_handshake()
        except (ssl.SSLError, OSError):
            self.request.close()
            raise
        super().setup()

    # -- plumbing -------------------------------------------------------------
    def read_body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def send_json(self, code, obj, headers=None):
        data = json.dumps(obj).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def start_chunked(self, code=200):
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

    def chunk(self, data):
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    def end_chunked(self):
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def client_cn(self):
        try:
            cert = self.connection.getpeercert()
        except Exception:
            return None
        if not cert:
            return None
        for rdn in cert.get("subject", ()):
            for k, v in rdn:
                if k == "commonName":
                    return v
        return None

    def auth_ok(self):
        need = self.server.require_auth
        if not need:
            return True
        auth = self.headers.get("Authorization") or ""
        if self.client_cn():
            return True
        if need == "any":
            return bool(auth)
        return auth in need.split(",")

    def handle_any(self):
        body = self.read_body()
        url = urlsplit(self.path)
        q = {k: v[0] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        with LOCK:
            REQUESTS.append({"method": self.command, "path": url.path, "rawQuery": url.query, "query": q,
                             "contentType": self.headers.get("Content-Type"),
                             "authorization": self.headers.get("Authorization"),
                             "body": body.decode("utf-8", "replace")[:2000]})
        if url.path == "/debug/requests":
            # ?contains=X keeps the requests whose path and query contain X, so tests
            # sharing one server see only their own.
            want = q.get("contains", "")
            with LOCK:
                mine = [r for r in REQUESTS[:-1] if want in r["path"] + "?" + r["rawQuery"]]
            return self.send_json(200, {"requests": mine})
        if not self.auth_ok():
            return self.send_json(401, status(401, "Unauthorized", "Unauthorized"))
        if url.path == "/whoami":
            return self.send_json(200, {"authorization": self.headers.get("Authorization"),
                                        "clientCN": self.client_cn(),
                                        "userAgent": self.headers.get("User-Agent"),
                                        "remotePort": self.client_address[1]})
        if url.path.startswith("/fault/"):
            return self.fault(url.path[len("/fault/"):], q, body)
        if url.path in DISCOVERY and self.command == "GET":
            return self.send_json(200, DISCOVERY[url.path])
        parsed = parse_path(url.path)
        if parsed is None:
            return self.send_json(404, status(404, "NotFound", "the server could not find the requested resource"))
        group, version, ns, resource, name, sub = parsed
        if self.command == "GET" and q.get("watch") in ("1", "true"):
            return self.watch(ns, q)
        key = (group, version, resource, ns)
        try:
            obj_in = json.loads(body) if body else None
        except ValueError as e:
            return self.send_json(400, status(400, "BadRequest", "invalid JSON: %s" % e))
        with LOCK:
            objs = STORE.setdefault(key, {})
            return self.crud(objs, group, version, ns, resource, name, sub, q, obj_in)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = handle_any

    # -- CRUD -------------------------------------------------------------------
    def crud(self, objs, group, version, ns, resource, name, sub, q, obj_in):
        m = self.command
        dry = q.get("dryRun") == "All"
        if m == "GET" and name is None:
            items = [o for n, o in sorted(objs.items()) if selector_matches(o, q.get("labelSelector"), q.get("fieldSelector"))]
            start = 0
            if q.get("continue"):
                tok = q["continue"]
                if not tok.startswith("c+/="):
                    return self.send_json(410, status(410, "Expired", "The provided continue parameter is too old"))
                start = int(tok[4:])
            meta = {"resourceVersion": str(RV[0])}
            limit = int(q.get("limit") or 0)
            page = items[start:]
            if limit and len(page) > limit:
                page = page[:limit]
                meta["continue"] = "c+/=%d" % (start + limit)
                meta["remainingItemCount"] = len(items) - start - limit
            return self.send_json(200, {"kind": "List", "apiVersion": "v1", "metadata": meta, "items": page})
        if m == "GET":
            if name not in objs:
                return self.send_json(404, status(404, "NotFound", '%s "%s" not found' % (resource, name), name=name))
            return self.send_json(200, objs[name])
        if m == "POST":
            if not isinstance(obj_in, dict):
                return self.send_json(400, status(400, "BadRequest", "body must be an object"))
            if q.get("fieldValidation") == "Strict" and "bogus" in obj_in:
                return self.send_json(400, status(400, "BadRequest", 'strict decoding error: unknown field "bogus"'))
            meta = obj_in.setdefault("metadata", {})
            nm = meta.get("name")
            if not nm and meta.get("generateName"):
                nm = meta["generateName"] + uuid.uuid4().hex[:5]
                meta["name"] = nm
            if not nm:
                return self.send_json(422, status(422, "Invalid", "name or generateName is required",
                                                  causes=[{"reason": "FieldValueRequired", "message": "Required value", "field": "metadata.name"}]))
            if nm != nm.lower():
                return self.send_json(422, status(422, "Invalid", '%s "%s" is invalid' % (resource, nm), name=nm,
                                                  causes=[{"reason": "FieldValueInvalid", "message": "Invalid value: must be lower case", "field": "metadata.name"}]))
            if nm in objs:
                return self.send_json(409, status(409, "AlreadyExists", '%s "%s" already exists' % (resource, nm), name=nm))
            meta["uid"] = str(uuid.uuid4())
            meta["resourceVersion"] = next_rv()
            meta["creationTimestamp"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            if ns:
                meta["namespace"] = ns
            if not dry:
                objs[nm] = obj_in
            return self.send_json(201, obj_in)
        if m == "PUT":
            if name not in objs:
                return self.send_json(404, status(404, "NotFound", '%s "%s" not found' % (resource, name), name=name))
            cur = objs[name]
            rv = (obj_in.get("metadata") or {}).get("resourceVersion")
            if rv and rv != cur["metadata"]["resourceVersion"]:
                return self.send_json(409, status(409, "Conflict",
                    'Operation cannot be fulfilled on %s "%s": the object has been modified; please apply your changes to the latest version and try again' % (resource, name), name=name))
            new = copy.deepcopy(obj_in)
            if sub == "status":
                new = copy.deepcopy(cur)
                new["status"] = obj_in.get("status")
            elif "status" in cur:
                new["status"] = cur["status"]
            new["metadata"]["uid"] = cur["metadata"]["uid"]
            new["metadata"]["creationTimestamp"] = cur["metadata"]["creationTimestamp"]
            new["metadata"]["resourceVersion"] = next_rv()
            if not dry:
                objs[name] = new
            return self.send_json(200, new)
        if m == "PATCH":
            ct = (self.headers.get("Content-Type") or "").split(";")[0]
            exists = name in objs
            if ct == "application/apply-patch+yaml":
                if not q.get("fieldManager"):
                    return self.send_json(400, status(400, "BadRequest", "PATCH with apply requires a fieldManager"))
                base = copy.deepcopy(objs[name]) if exists else {"metadata": {"name": name, "uid": str(uuid.uuid4()),
                    "creationTimestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "namespace": ns}}
                new = merge_patch(base, obj_in)
                new["metadata"]["managedFields"] = [{"manager": q["fieldManager"], "operation": "Apply",
                                                     "force": q.get("force") == "true"}]
            else:
                if not exists:
                    return self.send_json(404, status(404, "NotFound", '%s "%s" not found' % (resource, name), name=name))
                cur = objs[name]
                try:
                    if ct == "application/json-patch+json":
                        new = json_patch(cur, obj_in)
                    elif ct in ("application/merge-patch+json", "application/strategic-merge-patch+json"):
                        new = merge_patch(cur, obj_in)
                    else:
                        return self.send_json(415, status(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml"))
                except (ValueError, KeyError, IndexError) as e:
                    return self.send_json(422, status(422, "Invalid", "the patch cannot be applied: %s" % e))
                if sub == "status":
                    keep = copy.deepcopy(cur)
                    keep["status"] = new.get("status")
                    new = keep
            new["metadata"]["resourceVersion"] = next_rv()
            if not dry:
                objs[name] = new
            return self.send_json(201 if not exists else 200, new)
        if m == "DELETE":
            if name is None:
                for n in [n for n, o in objs.items() if selector_matches(o, q.get("labelSelector"), q.get("fieldSelector"))]:
                    del objs[n]
                return self.send_json(200, {"kind": "Status", "apiVersion": "v1", "status": "Success", "metadata": {}})
            if name not in objs:
                return self.send_json(404, status(404, "NotFound", '%s "%s" not found' % (resource, name), name=name))
            cur = objs[name]
            opts = obj_in or {}
            pre = opts.get("preconditions") or {}
            if pre.get("uid") and pre["uid"] != cur["metadata"]["uid"]:
                return self.send_json(409, status(409, "Conflict", "Precondition failed: UID in precondition: %s, UID in object meta: %s" % (pre["uid"], cur["metadata"]["uid"]), name=name))
            if pre.get("resourceVersion") and pre["resourceVersion"] != cur["metadata"]["resourceVersion"]:
                return self.send_json(409, status(409, "Conflict", "Precondition failed: ResourceVersion in precondition: %s, ResourceVersion in object meta: %s" % (pre["resourceVersion"], cur["metadata"]["resourceVersion"]), name=name))
            if opts.get("propagationPolicy") == "Foreground":
                cur["metadata"]["deletionTimestamp"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
                cur["metadata"]["finalizers"] = ["foregroundDeletion"]
                return self.send_json(200, cur)
            if not dry:
                del objs[name]
            return self.send_json(200, {"kind": "Status", "apiVersion": "v1", "status": "Success", "metadata": {},
                                        "details": {"name": name, "kind": resource, "uid": cur["metadata"]["uid"]}})
        return self.send_json(405, status(405, "MethodNotAllowed", "method not allowed"))

    # -- faults ----------------------------------------------------------------
    def count(self, key):
        with LOCK:
            COUNTERS[key] = COUNTERS.get(key, 0) + 1
            return COUNTERS[key]

    def fault(self, kind, q, body):
        key = kind + ":" + q.get("key", "")
        n = self.count(key)
        if kind == "retry-after":
            if n <= int(q.get("times", "1")):
                return self.send_json(429, status(429, "TooManyRequests", "too many requests, please try again later"),
                                      {"Retry-After": q.get("after", "1")})
            return self.send_json(200, {"attempts": n})
        if kind == "unavailable":
            if n <= int(q.get("times", "1")):
                return self.send_json(503, status(503, "ServiceUnavailable", "the server is shutting down"))
            return self.send_json(200, {"attempts": n})
        if kind == "drop":
            # Close the connection without any answer for the first `times` requests.
            if n <= int(q.get("times", "1")):
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            return self.send_json(200, {"attempts": n})
        if kind == "slow":
            time.sleep(float(q.get("seconds", "5")))
            return self.send_json(200, {"attempts": n})
        if kind == "plain-error":
            data = b"upstream connect error"
            self.send_response(502)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        if kind == "echo":
            return self.send_json(200, {"bytes": len(body), "object": json.loads(body) if body else None})
        return self.send_json(404, status(404, "NotFound", "no fault " + kind))

    # -- watch scenarios (selected by the namespace name) ------------------------
    def event(self, typ, name, rv, extra=None):
        obj = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": name, "namespace": "w", "resourceVersion": str(rv)},
               "data": {"k": "v" * 40}}
        if extra:
            obj.update(extra)
        return json.dumps({"type": typ, "object": obj}).encode() + b"\n"

    def watch(self, namespace, q):
        # "basic.t1" plays scenario "basic": tests sharing a server keep their requests apart.
        scenario = (namespace or "").split(".")[0]
        try:
            if scenario == "gone":
                return self.send_json(410, status(410, "Expired", "too old resource version: 1 (2000)"))
            self.start_chunked()
            if scenario == "basic":
                data = (self.event("ADDED", "a", 1) + self.event("MODIFIED", "a", 2)
                        + json.dumps({"type": "BOOKMARK", "object": {"kind": "ConfigMap", "apiVersion": "v1",
                                      "metadata": {"resourceVersion": "3"}}}).encode() + b"\n"
                        + self.event("DELETED", "a", 4))
                self.chunk(data)  # many events in one chunk
            elif scenario == "split":
                # Every event split at odd byte offsets across chunks, with pauses so they arrive apart.
                data = b"".join(self.event("ADDED", "obj-%d" % i, 10 + i) for i in range(20))
                sizes = [1, 2, 3, 5, 7, 11, 13, 17, 64, 100]
                i = k = 0
                while i < len(data):
                    step = sizes[k % len(sizes)]
                    self.chunk(data[i:i + step])
                    i += step
                    k += 1
                    if k % 10 == 0:
                        time.sleep(0.002)
            elif scenario.startswith("many"):
                # "many" streams 100000 events, "many-N" N events.
                total = int(scenario[5:]) if scenario.startswith("many-") else 100000
                # Formatted from a template: json.dumps per event would dominate the test's time.
                template = self.event("MODIFIED", "obj-%d", 0).replace(b'"resourceVersion": "0"', b'"resourceVersion": "%d"')
                buf = []
                size = 0
                for i in range(total):
                    e = template % (i % 100, 5000 + i)
                    buf.append(e)
                    size += len(e)
                    if size >= 65536:
                        self.chunk(b"".join(buf))
                        buf, size = [], 0
                if buf:
                    self.chunk(b"".join(buf))
            elif scenario == "expired":
                self.chunk(self.event("ADDED", "a", 1))
                self.chunk(json.dumps({"type": "ERROR", "object": status(410, "Expired", "too old resource version: 1 (2000)")}).encode() + b"\n")
            elif scenario == "no-final-newline":
                self.chunk(self.event("ADDED", "a", 1) + self.event("DELETED", "a", 2).rstrip(b"\n"))
            elif scenario == "error-500":
                self.chunk(json.dumps({"type": "ERROR", "object": status(500, "InternalError", "etcd is unhappy")}).encode() + b"\n")
            elif scenario == "close-mid":
                self.chunk(self.event("ADDED", "a", 1))
                half = self.event("ADDED", "b", 2)
                self.chunk(half[: len(half) // 2])
                time.sleep(0.05)
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            elif scenario == "idle":
                # Headers, one event, then nothing until the client goes away.
                self.chunk(self.event("ADDED", "a", 1))
                for _ in range(600):
                    time.sleep(0.05)
                    self.chunk(b"\n")
            self.end_chunked()
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError, OSError):
            self.close_connection = True


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cert", required=True)
    ap.add_argument("--key", required=True)
    ap.add_argument("--client-ca")
    ap.add_argument("--require-auth", default="")
    args = ap.parse_args()
    srv = Server(("127.0.0.1", 0), Handler)
    srv.require_auth = args.require_auth
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(args.cert, args.key)
    if args.client_ca:
        ctx.load_verify_locations(args.client_ca)
        ctx.verify_mode = ssl.CERT_OPTIONAL
    srv.socket = ctx.wrap_socket(srv.socket, server_side=True, do_handshake_on_connect=False)
    print("PORT %d" % srv.server_address[1], flush=True)
    # Exit when the test process closes our stdin (it died or is done).
    threading.Thread(target=lambda: (sys.stdin.read(), srv.shutdown()), daemon=True).start()
    srv.serve_forever()


if __name__ == "__main__":
    main()
"""#
