// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ZeroPark",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "zeropark", targets: ["zeropark"]),
        .library(name: "ZeroParkCore", targets: ["ZeroParkCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Pure accounting core: park model, units, factor library, methods, inventory. Foundation only, no I/O.
        .target(name: "ZeroParkCore"),
        // Untrusted input, read with limits: JSON values with line/column, request-body schemas (also the
        // OpenAPI document's), CSV with 1-based line/column, text hygiene. Foundation only, no I/O.
        .target(name: "ZeroParkInput", dependencies: ["ZeroParkCore"]),
        // Meter readings from .xlsx workbooks: the zip read with ZIPFoundation under size and ratio bounds,
        // the sheet XML with a bounded scanner (no DTDs, no entity expansion).
        .target(name: "ZeroParkSpreadsheet", dependencies: [
            "ZeroParkInput", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // MQTT 3.1.1 client on SwiftNIO: the server's subscriber acknowledges (PUBACK) only after its
        // commit; also the simulator's publisher. NIO only.
        .target(name: "ZeroParkMQTT", dependencies: [
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        // Park files (YAML, format version 1) to and from the Core model, with line/column locations.
        .target(name: "ZeroParkParkFile", dependencies: [
            "ZeroParkCore", "ZeroParkInput", "ZeroParkTelemetry",
            .product(name: "Yams", package: "Yams"),
        ]),
        // Meter telemetry, pure: meters, counter deltas, cleaning and gap filling, day/month rollups,
        // alert conditions, the CST calendar. Foundation only, no I/O, no clock.
        .target(name: "ZeroParkTelemetry"),
        // Persistent parks, users, roles, activity data, snapshots and the audit log (SQLite via GRDB);
        // meters, raw readings with revisions, cleaned rollups and the hash-chained ledger.
        .target(name: "ZeroParkStore", dependencies: [
            "ZeroParkCore", "ZeroParkInput", "ZeroParkTelemetry",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // SVG charts shared by the web pages and, later, the reports.
        .target(name: "ZeroParkReports", dependencies: ["ZeroParkCore"]),
        // The Hummingbird server: REST API, web dashboard, auth.
        .target(name: "ZeroParkServer", dependencies: [
            "ZeroParkCore", "ZeroParkInput", "ZeroParkParkFile", "ZeroParkStore", "ZeroParkReports", "ZeroParkTelemetry",
            "ZeroParkSpreadsheet", "ZeroParkMQTT", "ZeroParkScenario", "ZeroParkTariff", "ZeroParkOptimisation", "ZeroParkClp", "ZeroParkPlanning",
            "ZeroParkEvaluation", "ZeroParkQR", "ZeroParkPDF", "ZeroParkXLSX",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "NIOCore", package: "swift-nio"),
        ]),
        // Electricity tariffs (issue #9): effective-dated, cited time-of-use, critical-peak, demand and export
        // terms; expansion to per-step import/export prices and months; the cost of a metered series. Pure.
        .target(name: "ZeroParkTariff"),
        // COIN-OR Clp's C API (Debian coinor-libclp-dev), found with pkg-config.
        .systemLibrary(name: "CClp", pkgConfig: "clp", providers: [.apt(["coinor-libclp-dev"])]),
        // libqrencode (Debian libqrencode-dev), found with pkg-config, and the QR code built on it (issue #11).
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .target(name: "ZeroParkQR", dependencies: ["CQREncode"]),
        // libxlsxwriter (Debian libxlsxwriter-dev), found with pkg-config, and the workbook writer on it (issue #11 report).
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "ZeroParkXLSX", dependencies: ["CXlsxWriter"]),
        // HTML → PDF by headless Chromium (Debian chromium), behind a protocol (issue #11 report and certificate).
        .target(name: "ZeroParkPDF"),
        // LP model builder, the dispatch model (PV, storage, EV charging, CHP) with its infeasibility
        // diagnosis and result reader. Pure: no I/O, no solver (solvers plug in via LinearProgramSolver).
        .target(name: "ZeroParkOptimisation"),
        // The LinearProgramSolver on COIN-OR Clp (dual simplex with presolve, through the C API).
        .target(name: "ZeroParkClp", dependencies: ["CClp", "ZeroParkOptimisation"]),
        // Day-ahead load and PV forecasts from metered history (similar-day, calendar regression, clear-sky ×
        // recent cloudiness) and their evaluation against seasonal-naive (MAPE, nMAE). Pure.
        .target(name: "ZeroParkForecast"),
        // The neutrality plan (issue #10): the base year from the park's inventory, measures with their
        // abatement rules and costs, MAC (equivalent annual cost) and NPV, the pathway reduce → absorb →
        // offset (local credits first) with the ordering rule enforced. Pure.
        .target(name: "ZeroParkPlanning", dependencies: ["ZeroParkCore", "ZeroParkInput", "ZeroParkOptimisation"]),
        // Evaluation and certificates (issue #11): rule packs (T/IPIF, 910号 core indicator) over the basis years,
        // grades per Table 1, and the signed certificate (Ed25519 over canonical JSON) with its verification. Pure.
        .target(name: "ZeroParkEvaluation", dependencies: ["ZeroParkCore", .product(name: "Crypto", package: "swift-crypto")]),
        // Synthetic dispatch instances for tests and scripts/bench-dispatch (test prices, not shipped tariff data).
        .target(name: "ZeroParkDispatchSamples", dependencies: ["ZeroParkOptimisation"]),
        // Dispatch scenarios (issue #9 item 3): the YAML/JSON scenario a user writes (tariff, horizon, assets,
        // grid factor, load/PV series from CSV files or the park's meters), read with field paths and line/column,
        // assembled into a DispatchProblem through the tariff expansion and run on a solver. Pure except the
        // series reads, which sit behind `SeriesSource` (files here; the store's meters in ZeroParkServer).
        .target(name: "ZeroParkScenario", dependencies: [
            "ZeroParkCore", "ZeroParkInput", "ZeroParkParkFile", "ZeroParkTariff", "ZeroParkOptimisation", "ZeroParkPlanning",
            "ZeroParkEvaluation", "ZeroParkForecast", .product(name: "Yams", package: "Yams"),
        ]),
        // The command line's commands and renderers (table, JSON, CSV); the executable is a thin shell over it.
        .target(name: "ZeroParkCommands", dependencies: [
            "ZeroParkCore", "ZeroParkParkFile", "ZeroParkServer", "ZeroParkStore", "ZeroParkReports", "ZeroParkTelemetry",
            "ZeroParkInput", "ZeroParkSpreadsheet", "ZeroParkMQTT", "ZeroParkScenario", "ZeroParkTariff", "ZeroParkOptimisation",
            "ZeroParkClp", "ZeroParkPlanning", "ZeroParkEvaluation",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "zeropark", dependencies: ["ZeroParkCommands"]),
        // Prints timing figures for large park files (parse vs. compute) and for the untrusted-input
        // readers against Foundation/stdlib baselines; see scripts/bench and scripts/bench-input.
        .executableTarget(name: "zeropark-bench", dependencies: [
            "ZeroParkCore", "ZeroParkParkFile", "ZeroParkInput", .product(name: "Yams", package: "Yams"),
        ]),
        // Fuzz entry points for the park-file, CSV and JSON-body readers: a libFuzzer target when built with
        // -sanitize=fuzzer -D ZEROPARK_LIBFUZZER (scripts/fuzz), else a replayer of the committed corpus.
        .executableTarget(name: "zeropark-fuzz", dependencies: ["ZeroParkCore", "ZeroParkInput", "ZeroParkParkFile"]),
        // Times build + solve of the synthetic dispatch year and writes the LP for scripts/dispatch_highs.py.
        .executableTarget(name: "zeropark-dispatch-bench", dependencies: [
            "ZeroParkOptimisation", "ZeroParkClp", "ZeroParkDispatchSamples",
        ]),
        // Forecast errors on held-out weeks, rolling-operation cost gap and a sizing run, on SYNTHETIC data.
        .executableTarget(name: "zeropark-forecast-bench", dependencies: [
            "ZeroParkForecast", "ZeroParkOptimisation", "ZeroParkClp", "ZeroParkDispatchSamples",
        ]),
        .testTarget(name: "ZeroParkForecastTests", dependencies: ["ZeroParkForecast"]),
        .testTarget(name: "ZeroParkEvaluationTests", dependencies: ["ZeroParkEvaluation", "ZeroParkCore"]),
        .testTarget(name: "ZeroParkTariffTests", dependencies: ["ZeroParkTariff"]),
        .testTarget(name: "ZeroParkQRTests", dependencies: ["ZeroParkQR"]),
        .testTarget(name: "ZeroParkXLSXTests", dependencies: ["ZeroParkXLSX"]),
        .testTarget(name: "ZeroParkPDFTests", dependencies: ["ZeroParkPDF"]),
        .testTarget(name: "ZeroParkPlanningTests", dependencies: ["ZeroParkPlanning", "ZeroParkCore", "ZeroParkInput", "ZeroParkParkFile"]),
        .testTarget(name: "ZeroParkScenarioTests", dependencies: [
            "ZeroParkScenario", "ZeroParkTariff", "ZeroParkOptimisation", "ZeroParkClp", "ZeroParkInput", "ZeroParkForecast",
        ]),
        .testTarget(name: "ZeroParkOptimisationTests", dependencies: ["ZeroParkOptimisation"]),
        .testTarget(name: "ZeroParkClpTests", dependencies: ["ZeroParkOptimisation", "ZeroParkClp", "ZeroParkDispatchSamples"]),
        .testTarget(name: "ZeroParkCoreTests", dependencies: [
            "ZeroParkCore", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "ZeroParkInputTests", dependencies: [
            "ZeroParkInput", "ZeroParkCore", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "ZeroParkTelemetryTests", dependencies: [
            "ZeroParkTelemetry", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "ZeroParkMQTTTests", dependencies: [
            "ZeroParkMQTT", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOEmbedded", package: "swift-nio"), .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        ]),
        .testTarget(name: "ZeroParkSpreadsheetTests", dependencies: [
            "ZeroParkSpreadsheet", "ZeroParkInput", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], resources: [.copy("Fixtures")]),
        .testTarget(name: "ZeroParkParkFileTests", dependencies: ["ZeroParkCore", "ZeroParkParkFile"]),
        .testTarget(name: "ZeroParkReportsTests", dependencies: [
            "ZeroParkReports", "ZeroParkCore", "ZeroParkParkFile", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "ZeroParkStoreTests", dependencies: [
            "ZeroParkStore", "ZeroParkCore", "ZeroParkParkFile", "ZeroParkTelemetry", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "ZeroParkServerTests", dependencies: [
            "ZeroParkServer", "ZeroParkStore", "ZeroParkCore", "ZeroParkTelemetry", "ZeroParkReports", "ZeroParkMQTT",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Yams", package: "Yams"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "ZeroParkCommandsTests", dependencies: [
            "ZeroParkCommands", "ZeroParkReports", "zeropark", "ZeroParkStore", "ZeroParkParkFile", "ZeroParkTelemetry", "ZeroParkCore",
        ]),
    ],
    swiftLanguageModes: [.v6]
)
