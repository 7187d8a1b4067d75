// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "omaolo-backoffice",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Postgres", targets: ["Postgres"]),
        .executable(name: "backoffice", targets: ["backoffice"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.34.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(
            name: "Postgres",
            dependencies: [
                "CLibPQ",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: strict
        ),
        .target(name: "BackOffice", swiftSettings: strict),
        .target(
            name: "BackOfficePostgres",
            dependencies: [
                "BackOffice",
                "Postgres",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "BackOfficeHTTP",
            dependencies: [
                "BackOffice",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "BackOfficeWeb",
            dependencies: [
                "BackOffice",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Resources/templates"), .copy("Resources/i18n"), .copy("Resources/static")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "backoffice",
            dependencies: [
                "BackOffice",
                "BackOfficePostgres",
                "BackOfficeHTTP",
                "BackOfficeWeb",
                "Postgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(name: "PostgresTestSupport", dependencies: ["Postgres"], path: "Tests/PostgresTestSupport", swiftSettings: strict),
        .target(
            name: "BackOfficeTestSupport",
            dependencies: ["BackOffice", "BackOfficePostgres", "Postgres", "PostgresTestSupport"],
            path: "Tests/BackOfficeTestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "PostgresTestSupport"], swiftSettings: strict),
        .testTarget(name: "BackOfficeTests", dependencies: ["BackOffice", "BackOfficeTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "backofficeTests",
            dependencies: [
                "PostgresTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "BackOfficePostgresTests",
            dependencies: ["BackOfficePostgres", "Postgres", "BackOffice", "BackOfficeWeb", "PostgresTestSupport", "BackOfficeTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "BackOfficeHTTPTests",
            dependencies: [
                "BackOfficeHTTP",
                "BackOfficePostgres",
                "PostgresTestSupport",
                "BackOfficeTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .testTarget(
            name: "BackOfficeWebTests",
            dependencies: [
                "BackOfficeWeb",
                "BackOfficeHTTP",
                "BackOfficePostgres",
                "PostgresTestSupport",
                "BackOfficeTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strict
        ),
    ]
)
