"""Driver of scripts/bench-ingest (see there). Test tooling only; never part of the product."""
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request

import paho.mqtt.client as mqtt

from zp_testlib import free_port, iso, start_demo, wait_for

binary, work, mqtt_port, meters, intervals = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
# BENCH_PATHS picks the paths (default all), e.g. BENCH_PATHS=baseline,file for the year-scale backfill alone.
PATHS = set(os.environ.get("BENCH_PATHS", "baseline,file,json,csv,mqtt").split(","))
start = 946_656_000  # 2000-01-01 00:00 CST: far from the demo history, so every row is new
total = meters * intervals
keys = [f"bench-{m:04d}" for m in range(meters)]








def value(m, i):
    return 10 + (m * 7 + i * 13) % 50


def peak_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


# 1. A database with the demo park and the bench meters (interval meters, 15 minutes).
base_db = os.path.join(work, "base.sqlite")
port = free_port()
demo, key = start_demo(binary, base_db, port)
for name in keys:
    body = json.dumps({"key": name, "name": name, "quantity": "electricity_import", "unit": "kWh", "reading_kind": "interval"}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/parks/nansha-demo/meters", data=body, method="POST",
                                     headers={"Content-Type": "application/json", "Authorization": f"Bearer {key}"})
    urllib.request.urlopen(request).read()
demo.send_signal(signal.SIGTERM)
demo.wait()
with sqlite3.connect(base_db) as connection:  # fold the WAL into the file, which fresh() copies alone
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")

# 2. The rows, time-ordered, as the payloads of each path.
print(f"rows: {meters} meters x {intervals} intervals = {total:,} readings, time-ordered")
csv_path = os.path.join(work, "readings.csv")
with open(csv_path, "w") as out:
    out.write("meter,ts,value\n")
    for i in range(intervals):
        stamp = iso(start + i * 900)
        out.write("".join(f"{keys[m]},{stamp},{value(m, i)}\n" for m in range(meters)))
per_body = max(1, 20_000 // meters)  # intervals per HTTP body (~20,000 readings)


def bodies(media):
    """The HTTP bodies of one path, made before its clock starts (one path's bodies in memory at a time)."""
    made = []
    for first in range(0, intervals, per_body):
        span = range(first, min(first + per_body, intervals))
        if media == "application/json":
            made.append(json.dumps({"readings": [{"meter": keys[m], "ts": iso(start + i * 900), "value": value(m, i)}
                                                 for i in span for m in range(meters)]}).encode())
        else:
            made.append(("meter,ts,value\n" + "".join(f"{keys[m]},{iso(start + i * 900)},{value(m, i)}\n"
                                                      for i in span for m in range(meters))).encode())
    return made


def fresh(name):
    path = os.path.join(work, name + ".sqlite")
    shutil.copy(base_db, path)
    return path


def count(db):
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT count(*) FROM reading WHERE ts < 1000000000").fetchone()[0]


def committed(db):
    """Readings committed so far by MQTT, from the batch records (one row per commit: cheap to poll, unlike count())."""
    with sqlite3.connect(db) as connection:
        # MQTT batches only: the demo park's simulator and history backfill also write batches.
        return connection.execute("SELECT coalesce(sum(accepted), 0) FROM ingest_batch WHERE channel IN ('mqtt', 'mqtt_gateway')").fetchone()[0]


results = {}


def record(label, rate, kib):
    results[label] = (rate, kib)
    print(f"  {label}: {rate:,.0f} readings/s, peak RSS {kib / 1024:.0f} MB" if kib else f"  {label}: {rate:,.0f} readings/s", flush=True)

# 3. Baseline: sqlite3 .import of the same rows (numeric) into the same table, same page cache.
if "baseline" in PATHS:
    baseline_db = os.path.join(work, "baseline.sqlite")
    numeric = os.path.join(work, "numeric.csv")
    with open(numeric, "w") as out:
        for i in range(intervals):
            out.write("".join(f"{m + 1},{start + i * 900},{value(m, i)},1\n" for m in range(meters)))
    schema = ("PRAGMA journal_mode=WAL; PRAGMA cache_size=-65536;"
              "CREATE TABLE reading (meter_id INTEGER NOT NULL, ts INTEGER NOT NULL, value REAL NOT NULL, batch_id INTEGER NOT NULL,"
              " PRIMARY KEY (meter_id, ts)) WITHOUT ROWID; CREATE INDEX reading_batch ON reading(batch_id);")
    subprocess.run(["sqlite3", baseline_db, schema], check=True, capture_output=True)
    t = time.perf_counter()
    subprocess.run(["sqlite3", baseline_db], input=f"PRAGMA cache_size=-65536;\n.mode csv\n.import {numeric} reading\n", text=True, check=True)
    record("sqlite3 .import (baseline)", total / (time.perf_counter() - t), 0)
    os.remove(baseline_db)

# 4. File import (the command line), committed; cleaning apart.
if "file" in PATHS:
    db = fresh("file")
    t = time.perf_counter()
    importer = subprocess.Popen([binary, "readings", "import", csv_path, "--park", "nansha-demo", "--db", db, "--no-clean"],
                                stdout=subprocess.DEVNULL)
    peak = 0
    while importer.poll() is None:
        peak = max(peak, peak_kib(importer.pid))
        time.sleep(0.02)
    elapsed = time.perf_counter() - t
    assert importer.returncode == 0 and count(db) == total, count(db)
    record("file import (zeropark readings import)", total / elapsed, peak)
    os.remove(db)


def serve(db, mqtt_broker=False):
    port = free_port()
    arguments = [binary, "serve", "--db", db, "--port", str(port), "--log-level", "error"]
    if mqtt_broker:
        arguments += ["--mqtt", f"127.0.0.1:{mqtt_port}"]
    server = subprocess.Popen(arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for(f"http://127.0.0.1:{port}/healthz")
    return server, port


# 5. HTTP JSON and CSV: one connection after another, each body committed before the next is sent.
for label, media in (("HTTP JSON", "application/json"), ("HTTP CSV", "text/csv")):
    if label.split()[1].lower() not in PATHS:
        continue
    payloads = bodies(media)
    db = fresh(label.replace(" ", "-"))
    server, port = serve(db)
    t = time.perf_counter()
    for body in payloads:
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/parks/nansha-demo/readings", data=body, method="POST",
                                         headers={"Content-Type": media, "Authorization": f"Bearer {key}"})
        with urllib.request.urlopen(request, timeout=120) as response:
            assert response.status == 200
    elapsed = time.perf_counter() - t
    assert count(db) == total
    record(label, total / elapsed, peak_kib(server.pid))
    server.send_signal(signal.SIGTERM)
    server.wait()
    del payloads
    os.remove(db)

# 6. MQTT: gateway messages (one interval of every meter), QoS 1, until every reading is committed. The
# publisher keeps at most WINDOW readings published and not yet committed, as a gateway with a bounded
# buffer would (the broker queues at most max_queued_bytes for a lagging subscriber and drops beyond it).
if "mqtt" in PATHS:
    db = fresh("mqtt")
    server, port = serve(db, mqtt_broker=True)
    publisher = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="bench-publisher", clean_session=True)
    publisher.max_inflight_messages_set(100)
    publisher.connect("127.0.0.1", mqtt_port)
    publisher.loop_start()
    window = 200_000
    payload = lambda i: json.dumps({"readings": [{"meter": keys[m], "ts": iso(start + i * 900), "value": value(m, i)} for m in range(meters)]})
    ready = [payload(i) for i in range(min(intervals, 2_000))]  # made before the clock starts; the rest on the way
    t = time.perf_counter()
    for i in range(intervals):
        while (i * meters) - committed(db) > window:
            time.sleep(0.005)
        publisher.publish("zeropark/nansha-demo/gateway/bench", ready[i] if i < len(ready) else payload(i), qos=1)
    while committed(db) < total and time.perf_counter() - t < 1800:
        time.sleep(0.02)
    elapsed = time.perf_counter() - t
    if count(db) != total:
        with sqlite3.connect(db) as connection:
            print("MQTT mismatch:", connection.execute(
                "SELECT count(*), sum(accepted), sum(revised), sum(repeated), (SELECT count(*) FROM reading),"
                " (SELECT count(*) FROM reading WHERE ts < 1000000000), (SELECT count(*) FROM dead_letter) FROM ingest_batch").fetchone(),
                "elapsed", elapsed, file=sys.stderr)
    assert count(db) == total, count(db)
    record("MQTT (gateway topic)", total / elapsed, peak_kib(server.pid))
    publisher.loop_stop()
    server.send_signal(signal.SIGTERM)
    server.wait()

baseline = results.get("sqlite3 .import (baseline)", (0, 0))[0]
print(f"{'path':42} {'readings/s':>14} {'÷ baseline':>11} {'peak RSS':>10}")
for label, (rate, kib) in results.items():
    memory = f"{kib / 1024:9.0f}M" if kib else "        —"
    ratio = f"{rate / baseline:11.2f}" if baseline else "          —"
    print(f"{label:42} {rate:14,.0f} {ratio} {memory}")
