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
    ],
    targets: [
        // Pure accounting core: park model, units, factor library, methods, inventory. Foundation only, no I/O.
        .target(name: "ZeroParkCore"),
        // Park files (YAML, format version 1) to and from the Core model, with line/column locations.
        .target(name: "ZeroParkParkFile", dependencies: [
            "ZeroParkCore",
            .product(name: "Yams", package: "Yams"),
        ]),
        // The command line's commands and renderers (table, JSON, CSV); the executable is a thin shell over it.
        .target(name: "ZeroParkCommands", dependencies: [
            "ZeroParkCore", "ZeroParkParkFile",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "zeropark", dependencies: ["ZeroParkCommands"]),
        // Prints timing figures for large park files (parse vs. compute); see scripts/bench.
        .executableTarget(name: "zeropark-bench", dependencies: [
            "ZeroParkCore", "ZeroParkParkFile", .product(name: "Yams", package: "Yams"),
        ]),
        .testTarget(name: "ZeroParkCoreTests", dependencies: ["ZeroParkCore"]),
        .testTarget(name: "ZeroParkParkFileTests", dependencies: ["ZeroParkCore", "ZeroParkParkFile"]),
        .testTarget(name: "ZeroParkCommandsTests", dependencies: ["ZeroParkCommands", "zeropark"]),
    ],
    swiftLanguageModes: [.v6]
)
