#!/usr/bin/env python3
"""Durability and tamper test (issue #8 §3, §9), run by scripts/test against real processes:

1. Kill -9: a demo database served by `zeropark serve --mqtt` behind a real mosquitto; first HTTP JSON
   batches (acknowledged = HTTP 200), then MQTT QoS 1 messages (acknowledged by the broker's PUBACK to
   the publisher; the server acknowledges the broker only after its commit) keep arriving while the
   server is killed with SIGKILL and restarted, DURABILITY_KILLS times (default 5) in each phase.
   Afterwards every acknowledged reading must be in the database: the number missing must be 0.
2. Tamper: `zeropark verify` passes, then fails naming the link after a stored reading, a batch
   record and a snapshot are edited directly in the database file (each on its own copy).

Usage: scripts/durability_test.py ZEROPARK_BINARY MQTT_PORT   (mosquitto already listening on MQTT_PORT)
"""
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

import paho.mqtt.client as mqtt

from zp_testlib import free_port, iso, start_demo, wait_for

KILLS = int(os.environ.get("DURABILITY_KILLS", "5"))
RUNNING = []  # every server process started, killed on the way out whatever happens
# The MQTT phase runs unless DURABILITY_MQTT=0 (e.g. to test HTTP alone).
WITH_MQTT = os.environ.get("DURABILITY_MQTT", "1") != "0"








def main():
    binary, mqtt_port = sys.argv[1], int(sys.argv[2])
    work = tempfile.mkdtemp(prefix="zp-durability-")
    db = os.path.join(work, "durability.sqlite")
    port = free_port()
    # Create the demo database (parks, users, meters) and read the admin's API key it prints once.
    demo, key = start_demo(binary, db, port)
    demo.send_signal(signal.SIGKILL)
    demo.wait()

    log = open(os.path.join(work, "server.log"), "ab")

    def start_server():
        return subprocess.Popen([binary, "serve", "--db", db, "--port", str(port), "--mqtt", f"127.0.0.1:{mqtt_port}",
                                 "--log-level", "warning"], stdout=log, stderr=log)

    server = start_server()
    RUNNING.append(server)
    wait_for(f"http://127.0.0.1:{port}/healthz")
    stop = threading.Event()
    http_acked = []   # ts of ev-chargers readings acknowledged with HTTP 200
    mqtt_acked = []   # ts of property-sub readings acknowledged by the broker
    base = 946_656_000  # 2000-01-01 00:00 CST: years before the demo history, so every reading is new

    def http_sender():
        slot = 0
        while not stop.is_set():
            batch = [base + (slot + i) * 900 for i in range(500)]
            body = json.dumps({"readings": [{"meter": "ev-chargers", "ts": iso(ts), "value": 1.5} for ts in batch]}).encode()
            request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/parks/nansha-demo/readings", data=body, method="POST",
                                             headers={"Content-Type": "application/json", "Authorization": f"Bearer {key}"})
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    if response.status == 200:
                        http_acked.extend(batch)
                        slot += 500
            except OSError:
                time.sleep(0.05)  # the server is down: retry the same batch

    lock = threading.Lock()
    pending = {}

    def on_publish(client, userdata, mid, reason_code=None, properties=None):
        with lock:
            ts = pending.pop(mid, None)
        if ts is not None:
            mqtt_acked.append(ts)

    publisher = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="durability-publisher", clean_session=True)
    publisher.on_publish = on_publish
    publisher.max_inflight_messages_set(200)
    publisher.connect("127.0.0.1", mqtt_port)
    publisher.loop_start()

    def mqtt_sender():
        slot = 0
        while not stop.is_set():
            # A gateway's buffer is bounded, and paho's must be: paho keys its outgoing messages by packet ID
            # (1..65535, reused without a check), so with more than 65,535 outstanding a newer message replaces
            # an older one and its PUBACK is reported for the newer one, which was never sent.
            with lock:
                outstanding = len(pending)
            if outstanding >= 20_000:
                time.sleep(0.01)
                continue
            ts = base + slot * 900
            info = publisher.publish("zeropark/nansha-demo/property-sub", json.dumps({"ts": iso(ts), "value": 2.5}), qos=1)
            with lock:
                pending[info.mid] = ts
            slot += 1
            if slot % 200 == 0:
                time.sleep(0.01)

    # Two phases, each with its own kills: HTTP ingest, then MQTT ingest.
    phases = [("HTTP", http_sender)] + ([("MQTT", mqtt_sender)] if WITH_MQTT else [])
    for phase, sender in phases:
        stop.clear()
        thread = threading.Thread(target=sender)
        thread.start()
        for kill in range(KILLS):
            time.sleep(random.uniform(1.0, 3.0))
            server.send_signal(signal.SIGKILL)
            server.wait()
            time.sleep(random.uniform(0.1, 0.5))
            server = start_server()
            RUNNING.append(server)
            wait_for(f"http://127.0.0.1:{port}/healthz")
            print(f"{phase} kill {kill + 1}/{KILLS}: {len(http_acked)} HTTP and {len(mqtt_acked)} MQTT readings acknowledged so far")
        time.sleep(1.0)
        stop.set()
        thread.join()
    # Let the broker deliver what it queued for the server, then count.
    deadline = time.time() + (120 if WITH_MQTT else 0)
    while True:
        with sqlite3.connect(db) as connection:
            stored_mqtt = {row[0] for row in connection.execute(
                "SELECT ts FROM reading WHERE meter_id = (SELECT id FROM meter WHERE key = 'property-sub') AND ts < 1761926400")}
            stored_http = {row[0] for row in connection.execute(
                "SELECT ts FROM reading WHERE meter_id = (SELECT id FROM meter WHERE key = 'ev-chargers') AND ts < 1761926400")}
        missing_mqtt = [ts for ts in mqtt_acked if ts not in stored_mqtt]
        missing_http = [ts for ts in http_acked if ts not in stored_http]
        if not missing_mqtt or time.time() > deadline:
            break
        time.sleep(1.0)
    publisher.loop_stop()
    publisher.disconnect()
    print(f"kill -9 x{KILLS}: HTTP {len(http_acked)} acknowledged, {len(missing_http)} missing"
          + (f"; MQTT {len(mqtt_acked)} acknowledged by the broker, {len(missing_mqtt)} missing" if WITH_MQTT else ""))
    failures = 0
    if missing_http or missing_mqtt or not http_acked or (WITH_MQTT and not mqtt_acked):
        print("FAIL: acknowledged readings are missing (or nothing was acknowledged)")
        log.flush()
        with open(os.path.join(work, "server.log"), "rb") as f:
            print(f.read()[-3000:].decode("utf-8", "replace"))
        failures += 1

    # Tamper: a snapshot, then verify before and after edits made behind the server's back.
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/parks/nansha-demo/inventories", data=b'{"year":2025}', method="POST",
                                     headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status in (200, 201), response.status
    server.send_signal(signal.SIGTERM)
    server.wait()
    intact = subprocess.run([binary, "verify", "--db", db], capture_output=True, text=True)
    print(intact.stdout.strip().splitlines()[-1])
    if intact.returncode != 0:
        print("FAIL: verify does not pass an untouched database\n" + intact.stdout)
        failures += 1
    edits = {
        "a stored reading": "UPDATE reading SET value = value + 1 WHERE (meter_id, ts) = (SELECT meter_id, ts FROM reading ORDER BY meter_id, ts LIMIT 1)",
        "a batch record": "UPDATE ingest_batch SET actor = 'someone-else' WHERE id = (SELECT max(id) FROM ingest_batch)",
        "a snapshot": "UPDATE inventory_snapshot SET document = replace(document, '4', '5') WHERE id = (SELECT max(id) FROM inventory_snapshot)",
    }
    for what, sql in edits.items():
        copy = os.path.join(work, "tampered.sqlite")
        shutil.copy(db, copy)
        for suffix in ("-wal", "-shm"):
            if os.path.exists(db + suffix):
                shutil.copy(db + suffix, copy + suffix)
        with sqlite3.connect(copy) as connection:
            connection.execute(sql)
        result = subprocess.run([binary, "verify", "--db", copy], capture_output=True, text=True)
        named = [line for line in result.stdout.splitlines() if line.startswith("MISMATCH")]
        print(f"tamper {what}: exit {result.returncode}; {named[0] if named else 'no mismatch named'}")
        if result.returncode != 1 or not named:
            failures += 1
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(copy + suffix):
                os.remove(copy + suffix)
    shutil.rmtree(work, ignore_errors=True)
    if failures:
        raise SystemExit(f"durability/tamper test: {failures} failure(s)")
    print("durability and tamper test: OK")


if __name__ == "__main__":
    try:
        main()
    finally:
        for process in RUNNING:
            if process.poll() is None:
                process.kill()
