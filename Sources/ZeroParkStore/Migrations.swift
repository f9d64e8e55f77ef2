import GRDB
import ZeroParkCore

/// The database schema, as named, ordered migrations that are never edited once shipped
/// (DESIGN.md, GRDB lesson). Foreign keys are on; every park-owned row cascades with its park.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-parks-users-audit") { db in
            try db.execute(sql: """
                CREATE TABLE park (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    key TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    name_en TEXT,
                    type TEXT NOT NULL,
                    province TEXT,
                    area_m2 REAL NOT NULL,
                    output_value_cny REAL,
                    boundary_evidence TEXT NOT NULL DEFAULT '[]',
                    published INTEGER NOT NULL DEFAULT 0,
                    reduction_target TEXT,
                    default_year INTEGER NOT NULL,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE enterprise (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    park_id INTEGER NOT NULL REFERENCES park(id) ON DELETE CASCADE,
                    key TEXT NOT NULL,
                    name TEXT NOT NULL,
                    UNIQUE(park_id, key)
                );
                CREATE TABLE park_factor (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    park_id INTEGER NOT NULL REFERENCES park(id) ON DELETE CASCADE,
                    key TEXT NOT NULL,
                    value REAL NOT NULL,
                    unit TEXT NOT NULL,
                    source TEXT NOT NULL,
                    UNIQUE(park_id, key)
                );
                CREATE TABLE park_fuel (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    park_id INTEGER NOT NULL REFERENCES park(id) ON DELETE CASCADE,
                    key TEXT NOT NULL,
                    name TEXT NOT NULL,
                    ncv_value REAL NOT NULL, ncv_unit TEXT NOT NULL,
                    cc_value REAL NOT NULL, cc_unit TEXT NOT NULL,
                    oxidation REAL NOT NULL,
                    biogenic INTEGER NOT NULL DEFAULT 0,
                    coal_value REAL, coal_unit TEXT,
                    source TEXT NOT NULL,
                    UNIQUE(park_id, key)
                );
                CREATE TABLE source (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    park_id INTEGER NOT NULL REFERENCES park(id) ON DELETE CASCADE,
                    key TEXT NOT NULL,
                    name TEXT NOT NULL,
                    system TEXT NOT NULL,
                    method TEXT NOT NULL,
                    fuel TEXT, factor TEXT, grid TEXT, gas TEXT, gwp_set TEXT, scope INTEGER,
                    enterprise TEXT,
                    unit TEXT NOT NULL,
                    data_source TEXT, evidence TEXT,
                    UNIQUE(park_id, key)
                );
                CREATE INDEX source_park ON source(park_id);
                CREATE TABLE activity (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
                    year INTEGER NOT NULL,
                    month INTEGER NOT NULL CHECK (month BETWEEN 0 AND 12),
                    value REAL NOT NULL CHECK (value >= 0),
                    data_source TEXT, evidence TEXT,
                    recorded_by TEXT NOT NULL,
                    recorded_at TEXT NOT NULL,
                    UNIQUE(source_id, year, month)
                );
                CREATE TABLE sink (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    park_id INTEGER NOT NULL REFERENCES park(id) ON DELETE CASCADE,
                    key TEXT NOT NULL,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    year INTEGER,
                    area_m2 REAL, rate_value REAL, rate_unit TEXT,
                    captured_value REAL, captured_unit TEXT,
                    verification TEXT, source TEXT,
                    UNIQUE(park_id, key)
                );
                CREATE TABLE offset_claim (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    park_id INTEGER NOT NULL REFERENCES park(id) ON DELETE CASCADE,
                    key TEXT NOT NULL,
                    name TEXT NOT NULL,
                    type TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    quantity_value REAL NOT NULL, quantity_unit TEXT NOT NULL,
                    vintage INTEGER, local INTEGER NOT NULL DEFAULT 0, retired TEXT, registry_ref TEXT,
                    commitment_years INTEGER, verification TEXT,
                    UNIQUE(park_id, key)
                );
                CREATE TABLE inventory_snapshot (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    park_id INTEGER NOT NULL REFERENCES park(id) ON DELETE CASCADE,
                    year INTEGER NOT NULL,
                    created_at TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    input_hash TEXT NOT NULL,
                    output_hash TEXT NOT NULL,
                    input_park_file TEXT NOT NULL,
                    document TEXT NOT NULL,
                    emissions_tco2 REAL NOT NULL,
                    net_tco2 REAL NOT NULL
                );
                CREATE TABLE user (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    username TEXT NOT NULL UNIQUE,
                    display_name TEXT NOT NULL,
                    password_hash TEXT NOT NULL,
                    is_admin INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE membership (
                    user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
                    park_id INTEGER NOT NULL REFERENCES park(id) ON DELETE CASCADE,
                    role TEXT NOT NULL,
                    enterprise TEXT,
                    PRIMARY KEY (user_id, park_id)
                );
                CREATE TABLE session (
                    token_hash TEXT PRIMARY KEY,
                    user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
                    csrf_token TEXT NOT NULL,
                    expires_at TEXT NOT NULL
                );
                CREATE TABLE api_key (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    key_hash TEXT NOT NULL UNIQUE,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE review_comment (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    park_id INTEGER NOT NULL REFERENCES park(id) ON DELETE CASCADE,
                    user_id INTEGER NOT NULL REFERENCES user(id),
                    target TEXT NOT NULL,
                    text TEXT NOT NULL,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    park_id INTEGER,
                    entity TEXT NOT NULL,
                    entity_key TEXT NOT NULL,
                    action TEXT NOT NULL,
                    before TEXT,
                    after TEXT
                );
                CREATE INDEX audit_park ON audit_log(park_id, id);
                """)
        }
        // The park's accounting conventions (docs/accounting-rules.md) as a JSON object of park-file
        // keys to values; '{}' is the defaults.
        migrator.registerMigration("v2-accounting-rules") { db in
            try db.execute(sql: "ALTER TABLE park ADD COLUMN accounting_rules TEXT NOT NULL DEFAULT '{}'")
        }
        // Issue #7: a source's inventory category (910号 numerator), and green certificates claimed
        // against purchased electricity — one claim per certificate id per park, across all years.
        migrator.registerMigration("v3-certificates-and-categories") { db in
            try db.execute(sql: """
                ALTER TABLE source ADD COLUMN category TEXT;
                CREATE TABLE green_certificate (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    park_id INTEGER NOT NULL REFERENCES park(id) ON DELETE CASCADE,
                    key TEXT NOT NULL,
                    source_key TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    mwh REAL NOT NULL CHECK (mwh >= 0),
                    vintage INTEGER NOT NULL,
                    retired TEXT,
                    registry TEXT,
                    UNIQUE(park_id, key)
                );
                """)
        }
        // Offset integrity (docs/accounting-rules.md §4): the project's province (local is derived
        // from it), the retirement's beneficiary, the typed local flag kept apart (NULL: none typed;
        // rows before this migration always had one), and the registry reference's comparison key,
        // indexed so that a reference is claimed once per park across all years. Duplicates stored
        // before this migration are kept; the store refuses a new claim of a taken reference.
        migrator.registerMigration("v3-offset-integrity") { db in
            try db.execute(sql: """
                ALTER TABLE offset_claim ADD COLUMN project_province TEXT;
                ALTER TABLE offset_claim ADD COLUMN retired_for TEXT;
                ALTER TABLE offset_claim ADD COLUMN local_stated INTEGER;
                ALTER TABLE offset_claim ADD COLUMN registry_key TEXT;
                UPDATE offset_claim SET local_stated = local;
                CREATE INDEX offset_claim_registry ON offset_claim(park_id, registry_key);
                """)
            let rows = try Row.fetchAll(db, sql: "SELECT id, registry_ref FROM offset_claim WHERE registry_ref IS NOT NULL")
            for row in rows {
                let reference: String = row["registry_ref"]
                try db.execute(sql: "UPDATE offset_claim SET registry_key = ? WHERE id = ?",
                               arguments: [CarbonOffset.registryKey(reference), row["id"] as Int64])
            }
        }
        TelemetrySchema.register(&migrator)
        // Issue #10: neutrality plans, stored and versioned per park (who, when, why), each with the
        // measures file it was computed from and its zeropark.plan/1 document; never updated.
        migrator.registerMigration("v5-plans") { db in
            try db.execute(sql: """
                CREATE TABLE plan_version (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    park_id INTEGER NOT NULL REFERENCES park(id) ON DELETE CASCADE,
                    version INTEGER NOT NULL,
                    base_year INTEGER NOT NULL,
                    created_at TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    measures_file TEXT NOT NULL,
                    document TEXT NOT NULL,
                    balance_year INTEGER,
                    UNIQUE(park_id, version)
                );
                """)
        }
        migrator.registerMigration("v6-trial-period") { db in
            // One declared trial period per park (issue #10 item 6; STANDARD.md 1.1.9): its dates, the plan
            // version it is held to and the deviation threshold of a finding.
            try db.execute(sql: """
                CREATE TABLE trial_period (
                    park_id INTEGER PRIMARY KEY REFERENCES park(id) ON DELETE CASCADE,
                    start_date TEXT NOT NULL,
                    end_date TEXT NOT NULL,
                    plan_version INTEGER NOT NULL,
                    threshold REAL NOT NULL,
                    declared_at TEXT NOT NULL,
                    declared_by TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v7-year-output") { db in
            // The park's area and output value per year (issue #10 item 7; STANDARD.md 1.1.14): the year's
            // intensities use them, and the plan tracks output per area year by year.
            try db.execute(sql: """
                CREATE TABLE year_output (
                    park_id INTEGER NOT NULL REFERENCES park(id) ON DELETE CASCADE,
                    year INTEGER NOT NULL,
                    area_m2 REAL NOT NULL,
                    output_value_cny REAL,
                    data_source TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    updated_by TEXT NOT NULL,
                    PRIMARY KEY (park_id, year)
                );
                """)
        }
        migrator.registerMigration("v8-park-tariff") { db in
            // The park's electricity tariff (issue #9 item 1; STANDARD.md 1.1.36): the scenario's tariff
            // section as JSON, for monitoring cost and the optimisation pages.
            try db.execute(sql: """
                CREATE TABLE park_tariff (
                    park_id INTEGER PRIMARY KEY REFERENCES park(id) ON DELETE CASCADE,
                    body TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    updated_by TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v9-park-catalogue") { db in
            // The park's own figures for kinds of measure (issue #10 item 2): the built-in catalogue ships no
            // cost, the park records its quotes with their source.
            try db.execute(sql: """
                CREATE TABLE park_catalogue (
                    park_id INTEGER NOT NULL REFERENCES park(id) ON DELETE CASCADE,
                    category TEXT NOT NULL,
                    body TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    updated_by TEXT NOT NULL,
                    PRIMARY KEY (park_id, category)
                );
                """)
        }
        migrator.registerMigration("v10-evaluations") { db in
            // Third-party evaluations (issue #11 item 2; STANDARD.md 1.1.12, 1.1.41–1.1.43): draft → submitted →
            // decided, the body (basis, snapshots, answers) and the result as JSON. Certificates outlive their
            // park (no foreign key), so that /verify keeps answering; issuer keys hold public keys only.
            try db.execute(sql: """
                CREATE TABLE evaluation (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    park_id INTEGER NOT NULL REFERENCES park(id) ON DELETE CASCADE,
                    state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'decided')),
                    body TEXT NOT NULL,
                    result TEXT,
                    opened_at TEXT NOT NULL,
                    opened_by TEXT NOT NULL,
                    submitted_at TEXT,
                    submitted_by TEXT,
                    decided_at TEXT,
                    decided_by TEXT,
                    note TEXT,
                    certificate_id TEXT
                );
                CREATE INDEX evaluation_park ON evaluation(park_id, id);
                CREATE TABLE park_certificate (
                    id TEXT PRIMARY KEY,
                    park_key TEXT NOT NULL,
                    evaluation_id INTEGER NOT NULL,
                    key_id TEXT NOT NULL,
                    document TEXT NOT NULL,
                    issued_at TEXT NOT NULL,
                    issued_by TEXT NOT NULL,
                    revoked_at TEXT,
                    revoked_by TEXT,
                    revocation_reason TEXT
                );
                CREATE INDEX park_certificate_park ON park_certificate(park_key);
                CREATE TABLE issuer_key (
                    key_id TEXT PRIMARY KEY,
                    public_key TEXT NOT NULL,
                    registered_at TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v11-snapshot-context") { db in
            // What a snapshot's report shows beside the inventory (issue #11 item 1): data quality, monitoring,
            // the neutrality plan and the trial year as they stood when the snapshot was saved (JSON), so the
            // report is re-made from the snapshot alone. NULL for snapshots saved before.
            try db.execute(sql: "ALTER TABLE inventory_snapshot ADD COLUMN context TEXT")
        }
        migrator.registerMigration("v12-published-snapshot") { db in
            // The snapshot a park discloses (issue #12 defect 10, issue #11 item 6; STANDARD.md 1.1.2(d)): the
            // public page shows it, with its publication date and hashes, instead of live data.
            try db.execute(sql: """
                CREATE TABLE published_snapshot (
                    park_id INTEGER PRIMARY KEY REFERENCES park(id) ON DELETE CASCADE,
                    snapshot_id INTEGER NOT NULL REFERENCES inventory_snapshot(id),
                    published_at TEXT NOT NULL,
                    published_by TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v13-evaluation-evidence") { db in
            // Files an evaluator attaches as evidence to a draft (issue #11 item 2; STANDARD.md 1.1.41–1.1.43):
            // the bytes, their SHA-256 (which the evaluation's hashes and its certificate carry), the checked
            // name and kind, and the checklist item they support.
            try db.execute(sql: """
                CREATE TABLE evaluation_evidence (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    evaluation_id INTEGER NOT NULL REFERENCES evaluation(id) ON DELETE CASCADE,
                    item TEXT NOT NULL,
                    file_name TEXT NOT NULL,
                    media_type TEXT NOT NULL,
                    size INTEGER NOT NULL CHECK (size > 0),
                    sha256 TEXT NOT NULL,
                    content BLOB NOT NULL,
                    uploaded_at TEXT NOT NULL,
                    uploaded_by TEXT NOT NULL
                );
                CREATE INDEX evaluation_evidence_evaluation ON evaluation_evidence(evaluation_id, id);
                """)
        }
        return migrator
    }
}
