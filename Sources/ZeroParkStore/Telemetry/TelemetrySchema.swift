import GRDB

/// The telemetry tables (issue #8; STANDARD.md 1.1.8, 1.1.29–1.1.35, 3.3): the meter registry,
/// raw readings (immutable, one row per meter and timestamp), their revisions, accepted batches,
/// the hash-chained ledger, the cleaned 15-minute series kept one row per meter-day beside the raw
/// data, month rollups, meter events, the cleaner's durable work queue, dead letters and alerts.
enum TelemetrySchema {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-telemetry") { db in
            try db.execute(sql: """
                CREATE TABLE meter (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    park_id INTEGER NOT NULL REFERENCES park(id) ON DELETE CASCADE,
                    key TEXT NOT NULL,
                    name TEXT NOT NULL,
                    quantity TEXT NOT NULL,
                    unit TEXT NOT NULL,
                    reading_kind TEXT NOT NULL,
                    interval_minutes INTEGER NOT NULL DEFAULT 15,
                    multiplier REAL NOT NULL DEFAULT 1,
                    counter_modulus REAL,
                    physical_min REAL,
                    physical_max REAL,
                    enterprise TEXT,
                    feeds TEXT,
                    parent_key TEXT,
                    created_at TEXT NOT NULL,
                    UNIQUE(park_id, key)
                );
                CREATE TABLE ingest_batch (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    park_id INTEGER NOT NULL REFERENCES park(id) ON DELETE CASCADE,
                    channel TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    received_at TEXT NOT NULL,
                    accepted INTEGER NOT NULL,
                    revised INTEGER NOT NULL,
                    repeated INTEGER NOT NULL
                );
                -- Raw readings, never updated. batch_id names the batch (and ledger link) that brought it.
                CREATE TABLE reading (
                    meter_id INTEGER NOT NULL,
                    ts INTEGER NOT NULL,
                    value REAL NOT NULL,
                    batch_id INTEGER NOT NULL,
                    PRIMARY KEY (meter_id, ts)
                ) WITHOUT ROWID;
                -- A later, different value for a (meter, ts): kept beside the original, the newest wins.
                CREATE TABLE reading_revision (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    meter_id INTEGER NOT NULL,
                    ts INTEGER NOT NULL,
                    value REAL NOT NULL,
                    previous REAL NOT NULL,
                    batch_id INTEGER NOT NULL
                );
                CREATE INDEX reading_revision_key ON reading_revision(meter_id, ts);
                -- Batches are appended in id order, so this index grows at its right edge; it lets
                -- `zeropark verify` re-hash a batch's rows in canonical order without holding them all.
                CREATE INDEX reading_batch ON reading(batch_id);
                CREATE INDEX reading_revision_batch ON reading_revision(batch_id);
                -- Append-only chain: link = SHA-256(previous link, kind, reference, content hash, time).
                CREATE TABLE ledger (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    park_id INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    ref_id INTEGER NOT NULL,
                    recorded_at TEXT NOT NULL,
                    content_sha256 TEXT NOT NULL,
                    previous_sha256 TEXT NOT NULL,
                    link_sha256 TEXT NOT NULL
                );
                CREATE INDEX ledger_park ON ledger(park_id, seq);
                -- The cleaned series at the meter's interval, one row per meter and CST day: values as
                -- little-endian Float64 per slot (NaN = missing), one quality byte per slot.
                CREATE TABLE meter_day (
                    meter_id INTEGER NOT NULL,
                    day INTEGER NOT NULL,
                    slot_values BLOB NOT NULL,
                    quality BLOB NOT NULL,
                    total REAL NOT NULL,
                    measured INTEGER NOT NULL,
                    estimated INTEGER NOT NULL,
                    missing INTEGER NOT NULL,
                    flagged INTEGER NOT NULL,
                    minimum REAL,
                    maximum REAL,
                    PRIMARY KEY (meter_id, day)
                ) WITHOUT ROWID;
                CREATE TABLE meter_month (
                    meter_id INTEGER NOT NULL,
                    month INTEGER NOT NULL,
                    total REAL NOT NULL,
                    measured INTEGER NOT NULL,
                    estimated INTEGER NOT NULL,
                    missing INTEGER NOT NULL,
                    flagged INTEGER NOT NULL,
                    minimum REAL,
                    maximum REAL,
                    PRIMARY KEY (meter_id, month)
                ) WITHOUT ROWID;
                CREATE TABLE meter_event (
                    meter_id INTEGER NOT NULL,
                    ts INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    detail TEXT NOT NULL,
                    PRIMARY KEY (meter_id, ts, kind)
                ) WITHOUT ROWID;
                -- CST days of raw data the cleaner has not yet folded into meter_day/meter_month (one row
                -- per meter and day, so late data for an old day never re-cleans the days between).
                -- Written in the ingest transaction, so a crash never loses work.
                CREATE TABLE telemetry_dirty (
                    meter_id INTEGER NOT NULL,
                    day INTEGER NOT NULL,
                    generation INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (meter_id, day)
                ) WITHOUT ROWID;
                CREATE TABLE dead_letter (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    park_id INTEGER REFERENCES park(id) ON DELETE CASCADE,
                    channel TEXT NOT NULL,
                    topic TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    payload_bytes INTEGER NOT NULL,
                    reason TEXT NOT NULL,
                    received_at TEXT NOT NULL
                );
                CREATE INDEX dead_letter_park ON dead_letter(park_id, id);
                -- Alert rules (issue #8 §8): kind above / below (threshold, slots), night_baseline (threshold =
                -- the night minimum, from_hour, to_hour), offline (slots), quality_below (threshold = completeness,
                -- hours). `firing` is whether the condition held at the last evaluation, so that an alert
                -- resolved by hand is not reopened until the condition has cleared and come back.
                CREATE TABLE alert_rule (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    park_id INTEGER NOT NULL REFERENCES park(id) ON DELETE CASCADE,
                    key TEXT NOT NULL,
                    meter_id INTEGER NOT NULL REFERENCES meter(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    threshold REAL,
                    slots INTEGER,
                    from_hour INTEGER,
                    to_hour INTEGER,
                    hours INTEGER,
                    enabled INTEGER NOT NULL DEFAULT 1,
                    firing INTEGER NOT NULL DEFAULT 0,
                    created_at TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    UNIQUE(park_id, key)
                );
                CREATE INDEX alert_rule_meter ON alert_rule(meter_id);
                -- An alert keeps the rule as it was when it opened (JSON), so that its history outlives the rule.
                CREATE TABLE alert (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    park_id INTEGER NOT NULL REFERENCES park(id) ON DELETE CASCADE,
                    rule_id INTEGER REFERENCES alert_rule(id) ON DELETE SET NULL,
                    rule_key TEXT NOT NULL,
                    rule TEXT NOT NULL,
                    meter_id INTEGER NOT NULL REFERENCES meter(id) ON DELETE CASCADE,
                    state TEXT NOT NULL,
                    opened_at TEXT NOT NULL,
                    observed_ts INTEGER NOT NULL,
                    observed_value REAL,
                    observed_slots INTEGER,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX alert_park ON alert(park_id, state, id);
                CREATE INDEX alert_rule_state ON alert(rule_id, state);
                CREATE INDEX alert_meter ON alert(meter_id);
                -- Who did what: opened, acknowledged, resolved (actor `system` when automatic) and webhook
                -- deliveries (status = the HTTP status, note = the error). webhook_pending marks an opened or
                -- resolved event still to be delivered to the park's webhook.
                CREATE TABLE alert_event (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    alert_id INTEGER NOT NULL REFERENCES alert(id) ON DELETE CASCADE,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    note TEXT,
                    status INTEGER,
                    webhook_pending INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX alert_event_alert ON alert_event(alert_id, id);
                CREATE INDEX alert_event_pending ON alert_event(id) WHERE webhook_pending = 1;
                ALTER TABLE park ADD COLUMN alert_webhook TEXT;
                -- Bumped by the cleaner whenever a park's cleaned data changes: part of the data version
                -- that computed inventories are cached under (meter-backed sources).
                CREATE TABLE telemetry_version (
                    park_id INTEGER PRIMARY KEY REFERENCES park(id) ON DELETE CASCADE,
                    version INTEGER NOT NULL
                );
                """)
            // Snapshots saved before the ledger existed open their park's chain, oldest first.
            let snapshots = try Row.fetchAll(db, sql: """
                SELECT s.id, s.park_id, p.key AS park_key, s.year, s.created_at, s.created_by, s.input_park_file, s.document
                FROM inventory_snapshot s JOIN park p ON p.id = s.park_id ORDER BY s.id
                """)
            for row in snapshots {
                let createdAt: String = row["created_at"]
                let content = Ledger.snapshotContent(parkKey: row["park_key"], year: row["year"], createdAt: createdAt,
                                                     createdBy: row["created_by"], inputParkFile: row["input_park_file"],
                                                     document: row["document"])
                _ = try Ledger.append(db, parkID: row["park_id"], kind: .snapshot, refID: row["id"], content: content, at: createdAt)
            }
        }
    }
}
