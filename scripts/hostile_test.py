#!/usr/bin/env python3
"""Hostile-user test (issue #6): starts `zeropark demo` on a temporary database and a free loopback
port, then drives the API as each role (tenants logistics and property, auditor, viewer, anonymous,
plus manager/admin for setup) with extreme numbers, YAML alias bombs, oversized and control-character
text, malformed and deeply nested JSON, odd CSV, cross-enterprise reads and writes and odd methods.

After every request it checks: the server process is alive, GET /healthz answers 200 within 200 ms,
the status is not 5xx, and - when the caller is a tenant - the body holds none of the other
enterprise's private markers (its source keys and names, activity data sources and review comments,
unless the caller itself sent that text). Each request also has an expected status (what the
hardened server answers). If the server dies or stops answering it is restarted on the same
database, so one run lists every failure.

Prints one `ok:` / `FAIL:` line per check and ends with `hostile: N passed, M failed`; exit 1 if any
check failed.

Usage: scripts/hostile_test.py PATH_TO_ZEROPARK_BINARY
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

try:
    import requests
except ImportError:  # pragma: no cover - fallback to the standard library
    requests = None
    import http.client

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PARK = "nansha-demo"
OTHER_PARK = "xihu-creative"
API = "/api/v1"
HEALTH_BUDGET = 0.2          # seconds for GET /healthz after every request
REQUEST_TIMEOUT = 10.0       # seconds for an ordinary request
RSS_LIMIT = 2 * 1024 ** 3    # bytes; the server is killed (and the check fails) beyond this
TAG = "HOSTILE7Q"            # makes the markers this test plants unique

PASSED = 0
FAILED = 0


def ok(message):
    global PASSED
    PASSED += 1
    print(f"ok: {message}", flush=True)


def fail(message):
    global FAILED
    FAILED += 1
    print(f"FAIL: {message}", flush=True)


def check(condition, message):
    (ok if condition else fail)(message)
    return condition


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def short(text, limit=160):
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[:limit] + f"...({len(text)} chars)"


# ----------------------------------------------------------------------------------------------
# HTTP

class Reply:
    def __init__(self, status, body, elapsed, error=None):
        self.status = status      # int, or None when no response was read
        self.body = body          # str
        self.elapsed = elapsed    # seconds
        self.error = error        # exception text when the request failed at the network level

    def json(self):
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def __repr__(self):
        if self.status is None:
            return f"no response ({self.error}) after {self.elapsed:.2f}s"
        return f"{self.status} in {self.elapsed:.2f}s: {short(self.body)}"


def http(base, method, path, body=None, headers=None, timeout=REQUEST_TIMEOUT):
    """One request; never raises. `body` is bytes or str."""
    url = base + path
    if isinstance(body, str):
        body = body.encode("utf-8")
    headers = dict(headers or {})
    started = time.monotonic()
    if requests is not None:
        try:
            r = requests.request(method, url, data=body, headers=headers, timeout=(3, timeout), allow_redirects=False)
            return Reply(r.status_code, r.content.decode("utf-8", "replace"), time.monotonic() - started)
        except requests.RequestException as error:
            return Reply(None, "", time.monotonic() - started, f"{type(error).__name__}: {short(str(error), 120)}")
    parsed = urllib.parse.urlsplit(url)
    try:
        connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=timeout)
        target = parsed.path + (("?" + parsed.query) if parsed.query else "")
        connection.request(method, target, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        connection.close()
        return Reply(response.status, data.decode("utf-8", "replace"), time.monotonic() - started)
    except (OSError, http.client.HTTPException) as error:
        return Reply(None, "", time.monotonic() - started, f"{type(error).__name__}: {short(str(error), 120)}")


# ----------------------------------------------------------------------------------------------
# The server under test

class Server:
    def __init__(self, binary):
        self.binary = binary
        self.workdir = tempfile.mkdtemp(prefix="zeropark-hostile-")
        self.db = os.path.join(self.workdir, "demo.sqlite")
        self.process = None
        self.port = None
        self.log = open(os.path.join(self.workdir, "server.log"), "ab")
        self.admin_key = None
        self.restarts = 0

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self.port = free_port()
        out_path = os.path.join(self.workdir, f"stdout-{self.restarts}.txt")
        self.stdout_path = out_path
        with open(out_path, "wb") as out:
            self.process = subprocess.Popen(
                [self.binary, "demo", "--db", self.db, "--port", str(self.port), "--examples", os.path.join(ROOT, "examples"),
                 "--log-level", "warning"],
                stdout=out, stderr=self.log, cwd=ROOT)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"zeropark demo exited with {self.process.returncode}; log in {self.workdir}")
            reply = http(self.base, "GET", "/healthz", timeout=2)
            if reply.status == 200:
                break
            time.sleep(0.2)
        else:
            raise SystemExit("zeropark demo did not answer /healthz within 60 s")
        if self.admin_key is None:
            with open(out_path, encoding="utf-8", errors="replace") as f:
                for line in f:
                    if "API key for admin" in line:
                        self.admin_key = line.strip().split()[-1]
        return self

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def rss(self):
        try:
            with open(f"/proc/{self.process.pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    def stop(self, kill=False):
        if self.process is None:
            return None
        if self.process.poll() is None:
            if kill:
                self.process.kill()
            else:
                self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        code = self.process.returncode
        self.process = None
        return code

    def restart(self, why):
        print(f"  note: restarting the server ({why})", flush=True)
        self.stop(kill=True)
        self.restarts += 1
        self.start()

    def api_key(self, username):
        """A key from `zeropark users api-key`, run beside the serving process."""
        result = subprocess.run([self.binary, "users", "api-key", username, "--db", self.db, "--name", f"hostile-{username}"],
                                capture_output=True, text=True, timeout=60, cwd=ROOT)
        if result.returncode != 0:
            raise RuntimeError(f"users api-key {username}: {result.stderr.strip() or result.stdout.strip()}")
        return result.stdout.strip().split()[-1]


# ----------------------------------------------------------------------------------------------
# The harness: every request is followed by the invariant checks

class Harness:
    def __init__(self, server):
        self.server = server
        self.keys = {}             # role name -> API key (None = anonymous)
        self.tenant_of = {}        # role name -> enterprise for tenants
        self.markers = {}          # enterprise -> set of private texts

    def headers(self, role, extra=None, content_type="application/json"):
        headers = {}
        if content_type:
            headers["Content-Type"] = content_type
        key = self.keys.get(role)
        if key:
            headers["Authorization"] = f"Bearer {key}"
        headers.update(extra or {})
        return headers

    def raw(self, role, method, path, body=None, content_type="application/json", timeout=REQUEST_TIMEOUT, extra_headers=None):
        """A setup/inspection request: no status expectation, but the invariants are still checked."""
        return self.request(role, method, path, body, expect=None, label=None, content_type=content_type, timeout=timeout,
                            extra_headers=extra_headers)

    def request(self, role, method, path, body=None, expect=None, label=None, content_type="application/json",
                timeout=REQUEST_TIMEOUT, max_seconds=None, extra_headers=None, watchdog=False):
        if isinstance(body, (dict, list)):
            body = json.dumps(body, ensure_ascii=False)
        sent = body if isinstance(body, str) else (body.decode("utf-8", "replace") if isinstance(body, bytes) else "")
        headers = self.headers(role, extra_headers, content_type if body is not None else None)
        killed = []
        if watchdog:
            stop = threading.Event()

            def watch():
                while not stop.wait(0.05):
                    if not self.server.alive():
                        return
                    if self.server.rss() > RSS_LIMIT:
                        killed.append(self.server.rss())
                        self.server.process.kill()
                        return

            thread = threading.Thread(target=watch, daemon=True)
            thread.start()
        reply = http(self.server.base, method, path, body, headers, timeout=timeout)
        if watchdog:
            stop.set()
            thread.join()
        name = label or f"{method} {path}"
        who = role or "anonymous"
        if killed:
            fail(f"[{who}] {name}: server memory passed {RSS_LIMIT // 1024 ** 2} MiB (killed by the test)")
        if expect is not None:
            allowed = expect if isinstance(expect, (set, frozenset, tuple, list)) else {expect}
            okay = reply.status in allowed
            if okay and max_seconds is not None and reply.elapsed > max_seconds:
                fail(f"[{who}] {name}: answered {reply.status} but took {reply.elapsed:.2f}s (limit {max_seconds}s)")
            else:
                check(okay, f"[{who}] {name}: expected {'/'.join(map(str, sorted(allowed)))}, got {reply!r}")
        self.invariants(role, name, reply, sent, path)
        return reply

    def invariants(self, role, name, reply, sent, path):
        who = role or "anonymous"
        problems = []
        alive = self.server.alive()
        if not alive:
            problems.append(f"server process died (exit {self.server.process.returncode})")
        if reply.status is not None and reply.status >= 500:
            problems.append(f"5xx response: {reply!r}")
        if reply.status is None and alive:
            problems.append(f"no HTTP response: {reply.error}")
        health_ms = None
        if alive:
            health = http(self.server.base, "GET", "/healthz", timeout=2)
            health_ms = health.elapsed * 1000
            if health.status != 200 or health.elapsed > HEALTH_BUDGET:
                problems.append(f"/healthz not 200 within {int(HEALTH_BUDGET * 1000)} ms after the request: {health!r}")
        enterprise = self.tenant_of.get(role)
        if enterprise and reply.body:
            leaked = []
            for other, texts in self.markers.items():
                if other == enterprise:
                    continue
                for marker in texts:
                    if marker in sent or marker in path:
                        continue  # the caller sent it; echoing it back reveals nothing
                    forms = {marker, json.dumps(marker)[1:-1]}
                    if any(form in reply.body for form in forms):
                        leaked.append(marker)
            if leaked:
                problems.append(f"body holds {len(leaked)} private marker(s) of enterprise '{[o for o in self.markers if o != enterprise][0]}': "
                                f"{', '.join(short(m, 40) for m in sorted(leaked)[:6])}")
        if problems:
            for problem in problems:
                fail(f"[{who}] {name}: {problem}")
        else:
            ok(f"[{who}] {name}: alive, healthz {health_ms:.0f} ms, no 5xx"
               + (", no other-enterprise markers" if enterprise else ""))
        self.recover()

    def recover(self):
        """Brings a dead or unresponsive server back so that the remaining checks still mean something."""
        if not self.server.alive():
            self.server.restart("it died")
            return
        for _ in range(50):
            if http(self.server.base, "GET", "/healthz", timeout=1).status == 200:
                return
            time.sleep(0.2)
        self.server.restart("it stopped answering /healthz for 10 s")


# ----------------------------------------------------------------------------------------------
# Helpers on the API

def p(path):
    return f"{API}/parks/{PARK}{path}"


def activity_of(h, source):
    reply = h.raw("admin", "GET", p(f"/sources/{source}/activity"))
    data = reply.json()
    return data if isinstance(data, list) else []


def has_activity(h, source, year=None, month=None, value=None, data_source_len=None, predicate=None):
    for record in activity_of(h, source):
        if year is not None and record.get("year") != year:
            continue
        if month is not None and record.get("month") != month:
            continue
        if value is not None and record.get("value") != value:
            continue
        if data_source_len is not None and len(record.get("data_source") or "") < data_source_len:
            continue
        if predicate is not None and not predicate(record):
            continue
        return True
    return False


def source_exists(h, key, park=PARK):
    return h.raw("admin", "GET", f"{API}/parks/{park}/sources/{urllib.parse.quote(key, safe='')}").status == 200


def source_view(h, key):
    reply = h.raw("admin", "GET", p(f"/sources/{urllib.parse.quote(key, safe='')}"))
    return reply.json() if reply.status == 200 else None


def sources_admin(h):
    data = h.raw("admin", "GET", p("/sources")).json()
    return data if isinstance(data, list) else []


def new_source(key, name, enterprise=None, **extra):
    body = {"key": key, "name": name, "system": "transport", "method": "fuel_combustion", "fuel": "diesel", "unit": "t",
            "data_source": f"{TAG} test data source"}
    if enterprise:
        body["enterprise"] = enterprise
    body.update(extra)
    return body


def alias_bomb(levels=10, refs=9):
    """A ~600-byte park file whose boundary evidence expands to refs**levels strings."""
    names = [chr(ord("a") + i) for i in range(levels)]
    lines = ["zeropark: 1", "bomb:", f"  - &{names[0]} [" + ",".join(['"lol"'] * refs) + "]"]
    for previous, name in zip(names, names[1:]):
        lines.append(f"  - &{name} [" + ",".join([f"*{previous}"] * refs) + "]")
    lines += ["park:", "  id: alias-bomb", "  name: bomb", "  type: industrial_park", "  area_m2: 1",
              f"  boundary: {{evidence: *{names[-1]}}}", "period: {year: 2025}", "sources: []"]
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------------------------
# The scenarios

def setup(h):
    s = h.server
    h.keys["admin"] = s.admin_key or s.api_key("admin")
    for user in ["manager", "logistics", "property", "auditor", "viewer"]:
        h.keys[user] = s.api_key(user)
    h.keys[None] = None
    h.tenant_of = {"logistics": "logistics", "property": "property"}
    check(all(h.keys[u] for u in ["admin", "manager", "logistics", "property", "auditor", "viewer"]),
          "setup: an API key for every demo user (`zeropark users api-key` beside the running server)")

    # Private data of each enterprise with unique, greppable texts.
    for enterprise in ["logistics", "property"]:
        key = f"{enterprise}.{TAG.lower()}-secret"
        name = f"{TAG}-{enterprise.upper()}-SECRET-SOURCE"
        r = h.raw("admin", "POST", p("/sources"), new_source(key, name, enterprise))
        check(r.status == 201, f"setup: admin creates {enterprise}'s private source {key} ({r!r})")
    own = {"logistics": "fleet-diesel", "property": "chiller-leak"}
    for enterprise, source in own.items():
        r = h.raw("admin", "POST", p(f"/sources/{source}/activity"),
                  {"year": 2025, "month": 11, "value": 42, "data_source": f"{TAG}-{enterprise.upper()}-PRIVATE-BILL"})
        check(r.status == 201, f"setup: admin records a private activity value on {source} ({r!r})")
    for enterprise, source in own.items():
        r = h.raw("auditor", "POST", p("/comments"), {"target": f"source:{source}", "text": f"{TAG}-{enterprise.upper()}-AUDIT-NOTE"})
        check(r.status == 201, f"setup: auditor comments on {enterprise}'s source {source} ({r!r})")
    r = h.raw("auditor", "POST", p("/comments"), {"target": "park", "text": f"{TAG}-PARK-LEVEL-AUDIT-NOTE"})
    check(r.status == 201, f"setup: auditor comments on the park ({r!r})")
    r = h.raw("manager", "POST", p("/inventories"), {"year": 2025})
    h.snapshot_id = (r.json() or {}).get("id") if r.status == 201 else None
    check(h.snapshot_id is not None, f"setup: manager stores a 2025 snapshot ({short(repr(r), 80)})")

    # Markers: the other enterprise's source keys (distinctive ones) and names, read with the admin key.
    generic = {"water", "steam", "sludge", "energy", "waste", "transport", "buildings", "production", "ecosystem"}
    markers = {"logistics": set(), "property": set()}
    for source in sources_admin(h):
        enterprise = source.get("enterprise")
        if enterprise not in markers:
            continue
        key, name = source.get("key") or "", source.get("name") or ""
        if len(key) >= 8 and key.lower() not in generic and ("-" in key or "." in key):
            markers[enterprise].add(key)
        if len(name) >= 4:
            markers[enterprise].add(name)
    for enterprise in markers:
        markers[enterprise] |= {f"{TAG}-{enterprise.upper()}-PRIVATE-BILL", f"{TAG}-{enterprise.upper()}-AUDIT-NOTE"}
    h.markers = markers
    h.own_sources = {e: {s.get("key") for s in sources_admin(h) if s.get("enterprise") == e} for e in markers}
    for enterprise, texts in markers.items():
        check(len(texts) >= 4, f"setup: {len(texts)} private markers of {enterprise}: {', '.join(sorted(texts))}")


def extreme_numbers(h):
    print("-- extreme numbers (logistics on its own source fleet-diesel)", flush=True)
    src = p("/sources/fleet-diesel/activity")
    cases = [
        ("value 1e17", '{"year": 2025, "month": 3, "value": 1e17}', dict(year=2025, month=3, value=1e17)),
        ("value 1.7e308", '{"year": 2025, "month": 4, "value": 1.7e308}', dict(year=2025, month=4, value=1.7e308)),
        ("value -1", '{"year": 2025, "month": 5, "value": -1}', dict(year=2025, month=5, value=-1)),
        ("value 1e309 literal", '{"year": 2025, "month": 6, "value": 1e309}', dict(year=2025, month=6, predicate=lambda r: r.get("value") in (None, float("inf")) or (isinstance(r.get("value"), (int, float)) and r["value"] > 1e300))),
        # The report: year 2034 with 1e17 (years 1990–2100 are in the documented domain; the value is not).
        ("year 2034 month 0 value 1e17", '{"year": 2034, "month": 0, "value": 1e17}', dict(year=2034)),
        ("year 2101", '{"year": 2101, "value": 7}', dict(year=2101)),
        ("year 1", '{"year": 1, "value": 7}', dict(year=1)),
        ("year 5000", '{"year": 5000, "value": 7}', dict(year=5000)),
        ("year 999999", '{"year": 999999, "value": 7}', dict(year=999999)),
        ("year 2025.5", '{"year": 2025.5, "value": 7}', dict(predicate=lambda r: r.get("year") not in range(1900, 2201))),
        ("year 1e30", '{"year": 1e30, "value": 7}', dict(predicate=lambda r: r.get("year") not in range(1900, 2201))),
    ]
    for label, body, stored in cases:
        # 1e309 is syntactically valid JSON but not a finite double; 400 is accepted for it alongside 422.
        expect = {400, 422} if "1e309" in label else {422}
        h.request("logistics", "POST", src, body, expect=expect, label=f"activity {label}")
        check(not has_activity(h, "fleet-diesel", **stored), f"activity {label}: nothing stored")
    # The same through CSV.
    csv = "source,year,month,value\nfleet-diesel,2025,7,1e17\n"
    h.request("logistics", "POST", p("/activity.csv"), csv, expect=422, label="CSV activity value 1e17", content_type="text/csv")
    check(not has_activity(h, "fleet-diesel", year=2025, month=7, value=1e17), "CSV activity value 1e17: nothing stored")
    csv = "source,year,month,value\nfleet-diesel,999999,0,5\n"
    h.request("logistics", "POST", p("/activity.csv"), csv, expect=422, label="CSV activity year 999999", content_type="text/csv")
    check(not has_activity(h, "fleet-diesel", year=999999), "CSV activity year 999999: nothing stored")
    # Reads that compute with whatever got stored must not fail.
    h.request("logistics", "GET", p("/inventory?year=2025"), expect=200, label="inventory 2025 after the extreme values")
    h.request("manager", "GET", p("/inventory?year=2034"), expect={200, 400, 404, 422}, label="inventory 2034")

    print("-- extreme numbers: offsets, sinks, snapshots (manager)", flush=True)
    offsets = [
        ("offset commitment_years -3", {"id": "hostile-off-commit", "name": "x", "type": "funded_project",
                                        "quantity": {"value": 10, "unit": "tCO2"}, "year": 2025, "commitment_years": -3}),
        ("offset vintage 99999", {"id": "hostile-off-vintage", "name": "x", "type": "CCER",
                                  "quantity": {"value": 10, "unit": "tCO2"}, "year": 2025, "vintage": 99999}),
        ("offset year -5", {"id": "hostile-off-year", "name": "x", "type": "CCER",
                            "quantity": {"value": 10, "unit": "tCO2"}, "year": -5}),
    ]
    for label, body in offsets:
        h.request("manager", "POST", p("/offsets"), body, expect=422, label=label)
        listed = h.raw("admin", "GET", p("/offsets")).json() or []
        check(all(o.get("id") != body["id"] for o in listed), f"{label}: nothing stored")
    body = {"id": "hostile-sink-year", "name": "x", "kind": "ccus", "captured": {"quantity": 1, "unit": "tCO2"}, "year": 999999}
    h.request("manager", "POST", p("/sinks"), body, expect=422, label="sink year 999999")
    listed = h.raw("admin", "GET", p("/sinks")).json() or []
    check(all(s.get("id") != body["id"] for s in listed), "sink year 999999: nothing stored")
    for year in [1, 5000]:
        h.request("manager", "POST", p("/inventories"), {"year": year}, expect=422, label=f"snapshot year {year}")
        listed = h.raw("admin", "GET", p("/inventories")).json() or []
        check(all(s.get("year") != year for s in listed), f"snapshot year {year}: nothing stored")
    print("-- public page, anonymous", flush=True)
    for query in ["year=2034", "year=1", "year=99999999999999999999", "year=abc"]:
        h.request(None, "GET", f"/public/{PARK}?{query}", expect={200, 400, 404, 422}, label=f"GET /public/{PARK}?{query}")


def oversized_and_control_text(h):
    print("-- oversized text and control characters", flush=True)
    big_name = "名" * (1_500_000 // 3)  # 1.5 MB of UTF-8
    key = "logistics.hostile-bigname"
    h.request("logistics", "POST", p("/sources"), new_source(key, big_name), expect=422, label="source name of 1.5 MB")
    check(not source_exists(h, key), "source name of 1.5 MB: nothing stored")
    if source_exists(h, key):
        h.raw("admin", "DELETE", p(f"/sources/{key}"))
    big = "d" * 1_000_000
    h.request("logistics", "POST", p("/sources/fleet-diesel/activity"), {"year": 2025, "month": 8, "value": 8, "data_source": big},
              expect=422, label="activity data_source of 1 MB")
    check(not has_activity(h, "fleet-diesel", year=2025, month=8, data_source_len=1_000_000), "activity data_source of 1 MB: nothing stored")
    key = "logistics.hostile-bigds"
    h.request("logistics", "POST", p("/sources"), new_source(key, "big data source", data_source=big),
              expect=422, label="source data_source of 1 MB")
    check(not source_exists(h, key), "source data_source of 1 MB: nothing stored")
    if source_exists(h, key):
        h.raw("admin", "DELETE", p(f"/sources/{key}"))
    target = "source:" + "t" * 1_900_000
    h.request("auditor", "POST", p("/comments"), {"target": target, "text": "long target"}, expect=422, label="comment target of 1.9 MB")
    comments = h.raw("admin", "GET", p("/comments")).json() or []
    check(all(len(c.get("target") or "") < 1_000_000 for c in comments), "comment target of 1.9 MB: nothing stored")
    body = json.dumps(new_source("logistics.hostile-3mb", "x" * 3_000_000))
    h.request("logistics", "POST", p("/sources"), body, expect=413, label="JSON body of 3 MB")
    csv = "source,year,month,value,data_source\n" + "".join(f"fleet-diesel,2024,{1 + i % 12},1,{'c' * 200}\n" for i in range(14_000))
    h.request("logistics", "POST", p("/activity.csv"), csv, expect=413, label=f"CSV body of {len(csv) // 1_000_000} MB",
              content_type="text/csv")
    yaml_big = "zeropark: 1\n# " + "y" * 3_000_000 + "\n"
    h.request("admin", "POST", f"{API}/parks", yaml_big, expect=413, label="YAML body of 3 MB", content_type="application/yaml")

    controls = [
        ("source name with NUL", "logistics.hostile-nul", "fleet\u0000diesel twin"),
        ("source name with U+202E", "logistics.hostile-rlo", "fleet \u202Elesaid twin"),
    ]
    for label, key, name in controls:
        h.request("logistics", "POST", p("/sources"), new_source(key, name), expect=422, label=label)
        check(not source_exists(h, key), f"{label}: nothing stored")
        if source_exists(h, key):
            h.raw("admin", "DELETE", p(f"/sources/{key}"))
    h.request("logistics", "POST", p("/sources/fleet-diesel/activity"),
              {"year": 2025, "month": 9, "value": 9, "data_source": "bill\u0000 9"}, expect=422, label="activity data_source with NUL")
    check(not has_activity(h, "fleet-diesel", year=2025, month=9, predicate=lambda r: "\u0000" in (r.get("data_source") or "")),
          "activity data_source with NUL: nothing stored")
    h.request("auditor", "POST", p("/comments"), {"target": "source:fleet-diesel", "text": "ok \u202Etxt.exe"},
              expect=422, label="comment text with U+202E")
    h.request("logistics", "PUT", p("/sources/fleet-diesel"),
              {"key": "fleet-diesel", "name": "园区物流车队柴油\u202E", "system": "transport", "method": "fuel_combustion",
               "fuel": "diesel", "unit": "t"}, expect=422, label="source rename with U+202E")
    view = source_view(h, "fleet-diesel") or {}
    check("\u202E" not in (view.get("name") or ""), "source rename with U+202E: nothing stored")


def malformed_input(h):
    print("-- malformed and deeply nested JSON, odd CSV", flush=True)
    h.request("logistics", "POST", p("/sources"), '{"key": "logistics.x", "name": ', expect=400, label="truncated JSON")
    h.request("logistics", "POST", p("/sources"), "{'key': 'single quotes'}", expect=400, label="JSON with single quotes")
    h.request("logistics", "POST", p("/sources/fleet-diesel/activity"), b"\xff\xfe{\x00}", expect=400, label="JSON body that is not UTF-8")
    h.request("logistics", "POST", p("/sources"), "[" * 100_000, expect=400, label="JSON nested [ x 100000", max_seconds=1.0)
    h.request("logistics", "POST", p("/sources/fleet-diesel/activity"), '{"year":2025,"value":' + "[" * 100_000,
              expect=400, label="JSON value nested [ x 100000", max_seconds=1.0)
    h.request("logistics", "POST", p("/sources"), '{"a":' * 50_000 + "1" + "}" * 50_000, expect={400, 422},
              label="JSON objects nested x 50000", max_seconds=1.0)
    h.request("logistics", "POST", p("/sources/fleet-diesel/activity"), "[]", expect={400, 422}, label="JSON array instead of object")
    h.request("logistics", "POST", p("/sources/fleet-diesel/activity"), "null", expect={400, 422}, label="JSON null body")
    h.request("logistics", "POST", p("/sources/fleet-diesel/activity"), "", expect={400, 422}, label="empty body")
    # CSV
    csv = "\ufeffsource,year,month,value\nfleet-diesel,2023,1,5\n"
    r = h.request("logistics", "POST", p("/activity.csv"), csv, expect={200, 422}, label="CSV with a UTF-8 BOM", content_type="text/csv")
    if r.status == 200:
        check(has_activity(h, "fleet-diesel", year=2023, month=1, value=5), "CSV with a BOM: accepted and stored as sent")
    csv = 'source,year,month,value,data_source\nfleet-diesel,2023,7,7,"unterminated\n'
    h.request("logistics", "POST", p("/activity.csv"), csv, expect=422, label="CSV with an unterminated quote", content_type="text/csv")
    check(not has_activity(h, "fleet-diesel", year=2023, month=7), "CSV with an unterminated quote: nothing stored")
    csv = "source,year,month,value\nfleet-diesel,2023,8,1\n\u0000\u0000\u0000,2023,8,1\n"
    h.request("logistics", "POST", p("/activity.csv"), csv, expect={404, 422}, label="CSV row of NUL bytes", content_type="text/csv")
    check(not has_activity(h, "fleet-diesel", year=2023, month=8), "CSV row of NUL bytes: nothing stored (all or nothing)")
    csv = "source,year,month,value\n" + "fleet-diesel,2023,9," + "9" * 400 + "\n"
    h.request("logistics", "POST", p("/activity.csv"), csv, expect=422, label="CSV value of 400 digits", content_type="text/csv")
    check(not has_activity(h, "fleet-diesel", year=2023, month=9), "CSV value of 400 digits: nothing stored")
    h.request("logistics", "POST", p("/activity.csv"), "", expect=422, label="empty CSV", content_type="text/csv")


def cross_enterprise(h):
    print("-- cross-enterprise reads and writes (tenants)", flush=True)
    pairs = [("logistics", "property", "chiller-leak"), ("property", "logistics", "fleet-diesel")]
    ghost = "no-such-source-zz"
    for me, other, theirs in pairs:
        secret = f"{other}.{TAG.lower()}-secret"
        for target in [theirs, secret]:
            before = source_view(h, target)
            h.request(me, "GET", p(f"/sources/{target}"), expect=404, label=f"GET {other}'s source {target}")
            h.request(me, "GET", p(f"/sources/{target}/activity"), expect=404, label=f"GET activity of {other}'s source {target}")
            h.request(me, "PUT", p(f"/sources/{target}"), new_source(target, f"{me} renamed it", enterprise=me),
                      expect=404, label=f"PUT {other}'s source {target}")
            after = source_view(h, target)
            check(after is not None and before is not None and after.get("name") == before.get("name")
                  and after.get("enterprise") == other, f"PUT {other}'s source {target}: unchanged")
            h.request(me, "POST", p(f"/sources/{target}/activity"), {"year": 2023, "month": 12, "value": 12345, "data_source": f"{me} wrote"},
                      expect=404, label=f"POST activity on {other}'s source {target}")
            check(not has_activity(h, target, year=2023, month=12, value=12345), f"POST activity on {other}'s source {target}: nothing stored")
            h.request(me, "POST", p("/comments"), {"target": f"source:{target}", "text": f"{me} comments on {other}"},
                      expect=404, label=f"comment on {other}'s source {target}")
            comments = h.raw("admin", "GET", p("/comments")).json() or []
            check(not any(c.get("author") == me and c.get("target") == f"source:{target}" for c in comments),
                  f"comment on {other}'s source {target}: nothing stored")
        # Indistinguishable from a source that does not exist.
        a = h.request(me, "GET", p(f"/sources/{ghost}"), expect=404, label=f"GET a missing source (baseline)")
        b = h.raw(me, "GET", p(f"/sources/{theirs}"))
        ja, jb = a.json() or {}, b.json() or {}
        ca, cb = (ja.get("error") or {}).get("code"), (jb.get("error") or {}).get("code")
        check(a.status == b.status and ca == cb,
              f"[{me}] {other}'s source {theirs} looks like a missing one ({a.status}/{ca} vs {b.status}/{cb})")
        csv_theirs = f"source,year,month,value\n{theirs},2023,11,11\n"
        csv_ghost = f"source,year,month,value\n{ghost},2023,11,11\n"
        r1 = h.request(me, "POST", p("/activity.csv"), csv_theirs, expect={404, 422}, label=f"CSV row on {other}'s source {theirs}",
                       content_type="text/csv")
        r2 = h.request(me, "POST", p("/activity.csv"), csv_ghost, expect={404, 422}, label="CSV row on a missing source (baseline)",
                       content_type="text/csv")
        check(r1.status == r2.status and ((r1.json() or {}).get("error") or {}).get("code") == ((r2.json() or {}).get("error") or {}).get("code"),
              f"[{me}] CSV row on {other}'s source answers like a missing source ({r1.status} vs {r2.status})")
        check(not has_activity(h, theirs, year=2023, month=11), f"CSV row on {other}'s source {theirs}: nothing stored")
        # Creating sources whose key exists in the other enterprise.
        for key in [theirs, secret]:
            r = h.request(me, "POST", p("/sources"), new_source(key, f"{me} squats {key}"), expect=422,
                          label=f"create source with {other}'s key {key} (no '{me}.' prefix)")
            check(r.status != 409, f"[{me}] creating key {key} does not reveal that {other} has it (got {r.status})")
        own_key = f"{me}.{TAG.lower()}-mine"
        h.request(me, "POST", p("/sources"), new_source(own_key, f"{me} own new source"), expect=201,
                  label=f"create source {own_key} with its own prefix")
        view = source_view(h, own_key) or {}
        check(view.get("enterprise") == me, f"[{me}] its new source belongs to it (enterprise {view.get('enterprise')!r})")
        h.request(me, "POST", p("/sources"), new_source(own_key, f"{me} own new source again"), expect=409,
                  label=f"create {own_key} again (its own conflict)")
        # Moving its own source into the other enterprise.
        h.request(me, "PUT", p(f"/sources/{own_key}"), new_source(own_key, f"{me} gives it away", enterprise=other),
                  expect={200, 403, 422}, label=f"PUT its own source with enterprise {other}")
        view = source_view(h, own_key) or {}
        check(view.get("enterprise") == me, f"[{me}] its source stays its own after claiming enterprise {other} "
                                             f"(enterprise {view.get('enterprise')!r})")
        # Reads that aggregate the park.
        for path in ["/sources", "/comments", "/inventory?year=2025", "/export?year=2025", "/inventories", "/audit", "/members",
                     "/factors", "/fuels", "/sinks", "/offsets", ""]:
            h.request(me, "GET", p(path), expect={200, 403}, label=f"GET park{path or ' profile'}")
        if h.snapshot_id is not None:
            h.request(me, "GET", p(f"/inventories/{h.snapshot_id}"), expect={200, 403, 404}, label=f"GET snapshot {h.snapshot_id}")
        h.request(me, "GET", f"{API}/parks/{OTHER_PARK}", expect=404, label="GET a park it is not a member of")
        comments = h.raw(me, "GET", p("/comments")).json()
        own_targets = {f"source:{k}" for k in h.own_sources[me]} | {f"source:{me}.{TAG.lower()}-mine"}
        if isinstance(comments, list):
            stray = [c.get("target") for c in comments if c.get("target") not in own_targets]
            check(not stray, f"[{me}] GET comments lists only comments on its own sources (also saw targets {sorted(set(stray))})")
            mine = {"logistics": "fleet-diesel", "property": "chiller-leak"}[me]
            check(any(c.get("target") == f"source:{mine}" for c in comments),
                  f"[{me}] GET comments still lists the comment on its own source")
        else:
            check(False, f"[{me}] GET comments answers a list")
    # Deletes last: a successful one would remove the source for the checks above.
    for me, other, theirs in pairs:
        h.request(me, "DELETE", p(f"/sources/{theirs}"), expect=404, label=f"DELETE {other}'s source {theirs}")
        check(source_exists(h, theirs), f"DELETE {other}'s source {theirs}: still there")


def roles(h):
    print("-- auditor, viewer and anonymous writes", flush=True)
    h.request("auditor", "POST", p("/sources/fleet-diesel/activity"), {"year": 2025, "month": 10, "value": 10}, expect=403,
              label="auditor records activity")
    h.request("auditor", "POST", p("/sources"), new_source("auditor-src", "auditor source"), expect=403, label="auditor creates a source")
    h.request("auditor", "DELETE", p("/sources/fleet-diesel"), expect=403, label="auditor deletes a source")
    h.request("viewer", "GET", p("/sources"), expect=404, label="viewer reads a park it is not a member of")
    h.request("viewer", "POST", p("/sources/fleet-diesel/activity"), {"year": 2025, "value": 1}, expect=404,
              label="viewer writes to a park it is not a member of")
    h.request("viewer", "POST", f"{API}/parks/{OTHER_PARK}/comments", {"target": "park", "text": "viewer comment"}, expect=403,
              label="viewer comments on its own park")
    h.request("viewer", "POST", f"{API}/parks/{OTHER_PARK}/inventories", {"year": 2025}, expect=403, label="viewer stores a snapshot")
    h.request(None, "GET", f"{API}/parks", expect=401, label="anonymous lists parks")
    h.request(None, "POST", p("/sources/fleet-diesel/activity"), '{"year": 2025, "value": 1e17}', expect=401,
              label="anonymous records activity 1e17")
    h.request(None, "POST", p("/sources"), "[" * 1000, expect=401, label="anonymous posts malformed JSON")
    h.request(None, "POST", f"{API}/parks", alias_bomb(), expect=401, label="anonymous posts the alias bomb",
              content_type="application/yaml", timeout=5, max_seconds=1.0, watchdog=True)
    h.request(None, "GET", p("/sources"), expect=401, label="anonymous reads sources", extra_headers={"Authorization": "Bearer zp_forged"})


def methods(h):
    print("-- TRACE and PATCH", flush=True)
    for method in ["TRACE", "PATCH"]:
        for path in [f"{API}/parks", p(""), p("/sources"), p("/sources/fleet-diesel"), p("/comments")]:
            h.request("admin", method, path, "{}" if method == "PATCH" else None, expect=405, label=f"{method} {path}")
        h.request("logistics", method, p("/sources/chiller-leak"), "{}" if method == "PATCH" else None, expect={404, 405},
                  label=f"{method} another enterprise's source")


def bombs(h):
    print("-- YAML alias bomb and deep YAML (last: they may take the server down)", flush=True)
    bomb = alias_bomb()
    print(f"  note: alias bomb is {len(bomb.encode())} bytes, 10 levels x 9 references", flush=True)
    h.request("viewer", "POST", f"{API}/parks", bomb, expect=403, label="alias bomb as viewer", content_type="application/yaml",
              timeout=5, max_seconds=1.0, watchdog=True)
    h.request("admin", "POST", f"{API}/parks", bomb, expect=422, label="alias bomb as admin", content_type="application/yaml",
              timeout=5, max_seconds=1.0, watchdog=True)
    parks = h.raw("admin", "GET", f"{API}/parks").json() or []
    check(all(pk.get("key") != "alias-bomb" for pk in parks), "alias bomb: no park stored")
    h.request("admin", "POST", f"{API}/parks?replace=true", bomb.replace("alias-bomb", PARK), expect=422,
              label="alias bomb as admin replacing nansha-demo", content_type="application/yaml", timeout=5, max_seconds=1.0, watchdog=True)
    deep = "zeropark: 1\nbomb: " + "[" * 100_000 + "\n"
    h.request("admin", "POST", f"{API}/parks", deep, expect=422, label="YAML nested [ x 100000", content_type="application/yaml",
              timeout=5, max_seconds=1.0, watchdog=True)
    deep = "zeropark: 1\nbomb:\n  " + "- " * 3000 + "x\n"
    h.request("admin", "POST", f"{API}/parks", deep, expect=422, label="YAML compact block sequence nested x 3000",
              content_type="application/yaml", timeout=5, max_seconds=1.0, watchdog=True)


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: scripts/hostile_test.py PATH_TO_ZEROPARK_BINARY")
    started = time.monotonic()
    server = Server(os.path.abspath(sys.argv[1]))
    h = Harness(server)
    try:
        server.start()
        print(f"hostile test: zeropark demo on {server.base}, database {server.db}", flush=True)
        setup(h)
        extreme_numbers(h)
        oversized_and_control_text(h)
        malformed_input(h)
        cross_enterprise(h)
        roles(h)
        methods(h)
        bombs(h)
        if server.alive():
            code = server.stop()
            check(code == 0, f"the server exits cleanly on SIGTERM (exit {code})")
        else:
            fail("the server is not running at the end")
    finally:
        if server.alive():
            server.stop()
        print(f"  note: {server.restarts} restart(s); runtime {time.monotonic() - started:.1f}s; server log {server.workdir}/server.log",
              flush=True)
        print(f"hostile: {PASSED} passed, {FAILED} failed", flush=True)
    if FAILED == 0:
        shutil.rmtree(server.workdir, ignore_errors=True)
    sys.exit(1 if FAILED else 0)


if __name__ == "__main__":
    main()
