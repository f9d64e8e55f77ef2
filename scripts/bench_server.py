#!/usr/bin/env python3
"""Server benchmark (issues #3, #8): start time of `zeropark demo` (new and reused database), and
p50/p99 latency of the overview page and of the inventory API for a park with 2,000 sources and
3 years of monthly data, under concurrent load from wrk (a second process, loopback); then the
telemetry dashboard's queries on the same park with BENCH_METERS meters (default 500) × BENCH_DAYS
(default 365) days of 15-minute readings up to now, imported with `zeropark readings import` and
cleaned: the live dashboard, the overview of the current year (its electricity from the meters), a
meter's page, a meter's year at hourly resolution and a day at 15 minutes (API), each for one meter
and then for a random meter (and day) per request. Each URL gets one warm-up request before wrk.
/healthz is measured in the same run as the baseline, and every figure is also given as a ratio to it.

Usage: scripts/bench-server  (builds release, installs wrk if missing)
"""
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES, YEARS = 2000, [2023, 2024, 2025]
DURATION, CONNECTIONS, THREADS = os.environ.get("BENCH_DURATION", "10s"), 16, 2
METERS, DAYS = int(os.environ.get("BENCH_METERS", "500")), int(os.environ.get("BENCH_DAYS", "365"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_demo(binary, db, port):
    started = time.monotonic()
    process = subprocess.Popen([binary, "demo", "--db", db, "--port", str(port), "--examples", os.path.join(ROOT, "examples"),
                                "--log-level", "warning"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as response:
                if response.status == 200:
                    return process, time.monotonic() - started
        except OSError:
            if process.poll() is not None:
                raise SystemExit(process.stdout.read())
            time.sleep(0.02)


def park_file():
    systems = ["energy", "buildings", "production", "transport", "waste", "water", "ecosystem"]
    lines = ["zeropark: 1", "park:", "  id: bench-park", "  name: 基准园区", "  type: industrial_park", "  province: guangdong",
             "  area_m2: 3000000", "  output_value_cny: 2.0e10", "period:", f"  year: {YEARS[0]}", "sources:"]
    for i in range(SOURCES):
        kind = i % 4
        method = ["purchased_electricity", "fuel_combustion\n    fuel: diesel", "purchased_heat", "green_electricity"][kind]
        unit = ["MWh", "t", "GJ", "MWh"][kind]
        months = ", ".join(str(100 + (i * 7 + m * 13) % 900) for m in range(12))
        lines += [f"  - id: s{i}", f"    name: 排放源 {i}", f"    system: {systems[i % 7]}", f"    method: {method}",
                  "    activity:", f"      unit: {unit}", f"      monthly: [{months}]", f"    data_source: meter {i}"]
    return "\n".join(lines) + "\n"


def csv_rows(year):
    rows = ["source,year,month,value,data_source"]
    for i in range(SOURCES):
        for m in range(1, 13):
            rows.append(f"s{i},{year},{m},{100 + (i * 11 + m * 17 + year) % 900},meter {i}")
    return "\n".join(rows) + "\n"


def request(url, key, data=None, content_type="application/json"):
    req = urllib.request.Request(url, data=data.encode() if data is not None else None,
                                 headers={"Authorization": f"Bearer {key}", "Content-Type": content_type})
    with urllib.request.urlopen(req, timeout=600) as response:
        return response.status, response.read()


def wrk(url, headers, random_path=None):
    """p50/p99 under wrk after one warm-up request (the first request after a start or a data change
    computes what later ones read from the cache; that cost is the start-up figure, not the p99).
    With `random_path` ("{meter}" and "{day}" in it), each request picks a random meter and day
    (scripts/wrk_random.lua), so the figure is not that of one row read again and again."""
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{DURATION}", "--latency"]
    for header in headers:
        command += ["-H", header]
    environment = dict(os.environ)
    if random_path is not None:
        command += ["-s", os.path.join(ROOT, "scripts", "wrk_random.lua")]
        environment.update(WRK_PATH=random_path, WRK_METERS=str(METERS), WRK_DAYS=str(min(DAYS, 365)))
        warm = url + random_path.replace("{meter}", "m000").replace("{day}", time.strftime("%Y-%m-%d", time.gmtime(time.time() + 28800 - 86400)))
    else:
        warm = url
    urllib.request.urlopen(urllib.request.Request(warm, headers=dict(h.split(": ", 1) for h in headers)), timeout=600).read()
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True, env=environment).stdout
    def percentile(p):
        match = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)", output, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {"p50_ms": percentile(50), "p99_ms": percentile(99), "rps": rps, "non2xx": int(errors.group(1)) if errors else 0}


def main():
    binary = sys.argv[1]
    workdir = tempfile.mkdtemp(prefix="zeropark-bench-")
    db = os.path.join(workdir, "demo.sqlite")
    port = free_port()
    process, created = start_demo(binary, db, port)
    process.terminate(); process.wait()
    process, reused = start_demo(binary, db, port)
    base = f"http://127.0.0.1:{port}"
    try:
        output = ""
        # The API key is printed only when the demo is created; make a fresh one for the benchmark.
        key = subprocess.run([binary, "users", "api-key", "admin", "--db", db, "--name", "bench"], capture_output=True, text=True,
                             check=True).stdout.strip()
        t0 = time.monotonic()
        status, _ = request(base + "/api/v1/parks", key, park_file(), "application/yaml")
        import_s = time.monotonic() - t0
        t0 = time.monotonic()
        for year in YEARS[1:]:
            request(base + "/api/v1/parks/bench-park/activity.csv", key, csv_rows(year), "text/csv")
        csv_s = time.monotonic() - t0
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        form = opener.open(base + "/login").read().decode()
        token = re.search(r'name="_login" value="([0-9a-f]+)"', form).group(1)
        opener.open(urllib.request.Request(base + "/login", data=f"_login={token}&username=admin&password=zeropark-admin".encode(),
                                           method="POST"))
        cookie = next(c for c in opener.handlers if isinstance(c, urllib.request.HTTPCookieProcessor)).cookiejar
        session = "; ".join(f"{c.name}={c.value}" for c in cookie if c.name == "zp_session")
        _, inventory = request(base + f"/api/v1/parks/bench-park/inventory?year={YEARS[-1]}", key)
        document = json.loads(inventory)
        baseline = wrk(base + "/healthz", [])
        overview = wrk(base + f"/parks/bench-park?year={YEARS[-1]}", [f"Cookie: {session}"])
        api = wrk(base + f"/api/v1/parks/bench-park/inventory?year={YEARS[-1]}", [f"Authorization: Bearer {key}"])
        print(f"ZeroPark server benchmark ({SOURCES} sources × 12 months × {len(YEARS)} years; wrk -t{THREADS} -c{CONNECTIONS} -d{DURATION}, loopback)")
        print(f"  start, new demo database:      {created * 1000:8.0f} ms (to first /healthz 200)")
        print(f"  start, reused demo database:   {reused * 1000:8.0f} ms")
        print(f"  import park file ({SOURCES} sources): {import_s * 1000:6.0f} ms;  CSV import of {2 * SOURCES * 12} values: {csv_s * 1000:.0f} ms")
        print(f"  inventory {YEARS[-1]}: {len(document['sources'])} sources, {document['totals']['emissions_tco2']:.1f} tCO2")
        report([("/healthz (baseline)", baseline), ("overview page", overview), ("inventory API", api)], baseline)
        process = telemetry(binary, db, port, base, key, session, process)
    finally:
        process.terminate()
        process.wait()


def report(results, baseline):
    for name, result in results:
        print(f"  {name:34} p50 {result['p50_ms']:8.2f} ms ({result['p50_ms'] / baseline['p50_ms']:7.1f}× baseline)  "
              f"p99 {result['p99_ms']:8.2f} ms  {result['rps']:9.1f} req/s  non-2xx {result['non2xx']}")


def telemetry(binary, db, port, base, key, session, process):
    """METERS interval meters (each feeding one purchased-electricity source) with DAYS days of 15-minute
    readings up to now, imported and cleaned by the command line with the server stopped; then the
    dashboard's queries under wrk. Returns the (restarted) server process."""
    for i in range(METERS):
        body = {"key": f"m{i:03d}", "name": f"电表 {i}", "quantity": "electricity_import", "unit": "kWh",
                "reading_kind": "interval", "feeds": f"s{(4 * i) % SOURCES}"}
        request(base + "/api/v1/parks/bench-park/meters", key, json.dumps(body))
    now = time.time()
    today = int((now + 28800) // 86400)             # CST day number
    start = (today - DAYS) * 86400 - 28800           # 00:00 CST, DAYS days ago
    slots = int((now - start) // 900)                # every complete 15-minute interval up to now
    path = os.path.join(os.path.dirname(db), "year.csv")
    with open(path, "w") as out:
        out.write("meter,ts,value\n")
        for slot in range(slots):
            stamp = time.strftime("%Y-%m-%dT%H:%M:00+08:00", time.gmtime(start + slot * 900 + 28800))
            hour = (slot % 96) // 4
            out.write("".join(f"m{i:03d},{stamp},{(20 + (i % 17) + (30 if 8 <= hour < 20 else 0) + (slot * 7 + i) % 5):.1f}\n"
                              for i in range(METERS)))
    process.terminate(); process.wait()
    t0 = time.monotonic()
    imported = subprocess.run([binary, "readings", "import", path, "--park", "bench-park", "--db", db], capture_output=True, text=True)
    load_s = time.monotonic() - t0
    if imported.returncode != 0:
        raise SystemExit(imported.stderr[-2000:])
    os.remove(path)
    process, _ = start_demo(binary, db, port)
    day = lambda number: time.strftime("%Y-%m-%d", time.gmtime(number * 86400))
    year = time.gmtime(now + 28800).tm_year
    cookie, bearer = [f"Cookie: {session}"], [f"Authorization: Bearer {key}"]
    baseline = wrk(base + "/healthz", [])
    results = [("/healthz (baseline)", baseline),
               ("live dashboard page", wrk(base + "/parks/bench-park/live", cookie)),
               (f"overview page {year} (metered)", wrk(base + f"/parks/bench-park?year={year}", cookie)),
               ("meter page (day + year charts)", wrk(base + "/parks/bench-park/meters/m007", cookie)),
               ("meter year, hourly (API)", wrk(base + f"/api/v1/parks/bench-park/meters/m007/series?from={day(today - 365)}"
                                                f"&to={day(today)}&resolution=hour", bearer)),
               ("a day at 15 minutes (API)", wrk(base + f"/api/v1/parks/bench-park/meters/m007/series?from={day(today - 1)}"
                                                 f"&to={day(today - 1)}&resolution=slot", bearer)),
               ("meter page, random meter", wrk(base, cookie, "/parks/bench-park/meters/{meter}")),
               ("meter year hourly, random meter", wrk(base, bearer, f"/api/v1/parks/bench-park/meters/{{meter}}/series?from={day(today - 365)}"
                                                                     f"&to={day(today)}&resolution=hour")),
               ("a day at 15 min, random meter+day", wrk(base, bearer, "/api/v1/parks/bench-park/meters/{meter}/series?from={day}&to={day}"
                                                                        "&resolution=slot"))]
    print(f"Telemetry: {METERS} meters × {slots:,} intervals = {METERS * slots:,} readings; "
          f"import + cleaning {load_s:.0f} s ({imported.stdout.strip().splitlines()[-1]})")
    report(results, baseline)
    return process


if __name__ == "__main__":
    main()
