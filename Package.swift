// swift-tools-version:6.2
//
// Fenliu (分流): five services in one package. Each service is a library (everything testable) plus a
// small executable; they share code only through the modules under Shared/. The `service(...)`
// helper below makes every service's targets the same way, so a sixth one costs three lines.

import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let hummingbird = Target.Dependency.product(name: "Hummingbird", package: "hummingbird")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let nioPosix = Target.Dependency.product(name: "NIOPosix", package: "swift-nio")
let nioCore = Target.Dependency.product(name: "NIOCore", package: "swift-nio")
let protobuf = Target.Dependency.product(name: "SwiftProtobuf", package: "swift-protobuf")

/// The common dependencies of every service library.
let serviceDependencies: [Target.Dependency] = [
    "FenliuModel", "RPC", "Postgres", "HTTPClient", "ServiceSupport", hummingbird, logging, protobuf,
    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
]

/// Targets for one service: `<Name>Service` (library), `<Name>Server` (executable) and its tests.
func service(_ name: String, resources: [Resource] = [], exclude: [String] = []) -> [Target] {
    [
        .target(
            name: "\(name)Service",
            dependencies: serviceDependencies,
            path: "Services/\(name)/\(name)Service",
            exclude: exclude,
            resources: resources,
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "\(name)Server",
            dependencies: [.target(name: "\(name)Service"), "ServiceSupport"],
            path: "Services/\(name)/\(name)Server",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "\(name)ServiceTests",
            dependencies: [.target(name: "\(name)Service"), "TestSupport"] + serviceDependencies,
            path: "Tests/\(name)ServiceTests",
            swiftSettings: swiftSettings
        ),
    ]
}

let serviceNames = ["Intake", "Classification", "Routing", "Feedback", "Reporting"]

/// Offline tools of the classification service: training the model file and evaluating it.
let classificationTools: [Target] = ["Train", "Eval"].map { tool in
    .executableTarget(
        name: "Classification\(tool)",
        dependencies: ["ClassificationService", "FenliuModel", "Postgres"],
        path: "Services/Classification/Classification\(tool)",
        swiftSettings: swiftSettings
    )
}

let package = Package(
    name: "Fenliu",
    platforms: [.macOS(.v15)],
    products: serviceNames.map { .executable(name: "fenliu-\($0.lowercased())", targets: ["\($0)Server"]) } + [
        .executable(name: "fenliu-classification-train", targets: ["ClassificationTrain"]),
        .executable(name: "fenliu-classification-eval", targets: ["ClassificationEval"]),
        .executable(name: "fenliu-receiver", targets: ["StandInReceiver"]),
        .executable(name: "protoc-gen-fenliu", targets: ["ProtocGenFenliu"]),
        .executable(name: "fenliu", targets: ["FenliuCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C libraries: module map and shim only; only Postgres and HTTPClient import them.
        .systemLibrary(name: "CLibPQ", path: "Shared/CLibPQ", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CCurl", path: "Shared/CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        .target(
            name: "Postgres",
            dependencies: ["CLibPQ", nioPosix, nioCore, logging],
            path: "Shared/Postgres",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "HTTPClient",
            dependencies: ["CCurl", nioPosix, nioCore],
            path: "Shared/HTTPClient",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FenliuModel",
            dependencies: [protobuf],
            path: "Shared/FenliuModel",
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RPC",
            dependencies: [
                "FenliuModel", "HTTPClient", hummingbird, logging, protobuf, nioCore,
                .product(name: "CompressNIO", package: "compress-nio"),
            ],
            path: "Shared/RPC",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ServiceSupport",
            dependencies: [
                "FenliuModel", "RPC", "Postgres", "HTTPClient", hummingbird, logging, protobuf, nioCore,
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Shared/ServiceSupport",
            swiftSettings: swiftSettings
        ),
        // Generates the method tables and handler protocols from Shared/Proto (scripts/generate-protos).
        .executableTarget(
            name: "ProtocGenFenliu",
            dependencies: [.product(name: "SwiftProtobufPluginLibrary", package: "swift-protobuf")],
            path: "Shared/ProtocGenFenliu",
            swiftSettings: swiftSettings
        ),
        // `fenliu`, the command-line client (keys, the audit trail).
        .executableTarget(
            name: "FenliuCLI",
            dependencies: [
                "FenliuModel", "RPC", "HTTPClient", "ServiceSupport", protobuf,
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Services/CLI/FenliuCLI",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TestSupport",
            dependencies: ["FenliuModel", "Postgres", "HTTPClient", "RPC", "ServiceSupport", hummingbird, logging, protobuf],
            path: "Tests/TestSupport",
            swiftSettings: swiftSettings
        ),

        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "HTTPClientTests", dependencies: ["HTTPClient", "TestSupport", hummingbird], swiftSettings: swiftSettings),
        .testTarget(
            name: "RPCTests",
            dependencies: [
                "RPC", "FenliuModel", "HTTPClient", "TestSupport", hummingbird, protobuf,
                .product(name: "CompressNIO", package: "compress-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ServiceSupportTests",
            dependencies: ["ServiceSupport", "Postgres", "RPC", "FenliuModel", "HTTPClient", "TestSupport", hummingbird, protobuf],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "FenliuModelTests", dependencies: ["FenliuModel"], swiftSettings: swiftSettings),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["FenliuModel", "RPC", "HTTPClient", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        // Keys, scopes and personal data across all five services (issue: security).
        .testTarget(
            name: "AccessTests",
            dependencies: [
                "FenliuModel", "RPC", "HTTPClient", "Postgres", "ServiceSupport", "TestSupport", protobuf, "IntakeService",
                "ClassificationService", "RoutingService", "FeedbackService", "ReportingService",
            ],
            swiftSettings: swiftSettings
        ),
    ]
        + service("Intake")
        + service("Classification", resources: [.copy("Resources")], exclude: ["Corpus"])
        + service("Routing", resources: [.copy("Resources")])
        + [
            // The local stack's stand-in for the external systems that routing delivers tickets to.
            .executableTarget(
                name: "StandInReceiver",
                dependencies: ["ServiceSupport", hummingbird, logging, nioCore],
                path: "Services/Routing/StandInReceiver",
                swiftSettings: swiftSettings
            ),
            .testTarget(name: "StandInReceiverTests", dependencies: ["StandInReceiver"], swiftSettings: swiftSettings),
        ]
        + service("Feedback")
        + service("Reporting")
        + classificationTools
)
